package dev.vlsuite.navigation.cli;

import ai.djl.Device;
import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.RenderedViewFeatures;
import dev.vlsuite.navigation.env.TsvViewFeatures;
import dev.vlsuite.navigation.env.ViewFeatures;
import dev.vlsuite.navigation.env.Viewpoint;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where the houses are and where their view features come from (a picocli mixin of train, eval and run). */
public class WorldOptions {
    @Option(names = "--connectivity", paramLabel = "DIR", description = "Folder of <scan>_connectivity.json (default: DATA/connectivity).")
    Path connectivity;

    @Option(names = "--features", paramLabel = "FILE", description = "View features in the R2R baseline's TSV (36 views per viewpoint); default: computed from DATA/views.")
    Path features;

    @Option(names = "--views", paramLabel = "DIR", description = "Rendered views <scan>/<viewpoint>/<ix>.png (default: DATA/views).")
    Path views;

    @Option(names = "--backbone", defaultValue = "vgg-small", paramLabel = "SPEC", description = "CNN for rendered views (default: ${DEFAULT-VALUE}).")
    String backbone;

    @Option(names = "--image-size", defaultValue = "64", paramLabel = "PX", description = "Backbone input side for rendered views (default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache of rendered views (default: DATA/features).")
    Path cache;

    private FeatureExtractor extractor;
    private FeatureCache featureCache;
    private RenderedViewFeatures rendered;

    Connectivity connectivity(Path data) {
        Path c = connectivity != null ? connectivity : data != null ? data.resolve("connectivity") : null;
        if (c == null) throw new UsageException("give --connectivity DIR (or a houses folder)");
        if (!Files.isDirectory(c)) throw new UsageException(c + ": no such connectivity folder");
        return new Connectivity(c);
    }

    /**
     * The environment with view features for every viewpoint of the given scans: the TSV when given, else the
     * rendered views through the CNN and the cache (extracted once; bad images reported one line each).
     */
    Environment environment(Path data, Collection<String> scans, Device device, PrintWriter err) throws IOException {
        Connectivity conn = connectivity(data);
        ViewFeatures f;
        if (features != null) {
            if (!Files.isRegularFile(features)) throw new UsageException(features + ": no such features file");
            f = TsvViewFeatures.read(features, line -> {
                err.println(line);
                err.flush();
            });
        } else {
            Path v = views != null ? views : data != null ? data.resolve("views") : null;
            if (v == null || !Files.isDirectory(v)) throw new UsageException("no view features: give --features FILE.tsv or --views DIR (or a houses folder with views/)");
            try {
                extractor = Backbones.open(backbone, device, imageSize);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--backbone: " + e.getMessage(), e);
            }
            Path c = cache != null ? cache : data != null ? data.resolve("features") : v.resolveSibling("features");
            featureCache = FeatureCache.open(c, extractor);
            rendered = new RenderedViewFeatures(v, featureCache);
            List<String[]> pairs = new ArrayList<>();
            for (String scan : scans) for (Viewpoint p : conn.graph(scan).viewpoints()) pairs.add(new String[] {scan, p.id()});
            int failed = rendered.ensure(pairs, line -> {
                err.println(line);
                err.flush();
            });
            if (failed > 0) err.println(failed + " views could not be read; episodes that need them will fail");
            f = rendered;
        }
        return new Environment(conn, f);
    }

    static Set<String> scansOf(List<Episode> episodes) {
        Set<String> s = new LinkedHashSet<>();
        for (Episode e : episodes) s.add(e.scan());
        return s;
    }

    void close() {
        if (rendered != null) rendered.close();
        if (featureCache != null) featureCache.close();
        if (extractor != null) extractor.close();
    }
}

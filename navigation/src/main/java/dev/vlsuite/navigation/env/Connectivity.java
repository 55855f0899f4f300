package dev.vlsuite.navigation.env;

import dev.vlsuite.shared.io.SafePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A folder of {@code <scan>_connectivity.json} files; each scan's graph is read on first use and kept. */
public final class Connectivity {
    private final Path dir;
    private final Map<String, NavGraph> graphs = new ConcurrentHashMap<>();

    public Connectivity(Path dir) {
        if (!Files.isDirectory(dir)) throw new NavigationDataException(dir + ": no such connectivity folder");
        this.dir = dir;
    }

    /** Graphs given directly (tests, generated worlds). */
    public static Connectivity of(NavGraph... given) {
        Connectivity c = new Connectivity();
        for (NavGraph g : given) c.graphs.put(g.scan(), g);
        return c;
    }

    private Connectivity() {
        this.dir = null;
    }

    public Path directory() {
        return dir;
    }

    /** The graph of a scan; the scan id comes from dataset files, so its file must stay inside the folder. */
    public NavGraph graph(String scan) {
        NavGraph g = graphs.get(scan);
        if (g != null) return g;
        if (dir == null) throw new NavigationDataException("no connectivity graph for scan " + scan);
        if (scan.contains("/") || scan.contains("\\")) throw new NavigationDataException("scan id '" + scan + "' is not a plain name");
        Path file;
        try {
            file = SafePaths.resolveUnder(dir, scan + "_connectivity.json");
        } catch (IllegalArgumentException e) {
            throw new NavigationDataException("scan id '" + scan + "': " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file)) throw new NavigationDataException(file + ": no connectivity file for scan " + scan);
        return graphs.computeIfAbsent(scan, s -> ConnectivityReader.read(file, s));
    }
}

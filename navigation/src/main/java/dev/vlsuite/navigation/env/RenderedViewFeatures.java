package dev.vlsuite.navigation.env;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.shared.io.SafePaths;
import dev.vlsuite.shared.vision.FeatureCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * View features computed from rendered views ({@code views/<scan>/<viewpoint>/<ix>.png}, ix = 12*e + h) by the
 * shared CNN path: each view's pooled feature vector from the shared {@link FeatureCache}, so they are extracted
 * once and reused by every later run. Call {@link #ensure} for the viewpoints a run needs first.
 */
public final class RenderedViewFeatures implements ViewFeatures, AutoCloseable {
    private final Path viewsRoot;
    private final FeatureCache cache;
    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, float[]> panoramas = new ConcurrentHashMap<>();

    public RenderedViewFeatures(Path viewsRoot, FeatureCache cache) {
        this.viewsRoot = viewsRoot;
        this.cache = cache;
    }

    /** The file of one view; scan and viewpoint ids come from dataset files, so the path stays under the root. */
    public Path viewFile(String scan, String viewpoint, int viewIndex) {
        try {
            return SafePaths.resolveUnder(viewsRoot, scan + "/" + viewpoint + "/" + viewIndex + ".png");
        } catch (IllegalArgumentException e) {
            throw new NavigationDataException("view of " + scan + "/" + viewpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * Extracts (or finds cached) the 36 views of every (scan, viewpoint) pair; a bad or missing image is one line
     * to {@code onBadFile}. Returns the number of views that failed.
     */
    public int ensure(Collection<String[]> scanViewpoints, Consumer<String> onBadFile) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String[] sv : scanViewpoints) for (int ix = 0; ix < VIEWS; ix++) files.add(viewFile(sv[0], sv[1], ix));
        return cache.ensure(files, onBadFile).failed();
    }

    @Override
    public int dim() {
        return cache.extractor().channels();
    }

    @Override
    public float[] panorama(String scan, String viewpoint) {
        return panoramas.computeIfAbsent(scan + "_" + viewpoint, k -> {
            int d = dim();
            float[] all = new float[VIEWS * d];
            for (int ix = 0; ix < VIEWS; ix++) {
                Path f = viewFile(scan, viewpoint, ix);
                if (!cache.contains(f)) throw new NavigationDataException(f + ": view not extracted (missing or unreadable image)");
                try (NDManager sub = manager.newSubManager()) {
                    NDArray pooled = cache.pooled(f, sub);   // (D)
                    System.arraycopy(pooled.toFloatArray(), 0, all, ix * d, d);
                }
            }
            return all;
        });
    }

    @Override
    public void close() {
        manager.close();
    }
}

package dev.vlsuite.navigation.env;

import dev.vlsuite.shared.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The R2R baseline's precomputed view features: a tab-separated file without header, one line per viewpoint,
 * columns {@code scanId, viewpointId, image_w, image_h, vfov, features} where features is the base64 of 36 x D
 * little-endian float32 (numpy's bytes). A bad line is reported (file, line, reason) and skipped.
 */
public final class TsvViewFeatures implements ViewFeatures {
    private final Path file;
    private final int dim;
    private final Map<String, float[]> byViewpoint;

    private TsvViewFeatures(Path file, int dim, Map<String, float[]> byViewpoint) {
        this.file = file;
        this.dim = dim;
        this.byViewpoint = byViewpoint;
    }

    public static TsvViewFeatures read(Path file, Consumer<String> onBadLine) throws IOException {
        Map<String, float[]> map = new HashMap<>();
        int dim = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                String where = file + ": line " + no + ": ";
                if (f.length != 6) {
                    onBadLine.accept(where + "expected 6 tab-separated columns (scanId, viewpointId, image_w, image_h, vfov, features), found " + f.length);
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(f[5].trim());
                } catch (IllegalArgumentException e) {
                    onBadLine.accept(where + "features are not base64: " + e.getMessage());
                    continue;
                }
                if (bytes.length == 0 || bytes.length % (4 * VIEWS) != 0) {
                    onBadLine.accept(where + "features hold " + bytes.length + " bytes, not 36 x D float32");
                    continue;
                }
                int d = bytes.length / (4 * VIEWS);
                if (dim < 0) dim = d;
                if (d != dim) {
                    onBadLine.accept(where + "features have D = " + d + ", earlier lines " + dim);
                    continue;
                }
                float[] v = new float[VIEWS * d];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                map.put(key(f[0], f[1]), v);
            }
        }
        if (map.isEmpty()) throw new NavigationDataException(file + ": no usable view-feature line");
        return new TsvViewFeatures(file, dim, map);
    }

    /** Writes features in the same layout (image 640x480, vfov 60, as the baseline's files say). */
    public static void write(Path file, Map<String[], float[]> panoramas) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
            for (Map.Entry<String[], float[]> e : panoramas.entrySet()) {
                float[] v = e.getValue();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                w.write(String.format(Locale.ROOT, "%s\t%s\t640\t480\t60\t%s\n", e.getKey()[0], e.getKey()[1],
                        Base64.getEncoder().encodeToString(b.array())));
            }
            w.flush();
        });
    }

    private static String key(String scan, String vp) {
        return scan + "_" + vp;
    }

    @Override
    public int dim() {
        return dim;
    }

    public int size() {
        return byViewpoint.size();
    }

    @Override
    public float[] panorama(String scan, String viewpoint) {
        float[] v = byViewpoint.get(key(scan, viewpoint));
        if (v == null) throw new NavigationDataException(file + ": no features for scan " + scan + " viewpoint " + viewpoint);
        return v;
    }
}

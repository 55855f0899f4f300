package dev.vlsuite.assets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled sample clips (8 MPEG-4 files of 36 frames at 112 px, 12 fps, with videodatainfo.json and
 * groundtruth.json) kept as class-path resources under {@value #RESOURCE_DIR}; made by
 * {@code bin/synth videos --count 8 --seed 2025 --layout msrvtt}. Copied out once to a cache folder
 * keyed by the content's hash, as {@link Samples} does for the still images.
 */
public final class VideoSamples {
    public static final String RESOURCE_DIR = "/dev/vlsuite/assets/samples/videos/";
    public static final long SEED = 2025;
    private static final BundledFolder BUNDLE = new BundledFolder(RESOURCE_DIR, "video-samples", "the bundled sample videos",
            VideoSamples::listFiles);

    private VideoSamples() {}

    /** A folder holding the sample dataset (MSR-VTT layout): {@code videos/videoN.mp4}, the two JSON files. */
    public static Path folder() {
        return BUNDLE.folder();
    }

    /** The sample video files, in dataset order. */
    public static List<Path> videos() {
        Path dir = folder();
        List<Path> out = new ArrayList<>();
        for (String rel : videoFiles(BUNDLE)) out.add(dir.resolve(rel));
        return out;
    }

    /** Copies every sample file into {@code dir} (created if missing) and returns it. */
    public static Path extractTo(Path dir) throws IOException {
        return BUNDLE.extractTo(dir);
    }

    /** Paths relative to the dataset folder, e.g. "videos/video0.mp4". */
    static List<String> videoFiles() {
        return videoFiles(BUNDLE);
    }

    private static List<String> videoFiles(BundledFolder bundle) {
        try {
            JsonNode root = Json.MAPPER.readTree(bundle.resourceOrFail(VideoDatasetWriter.MSRVTT_JSON));
            List<String> names = new ArrayList<>();
            for (JsonNode v : root.get("videos")) names.add(VideoDatasetWriter.MSRVTT_FOLDER + "/" + v.get("video_id").asText() + ".mp4");
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("bundled sample videodatainfo.json is unreadable", e);
        }
    }

    /** The clips, the ground truth, then videodatainfo.json (its presence marks a complete copy). */
    private static List<String> listFiles(BundledFolder bundle) {
        List<String> out = new ArrayList<>(videoFiles(bundle));
        out.add(VideoDatasetWriter.GROUND_TRUTH_JSON);
        out.add(VideoDatasetWriter.MSRVTT_JSON);
        return out;
    }
}

package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneRenderer;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a dataset folder: {@code images/NNNNNN.png}, {@code scenes.json}, {@code questions.json},
 * {@code annotations.json} and, last, {@code dataset.json} (Karpathy format). Every file is written
 * atomically; a reader that sees dataset.json sees every image it names.
 */
public final class SceneWriter {
    public static final String DATASET_JSON = "dataset.json";
    public static final String SCENES_JSON = "scenes.json";
    public static final String QUESTIONS_JSON = "questions.json";
    public static final String ANNOTATIONS_JSON = "annotations.json";

    private SceneWriter() {}

    /** "000042.png" for scene id 42. */
    public static String filename(Scene s) {
        return String.format("%06d.png", s.id());
    }

    public static WrittenDataset write(Path dir, List<Scene> scenes, Splits splits) throws IOException {
        return write(dir, scenes, splits, () -> {});
    }

    /** @param afterEachImage called once per written image (progress bars) */
    public static WrittenDataset write(Path dir, List<Scene> scenes, Splits splits, Runnable afterEachImage) throws IOException {
        Path images = dir.resolve(KarpathyJson.IMAGE_FOLDER);
        for (Scene s : scenes) {
            SceneRenderer.writePng(s, s.canvas(), images.resolve(filename(s)));
            afterEachImage.run();
        }
        ObjectNode questions = VqaJson.questions(scenes);
        writeJson(dir.resolve(SCENES_JSON), SceneJson.toJson(scenes));
        writeJson(dir.resolve(QUESTIONS_JSON), questions);
        writeJson(dir.resolve(ANNOTATIONS_JSON), VqaJson.annotations(scenes));
        ObjectNode karpathy = KarpathyJson.toJson(scenes, splits.assign(scenes.size()));
        writeJson(dir.resolve(DATASET_JSON), karpathy);
        int captions = 0;
        for (JsonNode img : karpathy.get("images")) captions += img.get("sentences").size();
        return new WrittenDataset(dir, scenes.size(), captions, questions.get("questions").size());
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        AtomicFiles.write(file, out -> Json.MAPPER.writeValue(new NonClosing(out), node));
    }

    /** Jackson closes the stream it writes to; AtomicFiles closes it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

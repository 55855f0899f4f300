package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneRenderer;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a synthetic VisDial folder: {@code images/NNNNNN.png}, {@code visdial_1.0_train.json},
 * {@code visdial_1.0_val.json}, {@code visdial_1.0_test.json} (each only when its split has scenes) and
 * {@code visdial_1.0_val_dense_annotations.json}. Every file is written atomically.
 */
public final class DialogWriter {
    public static final String DENSE_JSON = "visdial_1.0_val_dense_annotations.json";

    private DialogWriter() {}

    public static String dialogsFile(String split) {
        return "visdial_1.0_" + split + ".json";
    }

    /** What was written: images, dialogs, rounds (with an answer or withheld) and dense rounds. */
    public record Written(int images, int dialogs, int rounds, int denseRounds) {}

    public static Written write(Path dir, List<Scene> scenes, Splits splits, Runnable afterEachImage) throws IOException {
        for (Scene s : scenes) {
            SceneRenderer.writePng(s, s.canvas(), dir.resolve(KarpathyJson.IMAGE_FOLDER).resolve(SceneWriter.filename(s)));
            afterEachImage.run();
        }
        Map<String, List<Scene>> bySplit = VisDialJson.bySplit(scenes, splits.assign(scenes.size()));
        int rounds = 0;
        int dense = 0;
        for (String split : List.of("train", "val", "test")) {
            List<Scene> part = bySplit.get(split);
            if (part == null) continue;
            JsonNode file = VisDialJson.dialogs(part, split);
            for (JsonNode d : file.get("data").get("dialogs")) rounds += d.get("dialog").size();
            writeJson(dir.resolve(dialogsFile(split)), file);
            if (split.equals("val")) {
                JsonNode d = VisDialJson.denseAnnotations(part);
                dense = d.size();
                writeJson(dir.resolve(DENSE_JSON), d);
            }
        }
        return new Written(scenes.size(), scenes.size(), rounds, dense);
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        AtomicFiles.write(file, out -> out.write(Json.MAPPER.writeValueAsBytes(node)));
    }
}

package dev.vlsuite.vqa.training;

import ai.djl.Device;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.vqa.data.VqaDataReader;
import dev.vlsuite.vqa.data.VqaItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A synthetic-world VQA dataset written on the fly (all questions of every scene), read back by the module's reader. */
public record SyntheticVqa(List<Scene> scenes, WrittenDataset written, List<VqaItem> items) {
    public static SyntheticVqa generate(Path dir, long seed, int count, WorldOptions world) throws IOException {
        List<Scene> scenes = SyntheticWorld.generate(seed, count, 128, world);
        WrittenDataset written = SceneWriter.write(dir, scenes, new Splits(1.0, 0.0, 0.0));
        var data = VqaDataReader.read(dir.resolve(SceneWriter.QUESTIONS_JSON), dir.resolve(SceneWriter.ANNOTATIONS_JSON), dir,
                line -> { throw new AssertionError("bad row in a generated dataset: " + line); });
        return new SyntheticVqa(scenes, written, data.items());
    }

    /** vgg-small features of every image, cached under {@code dir}. */
    public static FeatureCache cache(Path dir) throws IOException {
        FeatureExtractor fx = Backbones.open("vgg-small", Device.cpu());
        return FeatureCache.open(dir, fx);
    }
}

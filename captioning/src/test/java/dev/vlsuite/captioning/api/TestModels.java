package dev.vlsuite.captioning.api;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes tiny caption bundles of {@link FakeCaptionNet} on the vgg-small backbone at 64 px (grid 4 x 4 x 128). */
public final class TestModels {
    public static final List<String> WORDS = List.of("a", "red", "circle", "here");
    public static final int IMAGE_SIZE = 64;
    public static final int GRID_SIDE = 4;

    /** Builds the fake nets from a config (what the tool gets in tests instead of the real decoders). */
    public static final CaptionNetFactory NETS = (config, manager) -> {
        FakeCaptionNet net = new FakeCaptionNet(config);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, config.locations(), config.featureSize()), new Shape(1));
        return net;
    };

    private TestModels() {}

    /** The model always says "a red circle here" (a bigram chain with a wide margin). */
    public static Path write(Path file, Arch arch) throws IOException {
        VlEngine.configure(new EngineOptions("cpu", 0, 7, false));
        Vocabulary vocab = Vocabulary.of(WORDS);
        CaptionConfig config = new CaptionConfig(arch, vocab.size(), 8, 8, 8, 128, arch.attends() ? GRID_SIDE * GRID_SIDE : 1,
                0f, 1f, 0.002f, 0.5f, "vgg-small", IMAGE_SIZE, 20);
        try (NDManager m = NDManager.newBaseManager()) {
            FakeCaptionNet net = new FakeCaptionNet(config);
            net.initialize(m, DataType.FLOAT32, new Shape(1, config.locations(), config.featureSize()), new Shape(1));
            net.spell(4, 5, 6, 7);
            JsonNode vocabJson = Json.MAPPER.readTree(vocab.toJson());
            ModelBundle.write(file, BundleContents.of(CaptionModel.TASK, config, vocabJson, Json.MAPPER.createObjectNode(), net));
        }
        return file;
    }

    public static CaptionModel load(Path file) throws IOException {
        return CaptionModel.load(file, ai.djl.Device.cpu(), NETS);
    }
}

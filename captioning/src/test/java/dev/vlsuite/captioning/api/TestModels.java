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
    public static final List<String> COLOURS = List.of("red", "blue", "green", "yellow", "white", "black", "orange", "purple");
    public static final List<String> SHAPES = List.of("circle", "square", "star", "cross", "diamond", "triangle", "heart", "moon");
    public static final List<String> WORDS;

    static {
        List<String> words = new java.util.ArrayList<>(List.of("a", "here"));
        words.addAll(COLOURS);
        words.addAll(SHAPES);
        WORDS = List.copyOf(words);
    }
    public static final int IMAGE_SIZE = 64;
    public static final int GRID_SIDE = 4;

    /** Builds the fake nets from a config (what the tool gets in tests instead of the real decoders). */
    public static final CaptionNetFactory NETS = (config, manager) -> {
        FakeCaptionNet net = new FakeCaptionNet(config);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, config.locations(), config.featureSize()), new Shape(1));
        return net;
    };

    private TestModels() {}

    /**
     * The model says "a COLOUR SHAPE here", the colour and the shape picked by the image (FakeCaptionNet): the same
     * image always gets the same caption, different images different ones.
     */
    public static Path write(Path file, Arch arch) throws IOException {
        VlEngine.configure(new EngineOptions("cpu", 0, 7, false));
        Vocabulary vocab = Vocabulary.of(WORDS);
        CaptionConfig config = new CaptionConfig(arch, vocab.size(), 8, 8, 8, 128, arch.attends() ? GRID_SIDE * GRID_SIDE : 1,
                0f, 1f, 0.002f, 0.5f, "vgg-small", IMAGE_SIZE, 20);
        try (NDManager m = NDManager.newBaseManager()) {
            FakeCaptionNet net = new FakeCaptionNet(config);
            net.initialize(m, DataType.FLOAT32, new Shape(1, config.locations(), config.featureSize()), new Shape(1));
            int first = Vocabulary.UNK_ID + 1;                    // "a"
            int[] colours = java.util.stream.IntStream.range(first + 2, first + 2 + COLOURS.size()).toArray();
            int[] shapes = java.util.stream.IntStream.range(first + 2 + COLOURS.size(), first + 2 + COLOURS.size() + SHAPES.size()).toArray();
            net.spell(new int[] {first}, colours, shapes, new int[] {first + 1});
            JsonNode vocabJson = Json.MAPPER.readTree(vocab.toJson());
            ModelBundle.write(file, BundleContents.of(CaptionModel.TASK, config, vocabJson, Json.MAPPER.createObjectNode(), net));
        }
        return file;
    }

    /** Whether a caption has the fake's frame: "a COLOUR SHAPE here". */
    public static boolean framed(String caption) {
        String[] w = caption.split(" ");
        return w.length == 4 && w[0].equals("a") && COLOURS.contains(w[1]) && SHAPES.contains(w[2]) && w[3].equals("here");
    }

    /** Each image's caption, captioned alone through the API (greedy): what any batch, format or tool must attach to it. */
    public static java.util.Map<Path, String> captionsOneByOne(Path model, List<Path> images) throws IOException {
        java.util.Map<Path, String> out = new java.util.LinkedHashMap<>();
        try (ImageCaptioner c = ImageCaptioner.open(load(model), ai.djl.Device.cpu(), null)) {
            for (Path image : images) out.put(image, c.caption(image, CaptionOptions.defaults().withBeam(1)).text());
        } catch (dev.vlsuite.shared.image.BadImageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return out;
    }

    public static CaptionModel load(Path file) throws IOException {
        return CaptionModel.load(file, ai.djl.Device.cpu(), NETS);
    }
}

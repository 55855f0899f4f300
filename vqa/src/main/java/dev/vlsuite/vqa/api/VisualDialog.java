package dev.vlsuite.vqa.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.vqa.model.LateFusionConfig;
import dev.vlsuite.vqa.model.LateFusionNet;
import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.image.BadImageException;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureExtractor;
import dev.vlsuite.shared.vision.Features;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

/**
 * A trained visual dialog model (late fusion, discriminative decoder) read from its bundle: the net, its word
 * vocabulary and config. Close it to free the parameters.
 * <pre>{@code
 * try (VisualDialog model = VisualDialog.load(Path.of("dialog.vlm"), Device.cpu())) { ... }
 * }</pre>
 */
public final class VisualDialog implements AutoCloseable {
    /** The task name in dialog bundles. */
    public static final String TASK = "visual-dialog";

    private final TaskBundle<LateFusionConfig, LateFusionNet> bundle;
    private final Vocabulary vocabulary;
    private final List<String> answers = new ArrayList<>();
    private final Device device;
    private FeatureExtractor backbone;
    private final ImageDecoder decoder = new ImageDecoder();
    private boolean generative;   // which head answers: a gen-only model's, else disc (switch with useDecoder)

    private VisualDialog(TaskBundle<LateFusionConfig, LateFusionNet> bundle, Device device) {
        this.bundle = bundle;
        this.device = device;
        JsonNode json = bundle.vocabularies().json();
        this.vocabulary = json.has("words") && json.get("words").isObject() ? bundle.vocabularies().named("words") : bundle.vocabularies().main();
        JsonNode a = json.get("answers");
        if (a != null && a.isArray()) a.forEach(n -> answers.add(n.asText()));
        this.generative = bundle.config().generative();
    }

    /**
     * Chooses the head that answers and ranks: "disc" (dot products with the candidates' encodings) or "gen" (the
     * answer language model: beam search, candidates by likelihood); a model trained with {@code --decoder both}
     * has both, others only their own.
     *
     * @throws IllegalArgumentException when the model lacks that head
     */
    public VisualDialog useDecoder(String head) {
        boolean gen = switch (head) {
            case LateFusionConfig.GEN -> true;
            case LateFusionConfig.DISC -> false;
            default -> throw new IllegalArgumentException("decoder must be disc or gen: " + head);
        };
        if (gen ? !config().hasGen() : !config().hasDisc()) {
            throw new IllegalArgumentException("this model has no " + head + " decoder (it was trained with --decoder " + config().decoder() + ")");
        }
        generative = gen;
        return this;
    }

    /** Whether the generative head answers (see {@link #useDecoder}). */
    public boolean generative() {
        return generative;
    }

    /** A bundle (null: the built-in default) on the device of the current engine options. */
    public static VisualDialog load(Path bundleOrNull) throws IOException {
        return load(bundleOrNull == null ? DialogDefaultModel.file() : bundleOrNull, VlEngine.device(VlEngine.options().device()));
    }

    /** The answers the model saw in training, most frequent first: what {@link Conversation#ask(String)} ranks. */
    public List<String> answers() {
        return List.copyOf(answers);
    }

    /** A conversation about an image (decoded and run through the model's backbone once). */
    public Conversation conversation(Path image, String caption) throws BadImageException, IOException {
        if (backbone == null) backbone = Backbones.open(config().backbone(), device, config().imageSize());
        float[] chw = backbone.preprocess().toChw(decoder.decode(image));
        try (NDManager scope = manager().newSubManager()) {
            ImageBatch batch = new ImageBatch(backbone.inputSize());
            batch.add(chw);
            Features f = backbone.extract(batch.toNDArray(scope));
            NDArray v = switch (config().imageFeature()) {
                case ImageFeatures.FC7 -> f.fc7();                                                      // (1, F)
                case ImageFeatures.GRID -> f.grid();                                                    // (1, L, D): lf-att
                default -> f.pooled();                                                                  // (1, D)
            };
            return new Conversation(this, v.toFloatArray(), caption);
        }
    }

    /** @throws dev.vlsuite.shared.io.BundleException one line naming the file when it is not a usable dialog model */
    public static VisualDialog load(Path file, Device device) throws IOException {
        return new VisualDialog(TaskBundle.load(file, TASK, LateFusionConfig.class, VisualDialog::build, device), device);
    }

    private static LateFusionNet build(LateFusionConfig config, TaskBundle.Vocabularies v, NDManager manager) {
        JsonNode json = v.json();
        int words = (json.has("words") && json.get("words").isObject() ? v.named("words") : v.main()).size();
        if (words != config.vocab()) {
            throw new IllegalArgumentException("its vocabulary (" + words + " words) does not fit its config (" + config.vocab() + ")");
        }
        LateFusionNet net = new LateFusionNet(config);
        net.initialize(manager, DataType.FLOAT32, LateFusionNet.inputShapes(config));
        return net;
    }

    public LateFusionNet net() {
        return bundle.block();
    }

    public LateFusionConfig config() {
        return bundle.config();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Parameters for inference (no gradients). */
    public ParameterStore parameters() {
        return new ParameterStore(bundle.manager(), false);
    }

    public NDManager manager() {
        return bundle.manager();
    }

    @Override
    public void close() {
        if (backbone != null) backbone.close();
        bundle.close();
    }
}

package dev.vlsuite.captioning.api;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.training.CaptionTraining;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained captioning model read from a bundle (task {@value #TASK}): its config, vocabulary and the
 * decoder network with its parameters, held in this model's own NDManager.
 */
public final class CaptionModel implements AutoCloseable {
    /** The task name captioning bundles carry. */
    public static final String TASK = dev.vlsuite.captioning.model.CaptionNets.TASK;

    private final Path source;
    private final CaptionConfig config;
    private final Vocabulary vocabulary;
    private final CaptionNet net;
    private final JsonNode metadata;
    private final NDManager manager;
    private final byte[] backboneParameters;

    private CaptionModel(Path source, CaptionConfig config, Vocabulary vocabulary, CaptionNet net, JsonNode metadata, NDManager manager,
                         byte[] backboneParameters) {
        this.backboneParameters = backboneParameters;
        this.source = source;
        this.config = config;
        this.vocabulary = vocabulary;
        this.net = net;
        this.metadata = metadata;
        this.manager = manager;
    }

    /** Reads a bundle and builds its network with the captioning module's own nets. */
    public static CaptionModel load(Path bundle, Device device) throws IOException {
        return load(bundle, device, BuiltInNets::create);
    }

    /**
     * Reads a bundle and builds its network with {@code nets} (for embedding other decoders).
     *
     * @throws BundleException one line naming the file: missing, corrupt, not a captioning model, or
     *     parameters that do not fit the config
     */
    public static CaptionModel load(Path bundle, Device device, CaptionNetFactory nets) throws IOException {
        BundleContents contents = ModelBundle.read(bundle, TASK);
        CaptionConfig config;
        Vocabulary vocabulary;
        try {
            config = contents.config(CaptionConfig.class);
            vocabulary = vocabulary(contents.vocabulary());
        } catch (IllegalArgumentException e) {
            throw new BundleException(bundle, e.getMessage(), e);
        }
        if (vocabulary.size() != config.vocabSize()) {
            throw new BundleException(bundle, "vocabulary has " + vocabulary.size() + " words but the config says " + config.vocabSize());
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            CaptionNet net = nets.create(config, manager);
            contents.loadParameters(net, manager);
            return new CaptionModel(bundle, config, vocabulary, net, contents.metadata(), manager,
                    contents.extras().get(CaptionTraining.BACKBONE_ENTRY));
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new BundleException(bundle, "parameters do not fit its " + config.arch() + " config (" + e.getMessage() + ")", e);
        }
    }

    /** Accepts the vocabulary as {@link Vocabulary#toJson()} wrote it, or as a bare array of words (specials first). */
    static Vocabulary vocabulary(JsonNode node) {
        if (node != null && node.isArray()) {
            com.fasterxml.jackson.databind.node.ObjectNode wrapped = Json.MAPPER.createObjectNode();
            wrapped.set("words", node);
            node = wrapped;
        }
        return Vocabulary.fromJson(node == null ? "{}" : node.toString());
    }

    public Path source() {
        return source;
    }

    public CaptionConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public CaptionNet net() {
        return net;
    }

    /**
     * The fine-tuned backbone's parameters (DJL block format) when the model was trained with {@code --fine-tune};
     * empty for a decoder trained on frozen features (the config's backbone weights are then used as they are).
     */
    public java.util.Optional<byte[]> backboneParameters() {
        return java.util.Optional.ofNullable(backboneParameters).map(byte[]::clone);
    }

    /** Training metadata the bundle carries (data set, steps, validation scores...). */
    public JsonNode metadata() {
        return metadata;
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}

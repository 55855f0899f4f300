package dev.vlsuite.captioning.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the decoder of a {@link CaptionConfig}, and loads trained ones from model bundles. */
public final class CaptionNets {
    /** The task name written into captioning bundles. */
    public static final String TASK = "captioning";

    private CaptionNets() {}

    /** A fresh (uninitialized) network of the config's arch. */
    public static CaptionNet create(CaptionConfig config) {
        return switch (config.arch()) {
            case SHOW_TELL -> new ShowTellNet(config);
            case SOFT -> new SoftAttentionNet(config);
            case HARD -> new HardAttentionNet(config);
        };
    }

    /** Shapes for {@code Block.initialize}: grid (1, L, D), tokens (1, 2), lengths (1). */
    public static Shape[] inputShapes(CaptionConfig config) {
        return new Shape[] {new Shape(1, config.locations(), config.featureSize()), new Shape(1, 2), new Shape(1)};
    }

    /** Creates the network and initializes its parameters (seeded by the engine RNG) in {@code manager}. */
    public static CaptionNet createInitialized(CaptionConfig config, NDManager manager) {
        CaptionNet net = create(config);
        net.initialize(manager, DataType.FLOAT32, inputShapes(config));
        return net;
    }

    /**
     * Reads a captioning bundle: its config, vocabulary and parameters (created in {@code manager}).
     *
     * @throws BundleException (one line naming the file) when the file is not a captioning model or its
     *     parameters do not fit its config
     */
    public static LoadedCaptionModel load(Path bundle, NDManager manager) throws IOException {
        BundleContents contents = ModelBundle.read(bundle, TASK);
        CaptionConfig config;
        Vocabulary vocabulary;
        try {
            config = contents.config(CaptionConfig.class);
            vocabulary = Vocabulary.fromJson(contents.vocabulary().toString());
        } catch (IllegalArgumentException e) {
            throw new BundleException(bundle, e.getMessage(), e);
        }
        if (vocabulary.size() != config.vocabSize()) {
            throw new BundleException(bundle, "vocabulary has " + vocabulary.size() + " words but the model expects " + config.vocabSize());
        }
        CaptionNet net = createInitialized(config, manager);
        try {
            contents.loadParameters(net, manager);
        } catch (MalformedModelException e) {
            throw new BundleException(bundle, "parameters do not fit the " + config.arch() + " config: " + e.getMessage(), e);
        }
        return new LoadedCaptionModel(net, vocabulary, contents.metadata());
    }
}

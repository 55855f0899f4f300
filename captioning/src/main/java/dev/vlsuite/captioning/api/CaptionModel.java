package dev.vlsuite.captioning.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.captioning.training.CaptionTraining;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A trained captioning model read from a bundle (task {@value #TASK}) by the shared loader (shared.io.TaskBundle):
 * its config, vocabulary and the decoder network with its parameters, held in this model's own NDManager.
 */
public final class CaptionModel implements AutoCloseable {
    /** The task name captioning bundles carry. */
    public static final String TASK = CaptionNets.TASK;

    private final TaskBundle<CaptionConfig, CaptionNet> bundle;
    private final Vocabulary vocabulary;

    private CaptionModel(TaskBundle<CaptionConfig, CaptionNet> bundle) {
        this.bundle = bundle;
        this.vocabulary = bundle.vocabularies().main();
    }

    /** Reads a bundle and builds its network with the captioning module's own nets. */
    public static CaptionModel load(Path bundle, Device device) throws IOException {
        return load(bundle, device, CaptionNets::createInitialized);
    }

    /**
     * Reads a bundle and builds its network with {@code nets} (for embedding other decoders).
     *
     * @throws BundleException one line naming the file: missing, corrupt, not a captioning model, or
     *     parameters that do not fit the config
     */
    public static CaptionModel load(Path bundle, Device device, CaptionNetFactory nets) throws IOException {
        return new CaptionModel(TaskBundle.load(bundle, TASK, CaptionConfig.class, (config, vocabularies, manager) -> {
            int words = vocabularies.main().size();
            if (words != config.vocabSize()) {
                throw new IllegalArgumentException("vocabulary has " + words + " words but the config says " + config.vocabSize());
            }
            return nets.create(config, manager);
        }, device));
    }

    public Path source() {
        return bundle.source();
    }

    public CaptionConfig config() {
        return bundle.config();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public CaptionNet net() {
        return bundle.block();
    }

    /**
     * The fine-tuned backbone's parameters (DJL block format) when the model was trained with fine-tuning;
     * empty for a decoder trained on frozen features (the config's backbone weights are then used as they are).
     */
    public Optional<byte[]> backboneParameters() {
        return bundle.extra(CaptionTraining.BACKBONE_ENTRY);
    }

    /** Training metadata the bundle carries (data set, steps, validation scores...). */
    public JsonNode metadata() {
        return bundle.metadata();
    }

    public NDManager manager() {
        return bundle.manager();
    }

    @Override
    public void close() {
        bundle.close();
    }
}

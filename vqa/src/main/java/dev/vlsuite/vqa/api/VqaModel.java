package dev.vlsuite.vqa.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.vqa.model.VqaConfig;
import dev.vlsuite.vqa.model.VqaNet;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained VQA model read from its bundle (task "vqa"): the config, the question and answer vocabularies and the
 * net with its parameters, in the bundle's own NDManager (closed with this).
 */
public final class VqaModel implements AutoCloseable {
    public static final String TASK = "vqa";

    private final TaskBundle<VqaConfig, VqaNet> bundle;
    private final Vocabulary questions;
    private final Vocabulary answers;

    private VqaModel(TaskBundle<VqaConfig, VqaNet> bundle) {
        this.bundle = bundle;
        this.questions = bundle.vocabularies().named("questions");
        this.answers = bundle.vocabularies().named("answers");
    }

    /** @throws dev.vlsuite.shared.io.BundleException one line naming the file when it is not a usable VQA model */
    public static VqaModel load(Path file, Device device) throws IOException {
        return new VqaModel(TaskBundle.load(file, TASK, VqaConfig.class, VqaModel::build, device));
    }

    private static VqaNet build(VqaConfig config, TaskBundle.Vocabularies v, NDManager manager) {
        int q = v.named("questions").size();
        int a = v.named("answers").size();
        if (q != config.questionVocab() || a != config.answers()) {
            throw new IllegalArgumentException("vocabularies (" + q + " question words, " + a + " answers) do not fit its config ("
                    + config.questionVocab() + ", " + config.answers() + ")");
        }
        VqaNet net = VqaNet.create(config);
        net.initialize(manager, DataType.FLOAT32, VqaNet.inputShapes(config));
        return net;
    }

    public Path source() {
        return bundle.source();
    }

    public VqaConfig config() {
        return bundle.config();
    }

    public VqaNet net() {
        return bundle.block();
    }

    public Vocabulary questionVocabulary() {
        return questions;
    }

    public Vocabulary answerVocabulary() {
        return answers;
    }

    public NDManager manager() {
        return bundle.manager();
    }

    @Override
    public void close() {
        bundle.close();
    }
}

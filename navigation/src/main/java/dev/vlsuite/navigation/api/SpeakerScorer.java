package dev.vlsuite.navigation.api;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.model.SpeakerConfig;
import dev.vlsuite.navigation.model.SpeakerNet;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained speaker (bundle of task {@value #TASK}, from {@code navigate train --arch speaker}) as rcm's matching
 * critic: how well a trajectory explains an instruction, the speaker's mean log-probability per word.
 */
public final class SpeakerScorer implements AutoCloseable {
    public static final String TASK = "navigation-speaker";

    private final TaskBundle<SpeakerConfig, SpeakerNet> bundle;
    private final ParameterStore ps;

    private SpeakerScorer(TaskBundle<SpeakerConfig, SpeakerNet> bundle) {
        this.bundle = bundle;
        this.ps = new ParameterStore(bundle.manager(), false);
    }

    public static SpeakerScorer load(Path file, Device device) throws IOException {
        return new SpeakerScorer(TaskBundle.load(file, TASK, SpeakerConfig.class, (config, vocabularies, manager) -> {
            if (vocabularies.main().size() != config.vocabSize()) {
                throw new IllegalArgumentException("vocabulary has " + vocabularies.main().size() + " words, the config " + config.vocabSize());
            }
            SpeakerNet net = new SpeakerNet(config);
            net.initialize(manager, DataType.FLOAT32, SpeakerNet.inputShapes(config));
            return net;
        }, device));
    }

    public SpeakerConfig config() {
        return bundle.config();
    }

    public Vocabulary vocabulary() {
        return bundle.vocabularies().main();
    }

    /** Per (trajectory, instruction): the mean log p of the instruction's words (and {@code <end>}) given the trajectory. */
    public double[] logProbPerWord(Environment env, List<List<AgentState>> trajectories, List<String> instructions) {
        if (env.features().dim() != config().featureSize()) {
            throw new IllegalArgumentException("the speaker reads " + config().featureSize() + "-d view features, the environment has " + env.features().dim());
        }
        List<int[]> rows = new ArrayList<>();
        for (String s : instructions) rows.add(SpeakerInputs.tokens(vocabulary(), s, config()));
        try (NDManager scope = bundle.manager().newSubManager()) {
            SpeakerInputs.Batch b = SpeakerInputs.batch(scope, env, trajectories, rows, config().featureSize());
            NDArray nll = bundle.block().wordNll(ps, b.traj(), b.trajMask(), b.tokens(), b.lengths(), false);
            float[] v = nll.toFloatArray();
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) out[i] = -v[i];
            return out;
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}

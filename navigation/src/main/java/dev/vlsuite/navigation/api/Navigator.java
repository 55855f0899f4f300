package dev.vlsuite.navigation.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.navigation.model.Seq2SeqNet;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A trained navigation agent, the Java API of {@code navigate}:
 * <pre>{@code
 * try (Navigator nav = Navigator.load(Path.of("model.vlm"))) {
 *     Route r = nav.follow(environment, AgentState.start(scan, viewpoint, heading), "walk past the blue kitchen and stop");
 * }
 * }</pre>
 */
public final class Navigator implements AutoCloseable {
    public static final String TASK = "navigation";

    private final TaskBundle<Seq2SeqConfig, Seq2SeqNet> bundle;
    private final ParameterStore ps;

    private Navigator(TaskBundle<Seq2SeqConfig, Seq2SeqNet> bundle) {
        this.bundle = bundle;
        this.ps = new ParameterStore(bundle.manager(), false);
    }

    /** Loads a bundle written by {@code navigate train}; null: the built-in seq2seq agent ({@link DefaultAgent}). */
    public static Navigator load(Path bundleOrNull) throws IOException {
        return load(bundleOrNull, Device.cpu());
    }

    public static Navigator load(Path bundleOrNull, Device device) throws IOException {
        Path file = bundleOrNull != null ? bundleOrNull : DefaultAgent.file();
        return new Navigator(TaskBundle.load(file, TASK, Seq2SeqConfig.class, (config, vocabularies, manager) -> {
            if (vocabularies.main().size() != config.vocabSize()) {
                throw new IllegalArgumentException("vocabulary has " + vocabularies.main().size() + " words, the config " + config.vocabSize());
            }
            Seq2SeqNet net = new Seq2SeqNet(config);
            net.initialize(manager, DataType.FLOAT32, Seq2SeqNet.inputShapes());
            return net;
        }, device));
    }


    public Seq2SeqConfig config() {
        return bundle.config();
    }

    public Vocabulary vocabulary() {
        return bundle.vocabularies().main();
    }

    /** Follows one instruction greedily from a start state: the route with its actions and attention over the words. */
    public Route follow(Environment environment, AgentState start, String instruction) {
        try (NDManager scope = bundle.manager().newSubManager()) {
            Rollout.Item item = new Rollout.Item(start, Instructions.encode(vocabulary(), instruction, config()), null);
            return Rollout.run(bundle.block(), ps, scope, environment, List.of(item), Rollout.Feedback.ARGMAX, false, new Random(0))
                    .routes().get(0);
        }
    }

    /**
     * Beam search over trajectories ({@link RolloutBeam}): the K best finished routes by summed log-probability, best
     * first; K = 1 is greedy.
     */
    public List<RolloutBeam.Scored> followBeam(Environment environment, AgentState start, String instruction, int beamSize) {
        try (NDManager scope = bundle.manager().newSubManager()) {
            return RolloutBeam.search(bundle.block(), ps, scope, environment, start,
                    Instructions.encode(vocabulary(), instruction, config()), beamSize);
        }
    }

    /** The beam's best trajectory for every instruction of the episodes (official format ids). */
    public List<Trajectory> runBeam(Environment environment, List<Episode> episodes, int beamSize) {
        return RolloutBeam.runAll(bundle.block(), vocabulary(), ps, bundle.manager(), environment, episodes, beamSize);
    }

    /** Greedy trajectories for every instruction of the episodes (official format ids). */
    public List<Trajectory> run(Environment environment, List<Episode> episodes, int batchSize) {
        return GreedyRuns.run(bundle.block(), vocabulary(), ps, bundle.manager(), environment, episodes, batchSize);
    }

    @Override
    public void close() {
        bundle.close();
    }
}

package dev.vlsuite.navigation.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.RcmNet;
import dev.vlsuite.navigation.model.Seq2SeqConfig;
import dev.vlsuite.navigation.model.Seq2SeqNet;
import dev.vlsuite.shared.io.ModelBundle;
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

    private final TaskBundle<Seq2SeqConfig, Seq2SeqNet> bundle;   // null for an rcm model
    private final TaskBundle<RcmConfig, RcmNet> rcm;               // null for a seq2seq model
    private final ParameterStore ps;

    private Navigator(TaskBundle<Seq2SeqConfig, Seq2SeqNet> bundle, TaskBundle<RcmConfig, RcmNet> rcm) {
        this.bundle = bundle;
        this.rcm = rcm;
        this.ps = new ParameterStore(bundle != null ? bundle.manager() : rcm.manager(), false);
    }

    /** Loads a bundle written by {@code navigate train}; null: the built-in seq2seq agent ({@link DefaultAgent}). */
    public static Navigator load(Path bundleOrNull) throws IOException {
        return load(bundleOrNull, Device.cpu());
    }

    public static Navigator load(Path bundleOrNull, Device device) throws IOException {
        Path file = bundleOrNull != null ? bundleOrNull : DefaultAgent.file();
        // the saved config names its arch when it is not the original seq2seq
        var arch = ModelBundle.read(file, TASK).config().get("arch");
        if (arch != null && RcmConfig.ARCH.equals(arch.asText())) return new Navigator(null, RcmNavigation.load(file, device));
        return new Navigator(TaskBundle.load(file, TASK, Seq2SeqConfig.class, (config, vocabularies, manager) -> {
            if (vocabularies.main().size() != config.vocabSize()) {
                throw new IllegalArgumentException("vocabulary has " + vocabularies.main().size() + " words, the config " + config.vocabSize());
            }
            Seq2SeqNet net = new Seq2SeqNet(config);
            net.initialize(manager, DataType.FLOAT32, Seq2SeqNet.inputShapes());
            return net;
        }, device), null);
    }


    /** The seq2seq config; an rcm model has {@link #rcmConfig()} instead. */
    public Seq2SeqConfig config() {
        if (bundle == null) throw new IllegalStateException("an rcm model: see rcmConfig()");
        return bundle.config();
    }

    /** The rcm config, or null for a seq2seq model. */
    public RcmConfig rcmConfig() {
        return rcm == null ? null : rcm.config();
    }

    /** "seq2seq" or "rcm", "-blind" appended for the instruction-blind agent: how eval names its output. */
    public String name() {
        String arch = rcm != null ? RcmConfig.ARCH : Seq2SeqConfig.ARCH;
        return arch + ((rcm != null ? rcm.config().blind() : bundle.config().blind()) ? "-blind" : "");
    }

    public Vocabulary vocabulary() {
        return (bundle != null ? bundle.vocabularies() : rcm.vocabularies()).main();
    }

    /** Follows one instruction greedily from a start state: the route with its actions and attention over the words. */
    public Route follow(Environment environment, AgentState start, String instruction) {
        if (rcm != null) return RcmNavigation.follow(rcm, ps, environment, start, instruction);
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
        requireBeamable();
        try (NDManager scope = bundle.manager().newSubManager()) {
            return RolloutBeam.search(bundle.block(), ps, scope, environment, start,
                    Instructions.encode(vocabulary(), instruction, config()), beamSize);
        }
    }

    /** The beam's best trajectory for every instruction of the episodes (official format ids). */
    public List<Trajectory> runBeam(Environment environment, List<Episode> episodes, int beamSize) {
        requireBeamable();
        return RolloutBeam.runAll(bundle.block(), vocabulary(), ps, bundle.manager(), environment, episodes, beamSize);
    }

    /** Beam search is written for seq2seq's low-level actions; rcm decodes greedily. */
    private void requireBeamable() {
        if (rcm != null) throw new UnsupportedOperationException("beam search is implemented for seq2seq agents only; this is an rcm agent");
    }

    /** Whether {@link #followBeam}/{@link #runBeam} apply to this agent. */
    public boolean supportsBeam() {
        return rcm == null;
    }

    /** Greedy trajectories for every instruction of the episodes (official format ids). */
    public List<Trajectory> run(Environment environment, List<Episode> episodes, int batchSize) {
        if (rcm != null) return RcmRuns.run(rcm.block(), vocabulary(), ps, rcm.manager(), environment, episodes, batchSize);
        return GreedyRuns.run(bundle.block(), vocabulary(), ps, bundle.manager(), environment, episodes, batchSize);
    }

    @Override
    public void close() {
        if (bundle != null) bundle.close();
        if (rcm != null) rcm.close();
    }
}

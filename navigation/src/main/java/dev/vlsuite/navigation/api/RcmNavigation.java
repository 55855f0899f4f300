package dev.vlsuite.navigation.api;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.RcmNet;
import dev.vlsuite.shared.io.TaskBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** What {@link Navigator} does with an rcm bundle: load it, follow one instruction greedily in the panoramic space. */
final class RcmNavigation {
    private RcmNavigation() {}

    static TaskBundle<RcmConfig, RcmNet> load(Path file, Device device) throws IOException {
        return TaskBundle.load(file, Navigator.TASK, RcmConfig.class, (config, vocabularies, manager) -> {
            if (vocabularies.main().size() != config.vocabSize()) {
                throw new IllegalArgumentException("vocabulary has " + vocabularies.main().size() + " words, the config " + config.vocabSize());
            }
            RcmNet net = new RcmNet(config);
            net.initialize(manager, DataType.FLOAT32, RcmNet.inputShapes());
            return net;
        }, device);
    }

    static Route follow(TaskBundle<RcmConfig, RcmNet> b, ParameterStore ps, Environment env, AgentState start, String instruction) {
        try (NDManager scope = b.manager().newSubManager()) {
            Rollout.Item item = new Rollout.Item(start, RcmRollout.encode(b.vocabularies().main(), instruction, b.config()), null);
            return RcmRollout.run(b.block(), ps, scope, env, List.of(item), Rollout.Feedback.ARGMAX, false, new Random(0)).routes().get(0);
        }
    }
}

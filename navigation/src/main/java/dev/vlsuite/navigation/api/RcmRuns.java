package dev.vlsuite.navigation.api;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.model.RcmNet;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The rcm agent's greedy panoramic routes for every instruction of a list of episodes, in batches: official trajectories. */
public final class RcmRuns {
    private RcmRuns() {}

    public static List<Trajectory> run(RcmNet net, Vocabulary vocabulary, ParameterStore ps, NDManager manager,
                                       Environment env, List<Episode> episodes, int batchSize) {
        record Job(String instrId, Rollout.Item item) {}
        List<Job> jobs = new ArrayList<>();
        for (Episode e : episodes) {
            for (int i = 0; i < e.instructions().size(); i++) {
                jobs.add(new Job(e.instrId(i), new Rollout.Item(env.start(e),
                        RcmRollout.encode(vocabulary, e.instructions().get(i), net.config()), null)));
            }
        }
        List<Trajectory> out = new ArrayList<>(jobs.size());
        for (int from = 0; from < jobs.size(); from += batchSize) {
            List<Job> batch = jobs.subList(from, Math.min(jobs.size(), from + batchSize));
            try (NDManager scope = manager.newSubManager()) {
                RcmRollout.Result r = RcmRollout.run(net, ps, scope, env, batch.stream().map(Job::item).toList(),
                        Rollout.Feedback.ARGMAX, false, new Random(0));
                for (int k = 0; k < batch.size(); k++) out.add(r.routes().get(k).trajectory(batch.get(k).instrId()));
            }
        }
        return out;
    }
}

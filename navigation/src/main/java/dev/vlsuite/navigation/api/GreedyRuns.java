package dev.vlsuite.navigation.api;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.model.Seq2SeqNet;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;

/**
 * The seq2seq agent's greedy routes for every instruction of a list of episodes, in batches of one instruction length
 * (no pads for the encoder: a route does not depend on its batch-mates, and equals {@link Navigator#follow}'s):
 * official trajectories in the episodes' order.
 */
public final class GreedyRuns {
    private GreedyRuns() {}

    public static List<Trajectory> run(Seq2SeqNet net, Vocabulary vocabulary, ParameterStore ps, NDManager manager,
                                       Environment env, List<Episode> episodes, int batchSize) {
        record Job(String instrId, Rollout.Item item) {}
        List<Job> jobs = new ArrayList<>();
        for (Episode e : episodes) {
            for (int i = 0; i < e.instructions().size(); i++) {
                jobs.add(new Job(e.instrId(i), new Rollout.Item(env.start(e),
                        Instructions.encode(vocabulary, e.instructions().get(i), net.config()), null)));
            }
        }
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int j = 0; j < jobs.size(); j++) byLength.computeIfAbsent(jobs.get(j).item().tokens().length, k -> new ArrayList<>()).add(j);
        Trajectory[] out = new Trajectory[jobs.size()];
        for (List<Integer> group : byLength.values()) {
            for (int from = 0; from < group.size(); from += batchSize) {
                List<Integer> batch = group.subList(from, Math.min(group.size(), from + batchSize));
                try (NDManager scope = manager.newSubManager()) {
                    Rollout.Result r = Rollout.run(net, ps, scope, env, batch.stream().map(j -> jobs.get(j).item()).toList(),
                            Rollout.Feedback.ARGMAX, false, new Random(0));
                    for (int k = 0; k < batch.size(); k++) out[batch.get(k)] = r.routes().get(k).trajectory(jobs.get(batch.get(k)).instrId());
                }
            }
        }
        return List.of(out);
    }
}

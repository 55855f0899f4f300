package dev.vlsuite.navigation.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.navigation.api.GreedyRuns;
import dev.vlsuite.navigation.api.Instructions;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.training.InstructionBatches.Batch;
import dev.vlsuite.navigation.training.InstructionBatches.Sample;
import dev.vlsuite.navigation.env.Trajectories;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.metrics.R2RScorer;
import dev.vlsuite.navigation.metrics.Scores;
import dev.vlsuite.navigation.model.Seq2SeqNet;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainingTask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seq2seq agent on the shared training loop: a batch is (episode, instruction) pairs rolled out through the
 * environment with teacher or student forcing (the baseline trains with sampled actions); the loss is the
 * cross-entropy of the teacher's action at each step. Validation: greedy routes on held-out episodes scored
 * with the official metrics (success_rate, spl, nav_error).
 */
final class NavTask implements TrainingTask<Batch> {

    private final Seq2SeqNet net;
    private final Vocabulary vocabulary;
    private final Environment env;
    private final InstructionBatches train;
    private final List<Episode> validation;
    private final int batchSize;
    private final Rollout.Feedback feedback;
    private final NDManager manager;

    NavTask(Seq2SeqNet net, Vocabulary vocabulary, Environment env, List<Episode> train, List<Episode> validation,
            int batchSize, Rollout.Feedback feedback, NDManager manager) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.env = env;
        this.validation = validation;
        this.batchSize = batchSize;
        this.feedback = feedback;
        this.manager = manager;
        this.train = new InstructionBatches(train, batchSize);
    }

    @Override
    public String name() {
        return Navigator.TASK;
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        return Seq2SeqNet.inputShapes();
    }

    @Override
    public Iterator<Batch> batches(int epoch, Random rng) {
        return train.epoch(rng);
    }

    @Override
    public long batchesPerEpoch() {
        return train.perEpoch();
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, Batch batch, boolean training) {
        List<Rollout.Item> items = new ArrayList<>();
        for (Sample s : batch.samples()) {
            Episode e = s.episode();
            items.add(new Rollout.Item(env.start(e), Instructions.encode(vocabulary, e.instructions().get(s.instruction()), net.config()), e.goal()));
        }
        return Rollout.run(net, ps, scope, env, items, feedback, training, new Random(batch.seed())).loss();
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (validation.isEmpty()) return m;
        List<Trajectory> routes = GreedyRuns.run(net, vocabulary, ps, manager, env, validation, Math.max(batchSize, 32));
        Scores s = new R2RScorer(validation, env.connectivity()).score(routes.stream()
                .map(t -> new Trajectories.Entry(t.instrId(), t.steps(), null)).toList());
        Map<String, Double> sum = s.summary();
        m.put("success_rate", sum.get("success_rate"));
        m.put("spl", sum.get("spl"));
        m.put("nav_error", sum.get("nav_error"));
        m.put("oracle_success_rate", sum.get("oracle success_rate"));
        return m;
    }

    @Override
    public Object architectureConfig() {
        return net.config();
    }

    @Override
    public JsonNode vocabulary() {
        try {
            return Json.MAPPER.readTree(vocabulary.toJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

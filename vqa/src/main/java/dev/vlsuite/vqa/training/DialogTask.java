package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.metrics.retrieval.VisDialEvaluator;
import dev.vlsuite.shared.metrics.retrieval.VisDialReport;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.vqa.data.DialogRoundSample;
import dev.vlsuite.vqa.data.DialogSet;
import dev.vlsuite.vqa.model.LateFusionNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Visual dialog (late fusion) as a shared.train task: every answered round once per epoch in a seeded shuffle;
 * the discriminative decoder's loss is softmax cross-entropy over the options, the generative decoder's the
 * teacher-forced word cross-entropy of the true answer (a model with both heads: their sum); validation (with the
 * default head: disc when there is one) scores the validation dialogs and reports
 * the official "mrr", "ndcg" (when dense annotations are given) and "r@1".
 */
final class DialogTask implements TrainingTask<List<DialogRoundSample>> {
    static final String TASK = dev.vlsuite.vqa.api.VisualDialog.TASK;

    private final LateFusionNet net;
    private final Vocabulary vocabulary;
    private final DialogSet train;
    private final List<DialogRoundSample> rounds;
    private final DialogSet validation;
    private final Function<Path, float[]> imageVector;
    private final int batchSize;
    private final NDManager manager;

    DialogTask(LateFusionNet net, Vocabulary vocabulary, DialogSet train, DialogSet validation,
               Function<Path, float[]> imageVector, int batchSize, NDManager manager) {
        this.net = net;
        this.vocabulary = vocabulary;
        this.train = train;
        this.rounds = train.answeredRounds();
        this.validation = validation;
        this.imageVector = imageVector;
        this.batchSize = batchSize;
        this.manager = manager;
    }

    @Override
    public String name() {
        return TASK;
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        return LateFusionNet.inputShapes(net.config());
    }

    @Override
    public long batchesPerEpoch() {
        return (rounds.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<List<DialogRoundSample>> batches(int epoch, Random rng) {
        List<Integer> order = new ArrayList<>(rounds.size());
        for (int i = 0; i < rounds.size(); i++) order.add(i);
        Collections.shuffle(order, rng);
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < order.size();
            }

            @Override
            public List<DialogRoundSample> next() {
                List<DialogRoundSample> b = new ArrayList<>(batchSize);
                for (int end = Math.min(order.size(), next + batchSize); next < end; next++) b.add(rounds.get(order.get(next)));
                return b;
            }
        };
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, List<DialogRoundSample> batch, boolean training) {
        DialogInputs in = DialogInputs.of(batch, train.answers(), imageVector, scope);
        NDArray enc = net.encode(ps, in.image(), in.question(), in.history(), training);          // (B, H)
        NDArray loss = null;
        if (net.config().hasGen()) {
            // teacher forcing on the true answers; the other options play no part in training
            List<int[]> truths = new ArrayList<>(batch.size());
            for (DialogRoundSample r : batch) truths.add(train.answers()[r.options()[r.gtIndex()]]);
            var tokens = dev.vlsuite.vqa.model.AnswerTokens.of(truths, scope);                  // (B, T+1), (B)
            loss = net.generativeLoss(ps, enc, tokens.get(0), tokens.get(1), training);
        }
        if (net.config().hasDisc()) {
            NDArray answers = net.encodeAnswers(ps, in.answers(), training);                      // (P, H)
            NDArray disc = LateFusionNet.loss(LateFusionNet.scores(enc, answers, in.options()), in.gt());
            loss = loss == null ? disc : loss.add(disc);   // both heads: the sum, one shared encoder
        }
        return loss;
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        if (validation == null || validation.dialogs().isEmpty()) return Map.of();
        var scores = DialogScorer.score(net, ps, validation, imageVector, 256, manager);
        VisDialReport r = VisDialEvaluator.evaluate(validation.data(), validation.dense(), scores, "validation");
        Map<String, Double> m = new LinkedHashMap<>();
        if (r.sparse() != null) {
            m.put("mrr", (double) r.sparse().mrr());
            m.put("r@1", (double) r.sparse().r1());
        }
        if (r.denseRounds() > 0) m.put("ndcg", (double) r.ndcg());
        return m;
    }

    /** The ground-truth answers of the training rounds, the {@code max} most frequent, most frequent first. */
    static List<String> trainingAnswers(DialogSet set, int max) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (List<DialogRoundSample> d : set.dialogs()) {
            for (DialogRoundSample r : d) if (r.gtIndex() >= 0) counts.merge(r.options()[r.gtIndex()], 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(max)
                .map(e -> set.data().answers().get(e.getKey())).toList();
    }

    @Override
    public Object architectureConfig() {
        return net.config();
    }

    @Override
    public JsonNode vocabulary() {
        try {
            // the words, and the training answers (most frequent first) that a conversation ranks without candidates
            com.fasterxml.jackson.databind.node.ObjectNode both = Json.MAPPER.createObjectNode();
            both.set("words", Json.MAPPER.readTree(vocabulary.toJson()));
            var answers = both.putArray("answers");
            for (String a : trainingAnswers(train, 1000)) answers.add(a);
            return both;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

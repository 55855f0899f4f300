package dev.vlsuite.video.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.train.TrainingTask;
import dev.vlsuite.video.api.ActionClassifier;
import dev.vlsuite.video.model.ActionNet;
import dev.vlsuite.video.model.ActionNets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Action recognition as a shared.train task: every clip is one sample per epoch, shuffled; a batch holds the clips'
 * frame features (B, N, F) and labels (B). Validation reports the accuracy (share of clips whose top class is right).
 */
final class ActionTask implements TrainingTask<ActionTask.Batch> {
    static final String NAME = ActionNets.TASK;

    /** One step's data on the host. */
    record Batch(float[] frames, int rows, long[] labels) {}

    private final ActionNet net;
    private final List<String> classes;
    private final List<ActionTraining.Clip> train;
    private final List<ActionTraining.Clip> validation;
    private final int batchSize;

    ActionTask(ActionNet net, List<String> classes, List<ActionTraining.Clip> train, List<ActionTraining.Clip> validation, int batchSize) {
        this.net = net;
        this.classes = classes;
        this.train = train;
        this.validation = validation;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block block() {
        return net;
    }

    @Override
    public Shape[] inputShapes() {
        return ActionNets.inputShapes(net.config());
    }

    @Override
    public long batchesPerEpoch() {
        return (train.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> batches(int epoch, Random rng) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) order.add(i);
        Collections.shuffle(order, rng);
        List<Batch> out = new ArrayList<>();
        for (int start = 0; start < order.size(); start += batchSize) {
            out.add(batch(train, order.subList(start, Math.min(order.size(), start + batchSize))));
        }
        return out.iterator();
    }

    static Batch batch(List<ActionTraining.Clip> clips, List<Integer> rows) {
        int per = clips.get(rows.get(0)).features().data().length;
        float[] frames = new float[rows.size() * per];
        long[] labels = new long[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            ActionTraining.Clip c = clips.get(rows.get(b));
            System.arraycopy(c.features().data(), 0, frames, b * per, per);
            labels[b] = c.label();
        }
        return new Batch(frames, rows.size(), labels);
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, Batch batch, boolean training) {
        var c = net.config();
        NDArray frames = scope.create(batch.frames(), new Shape(batch.rows(), c.frames(), c.featureSize())); // (B, N, F)
        NDArray labels = scope.create(batch.labels());                                                       // (B)
        return net.loss(ps, frames, labels, training);
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        if (validation.isEmpty()) return Map.of();
        int right = 0;
        try (NDManager scope = NDManager.newBaseManager(ps.getManager().getDevice())) {
            for (int start = 0; start < validation.size(); start += ActionClassifier.BATCH) {
                List<Integer> rows = new ArrayList<>();
                for (int i = start; i < Math.min(validation.size(), start + ActionClassifier.BATCH); i++) rows.add(i);
                Batch b = batch(validation, rows);
                var c = net.config();
                NDArray frames = scope.create(b.frames(), new Shape(b.rows(), c.frames(), c.featureSize()));
                long[] predicted = net.logProbs(ps, frames, false).argMax(1).toLongArray();                    // (B)
                for (int i = 0; i < predicted.length; i++) if (predicted[i] == b.labels()[i]) right++;
            }
        }
        return Map.of("accuracy", (double) right / validation.size());
    }

    @Override
    public Object architectureConfig() {
        return net.config();
    }

    /** The class names, saved in the bundle's vocabulary entry as {"classes": [...]}. */
    @Override
    public JsonNode vocabulary() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        var arr = node.putArray("classes");
        classes.forEach(arr::add);
        return node;
    }
}

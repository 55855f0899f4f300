package dev.vlsuite.shared.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/** A tiny task for the loop's tests: a Linear layer fitting y = W x + b on seeded data. */
class RegressionTask implements TrainingTask<RegressionTask.Batch> {
    static final int IN = 4, OUT = 3, BATCH = 8, TRAIN = 64, VALID = 32;

    record Batch(float[] x, float[] y) {}

    private final Block block = Linear.builder().setUnits(OUT).build();
    private final NDManager dataManager;
    private final float[][] trainX, trainY;
    private final float[] validX, validY;
    private final long sleepMillisPerStep;
    int lossCalls;
    IntConsumer onLoss = call -> {};

    RegressionTask(NDManager dataManager, long sleepMillisPerStep) {
        this.dataManager = dataManager;
        this.sleepMillisPerStep = sleepMillisPerStep;
        Random r = new Random(7);
        float[] w = new float[OUT * IN];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        trainX = new float[TRAIN][];
        trainY = new float[TRAIN][];
        for (int n = 0; n < TRAIN; n++) {
            trainX[n] = randomVector(r);
            trainY[n] = apply(w, trainX[n]);
        }
        validX = new float[VALID * IN];
        validY = new float[VALID * OUT];
        for (int n = 0; n < VALID; n++) {
            float[] x = randomVector(r);
            System.arraycopy(x, 0, validX, n * IN, IN);
            System.arraycopy(apply(w, x), 0, validY, n * OUT, OUT);
        }
    }

    private static float[] randomVector(Random r) {
        float[] x = new float[IN];
        for (int i = 0; i < IN; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    private static float[] apply(float[] w, float[] x) {
        float[] y = new float[OUT];
        for (int o = 0; o < OUT; o++) {
            y[o] = 0.5f;
            for (int i = 0; i < IN; i++) y[o] += w[o * IN + i] * x[i];
        }
        return y;
    }

    @Override
    public String name() {
        return "regression";
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(BATCH, IN)};
    }

    @Override
    public long batchesPerEpoch() {
        return TRAIN / BATCH;
    }

    @Override
    public Iterator<Batch> batches(int epoch, Random rng) {
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < TRAIN; n++) order.add(n);
        Collections.shuffle(order, rng);
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < TRAIN / BATCH; b++) {
            float[] x = new float[BATCH * IN], y = new float[BATCH * OUT];
            for (int k = 0; k < BATCH; k++) {
                int n = order.get(b * BATCH + k);
                System.arraycopy(trainX[n], 0, x, k * IN, IN);
                System.arraycopy(trainY[n], 0, y, k * OUT, OUT);
            }
            batches.add(new Batch(x, y));
        }
        return batches.iterator();
    }

    @Override
    public NDArray loss(ParameterStore ps, NDManager scope, Batch batch, boolean training) {
        onLoss.accept(++lossCalls);
        if (sleepMillisPerStep > 0) {
            try {
                Thread.sleep(sleepMillisPerStep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        NDArray x = scope.create(batch.x(), new Shape(BATCH, IN)); // (B, IN)
        NDArray y = scope.create(batch.y(), new Shape(BATCH, OUT)); // (B, OUT)
        NDArray pred = block.forward(ps, new ai.djl.ndarray.NDList(x), training).head(); // (B, OUT)
        return pred.sub(y).square().mean();
    }

    @Override
    public Map<String, Double> validate(ParameterStore ps) {
        try (NDManager scope = dataManager.newSubManager()) {
            NDArray x = scope.create(validX, new Shape(VALID, IN)); // (N, IN)
            NDArray y = scope.create(validY, new Shape(VALID, OUT)); // (N, OUT)
            NDArray pred = block.forward(ps, new ai.djl.ndarray.NDList(x), false).head();
            return Map.of("mse", (double) pred.sub(y).square().mean().getFloat());
        }
    }
}

package dev.vlsuite.shared.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import java.util.Arrays;

/**
 * Speed note, not a test: forward and forward+backward time of {@link LstmCell} for H = D = 512, B = 32, T = 20
 * (the setting of DJL-NOTES 1.2). Run with the test classpath: {@code java -cp ... dev.vlsuite.shared.nn.LstmCellBench}.
 */
public final class LstmCellBench {
    public static void main(String[] args) {
        int b = 32, d = 512, h = 512, t = 20, iters = 15;
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            LstmCell cell = new LstmCell(d, h);
            cell.initialize(m, DataType.FLOAT32, new Shape(b, d));
            ParameterStore ps = new ParameterStore(m, false);
            for (boolean backward : new boolean[] {false, true}) {
                double[] ms = new double[iters];
                for (int i = -3; i < iters; i++) {
                    try (NDManager s = m.newSubManager()) {
                        NDArray x = s.randomNormal(new Shape(b, t, d));                 // (B, T, D)
                        long t0 = System.nanoTime();
                        if (backward) {
                            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                gc.backward(run(cell, ps, x, t, true));
                            }
                        } else {
                            run(cell, ps, x, t, false).getFloat();
                        }
                        if (i >= 0) {
                            ms[i] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                }
                Arrays.sort(ms);
                System.out.printf("LstmCell H=%d B=%d T=%d %s: median %.1f ms (min %.1f, max %.1f)%n", h, b, t,
                        backward ? "forward+backward" : "forward", ms[iters / 2], ms[0], ms[iters - 1]);
            }
        }
    }

    private static NDArray run(LstmCell cell, ParameterStore ps, NDArray x, int steps, boolean training) {
        NDList state = cell.zeroState(x.getManager(), x.getShape().get(0));
        NDList hs = new NDList();
        for (int i = 0; i < steps; i++) {
            state = cell.step(ps, x.get(new NDIndex(":, {}", i)), state, training);   // (B, H), (B, H)
            hs.add(state.get(0));
        }
        return NDArrays.stack(hs, 1).mean();                                          // (B, T, H) -> ()
    }
}

package dev.vlsuite.shared.train;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;

final class TrainingLoopTestSupport {
    private TrainingLoopTestSupport() {}

    /** Every parameter value of the block, in order. */
    static float[] flat(Block block) {
        List<Float> all = new ArrayList<>();
        block.getParameters().forEach(p -> { for (float f : p.getValue().getArray().toFloatArray()) all.add(f); });
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = all.get(i);
        return out;
    }
}

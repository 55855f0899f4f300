package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * The pieces of a teacher-forced objective every sequence decoder shares (captions, video captions, dialog
 * answers, instructions): inputs and targets from padded token rows {@code <start> w1 .. wn <end> <pad>...}, the
 * length mask (DJL has no sequenceMask on PyTorch, DJL-NOTES 1.8) and the summed cross-entropy. Losses are sums;
 * each model divides its whole objective by the number of target tokens once.
 */
public final class TeacherForcing {
    private TeacherForcing() {}

    /** tokens (B, T+1) -> the inputs &lt;start&gt; w1 .. wn, (B, T). */
    public static NDArray inputs(NDArray tokens) {
        return tokens.get(new NDIndex(":, :-1"));                                    // (B, T)
    }

    /** tokens (B, T+1) -> the targets w1 .. wn &lt;end&gt;, (B, T). */
    public static NDArray targets(NDArray tokens) {
        return tokens.get(new NDIndex(":, 1:")).toType(DataType.INT64, false);       // (B, T)
    }

    /** 1 where step t is a real target of row b (t &lt; lengths[b]), else 0; (B, T) FLOAT32. */
    public static NDArray mask(NDArray lengths, long steps) {
        NDManager m = lengths.getManager();
        NDArray t = m.arange(steps).toType(DataType.INT64, false).expandDims(0);          // (1, T)
        return t.lt(lengths.toType(DataType.INT64, false).expandDims(1)).toType(DataType.FLOAT32, false); // (B, T)
    }

    /** -log p(target) per step, masked: (B, T). logProbs (B, T, V), targets (B, T), mask (B, T). */
    public static NDArray maskedNll(NDArray logProbs, NDArray targets, NDArray mask) {
        NDArray picked = logProbs.gather(targets.expandDims(-1), 2).squeeze(-1);   // (B, T)
        return picked.neg().mul(mask);                                             // (B, T)
    }

    /**
     * Xu et al.'s doubly stochastic regulariser, summed over the batch: sum_b sum_i (1 - sum_t alpha_bti)^2,
     * where only real steps count. alphas (B, T, L), mask (B, T).
     */
    public static NDArray doublyStochastic(NDArray alphas, NDArray mask) {
        NDArray coverage = alphas.mul(mask.expandDims(2)).sum(new int[] {1});     // (B, L) sum over t
        return coverage.neg().add(1f).square().sum();                              // ()
    }
}

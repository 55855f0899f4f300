package dev.vlsuite.shared.nn.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A decoder state made only of tensors with the row on axis 0, e.g. {@code (h (R,H), c (R,H), feats (R,L,D),
 * projFeats (R,L,A))}. Models keep their own meaning of each slot.
 */
public record TensorState(NDList tensors) implements DecoderState<TensorState> {

    public static TensorState of(NDArray... tensors) {
        return new TensorState(new NDList(tensors));
    }

    public NDArray get(int i) {
        return tensors.get(i);
    }

    public int size() {
        return tensors.size();
    }

    @Override
    public TensorState select(NDArray rows) {
        return new TensorState(selectRows(tensors, rows));
    }

    /** Gathers rows (axis 0) of every tensor: {@code out[i][r] = in[i][rows[r]]}. */
    public static NDList selectRows(NDList tensors, NDArray rows) {
        NDList out = new NDList(tensors.size());
        for (NDArray t : tensors) {
            out.add(t.get(rows)); // advanced indexing on axis 0: (R', ...)
        }
        return out;
    }
}

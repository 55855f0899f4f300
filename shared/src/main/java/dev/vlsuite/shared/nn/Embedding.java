package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Token embedding: a (V, E) table looked up by integer ids of any shape, {@code (...) -> (..., E)}.
 * Ids are read as INT64. The result lives in the ids' manager (DJL-NOTES 1.4), so create ids in the
 * per-step scope.
 */
public final class Embedding extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int vocabSize;
    private final int embeddingSize;
    private final Parameter table; // (V, E)

    public Embedding(int vocabSize, int embeddingSize) {
        super(VERSION);
        if (vocabSize <= 0 || embeddingSize <= 0) {
            throw new IllegalArgumentException("embedding sizes must be positive: V " + vocabSize + ", E " + embeddingSize);
        }
        this.vocabSize = vocabSize;
        this.embeddingSize = embeddingSize;
        table = addParameter(Parameter.builder().setName("table").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabSize, embeddingSize)).build());
    }

    /** ids {@code (...)} of any integer type -> {@code (..., E)}. */
    public NDArray embed(ParameterStore ps, NDArray ids, boolean training) {
        NDArray w = ps.getValue(table, ids.getDevice(), training);                  // (V, E)
        NDArray idx = ids.getDataType() == DataType.INT64 ? ids : ids.toType(DataType.INT64, false);
        return ai.djl.nn.core.Embedding.embedding(idx, w, SparseFormat.DENSE).head(); // (..., E)
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(embed(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(embeddingSize)};
    }

    public int vocabSize() {
        return vocabSize;
    }

    public int embeddingSize() {
        return embeddingSize;
    }

    /** The (V, E) table parameter. */
    public Parameter table() {
        return table;
    }
}

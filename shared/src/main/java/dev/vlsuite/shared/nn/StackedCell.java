package dev.vlsuite.shared.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers of cells, each reading the h of the layer below, with dropout between layers (only when
 * training; Zaremba et al. 2014 — not on the recurrent connections). The state is the layers' states
 * concatenated bottom to top, e.g. {@code (h1, c1, h2, c2)}; {@link #output} is the top h.
 */
public final class StackedCell extends AbstractBlock implements RecurrentCell {
    private static final byte VERSION = 1;

    private final List<RecurrentCell> layers = new ArrayList<>();
    private final float dropout;

    /** Layer i's input size must equal layer i-1's hidden size. */
    public StackedCell(List<? extends RecurrentCell> cells, float dropout) {
        super(VERSION);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("StackedCell needs at least one layer");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        for (int i = 0; i < cells.size(); i++) {
            RecurrentCell cell = cells.get(i);
            if (i > 0 && cell.inputSize() != cells.get(i - 1).hiddenSize()) {
                throw new IllegalArgumentException("layer " + i + " reads " + cell.inputSize()
                        + " but layer " + (i - 1) + " outputs " + cells.get(i - 1).hiddenSize());
            }
            layers.add(addChildBlock("layer" + i, cell));
        }
        this.dropout = dropout;
    }

    /** {@code numLayers} LSTM layers of {@code hiddenSize} (forget bias 1). */
    public static StackedCell lstm(int inputSize, int hiddenSize, int numLayers, float dropout) {
        List<RecurrentCell> cells = new ArrayList<>();
        for (int i = 0; i < numLayers; i++) {
            cells.add(new LstmCell(i == 0 ? inputSize : hiddenSize, hiddenSize));
        }
        return new StackedCell(cells, dropout);
    }

    @Override
    public NDList step(ParameterStore ps, NDArray x, NDList state, boolean training) {
        NDList next = new NDList(stateSize());
        NDArray in = x;                                                   // (B, D) then (B, H_i)
        int offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            RecurrentCell cell = layers.get(i);
            if (i > 0 && dropout > 0) {
                in = Dropout.dropout(in, dropout, training).head();
            }
            NDList s = cell.step(ps, in, state.subNDList(offset, offset + cell.stateSize()), training);
            next.addAll(s);
            in = cell.output(s);
            offset += cell.stateSize();
        }
        return next;
    }

    @Override
    public NDList zeroState(NDManager manager, long batch) {
        NDList state = new NDList(stateSize());
        for (RecurrentCell cell : layers) {
            state.addAll(cell.zeroState(manager, batch));
        }
        return state;
    }

    @Override
    public NDArray output(NDList state) {
        RecurrentCell top = layers.get(layers.size() - 1);
        return top.output(state.subNDList(stateSize() - top.stateSize()));
    }

    @Override
    public int hiddenSize() {
        return layers.get(layers.size() - 1).hiddenSize();
    }

    @Override
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    @Override
    public int stateSize() {
        int n = 0;
        for (RecurrentCell cell : layers) {
            n += cell.stateSize();
        }
        return n;
    }

    /** The layers, bottom first. */
    public List<RecurrentCell> layers() {
        return List.copyOf(layers);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        NDList state = inputs.size() > 1 ? inputs.subNDList(1) : zeroState(x.getManager(), x.getShape().get(0));
        return step(ps, x, state, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        for (RecurrentCell cell : layers) {
            cell.initialize(manager, dataType, new Shape(batch, cell.inputSize()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        List<Shape> out = new ArrayList<>();
        long batch = inputShapes[0].get(0);
        for (RecurrentCell cell : layers) {
            for (int i = 0; i < cell.stateSize(); i++) {
                out.add(new Shape(batch, cell.hiddenSize()));
            }
        }
        return out.toArray(new Shape[0]);
    }
}

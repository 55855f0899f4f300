package dev.vlsuite.captioning.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.vlsuite.captioning.model.CaptionBatch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;

/**
 * A tiny test-scope caption decoder: one attention query over the grid, context -> word scores, plus a
 * bigram table. Lets the API and tool be exercised without the real (trained) models.
 */
final class FakeCaptionNet extends AbstractBlock implements CaptionNet {
    private final CaptionConfig config;
    private final Parameter query;     // (D)
    private final Parameter wordOut;   // (V, D)
    private final Parameter bigram;    // (V, V)

    FakeCaptionNet(CaptionConfig config) {
        super((byte) 1);
        this.config = config;
        int d = config.featureSize();
        int v = config.vocabSize();
        query = addParameter(Parameter.builder().setName("query").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(d)).optInitializer(new NormalInitializer(0.1f)).build());
        wordOut = addParameter(Parameter.builder().setName("wordOut").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(v, d)).optInitializer(new NormalInitializer(1e-5f)).build());
        bigram = addParameter(Parameter.builder().setName("bigram").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(v, v)).optInitializer(new NormalInitializer(0.01f)).build());
    }

    @Override
    public CaptionConfig config() {
        return config;
    }

    /** Makes the bigram table spell {@code <start> ids[0] ids[1] ... <end>} with a wide margin. */
    void spell(int... ids) {
        NDArray table = bigram.getArray();
        int prev = dev.vlsuite.shared.text.Vocabulary.START_ID;
        for (int i = 0; i <= ids.length; i++) {
            int next = i < ids.length ? ids[i] : dev.vlsuite.shared.text.Vocabulary.END_ID;
            table.set(new ai.djl.ndarray.index.NDIndex(prev + "," + next), 10f);
            prev = next;
        }
    }

    private NDArray logits(ParameterStore ps, NDArray grid, NDArray prev, NDList alphaOut) {
        NDArray q = ps.getValue(query, grid.getDevice(), false);
        NDArray e = grid.matMul(q.reshape(-1, 1)).squeeze(2);                       // (R, L)
        NDArray alpha = e.softmax(1);                                               // (R, L)
        NDArray z = alpha.expandDims(1).batchMatMul(grid).squeeze(1);               // (R, D)
        if (alphaOut != null) alphaOut.add(alpha);
        NDArray w = ps.getValue(wordOut, grid.getDevice(), false);
        return z.matMul(w.transpose()).add(ps.getValue(bigram, grid.getDevice(), false).get(prev));   // (R, V)
    }

    @Override
    public NDArray loss(ParameterStore ps, CaptionBatch batch, boolean training) {
        NDArray tokens = batch.tokens();                                            // (B, T+1)
        long steps = tokens.getShape().get(1) - 1;
        NDArray grid = batch.grid();
        NDArray total = null;
        for (long t = 0; t < steps; t++) {
            NDArray lp = logits(ps, grid, tokens.get(":, " + t), null).logSoftmax(1);           // (B, V)
            NDArray nll = lp.gather(tokens.get(":, " + (t + 1)).expandDims(1), 1).squeeze(1).neg();   // (B)
            NDArray mask = batch.lengths().gt(t).toType(DataType.FLOAT32, false);
            NDArray term = nll.mul(mask).sum();
            total = total == null ? term : total.add(term);
        }
        return total.div(batch.lengths().sum().toType(DataType.FLOAT32, false));
    }

    @Override
    public StepModel<TensorState> decoder(ParameterStore ps) {
        boolean attends = config.arch().attends();
        return new StepModel<>() {
            @Override
            public TensorState start(NDList inputs) {
                return TensorState.of(inputs.head());
            }

            @Override
            public StepResult<TensorState> step(TensorState state, NDArray prevTokens) {
                NDList alpha = new NDList();
                NDArray logProbs = logits(ps, state.get(0), prevTokens, alpha).logSoftmax(1);
                return new StepResult<>(logProbs, state, attends ? alpha.head() : null);
            }
        };
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(ps, inputs.get(0), inputs.get(1), null));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.vocabSize())};
    }
}

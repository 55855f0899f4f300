package dev.vlsuite.captioning.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import dev.vlsuite.captioning.model.CaptionBatch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.shared.nn.decode.StepModel;
import dev.vlsuite.shared.nn.decode.StepResult;
import dev.vlsuite.shared.nn.decode.TensorState;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny test-scope caption decoder whose caption depends on the image, so a caption attached to the wrong file
 * fails a test: one attention query over the grid gives the context z; a bigram table spells the frame
 * "a _ _ here" with wide margins, and where the table marks a choice (after "a": a colour; after a colour: a shape)
 * the candidates are ranked by a fast-turning function (sine) of the standardised z projected on random word
 * vectors. Different images get different
 * (colour, shape) pairs; the same image always the same pair, whatever the batch.
 */
final class FakeCaptionNet extends AbstractBlock implements CaptionNet {
    /** Weight of the image's score against the candidates (the table gives each candidate the same 10). */
    private static final float IMAGE_WEIGHT = 4f;
    /**
     * Frequency of the image score sin(FREQUENCY * projection / sqrt(D)): backbone features of different images share a
     * large common part, so a plain projection ranks the candidates alike for most images; a fast-turning function of it
     * sends small differences to different words, while the ~1e-6 differences between batch sizes stay far below a gap.
     */
    private static final float FREQUENCY = 50f;

    private final CaptionConfig config;
    private final Parameter query;     // (D)
    private final Parameter wordOut;   // (V, D) random word vectors
    private final Parameter bigram;    // (V, V) logits of next given previous
    private final Parameter choice;    // (V, V) 1 where the image ranks the next word's candidates

    FakeCaptionNet(CaptionConfig config) {
        super((byte) 2);
        this.config = config;
        int d = config.featureSize();
        int v = config.vocabSize();
        query = addParameter(Parameter.builder().setName("query").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(d)).optInitializer(new NormalInitializer(0.1f)).build());
        wordOut = addParameter(Parameter.builder().setName("wordOut").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(v, d)).optInitializer(new NormalInitializer(1f)).build());
        bigram = addParameter(Parameter.builder().setName("bigram").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(v, v)).optInitializer(Initializer.ZEROS).build());
        choice = addParameter(Parameter.builder().setName("choice").setType(Parameter.Type.OTHER)
                .optShape(new Shape(v, v)).optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
    }

    @Override
    public CaptionConfig config() {
        return config;
    }

    /**
     * Spells {@code <start> steps[0] steps[1] ... <end>}: each step is one word id, or several (the image picks
     * one of them), with a wide margin over every other word.
     */
    void spell(int[]... steps) {
        NDArray table = bigram.getArray();
        NDArray chosen = choice.getArray();
        List<Integer> previous = List.of(Vocabulary.START_ID);
        for (int i = 0; i <= steps.length; i++) {
            int[] next = i < steps.length ? steps[i] : new int[] {Vocabulary.END_ID};
            for (int prev : previous) {
                for (int n : next) {
                    table.set(new NDIndex(prev + "," + n), 10f);
                    if (next.length > 1) chosen.set(new NDIndex(prev + "," + n), 1f);
                }
            }
            List<Integer> now = new ArrayList<>();
            for (int n : next) now.add(n);
            previous = now;
        }
    }

    /** grid (R, L, D), prev (R) -> logits (R, V). */
    private NDArray logits(ParameterStore ps, NDArray grid, NDArray prev, NDList alphaOut) {
        NDArray q = ps.getValue(query, grid.getDevice(), false);
        NDArray e = grid.matMul(q.reshape(-1, 1)).squeeze(2);                       // (R, L)
        NDArray alpha = e.softmax(1);                                               // (R, L)
        NDArray z = alpha.expandDims(1).batchMatMul(grid).squeeze(1);               // (R, D)
        if (alphaOut != null) alphaOut.add(alpha);
        NDArray centred = z.sub(z.mean(new int[] {1}, true));
        NDArray standard = centred.div(centred.square().mean(new int[] {1}, true).sqrt().add(1e-6f)); // (R, D)
        NDArray w = ps.getValue(wordOut, grid.getDevice(), false);
        NDArray projection = standard.matMul(w.transpose()).div((float) Math.sqrt(config.featureSize())); // (R, V) ~ N(0, 1)
        NDArray image = projection.mul(FREQUENCY).sin().mul(IMAGE_WEIGHT);          // (R, V)
        NDArray table = ps.getValue(bigram, grid.getDevice(), false).get(prev);     // (R, V)
        NDArray mask = ps.getValue(choice, grid.getDevice(), false).get(prev);      // (R, V)
        return table.add(image.mul(mask));
    }

    @Override
    public NDArray teacherForcedLogProbs(ParameterStore ps, NDArray grid, NDArray inputs) {
        long steps = inputs.getShape().get(1);
        NDList perStep = new NDList();
        for (long t = 0; t < steps; t++) perStep.add(logits(ps, grid, inputs.get(":, " + t), null).logSoftmax(1)); // (B, V)
        return NDArrays.stack(perStep, 1);                                                                          // (B, T, V)
    }

    @Override
    public NDArray loss(ParameterStore ps, CaptionBatch batch, boolean training) {
        NDArray tokens = batch.tokens();                                            // (B, T+1)
        long steps = tokens.getShape().get(1) - 1;
        NDArray lp = teacherForcedLogProbs(ps, batch.grid(), tokens.get(":, :-1"));                      // (B, T, V)
        NDArray nll = lp.gather(tokens.get(":, 1:").expandDims(-1), 2).squeeze(-1).neg();                 // (B, T)
        NDArray mask = ps.getManager().arange(steps).expandDims(0).lt(batch.lengths().expandDims(1)).toType(DataType.FLOAT32, false);
        return nll.mul(mask).sum().div(mask.sum());
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

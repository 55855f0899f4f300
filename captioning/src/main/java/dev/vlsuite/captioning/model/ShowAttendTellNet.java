package dev.vlsuite.captioning.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.HardAttention;
import dev.vlsuite.shared.nn.LstmCell;
import dev.vlsuite.shared.nn.SoftAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * The network of Show, Attend and Tell (Xu et al. 2015), shared by the soft and the hard arch:
 * <pre>
 *   h_0 = tanh(f_init_h(mean_i a_i)),  c_0 = tanh(f_init_c(mean_i a_i))
 *   alpha_t = softmax(v^T tanh(W_a a + W_h h_{t-1}))                    additive attention over L cells
 *   z_t = beta_t * phi(a, alpha_t),  beta_t = sigmoid(f_beta(h_{t-1}))  phi: expected or sampled glimpse
 *   h_t, c_t = LSTM([E y_{t-1}; z_t], h_{t-1}, c_t-1)
 *   p(y_t) = softmax(L_o dropout(tanh(E y_{t-1} + L_h h_t + L_z z_t)))  deep output (tanh as in arctic-captions)
 * </pre>
 * Teacher forcing embeds the whole caption and projects the features once per batch; only attention and the
 * LSTM run per step, and the deep output runs on all steps at once after the loop (DJL-NOTES 8).
 */
abstract class ShowAttendTellNet extends AbstractBlock implements CaptionNet {
    private static final byte VERSION = 1;

    protected final CaptionConfig config;
    private final Embedding embedding;   // E: (V, E)
    private final Linear initH;          // f_init_h: D -> H
    private final Linear initC;          // f_init_c: D -> H
    private final SoftAttention attention;
    private final Linear beta;           // f_beta: H -> 1
    private final LstmCell lstm;         // [E y; z] (E + D) -> H
    private final Linear outH;           // L_h: H -> E
    private final Linear outZ;           // L_z: D -> E
    private final Linear outWord;        // L_o: E -> V

    /** A teacher-forced pass over T steps. */
    record Unrolled(
            NDArray logProbs,     // (B, T, V)
            NDArray alphas,       // (B, T, L)
            NDArray locationLogP, // (B, T) log alpha of the sampled cell, SAMPLED only (else null)
            NDArray entropies) {} // (B, T) entropy of alpha_t, SAMPLED only (else null)

    /** One decoder step's outputs. */
    record Step(NDArray h, NDArray c, NDArray context, SoftAttention.Attended attended, HardAttention.Sampled sampled) {}

    protected ShowAttendTellNet(CaptionConfig config) {
        super(VERSION);
        this.config = config;
        int e = config.embedSize(), h = config.hiddenSize(), d = config.featureSize();
        embedding = addChildBlock("embedding", new Embedding(config.vocabSize(), e));
        initH = addChildBlock("f_init_h", Linear.builder().setUnits(h).build());
        initC = addChildBlock("f_init_c", Linear.builder().setUnits(h).build());
        attention = addChildBlock("attention", new SoftAttention(d, h, config.attentionSize()));
        beta = addChildBlock("f_beta", Linear.builder().setUnits(1).build());
        lstm = addChildBlock("lstm", new LstmCell(e + d, h));
        outH = addChildBlock("L_h", Linear.builder().setUnits(e).build());
        outZ = addChildBlock("L_z", Linear.builder().setUnits(e).build());
        outWord = addChildBlock("L_o", Linear.builder().setUnits(config.vocabSize()).build());
    }

    @Override
    public CaptionConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        long e = config.embedSize(), h = config.hiddenSize(), d = config.featureSize(), l = config.locations();
        embedding.initialize(m, type, new Shape(1));
        initH.initialize(m, type, new Shape(1, d));
        initC.initialize(m, type, new Shape(1, d));
        attention.initialize(m, type, new Shape(1, l, d), new Shape(1, h));
        beta.initialize(m, type, new Shape(1, h));
        lstm.initialize(m, type, new Shape(1, e + d));
        outH.initialize(m, type, new Shape(1, h));
        outZ.initialize(m, type, new Shape(1, d));
        outWord.initialize(m, type, new Shape(1, e));
    }

    /** forward((grid, tokens, lengths)) = (loss): the Block view of {@link #loss}. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(loss(ps, new CaptionBatch(inputs.get(0), inputs.get(1), inputs.get(2)), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    protected void checkGrid(NDArray grid) {
        Shape s = grid.getShape();
        if (s.dimension() != 3 || s.get(2) != config.featureSize()) {
            throw new IllegalArgumentException(config.arch() + " model needs features (B, L, " + config.featureSize() + "), got " + s);
        }
    }

    /** h_0 and c_0 from the mean feature: grid (B, L, D) -> 2 x (B, H). */
    NDList initialState(ParameterStore ps, NDArray grid, boolean training) {
        NDArray mean = grid.mean(new int[] {1});                                           // (B, D)
        NDArray h0 = initH.forward(ps, new NDList(mean), training).head().tanh();          // (B, H)
        NDArray c0 = initC.forward(ps, new NDList(mean), training).head().tanh();          // (B, H)
        return new NDList(h0, c0);
    }

    /** W_a a + b_a, once per input: (B, L, D) -> (B, L, A). */
    NDArray projectFeatures(ParameterStore ps, NDArray grid, boolean training) {
        return attention.projectFeatures(ps, grid, training);
    }

    NDArray embed(ParameterStore ps, NDArray ids, boolean training) {
        return embedding.embed(ps, ids, training);                                         // (..., E)
    }

    /** Attention, gating and one LSTM step. word (B, E), h and c (B, H). */
    Step step(ParameterStore ps, NDArray grid, NDArray projected, NDArray word, NDArray h, NDArray c,
              Glimpse glimpse, boolean training) {
        Glimpsed g = glimpse(ps, grid, projected, h, glimpse, training);
        NDList next = lstm.step(ps, NDArrays.concat(new NDList(word, g.z()), 1), new NDList(h, c), training); // 2 x (B, H)
        return new Step(next.get(0), next.get(1), g.z(), g.attended(), g.sampled());
    }

    /** {@link #step} with the word's share of the LSTM gates precomputed: wordGates (B, 4H) from {@code lstm.split}. */
    private Step step(ParameterStore ps, NDArray grid, NDArray projected, LstmCell.Split lstmWeights, NDArray wordGates,
                      NDArray h, NDArray c, Glimpse glimpse, boolean training) {
        Glimpsed g = glimpse(ps, grid, projected, h, glimpse, training);
        NDList next = lstmWeights.step(wordGates, g.z(), new NDList(h, c));              // 2 x (B, H)
        return new Step(next.get(0), next.get(1), g.z(), g.attended(), g.sampled());
    }

    private record Glimpsed(NDArray z, SoftAttention.Attended attended, HardAttention.Sampled sampled) {}

    /** Attention and the gated context z = beta * phi(a, alpha): h (B, H) -> z (B, D). */
    private Glimpsed glimpse(ParameterStore ps, NDArray grid, NDArray projected, NDArray h, Glimpse glimpse, boolean training) {
        SoftAttention.Attended att = attention.attend(ps, grid, projected, h, null, training); // alpha (B, L)
        HardAttention.Sampled sampled = null;
        NDArray z;
        switch (glimpse) {
            case EXPECTED -> z = att.context();                                            // (B, D)
            case SAMPLED -> z = (sampled = HardAttention.sample(grid, att.scores())).context();
            case MOST_LIKELY -> z = (sampled = HardAttention.argmax(grid, att.scores())).context();
            default -> throw new IllegalStateException();
        }
        NDArray gate = Activation.sigmoid(beta.forward(ps, new NDList(h), training).head()); // (B, 1)
        return new Glimpsed(z.mul(gate), att, sampled);                                    // (B, D)
    }

    /** Deep output: word (..., E), h (..., H), z (..., D) -> log p(y) (..., V). */
    NDArray deepOutput(ParameterStore ps, NDArray word, NDArray h, NDArray z, boolean training) {
        NDArray sum = word.add(outH.forward(ps, new NDList(h), training).head())
                .add(outZ.forward(ps, new NDList(z), training).head()).tanh();             // (..., E)
        NDArray dropped = Dropout.dropout(sum, config.dropout(), training).head();
        return outWord.forward(ps, new NDList(dropped), training).head().logSoftmax(-1);  // (..., V)
    }

    /** Runs the decoder over the caption inputs with the true previous words. */
    Unrolled unroll(ParameterStore ps, NDArray grid, NDArray inputs, Glimpse glimpse, boolean training) {
        checkGrid(grid);
        int steps = (int) inputs.getShape().get(1);
        NDArray words = embed(ps, inputs, training);                                      // (B, T, E)
        NDArray projected = projectFeatures(ps, grid, training);                           // (B, L, A)
        NDList state = initialState(ps, grid, training);
        NDArray h = state.get(0), c = state.get(1);
        List<NDArray> hs = new ArrayList<>(steps), zs = new ArrayList<>(steps), alphas = new ArrayList<>(steps);
        List<NDArray> logPs = new ArrayList<>(), entropies = new ArrayList<>();
        // the words' share of the LSTM gates for all steps in one matmul; split once into steps (one backward copy)
        LstmCell.Split lstmWeights = lstm.split(ps, config.embedSize(), grid.getDevice(), training);
        NDList wordGates = lstmWeights.leadingGates(words).swapAxes(0, 1).split(steps, 0); // T x (1, B, 4H)
        for (int t = 0; t < steps; t++) {
            Step s = step(ps, grid, projected, lstmWeights, wordGates.get(t).squeeze(0), h, c, glimpse, training);
            h = s.h();
            c = s.c();
            hs.add(h);
            zs.add(s.context());
            alphas.add(s.attended().alpha());
            if (s.sampled() != null) {
                logPs.add(s.sampled().logProb());
                entropies.add(s.sampled().entropy());
            }
        }
        NDArray hAll = NDArrays.stack(new NDList(hs), 1);                                  // (B, T, H)
        NDArray zAll = NDArrays.stack(new NDList(zs), 1);                                  // (B, T, D)
        NDArray logProbs = deepOutput(ps, words, hAll, zAll, training);                    // (B, T, V)
        NDArray alpha = NDArrays.stack(new NDList(alphas), 1);                             // (B, T, L)
        boolean sampled = glimpse == Glimpse.SAMPLED;
        return new Unrolled(logProbs, alpha,
                sampled ? NDArrays.stack(new NDList(logPs), 1) : null,                     // (B, T)
                sampled ? NDArrays.stack(new NDList(entropies), 1) : null);                // (B, T)
    }

    /**
     * The weights of {@link #step} and {@link #deepOutput} rearranged for inference (see {@link AttendTellDecoder}):
     * everything applied to h in one matrix, rows {@code [L_h (E); 2 W_h (A); f_beta (1); LSTM's h columns (4H)]}
     * (W_h doubled for {@link SoftAttention#groupedScores}),
     * and the LSTM's [E y; z] columns apart. Copies, attached to {@code owner} (the decoding call's scope).
     */
    AttendTellDecoder.Weights decodeWeights(ParameterStore ps, NDManager owner) {
        ai.djl.Device device = owner.getDevice();
        long ed = config.embedSize() + config.featureSize();
        NDArray lstmW = ps.getValue(lstm.weight(), device, false);                           // (4H, E+D+H)
        NDArray lhB = value(ps, outH, "bias", device);
        NDArray hW, hB, xW;
        try (NDArray hCols = lstmW.get(":, {}:", ed); NDArray xCols = lstmW.get(":, :{}", ed);
             NDArray wh2 = ps.getValue(attention.hiddenWeight(), device, false).mul(2f);
             NDArray zerosA = owner.zeros(new Shape(config.attentionSize()), lhB.getDataType());
             NDArray zeros4H = owner.zeros(new Shape(4L * config.hiddenSize()), lhB.getDataType())) {
            hW = NDArrays.concat(new NDList(value(ps, outH, "weight", device), wh2,
                    value(ps, beta, "weight", device), hCols), 0);                               // (E+A+1+4H, H)
            hB = NDArrays.concat(new NDList(lhB, zerosA, value(ps, beta, "bias", device), zeros4H), 0); // (E+A+1+4H)
            xW = xCols.duplicate();                                                              // (4H, E+D) contiguous
        }
        NDList made = new NDList(hW, hB, xW);
        made.attach(owner);                                       // freed with the decoding call, not the model
        return new AttendTellDecoder.Weights(hW, hB, xW, ps.getValue(lstm.bias(), device, false),
                value(ps, outZ, "weight", device), value(ps, outZ, "bias", device),
                value(ps, outWord, "weight", device), value(ps, outWord, "bias", device),
                config.embedSize(), config.attentionSize());
    }

    private static NDArray value(ParameterStore ps, ai.djl.nn.Block block, String name, ai.djl.Device device) {
        return ps.getValue(block.getParameters().get(name), device, false);
    }

    SoftAttention attention() {
        return attention;
    }

    @Override
    public NDArray teacherForcedLogProbs(ParameterStore ps, NDArray grid, NDArray inputs) {
        return unroll(ps, grid, inputs, decodingGlimpse(), false).logProbs();           // (B, T, V)
    }

    /** The glimpse used when decoding captions. */
    abstract Glimpse decodingGlimpse();

    @Override
    public AttendTellDecoder decoder(ParameterStore ps) {
        return new AttendTellDecoder(this, ps, decodingGlimpse());
    }
}

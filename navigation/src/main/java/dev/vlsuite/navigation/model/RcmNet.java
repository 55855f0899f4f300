package dev.vlsuite.navigation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.LstmCell;

/**
 * Wang et al. 2019's cross-modal reasoning navigator, one panoramic decision at a time:
 * <ul>
 *   <li>instruction: words -> embedding (E) -> LSTM (H) -> states {w_i}; its last state (tanh layer) starts the history;</li>
 *   <li>trajectory history: h_t = LSTM([v_t; a_{t-1}], h_{t-1}) where v_t is the panorama (36 views, each D + the
 *       direction code) attended by h_{t-1} and a_{t-1} the previous action's candidate vector (zeros at first);</li>
 *   <li>textual context: h_t attends to the words, c_text = sum alpha_i w_i;</li>
 *   <li>visual context: c_text attends to the 36 views, c_vis;</li>
 *   <li>action: logit_k = (W_p [h_t; c_text; c_vis]) . (W_c u_k) for every candidate u_k (a navigable neighbour's view
 *       + direction, or STOP = zeros, logit 0), padding masked.</li>
 * </ul>
 * Instructions come left-padded (pad ids first), so the fused encoder LSTM ends on the last word of each row.
 */
public final class RcmNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final RcmConfig config;
    private final Embedding words;      // (V, E)
    private final LSTM encoder;         // E -> H
    private final Linear encToHist;     // H -> H (tanh): history h0
    private final Linear panoQuery;     // H -> Dv: h_{t-1} attends to the views
    private final LstmCell history;     // Dv + Dv -> H
    private final Linear textQuery;     // H -> H: h_t attends to the words
    private final Linear visualQuery;   // H -> Dv: c_text attends to the views
    private final Linear project;       // H + H + Dv -> H (tanh)
    private final Linear candidates;    // Dv -> H

    /** The encoded instruction: word states (B, L, H), pad mask (B, L) 1 = word, history start h, c (B, H). */
    public record Encoded(NDArray context, NDArray mask, NDArray h0, NDArray c0) {}

    /** One decision: masked logits (B, K), attention over the words (B, L) and over the views (B, 36), new state. */
    public record Decision(NDArray logits, NDArray wordAlpha, NDArray viewAlpha, NDList state) {}

    public RcmNet(RcmConfig config) {
        super(VERSION);
        if (config.vocabSize() < 4 || config.featureSize() < 1) {
            throw new IllegalArgumentException("rcm needs the vocabulary size and the feature size: V " + config.vocabSize() + ", D " + config.featureSize());
        }
        this.config = config;
        int h = config.hiddenSize(), dv = config.viewSize();
        words = addChildBlock("words", new Embedding(config.vocabSize(), config.wordEmbedSize()));
        encoder = addChildBlock("encoder", LSTM.builder().setStateSize(h).setNumLayers(1)
                .optBatchFirst(true).optReturnState(true).build());
        encToHist = addChildBlock("enc_to_hist", Linear.builder().setUnits(h).build());
        panoQuery = addChildBlock("pano_query", Linear.builder().setUnits(dv).optBias(false).build());
        history = addChildBlock("history", new LstmCell(2 * dv, h));
        textQuery = addChildBlock("text_query", Linear.builder().setUnits(h).optBias(false).build());
        visualQuery = addChildBlock("visual_query", Linear.builder().setUnits(dv).optBias(false).build());
        project = addChildBlock("project", Linear.builder().setUnits(h).optBias(false).build());
        candidates = addChildBlock("candidates", Linear.builder().setUnits(h).optBias(false).build());
    }

    public RcmConfig config() {
        return config;
    }

    /** Input shapes for initialisation: tokens (1, 1). */
    public static Shape[] inputShapes() {
        return new Shape[] {new Shape(1, 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        int h = config.hiddenSize(), dv = config.viewSize();
        words.initialize(m, type, new Shape(1));
        encoder.initialize(m, type, new Shape(1, 1, config.wordEmbedSize()));
        encToHist.initialize(m, type, new Shape(1, h));
        panoQuery.initialize(m, type, new Shape(1, h));
        history.initialize(m, type, new Shape(1, 2L * dv), new Shape(1, h), new Shape(1, h));
        textQuery.initialize(m, type, new Shape(1, h));
        visualQuery.initialize(m, type, new Shape(1, h));
        project.initialize(m, type, new Shape(1, 2L * h + dv));
        candidates.initialize(m, type, new Shape(1, dv));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Encoded e = encode(ps, inputs.head(), training);
        return new NDList(e.context(), e.h0(), e.c0());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0), l = inputShapes[0].get(1);
        int h = config.hiddenSize();
        return new Shape[] {new Shape(b, l, h), new Shape(b, h), new Shape(b, h)};
    }

    /** tokens (B, L) int64, left-padded with {@code <pad>} = 0. */
    public Encoded encode(ParameterStore ps, NDArray tokens, boolean training) {
        NDArray mask = tokens.gt(0).toType(DataType.FLOAT32, false);                       // (B, L)
        NDArray emb = words.embed(ps, tokens, training);                                    // (B, L, E)
        emb = Dropout.dropout(emb, (float) config.dropout(), training).head();
        NDList out = encoder.forward(ps, new NDList(emb), training);                        // (B, L, H), h (1, B, H), c (1, B, H)
        NDArray h0 = encToHist.forward(ps, new NDList(out.get(1).squeeze(0)), training).head().tanh(); // (B, H)
        return new Encoded(out.get(0), mask, h0, out.get(2).squeeze(0));
    }

    /**
     * One decision. prevAction (B, Dv) (zeros at first), panorama (B, 36, Dv), cands (B, K, Dv) with STOP's zeros
     * first, candMask (B, K) 1 = a real candidate, state (h, c) each (B, H).
     */
    public Decision step(ParameterStore ps, Encoded enc, NDArray prevAction, NDArray panorama, NDArray cands,
                         NDArray candMask, NDList state, boolean training) {
        float p = (float) config.dropout();
        NDArray pano = Dropout.dropout(panorama, p, training).head();                       // (B, 36, Dv)
        NDArray hPrev = state.get(0);
        NDArray v = attend(pano, panoQuery.forward(ps, new NDList(hPrev), training).head(), null)[0]; // (B, Dv)
        NDList hc = history.step(ps, v.concat(prevAction, 1), state, training);            // h, c (B, H)
        NDArray h = hc.get(0);
        NDArray[] text = attend(enc.context(), textQuery.forward(ps, new NDList(h), training).head(), enc.mask()); // (B, H), (B, L)
        NDArray[] visual = attend(pano, visualQuery.forward(ps, new NDList(text[0]), training).head(), null);      // (B, Dv), (B, 36)
        NDArray joint = h.concat(text[0], 1).concat(visual[0], 1);                          // (B, 2H + Dv)
        NDArray query = project.forward(ps, new NDList(joint), training).head().tanh();    // (B, H)
        query = Dropout.dropout(query, p, training).head();
        NDArray c = Dropout.dropout(cands, p, training).head();
        NDArray keys = candidates.forward(ps, new NDList(c), training).head();             // (B, K, H)
        NDArray logits = keys.batchMatMul(query.expandDims(2)).squeeze(2);                 // (B, K)
        logits = logits.add(candMask.sub(1f).mul(1e9f));                                    // padding never chosen
        return new Decision(logits, text[1], visual[1], hc);
    }

    /** Dot-product attention of query (B, F) over items (B, N, F), mask (B, N) or null: {context (B, F), weights (B, N)}. */
    private static NDArray[] attend(NDArray items, NDArray query, NDArray mask) {
        NDArray scores = items.batchMatMul(query.expandDims(2)).squeeze(2);                 // (B, N)
        if (mask != null) scores = scores.add(mask.sub(1f).mul(1e9f));
        NDArray alpha = scores.softmax(1);                                                  // (B, N)
        NDArray context = alpha.expandDims(1).batchMatMul(items).squeeze(1);               // (B, F)
        return new NDArray[] {context, alpha};
    }
}

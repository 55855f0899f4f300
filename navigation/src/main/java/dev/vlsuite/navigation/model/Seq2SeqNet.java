package dev.vlsuite.navigation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.LstmCell;

/**
 * Anderson et al. 2018's sequence-to-sequence agent, one decision at a time:
 * <ul>
 *   <li>encoder: words -> embedding (E) -> LSTM (H) over the instruction; its last state, through a tanh layer,
 *       starts the decoder;</li>
 *   <li>decoder step: LSTM cell (H) fed [embedding of the previous action (A); the current view's features (D)];
 *       attention (the baseline's dot-product "general" attention) of h over the encoder states gives the context;
 *       h~ = tanh(W [context; h]); action logits = W_a dropout(h~), invalid actions masked.</li>
 * </ul>
 * Instructions come left-padded (pad ids first), so the fused encoder LSTM ends on the last word of each row.
 */
public final class Seq2SeqNet extends AbstractBlock {
    private static final byte VERSION = 1;
    /** The action-embedding row of "no previous action" (the first step). */
    public static final int START_ACTION = Action.COUNT;

    private final Seq2SeqConfig config;
    private final Embedding words;       // (V, E)
    private final LSTM encoder;          // E -> H
    private final Linear encToDec;       // H -> H (tanh): decoder h0
    private final Embedding actions;     // (6 + 1, A)
    private final LstmCell decoder;      // A + D -> H
    private final Linear attnIn;         // H -> H: query of the dot-product attention
    private final Linear attnOut;        // H + H -> H: h~
    private final Linear logits;         // H -> 6

    /** The encoded instruction: states (B, L, H), pad mask (B, L) 1 = word, decoder start state h, c (B, H). */
    public record Encoded(NDArray context, NDArray mask, NDArray h0, NDArray c0) {}

    /** One decision: masked logits (B, 6), attention over the words (B, L), the decoder's new state. */
    public record Decision(NDArray logits, NDArray alpha, NDList state) {}

    public Seq2SeqNet(Seq2SeqConfig config) {
        super(VERSION);
        if (config.vocabSize() < 4 || config.featureSize() < 1) {
            throw new IllegalArgumentException("seq2seq needs the vocabulary size and the feature size: V " + config.vocabSize() + ", D " + config.featureSize());
        }
        this.config = config;
        words = addChildBlock("words", new Embedding(config.vocabSize(), config.wordEmbedSize()));
        encoder = addChildBlock("encoder", LSTM.builder().setStateSize(config.hiddenSize()).setNumLayers(1)
                .optBatchFirst(true).optReturnState(true).build());
        encToDec = addChildBlock("enc_to_dec", Linear.builder().setUnits(config.hiddenSize()).build());
        actions = addChildBlock("actions", new Embedding(Action.COUNT + 1, config.actionEmbedSize()));
        decoder = addChildBlock("decoder", new LstmCell(config.actionEmbedSize() + config.featureSize(), config.hiddenSize()));
        attnIn = addChildBlock("attn_in", Linear.builder().setUnits(config.hiddenSize()).optBias(false).build());
        attnOut = addChildBlock("attn_out", Linear.builder().setUnits(config.hiddenSize()).optBias(false).build());
        logits = addChildBlock("logits", Linear.builder().setUnits(Action.COUNT).build());
    }

    public Seq2SeqConfig config() {
        return config;
    }

    /** Input shapes for initialisation: tokens (1, 1). */
    public static Shape[] inputShapes() {
        return new Shape[] {new Shape(1, 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        int h = config.hiddenSize();
        words.initialize(m, type, new Shape(1));
        encoder.initialize(m, type, new Shape(1, 1, config.wordEmbedSize()));
        encToDec.initialize(m, type, new Shape(1, h));
        actions.initialize(m, type, new Shape(1));
        decoder.initialize(m, type, new Shape(1, config.actionEmbedSize() + config.featureSize()), new Shape(1, h), new Shape(1, h));
        attnIn.initialize(m, type, new Shape(1, h));
        attnOut.initialize(m, type, new Shape(1, 2L * h));
        logits.initialize(m, type, new Shape(1, h));
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

    /**
     * tokens (B, L) int64, left-padded with {@code <pad>} = 0. The LSTM reads each row's words only: rows are encoded
     * in runs of equal length (a fused LSTM over pads would shift the state by the pad count, so a route would depend
     * on its batch-mates); callers that sort rows by length get one run per length. Context rows are zero at pads.
     */
    public Encoded encode(ParameterStore ps, NDArray tokens, boolean training) {
        NDArray mask = tokens.gt(0).toType(DataType.FLOAT32, false);                       // (B, L)
        long b = tokens.getShape().get(0), l = tokens.getShape().get(1);
        long[] ids = tokens.toLongArray();
        int[] len = new int[(int) b];
        for (int i = 0; i < b; i++) {
            int n = 0;
            for (int k = 0; k < l; k++) if (ids[(int) (i * l + k)] != 0) n++;
            len[i] = Math.max(1, n);                                                         // an empty row reads one pad
        }
        NDList contexts = new NDList(), hs = new NDList(), cs = new NDList();
        for (int from = 0; from < b; ) {
            int to = from + 1;
            while (to < b && len[to] == len[from]) to++;
            long n = len[from];
            NDArray rows = tokens.get(from + ":" + to + ", " + (l - n) + ":");               // (R, n) words only
            NDArray emb = words.embed(ps, rows, training);                                   // (R, n, E)
            emb = Dropout.dropout(emb, (float) config.dropout(), training).head();
            NDList out = encoder.forward(ps, new NDList(emb), training);                     // (R, n, H), h, c (1, R, H)
            NDArray ctx = out.get(0);
            if (n < l) ctx = tokens.getManager().zeros(new Shape(to - from, l - n, config.hiddenSize())).concat(ctx, 1); // (R, L, H)
            contexts.add(ctx);
            hs.add(out.get(1).squeeze(0));
            cs.add(out.get(2).squeeze(0));
            from = to;
        }
        NDArray context = contexts.size() == 1 ? contexts.head() : NDArrays.concat(contexts, 0);   // (B, L, H)
        NDArray h = hs.size() == 1 ? hs.head() : NDArrays.concat(hs, 0);                          // (B, H)
        NDArray c = cs.size() == 1 ? cs.head() : NDArrays.concat(cs, 0);
        NDArray h0 = encToDec.forward(ps, new NDList(h), training).head().tanh();                // (B, H)
        return new Encoded(context, mask, h0, c);
    }

    /**
     * One step. prevAction (B) int64 (START_ACTION at first), feature (B, D), actionMask (B, 6) 1 = allowed,
     * state (h, c) each (B, H).
     */
    public Decision step(ParameterStore ps, Encoded enc, NDArray prevAction, NDArray feature, NDArray actionMask,
                         NDList state, boolean training) {
        NDArray a = actions.embed(ps, prevAction, training);                                // (B, A)
        NDArray x = a.concat(feature, 1);                                                   // (B, A + D)
        x = Dropout.dropout(x, (float) config.dropout(), training).head();
        NDList hc = decoder.step(ps, x, state, training);                                   // h, c (B, H)
        NDArray h = hc.get(0);
        NDArray query = attnIn.forward(ps, new NDList(h), training).head();                // (B, H)
        NDArray scores = enc.context().batchMatMul(query.expandDims(2)).squeeze(2);        // (B, L)
        scores = scores.add(enc.mask().sub(1f).mul(1e9f));                                  // pads never attended
        NDArray alpha = scores.softmax(1);                                                  // (B, L)
        NDArray context = alpha.expandDims(1).batchMatMul(enc.context()).squeeze(1);       // (B, H)
        NDArray hTilde = attnOut.forward(ps, new NDList(context.concat(h, 1)), training).head().tanh(); // (B, H)
        hTilde = Dropout.dropout(hTilde, (float) config.dropout(), training).head();
        NDArray out = logits.forward(ps, new NDList(hTilde), training).head();             // (B, 6)
        out = out.add(actionMask.sub(1f).mul(1e9f));                                        // impossible actions never chosen
        return new Decision(out, alpha, hc);
    }
}

package dev.vlsuite.navigation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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
import dev.vlsuite.shared.nn.TeacherForcing;
import java.util.ArrayList;
import java.util.List;

/**
 * The speaker (trajectory -> instruction): encoder LSTM (H) over the trajectory's views (B, T, Dv), right-padded;
 * decoder LSTM cell (H) over the instruction's words, h~_t = tanh(W [attention of h_t over the trajectory; h_t]),
 * word logits W_o h~_t. Its length-normalised log-probability of an instruction is the matching critic's reward.
 */
public final class SpeakerNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final SpeakerConfig config;
    private final LSTM encoder;      // Dv -> H
    private final Linear encToDec;   // H -> H (tanh): decoder h0 from the mean trajectory state
    private final Embedding words;   // (V, E)
    private final LstmCell decoder;  // E -> H
    private final Linear attnIn;     // H -> H
    private final Linear attnOut;    // H + H -> H
    private final Linear logits;     // H -> V

    public SpeakerNet(SpeakerConfig config) {
        super(VERSION);
        if (config.vocabSize() < 4 || config.featureSize() < 1) {
            throw new IllegalArgumentException("the speaker needs the vocabulary size and the feature size: V " + config.vocabSize() + ", D " + config.featureSize());
        }
        this.config = config;
        int h = config.hiddenSize();
        encoder = addChildBlock("encoder", LSTM.builder().setStateSize(h).setNumLayers(1).optBatchFirst(true).build());
        encToDec = addChildBlock("enc_to_dec", Linear.builder().setUnits(h).build());
        words = addChildBlock("words", new Embedding(config.vocabSize(), config.wordEmbedSize()));
        decoder = addChildBlock("decoder", new LstmCell(config.wordEmbedSize(), h));
        attnIn = addChildBlock("attn_in", Linear.builder().setUnits(h).optBias(false).build());
        attnOut = addChildBlock("attn_out", Linear.builder().setUnits(h).optBias(false).build());
        logits = addChildBlock("logits", Linear.builder().setUnits(config.vocabSize()).build());
    }

    public SpeakerConfig config() {
        return config;
    }

    /** Input shapes for initialisation: trajectory (1, 1, Dv). */
    public static Shape[] inputShapes(SpeakerConfig c) {
        return new Shape[] {new Shape(1, 1, c.viewSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        int h = config.hiddenSize();
        encoder.initialize(m, type, new Shape(1, 1, config.viewSize()));
        encToDec.initialize(m, type, new Shape(1, h));
        words.initialize(m, type, new Shape(1));
        decoder.initialize(m, type, new Shape(1, config.wordEmbedSize()), new Shape(1, h), new Shape(1, h));
        attnIn.initialize(m, type, new Shape(1, h));
        attnOut.initialize(m, type, new Shape(1, 2L * h));
        logits.initialize(m, type, new Shape(1, h));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return encoder.forward(ps, new NDList(inputs.head()), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.hiddenSize())};
    }

    /**
     * Per instruction, the mean -log p of its words given the trajectory (teacher forcing): (B).
     *
     * @param traj     (B, T, Dv) right-padded trajectory views
     * @param trajMask (B, T) 1 = a real step
     * @param tokens   (B, W + 1) int64: {@code <start> w1 .. wn <end>} then pads
     * @param lengths  (B) n + 1, the number of targets of each row
     */
    public NDArray wordNll(ParameterStore ps, NDArray traj, NDArray trajMask, NDArray tokens, NDArray lengths, boolean training) {
        float p = (float) config.dropout();
        NDArray x = Dropout.dropout(traj, p, training).head();
        NDArray enc = encoder.forward(ps, new NDList(x), training).head();                    // (B, T, H)
        NDArray m = trajMask.expandDims(2);                                                  // (B, T, 1)
        NDArray mean = enc.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));              // (B, H)
        NDArray h = encToDec.forward(ps, new NDList(mean), training).head().tanh();
        NDList state = new NDList(h, h.zerosLike());
        NDArray in = TeacherForcing.inputs(tokens);                                          // (B, W)
        NDArray targets = TeacherForcing.targets(tokens);                                    // (B, W)
        NDArray emb = Dropout.dropout(words.embed(ps, in, training), p, training).head();    // (B, W, E)
        long steps = in.getShape().get(1);
        NDArray pad = trajMask.sub(1f).mul(1e9f);                                            // (B, T)
        List<NDArray> outs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            state = decoder.step(ps, emb.get(new NDIndex(":, {}, :", t)), state, training);
            NDArray ht = state.get(0);                                                       // (B, H)
            NDArray q = attnIn.forward(ps, new NDList(ht), training).head();
            NDArray alpha = enc.batchMatMul(q.expandDims(2)).squeeze(2).add(pad).softmax(1); // (B, T)
            NDArray ctx = alpha.expandDims(1).batchMatMul(enc).squeeze(1);                   // (B, H)
            NDArray tilde = attnOut.forward(ps, new NDList(ctx.concat(ht, 1)), training).head().tanh();
            outs.add(Dropout.dropout(tilde, p, training).head());
        }
        NDArray all = NDArrays.stack(new NDList(outs), 1);                                   // (B, W, H)
        NDArray logp = logits.forward(ps, new NDList(all), training).head().logSoftmax(2);  // (B, W, V)
        NDArray mask = TeacherForcing.mask(lengths, steps);                                  // (B, W)
        NDArray nll = TeacherForcing.maskedNll(logp, targets, mask).sum(new int[] {1});      // (B)
        return nll.div(lengths.toType(DataType.FLOAT32, false));
    }
}

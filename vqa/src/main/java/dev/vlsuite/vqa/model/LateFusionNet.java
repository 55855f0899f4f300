package dev.vlsuite.vqa.model;

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
import dev.vlsuite.shared.nn.Embedding;
import dev.vlsuite.shared.nn.SoftAttention;

/**
 * Late fusion (LF) encoder with the discriminative decoder (Das et al. 2017): the image vector (standardised per
 * channel with the training images' statistics, then L2-normalised),
 * the question LSTM's and the history LSTM's final states are concatenated -> Linear -> tanh (B, H); each
 * candidate answer is encoded by its own LSTM (its final state, H); a candidate's score is the dot product of the
 * two. LF-QI zeroes the history vector. Token rows are right-aligned (padding first, QuestionIds), so every
 * LSTM's last step is every row's last word and DJL's fused LSTM runs all steps at once. With the generative
 * decoder ({@code decoder = gen}) there is no candidate encoder: an LSTM language model started from the encoding
 * scores candidates by their length-normalised log-likelihood and writes free answers (beam search,
 * {@link AnswerStepModel}); {@code decoder = both} has the two heads on one encoder. lf-att ({@code attentionDim > 0})
 * replaces the image vector by additive attention over the standardised conv grid guided by the question's and
 * the history's final states: alpha = softmax(v^T tanh(W_a a_l + W_g [q; h])), image = sum_l alpha_l a_l (the
 * history joins the guide because a referring question, "where is it", names its object only there).
 *
 * <p>Why the standardisation: a frozen random-weight backbone's channels differ in offset and scale by orders of
 * magnitude and any two images' raw vectors have a cosine near 0.9, so after a bare L2 norm every image looked
 * alike and the first bundled model named the same colour for every shape.
 */
public final class LateFusionNet extends AbstractBlock {
    private static final byte VERSION = 1;   // new children are optional: older bundles still load

    private final LateFusionConfig config;
    private final Embedding embedding;
    private final FeatureStandardiser imageNorm;
    private final SoftAttention imageAttention; // lf-att only
    private final LSTM questionLstm;
    private final LSTM historyLstm;
    private final LSTM answerLstm;   // disc only
    private final Linear fusion;
    private final LSTM genLstm;      // gen only: the answer language model, started from the encoding
    private final Linear genOut;     // gen only: H -> vocabulary logits

    public LateFusionNet(LateFusionConfig config) {
        super(VERSION);
        this.config = config;
        embedding = addChildBlock("embedding", new Embedding(config.vocab(), config.embed()));
        imageNorm = config.standardise() ? addChildBlock("image_norm", new FeatureStandardiser(config.featureSize())) : null;
        imageAttention = config.attends()
                ? addChildBlock("image_attention", new SoftAttention(config.featureSize(), 2 * config.hidden(), config.attentionDim())) : null;
        questionLstm = addChildBlock("question_lstm", lstm(config));
        historyLstm = addChildBlock("history_lstm", lstm(config));
        answerLstm = config.hasDisc() ? addChildBlock("answer_lstm", lstm(config)) : null;
        fusion = addChildBlock("fusion", Linear.builder().setUnits(config.hidden()).build());
        genLstm = config.hasGen() ? addChildBlock("gen_lstm", lstm(config)) : null;
        genOut = config.hasGen() ? addChildBlock("gen_out", Linear.builder().setUnits(config.vocab()).build()) : null;
    }

    private static LSTM lstm(LateFusionConfig c) {
        return LSTM.builder().setStateSize(c.hidden()).setNumLayers(c.layers()).optBatchFirst(true).optReturnState(true).build();
    }

    public LateFusionConfig config() {
        return config;
    }

    /** The encoding and, for lf-att, where it looked. */
    public record Encoded(NDArray encoding, NDArray alpha) {}   // (B, H), (B, L) or null

    /** The encoder: image (B, D) (lf-att: the grid (B, L*D), row-major by location), question (B, Tq), history (B, Th) ids -> (B, H). */
    public NDArray encode(ParameterStore ps, NDArray image, NDArray question, NDArray history, boolean training) {
        return encodeWithAttention(ps, image, question, history, training).encoding();
    }

    /** {@link #encode}, with the attention weights over the grid (lf-att; null otherwise). */
    public Encoded encodeWithAttention(ParameterStore ps, NDArray image, NDArray question, NDArray history, boolean training) {
        NDArray q = last(ps, questionLstm, question, training);                          // (B, H)
        NDArray h = config.history() ? last(ps, historyLstm, history, training)         // (B, H)
                : q.zerosLike();                                                         // LF-QI: history zeroed
        NDArray img;
        NDArray alpha = null;
        if (imageAttention != null) {
            long b = image.getShape().get(0);
            NDArray grid = imageNorm.apply(ps, image.reshape(b, -1, config.featureSize()), training);   // (B, L, D)
            // guided by the question and the history: "where is it" names its object only in the history
            NDArray guide = NDArrays.concat(new NDList(q, h), 1);                        // (B, 2H)
            SoftAttention.Attended a = imageAttention.attend(ps, grid, imageAttention.projectFeatures(ps, grid, training), guide, null, training);
            img = a.context();                                                           // (B, D)
            alpha = a.alpha();                                                           // (B, L)
        } else {
            img = imageNorm != null ? imageNorm.apply(ps, image, training) : image;     // (B, D)
        }
        img = img.div(img.norm(new int[] {1}, true).add(1e-6f));                         // (B, D)
        NDArray x = NDArrays.concat(new NDList(img, q, h), 1);                           // (B, D + 2H)
        x = Dropout.dropout(x, config.dropout(), training).head();
        return new Encoded(fusion.forward(ps, new NDList(x), training).head().tanh(), alpha); // (B, H)
    }

    /** Sets the image standardisation (the training images' per-channel mean and std; saved with the model). */
    public void setFeatureStatistics(float[] mean, float[] std) {
        if (mean.length != config.featureSize() || std.length != config.featureSize()) {
            throw new IllegalArgumentException("feature statistics need " + config.featureSize() + " channels");
        }
        if (imageNorm != null) imageNorm.set(mean, std);
    }

    /** The discriminative decoder's answer encoder: answers (P, Ta) ids -> (P, H). */
    public NDArray encodeAnswers(ParameterStore ps, NDArray answers, boolean training) {
        if (answerLstm == null) throw new IllegalStateException("a generative dialog model has no candidate encoder");
        return last(ps, answerLstm, answers, training);
    }

    /**
     * The generative decoder (as the PyTorch starter): the answer LSTM starts from h0 = the encoding in every
     * layer, c0 = 0, and reads {@code <start> w1 .. wn}; log-probabilities of the next word.
     * enc (B, H), inputs (B, T) ids, state null (start from enc) or {h, c} (n, B, H) -> {logProbs (B, T, V), h, c}.
     */
    public NDList generate(ParameterStore ps, NDArray enc, NDArray inputs, NDList state, boolean training) {
        if (genLstm == null) throw new IllegalStateException("a discriminative dialog model has no generative decoder");
        NDList begin = state != null ? state
                : new NDList(enc.expandDims(0).repeat(0, config.layers()), enc.zerosLike().expandDims(0).repeat(0, config.layers()));
        NDArray x = embedding.embed(ps, inputs, training);                                // (B, T, E)
        x = Dropout.dropout(x, config.dropout(), training).head();
        NDList out = genLstm.forward(ps, new NDList(x, begin.get(0), begin.get(1)), training); // (B, T, H), h, c (n, B, H)
        NDArray y = Dropout.dropout(out.get(0), config.dropout(), training).head();
        NDArray logits = genOut.forward(ps, new NDList(y), training).head();             // (B, T, V)
        return new NDList(logits.logSoftmax(2), out.get(1), out.get(2));
    }

    /**
     * Length-normalised log-likelihood of answers under the generative decoder: enc (N, H), tokens (N, T+1)
     * {@code <start> w1 .. wn <end> <pad>..}, lengths (N) = n + 1 -> (N) mean log p per word (the end included).
     */
    public NDArray logLikelihood(ParameterStore ps, NDArray enc, NDArray tokens, NDArray lengths) {
        NDArray lp = generate(ps, enc, dev.vlsuite.shared.nn.TeacherForcing.inputs(tokens), null, false).head(); // (N, T, V)
        NDArray targets = dev.vlsuite.shared.nn.TeacherForcing.targets(tokens);                          // (N, T)
        NDArray mask = dev.vlsuite.shared.nn.TeacherForcing.mask(lengths, targets.getShape().get(1));     // (N, T)
        NDArray nll = dev.vlsuite.shared.nn.TeacherForcing.maskedNll(lp, targets, mask).sum(new int[] {1}); // (N)
        return nll.neg().div(lengths.toType(DataType.FLOAT32, false));                                   // (N)
    }

    /** Teacher-forced loss of the true answers: summed NLL / number of target words; scalar. */
    public NDArray generativeLoss(ParameterStore ps, NDArray enc, NDArray tokens, NDArray lengths, boolean training) {
        NDArray lp = generate(ps, enc, dev.vlsuite.shared.nn.TeacherForcing.inputs(tokens), null, training).head(); // (B, T, V)
        NDArray targets = dev.vlsuite.shared.nn.TeacherForcing.targets(tokens);                             // (B, T)
        NDArray mask = dev.vlsuite.shared.nn.TeacherForcing.mask(lengths, targets.getShape().get(1));        // (B, T)
        return dev.vlsuite.shared.nn.TeacherForcing.maskedNll(lp, targets, mask).sum().div(mask.sum());
    }

    /**
     * Scores of each round's options: encodings (B, H), the encoded answers (P, H) and, per round, the options
     * as row indices into them (B, K) int64 -> (B, K).
     */
    public static NDArray scores(NDArray encoded, NDArray answers, NDArray options) {
        NDArray all = encoded.matMul(answers.transpose());                              // (B, P)
        return all.gather(options, 1);                                                   // (B, K)
    }

    /** Softmax cross-entropy of the scores (B, K) against the ground-truth option (B) int64; scalar. */
    public static NDArray loss(NDArray scores, NDArray gt) {
        return scores.logSoftmax(1).gather(gt.expandDims(1), 1).neg().mean();
    }

    private NDArray last(ParameterStore ps, LSTM lstm, NDArray ids, boolean training) {
        NDArray x = embedding.embed(ps, ids, training);                                  // (B, T, E)
        x = Dropout.dropout(x, config.dropout(), training).head();
        NDList out = lstm.forward(ps, new NDList(x), training);                          // out (B, T, H), h, c (n, B, H)
        return out.get(1).get(config.layers() - 1);                                      // (B, H)
    }

    /** Initialization shapes: image (1, D), question (1, 1), history (1, 1) (lf-att: the grid's D, reshaped per batch). */
    public static Shape[] inputShapes(LateFusionConfig c) {
        return new Shape[] {new Shape(1, c.featureSize()), new Shape(1, 1), new Shape(1, 1)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(encode(ps, inputs.get(0), inputs.get(1), inputs.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.hidden())};
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        embedding.initialize(m, type, new Shape(1, 1));
        if (imageNorm != null) imageNorm.initialize(m, type, new Shape(1, config.featureSize()));
        if (imageAttention != null) imageAttention.initialize(m, type, new Shape(1, 1, config.featureSize()), new Shape(1, 2L * config.hidden()));
        Shape seq = new Shape(1, 1, config.embed());
        questionLstm.initialize(m, type, seq);
        historyLstm.initialize(m, type, seq);
        if (answerLstm != null) answerLstm.initialize(m, type, seq);
        fusion.initialize(m, type, new Shape(1, config.featureSize() + 2L * config.hidden()));
        if (genLstm != null) {
            genLstm.initialize(m, type, seq);
            genOut.initialize(m, type, new Shape(1, config.hidden()));
        }
    }
}

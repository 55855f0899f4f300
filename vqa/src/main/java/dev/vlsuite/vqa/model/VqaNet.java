package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A VQA model as a DJL block: tensors in, tensors out. Inputs: question ids (B, T), right-aligned with
 * {@code <pad>} (0) first, and image features (B, L, D) (L = 1 for an image vector). Output: answer logits (B, A),
 * and for attention models the weights of each hop.
 */
public abstract class VqaNet extends AbstractBlock {
    /** @param logits (B, A) unnormalised answer scores; @param attention per hop (B, L), empty without attention */
    public record Output(NDArray logits, List<NDArray> attention) {}

    protected final VqaConfig config;

    protected VqaNet(byte version, VqaConfig config) {
        super(version);
        this.config = config;
    }

    public VqaConfig config() {
        return config;
    }

    /** questions (B, T) int64, image (B, L, D) -> logits (B, A) and attention maps. */
    public abstract Output answer(ParameterStore ps, NDArray questions, NDArray image, boolean training);

    /**
     * Cross-entropy against a target distribution over answers, mean over the batch:
     * {@code -sum_a t_a log softmax(z)_a}. With soft VQA scores t is min(1, count/3) normalised to sum 1; with
     * the most frequent answer it is one-hot (plain cross-entropy).
     *
     * @param targets (B, A), rows sum to 1
     */
    public NDArray loss(ParameterStore ps, NDArray questions, NDArray image, NDArray targets, boolean training) {
        NDArray logits = answer(ps, questions, image, training).logits();                   // (B, A)
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).neg().mean();           // ()
    }

    /** The per-channel standardisation of the image features (a child block of every net). */
    protected abstract FeatureStandardiser standardiser();

    /**
     * The image the net sees, (B, L, D): the features standardised with the training set's per-channel statistics;
     * zeros (the average image) for the question-only baseline.
     */
    protected NDArray seen(ParameterStore ps, NDArray image, boolean training) {
        NDArray z = standardiser().apply(ps, image, training);
        return config.blind() ? z.zerosLike() : z;
    }

    /** Sets the per-channel mean and std of the training images' features (before training; saved with the model). */
    public void setFeatureStatistics(float[] mean, float[] std) {
        if (mean.length != config.featureSize() || std.length != config.featureSize()) {
            throw new IllegalArgumentException("feature statistics need " + config.featureSize() + " channels");
        }
        standardiser().set(mean, std);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(answer(ps, inputs.get(0), inputs.get(1), training).logits());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.answers())};
    }

    /** The shapes to initialise a net of this config with: questions (1, T), image (1, L, D). */
    public static Shape[] inputShapes(VqaConfig c) {
        return new Shape[] {new Shape(1, c.maxQuestionLength()), new Shape(1, c.locations(), c.featureSize())};
    }

    /** A fresh (uninitialised) net of the config's arch. */
    public static VqaNet create(VqaConfig c) {
        return switch (c.arch()) {
            case LSTM_Q_NORM_I -> new LstmQNormINet(c);
            case SAN -> new StackedAttentionNet(c);
        };
    }
}

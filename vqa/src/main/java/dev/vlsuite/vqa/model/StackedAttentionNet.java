package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.SoftAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * Stacked attention networks (Yang et al. 2016, zcyang/imageqa-san) with the LSTM question model:
 * <pre>
 *   u_0   = h of the question LSTM's top layer at the last word             (B, H)
 *   v_I   = tanh(W_I f_I + b_I), f_I the conv grid (standardised per channel) projected to H  (B, L, H)
 *           (with {@code coordinates}, f_I gets each cell's x, y in [-1, 1] appended: (B, L, D + 2);
 *            with {@code cellKernel} 3, W_I is a 3x3 convolution over the grid instead of a per-cell matrix)
 *   hop k: h_A = tanh(W_IA v_I + (W_QA u_{k-1} + b_A))                      (B, L, K)
 *          p_I = softmax(W_P h_A)                                          (B, L)
 *          u_k = u_{k-1} + sum_i p_i v_i                                   (B, H)
 *   p     = softmax(W_u dropout(u_K) + b_u)                                (B, A)
 *   or, with bilinear M > 0 (low-rank bilinear pooling, Kim et al. 2017):
 *          f = tanh(W_q u_0 + b_q) * tanh(W_c (u_K - u_0) + b_c)              (B, M)
 *          p = softmax(W_u dropout([u_K, f]) + b_u)                           (B, H + M) -> (B, A)
 * </pre>
 * The options are not the paper's and are off by default: the linear classifier on u_K = u_0 + contexts is a sum of
 * a question term and an image term, so it cannot compare the colour a question names with the colour it attended to
 * (an XOR of the two: "is there a red circle?" when the circle is blue), which the product f can; and a weighted sum of the grid's features has no place in it unless the features
 * carry one ("is the circle left of the square?"). A frozen random backbone's cell says its colour (a linear probe
 * reads it 99% of the time on the synthetic world) but hardly its shape (62%; 83% from the 3x3 neighbourhood), so a
 * trained 3x3 projection lets the attention find "the circle". Without them the paper's net answers the synthetic world's
 * yes/no questions at chance (assets/README, "Bundled VQA model").
 * Each hop is the shared additive attention (shared.nn.SoftAttention computes exactly v^T tanh(W a + b + W_h h));
 * the paper's per-location bias b_P is left out. The weights p_I of every hop are returned for pictures.
 */
final class StackedAttentionNet extends VqaNet {
    private static final byte VERSION = 1;

    private final FeatureStandardiser standardiser;
    private final QuestionEncoder encoder;
    private final Block imageProj; // Linear over each cell, or Conv2d k x k over the grid
    private final List<SoftAttention> hops = new ArrayList<>();
    private final Linear bilinearQuestion; // W_q; null without the bilinear term
    private final Linear bilinearImage;    // W_c
    private final Linear output;

    StackedAttentionNet(VqaConfig config) {
        super(VERSION, config);
        standardiser = addChildBlock("image_norm", new FeatureStandardiser(config.featureSize()));
        encoder = addChildBlock("question", new QuestionEncoder(config));
        imageProj = addChildBlock("image_proj", config.kernel() == 1 ? Linear.builder().setUnits(config.hidden()).build()
                : Conv2d.builder().setFilters(config.hidden()).setKernelShape(new Shape(config.kernel(), config.kernel()))
                        .optPadding(new Shape(config.kernel() / 2, config.kernel() / 2)).build());
        for (int k = 0; k < config.hops(); k++) {
            hops.add(addChildBlock("hop" + (k + 1), new SoftAttention(config.hidden(), config.hidden(), config.attentionDim())));
        }
        bilinearQuestion = config.bilinear() > 0
                ? addChildBlock("bilinear_question", Linear.builder().setUnits(config.bilinear()).build()) : null;
        bilinearImage = config.bilinear() > 0
                ? addChildBlock("bilinear_image", Linear.builder().setUnits(config.bilinear()).build()) : null;
        output = addChildBlock("output", Linear.builder().setUnits(config.answers()).build());
    }

    @Override
    public Output answer(ParameterStore ps, NDArray questions, NDArray image, boolean training) {
        float p = config.dropout();
        NDArray u0 = encoder.encode(ps, questions, training).top();                                       // (B, H)
        NDArray u = u0;
        NDArray grid = Dropout.dropout(seen(ps, image, training), p, training).head();                       // (B, L, D)
        if (config.coordinates()) grid = withCoordinates(grid);                                            // (B, L, D + 2)
        NDArray v = project(ps, grid, training).tanh();                                                    // (B, L, H)
        List<NDArray> alphas = new ArrayList<>();
        for (SoftAttention hop : hops) {
            SoftAttention.Attended a = hop.attend(ps, v, hop.projectFeatures(ps, v, training), u, null, training);
            u = u.add(a.context());                                                                     // (B, H)
            alphas.add(a.alpha());                                                                      // (B, L)
        }
        if (bilinearQuestion != null) {
            NDArray fq = bilinearQuestion.forward(ps, new NDList(u0), training).head().tanh();             // (B, M)
            NDArray fc = bilinearImage.forward(ps, new NDList(u.sub(u0)), training).head().tanh();         // (B, M)
            u = u.concat(fq.mul(fc), 1);                                                                  // (B, H + M)
        }
        NDArray logits = output.forward(ps, Dropout.dropout(u, p, training), training).head(); // (B, A)
        return new Output(logits, alphas);
    }

    /** W_I f_I + b_I: grid (B, L, C) -> (B, L, H), per cell or as a k x k convolution over the side x side grid. */
    private NDArray project(ParameterStore ps, NDArray grid, boolean training) {
        if (config.kernel() == 1) return imageProj.forward(ps, new NDList(grid), training).head();
        Shape s = grid.getShape();
        int side = config.gridSide();
        NDArray maps = grid.reshape(s.get(0), side, side, s.get(2)).transpose(0, 3, 1, 2);                 // (B, C, S, S)
        NDArray out = imageProj.forward(ps, new NDList(maps), training).head();                           // (B, H, S, S)
        return out.transpose(0, 2, 3, 1).reshape(s.get(0), s.get(1), config.hidden());                     // (B, L, H)
    }

    /** grid (B, L, D) -> (B, L, D + 2): each cell's centre x, y in [-1, 1] (row-major cells); zeros when blind. */
    private NDArray withCoordinates(NDArray grid) {
        int side = config.gridSide();
        float[] xy = new float[side * side * 2];
        if (!config.blind()) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    xy[2 * (r * side + c)] = (2f * c + 1) / side - 1;
                    xy[2 * (r * side + c) + 1] = (2f * r + 1) / side - 1;
                }
            }
        }
        Shape s = grid.getShape();
        NDArray cells = grid.getManager().create(xy, new Shape(1, side * side, 2)).toDevice(grid.getDevice(), false)
                .broadcast(new Shape(s.get(0), s.get(1), 2));                                                 // (B, L, 2)
        return grid.concat(cells, 2);
    }

    @Override
    protected FeatureStandardiser standardiser() {
        return standardiser;
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... inputShapes) {
        standardiser.initialize(m, type, new Shape(1, config.featureSize()));
        encoder.initialize(m, type, new Shape(1, 1));
        if (config.kernel() == 1) imageProj.initialize(m, type, new Shape(1, config.locations(), config.cellChannels()));
        else imageProj.initialize(m, type, new Shape(1, config.cellChannels(), config.gridSide(), config.gridSide()));
        for (SoftAttention hop : hops) {
            hop.initialize(m, type, new Shape(1, config.locations(), config.hidden()), new Shape(1, config.hidden()));
        }
        if (bilinearQuestion != null) {
            bilinearQuestion.initialize(m, type, new Shape(1, config.hidden()));
            bilinearImage.initialize(m, type, new Shape(1, config.hidden()));
        }
        output.initialize(m, type, new Shape(1, config.hidden() + config.bilinear()));
    }
}

package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.vlsuite.captioning.model.CaptionBatch;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;
import dev.vlsuite.shared.vision.VggBlock;

/**
 * Backbone and decoder as one Block, so the training loop clips and updates both: pixels (B, 3, S, S) -> VGG
 * conv map -> grid (B, L, D) (pooled (B, 1, D) for show-tell) -> the decoder's loss. Parameter names start with
 * {@value #BACKBONE} or {@value #DECODER} (after DJL's numeric prefix), which is how the CNN gets its own rate.
 */
final class FineTuneNet extends AbstractBlock {
    static final String BACKBONE = "backbone";
    static final String DECODER = "decoder";
    private static final byte VERSION = 1;

    private final VggBlock backbone;
    private final CaptionNet decoder;

    /** @param backbone initialized with the starting CNN weights (they are kept), unfrozen here */
    FineTuneNet(VggBlock backbone, CaptionNet decoder) {
        super(VERSION);
        if (!backbone.isInitialized()) throw new IllegalArgumentException("the backbone must carry its weights");
        backbone.freezeParameters(false);
        this.backbone = addChildBlock(BACKBONE, backbone);
        this.decoder = addChildBlock(DECODER, decoder);
    }

    VggBlock backbone() {
        return backbone;
    }

    CaptionNet decoder() {
        return decoder;
    }

    /** Whether a parameter (by its full name in this block) belongs to the CNN. */
    static boolean isBackboneParameter(String name) {
        return name.matches("\\d*" + BACKBONE + "_.*");
    }

    /** What the decoder reads from pixels (B, 3, S, S): grid (B, L, D), or pooled (B, 1, D) for show-tell. */
    NDArray features(ParameterStore ps, NDArray pixels, boolean training) {
        NDArray map = backbone.forward(ps, new NDList(pixels), training).head();        // (B, D, s, s)
        long b = map.getShape().get(0);
        long d = map.getShape().get(1);
        NDArray flat = map.reshape(b, d, -1);                                            // (B, D, L)
        if (decoder.config().arch().attends()) return flat.transpose(0, 2, 1);           // (B, L, D)
        return flat.mean(new int[] {2}).expandDims(1);                                   // (B, 1, D)
    }

    /** Teacher-forced loss of a batch of pixels and captions, through the CNN. */
    NDArray loss(ParameterStore ps, NDArray pixels, NDArray tokens, NDArray lengths, boolean training) {
        NDArray grid = features(ps, pixels, training);                                   // (B, L, D)
        return decoder.loss(ps, new CaptionBatch(grid, tokens, lengths), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(features(ps, inputs.head(), training));                       // (B, L, D)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        var c = decoder.config();
        return new Shape[] {new Shape(inputs[0].get(0), c.locations(), c.featureSize())};
    }

    /** Only the decoder is initialized here: the backbone already holds its (pretrained or seeded) weights. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        decoder.initialize(manager, dataType, CaptionNets.inputShapes(decoder.config()));
    }
}

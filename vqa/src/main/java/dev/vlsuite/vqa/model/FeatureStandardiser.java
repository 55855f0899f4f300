package dev.vlsuite.vqa.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Per-channel z-scores of the frozen backbone's features, {@code (x - mean) / std}, with the training set's
 * statistics (set once before training, never trained, saved with the model). A frozen CNN's channels differ in
 * offset and scale by orders of magnitude (vgg-small's random channels: means 0 to 3, stds 0.01 to 1.7, and 0.8 cosine
 * between any two locations of an image), so without this the small differences that locate and name the
 * shapes are swamped by the common component.
 */
final class FeatureStandardiser extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Parameter mean;
    private final Parameter std;

    FeatureStandardiser(int channels) {
        super(VERSION);
        mean = addParameter(Parameter.builder().setName("mean").setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optInitializer(new ConstantInitializer(0f)).optShape(new Shape(channels)).build());
        std = addParameter(Parameter.builder().setName("std").setType(Parameter.Type.OTHER).optRequiresGrad(false)
                .optInitializer(new ConstantInitializer(1f)).optShape(new Shape(channels)).build());
    }

    /** x (..., D) -> (..., D). */
    NDArray apply(ParameterStore ps, NDArray x, boolean training) {
        return x.sub(ps.getValue(mean, x.getDevice(), training)).div(ps.getValue(std, x.getDevice(), training));
    }

    /** Sets the statistics (std floored at 1e-6: a dead channel stays zero instead of blowing up). */
    void set(float[] channelMean, float[] channelStd) {
        float[] s = channelStd.clone();
        for (int i = 0; i < s.length; i++) s[i] = Math.max(s[i], 1e-6f);
        mean.getArray().set(channelMean);
        std.getArray().set(s);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}

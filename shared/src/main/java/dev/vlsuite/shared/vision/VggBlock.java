package dev.vlsuite.shared.vision;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A VGG network as DJL blocks. Forward: (N,3,S,S) -> conv grid (N,D,s,s) [and fc7 (N,F)].
 * Parameters come in the same order and OIHW shapes as torchvision's vgg (features convs, then
 * classifier.0 = fc6 and classifier.3 = fc7), so weights can be copied one to one.
 */
public final class VggBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final SequentialBlock features;
    private final SequentialBlock head;      // null when fcUnits == 0

    public VggBlock(VggSpec spec) {
        super(VERSION);
        SequentialBlock f = new SequentialBlock();
        int[][] stages = spec.stages();
        for (int s = 0; s < stages.length; s++) {
            for (int i = 0; i < stages[s][0]; i++) {
                f.add(Conv2d.builder().setFilters(stages[s][1]).setKernelShape(new Shape(3, 3))
                        .optPadding(new Shape(1, 1)).build());
                f.add(Activation.reluBlock());
            }
            if (s < stages.length - 1 || spec.poolLast()) f.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        features = addChildBlock("features", f);
        if (spec.fcUnits() > 0) {
            SequentialBlock h = new SequentialBlock();
            if (!spec.poolLast()) h.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));   // pool5
            h.add(Blocks.batchFlattenBlock());                                                   // C-major, as torch.flatten
            h.add(Linear.builder().setUnits(spec.fcUnits()).build()).add(Activation.reluBlock()); // fc6
            h.add(Linear.builder().setUnits(spec.fcUnits()).build()).add(Activation.reluBlock()); // fc7
            head = addChildBlock("head", h);
        } else {
            head = null;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList grid = features.forward(ps, inputs, training);                // (N, D, s, s)
        if (head == null) return grid;
        NDList fc7 = head.forward(ps, grid, training);                       // (N, F)
        return new NDList(grid.head(), fc7.head());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape[] grid = features.getOutputShapes(inputs);
        if (head == null) return grid;
        return new Shape[] {grid[0], head.getOutputShapes(grid)[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        features.initialize(manager, dataType, inputShapes);
        if (head != null) head.initialize(manager, dataType, features.getOutputShapes(inputShapes));
    }
}

package dev.vlsuite.shared.vision;

import java.util.Arrays;

/**
 * Shape of a VGG-style network: stages of 3x3 same-padded conv+ReLU, 2x2 max-pool between stages.
 *
 * @param name      backbone name used in ids ("vgg16", "vgg-small")
 * @param stages    per stage {number of convs, channels}
 * @param inputSize square input side
 * @param poolLast  whether the last stage is pooled before the grid is read (VGG-16 reads conv5_3 unpooled)
 * @param fcUnits   units of fc6 and fc7 (4096 for VGG-16), or 0 for a conv-only backbone
 */
public record VggSpec(String name, int[][] stages, int inputSize, boolean poolLast, int fcUnits) {

    /** VGG-16 configuration D (Simonyan and Zisserman 2015): conv5_3 grid 14x14x512 at 224, fc7 4096. */
    public static VggSpec vgg16() {
        return new VggSpec("vgg16", new int[][] {{2, 64}, {2, 128}, {3, 256}, {3, 512}, {3, 512}}, 224, false, 4096);
    }

    /** A CPU-sized VGG-style net for 128 px input: channels 16-32-64-128, grid 8x8x128, no fc layers. */
    public static VggSpec small() {
        return new VggSpec("vgg-small", new int[][] {{1, 16}, {1, 32}, {2, 64}, {2, 128}}, 128, true, 0);
    }

    public VggSpec {
        if (stages.length == 0) throw new IllegalArgumentException("a VGG needs at least one stage");
        int pools = stages.length - (poolLast ? 0 : 1);
        if (inputSize % (1 << pools) != 0) {
            throw new IllegalArgumentException("input size " + inputSize + " must be divisible by 2^" + pools);
        }
        stages = Arrays.stream(stages).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public int[][] stages() {
        return Arrays.stream(stages).map(int[]::clone).toArray(int[][]::new);
    }

    public int gridSide() {
        return inputSize >> (stages.length - (poolLast ? 0 : 1));
    }

    public int channels() {
        return stages[stages.length - 1][1];
    }

    /** The same network at another input size (the grid scales with it). */
    public VggSpec withInputSize(int size) {
        return new VggSpec(name, stages, size, poolLast, fcUnits);
    }

    /** A stable text form of the architecture, part of the backbone id. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append('[');
        for (int[] s : stages) sb.append(s[0]).append('x').append(s[1]).append(' ');
        return sb.append(poolLast ? "pool" : "nopool").append(" fc").append(fcUnits).append("]@").append(inputSize).toString();
    }
}

package dev.vlsuite.captioning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.captioning.model.CaptionBatch;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.vision.FeatureCache;
import java.util.List;

/** The deterministic (training = false) objective of a model on each image's first caption. */
final class TeacherForcedLoss {
    private TeacherForcedLoss() {}

    static double of(CaptionNet net, Vocabulary vocab, FeatureCache cache, List<CaptionCorpus.Item> items,
                     ParameterStore ps, NDManager manager) {
        int width = 0;
        for (CaptionCorpus.Item i : items) width = Math.max(width, i.words().get(0).size() + 2);
        long[] tokens = new long[items.size() * width];
        long[] lengths = new long[items.size()];
        for (int b = 0; b < items.size(); b++) {
            int[] ids = vocab.encode(items.get(b).words().get(0), true);
            for (int t = 0; t < ids.length; t++) tokens[b * width + t] = ids[t];
            lengths[b] = ids.length - 1;
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray grid = CachedFeatures.batch(cache, net.config(), items.stream().map(CaptionCorpus.Item::file).toList(), scope);
            NDArray loss = net.loss(ps, new CaptionBatch(grid, scope.create(tokens, new Shape(items.size(), width)),
                    scope.create(lengths)), false);
            return loss.getFloat();
        }
    }
}

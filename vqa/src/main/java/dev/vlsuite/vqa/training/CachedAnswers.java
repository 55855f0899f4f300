package dev.vlsuite.vqa.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.vqa.api.Answer;
import dev.vlsuite.vqa.api.AnswerDecoding;
import dev.vlsuite.vqa.api.ImageFeatures;
import dev.vlsuite.vqa.data.VqaItem;
import dev.vlsuite.vqa.model.VqaNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Answers dataset questions from cached image features, a batch at a time (validation, held-out evaluation). */
public final class CachedAnswers {
    private CachedAnswers() {}

    public static List<Answer> answer(VqaNet net, ParameterStore ps, Vocabulary questions, Vocabulary answers,
                                      FeatureCache cache, List<VqaItem> items, int batch, NDManager manager) {
        List<Answer> out = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += batch) {
            List<VqaItem> part = items.subList(from, Math.min(items.size(), from + batch));
            try (NDManager scope = manager.newSubManager()) {
                List<Path> images = part.stream().map(VqaItem::image).toList();
                NDArray feats = ImageFeatures.cached(cache, images, net.config(), scope);       // (B, L, D)
                out.addAll(AnswerDecoding.answer(net, ps, questions, answers, part.stream().map(VqaItem::question).toList(), feats, 1));
            }
        }
        return out;
    }

    /** Mean official accuracy (0-100) of the answers against the items' human answers. */
    public static double accuracy(List<VqaItem> items, List<Answer> answers) {
        double sum = 0;
        for (int i = 0; i < items.size(); i++) sum += Official.accuracy(answers.get(i).answer(), items.get(i).annotation().answers());
        return items.isEmpty() ? 0 : 100.0 * sum / items.size();
    }
}

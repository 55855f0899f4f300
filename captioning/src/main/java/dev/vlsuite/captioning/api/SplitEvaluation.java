package dev.vlsuite.captioning.api;

import dev.vlsuite.shared.io.captions.CocoResult;
import dev.vlsuite.shared.io.captions.CocoResults;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Caption evaluation of a split, the one call behind {@code caption eval}, training validation and the synthetic
 * held-out evaluation: caption every image (any {@link Captioner}: pixels through ImageCaptioner, cached features,
 * a CNN being fine-tuned), align each caption with its image's references by position, optionally write the COCO
 * results file, and score with the shared caption metrics.
 * <pre>{@code
 * SplitEvaluation.Result r = SplitEvaluation.run(images, (files, sink) -> captioner.captionEach(files, options, sink),
 *         CaptionEvaluator.builder().build(), Path.of("results.json"));
 * r.report().corpus().get("CIDEr");
 * }</pre>
 */
public final class SplitEvaluation {
    /** One image of the split: its dataset id, its file and its reference captions (raw). */
    public record Image(String id, Path file, List<String> references) {}

    /** Captions files in order, one outcome per file (a caption or the reason it failed), streamed to {@code sink}. */
    @FunctionalInterface
    public interface Captioner {
        void captionEach(List<Path> files, Consumer<CaptionOutcome> sink);
    }

    /**
     * What an evaluation gave.
     *
     * @param report   the corpus and per-image scores of the captioned images
     * @param captions image id -> caption, in split order (the captioned images only)
     * @param failures the images that could not be captioned, with the reason
     */
    public record Result(EvaluationReport report, Map<String, String> captions, List<CaptionOutcome> failures) {
        public int captioned() {
            return captions.size();
        }
    }

    private SplitEvaluation() {}

    /**
     * @param results where to write the captions in COCO results format (atomically), or null
     * @throws IllegalArgumentException when no image could be captioned (there is nothing to score)
     */
    public static Result run(List<Image> images, Captioner captioner, CaptionEvaluator evaluator, Path results) throws IOException {
        List<CaptionOutcome> outcomes = new ArrayList<>(images.size());
        captioner.captionEach(images.stream().map(Image::file).toList(), outcomes::add);
        if (outcomes.size() != images.size()) {
            throw new IllegalStateException("the captioner gave " + outcomes.size() + " outcomes for " + images.size() + " images");
        }
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> candidates = new LinkedHashMap<>();
        List<CocoResult> coco = new ArrayList<>();
        List<CaptionOutcome> failures = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            CaptionOutcome o = outcomes.get(i);
            if (!o.file().equals(image.file())) {
                throw new IllegalStateException("outcome " + i + " is for " + o.file() + ", not " + image.file());
            }
            if (!o.ok()) {
                failures.add(o);
                continue;
            }
            refs.put(image.id(), image.references());
            candidates.put(image.id(), o.caption().text());
            coco.add(new CocoResult(image.id(), o.caption().text()));
        }
        if (results != null) CocoResults.write(results, coco);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("none of the " + images.size() + " images could be captioned; nothing to score");
        }
        return new Result(evaluator.evaluate(refs, candidates), candidates, failures);
    }
}

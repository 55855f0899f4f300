package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.Samples;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.api.CaptionOptions;
import dev.vlsuite.captioning.api.ImageCaptioner;
import dev.vlsuite.captioning.api.SplitEvaluation;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.assets.dataset.SceneJson;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CaptionImage;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: the built-in model captions the bundled sample folder, says it is the default, and
 * its captions are about the right pictures: each names a colour of its own scene (scenes.json) and all but at most one
 * a shape of it, and their
 * BLEU-4 is near the README's held-out figure and far above the same captions given to the wrong images.
 */
class DefaultModelTest {
    /**
     * The 8 samples at beam 3 (the default): 0.556 measured 2026-12-01 with the bundled model (README: 0.665 at beam 3
     * on 500 held-out scenes; the model bundled before scored 0.441 here): eight captions are too few for the README's
     * figure, which {@link #heldOutGreedyBleu4IsNearTheReadmeFigure} checks on 150 scenes.
     */
    static final double MIN_SAMPLES_BLEU4 = 0.50;
    /** README: held-out greedy BLEU-4 0.638 on 500 unseen scenes (seed 20251125); 150 of them here (measured 0.610). */
    static final double MIN_HELD_OUT_BLEU4 = 0.58;
    /** Shuffled across images the same captions score at most this fraction of the true BLEU-4. */
    static final double MAX_SHUFFLED_SHARE = 0.6;

    @TempDir Path tmp;

    @Test
    void builtInModelCaptionsEachSampleWithItsOwnScene() throws Exception {
        String old = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", tmp.toString());
        try {
            Path samples = Samples.folder();
            ToolRun r = ToolRun.real("run", "--format", "json", "--threads", "1", samples.resolve("images").toString());
            assertEquals(0, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("caption: no --model given: using the built-in default model"), r.err());
            Map<String, String> byFile = new LinkedHashMap<>();
            for (JsonNode rec : Json.MAPPER.readTree(r.out())) {
                byFile.put(Path.of(rec.get("file").asText()).getFileName().toString(), rec.get("caption").asText());
            }
            CaptionDataset refs = CaptionDatasets.read(samples.resolve("dataset.json"));
            assertEquals(refs.images().size(), byFile.size());
            Map<Integer, Scene> scenes = new LinkedHashMap<>();
            for (Scene s : SceneJson.read(samples.resolve("scenes.json"))) scenes.put(s.id(), s);

            int named = 0, right = 0;
            List<String> shapeMisses = new ArrayList<>();
            for (CaptionImage image : refs.images()) {
                String caption = byFile.get(image.filename());
                Scene scene = scenes.get(Integer.parseInt(image.filename().replace(".png", "")));
                List<String> words = List.of(caption.split(" "));
                boolean colourOfScene = false, shapeOfScene = false;
                for (String word : words) {
                    ShapeColour colour = colour(word);
                    ShapeKind kind = kind(word);
                    if (colour != null) {
                        named++;
                        if (scene.find(colour).isPresent()) {
                            right++;
                            colourOfScene = true;
                        }
                    }
                    if (kind != null) {
                        named++;
                        if (scene.find(kind).isPresent()) {
                            right++;
                            shapeOfScene = true;
                        }
                    }
                }
                String objects = scene.objects().stream().map(o -> o.colour().word() + " " + o.kind().word()).toList().toString();
                assertTrue(colourOfScene, image.filename() + ": \"" + caption + "\" names no colour of its scene " + objects);
                if (!shapeOfScene) shapeMisses.add(image.filename() + ": \"" + caption + "\" (scene: " + objects + ")");
            }
            // the model bundled on 2026-12-01 calls sample 0's blue square and orange cross "a blue circle and an orange
            // diamond": one caption of eight may miss every shape, none may miss every colour
            System.err.println("default model on the samples: captions naming no shape of their scene: " + shapeMisses);
            assertTrue(shapeMisses.size() <= 1, "captions naming no shape of their own scene: " + shapeMisses);
            double wordsRight = (double) right / named;
            System.err.printf("default model on the samples: %d of %d colour/shape words are in their scene%n", right, named);
            assertTrue(wordsRight >= 0.85, "colour and shape words present in their own scene: " + right + " of " + named);

            Map<String, List<String>> references = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (CaptionImage i : refs.images()) {
                references.put(i.id(), i.rawCaptions());
                ids.add(i.id());
                captions.add(byFile.get(i.filename()));
            }
            CaptionEvaluator bleu = CaptionEvaluator.builder().metrics(Metric.BLEU).build();
            double own = bleu4(bleu, references, ids, captions, 0);
            double shuffled = 0;
            for (int shift = 1; shift < ids.size(); shift++) shuffled = Math.max(shuffled, bleu4(bleu, references, ids, captions, shift));
            System.err.printf("default model on the samples: BLEU-4 %.3f; shuffled across images at most %.3f%n", own, shuffled);
            assertTrue(own >= MIN_SAMPLES_BLEU4, "BLEU-4 " + own + " on the samples");
            assertTrue(shuffled <= MAX_SHUFFLED_SHARE * own, "every shuffle of the captions scores far lower: " + shuffled + " vs " + own);
        } finally {
            if (old == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", old);
        }
    }

    @Test
    void heldOutGreedyBleu4IsNearTheReadmeFigure() throws Exception {
        String old = System.getProperty("vlsuite.cache");
        System.setProperty("vlsuite.cache", tmp.toString());
        try (ImageCaptioner captioner = ImageCaptioner.load(null, ai.djl.Device.cpu())) {
            WrittenDataset data = SceneWriter.write(tmp.resolve("held-out"),
                    SyntheticWorld.generate(20251125L, 150, 128, WorldOptions.DEFAULT), new Splits(0, 0, 1));
            List<SplitEvaluation.Image> images = new ArrayList<>();
            for (CaptionImage i : CaptionDatasets.read(data.datasetJson()).images()) {
                images.add(new SplitEvaluation.Image(i.id(), MediaInputs.underRoot(data.dir(), i.filepath(), i.filename()), i.rawCaptions()));
            }
            CaptionOptions greedy = CaptionOptions.defaults().withBeam(1);
            SplitEvaluation.Result r = SplitEvaluation.run(images, (files, sink) -> captioner.captionEach(files, greedy, sink),
                    CaptionEvaluator.builder().metrics(Metric.BLEU).build(), null);
            double bleu4 = r.report().corpus().get("Bleu_4");
            System.err.printf("default model, 150 unseen scenes, greedy: BLEU-4 %.3f%n", bleu4);
            assertEquals(List.of(), r.failures());
            assertTrue(bleu4 >= MIN_HELD_OUT_BLEU4, "held-out greedy BLEU-4 " + bleu4 + " (README: 0.638 on 500 scenes)");
        } finally {
            if (old == null) System.clearProperty("vlsuite.cache");
            else System.setProperty("vlsuite.cache", old);
        }
    }

    /** BLEU-4 with image i given the caption of image (i + shift) mod n. */
    private static double bleu4(CaptionEvaluator bleu, Map<String, List<String>> references, List<String> ids, List<String> captions, int shift) {
        Map<String, String> candidates = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) candidates.put(ids.get(i), captions.get((i + shift) % ids.size()));
        return bleu.evaluate(references, candidates).corpus().get("Bleu_4");
    }

    private static ShapeColour colour(String word) {
        for (ShapeColour c : ShapeColour.values()) if (c.word().equals(word)) return c;
        return null;
    }

    private static ShapeKind kind(String word) {
        for (ShapeKind k : ShapeKind.values()) if (k.word().equals(word)) return k;
        return null;
    }
}

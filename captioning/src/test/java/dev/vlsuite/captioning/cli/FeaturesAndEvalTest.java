package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.captioning.api.TestModels;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CocoResult;
import dev.vlsuite.shared.io.captions.CocoResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesAndEvalTest {
    @TempDir static Path tmp;
    static WrittenDataset data;
    static Path model;

    @BeforeAll
    static void setUp() throws Exception {
        data = SceneWriter.write(tmp.resolve("synth"), SyntheticWorld.generate(5, 10, 64), new Splits(0.6, 0.2, 0.2));
        model = TestModels.write(tmp.resolve("soft.vlm"), Arch.SOFT);
    }

    @Test
    void featuresAreExtractedOnceAndBadImagesReported() throws Exception {
        Path cache = tmp.resolve("cache");
        String[] args = {"features", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--backbone", "vgg-small", "--image-size", "64", "--cache", cache.toString()};
        ToolRun first = ToolRun.of(args);
        assertEquals(0, first.exit());
        assertTrue(first.out().contains("features: 10 images (0 already cached, 10 extracted, 0 failed)"), first.out());
        ToolRun second = ToolRun.of(args);
        assertEquals(0, second.exit());
        assertTrue(second.out().contains("(10 already cached, 0 extracted, 0 failed)"), second.out());

        Path broken = data.imagesDir().resolve("000003.png");
        byte[] saved = Files.readAllBytes(broken);
        try {
            Files.write(broken, new byte[0]);
            ToolRun third = ToolRun.of(args);
            assertEquals(1, third.exit());
            assertEquals(List.of(broken + ": empty file"), third.errLines());
            assertTrue(third.out().contains("(9 already cached, 0 extracted, 1 failed)"), third.out());
        } finally {
            Files.write(broken, saved);
        }
    }

    @Test
    void evalWritesCocoResultsForTheSplitAndPrintsEveryMetric() throws Exception {
        Path results = tmp.resolve("out/results.json");
        ToolRun r = ToolRun.of("eval", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--split", "test", "--model", model.toString(), "--beam", "2", "--results", results.toString());
        assertEquals(0, r.exit());
        List<String> testIds = CaptionDatasets.read(data.datasetJson()).split("test").images().stream().map(i -> i.id()).toList();
        List<CocoResult> written = CocoResults.read(results);
        assertEquals(testIds, written.stream().map(CocoResult::imageId).toList());
        var byId = new java.util.HashMap<String, Path>();
        for (var image : CaptionDatasets.read(data.datasetJson()).split("test").images()) {
            byId.put(image.id(), dev.vlsuite.shared.io.MediaInputs.underRoot(data.dir(), image.filepath(), image.filename()));
        }
        var alone = TestModels.captionsOneByOne(model, List.copyOf(byId.values()));
        assertNotEquals(alone.get(byId.get(testIds.get(0))), alone.get(byId.get(testIds.get(1))), "the two test images differ");
        for (CocoResult c : written) assertEquals(alone.get(byId.get(c.imageId())), c.caption(), "image " + c.imageId());
        for (String metric : List.of("Bleu_1", "Bleu_4", "METEOR", "ROUGE_L", "CIDEr")) assertTrue(r.out().contains(metric), metric + " in " + r.out());
        assertTrue(r.out().contains("(2 images of split test, beam 2)"), r.out());

        ToolRun noSplit = ToolRun.of("eval", "--dataset", data.datasetJson().toString(), "--images", data.dir().toString(),
                "--split", "nope", "--model", model.toString());
        assertEquals(2, noSplit.exit());
    }
}

package dev.vlsuite.captioning.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.captioning.api.CaptionModel;
import dev.vlsuite.captioning.api.CaptionOptions;
import dev.vlsuite.captioning.api.ImageCaptioner;
import dev.vlsuite.captioning.model.Arch;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.shared.image.DecodeOptions;
import dev.vlsuite.shared.image.ImageBatch;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.Preprocess;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CaptionImage;
import dev.vlsuite.shared.nn.decode.Decoding;
import dev.vlsuite.shared.nn.decode.Hypothesis;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.train.TrainResult;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.NativeVgg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caption train --fine-tune} on a tiny vgg-small (64 px input) and four synthetic scenes, one caption each:
 * the CNN's weights move, the loss falls to near zero, the saved bundle reproduces the trained model's captions
 * and log-probabilities through ImageCaptioner (and differ from the same decoder over the original CNN), and the
 * frozen path leaves the CNN alone and writes no backbone entry.
 */
class FineTuneTest {
    private static final int SCENES = 4, STEPS = 80, SIZE = 64;

    @TempDir Path tmp;

    @Test
    void fineTuningTrainsTheCnnAndTheBundleCarriesIt() throws Exception {
        WrittenDataset written = SceneWriter.write(tmp.resolve("data"), SyntheticWorld.generate(5, SCENES, 128, WorldOptions.DEFAULT),
                new Splits(1, 0, 0));
        CaptionDataset dataset = firstCaptionOnly(CaptionDatasets.read(written.datasetJson()));
        try (NativeVgg fx = (NativeVgg) Backbones.open("vgg-small", Device.cpu(), SIZE);
             FeatureCache cache = FeatureCache.open(tmp.resolve("features"), fx);
             NDManager manager = NDManager.newBaseManager()) {
            byte[] original = BundleContents.parameterBytes(fx.block());
            CaptionConfig model = CaptionConfig.defaults(Arch.SOFT, 5, 1, 1, "vgg-small", SIZE).withSizes(32, 64, 32)
                    .withRegularisation(0f, 0f);
            CaptionTraining training = CaptionTraining.prepare(dataset, written.dir(), cache, model,
                    CaptionTrainingOptions.defaults().withMinWordCount(1).withBatchSize(SCENES).withValidation("train", 0),
                    line -> { throw new AssertionError(line); });
            TrainConfig train = TrainConfig.defaults().withEpochs(STEPS).withMaxSteps(STEPS).withLr(1e-2, LrSchedule.constant())
                    .withValidation(STEPS, null, TrainConfig.Goal.MAX, 0).withCheckpointEvery(0).withLogEvery(1).withSeed(7);
            TrainResult result = training.fineTune(train, FineTuning.defaults(), tmp.resolve("run"), false, manager);

            // the CNN learned (its copy moved), the cache's extractor kept its weights
            assertFalse(java.util.Arrays.equals(original, BundleContents.parameterBytes(training.tunedBackbone())),
                    "fine-tuning left the CNN weights as they were");
            assertArrayEquals(original, BundleContents.parameterBytes(fx.block()), "the feature cache's backbone was modified");
            List<Double> losses = trainLosses(result.modelFile().resolveSibling("metrics.jsonl"));
            assertTrue(losses.get(losses.size() - 1) < 0.1 * losses.get(0), "loss did not fall: " + losses);
            assertEquals(1.0, result.lastMetrics().get("Bleu_4"), 1e-9, "validation captions from pixels: " + result.lastMetrics());

            // in-process greedy captions of the trained decoder over the tuned CNN
            List<CaptionCorpus.Item> items = training.trainImages();
            List<Path> files = items.stream().map(CaptionCorpus.Item::file).toList();
            FineTuneNet joint = new FineTuneNet(training.tunedBackbone(), training.net());
            List<Hypothesis> expected = greedy(joint, files, manager);
            // the CNN's own learning rate reaches exactly the backbone's parameters
            long cnnParams = joint.getParameters().keys().stream().filter(FineTuneNet::isBackboneParameter).count();
            assertEquals(training.tunedBackbone().getParameters().size(), cnnParams);
            assertEquals(training.net().getParameters().size(), joint.getParameters().size() - cnnParams);

            CaptionOptions greedy = CaptionOptions.defaults().withBeam(1);
            try (ImageCaptioner captioner = ImageCaptioner.load(result.modelFile(), Device.cpu())) {
                assertTrue(captioner.model().backboneParameters().isPresent());
                for (int i = 0; i < items.size(); i++) {
                    Caption c = captioner.caption(files.get(i), greedy);
                    assertEquals(String.join(" ", items.get(i).words().get(0)), String.join(" ", c.tokens()), "image " + i);
                    assertEquals(expected.get(i).logProb(), c.logProb(), 1e-4, "image " + i + " log-probability after the round trip");
                }
            }
            // the same decoder over the original (untuned) CNN scores the captions differently
            try (ImageCaptioner untuned = ImageCaptioner.open(CaptionModel.load(result.modelFile(), Device.cpu()), Device.cpu(), "vgg-small")) {
                double maxDiff = 0;
                for (int i = 0; i < items.size(); i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(untuned.caption(files.get(i), greedy).logProb() - expected.get(i).logProb()));
                }
                assertTrue(maxDiff > 1e-3, "captions did not depend on the tuned CNN weights (max |dlogP| " + maxDiff + ")");
            }

            // the frozen path: the CNN is never touched and the bundle stays decoder-only
            TrainResult frozen = training.train(train.withMaxSteps(3), tmp.resolve("frozen"), false, manager);
            assertArrayEquals(original, BundleContents.parameterBytes(fx.block()));
            try (CaptionModel loaded = CaptionModel.load(frozen.modelFile(), Device.cpu())) {
                assertTrue(loaded.backboneParameters().isEmpty());
            }
        }
    }

    @Test
    void torchScriptBackboneIsRefusedInOneLine() {
        // only native VGG blocks are fine-tuned; the check happens before any training
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backbones.vggSpec("torchscript:x.pt", 0));
        assertTrue(e.getMessage().contains("torchscript:x.pt"), e.getMessage());
        assertEquals(SIZE, Backbones.vggSpec("vgg-small", SIZE).inputSize());
        assertNotEquals(Backbones.vggSpec("vgg16:w.pt", 0).inputSize(), SIZE);
    }

    private static List<Hypothesis> greedy(FineTuneNet net, List<Path> files, NDManager manager) throws Exception {
        Preprocess preprocess = Preprocess.imagenet(SIZE);
        ImageDecoder decoder = new ImageDecoder(DecodeOptions.defaults());
        try (NDManager scope = manager.newSubManager()) {
            ImageBatch batch = new ImageBatch(SIZE);
            for (Path f : files) batch.add(preprocess.toChw(decoder.decode(f)));
            ParameterStore ps = new ParameterStore(scope, false);
            var options = new dev.vlsuite.shared.nn.decode.DecodeOptions(Vocabulary.START_ID, Vocabulary.END_ID,
                    net.decoder().config().maxLength());
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<List<Hypothesis>> hyps = Decoding.greedy((dev.vlsuite.shared.nn.decode.StepModel) net.decoder().decoder(ps),
                    new NDList(net.features(ps, batch.toNDArray(scope), false)), options);
            return hyps.stream().map(h -> h.get(0)).toList();
        }
    }

    private static List<Double> trainLosses(Path log) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode n = Json.MAPPER.readTree(line);
            if ("train".equals(n.path("type").asText())) out.add(n.path("loss").asDouble());
        }
        return out;
    }

    private static CaptionDataset firstCaptionOnly(CaptionDataset dataset) {
        List<CaptionImage> images = dataset.images().stream().map(i -> new CaptionImage(i.id(), i.filename(), i.filepath(),
                i.split(), List.of(i.rawCaptions().get(0)), List.of(i.tokens().get(0)))).toList();
        return new CaptionDataset(dataset.source(), dataset.format(), images);
    }
}

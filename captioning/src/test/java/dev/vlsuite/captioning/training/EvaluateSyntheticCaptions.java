package dev.vlsuite.captioning.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.captioning.api.CaptionModel;
import dev.vlsuite.captioning.api.SplitEvaluation;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Held-out scores of a captioning bundle on freshly generated synthetic scenes (a seed the model never saw), with
 * greedy decoding and beam search. Usage:
 * <pre>
 *   EvaluateSyntheticCaptions MODEL.vlm WORK_DIR [scenes [seed [beams...]]]     defaults: 500 scenes, seed 20251125, beams 1 3
 * </pre>
 * Prints BLEU-1..4, METEOR, ROUGE-L and CIDEr-D per beam width.
 */
public final class EvaluateSyntheticCaptions {
    private EvaluateSyntheticCaptions() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EvaluateSyntheticCaptions MODEL.vlm WORK_DIR [scenes [seed [beams...]]]");
            System.exit(2);
        }
        Path model = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int scenes = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20251125L;
        int[] beams = args.length > 4 ? java.util.Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 3};
        Device device = VlEngine.configure(new EngineOptions("cpu", 0, seed, false));
        Path data = work.resolve("data");
        WrittenDataset written = Files.exists(data.resolve(SceneWriter.DATASET_JSON)) ? new WrittenDataset(data, scenes, 0, 0)
                : SceneWriter.write(data, SyntheticWorld.generate(seed, scenes, 128, WorldOptions.DEFAULT), new Splits(0, 0, 1));
        try (NDManager manager = NDManager.newBaseManager(device); CaptionModel loaded = CaptionModel.load(model, device)) {
            try (FeatureExtractor fx = Backbones.open(loaded.config().backbone(), device, loaded.config().imageSize());
                 FeatureCache cache = FeatureCache.open(work.resolve("features"), fx)) {
                CaptionCorpus corpus = CaptionCorpus.load(CaptionDatasets.read(written.datasetJson()), written.dir(), cache,
                        System.err::println);
                List<CaptionCorpus.Item> images = corpus.split(List.of("test"));
                CaptionEvaluator evaluator = CaptionEvaluator.builder().withMeteor(null).build();
                CachedCaptioner captioner = new CachedCaptioner(loaded.net(), loaded.vocabulary(), cache);
                ParameterStore ps = new ParameterStore(manager, false);
                for (int beam : beams) {
                    long t0 = System.nanoTime();
                    SplitEvaluation.Result r = SplitEvaluation.run(CaptionCorpus.evaluationImages(images),
                            captioner.captioner(ps, beam, manager), evaluator, null);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Map<String, String> captions = r.captions();
                    StringBuilder line = new StringBuilder(String.format("beam %d, %d images (%.1f captions/s incl. scoring):", beam,
                            images.size(), images.size() / seconds));
                    r.report().corpus().forEach((k, v) -> line.append(String.format(" %s %.3f", k, v)));
                    System.out.println(line);
                    String first = images.get(0).id();
                    System.out.println("  e.g. " + first + ": \"" + captions.get(first) + "\" refs " + images.get(0).references());
                }
            }
        }
    }
}

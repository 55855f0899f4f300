package dev.vlsuite.video.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.language.MotionCaptions;
import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.assets.video.Motion;
import dev.vlsuite.assets.video.MovingObject;
import dev.vlsuite.shared.engine.EngineOptions;
import dev.vlsuite.shared.engine.VlEngine;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.shared.train.LrSchedule;
import dev.vlsuite.shared.train.TrainConfig;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FeatureStore;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.StreamFeatures;
import dev.vlsuite.video.api.VideoDecoding;
import dev.vlsuite.video.api.VideoFeatures;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The held-out report of README's video section. Trains the two baselines with the bundled model's recipe
 * (same data, cached features, sizes, optimiser, schedule, validation and seed): {@code mean-pool}, and {@code s2vt}
 * trained and run on the middle frame only (repeated), which cannot see where a shape went. Then captions freshly
 * generated clips (a seed no model saw, default 112 px / 36 frames / 1-2 shapes) with the three models and prints
 * BLEU-4, METEOR, CIDEr-D and the motion-word accuracy ({@link MotionWords}) per model. Usage:
 * <pre>
 *   EvaluateHeldOutVideos S2VT.vlm TRAIN_DATA.json FEATURE_CACHE WORK_DIR [clips=300 [seed=20251201 [baselineSteps=3000]]]
 * </pre>
 * {@code baselineSteps} 0 reports the bundled model only.
 */
public final class EvaluateHeldOutVideos {
    private EvaluateHeldOutVideos() {}

    private record Model(String name, VideoNet net, Vocabulary vocabulary, int maxLength, UnaryOperator<VideoFeatures> view) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: EvaluateHeldOutVideos S2VT.vlm TRAIN_DATA.json FEATURE_CACHE WORK_DIR [clips [seed [baselineSteps]]]");
            System.exit(2);
        }
        Path s2vtFile = Path.of(args[0]);
        Path trainData = Path.of(args[1]);
        Path cache = Path.of(args[2]);
        Path work = Path.of(args[3]);
        int count = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 20251201L;
        long steps = args.length > 6 ? Long.parseLong(args[6]) : 3000;
        Device device = VlEngine.configure(new EngineOptions("cpu", Integer.getInteger("threads", 2), 7, false));
        List<TaskBundle<VideoConfig, VideoNet>> open = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            TaskBundle<VideoConfig, VideoNet> s2vt = load(s2vtFile, device, open);
            VideoConfig c = s2vt.config();
            int n = c.frames();
            List<Model> models = new ArrayList<>();
            models.add(new Model("s2vt (" + s2vtFile.getFileName() + ", " + c.streams() + ")", s2vt.block(), s2vt.vocabularies().main(), c.maxLength(), v -> v));
            try (FrameFeatures features = FrameFeatures.open(c.backbone(), c.imageSize(), c.spatialSide(), device)) {
                Sampling sampling = Sampling.evenly(n);
                // the baselines, on the features the bundled model was trained on
                List<VideoCorpus.Item> items = VideoCorpus.read(trainData, null, 0, 0, System.err::println);
                FeatureStore store = new FeatureStore(cache);
                List<VideoTraining.Video> train = VideoTraining.extract(VideoCorpus.split(items, List.of("train")), features, store, sampling, System.err::println);
                List<VideoTraining.Video> val = VideoTraining.extract(VideoCorpus.split(items, List.of("validate")), features, store, sampling, System.err::println);
                // the baselines read the frames only (the first stream of a two-stream model's input)
                UnaryOperator<VideoFeatures> rgb = v -> v.stream(0, c.streams().count());
                UnaryOperator<VideoFeatures> middle = v -> v.middleFrameOnly(n);
                // -Dbaselines=mean-pool or =middle trains one of them only (two processes train both at once)
                String only = System.getProperty("baselines", "mean-pool,middle");
                if (steps > 0 && only.contains("mean-pool")) models.add(baseline("mean-pool", Arch.MEAN_POOL, c, train, val, v -> v, rgb, steps, work, device, open, manager));
                if (steps > 0 && only.contains("middle")) models.add(baseline("s2vt, middle frame only", Arch.S2VT, c, train, val, middle, v -> middle.apply(rgb.apply(v)), steps, work, device, open, manager));

                // held-out clips of a fresh seed, as 'bin/synth videos' writes them
                List<Clip> clips = ClipGenerator.generate(seed, count, ClipGenerator.Options.DEFAULT);
                Path data = work.resolve("held-out");
                if (!Files.exists(data.resolve(VideoDatasetWriter.MSRVTT_JSON))) {
                    VideoDatasetWriter.write(data, clips, new Splits(0, 0, 1), ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.MSRVTT, () -> {});
                }
                FeatureStore heldStore = new FeatureStore(work.resolve("held-out-features"));
                List<VideoFeatures> held = new ArrayList<>();
                StreamFeatures heldInput = new StreamFeatures(features, c.streams(), heldStore);
                Map<String, List<String>> refs = new LinkedHashMap<>();
                for (Clip clip : clips) {
                    Path file = data.resolve(VideoDatasetWriter.msrvttFile(clip));
                    held.add(heldInput.read(file, sampling).toFrames(n));
                    refs.put(clip.videoId(), MotionCaptions.captions(clip).stream().map(x -> x.raw()).toList());
                }
                CaptionEvaluator evaluator = CaptionEvaluator.builder().withMeteor(null).build();
                System.out.printf(Locale.ROOT, "%d held-out clips (seed %d, %d px, %d frames, <= 2 shapes); models read %d frames%n",
                        count, seed, ClipGenerator.Options.DEFAULT.size(), ClipGenerator.Options.DEFAULT.frames(), n);
                System.out.println("| model | decoding | BLEU-4 | METEOR | CIDEr-D | motion words right (clips) | direction | size change | colour change |");
                System.out.println("|---|---|---|---|---|---|---|---|---|");
                for (Model m : models) {
                    for (int beam : m == models.get(0) ? new int[] {1, 3} : new int[] {1}) {
                        report(m, beam, clips, held, refs, evaluator, manager);
                    }
                }
            }
        } finally {
            for (TaskBundle<VideoConfig, VideoNet> b : open) b.close();
        }
    }

    private static void report(Model m, int beam, List<Clip> clips, List<VideoFeatures> held, Map<String, List<String>> refs,
                               CaptionEvaluator evaluator, NDManager manager) {
        Map<String, String> candidates = new LinkedHashMap<>();
        int right = 0;
        int[] dir = new int[2], size = new int[2], colour = new int[2];
        for (int from = 0; from < clips.size(); from += 32) {
            List<VideoFeatures> batch = held.subList(from, Math.min(from + 32, clips.size())).stream().map(m.view()).toList();
            List<TextDecoding.Text> texts = VideoDecoding.decode(m.net(), m.vocabulary(), batch, beam, m.maxLength(), manager);
            for (int i = 0; i < texts.size(); i++) {
                Clip clip = clips.get(from + i);
                List<String> words = texts.get(i).words();
                candidates.put(clip.videoId(), texts.get(i).text());
                if (MotionWords.right(words, clip)) right++;
                for (MovingObject o : clip.objects()) {
                    int[] tally = o.motion().moves() ? dir : o.motion() == Motion.RECOLOUR ? colour : size;
                    tally[1]++;
                    if (MotionWords.namesMotionOf(words, o)) tally[0]++;
                }
            }
        }
        EvaluationReport r = evaluator.evaluate(refs, candidates);
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", m.name(),
                beam == 1 ? "greedy" : "beam " + beam, r.corpus().get("Bleu_4"), meteor(r), r.corpus().get("CIDEr"),
                100.0 * right / clips.size(), 100.0 * dir[0] / dir[1], 100.0 * size[0] / size[1], 100.0 * colour[0] / colour[1]);
        System.out.flush();
    }

    /** METEOR is reported as "METEOR (exact+stem+synonym)" without a paraphrase table. */
    private static double meteor(EvaluationReport r) {
        return r.corpus().entrySet().stream().filter(e -> e.getKey().startsWith("METEOR")).mapToDouble(Map.Entry::getValue).findFirst()
                .orElse(Double.NaN);
    }

    /** A baseline trained exactly as the bundled model (its sizes; the recipe's optimiser, schedule and seed). */
    private static Model baseline(String name, Arch arch, VideoConfig like, List<VideoTraining.Video> train, List<VideoTraining.Video> val,
                                  UnaryOperator<VideoFeatures> view, UnaryOperator<VideoFeatures> heldView, long steps, Path work, Device device,
                                  List<TaskBundle<VideoConfig, VideoNet>> open, NDManager manager) throws Exception {
        Path run = work.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".run");
        Path model = run.resolve("model.vlm");
        if (!Files.exists(model)) {
            VideoConfig cfg = VideoConfig.paper(arch).withSizes(like.projSize(), like.embedSize(), like.hiddenSize(), like.dropout())
                    .withMaxLength(like.maxLength()).withData(5, 1, like.frames(), like.backbone(), like.imageSize(), like.spatialSide());
            VideoTraining t = VideoTraining.prepare(seen(train, view), seen(val, view), cfg, 1, 32);
            TrainConfig tc = TrainConfig.defaults().withEpochs(1000).withMaxSteps(steps)
                    .withLr(3e-3, LrSchedule.cosine(0, 0.05).withWarmup(100)).withClipNorm(5)
                    .withValidation(500, "CIDEr", TrainConfig.Goal.MAX, 0).withLogEvery(100).withSeed(7);
            long t0 = System.nanoTime();
            var r = t.train(tc, run, false, manager);
            System.err.printf(Locale.ROOT, "%s: %d steps in %.0f s, best CIDEr %.3f at step %d%n", name, r.steps(),
                    (System.nanoTime() - t0) / 1e9, r.bestMetric(), r.bestStep());
        }
        TaskBundle<VideoConfig, VideoNet> b = load(model, device, open);
        return new Model(name, b.block(), b.vocabularies().main(), b.config().maxLength(), heldView);
    }

    private static List<VideoTraining.Video> seen(List<VideoTraining.Video> videos, UnaryOperator<VideoFeatures> view) {
        return videos.stream().map(v -> new VideoTraining.Video(v.id(), view.apply(v.features()), v.captions())).toList();
    }

    private static TaskBundle<VideoConfig, VideoNet> load(Path file, Device device, List<TaskBundle<VideoConfig, VideoNet>> open) throws Exception {
        TaskBundle<VideoConfig, VideoNet> b = TaskBundle.load(file, VideoNets.TASK, VideoConfig.class,
                (config, vocabularies, m) -> VideoNets.createInitialized(config, m), device);
        open.add(b);
        return b;
    }
}

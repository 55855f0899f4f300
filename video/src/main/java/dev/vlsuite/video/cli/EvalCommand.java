package dev.vlsuite.video.cli;

import ai.djl.Device;
import dev.vlsuite.shared.cli.DecodingMixin;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.captions.CocoResult;
import dev.vlsuite.shared.io.captions.CocoResults;
import dev.vlsuite.shared.metrics.CaptionEvaluator;
import dev.vlsuite.shared.metrics.EvaluationReport;
import dev.vlsuite.shared.metrics.cli.ReportTable;
import dev.vlsuite.video.api.VideoCaptionOptions;
import dev.vlsuite.video.api.VideoCaptioner;
import dev.vlsuite.video.training.VideoCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code video eval}: caption a split's videos and score them with the COCO caption metrics (the code of 'score'). */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Caption the videos of one split of an MSR-VTT json or MSVD csv and print BLEU-1..4, METEOR,",
                "ROUGE-L and CIDEr-D against its references; --results writes the captions in COCO results format."})
final class EvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Option(names = "--task", defaultValue = "caption", paramLabel = "caption|classify",
            description = "caption (default), or classify: accuracy and confusion matrix of a classifier (see ClassifyEval).")
    String task;

    @Mixin ClassifyEvalOptions classify;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (.vlm) from 'video train'; default: the built-in model (s2vt; the classifier with --task classify).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "MSR-VTT videodatainfo.json, or MSVD video_corpus.csv (English rows; clips VideoID_Start_End.avi).")
    Path data;

    @Option(names = "--videos", paramLabel = "DIR",
            description = "Folder of the clips (default: 'videos' (MSR-VTT) or 'YouTubeClips' (MSVD) beside --data).")
    Path videos;

    @Option(names = "--msvd-split", defaultValue = "1200,100", split = ",", paramLabel = "TRAIN,VAL",
            description = "MSVD has no split column: the first TRAIN clips train, the next VAL validate, the rest test (default: ${DEFAULT-VALUE}).")
    List<Integer> msvdSplit;

    @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "Split to evaluate (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--frames", defaultValue = "0", paramLabel = "N", description = "Evenly spaced frames to read; 0 = as the model was trained.")
    int frames;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "F", description = "Read F frames per second instead (time-based).")
    double fps;

    @Option(names = "--every", defaultValue = "0", paramLabel = "K", description = "Read every K-th decoded frame instead.")
    int every;

    @Mixin DecodingMixin decoding;

    @Option(names = "--results", paramLabel = "FILE", description = "Write [{image_id, caption}] (COCO results format) here.")
    Path results;

    @Override
    public Integer call() throws IOException {
        if (!"caption".equals(task)) {
            if ("classify".equals(task)) {
                if (fps > 0 || every > 0) throw new UsageException("--fps and --every are for --task caption; classify takes --frames");
                return ClassifyEval.run(this);
            }
            throw new UsageException("--task must be caption or classify: " + task);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecodingMixin d = decoding.checked();
        if (!Files.isRegularFile(data)) throw new UsageException(data + ": no such file");
        VideoCaptionOptions options = new VideoCaptionOptions(d.beam, d.maxLen, d.batch, CaptionCommand.sampling(frames, fps, every));
        int[] failed = {0};
        List<VideoCorpus.Item> items = VideoCorpus.split(VideoCorpus.read(data, videos, msvdSplit.get(0), msvdSplit.size() > 1 ? msvdSplit.get(1) : 0, line -> {
            err.println(line);
            failed[0]++;
        }), List.of(split));
        if (items.isEmpty()) throw new UsageException(data + ": no usable video in split '" + split + "'");
        Map<Path, VideoCorpus.Item> byFile = new LinkedHashMap<>();
        for (VideoCorpus.Item i : items) byFile.put(i.file(), i);
        Map<String, List<String>> refs = new LinkedHashMap<>();
        Map<String, String> candidates = new LinkedHashMap<>();
        List<CocoResult> coco = new ArrayList<>();
        Device device = engine.apply();
        try (VideoCaptioner captioner = CaptionCommand.open(model, device, err); Progress progress = Progress.start("eval", items.size())) {
            captioner.captionEach(new ArrayList<>(byFile.keySet()), options, o -> {
                VideoCorpus.Item item = byFile.get(o.file());
                if (o.ok()) {
                    refs.put(item.id(), item.captions());
                    candidates.put(item.id(), o.caption().text());
                    coco.add(new CocoResult(item.id(), o.caption().text()));
                } else {
                    err.println(o.errorLine());
                    failed[0]++;
                }
                progress.step();
            });
        }
        if (candidates.isEmpty()) {
            err.println(data + ": no video of split '" + split + "' could be captioned");
            return ExitCodes.SOME_INPUTS_FAILED;
        }
        if (results != null) CocoResults.write(results, coco);
        EvaluationReport report = CaptionEvaluator.builder().withMeteor(null).build().evaluate(refs, candidates);
        ReportTable.print(out, report);
        out.printf(Locale.ROOT, "(%d videos of split %s, beam %d)%n", candidates.size(), split, options.beam());
        out.flush();
        return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
    }
}

package dev.vlsuite.captioning.cli;

import ai.djl.Device;
import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.captioning.api.CaptionOptions;
import dev.vlsuite.captioning.api.CaptionOutcome;
import dev.vlsuite.captioning.api.ImageCaptioner;
import dev.vlsuite.captioning.picture.AttentionPicture;
import dev.vlsuite.shared.cli.DecodingMixin;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.OutputFormat;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.RecordWriter;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.MediaKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caption run PATHS...}: caption image files and folders. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Caption images: files, and folders searched recursively (symbolic links followed) for image files"
                + " (any case): .jpg .jpeg .jpe .png .bmp .dib .webp .gif .tif .tiff .jp2 .pbm .pgm .ppm .pnm .pxm .pfm .sr .ras .hdr .pic.",
                "Bad files are reported on stderr as 'file: reason' (and as records in json/jsonl/csv) and the others are"
                        + " still captioned; the exit code is then 1."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand CaptionTool tool;
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;

    @Parameters(arity = "1..*", paramLabel = "PATHS", description = "Image files and folders.")
    List<Path> paths;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (.vlm); default: the built-in soft-attention model.")
    Path model;

    @Option(names = "--backbone", paramLabel = "SPEC",
            description = "Backbone to use instead of the one the model names (e.g. vgg16:/path/vgg16.pt where the weights moved).")
    String backbone;

    @Mixin DecodingMixin decoding;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|jsonl|csv",
            description = "Output: text (file, log-probability, caption), json, jsonl or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--attention", paramLabel = "DIR", description = "Write one attention picture (PNG) per image here (soft/hard models).")
    Path attentionDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaptionOptions options = CaptionTool.options(decoding);
        Device device = engine.apply();
        try (ImageCaptioner captioner = tool.open(model, backbone, device, err)) {
            if (attentionDir != null && !captioner.attends()) {
                throw new UsageException("--attention needs an attention model (soft or hard); "
                        + captioner.model().source() + " is " + captioner.model().config().arch());
            }
            RecordWriter<Caption> records = new RecordWriter<>(out, format, CaptionColumns.schema());
            int[] failed = {0};
            List<Path> files = MediaInputs.list(paths, MediaKind.IMAGES, (p, why) -> {
                CaptionOutcome o = CaptionOutcome.failure(p, why);
                err.println(o.errorLine());
                write(records, o);
                failed[0]++;
            });
            PictureNames names = new PictureNames();
            ImageDecoder decoder = new ImageDecoder();
            try (Progress progress = Progress.start("caption", files.size())) {
                captioner.captionEach(files, options, o -> {
                    if (!o.ok()) {
                        err.println(o.errorLine());
                        failed[0]++;
                    } else if (attentionDir != null) {
                        try {
                            AttentionPicture.write(attentionDir.resolve(names.next(o.file())), decoder.decode(o.file()), o.caption());
                        } catch (IOException e) {
                            err.println(o.file() + ": cannot write attention picture (" + e.getMessage() + ")");
                            failed[0]++;
                        }
                    }
                    write(records, o);
                    err.flush();
                    progress.step();
                });
            }
            records.finish();
            return failed[0] == 0 ? ExitCodes.OK : ExitCodes.SOME_INPUTS_FAILED;
        }
    }

    private static void write(RecordWriter<Caption> records, CaptionOutcome o) {
        if (o.ok()) records.success(o.file().toString(), o.caption());
        else records.failure(o.file().toString(), o.error());
    }

    /** Picture file names from image names (photo.jpg -> photo.png), numbered when two images share a name. */
    static final class PictureNames {
        private final Set<String> used = new HashSet<>();

        String next(Path image) {
            String name = image.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String candidate = stem + ".png";
            for (int n = 2; !used.add(candidate); n++) candidate = stem + "-" + n + ".png";
            return candidate;
        }
    }
}

package dev.vlsuite.captioning.cli;

import ai.djl.Device;
import dev.vlsuite.captioning.api.CaptionModel;
import dev.vlsuite.captioning.api.CaptionNetFactory;
import dev.vlsuite.captioning.api.CaptionOptions;
import dev.vlsuite.captioning.api.DefaultModel;
import dev.vlsuite.captioning.api.ImageCaptioner;
import dev.vlsuite.shared.cli.DecodingMixin;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code caption}: image captioning with Show-and-Tell and Show-Attend-and-Tell. Parses options, calls the library. */
@Command(name = "caption", mixinStandardHelpOptions = true, version = "vlsuite caption 0.1",
        description = "Caption images with Show-and-Tell and Show-Attend-and-Tell (soft and hard attention) models.",
        subcommands = {RunCommand.class, FeaturesCommand.class, TrainCommand.class, EvalCommand.class})
public final class CaptionTool implements Runnable {
    private final CaptionNetFactory nets;

    public CaptionTool() {
        this(null);
    }

    /** A tool whose models are built by {@code nets} (other decoders; tests); null: the module's own. */
    public CaptionTool(CaptionNetFactory nets) {
        this.nets = nets;
    }

    public static void main(String[] args) {
        Tools.mainQuietNatives(new CaptionTool(), args);
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'caption --help'");
    }

    /** --beam, --max-len, --batch as the API takes them (out-of-range values: usage error). */
    static CaptionOptions options(DecodingMixin decoding) {
        DecodingMixin d = decoding.checked();
        return new CaptionOptions(d.beam, d.maxLen, d.batch);
    }

    /**
     * Opens {@code --model}, or the built-in default (saying so on {@code err}); an unusable model file is a
     * usage error (exit 2) with one line.
     */
    ImageCaptioner open(Path model, String backbone, Device device, PrintWriter err) {
        try {
            Path file = model;
            if (file == null) {
                file = DefaultModel.file();
                err.println("caption: no --model given: using the built-in default model (soft attention, synthetic world; "
                        + file + ")");
                err.flush();
            }
            CaptionModel loaded = nets == null ? CaptionModel.load(file, device) : CaptionModel.load(file, device, nets);
            return ImageCaptioner.open(loaded, device, backbone);
        } catch (BundleException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException((model == null ? "default model" : model.toString()) + ": " + e.getMessage(), e);
        }
    }
}

package dev.vlsuite.assets;

import static org.junit.jupiter.api.Assertions.*;

import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.image.ImageDecoder;
import dev.vlsuite.shared.image.DecodeOptions;
import dev.vlsuite.shared.io.SafePaths;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CaptionImage;
import dev.vlsuite.shared.text.CaptionTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foundation's end-to-end check: what `synth scenes` writes, the shared readers read back. */
class SynthReadBackTest {
    @Test
    void datasetJsonImagesAndCaptionsReadBackThroughTheSharedPipeline(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("scenes");
        assertEquals(ExitCodes.OK, Tools.run(new SynthTool(), "scenes", "--count", "50", "--out", out.toString(), "--seed", "11"));

        CaptionDataset dataset = CaptionDatasets.read(out.resolve("dataset.json"));
        assertEquals(50, dataset.images().size());
        assertEquals(java.util.Set.of("train", "val", "test"), dataset.splits());
        ImageDecoder decoder = new ImageDecoder(DecodeOptions.defaults());
        CaptionTokenizer tokenizer = new CaptionTokenizer();
        for (CaptionImage image : dataset.images()) {
            Path file = SafePaths.resolveUnder(out, image.filepath() + "/" + image.filename());
            DecodedImage pixels = decoder.decode(file);
            assertEquals(128, pixels.width(), file.toString());
            assertEquals(128 * 128 * 3, pixels.rgb().length);
            assertEquals(5, image.rawCaptions().size());
            for (String raw : image.rawCaptions()) {
                List<String> words = tokenizer.words(raw);
                assertFalse(words.isEmpty(), raw);
                // the evaluation tokenization drops the final period and lower-cases
                assertTrue(words.stream().allMatch(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)) && !w.equals(".")), raw);
            }
        }
    }
}

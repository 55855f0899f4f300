package dev.vlsuite.captioning.api;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.captioning.model.Arch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beam search must not stop once K poor hypotheses have ended while a far better beam is still running
 * (here: short junk endings at about -20 against the model's confident 4-word chain at about 0).
 */
class BeamSearchStopTest {
    @TempDir Path tmp;

    @Test
    void everyBeamWidthFindsTheConfidentCaption() throws Exception {
        try (CaptionModel model = TestModels.load(TestModels.write(tmp.resolve("m.vlm"), Arch.SOFT));
             ImageCaptioner captioner = ImageCaptioner.of(model, new dev.vlsuite.shared.vision.FeatureExtractor() {
                 public String id() { return "none"; }
                 public int inputSize() { return TestModels.IMAGE_SIZE; }
                 public int gridSide() { return TestModels.GRID_SIDE; }
                 public int channels() { return 128; }
                 public dev.vlsuite.shared.vision.Features extract(NDArray batch) { throw new UnsupportedOperationException(); }
                 public void close() { }
             }, dev.vlsuite.shared.image.DecodeOptions.defaults())) {
            NDArray grid = model.manager().randomNormal(new Shape(2, 16, 128));   // (B, L, D)
            // the fake's chain "a COLOUR SHAPE here": each step's choice does not change the next step's odds, so greedy is
            // the best sequence and every beam width must find it (junk endings score about -10 per token)
            List<Caption> greedy = captioner.captionFeatures(grid, new CaptionOptions(1, 20, 2));
            for (int k = 1; k <= 5; k++) {
                List<Caption> captions = captioner.captionFeatures(grid, new CaptionOptions(k, 20, 2));
                for (int row = 0; row < captions.size(); row++) {
                    Caption c = captions.get(row);
                    assertTrue(TestModels.framed(c.text()), "beam " + k + ": " + c.text());
                    assertEquals(greedy.get(row).tokens(), c.tokens(), "beam " + k + " row " + row);
                    assertEquals(greedy.get(row).logProb(), c.logProb(), 1e-4, "beam " + k + " row " + row);
                    assertTrue(c.logProb() > -4, "beam " + k + ": " + c.logProb());
                }
            }
        }
    }
}

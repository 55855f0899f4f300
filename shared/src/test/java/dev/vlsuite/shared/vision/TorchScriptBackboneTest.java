package dev.vlsuite.shared.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** tiny_vgg.pt and its expected outputs come from make_tiny_vgg.py (PyTorch 1.13) next to them. */
class TorchScriptBackboneTest {
    static final VggSpec TINY = new VggSpec("tiny", new int[][] {{1, 4}, {2, 8}}, 16, false, 12);
    static Path pt;
    static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        pt = Path.of(TorchScriptBackboneTest.class.getResource("/torchscript/tiny_vgg.pt").toURI());
        expected = Json.MAPPER.readTree(pt.resolveSibling("tiny_vgg_expected.json").toFile());
    }

    private static float[] floats(String field) {
        JsonNode n = expected.get(field);
        float[] out = new float[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) n.get(i).asDouble();
        return out;
    }

    /** PyTorch's (N, D, H, W) grid as vlsuite's (N, L, D). */
    private static float[] pythonGridAsNLD(NDManager m) {
        return m.create(floats("grid"), new Shape(2, 8, 8, 8)).reshape(2, 8, 64).transpose(0, 2, 1).toFloatArray();
    }

    private static void assertMatchesPython(FeatureExtractor fx) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(floats("input"), new Shape(2, 3, 16, 16));
            Features f = fx.extract(x);
            assertEquals(new Shape(2, 64, 8), f.grid().getShape());
            assertArrayEquals(pythonGridAsNLD(m), f.grid().toFloatArray(), 1e-5f);
            assertArrayEquals(floats("fc7"), f.fc7().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void torchScriptOutputsMatchPyTorch() throws Exception {
        try (FeatureExtractor fx = Backbones.open("torchscript:" + pt, Device.cpu(), 16)) {
            assertEquals(8, fx.gridSide());
            assertEquals(8, fx.channels());
            assertEquals(12, fx.fc7Size());
            assertTrue(fx.id().startsWith("torchscript/sha256:"), fx.id());
            assertMatchesPython(fx);
        }
    }

    @Test
    void weightsCopiedIntoNativeBlockMatchPyTorch() throws Exception {
        try (NativeVgg fx = NativeVgg.fromTorchScript(TINY, pt, Device.cpu())) {
            assertMatchesPython(fx);
        }
    }

    @Test
    void mismatchedArchitectureIsRefusedClearly() {
        IOException e = assertThrows(IOException.class, () -> Backbones.open("vgg-small:" + pt, Device.cpu()));
        assertTrue(e.getMessage().contains("do not fit vgg-small"), e.getMessage());
        IOException notTs = assertThrows(IOException.class,
                () -> Backbones.open("torchscript:" + pt.resolveSibling("tiny_vgg_expected.json"), Device.cpu()));
        assertTrue(notTs.getMessage().contains("cannot load as TorchScript"), notTs.getMessage());
    }
}

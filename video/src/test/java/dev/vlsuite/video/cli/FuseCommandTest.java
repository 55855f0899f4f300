package dev.vlsuite.video.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import dev.vlsuite.shared.io.TaskBundle;
import dev.vlsuite.video.model.Arch;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.model.VideoConfig;
import dev.vlsuite.video.model.VideoNet;
import dev.vlsuite.video.model.VideoNets;
import dev.vlsuite.shared.text.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code video fuse}: an rgb and a diff model trained apart become one rgb+diff model scoring (1 - A) log p_rgb + A log p_diff. */
class FuseCommandTest {
    private static final int F = 12, N = 4;

    @Test
    void fusedModelScoresTheWeightedSumOfTheTwoModels(@TempDir Path dir) throws Exception {
        Vocabulary words = Vocabulary.build(List.of(List.of("a", "red", "circle", "moves", "to", "the", "left")), 1);
        JsonNode vocab = Json.MAPPER.readTree(words.toJson());
        VideoConfig base = VideoConfig.paper(Arch.S2VT).withSizes(8, 7, 10, 0).withData(words.size(), F, N, "vgg-small", 64, 4);
        Path rgb = dir.resolve("rgb.vlm"), diff = dir.resolve("diff.vlm"), fused = dir.resolve("fused.vlm");
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            VideoNet a = VideoNets.createInitialized(base, m);
            VideoNet b = VideoNets.createInitialized(base.withStreams(Streams.DIFF, 1), m);
            ModelBundle.write(rgb, BundleContents.of(VideoNets.TASK, base, vocab, null, a));
            ModelBundle.write(diff, BundleContents.of(VideoNets.TASK, b.config(), vocab, null, b));

            ToolRun wrongOrder = ToolRun.of("fuse", "--rgb", diff.toString(), "--diff", rgb.toString(), "--out", fused.toString());
            assertEquals(ExitCodes.USAGE, wrongOrder.exit());
            ToolRun run = ToolRun.of("fuse", "--rgb", rgb.toString(), "--diff", diff.toString(), "--diff-weight", "0.3", "--out", fused.toString());
            assertEquals(ExitCodes.OK, run.exit(), run.err());

            ParameterStore ps = new ParameterStore(m, false);
            NDArray frames = m.randomNormal(new Shape(2, N, 2 * F));
            NDArray inputs = m.create(new long[] {1, 5, 6, 1, 7, 8}, new Shape(2, 3));
            float[] expected = a.teacherForcedLogProbs(ps, frames.get(":, :, :{}", F), inputs).mul(0.7f)
                    .add(b.teacherForcedLogProbs(ps, frames.get(":, :, {}:", F), inputs).mul(0.3f)).toFloatArray();
            try (TaskBundle<VideoConfig, VideoNet> t = TaskBundle.load(fused, VideoNets.TASK, VideoConfig.class,
                    (config, vocabularies, mm) -> VideoNets.createInitialized(config, mm), Device.cpu())) {
                assertEquals(Streams.RGB_DIFF, t.config().streams());
                assertEquals(0.3, t.config().diffWeight(), 1e-12);
                assertEquals(2 * F, t.config().featureSize());
                float[] got = t.block().teacherForcedLogProbs(new ParameterStore(t.manager(), false),
                        t.manager().create(frames.toFloatArray(), frames.getShape()), t.manager().create(inputs.toLongArray(), inputs.getShape())).toFloatArray();
                assertArrayEquals(expected, got, 1e-5f);
            }
            assertTrue(ToolRun.of("fuse", "--rgb", rgb.toString(), "--diff", rgb.toString(), "--out", fused.toString()).err().contains("not a diff model"));
        }
    }
}

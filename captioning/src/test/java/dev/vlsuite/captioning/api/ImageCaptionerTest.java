package dev.vlsuite.captioning.api;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Device;
import dev.vlsuite.captioning.model.Arch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCaptionerTest {
    @TempDir Path tmp;

    private ImageCaptioner captioner(Arch arch) throws Exception {
        Path model = TestModels.write(tmp.resolve(arch.cliName() + ".vlm"), arch);
        return ImageCaptioner.open(TestModels.load(model), Device.cpu(), null);
    }

    @Test
    void badFilesBecomeOutcomesAndGoodOnesAreCaptionedInOrder() throws Exception {
        Path dir = TestImages.writeAll(tmp.resolve("imgs"));
        List<Path> files = dev.vlsuite.shared.io.MediaInputs.list(List.of(dir), dev.vlsuite.shared.io.MediaKind.IMAGES, (p, why) -> fail(p + ": " + why));
        TestModels.write(tmp.resolve("soft.vlm"), Arch.SOFT);
        Map<Path, String> alone = TestModels.captionsOneByOne(tmp.resolve("soft.vlm"),
                files.stream().filter(f -> TestImages.GOOD.contains(f.getFileName().toString())).toList());
        assertEquals(alone.size(), new HashSet<>(alone.values()).size(), "the fake gives every test image its own caption: " + alone);
        try (ImageCaptioner c = captioner(Arch.SOFT)) {
            List<CaptionOutcome> out = c.captionAll(files, new CaptionOptions(2, 10, 2));
            assertEquals(files, out.stream().map(CaptionOutcome::file).toList());
            for (CaptionOutcome o : out) {
                String name = o.file().getFileName().toString();
                System.out.println(o.ok() ? name + " -> " + o.caption().text() : o.errorLine());
                assertEquals(TestImages.GOOD.contains(name), o.ok(), name);
                if (!o.ok()) assertEquals(TestImages.BAD.get(name), o.error());
                if (o.ok()) {
                    assertEquals(alone.get(o.file()), o.caption().text(), name + ": in a batch of 2, beam 2, as alone");
                    assertTrue(TestModels.framed(o.caption().text()), o.caption().text());
                    assertEquals(4, o.caption().attention().length);
                    assertEquals(TestModels.GRID_SIDE * TestModels.GRID_SIDE, o.caption().attention()[0].length);
                    assertTrue(o.caption().logProb() <= 0 && o.caption().logProb() > -4, "a chain with two image-ranked choices: " + o.caption().logProb());
                }
            }
        }
    }

    @Test
    void streamingEqualsBatchAndBatchSizeDoesNotChangeCaptions() throws Exception {
        Path dir = TestImages.writeAll(tmp.resolve("imgs"));
        List<Path> files = dev.vlsuite.shared.io.MediaInputs.list(List.of(dir), dev.vlsuite.shared.io.MediaKind.IMAGES, (p, why) -> fail(p + ": " + why));
        try (ImageCaptioner c = captioner(Arch.SOFT)) {
            List<CaptionOutcome> one = c.captionAll(files, new CaptionOptions(1, 10, 1));
            List<CaptionOutcome> many = new ArrayList<>();
            c.captionEach(files, new CaptionOptions(1, 10, 8), many::add);
            assertEquals(one.size(), many.size());
            for (int i = 0; i < one.size(); i++) {
                assertEquals(one.get(i).error(), many.get(i).error());
                if (one.get(i).ok()) {
                    assertEquals(one.get(i).caption().logProb(), many.get(i).caption().logProb(), 1e-4);
                    assertArrayEquals(one.get(i).caption().attention()[2], many.get(i).caption().attention()[2], 1e-5f);
                }
            }
        }
    }

    @Test
    void showTellHasNoAttention() throws Exception {
        Path dir = TestImages.writeAll(tmp.resolve("imgs"));
        try (ImageCaptioner c = captioner(Arch.SHOW_TELL)) {
            Caption cap = c.caption(dir.resolve("scene-0.png"));
            assertTrue(TestModels.framed(String.join(" ", cap.tokens())), cap.tokens().toString());
            assertNull(cap.attention());
            assertEquals(0, cap.gridSide());
            assertThrows(dev.vlsuite.shared.image.BadImageException.class, () -> c.caption(dir.resolve("empty.jpg")));
        }
    }
}

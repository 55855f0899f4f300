package dev.vlsuite.captioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.captioning.api.DefaultModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codecs print on the process's stderr themselves (libpng on a corrupt PNG; libtorch's warnings too),
 * where Java cannot catch it: only a separate process shows what a user would see. The real
 * caption tool runs in a child JVM as bin/caption runs it.
 */
class NativeMessagesTest {
    @TempDir Path tmp;
    Path photos;

    @BeforeEach
    void photos() throws Exception {
        Assumptions.assumeTrue(DefaultModel.available(), "this build has the built-in model");
        photos = Files.createDirectories(tmp.resolve("photos"));
        byte[] png = encode(".png");
        Files.write(photos.resolve("a-good.png"), png);
        Files.write(photos.resolve("b-bad-filter.png"), withBadFilterByte(png));
    }

    private record Run(int exit, List<String> out, List<String> err) {}

    private Run caption(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xmx2g",
                "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.ai.djl=error", "-Dvlsuite.cache=" + tmp.resolve("cache"),
                CaptionTool.class.getName(), "run", "--threads", "1"));
        command.addAll(Arrays.asList(extra));
        command.add(photos.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().remove("OPENCV_LOG_LEVEL");            // nothing set up to hide it: the tool must
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "caption finished");
        return new Run(p.exitValue(), Files.readAllLines(tmp.resolve("out.txt")), Files.readAllLines(tmp.resolve("err.txt")));
    }

    @Test
    void onlyTheToolsOwnLinePerBadFileReachesStderr() throws Exception {
        Run r = caption();
        assertEquals(1, r.exit(), r.err().toString());
        assertEquals(2, r.err().size(), "stderr: " + r.err());
        assertTrue(r.err().get(0).startsWith("caption: no --model given: using the built-in default model"), r.err().get(0));
        assertEquals(photos.resolve("b-bad-filter.png") + ": cannot decode PNG (corrupt or truncated data)", r.err().get(1));
        assertEquals(1, r.out().size(), "the good PNG is captioned: " + r.out());
    }

    /** The same files with --verbose: the codecs' own messages show, so the test above proves they were hidden. */
    @Test
    void verboseShowsTheCodecsMessages() throws Exception {
        Run r = caption("--verbose");
        assertEquals(1, r.exit(), r.err().toString());
        String err = String.join("\n", r.err());
        assertTrue(err.contains("libpng error: bad adaptive filter value"), err);
        assertTrue(err.contains(photos.resolve("b-bad-filter.png") + ": cannot decode PNG"), err);
    }

    private static byte[] encode(String ext) {
        try (Mat m = new Mat(48, 64, opencv_core.CV_8UC3, new Scalar(40, 160, 220, 0)); BytePointer out = new BytePointer()) {
            assertTrue(opencv_imgcodecs.imencode(ext, m, out));
            byte[] b = new byte[(int) out.limit()];
            out.get(b);
            return b;
        }
    }

    /** The same PNG with its first row's filter type set to 7 (valid are 0-4), re-compressed with a valid CRC. */
    static byte[] withBadFilterByte(byte[] png) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.write(png, 0, 8);
        for (int i = 8; i < png.length; ) {
            int len = ((png[i] & 0xFF) << 24) | ((png[i + 1] & 0xFF) << 16) | ((png[i + 2] & 0xFF) << 8) | (png[i + 3] & 0xFF);
            byte[] type = Arrays.copyOfRange(png, i + 4, i + 8);
            byte[] body = Arrays.copyOfRange(png, i + 8, i + 8 + len);
            if (new String(type, "ISO-8859-1").equals("IDAT")) {
                Inflater inflater = new Inflater();
                inflater.setInput(body);
                byte[] raw = new byte[1 << 20];
                int n = inflater.inflate(raw);
                raw[0] = 7;
                Deflater deflater = new Deflater();
                deflater.setInput(raw, 0, n);
                deflater.finish();
                byte[] packed = new byte[1 << 20];
                body = Arrays.copyOf(packed, deflater.deflate(packed));
            }
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(body);
            data.writeInt(body.length);
            data.write(type);
            data.write(body);
            data.writeInt((int) crc.getValue());
            i += 12 + len;
        }
        return out.toByteArray();
    }
}

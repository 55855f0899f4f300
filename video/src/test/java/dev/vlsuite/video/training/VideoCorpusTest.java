package dev.vlsuite.video.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.shared.text.CaptionTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCorpusTest {
    @Test
    void bothLayoutsOfTheSyntheticSetGiveTheSameClipsAndCaptions(@TempDir Path dir) throws Exception {
        VideoDatasetWriter.write(dir, ClipGenerator.generate(9, 6, new ClipGenerator.Options(32, 4, 8, 2)), Splits.DEFAULT,
                ClipEncoder.Codec.MPEG4, VideoDatasetWriter.Layout.BOTH, () -> {});
        List<String> bad = new ArrayList<>();
        List<VideoCorpus.Item> vtt = VideoCorpus.read(dir.resolve("videodatainfo.json"), null, 0, 0, bad::add);
        List<VideoCorpus.Item> msvd = VideoCorpus.read(dir.resolve("video_corpus.csv"), null, 4, 1, bad::add);
        assertEquals(List.of(), bad);
        assertEquals(6, vtt.size());
        assertEquals(6, msvd.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(5, vtt.get(i).captions().size());
            // MSR-VTT's captions are lower case without punctuation, as the real set's are; MSVD keeps them raw
            assertEquals(evalForm(vtt.get(i).captions()), evalForm(msvd.get(i).captions()), "captions of clip " + i);
            assertTrue(Files.isRegularFile(msvd.get(i).file()));
            assertTrue(msvd.get(i).file().toString().endsWith(".avi"));
        }
        assertEquals(List.of("train", "train", "train", "train", "validate", "test"), msvd.stream().map(VideoCorpus.Item::split).toList());
    }

    private static List<String> evalForm(List<String> captions) {
        CaptionTokenizer t = new CaptionTokenizer();
        return captions.stream().map(c -> t.forEval(c).toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void msvdKeepsEnglishRowsQuotedCommasAndReportsMissingClips(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("YouTubeClips"));
        Files.writeString(dir.resolve("YouTubeClips/abc_1_5.avi"), "x");
        Files.writeString(dir.resolve("video_corpus.csv"), String.join("\n",
                "VideoID,Start,End,WorkerID,Source,AnnotationTime,Language,Description",
                "abc,1,5,1,clean,3,English,\"A man, smiling, says \"\"hi\"\".\"",
                "abc,1,5,2,clean,3,German,Ein Mann.",
                "zzz,0,2,1,clean,3,English,A cat.", ""));
        List<String> bad = new ArrayList<>();
        List<VideoCorpus.Item> items = VideoCorpus.read(dir.resolve("video_corpus.csv"), null, 1200, 100, bad::add);
        assertEquals(1, items.size());
        assertEquals(List.of("A man, smiling, says \"hi\"."), items.get(0).captions());
        assertEquals(1, bad.size());
        assertTrue(bad.get(0).contains("zzz_0_2.avi") && bad.get(0).contains("no such file"), bad.get(0));
    }
}

package dev.vlsuite.video.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UCF101 lists, folders per class and synth groundtruth.json: labels, splits, bad rows, paths that try to escape. */
class ActionCorpusTest {
    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    /** The official layout: UCF101/ucfTrainTestlist/*.txt beside UCF101/UCF-101/<Class>/v_*.avi. */
    private static Path ucf101(Path root) throws IOException {
        Path lists = root.resolve("ucfTrainTestlist");
        Files.createDirectories(lists);
        Files.writeString(lists.resolve("classInd.txt"), "1 ApplyEyeMakeup\r\n2 Archery\r\n3 Basketball\r\n");
        Path videos = root.resolve("UCF-101");
        for (String f : List.of("ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi", "Archery/v_Archery_g08_c01.avi",
                "Basketball/v_Basketball_g08_c01.avi", "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi", "Archery/v_Archery_g01_c02.avi")) {
            touch(videos.resolve(f));
        }
        touch(root.resolve("secret.avi"));
        return lists;
    }

    @Test
    void ucf101ListsGiveLabelsFromIndexAndFolderAndReportEveryBadRow(@TempDir Path dir) throws IOException {
        Path lists = ucf101(dir);
        Files.writeString(lists.resolve("trainlist01.txt"), String.join("\n",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1",
                "Archery/v_Archery_g08_c01.avi 2",
                "Basketball/v_Basketball_g08_c01.avi 3",
                "",
                "Archery/v_Archery_g09_c01.avi 2",              // missing file
                "Basketball/v_Basketball_g08_c01.avi 9",        // no class 9
                "Archery/v_Archery_g08_c01.avi 3",              // folder disagrees with the index
                "../secret.avi 1",                              // escapes the videos folder
                "just-one-field"));
        Files.writeString(lists.resolve("testlist01.txt"), String.join("\n",
                "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi",
                "Archery/v_Archery_g01_c02.avi",
                "Bowling/v_Bowling_g01_c01.avi",                // class not in classInd
                "/etc/passwd"));
        List<String> bad = new ArrayList<>();
        ActionCorpus c = ActionCorpus.read(lists.resolve("trainlist01.txt"), null, bad::add);
        assertEquals(List.of("ApplyEyeMakeup", "Archery", "Basketball"), c.classes());
        List<ActionCorpus.Item> train = c.split(List.of("train")), test = c.split(List.of("test"));
        assertEquals(List.of(0, 1, 2), train.stream().map(ActionCorpus.Item::label).toList());
        assertEquals(List.of(0, 1), test.stream().map(ActionCorpus.Item::label).toList(), "test rows take the class from the folder");
        assertEquals(dir.resolve("UCF-101/Archery/v_Archery_g08_c01.avi").toAbsolutePath().normalize(), train.get(1).file());
        assertEquals(7, bad.size(), String.join("\n", bad));
        assertTrue(bad.get(0).contains("trainlist01.txt:5: ") && bad.get(0).contains("no such file"), bad.get(0));
        assertTrue(bad.get(1).contains("trainlist01.txt:6: ") && bad.get(1).contains("'9' is not in classInd.txt"), bad.get(1));
        assertTrue(bad.get(2).contains("trainlist01.txt:7: ") && bad.get(2).contains("disagrees"), bad.get(2));
        assertTrue(bad.get(3).contains("trainlist01.txt:8: ") && bad.get(3).contains("escapes"), bad.get(3));
        assertTrue(bad.get(4).contains("trainlist01.txt:9: ") && bad.get(4).contains("expected"), bad.get(4));
        assertTrue(bad.get(5).contains("testlist01.txt:3: ") && bad.get(5).contains("Bowling"), bad.get(5));
        assertTrue(bad.get(6).contains("testlist01.txt:4: "), bad.get(6));
        for (ActionCorpus.Item i : c.items()) assertTrue(i.file().startsWith(dir.resolve("UCF-101").toAbsolutePath()), i.file().toString());
        // the folder of the lists or classInd.txt itself read the same split 01
        assertEquals(c.items(), ActionCorpus.read(lists, null, l -> {}).items());
        assertEquals(c.items(), ActionCorpus.read(lists.resolve("classInd.txt"), null, l -> {}).items());
    }

    @Test
    void badClassIndRowsAreReportedAndAListWithoutClassIndIsRefused(@TempDir Path dir) throws IOException {
        Path lists = ucf101(dir);
        Files.writeString(lists.resolve("classInd.txt"), "1 ApplyEyeMakeup\nx Archery\n2 Archery\n2 Basketball\n3 ApplyEyeMakeup\n");
        Files.writeString(lists.resolve("testlist01.txt"), "Archery/v_Archery_g01_c02.avi\n");
        List<String> bad = new ArrayList<>();
        ActionCorpus c = ActionCorpus.read(lists.resolve("testlist01.txt"), null, bad::add);
        assertEquals(List.of("ApplyEyeMakeup", "Archery"), c.classes());
        assertEquals(3, bad.size(), String.join("\n", bad));
        assertTrue(bad.get(0).contains("classInd.txt:2: "), bad.get(0));
        assertTrue(bad.get(1).contains("classInd.txt:4: ") && bad.get(1).contains("twice"), bad.get(1));
        assertTrue(bad.get(2).contains("classInd.txt:5: ") && bad.get(2).contains("twice"), bad.get(2));
        Files.delete(lists.resolve("classInd.txt"));
        IOException e = assertThrows(IOException.class, () -> ActionCorpus.read(lists.resolve("testlist01.txt"), null, l -> {}));
        assertTrue(e.getMessage().contains("classInd.txt"), e.getMessage());
    }

    @Test
    void aFolderPerClassWithOrWithoutSplitFolders(@TempDir Path dir) throws IOException {
        touch(dir.resolve("flat/walk/a.mp4"));
        touch(dir.resolve("flat/run/b.MP4"));
        touch(dir.resolve("flat/run/notes.txt"));
        ActionCorpus flat = ActionCorpus.read(dir.resolve("flat"), null, l -> {});
        assertEquals(List.of("run", "walk"), flat.classes());
        assertEquals(List.of(0, 1), flat.items().stream().map(ActionCorpus.Item::label).toList());
        assertEquals(2, flat.split(List.of("train")).size());

        touch(dir.resolve("split/train/walk/a.mp4"));
        touch(dir.resolve("split/train/run/b.mp4"));
        touch(dir.resolve("split/val/run/c.mp4"));
        touch(dir.resolve("split/test/walk/d.mp4"));
        ActionCorpus split = ActionCorpus.read(dir.resolve("split"), null, l -> {});
        assertEquals(List.of("run", "walk"), split.classes());
        assertEquals(List.of("c.mp4"), split.split(List.of("validate")).stream().map(i -> i.file().getFileName().toString()).toList());
        assertEquals(List.of(1), split.split(List.of("test")).stream().map(ActionCorpus.Item::label).toList());

        touch(dir.resolve("one/walk/a.mp4"));
        assertThrows(IOException.class, () -> ActionCorpus.read(dir.resolve("one"), null, l -> {}));
    }

    @Test
    void synthGroundTruthGivesMotionClassesAndLeavesMixedClipsOut(@TempDir Path dir) throws IOException {
        touch(dir.resolve("videos/video0.mp4"));
        touch(dir.resolve("videos/video1.mp4"));
        touch(dir.resolve("videos/video2.mp4"));
        Files.writeString(dir.resolve("groundtruth.json"), """
                {"videos": [
                  {"video_id": "video0", "split": "train", "files": {"msrvtt": "videos/video0.mp4"}, "objects": [{"motion": "up"}]},
                  {"video_id": "video1", "split": "val", "files": {"msrvtt": "videos/video1.mp4"}, "objects": [{"motion": "grow"}, {"motion": "left"}]},
                  {"video_id": "video2", "split": "val", "files": {"msrvtt": "videos/video2.mp4"}, "objects": [{"motion": "recolour"}]},
                  {"video_id": "video3", "split": "test", "files": {"msrvtt": "../../etc/passwd"}, "objects": [{"motion": "left"}]},
                  {"video_id": "video4", "split": "test", "files": {"msrvtt": "videos/video4.mp4"}, "objects": [{"motion": "spin"}]}
                ]}""");
        List<String> bad = new ArrayList<>();
        ActionCorpus c = ActionCorpus.read(dir.resolve("groundtruth.json"), null, bad::add);
        assertEquals(ActionCorpus.MOTION_CLASSES, c.classes());
        assertEquals(List.of("video0", "video2"), c.items().stream().map(ActionCorpus.Item::id).toList());
        assertEquals(List.of(2, 6), c.items().stream().map(ActionCorpus.Item::label).toList());
        assertEquals("validate", c.items().get(1).split());
        assertEquals(2, bad.size(), String.join("\n", bad));
        assertTrue(bad.get(0).contains("video3") && bad.get(0).contains("escapes"), bad.get(0));
        assertTrue(bad.get(1).contains("video4") && bad.get(1).contains("spin"), bad.get(1));
        assertEquals(1, c.notes().size());
        assertTrue(c.notes().get(0).contains("1 clip(s)"), c.notes().get(0));
        assertThrows(IOException.class, () -> {
            Files.writeString(dir.resolve("other.json"), "{\"videos\": [{\"video_id\": \"v\"}], \"sentences\": []}");
            ActionCorpus.read(dir.resolve("other.json"), null, l -> {});
        });
    }
}

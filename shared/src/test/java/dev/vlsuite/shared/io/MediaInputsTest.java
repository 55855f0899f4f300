package dev.vlsuite.shared.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaInputsTest {
    @TempDir Path tmp;

    private void touch(Path root, String... rels) throws Exception {
        for (String rel : rels) {
            Files.createDirectories(root.resolve(rel).getParent());
            Files.writeString(root.resolve(rel), rel);
        }
    }

    @Test
    void foldersRecursiveSortedByKindFilesAsGivenArgumentsInOrder() throws Exception {
        Path root = tmp.resolve("tree");
        touch(root, "b/z.PNG", "b/a/m.png", "a.jpg", "b/notes.txt", "c/deep/er/x.Png", "clip.MP4", "v/b.mkv");
        Path single = tmp.resolve("given.txt");
        Files.writeString(single, "a file argument is taken whatever its extension");
        List<String> problems = new ArrayList<>();
        List<Path> images = MediaInputs.list(List.of(single, root, root.resolve("missing.png")), MediaKind.IMAGES,
                (p, why) -> problems.add(p + ": " + why));
        assertEquals(List.of(single, root.resolve("a.jpg"), root.resolve("b/a/m.png"), root.resolve("b/z.PNG"),
                root.resolve("c/deep/er/x.Png")), images);
        assertEquals(List.of(root.resolve("missing.png") + ": no such file or directory"), problems);
        assertEquals(List.of(root.resolve("clip.MP4"), root.resolve("v/b.mkv")),
                MediaInputs.list(List.of(root), MediaKind.VIDEOS, (p, why) -> fail(p + ": " + why)));
    }

    @Test
    void symbolicLinksAreFollowedLoopsAndBrokenLinksReported() throws Exception {
        Path library = tmp.resolve("library");
        touch(library, "real/one.png");
        Path album = tmp.resolve("album");
        touch(album, "own.png");
        Files.createSymbolicLink(album.resolve("linked-folder"), library.resolve("real"));
        Files.createSymbolicLink(album.resolve("linked.jpg"), library.resolve("real/one.png"));
        Files.createSymbolicLink(album.resolve("broken.png"), tmp.resolve("gone.png"));
        Files.createSymbolicLink(album.resolve("broken.txt"), tmp.resolve("gone.txt"));   // not an image: ignored
        Files.createSymbolicLink(album.resolve("loop"), album);
        List<String> problems = new ArrayList<>();
        List<Path> found = MediaInputs.list(List.of(album), MediaKind.IMAGES, (p, why) -> problems.add(p.getFileName() + ": " + why));
        assertEquals(List.of(album.resolve("linked-folder/one.png"), album.resolve("linked.jpg"), album.resolve("own.png")), found);
        assertEquals(List.of("broken.png: broken symbolic link", "loop: symbolic link loop; not followed"), problems.stream().sorted().toList());
        List<String> direct = new ArrayList<>();
        assertEquals(List.of(), MediaInputs.list(List.of(album.resolve("broken.png")), MediaKind.IMAGES, (p, why) -> direct.add(why)));
        assertEquals(List.of("broken symbolic link"), direct);
    }

    @Test
    void datasetPathsStayUnderTheirRoot() throws Exception {
        Path root = tmp.resolve("images");
        touch(root, "val2014/x.jpg", "flat.jpg");
        assertEquals(root.resolve("val2014/x.jpg").toAbsolutePath(), MediaInputs.underRoot(root, "val2014", "x.jpg"));
        assertEquals(root.resolve("flat.jpg").toAbsolutePath(), MediaInputs.underRoot(root, "val2014", "flat.jpg"));
        assertEquals(root.resolve("flat.jpg").toAbsolutePath(), MediaInputs.underRoot(root, "", "flat.jpg"));
        assertThrows(IllegalArgumentException.class, () -> MediaInputs.underRoot(root, "", "../outside.jpg"));
        assertThrows(IllegalArgumentException.class, () -> MediaInputs.underRoot(root, "..", "x.jpg"));
        assertThrows(IllegalArgumentException.class, () -> MediaInputs.underRoot(root, "", "/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> MediaInputs.underRoot(root, "val2014", ""));
    }
}

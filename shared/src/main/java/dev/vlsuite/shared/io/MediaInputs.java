package dev.vlsuite.shared.io;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one place that turns what a user names into input files, for every tool:
 * <ul>
 *   <li>a file argument is taken as given, whatever its extension (the decoder judges it);</li>
 *   <li>a folder argument is searched recursively for the media kind's extensions, its files sorted by path;
 *       arguments keep their order;</li>
 *   <li>symbolic links are followed, to files and to folders (photo libraries link); a link that points back into
 *       its own ancestry is reported once and not followed, and a broken link with a media extension is reported;</li>
 *   <li>a path that does not exist is reported as "no such file or directory".</li>
 * </ul>
 * Paths named inside dataset files go through {@link #underRoot} instead: they never escape their root.
 */
public final class MediaInputs {
    private MediaInputs() {}

    /** Lists the inputs; every problem goes to {@code problems} as (path, reason) and the listing goes on. */
    public static List<Path> list(List<Path> paths, MediaKind kind, BiConsumer<Path, String> problems) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                out.addAll(folder(p, kind, problems));
            } else if (Files.exists(p)) {
                out.add(p);
            } else if (Files.isSymbolicLink(p)) {
                problems.accept(p, "broken symbolic link");
            } else {
                problems.accept(p, "no such file or directory");
            }
        }
        return out;
    }

    private static List<Path> folder(Path dir, MediaKind kind, BiConsumer<Path, String> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!kind.matches(file)) return FileVisitResult.CONTINUE;
                    if (attrs.isRegularFile()) found.add(file);
                    else if (attrs.isSymbolicLink()) problems.accept(file, "broken symbolic link"); // FOLLOW_LINKS: target missing
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) problems.accept(file, "symbolic link loop; not followed");
                    else problems.accept(file, "cannot read (" + e.getMessage() + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.accept(dir, "cannot list folder (" + e.getMessage() + ")");
        }
        found.sort(null);
        return found;
    }

    /**
     * A file a dataset names, under the folder the user gave: {@code root/filepath/filename} (Karpathy's layout,
     * e.g. val2014/COCO_val2014_...jpg) when that file exists, else {@code root/filename} (the user pointed at the
     * folder itself, or the format has no filepath).
     *
     * @throws IllegalArgumentException when the dataset names no file, or a path that is absolute or escapes root
     */
    public static Path underRoot(Path root, String filepath, String filename) {
        if (filename == null || filename.isEmpty()) throw new IllegalArgumentException("no file name in the dataset");
        if (filepath != null && !filepath.isEmpty()) {
            Path nested = SafePaths.resolveUnder(root, filepath + "/" + filename);
            if (Files.exists(nested)) return nested;
        }
        return SafePaths.resolveUnder(root, filename);
    }
}

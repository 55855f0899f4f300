package dev.vlsuite.assets;

import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.SafePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A folder of class-path resources (the bundled samples) that tools need as real files, also when they run
 * from a jar: copied out once to {@code <cache root>/<prefix>-<hash of the content>}, so a changed sample gets a
 * fresh folder. The copy is made in a temporary folder and renamed into place, so a reader never sees half of
 * it and two processes extracting at once both end with one complete folder.
 */
final class BundledFolder {
    private final String resourceDir;
    private final String cachePrefix;
    private final String what;
    /** Lists the files, relative to the folder; the last one is written last (a reader that sees it sees all). */
    private final Function<BundledFolder, List<String>> lister;
    private Path cached;

    /**
     * @param resourceDir the class-path folder, with a trailing slash
     * @param cachePrefix the cache folder's name before the hash
     * @param what        the samples in words, for error messages ("the bundled samples")
     * @param lister      lists the files, relative to the folder; may read resources through {@link #resource}
     */
    BundledFolder(String resourceDir, String cachePrefix, String what, Function<BundledFolder, List<String>> lister) {
        this.resourceDir = resourceDir;
        this.cachePrefix = cachePrefix;
        this.what = what;
        this.lister = lister;
    }

    /** The extracted folder, extracting it on first use. */
    synchronized Path folder() {
        if (cached != null && cached.startsWith(Samples.cacheRoot()) && Files.isDirectory(cached)) return cached;
        try {
            List<String> files = files();
            Path target = Samples.cacheRoot().resolve(cachePrefix + "-" + contentHash(files));
            if (!Files.isRegularFile(target.resolve(files.get(files.size() - 1)))) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempDirectory(target.getParent(), "." + cachePrefix + "-");
                extractTo(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    deleteTree(tmp); // another process won the race: its copy is identical
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            }
            cached = target;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies every file into {@code dir} (created if missing). The last file is written atomically and last; the
     * others are plain writes (an fsync per file made the ~2,000 house views take a minute on a busy disk).
     */
    Path extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> files = files();
        for (int i = 0; i < files.size(); i++) {
            String rel = files.get(i);
            Path target = SafePaths.resolveUnder(dir, rel);
            byte[] bytes = resource(rel);
            if (i == files.size() - 1) {
                AtomicFiles.write(target, out -> out.write(bytes));
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        return dir;
    }

    List<String> files() {
        return lister.apply(this);
    }

    /** One bundled file's bytes, by its path relative to the folder. */
    byte[] resource(String rel) throws IOException {
        try (InputStream in = BundledFolder.class.getResourceAsStream(resourceDir + rel)) {
            if (in == null) throw new IOException("missing bundled resource " + resourceDir + rel);
            return in.readAllBytes();
        }
    }

    /** {@link #resource} for listers, which cannot throw checked exceptions. */
    byte[] resourceOrFail(String rel) {
        try {
            return resource(rel);
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over every file, first 16 hex digits. */
    private String contentHash(List<String> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String rel : files) md.update(resource(rel));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

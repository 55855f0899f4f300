package dev.vlsuite.shared.io;

import java.nio.file.Path;

/** Paths named inside dataset files are resolved under their declared root and never escape it. */
public final class SafePaths {
    private SafePaths() {}

    /**
     * Resolves {@code relative} under {@code root}.
     *
     * @throws IllegalArgumentException naming the path when it is absolute or climbs out of root
     */
    public static Path resolveUnder(Path root, String relative) {
        if (relative == null || relative.isEmpty()) throw new IllegalArgumentException("empty path");
        if (relative.indexOf('\0') >= 0) throw new IllegalArgumentException("path contains NUL: " + relative);
        Path rel = Path.of(relative);
        if (rel.isAbsolute()) throw new IllegalArgumentException("absolute path not allowed here: " + relative);
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(rel).normalize();
        if (!p.startsWith(base)) throw new IllegalArgumentException("path escapes its root " + root + ": " + relative);
        return p;
    }
}

package dev.vlsuite.shared.io;

import dev.vlsuite.shared.image.ImageFormats;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A kind of input file a tool reads from folders, with the extensions (compared without case) that its readers
 * decode. The image list lives with the image decoder (shared.image.ImageFormats); the video list is what FFmpeg
 * demuxes in the usual containers.
 */
public enum MediaKind {
    IMAGES("image", ImageFormats.EXTENSIONS),
    VIDEOS("video", Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm", "mpg", "mpeg", "wmv", "flv", "3gp", "ogv", "ts"));

    private final String noun;
    private final Set<String> extensions;

    MediaKind(String noun, Set<String> extensions) {
        this.noun = noun;
        this.extensions = extensions;
    }

    /** "image", "video": for messages. */
    public String noun() {
        return noun;
    }

    /** Lower-case extensions without the dot. */
    public Set<String> extensions() {
        return extensions;
    }

    /** Whether a folder listing takes this file (by its extension, any case). */
    public boolean matches(Path file) {
        Path name = file.getFileName();
        if (name == null) return false;
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 && extensions.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The extensions sorted, as ".jpg .png ..." for help texts. */
    public String describe() {
        return String.join(" ", extensions.stream().sorted().map(e -> "." + e).toList());
    }
}

package dev.vlsuite.captioning.api;

import dev.vlsuite.shared.image.ImageFormats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** Turns the paths a user names (files and folders) into the list of images to caption. */
public final class ImageInputs {
    /** Extensions taken from folders, compared without case: the shared list of formats the decoder reads. */
    public static final Set<String> EXTENSIONS = ImageFormats.EXTENSIONS;

    private ImageInputs() {}

    /**
     * Files are taken as given, whatever their extension (the decoder judges them); folders are searched
     * recursively for image extensions and their files sorted by path. Order follows the arguments.
     * A path that does not exist is reported to {@code problems} with the reason "no such file or directory".
     */
    public static List<Path> collect(List<Path> paths, BiConsumer<Path, String> problems) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ImageInputs::hasImageExtension)
                            .sorted().forEach(out::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.accept(p, "cannot list folder (" + e.getMessage() + ")");
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                problems.accept(p, "no such file or directory");
            }
        }
        return out;
    }

    public static boolean hasImageExtension(Path file) {
        return ImageFormats.hasImageExtension(file);
    }
}

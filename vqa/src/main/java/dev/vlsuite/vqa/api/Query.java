package dev.vlsuite.vqa.api;

import java.nio.file.Path;

/** One question about one image file. */
public record Query(Path image, String question) {}

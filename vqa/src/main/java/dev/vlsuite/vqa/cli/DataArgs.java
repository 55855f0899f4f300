package dev.vlsuite.vqa.cli;

import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.vqa.data.VqaDataReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --questions, --annotations, --images: the official VQA files and the images root (train and eval). */
final class DataArgs {
    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "VQA questions JSON (v1 or v2; the synthetic world's questions.json).")
    Path questions;

    @Option(names = "--annotations", required = true, paramLabel = "FILE", description = "VQA annotations JSON with the 10 human answers per question.")
    Path annotations;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Images root: COCO_<subtype>_<id>.jpg or <id>.jpg, or a dataset.json naming them (paths never leave DIR).")
    Path images;

    /** Reads the files; bad rows are printed (and counted) on {@code err}; an unreadable file is a usage error. */
    VqaDataReader.VqaData read(PrintWriter err, int[] badRows) throws IOException {
        try {
            return VqaDataReader.read(questions, annotations, images, line -> {
                err.println(line);
                err.flush();
                badRows[0]++;
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}

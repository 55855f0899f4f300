package dev.vlsuite.video.cli;

import dev.vlsuite.shared.cli.RecordSchema;
import dev.vlsuite.shared.cli.RecordSchema.Field;
import dev.vlsuite.video.api.VideoCaption;
import java.util.List;
import java.util.Locale;

/**
 * What {@code video caption} prints per file (shared.cli.RecordWriter does the formats). text: "file TAB log-prob
 * TAB caption"; JSON: file, caption, tokens, logProb, frames, note, error; CSV: file,caption,log_prob,frames,note,error.
 */
final class VideoColumns {
    private VideoColumns() {}

    static RecordSchema<VideoCaption> schema() {
        return new RecordSchema<>("file", List.of(
                Field.text("caption", VideoCaption::text),
                Field.jsonOnly("tokens", VideoCaption::tokens),
                Field.number("logProb", "log_prob", VideoCaption::logProb, "%.6f"),
                Field.number("frames", "frames", VideoCaption::frames, "%d"),
                Field.text("note", c -> c.note() == null ? "" : c.note())),
                (file, c) -> String.format(Locale.ROOT, "%s\t%.4f\t%s%s", file, c.logProb(), c.text(),
                        c.note() == null ? "" : "\t(" + c.note() + ")"));
    }
}

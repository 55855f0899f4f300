package dev.vlsuite.captioning.cli;

import dev.vlsuite.captioning.api.Caption;
import dev.vlsuite.shared.cli.RecordSchema;
import dev.vlsuite.shared.cli.RecordSchema.Field;
import java.util.List;
import java.util.Locale;

/**
 * What {@code caption run} prints per image (shared.cli.RecordWriter does the formats). text: "file TAB
 * log-prob TAB caption"; JSON: file, caption, tokens, logProb, error; CSV: file,caption,log_prob,error.
 */
final class CaptionColumns {
    private CaptionColumns() {}

    static RecordSchema<Caption> schema() {
        return new RecordSchema<>("file", List.of(
                Field.text("caption", Caption::text),
                Field.jsonOnly("tokens", Caption::tokens),
                Field.number("logProb", "log_prob", Caption::logProb, "%.6f")),
                (file, c) -> String.format(Locale.ROOT, "%s\t%.4f\t%s", file, c.logProb(), c.text()));
    }
}

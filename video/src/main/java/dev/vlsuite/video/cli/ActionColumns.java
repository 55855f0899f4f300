package dev.vlsuite.video.cli;

import dev.vlsuite.shared.cli.RecordSchema;
import dev.vlsuite.shared.cli.RecordSchema.Field;
import dev.vlsuite.video.api.ActionPrediction;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code video classify} prints per file (shared.cli.RecordWriter does the formats). text: "file TAB label TAB
 * probability TAB top-k as 'label:p, ...'"; JSON: file, label, probability, top [{label, probability}], frames,
 * note, error; CSV: file,label,probability,top,frames,note,error.
 */
final class ActionColumns {
    private ActionColumns() {}

    static RecordSchema<ActionPrediction> schema() {
        return new RecordSchema<>("file", List.of(
                Field.text("label", ActionPrediction::label),
                Field.number("probability", "probability", ActionPrediction::probability, "%.6f"),
                new Field<ActionPrediction>("top", "top", p -> p.top(), ActionColumns::topText),
                Field.number("frames", "frames", ActionPrediction::frames, "%d"),
                Field.text("note", p -> p.note() == null ? "" : p.note())),
                (file, p) -> String.format(Locale.ROOT, "%s\t%s\t%.4f\t%s%s", file, p.label(), p.probability(), topText(p),
                        p.note() == null ? "" : "\t(" + p.note() + ")"));
    }

    static String topText(ActionPrediction p) {
        return p.top().stream().map(s -> String.format(Locale.ROOT, "%s:%.4f", s.label(), s.probability())).collect(Collectors.joining(" "));
    }
}

package dev.vlsuite.shared.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a tool prints per input, for {@link RecordWriter}: the input's column (e.g. "file"), the result's fields
 * (JSON name, CSV column or none, value) and the text line of a successful input (given the input and the result). Every format ends with the
 * {@code error} field, null (JSON) or empty (CSV) when the input succeeded.
 *
 * @param input    name of the column that says which input a record is about ("file", "video", "question")
 * @param fields   the result's fields in order
 * @param textLine the {@code --format text} line of a success from (input, result); failures go to stderr only
 * @param <R>      the task's result record (a caption, an answer, a trajectory)
 */
public record RecordSchema<R>(String input, List<Field<R>> fields, BiFunction<String, R, String> textLine) {
    public RecordSchema {
        fields = List.copyOf(fields);
    }

    /**
     * One field of a result.
     *
     * @param json  the JSON field name
     * @param csv   the CSV column name; null when the field is JSON only (lists, nested values)
     * @param value the JSON value: a String, Number, Boolean, or a Collection of them
     * @param csvValue the CSV cell; ignored when {@code csv} is null
     */
    public record Field<R>(String json, String csv, Function<R, Object> value, Function<R, String> csvValue) {
        /** A text field, the same name in JSON and CSV. */
        public static <R> Field<R> text(String name, Function<R, String> value) {
            return new Field<>(name, name, value::apply, value);
        }

        /** A number: JSON as it is, CSV with {@code csvPattern} (e.g. "%.6f"). */
        public static <R> Field<R> number(String json, String csv, Function<R, ? extends Number> value, String csvPattern) {
            return new Field<>(json, csv, value::apply, r -> String.format(Locale.ROOT, csvPattern, value.apply(r)));
        }

        /** A field only JSON records carry (e.g. a list of tokens). */
        public static <R> Field<R> jsonOnly(String name, Function<R, Object> value) {
            return new Field<>(name, null, value, null);
        }
    }
}

package dev.vlsuite.vqa.api;

/** The answer to a query, or why its image could not be used (one line, without the file name). */
public record AnswerOutcome(Query query, Answer answer, String error) {
    public static AnswerOutcome success(Query q, Answer a) {
        return new AnswerOutcome(q, a, null);
    }

    public static AnswerOutcome failure(Query q, String reason) {
        return new AnswerOutcome(q, null, reason);
    }

    public boolean ok() {
        return answer != null;
    }

    /** "file: reason", the line a tool prints for a bad input. */
    public String errorLine() {
        return query.image() + ": " + error;
    }
}

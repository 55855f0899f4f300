package dev.vlsuite.shared.metrics.vqa;

/** One entry of a results file {@code [{"question_id": int, "answer": str}]}, the format systems submit. */
public record VqaResult(long questionId, String answer) {}

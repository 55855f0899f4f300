package dev.vlsuite.shared.metrics;

import java.util.List;

/** References and candidates do not cover the same images; names the ids found on one side only. */
public class IdMismatchException extends IllegalArgumentException {
    private final List<String> onlyInRefs;
    private final List<String> onlyInCandidates;

    public IdMismatchException(List<String> onlyInRefs, List<String> onlyInCandidates) {
        super(message(onlyInRefs, onlyInCandidates));
        this.onlyInRefs = List.copyOf(onlyInRefs);
        this.onlyInCandidates = List.copyOf(onlyInCandidates);
    }

    public List<String> onlyInRefs() {
        return onlyInRefs;
    }

    public List<String> onlyInCandidates() {
        return onlyInCandidates;
    }

    private static String message(List<String> refsOnly, List<String> candsOnly) {
        StringBuilder b = new StringBuilder("image ids differ between references and candidates:");
        if (!refsOnly.isEmpty()) b.append(" ").append(refsOnly.size()).append(" only in references ").append(sample(refsOnly));
        if (!refsOnly.isEmpty() && !candsOnly.isEmpty()) b.append(";");
        if (!candsOnly.isEmpty()) b.append(" ").append(candsOnly.size()).append(" only in candidates ").append(sample(candsOnly));
        return b.toString();
    }

    private static String sample(List<String> ids) {
        int shown = Math.min(10, ids.size());
        String head = String.join(", ", ids.subList(0, shown));
        return "[" + head + (ids.size() > shown ? ", ..." : "") + "]";
    }
}

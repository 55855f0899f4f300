package dev.vlsuite.assets.language;

import java.util.List;

/**
 * One reference caption: {@code raw} as a person would write it ("A red circle to the left of a
 * blue square.") and {@code tokens} as the Karpathy files store them (lower-case words, no punctuation).
 */
public record Caption(String raw, List<String> tokens) {
    public Caption {
        tokens = List.copyOf(tokens);
    }
}

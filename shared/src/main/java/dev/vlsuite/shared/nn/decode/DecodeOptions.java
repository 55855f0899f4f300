package dev.vlsuite.shared.nn.decode;

/**
 * What every decoding method needs.
 *
 * @param startToken id fed at the first step
 * @param endToken   id that ends a hypothesis
 * @param maxLength  most tokens emitted per hypothesis, the end token included
 */
public record DecodeOptions(int startToken, int endToken, int maxLength) {
    public DecodeOptions {
        if (startToken < 0 || endToken < 0) {
            throw new IllegalArgumentException("token ids must be >= 0, got start " + startToken + ", end " + endToken);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
    }
}

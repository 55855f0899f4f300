package dev.vlsuite.shared.cli;

import picocli.CommandLine.Option;

/**
 * --beam, --max-len, --batch: how every generating tool decodes (caption run/eval, video, vqa generate). Use as
 * a picocli {@code @Mixin}; the task maps {@link #checked()} onto its own options record.
 */
public class DecodingMixin {
    @Option(names = "--beam", defaultValue = "3", paramLabel = "K", description = "Beam width; 1 = greedy (default: ${DEFAULT-VALUE}).")
    public int beam;

    @Option(names = "--max-len", defaultValue = "20", paramLabel = "N", description = "Most tokens per output, the end token included (default: ${DEFAULT-VALUE}).")
    public int maxLen;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Inputs per batch (default: ${DEFAULT-VALUE}).")
    public int batch;

    /** The values, checked: each must be at least 1, else a usage error (exit 2) naming the option. */
    public DecodingMixin checked() {
        positive("--beam", beam);
        positive("--max-len", maxLen);
        positive("--batch", batch);
        return this;
    }

    private static void positive(String option, int value) {
        if (value < 1) throw new UsageException(option + " must be at least 1, got " + value);
    }
}

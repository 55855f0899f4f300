package dev.vlsuite.captioning.cli;

import dev.vlsuite.captioning.api.CaptionOptions;
import dev.vlsuite.shared.cli.UsageException;
import picocli.CommandLine.Option;

/** --beam, --max-len, --batch: how `caption run` and `caption eval` decode. */
final class DecodingMixin {
    @Option(names = "--beam", defaultValue = "3", paramLabel = "K", description = "Beam width; 1 = greedy (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--max-len", defaultValue = "20", paramLabel = "N", description = "Most tokens per caption (default: ${DEFAULT-VALUE}).")
    int maxLen;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "N", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    /** The options as the API takes them; out-of-range values are a usage error (exit 2). */
    CaptionOptions options() {
        try {
            return new CaptionOptions(beam, maxLen, batch);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

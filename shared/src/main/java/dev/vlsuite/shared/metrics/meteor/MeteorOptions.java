package dev.vlsuite.shared.metrics.meteor;

import java.nio.file.Path;

/**
 * How to run METEOR.
 *
 * @param paraphraseTable METEOR's paraphrase-en.gz (not redistributable, so the user supplies it);
 *                        null runs exact+stem+synonym only
 * @param beamSize        aligner beam width (METEOR: 40)
 * @param threads         worker threads for scoring a corpus; 0 = one per available core
 */
public record MeteorOptions(Path paraphraseTable, int beamSize, int threads) {

    public static final int DEFAULT_BEAM_SIZE = 40;

    public MeteorOptions {
        if (beamSize < 1) {
            throw new IllegalArgumentException("beamSize must be at least 1, got " + beamSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or more, got " + threads);
        }
    }

    /** Exact+stem+synonym, beam 40, all cores. */
    public static MeteorOptions defaults() {
        return new MeteorOptions(null, DEFAULT_BEAM_SIZE, 0);
    }

    public MeteorOptions withParaphraseTable(Path table) {
        return new MeteorOptions(table, beamSize, threads);
    }

    public MeteorOptions withThreads(int n) {
        return new MeteorOptions(paraphraseTable, beamSize, n);
    }
}

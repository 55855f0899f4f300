package dev.vlsuite.navigation.metrics;

/** The official per-instruction values (metres), with success, oracle success and SPL derived from them. */
public record ItemScore(String instrId, double navError, double oracleError, double trajectoryLength,
                        double shortestPathLength) {
    public boolean success() {
        return navError < R2RScorer.ERROR_MARGIN;
    }

    public boolean oracleSuccess() {
        return oracleError < R2RScorer.ERROR_MARGIN;
    }

    /** sp / max(length, sp) on success, else 0 (NaN for the official ZeroDivisionError: start = goal, no move). */
    public double spl() {
        if (!success()) return 0;
        return shortestPathLength / Math.max(trajectoryLength, shortestPathLength);
    }
}

package dev.vlsuite.shared.engine;

/**
 * Keeps the console to the tool's own output: DJL INFO lines and the CUDA-probe warning are silenced
 * unless verbose (FFmpeg's native log is silenced by the video reader). slf4j-simple reads its levels from system properties
 * when the first logger is made, so this must run early (the launchers also pass them).
 */
final class Logging {
    private Logging() {}

    static void quiet(boolean quiet) {
        String level = quiet ? "error" : "info";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", quiet ? "warn" : "info");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}

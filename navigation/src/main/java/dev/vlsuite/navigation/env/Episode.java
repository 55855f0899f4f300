package dev.vlsuite.navigation.env;

import java.util.List;

/**
 * One R2R path: a scan, the viewpoints from start to goal (test splits: the start only), the initial heading
 * (radians, elevation 0) and its instructions. The official evaluator makes exactly three instruction ids per
 * path, {@code <path_id>_0..2}, whatever the number of instructions.
 */
public record Episode(String scan, int pathId, List<String> path, double heading, List<String> instructions, double distance) {
    public static final int OFFICIAL_INSTRUCTIONS_PER_PATH = 3;

    public Episode {
        path = List.copyOf(path);
        instructions = List.copyOf(instructions);
    }

    public String start() {
        return path.get(0);
    }

    public String goal() {
        return path.get(path.size() - 1);
    }

    public static String instrId(int pathId, int i) {
        return pathId + "_" + i;
    }

    public String instrId(int i) {
        return instrId(pathId, i);
    }

    /** The path id of an instruction id, as the official code reads it ({@code int(instr_id.split('_')[0])}). */
    public static int pathIdOf(String instrId) {
        int u = instrId.indexOf('_');
        return Integer.parseInt(u < 0 ? instrId : instrId.substring(0, u));
    }
}

package dev.vlsuite.assets.house;

import java.util.List;

/**
 * One R2R episode: a shortest path of viewpoint ids in a house, the start heading (radians, clockwise
 * from +y), its length in metres and three instructions; {@code route} holds the facts they state.
 */
public record Episode(String scan, int pathId, List<String> path, double heading, double distance, List<String> instructions, Route route) {
    public Episode {
        path = List.copyOf(path);
        instructions = List.copyOf(instructions);
    }
}

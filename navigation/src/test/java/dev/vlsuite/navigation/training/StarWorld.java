package dev.vlsuite.navigation.training;

import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Connectivity;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.navigation.env.ViewFeatures;
import dev.vlsuite.navigation.env.Viewpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Houses where only the instruction says where to go: a hall with four rooms around it (north, east, south, west,
 * each a door viewpoint 2 m out and an end viewpoint 4 m out), room colours shuffled per house, episodes from the
 * hall (random heading) to a room's end with instructions naming its colour. A hall view shows the colour of every
 * room by where it is relative to the view (ahead, to the right, behind, to the left: signs on the walls);
 * inside a room a view shows the room's colour; every view says where the agent is (hall, door, end) and whether
 * something is navigable ahead. An agent that ignores the instruction can only guess the room: about 1 in 4.
 */
final class StarWorld {
    static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "purple", "orange");
    static final int SLOTS = 4;   // ahead, right, behind, left
    static final int D = SLOTS * COLOURS.size() + 4;   // colour per relative direction, hall/door/end, navigable ahead

    final List<NavGraph> graphs = new ArrayList<>();
    final Map<String, List<String>> colours = new HashMap<>();     // scan -> colour of rooms N, E, S, W
    final List<Episode> train = new ArrayList<>();
    final List<Episode> validation = new ArrayList<>();
    final List<Episode> heldOut = new ArrayList<>();
    final Environment env;

    StarWorld(int trainHouses, int validationHouses, int heldOutHouses, long seed) {
        Random r = new Random(seed);
        int pathId = 0;
        for (int h = 0; h < trainHouses + validationHouses + heldOutHouses; h++) {
            String scan = String.format("star%04d", h);
            List<String> c = new ArrayList<>(COLOURS);
            Collections.shuffle(c, r);
            colours.put(scan, c.subList(0, 4));
            List<Viewpoint> vps = new ArrayList<>(List.of(new Viewpoint(scan + "_hall", 0, 0, 0)));
            List<String[]> edges = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                double dx = Math.sin(k * Math.PI / 2), dy = Math.cos(k * Math.PI / 2);
                vps.add(new Viewpoint(scan + "_door" + k, 2 * dx, 2 * dy, 0));
                vps.add(new Viewpoint(scan + "_end" + k, 4 * dx, 4 * dy, 0));
                edges.add(new String[] {scan + "_hall", scan + "_door" + k});
                edges.add(new String[] {scan + "_door" + k, scan + "_end" + k});
            }
            graphs.add(NavGraph.of(scan, vps, edges));
            boolean training = h < trainHouses;
            for (int k = 0; k < 4; k++) {
                String colour = c.get(k);
                List<String> path = List.of(scan + "_hall", scan + "_door" + k, scan + "_end" + k);
                List<String> three = List.of("go to the " + colour + " room and stop at the end",
                        "walk into the " + colour + " room", "enter the " + colour + " room and go to the far wall");
                if (training) {
                    // several start headings per room, one instruction each: (house, heading) never tells the room
                    for (int rep = 0; rep < 3; rep++) {
                        train.add(new Episode(scan, pathId++, path, r.nextInt(12) * Math.PI / 6, List.of(three.get(r.nextInt(3))), 4));
                    }
                } else {
                    Episode e = new Episode(scan, pathId++, path, r.nextInt(12) * Math.PI / 6, three, 4);
                    (h < trainHouses + validationHouses ? validation : heldOut).add(e);
                }
            }
        }
        Environment geometry = new Environment(Connectivity.of(graphs.toArray(NavGraph[]::new)), null);
        env = new Environment(geometry.connectivity(), new Views(geometry));
    }

    private final class Views implements ViewFeatures {
        private final Environment geometry;
        private final Map<String, float[]> cache = new HashMap<>();

        Views(Environment geometry) {
            this.geometry = geometry;
        }

        @Override
        public int dim() {
            return D;
        }

        @Override
        public float[] panorama(String scan, String viewpoint) {
            return cache.computeIfAbsent(viewpoint, v -> {
                float[] all = new float[VIEWS * D];
                List<String> c = colours.get(scan);
                for (int ix = 0; ix < VIEWS; ix++) {
                    int h = ix % 12, e = ix / 12;
                    int o = ix * D;
                    AgentState s = new AgentState(scan, v, h, e);
                    if (e == 1) {
                        int n = COLOURS.size();
                        if (v.endsWith("_hall")) {
                            for (int k = 0; k < 4; k++) {
                                int rel = Math.floorMod(3 * k - h, 12);                 // room k, in 30-degree steps clockwise
                                int slot = rel == 0 ? 0 : rel < 6 ? 1 : rel == 6 ? 2 : 3;
                                all[o + slot * n + COLOURS.indexOf(c.get(k))] = 1;
                            }
                            all[o + SLOTS * n] = 1;
                        } else {
                            int k = v.charAt(v.length() - 1) - '0';
                            all[o + COLOURS.indexOf(c.get(k))] = 1;                    // the room all around, "ahead"
                            all[o + SLOTS * n + (v.contains("_door") ? 1 : 2)] = 1;
                        }
                    }
                    all[o + SLOTS * COLOURS.size() + 3] = geometry.forwardTarget(s).isPresent() ? 1 : 0;
                }
                return all;
            });
        }
    }
}

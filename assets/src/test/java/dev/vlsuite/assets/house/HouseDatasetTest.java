package dev.vlsuite.assets.house;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.dataset.HouseWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written houses read back through the contract only ({@link HouseLayout}), checked against geometry. */
class HouseDatasetTest {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    @TempDir
    static Path tmp;
    static Path dir;
    static List<String> scans;
    private static final Map<String, HouseLayout.Scan> CONNECTIVITY = new java.util.HashMap<>();
    private static final Map<String, double[][]> DISTANCES = new java.util.HashMap<>();

    private static HouseLayout.Scan scan(String scan) throws Exception {
        HouseLayout.Scan s = CONNECTIVITY.get(scan);
        if (s == null) CONNECTIVITY.put(scan, s = HouseLayout.connectivity(dir, scan));
        return s;
    }

    private static double[][] distances(String scan) throws Exception {
        double[][] d = DISTANCES.get(scan);
        if (d == null) DISTANCES.put(scan, d = scan(scan).distances(true));
        return d;
    }

    private static JsonNode plan(String scan) throws Exception {
        for (JsonNode s : HOUSES.get("scans")) if (s.get("scan").asText().equals(scan)) return s;
        throw new AssertionError("houses.json has no scan " + scan);
    }

    private static JsonNode HOUSES;

    @BeforeAll
    static void write() throws Exception {
        dir = tmp.resolve("houses");
        List<House> houses = HouseGenerator.generate(11, 5, HouseGenerator.Options.DEFAULT);
        HouseWriter.write(dir, houses, new HouseWriter.Options(60, 10, 30, 0.2, 16), () -> {});
        scans = houses.stream().map(House::scan).toList();
        HOUSES = HouseLayout.read(dir.resolve("houses.json"));
    }

    @Test
    void layoutParsesAsTheContractSays() throws Exception {
        JsonNode root = HouseLayout.read(dir.resolve("houses.json"));
        assertEquals(scans.size(), root.get("scans").size());
        for (String scan : scans) {
            assertTrue(scan.matches("house\\d{4}"), scan);
            HouseLayout.Scan s = scan(scan);
            JsonNode plan = plan(scan);
            assertEquals(s.ids().size(), plan.get("viewpoints").size());
            int rooms = plan.get("rooms").size();
            assertTrue(rooms >= 4 && rooms <= 10, scan + " has " + rooms + " rooms");
            for (JsonNode r : plan.get("rooms")) {
                RoomType.fromWord(r.get("name").asText());
                assertEquals(4, r.get("polygon").size());
                for (JsonNode o : r.get("objects")) {
                    Furniture.fromWord(o.get("kind").asText());
                    assertNotEquals(r.get("colour").asText(), o.get("colour").asText(), "objects stand out from their walls");
                }
            }
            Map<String, JsonNode> vps = HouseLayout.viewpoints(plan);
            for (int i = 0; i < s.ids().size(); i++) {
                String id = s.ids().get(i);
                assertTrue(HEX32.matcher(id).matches(), id);
                JsonNode v = vps.get(id);
                assertNotNull(v, id + " in houses.json");
                assertEquals(v.get("x").asDouble(), s.xyz()[i][0]);
                assertEquals(v.get("y").asDouble(), s.xyz()[i][1]);
                assertEquals(House.CAMERA_HEIGHT, s.xyz()[i][2], "constant camera height");
                assertTrue(v.get("room").asInt() >= 0 && v.get("room").asInt() < rooms);
                for (int ix = 0; ix < 36; ix++) {
                    Path png = dir.resolve("views").resolve(scan).resolve(id).resolve(ix + ".png");
                    assertTrue(Files.isRegularFile(png), png.toString());
                    if (i > 2) continue; // decoding every view is slow; three viewpoints per house say the format
                    BufferedImage img = ImageIO.read(png.toFile());
                    assertNotNull(img, id + "/" + ix);
                    assertEquals(16, img.getWidth());
                }
            }
            assertEquals(s.ids().size(), new HashSet<>(s.ids()).size(), "viewpoint ids are unique");
        }
        for (String split : HouseWriter.SPLITS) {
            JsonNode eps = HouseLayout.read(dir.resolve("R2R_" + split + ".json"));
            assertTrue(eps.isArray() && eps.size() > 0, split);
            for (JsonNode e : eps) {
                assertTrue(e.get("distance").isNumber() && e.get("heading").isNumber() && e.get("path_id").isInt());
                assertEquals(3, e.get("instructions").size());
                assertTrue(e.get("heading").asDouble() >= 0 && e.get("heading").asDouble() < 2 * Math.PI);
            }
        }
    }

    @Test
    void graphIsSymmetricConnectedAndShortLinked() throws Exception {
        for (String scan : scans) {
            HouseLayout.Scan s = scan(scan);
            int n = s.ids().size(), excluded = 0;
            for (int i = 0; i < n; i++) {
                if (!s.included()[i]) excluded++;
                assertFalse(s.unobstructed()[i][i], "no self-loops");
                for (int j = 0; j < n; j++) {
                    assertEquals(s.unobstructed()[i][j], s.unobstructed()[j][i], scan + " unobstructed is symmetric");
                    assertEquals(s.visible()[i][j], s.visible()[j][i], scan + " visible is symmetric");
                    if (s.unobstructed()[i][j]) {
                        assertTrue(s.visible()[i][j], "a link is a sight line");
                        assertTrue(s.dist(i, j) <= House.MAX_EDGE + 1e-9, "links are at most 3 m");
                        if (s.included()[i] && s.included()[j]) assertTrue(s.dist(i, j) >= 1.5, "included viewpoints are 1.5-3 m apart: " + s.dist(i, j));
                    }
                }
            }
            assertTrue(excluded >= 1 && excluded <= 2, scan + ": a few excluded viewpoints");
            double[][] d = distances(scan);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (s.included()[i] && s.included()[j]) assertTrue(Double.isFinite(d[i][j]), scan + ": official graph connected");
        }
    }

    @Test
    void excludedViewpointsKeepTheirFlagsAndTheOfficialRulesChangeDistances() throws Exception {
        int changed = 0;
        for (String scan : scans) {
            HouseLayout.Scan s = scan(scan);
            double[][] official = distances(scan), naive = s.distances(false);
            for (int i = 0; i < s.ids().size(); i++) {
                if (s.included()[i]) continue;
                boolean flagged = false;
                for (int j = 0; j < s.ids().size(); j++) flagged |= s.unobstructed()[i][j];
                assertTrue(flagged, "excluded viewpoints still carry unobstructed flags, as Matterport's");
            }
            boolean differs = false;
            for (int i = 0; i < s.ids().size(); i++)
                for (int j = 0; j < s.ids().size(); j++)
                    if (s.included()[i] && s.included()[j] && naive[i][j] < official[i][j] - 1e-9) differs = true;
            if (differs) changed++;
        }
        assertEquals(scans.size(), changed, "in every house a reader that ignores 'included' finds shorter, wrong routes");
    }

    @Test
    void episodesAreShortestPathsOfFourToSevenLinksBetweenRooms() throws Exception {
        Set<Integer> ids = new HashSet<>();
        for (String split : HouseWriter.SPLITS) {
            for (JsonNode e : HouseLayout.read(dir.resolve("R2R_" + split + ".json"))) {
                assertTrue(ids.add(e.get("path_id").asInt()), "path ids are unique");
                String scan = e.get("scan").asText();
                HouseLayout.Scan s = scan(scan);
                Map<String, JsonNode> vps = HouseLayout.viewpoints(plan(scan));
                List<Integer> path = new ArrayList<>();
                for (JsonNode v : e.get("path")) path.add(s.index(v.asText()));
                int hops = path.size() - 1;
                assertTrue(hops >= 4 && hops <= 7, "4-7 links: " + hops);
                double length = 0;
                for (int k = 0; k < path.size(); k++) {
                    assertTrue(s.included()[path.get(k)], "excluded viewpoints are never on paths");
                    if (k > 0) {
                        assertTrue(s.edge(path.get(k - 1), path.get(k)), "consecutive viewpoints are linked");
                        length += s.dist(path.get(k - 1), path.get(k));
                    }
                }
                double shortest = distances(scan)[path.get(0)][path.get(hops)];
                assertEquals(shortest, length, 1e-9, "the path is a shortest path");
                assertEquals(length, e.get("distance").asDouble(), 1e-9, "distance = path length in metres");
                JsonNode start = vps.get(e.get("path").get(0).asText()), goal = vps.get(e.get("path").get(hops).asText());
                assertEquals(-1, start.get("doorway").asInt());
                assertEquals(-1, goal.get("doorway").asInt());
                assertNotEquals(start.get("room").asInt(), goal.get("room").asInt());
            }
        }
    }

    @Test
    void splitsSeparateHousesAndPairs() throws Exception {
        JsonNode splits = HouseLayout.read(dir.resolve("houses.json")).get("splits");
        Set<String> train = new HashSet<>(), seen = new HashSet<>(), unseen = new HashSet<>();
        splits.get("train").forEach(n -> train.add(n.asText()));
        splits.get("val_seen").forEach(n -> seen.add(n.asText()));
        splits.get("val_unseen").forEach(n -> unseen.add(n.asText()));
        assertEquals(train, seen);
        assertEquals(Set.of(scans.get(4)), unseen, "the last fifth of the houses is unseen");
        Set<String> trainPairs = new HashSet<>();
        JsonNode trainEpisodes = HouseLayout.read(dir.resolve("R2R_train.json"));
        assertTrue(trainEpisodes.size() > 150 && trainEpisodes.size() <= 4 * 60, "up to 60 per seen house: " + trainEpisodes.size());
        for (JsonNode e : trainEpisodes) {
            assertTrue(train.contains(e.get("scan").asText()));
            trainPairs.add(e.get("path").get(0).asText() + ">" + e.get("path").get(e.get("path").size() - 1).asText());
        }
        assertEquals(trainEpisodes.size(), trainPairs.size(), "no (start, goal) pair twice in train");
        for (JsonNode e : HouseLayout.read(dir.resolve("R2R_val_seen.json"))) {
            assertTrue(seen.contains(e.get("scan").asText()));
            assertFalse(trainPairs.contains(e.get("path").get(0).asText() + ">" + e.get("path").get(e.get("path").size() - 1).asText()),
                    "val_seen walks other paths than train");
        }
        for (JsonNode e : HouseLayout.read(dir.resolve("R2R_val_unseen.json"))) assertTrue(unseen.contains(e.get("scan").asText()));
    }

    /**
     * Recomputes each instruction's facts from houses.json alone: the rooms the path passes, the side of the first
     * room's exit relative to the start heading, the side of each later exit relative to the doorway the path came
     * in by, and the object next to the goal; every clause of every instruction must state them.
     */
    @Test
    void instructionsNameTheRoomsTurnsAndGoalObject() throws Exception {
        int checked = 0;
        for (String split : HouseWriter.SPLITS) {
            for (JsonNode e : HouseLayout.read(dir.resolve("R2R_" + split + ".json"))) {
                JsonNode plan = plan(e.get("scan").asText());
                Map<String, JsonNode> vps = HouseLayout.viewpoints(plan);
                List<JsonNode> path = new ArrayList<>();
                e.get("path").forEach(v -> path.add(vps.get(v.asText())));
                List<Integer> rooms = new ArrayList<>(List.of(path.get(0).get("room").asInt()));
                List<JsonNode> doors = new ArrayList<>();
                for (JsonNode v : path) {
                    if (v.get("doorway").asInt() < 0) continue;
                    JsonNode d = plan.get("doorways").get(v.get("doorway").asInt());
                    int a = d.get("rooms").get(0).asInt(), b = d.get("rooms").get(1).asInt(), cur = rooms.get(rooms.size() - 1);
                    assertTrue(cur == a || cur == b, "a doorway of the room the path is in");
                    rooms.add(cur == a ? b : a);
                    doors.add(d);
                }
                JsonNode start = path.get(0), goal = path.get(path.size() - 1);
                double rel = HouseLayout.wrap(HouseLayout.heading(doors.get(0).get("x").asDouble() - start.get("x").asDouble(),
                        doors.get(0).get("y").asDouble() - start.get("y").asDouble()) - e.get("heading").asDouble());
                String startTurn = Math.abs(rel) <= Math.PI / 4 ? null : Math.abs(rel) > 3 * Math.PI / 4 ? "around" : rel > 0 ? "right" : "left";
                List<String> middle = new ArrayList<>();
                for (int k = 1; k < doors.size(); k++) {
                    JsonNode poly = plan.get("rooms").get(rooms.get(k)).get("polygon");
                    double cx = (poly.get(0).get(0).asDouble() + poly.get(2).get(0).asDouble()) / 2;
                    double cy = (poly.get(0).get(1).asDouble() + poly.get(2).get(1).asDouble()) / 2;
                    JsonNode in = doors.get(k - 1), out = doors.get(k);
                    double r = HouseLayout.wrap(HouseLayout.heading(out.get("x").asDouble() - in.get("x").asDouble(), out.get("y").asDouble() - in.get("y").asDouble())
                            - HouseLayout.heading(cx - in.get("x").asDouble(), cy - in.get("y").asDouble()));
                    middle.add(Math.abs(r) < 0.1 ? "straight" : r > 0 ? "right" : "left");
                }
                JsonNode nearest = null;
                double best = Double.POSITIVE_INFINITY;
                for (JsonNode o : plan.get("rooms").get(goal.get("room").asInt()).get("objects")) {
                    double dd = Math.hypot(o.get("x").asDouble() - goal.get("x").asDouble(), o.get("y").asDouble() - goal.get("y").asDouble());
                    if (dd < best) {
                        best = dd;
                        nearest = o;
                    }
                }
                assertNotNull(nearest);
                assertTrue(best < 1.6, "the goal stands next to its object");
                String object = nearest.get("colour").asText() + " " + nearest.get("kind").asText();
                for (String instruction : iterable(e.get("instructions"))) {
                    String text = instruction.toLowerCase();
                    String[] clauses = text.substring(0, text.length() - 1).split("[,.] ");
                    assertEquals(rooms.size(), clauses.length, instruction);
                    assertRoom(plan, rooms.get(0), clauses[0], instruction);
                    assertTurn(startTurn, clauses[0], instruction);
                    for (int k = 1; k < rooms.size() - 1; k++) {
                        assertRoom(plan, rooms.get(k), clauses[k], instruction);
                        assertTurn(middle.get(k - 1), clauses[k], instruction);
                    }
                    String last = clauses[clauses.length - 1];
                    assertRoom(plan, rooms.get(rooms.size() - 1), last, instruction);
                    assertTrue(last.endsWith("the " + object), instruction + " should stop at the " + object);
                    checked++;
                }
                assertTrue(e.get("instructions").get(0).asText().toLowerCase().contains("the " + HouseLayout.roomName(plan, rooms.get(0))),
                        "instruction 0 names rooms in full");
            }
        }
        assertTrue(checked > 300, "checked " + checked);
    }

    private static void assertTurn(String expected, String clause, String instruction) {
        for (String w : List.of("left", "right", "around", "straight")) {
            if (w.equals(expected)) assertTrue(clause.contains(w), instruction + ": '" + clause + "' should say " + w);
            else if (!w.equals("straight") || expected != null) assertFalse(clause.contains(w), instruction + ": '" + clause + "' should not say " + w);
        }
    }

    /** The clause names the room as "the colour type", or as "the type" when the house has one room of that type. */
    private static void assertRoom(JsonNode plan, int room, String clause, String instruction) {
        String type = plan.get("rooms").get(room).get("name").asText();
        if (clause.contains("the " + HouseLayout.roomName(plan, room))) return;
        assertTrue(clause.endsWith("the " + type) || clause.contains("the " + type + " and "), instruction + ": '" + clause + "' should name the " + type);
        int same = 0;
        for (JsonNode r : plan.get("rooms")) if (r.get("name").asText().equals(type)) same++;
        assertEquals(1, same, instruction + ": a bare room type must be unique in the house");
    }

    private static List<String> iterable(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void sameSeedSameBytesAndHousesDoNotDependOnTheCount() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        HouseWriter.Options options = new HouseWriter.Options(5, 2, 5, 0.5, 16);
        HouseWriter.write(a, HouseGenerator.generate(3, 2, new HouseGenerator.Options(4, 5)), options, () -> {});
        HouseWriter.write(b, HouseGenerator.generate(3, 2, new HouseGenerator.Options(4, 5)), options, () -> {});
        HouseWriter.write(c, HouseGenerator.generate(4, 2, HouseGenerator.Options.DEFAULT), new HouseWriter.Options(5, 2, 5, 0.5, 0), () -> {});
        List<Path> files;
        try (var s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() > 36 * 30, "every view compared: " + files.size());
        for (Path f : files) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
        assertFalse(Files.readString(a.resolve("houses.json")).equals(Files.readString(c.resolve("houses.json"))), "another seed, other houses");
        House first = HouseGenerator.house(3, 0, new HouseGenerator.Options(4, 5));
        assertEquals(HouseWriter.connectivity(first), HouseLayout.read(a.resolve("connectivity/house0000_connectivity.json")));
        assertEquals(HouseWriter.plan(HouseGenerator.house(3, 1, HouseGenerator.Options.DEFAULT)),
                HouseWriter.plan(HouseGenerator.generate(3, 7, HouseGenerator.Options.DEFAULT).get(1)));
    }
}

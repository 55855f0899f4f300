package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.house.Doorway;
import dev.vlsuite.assets.house.Episode;
import dev.vlsuite.assets.house.EpisodeSampler;
import dev.vlsuite.assets.house.House;
import dev.vlsuite.assets.house.HouseObject;
import dev.vlsuite.assets.house.Room;
import dev.vlsuite.assets.house.ViewRenderer;
import dev.vlsuite.assets.house.Viewpoint;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Writes synthetic houses in the layout the R2R tools read (assets/README.md, "Houses"):
 * <pre>
 * connectivity/&lt;scan&gt;_connectivity.json   Matterport: [{image_id, pose[16] row-major (x, y, z at 3, 7, 11),
 *                                         included, visible[n], unobstructed[n], height}]
 * views/&lt;scan&gt;/&lt;viewpoint&gt;/&lt;ix&gt;.png     36 views, ix = 12 * elevation index + heading index
 * R2R_train.json, R2R_val_seen.json, R2R_val_unseen.json   [{distance, scan, path_id, path, heading, instructions[3]}]
 * houses.json                           the plans: rooms, objects, viewpoints, doorways; the splits
 * </pre>
 * The last houses ({@code unseenFraction} of them, at least one when there are two or more) are the unseen
 * ones; the others give train and val_seen episodes from disjoint (start, goal) pairs. houses.json is written
 * last and every file atomically: a reader that sees houses.json sees everything it names.
 */
public final class HouseWriter {
    public static final String HOUSES_JSON = "houses.json";
    public static final String CONNECTIVITY = "connectivity";
    public static final String VIEWS = "views";
    public static final List<String> SPLITS = List.of("train", "val_seen", "val_unseen");

    /**
     * @param trainPaths   episodes per seen house for train
     * @param valSeenPaths episodes per seen house for val_seen (other start-goal pairs)
     * @param unseenPaths  episodes per unseen house for val_unseen
     * @param viewSize     side of the rendered views in pixels; 0 writes no views
     */
    public record Options(int trainPaths, int valSeenPaths, int unseenPaths, double unseenFraction, int viewSize) {
        public static final Options DEFAULT = new Options(60, 10, 30, 0.2, 64);

        public Options {
            if (trainPaths < 0 || valSeenPaths < 0 || unseenPaths < 0) throw new IllegalArgumentException("episode counts must be >= 0");
            if (!(unseenFraction >= 0 && unseenFraction < 1)) throw new IllegalArgumentException("unseen fraction must be in [0, 1): " + unseenFraction);
            if (viewSize != 0 && (viewSize < 16 || viewSize > 1024)) throw new IllegalArgumentException("view size must be 0 (no views) or 16-1024: " + viewSize);
        }
    }

    /** What was written. */
    public record Written(Path dir, int houses, int viewpoints, int views, Map<String, Integer> episodes) {}

    private HouseWriter() {}

    /** How many of {@code count} houses are unseen (the last ones). */
    public static int unseenCount(int count, double fraction) {
        if (count < 2 || fraction == 0) return 0;
        return (int) Math.max(1, Math.min(count - 1, Math.round(count * fraction)));
    }

    /** @param afterEachViewpoint called once per viewpoint whose views are written (progress bars) */
    public static Written write(Path dir, List<House> houses, Options options, Runnable afterEachViewpoint) throws IOException {
        int unseen = unseenCount(houses.size(), options.unseenFraction());
        int views = 0, viewpoints = 0;
        for (House h : houses) {
            writeJson(dir.resolve(CONNECTIVITY).resolve(h.scan() + "_connectivity.json"), connectivity(h));
            viewpoints += h.viewpoints().size();
            if (options.viewSize() > 0) views += writeViews(dir, h, options.viewSize(), afterEachViewpoint);
        }
        Map<String, List<Episode>> episodes = new java.util.LinkedHashMap<>();
        for (String s : SPLITS) episodes.put(s, new ArrayList<>());
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode scans = root.putArray("scans");
        ObjectNode splits = root.putObject("splits");
        ArrayNode train = splits.putArray("train"), valSeen = splits.putArray("val_seen"), valUnseen = splits.putArray("val_unseen");
        for (int i = 0; i < houses.size(); i++) {
            House h = houses.get(i);
            scans.add(plan(h));
            if (i < houses.size() - unseen) {
                train.add(h.scan());
                valSeen.add(h.scan());
                episodes.get("train").addAll(EpisodeSampler.episodes(h, i, 0, options.trainPaths()));
                episodes.get("val_seen").addAll(EpisodeSampler.episodes(h, i, options.trainPaths(), options.valSeenPaths()));
            } else {
                valUnseen.add(h.scan());
                episodes.get("val_unseen").addAll(EpisodeSampler.episodes(h, i, 0, options.unseenPaths()));
            }
        }
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (var e : episodes.entrySet()) {
            writeJson(dir.resolve("R2R_" + e.getKey() + ".json"), r2r(e.getValue()));
            counts.put(e.getKey(), e.getValue().size());
        }
        writeJson(dir.resolve(HOUSES_JSON), root);
        return new Written(dir, houses.size(), viewpoints, views, counts);
    }

    /** The Matterport connectivity list of a house; list order = index used by visible/unobstructed. */
    public static ArrayNode connectivity(House h) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        List<Viewpoint> vps = h.viewpoints();
        for (Viewpoint v : vps) {
            ObjectNode n = arr.addObject();
            n.put("image_id", v.id());
            // camera -> world, row-major, facing +y with the camera's y axis down as in the real files
            ArrayNode pose = n.putArray("pose");
            pose.add(1).add(0).add(0).add(v.x());
            pose.add(0).add(0).add(1).add(v.y());
            pose.add(0).add(-1).add(0).add(House.CAMERA_HEIGHT);
            pose.add(0).add(0).add(0).add(1);
            n.put("included", v.included());
            ArrayNode visible = n.putArray("visible"), unobstructed = n.putArray("unobstructed");
            for (Viewpoint o : vps) {
                visible.add(o.index() != v.index() && h.visible(v.index(), o.index()));
                unobstructed.add(h.unobstructed(v.index(), o.index()));
            }
            n.put("height", House.CAMERA_HEIGHT);
        }
        return arr;
    }

    /** houses.json's entry for one house: the contract's fields, plus doorways and per-viewpoint flags. */
    public static ObjectNode plan(House h) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("scan", h.scan());
        ArrayNode rooms = n.putArray("rooms");
        for (Room r : h.rooms()) {
            ObjectNode rn = rooms.addObject();
            rn.put("name", r.type().word());
            rn.put("colour", r.colour().word());
            ArrayNode poly = rn.putArray("polygon");
            for (double[] p : r.polygon()) poly.addArray().add(p[0]).add(p[1]);
            ArrayNode objs = rn.putArray("objects");
            for (HouseObject o : r.objects()) {
                ObjectNode on = objs.addObject();
                on.put("kind", o.kind().word());
                on.put("colour", o.colour().word());
                on.put("x", o.x());
                on.put("y", o.y());
                on.put("shape", o.kind().shape().word());
                on.put("radius", o.radius());
            }
        }
        ArrayNode vps = n.putArray("viewpoints");
        for (Viewpoint v : h.viewpoints()) {
            ObjectNode vn = vps.addObject();
            vn.put("id", v.id());
            vn.put("room", v.room());
            vn.put("x", v.x());
            vn.put("y", v.y());
            vn.put("included", v.included());
            vn.put("doorway", v.doorway());
        }
        ArrayNode doors = n.putArray("doorways");
        for (Doorway d : h.doorways()) {
            ObjectNode dn = doors.addObject();
            dn.putArray("rooms").add(d.roomA()).add(d.roomB());
            dn.put("x", d.x());
            dn.put("y", d.y());
            dn.put("width", House.DOOR_WIDTH);
        }
        return n;
    }

    public static ArrayNode r2r(List<Episode> episodes) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (Episode e : episodes) {
            ObjectNode n = arr.addObject();
            n.put("distance", e.distance());
            n.put("scan", e.scan());
            n.put("path_id", e.pathId());
            ArrayNode path = n.putArray("path");
            e.path().forEach(path::add);
            n.put("heading", e.heading());
            ArrayNode ins = n.putArray("instructions");
            e.instructions().forEach(ins::add);
        }
        return arr;
    }

    /**
     * Renders and writes the 36 views of every viewpoint (viewpoints in parallel); returns the number of images.
     * A viewpoint's views are written into a temporary folder that is then renamed into place, so a reader sees
     * all 36 or none; one fsync per image (as AtomicFiles does) made a house take minutes on a busy disk.
     */
    static int writeViews(Path dir, House h, int size, Runnable afterEachViewpoint) throws IOException {
        Path root = dir.resolve(VIEWS).resolve(h.scan());
        Files.createDirectories(root);
        try {
            IntStream.range(0, h.viewpoints().size()).parallel().forEach(i -> {
                Viewpoint v = h.viewpoints().get(i);
                try {
                    Path tmp = Files.createTempDirectory(root, "." + v.id() + ".");
                    for (int ix = 0; ix < ViewRenderer.VIEWS; ix++) Files.write(tmp.resolve(ix + ".png"), png(ViewRenderer.render(h, v, ix, size)));
                    Path target = root.resolve(v.id());
                    if (Files.exists(target)) deleteTree(target); // --force over an earlier run
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                synchronized (afterEachViewpoint) {
                    afterEachViewpoint.run();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return h.viewpoints().size() * ViewRenderer.VIEWS;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG writer in this JVM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        AtomicFiles.write(file, out -> out.write(Json.MAPPER.writeValueAsBytes(node)));
    }
}

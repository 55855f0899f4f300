package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.world.Background;
import dev.vlsuite.assets.world.Box;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.assets.world.ShapeKind;
import dev.vlsuite.assets.world.ShapeSize;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * scenes.json: the ground truth of every image (objects, bounding boxes in image pixels):
 * <pre>{"dataset":"synthetic","scenes":[{"image_id":0,"filename":"000000.png","width":128,"height":128,
 *   "seed":..,"background":{"gray":90,"noise":0,"texture_seed":..},
 *   "objects":[{"kind":"circle","colour":"red","size":"large","cx":..,"cy":..,"radius":..,"bbox":[x0,y0,x1,y1]}]}]}</pre>
 */
public final class SceneJson {
    private SceneJson() {}

    public static ObjectNode toJson(List<Scene> scenes) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("dataset", "synthetic");
        ArrayNode arr = root.putArray("scenes");
        for (Scene s : scenes) {
            ObjectNode n = arr.addObject();
            n.put("image_id", s.id());
            n.put("filename", SceneWriter.filename(s));
            n.put("width", s.canvas());
            n.put("height", s.canvas());
            n.put("seed", s.seed());
            ObjectNode bg = n.putObject("background");
            bg.put("gray", s.background().gray());
            bg.put("noise", s.background().noise());
            bg.put("texture_seed", s.background().textureSeed());
            ArrayNode objs = n.putArray("objects");
            for (SceneObject o : s.objects()) {
                ObjectNode on = objs.addObject();
                on.put("kind", o.kind().word());
                on.put("colour", o.colour().word());
                on.put("size", o.size().word());
                on.put("cx", o.cx());
                on.put("cy", o.cy());
                on.put("radius", o.radius());
                on.putArray("bbox").add(o.bbox().x0()).add(o.bbox().y0()).add(o.bbox().x1()).add(o.bbox().y1());
            }
        }
        return root;
    }

    /** @throws IllegalArgumentException naming the file when it is not a scenes.json */
    public static List<Scene> read(Path file) throws IOException {
        try {
            return fromJson(Json.MAPPER.readTree(file.toFile()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(file + ": not a vlsuite scenes file (" + e.getMessage() + ")", e);
        }
    }

    public static List<Scene> fromJson(JsonNode root) {
        JsonNode arr = root.get("scenes");
        if (arr == null || !arr.isArray()) throw new IllegalArgumentException("no \"scenes\" array");
        List<Scene> out = new ArrayList<>();
        for (JsonNode n : arr) {
            JsonNode bg = n.get("background");
            List<SceneObject> objs = new ArrayList<>();
            for (JsonNode o : n.get("objects")) {
                JsonNode b = o.get("bbox");
                objs.add(new SceneObject(ShapeKind.fromWord(o.get("kind").asText()), ShapeColour.fromWord(o.get("colour").asText()),
                        ShapeSize.fromWord(o.get("size").asText()), o.get("cx").asDouble(), o.get("cy").asDouble(),
                        o.get("radius").asDouble(), new Box(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble())));
            }
            out.add(new Scene(n.get("image_id").asInt(), n.get("seed").asLong(), n.get("width").asInt(),
                    new Background(bg.get("gray").asInt(), bg.get("noise").asInt(), bg.get("texture_seed").asLong()), objs));
        }
        return out;
    }
}

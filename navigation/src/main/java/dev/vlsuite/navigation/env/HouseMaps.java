package dev.vlsuite.navigation.env;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor plans of synthetic houses ({@code houses.json}: what the generated world knows and real data does not:
 * rooms as polygons with a name and a wall colour, objects). Used for drawing; navigation never reads it.
 */
public final class HouseMaps {
    private HouseMaps() {}

    public record Room(String name, String colour, List<double[]> polygon) {}

    public record Plan(String scan, List<Room> rooms) {}

    /** The plan of one scan, or null when the file is absent or does not describe the scan. */
    public static Plan read(Path housesJson, String scan) {
        if (housesJson == null || !Files.isRegularFile(housesJson)) return null;
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(housesJson.toFile());
        } catch (IOException e) {
            throw new NavigationDataException(housesJson + ": not readable as JSON: " + ConnectivityReader.firstLine(e.getMessage()), e);
        }
        for (JsonNode s : root.path("scans")) {
            if (!scan.equals(s.path("scan").asText())) continue;
            List<Room> rooms = new ArrayList<>();
            for (JsonNode r : s.path("rooms")) {
                List<double[]> poly = new ArrayList<>();
                for (JsonNode p : r.path("polygon")) poly.add(new double[] {p.path(0).asDouble(), p.path(1).asDouble()});
                rooms.add(new Room(r.path("name").asText(""), r.path("colour").asText(""), poly));
            }
            return new Plan(scan, rooms);
        }
        return null;
    }
}

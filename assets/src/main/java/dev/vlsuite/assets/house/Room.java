package dev.vlsuite.assets.house;

import dev.vlsuite.assets.world.ShapeColour;
import java.util.List;

/**
 * One room: a square grid cell [x0, x0 + size] x [y0, y0 + size] (metres) with walls of one colour.
 * (type, colour) is unique within a house, so "the blue kitchen" names one room.
 */
public record Room(int index, RoomType type, ShapeColour colour, int cellX, int cellY, double size, List<HouseObject> objects) {
    public Room {
        objects = List.copyOf(objects);
    }

    public double x0() {
        return cellX * size;
    }

    public double y0() {
        return cellY * size;
    }

    /** "blue kitchen" */
    public String name() {
        return colour.word() + " " + type.word();
    }

    /** Corners counter-clockwise from (x0, y0). */
    public double[][] polygon() {
        double x0 = x0(), y0 = y0(), x1 = x0 + size, y1 = y0 + size;
        return new double[][] {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    }
}

package dev.vlsuite.assets.world;

/** An axis-aligned box in pixels: x grows to the right, y grows downwards. */
public record Box(double x0, double y0, double x1, double y1) {
    public Box {
        if (!(x1 >= x0 && y1 >= y0)) throw new IllegalArgumentException("box corners out of order: " + this);
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    public boolean intersects(Box o) {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    public boolean contains(double x, double y) {
        return x >= x0 && x <= x1 && y >= y0 && y <= y1;
    }

    public Box scaled(double f) {
        return new Box(x0 * f, y0 * f, x1 * f, y1 * f);
    }
}

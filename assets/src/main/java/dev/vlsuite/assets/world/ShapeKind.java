package dev.vlsuite.assets.world;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** The kinds of shape in the world. Each draws itself inside the square of half-side {@code r} around its centre. */
public enum ShapeKind {
    CIRCLE("circle", "circles"),
    SQUARE("square", "squares"),
    TRIANGLE("triangle", "triangles"),
    STAR("star", "stars"),
    DIAMOND("diamond", "diamonds"),
    CROSS("cross", "crosses");

    private final String word;
    private final String plural;

    ShapeKind(String word, String plural) {
        this.word = word;
        this.plural = plural;
    }

    /** The one noun used for this kind in every caption, question and answer. */
    public String word() {
        return word;
    }

    public String plural() {
        return plural;
    }

    /** @throws IllegalArgumentException for a word that names no kind */
    public static ShapeKind fromWord(String word) {
        for (ShapeKind k : values()) if (k.word.equals(word)) return k;
        throw new IllegalArgumentException("unknown shape kind: " + word);
    }

    /** The outline in canvas pixels; its bounds are the object's bounding box. */
    public Shape outline(double cx, double cy, double r) {
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            // a square of the same half-side looks much heavier than the circle: shrink it a little
            case SQUARE -> new Rectangle2D.Double(cx - 0.85 * r, cy - 0.85 * r, 1.7 * r, 1.7 * r);
            case TRIANGLE -> polygon(new double[] {cx, cx + r, cx - r}, new double[] {cy - r, cy + 0.8 * r, cy + 0.8 * r});
            case DIAMOND -> polygon(new double[] {cx, cx + r, cx, cx - r}, new double[] {cy - r, cy, cy + r, cy});
            case STAR -> star(cx, cy, r);
            case CROSS -> cross(cx, cy, r);
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) p.lineTo(xs[i], ys[i]);
        p.closePath();
        return p;
    }

    /** Five points, the first straight up; inner radius 0.45 r keeps the arms thick enough to see at 128 px. */
    private static Shape star(double cx, double cy, double r) {
        double[] xs = new double[10], ys = new double[10];
        for (int i = 0; i < 10; i++) {
            double rad = (i % 2 == 0) ? r : 0.45 * r;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            xs[i] = cx + rad * Math.cos(a);
            ys[i] = cy + rad * Math.sin(a);
        }
        return polygon(xs, ys);
    }

    /** A plus sign with arms 0.64 r thick. */
    private static Shape cross(double cx, double cy, double r) {
        double t = 0.32 * r;
        double[] xs = {cx - t, cx + t, cx + t, cx + r, cx + r, cx + t, cx + t, cx - t, cx - t, cx - r, cx - r, cx - t};
        double[] ys = {cy - r, cy - r, cy - t, cy - t, cy + t, cy + t, cy + r, cy + r, cy + t, cy + t, cy - t, cy - t};
        return polygon(xs, ys);
    }
}

package dev.vlsuite.navigation.api;

import dev.vlsuite.navigation.env.HouseMaps;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.navigation.env.Viewpoint;
import dev.vlsuite.shared.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The top-down picture of a route: the floor plan (rooms of houses.json in their wall colours, when known), the
 * navigation graph (viewpoints and edges), the ground truth (dashed green, when known), the agent's path (red), the
 * start (blue square) and the goal (green ring).
 */
public final class RoutePicture {
    private static final Map<String, Color> COLOURS = Map.ofEntries(Map.entry("red", new Color(0xE57373)),
            Map.entry("green", new Color(0x81C784)), Map.entry("blue", new Color(0x64B5F6)), Map.entry("yellow", new Color(0xFFF176)),
            Map.entry("purple", new Color(0xBA68C8)), Map.entry("orange", new Color(0xFFB74D)), Map.entry("white", new Color(0xF5F5F5)),
            Map.entry("gray", new Color(0xBDBDBD)), Map.entry("grey", new Color(0xBDBDBD)), Map.entry("brown", new Color(0xA1887F)),
            Map.entry("pink", new Color(0xF48FB1)), Map.entry("cyan", new Color(0x80DEEA)), Map.entry("black", new Color(0x757575)));

    private RoutePicture() {}

    public static BufferedImage draw(NavGraph graph, HouseMaps.Plan plan, List<String> agentPath, List<String> groundTruth,
                                     String goal, int size) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Viewpoint v : graph.viewpoints()) {
            minX = Math.min(minX, v.x()); maxX = Math.max(maxX, v.x()); minY = Math.min(minY, v.y()); maxY = Math.max(maxY, v.y());
        }
        if (plan != null) for (HouseMaps.Room r : plan.rooms()) for (double[] p : r.polygon()) {
            minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
        }
        double span = Math.max(1e-6, Math.max(maxX - minX, maxY - minY)), margin = 24;
        double scale = (size - 2 * margin) / span, x0 = minX, y0 = minY;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        // world y grows north; picture y grows down
        java.util.function.DoubleUnaryOperator px = x -> margin + (x - x0) * scale;
        java.util.function.DoubleUnaryOperator py = y -> size - margin - (y - y0) * scale;
        if (plan != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (HouseMaps.Room r : plan.rooms()) {
                if (r.polygon().size() < 3) continue;
                Path2D poly = new Path2D.Double();
                poly.moveTo(px.applyAsDouble(r.polygon().get(0)[0]), py.applyAsDouble(r.polygon().get(0)[1]));
                for (double[] p : r.polygon().subList(1, r.polygon().size())) poly.lineTo(px.applyAsDouble(p[0]), py.applyAsDouble(p[1]));
                poly.closePath();
                g.setColor(COLOURS.getOrDefault(r.colour().toLowerCase(Locale.ROOT), new Color(0xE0E0E0)));
                g.fill(poly);
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(2f));
                g.draw(poly);
                var b = poly.getBounds2D();
                g.drawString((r.colour() + " " + r.name()).trim(), (float) b.getX() + 4, (float) b.getY() + 13);
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0x9E9E9E));
        for (Viewpoint v : graph.viewpoints()) {
            for (String n : graph.neighbours(v.id())) {
                Viewpoint w = graph.viewpoint(n);
                g.drawLine((int) px.applyAsDouble(v.x()), (int) py.applyAsDouble(v.y()), (int) px.applyAsDouble(w.x()), (int) py.applyAsDouble(w.y()));
            }
        }
        for (Viewpoint v : graph.viewpoints()) g.fillOval((int) px.applyAsDouble(v.x()) - 3, (int) py.applyAsDouble(v.y()) - 3, 6, 6);
        if (groundTruth != null && groundTruth.size() > 1) {
            g.setColor(new Color(0x2E7D32));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f));
            polyline(g, graph, groundTruth, px, py);
        }
        if (agentPath.size() > 1) {
            g.setColor(new Color(0xD32F2F));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            polyline(g, graph, agentPath, px, py);
        }
        Viewpoint start = graph.viewpoint(agentPath.get(0));
        g.setColor(new Color(0x1565C0));
        g.fillRect((int) px.applyAsDouble(start.x()) - 7, (int) py.applyAsDouble(start.y()) - 7, 14, 14);
        Viewpoint end = graph.viewpoint(agentPath.get(agentPath.size() - 1));
        g.setColor(new Color(0xD32F2F));
        g.fillOval((int) px.applyAsDouble(end.x()) - 6, (int) py.applyAsDouble(end.y()) - 6, 12, 12);
        if (goal != null && graph.contains(goal)) {
            Viewpoint t = graph.viewpoint(goal);
            g.setColor(new Color(0x2E7D32));
            g.setStroke(new BasicStroke(3f));
            g.drawOval((int) px.applyAsDouble(t.x()) - 11, (int) py.applyAsDouble(t.y()) - 11, 22, 22);
        }
        g.dispose();
        return img;
    }

    private static void polyline(Graphics2D g, NavGraph graph, List<String> path,
                                 java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py) {
        Path2D line = new Path2D.Double();
        Viewpoint first = graph.viewpoint(path.get(0));
        line.moveTo(px.applyAsDouble(first.x()), py.applyAsDouble(first.y()));
        for (String id : path.subList(1, path.size())) {
            Viewpoint v = graph.viewpoint(id);
            line.lineTo(px.applyAsDouble(v.x()), py.applyAsDouble(v.y()));
        }
        g.draw(line);
    }

    /** Writes a PNG atomically. */
    public static void write(Path file, BufferedImage img) throws IOException {
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }
}

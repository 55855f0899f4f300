package dev.vlsuite.assets.video;

import dev.vlsuite.assets.world.Background;
import dev.vlsuite.assets.world.Scene;
import java.util.List;
import java.util.Objects;

/**
 * One synthetic video: 1-2 shapes on a grey canvas of {@code canvas} pixels, {@code frames} frames at
 * {@code fps}. Each frame is a {@link Scene}, drawn by the same renderer as the still images.
 */
public record Clip(int id, long seed, int canvas, int frames, double fps, Background background, List<MovingObject> objects) {
    public Clip {
        Objects.requireNonNull(background, "background");
        objects = List.copyOf(objects);
        if (objects.isEmpty()) throw new IllegalArgumentException("a clip needs at least one object");
        if (frames < 2) throw new IllegalArgumentException("a clip needs at least 2 frames: " + frames);
        if (!(fps > 0)) throw new IllegalArgumentException("fps must be > 0: " + fps);
    }

    /** "video12": the MSR-VTT-style id; files are named after it. */
    public String videoId() {
        return "video" + id;
    }

    /** Whole seconds the clip lasts, rounded up (MSVD's End column). */
    public int seconds() {
        return (int) Math.ceil(frames / fps);
    }

    /** Frame {@code f} (0-based) as a still scene. */
    public Scene frame(int f) {
        if (f < 0 || f >= frames) throw new IllegalArgumentException("frame " + f + " outside 0.." + (frames - 1));
        double t = (double) f / (frames - 1);
        return new Scene(id, seed, canvas, background, objects.stream().map(o -> o.at(t)).toList());
    }
}

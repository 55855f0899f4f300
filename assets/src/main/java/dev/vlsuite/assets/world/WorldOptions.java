package dev.vlsuite.assets.world;

/**
 * What kind of scenes to make. The number of objects is drawn between min and max with weights
 * 4:3:2:1 for 1:2:3:4 objects, so simple scenes dominate (easier to learn on a CPU).
 *
 * @param minObjects at least 1
 * @param maxObjects at most 4 (a 2x2 grid keeps objects apart)
 * @param textured   whether some backgrounds get light noise (about half of them)
 */
public record WorldOptions(int minObjects, int maxObjects, boolean textured) {
    public static final int MAX_OBJECTS = 4;
    public static final WorldOptions DEFAULT = new WorldOptions(1, MAX_OBJECTS, true);

    public WorldOptions {
        if (minObjects < 1 || maxObjects > MAX_OBJECTS || minObjects > maxObjects)
            throw new IllegalArgumentException("objects per scene must satisfy 1 <= min <= max <= " + MAX_OBJECTS
                    + ": got " + minObjects + ".." + maxObjects);
    }

    /** Only single-object scenes: the easiest captioning task. */
    public static WorldOptions singleObject() {
        return new WorldOptions(1, 1, true);
    }
}

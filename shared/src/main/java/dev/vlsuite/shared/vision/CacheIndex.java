package dev.vlsuite.shared.vision;

import java.util.List;

/**
 * The JSON index of a feature cache directory (index.json): which image (absolute path, size,
 * mtime) sits in which slot of which segment file, for one backbone id and record layout.
 */
record CacheIndex(String backboneId, int locations, int channels, int fc7Size, List<Entry> entries) {

    /** One cached image: it is valid while the file still has this size and modification time. */
    record Entry(String path, long size, long mtimeMillis, int segment, int slot) {}
}

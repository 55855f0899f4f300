package dev.vlsuite.shared.vision;

import java.util.List;

/**
 * The JSON index of a feature cache directory (index.json): which image (absolute path, size,
 * mtime) sits in which slot of which segment file, for one backbone id and record layout.
 * {@code nextSegment}: the lowest segment number never used in this directory (0 in indexes written
 * before it existed), so numbers of deleted segments are not reused.
 */
record CacheIndex(String backboneId, int locations, int channels, int fc7Size, int nextSegment, List<Entry> entries) {

    /** One cached image: it is valid while the file still has this size and modification time. */
    record Entry(String path, long size, long mtimeMillis, int segment, int slot) {}
}

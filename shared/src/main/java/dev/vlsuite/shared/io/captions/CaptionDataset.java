package dev.vlsuite.shared.io.captions;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Images with their reference captions, as read from one file, in file order. */
public record CaptionDataset(Path source, CaptionDatasetFormat format, List<CaptionImage> images) {
    public CaptionDataset {
        images = List.copyOf(images);
    }

    /** The images of one split ("test", "val", ...). */
    public CaptionDataset split(String split) {
        return new CaptionDataset(source, format, images.stream().filter(i -> i.split().equals(split)).toList());
    }

    /** The split names present, in order of first appearance ("" for images without one). */
    public Set<String> splits() {
        Set<String> s = new LinkedHashSet<>();
        for (CaptionImage i : images) s.add(i.split());
        return s;
    }

    /** image id -> raw reference captions, in file order. */
    public Map<String, List<String>> referencesById() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (CaptionImage i : images) m.put(i.id(), i.rawCaptions());
        return m;
    }
}

package dev.vlsuite.shared.io.captions;

import java.util.List;

/**
 * One image of a caption dataset.
 *
 * @param id the image id used to match results (COCO id, Karpathy cocoid or imgid, Flickr file name)
 * @param filename the image file name
 * @param filepath Karpathy's folder (e.g. "val2014"); "" when the format has none
 * @param split "train", "val", "test", "restval"...; "" when the format has none
 * @param rawCaptions the reference captions as written
 * @param tokens the tokens the file gives for each caption (Karpathy), else empty
 */
public record CaptionImage(String id, String filename, String filepath, String split,
                           List<String> rawCaptions, List<List<String>> tokens) {
    public CaptionImage {
        rawCaptions = List.copyOf(rawCaptions);
        tokens = tokens.stream().map(List::copyOf).toList();
    }
}

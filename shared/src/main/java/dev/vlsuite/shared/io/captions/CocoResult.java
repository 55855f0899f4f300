package dev.vlsuite.shared.io.captions;

/** One entry of a COCO results file: {"image_id": ..., "caption": "..."}; ids are kept as text. */
public record CocoResult(String imageId, String caption) {}

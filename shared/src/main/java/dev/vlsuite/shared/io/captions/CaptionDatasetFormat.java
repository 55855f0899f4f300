package dev.vlsuite.shared.io.captions;

/** The public caption dataset formats {@link CaptionDatasets#read} recognises. */
public enum CaptionDatasetFormat {
    /** Karpathy's split JSON (dataset_coco.json, dataset_flickr8k.json, dataset_flickr30k.json). */
    KARPATHY,
    /** MS-COCO captions annotations (captions_val2014.json): images + annotations. */
    COCO_ANNOTATIONS,
    /** Flickr8k/30k token file: "name.jpg#N&lt;TAB&gt;caption" lines. */
    FLICKR_TOKENS,
    /** A plain JSON object {"id": ["caption", ...]}. */
    ID_MAP
}

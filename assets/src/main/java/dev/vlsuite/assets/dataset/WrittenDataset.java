package dev.vlsuite.assets.dataset;

import java.nio.file.Path;

/** What {@link SceneWriter} wrote: the folder and how many images, captions and questions. */
public record WrittenDataset(Path dir, int images, int captions, int questions) {
    public Path datasetJson() {
        return dir.resolve(SceneWriter.DATASET_JSON);
    }

    public Path imagesDir() {
        return dir.resolve(KarpathyJson.IMAGE_FOLDER);
    }
}

package dev.vlsuite.captioning.training;

import ai.djl.Device;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.assets.world.WorldOptions;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CaptionImage;
import dev.vlsuite.shared.vision.Backbones;
import dev.vlsuite.shared.vision.FeatureCache;
import dev.vlsuite.shared.vision.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A synthetic-world caption dataset written on the fly, with vgg-small features cached next to it. */
public record SyntheticCaptions(List<Scene> scenes, WrittenDataset written, CaptionDataset dataset,
                                FeatureExtractor extractor, FeatureCache cache) implements AutoCloseable {

    public static SyntheticCaptions generate(Path dir, long seed, int count, WorldOptions world, Splits splits) throws IOException {
        List<Scene> scenes = SyntheticWorld.generate(seed, count, 128, world);
        WrittenDataset written = SceneWriter.write(dir.resolve("data"), scenes, splits);
        CaptionDataset dataset = CaptionDatasets.read(written.datasetJson());
        FeatureExtractor fx = Backbones.open("vgg-small", Device.cpu());
        return new SyntheticCaptions(scenes, written, dataset, fx, FeatureCache.open(dir.resolve("features"), fx));
    }

    /** The same images, each with only its first reference caption (a task a model can learn exactly). */
    public CaptionDataset firstCaptionOnly() {
        List<CaptionImage> images = dataset.images().stream().map(i -> new CaptionImage(i.id(), i.filename(), i.filepath(),
                i.split(), List.of(i.rawCaptions().get(0)), List.of(i.tokens().get(0)))).toList();
        return new CaptionDataset(dataset.source(), dataset.format(), images);
    }

    /** The images root Karpathy's filepath is relative to. */
    public Path root() {
        return written.dir();
    }

    @Override
    public void close() {
        cache.close();
        extractor.close();
    }
}

package dev.vlsuite.captioning.cli;

import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.captions.CaptionDataset;
import dev.vlsuite.shared.io.captions.CaptionDatasets;
import dev.vlsuite.shared.io.captions.CaptionFormatException;
import dev.vlsuite.shared.io.captions.CaptionImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** --dataset and --images, shared by features, train and eval (a picocli mixin). */
final class DatasetArgs {
    @Option(names = "--dataset", required = true, paramLabel = "FILE",
            description = "Karpathy split JSON, COCO captions annotations, or a Flickr8k/30k token file.")
    Path dataset;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder the dataset's image paths are relative to.")
    Path images;

    /** The dataset (one split when {@code split} is not null); a bad file is a usage error. */
    CaptionDataset read(String split) {
        if (!Files.isDirectory(images)) throw new UsageException("--images " + images + ": no such folder");
        try {
            CaptionDataset d = CaptionDatasets.read(dataset);
            if (split == null) return d;
            if (!d.splits().contains(split)) {
                throw new UsageException(dataset + ": no images in split '" + split + "' (splits: " + String.join(", ", d.splits()) + ")");
            }
            return d.split(split);
        } catch (CaptionFormatException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Image file per dataset image, in dataset order; paths that escape --images are reported and left out. */
    Map<CaptionImage, Path> files(CaptionDataset d, PrintWriter err) {
        Map<CaptionImage, Path> out = new LinkedHashMap<>();
        for (CaptionImage image : d.images()) {
            try {
                out.put(image, MediaInputs.underRoot(images, image.filepath(), image.filename()));
            } catch (IllegalArgumentException e) {
                err.println(dataset + ": image " + image.id() + ": " + e.getMessage());
            }
        }
        return out;
    }
}

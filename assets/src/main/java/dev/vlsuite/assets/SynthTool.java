package dev.vlsuite.assets;

import dev.vlsuite.assets.dataset.HouseWriter;
import dev.vlsuite.assets.dataset.SceneWriter;
import dev.vlsuite.assets.house.House;
import dev.vlsuite.assets.house.HouseGenerator;
import dev.vlsuite.assets.dataset.Splits;
import dev.vlsuite.assets.dataset.VideoDatasetWriter;
import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.assets.dataset.WrittenDataset;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.assets.world.SyntheticWorld;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.Progress;
import dev.vlsuite.shared.cli.Tools;
import dev.vlsuite.shared.cli.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code synth}: writes synthetic datasets. Parses options and calls the assets library. */
@Command(name = "synth", mixinStandardHelpOptions = true, version = "vlsuite synth 0.1",
        description = "Generate synthetic vision-language data, deterministically from a seed.",
        subcommands = {SynthTool.Scenes.class, SynthTool.Videos.class, SynthTool.Houses.class, SynthDialogs.class})
public final class SynthTool implements Runnable {
    public static void main(String[] args) {
        Tools.main(new SynthTool(), args);
    }

    @Override
    public void run() {
        throw new UsageException("missing subcommand; try 'synth scenes --help'");
    }

    @Command(name = "scenes", mixinStandardHelpOptions = true,
            description = "Shape scenes: DIR/images/*.png, dataset.json (Karpathy split format, 5 captions per image), "
                    + "questions.json + annotations.json (VQA v2 format) and scenes.json (objects and boxes).")
    static final class Scenes implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "50", paramLabel = "N", description = "Number of scenes (default: ${DEFAULT-VALUE}).")
        int count;

        @Mixin
        SynthOutput output;

        @Mixin
        SceneOptions scene;

        @Override
        public Integer call() throws IOException {
            SynthOutput.requirePositive(count);
            SceneOptions.Checked checked = scene.check();
            Path out = output.checkedFolder();
            List<Scene> scenes = SyntheticWorld.generate(output.seed, count, checked.size(), checked.world());
            WrittenDataset written;
            try (Progress bar = Progress.start("synth", count)) {
                written = SceneWriter.write(out, scenes, checked.splits(), bar::step);
            }
            System.out.printf("wrote %d images, %d captions, %d questions to %s (seed %d)%n",
                    written.images(), written.captions(), written.questions(), out, output.seed);
            return ExitCodes.OK;
        }

    }

    @Command(name = "videos", mixinStandardHelpOptions = true,
            description = "Short clips of 1-2 shapes that move left/right/up/down, grow, shrink or change colour, written as real "
                    + "video files with 5 reference captions each: DIR/videos/videoN.mp4 + videodatainfo.json (MSR-VTT layout), "
                    + "DIR/YouTubeClips/videoN_0_S.avi + video_corpus.csv (MSVD layout) and groundtruth.json (what moved where).")
    static final class Videos implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "50", paramLabel = "N", description = "Number of clips (default: ${DEFAULT-VALUE}).")
        int count;

        @Mixin
        SynthOutput output;

        @Option(names = "--size", defaultValue = "112", paramLabel = "PX", description = "Frame side in pixels, 32-1024 (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--frames", defaultValue = "36", paramLabel = "N", description = "Frames per clip (default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--fps", defaultValue = "12", paramLabel = "F", description = "Frame rate (default: ${DEFAULT-VALUE}).")
        double fps;

        @Option(names = "--max-objects", defaultValue = "2", paramLabel = "N", description = "Most shapes per clip, 1 or 2 (default: ${DEFAULT-VALUE}).")
        int maxObjects;

        @Option(names = "--codec", defaultValue = "mpeg4", paramLabel = "C",
                description = "mpeg4 (MPEG-4 Part 2, small files) or h264 (libopenh264, key frames only: about 4x larger) (default: ${DEFAULT-VALUE}).")
        String codec;

        @Option(names = "--layout", defaultValue = "both", paramLabel = "L", description = "msrvtt, msvd or both (default: ${DEFAULT-VALUE}).")
        String layout;

        @Option(names = "--split", defaultValue = "0.8,0.1,0.1", paramLabel = "TRAIN,VAL,TEST",
                description = "Split proportions, assigned in clip order (default: ${DEFAULT-VALUE}).")
        String split;

        @Override
        public Integer call() throws IOException {
            SynthOutput.requirePositive(count);
            Splits splits;
            ClipGenerator.Options options;
            ClipEncoder.Codec videoCodec;
            VideoDatasetWriter.Layout layouts;
            try {
                splits = Splits.parse(split);
                options = new ClipGenerator.Options(size, frames, fps, maxObjects);
                videoCodec = ClipEncoder.Codec.parse(codec);
                layouts = VideoDatasetWriter.Layout.parse(layout);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            Path out = output.checkedFolder();
            List<Clip> clips = ClipGenerator.generate(output.seed, count, options);
            VideoDatasetWriter.Written written;
            try (Progress bar = Progress.start("synth", count)) {
                written = VideoDatasetWriter.write(out, clips, splits, videoCodec, layouts, bar::step);
            }
            System.out.printf("wrote %d videos, %d captions to %s (seed %d)%n", written.videos(), written.captions(), out, output.seed);
            return ExitCodes.OK;
        }
    }

    @Command(name = "houses", mixinStandardHelpOptions = true,
            description = "Houses of 4-10 rooms for route following (R2R): DIR/connectivity/<scan>_connectivity.json (Matterport "
                    + "layout), DIR/views/<scan>/<viewpoint>/<0-35>.png (36 views per viewpoint), DIR/R2R_train.json, "
                    + "R2R_val_seen.json, R2R_val_unseen.json (R2R layout, 3 instructions per path) and DIR/houses.json (the plans).")
    static final class Houses implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "10", paramLabel = "N", description = "Number of houses (default: ${DEFAULT-VALUE}).")
        int count;

        @Mixin
        SynthOutput output;

        @Option(names = "--rooms", defaultValue = "4,10", paramLabel = "MIN,MAX", description = "Rooms per house, 2-16 (default: ${DEFAULT-VALUE}).")
        String rooms;

        @Option(names = "--train-paths", defaultValue = "60", paramLabel = "N", description = "Train episodes per seen house (default: ${DEFAULT-VALUE}).")
        int trainPaths;

        @Option(names = "--val-seen-paths", defaultValue = "10", paramLabel = "N",
                description = "val_seen episodes per seen house, other start-goal pairs than train (default: ${DEFAULT-VALUE}).")
        int valSeenPaths;

        @Option(names = "--unseen-paths", defaultValue = "30", paramLabel = "N", description = "val_unseen episodes per unseen house (default: ${DEFAULT-VALUE}).")
        int unseenPaths;

        @Option(names = "--unseen", defaultValue = "0.2", paramLabel = "F",
                description = "Fraction of the houses (the last ones, at least one of two or more) kept for val_unseen (default: ${DEFAULT-VALUE}).")
        double unseen;

        @Option(names = "--view-size", defaultValue = "64", paramLabel = "PX", description = "Side of the rendered views, 16-1024; 0: no views (default: ${DEFAULT-VALUE}).")
        int viewSize;

        @Override
        public Integer call() throws IOException {
            SynthOutput.requirePositive(count);
            HouseGenerator.Options options;
            HouseWriter.Options writing;
            try {
                String[] mm = rooms.split(",");
                if (mm.length != 2) throw new IllegalArgumentException("--rooms needs MIN,MAX: " + rooms);
                options = new HouseGenerator.Options(Integer.parseInt(mm[0].trim()), Integer.parseInt(mm[1].trim()));
                writing = new HouseWriter.Options(trainPaths, valSeenPaths, unseenPaths, unseen, viewSize);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw new UsageException(e.getMessage());
            }
            Path out = output.checkedFolder();
            List<House> houses = HouseGenerator.generate(output.seed, count, options);
            int viewpoints = houses.stream().mapToInt(h -> h.viewpoints().size()).sum();
            HouseWriter.Written written;
            try (Progress bar = Progress.start("synth", viewSize > 0 ? viewpoints : 0)) {
                written = HouseWriter.write(out, houses, writing, bar::step);
            }
            System.out.printf("wrote %d houses, %d viewpoints, %d views, episodes %s to %s (seed %d)%n", written.houses(),
                    written.viewpoints(), written.views(), written.episodes(), out, output.seed);
            return ExitCodes.OK;
        }
    }
}

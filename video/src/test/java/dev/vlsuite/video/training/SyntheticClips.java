package dev.vlsuite.video.training;

import ai.djl.Device;
import dev.vlsuite.assets.language.MotionCaptions;
import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.ClipGenerator;
import dev.vlsuite.assets.video.Motion;
import dev.vlsuite.shared.video.Sampling;
import dev.vlsuite.video.api.FrameFeatures;
import dev.vlsuite.video.api.StreamFeatures;
import dev.vlsuite.video.model.Streams;
import dev.vlsuite.video.api.VideoFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small synthetic clip sets for the learning tests: one shape per clip that moves left, right, up or down,
 * written as real MPEG-4 files and read back through FrameReader + vgg-small (4x4 spatial map), with the
 * canonical caption ("a small red circle moves to the left").
 */
final class SyntheticClips {
    static final ClipGenerator.Options OPTIONS = new ClipGenerator.Options(64, 16, 8, 1);
    static final List<String> DIRECTIONS = List.of("left", "right", "up", "down");

    record Labelled(VideoTraining.Video video, Motion motion) {}

    private SyntheticClips() {}

    /** {@code count} moving clips of {@code seed}, encoded under {@code dir} and reduced to frame features. */
    static List<Labelled> moving(long seed, int count, int frames, Path dir, FrameFeatures features) throws IOException {
        return moving(seed, count, frames, dir, new StreamFeatures(features, Streams.RGB, null));
    }

    /** As above, with the input of a model of some streams (rgb+diff: [frames | frame differences] per frame). */
    static List<Labelled> moving(long seed, int count, int frames, Path dir, StreamFeatures features) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            Clip clip = ClipGenerator.clip(seed, i, OPTIONS);
            Motion motion = clip.objects().get(0).motion();
            if (!motion.moves()) continue;
            Path file = dir.resolve("s" + seed + "-" + clip.videoId() + ".mp4");
            ClipEncoder.write(clip, file, ClipEncoder.Codec.MPEG4, "mp4");
            VideoFeatures f = features.read(file, Sampling.evenly(frames));
            String caption = MotionCaptions.captions(clip).get(0).raw();
            out.add(new Labelled(new VideoTraining.Video(clip.videoId() + "@" + seed, f, List.of(caption)), motion));
        }
        return out;
    }

    static FrameFeatures openBackbone() throws IOException {
        return FrameFeatures.open("vgg-small", Integer.getInteger("imagesize", 64), FrameFeatures.DEFAULT_SPATIAL_SIDE, Device.cpu());
    }

    /** The first direction word of a caption, or "" when it names none. */
    static String direction(List<String> words) {
        for (String w : words) if (DIRECTIONS.contains(w)) return w;
        return "";
    }
}

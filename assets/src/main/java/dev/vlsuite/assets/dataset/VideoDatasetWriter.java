package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.language.Caption;
import dev.vlsuite.assets.language.MotionCaptions;
import dev.vlsuite.assets.video.Clip;
import dev.vlsuite.assets.video.ClipEncoder;
import dev.vlsuite.assets.video.MovingObject;
import dev.vlsuite.assets.world.SceneObject;
import dev.vlsuite.shared.io.AtomicFiles;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic video dataset in the layouts video captioning users already have:
 * <ul>
 * <li>MSR-VTT: {@code videos/video<N>.mp4} and {@code videodatainfo.json}
 *     ({@code {"info":{..},"videos":[{"id","video_id","category","url","start time","end time","split"}],
 *     "sentences":[{"sen_id","video_id","caption"}]}}, splits train / validate / test, captions lower case);</li>
 * <li>MSVD: {@code YouTubeClips/<VideoID>_<Start>_<End>.avi} and {@code video_corpus.csv}
 *     (VideoID,Start,End,WorkerID,Source,AnnotationTime,Language,Description; one English row per caption);</li>
 * <li>{@code groundtruth.json}: what moved where (each shape's first and last state, motion label) and
 *     the captions, for tests and for motion-word accuracy.</li>
 * </ul>
 * Index files are written last and atomically: a reader that sees them sees every video they name.
 */
public final class VideoDatasetWriter {
    public static final String MSRVTT_JSON = "videodatainfo.json";
    public static final String MSRVTT_FOLDER = "videos";
    public static final String MSVD_CSV = "video_corpus.csv";
    public static final String MSVD_FOLDER = "YouTubeClips";
    public static final String GROUND_TRUTH_JSON = "groundtruth.json";
    public static final String MSVD_HEADER = "VideoID,Start,End,WorkerID,Source,AnnotationTime,Language,Description";

    /** Which dataset layouts to write. */
    public enum Layout {
        MSRVTT, MSVD, BOTH;

        public boolean msrvtt() {
            return this != MSVD;
        }

        public boolean msvd() {
            return this != MSRVTT;
        }

        public static Layout parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT).replace("-", "")) {
                case "msrvtt" -> MSRVTT;
                case "msvd" -> MSVD;
                case "both" -> BOTH;
                default -> throw new IllegalArgumentException("--layout must be msrvtt, msvd or both: " + s);
            };
        }
    }

    /** What was written. */
    public record Written(Path dir, int videos, int captions) {}

    private VideoDatasetWriter() {}

    public static String msrvttFile(Clip c) {
        return MSRVTT_FOLDER + "/" + c.videoId() + ".mp4";
    }

    public static String msvdFile(Clip c) {
        return MSVD_FOLDER + "/" + c.videoId() + "_0_" + c.seconds() + ".avi";
    }

    /** @param afterEachClip called once per clip written (progress bars) */
    public static Written write(Path dir, List<Clip> clips, Splits splits, ClipEncoder.Codec codec, Layout layout,
                                Runnable afterEachClip) throws IOException {
        List<String> split = splits.assign(clips.size());
        int captions = 0;
        ObjectNode msrvtt = Json.MAPPER.createObjectNode();
        ObjectNode info = msrvtt.putObject("info");
        info.put("year", "2026");
        info.put("version", "1.0");
        info.put("description", "vlsuite synthetic videos: shapes that move, grow, shrink or change colour");
        info.put("contributor", "vlsuite assets (bin/synth videos)");
        info.put("data_created", "generated");
        ArrayNode videos = msrvtt.putArray("videos");
        ArrayNode sentences = msrvtt.putArray("sentences");
        StringBuilder csv = new StringBuilder(MSVD_HEADER).append('\n');
        ObjectNode truth = Json.MAPPER.createObjectNode();
        truth.put("dataset", "synthetic-videos");
        truth.put("codec", codec.name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode truthVideos = truth.putArray("videos");
        for (int i = 0; i < clips.size(); i++) {
            Clip c = clips.get(i);
            if (layout.msrvtt()) ClipEncoder.write(c, dir.resolve(msrvttFile(c)), codec, "mp4");
            if (layout.msvd()) ClipEncoder.write(c, dir.resolve(msvdFile(c)), codec, "avi");
            List<Caption> caps = MotionCaptions.captions(c);
            captions += caps.size();
            String s = split.get(i);
            ObjectNode v = videos.addObject();
            v.put("id", c.id());
            v.put("video_id", c.videoId());
            v.put("category", 0);
            v.put("url", "");
            v.put("start time", 0.0);
            v.put("end time", c.frames() / c.fps());
            v.put("split", s.equals("val") ? "validate" : s);
            for (int k = 0; k < caps.size(); k++) {
                ObjectNode sn = sentences.addObject();
                sn.put("caption", String.join(" ", caps.get(k).tokens()));
                sn.put("video_id", c.videoId());
                sn.put("sen_id", sentences.size() - 1);
                csv.append(c.videoId()).append(",0,").append(c.seconds()).append(',').append(k + 1)
                        .append(",clean,0,English,").append(csvField(caps.get(k).raw())).append('\n');
            }
            truthVideos.add(truth(c, s, caps, layout));
            afterEachClip.run();
        }
        writeJson(dir.resolve(GROUND_TRUTH_JSON), truth);
        if (layout.msvd()) AtomicFiles.writeString(dir.resolve(MSVD_CSV), csv.toString());
        if (layout.msrvtt()) writeJson(dir.resolve(MSRVTT_JSON), msrvtt);
        return new Written(dir, clips.size(), captions);
    }

    static ObjectNode truth(Clip c, String split, List<Caption> caps, Layout layout) {
        ObjectNode v = Json.MAPPER.createObjectNode();
        v.put("video_id", c.videoId());
        v.put("split", split);
        ObjectNode files = v.putObject("files");
        if (layout.msrvtt()) files.put("msrvtt", msrvttFile(c));
        if (layout.msvd()) files.put("msvd", msvdFile(c));
        v.put("width", c.canvas());
        v.put("height", c.canvas());
        v.put("frames", c.frames());
        v.put("fps", c.fps());
        v.put("seed", c.seed());
        v.put("background_gray", c.background().gray());
        ArrayNode objs = v.putArray("objects");
        for (MovingObject o : c.objects()) {
            ObjectNode n = objs.addObject();
            n.put("kind", o.kind().word());
            n.put("motion", o.motion().label());
            n.set("start", state(o.at(0)));
            n.set("end", state(o.at(1)));
        }
        ArrayNode cs = v.putArray("captions");
        caps.forEach(cap -> cs.add(cap.raw()));
        return v;
    }

    private static ObjectNode state(SceneObject o) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("colour", o.colour().word());
        n.put("size", o.size().word());
        n.put("cx", round(o.cx()));
        n.put("cy", round(o.cy()));
        n.put("radius", round(o.radius()));
        ArrayNode b = n.putArray("bbox");
        b.add(round(o.bbox().x0())).add(round(o.bbox().y0())).add(round(o.bbox().x1())).add(round(o.bbox().y1()));
        return n;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** RFC 4180: quote a field holding a comma, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void writeJson(Path file, JsonNode node) throws IOException {
        AtomicFiles.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }
}

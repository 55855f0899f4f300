package dev.vlsuite.shared.video;

import dev.vlsuite.shared.image.DecodedImage;
import dev.vlsuite.shared.video.BadVideoException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Reads sampled frames from any file the bundled FFmpeg decodes (JavaCV {@link FFmpegFrameGrabber}).
 *
 * <p>Frames are decoded in order and handed to the consumer as they come, so memory stays flat however
 * long the file is: the reader holds one frame (the last decoded, as a copy: the grabber reuses its
 * buffers) and the consumer decides what to keep. Each delivered frame is upright (display-matrix
 * rotation applied), has square pixels (pixel aspect ratio applied by swscale while converting to RGB)
 * and, with {@code maxShortSide}, is already scaled down, which keeps 1080p input cheap.
 *
 * <p>Time-based sampling needs the clip's true duration up front; container headers lie about it
 * (MPEG-PS, streams with longer audio), so {@link Sampling.Evenly} first walks the video packets
 * without decoding them. Safe to use from several threads with one reader per thread.
 */
public final class FrameReader {
    private final int maxShortSide;
    /** Seek when the next sample is this far past the last decoded frame (only in indexed containers: MP4, Matroska/WebM). */
    private final long seekGapMicros;

    /** Frames at full size. */
    public FrameReader() {
        this(0);
    }

    /** @param maxShortSide frames whose shorter side exceeds this are scaled down while decoding (0: never) */
    public FrameReader(int maxShortSide) {
        this(maxShortSide, DEFAULT_SEEK_GAP_MICROS);
    }

    /** 3 s: longer than the key-frame interval of phone and web video, so a seek decodes less than reading on. */
    static final long DEFAULT_SEEK_GAP_MICROS = 3_000_000;

    /** @param seekGapMicros Long.MAX_VALUE never seeks (tests compare both ways) */
    FrameReader(int maxShortSide, long seekGapMicros) {
        if (maxShortSide < 0) throw new IllegalArgumentException("maxShortSide must be >= 0: " + maxShortSide);
        this.maxShortSide = maxShortSide;
        this.seekGapMicros = seekGapMicros;
    }

    /** Containers with a seek index FFmpeg trusts; MPEG-PS/TS, AVI and GIF are read straight through. */
    private static boolean indexed(String container) {
        return container != null && (container.contains("mp4") || container.contains("matroska"));
    }

    /**
     * Decodes {@code file} and calls {@code consumer} once per sampled frame, in time order.
     *
     * @throws BadVideoException when the file is no usable video (one line: file and reason), or when not a
     *                           single frame decoded; a file that breaks later is reported in the summary instead
     * @throws IOException       when the file cannot be read at all
     */
    public ReadSummary read(Path file, Sampling sampling, Consumer<VideoFrame> consumer) throws IOException {
        FfmpegLog.ensureApplied();
        checkFile(file);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
            open(grabber, file);
            Stream video = Stream.find(grabber.getFormatContext());
            if (video == null || !grabber.hasVideo()) throw noVideo(file, grabber);
            VideoInfo info = describe(grabber, file, video);
            grabber.setImageWidth(info.rotation() % 180 == 0 ? info.width() : info.height()); // swscale: square pixels, downscaled
            grabber.setImageHeight(info.rotation() % 180 == 0 ? info.height() : info.width());
            long frameMicros = info.frameRate() > 0 ? Math.round(1e6 / info.frameRate()) : 40_000;
            Span scanned = sampling instanceof Sampling.Evenly ? Span.scan(file, video.index, frameMicros) : null;
            if (scanned != null && scanned.packets == 0) throw new BadVideoException(file, Problem.TRUNCATED, "no video data (the file is truncated or damaged)");
            FrameSelector selector = new FrameSelector(sampling, scanned == null ? 0 : scanned.length(), frameMicros);
            return decode(grabber, info, selector, scanned, video, frameMicros, consumer);
        }
    }

    private ReadSummary decode(FFmpegFrameGrabber grabber, VideoInfo info, FrameSelector selector, Span scanned,
                               Stream video, long frameMicros, Consumer<VideoFrame> consumer) throws BadVideoException {
        Path file = info.file();
        Held held = new Held();
        long origin = scanned != null ? scanned.start : Long.MIN_VALUE;
        int decoded = 0;
        long lastPts = 0, lastGap = frameMicros;
        String failure = null;
        long declared = video.declaredMicros(grabber.getFormatContext());
        boolean seekable = !selector.byCount() && indexed(info.container()) && declared > 0;
        int index = -1;
        boolean catchingUp = false;
        while (!selector.done()) {
            boolean seeked = false;
            // never past the declared end: a seek there finds nothing and would read as a truncated file
            if (seekable && decoded > 0 && selector.nextTarget() - lastPts > seekGapMicros && selector.nextTarget() < declared) {
                // far to the next sample: jump (JavaCV decodes from the key frame before it and stops at the frame on
                // screen at that time) instead of decoding everything in between; long files then cost per sample
                try {
                    grabber.setVideoTimestamp(origin + selector.nextTarget());
                    seeked = true;
                } catch (Exception e) {
                    seekable = false; // read on instead
                }
            }
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (Exception e) {
                failure = e.getMessage();
                break;
            }
            if (frame == null || frame.image == null) break;
            long raw = grabber.getTimestamp();
            if (origin == Long.MIN_VALUE) origin = raw;
            long pts = raw - origin;
            if ((seeked || catchingUp) && pts <= lastPts) {
                // the seek landed before where we were: stop seeking and skip what was already seen
                seekable = false;
                catchingUp = true;
                continue;
            }
            catchingUp = false;
            if (seeked) index = (int) Math.round((double) pts / frameMicros); // frames in between were never decoded
            else index++;
            if (decoded > 0 && !seeked) {
                // a frame without a timestamp (MPEG-PS flushes its last one as 0): one typical gap after the previous
                if (pts <= lastPts) pts = lastPts + lastGap;
                else lastGap = pts - lastPts;
            }
            if (selector.byCount()) {
                if (selector.takesFrame(decoded)) {
                    held.copy(frame, index, pts);
                    held.emit(selector.served(), info.rotation(), file, consumer);
                    selector.takeCount();
                }
            } else {
                // after a seek the held frame is seconds old: the targets before this frame go to this one instead
                if (decoded > 0 && !seeked) emit(held, selector.takeBefore(pts), selector, info, consumer);
                if (selector.done()) {
                    decoded++;
                    break;
                }
                held.copy(frame, index, pts);
            }
            lastPts = pts;
            decoded++;
        }
        if (decoded == 0) {
            String why = failure == null ? "no frame could be decoded (truncated or damaged file)" : "no frame could be decoded (" + oneLine(failure) + ")";
            throw new BadVideoException(file, failure == null ? Problem.TRUNCATED : Problem.UNDECODABLE, why);
        }
        long decodedEnd = lastPts + lastGap;
        // the last frame lasts to the end of the scanned packets (its own duration), not just one typical gap
        long end = scanned != null && failure == null ? Math.max(decodedEnd, scanned.end - origin) : decodedEnd;
        if (!selector.byCount() && !selector.done()) emit(held, selector.takeBefore(end + 1), selector, info, consumer);
        long covered = scanned != null ? scanned.length() : decodedEnd;
        boolean shortOfDeclared = declared > 0 && covered < declared - Math.max(3 * frameMicros, declared / 20);
        boolean unserved = scanned != null && !selector.done();
        boolean truncated = failure != null || shortOfDeclared || unserved;
        String note = truncated ? String.format(Locale.ROOT, "truncated: %d frames decoded, %.2f s of %s", decoded,
                Math.min(covered, decodedEnd) / 1e6, declared > 0 ? String.format(Locale.ROOT, "%.2f s", declared / 1e6) : "an unknown length") : null;
        return new ReadSummary(info, decoded, selector.served(), truncated, note);
    }

    private static void emit(Held held, int times, FrameSelector selector, VideoInfo info, Consumer<VideoFrame> consumer) {
        int first = selector.served() - times;
        for (int s = 0; s < times; s++) held.emit(first + s, info.rotation(), info.file(), consumer);
    }

    private static void checkFile(Path file) throws IOException {
        if (!Files.exists(file)) throw new BadVideoException(file, Problem.NO_SUCH_FILE, "no such file");
        if (Files.isDirectory(file)) throw new BadVideoException(file, Problem.NOT_A_VIDEO, "is a folder, not a video file");
        if (Files.size(file) == 0) throw new BadVideoException(file, Problem.EMPTY_FILE, "empty file");
    }

    private static void open(FFmpegFrameGrabber grabber, Path file) throws IOException {
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            if (IsoBoxes.layout(file) == IsoBoxes.Layout.WITHOUT_INDEX) throw missingIndex(file);
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Did not find a video or audio stream"))
                throw new BadVideoException(file, Problem.NOT_A_VIDEO, "not a video (no video or audio stream)");
            if (msg.contains("avcodec_find_decoder") || msg.contains("avcodec_open2"))
                throw new BadVideoException(file, Problem.UNDECODABLE, "no decoder for this video codec in the bundled FFmpeg");
            throw new BadVideoException(file, Problem.NOT_A_VIDEO, "not a video (FFmpeg does not recognise the format)");
        }
    }

    private static BadVideoException missingIndex(Path file) {
        return new BadVideoException(file, Problem.MISSING_INDEX,
                "MP4 index (moov atom) missing: the recording was never finalised (untrunc can rebuild it from a good file of the same camera)");
    }

    private static BadVideoException noVideo(Path file, FFmpegFrameGrabber grabber) throws IOException {
        if (IsoBoxes.layout(file) == IsoBoxes.Layout.WITHOUT_INDEX) return missingIndex(file);
        AVFormatContext oc = grabber.getFormatContext();
        for (int i = 0; i < oc.nb_streams(); i++) {
            if (oc.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO)
                return new BadVideoException(file, Problem.AUDIO_ONLY, "audio-only file (no video stream)");
        }
        return new BadVideoException(file, Problem.NOT_A_VIDEO, "not a video (no video stream)");
    }

    private VideoInfo describe(FFmpegFrameGrabber grabber, Path file, Stream video) {
        int w = grabber.getImageWidth();
        int h = grabber.getImageHeight();
        double sar = grabber.getAspectRatio();
        if (!(sar > 0) || Double.isInfinite(sar)) sar = 1;
        // square pixels: stretch the width as players do (ffmpeg's scale=iw*sar:ih)
        double dw = w * sar, dh = h;
        if (maxShortSide > 0 && Math.min(dw, dh) > maxShortSide) {
            double f = maxShortSide / Math.min(dw, dh);
            dw *= f;
            dh *= f;
        }
        int outW = Math.max(1, (int) Math.round(dw));
        int outH = Math.max(1, (int) Math.round(dh));
        int rotation = Orientation.clockwise(grabber.getDisplayRotation(), grabber.getVideoMetadata("rotate"));
        int width = rotation % 180 == 0 ? outW : outH;
        int height = rotation % 180 == 0 ? outH : outW;
        AVFormatContext oc = grabber.getFormatContext();
        long duration = oc.duration() > 0 ? oc.duration() : -1;
        boolean audio = false;
        for (int i = 0; i < oc.nb_streams(); i++) audio |= oc.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO;
        double fps = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
        return new VideoInfo(file, grabber.getFormat(), grabber.getVideoCodecName(), w, h, width, height, rotation, sar, fps, duration, audio);
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s*\\(For more details.*", "").replaceAll("[\\r\\n]+", " ").trim();
        return t.length() > 160 ? t.substring(0, 160) + "..." : t;
    }

    /** The first video stream that is a real video (not an MP3's cover picture), as JavaCV picks it. */
    private record Stream(int index, AVStream stream) {
        static Stream find(AVFormatContext oc) {
            for (int i = 0; i < oc.nb_streams(); i++) {
                AVStream s = oc.streams(i);
                if (s.codecpar().codec_type() != avutil.AVMEDIA_TYPE_VIDEO) continue;
                if ((s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0) return null; // JavaCV would take the picture
                return new Stream(i, s);
            }
            return null;
        }

        /** The duration the file declares for its video: the stream's own, or a header duration (not an estimate). */
        long declaredMicros(AVFormatContext oc) {
            long d = stream.duration();
            if (d > 0 && d != avutil.AV_NOPTS_VALUE) return micros(d, stream.time_base());
            if (oc.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_STREAM && oc.duration() > 0) return oc.duration();
            return -1;
        }
    }

    static long micros(long ts, AVRational tb) {
        return Math.round(ts * 1e6 * tb.num() / tb.den());
    }

    /** The time range the video packets cover, found by demuxing without decoding (cheap). */
    private record Span(long start, long end, int packets) {
        long length() {
            return Math.max(1, end - start);
        }

        static Span scan(Path file, int streamIndex, long frameMicros) throws IOException {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
                g.start(); // stream info too: MPEG-PS announces its streams only in the packets
                AVRational tb = g.getFormatContext().streams(streamIndex).time_base();
                long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
                int packets = 0, withoutPts = 0;
                long dtsLo = Long.MAX_VALUE, dtsHi = Long.MIN_VALUE;
                while (true) {
                    AVPacket p;
                    try {
                        p = g.grabPacket();
                    } catch (FFmpegFrameGrabber.Exception e) {
                        break; // damaged tail: the span ends here
                    }
                    if (p == null) break;
                    if (p.stream_index() != streamIndex) continue;
                    if ((p.flags() & avcodec.AV_PKT_FLAG_DISCARD) != 0) continue; // edit-list pre-roll: decoded, never shown
                    packets++;
                    // B-frames in MPEG-PS carry only a dts, which is not display time: they bound the span only when no
                    // packet has a pts (AVI stores none; there dts is display order)
                    boolean hasPts = p.pts() != avutil.AV_NOPTS_VALUE;
                    if (!hasPts) withoutPts++;
                    long ts = hasPts ? p.pts() : p.dts();
                    if (ts == avutil.AV_NOPTS_VALUE) continue;
                    if (!hasPts) {
                        dtsLo = Math.min(dtsLo, micros(ts, tb));
                        dtsHi = Math.max(dtsHi, micros(ts, tb) + frameMicros);
                        continue;
                    }
                    long t = micros(ts, tb);
                    long pd = micros(p.duration(), tb);
                    long d = pd > frameMicros / 4 ? pd : frameMicros; // Matroska from libaom says 1 ms: not a real duration
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t + d);
                }
                if (lo == Long.MAX_VALUE) { // no pts at all
                    lo = dtsLo;
                    hi = dtsHi;
                }
                if (packets == 0 || lo == Long.MAX_VALUE) return new Span(0, 0, 0);
                // the last frame shown may be one of those without a pts: a constant-rate estimate bounds the end instead
                if (withoutPts > 0) hi = Math.max(hi, lo + packets * frameMicros);
                return new Span(lo, hi, packets);
            } catch (FFmpegFrameGrabber.Exception e) {
                return new Span(0, 0, 0);
            }
        }
    }

    /** The last decoded frame, copied out of the grabber's reused buffer into an array we own. */
    private static final class Held {
        byte[] rgb = new byte[0];
        int width, height, frameIndex;
        long pts;

        void copy(Frame f, int index, long timestamp) {
            width = f.imageWidth;
            height = f.imageHeight;
            int row = width * 3;
            if (rgb.length != row * height) rgb = new byte[row * height];
            ByteBuffer src = ((ByteBuffer) f.image[0]).duplicate();
            int stride = f.imageStride; // bytes per row, may exceed width*3 (alignment)
            for (int y = 0; y < height; y++) {
                src.position(y * stride);
                src.get(rgb, y * row, row);
            }
            frameIndex = index;
            pts = timestamp;
        }

        void emit(int sample, int rotation, Path file, Consumer<VideoFrame> consumer) {
            byte[] out = Orientation.rotate(rgb, width, height, rotation);
            boolean sideways = rotation % 180 != 0;
            DecodedImage image = new DecodedImage(out, sideways ? height : width, sideways ? width : height, file);
            consumer.accept(new VideoFrame(sample, frameIndex, pts, image));
        }
    }
}

package dev.vlsuite.shared.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Phone videos are stored sideways with a display matrix (or, in older files, a "rotate" tag) that
 * tells players how to turn them. Frames are turned here so a portrait clip comes out portrait.
 */
final class Orientation {
    private Orientation() {}

    /**
     * Clockwise degrees (0, 90, 180 or 270) to turn stored frames upright.
     *
     * @param displayMatrixDegrees FFmpeg's av_display_rotation_get: counter-clockwise, NaN or 0 when absent
     * @param rotateTag            the legacy "rotate" metadata (clockwise degrees), or null
     */
    static int clockwise(double displayMatrixDegrees, String rotateTag) {
        double cw;
        if (!Double.isNaN(displayMatrixDegrees) && displayMatrixDegrees != 0) {
            cw = -displayMatrixDegrees;
        } else if (rotateTag != null && !rotateTag.isBlank()) {
            try {
                cw = Double.parseDouble(rotateTag.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        } else {
            return 0;
        }
        long quarter = Math.round(cw / 90.0); // players snap to quarter turns too
        return (int) (((quarter % 4) + 4) % 4) * 90;
    }

    /** A new array holding the w x h RGB image turned clockwise by {@code degrees}. */
    static byte[] rotate(byte[] rgb, int w, int h, int degrees) {
        if (degrees == 0) return rgb.clone();
        int code = switch (degrees) {
            case 90 -> opencv_core.ROTATE_90_CLOCKWISE;
            case 180 -> opencv_core.ROTATE_180;
            case 270 -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
            default -> throw new IllegalArgumentException("rotation must be a quarter turn: " + degrees);
        };
        byte[] out = new byte[rgb.length];
        try (BytePointer data = new BytePointer(rgb);
             Mat src = new Mat(h, w, CV_8UC3, data);
             Mat dst = new Mat()) {
            opencv_core.rotate(src, dst, code);
            dst.data().get(out);
        }
        return out;
    }
}

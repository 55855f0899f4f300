package dev.vlsuite.shared.vision;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a backbone from a one-word spec, as tools accept it in --backbone:
 * <ul>
 *   <li>{@code vgg-small} / {@code vgg16}: native DJL network with fixed random weights (seed {@link #RANDOM_WEIGHTS_SEED});
 *       what tests and the synthetic-world defaults use</li>
 *   <li>{@code vgg16:FILE.params} (or {@code vgg-small:FILE.params}): weights saved by {@link NativeVgg#saveParameters}</li>
 *   <li>{@code vgg16:FILE.pt}: weights copied from a TorchScript torchvision VGG-16 into the native (fine-tunable) network</li>
 *   <li>{@code torchscript:FILE.pt}: run a TorchScript module that outputs a conv map (and optionally fc7)</li>
 *   <li>{@code djl://...}: a DJL model-zoo URL (needs network access)</li>
 * </ul>
 */
public final class Backbones {
    /** Seed of the built-in random weights; fixed so that models trained on them stay valid. */
    public static final long RANDOM_WEIGHTS_SEED = 20150210L;

    private Backbones() {}

    /**
     * The native VGG architecture a spec names ({@code vgg-small}, {@code vgg16}, with or without {@code :FILE}),
     * without reading any weights; what a fine-tuned backbone is rebuilt from.
     *
     * @param inputSize square input side; 0 = the network's own
     * @throws IllegalArgumentException for a spec that is no native VGG (torchscript:, djl://, unknown names)
     */
    public static VggSpec vggSpec(String spec, int inputSize) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        VggSpec vgg = switch (name) {
            case "vgg16" -> VggSpec.vgg16();
            case "vgg-small" -> VggSpec.small();
            default -> throw new IllegalArgumentException("unknown backbone '" + spec
                    + "'; use vgg-small, vgg16, vgg16:FILE.params, vgg16:FILE.pt, torchscript:FILE.pt or djl://URL");
        };
        return inputSize > 0 ? vgg.withInputSize(inputSize) : vgg;
    }

    public static FeatureExtractor open(String spec, Device device) throws IOException {
        return open(spec, device, 0);
    }

    /** @param inputSize square input side; 0 = the backbone's own (224 for VGG-16 and TorchScript, 128 for vgg-small) */
    public static FeatureExtractor open(String spec, Device device, int inputSize) throws IOException {
        String s = spec.trim();
        if (s.startsWith("djl://")) return TorchScriptExtractor.openUrl(s, device, inputSize > 0 ? inputSize : 224);
        if (s.startsWith("torchscript:")) {
            return TorchScriptExtractor.open(Path.of(s.substring("torchscript:".length())), device, inputSize > 0 ? inputSize : 224);
        }
        int colon = s.indexOf(':');
        VggSpec vgg = vggSpec(s, inputSize);
        if (colon < 0) return NativeVgg.random(vgg, device, RANDOM_WEIGHTS_SEED);
        Path file = Path.of(s.substring(colon + 1));
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".params")) return NativeVgg.fromParams(vgg, file, device);
        if (lower.endsWith(".pt") || lower.endsWith(".pth") || lower.endsWith(".torchscript")) {
            return NativeVgg.fromTorchScript(vgg, file, device);
        }
        throw new IllegalArgumentException("backbone weights '" + file + "': expected a .params (DJL) or .pt (TorchScript) file");
    }
}

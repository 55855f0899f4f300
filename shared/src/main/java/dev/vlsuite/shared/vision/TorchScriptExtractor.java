package dev.vlsuite.shared.vision;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A backbone from a TorchScript file (or a DJL model-zoo URL) whose forward maps (N,3,S,S) to a conv
 * map (N,C,H,W), optionally followed by an fc7 vector (N,F) as a second output. For torchvision's
 * VGG-16 the conv5_3 map is {@code vgg16.features[:30]}. The output layout is probed once at open.
 */
public final class TorchScriptExtractor implements FeatureExtractor {
    private final ZooModel<NDList, NDList> model;
    private final String id;
    private final int inputSize;
    private final int gridSide;
    private final int channels;
    private final int fc7Size;

    private TorchScriptExtractor(ZooModel<NDList, NDList> model, String source, String fingerprint, int inputSize) throws IOException {
        this.model = model;
        this.inputSize = inputSize;
        try (NDManager probe = model.getNDManager().newSubManager()) {
            NDList out = forward(probe.zeros(new Shape(1, 3, inputSize, inputSize)));
            Shape map = out.head().getShape();
            if (map.dimension() != 4 || map.get(2) != map.get(3)) {
                throw new IOException(source + ": output " + map + " is not a square conv map (N,C,H,W) at input "
                        + inputSize + " (for torchvision VGG-16 export vgg16.features[:30])");
            }
            channels = (int) map.get(1);
            gridSide = (int) map.get(2);
            fc7Size = out.size() > 1 && out.get(1).getShape().dimension() == 2 ? (int) out.get(1).getShape().get(1) : 0;
        }
        this.id = "torchscript/" + fingerprint + "@" + inputSize;
    }

    static ZooModel<NDList, NDList> loadModel(Path file, Device device) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "TorchScript file not found");
        try {
            return criteria(device).optModelPath(file).build().loadModel();
        } catch (Exception e) {
            throw new IOException(file + ": cannot load as TorchScript (" + e.getMessage() + ")", e);
        }
    }

    private static Criteria.Builder<NDList, NDList> criteria(Device device) {
        return Criteria.builder().setTypes(NDList.class, NDList.class)
                .optEngine("PyTorch")
                .optTranslator(new NoopTranslator())
                .optOption("mapLocation", "true")             // GPU-saved files load on CPU too
                .optDevice(device);
    }

    /** Opens a TorchScript file; {@code inputSize} is the side images are resized to (224 for VGG-16). */
    public static TorchScriptExtractor open(Path file, Device device, int inputSize) throws IOException {
        ZooModel<NDList, NDList> model = loadModel(file, device);
        try {
            return new TorchScriptExtractor(model, file.toString(), Fingerprint.sha256(file), inputSize);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Opens a model-zoo URL such as djl://ai.djl.pytorch/...; needs network access the first time. */
    public static TorchScriptExtractor openUrl(String url, Device device, int inputSize) throws IOException {
        ZooModel<NDList, NDList> model;
        try {
            model = criteria(device).optModelUrls(url).build().loadModel();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new IOException("cannot load backbone " + url + ": " + root.getClass().getSimpleName() + " " + root.getMessage()
                    + " (model zoos need network access; offline, pass torchscript:FILE.pt or vgg16:FILE.params)");
        }
        try {
            return new TorchScriptExtractor(model, url, "url:" + url, inputSize);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private NDList forward(NDArray x) {
        Block block = model.getBlock();
        return block.forward(new ParameterStore(x.getManager(), false), new NDList(x), false);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int gridSide() {
        return gridSide;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int fc7Size() {
        return fc7Size;
    }

    @Override
    public Features extract(NDArray batch) {
        Shape expected = new Shape(batch.getShape().get(0), 3, inputSize, inputSize);
        if (!batch.getShape().equals(expected)) {
            throw new IllegalArgumentException("backbone expects (N,3," + inputSize + "," + inputSize + "), got " + batch.getShape());
        }
        NDManager owner = batch.getManager();
        Device device = model.getNDManager().getDevice();
        try (NDManager scratch = owner.newSubManager(device)) {
            NDArray x = batch.toDevice(device, false);                      // (N,3,S,S)
            if (x == batch) x.tempAttach(scratch); else x.attach(scratch);
            NDList out = forward(x);
            for (NDArray a : out) a.attach(scratch);                         // TorchScript outputs may land elsewhere
            NDArray fc7 = fc7Size > 0 ? out.get(1) : null;                   // (N, F)
            return Features.fromConvMap(out.get(0), fc7).attach(owner);    // (N, L, D), (N, D)
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

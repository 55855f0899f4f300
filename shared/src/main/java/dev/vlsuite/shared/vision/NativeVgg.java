package dev.vlsuite.shared.vision;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import dev.vlsuite.shared.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A VGG-style backbone run natively as DJL blocks ({@link VggBlock}); frozen for feature extraction.
 * Weights: random but fixed by a seed (He-uniform conv/linear weights, zero biases: ReLU stacks that
 * keep colour and shape information), a DJL .params file, or copied from a TorchScript VGG.
 */
public final class NativeVgg implements FeatureExtractor {
    /** Bump when the random initialisation changes, so cached features of old random weights are not reused. */
    private static final int RANDOM_INIT_VERSION = 1;

    private final VggSpec spec;
    private final NDManager manager;
    private final VggBlock block;
    private final String id;

    private NativeVgg(VggSpec spec, Device device, NDManager manager, VggBlock block, String weights) {
        this.spec = spec;
        this.manager = manager;
        this.block = block;
        this.id = spec.describe() + "/" + weights;
    }

    private static VggBlock newBlock(VggSpec spec, NDManager manager) {
        VggBlock block = new VggBlock(spec);
        // constant init is cheap; real values are written right after (random, file or TorchScript)
        block.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, spec.inputSize(), spec.inputSize()));
        return block;
    }

    /** Random weights, identical for the same spec and seed on every machine (drawn in Java, not by the engine). */
    public static NativeVgg random(VggSpec spec, Device device, long seed) {
        NDManager manager = NDManager.newBaseManager(device);
        VggBlock block = newBlock(spec, manager);
        SplittableRandom rng = new SplittableRandom(seed);
        for (Parameter p : block.getParameters().values()) {
            NDArray arr = p.getArray();
            Shape shape = arr.getShape();
            float[] values = new float[Math.toIntExact(shape.size())];
            if (p.getType() == Parameter.Type.WEIGHT) {
                double bound = Math.sqrt(6.0 / (shape.size() / shape.get(0)));   // He uniform, fan-in
                SplittableRandom r = rng.split();
                for (int i = 0; i < values.length; i++) values[i] = (float) ((2 * r.nextDouble() - 1) * bound);
            }
            copyInto(arr, values);
        }
        block.freezeParameters(true);
        return new NativeVgg(spec, device, manager, block, "random-s" + seed + "-v" + RANDOM_INIT_VERSION);
    }

    /** Weights saved by {@link #saveParameters} (DJL's block parameter format). */
    public static NativeVgg fromParams(VggSpec spec, Path file, Device device) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "backbone weights file not found");
        NDManager manager = NDManager.newBaseManager(device);
        try {
            VggBlock block = newBlock(spec, manager);
            List<Shape> expected = shapes(block);
            try (InputStream in = Files.newInputStream(file);
                 DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
                block.loadParameters(manager, data);
            } catch (MalformedModelException | RuntimeException e) {
                throw new IOException(file + ": not " + spec.name() + " weights (" + e.getMessage() + ")");
            }
            List<Shape> loaded = shapes(block);
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(loaded.get(i))) {
                    throw new IOException(file + ": weights do not fit " + spec.name() + " (parameter " + i + " is "
                            + loaded.get(i) + ", the network needs " + expected.get(i) + ")");
                }
            }
            block.freezeParameters(true);
            return new NativeVgg(spec, device, manager, block, Fingerprint.sha256(file));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Copies the weights of a TorchScript VGG (e.g. a traced torchvision vgg16) into the native block,
     * parameter by parameter in order; extra trailing parameters (fc8) are ignored. The result can be
     * fine-tuned, unlike the TorchScript module itself.
     */
    public static NativeVgg fromTorchScript(VggSpec spec, Path file, Device device) throws IOException {
        NDManager manager = NDManager.newBaseManager(device);
        try (var model = TorchScriptExtractor.loadModel(file, device)) {
            VggBlock block = newBlock(spec, manager);
            List<Parameter> dst = new ArrayList<>(block.getParameters().values());
            List<Parameter> src = new ArrayList<>(model.getBlock().getParameters().values());
            if (src.size() < dst.size()) {
                throw new IOException(file + ": has " + src.size() + " parameters, " + spec.name() + " needs " + dst.size()
                        + " (export the whole network, not only its features)");
            }
            for (int i = 0; i < dst.size(); i++) {
                NDArray from = src.get(i).getArray();
                NDArray to = dst.get(i).getArray();
                if (!from.getShape().equals(to.getShape())) {
                    throw new IOException(file + ": weights do not fit " + spec.name() + " (parameter " + i + " '"
                            + src.get(i).getName() + "' is " + from.getShape() + ", the network needs " + to.getShape() + ")");
                }
                copyInto(to, from.toType(DataType.FLOAT32, false).toFloatArray());
            }
            block.freezeParameters(true);
            return new NativeVgg(spec, device, manager, block, Fingerprint.sha256(file));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Weights as {@link VggBlock#saveParameters} bytes (e.g. a fine-tuned backbone carried inside a model bundle);
     * the id fingerprints the bytes, so features of different weights never share a cache entry.
     */
    public static NativeVgg fromParameterBytes(VggSpec spec, byte[] parameters, Device device) throws IOException {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            VggBlock block = newBlock(spec, manager);
            List<Shape> expected = shapes(block);
            try (DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(parameters))) {
                block.loadParameters(manager, data);
            } catch (MalformedModelException | RuntimeException e) {
                throw new IOException("not " + spec.name() + " weights (" + e.getMessage() + ")");
            }
            if (!expected.equals(shapes(block))) throw new IOException("weights do not fit " + spec.name());
            block.freezeParameters(true);
            return new NativeVgg(spec, device, manager, block, Fingerprint.sha256(parameters));
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static List<Shape> shapes(VggBlock block) {
        List<Shape> out = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) out.add(p.getArray().getShape());
        return out;
    }

    /** Writes the weights atomically in DJL's block format; {@link #fromParams} reads them back. */
    public void saveParameters(Path file) throws IOException {
        AtomicFiles.write(file, out -> block.saveParameters(new DataOutputStream(out)));
    }

    public VggSpec spec() {
        return spec;
    }

    /** The underlying block, e.g. to fine-tune it (call {@code block().freezeParameters(false)} first). */
    public VggBlock block() {
        return block;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int inputSize() {
        return spec.inputSize();
    }

    @Override
    public int gridSide() {
        return spec.gridSide();
    }

    @Override
    public int channels() {
        return spec.channels();
    }

    @Override
    public int fc7Size() {
        return spec.fcUnits();
    }

    @Override
    public Features extract(NDArray batch) {
        Shape expected = new Shape(batch.getShape().get(0), 3, spec.inputSize(), spec.inputSize());
        if (!batch.getShape().equals(expected)) {
            throw new IllegalArgumentException(spec.name() + " expects (N,3," + spec.inputSize() + "," + spec.inputSize()
                    + "), got " + batch.getShape());
        }
        NDManager owner = batch.getManager();
        try (NDManager scratch = owner.newSubManager(manager.getDevice())) {
            NDArray x = batch.toDevice(manager.getDevice(), false);         // (N,3,S,S); a copy only when devices differ
            if (x == batch) x.tempAttach(scratch); else x.attach(scratch);  // intermediates follow x, not the caller's manager
            NDList out = block.forward(new ParameterStore(scratch, false), new NDList(x), false);
            NDArray fc7 = out.size() > 1 ? out.get(1) : null;               // (N, F)
            return Features.fromConvMap(out.get(0), fc7).attach(owner);    // (N, L, D), (N, D)
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /**
     * Overwrites a parameter's values in place. An indexed put, not {@code NDArray.set(Buffer)}: the
     * latter makes libtorch print an "AutoNonVariableTypeMode is deprecated" warning on the console.
     */
    private static void copyInto(NDArray parameter, float[] values) {
        try (NDArray src = parameter.getManager().create(values, parameter.getShape())) {
            parameter.set(new ai.djl.ndarray.index.NDIndex("..."), src);
        }
    }
}

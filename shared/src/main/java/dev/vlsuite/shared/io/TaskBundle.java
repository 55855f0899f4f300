package dev.vlsuite.shared.io;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trained model of one task, read from its bundle by the one loader every task uses: the task's config
 * record, its vocabularies and the initialised block with the trained parameters, held in this bundle's own
 * NDManager (closed with it).
 * <pre>{@code
 * try (TaskBundle<CaptionConfig, CaptionNet> b = TaskBundle.load(file, "captioning", CaptionConfig.class,
 *         (config, vocabularies, manager) -> CaptionNets.createInitialized(config, manager), device)) {
 *     CaptionNet net = b.block();
 * }
 * }</pre>
 *
 * @param <C> the task's config record
 * @param <B> the task's block
 */
public final class TaskBundle<C, B extends Block> implements AutoCloseable {
    /**
     * Builds the task's block for a config, initialised in {@code manager} (the trained parameters are loaded
     * into it afterwards). Throws IllegalArgumentException when the vocabularies do not fit the config.
     */
    @FunctionalInterface
    public interface BlockFactory<C, B extends Block> {
        B create(C config, Vocabularies vocabularies, NDManager manager);
    }

    /**
     * The bundle's vocabulary entry: one vocabulary ({@link Vocabulary#toJson()}, or a bare array of words with
     * the specials first) or several as named fields (e.g. "questions" and "answers").
     */
    public record Vocabularies(JsonNode json) {
        /** The bundle's only vocabulary. */
        public Vocabulary main() {
            return parse(json);
        }

        /** The vocabulary stored under {@code name}. */
        public Vocabulary named(String name) {
            JsonNode node = json.get(name);
            if (node == null) throw new IllegalArgumentException("no vocabulary named '" + name + "'");
            return parse(node);
        }

        private static Vocabulary parse(JsonNode node) {
            if (node != null && node.isArray()) {
                ObjectNode wrapped = Json.MAPPER.createObjectNode();
                wrapped.set("words", node);
                node = wrapped;
            }
            return Vocabulary.fromJson(node == null ? "{}" : node.toString());
        }
    }

    private final Path source;
    private final C config;
    private final Vocabularies vocabularies;
    private final B block;
    private final BundleContents contents;
    private final NDManager manager;

    private TaskBundle(Path source, C config, Vocabularies vocabularies, B block, BundleContents contents, NDManager manager) {
        this.source = source;
        this.config = config;
        this.vocabularies = vocabularies;
        this.block = block;
        this.contents = contents;
        this.manager = manager;
    }

    /**
     * Reads {@code file}, checks it is a {@code task} model, reads its config as {@code configType}, builds the block
     * with {@code factory} on {@code device} and loads the trained parameters into it.
     *
     * @throws BundleException one line naming the file: missing, corrupt, another task's model, a config or
     *     vocabulary that does not fit, or parameters that do not fit the config
     */
    public static <C, B extends Block> TaskBundle<C, B> load(Path file, String task, Class<C> configType,
                                                             BlockFactory<C, B> factory, Device device) throws IOException {
        BundleContents contents = ModelBundle.read(file, task);
        C config;
        try {
            config = contents.config(configType);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file, e.getMessage(), e);
        }
        Vocabularies vocabularies = new Vocabularies(contents.vocabulary());
        NDManager manager = NDManager.newBaseManager(device);
        B block;
        try {
            block = factory.create(config, vocabularies, manager);
        } catch (IllegalArgumentException e) {
            manager.close();
            throw new BundleException(file, e.getMessage(), e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        try {
            Map<String, Shape> built = shapes(block);
            contents.loadParameters(block, manager);
            // DJL loads stored arrays of any shape: a bundle of another size would run with wrong shapes
            Map<String, Shape> loaded = shapes(block);
            if (!built.equals(loaded)) throw new MalformedModelException(difference(built, loaded));
        } catch (MalformedModelException | RuntimeException e) {
            manager.close();
            throw new BundleException(file, "parameters do not fit its config (" + e.getMessage() + ")", e);
        }
        return new TaskBundle<>(file, config, vocabularies, block, contents, manager);
    }

    private static Map<String, Shape> shapes(Block block) {
        Map<String, Shape> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) out.put(p.getKey(), p.getValue().getArray().getShape());
        }
        return out;
    }

    private static String difference(Map<String, Shape> built, Map<String, Shape> loaded) {
        for (Map.Entry<String, Shape> e : built.entrySet()) {
            Shape other = loaded.get(e.getKey());
            if (!e.getValue().equals(other)) return "parameter " + e.getKey() + " is " + other + " in the file, " + e.getValue() + " by the config";
        }
        return "parameters " + loaded.keySet() + " in the file, " + built.keySet() + " by the config";
    }

    public Path source() {
        return source;
    }

    public C config() {
        return config;
    }

    public Vocabularies vocabularies() {
        return vocabularies;
    }

    /** The initialised block with the trained parameters. */
    public B block() {
        return block;
    }

    /** Training metadata the bundle carries (data set, steps, validation scores...). */
    public JsonNode metadata() {
        return contents.metadata();
    }

    /** A further binary entry the task stored (e.g. a fine-tuned backbone), copied. */
    public Optional<byte[]> extra(String name) {
        return Optional.ofNullable(contents.extras().get(name)).map(byte[]::clone);
    }

    public Map<String, byte[]> extras() {
        return contents.extras();
    }

    /** Where the block's parameters live. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}

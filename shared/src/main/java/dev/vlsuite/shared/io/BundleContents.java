package dev.vlsuite.shared.io;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one model file holds. The bundle format knows nothing about tasks: the architecture config,
 * the vocabulary and the metadata are JSON that each task reads back its own way.
 *
 * @param task which task the model is for ("captioning", "video", "vqa", "dialog", "navigation", ...)
 * @param config the task's architecture config record as JSON ({@link Json#MAPPER}{@code .valueToTree(record)})
 * @param vocabulary the vocabulary (or several, as named fields) as JSON; an empty object when there is none
 * @param metadata training metadata and metrics (steps, epochs, best metric, data set, ...)
 * @param parameters the block's parameters in DJL's {@code Block.saveParameters} format
 * @param extras further named binary entries (checkpoints keep optimizer state here)
 */
public record BundleContents(String task, JsonNode config, JsonNode vocabulary, JsonNode metadata,
                             byte[] parameters, Map<String, byte[]> extras) {
    public BundleContents {
        if (task == null || task.isBlank()) throw new IllegalArgumentException("task must be named");
        if (parameters == null) throw new IllegalArgumentException("parameters are required");
        config = config == null ? JsonNodeFactory.instance.objectNode() : config;
        vocabulary = vocabulary == null ? JsonNodeFactory.instance.objectNode() : vocabulary;
        metadata = metadata == null ? JsonNodeFactory.instance.objectNode() : metadata;
        extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** A bundle of {@code block}'s current parameters; config is any record (or null), serialized with Jackson. */
    public static BundleContents of(String task, Object config, JsonNode vocabulary, JsonNode metadata, Block block) {
        return new BundleContents(task, config == null ? null : Json.MAPPER.valueToTree(config), vocabulary, metadata,
                parameterBytes(block), Map.of());
    }

    /** The same contents with one more extra entry. */
    public BundleContents withExtra(String name, byte[] bytes) {
        Map<String, byte[]> more = new LinkedHashMap<>(extras);
        more.put(name, bytes);
        return new BundleContents(task, config, vocabulary, metadata, parameters, more);
    }

    /** The same contents with other metadata. */
    public BundleContents withMetadata(JsonNode newMetadata) {
        return new BundleContents(task, config, vocabulary, newMetadata, parameters, extras);
    }

    /** The architecture config as the task's own record type. */
    public <T> T config(Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(config, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("bundle config does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** DJL's parameter bytes of an initialized block. */
    public static byte[] parameterBytes(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads the parameters into {@code block} (built with the same architecture config), creating the arrays in
     * {@code manager}. The block's previous parameter arrays are closed and replaced, so a {@code ParameterStore}
     * made before this call must be made anew.
     *
     * @throws MalformedModelException when the block's structure does not match the stored parameters
     */
    public void loadParameters(Block block, NDManager manager) throws MalformedModelException {
        loadParameters(block, manager, parameters);
    }

    /** {@link #loadParameters(Block, NDManager)} for raw parameter bytes (a checkpoint's best parameters, say). */
    public static void loadParameters(Block block, NDManager manager, byte[] parameterBytes) throws MalformedModelException {
        List<NDArray> previous = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) previous.add(p.getValue().getArray());
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameterBytes))) {
            block.loadParameters(manager, in);
        } catch (IOException e) {
            throw new MalformedModelException("parameters unreadable: " + e.getMessage(), e);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            // DJL's Parameter.load does not restore the gradient flag; training needs it
            if (parameter.requiresGradient()) parameter.getArray().setRequiresGradient(true);
        }
        for (NDArray old : previous) old.close();
    }
}

package dev.vlsuite.shared.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.shared.io.BundleContents;
import dev.vlsuite.shared.io.BundleException;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A training checkpoint: a model bundle (so any tool can read its model) plus the optimizer state as the extra
 * entry {@value #OPTIMIZER}, and the training state and config in its metadata. Written atomically.
 *
 * @param contents the bundle, parameters included
 * @param state where the run stood
 * @param config the run's training config
 * @param optimizerState {@link Adam#saveState()} bytes
 */
public record Checkpoint(BundleContents contents, TrainingState state, TrainConfig config, byte[] optimizerState) {
    public static final String OPTIMIZER = "adam-state";

    public void write(Path file) throws IOException {
        ObjectNode meta = contents.metadata().isObject() ? ((ObjectNode) contents.metadata()).deepCopy()
                : Json.MAPPER.createObjectNode();
        meta.set("trainingState", Json.MAPPER.valueToTree(state));
        meta.set("trainConfig", Json.MAPPER.valueToTree(config));
        ModelBundle.write(file, contents.withMetadata(meta).withExtra(OPTIMIZER, optimizerState));
    }

    /** Reads and verifies a checkpoint of {@code task} (see {@link ModelBundle#read} for the refusals). */
    public static Checkpoint read(Path file, String task) throws IOException {
        BundleContents contents = ModelBundle.read(file, task);
        byte[] optimizer = contents.extras().get(OPTIMIZER);
        if (optimizer == null || !contents.metadata().has("trainingState")) {
            throw new BundleException(file, "is a model bundle, not a training checkpoint");
        }
        TrainingState state = Json.MAPPER.treeToValue(contents.metadata().get("trainingState"), TrainingState.class);
        TrainConfig config = Json.MAPPER.treeToValue(contents.metadata().get("trainConfig"), TrainConfig.class);
        return new Checkpoint(contents, state, config, optimizer);
    }
}

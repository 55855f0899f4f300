package dev.vlsuite.captioning.api;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;
import dev.vlsuite.captioning.model.CaptionNets;

/** The captioning module's decoders (show-tell, soft, hard), built from a config by model.CaptionNets. */
final class BuiltInNets {
    private BuiltInNets() {}

    static CaptionNet create(CaptionConfig config, NDManager manager) {
        return CaptionNets.createInitialized(config, manager);
    }
}

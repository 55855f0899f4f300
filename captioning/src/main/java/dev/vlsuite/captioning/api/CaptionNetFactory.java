package dev.vlsuite.captioning.api;

import ai.djl.ndarray.NDManager;
import dev.vlsuite.captioning.model.CaptionConfig;
import dev.vlsuite.captioning.model.CaptionNet;

/** Builds the decoder network of a config, initialized in {@code manager}, ready for a bundle's parameters. */
@FunctionalInterface
public interface CaptionNetFactory {
    CaptionNet create(CaptionConfig config, NDManager manager);
}

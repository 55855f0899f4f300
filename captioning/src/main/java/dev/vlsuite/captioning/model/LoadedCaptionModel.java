package dev.vlsuite.captioning.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.text.Vocabulary;

/**
 * A trained decoder read from a bundle by {@link CaptionNets#load}.
 *
 * @param net        initialized, with the trained parameters
 * @param vocabulary its word table (ids 0..3 are the specials)
 * @param metadata   the bundle's training metadata (steps, validation metrics...)
 */
public record LoadedCaptionModel(CaptionNet net, Vocabulary vocabulary, JsonNode metadata) {
    public CaptionConfig config() {
        return net.config();
    }
}

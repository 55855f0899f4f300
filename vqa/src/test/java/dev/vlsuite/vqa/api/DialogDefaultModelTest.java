package dev.vlsuite.vqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.assets.Samples;
import dev.vlsuite.assets.world.ShapeColour;
import dev.vlsuite.shared.io.Json;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled dialog model loads offline and holds a conversation about each bundled sample: "what color is the
 * <shape>" then "is it <that colour>", answered from its training answers with the history kept.
 */
class DialogDefaultModelTest {
    @Test
    void builtInModelTalksAboutTheBundledSamples() throws Exception {
        Path samples = Samples.folder();
        JsonNode scenes = Json.MAPPER.readTree(samples.resolve("scenes.json").toFile()).get("scenes");
        List<String> colours = Arrays.stream(ShapeColour.values()).map(ShapeColour::word).toList();
        int rightColour = 0;
        try (VisualDialog dialog = VisualDialog.load(DialogDefaultModel.file(), Device.cpu())) {
            assertTrue(dialog.config().history(), "the default is LF-QIH");
            for (JsonNode scene : scenes) {
                JsonNode object = scene.get("objects").get(0);
                Conversation c = dialog.conversation(samples.resolve("images").resolve(scene.get("filename").asText()), "");
                Conversation.Reply colour = c.ask("what color is the " + object.get("kind").asText());
                Conversation.Reply yes = c.ask("is it " + object.get("colour").asText());
                assertTrue(dialog.answers().contains(colour.answer()) && dialog.answers().contains(yes.answer()));
                assertTrue(colours.stream().anyMatch(w -> colour.answer().contains(w)), "a colour question gets a colour: " + colour.answer());
                if (colour.answer().contains(object.get("colour").asText())) rightColour++;
                assertEquals(3, c.history().size(), "caption and two rounds");
                System.err.println(scene.get("filename").asText() + ": " + colour.answer() + " / " + yes.answer()
                        + " (truth " + object.get("colour").asText() + ")");
            }
        }
        System.err.println("right colours: " + rightColour + " of " + scenes.size());
    }
}

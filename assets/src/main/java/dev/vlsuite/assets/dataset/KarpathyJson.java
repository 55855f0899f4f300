package dev.vlsuite.assets.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vlsuite.assets.language.Caption;
import dev.vlsuite.assets.language.CaptionGrammar;
import dev.vlsuite.assets.world.Scene;
import dev.vlsuite.shared.io.Json;
import java.util.List;

/**
 * dataset.json in the Karpathy split format (the layout of dataset_coco.json / dataset_flickr8k.json):
 * <pre>{"images":[{"filepath":"images","sentids":[..],"filename":"000000.png","imgid":0,"split":"train",
 *   "sentences":[{"tokens":[..],"raw":"A large red circle.","imgid":0,"sentid":0}],"cocoid":0}],
 *  "dataset":"synthetic"}</pre>
 * Sentence ids are global and consecutive, in image order.
 */
public final class KarpathyJson {
    public static final String IMAGE_FOLDER = "images";

    private KarpathyJson() {}

    public static ObjectNode toJson(List<Scene> scenes, List<String> splits) {
        if (splits.size() != scenes.size()) throw new IllegalArgumentException("one split per scene needed");
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode images = root.putArray("images");
        int sentid = 0;
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            List<Caption> caps = CaptionGrammar.captions(s);
            ObjectNode img = images.addObject();
            img.put("filepath", IMAGE_FOLDER);
            ArrayNode sentids = img.putArray("sentids");
            img.put("filename", SceneWriter.filename(s));
            img.put("imgid", s.id());
            img.put("split", splits.get(i));
            ArrayNode sentences = img.putArray("sentences");
            for (Caption c : caps) {
                ObjectNode sn = sentences.addObject();
                ArrayNode tokens = sn.putArray("tokens");
                c.tokens().forEach(tokens::add);
                sn.put("raw", c.raw());
                sn.put("imgid", s.id());
                sn.put("sentid", sentid);
                sentids.add(sentid++);
            }
            img.put("cocoid", s.id());
        }
        root.put("dataset", "synthetic");
        return root;
    }
}

package dev.vlsuite.video.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.shared.nn.decode.TextDecoding;
import dev.vlsuite.shared.text.Vocabulary;
import dev.vlsuite.video.model.VideoNet;
import java.util.List;

/** Features of several videos (same frame count) -> captions, through the shared decode-to-text routine. */
public final class VideoDecoding {
    private VideoDecoding() {}

    /** @param beam 1 greedy, else batched beam search */
    public static List<TextDecoding.Text> decode(VideoNet net, Vocabulary vocabulary, List<VideoFeatures> videos,
                                                 int beam, int maxLength, NDManager manager) {
        int n = videos.get(0).frames(), f = videos.get(0).featureSize();
        float[] data = new float[videos.size() * n * f];
        for (int i = 0; i < videos.size(); i++) {
            VideoFeatures v = videos.get(i);
            if (v.frames() != n || v.featureSize() != f) throw new IllegalArgumentException("videos of one batch need equal frames");
            System.arraycopy(v.data(), 0, data, i * n * f, n * f);
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray frames = scope.create(data, new Shape(videos.size(), n, f));               // (B, N, F)
            ParameterStore ps = new ParameterStore(scope, false);
            return TextDecoding.decode(net.decoder(ps), new NDList(frames), vocabulary, beam, maxLength);
        }
    }
}

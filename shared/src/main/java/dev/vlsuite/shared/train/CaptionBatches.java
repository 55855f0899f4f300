package dev.vlsuite.shared.train;

import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Teacher-forcing batches for every captioning task (images, videos): each (item, reference caption) pair is one
 * sample per epoch, shuffled by the loop's RNG; a batch's captions are &lt;start&gt; w1..wn &lt;end&gt; ids padded with
 * &lt;pad&gt; (0) to the batch's longest, with lengths = words + &lt;end&gt; (the targets). The task turns the rows and
 * its own per-item data (cached features, frame features) into its batch record.
 */
public final class CaptionBatches {
    /** One batch's caption rows: which item each row belongs to, (rows x width) ids, target lengths. */
    public record Rows(int[] items, long[] tokens, long[] lengths, int width) {
        public int size() {
            return items.length;
        }
    }

    private record Sample(int item, int[] ids) {}

    private final List<Sample> samples = new ArrayList<>();
    private final int batchSize;

    /**
     * @param captionsPerItem each item's tokenised reference captions
     * @param maxLength the model's longest token sequence; longer captions are cut (the end token takes one place)
     */
    public CaptionBatches(List<List<List<String>>> captionsPerItem, Vocabulary vocabulary, int maxLength, int batchSize) {
        this.batchSize = batchSize;
        int maxWords = maxLength - 1;
        for (int i = 0; i < captionsPerItem.size(); i++) {
            for (List<String> words : captionsPerItem.get(i)) {
                List<String> kept = words.size() > maxWords ? words.subList(0, maxWords) : words;
                samples.add(new Sample(i, vocabulary.encode(kept, true)));
            }
        }
        if (samples.isEmpty()) throw new IllegalArgumentException("no training captions (is the train split empty?)");
    }

    public long batchesPerEpoch() {
        return (samples.size() + batchSize - 1) / batchSize;
    }

    /** One epoch in a fresh shuffled order, each batch's rows made into the task's batch by {@code toBatch}. */
    public <B> Iterator<B> epoch(Random rng, Function<Rows, B> toBatch) {
        List<Sample> order = new ArrayList<>(samples);
        Collections.shuffle(order, rng);
        return new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < order.size();
            }

            @Override
            public B next() {
                List<Sample> chunk = order.subList(next, Math.min(order.size(), next + batchSize));
                next += chunk.size();
                return toBatch.apply(rows(chunk));
            }
        };
    }

    private static Rows rows(List<Sample> chunk) {
        int width = 0;
        for (Sample s : chunk) width = Math.max(width, s.ids().length);
        int[] items = new int[chunk.size()];
        long[] tokens = new long[chunk.size() * width]; // <pad> = 0
        long[] lengths = new long[chunk.size()];
        for (int b = 0; b < chunk.size(); b++) {
            int[] ids = chunk.get(b).ids();
            for (int t = 0; t < ids.length; t++) tokens[b * width + t] = ids[t];
            lengths[b] = ids.length - 1; // targets: the words and <end>
            items[b] = chunk.get(b).item();
        }
        return new Rows(items, tokens, lengths, width);
    }
}

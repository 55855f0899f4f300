package dev.vlsuite.navigation.training;

import dev.vlsuite.navigation.env.Episode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A navigation agent's training set as (episode, instruction) samples, one per instruction of every episode,
 * shuffled into batches each epoch; each batch carries a seed for its rollout's sampling. Shared by the seq2seq and
 * rcm tasks so both see the same data order for the same seed.
 */
final class InstructionBatches {
    record Sample(Episode episode, int instruction) {}

    record Batch(List<Sample> samples, long seed) {}

    private final List<Sample> samples;
    private final int batchSize;

    InstructionBatches(List<Episode> train, int batchSize) {
        List<Sample> s = new ArrayList<>();
        for (Episode e : train) for (int i = 0; i < e.instructions().size(); i++) s.add(new Sample(e, i));
        this.samples = s;
        this.batchSize = batchSize;
    }

    /** One epoch's batches: the samples shuffled by {@code rng}, then a seed per batch from it. */
    Iterator<Batch> epoch(Random rng) {
        List<Sample> order = new ArrayList<>(samples);
        Collections.shuffle(order, rng);
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            out.add(new Batch(order.subList(from, Math.min(order.size(), from + batchSize)), rng.nextLong()));
        }
        return out.iterator();
    }

    long perEpoch() {
        return (samples.size() + batchSize - 1) / batchSize;
    }
}

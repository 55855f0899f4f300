package dev.vlsuite.navigation.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.ViewFeatures;
import dev.vlsuite.navigation.model.Seq2SeqNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Runs the seq2seq agent on a batch of (start, instruction[, goal]) items through the environment, one decision per
 * step for every unfinished item, with the baseline's feedback: the teacher's action (teacher forcing), an action
 * sampled from the agent's distribution (student forcing, the baseline's training) or the most likely one (greedy
 * evaluation). With goals known, the loss is the mean cross-entropy of the teacher's action at every step taken.
 */
public final class Rollout {
    public enum Feedback { TEACHER, SAMPLE, ARGMAX }

    /** One item: where it starts, the encoded instruction, the goal (null when unknown: no teacher, no loss). */
    public record Item(AgentState start, int[] tokens, String goal) {}

    /** The routes, and the loss (a scalar in the scope; null without goals). */
    public record Result(List<Route> routes, NDArray loss) {}

    private Rollout() {}

    public static Result run(Seq2SeqNet net, ParameterStore ps, NDManager scope, Environment env, List<Item> items,
                             Feedback feedback, boolean training, Random rng) {
        // rows sorted by instruction length (stable): the encoder then reads one run per length; routes come back in order
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, java.util.Comparator.comparingInt(i -> items.get(i).tokens().length));
        List<Item> sorted = new ArrayList<>(items.size());
        for (int i : order) sorted.add(items.get(i));
        Result r = runSorted(net, ps, scope, env, sorted, feedback, training, rng);
        Route[] routes = new Route[items.size()];
        for (int k = 0; k < order.length; k++) routes[order[k]] = r.routes().get(k);
        return new Result(List.of(routes), r.loss());
    }

    private static Result runSorted(Seq2SeqNet net, ParameterStore ps, NDManager scope, Environment env, List<Item> items,
                                    Feedback feedback, boolean training, Random rng) {
        int b = items.size();
        int maxActions = net.config().maxActions();
        ViewFeatures features = env.features();
        int d = net.config().featureSize();
        if (features.dim() != d) throw new IllegalArgumentException("the model reads " + d + "-d view features, the environment has " + features.dim());
        NDArray tokens = scope.create(leftPadded(items), new Shape(b, maxLen(items)));              // (B, L)
        Seq2SeqNet.Encoded enc = net.encode(ps, tokens, training);
        NDList state = new NDList(enc.h0(), enc.c0());
        long[] prev = new long[b];
        Arrays.fill(prev, Seq2SeqNet.START_ACTION);
        boolean[] ended = new boolean[b];
        List<Route.Builder> routes = new ArrayList<>(b);
        for (Item it : items) routes.add(new Route.Builder(it.start()));
        boolean withGoals = items.stream().allMatch(it -> it.goal() != null);
        NDArray lossSum = null;
        int counted = 0;
        for (int t = 0; t < maxActions; t++) {
            float[] feat = new float[b * d];
            float[] mask = new float[b * Action.COUNT];
            long[] teacher = new long[b];
            float[] active = new float[b];
            for (int i = 0; i < b; i++) {
                if (ended[i]) {
                    Arrays.fill(mask, i * Action.COUNT, (i + 1) * Action.COUNT, 1f);
                    continue;
                }
                AgentState s = routes.get(i).current();
                System.arraycopy(features.view(s.scan(), s.viewpoint(), s.viewIndex()), 0, feat, i * d, d);
                boolean[] ok = env.mask(s);
                for (int a = 0; a < Action.COUNT; a++) mask[i * Action.COUNT + a] = ok[a] ? 1f : 0f;
                if (withGoals) teacher[i] = env.teacher(s, items.get(i).goal()).ordinal();
                active[i] = 1f;
            }
            Seq2SeqNet.Decision dec = net.step(ps, enc, scope.create(prev), scope.create(feat, new Shape(b, d)),
                    scope.create(mask, new Shape(b, Action.COUNT)), state, training);
            if (withGoals) {
                NDArray logp = dec.logits().logSoftmax(1);                                           // (B, 6)
                NDArray nll = logp.gather(scope.create(teacher).expandDims(1), 1).squeeze(1).neg()   // (B)
                        .mul(scope.create(active));
                lossSum = lossSum == null ? nll.sum() : lossSum.add(nll.sum());
                for (float f : active) counted += (int) f;
            }
            float[] logits = dec.logits().toFloatArray();
            float[] alpha = dec.alpha().toFloatArray();
            int l = (int) dec.alpha().getShape().get(1);
            boolean anyLeft = false;
            for (int i = 0; i < b; i++) {
                if (ended[i]) continue;
                Action a = switch (feedback) {
                    case TEACHER -> Action.values()[(int) teacher[i]];
                    case ARGMAX -> Action.values()[argMax(logits, i * Action.COUNT)];
                    case SAMPLE -> Action.values()[sample(logits, i * Action.COUNT, rng)];
                };
                AgentState s = routes.get(i).current();
                routes.get(i).add(a, env.step(s, a), Arrays.copyOfRange(alpha, i * l, (i + 1) * l));
                prev[i] = a.ordinal();
                if (a == Action.STOP) ended[i] = true;
                else anyLeft = true;
            }
            state = dec.state();
            if (!anyLeft) break;
        }
        List<Route> out = new ArrayList<>(b);
        for (Route.Builder r : routes) out.add(r.build());
        NDArray loss = lossSum == null ? null : lossSum.div(Math.max(1, counted));
        return new Result(out, loss);
    }

    private static int maxLen(List<Item> items) {
        int l = 1;
        for (Item it : items) l = Math.max(l, it.tokens().length);
        return l;
    }

    /** (B * L) ids, each row's words at its end (pads first). */
    private static long[] leftPadded(List<Item> items) {
        int l = maxLen(items);
        long[] out = new long[items.size() * l];
        for (int i = 0; i < items.size(); i++) {
            int[] t = items.get(i).tokens();
            for (int k = 0; k < t.length; k++) out[i * l + l - t.length + k] = t[k];
        }
        return out;
    }

    private static int argMax(float[] v, int from) {
        int best = 0;
        for (int a = 1; a < Action.COUNT; a++) if (v[from + a] > v[from + best]) best = a;
        return best;
    }

    /** A draw from softmax(logits) over the six actions; masked ones (-1e9) have probability 0. */
    private static int sample(float[] v, int from, Random rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < Action.COUNT; a++) max = Math.max(max, v[from + a]);
        double[] p = new double[Action.COUNT];
        double z = 0;
        for (int a = 0; a < Action.COUNT; a++) z += p[a] = Math.exp(v[from + a] - max);
        double u = rng.nextDouble() * z;
        for (int a = 0; a < Action.COUNT; a++) {
            u -= p[a];
            if (u <= 0) return a;
        }
        return argMax(v, from);
    }

}

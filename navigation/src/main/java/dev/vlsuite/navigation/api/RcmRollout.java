package dev.vlsuite.navigation.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Navigable;
import dev.vlsuite.navigation.env.ViewFeatures;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.RcmNet;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Runs the cross-modal (rcm) agent on a batch of (start, instruction[, goal]) items in the PANORAMIC action space:
 * at each step the candidates are STOP and every navigable neighbour (the view looking at it + its direction);
 * choosing a neighbour moves there facing it (recorded as FORWARD in the route), STOP ends the item. Feedback as the
 * seq2seq rollout: the teacher's choice, a sample (student forcing) or the argmax. With goals, the teacher is the
 * next hop of a shortest path from where the agent IS (STOP at the goal) and the loss is its mean cross-entropy;
 * the log-probability and entropy of every choice made are kept for REINFORCE.
 */
public final class RcmRollout {
    /**
     * @param loss     mean cross-entropy of the teacher's choices (scalar; null without goals)
     * @param logProbs per step t, (B) log-probability of the choice made (0-weighted where {@code acted[t][i]} is false)
     * @param entropy  per step t, (B) entropy of the choice distribution
     * @param acted    [t][i]: item i chose at step t
     */
    public record Result(List<Route> routes, NDArray loss, List<NDArray> logProbs, List<NDArray> entropy, boolean[][] acted) {}

    private RcmRollout() {}

    /** The ids the encoder reads (as {@link Instructions#encode}): words then {@code <end>}; blind: one unknown word. */
    public static int[] encode(Vocabulary vocabulary, String instruction, RcmConfig config) {
        if (config.blind()) return new int[] {Vocabulary.UNK_ID};
        List<String> w = Instructions.words(instruction);
        if (w.size() > config.maxInstructionLength() - 1) w = w.subList(0, config.maxInstructionLength() - 1);
        int[] ids = new int[w.size() + 1];
        for (int i = 0; i < w.size(); i++) ids[i] = vocabulary.id(w.get(i));
        ids[w.size()] = Vocabulary.END_ID;
        return ids;
    }

    public static Result run(RcmNet net, ParameterStore ps, NDManager scope, Environment env, List<Rollout.Item> items,
                             Rollout.Feedback feedback, boolean training, Random rng) {
        return run(net, ps, scope, env, items, feedback, training, rng, null);
    }

    /** The same items made to take the given routes' choices again (their log-probabilities under the net as it is now). */
    public static Result replay(RcmNet net, ParameterStore ps, NDManager scope, Environment env, List<Rollout.Item> items,
                                List<Route> routes, boolean training) {
        if (routes.size() != items.size()) throw new IllegalArgumentException(routes.size() + " routes for " + items.size() + " items");
        return run(net, ps, scope, env, items, Rollout.Feedback.TEACHER, training, new Random(0), routes);
    }

    private static Result run(RcmNet net, ParameterStore ps, NDManager scope, Environment env, List<Rollout.Item> items,
                              Rollout.Feedback feedback, boolean training, Random rng, List<Route> forced) {
        int b = items.size();
        RcmConfig cfg = net.config();
        int d = cfg.featureSize(), dv = cfg.viewSize();
        ViewFeatures features = env.features();
        if (features.dim() != d) throw new IllegalArgumentException("the model reads " + d + "-d view features, the environment has " + features.dim());
        NDArray tokens = scope.create(leftPadded(items), new Shape(b, maxLen(items)));            // (B, L)
        RcmNet.Encoded enc = net.encode(ps, tokens, training);
        NDList state = new NDList(enc.h0(), enc.c0());
        float[] prev = new float[b * dv];                                                          // (B, Dv): no action yet
        boolean[] ended = new boolean[b];
        List<Route.Builder> routes = new ArrayList<>(b);
        for (Rollout.Item it : items) routes.add(new Route.Builder(it.start()));
        boolean withGoals = items.stream().allMatch(it -> it.goal() != null);
        List<NDArray> logProbs = new ArrayList<>(), entropy = new ArrayList<>();
        List<boolean[]> acted = new ArrayList<>();
        NDArray lossSum = null;
        int counted = 0;
        for (int t = 0; t < cfg.maxActions(); t++) {
            List<List<Navigable>> nbrs = new ArrayList<>(b);
            int k = 1;
            for (int i = 0; i < b; i++) {
                if (forced != null && t >= forced.get(i).actions().size()) ended[i] = true;
                List<Navigable> n = ended[i] ? List.of() : env.neighbours(routes.get(i).current());
                nbrs.add(n);
                k = Math.max(k, n.size() + 1);
            }
            float[] pano = new float[b * ViewFeatures.VIEWS * dv];
            float[] cands = new float[b * k * dv];
            float[] candMask = new float[b * k];
            long[] teacher = new long[b];
            float[] active = new float[b];
            boolean[] actedNow = new boolean[b];
            for (int i = 0; i < b; i++) {
                candMask[i * k] = 1f;                                                              // STOP: always possible
                if (ended[i]) continue;
                AgentState s = routes.get(i).current();
                float[] all = features.panorama(s.scan(), s.viewpoint());
                for (int v = 0; v < ViewFeatures.VIEWS; v++) {
                    int o = (i * ViewFeatures.VIEWS + v) * dv;
                    System.arraycopy(all, v * d, pano, o, d);
                    angles(pano, o + d, ((v % 12) - s.headingIndex()) * AgentState.STEP, ((v / 12) - s.elevationIndex()) * AgentState.STEP);
                }
                List<Navigable> n = nbrs.get(i);
                for (int c = 0; c < n.size(); c++) {
                    int o = (i * k + c + 1) * dv;
                    System.arraycopy(all, n.get(c).viewIndex() * d, cands, o, d);
                    angles(cands, o + d, n.get(c).relHeading(), n.get(c).relElevation());
                    candMask[i * k + c + 1] = 1f;
                }
                if (withGoals) teacher[i] = teacherChoice(env, s, n, items.get(i).goal());
                active[i] = 1f;
                actedNow[i] = true;
            }
            RcmNet.Decision dec = net.step(ps, enc, scope.create(prev, new Shape(b, dv)),
                    scope.create(pano, new Shape(b, ViewFeatures.VIEWS, dv)), scope.create(cands, new Shape(b, k, dv)),
                    scope.create(candMask, new Shape(b, k)), state, training);
            NDArray logp = dec.logits().logSoftmax(1);                                             // (B, K)
            if (withGoals) {
                NDArray nll = logp.gather(scope.create(teacher).expandDims(1), 1).squeeze(1).neg()   // (B)
                        .mul(scope.create(active));
                lossSum = lossSum == null ? nll.sum() : lossSum.add(nll.sum());
                for (float f : active) counted += (int) f;
            }
            float[] logits = dec.logits().toFloatArray();
            float[] alpha = dec.wordAlpha().toFloatArray();
            int l = (int) dec.wordAlpha().getShape().get(1);
            long[] chosen = new long[b];
            boolean anyLeft = false;
            float[] next = new float[b * dv];
            for (int i = 0; i < b; i++) {
                if (ended[i]) continue;
                int c = forced != null ? forcedChoice(forced.get(i), t, nbrs.get(i)) : switch (feedback) {
                    case TEACHER -> (int) teacher[i];
                    case ARGMAX -> argMax(logits, i * k, k);
                    case SAMPLE -> sample(logits, i * k, k, rng);
                };
                chosen[i] = c;
                AgentState s = routes.get(i).current();
                float[] words = Arrays.copyOfRange(alpha, i * l, (i + 1) * l);
                if (c == 0) {
                    routes.get(i).add(Action.STOP, s, words);
                    ended[i] = true;
                } else {
                    routes.get(i).add(Action.FORWARD, env.moveTo(s, nbrs.get(i).get(c - 1)), words);
                    System.arraycopy(cands, (i * k + c) * dv, next, i * dv, dv);
                    anyLeft = true;
                }
            }
            logProbs.add(logp.gather(scope.create(chosen).expandDims(1), 1).squeeze(1));           // (B)
            entropy.add(logp.exp().mul(logp).sum(new int[] {1}).neg());                            // (B)
            acted.add(actedNow);
            prev = next;
            state = dec.state();
            if (!anyLeft) break;
        }
        List<Route> out = new ArrayList<>(b);
        for (Route.Builder r : routes) out.add(r.build());
        NDArray loss = lossSum == null ? null : lossSum.div(Math.max(1, counted));
        return new Result(out, loss, logProbs, entropy, acted.toArray(boolean[][]::new));
    }

    /** The choice a route made at step t among these candidates: STOP (0) or its next viewpoint's index + 1. */
    private static int forcedChoice(Route route, int t, List<Navigable> neighbours) {
        if (route.actions().get(t) == Action.STOP) return 0;
        String next = route.states().get(t + 1).viewpoint();
        for (int c = 0; c < neighbours.size(); c++) if (neighbours.get(c).viewpoint().equals(next)) return c + 1;
        throw new IllegalArgumentException("the route moves to " + next + ", not a neighbour");
    }

    /** The teacher: STOP (0) at the goal or when it cannot be reached, else the neighbour that starts a shortest path. */
    static int teacherChoice(Environment env, AgentState s, List<Navigable> neighbours, String goal) {
        if (s.viewpoint().equals(goal)) return 0;
        List<String> path = env.graph(s.scan()).shortestPath(s.viewpoint(), goal);
        if (path.size() < 2) return 0;
        for (int c = 0; c < neighbours.size(); c++) if (neighbours.get(c).viewpoint().equals(path.get(1))) return c + 1;
        return 0;
    }

    /** The direction code: sin, cos of the heading and of the elevation relative to the agent's. */
    private static void angles(float[] into, int at, double heading, double elevation) {
        into[at] = (float) Math.sin(heading);
        into[at + 1] = (float) Math.cos(heading);
        into[at + 2] = (float) Math.sin(elevation);
        into[at + 3] = (float) Math.cos(elevation);
    }

    private static int maxLen(List<Rollout.Item> items) {
        int l = 1;
        for (Rollout.Item it : items) l = Math.max(l, it.tokens().length);
        return l;
    }

    /** (B * L) ids, each row's words at its end (pads first). */
    private static long[] leftPadded(List<Rollout.Item> items) {
        int l = maxLen(items);
        long[] out = new long[items.size() * l];
        for (int i = 0; i < items.size(); i++) {
            int[] t = items.get(i).tokens();
            for (int j = 0; j < t.length; j++) out[i * l + l - t.length + j] = t[j];
        }
        return out;
    }

    private static int argMax(float[] v, int from, int k) {
        int best = 0;
        for (int a = 1; a < k; a++) if (v[from + a] > v[from + best]) best = a;
        return best;
    }

    /** A draw from softmax(logits) over the K candidates; masked ones (-1e9) have probability 0. */
    private static int sample(float[] v, int from, int k, Random rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < k; a++) max = Math.max(max, v[from + a]);
        double[] p = new double[k];
        double z = 0;
        for (int a = 0; a < k; a++) z += p[a] = Math.exp(v[from + a] - max);
        double u = rng.nextDouble() * z;
        for (int a = 0; a < k; a++) {
            u -= p[a];
            if (u <= 0) return a;
        }
        return argMax(v, from, k);
    }
}

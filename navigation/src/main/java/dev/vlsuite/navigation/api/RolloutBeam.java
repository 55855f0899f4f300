package dev.vlsuite.navigation.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.env.Trajectory;
import dev.vlsuite.navigation.model.Seq2SeqNet;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over trajectories for one instruction: every partial trajectory is extended by each allowed action,
 * the K best extensions by summed log-probability are kept (an extension by STOP is a finished trajectory and leaves
 * the beam), until K trajectories have finished and no live one scores above the best of them (scores only fall),
 * none is left, or the action limit ends the live ones as greedy decoding would. The best finished trajectory by summed log-probability wins. K = 1 is greedy decoding (ties go to
 * the lower action, as {@link Rollout}'s argmax). Not guaranteed to beat greedy's summed log-probability: a greedy
 * prefix pruned early may have had the better ending (measured in Seq2SeqBeamTest and the README).
 */
public final class RolloutBeam {
    /** A finished (or cut) trajectory and its summed log-probability. */
    public record Scored(Route route, double logProb) {}

    /** A partial trajectory: its route so far, summed log-probability, last action and decoder state (h, c rows). */
    private record Hyp(Route.Builder route, double logProb, int prev, float[] h, float[] c) {}

    private RolloutBeam() {}

    /** The beam's finished trajectories, best first (at most K). */
    public static List<Scored> search(Seq2SeqNet net, ParameterStore ps, NDManager scope, Environment env, AgentState start,
                                      int[] tokens, int beamSize) {
        if (beamSize < 1) throw new IllegalArgumentException("beam size must be >= 1: " + beamSize);
        int d = net.config().featureSize(), hs = net.config().hiddenSize();
        if (env.features().dim() != d) throw new IllegalArgumentException("the model reads " + d + "-d view features, the environment has " + env.features().dim());
        long[] ids = new long[Math.max(1, tokens.length)];
        for (int k = 0; k < tokens.length; k++) ids[k] = tokens[k];
        Seq2SeqNet.Encoded one = net.encode(ps, scope.create(ids, new Shape(1, ids.length)), false);   // (1, L, H)
        List<Hyp> live = new ArrayList<>();
        live.add(new Hyp(new Route.Builder(start), 0, Seq2SeqNet.START_ACTION, one.h0().toFloatArray(), one.c0().toFloatArray()));
        List<Scored> finished = new ArrayList<>();
        for (int t = 0; t < net.config().maxActions() && !live.isEmpty() && !done(finished, live, beamSize); t++) {
            int n = live.size();
            float[] feat = new float[n * d], mask = new float[n * Action.COUNT], h = new float[n * hs], c = new float[n * hs];
            long[] prev = new long[n];
            boolean[][] allowed = new boolean[n][];
            for (int i = 0; i < n; i++) {
                Hyp y = live.get(i);
                AgentState s = y.route().current();
                System.arraycopy(env.features().view(s.scan(), s.viewpoint(), s.viewIndex()), 0, feat, i * d, d);
                allowed[i] = env.mask(s);
                for (int a = 0; a < Action.COUNT; a++) mask[i * Action.COUNT + a] = allowed[i][a] ? 1f : 0f;
                System.arraycopy(y.h(), 0, h, i * hs, hs);
                System.arraycopy(y.c(), 0, c, i * hs, hs);
                prev[i] = y.prev();
            }
            Seq2SeqNet.Encoded enc = new Seq2SeqNet.Encoded(one.context().repeat(0, n), one.mask().repeat(0, n),
                    one.h0(), one.c0());                                                             // (n, L, H), (n, L)
            NDList state = new NDList(scope.create(h, new Shape(n, hs)), scope.create(c, new Shape(n, hs)));
            Seq2SeqNet.Decision dec = net.step(ps, enc, scope.create(prev), scope.create(feat, new Shape(n, d)),
                    scope.create(mask, new Shape(n, Action.COUNT)), state, false);
            float[] logits = dec.logits().toFloatArray();                                          // (n, 6)
            float[] alpha = dec.alpha().toFloatArray();                                            // (n, L)
            float[] newH = dec.state().get(0).toFloatArray(), newC = dec.state().get(1).toFloatArray();
            int l = (int) dec.alpha().getShape().get(1);
            record Candidate(int hyp, int action, double logProb) {}
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] lp = logSoftmax(logits, i * Action.COUNT);
                for (int a = 0; a < Action.COUNT; a++) {
                    if (allowed[i][a]) candidates.add(new Candidate(i, a, live.get(i).logProb() + lp[a]));
                }
            }
            // stable: equal scores keep (hypothesis, action) order, so K = 1 picks greedy's lowest-index argmax
            candidates.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
            List<Hyp> next = new ArrayList<>();
            for (Candidate k : candidates.subList(0, Math.min(beamSize, candidates.size()))) {
                Hyp y = live.get(k.hyp());
                Route.Builder r = y.route().copy();
                Action a = Action.values()[k.action()];
                AgentState s = r.current();
                r.add(a, a == Action.STOP ? s : env.step(s, a), Arrays.copyOfRange(alpha, k.hyp() * l, (k.hyp() + 1) * l));
                if (a == Action.STOP) {
                    finished.add(new Scored(r.build(), k.logProb()));
                } else {
                    next.add(new Hyp(r, k.logProb(), k.action(), Arrays.copyOfRange(newH, k.hyp() * hs, (k.hyp() + 1) * hs),
                            Arrays.copyOfRange(newC, k.hyp() * hs, (k.hyp() + 1) * hs)));
                }
            }
            live = next;
        }
        // out of actions: the live trajectories end where they are, as greedy decoding's do
        for (Hyp y : live) finished.add(new Scored(y.route().build(), y.logProb()));
        finished.sort(Comparator.comparingDouble(Scored::logProb).reversed());
        return finished.subList(0, Math.min(beamSize, finished.size()));
    }

    /** The beam's best trajectory for every instruction of the episodes, one instruction at a time (official ids). */
    public static List<Trajectory> runAll(Seq2SeqNet net, Vocabulary vocabulary, ParameterStore ps, NDManager manager,
                                          Environment env, List<Episode> episodes, int beamSize) {
        List<Trajectory> out = new ArrayList<>();
        for (Episode e : episodes) {
            for (int i = 0; i < e.instructions().size(); i++) {
                try (NDManager scope = manager.newSubManager()) {
                    int[] tokens = Instructions.encode(vocabulary, e.instructions().get(i), net.config());
                    out.add(search(net, ps, scope, env, env.start(e), tokens, beamSize).get(0).route().trajectory(e.instrId(i)));
                }
            }
        }
        return out;
    }

    /** K finished and none of the live ones can still beat the best (log-probabilities only fall as a trajectory grows). */
    private static boolean done(List<Scored> finished, List<Hyp> live, int beamSize) {
        if (finished.size() < beamSize) return false;
        double best = Double.NEGATIVE_INFINITY;
        for (Scored s : finished) best = Math.max(best, s.logProb());
        for (Hyp y : live) if (y.logProb() > best) return false;
        return true;
    }

    /** log softmax over one row of six logits (masked ones at -1e9 get about -1e9). */
    static double[] logSoftmax(float[] v, int from) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < Action.COUNT; a++) max = Math.max(max, v[from + a]);
        double z = 0;
        for (int a = 0; a < Action.COUNT; a++) z += Math.exp(v[from + a] - max);
        double logZ = max + Math.log(z);
        double[] out = new double[Action.COUNT];
        for (int a = 0; a < Action.COUNT; a++) out[a] = v[from + a] - logZ;
        return out;
    }
}

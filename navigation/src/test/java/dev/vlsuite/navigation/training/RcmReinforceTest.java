package dev.vlsuite.navigation.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.vlsuite.navigation.api.RcmRollout;
import dev.vlsuite.navigation.api.Rollout;
import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.Episode;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.RcmNet;
import dev.vlsuite.shared.nn.Reinforce;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The RL phase's policy gradient has the right sign: REINFORCE (the shared helper) on sampled panoramic routes, with a
 * positive advantage for one route only, raises that route's log-probability after one SGD step, and a negative one
 * lowers it (a sign error, or a gradient through the reward, fails); the rewards are the paper's.
 */
class RcmReinforceTest {
    static final RcmConfig TINY = RcmConfig.paper(0, 0).withSizes(8, 16, 0).withMaxActions(5);

    @Test
    void raisingOneRoutesRewardRaisesItsLogProbabilityAfterAStep() {
        assertTrue(logProbChange(+1) > 1e-4, "reward +1: the route becomes more likely");
        assertTrue(logProbChange(-1) < -1e-4, "reward -1: the route becomes less likely");
    }

    /** log p(route 0) after one REINFORCE step with advantage {@code sign} for route 0 and 0 for the others, minus before. */
    private static double logProbChange(int sign) {
        StarWorld w = new StarWorld(2, 0, 0, 3);
        Vocabulary vocabulary = Vocabulary.build(w.train.stream().flatMap(e -> e.instructions().stream())
                .map(dev.vlsuite.navigation.api.Instructions::words).toList(), 1);
        RcmConfig config = TINY.withData(vocabulary.size(), StarWorld.D);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            RcmNet net = new RcmNet(config);
            net.initialize(m, DataType.FLOAT32, RcmNet.inputShapes());
            ParameterStore ps = new ParameterStore(m, false);
            List<Rollout.Item> items = new ArrayList<>();
            for (Episode e : w.train.subList(0, 6)) {
                items.add(new Rollout.Item(w.env.start(e), RcmRollout.encode(vocabulary, e.instructions().get(0), config), e.goal()));
            }
            Reinforce reinforce = new Reinforce(0.9f, 0f, 0f);   // baseline 0: the advantage is the reward itself
            List<Route> routes;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                RcmRollout.Result r = RcmRollout.run(net, ps, m, w.env, items, Rollout.Feedback.SAMPLE, true, new Random(7));
                routes = r.routes();
                NDArray perRoute = routeLogProbs(r);                                              // (B)
                float[] reward = new float[items.size()];
                reward[0] = sign;
                gc.backward(reinforce.loss(perRoute, m.create(reward), null));
            }
            double before = replayed(net, ps, m, w, items, routes)[0];
            boolean was = JniUtils.isGradMode();
            JniUtils.setGradMode(false);                                                          // in-place update of leaves
            try {
                for (Pair<String, Parameter> p : net.getParameters()) {
                    NDArray a = p.getValue().getArray();
                    a.subi(a.getGradient().mul(0.5f));
                }
            } finally {
                JniUtils.setGradMode(was);
            }
            double after = replayed(net, ps, m, w, items, routes)[0];
            return after - before;
        }
    }

    /** Sum over the steps each item acted of the log-probability of its choice: (B). */
    private static NDArray routeLogProbs(RcmRollout.Result r) {
        int b = r.routes().size();
        float[] acted = new float[b * r.acted().length];
        for (int t = 0; t < r.acted().length; t++) for (int i = 0; i < b; i++) acted[i * r.acted().length + t] = r.acted()[t][i] ? 1 : 0;
        NDArray lp = NDArrays.stack(new NDList(r.logProbs()), 1);                                 // (B, T)
        return lp.mul(lp.getManager().create(acted, lp.getShape())).sum(new int[] {1});
    }

    private static double[] replayed(RcmNet net, ParameterStore ps, NDManager m, StarWorld w, List<Rollout.Item> items, List<Route> routes) {
        try (NDManager scope = m.newSubManager()) {
            RcmRollout.Result again = RcmRollout.replay(net, ps, scope, w.env, items, routes, false);
            for (int i = 0; i < routes.size(); i++) assertEquals(routes.get(i).states(), again.routes().get(i).states(), "replay takes the same route");
            float[] v = routeLogProbs(again).toFloatArray();
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) out[i] = v[i];
            return out;
        }
    }

    @Test
    void extrinsicRewardIsTheDistanceGainedPlusTheStopBonusAndReturnsAreDiscounted() {
        StarWorld w = new StarWorld(1, 0, 0, 3);
        Episode e = w.train.get(0);                                                               // hall -> door -> end, 2 m hops
        var s0 = w.env.start(e);
        var door = w.env.neighbours(s0).stream().filter(n -> n.viewpoint().equals(e.path().get(1))).findFirst().orElseThrow();
        var s1 = w.env.moveTo(s0, door);
        Route.Builder good = new Route.Builder(s0);
        good.add(Action.FORWARD, s1, null);
        good.add(Action.STOP, s1, null);
        RcmRlConfig rl = RcmRlConfig.defaults();
        // one hop towards the goal gains 2 m; stopping 2 m short is within 3 m: +3; intrinsic on the last action
        assertArrayEquals(new double[] {2, 3 + 0.5}, RcmRewards.rewards(good.build(), w.env.graph(e.scan()), e.goal(), rl, 0.5), 1e-9);
        Route.Builder stopAtOnce = new Route.Builder(s0);
        stopAtOnce.add(Action.STOP, s0, null);
        assertArrayEquals(new double[] {-3}, RcmRewards.rewards(stopAtOnce.build(), w.env.graph(e.scan()), e.goal(), rl, 0), 1e-9,
                "4 m from the goal: a failed stop");
        Route.Builder cut = new Route.Builder(s0);
        cut.add(Action.FORWARD, s1, null);
        assertArrayEquals(new double[] {2 + 3}, RcmRewards.rewards(cut.build(), w.env.graph(e.scan()), e.goal(), rl, 0), 1e-9,
                "cut by the action limit 2 m from the goal: judged where it ended, a success");
        Route.Builder cutFar = new Route.Builder(s0);
        cutFar.add(Action.FORWARD, s0.turned(1, 0), null);                                       // a turn in place (no move)
        assertArrayEquals(new double[] {0 - 3}, RcmRewards.rewards(cutFar.build(), w.env.graph(e.scan()), e.goal(), rl, 0), 1e-9,
                "cut 4 m from the goal: a failure, as a failed stop");
        assertArrayEquals(new double[] {2 + 0.5 * 3, 3}, RcmRewards.returns(new double[] {2, 3}, 0.5), 1e-9);
    }
}

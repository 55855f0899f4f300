package dev.vlsuite.navigation.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.Navigable;
import dev.vlsuite.navigation.model.RcmConfig;
import dev.vlsuite.navigation.model.SpeakerConfig;
import dev.vlsuite.shared.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * What the speaker reads: a trajectory as the states the agent stood in (start, then one per panoramic move), each
 * step the view it faced (D) + the direction of its next move relative to that view (sin/cos heading, elevation;
 * none after the last), and an instruction as {@code <start> words <end>}.
 */
public final class SpeakerInputs {
    /** A batch as tensors: traj (B, T, Dv), trajMask (B, T), tokens (B, W + 1), lengths (B). */
    public record Batch(NDArray traj, NDArray trajMask, NDArray tokens, NDArray lengths) {}

    private SpeakerInputs() {}

    /** The states of a ground-truth path walked with panoramic moves from the start state. */
    public static List<AgentState> walk(Environment env, AgentState start, List<String> path) {
        List<AgentState> out = new ArrayList<>(List.of(start));
        AgentState s = start;
        for (int i = 1; i < path.size(); i++) {
            String next = path.get(i);
            AgentState from = s;
            Navigable n = env.neighbours(s).stream().filter(x -> x.viewpoint().equals(next)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(next + " is not a neighbour of " + from.viewpoint()));
            s = env.moveTo(s, n);
            out.add(s);
        }
        return out;
    }

    public static int[] tokens(Vocabulary vocabulary, String instruction, SpeakerConfig config) {
        List<String> w = Instructions.words(instruction);
        if (w.size() > config.maxInstructionLength() - 2) w = w.subList(0, config.maxInstructionLength() - 2);
        return vocabulary.encode(w, true);
    }

    public static Batch batch(NDManager scope, Environment env, List<List<AgentState>> trajectories, List<int[]> tokenRows, int featureSize) {
        int b = trajectories.size(), d = featureSize, dv = d + RcmConfig.ANGLE_SIZE;
        int t = 1, w = 2;
        for (List<AgentState> s : trajectories) t = Math.max(t, s.size());
        for (int[] r : tokenRows) w = Math.max(w, r.length);
        float[] traj = new float[b * t * dv];
        float[] mask = new float[b * t];
        long[] tok = new long[b * w];
        long[] len = new long[b];
        for (int i = 0; i < b; i++) {
            List<AgentState> states = trajectories.get(i);
            for (int j = 0; j < states.size(); j++) {
                AgentState s = states.get(j);
                int o = (i * t + j) * dv;
                System.arraycopy(env.features().view(s.scan(), s.viewpoint(), s.viewIndex()), 0, traj, o, d);
                double dh = 0, de = 0;
                if (j + 1 < states.size()) {
                    dh = (states.get(j + 1).headingIndex() - s.headingIndex()) * AgentState.STEP;
                    de = (states.get(j + 1).elevationIndex() - s.elevationIndex()) * AgentState.STEP;
                }
                traj[o + d] = (float) Math.sin(dh);
                traj[o + d + 1] = (float) Math.cos(dh);
                traj[o + d + 2] = (float) Math.sin(de);
                traj[o + d + 3] = (float) Math.cos(de);
                mask[i * t + j] = 1f;
            }
            int[] r = tokenRows.get(i);
            for (int j = 0; j < r.length; j++) tok[i * w + j] = r[j];
            len[i] = r.length - 1;
        }
        return new Batch(scope.create(traj, new Shape(b, t, dv)), scope.create(mask, new Shape(b, t)),
                scope.create(tok, new Shape(b, w)), scope.create(len));
    }
}

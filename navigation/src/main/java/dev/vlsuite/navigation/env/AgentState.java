package dev.vlsuite.navigation.env;

/**
 * Where the agent is and which of the 36 discrete views it faces: heading index 0..11 (0, 30, ..., 330 degrees
 * clockwise from +y, as Matterport) and elevation index 0..2 (-30, 0, +30 degrees).
 */
public record AgentState(String scan, String viewpoint, int headingIndex, int elevationIndex) {
    public static final double STEP = Math.PI / 6;   // 30 degrees between views

    public AgentState {
        if (headingIndex < 0 || headingIndex > 11) throw new IllegalArgumentException("heading index " + headingIndex + " not in 0..11");
        if (elevationIndex < 0 || elevationIndex > 2) throw new IllegalArgumentException("elevation index " + elevationIndex + " not in 0..2");
    }

    /** The start state of an episode: its heading snapped to the nearest of the 12 view headings, elevation 0. */
    public static AgentState start(String scan, String viewpoint, double headingRadians) {
        return new AgentState(scan, viewpoint, headingIndexOf(headingRadians), 1);
    }

    /** The nearest of the 12 view headings to an angle in radians (any range). */
    public static int headingIndexOf(double headingRadians) {
        return Math.floorMod((int) Math.round(headingRadians / STEP), 12);
    }

    public double heading() {
        return headingIndex * STEP;
    }

    public double elevation() {
        return (elevationIndex - 1) * STEP;
    }

    /** The view the agent looks at: 12 * elevation index + heading index. */
    public int viewIndex() {
        return 12 * elevationIndex + headingIndex;
    }

    public AgentState turned(int headingDelta, int elevationDelta) {
        return new AgentState(scan, viewpoint, Math.floorMod(headingIndex + headingDelta, 12), elevationIndex + elevationDelta);
    }

    public AgentState at(String otherViewpoint) {
        return new AgentState(scan, otherViewpoint, headingIndex, elevationIndex);
    }

    public TrajectoryStep step() {
        return new TrajectoryStep(viewpoint, heading(), elevation());
    }
}

package dev.vlsuite.assets.video;

import java.util.List;

/**
 * What one shape does during a synthetic clip. The label is the class name action recognition uses;
 * the phrases are the verb phrases captions use (the first is canonical). Recolour phrases hold
 * {@code %s} for the new colour and {@code %o} for the old one.
 */
public enum Motion {
    LEFT("left", true, List.of("moves to the left", "moves left", "goes to the left", "slides to the left", "is moving to the left", "travels left")),
    RIGHT("right", true, List.of("moves to the right", "moves right", "goes to the right", "slides to the right", "is moving to the right", "travels right")),
    UP("up", true, List.of("moves up", "moves upwards", "goes up", "rises", "is moving up", "slides up")),
    DOWN("down", true, List.of("moves down", "moves downwards", "goes down", "falls", "is moving down", "slides down")),
    GROW("grow", false, List.of("grows", "gets bigger", "becomes larger", "is growing", "grows larger", "expands")),
    SHRINK("shrink", false, List.of("shrinks", "gets smaller", "becomes smaller", "is shrinking", "shrinks in size", "contracts")),
    RECOLOUR("recolour", false, List.of("turns %s", "changes colour to %s", "becomes %s", "changes from %o to %s", "is turning %s", "changes its colour to %s"));

    private final String label;
    private final boolean moves;
    private final List<String> phrases;

    Motion(String label, boolean moves, List<String> phrases) {
        this.label = label;
        this.moves = moves;
        this.phrases = phrases;
    }

    /** Class label: "left", "right", "up", "down", "grow", "shrink", "recolour". */
    public String label() {
        return label;
    }

    /** True when the shape changes place (rather than size or colour). */
    public boolean moves() {
        return moves;
    }

    public boolean vertical() {
        return this == UP || this == DOWN;
    }

    /** Verb phrases, canonical first; recolour phrases still hold %s (new colour) and %o (old colour). */
    public List<String> phrases() {
        return phrases;
    }

    /** @throws IllegalArgumentException for a label that names no motion */
    public static Motion fromLabel(String label) {
        for (Motion m : values()) if (m.label.equals(label)) return m;
        throw new IllegalArgumentException("unknown motion: " + label);
    }
}

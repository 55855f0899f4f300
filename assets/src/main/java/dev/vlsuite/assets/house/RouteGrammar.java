package dev.vlsuite.assets.house;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes route instructions from a {@link Route}: one clause for leaving the first room (with the turn
 * that faces its exit), one per room passed through (straight on, or the side of its exit doorway), one
 * for entering the last room and stopping at the goal's object, e.g. "turn left and walk out of the blue
 * kitchen, turn right in the yellow hallway, go into the green bedroom and stop next to the red chair."
 * Phrasings vary; facts never do. Clauses are separated by ", " or ". " and never contain a comma, so a
 * reader can split them back. A room is "colour type" (unique in the house); when its type is unique the
 * colour may be left out in paraphrases.
 */
public final class RouteGrammar {
    private static final String[][] START = {
        /* FORWARD */ {"walk out of the %s", "go straight out of the %s", "walk forward and leave the %s", "head straight out of the %s"},
        /* LEFT */ {"turn left and walk out of the %s", "turn left and leave the %s", "go left out of the %s", "turn to your left and exit the %s"},
        /* RIGHT */ {"turn right and walk out of the %s", "turn right and leave the %s", "go right out of the %s", "turn to your right and exit the %s"},
        /* AROUND */ {"turn around and walk out of the %s", "turn around and leave the %s", "turn around and exit the %s", "turn around and go out of the %s"}};
    private static final String[][] MIDDLE = {
        /* FORWARD */ {"go straight through the %s", "walk straight across the %s", "continue straight through the %s"},
        /* LEFT */ {"turn left in the %s", "go left through the %s", "take a left in the %s"},
        /* RIGHT */ {"turn right in the %s", "go right through the %s", "take a right in the %s"}};
    private static final String[] ENTER = {"go into the %s", "enter the %s", "walk into the %s"};
    private static final String[] STOP = {"stop next to the %s", "wait by the %s", "stop at the %s"};

    private RouteGrammar() {}

    /** Instruction 0 is canonical (the first phrasing everywhere, full room names); the others paraphrase. */
    public static List<String> instructions(House house, Route route, int count, SplittableRandom rng) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(instruction(house, route, i == 0 ? null : rng));
        return out;
    }

    /** One instruction; {@code rng == null} gives the canonical phrasing. */
    public static String instruction(House house, Route route, SplittableRandom rng) {
        List<String> clauses = new ArrayList<>();
        List<Integer> rooms = route.rooms();
        clauses.add(String.format(pick(START[route.startTurn().ordinal()], rng), roomName(house, rooms.get(0), rng)));
        for (int k = 0; k < route.middleTurns().size(); k++)
            clauses.add(String.format(pick(MIDDLE[route.middleTurns().get(k).ordinal()], rng), roomName(house, rooms.get(k + 1), rng)));
        String last = String.format(pick(ENTER, rng), roomName(house, rooms.get(rooms.size() - 1), rng));
        String stop = String.format(pick(STOP, rng), route.goalObject().name());
        boolean sentences = rng != null && rng.nextBoolean();
        StringBuilder sb = new StringBuilder();
        for (String c : clauses) sb.append(capitalised(c, sentences)).append(sentences ? ". " : ", ");
        sb.append(capitalised(last, sentences)).append(" and ").append(stop).append('.');
        String s = sb.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String capitalised(String s, boolean yes) {
        return yes ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String pick(String[] options, SplittableRandom rng) {
        return rng == null ? options[0] : options[rng.nextInt(options.length)];
    }

    /** "blue kitchen", or just "kitchen" in some paraphrases when the house has one kitchen. */
    static String roomName(House house, int index, SplittableRandom rng) {
        Room room = house.rooms().get(index);
        if (rng != null && rng.nextInt(3) == 0 && house.rooms().stream().filter(r -> r.type() == room.type()).count() == 1)
            return room.type().word();
        return room.name();
    }
}

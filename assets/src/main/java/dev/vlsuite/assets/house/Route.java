package dev.vlsuite.assets.house;

import java.util.ArrayList;
import java.util.List;

/**
 * What an instruction has to say about a path, read off the house: the rooms in the order the path
 * passes them, the turn the agent makes to leave the first room (relative to its start heading), the
 * turn in each room in between (where its exit doorway lies relative to the way the agent came in), and
 * the object next to the goal.
 *
 * @param rooms       room indices, start room first, goal room last (at least two)
 * @param startTurn   direction of the first room's exit doorway relative to the start heading
 * @param middleTurns one per room strictly between the first and the last
 */
public record Route(List<Integer> rooms, Turn startTurn, List<Turn> middleTurns, HouseObject goalObject) {
    public Route {
        rooms = List.copyOf(rooms);
        middleTurns = List.copyOf(middleTurns);
    }

    /** The route of a path of viewpoint indices that starts and ends inside rooms, for a start heading in radians. */
    public static Route of(House house, List<Integer> path, double startHeading) {
        List<Viewpoint> vps = house.viewpoints();
        Viewpoint start = vps.get(path.get(0)), goal = vps.get(path.get(path.size() - 1));
        if (start.inDoorway() || goal.inDoorway()) throw new IllegalArgumentException("a route starts and ends inside rooms");
        List<Integer> rooms = new ArrayList<>(List.of(start.room()));
        List<Doorway> doors = new ArrayList<>();
        for (int ix : path) {
            Viewpoint v = vps.get(ix);
            if (!v.inDoorway()) continue;
            Doorway d = house.doorways().get(v.doorway());
            rooms.add(d.other(rooms.get(rooms.size() - 1)));
            doors.add(d);
        }
        if (rooms.get(rooms.size() - 1) != goal.room()) throw new IllegalArgumentException("path does not end in the room it walked into");
        if (doors.isEmpty()) throw new IllegalArgumentException("path never leaves its first room");
        Doorway exit = doors.get(0);
        Turn startTurn = Turn.of(Turn.relative(Turn.heading(exit.x() - start.x(), exit.y() - start.y()), startHeading));
        List<Turn> middle = new ArrayList<>();
        for (int k = 1; k < doors.size(); k++) {
            Doorway in = doors.get(k - 1), out = doors.get(k);
            Room room = house.rooms().get(rooms.get(k));
            double cx = room.x0() + room.size() / 2, cy = room.y0() + room.size() / 2;
            double entering = Turn.heading(cx - in.x(), cy - in.y()); // the doorway's normal, into the room
            middle.add(Turn.ofDoorway(Turn.relative(Turn.heading(out.x() - in.x(), out.y() - in.y()), entering)));
        }
        return new Route(rooms, startTurn, middle, goalObject(house, goal));
    }

    /** The object in the viewpoint's corner of its room (within 1.6 m), or null. */
    public static HouseObject goalObject(House house, Viewpoint vp) {
        if (vp.inDoorway()) return null;
        HouseObject best = null;
        double bestD = 1.6;
        for (HouseObject o : house.rooms().get(vp.room()).objects()) {
            double d = Math.hypot(o.x() - vp.x(), o.y() - vp.y());
            if (d < bestD) {
                bestD = d;
                best = o;
            }
        }
        return best;
    }
}

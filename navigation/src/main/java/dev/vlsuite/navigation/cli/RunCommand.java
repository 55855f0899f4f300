package dev.vlsuite.navigation.cli;

import ai.djl.Device;
import dev.vlsuite.navigation.api.Navigator;
import dev.vlsuite.navigation.api.Route;
import dev.vlsuite.navigation.api.RoutePicture;
import dev.vlsuite.navigation.env.Action;
import dev.vlsuite.navigation.env.AgentState;
import dev.vlsuite.navigation.env.Environment;
import dev.vlsuite.navigation.env.HouseMaps;
import dev.vlsuite.navigation.env.NavGraph;
import dev.vlsuite.shared.cli.EngineMixin;
import dev.vlsuite.shared.cli.ExitCodes;
import dev.vlsuite.shared.cli.UsageException;
import dev.vlsuite.shared.io.BundleException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navigate run}: follow one instruction in a house, print the route and draw it from above. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Follow one instruction from a start viewpoint with a trained agent: prints every action and viewpoint,",
                "and writes a top-down picture (floor plan, graph, the agent's path, the shortest path to --goal when given)."})
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin EngineMixin engine;
    @Mixin WorldOptions world;

    @Option(names = "--house", required = true, paramLabel = "DIR", description = "Houses folder (connectivity/, views/, houses.json).")
    Path house;

    @Option(names = "--scan", required = true, paramLabel = "S", description = "Scan (house) id.")
    String scan;

    @Option(names = "--start", required = true, paramLabel = "V", description = "Start viewpoint id.")
    String start;

    @Option(names = "--heading", defaultValue = "0", paramLabel = "RAD", description = "Start heading, radians clockwise from +y (default: ${DEFAULT-VALUE}).")
    double heading;

    @Option(names = "--instruction", required = true, paramLabel = "TEXT", description = "The route instruction.")
    String instruction;

    @Option(names = "--goal", paramLabel = "V", description = "Goal viewpoint, when known: drawn with the shortest path, and the distance reported.")
    String goal;

    @Option(names = "--model", paramLabel = "FILE", description = "Agent from 'navigate train' (.vlm).")
    Path model;

    @Option(names = "--picture", defaultValue = "route.png", paramLabel = "FILE", description = "Top-down picture to write (default: ${DEFAULT-VALUE}).")
    Path picture;

    @Option(names = "--save-views", paramLabel = "DIR",
            description = "Copy the view the agent saw at each step here (step-NN.png), from the rendered views of the house.")
    Path saveViews;

    /** The rendered view of every state, in order; a missing one is reported and skipped. */
    private void saveViews(List<AgentState> states, PrintWriter err) throws IOException {
        Path root = world.views != null ? world.views : house.resolve("views");
        java.nio.file.Files.createDirectories(saveViews);
        for (int i = 0; i < states.size(); i++) {
            AgentState s = states.get(i);
            Path view;
            try {
                view = dev.vlsuite.shared.io.SafePaths.resolveUnder(root, s.scan() + "/" + s.viewpoint() + "/" + s.viewIndex() + ".png");
            } catch (IllegalArgumentException e) {
                err.println("view of step " + i + ": " + e.getMessage());
                continue;
            }
            if (!java.nio.file.Files.isRegularFile(view)) {
                err.println(view + ": no rendered view for step " + i);
                continue;
            }
            Path target = saveViews.resolve(String.format(Locale.ROOT, "step-%02d.png", i));
            dev.vlsuite.shared.io.AtomicFiles.write(target, o -> java.nio.file.Files.copy(view, o));
        }
        err.println("wrote " + states.size() + " views to " + saveViews);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Device device = engine.apply();
        try (Navigator nav = Navigator.load(model, device)) {
            Environment env = world.environment(house, Set.of(scan), device, err);
            NavGraph graph = env.graph(scan);
            graph.viewpoint(start);
            if (goal != null) graph.viewpoint(goal);
            Route route = nav.follow(env, AgentState.start(scan, start, heading), instruction);
            List<AgentState> states = route.states();
            out.printf(Locale.ROOT, "start %s heading %.0f%n", start, Math.toDegrees(states.get(0).heading()));
            for (int i = 0; i < route.actions().size(); i++) {
                Action a = route.actions().get(i);
                AgentState s = i + 1 < states.size() ? states.get(i + 1) : states.get(states.size() - 1);
                out.printf(Locale.ROOT, "%2d %-8s %s heading %3.0f elevation %3.0f%n", i + 1, a.name().toLowerCase(Locale.ROOT),
                        s.viewpoint(), Math.toDegrees(s.heading()), Math.toDegrees(s.elevation()));
            }
            String end = route.end().viewpoint();
            out.printf(Locale.ROOT, "route: %s%n", String.join(" -> ", route.viewpoints()));
            if (goal != null) out.printf(Locale.ROOT, "distance to the goal: %.2f m (success below 3 m)%n", graph.distance(end, goal));
            List<String> truth = goal == null ? null : graph.shortestPath(start, goal);
            RoutePicture.write(picture, RoutePicture.draw(graph, HouseMaps.read(house.resolve("houses.json"), scan), route.viewpoints(), truth, goal, 512));
            err.println("wrote " + picture);
            if (saveViews != null) saveViews(states, err);
            out.flush();
            return ExitCodes.OK;
        } catch (BundleException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        } finally {
            world.close();
        }
    }
}

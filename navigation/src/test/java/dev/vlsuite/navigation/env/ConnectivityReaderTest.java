package dev.vlsuite.navigation.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectivityReaderTest {
    @TempDir Path tmp;

    /** Four viewpoints: 0-1 (3-D: 3,4,12 -> 13 m), 1-2, 2 excluded-flagged to 3, 3 included but only linked to 2. */
    private Path handMade(boolean excluded2) throws Exception {
        String json = """
            [{"image_id":"a","pose":[1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1],"included":true,
              "visible":[false,true,false,false],"unobstructed":[false,true,false,false],"height":1.5},
             {"image_id":"b","pose":[1,0,0,3, 0,1,0,4, 0,0,1,12, 0,0,0,1],"included":true,
              "visible":[true,false,true,false],"unobstructed":[true,false,true,false],"height":1.5},
             {"image_id":"c","pose":[1,0,0,3, 0,1,0,6, 0,0,1,12, 0,0,0,1],"included":%s,
              "visible":[false,true,false,true],"unobstructed":[false,true,false,true],"height":1.5},
             {"image_id":"d","pose":[1,0,0,9, 0,1,0,9, 0,0,1,9, 0,0,0,1],"included":true,
              "visible":[false,false,true,false],"unobstructed":[false,false,true,false],"height":1.5}]
            """.formatted(!excluded2);
        Path f = tmp.resolve("s_connectivity.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void excludedViewpointsAreIgnoredAndIsolatedOnesDropped() throws Exception {
        NavGraph g = ConnectivityReader.read(handMade(true), "s");
        assertEquals(List.of("a", "b"), g.viewpoints().stream().map(Viewpoint::id).toList());
        assertFalse(g.contains("c"), "excluded viewpoint must not be in the graph even though flagged unobstructed");
        assertFalse(g.contains("d"), "d's only link is to an excluded viewpoint: not in the graph");
        assertEquals(1, g.edgeCount());
        assertEquals(13.0, g.distance("a", "b"), 1e-12, "weights are 3-D distances (z included)");
        assertThrows(IllegalArgumentException.class, () -> g.distance("a", "d"));
    }

    @Test
    void includedChainGivesShortestPathsThroughIt() throws Exception {
        NavGraph g = ConnectivityReader.read(handMade(false), "s");
        assertEquals(4, g.viewpoints().size());
        assertEquals(List.of("a", "b", "c", "d"), g.shortestPath("a", "d"));
        double cd = Math.sqrt(36 + 9 + 9);
        assertEquals(13.0 + 2.0 + cd, g.distance("a", "d"), 1e-12);
        assertEquals(g.distance("a", "d"), g.distance("d", "a"), 1e-12);
        assertTrue(g.isEdge("c", "b"));
        assertFalse(g.isEdge("a", "c"));
    }

    @Test
    void asymmetricFlagsAndMalformedFilesAreRefusedNamingTheFile() throws Exception {
        Path f = tmp.resolve("x_connectivity.json");
        Files.writeString(f, """
            [{"image_id":"a","pose":[1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1],"included":true,"unobstructed":[false,true]},
             {"image_id":"b","pose":[1,0,0,1, 0,1,0,0, 0,0,1,0, 0,0,0,1],"included":true,"unobstructed":[false,false]}]""");
        NavigationDataException e = assertThrows(NavigationDataException.class, () -> ConnectivityReader.read(f, "x"));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("undirected"), e.getMessage());
        Files.writeString(f, "[{\"image_id\":\"a\",\"pose\":[1,2,3]}]");
        e = assertThrows(NavigationDataException.class, () -> ConnectivityReader.read(f, "x"));
        assertTrue(e.getMessage().contains("pose"), e.getMessage());
        Files.writeString(f, "{not json");
        assertThrows(NavigationDataException.class, () -> ConnectivityReader.read(f, "x"));
    }

    @Test
    void connectivityFolderKeepsScanIdsInside() throws Exception {
        TinyHouses.writeConnectivity(tmp.resolve("conn"), TinyHouses.randomScan("house0001", 3, 3, new Random(1)));
        Connectivity c = new Connectivity(tmp.resolve("conn"));
        NavGraph g = c.graph("house0001");
        assertEquals(9, g.viewpoints().size(), "3x3 grid; the excluded and the isolated viewpoints are dropped");
        assertTrue(c.graph("house0001") == g, "read once");
        assertThrows(NavigationDataException.class, () -> c.graph("../house0001"));
        assertThrows(NavigationDataException.class, () -> c.graph("house0002"));
    }

    @Test
    void dijkstraAgreesWithFloydWarshallOnRandomGraphs() {
        for (int seed = 0; seed < 5; seed++) {
            TinyHouses.Scan s = TinyHouses.randomScan("h", 4, 5, new Random(seed));
            Path dir = tmp.resolve("fw" + seed);
            try {
                NavGraph g = ConnectivityReader.read(TinyHouses.writeConnectivity(dir, s), "h");
                List<String> ids = g.viewpoints().stream().map(Viewpoint::id).toList();
                int n = ids.size();
                double[][] d = new double[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                    d[i][j] = i == j ? 0 : g.isEdge(ids.get(i), ids.get(j)) ? g.viewpoint(ids.get(i)).distanceTo(g.viewpoint(ids.get(j))) : Double.POSITIVE_INFINITY;
                }
                for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                    assertEquals(d[i][j], g.distance(ids.get(i), ids.get(j)), 1e-9);
                    List<String> p = g.shortestPath(ids.get(i), ids.get(j));
                    double len = 0;
                    for (int k = 1; k < p.size(); k++) {
                        assertTrue(g.isEdge(p.get(k - 1), p.get(k)));
                        len += g.viewpoint(p.get(k - 1)).distanceTo(g.viewpoint(p.get(k)));
                    }
                    assertEquals(d[i][j], len, 1e-9);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}

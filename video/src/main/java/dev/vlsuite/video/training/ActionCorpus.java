package dev.vlsuite.video.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import dev.vlsuite.shared.io.MediaInputs;
import dev.vlsuite.shared.io.MediaKind;
import dev.vlsuite.shared.io.SafePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Action-recognition data in the layouts users have, as (video file, class, split):
 * <ul>
 *   <li>UCF101 lists: {@code classInd.txt} ("1 ApplyEyeMakeup"), {@code trainlistNN.txt}
 *       ("ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1", split "train") and {@code testlistNN.txt} (no label: the
 *       class is the folder name, split "test"); pass any of the three files or their folder. Clips resolve under
 *       the videos folder (default: {@code UCF-101} beside the lists' folder when it exists, else the lists' folder);</li>
 *   <li>a folder per class ({@code DIR/<class>/*.avi}, split "train"), or {@code DIR/<split>/<class>/...} with
 *       split folders train, validate (or val) and test;</li>
 *   <li>{@code groundtruth.json} of {@code bin/synth videos}: the motion of each clip's shape(s) (left, right, up,
 *       down, grow, shrink, recolour); a clip whose two shapes do different things has no single class and is left
 *       out. Files resolve under the folder of the json (or the videos folder).</li>
 * </ul>
 * A bad row (malformed, unknown class, a path that leaves the videos folder, a missing file) is reported as one
 * line naming the list file and line, and skipped; the rest is read.
 *
 * @param classes class names, index = label
 * @param items   the usable videos in list order
 * @param notes   lines about data left out that is not bad input (synthetic clips with two different motions)
 */
public record ActionCorpus(List<String> classes, List<Item> items, List<String> notes) {
    /** The synthetic world's motion classes, in {@code Motion} order. */
    public static final List<String> MOTION_CLASSES = List.of("left", "right", "up", "down", "grow", "shrink", "recolour");
    private static final Pattern LIST_FILE = Pattern.compile("(?i)(trainlist|testlist)(\\d+)\\.txt");
    private static final List<String> SPLIT_FOLDERS = List.of("train", "validate", "val", "test");

    /** One labelled video. */
    public record Item(String id, Path file, String split, int label) {}

    public ActionCorpus {
        classes = List.copyOf(classes);
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    public ActionCorpus(List<String> classes, List<Item> items) {
        this(classes, items, List.of());
    }

    /** The items of the named splits ("all" takes every item). */
    public List<Item> split(List<String> splits) {
        if (splits.contains("all")) return items;
        // UCF101 and folder-per-class data have no validation split: an empty validation set means none
        return items.stream().filter(i -> splits.contains(i.split())).toList();
    }

    /**
     * Reads {@code data} by its layout (see the class comment).
     *
     * @param videos     the folder clips resolve under; null: the layout's default
     * @param onBadEntry one line per bad row or missing file
     * @throws IOException when the data is unreadable or in no known layout (one line naming it)
     */
    public static ActionCorpus read(Path data, Path videos, Consumer<String> onBadEntry) throws IOException {
        if (Files.isDirectory(data)) {
            if (Files.isRegularFile(data.resolve("classInd.txt"))) return readUcf101(data.resolve("classInd.txt"), videos, onBadEntry);
            return readFolders(data, onBadEntry);
        }
        if (!Files.isRegularFile(data)) throw new IOException(data + ": no such file or folder");
        String name = data.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return readGroundTruth(data, videos, onBadEntry);
        if (name.endsWith(".txt")) return readUcf101(data, videos, onBadEntry);
        throw new IOException(data + ": not an action data set (expected UCF101 classInd.txt / trainlistNN.txt / testlistNN.txt,"
                + " a folder per class, or groundtruth.json of 'synth videos')");
    }

    /**
     * UCF101: classInd.txt beside {@code listOrClassInd} and the train and test lists of the same number (01 when
     * classInd.txt itself is given).
     */
    public static ActionCorpus readUcf101(Path listOrClassInd, Path videos, Consumer<String> onBadEntry) throws IOException {
        Path dir = listOrClassInd.toAbsolutePath().getParent();
        Matcher m = LIST_FILE.matcher(listOrClassInd.getFileName().toString());
        String number = m.matches() ? m.group(2) : "01";
        Path classInd = dir.resolve("classInd.txt");
        if (!Files.isRegularFile(classInd)) throw new IOException(classInd + ": no such file (UCF101 lists need classInd.txt beside them)");
        Path root = videos != null ? videos : Files.isDirectory(dir.resolveSibling("UCF-101")) ? dir.resolveSibling("UCF-101") : dir;
        Map<Integer, String> byIndex = readClassInd(classInd, onBadEntry);
        if (byIndex.size() < 2) throw new IOException(classInd + ": needs at least 2 classes, found " + byIndex.size());
        List<String> classes = new ArrayList<>(byIndex.values());
        Map<Integer, Integer> labelOf = new TreeMap<>();
        int k = 0;
        for (int index : byIndex.keySet()) labelOf.put(index, k++);
        List<Item> items = new ArrayList<>();
        Path train = dir.resolve("trainlist" + number + ".txt"), test = dir.resolve("testlist" + number + ".txt");
        if (!Files.isRegularFile(train) && !Files.isRegularFile(test)) {
            throw new IOException(dir + ": no trainlist" + number + ".txt or testlist" + number + ".txt beside classInd.txt");
        }
        if (Files.isRegularFile(train)) readList(train, "train", true, root, classes, labelOf, items, onBadEntry);
        if (Files.isRegularFile(test)) readList(test, "test", false, root, classes, labelOf, items, onBadEntry);
        return new ActionCorpus(classes, items);
    }

    private static Map<Integer, String> readClassInd(Path file, Consumer<String> onBadEntry) throws IOException {
        Map<Integer, String> byIndex = new TreeMap<>();
        Set<String> names = new HashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            String where = file + ":" + (i + 1) + ": ";
            Integer index = f.length == 2 ? parseIndex(f[0]) : null;
            if (index == null) {
                onBadEntry.accept(where + "expected '<index> <ClassName>', got '" + line + "'; skipped");
            } else if (byIndex.containsKey(index) || !names.add(f[1])) {
                onBadEntry.accept(where + "class " + index + " " + f[1] + " is listed twice; skipped");
            } else {
                byIndex.put(index, f[1]);
            }
        }
        return byIndex;
    }

    private static void readList(Path list, String split, boolean labelled, Path root, List<String> classes,
                                 Map<Integer, Integer> labelOf, List<Item> items, Consumer<String> onBadEntry) throws IOException {
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = strip(lines.get(i));
            if (line.isEmpty()) continue;
            String where = list + ":" + (i + 1) + ": ";
            String[] f = line.split("\\s+");
            if (f.length != (labelled ? 2 : 1)) {
                onBadEntry.accept(where + "expected '" + (labelled ? "<Class>/<file> <index>" : "<Class>/<file>") + "', got '" + line + "'; skipped");
                continue;
            }
            String rel = f[0];
            int slash = rel.indexOf('/');
            int byFolder = slash > 0 ? classes.indexOf(rel.substring(0, slash)) : -1;
            int label;
            if (labelled) {
                Integer index = parseIndex(f[1]);
                if (index == null || !labelOf.containsKey(index)) {
                    onBadEntry.accept(where + "class index '" + f[1] + "' is not in classInd.txt; skipped");
                    continue;
                }
                label = labelOf.get(index);
                if (byFolder >= 0 && byFolder != label) {
                    onBadEntry.accept(where + "folder " + rel.substring(0, slash) + " disagrees with class " + f[1] + " (" + classes.get(label) + "); skipped");
                    continue;
                }
            } else if (byFolder < 0) {
                onBadEntry.accept(where + "no class in classInd.txt names the folder of '" + rel + "'; skipped");
                continue;
            } else {
                label = byFolder;
            }
            Path file;
            try {
                file = SafePaths.resolveUnder(root, rel);
            } catch (IllegalArgumentException e) {
                onBadEntry.accept(where + e.getMessage() + "; skipped");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                onBadEntry.accept(where + file + ": no such file; skipped");
                continue;
            }
            items.add(new Item(rel, file, split, label));
        }
    }

    /** DIR/<class>/... (split "train") or DIR/<split>/<class>/...; classes are the sorted folder names. */
    public static ActionCorpus readFolders(Path dir, Consumer<String> onBadEntry) throws IOException {
        List<Path> splitDirs = new ArrayList<>();
        for (String s : SPLIT_FOLDERS) if (Files.isDirectory(dir.resolve(s))) splitDirs.add(dir.resolve(s));
        if (splitDirs.isEmpty()) splitDirs.add(dir);
        List<String> classes = new ArrayList<>();
        for (Path s : splitDirs) for (Path c : subfolders(s)) if (!classes.contains(c.getFileName().toString())) classes.add(c.getFileName().toString());
        classes.sort(null);
        if (classes.size() < 2) throw new IOException(dir + ": needs a folder per class (at least 2), found " + classes.size());
        List<Item> items = new ArrayList<>();
        for (Path s : splitDirs) {
            String split = s.equals(dir) ? "train" : s.getFileName().toString().equals("val") ? "validate" : s.getFileName().toString();
            for (Path c : subfolders(s)) {
                int label = classes.indexOf(c.getFileName().toString());
                for (Path f : MediaInputs.list(List.of(c), MediaKind.VIDEOS, (p, why) -> onBadEntry.accept(p + ": " + why + "; skipped"))) {
                    items.add(new Item(dir.relativize(f).toString(), f, split, label));
                }
            }
        }
        return new ActionCorpus(classes, items);
    }

    private static List<Path> subfolders(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** groundtruth.json of 'synth videos': the motion classes; files under {@code videos} or the json's folder. */
    public static ActionCorpus readGroundTruth(Path json, Path videos, Consumer<String> onBadEntry) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json.toFile());
        } catch (IOException e) {
            throw new IOException(json + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        JsonNode vs = root.get("videos");
        if (vs == null || !vs.isArray() || (vs.size() > 0 && !vs.get(0).has("objects"))) {
            throw new IOException(json + ": not a groundtruth.json of 'synth videos' (needs videos[] with objects[] and their motion)");
        }
        Path dir = videos != null ? videos : json.toAbsolutePath().getParent();
        List<Item> items = new ArrayList<>();
        int mixed = 0;
        for (JsonNode v : vs) {
            String id = v.path("video_id").asText("?");
            String where = json + ": video " + id + ": ";
            Set<String> motions = new HashSet<>();
            for (JsonNode o : v.path("objects")) motions.add(o.path("motion").asText(""));
            if (motions.size() > 1) {
                mixed++;
                continue;
            }
            String motion = motions.isEmpty() ? "" : motions.iterator().next();
            int label = MOTION_CLASSES.indexOf(motion);
            if (label < 0) {
                onBadEntry.accept(where + "unknown motion '" + motion + "'; skipped");
                continue;
            }
            String rel = v.path("files").path("msrvtt").asText(v.path("files").path("msvd").asText(""));
            Path file;
            try {
                file = SafePaths.resolveUnder(dir, rel);
            } catch (IllegalArgumentException e) {
                onBadEntry.accept(where + e.getMessage() + "; skipped");
                continue;
            }
            if (!Files.isRegularFile(file)) {
                onBadEntry.accept(where + file + ": no such file; skipped");
                continue;
            }
            String split = v.path("split").asText("train");
            items.add(new Item(id, file, split.equals("val") ? "validate" : split, label));
        }
        List<String> notes = mixed == 0 ? List.of()
                : List.of(json + ": " + mixed + " clip(s) whose two shapes do different things have no single action class; left out");
        return new ActionCorpus(MOTION_CLASSES, items, notes);
    }

    private static Integer parseIndex(String s) {
        try {
            int v = Integer.parseInt(s);
            return v >= 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String strip(String line) {
        String s = line.strip();
        return s.startsWith("\uFEFF") ? s.substring(1).strip() : s;
    }
}

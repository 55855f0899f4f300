package dev.vlsuite.shared.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3,000 questions with messy answers scored by the official algorithm in Python
 * (resources/metrics/vqa_eval_reference.py, written from shared/ref/VQA-EVAL.md) and by vlsuite: overall, every
 * answer type, every question type and every per-question value must be identical.
 */
class VqaOfficialParityTest {
    @TempDir Path dir;

    @Test
    void matchesTheOfficialAlgorithmOnMessyAnswers() throws Exception {
        Path python = python();
        Assumptions.assumeTrue(python != null, "skipped: no python3 on this machine to run the official algorithm");
        MessyVqaFiles.write(dir, 3000, 20261201L);
        Path script = dir.resolve("vqa_eval_reference.py");
        try (InputStream in = getClass().getResourceAsStream("/metrics/vqa_eval_reference.py")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("official.json");
        Process p = new ProcessBuilder(python.toString(), script.toString(), dir.resolve("questions.json").toString(),
                dir.resolve("annotations.json").toString(), dir.resolve("results.json").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the Python reference did not finish in 120 s");
        assertEquals(0, p.exitValue(), () -> "the Python reference failed: " + read(dir.resolve("python.log")));
        JsonNode official = Json.MAPPER.readTree(out.toFile());

        VqaReport report = VqaAccuracy.evaluate(VqaFiles.readQuestions(dir.resolve("questions.json")),
                VqaFiles.readAnnotations(dir.resolve("annotations.json")), VqaFiles.readResults(dir.resolve("results.json")));

        JsonNode acc = official.get("accuracy");
        assertEquals(acc.get("overall").doubleValue(), report.overall(), 0, "overall");
        assertSame(acc.get("perAnswerType"), report.perAnswerType(), "answer type");
        assertSame(acc.get("perQuestionType"), report.perQuestionType(), "question type");
        JsonNode evalQa = official.get("evalQA");
        assertEquals(evalQa.size(), report.perQuestion().size());
        int[] levels = new int[5];
        for (var e : report.perQuestion().entrySet()) {
            assertEquals(evalQa.get(String.valueOf(e.getKey())).doubleValue(), e.getValue(), 0, "question " + e.getKey());
            levels[(int) Math.round(e.getValue() / 30)]++; // 0, 30, 60, 90, 100 -> 0..3, 3
        }
        // the file is not trivial: every accuracy level occurs and the overall is far from 0 and 100
        for (int l = 0; l < 4; l++) assertTrue(levels[l] > 50, "accuracy level " + l + " occurs only " + levels[l] + " times");
        assertTrue(report.overall() > 20 && report.overall() < 90, "overall " + report.overall());
    }

    private static void assertSame(JsonNode expected, Map<String, Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " count");
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(e.getValue().doubleValue(), actual.get(e.getKey()), 0, what + " " + e.getKey());
        }
    }

    /** /usr/bin/python3 (the project's reference interpreter) or python3 on the PATH; null when neither runs. */
    static Path python() {
        for (String candidate : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import json, decimal, re").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return Path.of(candidate);
            } catch (IOException | InterruptedException notThere) {
                // try the next one
            }
        }
        return null;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}

#!/usr/bin/env bash
# The official VQA accuracy on N questions with messy answers: vlsuite (Java) and the official algorithm in Python
# (shared/src/test/resources/metrics/vqa_eval_reference.py), same files, same run, results compared question by question.
# usage: bash bench/vqa-score.sh [N=200000] [java runs=5]     (after: mvn -q -B -o -pl shared -am -DskipTests test-compile package)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}; RUNS=${2:-5}
DIR=$(mktemp -d /tmp/vlsuite-vqa-bench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
CP="shared/target/test-classes:shared/target/classes:$(cat shared/target/classpath.txt)"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $N questions"
java -cp "$CP" dev.vlsuite.shared.metrics.vqa.VqaAccuracyBenchmark write "$N" "$DIR"
ls -l "$DIR" | awk 'NR > 1 {print "   " $5 " bytes  " $9}'
echo "== java (read + evaluate in one JVM, $RUNS runs)"
/usr/bin/time -f "java process: %e s wall, %U+%S s CPU, %M KB max RSS" \
  java -Xmx8g -cp "$CP" dev.vlsuite.shared.metrics.vqa.VqaAccuracyBenchmark score "$DIR" "$RUNS" "$DIR/java.json"
echo "== python, the official algorithm (json.load of questions+annotations, then loadRes + evaluate)"
/usr/bin/time -f "python process: %e s wall, %U+%S s CPU, %M KB max RSS" \
  /usr/bin/python3 shared/src/test/resources/metrics/vqa_eval_reference.py \
  "$DIR/questions.json" "$DIR/annotations.json" "$DIR/results.json" "$DIR/python.json"
/usr/bin/python3 - "$DIR/java.json" "$DIR/python.json" <<'PY'
import json, sys
j, p = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print("python loadRes + evaluate: %.3f s wall, %.3f s CPU" % (p["seconds"], p["cpu_seconds"]))
acc = p["accuracy"]
same = (j["overall"] == acc["overall"] and j["perAnswerType"] == acc["perAnswerType"]
        and j["perQuestionType"] == acc["perQuestionType"] and j["perQuestion"] == p["evalQA"])
print("overall java %.2f python %.2f; %d questions; identical overall, per type and per question: %s"
      % (j["overall"], acc["overall"], len(p["evalQA"]), same))
sys.exit(0 if same else 1)
PY

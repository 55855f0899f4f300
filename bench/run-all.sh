#!/usr/bin/env bash
# Every figure in BENCHMARKS.md, each Java benchmark and its reference back to back in one run on this machine.
# usage: bash bench/run-all.sh [threads]    (after: mvn -q -B -o -DskipTests package: benchmark mains live in the test sources)
# The PyTorch reference needs Debian's python3-torch with the OpenMP OpenBLAS behind BOTH alternatives and no BLAS
# thread limit (bench/README.md); bench/check-reference.sh refuses to run otherwise. One window proves little on a
# shared machine: bench/pairs.sh gives the comparison as medians of interleaved pairs.
set -uo pipefail
cd "$(dirname "$0")/.."
T=${1:-2}
. bench/check-reference.sh || exit 2
CP="shared/target/test-classes:captioning/target/test-classes:captioning/target/classes:shared/target/classes:$(cat captioning/target/classpath.txt):captioning/target/launcher/*"
J="java -Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -cp $CP"
PY="/usr/bin/python3 bench/pytorch_reference.py"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== float32 matmul 2048x2048"
$J dev.vlsuite.shared.engine.MatmulBenchmark 10 $T
$PY matmul 10 $T
echo "== caption metrics, 5000 images x 5 refs"
java -cp "shared/target/test-classes:shared/target/classes:$(cat shared/target/classpath.txt)" dev.vlsuite.shared.metrics.bench.MetricsBenchmark 5000 7 /tmp/vlsuite-metrics-dump.json
/usr/bin/python3 bench/metrics_reference.py /tmp/vlsuite-metrics-dump.json
echo "== bin/score against the MS-COCO caption toolkit, whole process, interleaved (after mvn -DskipTests package)"
bash bench/score-vs-toolkit.sh 3 5000 "${COCO_CAPTION_TOOLKIT:-../shared/ref/coco-caption-toolkit}"
echo "== training steps (B=32 L=196 D=512 E=H=A=512 V=10k T=20), load: $(cut -d' ' -f1-3 /proc/loadavg)"
$J dev.vlsuite.captioning.bench.CaptionTrainingBenchmark 15 $T soft hard
$PY train 8 $T
echo "== greedy and beam-3 decoding, batch 32, load: $(cut -d' ' -f1-3 /proc/loadavg)"
$J dev.vlsuite.captioning.bench.CaptionDecodeBenchmark 10 $T soft 1
$J dev.vlsuite.captioning.bench.CaptionDecodeBenchmark 10 $T soft 3
$PY decode 10 $T
echo "== backbones, load: $(cut -d' ' -f1-3 /proc/loadavg)"
$J dev.vlsuite.shared.vision.BackboneBench vgg16 8 4
$J dev.vlsuite.shared.vision.BackboneBench vgg-small 8 20
$PY vgg 8 $T
echo "== caption run end to end (200 images)"
$J dev.vlsuite.captioning.api.CaptionRunBench 200 $T
echo "== done, load: $(cut -d' ' -f1-3 /proc/loadavg)"

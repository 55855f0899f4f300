#!/usr/bin/env bash
# Every figure in BENCHMARKS.md, Java and its reference back to back in one run on this machine.
# usage: bash bench/run-all.sh [threads]    (after: mvn -q -B -DskipTests package: benchmark mains live in the test sources)
# Needs Debian's python3-torch and libopenblas0-pthread for the PyTorch reference (bench/pytorch_reference.py).
set -uo pipefail
cd "$(dirname "$0")/.."
T=${1:-2}
CP="shared/target/test-classes:captioning/target/test-classes:captioning/target/classes:$(cat captioning/target/classpath.txt):captioning/target/launcher/*"
J="java -Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error -Dai.djl.pytorch.num_threads=$T -Dai.djl.pytorch.num_interop_threads=$T -cp $CP"
# OPENBLAS_NUM_THREADS=1: torch already runs T OpenMP threads; a second OpenBLAS pool oversubscribes (2x slower here)
PY="OPENBLAS_NUM_THREADS=1 /usr/bin/python3 -c \"import os,sys,runpy; os.cpu_count=lambda:$T; sys.argv=['p']+sys.argv[1:]; runpy.run_path('bench/pytorch_reference.py', run_name='__main__')\""
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== caption metrics, 5000 images x 5 refs"
java -cp "shared/target/test-classes:shared/target/classes:$(cat shared/target/classpath.txt)" dev.vlsuite.shared.metrics.bench.MetricsBenchmark 5000 7 /tmp/vlsuite-metrics-dump.json
/usr/bin/python3 bench/metrics_reference.py /tmp/vlsuite-metrics-dump.json
echo "== bin/score against the MS-COCO caption toolkit, whole process, interleaved (after mvn -DskipTests package)"
bash bench/score-vs-toolkit.sh 3 5000 "${COCO_CAPTION_TOOLKIT:-../shared/ref/coco-caption-toolkit}"
echo "== training steps (B=32 L=196 D=512 E=H=A=512 V=10k T=20)"
$J dev.vlsuite.captioning.bench.CaptionTrainingBenchmark 15 $T soft hard
eval "$PY train 8"
echo "== greedy decoding, batch 32"
$J dev.vlsuite.captioning.bench.CaptionDecodeBenchmark 10 $T soft
eval "$PY decode 10"
echo "== backbones"
$J dev.vlsuite.shared.vision.BackboneBench vgg16 8 4
$J dev.vlsuite.shared.vision.BackboneBench vgg-small 8 20
eval "$PY vgg 4"
echo "== caption run end to end (200 images)"
$J dev.vlsuite.captioning.api.CaptionRunBench 200 $T
echo "== done, load: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Issue 10 training step (LF-QIH disc at visdial-challenge-starter-pytorch's shapes) against PyTorch eager as
# interleaved pairs (bench/train-pairs.sh's method), plus the 2048x2048 matmul rate of both sides in the same
# session, for the share of the machine's matmul rate. For each row, N pairs of processes, the side that goes first
# alternating, the 1-minute load average recorded as each run starts. Both sides: the same net, the same micro-batch
# shapes (MICRO dialogs x 10 rounds x 100 options of 20 tokens per backward), DIALOGS dialogs per optimizer step.
#
# usage: [DIALOGS=32] [MICRO=4] [STEPS=1] bash bench/dialog-pairs.sh [pairs [threads [rows...]]]   rows: dialog matmul
#   A full step (32 dialogs, 32,000 option sequences) is ~14 TFLOP: minutes per step on 2 cores; DIALOGS=1 MICRO=1
#   times one dialog (10 rounds, 1,000 option sequences, 1/32 of a step; the step is linear in the dialogs).
#   needs: mvn -q -B -o -pl vqa -am -DskipTests package  (from the repository root), the reference's set-up (bench/README.md)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}; T=${2:-2}; shift 2 2>/dev/null || shift $#
ROWS=${*:-dialog matmul}
DIALOGS=${DIALOGS:-32}; MICRO=${MICRO:-4}; STEPS=${STEPS:-1}
. bench/check-reference.sh || exit 2
JOPTS="-Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error"
CP="shared/target/test-classes:vqa/target/test-classes:vqa/target/classes:shared/target/classes:$(cat vqa/target/classpath.txt):vqa/target/launcher/*"
load() { cut -d' ' -f1 /proc/loadavg; }
run() {  # side row -> ms per step, or GFLOP/s for matmul
  local out
  case "$1:$2" in
    # java: 1 warm-up step then STEPS timed; python (pytorch_reference.times): 2 warm-up steps then STEPS timed
    java:dialog) out=$(java $JOPTS -cp "$CP" dev.vlsuite.vqa.bench.DialogTrainingBenchmark "$STEPS" "$T" "$MICRO" "$DIALOGS" 1) ;;
    py:dialog)   out=$(/usr/bin/python3 bench/dialog_step.py "$STEPS" "$T" "$MICRO" "$DIALOGS") ;;
    java:matmul) out=$(java $JOPTS -cp "$CP" dev.vlsuite.shared.engine.MatmulBenchmark 5 "$T") ;;
    py:matmul)   out=$(/usr/bin/python3 bench/pytorch_reference.py matmul 5 "$T") ;;
  esac
  echo "$out" | sed 's/^/    /' >&2
  if [ "$2" = matmul ]; then echo "$out" | grep -oE '[0-9.]+ GFLOP/s,' | head -1 | cut -d' ' -f1
  else echo "$out" | grep -oE '\(([0-9.]+) ms/step\)|train step [^:]*: [0-9.]+ ms' | grep -oE '[0-9.]+ ms' | head -1 | cut -d' ' -f1; fi
}
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, $N pairs, $DIALOGS dialogs per step in micro-batches of $MICRO, load $(cut -d' ' -f1-3 /proc/loadavg)"
for row in $ROWS; do
  ratios=()
  for i in $(seq 1 "$N"); do
    sides="java py"; [ $((i % 2)) -eq 0 ] && sides="py java"
    declare -A v=(); line="$row pair $i:"
    for s in $sides; do l=$(load); v[$s]=$(run "$s" "$row"); line="$line $s ${v[$s]} (load $l);"; done
    if [ "$row" = matmul ]; then r=$(/usr/bin/python3 -c "print(f'{${v[java]:-nan}/${v[py]:-nan}:.2f}')" 2>/dev/null || echo NA)
    else r=$(/usr/bin/python3 -c "print(f'{${v[py]:-nan}/${v[java]:-nan}:.2f}')" 2>/dev/null || echo NA); fi
    echo "$line vlsuite/PyTorch speed $r"; ratios+=("$r"); unset v
  done
  /usr/bin/python3 -c "import statistics,sys; r=[float(x) for x in sys.argv[2:] if x!='NA']; print(f'{sys.argv[1]}: median vlsuite/PyTorch speed {statistics.median(r):.2f} (range {min(r):.2f}-{max(r):.2f})')" "$row" "${ratios[@]}"
done
echo "== done $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

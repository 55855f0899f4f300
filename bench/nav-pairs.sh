#!/usr/bin/env bash
# Issue 11 training step (the R2R seq2seq baseline's shapes) against PyTorch eager as interleaved pairs
# (bench/train-pairs.sh's method), plus the 2048x2048 matmul rate of both sides in the same session, for the share
# of the machine's matmul rate. For each row, N pairs of processes, the side that goes first alternating, the
# 1-minute load average recorded as each run starts.
#
# usage: bash bench/nav-pairs.sh [pairs [threads [rows...]]]     rows: nav matmul (default: both)
#   needs: mvn -q -B -o -pl navigation -am test-compile   (from the repository root), the reference's set-up
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}; T=${2:-2}; shift 2 2>/dev/null || shift $#
ROWS=${*:-nav matmul}
. bench/check-reference.sh || exit 2
JOPTS="-Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error"
CP="shared/target/test-classes:navigation/target/test-classes:navigation/target/classes:shared/target/classes:$(cat navigation/target/classpath.txt):navigation/target/launcher/*"
load() { cut -d' ' -f1 /proc/loadavg; }
run() {  # side row -> ms per step, or GFLOP/s for matmul
  local out
  case "$1:$2" in
    java:nav)    out=$(java $JOPTS -cp "$CP" dev.vlsuite.navigation.bench.NavTrainingBenchmark 4 "$T") ;;
    py:nav)      out=$(/usr/bin/python3 bench/nav_seq2seq_step.py 2 "$T") ;;
    java:matmul) out=$(java $JOPTS -cp "$CP" dev.vlsuite.shared.engine.MatmulBenchmark 5 "$T") ;;
    py:matmul)   out=$(/usr/bin/python3 bench/pytorch_reference.py matmul 5 "$T") ;;
  esac
  if [ "$2" = matmul ]; then echo "$out" | grep -oE '[0-9.]+ GFLOP/s,' | head -1 | cut -d' ' -f1
  else echo "$out" | grep -oE '\(([0-9.]+) ms/step\)|train step [^:]*: [0-9.]+ ms' | grep -oE '[0-9.]+ ms' | head -1 | cut -d' ' -f1; fi
}
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, $N pairs, load $(cut -d' ' -f1-3 /proc/loadavg)"
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

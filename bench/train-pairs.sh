#!/usr/bin/env bash
# Issue 8 / 9 training steps against PyTorch eager as interleaved pairs (bench/pairs.sh's method): for each row, N
# pairs of processes, the side that goes first alternating, the 1-minute load average recorded as each run starts.
#
# usage: bash bench/train-pairs.sh [pairs [threads [rows...]]]     rows: s2vt512 s2vt1000 vqa (default: s2vt512 vqa)
#   needs: mvn -q -B -o -DskipTests package -pl video,vqa -am   (from the repository root), the reference's set-up
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}; T=${2:-2}; shift 2 2>/dev/null || shift $#
ROWS=${*:-s2vt512 vqa}
. bench/check-reference.sh || exit 2
JOPTS="-Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error"
cp_of() { echo "shared/target/test-classes:$1/target/test-classes:$1/target/classes:shared/target/classes:$(cat "$1"/target/classpath.txt)"; }
load() { cut -d' ' -f1 /proc/loadavg; }
run() {  # side row -> ms per step
  local out
  case "$1:$2" in
    java:s2vt*) out=$(java $JOPTS -cp "$(cp_of video)" dev.vlsuite.video.bench.S2vtTrainingBenchmark 10 "$T" "${2#s2vt}") ;;
    py:s2vt*)   out=$(/usr/bin/python3 bench/pytorch_video_vqa.py s2vt 3 "$T" "${2#s2vt}") ;;
    java:vqa)   out=$(java $JOPTS -cp "$(cp_of vqa)" dev.vlsuite.vqa.bench.VqaTrainingBenchmark 15 "$T") ;;
    py:vqa)     out=$(/usr/bin/python3 bench/pytorch_video_vqa.py vqa 5 "$T") ;;
  esac
  echo "$out" | grep -oE '\(([0-9.]+) ms/step\)|train step [^:]*: [0-9.]+ ms' | grep -oE '[0-9.]+ ms' | head -1 | cut -d' ' -f1
}
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, $N pairs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for row in $ROWS; do
  ratios=()
  for i in $(seq 1 "$N"); do
    sides="java py"; [ $((i % 2)) -eq 0 ] && sides="py java"
    declare -A v=(); line="$row pair $i:"
    for s in $sides; do l=$(load); v[$s]=$(run "$s" "$row"); line="$line $s ${v[$s]} ms (load $l);"; done
    r=$(/usr/bin/python3 -c "print(f'{${v[py]:-nan}/${v[java]:-nan}:.2f}')" 2>/dev/null || echo NA)
    echo "$line PyTorch/vlsuite $r"; ratios+=("$r"); unset v
  done
  /usr/bin/python3 -c "import statistics,sys; r=[float(x) for x in sys.argv[2:] if x!='NA']; print(f'{sys.argv[1]}: median PyTorch/vlsuite {statistics.median(r):.2f} (range {min(r):.2f}-{max(r):.2f})')" "$row" "${ratios[@]}"
done
echo "== done $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

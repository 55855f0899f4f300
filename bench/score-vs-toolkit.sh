#!/usr/bin/env bash
# Whole-process wall time of `bin/score` and of the MS-COCO caption toolkit on the same corpus, interleaved.
# usage: bash bench/score-vs-toolkit.sh [pairs] [images] [toolkit dir]   (after: mvn -q -B -o -DskipTests package)
# The corpus is MetricsBenchmark's synthetic one (images x 5 references); pairs alternate which side goes first.
# Each run: wall seconds and CPU seconds (user + sys of the process and its children, /usr/bin/time).
set -uo pipefail
cd "$(dirname "$0")/.."
PAIRS=${1:-3}; N=${2:-5000}; TK=${3:-../shared/ref/coco-caption-toolkit}
DIR=$(mktemp -d /tmp/score-vs-toolkit.XXXXXX)
CP="shared/target/test-classes:shared/target/classes:$(cat shared/target/classpath.txt)"   # MetricsBenchmark lives in the test sources
java -cp "$CP" dev.vlsuite.shared.metrics.bench.MetricsBenchmark "$N" 0 "$DIR" inputs || exit 3
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $N images x 5 refs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
bin/score --refs "$DIR/refs.json" --results "$DIR/results.json" > /dev/null 2>&1 # first run writes the CDS archive
# prints "WALL CPU" in seconds
wall() { /usr/bin/time -f "%e %U %S" -o "$DIR/time.txt" "$@" > "$DIR/out.txt" 2>&1 || { cat "$DIR/out.txt" >&2; exit 3; }; awk '{printf "%.2f %.2f", $1, $2 + $3}' "$DIR/time.txt"; }
for p in $(seq 1 "$PAIRS"); do
  if [ $((p % 2)) = 1 ]; then
    s=$(wall bin/score --refs "$DIR/refs.json" --results "$DIR/results.json"); t=$(wall python3 "$TK/evaluate.py" "$DIR/refs.json" "$DIR/results.json")
  else
    t=$(wall python3 "$TK/evaluate.py" "$DIR/refs.json" "$DIR/results.json"); s=$(wall bin/score --refs "$DIR/refs.json" --results "$DIR/results.json")
  fi
  read -r sw sc <<< "$s"; read -r tw tc <<< "$t"
  echo "pair $p: bin/score ${sw} s wall ${sc} s CPU, toolkit ${tw} s wall ${tc} s CPU, ratio wall $(echo "scale=1; $tw / $sw" | bc) CPU $(echo "scale=1; $tc / $sc" | bc) (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "== done $(date -u '+%H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$DIR"

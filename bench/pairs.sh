#!/usr/bin/env bash
# vlsuite against the PyTorch eager reference as interleaved pairs: for every row, N pairs of processes, the side
# that goes first alternating, the load average recorded with each run; prints each pair, then per row the median
# of the N ratios and their range. ~10 minutes at 2 threads on a quiet 2-core machine (N=5).
#
# usage: bash bench/pairs.sh [pairs [threads [rows...]]]      rows: matmul train greedy beam vgg (default: all)
#   needs: mvn -q -B -o -DskipTests package   (from the repository root), and the reference's setup (bench/README.md)
#   BASE=DIR also times an earlier vlsuite build (DIR/{shared-classes,cap-classes,cap-test-classes}) in each pair
#   RAW=FILE keeps the per-run lines (default /tmp/vlsuite-pairs.tsv); ITERS=n timed decodes per process (default 5)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-5}; T=${2:-2}; shift 2 2>/dev/null || shift $#
ROWS=${*:-matmul train greedy beam vgg}
RAW=${RAW:-/tmp/vlsuite-pairs.tsv}
I=${ITERS:-5}
. bench/check-reference.sh || exit 2

CP="shared/target/test-classes:captioning/target/test-classes:captioning/target/classes:shared/target/classes:$(cat captioning/target/classpath.txt):captioning/target/launcher/*"
JOPTS="-Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error"
java_cmd() { java $JOPTS -cp "${1:-$CP}" "${@:2}"; }
base_cp() { echo "$BASE/cap-test-classes:$BASE/cap-classes:$BASE/shared-classes:shared/target/test-classes:$(cat captioning/target/classpath.txt)"; }
py_cmd() { /usr/bin/python3 bench/pytorch_reference.py "$@"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# one run: side row -> "value" (ms, or GFLOP/s for matmul) on stdout; the full output goes to $RAW
run() {
  local side=$1 row=$2 out cp=$CP
  [ "$side" = base ] && cp=$(base_cp)
  local l0; l0=$(load)
  case "$side:$row" in
    java:matmul|base:matmul) out=$(java_cmd "$cp" dev.vlsuite.shared.engine.MatmulBenchmark 5 "$T") ;;
    py:matmul)               out=$(py_cmd matmul 5 "$T") ;;
    java:train|base:train)   out=$(java_cmd "$cp" dev.vlsuite.captioning.bench.CaptionTrainingBenchmark 10 "$T" soft hard) ;;
    py:train)                out=$(py_cmd train 5 "$T") ;;
    java:greedy|base:greedy) out=$(java_cmd "$cp" dev.vlsuite.captioning.bench.CaptionDecodeBenchmark "$I" "$T" soft 1) ;;
    py:greedy)               out=$(py_cmd greedy "$I" "$T") ;;
    java:beam|base:beam)     out=$(java_cmd "$cp" dev.vlsuite.captioning.bench.CaptionDecodeBenchmark "$I" "$T" soft 3) ;;
    py:beam)                 out=$(py_cmd beam "$I" "$T") ;;
    java:vgg|base:vgg)       out=$(java_cmd "$cp" dev.vlsuite.shared.vision.BackboneBench vgg16 8 3) ;;
    py:vgg)                  out=$(py_cmd vgg 6 "$T") ;;
  esac
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%H:%M:%S)" "$side" "$row" "$l0" "$(echo "$out" | tr '\n' '|')" >> "$RAW"
  echo "$out" | /usr/bin/python3 -c '
import re, sys
row = sys.argv[1]; text = sys.stdin.read()
if row == "matmul":   vals = re.findall(r"([0-9.]+) GFLOP/s,", text)
elif row == "vgg":    vals = re.findall(r"(?:median |: )([0-9.]+) ms/image", text)
elif row == "train":  vals = re.findall(r"\(([0-9.]+) ms/step\)", text) or re.findall(r"train step [^:]*: ([0-9.]+) ms", text)
else:                 vals = re.findall(r"decode batch [^:]*: ([0-9.]+) ms", text)
cpu = re.findall(r"CPU ([0-9.]+) GFLOP/s" if row == "matmul" else r"decode batch .*CPU ([0-9.]+) ms", text)
print((" ".join(vals) if vals else "NA") + ("/" + " ".join(cpu) if cpu else ""))' "$row"
}

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, $N pairs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)'), $(java -version 2>&1 | head -1)"
: > "$RAW.pairs"
for row in $ROWS; do
  for i in $(seq 1 "$N"); do
    sides="java py"; [ $((i % 2)) -eq 0 ] && sides="py java"
    [ -n "${BASE:-}" ] && sides="$sides base"
    line="$row pair $i:"
    declare -A v=()
    for s in $sides; do
      l=$(load); v[$s]=$(run "$s" "$row"); line="$line $s ${v[$s]// /,} (load $l);"
    done
    echo "$line"
    printf '%s\t%s\t%s\t%s\n' "$row" "${v[java]}" "${v[py]}" "${v[base]:-}" >> "$RAW.pairs"
    unset v
  done
done
echo "== done $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$RAW.pairs" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    row, j, p, b = (line.rstrip("\n").split("\t") + [""])[:4]
    wall = lambda x: x.split("/")[0].split()
    rows.setdefault(row, []).append((wall(j), wall(p), wall(b)))
    if "/" in j and "/" in p:   # process CPU time (or GFLOP per CPU-second): less sensitive to other load
        cpu = lambda x: x.split("/")[1].split() if "/" in x else []
        rows.setdefault(row + " CPU", []).append((cpu(j), cpu(p), cpu(b)))
names = {"matmul": ["2048^2 matmul GFLOP/s"], "train": ["soft train step", "hard train step"],
         "greedy": ["greedy decode B=32"], "beam": ["beam 3 decode B=32"], "vgg": ["VGG-16 to fc7 ms/image"],
         "matmul CPU": ["2048^2 matmul GFLOP per CPU-s"], "greedy CPU": ["greedy decode B=32, CPU ms"],
         "beam CPU": ["beam 3 decode B=32, CPU ms"]}
print("row | vlsuite median (range) | PyTorch median (range) | PyTorch/vlsuite per pair: median (range)"
      + (" | earlier vlsuite median, PyTorch/earlier median" if any(r[2] for v in rows.values() for r in v) else ""))
for row, runs in rows.items():
    for k, name in enumerate(names.get(row, [row])):
        try:
            j = [float(r[0][k]) for r in runs]; p = [float(r[1][k]) for r in runs]
        except (IndexError, ValueError):
            print(f"{name}: a run failed, see the raw output"); continue
        # ratio > 1: vlsuite ahead (less time, or more GFLOP/s for matmul)
        ratio = [a / b for a, b in zip(j, p)] if row.startswith("matmul") else [b / a for a, b in zip(j, p)]
        line = (f"{name} | {statistics.median(j):.0f} ({min(j):.0f}-{max(j):.0f}) | {statistics.median(p):.0f} "
                f"({min(p):.0f}-{max(p):.0f}) | {statistics.median(ratio):.2f} ({min(ratio):.2f}-{max(ratio):.2f})")
        try:
            b = [float(r[2][k]) for r in runs]
            rb = [x / y for x, y in zip(b, p)] if row.startswith("matmul") else [y / x for x, y in zip(b, p)]
            line += f" | {statistics.median(b):.0f} ({min(b):.0f}-{max(b):.0f}), {statistics.median(rb):.2f} ({min(rb):.2f}-{max(rb):.2f})"
        except (IndexError, ValueError):
            pass
        print(line)
# each benchmark's FLOP (bench/README.md) / its median time / the same side's median matmul rate of this run
flop = {"soft train step": 42.2e9, "hard train step": 42.2e9, "greedy decode B=32": 15.2e9,
        "beam 3 decode B=32": 38.8e9, "VGG-16 to fc7 ms/image": 30.9e9}
if "matmul" in rows:
    rate = [statistics.median(float(r[s][0]) for r in rows["matmul"]) * 1e9 for s in (0, 1)]
    print("share of the side's own 2048^2 matmul rate (FLOP / median time / rate): vlsuite | PyTorch")
    for row, runs in rows.items():
        for k, name in enumerate(names.get(row, [row])):
            if name in flop:
                try:
                    t = [statistics.median(float(r[s][k]) for r in runs) / 1e3 for s in (0, 1)]
                    print(f"{name} | {flop[name] / t[0] / rate[0]:.0%} | {flop[name] / t[1] / rate[1]:.0%}")
                except (IndexError, ValueError):
                    pass
EOF

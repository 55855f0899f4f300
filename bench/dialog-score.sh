#!/usr/bin/env bash
# `bin/vqa dialog-score` on the v1.0 val size (2,064 dialogs x 10 rounds of 100 options, one dense round per dialog)
# next to the official metric algorithm in Python (bench/visdial_files_reference.py) on the same public files; the
# metrics of both are compared. Whole processes timed with /usr/bin/time (wall, user+system CPU, peak RSS).
# usage: bash bench/dialog-score.sh [runs=3] [dialogs=2064]     needs: mvn -q -B -o -pl vqa,assets -am -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}; N=${2:-2064}
DIR=$(mktemp -d /tmp/vlsuite-dialog-score.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
bin/synth dialogs --count "$N" --seed 11 --size 16 --split 0,1,0 --out "$DIR" > /dev/null
/usr/bin/python3 -c 'import json,random,sys; r=random.Random(3); d=json.load(open(sys.argv[1])); json.dump([{"image_id":x["image_id"],"scores":[[r.random() for _ in range(100)] for _ in x["dialog"]]} for x in d["data"]["dialogs"]], open(sys.argv[2],"w"))' \
  "$DIR/visdial_1.0_val.json" "$DIR/scores.json"
ls -l "$DIR"/*.json | awk '{print "   " $5 " bytes  " $9}'
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $N dialogs"
for i in $(seq 1 "$RUNS"); do
  echo "-- java run $i (load $(cut -d' ' -f1 /proc/loadavg))"
  /usr/bin/time -f "java process: %e s wall, %U+%S s CPU, %M KB max RSS" bin/vqa dialog-score --dialogs "$DIR/visdial_1.0_val.json" \
    --dense "$DIR/visdial_1.0_val_dense_annotations.json" --scores "$DIR/scores.json" --ranks "$DIR/ranks.json" --format json > "$DIR/java.json"
done
echo "-- python, the official algorithm (load $(cut -d' ' -f1 /proc/loadavg))"
/usr/bin/time -f "python process: %e s wall, %U+%S s CPU, %M KB max RSS" /usr/bin/python3 bench/visdial_files_reference.py \
  "$DIR/visdial_1.0_val.json" "$DIR/visdial_1.0_val_dense_annotations.json" "$DIR/scores.json" > "$DIR/python.json"
/usr/bin/python3 - "$DIR/java.json" "$DIR/python.json" <<'PY'
import json, sys
j, p = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print("python: reading %.1f s wall (%.1f CPU), metric algorithm %.1f s wall (%.1f CPU), %d rounds"
      % (p["read_wall"], p["read_cpu"], p["metric_wall"], p["metric_cpu"], p["rounds"]))
print("java:  ", json.dumps({k: v for k, v in j.items() if not isinstance(v, (list, dict))}))
print("python:", json.dumps({k: p[k] for k in ("r@1", "r@5", "r@10", "mean", "mrr", "ndcg")}))
diff = max(abs(j[k] - p[k]) / max(1.0, abs(p[k])) for k in ("r@1", "r@5", "r@10", "mean", "mrr", "ndcg"))
print("largest relative difference %.1e: %s" % (diff, "same metrics" if diff < 1e-6 else "DIFFERENT"))
sys.exit(0 if diff < 1e-6 else 1)
PY
echo "== done $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Dialog rounds answered per second from cached image features (vqa's DialogAnswerBenchmark): disc ranking of 100
# options and gen beam 5, with the built-in dialog-lf.vlm and a random-weight model at the starter's sizes.
# usage: bash bench/dialog-answer.sh [threads=2]      needs: mvn -q -B -o -pl vqa -am -DskipTests package
set -uo pipefail
cd "$(dirname "$0")/.."
T=${1:-2}
JOPTS="-Xmx8g -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl=error"
CP="shared/target/test-classes:vqa/target/test-classes:vqa/target/classes:shared/target/classes:$(cat vqa/target/classpath.txt):vqa/target/launcher/*"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $T threads, load $(cut -d' ' -f1-3 /proc/loadavg)"
#                                                                 model   disc-rounds gen-rounds batch threads
java $JOPTS -cp "$CP" dev.vlsuite.vqa.bench.DialogAnswerBenchmark bundled 640         640        32    "$T"
echo "-- load $(cut -d' ' -f1-3 /proc/loadavg)"
java $JOPTS -cp "$CP" dev.vlsuite.vqa.bench.DialogAnswerBenchmark starter 64          64         8     "$T"
echo "== done $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"

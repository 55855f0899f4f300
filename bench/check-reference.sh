# Sourced by bench/run-all.sh and bench/pairs.sh: refuses to time the PyTorch reference in a set-up that halves it
# (bench/README.md): Debian's pthread OpenBLAS behind either alternative torch may load, or a BLAS thread limit.
# ALLOW_SLOW_REFERENCE=1 turns the refusal into a warning (e.g. to measure how much the set-up matters).
ref_problems=""
for link in /usr/lib/x86_64-linux-gnu/libopenblas.so.0 /usr/lib/x86_64-linux-gnu/libblas.so.3; do
  target=$(readlink -f "$link" 2>/dev/null || true)
  case "$target" in
    *openblas-openmp*) ;;
    "") ref_problems="$ref_problems $link is missing (apt-get install -y libopenblas0-openmp);" ;;
    *) ref_problems="$ref_problems $link -> $target, not the OpenMP build;" ;;
  esac
done
for var in OPENBLAS_NUM_THREADS OMP_NUM_THREADS GOTO_NUM_THREADS; do
  [ -n "${!var:-}" ] && ref_problems="$ref_problems $var=${!var} is set;"
done
/usr/bin/python3 -c 'import torch' 2>/dev/null || ref_problems="$ref_problems Debian's python3-torch is not installed;"
if [ -n "$ref_problems" ]; then
  echo "bench: the PyTorch reference would not run at its best:$ref_problems see bench/README.md" >&2
  [ "${ALLOW_SLOW_REFERENCE:-0}" = 1 ] || return 1 2>/dev/null || exit 1
fi
return 0 2>/dev/null || true

#!/usr/bin/env python3
"""Reference timing for BENCHMARKS.md: pycocoevalcap's pure-Python BLEU, ROUGE-L and CIDEr-D algorithms
(as re-implemented in shared/src/test/resources/metrics/pycocoevalcap_reimpl.py, which the Java tests
match to 1e-9) on the tokenized corpus MetricsBenchmark dumps. The real toolkit could not be installed
here (no PyPI); its tokenizer and METEOR are Java subprocesses and are not timed by this script.

usage: python3 bench/metrics_reference.py dump.json
"""
import json, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "shared", "src", "test", "resources", "metrics"))
import pycocoevalcap_reimpl as ref

data = json.load(open(sys.argv[1]))
gts = data["refs"]
res = {k: [v] for k, v in data["cands"].items()}
times = {}
for name, fn in (("BLEU", ref.bleu), ("ROUGE-L", ref.rouge), ("CIDEr-D", ref.cider)):
    t0 = time.perf_counter()
    out = fn(gts, res)
    times[name] = time.perf_counter() - t0
    print(f"{name:8s} {times[name]:8.3f} s   corpus {out[0] if name != 'BLEU' else out[0][3]:.6f}")
print(f"{'total':8s} {sum(times.values()):8.3f} s   ({len(gts)} images)")

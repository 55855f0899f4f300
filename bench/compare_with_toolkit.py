#!/usr/bin/env python3
"""Per-image comparison of `bin/score --format json` with the MS-COCO toolkit's evaluate.py output.

usage: python3 bench/compare_with_toolkit.py TOOLKIT_OUT.json VLSUITE.json [TOL] [SHOWN]
TOOLKIT_OUT.json: the OUT.json of ../shared/ref/coco-caption-toolkit/evaluate.py (per-image values and the
toolkit's tokenized captions); VLSUITE.json: `bin/score --refs REFS --results CANDS --format json`.
Prints how many images agree on every metric within TOL (default 1e-9) and the first SHOWN (default 20)
differing images with the toolkit's tokenization, so the cause can be read off.
"""
import json
import sys

METRICS = ["Bleu_1", "Bleu_2", "Bleu_3", "Bleu_4", "METEOR", "ROUGE_L", "CIDEr"]


def vl_name(m, per):
    if m in per:
        return m
    return next(k for k in per if k.startswith(m))  # "METEOR (exact+stem+synonym)"


def main():
    tk = json.load(open(sys.argv[1], encoding="utf-8"))
    vl = json.load(open(sys.argv[2], encoding="utf-8"))
    tol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-9
    shown = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    ids = list(tk["per_image"]["Bleu_1"].keys())
    bad, by_metric = [], {m: 0 for m in METRICS}
    for i in ids:
        v = vl["per_image"][i]
        diffs = {}
        for m in METRICS:
            a, b = tk["per_image"][m][i], v[vl_name(m, v)]
            if abs(a - b) > tol:
                diffs[m] = (a, b)
                by_metric[m] += 1
        if diffs:
            bad.append((i, diffs))
    print("%d of %d images agree on all 7 metrics within %g; differing images per metric: %s"
          % (len(ids) - len(bad), len(ids), tol, by_metric))
    for m in METRICS:
        a = tk["corpus"][m]
        b = vl["corpus"][vl_name(m, vl["corpus"])]
        print("corpus %-8s toolkit %.12f vlsuite %.12f diff %.2e" % (m, a, b, b - a))
    for i, diffs in bad[:shown]:
        t = tk["tokenized"][i]
        print("image %s: %s" % (i, ", ".join("%s %.6f vs %.6f" % (m, a, b) for m, (a, b) in diffs.items())))
        print("   cand %r" % t["cand"])
        for r in t["refs"]:
            print("   ref  %r" % r)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The official VisDial v1.0 metric algorithm (shared/src/test/resources/metrics/visdial_metrics_reference.py, the
starter's visdialch/metrics.py written from shared/ref/VISDIAL-EVAL.md) run on the public files that `bin/vqa
dialog-score` reads: the v1.0 dialogs JSON (gt_index per round), the dense annotations JSON and a scores JSON
([{image_id, scores: [rounds][100]}]), in the starter's batches of 128 dialogs. Prints one JSON line with the
metrics and the wall/CPU seconds of reading the files and of the algorithm. Needs Debian's python3-torch.

usage: /usr/bin/python3 bench/visdial_files_reference.py DIALOGS.json DENSE.json SCORES.json
"""
import json, os, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shared", "src", "test", "resources", "metrics"))
import torch  # noqa: E402
from visdial_metrics_reference import NDCG, SparseGTMetrics  # noqa: E402

t0, c0 = time.perf_counter(), time.process_time()
dialogs = json.load(open(sys.argv[1]))["data"]["dialogs"]
dense = {d["image_id"]: d for d in json.load(open(sys.argv[2]))}
by_image = {s["image_id"]: s["scores"] for s in json.load(open(sys.argv[3]))}
scores = torch.tensor([by_image[d["image_id"]] for d in dialogs]).float()                  # (B, R, N)
gt = torch.tensor([[r["gt_index"] for r in d["dialog"]] for d in dialogs]).long()          # (B, R)
round_id = torch.tensor([dense[d["image_id"]]["round_id"] for d in dialogs]).long()        # (B,) 1-based
relevance = torch.tensor([dense[d["image_id"]]["gt_relevance"] for d in dialogs]).float()  # (B, N)
t1, c1 = time.perf_counter(), time.process_time()
sparse, ndcg = SparseGTMetrics(), NDCG()
for start in range(0, scores.size(0), 128):                                                # solver.batch_size
    out = scores[start:start + 128]
    sparse.observe(out, gt[start:start + 128])
    b = out.size(0)
    ndcg.observe(out[torch.arange(b), round_id[start:start + 128] - 1, :], relevance[start:start + 128])
m = dict(sparse.retrieve()); m.update(ndcg.retrieve())
t2, c2 = time.perf_counter(), time.process_time()
m.update(read_wall=t1 - t0, read_cpu=c1 - c0, metric_wall=t2 - t1, metric_cpu=c2 - c1, rounds=int(gt.numel()))
print(json.dumps(m))

#!/usr/bin/env python3
"""PyTorch eager reference for BENCHMARKS.md's issue 10 training row (Debian's python3-torch 1.13).

Late fusion with the discriminative decoder (Das et al. 2017, LF-QIH-D; the same net as vlsuite's
vqa/model/LateFusionNet) at visdial-challenge-starter-pytorch's shapes: a batch of 32 dialogs x 10 rounds = 320
rounds, each with a 20-token question, a 200-token history (caption and earlier rounds, concatenated), a 4096-d fc7
image vector standardised and L2-normalised, and 100 candidate answers of 20 tokens: 32,000 option sequences per
step; V=11,322 (VisDial v1.0 at min count 5), embedding 300, 2-layer LSTMs of 512 (question, history, options), fusion
Linear -> tanh 512, dropout 0.5, scores = dot products, softmax cross-entropy against the true option. The batch is
micro-batched (MICRO dialogs at a time, gradients accumulated) to bound memory, as vlsuite does; Adam, global-norm
clipping 5; fresh random inputs every step, made inside the timed step (make(), as vqa/.../DialogTrainingBenchmark
does too).

usage: /usr/bin/python3 bench/dialog_step.py [iterations] [threads] [micro-dialogs] [dialogs]
set-up: as bench/pytorch_reference.py (bench/README.md); bench/check-reference.sh checks it.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_reference import blas_setup, report, times  # noqa: E402  (same timing and BLAS report)
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
V, E, H, LAYERS, D, ROUNDS, OPTIONS, TQ, TH, TA = 11322, 300, 512, 2, 4096, 10, 100, 20, 200, 20


class LateFusionDisc(nn.Module):
    def __init__(self, drop=0.5):
        super().__init__()
        self.emb = nn.Embedding(V, E)
        self.q, self.h, self.a = (nn.LSTM(E, H, LAYERS, batch_first=True) for _ in range(3))
        self.fusion, self.drop = nn.Linear(D + 2 * H, H), nn.Dropout(drop)
        self.register_buffer("mean", torch.zeros(D)); self.register_buffer("std", torch.ones(D))

    def last(self, lstm, ids):                          # ids (N, T) -> (N, H)
        _, (h, _) = lstm(self.drop(self.emb(ids)))
        return h[-1]

    def loss(self, img, q, hist, opts, gt):             # img (B, D), q (B, Tq), hist (B, Th), opts (B, K, Ta), gt (B)
        x = (img - self.mean) / self.std
        x = x / (x.norm(dim=1, keepdim=True) + 1e-6)                                    # (B, D)
        enc = torch.tanh(self.fusion(self.drop(torch.cat([x, self.last(self.q, q), self.last(self.h, hist)], 1))))  # (B, H)
        b, k, t = opts.shape
        ans = self.last(self.a, opts.reshape(b * k, t)).reshape(b, k, H)               # (B, K, H)
        scores = torch.bmm(ans, enc.unsqueeze(2)).squeeze(2)                            # (B, K)
        return F.cross_entropy(scores, gt, reduction="sum")


def train(m, dialogs, micro):
    m.train()
    opt = torch.optim.Adam(m.parameters(), lr=1e-3)
    rounds = dialogs * ROUNDS

    def make():
        return (torch.rand(rounds, D), torch.randint(4, V, (rounds, TQ)), torch.randint(4, V, (rounds, TH)),
                torch.randint(4, V, (rounds, OPTIONS, TA)), torch.randint(0, OPTIONS, (rounds,)))

    def step():
        args = make()
        opt.zero_grad()
        for s in range(0, rounds, micro * ROUNDS):                                      # micro-batches of dialogs
            part = [a[s:s + micro * ROUNDS] for a in args]
            (m.loss(*part) / rounds).backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0); opt.step()
    return step


if __name__ == "__main__":
    iters = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count())
    micro = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    dialogs = int(sys.argv[4]) if len(sys.argv) > 4 else 32
    builds, limits = blas_setup()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, BLAS "
          + ", ".join(f"{os.path.basename(k)} -> {v}" for k, v in builds.items()), flush=True)
    report(f"lf-qih disc train step {dialogs} dialogs x {ROUNDS} rounds, {OPTIONS} options x {TA} tokens, "
           f"history {TH}, V={V} E={E} H={H}x{LAYERS}, micro-batches of {micro} dialogs",
           times(train(LateFusionDisc(), dialogs, micro), iters))

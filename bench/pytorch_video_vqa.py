#!/usr/bin/env python3
"""PyTorch eager reference for BENCHMARKS.md's issue 8 and 9 training rows (Debian's python3-torch 1.13).

s2vt: S2VT (Venugopalan et al. 2015) training step at B=32, 80 frames of 4096-d fc7, 19 fed words (T=19
      targets), V=10k, frame projection and word embedding 500, two stacked LSTMs of H units, dropout 0.5; the same
      net as vlsuite's video/model/S2vtNet: layer 1 reads projected frames then zeros, layer 2 reads [h1; pad or
      previous word], both run as fused nn.LSTM over all 99 steps, log-softmax over the 19 word steps.
vqa:  "deeper LSTM Q + norm I" (Antol et al. 2015) training step at B=128, questions of 26 words, V=10k, 1000
      answers, fc7 4096, embedding 300 (tanh), 2-layer LSTM 512, common 1024, MLP 1000, dropout 0.5, the same
      net as vlsuite's vqa/model/LstmQNormINet, cross-entropy against one-hot targets.
Both: Adam, global-norm clipping 5, fresh random inputs made outside the timed step, as plain PyTorch code.

usage: /usr/bin/python3 bench/pytorch_video_vqa.py s2vt|vqa [iterations] [threads] [hidden...]
set-up: as bench/pytorch_reference.py (bench/README.md); bench/check-reference.sh checks it.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_reference import blas_setup, report, times  # noqa: E402  (same timing and BLAS report)
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class S2vt(nn.Module):
    def __init__(self, h, v=10000, f=4096, p=500, e=500, drop=0.5):
        super().__init__()
        self.proj, self.emb = nn.Linear(f, p), nn.Embedding(v, e)
        self.lstm1, self.lstm2 = nn.LSTM(p, h, batch_first=True), nn.LSTM(h + e, h, batch_first=True)
        self.out, self.drop, self.p, self.e = nn.Linear(h, v), nn.Dropout(drop), p, e

    def loss(self, frames, caps):                       # frames (B, N, F), caps (B, T+1)
        b, n, _ = frames.shape
        inp, tgt = caps[:, :-1], caps[:, 1:]            # (B, T)
        t = inp.shape[1]
        x = self.drop(self.proj(frames))                # (B, N, P)
        h1, _ = self.lstm1(torch.cat([x, x.new_zeros(b, t, self.p)], 1))       # (B, N+T, H)
        words = torch.cat([x.new_zeros(b, n, self.e), self.emb(inp)], 1)       # (B, N+T, E)
        h2, _ = self.lstm2(torch.cat([h1, words], 2))                          # (B, N+T, H)
        logp = F.log_softmax(self.out(self.drop(h2[:, n:])), -1)               # (B, T, V)
        return F.nll_loss(logp.reshape(-1, logp.shape[-1]), tgt.reshape(-1))


class LstmQNormI(nn.Module):
    def __init__(self, v=10000, a=1000, d=4096, e=300, h=512, layers=2, c=1024, m=1000, drop=0.5):
        super().__init__()
        self.emb, self.lstm = nn.Embedding(v, e), nn.LSTM(e, h, layers, batch_first=True)
        self.q, self.i, self.mlp, self.out = nn.Linear(2 * layers * h, c), nn.Linear(d, c), nn.Linear(c, m), nn.Linear(m, a)
        self.drop = nn.Dropout(drop)
        self.register_buffer("mean", torch.zeros(d)); self.register_buffer("std", torch.ones(d))

    def loss(self, qs, img, targets):                   # qs (B, T), img (B, D), targets (B, A)
        _, (h, c) = self.lstm(self.drop(torch.tanh(self.emb(qs))))              # h, c (layers, B, H)
        q = torch.cat([t for l in range(h.shape[0]) for t in (h[l], c[l])], 1)  # (B, 2 layers H)
        fq = torch.tanh(self.q(self.drop(q)))                                   # (B, C)
        x = (img - self.mean) / self.std
        x = x / (x.square().sum(1, keepdim=True) + 1e-8).sqrt()
        fi = torch.tanh(self.i(self.drop(x)))                                   # (B, C)
        z = torch.tanh(self.mlp(self.drop(fq * fi)))                            # (B, M)
        logits = self.out(self.drop(z))                                         # (B, A)
        return -(F.log_softmax(logits, 1) * targets).sum(1).mean()


def train(m, make):
    m.train()
    opt = torch.optim.Adam(m.parameters(), lr=4e-4)

    def step():
        args = make()
        opt.zero_grad(); m.loss(*args).backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0); opt.step()
    return step


if __name__ == "__main__":
    what = sys.argv[1]
    iters = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count())
    builds, limits = blas_setup()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, BLAS "
          + ", ".join(f"{os.path.basename(k)} -> {v}" for k, v in builds.items()), flush=True)
    if what == "s2vt":
        for h in [int(x) for x in sys.argv[4:]] or [512]:
            step = train(S2vt(h), lambda: (torch.rand(32, 80, 4096), torch.randint(4, 10000, (32, 20))))
            report(f"s2vt train step H={h} B=32 N=80 F=4096 V=10000 T=19", times(step, iters))
    elif what == "vqa":
        def make():
            tg = torch.zeros(128, 1000); tg[torch.arange(128), torch.randint(0, 1000, (128,))] = 1
            return torch.randint(4, 10000, (128, 26)), torch.rand(128, 4096), tg
        report("lstm-q-norm-i train step B=128 T=26 V=10000 A=1000 D=4096", times(train(LstmQNormI(), make), iters))
    else:
        sys.exit("usage: pytorch_video_vqa.py s2vt|vqa [iterations] [threads] [hidden...]")

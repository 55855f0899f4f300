#!/usr/bin/env python3
"""PyTorch eager reference for BENCHMARKS.md's navigation training row (Debian's python3-torch 1.13).

The R2R seq2seq baseline (Anderson et al. 2018, tasks/R2R/model.py's EncoderLSTM + AttnDecoderLSTM) at its shapes:
B=100 instructions of L=80 tokens (V=1000), 20 actions (6 logits), 2048-d view features, word embedding 256, encoder
and decoder LSTM 512, action embedding 32, dropout 0.5; the same net as vlsuite's navigation/model/Seq2SeqNet:
encoder LSTM over the words, its last state through a tanh layer starts the decoder; each step an LSTM cell fed
[previous action embedding; view feature], dot-product ("general") attention over the encoder states, h~ = tanh(W [ctx; h]),
action logits; teacher forcing (fed the teacher's previous action) and cross-entropy of the teacher's action.
Adam (lr 1e-4), fresh random inputs each step (made inside the timed step, as vlsuite's benchmark does).

usage: /usr/bin/python3 bench/nav_seq2seq_step.py [iterations] [threads]
set-up: as bench/pytorch_reference.py (bench/README.md); bench/check-reference.sh checks it.
"""
import os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_reference import blas_setup, report, times  # noqa: E402  (same timing and BLAS report)
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, L, T, D, V, E, H, A, NA = 100, 80, 20, 2048, 1000, 256, 512, 32, 6


class Seq2Seq(nn.Module):
    def __init__(self, drop=0.5):
        super().__init__()
        self.words, self.enc = nn.Embedding(V, E), nn.LSTM(E, H, batch_first=True)
        self.enc2dec = nn.Linear(H, H)
        self.actions, self.dec = nn.Embedding(NA + 1, A), nn.LSTMCell(A + D, H)
        self.attn_in, self.attn_out = nn.Linear(H, H, bias=False), nn.Linear(2 * H, H, bias=False)
        self.logits, self.drop = nn.Linear(H, NA), nn.Dropout(drop)

    def loss(self, tokens, feats, teacher):          # tokens (B, L), feats (T, B, D), teacher (T, B)
        ctx, (h, c) = self.enc(self.drop(self.words(tokens)))                  # (B, L, H), (1, B, H)
        h, c = torch.tanh(self.enc2dec(h[0])), c[0]                            # (B, H)
        prev = torch.full((B,), NA, dtype=torch.long)
        total = 0.0
        for t in range(T):
            x = self.drop(torch.cat([self.actions(prev), feats[t]], 1))       # (B, A + D)
            h, c = self.dec(x, (h, c))
            alpha = F.softmax(torch.bmm(ctx, self.attn_in(h).unsqueeze(2)).squeeze(2), 1)   # (B, L)
            att = torch.bmm(alpha.unsqueeze(1), ctx).squeeze(1)                # (B, H)
            h_t = self.drop(torch.tanh(self.attn_out(torch.cat([att, h], 1))))
            total = total + F.cross_entropy(self.logits(h_t), teacher[t], reduction="sum")
            prev = teacher[t]
        return total / (B * T)


if __name__ == "__main__":
    iters = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count())
    builds, limits = blas_setup()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, BLAS "
          + ", ".join(f"{os.path.basename(k)} -> {v}" for k, v in builds.items())
          + (f", limits {limits}" if limits else ""), flush=True)
    m = Seq2Seq()
    m.train()
    opt = torch.optim.Adam(m.parameters(), lr=1e-4)

    def step():
        tokens = torch.randint(4, V, (B, L))
        feats, teacher = torch.rand(T, B, D), torch.randint(0, NA, (T, B))
        opt.zero_grad(); m.loss(tokens, feats, teacher).backward(); opt.step()

    report(f"seq2seq teacher-forced train step B={B} L={L} T={T} D={D} E={E} H={H} A={A} V={V}", times(step, iters))

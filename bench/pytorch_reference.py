#!/usr/bin/env python3
"""PyTorch eager reference for BENCHMARKS.md, on the shapes issue 4 names (Debian's python3-torch).

Soft / hard attention Show-Attend-and-Tell training steps (B=32, L=196, D=512, E=H=A=512, V=10k, T=20,
Adam, global-norm clipping 5), greedy decoding of batch 32, and VGG-16 up to conv5_3 at 224.
Written plainly in the style of the widely used PyTorch tutorial (one LSTMCell step per time step).

usage: /usr/bin/python3 bench/pytorch_reference.py [train|decode|vgg|all] [iterations]
setup (Debian, as root): apt-get install python3-torch libopenblas0-pthread
(without OpenBLAS, Debian's torch falls back to the reference BLAS, ~50x slower on matmul)
"""
import os, statistics, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
torch.set_num_threads(os.cpu_count())  # Debian's build defaults to 1 OpenMP thread here
B, L, D, E, H, A, V, T = 32, 196, 512, 512, 512, 512, 10000, 20


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc, self.dec, self.full = nn.Linear(D, A), nn.Linear(H, A), nn.Linear(A, 1)

    def forward(self, feats_proj, feats, h):
        e = self.full(torch.tanh(feats_proj + self.dec(h).unsqueeze(1))).squeeze(2)  # (B, L)
        alpha = F.softmax(e, dim=1)
        return (feats * alpha.unsqueeze(2)).sum(1), alpha, e


class Decoder(nn.Module):
    def __init__(self, hard=False):
        super().__init__()
        self.hard = hard
        self.att = Attention()
        self.emb = nn.Embedding(V, E)
        self.lstm = nn.LSTMCell(E + D, H)
        self.init_h, self.init_c = nn.Linear(D, H), nn.Linear(D, H)
        self.f_beta = nn.Linear(H, D)
        self.L_h, self.L_z, self.L_o = nn.Linear(H, E), nn.Linear(D, E), nn.Linear(E, V)
        self.drop = nn.Dropout(0.5)

    def start(self, feats):
        mean = feats.mean(1)
        return torch.tanh(self.init_h(mean)), torch.tanh(self.init_c(mean)), self.att.enc(feats)

    def step(self, feats, proj, y, h, c):
        z, alpha, e = self.att(proj, feats, h)
        logp_loc = None
        if self.hard:
            loc = torch.distributions.Categorical(logits=e).sample()
            logp_loc = F.log_softmax(e, 1).gather(1, loc.unsqueeze(1)).squeeze(1)
            z = feats[torch.arange(feats.size(0)), loc]
        z = torch.sigmoid(self.f_beta(h)) * z
        ey = self.emb(y)
        h, c = self.lstm(torch.cat([ey, z], 1), (h, c))
        logits = self.L_o(self.drop(ey + self.L_h(h) + self.L_z(z)))
        return logits, h, c, alpha, logp_loc

    def loss(self, feats, caps):
        h, c, proj = self.start(feats)
        logits, alphas, logps = [], [], []
        for t in range(T):
            lg, h, c, a, lp = self.step(feats, proj, caps[:, t], h, c)
            logits.append(lg); alphas.append(a); logps.append(lp)
        logits = torch.stack(logits, 1)
        nll = F.cross_entropy(logits.reshape(-1, V), caps[:, 1:T + 1].reshape(-1), reduction="none").view(B, T)
        loss = nll.mean() + ((1 - torch.stack(alphas, 1).sum(1)) ** 2).mean()
        if self.hard:
            reward = -nll.sum(1).detach()
            loss = loss - ((reward - reward.mean()) * torch.stack(logps, 1).sum(1)).mean()
        return loss


def median_time(fn, iters, warm=2):
    for _ in range(warm):
        fn()
    ts = []
    for _ in range(iters):
        t0 = time.perf_counter(); fn(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def bench_train(iters):
    for hard in (False, True):
        m = Decoder(hard).train()
        opt = torch.optim.Adam(m.parameters(), lr=4e-4)
        feats, caps = torch.randn(B, L, D), torch.randint(0, V, (B, T + 1))

        def step():
            opt.zero_grad(); m.loss(feats, caps).backward()
            torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0); opt.step()
        s = median_time(step, iters)
        print(f"pytorch {'hard' if hard else 'soft'} train step B={B} L={L} D={D} V={V} T={T}: {s*1000:.0f} ms ({1/s:.2f} steps/s)")


def bench_decode(iters):
    m = Decoder().eval()
    feats = torch.randn(B, L, D)

    @torch.no_grad()
    def greedy():
        h, c, proj = m.start(feats)
        y = torch.zeros(B, dtype=torch.long)
        for _ in range(T):
            lg, h, c, _, _ = m.step(feats, proj, y, h, c)
            y = lg.argmax(1)
    s = median_time(greedy, iters)
    print(f"pytorch greedy decode batch {B}, {T} steps: {s*1000:.0f} ms ({B/s:.0f} images/s)")


def bench_vgg(iters):
    cfg = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512]
    layers, cin = [], 3
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(2))
        else:
            layers += [nn.Conv2d(cin, v, 3, padding=1), nn.ReLU(inplace=True)]; cin = v
    net = nn.Sequential(*layers).eval()
    x = torch.randn(8, 3, 224, 224)
    with torch.no_grad():
        s = median_time(lambda: net(x), iters, warm=1)
    print(f"pytorch VGG-16 conv5_3 batch 8 at 224: {s/8*1000:.0f} ms/image ({8/s:.2f} images/s)")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    iters = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    if what in ("train", "all"): bench_train(iters)
    if what in ("decode", "all"): bench_decode(iters)
    if what in ("vgg", "all"): bench_vgg(max(2, iters // 2))

#!/usr/bin/env python3
"""PyTorch eager reference for BENCHMARKS.md, on the shapes issue 4 names (Debian's python3-torch 1.13).

Soft / hard attention Show-Attend-and-Tell training steps (B=32, L=196, D=512, E=H=A=512, V=10k, T=20,
Adam, global-norm clipping 5), greedy and beam (K=3) decoding of batch 32 for 20 steps, VGG-16 up to fc7
at 224, and a 2048x2048 float32 matmul (the machine's practical limit for this BLAS).
Written plainly in the style of the widely used PyTorch tutorial (one LSTMCell step per time step), with the
same deep output as vlsuite (tanh, as arctic-captions), and decoding done as one would for speed: no
gradient tracking, tokens / log-probabilities / attention kept as tensors during the loop and read at the end,
beams batched (B*K rows through one step), features expanded once and not reordered (a beam's rows share them).

usage: /usr/bin/python3 bench/pytorch_reference.py [matmul|train|decode|beam|vgg|all] [iterations] [threads]
setup (Debian, as root; bench/README.md says why each part matters):
    apt-get install -y python3-torch libopenblas0-openmp
    update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3
    update-alternatives --set libopenblas.so.0-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-openmp/libopenblas.so.0
and no OPENBLAS_NUM_THREADS / OMP_NUM_THREADS limit in the environment.
"""
import os, statistics, sys, time

BLAS_LINKS = ("/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/libblas.so.3")


def blas_setup():
    """The OpenBLAS builds the dynamic loader will pick (torch loads libopenblas.so.0), and thread limits set."""
    builds = {p: os.path.realpath(p) for p in BLAS_LINKS if os.path.exists(p)}
    limits = {k: os.environ[k] for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS") if k in os.environ}
    return builds, limits


import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
B, L, D, E, H, A, V, T, K = 32, 196, 512, 512, 512, 512, 10000, 20, 3
START, END = 1, 2


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
        self.f_beta = nn.Linear(H, 1)
        self.L_h, self.L_z, self.L_o = nn.Linear(H, E), nn.Linear(D, E), nn.Linear(E, V)
        self.drop = nn.Dropout(0.5)

    def start(self, feats):
        mean = feats.mean(1)
        return torch.tanh(self.init_h(mean)), torch.tanh(self.init_c(mean)), self.att.enc(feats)

    def step(self, feats, proj, y, h, c):
        z, alpha, e = self.att(proj, feats, h)
        logp_loc = None
        if self.hard:
            loc = torch.distributions.Categorical(logits=e).sample() if self.training else e.argmax(1)
            logp_loc = F.log_softmax(e, 1).gather(1, loc.unsqueeze(1)).squeeze(1)
            z = feats[torch.arange(feats.size(0)), loc]
        z = torch.sigmoid(self.f_beta(h)) * z
        ey = self.emb(y)
        h, c = self.lstm(torch.cat([ey, z], 1), (h, c))
        logits = self.L_o(self.drop(torch.tanh(ey + self.L_h(h) + self.L_z(z))))
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


def times(fn, iters, warm=2):
    for _ in range(warm):
        fn()
    ts, cpu = [], []
    for _ in range(iters):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        ts.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
    return statistics.median(ts), min(ts), max(ts), statistics.median(cpu)


def report(what, t):
    med, lo, hi, cpu = t
    print(f"pytorch {what}: {med*1000:.0f} ms "
          f"(median, range {lo*1000:.0f}-{hi*1000:.0f} ms), CPU {cpu*1000:.0f} ms", flush=True)


def bench_matmul(iters):
    n = 2048
    a, b = torch.randn(n, n), torch.randn(n, n)
    t = times(lambda: torch.mm(a, b), max(iters, 5))
    print(f"pytorch matmul {n}x{n} float32: {2 * n**3 / t[0] / 1e9:.0f} GFLOP/s, CPU {2 * n**3 / t[3] / 1e9:.0f} GFLOP/s per CPU-second "
          f"(median of {max(iters, 5)}, {t[0]*1000:.1f} ms, range {t[1]*1000:.1f}-{t[2]*1000:.1f} ms)", flush=True)


def bench_train(iters, archs=("soft", "hard")):
    for arch in archs:
        m = Decoder(arch == "hard").train()
        opt = torch.optim.Adam(m.parameters(), lr=4e-4)
        feats, caps = torch.randn(B, L, D), torch.randint(0, V, (B, T + 1))

        def step():
            opt.zero_grad(); m.loss(feats, caps).backward()
            torch.nn.utils.clip_grad_norm_(m.parameters(), 5.0); opt.step()
        report(f"{arch} train step B={B} L={L} D={D} V={V} T={T}", times(step, iters))


@torch.no_grad()
def greedy(m, feats):
    """Tokens (B, T), their log-probs (B, T) and attention (B, T, L); rows that ended keep running (masked)."""
    h, c, proj = m.start(feats)
    y = torch.full((feats.size(0),), START, dtype=torch.long)
    tokens, lps, alphas = [], [], []
    for _ in range(T):
        lg, h, c, alpha, _ = m.step(feats, proj, y, h, c)
        logp = F.log_softmax(lg, 1)
        lp, y = logp.max(1)
        tokens.append(y); lps.append(lp); alphas.append(alpha)
    return torch.stack(tokens, 1), torch.stack(lps, 1), torch.stack(alphas, 1)


@torch.no_grad()
def beam(m, feats, k=K):
    """Batched beam search (B*K rows per step, plain log-prob sums): best tokens (B, T) by backtracking on the device."""
    b = feats.size(0)
    h, c, proj = m.start(feats)
    h, c = h.repeat_interleave(k, 0), c.repeat_interleave(k, 0)
    feats, proj = feats.repeat_interleave(k, 0), proj.repeat_interleave(k, 0)   # once: a beam's rows share them
    score = torch.full((b, k), float("-inf")); score[:, 0] = 0                  # one live beam per image at first
    y = torch.full((b * k,), START, dtype=torch.long)
    base = (torch.arange(b) * k).unsqueeze(1)
    parents, tokens, alphas = [], [], []
    done_score = torch.full((b,), float("-inf"))
    for _ in range(T):
        lg, h, c, alpha, _ = m.step(feats, proj, y, h, c)
        total = (F.log_softmax(lg, 1) + score.view(-1, 1)).view(b, k * V)
        top, idx = total.topk(k, 1)                                             # (B, K)
        parent, y = idx // V, idx % V
        ended = y == END                                                        # finished hypotheses leave the beam
        done_score = torch.maximum(done_score, top.masked_fill(~ended, float("-inf")).max(1).values)
        score = top.masked_fill(ended, float("-inf"))
        rows = (base + parent).view(-1)
        h, c, y = h[rows], c[rows], y.view(-1)
        parents.append(parent); tokens.append(y.view(b, k)); alphas.append(alpha[rows])
    best = score.argmax(1, keepdim=True)                                        # backtrack the best live beam
    out = []
    for t in range(T - 1, -1, -1):
        out.append(tokens[t].gather(1, best))
        best = parents[t].gather(1, best)
    return torch.cat(out[::-1], 1), done_score


def bench_decode(iters, which=("greedy", "beam")):
    m = Decoder().eval()
    feats = torch.randn(B, L, D)
    if "greedy" in which:
        report(f"greedy decode batch {B}, {T} steps", times(lambda: greedy(m, feats), iters, warm=2))
    if "beam" in which:
        report(f"beam {K} decode batch {B}, {T} steps", times(lambda: beam(m, feats), iters, warm=1))


def bench_vgg(iters):
    cfg = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512]
    layers, cin = [], 3
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(2))
        else:
            layers += [nn.Conv2d(cin, v, 3, padding=1), nn.ReLU(inplace=True)]; cin = v
    convs = nn.Sequential(*layers).eval()
    head = nn.Sequential(nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512 * 7 * 7, 4096), nn.ReLU(inplace=True),
                         nn.Linear(4096, 4096), nn.ReLU(inplace=True)).eval()          # pool5, fc6, fc7 as vlsuite

    @torch.no_grad()
    def run():
        grid = convs(x)
        return grid, head(grid)
    x = torch.randn(8, 3, 224, 224)
    med, lo, hi, _ = times(run, iters, warm=1)
    print(f"pytorch VGG-16 conv5_3 + fc7 batch 8 at 224: {med/8*1000:.0f} ms/image "
          f"(median, range {lo/8*1000:.0f}-{hi/8*1000:.0f} ms/image)", flush=True)


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    iters = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else os.cpu_count()
    torch.set_num_threads(threads)  # Debian's build defaults to 1 OpenMP thread here
    builds, limits = blas_setup()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, BLAS "
          + ", ".join(f"{os.path.basename(k)} -> {v}" for k, v in builds.items()), flush=True)
    if any("pthread" in v for v in builds.values()) or limits:
        print(f"WARNING: the reference is not at its best: pthread OpenBLAS build or thread limits {limits} "
              "(see bench/README.md)", file=sys.stderr, flush=True)
    if what in ("matmul", "all"): bench_matmul(iters)
    if what in ("train", "soft", "hard", "all"): bench_train(iters, ("soft", "hard") if what in ("train", "all") else (what,))
    if what in ("decode", "all"): bench_decode(iters)
    if what == "greedy": bench_decode(iters, ("greedy",))
    if what == "beam": bench_decode(iters, ("beam",))
    if what in ("vgg", "all"): bench_vgg(max(2, iters // 2))

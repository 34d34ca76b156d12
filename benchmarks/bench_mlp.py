"""MLP 784-256-128-10 (ReLU), batch 128, SGD momentum: mitbadak vs PyTorch, time per epoch.

Synthetic MNIST-shaped data (60,000 x 784 float32, 10 classes). Each round runs one epoch per
side in a fresh process, sides interleaved; the median over rounds is reported.

    python benchmarks/bench_mlp.py [--rounds 3] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

import _common
from _common import peak_rss_mib, pin_threads, report, run_worker

N, D, H1, H2, C, BATCH, LR, MOMENTUM = 60_000, 784, 256, 128, 10, 128, 0.01, 0.9


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.random((N, D), dtype=np.float32), rng.integers(0, C, N)


def epoch_mitbadak() -> float:
    import mitbadak as mb
    from mitbadak.data import DataLoader
    from mitbadak.layers import Dense
    from mitbadak.optimizers import SGD

    x, y = data()
    mb.set_seed(0)
    model = mb.Sequential([Dense(H1, activation="relu"), Dense(H2, activation="relu"), Dense(C)])
    model.build((1, D))
    opt = SGD(model.parameters(), lr=LR, momentum=MOMENTUM)

    def run(loader):
        for xb, yb in loader:
            loss = mb.softmax_cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()

    run(DataLoader(x[:2048], y[:2048], batch_size=BATCH, seed=1))  # warm-up
    t = time.perf_counter()
    run(DataLoader(x, y, batch_size=BATCH, seed=0))
    return time.perf_counter() - t


def epoch_torch() -> float:
    import torch

    torch.set_num_threads(int(_common.THREADS))
    torch.manual_seed(0)
    x, y = data()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    model = torch.nn.Sequential(
        torch.nn.Linear(D, H1),
        torch.nn.ReLU(),
        torch.nn.Linear(H1, H2),
        torch.nn.ReLU(),
        torch.nn.Linear(H2, C),
    )
    opt = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    loss_fn = torch.nn.CrossEntropyLoss()

    def run(n, perm):
        for i in range(0, n, BATCH):
            idx = perm[i : i + BATCH]
            loss = loss_fn(model(xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()

    run(2048, torch.randperm(2048))  # warm-up
    t = time.perf_counter()
    run(N, torch.randperm(N))
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=2, help="threads per side (default 2)")
    p.add_argument("--worker", choices=["mitbadak", "torch"])
    args = p.parse_args()
    _common.THREADS = str(args.threads)
    if args.worker:
        pin_threads()
        seconds = epoch_mitbadak() if args.worker == "mitbadak" else epoch_torch()
        print(json.dumps({"seconds": seconds, "peak_rss_mib": peak_rss_mib()}))
        return
    results: dict[str, list[dict]] = {"mitbadak": [], "torch": []}
    for r in range(args.rounds):
        for side in ("mitbadak", "torch"):
            res = run_worker(__file__, [side, "--threads", str(args.threads)])
            results[side].append(res)
            print(f"round {r + 1}: {side:8s} {res['seconds']:.3f} s/epoch", flush=True)
    title = f"MLP 784-256-128-10, batch 128, SGD momentum, epoch of 60k, {args.threads} thread(s)"
    report(title, results, "s/epoch")


if __name__ == "__main__":
    main()

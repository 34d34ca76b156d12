"""CNN training speed, mitbadak vs PyTorch: time per batch and peak memory.

Model (both sides): conv 32 3x3 pad 1 - ReLU - maxpool 2 - conv 64 3x3 pad 1 - ReLU - maxpool 2 -
dense 128 - ReLU - dense 10, Adam (lr 1e-3), batch 128, softmax cross-entropy, on synthetic
MNIST-shaped data (10,000 x 1 x 28 x 28 float32, 10 classes). Each round trains ``--batches``
batches per side (after 3 warm-up batches) and takes the median time per batch, each side in a
fresh process with 2 threads (OMP/OPENBLAS/MKL_NUM_THREADS=2, ``torch.set_num_threads(2)``), the
sides interleaved; the median over rounds is reported, with the peak RSS (``getrusage`` maxrss) of each side's process.

    python benchmarks/bench_cnn.py [--rounds 3] [--batches 40]
    python benchmarks/bench_cnn.py --profile      # cProfile of the mitbadak side
    python benchmarks/bench_cnn.py --no-tune      # without mitbadak.backend.tune_malloc()
    python benchmarks/bench_cnn.py --threads 1    # one thread per side (less load-sensitive)
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

import _common
from _common import peak_rss_mib, pin_threads, report, run_worker

N, BATCH, LR, WARMUP = 10_000, 128, 1e-3, 3


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.random((N, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, N)


def batches(n: int, seed: int) -> list[np.ndarray]:
    perm = np.random.default_rng(seed).permutation(N)
    return [perm[(i * BATCH) % (N - BATCH) :][:BATCH] for i in range(n)]


def build_mitbadak():
    import mitbadak as mb
    from mitbadak.zoo import build_cnn

    mb.set_seed(0)
    model = build_cnn((1, 28, 28), 10)
    model.build((1, 1, 28, 28))
    return model


def train_mitbadak(n_batches: int, tune: bool = True, profile: bool = False) -> float:
    import mitbadak as mb
    from mitbadak.backend import tune_malloc
    from mitbadak.optimizers import Adam

    if tune:
        tune_malloc()
    x, y = data()
    model = build_mitbadak()
    opt = Adam(model.parameters(), lr=LR)

    def run(idxs):
        for idx in idxs:
            loss = mb.softmax_cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()

    run(batches(WARMUP, 1))
    work = batches(n_batches, 0)
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        run(work)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        return 0.0
    return _timed(run, work)


def _timed(run, work) -> float:
    """Median seconds per batch (robust to the shared machine's bursts of load)."""
    times = []
    for idx in work:
        t = time.perf_counter()
        run([idx])
        times.append(time.perf_counter() - t)
    return float(np.median(times))


def train_torch(n_batches: int) -> float:
    import torch

    torch.set_num_threads(int(_common.THREADS))
    torch.manual_seed(0)
    x, y = data()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    nn = torch.nn
    model = nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
    )  # fmt: skip
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = nn.CrossEntropyLoss()

    def run(idxs):
        for idx in idxs:
            idx = torch.from_numpy(idx)
            loss = loss_fn(model(xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()

    run(batches(WARMUP, 1))
    return _timed(run, batches(n_batches, 0))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--batches", type=int, default=40)
    p.add_argument("--worker", choices=["mitbadak", "torch"])
    p.add_argument("--no-tune", action="store_true", help="skip mitbadak.backend.tune_malloc()")
    p.add_argument("--profile", action="store_true", help="cProfile the mitbadak side and exit")
    p.add_argument("--threads", type=int, default=2, help="threads per side (default 2)")
    args = p.parse_args()
    _common.THREADS = str(args.threads)
    if args.profile:
        pin_threads()
        train_mitbadak(args.batches, tune=not args.no_tune, profile=True)
        return
    if args.worker:
        pin_threads()
        if args.worker == "mitbadak":
            sec = train_mitbadak(args.batches, tune=not args.no_tune)
        else:
            sec = train_torch(args.batches)
        print(json.dumps({"seconds": sec, "peak_rss_mib": peak_rss_mib()}))
        return
    extra = ["--batches", str(args.batches), "--threads", str(args.threads)]
    extra += ["--no-tune"] if args.no_tune else []
    results: dict[str, list[dict]] = {"mitbadak": [], "torch": []}
    for r in range(args.rounds):
        for side in ("mitbadak", "torch"):
            res = run_worker(__file__, [side, *extra])
            results[side].append(res)
            print(
                f"round {r + 1}: {side:8s} {res['seconds'] * 1e3:.1f} ms/batch "
                f"({res['seconds'] * N / BATCH:.2f} s per 10k samples), "
                f"peak RSS {res['peak_rss_mib']:.0f} MiB",
                flush=True,
            )
    report(
        f"CNN conv32-pool-conv64-pool-fc128-fc10, Adam, batch {BATCH}, {args.threads} "
        "thread(s) per side (time per batch)",
        results,
        "s/batch",
    )


if __name__ == "__main__":
    main()

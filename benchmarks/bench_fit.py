"""What users run, against PyTorch: ``model.fit`` (with a metric and a validation split, as in the
README) and ``model.predict``, in fresh processes, sides interleaved, medians over rounds.

Workloads (batch 128 for training, 1000 for inference, synthetic MNIST-shaped data):

- ``mlp``: 784-256-128-10 ReLU, SGD momentum 0.9, lr 0.01; one epoch of 60,000 (54,000 trained,
  6,000 validated);
- ``cnn``: conv32-pool-conv64-pool-fc128-fc10, Adam; one epoch of 10,000 (9,000 + 1,000);
- ``lstm`` / ``gru`` / ``rnn``: 28 steps of 28 features -> 128 units -> Dense(10) on the last
  state, Adam; one epoch of 10,000 (9,000 + 1,000);
- ``mlp-predict`` / ``cnn-predict``: inference throughput (samples/s) at batch 1000.

The PyTorch side runs the loop a PyTorch user writes for the same job: forward, loss, backward,
step, accuracy counted per batch, then a validation pass under ``no_grad``.

    python benchmarks/bench_fit.py                  # every workload, 3 rounds
    python benchmarks/bench_fit.py cnn lstm --rounds 5
    python benchmarks/bench_fit.py --quick          # smaller epochs, 1 round (a smoke run)
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import _common
from _common import peak_rss_mib, pin_threads, run_worker

WORKLOADS = ["mlp", "cnn", "lstm", "gru", "rnn", "mlp-predict", "cnn-predict"]
FULL_N = {"mlp": 60_000, "cnn": 10_000, "lstm": 10_000, "gru": 10_000, "rnn": 10_000,
          "mlp-predict": 20_000, "cnn-predict": 5_000}  # fmt: skip
QUICK_N = {k: max(2_000, v // 10) for k, v in FULL_N.items()}
BATCH, PRED_BATCH, T, F, H = 128, 1000, 28, 28, 128


def data(kind: str, n: int):
    import numpy as np

    rng = np.random.default_rng(0)
    shape = {"mlp": (n, 784), "cnn": (n, 1, 28, 28)}.get(kind.split("-")[0], (n, T, F))
    return rng.random(shape, dtype=np.float32), rng.integers(0, 10, n)


# ------------------------------------------------------------------------------------ mitbadak
def mitbadak_model(kind: str):
    import mitbadak as mb
    from mitbadak.layers import GRU, LSTM, Dense, SimpleRNN
    from mitbadak.zoo import build_cnn

    mb.set_seed(0)
    base = kind.split("-")[0]
    if base == "mlp":
        return mb.Sequential([Dense(256, activation="relu"), Dense(128, activation="relu"),
                              Dense(10)])  # fmt: skip
    if base == "cnn":
        return build_cnn((1, 28, 28), 10)
    cell = {"lstm": LSTM, "gru": GRU, "rnn": SimpleRNN}[base]
    return mb.Sequential([cell(H), Dense(10)])


def mitbadak_worker(kind: str, n: int) -> dict:
    import mitbadak as mb
    from mitbadak import losses, optimizers

    x, y = data(kind, n)
    model = mitbadak_model(kind)
    model.build((1, *x.shape[1:]))
    if kind.endswith("predict"):
        model.predict(x[:PRED_BATCH], batch_size=PRED_BATCH)  # warm-up
        t = time.perf_counter()
        model.predict(x, batch_size=PRED_BATCH)
        return {"value": n / (time.perf_counter() - t)}
    params = model.parameters()
    opt = (optimizers.SGD(params, lr=0.01, momentum=0.9) if kind == "mlp"
           else optimizers.Adam(params, lr=1e-3))  # fmt: skip
    model.compile(opt, losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
    model.fit(x[:1024], y[:1024], batch_size=BATCH, epochs=1, verbose=0)  # warm-up
    t = time.perf_counter()
    model.fit(x, y, batch_size=BATCH, epochs=1, validation_split=0.1, verbose=0)
    del mb
    return {"value": time.perf_counter() - t}


# ------------------------------------------------------------------------------------- PyTorch
def torch_model(kind: str):
    import torch

    nn = torch.nn
    base = kind.split("-")[0]
    if base == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                             nn.Linear(128, 10))  # fmt: skip
    if base == "cnn":
        return nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )  # fmt: skip
    cell = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}[base]

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.rnn = cell(F, H, batch_first=True)
            self.fc = nn.Linear(H, 10)

        def forward(self, x):
            return self.fc(self.rnn(x)[0][:, -1])

    return Net()


def torch_worker(kind: str, n: int) -> dict:
    import torch

    torch.set_num_threads(int(_common.THREADS))
    torch.manual_seed(0)
    x, y = data(kind, n)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    model = torch_model(kind)
    if kind.endswith("predict"):
        model.eval()

        def predict(xs):
            with torch.no_grad():
                return [model(xs[i : i + PRED_BATCH]).numpy() for i in range(0, len(xs),
                                                                              PRED_BATCH)]  # fmt: skip

        predict(xt[:PRED_BATCH])
        t = time.perf_counter()
        predict(xt)
        return {"value": n / (time.perf_counter() - t)}
    opt = (torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9) if kind == "mlp"
           else torch.optim.Adam(model.parameters(), lr=1e-3))  # fmt: skip
    loss_fn = torch.nn.CrossEntropyLoss()

    def epoch(xs, ys, shuffle=True):
        model.train()
        perm = torch.randperm(len(xs)) if shuffle else torch.arange(len(xs))
        correct = total = 0.0
        for i in range(0, len(xs), BATCH):
            idx = perm[i : i + BATCH]
            out = model(xs[idx])
            loss = loss_fn(out, ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            correct += (out.argmax(1) == ys[idx]).sum().item()
            total += loss.item() * len(idx)

    def validate(xs, ys):
        model.eval()
        with torch.no_grad():
            for i in range(0, len(xs), BATCH):
                out = model(xs[i : i + BATCH])
                loss_fn(out, ys[i : i + BATCH]).item()
                (out.argmax(1) == ys[i : i + BATCH]).sum().item()

    epoch(xt[:1024], yt[:1024])  # warm-up
    cut = int(n * 0.9)
    t = time.perf_counter()
    epoch(xt[:cut], yt[:cut])
    validate(xt[cut:], yt[cut:])
    return {"value": time.perf_counter() - t}


# ---------------------------------------------------------------------------------- the driver
def measure(kind: str, rounds: int, n: int, threads: int) -> dict:
    """Interleaved fresh-process rounds; returns medians, the ratio and peak memory."""
    res: dict[str, list[dict]] = {"mitbadak": [], "torch": []}
    for _ in range(rounds):
        for side in ("mitbadak", "torch"):
            res[side].append(
                run_worker(__file__, [side, kind, "--n", str(n), "--threads", str(threads)])
            )
    med = {s: statistics.median(r["value"] for r in rs) for s, rs in res.items()}
    rss = {s: max(r["peak_rss_mib"] for r in rs) for s, rs in res.items()}
    return {
        "kind": kind,
        "n": n,
        "mitbadak": med["mitbadak"],
        "torch": med["torch"],
        # time ratio for training (lower is better); throughput ratio for inference (higher)
        "ratio": med["mitbadak"] / med["torch"],
        "unit": "samples/s" if kind.endswith("predict") else "s/epoch",
        "rss_ratio": rss["mitbadak"] / rss["torch"],
        "rss": rss,
    }


def print_row(r: dict) -> None:
    better = "throughput" if r["unit"] == "samples/s" else "time"
    print(
        f"{r['kind']:12s} n={r['n']:6d}  mitbadak {r['mitbadak']:10.3f}  PyTorch "
        f"{r['torch']:10.3f} {r['unit']:9s}  ratio {r['ratio']:.2f}x {better}  "
        f"peak RSS {r['rss']['mitbadak']:.0f} / {r['rss']['torch']:.0f} MiB "
        f"({r['rss_ratio']:.2f}x)",
        flush=True,
    )


def main(argv: list[str] | None = None) -> list[dict]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("workloads", nargs="*", help=f"some of {', '.join(WORKLOADS)} (default: all)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--quick", action="store_true", help="a tenth of the data, one round")
    p.add_argument("--worker", nargs=2, metavar=("SIDE", "KIND"))
    p.add_argument("--n", type=int)
    args = p.parse_args(argv)
    _common.THREADS = str(args.threads)
    pin_threads()
    if args.worker:
        side, kind = args.worker
        out = (mitbadak_worker if side == "mitbadak" else torch_worker)(kind, args.n)
        out["peak_rss_mib"] = peak_rss_mib()
        print(json.dumps(out))
        return []
    unknown = sorted(set(args.workloads) - set(WORKLOADS))
    if unknown:
        p.error(f"unknown workload(s) {unknown}; choose from {WORKLOADS}")
    rows = []
    for kind in args.workloads or WORKLOADS:
        n = (QUICK_N if args.quick else FULL_N)[kind]
        rows.append(measure(kind, 1 if args.quick else args.rounds, n, args.threads))
        print_row(rows[-1])
    return rows


if __name__ == "__main__":
    main()

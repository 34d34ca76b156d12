"""Recurrent training speed against PyTorch, and memory versus sequence length.

Workload (PERFORMANCE.md's anchor): a batch of 128 sequences of 28 steps of 28 features (MNIST
rows), LSTM(128) (then SimpleRNN(128)), Dense(10) on the last state, softmax cross-entropy,
Adam; one training step = forward + backward + update. Both sides use 2 threads and run in the
same process, interleaved (mitbadak, PyTorch, mitbadak, ...), and the median time per batch of
each side is compared.

Then memory: peak memory allocated (tracemalloc, which sees NumPy's buffers) by one training
step of an LSTM(32) on 8 sequences of T = 250, 500, 1000, 2000 steps: it should grow linearly
in T (the fused op stores O(T) states and gates), with no recursion error at any length.

Run: ``OMP_NUM_THREADS=2 python benchmarks/bench_rnn.py [--rounds 7] [--batches 10]`` (the
thread count, 2 by default, is read from OMP_NUM_THREADS; ``run_all.py --threads`` sets it)
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
os.environ.setdefault("MKL_NUM_THREADS", "2")

import numpy as np  # noqa: E402

import mitbadak as mb  # noqa: E402
from mitbadak.layers import LSTM, Dense, SimpleRNN  # noqa: E402
from mitbadak.optimizers import Adam  # noqa: E402

N, T, F, H, C = 128, 28, 28, 128, 10


def mitbadak_step_fn(kind: str):
    rnn = LSTM(H) if kind == "lstm" else SimpleRNN(H)
    head = Dense(C)
    model = mb.Sequential([rnn, head])
    model(np.zeros((1, T, F), np.float32))
    opt = Adam(model.parameters(), lr=1e-3)

    def step(x: np.ndarray, y: np.ndarray) -> float:
        loss = mb.softmax_cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    return step


def torch_step_fn(kind: str):
    import torch

    torch.set_num_threads(int(os.environ["OMP_NUM_THREADS"]))
    torch.manual_seed(0)

    class Net(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            cls = torch.nn.LSTM if kind == "lstm" else torch.nn.RNN
            self.rnn = cls(F, H, batch_first=True)
            self.fc = torch.nn.Linear(H, C)

        def forward(self, x):
            out, _ = self.rnn(x)
            return self.fc(out[:, -1])

    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    lossf = torch.nn.CrossEntropyLoss()

    def step(x: np.ndarray, y: np.ndarray) -> float:
        loss = lossf(net(torch.from_numpy(x)), torch.from_numpy(y))
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    return step


def compare(kind: str, rounds: int, batches: int) -> None:
    rng = np.random.default_rng(0)
    xs = [rng.standard_normal((N, T, F)).astype(np.float32) for _ in range(batches)]
    ys = [rng.integers(0, C, N).astype(np.int64) for _ in range(batches)]
    sides = {"mitbadak": mitbadak_step_fn(kind), "pytorch": torch_step_fn(kind)}
    for step in sides.values():  # warm-up
        step(xs[0], ys[0])
    times: dict[str, list[float]] = {k: [] for k in sides}
    for _ in range(rounds):
        for name, step in sides.items():
            t0 = time.perf_counter()
            for x, y in zip(xs, ys):
                step(x, y)
            times[name].append((time.perf_counter() - t0) / batches)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"{kind:>10}: mitbadak {med['mitbadak'] * 1e3:7.2f} ms/batch   "
        f"pytorch {med['pytorch'] * 1e3:7.2f} ms/batch   "
        f"ratio {med['mitbadak'] / med['pytorch']:.2f}x   "
        f"(per 10k samples: {med['mitbadak'] * 1e4 / N:.2f} s vs {med['pytorch'] * 1e4 / N:.2f} s)"
    )


def memory_growth() -> None:
    print("memory of one LSTM(32) training step, batch 8, 16 features:")
    rng = np.random.default_rng(0)
    prev = None
    for t_len in (250, 500, 1000, 2000):
        lstm, head = LSTM(32), Dense(1)
        x = rng.standard_normal((8, t_len, 16)).astype(np.float32)
        head(lstm(x[:, :2]))  # build the weights outside the measurement
        tracemalloc.start()
        t0 = time.perf_counter()
        loss = mb.mse(head(lstm(x)), np.zeros((8, 1), np.float32))
        loss.backward()
        dt = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        extra = f"  ({peak / prev:.2f}x the previous)" if prev else ""
        print(
            f"  T={t_len:5d}: peak {peak / 2**20:7.2f} MiB, {peak / t_len / 1024:6.2f} KiB/step, "
            f"{dt * 1e3:7.1f} ms{extra}"
        )
        prev = peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--batches", type=int, default=10)
    args = ap.parse_args()
    threads = os.environ["OMP_NUM_THREADS"]
    print(f"batch {N}, {T} steps of {F} features, hidden {H}, Dense {C}, Adam, {threads} threads")
    print(f"median of {args.rounds} interleaved rounds of {args.batches} batches")
    compare("lstm", args.rounds, args.batches)
    compare("simple_rnn", args.rounds, args.batches)
    memory_growth()


if __name__ == "__main__":
    main()

"""The one GPU check of issue 20: mitbadak on CUDA (CuPy) against its CPU results and PyTorch.

Written on a machine without a GPU and NOT RUN YET: no GPU figure exists until a task that is
lent a GPU runs it. One run, a few minutes on one GPU, three parts:

1. **Op suite**: each op family (math, reduce, shape, activation, loss, conv, pool, norm,
   dropout, recurrent) forward and backward on CUDA against the same inputs on the CPU,
   float32 tolerances (rtol 1e-4, atol 1e-5).
2. **fit speed**: the MLP, CNN and LSTM benchmark models (as in bench_mlp.py, bench_cnn.py,
   bench_rnn.py) one epoch on CUDA, mitbadak vs PyTorch CUDA in the same process, seconds per
   epoch (median of ``--rounds``). Target: CNN within 2x PyTorch.
3. **MNIST CNN accuracy**: ``build_cnn`` trained ``--mnist-epochs`` epochs on CUDA and on the
   CPU with the same seed; test accuracies side by side (the same to about 0.5 points).

    python benchmarks/gpu_check.py [--rounds 3] [--mnist PATH] [--out gpu_check.json]

Needs CuPy (``pip install "mitbadak[gpu]"``; the GPU machine has no network, so carry a virtual
environment with it) and, for part 2, a CUDA build of PyTorch; a missing piece is reported, not
fatal. MNIST is read from ``--mnist`` or ``$MITBADAK_DATA`` (no download). Prints one JSON
object and writes it to ``--out`` (default ``$OUT/gpu_check.json`` when ``$OUT`` is set).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np

import mitbadak as mb
import mitbadak.functional as F
from mitbadak import backend
from mitbadak.layers import LSTM, Dense

RTOL, ATOL = 1e-4, 1e-5


# ----------------------------------------------------------------------------- 1. ops
def _ops() -> dict[str, tuple[Callable[..., mb.Tensor], list[np.ndarray]]]:
    r = np.random.default_rng(0)

    def x(*s: int, pos: bool = False) -> np.ndarray:
        a = r.standard_normal(s).astype(np.float32)
        return np.abs(a) + 0.5 if pos else a

    lab = np.array([0, 2, 1, 2])
    return {
        "math": (
            lambda a, b: (a * b + a / (b * b + 1) + (a @ b.T).sum()).sum(),
            [x(4, 3), x(4, 3)],
        ),
        "exp_log": (lambda a: (a.exp() + a.log() + a.sqrt()).sum(), [x(4, 3, pos=True)]),
        "reduce": (lambda a: a.sum(0).sum() + a.mean() + a.max(1).sum() + a.var(), [x(4, 3)]),
        "shape": (lambda a: (a.reshape(3, 4).T[1:, ::2] * 1.0).sum(), [x(4, 3)]),
        "activation": (
            lambda a: (
                (F.relu(a) + F.sigmoid(a) + F.tanh(a) + F.gelu(a)).sum()
                + F.log_softmax(a, dim=-1).sum()
            ),
            [x(4, 3)],
        ),
        "loss": (lambda a, b: F.mse_loss(a, b) + F.l1_loss(a, b), [x(4, 3), x(4, 3)]),
        "cross_entropy": (lambda a: F.cross_entropy(a, mb.Tensor(lab)), [x(4, 3)]),
        "conv2d": (lambda a, w: F.conv2d(a, w, padding=1).sum(), [x(2, 3, 8, 8), x(4, 3, 3, 3)]),
        "pool": (lambda a: F.max_pool2d(a, 2).sum() + F.avg_pool2d(a, 2).sum(), [x(2, 3, 8, 8)]),
        "batch_norm": (
            lambda a, g, b: (F.batch_norm(a, None, None, g, b, training=True) ** 2).sum(),
            [x(8, 3), x(3), x(3)],
        ),
        "layer_norm": (
            lambda a, g, b: (F.layer_norm(a, (3,), g, b) ** 2).sum(),
            [x(8, 3), x(3), x(3)],
        ),
    }


def check_ops(cp) -> dict:
    out = {}
    for name, (fn, arrays) in _ops().items():
        res = []
        for to_dev in (np.asarray, cp.asarray):
            ts = [mb.Tensor(to_dev(a), requires_grad=True) for a in arrays]
            y = fn(*ts)
            y.backward()
            res.append([backend.to_host(y.data)] + [backend.to_host(t.grad) for t in ts])
        errs = [float(np.max(np.abs(g - c) / (ATOL + RTOL * np.abs(c)))) for c, g in zip(*res)]
        out[name] = {"ok": max(errs) <= 1.0, "worst_err_over_tol": max(errs)}
    # dropout: the mask is drawn on the host, the same with the same seed
    xs = np.ones((64, 32), np.float32)
    got = []
    for to_dev in (np.asarray, cp.asarray):
        t = mb.Tensor(to_dev(xs), requires_grad=True)
        mb.set_seed(0)
        F.dropout(t, 0.5, training=True).sum().backward()
        got.append(backend.to_host(t.grad))
    out["dropout"] = {"ok": bool(np.array_equal(*got))}
    # recurrent: an LSTM layer's output and weight gradients
    got = []
    for device in ("cpu", "cuda"):
        mb.set_seed(0)
        layer = LSTM(8)
        xin = np.random.default_rng(1).standard_normal((4, 6, 5)).astype(np.float32)
        layer(mb.Tensor(xin))  # build on the host
        layer.to(device)
        y = layer(mb.Tensor(xin).to(device))
        (y * y).sum().backward()
        got.append(
            [backend.to_host(y.data)] + [backend.to_host(p.grad) for p in layer.parameters()]
        )
    ok = all(np.allclose(g, c, rtol=RTOL, atol=ATOL) for c, g in zip(*got))
    out["recurrent"] = {"ok": bool(ok)}
    return out


# ------------------------------------------------------------------------- 2. fit speed
def _models(kind: str):
    from mitbadak.zoo import build_cnn

    if kind == "mlp":
        x = np.random.default_rng(0).random((60_000, 784), dtype=np.float32)
        return x, (lambda: mb.Sequential([Dense(256, "relu"), Dense(128, "relu"), Dense(10)])), 128
    if kind == "cnn":
        x = np.random.default_rng(0).random((10_000, 1, 28, 28), dtype=np.float32)
        return x, (lambda: build_cnn((1, 28, 28), 10)), 128
    x = np.random.default_rng(0).standard_normal((8_192, 32, 16)).astype(np.float32)
    return x, (lambda: mb.Sequential([LSTM(64), Dense(10)])), 64


def _torch_model(kind: str, torch):
    nn = torch.nn
    if kind == "mlp":
        return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                             nn.Linear(128, 10))  # fmt: skip
    if kind == "cnn":
        return nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
        )  # fmt: skip

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lstm, self.head = nn.LSTM(16, 64, batch_first=True), nn.Linear(64, 10)

        def forward(self, x):
            return self.head(self.lstm(x)[0][:, -1])

    return Net()


def fit_speed(cp, rounds: int) -> dict:
    try:
        import torch

        have_torch = torch.cuda.is_available()
    except ImportError:
        have_torch = False
    out = {}
    for kind in ("mlp", "cnn", "lstm"):
        x, build, batch = _models(kind)
        y = np.random.default_rng(1).integers(0, 10, len(x))
        mb.set_seed(0)
        model = build()
        model.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(x[: batch * 4], y[: batch * 4], batch_size=batch, verbose=0, device="cuda")
        times = []
        for _ in range(rounds):
            cp.cuda.Device().synchronize()
            t = time.perf_counter()
            model.fit(x, y, batch_size=batch, verbose=0, device="cuda", seed=0)
            cp.cuda.Device().synchronize()
            times.append(time.perf_counter() - t)
        row = {"mitbadak_cuda_s_per_epoch": statistics.median(times)}
        if have_torch:
            dev = torch.device("cuda")
            net = _torch_model(kind, torch).to(dev)
            opt = torch.optim.Adam(net.parameters(), 1e-3)
            xt, yt = torch.from_numpy(x).to(dev), torch.from_numpy(y).to(dev)
            ttimes = []
            for r in range(rounds + 1):
                torch.cuda.synchronize()
                t = time.perf_counter()
                perm = torch.randperm(len(x), device=dev)
                for i in range(0, len(x), batch):
                    idx = perm[i : i + batch]
                    loss = torch.nn.functional.cross_entropy(net(xt[idx]), yt[idx])
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                torch.cuda.synchronize()
                if r:  # the first epoch warms up cuDNN
                    ttimes.append(time.perf_counter() - t)
            row["torch_cuda_s_per_epoch"] = statistics.median(ttimes)
            row["ratio_vs_torch"] = row["mitbadak_cuda_s_per_epoch"] / row["torch_cuda_s_per_epoch"]
        out[kind] = row
    if not have_torch:
        out["note"] = "PyTorch with CUDA is not installed here: no PyTorch figure"
    return out


# ------------------------------------------------------------------------ 3. MNIST CNN
def mnist_accuracy(path: str | None, epochs: int) -> dict:
    from mitbadak.data import load_mnist
    from mitbadak.zoo import build_cnn

    if not path:
        return {"skipped": "no MNIST folder: pass --mnist or set MITBADAK_DATA"}
    ds = load_mnist(path, download=False)
    xtr = ds.data.reshape(-1, 1, 28, 28)
    xte = ds.test.data.reshape(-1, 1, 28, 28)
    out = {}
    for device in ("cuda", "cpu"):
        n = len(xtr) if device == "cuda" else 10_000  # the CPU side on a subset, to stay short
        mb.set_seed(0)
        m = build_cnn((1, 28, 28), 10)
        m.compile(
            "adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"]
        )
        t = time.perf_counter()
        m.fit(
            xtr[:n], ds.target[:n], batch_size=128, epochs=epochs, verbose=0, device=device, seed=0
        )
        logs = m.evaluate(xte, ds.test.target, batch_size=512, return_dict=True)
        out[device] = {"train_samples": n, "test_accuracy": float(logs["accuracy"]),
                       "seconds": time.perf_counter() - t}  # fmt: skip
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--mnist", default=os.environ.get("MITBADAK_DATA"))
    ap.add_argument("--mnist-epochs", type=int, default=2)
    default_out = (
        os.path.join(os.environ["OUT"], "gpu_check.json") if os.environ.get("OUT") else None
    )
    ap.add_argument("--out", default=default_out)
    args = ap.parse_args()
    try:
        cp = backend.require_cupy()
    except mb.errors.DeviceError as e:
        print(f"gpu_check: {e}", file=sys.stderr)
        return 1
    report = {
        "device": cp.cuda.runtime.getDeviceProperties(0)["name"].decode(),
        "cupy": cp.__version__,
    }
    for part, run in (
        ("ops", lambda: check_ops(cp)),
        ("fit", lambda: fit_speed(cp, args.rounds)),
        ("mnist_cnn", lambda: mnist_accuracy(args.mnist, args.mnist_epochs)),
    ):
        t = time.perf_counter()
        try:
            report[part] = run()
        except Exception as e:  # report and go on: one run must give every figure it can
            report[part] = {"error": f"{type(e).__name__}: {e}"}
        print(f"{part}: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    text = json.dumps(report, indent=2, default=float)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    return (
        0
        if all(v.get("ok", True) for v in report.get("ops", {}).values() if isinstance(v, dict))
        else 2
    )


if __name__ == "__main__":
    sys.exit(main())

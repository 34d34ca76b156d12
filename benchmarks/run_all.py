"""Every benchmark against PyTorch, in one command, printed as one table.

Columns: the raw training loop (``bench_mlp.py``, ``bench_cnn.py``, ``bench_rnn.py``: the
README's low-level loop), what users run (``bench_fit.py``: ``model.fit`` with a metric and a
validation split, ``model.predict``), and the target from the performance issue. Ratios are
mitbadak / PyTorch for time (lower is better) and for inference throughput (higher is better),
each measured in the same run with the sides interleaved. Then the time of ``import mitbadak``
in fresh processes, against NumPy alone.

Check ``uptime`` first: on a loaded machine the ratios mean little (PERFORMANCE.md).

    python benchmarks/run_all.py            # about 10 minutes on a quiet machine
    python benchmarks/run_all.py --quick    # a smoke run: small epochs, one round
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import bench_fit

HERE = Path(__file__).resolve().parent
RATIO = re.compile(r"ratio(?: mitbadak / PyTorch:)? ([0-9.]+)x")

# row label -> (raw-loop benchmark and the line it prints, fit/predict workload, target)
ROWS = [
    ("MLP 784-256-128-10, SGD momentum", ("bench_mlp.py", None), "mlp", "<= 0.70x"),
    ("CNN conv32-pool-conv64-pool-fc128-fc10, Adam", ("bench_cnn.py", None), "cnn", "<= 1.00x"),
    ("LSTM 28->128, 28 steps, Adam", ("bench_rnn.py", "lstm:"), "lstm", "<= 1.00x"),
    ("GRU, same shapes", (None, None), "gru", "<= 1.00x"),
    ("SimpleRNN, same shapes", ("bench_rnn.py", "simple_rnn:"), "rnn", "<= 0.60x"),
    ("MLP inference, batch 1000", (None, None), "mlp-predict", ">= 1.30x throughput"),
    ("CNN inference, batch 1000", (None, None), "cnn-predict", ">= 1.30x throughput"),
]


def raw_ratios(quick: bool, threads: int) -> dict[tuple[str, str | None], float]:
    """Run each raw-loop benchmark once and read the ratios it prints."""
    args = {
        "bench_mlp.py": ["--rounds", "1" if quick else "3", "--threads", str(threads)],
        "bench_cnn.py": ["--rounds", "1" if quick else "3", "--threads", str(threads)]
        + (["--batches", "8"] if quick else []),
        "bench_rnn.py": ["--rounds", "1", "--batches", "3"] if quick else [],
    }
    out: dict[tuple[str, str | None], float] = {}
    env = dict(os.environ)  # bench_rnn.py reads its thread count from the environment
    env.update(
        {v: str(threads) for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    )
    for script, extra in args.items():
        text = subprocess.run(
            [sys.executable, str(HERE / script), *extra], capture_output=True, text=True, env=env
        ).stdout
        for key in [k for _, k, _, _ in ROWS if k[0] == script]:
            lines = [ln for ln in text.splitlines() if key[1] is None or key[1] in ln]
            found = [RATIO.search(ln) for ln in lines]
            hits = [float(m.group(1)) for m in found if m]
            if hits:
                out[key] = hits[-1]
    return out


def import_seconds(module: str, rounds: int) -> float:
    """Median time of ``import module`` in fresh processes, as users see it: with the bytecode
    cache (a first, unmeasured run fills it; ``PYTHONDONTWRITEBYTECODE``, set in some shells,
    would otherwise make every run compile every module from source, ~2x slower)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "mitbadak-bench-pycache")

    def once() -> float:
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        return float(run.stdout)

    once()  # fills the bytecode cache
    return statistics.median(once() for _ in range(rounds))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", help="small epochs and one round each")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}", flush=True)
    print("== model.fit / model.predict (bench_fit.py)", flush=True)
    argv = ["--rounds", str(args.rounds), "--threads", str(args.threads)]
    fit = {r["kind"]: r for r in bench_fit.main(argv + (["--quick"] if args.quick else []))}
    print("== raw loops (bench_mlp.py, bench_cnn.py, bench_rnn.py)", flush=True)
    raw = raw_ratios(args.quick, args.threads)
    print()
    print("| workload | raw loop | `fit` / `predict` | peak memory (fit) | target |")
    print("|---|---|---|---|---|")
    for label, raw_key, kind, target in ROWS:
        r = raw.get(raw_key)
        f = fit.get(kind)
        raw_s = f"{r:.2f}x" if r is not None else "–"
        fit_s = f"{f['ratio']:.2f}x" if f else "–"
        mem_s = f"{f['rss_ratio']:.2f}x" if f and not kind.endswith("predict") else "–"
        print(f"| {label} | {raw_s} | {fit_s} | {mem_s} | {target} |")
    rounds = 5 if args.quick else 11
    t_mb, t_np = [], []
    for _ in range(3):  # interleaved, so both see the same load
        t_mb.append(import_seconds("mitbadak", rounds))
        t_np.append(import_seconds("numpy", rounds))
    t_mb, t_np = statistics.median(t_mb), statistics.median(t_np)
    print(f"| `import mitbadak`, fresh process | {t_mb:.3f} s (NumPy alone {t_np:.3f} s, "
          f"{t_mb / t_np:.2f}x) | – | – | <= 0.12 s (1.6x NumPy's 0.075 s) |")  # fmt: skip


if __name__ == "__main__":
    main()

"""Shared helpers for benchmarks: two threads per side, subprocess workers, medians.

Each measurement runs in a fresh process (so large-page luck and allocator state do not carry
over), and the sides alternate A B A B ... as PERFORMANCE.md asks.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
from collections.abc import Sequence

THREADS = "2"


def pin_threads() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = THREADS


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_worker(script: str, args: Sequence[str]) -> dict:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = THREADS
    out = subprocess.run(
        [sys.executable, script, "--worker", *args], capture_output=True, text=True, env=env
    )
    if out.returncode != 0:
        raise SystemExit(f"worker {args} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(name: str, results: dict[str, list[dict]], unit: str, key: str = "seconds") -> None:
    mb = statistics.median(r[key] for r in results["mitbadak"])
    pt = statistics.median(r[key] for r in results["torch"])
    rss_mb = max(r["peak_rss_mib"] for r in results["mitbadak"])
    rss_pt = max(r["peak_rss_mib"] for r in results["torch"])
    print(f"\n{name}")
    print(
        f"  mitbadak: {mb:.3f} {unit} (median of {len(results['mitbadak'])}), peak RSS {rss_mb:.0f} MiB"
    )
    print(
        f"  PyTorch : {pt:.3f} {unit} (median of {len(results['torch'])}), peak RSS {rss_pt:.0f} MiB"
    )
    print(f"  ratio mitbadak / PyTorch: {mb / pt:.2f}x time, {rss_mb / rss_pt:.2f}x peak memory")

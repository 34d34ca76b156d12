"""Depthwise and transposed convolution speed, mitbadak vs PyTorch: forward + backward.

Cases (both sides, float32, identical random inputs, batch 32):

* depthwise: 3x3 depthwise convolution, 64 channels, 32 x 32, padding 1 (``groups=64``);
* transposed: 4x4 transposed convolution, 64 -> 32 channels, 16 x 16 -> 32 x 32, stride 2,
  padding 1 (a DCGAN / U-Net upsampling step).

Each round times ``--iters`` forward + backward passes per case (after 3 warm-ups; median per
pass), each side in a fresh process with 2 threads, the sides interleaved; the median over
rounds is reported with the ratio mitbadak / PyTorch.

    python benchmarks/bench_conv_variants.py [--rounds 3] [--iters 20]
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

import _common
from _common import peak_rss_mib, pin_threads, report, run_worker

WARMUP = 3
CASES = {
    # name: (x shape, w shape, kwargs)
    "depthwise": ((32, 64, 32, 32), (64, 1, 3, 3), {"padding": 1, "groups": 64}),
    "transposed": ((32, 64, 16, 16), (64, 32, 4, 4), {"stride": 2, "padding": 1}),
}


def arrays(case: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ws, _ = CASES[case]
    rng = np.random.default_rng(0)
    out_c = ws[0] if case == "depthwise" else ws[1]
    return (
        rng.standard_normal(xs, dtype=np.float32),
        rng.standard_normal(ws, dtype=np.float32) * 0.1,
        rng.standard_normal(out_c, dtype=np.float32),
    )


def _median(step, iters: int) -> float:
    for _ in range(WARMUP):
        step()
    times = []
    for _ in range(iters):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    return float(np.median(times))


def run_mitbadak(case: str, iters: int) -> float:
    import mitbadak as mb
    import mitbadak.functional as F

    x, w, b = arrays(case)
    xt = mb.Tensor(x, requires_grad=True)
    wt, bt = mb.Tensor(w, requires_grad=True), mb.Tensor(b, requires_grad=True)
    kwargs = CASES[case][2]
    fn = F.conv2d if case == "depthwise" else F.conv_transpose2d

    def step() -> None:
        y = fn(xt, wt, bt, **kwargs)
        y.backward(np.ones(y.shape, np.float32))
        xt.grad = wt.grad = bt.grad = None

    return _median(step, iters)


def run_torch(case: str, iters: int) -> float:
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(int(_common.THREADS))
    x, w, b = (torch.from_numpy(a).requires_grad_() for a in arrays(case))
    kwargs = CASES[case][2]
    fn = F.conv2d if case == "depthwise" else F.conv_transpose2d

    def step() -> None:
        y = fn(x, w, b, **kwargs)
        y.backward(torch.ones_like(y))
        x.grad = w.grad = b.grad = None

    return _median(step, iters)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--worker", choices=["mitbadak", "torch"])
    p.add_argument("--case", choices=sorted(CASES))
    args = p.parse_args()
    if args.worker:
        pin_threads()
        run = run_mitbadak if args.worker == "mitbadak" else run_torch
        sec = run(args.case, args.iters)
        print(json.dumps({"seconds": sec, "peak_rss_mib": peak_rss_mib()}))
        return
    for case in CASES:
        results: dict[str, list[dict]] = {"mitbadak": [], "torch": []}
        for r in range(args.rounds):
            for side in ("mitbadak", "torch"):
                res = run_worker(__file__, [side, "--case", case, "--iters", str(args.iters)])
                results[side].append(res)
                print(
                    f"{case} round {r + 1}: {side:8s} {res['seconds'] * 1e3:.2f} ms/pass",
                    flush=True,
                )
        xs, ws, kw = CASES[case]
        report(
            f"{case} convolution x{xs} w{ws} {kw}, forward + backward, "
            f"{_common.THREADS} threads per side",
            results,
            "s/pass",
        )


if __name__ == "__main__":
    main()

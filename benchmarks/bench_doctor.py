"""The doctor's cost and its silence: epoch time with vs without ``Doctor()``, and the MNIST
recipes of this folder trained under it.

    OMP_NUM_THREADS=1 MITBADAK_DATA=/work/shared/data python benchmarks/bench_doctor.py
    python benchmarks/bench_doctor.py --recipes --epochs 2   # findings on the MNIST recipes

Overhead: the MLP of bench_mlp.py (784-256-128-10 ReLU, batch 128, SGD momentum) on synthetic
MNIST-shaped data, and the CNN of cnn_mnist.py (``zoo.build_cnn``, Adam) on a subset of
synthetic 1x28x28 images; in one process, one ``fit`` epoch at a time, alternating plain and
doctor (the order flips every round, so a machine shared with others loads both sides alike).
Reports the median epoch time of each side and their ratio (target: doctor <= 1.10x).
With ``--recipes``: the recipes of mlp_mnist.py and cnn_mnist.py (real MNIST) with a verbose
``Doctor()``; the expected output is no finding.

Figures recorded (2-core machine, load average 0.5, ``--threads 1``, 5 rounds):

| model | steps/epoch | plain | doctor | ratio | inside the doctor's hooks |
|---|---|---|---|---|---|
| MLP 784-256-128-10, SGD | 469 | 0.85 s | 0.87 s | 1.02x | 0.48% of the epoch |
| CNN build_cnn, Adam (6,000 images) | 47 | 3.29 s | 3.22 s | 0.98x | 0.14% |

Recipes under ``Doctor(verbose=1)`` (with validation on the test set): MLP 15 epochs, test
accuracy 0.9842, no finding; CNN 6 epochs with augmentation, 0.9938, no finding.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import _common
from _common import pin_threads

N_MLP, N_CNN, BATCH = 60_000, 6_000, 128


def _mlp():
    import mitbadak as mb
    from mitbadak.layers import Dense

    mb.set_seed(0)
    model = mb.Sequential([Dense(256, activation="relu"), Dense(128, activation="relu"), Dense(10)])
    model.compile({"class_name": "SGD", "config": {"lr": 0.01, "momentum": 0.9}},
                  mb.losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])  # fmt: skip
    return model


def _cnn():
    import mitbadak as mb
    from mitbadak.zoo import build_cnn

    mb.set_seed(0)
    model = build_cnn((1, 28, 28), 10, dropout=0.25)
    model.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
    return model


def _timed_doctor():
    """A Doctor that adds up the time spent in its callback hooks (its forward hooks run
    inside the model's calls and are only counted by the epoch-time ratio)."""
    from mitbadak.doctor import Doctor

    class TimedDoctor(Doctor):
        seconds = 0.0

    hooks = ("on_train_begin", "on_epoch_begin", "on_train_batch_begin", "on_train_batch_end",
             "on_epoch_end", "on_train_end")  # fmt: skip
    for name in hooks:
        base = getattr(Doctor, name)

        def timed(self, *args, _base=base, **kwargs):
            t = time.perf_counter()
            try:
                return _base(self, *args, **kwargs)
            finally:
                type(self).seconds += time.perf_counter() - t

        setattr(TimedDoctor, name, timed)
    return TimedDoctor(verbose=0)


def overhead(kind: str, rounds: int) -> dict:
    import numpy as np

    rng = np.random.default_rng(0)
    n = N_MLP if kind == "mlp" else N_CNN
    shape = (784,) if kind == "mlp" else (1, 28, 28)
    x = rng.random((n, *shape), dtype=np.float32)
    y = rng.integers(0, 10, n)
    model = _mlp() if kind == "mlp" else _cnn()
    model.fit(x[:512], y[:512], batch_size=BATCH, epochs=1, verbose=0)  # warm-up
    times: dict[str, list[float]] = {"plain": [], "doctor": []}
    inside: list[float] = []
    for r in range(rounds):
        order = ("plain", "doctor") if r % 2 == 0 else ("doctor", "plain")
        for side in order:
            cbs = [_timed_doctor()] if side == "doctor" else []
            t = time.perf_counter()
            model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, callbacks=cbs, seed=r)
            times[side].append(time.perf_counter() - t)
            if cbs:
                inside.append(type(cbs[0]).seconds / times[side][-1])
            print(f"  {kind} round {r + 1} {side:6s}: {times[side][-1]:.2f} s", flush=True)
    plain, doc = statistics.median(times["plain"]), statistics.median(times["doctor"])
    return {"kind": kind, "plain_s": plain, "doctor_s": doc, "ratio": doc / plain,
            "steps": -(-n // BATCH), "rounds": rounds, "in_hooks": statistics.median(inside)}  # fmt: skip


def recipes(epochs: int | None) -> None:
    """mlp_mnist.py's recipe (Adam, schedule) and cnn_mnist.py's (cosine Adam, augmentation)."""
    import mitbadak as mb
    from mitbadak import callbacks, losses, optimizers, schedules
    from mitbadak.data import augment as aug
    from mitbadak.data import load_mnist
    from mitbadak.doctor import Doctor
    from mitbadak.layers import Dense
    from mitbadak.zoo import build_cnn

    ds = load_mnist()
    x, y = ds.train.data, ds.train.target
    xt, yt = ds.test.data, ds.test.target

    e_mlp = epochs or 15
    mb.set_seed(0)
    mlp = mb.Sequential([Dense(h, activation="relu", kernel_initializer="he_normal")
                         for h in (512, 256)] + [Dense(10)])  # fmt: skip
    mlp.compile("adam", losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
    sched = callbacks.LearningRateScheduler(lambda e, lr: 1e-3 * 0.75 ** max(0, e - 2))
    doctor = Doctor(verbose=1)
    doctor.check(mlp, x, y)
    t = time.perf_counter()
    mlp.fit(x, y, batch_size=128, epochs=e_mlp, verbose=0, callbacks=[sched, doctor],
            validation_data=(xt, yt), seed=0)  # fmt: skip
    acc = float((mlp.predict(xt, batch_size=500).argmax(1) == yt).mean())
    print(f"MLP recipe, {e_mlp} epochs, {time.perf_counter() - t:.0f} s: test acc {acc:.4f}; "
          f"findings {doctor.codes}", flush=True)  # fmt: skip

    e_cnn = epochs or 6
    x4, xt4 = x.reshape(-1, 1, 28, 28), xt.reshape(-1, 1, 28, 28)
    mb.set_seed(0)
    cnn = build_cnn((1, 28, 28), 10, dropout=0.25)
    cnn.build((1, 1, 28, 28))
    steps = e_cnn * -(-len(x) // 128)
    opt = optimizers.Adam(cnn.parameters(), lr=schedules.CosineDecay(2e-3, steps, alpha=0.01))
    cnn.compile(opt, losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
    doctor = Doctor(verbose=1)
    doctor.check(cnn, x4, y)
    t = time.perf_counter()
    cnn.fit(x4, y, batch_size=128, epochs=e_cnn, verbose=0, callbacks=[doctor],
            validation_data=(xt4, yt), augment=aug.from_spec("shift=2,rotate=8"), seed=0)  # fmt: skip
    acc = float((cnn.predict(xt4, batch_size=500).argmax(1) == yt).mean())
    print(f"CNN recipe, {e_cnn} epochs, {time.perf_counter() - t:.0f} s: test acc {acc:.4f}; "
          f"findings {doctor.codes}", flush=True)  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", default="1")
    p.add_argument("--model", choices=("mlp", "cnn", "both"), default="both")
    p.add_argument("--recipes", action="store_true", help="train the MNIST recipes instead")
    p.add_argument("--epochs", type=int, default=None, help="recipes: epochs (default theirs)")
    args = p.parse_args()
    _common.THREADS = args.threads
    pin_threads()
    if args.recipes:
        recipes(args.epochs)
        return
    kinds = ("mlp", "cnn") if args.model == "both" else (args.model,)
    for kind in kinds:
        r = overhead(kind, args.rounds)
        print(f"{kind}: {r['steps']} steps/epoch, plain {r['plain_s']:.2f} s, doctor "
              f"{r['doctor_s']:.2f} s (medians of {r['rounds']}): ratio {r['ratio']:.3f}x "
              f"(target <= 1.10x); time inside the doctor's callback hooks: "
              f"{r['in_hooks']:.2%} of an epoch", flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())

"""Real results: a small CNN on MNIST (target >= 99.3% test accuracy) and Fashion-MNIST
(target >= 91.5%), each trained with ``model.fit`` within 10 minutes on 2 cores.

Recipe (both): ``zoo.build_cnn`` conv32-pool-conv64-pool-fc128(-dropout)-fc10 (ReLU, He init),
Adam with a cosine-decayed learning rate, batch 128, seeded augmentation from
``mitbadak.data.augment``; test accuracy is measured after every epoch. Prints one line per
epoch (seconds, loss, training and test accuracy) and a summary.

    MITBADAK_DATA=/work/shared/data OMP_NUM_THREADS=2 python benchmarks/cnn_mnist.py
    python benchmarks/cnn_mnist.py --dataset fashion --epochs 12
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import _common
from _common import pin_threads

# The defaults: what reached the targets. Measured on the shared 2-core machine (seed 0,
# --threads 1, which a loaded machine favours; evaluation time included):
#   mnist:   6 epochs, 437 s, test accuracy 0.9940 (0.9933 after 5); with 8 epochs and 2
#            threads 0.9954, but 34 min under a load average of 5-11.
#   fashion: 10 epochs, 486 s, test accuracy 0.9273. With "shift=2,flip" and dropout 0.3 it
#            underfit in 10 epochs (0.9121).
RECIPES = {
    "mnist": dict(epochs=6, lr=2e-3, dropout=0.25, augment="shift=2,rotate=8"),
    "fashion": dict(epochs=10, lr=2e-3, dropout=0.25, augment="flip"),
}
TARGET = {"mnist": 0.993, "fashion": 0.915}


def run(dataset: str, epochs: int, lr: float, dropout: float, augment: str, seed: int) -> dict:
    import numpy as np

    import mitbadak as mb
    from mitbadak import callbacks, losses, optimizers, schedules
    from mitbadak.backend import tune_malloc
    from mitbadak.data import augment as aug
    from mitbadak.data import load_fashion_mnist, load_mnist
    from mitbadak.zoo import build_cnn

    tune_malloc()
    ds = load_mnist() if dataset == "mnist" else load_fashion_mnist()
    x = ds.train.data.reshape(-1, 1, 28, 28)
    x_test = ds.test.data.reshape(-1, 1, 28, 28)
    y, y_test = ds.train.target, ds.test.target

    mb.set_seed(seed)
    model = build_cnn((1, 28, 28), 10, dropout=dropout)
    model.build((1, 1, 28, 28))
    steps = epochs * -(-len(x) // 128)
    schedule = schedules.CosineDecay(lr, decay_steps=steps, alpha=0.01)
    opt = optimizers.Adam(model.parameters(), lr=schedule)
    model.compile(opt, losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])

    rows: list[dict] = []

    class Log(callbacks.Callback):
        def on_epoch_begin(self, epoch, logs=None):
            self.t = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            train_s = time.perf_counter() - self.t
            t = time.perf_counter()
            pred = model.predict(x_test, batch_size=500).argmax(axis=1)
            acc = float((pred == y_test).mean())
            row = dict(
                epoch=epoch + 1,
                train_s=train_s,
                eval_s=time.perf_counter() - t,
                loss=float(logs["loss"]),
                train_acc=float(logs["accuracy"]),
                test_acc=acc,
            )
            rows.append(row)
            print(
                f"  epoch {row['epoch']:2d}: {train_s:6.1f} s train + {row['eval_s']:4.1f} s "
                f"test, loss {row['loss']:.4f}, train acc {row['train_acc']:.4f} (augmented), "
                f"test acc {acc:.4f}",
                flush=True,
            )

    transform = aug.from_spec(augment) if augment else None
    t0 = time.perf_counter()
    model.fit(
        x, y, batch_size=128, epochs=epochs, verbose=0, callbacks=[Log()],
        augment=transform, seed=seed,
    )  # fmt: skip
    total = time.perf_counter() - t0
    best = max(rows, key=lambda r: r["test_acc"])
    return dict(
        dataset=dataset, total_s=total, final=rows[-1]["test_acc"], best=best["test_acc"],
        best_epoch=best["epoch"], epochs=epochs, np=np.__version__,
    )  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--dataset", choices=["mnist", "fashion", "both"], default="both")
    p.add_argument("--epochs", type=int)
    p.add_argument("--lr", type=float)
    p.add_argument("--dropout", type=float)
    p.add_argument("--augment", help="augment.from_spec string, '' for none")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2, help="BLAS threads (default 2)")
    args = p.parse_args()
    _common.THREADS = str(args.threads)
    pin_threads()  # before NumPy is first imported (in run), so OpenBLAS sees it
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if shared.is_dir():
        os.environ.setdefault("MITBADAK_DATA", str(shared))
    names = ["mnist", "fashion"] if args.dataset == "both" else [args.dataset]
    for name in names:
        cfg = dict(RECIPES[name])
        for k in ("epochs", "lr", "dropout", "augment"):
            if getattr(args, k) is not None:
                cfg[k] = getattr(args, k)
        print(f"{name}: {cfg}, seed {args.seed}, {args.threads} thread(s)", flush=True)
        res = run(name, seed=args.seed, **cfg)
        ok = "reached" if res["final"] >= TARGET[name] else "MISSED"
        print(
            f"{name}: final test accuracy {res['final']:.4f} after {res['epochs']} epochs "
            f"(best {res['best']:.4f} at epoch {res['best_epoch']}), total {res['total_s']:.0f} s "
            f"({res['total_s'] / 60:.1f} min, evaluation included); target "
            f"{TARGET[name]:.3f} {ok}; within 10 min: {res['total_s'] <= 600}\n",
            flush=True,
        )


if __name__ == "__main__":
    main()

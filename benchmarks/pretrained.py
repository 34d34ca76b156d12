"""Recipes that retrain, from scratch, the pretrained models shipped in ``mitbadak/pretrained/``.

Each recipe is a plain ``model.fit`` run with a fixed seed; the shipped file is the model it
produced (saved without optimizer state). ``tests/test_pretrained.py`` checks each shipped file's
accuracy on its test set and its SHA-256 recorded in ``mitbadak/pretrained/MANIFEST.json``.

    MITBADAK_DATA=/work/shared/data python benchmarks/pretrained.py mnist-cnn
    python benchmarks/pretrained.py all --out /tmp/zoo      # then compare with the shipped files
    python benchmarks/pretrained.py ship --out /tmp/zoo     # copy them into the package and
                                                            # write MANIFEST.json (re-measured)

The CNNs are small on purpose (three 3x3 conv blocks 32-64-64, max-pooling, fc64: 93k
weights, 0.37 MB) so that all shipped models together stay under 2 MB.

``mnist04-cnn`` is the base of the transfer-learning lesson: the same network trained only on
the digits 0-4, whose convolutional blocks are reused for the digits 5-9 and for Fashion-MNIST.

Figures reached by the shipped files (seed 0, mitbadak 0.1.0, 1 thread on a shared 2-core
machine; ``ship`` re-measures them into the manifest):

    model         test set                      accuracy   weights   file      training
    mnist-cnn     MNIST, 10,000                 99.51%     93,322    380 kB    8 epochs, 672 s
    fashion-cnn   Fashion-MNIST, 10,000         92.25%     93,322    380 kB    12 epochs, 1745 s
    mnist04-cnn   MNIST digits 0-4, 5,139       99.86%     92,997    379 kB    4 epochs, 278 s
    digits-mlp    8x8 digits, 450 (25% split)   97.33%     4,810     22 kB     60 epochs
    all four together: 1.16 MB (limit 2 MB)
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import _common
from _common import pin_threads

# name -> (data set, classes kept, epochs, learning rate, dropout, augmentation, target accuracy)
RECIPES = {
    "mnist-cnn": dict(
        dataset="mnist",
        classes=None,
        epochs=8,
        lr=2e-3,
        dropout=0.2,
        augment="shift=2,rotate=8",
        target=0.993,
    ),  # fmt: skip
    "fashion-cnn": dict(
        dataset="fashion",
        classes=None,
        epochs=12,
        lr=2e-3,
        dropout=0.2,
        augment="flip",
        target=0.915,
    ),  # fmt: skip
    "mnist04-cnn": dict(
        dataset="mnist",
        classes=(0, 1, 2, 3, 4),
        epochs=4,
        lr=2e-3,
        dropout=0.2,
        augment="shift=2,rotate=8",
        target=0.99,
    ),  # fmt: skip
    "digits-mlp": dict(
        dataset="digits", classes=None, epochs=60, lr=2e-3, dropout=0.1, augment="", target=0.96
    ),  # fmt: skip
}


def build(name: str, num_classes: int):
    from mitbadak.zoo import build_cnn, build_mlp

    if name == "digits-mlp":
        return build_mlp((64,), num_classes, dropout=RECIPES[name]["dropout"], name=name)
    return build_cnn(
        (1, 28, 28), num_classes, filters=(32, 64, 64), dense=(64,),
        dropout=RECIPES[name]["dropout"], name=name,
    )  # fmt: skip


def load(dataset: str, classes):
    """(x_train, y_train, x_test, y_test) as float32 images in [0, 1], channels first."""
    import numpy as np

    from mitbadak.data import load_digits, load_fashion_mnist, load_mnist, train_test_split

    if dataset == "digits":
        d = load_digits()
        x_tr, x_te, y_tr, y_te = train_test_split(d.data / 16.0, d.target, seed=0)
        return x_tr.astype(np.float32), y_tr, x_te.astype(np.float32), y_te
    ds = load_mnist() if dataset == "mnist" else load_fashion_mnist()
    x, y = ds.train.data.reshape(-1, 1, 28, 28), ds.train.target
    xt, yt = ds.test.data.reshape(-1, 1, 28, 28), ds.test.target
    if classes is not None:
        keep, keep_t = np.isin(y, classes), np.isin(yt, classes)
        x, y, xt, yt = x[keep], y[keep], xt[keep_t], yt[keep_t]
    return x, y, xt, yt


def train(name: str, seed: int = 0):
    import numpy as np

    import mitbadak as mb
    from mitbadak import losses, optimizers, schedules
    from mitbadak.data import augment as aug

    r = RECIPES[name]
    x, y, xt, yt = load(r["dataset"], r["classes"])
    n_classes = int(y.max()) + 1
    mb.set_seed(seed)
    model = build(name, n_classes)
    model.build((1, *x.shape[1:]))
    batch = 128 if r["dataset"] != "digits" else 32
    steps = r["epochs"] * -(-len(x) // batch)
    opt = optimizers.Adam(
        model.parameters(), lr=schedules.CosineDecay(r["lr"], decay_steps=steps, alpha=0.01)
    )
    model.compile(opt, losses.SparseCategoricalCrossentropy(from_logits=True), ["accuracy"])
    transform = aug.from_spec(r["augment"]) if r["augment"] else None
    t0 = time.perf_counter()
    model.fit(
        x, y, batch_size=batch, epochs=r["epochs"], verbose=1, augment=transform, seed=seed
    )  # fmt: skip
    acc = float((model.predict(xt, batch_size=500).argmax(1) == yt).mean())
    return model, acc, time.perf_counter() - t0, np.__version__


DATASET_NAMES = {"mnist": "mnist", "fashion": "fashion-mnist", "digits": "digits"}
PACKAGE_DIR = Path(__file__).resolve().parents[1] / "src" / "mitbadak" / "pretrained"


def ship(src: Path, dest: Path = PACKAGE_DIR) -> dict:
    """Copy ``src/NAME.npz`` of every recipe into the package and write ``MANIFEST.json``: the
    SHA-256, the test accuracy re-measured here on the recipe's test set, and the recipe."""
    import hashlib
    import json

    import mitbadak as mb
    from mitbadak.data import load_digits, load_fashion_mnist, load_mnist
    from mitbadak.io import atomic_write

    loaders = {"digits": load_digits, "mnist": load_mnist, "fashion": load_fashion_mnist}
    dest.mkdir(parents=True, exist_ok=True)
    models = {}
    for name, r in RECIPES.items():
        if not (src / f"{name}.npz").is_file():
            print(f"{name}: no {src / name}.npz; NOT shipped (train it first)")
            continue
        path = dest / f"{name}.npz"
        data = (src / f"{name}.npz").read_bytes()
        atomic_write(path, lambda f, data=data: f.write(data))
        model = mb.load_model(path)
        _, _, xt, yt = load(r["dataset"], r["classes"])
        acc = float((model.predict(xt, batch_size=500).argmax(1) == yt).mean())
        names = loaders[r["dataset"]]().target_names
        classes = list(r["classes"]) if r["classes"] is not None else None
        models[name] = {
            "file": path.name,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "bytes": path.stat().st_size,
            "dataset": DATASET_NAMES[r["dataset"]],
            "classes": classes,
            "class_names": [str(names[c]) for c in (classes or range(len(names)))],
            "input_shape": list(model.input_shape[1:]),
            "split": {"test_size": 0.25, "seed": 0} if r["dataset"] == "digits" else None,
            "test_accuracy": round(acc, 6),
            "test_samples": int(len(yt)),
            "target_accuracy": r["target"],
            "params": int(model.count_params()),
            "recipe": f"benchmarks/pretrained.py {name} (seed 0)",
            "recipe_config": {k: v for k, v in r.items() if k != "target"},
            "mitbadak_version": mb.__version__,
        }
        ok = "reached" if acc >= r["target"] else "MISSED"
        print(f"{name}: test accuracy {acc:.4f} on {len(yt)} ({ok} {r['target']}), {path}")
    manifest = {"format": "mitbadak-pretrained/1", "models": models}
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    atomic_write(dest / "MANIFEST.json", lambda f: f.write(text.encode("utf-8")))
    total = sum(m["bytes"] for m in models.values())
    print(f"{len(models)} models, {total / 1e6:.2f} MB; wrote {dest / 'MANIFEST.json'}")
    return manifest


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("name", choices=[*RECIPES, "all", "ship"])
    p.add_argument("--out", default=None, help="folder for NAME.npz (default: a temporary one)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    _common.THREADS = str(args.threads)
    pin_threads()
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    if shared.is_dir():
        os.environ.setdefault("MITBADAK_DATA", str(shared))
    out = Path(args.out) if args.out else Path(os.environ.get("TMPDIR", "/tmp")) / "mitbadak-zoo"
    if args.name == "ship":
        ship(out)
        return
    out.mkdir(parents=True, exist_ok=True)
    for name in RECIPES if args.name == "all" else [args.name]:
        model, acc, secs, _ = train(name, args.seed)
        path = out / f"{name}.npz"
        model.save(path, include_optimizer=False)
        ok = "reached" if acc >= RECIPES[name]["target"] else "MISSED"
        print(
            f"{name}: test accuracy {acc:.4f} (target {RECIPES[name]['target']}: {ok}), "
            f"{model.count_params()} weights, {secs:.0f} s; saved {path}",
            flush=True,
        )


if __name__ == "__main__":
    main()

"""Lesson: transfer learning - a network trained on the digits 0-4 helps to learn the digits
5-9 (and Fashion-MNIST) from few labels.

The base is the shipped ``mnist04-cnn`` (:func:`mitbadak.zoo.pretrained`): three conv blocks
(32-64-64, max-pooling), then fc64 and a 5-way output, trained only on the MNIST digits 0-4.
Its convolutional part (everything up to ``Flatten``) is reused for a new task - the digits
5-9, and Fashion-MNIST - with 10, 100 and 1,000 labelled images per class, three ways:

* **frozen base + new head**: the conv layers get ``trainable = False`` (Keras' semantics:
  no updates, and a frozen BatchNormalization would run in inference mode) and only a new
  head (fc64-dropout-fc) is trained;
* **fine-tuned**: from the frozen-base model, every layer is made trainable again, the model
  is re-compiled (a new optimizer, bound to the new trainable weights, at a small learning
  rate) and trained a little more;
* **from scratch**: the same architecture, randomly initialized, trained on the same labels.

Example:
    >>> from mitbadak.experiments import transfer
    >>> r = transfer.run("lessons/transfer", quick=True)  # doctest: +SKIP
    >>> r.numbers["curves"]["digits 5-9"]["frozen"][10] > r.numbers["curves"]["digits 5-9"]["scratch"][10]  # doctest: +SKIP
    True
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import FileFormatError
from ..layers import Dense, Dropout
from ..losses import SparseCategoricalCrossentropy
from ..messages import message
from ..model import Sequential
from ..random import set_seed
from ._common import Lesson, LessonResult

NAME = "transfer"
TITLE = message("lesson.transfer.title", "en")
CLAIM = message("lesson.transfer.claim", "en")

BASE = "mnist04-cnn"
METHODS = ("frozen", "fine-tuned", "scratch")
REPEATS = {10: 3}  # draws of the labelled images (mean accuracy reported); 1 for larger sets
_LOSS = SparseCategoricalCrossentropy(from_logits=True)


def _load_tasks(quick: bool, seed: int) -> tuple[dict[str, tuple], list[tuple[str, str]]]:
    """``{task: (x_train, y_train, x_test, y_test, n_classes)}`` and notes on missing data,
    as ``(message key, error)`` pairs."""
    from ..data import load_fashion_mnist, load_mnist

    tasks: dict[str, tuple] = {}
    notes: list[tuple[str, str]] = []
    rng = np.random.default_rng(seed)
    try:
        ds = load_mnist()
    except FileFormatError as e:
        notes.append(("no_mnist", str(e).splitlines()[0]))
        return tasks, notes
    x, y = ds.train.data.reshape(-1, 1, 28, 28), ds.train.target
    xt, yt = ds.test.data.reshape(-1, 1, 28, 28), ds.test.target
    keep, keep_t = y >= 5, yt >= 5
    x5, y5, xt5, yt5 = x[keep], y[keep] - 5, xt[keep_t], yt[keep_t] - 5
    n_test = 300 if quick else 1000  # a random test subset: each model is evaluated on it
    pick = rng.choice(len(yt5), n_test, replace=False)
    xt5, yt5 = xt5[pick], yt5[pick]
    tasks["digits 5-9"] = (x5, y5, xt5, yt5, 5)
    if quick:
        return tasks, notes
    try:
        fs = load_fashion_mnist()
    except FileFormatError as e:
        notes.append(("no_fashion", str(e).splitlines()[0]))
        return tasks, notes
    pick = rng.choice(len(fs.test.target), n_test, replace=False)
    tasks["Fashion-MNIST"] = (
        fs.train.data.reshape(-1, 1, 28, 28), fs.train.target,
        fs.test.data.reshape(-1, 1, 28, 28)[pick], fs.test.target[pick], 10,
    )  # fmt: skip
    return tasks, notes


def _per_class(y: np.ndarray, n: int, n_classes: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of ``n`` random samples of each class."""
    return np.concatenate(
        [rng.choice(np.flatnonzero(y == c), n, replace=False) for c in range(n_classes)]
    )


def _epochs(n_samples: int, steps: int, batch: int) -> int:
    """Epochs giving at least ``steps`` gradient steps of ``batch`` samples."""
    return max(1, math.ceil(steps / math.ceil(n_samples / batch)))


def _head(n_classes: int) -> list:
    return [Dense(64, activation="relu", kernel_initializer="he_uniform"), Dropout(0.2),
            Dense(n_classes)]  # fmt: skip


def _accuracy(model: Any, x: np.ndarray, y: np.ndarray) -> float:
    """Test accuracy, predicted 500 images at a time (the conv layers' memory stays small)."""
    return float((model.predict(x, batch_size=500).argmax(axis=1) == y).mean())


def _fit(model: Any, optimizer: Any, x, y, epochs: int, batch: int, seed: int) -> None:
    model.compile(optimizer, _LOSS, ["accuracy"])
    model.fit(x, y, batch_size=batch, epochs=epochs, verbose=0, seed=seed)


def _one_run(x, y, xt, yt, n_classes: int, budget: dict[str, int], seed: int) -> dict[str, float]:
    """Accuracy on ``(xt, yt)`` of the three ways of learning from ``(x, y)``."""
    from ..zoo import pretrained

    batch = 32
    out: dict[str, float] = {}
    # The conv base of the network trained on digits 0-4: layers up to and including Flatten.
    base = list(pretrained(BASE, compile=False).layers)
    base = base[: [type(la).__name__ for la in base].index("Flatten") + 1]
    for layer in base:
        layer.trainable = False
    set_seed(seed)
    head = _head(n_classes)
    model = Sequential([*base, *head])
    model.build((1, *x.shape[1:]))
    # 1. Frozen base + new head. The frozen base is deterministic (inference mode), so its
    #    features are computed once and the head alone is trained on them: the same updates as
    #    model.fit with the base frozen, without running the conv layers every epoch.
    features = Sequential(base).predict(x, batch_size=500)
    head_model = Sequential(head)
    _fit(head_model, {"class_name": "Adam", "config": {"lr": 2e-3}}, features, y,
         _epochs(len(y), budget["head"], batch), batch, seed)  # fmt: skip
    out["frozen"] = _accuracy(model, xt, yt)
    # 2. Fine-tuning: unfreeze, re-compile (a new optimizer bound to all the weights, at a
    #    small learning rate), train a little more.
    for layer in base:
        layer.trainable = True
    _fit(model, {"class_name": "Adam", "config": {"lr": 3e-4}}, x, y,
         _epochs(len(y), budget["finetune"], batch), batch, seed)  # fmt: skip
    out["fine-tuned"] = _accuracy(model, xt, yt)
    # 3. From scratch: the same architecture, fresh weights.
    from ..zoo import build_cnn

    set_seed(seed + 1)
    scratch = build_cnn((1, 28, 28), n_classes, filters=(32, 64, 64), dense=(64,), dropout=0.2)
    scratch.build((1, *x.shape[1:]))
    _fit(scratch, {"class_name": "Adam", "config": {"lr": 2e-3}}, x, y,
         _epochs(len(y), budget["scratch"], batch), batch, seed)  # fmt: skip
    out["scratch"] = _accuracy(scratch, xt, yt)
    return out


def _budget(n: int, quick: bool) -> dict[str, int]:
    """Gradient steps (batches of 32) per method for ``n`` labels per class: the head trains on
    cached features (cheap), fine-tuning a little, from scratch for enough epochs to fit its
    labels (in quick mode: a few dozen steps)."""
    if quick:
        return {"head": 400, "finetune": 10, "scratch": 30 if n <= 10 else 45}
    epochs = {10: 30, 100: 12, 1000: 4}.get(n, 4)
    per_epoch = math.ceil(n * 10 / 32)  # (at most) ten classes
    return {"head": 400, "finetune": max(30, per_epoch), "scratch": epochs * per_epoch}


def run(out: str | Path = "lessons/transfer", quick: bool = False, seed: int = 0) -> LessonResult:
    """Train frozen-base, fine-tuned and from-scratch networks for 10, 100 (and 1,000) labels
    per class of the digits 5-9 (and Fashion-MNIST); plot accuracy against labels."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    tasks, notes = _load_tasks(quick, seed)
    for key, error in notes:
        lesson.say(lesson.t(key, error=error))
    if not tasks:
        lesson.say(lesson.t("no_data_hint"))
        reason = lesson.t(notes[0][0], error=notes[0][1]) if notes else "no data"
        return lesson.finish({"skipped": True, "reason": reason})
    sizes = (10, 100) if quick else (10, 100, 1000)
    task_label = {"digits 5-9": lesson.t("task_digits"), "Fashion-MNIST": "Fashion-MNIST"}
    lesson.say(
        lesson.t(
            "intro",
            base=BASE,
            sizes=", ".join(map(str, sizes)),
            test_sets=", ".join(
                lesson.t("test_set", n=len(t[3]), task=task_label[name])
                for name, t in tasks.items()
            ),
            head_steps=_budget(10, quick)["head"],
            finetune_steps=", ".join(str(_budget(n, quick)["finetune"]) for n in sizes),
            scratch_steps=", ".join(str(_budget(n, quick)["scratch"]) for n in sizes),
        )
    )
    lesson.code(lesson.t("code", base=repr(BASE)))
    rng = np.random.default_rng(seed)
    curves: dict[str, dict[str, dict[int, float]]] = {}
    rows = []
    for task, (x, y, xt, yt, k) in tasks.items():
        curves[task] = {m: {} for m in METHODS}
        for n in sizes:
            # Which 10 images per class are labelled matters a lot: mean of REPEATS draws.
            runs = []
            for r in range(REPEATS.get(n, 1)):
                idx = _per_class(y, n, k, rng)
                runs.append(_one_run(x[idx], y[idx], xt, yt, k, _budget(n, quick), seed + r))
            accs = {m: float(np.mean([run[m] for run in runs])) for m in METHODS}
            for m in METHODS:
                curves[task][m][n] = accs[m]
            rows.append([task_label[task], n, len(runs), accs["frozen"], accs["fine-tuned"],
                         accs["scratch"]])  # fmt: skip
    cols = ("col_task", "col_labels", "col_draws", "col_frozen", "col_finetuned", "col_scratch")
    lesson.table([lesson.t(c) for c in cols], rows)
    digits = curves["digits 5-9"]
    wins = [n for n in sizes if min(digits["frozen"][n], digits["fine-tuned"][n])
            > digits["scratch"][n]]  # fmt: skip
    gain10 = digits["frozen"][10] - digits["scratch"][10]
    lesson.say(
        lesson.t(
            "result",
            wins=", ".join(map(str, wins)) or lesson.t("no_sizes"),
            gain=100 * gain10,
        )
        + (lesson.t("fashion") if "Fashion-MNIST" in curves else "")
    )
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, len(curves), figsize=(5.5 * len(curves), 4), squeeze=False)
        fig_task = {"digits 5-9": lesson.fig_t("task_digits"), "Fashion-MNIST": "Fashion-MNIST"}
        labels = dict(zip(METHODS, (lesson.fig_t(f"fig_{m}") for m in ("frozen", "finetuned",
                                                                      "scratch"))))  # fmt: skip
        for ax, (task, by_method) in zip(axes[0], curves.items()):
            for m, style in zip(METHODS, ("o-", "s-", "^--")):
                ax.plot(sizes, [by_method[m][n] for n in sizes], style, label=labels[m])
            ax.set_xscale("log")
            ax.set_xticks(sizes, [str(n) for n in sizes])
            ax.set_xlabel(lesson.fig_t("fig_xlabel"))
            ax.set_ylabel(lesson.fig_t("fig_ylabel"))
            ax.set_title(lesson.fig_t("fig_title", task=fig_task[task], base=BASE))
            ax.grid(alpha=0.3)
            ax.legend()
        fig.tight_layout()
        lesson.figure(fig, "transfer.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(
        {"curves": curves, "sizes": list(sizes), "transfer_wins": wins, "gain_at_10": gain10}
    )

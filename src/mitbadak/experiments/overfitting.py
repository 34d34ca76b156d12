"""Lesson: over-fitting a small training set, and four remedies that shrink the gap.

A wide MLP (64-128-128-10) learns 60 digits by heart: its training loss goes to ~0 while the
loss on unseen digits stays far higher. The *generalization gap* is measured here as test loss
minus training loss (both in eval mode, without weight penalties), and also in accuracy.

Example:
    >>> from mitbadak.experiments import overfitting
    >>> r = overfitting.run("lessons/overfitting", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..callbacks import Callback, EarlyStopping
from ..layers import Dense, Dropout
from ..messages import message
from ..optimizers import SGD
from ..random import set_seed
from ..regularizers import L2
from ._common import Lesson, LessonResult, compile_fit, digits_splits, evaluate

NAME = "overfitting"
TITLE = message("lesson.overfitting.title", "en")
CLAIM = message("lesson.overfitting.claim", "en")

N_TRAIN, WIDTH = 60, 128


# Each remedy's label in the report (message ``lesson.overfitting.<key>``).
REMEDY_LABEL = {
    "none (baseline)": "remedy_none",
    "L2 (1e-2)": "remedy_l2",
    "dropout (0.2 inputs, 0.5 hidden)": "remedy_dropout",
    "early stopping": "remedy_early_stopping",
    "data augmentation": "remedy_augmentation",
}


def _augmenter() -> tuple[Any, str]:
    """Random shifts of the 8x8 images by ``mitbadak.data.augment`` (if this version has it),
    and the key of the message that says what augmentation is used."""
    try:
        from ..data.augment import RandomShift  # the lesson does not reimplement augmentation
    except ImportError:
        return None, "aug_missing"
    shift = RandomShift(1, interpolation="nearest")

    def augment(xb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        # The MLP reads flat rows of 64 pixels; the transform wants (N, 1, 8, 8) images.
        return shift(xb.reshape(-1, 1, 8, 8), rng).reshape(len(xb), -1)

    return augment, "aug_shifts"


class _DataLosses(Callback):
    """After each epoch, the cross-entropy without penalties on the training and validation
    sets, in eval mode (no dropout, no augmentation): curves comparable across remedies."""

    def __init__(self, train: tuple[np.ndarray, np.ndarray], val: tuple[np.ndarray, np.ndarray]):
        super().__init__()
        self.train_xy, self.val_xy = train, val
        self.train: list[float] = []
        self.val: list[float] = []

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self.train.append(evaluate(self.model, *self.train_xy)[0])
        self.val.append(evaluate(self.model, *self.val_xy)[0])


def _layers(reg: Any = None, dropout: float = 0.0, input_dropout: float = 0.0) -> list:
    out: list = [Dropout(input_dropout)] if input_dropout else []
    for _ in range(2):
        out.append(Dense(WIDTH, activation="relu", kernel_initializer="he_normal",
                         kernel_regularizer=reg))  # fmt: skip
        if dropout:
            out.append(Dropout(dropout))
    return [*out, Dense(10, kernel_regularizer=reg)]


def run(
    out: str | Path = "lessons/overfitting", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Train the baseline and each remedy; compare their gaps."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    epochs = 40 if quick else 60
    aug_fn, aug_key = _augmenter()
    aug_note = message(f"lesson.overfitting.{aug_key}", "en")  # (the numbers stay in English)
    remedies: dict[str, dict[str, Any]] = {
        "none (baseline)": {},
        "L2 (1e-2)": {"layers": {"reg": L2(1e-2)}},
        "dropout (0.2 inputs, 0.5 hidden)": {"layers": {"dropout": 0.5, "input_dropout": 0.2}},
        "early stopping": {
            "callbacks": [EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)]
        },
    }
    if aug_fn is not None:
        remedies["data augmentation"] = {"augment": aug_fn}
    # Full mode averages 3 runs (3 seeds: weights, batch order and which 60 digits are
    # learned), so that one lucky split does not decide the comparison.
    seeds = [seed] if quick else [seed, seed + 1, seed + 2]
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in remedies}
    curves: dict[str, dict[str, list[float]]] = {}
    for k, s in enumerate(seeds):
        x_all, y_all, x_te, y_te = digits_splits(s)
        x_tr, y_tr = x_all[:N_TRAIN], y_all[:N_TRAIN]
        x_val, y_val = x_all[N_TRAIN : N_TRAIN + 400], y_all[N_TRAIN : N_TRAIN + 400]
        for name, spec in remedies.items():
            set_seed(s)
            probe = _DataLosses((x_tr, y_tr), (x_val, y_val))
            model, hist = compile_fit(
                _layers(**spec.get("layers", {})), lambda p: SGD(p, lr=0.05, momentum=0.9),
                x_tr, y_tr, epochs, (x_val, y_val), seed=s,
                callbacks=[*spec.get("callbacks", []), probe], augment=spec.get("augment"),
            )  # fmt: skip
            (tr_loss, tr_acc), (te_loss, te_acc) = (
                evaluate(model, x_tr, y_tr),
                evaluate(model, x_te, y_te),
            )
            runs[name].append(
                {
                    "train_loss": tr_loss,
                    "test_loss": te_loss,
                    "train_accuracy": tr_acc,
                    "test_accuracy": te_acc,
                    "loss_gap": te_loss - tr_loss,
                    "accuracy_gap": tr_acc - te_acc,
                    "epochs": len(hist["loss"]),
                }
            )
            if k == 0:
                curves[name] = {"loss": probe.train, "val_loss": probe.val}
    results = {
        name: {key: float(np.mean([r[key] for r in rs])) for key in rs[0]}
        for name, rs in runs.items()
    }

    def label(name: str) -> str:
        return lesson.t(REMEDY_LABEL[name])

    lesson.say(
        lesson.t("intro", width=WIDTH, epochs=epochs, n_train=N_TRAIN)
        + (
            lesson.t("intro_one")
            if len(seeds) == 1
            else lesson.t("intro_many", n=len(seeds), seeds=seeds)
        )
    )
    lesson.table(
        [lesson.t(c) for c in ("col_remedy", "col_epochs", "col_train_acc", "col_test_acc",
                               "col_acc_gap", "col_train_loss", "col_test_loss", "col_loss_gap")],
        [[label(k), r["epochs"], r["train_accuracy"], r["test_accuracy"], r["accuracy_gap"],
          r["train_loss"], r["test_loss"], r["loss_gap"]] for k, r in results.items()],
    )  # fmt: skip
    if aug_fn is None:
        lesson.say(lesson.t("aug_note", note=lesson.t(aug_key)))
    base = results["none (baseline)"]["loss_gap"]
    changes = "; ".join(
        f"{label(k)} {100 * (r['loss_gap'] / base - 1):+.0f}%"
        for k, r in results.items()
        if k != "none (baseline)"
    )
    lesson.say(lesson.t("relative", base=base, changes=changes))
    base_acc = results["none (baseline)"]["test_accuracy"]
    better = [label(k) for k, r in results.items() if r["test_accuracy"] > base_acc]
    names = ", ".join(better) if better else lesson.t("no_remedy")
    lesson.say(lesson.t("better", better=names, base_acc=base_acc))
    if lesson.plt is not None:
        plt = lesson.plt
        n = len(curves)
        fig, axes = plt.subplots(1, n, figsize=(3.6 * n, 3.4), sharey=True)
        for ax, (name, h) in zip(np.atleast_1d(axes), curves.items()):
            ep = np.arange(1, len(h["loss"]) + 1)
            ax.plot(ep, h["loss"], label=lesson.fig_t("fig_train"))
            ax.plot(ep, h["val_loss"], label=lesson.fig_t("fig_val"))
            ax.fill_between(ep, h["loss"], h["val_loss"], alpha=0.15, color="tab:red")
            ax.set_yscale("log")
            ax.set_title(lesson.fig_t(REMEDY_LABEL[name]), fontsize=10)
            ax.set_xlabel(lesson.fig_t("fig_epoch"))
            ax.grid(alpha=0.3)
        np.atleast_1d(axes)[0].legend(fontsize=8)
        fig.suptitle(lesson.fig_t("fig_title"))
        fig.tight_layout()
        lesson.figure(fig, "curves.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish({"results": results, "runs": runs, "augmentation": aug_note})

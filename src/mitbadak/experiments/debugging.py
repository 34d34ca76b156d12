"""Lesson: the same network broken five ways, what the doctor says, and the run after the fix.

One network (two ReLU layers of 64 units and a linear output of 10 scores on the 8x8 digits,
SGD with momentum on softmax cross-entropy) trains well. Then it is broken, one way at a time:
a learning rate 10x too high, a 10-layer sigmoid stack with tiny initial weights, ReLU units
with a large negative bias, a softmax output trained with squared error, and a tiny training
set without regularization. Each broken run is watched by :class:`mitbadak.doctor.Doctor`; its
finding is shown, its fix applied, and the fixed run watched again.

Example:
    >>> from mitbadak.experiments import debugging
    >>> r = debugging.run("lessons/debugging", quick=True)   # doctest: +SKIP
    >>> r.numbers["cases"]["lr_too_high"]["broken_codes"]    # doctest: +SKIP
    ['diverging', 'dead_relu']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .. import initializers, losses
from ..doctor import Doctor
from ..layers import Dense, Dropout
from ..messages import message
from ..model import Sequential
from ..optimizers import SGD
from ..random import set_seed
from ..regularizers import L2
from ._common import Lesson, LessonResult, digits_splits

NAME = "debugging"
TITLE = message("lesson.debugging.title", "en")
CLAIM = message("lesson.debugging.claim", "en")

LR = 0.05


@dataclass
class Case:
    """One broken setup: what is broken, the finding expected, the broken and fixed models."""

    key: str
    what: str
    expect: str
    broken: Callable[[], dict[str, Any]]
    fixed: Callable[[], dict[str, Any]]
    fix: str


def _mlp(act: str = "relu", init: Any = "he_normal", bias: Any = "zeros", depth: int = 2,
         head: Any = None, dropout: float = 0.0, l2: float = 0.0) -> list[Any]:  # fmt: skip
    layers: list[Any] = []
    for _ in range(depth):
        layers.append(Dense(64, activation=act, kernel_initializer=init, bias_initializer=bias,
                            kernel_regularizer=L2(l2) if l2 else None))  # fmt: skip
        if dropout:
            layers.append(Dropout(dropout))
    layers.append(Dense(10, activation=head))
    return layers


def _ce() -> Any:
    return losses.SparseCategoricalCrossentropy(from_logits=True)


def cases() -> list[Case]:
    """The five broken setups of the lesson, each with its fix.

    Example:
        >>> [c.expect for c in cases()]
        ['diverging', 'vanishing_gradients', 'dead_relu', 'loss_mismatch', 'overfitting']
    """
    tiny = initializers.RandomNormal(stddev=0.01)
    return [
        Case("lr_too_high", "learning rate 10x too high (0.5 instead of 0.05)", "diverging",
             lambda: {"layers": _mlp(), "lr": 10 * LR},
             lambda: {"layers": _mlp(), "lr": LR},
             "learning rate back to 0.05 (10x smaller)"),
        Case("deep_sigmoid", "10 sigmoid layers with weights drawn from N(0, 0.01^2)",
             "vanishing_gradients",
             lambda: {"layers": _mlp("sigmoid", tiny, depth=10)},
             lambda: {"layers": _mlp("relu", "he_normal", depth=10), "lr": LR / 5},
             "ReLU with He initialization, and lr 0.01 for the 10-layer stack"),
        Case("negative_bias", "ReLU layers whose biases start at -5", "dead_relu",
             lambda: {"layers": _mlp(bias=initializers.Constant(-5.0))},
             lambda: {"layers": _mlp()},
             "biases start at 0"),
        Case("softmax_mse", "softmax output trained with mean squared error on one-hot targets",
             "loss_mismatch",
             lambda: {"layers": _mlp(head="softmax"), "loss": losses.MeanSquaredError(),
                      "one_hot": True},
             lambda: {"layers": _mlp()},
             "linear output and SparseCategoricalCrossentropy(from_logits=True)"),
        Case("tiny_data", "100 training images, no regularization, 60 epochs", "overfitting",
             lambda: {"layers": _mlp(), "n_train": 100, "epochs": 60},
             lambda: {"layers": _mlp(l2=1e-2), "n_train": 100, "epochs": 60},
             "an L2 penalty, kernel_regularizer=L2(1e-2)"),
    ]  # fmt: skip


def train_case(spec: dict[str, Any], epochs: int, seed: int = 0) -> tuple[Doctor, dict]:
    """Train one setup on the digits under a silent :class:`Doctor`; returns it and the
    history dict (with the final validation accuracy under ``"val_accuracy"``)."""
    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    if spec.get("n_train"):  # the same number of images of every class
        per = spec["n_train"] // 10
        keep = np.concatenate([np.flatnonzero(y_tr == c)[:per] for c in range(10)])
        x_tr, y_tr = x_tr[keep], y_tr[keep]
    set_seed(seed)
    model = Sequential(spec["layers"])
    model.build((1, x_tr.shape[1]))
    loss = spec.get("loss", _ce())
    model.compile(SGD(model.parameters(), lr=spec.get("lr", LR), momentum=0.9), loss,
                  metrics=["accuracy"])  # fmt: skip
    doctor = Doctor(verbose=0, lang=None)  # the lesson's language
    if spec.get("one_hot"):
        y_fit, y_val = np.eye(10, dtype=np.float32)[y_tr], np.eye(10, dtype=np.float32)[y_te]
    else:
        y_fit, y_val = y_tr, y_te
    doctor.check(model, x_tr, y_tr)
    cbs: list[Any] = [doctor]
    hist = model.fit(x_tr, y_fit, batch_size=32, epochs=spec.get("epochs", epochs), verbose=0,
                     validation_data=(x_te, y_val), callbacks=cbs, seed=seed)  # fmt: skip
    return doctor, {k: [float(v) for v in vs] for k, vs in hist.history.items()}


def run(out: str | Path = "lessons/debugging", quick: bool = False, seed: int = 0) -> LessonResult:
    """Train each broken case and its fix under the doctor; report findings and accuracies."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    epochs = 4 if quick else 15
    lesson.say(lesson.t("intro", lr=LR, epochs=epochs))
    numbers: dict[str, Any] = {"epochs": epochs, "cases": {}}
    rows, curves = [], {}
    for case in cases():
        broken_doc, broken_hist = train_case(case.broken(), epochs, seed)
        fixed_doc, fixed_hist = train_case(case.fixed(), epochs, seed)
        finding = next((f for f in broken_doc.findings if f.code == case.expect), None)
        numbers["cases"][case.key] = {
            "broken_codes": broken_doc.codes,
            "fixed_codes": fixed_doc.codes,
            "broken_val_accuracy": broken_hist["val_accuracy"][-1],
            "fixed_val_accuracy": fixed_hist["val_accuracy"][-1],
        }
        curves[case.key] = (broken_hist, fixed_hist)
        what, fix = lesson.t(f"what_{case.key}"), lesson.t(f"fix_{case.key}")
        rows.append([what, ", ".join(broken_doc.codes) or "-",
                     broken_hist["val_accuracy"][-1], fix,
                     ", ".join(fixed_doc.codes) or "-", fixed_hist["val_accuracy"][-1]])  # fmt: skip
        lesson.say(f"### {what}")
        if finding is not None:
            lesson.say(
                lesson.t("finding", code=finding.code, message=finding.message, fix=finding.fix)
            )
        else:
            lesson.say(lesson.t("missed", code=case.expect))
        lesson.say(
            lesson.t("applied", fix=fix, broken=broken_hist["val_accuracy"][-1],
                     fixed=fixed_hist["val_accuracy"][-1],
                     codes=", ".join(fixed_doc.codes) or lesson.t("none"))
        )  # fmt: skip
    lesson.say(lesson.t("summary"))
    cols = ("col_broken", "col_findings", "col_acc", "col_fix", "col_after", "col_acc_after")
    lesson.table([lesson.t(c) for c in cols], rows)
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, len(curves), figsize=(4 * len(curves), 3.4))
        for ax, (key, (b, f)) in zip(axes, curves.items()):
            ax.plot(
                np.arange(1, len(b["loss"]) + 1),
                b["loss"],
                "r-",
                label=lesson.fig_t("fig_broken_train"),
            )
            ax.plot(
                np.arange(1, len(b["val_loss"]) + 1),
                b["val_loss"],
                "r--",
                label=lesson.fig_t("fig_broken_test"),
            )
            ax.plot(
                np.arange(1, len(f["loss"]) + 1),
                f["loss"],
                "g-",
                label=lesson.fig_t("fig_fixed_train"),
            )
            ax.plot(
                np.arange(1, len(f["val_loss"]) + 1),
                f["val_loss"],
                "g--",
                label=lesson.fig_t("fig_fixed_test"),
            )
            ax.set_title(lesson.fig_t(f"fig_{key}"))
            ax.set_xlabel(lesson.fig_t("fig_epoch"))
            ax.set_yscale("log")
            ax.grid(alpha=0.3)
        axes[0].set_ylabel(lesson.fig_t("fig_loss"))
        axes[0].legend(fontsize=7)
        fig.tight_layout()
        lesson.figure(fig, "debugging.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(numbers)

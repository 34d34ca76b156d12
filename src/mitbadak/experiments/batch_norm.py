"""Lesson: batch normalization makes training insensitive to the learning rate and the
initial weight scale.

The same 4-hidden-layer ReLU network is trained with plain SGD from weights drawn with
std 1, 0.1 and 0.01, at learning rates 0.01, 0.1 and 1, once as is and once with a
``BatchNormalization`` layer after each hidden ``Dense``.

Example:
    >>> from mitbadak.experiments import batch_norm
    >>> r = batch_norm.run("lessons/batch-norm", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..initializers import RandomNormal
from ..layers import Activation, BatchNormalization, Dense
from ..messages import message
from ..optimizers import SGD
from ..random import set_seed
from ._common import Lesson, LessonResult, compile_fit, digits_splits

NAME = "batch-norm"
TITLE = message("lesson.batch-norm.title", "en")
CLAIM = message("lesson.batch-norm.claim", "en")


LRS = (0.01, 0.1, 1.0)
STDS = (1.0, 0.1, 0.01)


def _layers(std: float, bn: bool) -> list:
    out: list = []
    for _ in range(4):
        # With BN the Dense bias is redundant: BN's beta shifts the output anyway.
        out.append(Dense(64, kernel_initializer=RandomNormal(stddev=std), use_bias=not bn))
        if bn:
            # momentum 0.9 (PyTorch's 0.1): the running statistics settle within a few epochs.
            out.append(BatchNormalization(momentum=0.9))
        out.append(Activation("relu"))
    return [*out, Dense(10, kernel_initializer=RandomNormal(stddev=std))]


def run(out: str | Path = "lessons/batch-norm", quick: bool = False, seed: int = 0) -> LessonResult:
    """Train the grid (learning rate x initial std) with and without BatchNormalization."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    if quick:
        x_tr, y_tr = x_tr[:600], y_tr[:600]
    epochs = 5 if quick else 20
    curves: dict[tuple[float, float, bool], dict[str, list[float]]] = {}
    with np.errstate(over="ignore", invalid="ignore"):  # the diverging runs overflow to nan
        for lr in LRS:
            for std in STDS:
                for bn in (False, True):
                    set_seed(seed)
                    _, hist = compile_fit(_layers(std, bn), lambda p, lr=lr: SGD(p, lr=lr),
                                          x_tr, y_tr, epochs, (x_te, y_te), seed=seed)  # fmt: skip
                    curves[(lr, std, bn)] = hist

    def final(h: dict[str, list[float]], key: str) -> float:
        v = h[key][-1]
        return v if np.isfinite(v) else float("nan")

    rows, cells = [], []
    for lr in LRS:
        for std in STDS:
            plain, bn = curves[(lr, std, False)], curves[(lr, std, True)]
            cell = {
                "lr": lr,
                "std": std,
                "plain_train": final(plain, "accuracy"),
                "bn_train": final(bn, "accuracy"),
                "plain_test": final(plain, "val_accuracy"),
                "bn_test": final(bn, "val_accuracy"),
            }
            cells.append(cell)
            rows.append([lr, std, cell["plain_train"], cell["bn_train"], cell["plain_test"],
                         cell["bn_test"]])  # fmt: skip
    lesson.say(lesson.t("intro", epochs=epochs, n=len(x_tr)))
    lesson.table(
        [lesson.t(c) for c in ("col_lr", "col_std", "col_train_plain", "col_train_bn",
                                        "col_test_plain", "col_test_bn")],
        rows,
    )  # fmt: skip
    wins = sum(c["bn_train"] > c["plain_train"] for c in cells)
    worst_bn = min(c["bn_train"] for c in cells)
    worst_plain = min(c["plain_train"] for c in cells)
    near_chance = sum(c["plain_train"] < 0.15 for c in cells)
    lesson.say(
        lesson.t("explain", wins=wins, n=len(cells), worst_bn=worst_bn, worst_plain=worst_plain,
                 near_chance=near_chance)
    )  # fmt: skip
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(len(LRS), len(STDS), figsize=(12, 9), sharex=True, sharey=True)
        for i, lr in enumerate(LRS):
            for j, std in enumerate(STDS):
                ax = axes[i, j]
                for bn, style in ((True, "-"), (False, "--")):
                    h = curves[(lr, std, bn)]
                    ep = np.arange(1, len(h["accuracy"]) + 1)
                    ax.plot(ep, h["accuracy"], style, marker=".",
                            label=lesson.fig_t("fig_with" if bn else "fig_without"))  # fmt: skip
                ax.set_title(lesson.fig_t("fig_cell", lr=lr, std=std), fontsize=10)
                ax.set_ylim(0, 1.02)
                ax.grid(alpha=0.3)
        for ax in axes[-1]:
            ax.set_xlabel(lesson.fig_t("fig_epoch"))
        for ax in axes[:, 0]:
            ax.set_ylabel(lesson.fig_t("fig_train_acc"))
        axes[0, 0].legend(fontsize=8)
        fig.tight_layout()
        lesson.figure(fig, "batch_norm.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(
        {
            "cells": cells,
            "bn_wins": wins,
            "settings": len(cells),
            "worst_bn_train": worst_bn,
            "worst_plain_train": worst_plain,
            "plain_near_chance": near_chance,
        }
    )

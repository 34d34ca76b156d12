"""Lesson: the paths of six optimizers on an elongated bowl, and their loss curves on digits.

The bowl is f(x, y) = x^2 / 20 + y^2 (from *Deep Learning from Scratch*): 20 times steeper along
y than along x. The optimizers are mitbadak's own (``SGD``, ``Adagrad``, ``RMSprop``, ``Adam``)
updating a 2-element ``Tensor`` whose gradient comes from ``backward()``.

Example:
    >>> from mitbadak.experiments import optimizers
    >>> r = optimizers.run("lessons/optimizers", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from .. import optimizers as O
from ..layers import Dense
from ..messages import message
from ..model import Sequential
from ..random import set_seed
from ..tensor import Tensor
from ._common import Lesson, LessonResult, digits_splits, train_loop

NAME = "optimizers"
TITLE = message("lesson.optimizers.title", "en")
CLAIM = message("lesson.optimizers.claim", "en")

START = (-7.0, 2.0)

# (class, options on the bowl, options on the digits); bowl learning rates as in the book.
OPTIMIZERS: dict[str, tuple[Any, dict[str, Any], dict[str, Any]]] = {
    "SGD": (O.SGD, {"lr": 0.95}, {"lr": 0.01}),
    "Momentum": (O.SGD, {"lr": 0.1, "momentum": 0.9}, {"lr": 0.01, "momentum": 0.9}),
    "Nesterov": (
        O.SGD,
        {"lr": 0.1, "momentum": 0.9, "nesterov": True},
        {"lr": 0.01, "momentum": 0.9, "nesterov": True},
    ),
    "AdaGrad": (O.Adagrad, {"lr": 1.5}, {"lr": 0.05}),
    "RMSProp": (O.RMSprop, {"lr": 0.1, "alpha": 0.9}, {"lr": 0.001}),
    "Adam": (O.Adam, {"lr": 0.3}, {"lr": 0.001}),
}


def _opts(kw: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in kw.items())


def bowl(p: Tensor) -> Tensor:
    """f(x, y) = x^2 / 20 + y^2 for ``p = [x, y]``."""
    return p[0] ** 2 / 20 + p[1] ** 2


def bowl_path(cls: Any, options: dict[str, Any], steps: int) -> np.ndarray:
    """The points visited by an optimizer minimizing :func:`bowl` from ``START``."""
    p = Tensor(np.array(START, dtype=np.float32), requires_grad=True)
    opt = cls([p], **options)
    path = [p.data.copy()]
    for _ in range(steps):
        opt.zero_grad()
        bowl(p).backward()
        opt.step()
        path.append(p.data.copy())
    return np.array(path)


def run(out: str | Path = "lessons/optimizers", quick: bool = False, seed: int = 0) -> LessonResult:
    """Bowl paths (30 steps) and digits training curves for each optimizer."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    steps = 30
    paths = {name: bowl_path(cls, kw, steps) for name, (cls, kw, _) in OPTIMIZERS.items()}
    rows, numbers = [], {}
    for name, path in paths.items():
        flips = int(np.sum(np.diff(np.sign(path[:, 1])) != 0))
        final = float(path[-1, 0] ** 2 / 20 + path[-1, 1] ** 2)
        length = float(np.linalg.norm(np.diff(path, axis=0), axis=1).sum())
        numbers[f"bowl/{name}/y_sign_changes"] = flips
        numbers[f"bowl/{name}/final_f"] = final
        rows.append([name, _opts(OPTIMIZERS[name][1]), flips, length, final])
    lesson.say(lesson.t("bowl", start=START, steps=steps))
    cols = ("col_optimizer", "col_options", "col_flips", "col_length", "col_final_f")
    lesson.table([lesson.t(c) for c in cols], rows)

    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    epochs = 4 if quick else 20
    curves: dict[str, dict[str, list[float]]] = {}
    rows2 = []
    for name, (cls, _, kw) in OPTIMIZERS.items():
        set_seed(seed)  # the same initial weights for every optimizer
        model = Sequential([Dense(64, activation="relu", kernel_initializer="he_normal"),
                            Dense(10)])  # fmt: skip
        model.build((1, 64))
        hist = train_loop(
            model, cls(model.parameters(), **kw), x_tr, y_tr, epochs, 32, (x_te, y_te), seed
        )
        curves[name] = hist
        numbers[f"digits/{name}/final_loss"] = hist["loss"][-1]
        numbers[f"digits/{name}/test_accuracy"] = hist["val_accuracy"][-1]
        rows2.append([name, _opts(kw), hist["loss"][-1], hist["val_accuracy"][-1]])
    lesson.say(lesson.t("digits", epochs=epochs, n_train=len(x_tr), n_test=len(x_te)))
    cols = ("col_optimizer", "col_options", "col_train_loss", "col_test_acc")
    lesson.table([lesson.t(c) for c in cols], rows2)

    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(2, 3, figsize=(13, 7))
        gx, gy = np.meshgrid(np.linspace(-10, 10, 200), np.linspace(-5, 5, 200))
        gz = gx**2 / 20 + gy**2
        for ax, (name, path) in zip(axes.flat, paths.items()):
            ax.contour(gx, gy, gz, levels=np.geomspace(0.05, 25, 12), colors="gray",
                       linewidths=0.6)  # fmt: skip
            ax.plot(path[:, 0], path[:, 1], "o-", color="tab:red", ms=3, lw=1)
            ax.plot(0, 0, "+", color="black", ms=12)
            ax.set_xlim(-10, 10)
            ax.set_ylim(-5, 5)
            ax.set_title(lesson.fig_t("fig_steps", name=name, steps=steps))
        fig.suptitle("f(x, y) = x^2/20 + y^2")
        fig.tight_layout()
        lesson.figure(fig, "paths.png", lesson.t("caption_paths"))

        fig, axes = plt.subplots(1, 2, figsize=(12, 4))
        for name, hist in curves.items():
            ep = np.arange(1, len(hist["loss"]) + 1)
            axes[0].plot(ep, hist["loss"], marker=".", label=name)
            axes[1].plot(ep, hist["val_accuracy"], marker=".", label=name)
        axes[0].set_yscale("log")
        axes[0].set_title(lesson.fig_t("fig_loss"))
        axes[1].set_title(lesson.fig_t("fig_acc"))
        for ax in axes:
            ax.set_xlabel(lesson.fig_t("fig_epoch"))
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
        fig.tight_layout()
        lesson.figure(fig, "digits_curves.png", lesson.t("caption_curves"))
    else:
        lesson.no_figures_note()
    return lesson.finish(numbers)

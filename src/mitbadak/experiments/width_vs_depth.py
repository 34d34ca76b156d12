"""Lesson: wider versus deeper multi-layer perceptrons: accuracy and parameter count.

Example:
    >>> from mitbadak.experiments import width_vs_depth
    >>> r = width_vs_depth.run("lessons/width-vs-depth", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..layers import Dense
from ..messages import message
from ..model import Sequential
from ..optimizers import Adam
from ..random import set_seed
from ._common import Lesson, LessonResult, digits_splits, train_loop

NAME = "width-vs-depth"
TITLE = message("lesson.width-vs-depth.title", "en")
CLAIM = message("lesson.width-vs-depth.claim", "en")

N_IN, N_OUT = 64, 10


def mlp(hidden: list[int]) -> Sequential:
    """An MLP 64-hidden...-10 with ReLU and He initialization, built."""
    model = Sequential(
        [Dense(h, activation="relu", kernel_initializer="he_normal") for h in hidden]
        + [Dense(N_OUT)]
    )
    model.build((1, N_IN))
    return model


def expected_params(hidden: list[int]) -> int:
    """Parameters of a Dense stack: sum of (fan_in + 1) * fan_out over the layers."""
    sizes = [N_IN, *hidden, N_OUT]
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))


def run(
    out: str | Path = "lessons/width-vs-depth", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Train MLPs of growing width (one hidden layer) and of growing depth (width 32)."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    epochs = 5 if quick else 30
    widths = [4, 16, 64] if quick else [2, 4, 8, 16, 32, 64, 128, 256]
    depths = [1, 2, 3] if quick else [1, 2, 3, 4, 6]

    def train(hidden: list[int]) -> tuple[int, float, float]:
        set_seed(seed)
        model = mlp(hidden)
        hist = train_loop(model, Adam(model.parameters(), lr=0.003), x_tr, y_tr, epochs, 32,
                          (x_te, y_te), seed)  # fmt: skip
        return model.count_params(), hist["accuracy"][-1], hist["val_accuracy"][-1]

    wide = {w: train([w]) for w in widths}
    deep = {d: train([32] * d) for d in depths}
    params_ok = all(wide[w][0] == expected_params([w]) for w in widths) and all(
        deep[d][0] == expected_params([32] * d) for d in depths
    )
    lesson.say(lesson.t("intro", epochs=epochs, n_train=len(x_tr), n_test=len(x_te)))
    cols = [lesson.t(c) for c in ("col_layers", "col_params", "col_train", "col_test")]
    lesson.table(cols, [[f"[{w}]", *wide[w]] for w in widths])
    lesson.say(lesson.t("deeper"))
    lesson.table(cols, [[f"[32] x {d}", *deep[d]] for d in depths])
    lesson.say(lesson.t("formula", ok=lesson.t("yes" if params_ok else "no")))
    if lesson.plt is not None:
        plt = lesson.plt
        fig, ax = plt.subplots(figsize=(8, 4.2))
        ax.plot([wide[w][0] for w in widths], [wide[w][2] for w in widths], "o-",
                label=lesson.fig_t("fig_wider"))  # fmt: skip
        for w in widths:
            ax.annotate(str(w), (wide[w][0], wide[w][2]), fontsize=8)
        ax.plot([deep[d][0] for d in depths], [deep[d][2] for d in depths], "s-",
                label=lesson.fig_t("fig_deeper"))  # fmt: skip
        for d in depths:
            ax.annotate(
                lesson.fig_t("fig_depth", d=d),
                (deep[d][0], deep[d][2]),
                fontsize=8,
                xytext=(2, -11),
                textcoords="offset points",
            )  # below: clear of the widths
        ax.set_xscale("log")
        ax.set_xlabel(lesson.fig_t("col_params"))
        ax.set_ylabel(lesson.fig_t("col_test"))
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        lesson.figure(fig, "width_vs_depth.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(
        {
            "wide": {
                w: {"params": p, "train_acc": a, "test_acc": t} for w, (p, a, t) in wide.items()
            },
            "deep": {
                d: {"params": p, "train_acc": a, "test_acc": t} for d, (p, a, t) in deep.items()
            },
            "params_match_formula": params_ok,
        }
    )

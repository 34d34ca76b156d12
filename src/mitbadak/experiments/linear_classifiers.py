"""Lesson: two linear classifiers, two losses — softmax regression and the linear SVM.

Both score a point with a linear map s = W x + b and predict the class of the largest score; they
differ only in the loss that trains W. Softmax regression minimises the cross-entropy
-log softmax(s)_y, which is never zero: it keeps pulling the correct score up, however well the
point is already classified. The multiclass SVM (Weston–Watkins, CS231n) minimises the hinge
Σ_{j≠y} max(0, s_j - s_y + 1): once the correct score beats every other by the margin 1, the
point contributes nothing, so the solution is decided by the points near the boundary (the
support vectors). On the same 2-D data the two boundaries are close but not equal.

Example:
    >>> from mitbadak.experiments import linear_classifiers
    >>> r = linear_classifiers.run("lessons/linear-classifiers", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..classic import LinearSVC, LogisticRegression
from ..layers import Dense
from ..losses import MulticlassHinge, SparseCategoricalCrossentropy
from ..messages import message
from ..model import Sequential
from ..random import set_seed
from ._common import Lesson, LessonResult

NAME = "linear-classifiers"
TITLE = message("lesson.linear-classifiers.title", "en")
CLAIM = message("lesson.linear-classifiers.claim", "en")

CENTRES = np.array([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])


def make_data(seed: int = 0, n_per_class: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Three Gaussian blobs (std 0.9) around ``CENTRES``: X (3n, 2), y (3n,)."""
    rng = np.random.default_rng(seed)
    X = np.concatenate([c + 0.9 * rng.standard_normal((n_per_class, 2)) for c in CENTRES])
    y = np.repeat(np.arange(len(CENTRES)), n_per_class)
    return X, y


def margin_losses(m: np.ndarray) -> dict[str, np.ndarray]:
    """Binary losses as functions of the margin m = t·s (t in {-1, +1}).

    Example:
        >>> {k: float(v[0]) for k, v in margin_losses(np.array([1.0])).items()}["hinge"]
        0.0
    """
    return {
        "zero-one": (m <= 0).astype(float),
        "hinge": np.maximum(0.0, 1.0 - m),
        "squared hinge": np.maximum(0.0, 1.0 - m) ** 2,
        "logistic (cross-entropy)": np.logaddexp(0.0, -m),
    }


# Each margin loss's label in the figure (message ``lesson.linear-classifiers.<key>``).
MARGIN_LABEL = {
    "zero-one": "fig_zero_one",
    "hinge": "fig_hinge_binary",
    "squared hinge": "fig_squared_hinge",
    "logistic (cross-entropy)": "fig_logistic",
}


def _train(X: np.ndarray, y: np.ndarray, loss: object, epochs: int, seed: int) -> tuple:
    set_seed(seed)
    net = Sequential([Dense(3)])
    net.compile(optimizer="sgd", loss=loss, metrics=["accuracy"])
    hist = net.fit(X.astype(np.float32), y, epochs=epochs, batch_size=32, verbose=0, seed=seed)
    return net, hist.history


def run(
    out: str | Path = "lessons/linear-classifiers", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Fit both classifiers, train both losses, and compare them."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    X, y = make_data(seed)
    Xt, yt = make_data(seed + 1)
    softmax = LogisticRegression(C=1.0).fit(X, y)
    svm = LinearSVC(C=1.0, random_state=seed).fit(X, y)
    acc = {
        "softmax_train": softmax.score(X, y),
        "softmax_test": softmax.score(Xt, yt),
        "svm_train": svm.score(X, y),
        "svm_test": svm.score(Xt, yt),
    }
    agree = float(np.mean(softmax.predict(Xt) == svm.predict(Xt)))

    epochs = 20 if quick else 60
    net_ce, h_ce = _train(X, y, SparseCategoricalCrossentropy(from_logits=True), epochs, seed)
    net_hinge, h_hinge = _train(X, y, MulticlassHinge(), epochs, seed)
    s_ce = net_ce.predict(X.astype(np.float32), verbose=0).astype(np.float64)
    s_hinge = net_hinge.predict(X.astype(np.float32), verbose=0).astype(np.float64)
    rows = np.arange(len(y))
    ce_per = -(s_ce[rows, y] - np.logaddexp.reduce(s_ce, axis=1))
    margins = s_hinge - s_hinge[rows, y][:, None] + 1.0
    margins[rows, y] = 0.0
    hinge_per = np.maximum(margins, 0.0).sum(axis=1)
    m = np.linspace(-3, 3, 601)
    curves = margin_losses(m)
    numbers = {
        **{f"acc_{k}": float(v) for k, v in acc.items()},
        "test_agreement": agree,
        "net_ce_accuracy": float(np.mean(s_ce.argmax(1) == y)),
        "net_hinge_accuracy": float(np.mean(s_hinge.argmax(1) == y)),
        "ce_loss_curve": [float(v) for v in h_ce["loss"]],
        "hinge_loss_curve": [float(v) for v in h_hinge["loss"]],
        "hinge_zero_fraction": float(np.mean(hinge_per == 0.0)),
        "ce_zero_fraction": float(np.mean(ce_per == 0.0)),
        "ce_min_per_sample": float(ce_per.min()),
        "hinge_at_margin_1": float(margin_losses(np.array([1.0]))["hinge"][0]),
        "logistic_at_margin_1": float(margin_losses(np.array([1.0]))["logistic (cross-entropy)"][0]),
        "logistic_at_margin_3": float(margin_losses(np.array([3.0]))["logistic (cross-entropy)"][0]),
    }  # fmt: skip
    lesson.say(lesson.t("intro", n_train=len(y), n_test=len(yt)))
    lesson.table(
        [lesson.t("col_model"), lesson.t("col_train"), lesson.t("col_test")],
        [
            [lesson.t("softmax"), acc["softmax_train"], acc["softmax_test"]],
            [lesson.t("svm"), acc["svm_train"], acc["svm_test"]],
        ],
    )
    lesson.say(
        lesson.t("agree", agree=agree, epochs=epochs, hinge_zero=numbers["hinge_zero_fraction"],
                 ce_min=numbers["ce_min_per_sample"])
    )  # fmt: skip
    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 2, figsize=(12, 5))
        g0, g1 = np.meshgrid(np.linspace(-5, 5, 300), np.linspace(-4.5, 5, 300))
        grid = np.column_stack([g0.ravel(), g1.ravel()])
        for ax, (name, model) in zip(
            axes, ((lesson.fig_t("softmax"), softmax), (lesson.fig_t("svm"), svm))
        ):
            ax.contourf(g0, g1, model.predict(grid).reshape(g0.shape), alpha=0.25, cmap="tab10",
                        levels=[-0.5, 0.5, 1.5, 2.5], vmin=0, vmax=9)  # fmt: skip
            ax.scatter(X[:, 0], X[:, 1], c=y, cmap="tab10", vmin=0, vmax=9, s=10)
            ax.set_title(lesson.fig_t("fig_boundary", name=name, acc=model.score(Xt, yt)))
            ax.set_xlabel("x1")
            ax.set_ylabel("x2")
        fig.tight_layout()
        lesson.figure(fig, "boundaries.png", lesson.t("caption_boundaries"))

        fig, axes = plt.subplots(1, 2, figsize=(12, 4.2))
        for name, v in curves.items():
            axes[0].plot(m, v, label=lesson.fig_t(MARGIN_LABEL[name]))
        axes[0].axvline(1.0, color="gray", lw=0.5, ls="--")
        axes[0].set_ylim(-0.1, 4)
        axes[0].set_xlabel(lesson.fig_t("fig_margin"))
        axes[0].set_ylabel(lesson.fig_t("fig_loss"))
        axes[0].set_title(lesson.fig_t("fig_margin_title"))
        axes[0].legend()
        axes[0].grid(alpha=0.3)
        ep = np.arange(1, epochs + 1)
        axes[1].plot(ep, h_ce["loss"], label=lesson.fig_t("fig_ce"))
        axes[1].plot(ep, h_hinge["loss"], label=lesson.fig_t("fig_hinge"))
        axes[1].set_xlabel(lesson.fig_t("fig_epoch"))
        axes[1].set_ylabel(lesson.fig_t("fig_train_loss"))
        axes[1].set_title(lesson.fig_t("fig_train_title"))
        axes[1].legend()
        axes[1].grid(alpha=0.3)
        fig.tight_layout()
        lesson.figure(fig, "losses.png", lesson.t("caption_losses"))
    else:
        lesson.no_figures_note()
    return lesson.finish(numbers)

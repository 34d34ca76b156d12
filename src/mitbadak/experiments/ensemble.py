"""Lesson: an ensemble of independently seeded networks beats its average member.

Example:
    >>> from mitbadak.experiments import ensemble
    >>> r = ensemble.run("lessons/ensemble", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..layers import Dense
from ..messages import message
from ..model import Sequential
from ..ops.activation import softmax
from ..optimizers import SGD
from ..random import set_seed
from ..tensor import no_grad
from ._common import Lesson, LessonResult, digits_splits, train_loop

NAME = "ensemble"
TITLE = message("lesson.ensemble.title", "en")
CLAIM = message("lesson.ensemble.claim", "en")


def run(out: str | Path = "lessons/ensemble", quick: bool = False, seed: int = 0) -> LessonResult:
    """Train N seeded MLPs on the digits; compare members, voting and averaging."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    n_members = 5 if quick else 10
    epochs = 4 if quick else 15
    # Half the training set: a harder problem leaves the members room to disagree.
    x_tr, y_tr, x_te, y_te = digits_splits(seed, n_train=600)
    probs, accs = [], []
    for k in range(n_members):
        set_seed(seed * 1000 + k)
        model = Sequential([Dense(32, activation="relu", kernel_initializer="he_normal"),
                            Dense(10)])  # fmt: skip
        model.build((1, 64))
        opt = SGD(model.parameters(), lr=0.05, momentum=0.9)
        train_loop(model, opt, x_tr, y_tr, epochs, 32, seed=seed * 1000 + k)
        with no_grad():
            p = softmax(model(x_te, training=False)).data
        probs.append(p)
        accs.append(float((p.argmax(axis=1) == y_te).mean()))
    probs_a = np.stack(probs)  # (members, samples, classes)
    votes = probs_a.argmax(axis=2)
    counts = np.zeros((len(y_te), 10), dtype=np.int64)
    for v in votes:
        counts[np.arange(len(y_te)), v] += 1
    # Ties go to the class with the larger summed probability.
    vote_pred = np.argmax(counts + 1e-3 * probs_a.sum(axis=0), axis=1)
    avg_pred = probs_a.mean(axis=0).argmax(axis=1)
    vote_acc = float((vote_pred == y_te).mean())
    avg_acc = float((avg_pred == y_te).mean())
    # How often the members disagree with each other on a test image.
    disagree = float(np.mean(np.any(votes != votes[:1], axis=0)))
    lesson.say(
        lesson.t("intro", n=n_members, epochs=epochs, n_train=len(x_tr), n_test=len(x_te),
                 disagree=100 * disagree)
    )  # fmt: skip
    rows = [[lesson.t("member", k=k + 1), a] for k, a in enumerate(accs)]
    rows += [
        [lesson.t("mean"), float(np.mean(accs))],
        [lesson.t("best"), float(np.max(accs))],
        [lesson.t("vote"), vote_acc],
        [lesson.t("average"), avg_acc],
    ]
    lesson.table([lesson.t("col_model"), lesson.t("col_acc")], rows)
    curve = []
    for m in range(1, n_members + 1):
        curve.append(float((probs_a[:m].mean(axis=0).argmax(axis=1) == y_te).mean()))
    lesson.say(
        lesson.t("curve", curve=", ".join(f"m={m}: {a:.3f}" for m, a in enumerate(curve, 1)))
    )
    if lesson.plt is not None:
        plt = lesson.plt
        fig, ax = plt.subplots(figsize=(8, 4))
        ax.scatter(range(1, n_members + 1), accs, label=lesson.fig_t("fig_each"), color="gray")
        ax.plot(range(1, n_members + 1), curve, "o-", label=lesson.fig_t("fig_avg"))
        ax.axhline(
            vote_acc, color="tab:green", ls="--", label=lesson.fig_t("fig_vote", acc=vote_acc)
        )
        ax.set_xlabel(lesson.fig_t("fig_x"))
        ax.set_ylabel(lesson.fig_t("col_acc"))
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        lesson.figure(fig, "ensemble.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(
        {
            "member_accuracy": accs,
            "mean_member_accuracy": float(np.mean(accs)),
            "best_member_accuracy": float(np.max(accs)),
            "vote_accuracy": vote_acc,
            "average_accuracy": avg_acc,
            "disagreement": disagree,
            "average_curve": curve,
        }
    )

"""Lesson: a single perceptron cannot learn XOR; a network with one hidden layer can.

Example:
    >>> from mitbadak.experiments import perceptron_xor
    >>> r = perceptron_xor.run("lessons/perceptron-xor", quick=True)  # doctest: +SKIP
    >>> r.numbers["perceptron_accuracy"] <= 0.75                        # doctest: +SKIP
    True
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..classic import Perceptron
from ..layers import Dense
from ..losses import BinaryCrossentropy
from ..messages import message
from ..model import Sequential
from ..optimizers import Adam
from ..random import set_seed
from ..tensor import no_grad
from ._common import Lesson, LessonResult

NAME = "perceptron-xor"
TITLE = message("lesson.perceptron-xor.title", "en")
CLAIM = message("lesson.perceptron-xor.claim", "en")

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
Y_XOR = np.array([0, 1, 1, 0])


def run(
    out: str | Path = "lessons/perceptron-xor", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Fit a Perceptron and a 2-4-1 MLP to XOR; plot both decision regions."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    rows = []
    gates = {"AND": np.array([0, 0, 0, 1]), "OR": np.array([0, 1, 1, 1]), "XOR": Y_XOR}
    perceptrons = {}
    for gate, y in gates.items():
        p = Perceptron(max_iter=100, tol=None, random_state=seed).fit(X, y)
        perceptrons[gate] = p
        rows.append([gate, p.score(X, y), p.n_iter_])
    acc_p = float(perceptrons["XOR"].score(X, Y_XOR))
    lesson.say(lesson.t("gates_intro"))
    lesson.table([lesson.t("col_gate"), lesson.t("col_accuracy"), lesson.t("col_epochs")], rows)
    lesson.say(lesson.t("why"))

    set_seed(seed)
    mlp = Sequential([Dense(4, activation="tanh"), Dense(1, activation="sigmoid")])
    mlp.build((1, 2))
    opt = Adam(mlp.parameters(), lr=0.05)
    bce = BinaryCrossentropy()
    target = Y_XOR.reshape(-1, 1).astype(np.float32)
    steps = 300 if quick else 1000
    losses = []
    for _ in range(steps):
        loss = bce(target, mlp(X))
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    with no_grad():
        prob = mlp(X).data.ravel()
    acc_mlp = float(((prob > 0.5).astype(int) == Y_XOR).mean())
    outputs = ", ".join(f"{v:.3f}" for v in prob)
    lesson.say(
        lesson.t("mlp", steps=steps, loss=losses[-1], outputs=outputs, acc_mlp=acc_mlp, acc_p=acc_p)
    )

    if lesson.plt is not None:
        plt = lesson.plt
        g = np.linspace(-0.5, 1.5, 201, dtype=np.float32)
        gx, gy = np.meshgrid(g, g)
        grid = np.stack([gx.ravel(), gy.ravel()], axis=1)
        zp = perceptrons["XOR"].predict(grid).reshape(gx.shape)
        with no_grad():
            zm = mlp(grid).data.reshape(gx.shape)
        fig, axes = plt.subplots(1, 3, figsize=(14, 4.2))
        for ax, z, title in (
            (axes[0], zp, lesson.fig_t("fig_perceptron", acc=acc_p)),
            (axes[1], zm, lesson.fig_t("fig_mlp", acc=acc_mlp)),
        ):
            ax.contourf(gx, gy, z, levels=[-0.1, 0.5, 1.1], colors=["#cfe2f3", "#f4cccc"])
            if z is zm:
                ax.contour(gx, gy, z, levels=[0.5], colors="black", linewidths=1)
            ax.scatter(X[:, 0], X[:, 1], c=["tab:blue" if t == 0 else "tab:red" for t in Y_XOR],
                       s=120, edgecolors="black", zorder=3)  # fmt: skip
            ax.set_title(title)
            ax.set_xlabel("x1")
            ax.set_ylabel("x2")
        axes[2].plot(losses)
        axes[2].set_title(lesson.fig_t("fig_loss"))
        axes[2].set_xlabel(lesson.fig_t("fig_step"))
        axes[2].set_yscale("log")
        axes[2].grid(alpha=0.3)
        fig.tight_layout()
        lesson.figure(fig, "xor.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(
        {
            "perceptron_accuracy": acc_p,
            "perceptron_and_accuracy": float(rows[0][1]),
            "mlp_accuracy": acc_mlp,
            "mlp_final_loss": losses[-1],
            "mlp_outputs": prob.tolist(),
        }
    )

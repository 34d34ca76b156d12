"""Lesson: activation functions and their derivatives, the derivatives taken by autograd.

Each function is evaluated on a grid and differentiated by ``backward()`` (not by a formula
written here); the step function's backward refuses, because its derivative is 0 everywhere
(and undefined at 0): gradient descent gets no signal through it.

Example:
    >>> from mitbadak.experiments import activations
    >>> r = activations.run("lessons/activations", quick=True)  # doctest: +SKIP
    >>> r.numbers["max_derivative"]["sigmoid"]                   # doctest: +SKIP
    0.25
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import GraphError
from ..messages import message
from ..ops import activation as A
from ..tensor import Tensor
from ._common import Lesson, LessonResult, grad_of

NAME = "activations"
TITLE = message("lesson.activations.title", "en")
CLAIM = message("lesson.activations.claim", "en")

FUNCTIONS = {
    "step": A.step,
    "sigmoid": A.sigmoid,
    "tanh": A.tanh,
    "relu": A.relu,
    "leaky_relu": lambda x: A.leaky_relu(x, 0.1),  # slope 0.1, visible on the plot
    "elu": A.elu,
    "gelu": A.gelu,
}


def run(
    out: str | Path = "lessons/activations", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Plot every activation and its autograd derivative on [-5, 5]; return the slopes."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    x = np.linspace(-5, 5, 201 if quick else 1001).astype(np.float32)
    values, derivs, notes = {}, {}, {}
    for name, fn in FUNCTIONS.items():
        values[name] = fn(Tensor(x)).data
        try:
            derivs[name] = grad_of(fn, x)
        except GraphError as e:  # the step function: backward refuses
            derivs[name] = None
            notes[name] = str(e)

    rows = []
    max_d, d_far, d_neg = {}, {}, {}
    for name in FUNCTIONS:
        d = derivs[name]
        if d is None:
            none = lesson.t("none")
            rows.append([name, none, none, none, lesson.t("backward_raises")])
            continue
        max_d[name] = float(d.max())
        d_far[name] = float(max(abs(d[0]), abs(d[-1])) if name in ("sigmoid", "tanh") else d[-1])
        d_neg[name] = float(d[np.argmin(np.abs(x + 2))])  # slope at x = -2
        rows.append([name, max_d[name], d_neg[name], float(d[-1]), ""])
    lesson.say(lesson.t("intro"))
    lesson.table([lesson.t("col_function"), lesson.t("col_max"), "f'(-2)", "f'(5)",
                  lesson.t("col_note")], rows)  # fmt: skip
    lesson.say(lesson.t("why_step", note=notes.get("step", ""), max_sigmoid=max_d["sigmoid"]))
    lesson.say(
        lesson.t("saturation", far_sigmoid=d_far["sigmoid"], far_tanh=d_far["tanh"],
                 leaky=d_neg["leaky_relu"], elu=d_neg["elu"], gelu=d_neg["gelu"])
    )  # fmt: skip

    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(2, 4, figsize=(14, 6.5))
        for ax, name in zip(axes.flat, FUNCTIONS):
            ax.plot(x, values[name], label="f(x)", lw=2)
            if derivs[name] is not None:
                ax.plot(x, derivs[name], "--", label=lesson.fig_t("fig_autograd"), lw=2)
            else:
                ax.text(0.05, 0.6, lesson.fig_t("fig_no_gradient"), transform=ax.transAxes)
            ax.axhline(0, color="gray", lw=0.5)
            ax.axvline(0, color="gray", lw=0.5)
            ax.set_title(name)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=7, loc="upper left")
        ax = axes.flat[-1]
        for name in FUNCTIONS:
            if derivs[name] is not None:
                ax.plot(x, derivs[name], label=name)
        ax.set_title(lesson.fig_t("fig_all"))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
        fig.tight_layout()
        lesson.figure(fig, "activations.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()

    return lesson.finish(
        {
            "max_derivative": max_d,
            "derivative_at_5": {k: float(derivs[k][-1]) for k in max_d},
            "derivative_at_minus_2": d_neg,
            "step_has_gradient": derivs["step"] is not None,
        }
    )

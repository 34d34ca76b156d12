"""Lesson: how the initial weight scale shapes the hidden activations of a deep network.

A 5-layer network of 100 units per layer (mitbadak ``Dense`` layers, no bias) reads 1,000
random inputs; the histograms of each layer's outputs are drawn for four initializations and
three activations. Then a network whose weights all start at zero is trained for a few steps on
the digits: every hidden unit stays a copy of the others.

Example:
    >>> from mitbadak.experiments import weight_init
    >>> r = weight_init.run("lessons/weight-init", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import initializers
from ..layers import Dense
from ..messages import message
from ..model import Sequential
from ..optimizers import SGD
from ..random import set_seed
from ..tensor import Tensor, no_grad
from ._common import Lesson, LessonResult, digits_splits, train_loop

NAME = "weight-init"
TITLE = message("lesson.weight-init.title", "en")
CLAIM = message("lesson.weight-init.claim", "en")

LAYERS, UNITS = 5, 100


def _inits() -> dict[str, initializers.Initializer]:
    # No seed on the initializers (a seeded one draws the same matrix for every layer):
    # they draw from the global generator, reset by set_seed before each network.
    return {
        "std 1": initializers.RandomNormal(stddev=1.0),
        "std 0.01": initializers.RandomNormal(stddev=0.01),
        "Xavier": initializers.GlorotNormal(),
        "He": initializers.HeNormal(),
    }


def _init_label(lesson: Lesson, name: str, figure: bool = False) -> str:
    """How an initialization is named in the report: "std 1" is words, Xavier and He names."""
    if name.startswith("std "):
        return (lesson.fig_t if figure else lesson.t)("init_std", std=name[4:])
    return name


def hidden_activations(
    activation: str, init: initializers.Initializer, x: np.ndarray
) -> list[np.ndarray]:
    """The outputs of each of the 5 layers for input ``x`` (a mitbadak forward pass)."""
    layers = [
        Dense(UNITS, activation=activation, use_bias=False, kernel_initializer=init)
        for _ in range(LAYERS)
    ]
    outs = []
    h = Tensor(x)
    with no_grad():
        for layer in layers:
            h = layer(h)
            outs.append(h.data)
    return outs


def run(
    out: str | Path = "lessons/weight-init", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Histograms for 4 initializations x 3 activations, then the zero-initialization trap."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((300 if quick else 1000, UNITS)).astype(np.float32)
    acts = ("sigmoid", "tanh", "relu")
    results: dict[tuple[str, str], list[np.ndarray]] = {}
    rows, numbers = [], {}
    for act in acts:
        for iname, init in _inits().items():
            set_seed(seed)
            outs = hidden_activations(act, init, x)
            results[(act, iname)] = outs
            last = outs[-1]
            saturated = float(np.mean((last < 0.05) | (last > 0.95))) if act == "sigmoid" else None
            std_last = float(last.std())
            numbers[f"{act}/{iname}/std_last"] = std_last
            if saturated is not None:
                numbers[f"{act}/{iname}/saturated"] = saturated
            rows.append(
                [act, _init_label(lesson, iname), float(outs[0].std()), std_last,
                 "-" if saturated is None else f"{100 * saturated:.1f}%"]
            )  # fmt: skip
    lesson.say(lesson.t("intro", n=len(x), units=UNITS, layers=LAYERS))
    cols = ("col_activation", "col_init", "col_std1", "col_std5", "col_saturated")
    lesson.table([lesson.t(c) for c in cols], rows)
    lesson.say(
        lesson.t(
            "explain",
            sat=100 * numbers["sigmoid/std 1/saturated"],
            relu1=numbers["relu/std 1/std_last"],
            sig001=numbers["sigmoid/std 0.01/std_last"],
            tanh001=numbers["tanh/std 0.01/std_last"],
            relu001=numbers["relu/std 0.01/std_last"],
            he=numbers["relu/He/std_last"],
        )
    )

    if lesson.plt is not None:
        plt = lesson.plt
        inits = list(_inits())
        fig, axes = plt.subplots(len(acts), len(inits), figsize=(15, 9))
        colors = plt.cm.viridis(np.linspace(0, 0.9, LAYERS))
        for i, act in enumerate(acts):
            for j, iname in enumerate(inits):
                ax = axes[i, j]
                outs = results[(act, iname)]
                lo, hi = (0.0, 1.0) if act == "sigmoid" else (-1.0, 1.0)
                if act == "relu":
                    hi = max(1e-3, float(np.percentile(outs[0], 99)))
                    lo = 0.0
                bins = np.linspace(lo, hi, 31)
                for layer, (o, c) in enumerate(zip(outs, colors)):
                    ax.hist(o.ravel(), bins=bins, histtype="step", color=c,
                            label=lesson.fig_t("fig_layer", k=layer + 1), density=True)  # fmt: skip
                ax.set_title(f"{act}, {_init_label(lesson, iname, figure=True)}", fontsize=10)
                ax.set_yticks([])
        axes[0, -1].legend(fontsize=7)
        fig.suptitle(lesson.fig_t("fig_title"))
        fig.tight_layout()
        lesson.figure(fig, "activation_histograms.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()

    # The zero-initialization trap: train a 64-32-32-10 sigmoid net from all-zero weights.
    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    model = Sequential(
        [
            Dense(32, activation="sigmoid", kernel_initializer="zeros"),
            Dense(32, activation="sigmoid", kernel_initializer="zeros"),
            Dense(10, kernel_initializer="zeros"),
        ]
    )
    model.build((1, 64))
    opt = SGD(model.parameters(), lr=0.5)
    epochs = 2 if quick else 10
    train_loop(model, opt, x_tr, y_tr, epochs=epochs, batch_size=32, seed=seed)
    k1 = model.layers[0].kernel.data
    spread = float(np.abs(k1 - k1[:, :1]).max())  # how far any column is from column 0
    moved = float(np.abs(k1).max())
    k2 = model.layers[1].kernel.data
    spread2 = float(np.abs(k2 - k2[:, :1]).max())
    steps = epochs * -(-len(x_tr) // 32)
    lesson.say(lesson.t("zero", steps=steps, moved=moved, spread=spread, spread2=spread2))
    numbers.update(
        {
            "zero_init_max_column_difference": spread,
            "zero_init_max_abs_weight": moved,
            "zero_init_layer2_max_column_difference": spread2,
            "zero_init_steps": steps,
        }
    )
    return lesson.finish(numbers)

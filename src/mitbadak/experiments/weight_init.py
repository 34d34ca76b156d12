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
                [act, iname, float(outs[0].std()), std_last,
                 "-" if saturated is None else f"{100 * saturated:.1f}%"]
            )  # fmt: skip
    lesson.say(
        f"Input: {len(x)} samples of {UNITS} standard-normal features, through {LAYERS} Dense "
        f"layers of {UNITS} units (no bias). *saturated* is the share of sigmoid outputs of "
        f"layer 5 below 0.05 or above 0.95, where sigmoid's slope is under 0.05."
    )
    lesson.table(["activation", "init", "std layer 1", "std layer 5", "saturated (sigmoid)"], rows)
    lesson.say(
        f"With std 1, {100 * numbers['sigmoid/std 1/saturated']:.0f}% of the sigmoid outputs "
        f"are saturated and ReLU outputs explode (std {numbers['relu/std 1/std_last']:.3g} at "
        f"layer 5). With std 0.01 every unit outputs nearly the same value: the std at layer 5 "
        f"is {numbers['sigmoid/std 0.01/std_last']:.2g} around 0.5 for sigmoid, "
        f"{numbers['tanh/std 0.01/std_last']:.2g} for tanh and "
        f"{numbers['relu/std 0.01/std_last']:.2g} for ReLU. Xavier (variance 2 / (fan_in + "
        f"fan_out)) suits the symmetric sigmoid and tanh; He (variance 2 / fan_in) compensates "
        f"for ReLU zeroing half its inputs and keeps the spread constant "
        f"({numbers['relu/He/std_last']:.3g} at layer 5)."
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
                            label=f"layer {layer + 1}", density=True)  # fmt: skip
                ax.set_title(f"{act}, {iname}", fontsize=10)
                ax.set_yticks([])
        axes[0, -1].legend(fontsize=7)
        fig.suptitle("histograms of hidden activations (5 layers x 100 units)")
        fig.tight_layout()
        lesson.figure(fig, "activation_histograms.png", "activation histograms per init")
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
    lesson.say(
        f"**Zero initialization.** A sigmoid network 64-32-32-10 with every weight 0 was trained "
        f"for {steps} SGD steps on the digits. The first layer's weights did move (largest "
        f"|w| = {moved:.3g}), but its 32 columns, one per hidden unit, are still identical: the "
        f"largest difference between any unit's weights and unit 1's is {spread:.3g} (layer 2: "
        f"{spread2:.3g}). Identical units receive identical gradients, so the symmetry is never "
        f"broken and the layer behaves like a single neuron. Random initialization is what makes "
        f"units different."
    )
    numbers.update(
        {
            "zero_init_max_column_difference": spread,
            "zero_init_max_abs_weight": moved,
            "zero_init_layer2_max_column_difference": spread2,
            "zero_init_steps": steps,
        }
    )
    return lesson.finish(numbers)

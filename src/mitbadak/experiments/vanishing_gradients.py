"""Lesson: gradients vanish through deep sigmoid stacks and through time in a plain RNN.

Part 1 measures, after one ``backward()``, the norm of the gradient of every layer's kernel in a
10-hidden-layer network on a batch of digits: sigmoid with Xavier weights versus ReLU with He
weights. Part 2 measures ``||dL/dh_t||`` for every time step of a ``SimpleRNN`` and an ``LSTM``
reading 60 steps, with the loss on the last output only
(:func:`mitbadak.layers.recurrent.timestep_grad_norms`).

Example:
    >>> from mitbadak.experiments import vanishing_gradients
    >>> r = vanishing_gradients.run("lessons/vanishing-gradients", quick=True)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..layers import LSTM, Dense, SimpleRNN
from ..layers.recurrent import timestep_grad_norms
from ..messages import message
from ..model import Sequential
from ..ops.loss import softmax_cross_entropy
from ..ops.reduce import sum as tsum
from ..optimizers import SGD
from ..random import set_seed
from ._common import Lesson, LessonResult, digits_splits, train_loop

NAME = "vanishing-gradients"
TITLE = message("lesson.vanishing-gradients.title", "en")
CLAIM = message("lesson.vanishing-gradients.claim", "en")

DEPTH, WIDTH, STEPS = 10, 64, 60


def _deep(activation: str, init: str) -> Sequential:
    return Sequential(
        [Dense(WIDTH, activation=activation, kernel_initializer=init) for _ in range(DEPTH)]
        + [Dense(10, kernel_initializer=init)]
    )


def layer_grad_norms(model: Sequential, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """||dL/dW_l|| for each Dense kernel, after one backward of the cross-entropy on (x, y)."""
    for w in model.parameters():
        w.grad = None
    softmax_cross_entropy(model(x), y).backward()
    return np.array([float(np.linalg.norm(layer.kernel.grad)) for layer in model.layers])


def run(
    out: str | Path = "lessons/vanishing-gradients", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Per-layer gradient norms (sigmoid vs ReLU) and per-step norms (SimpleRNN vs LSTM)."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    x_tr, y_tr, x_te, y_te = digits_splits(seed)
    nets = {"sigmoid + Xavier": ("sigmoid", "glorot_normal"), "ReLU + He": ("relu", "he_normal")}
    norms, models = {}, {}
    for label, (act, init) in nets.items():
        set_seed(seed)
        model = _deep(act, init)
        models[label] = model
        norms[label] = layer_grad_norms(model, x_tr[:256], y_tr[:256])
    ratio = {k: float(v[0] / v[-2]) for k, v in norms.items()}  # first vs last hidden layer
    rows = [[lesson.t("layer", k=i + 1) + (lesson.t("output") if i == DEPTH else "")]
            + [float(norms[k][i]) for k in nets] for i in range(DEPTH + 1)]  # fmt: skip
    lesson.say(lesson.t("intro", depth=DEPTH, width=WIDTH))
    lesson.table([lesson.t("col_layer"), *nets], rows)
    lesson.say(lesson.t("shrink", shrink=1 / ratio["sigmoid + Xavier"], relu=ratio["ReLU + He"]))
    epochs = 3 if quick else 15
    accs = {}
    for label, model in models.items():
        hist = train_loop(model, SGD(model.parameters(), lr=0.05, momentum=0.9), x_tr, y_tr,
                          epochs, 32, (x_te, y_te), seed)  # fmt: skip
        accs[label] = hist["val_accuracy"][-1]
    lesson.say(
        lesson.t("trained", epochs=epochs, accs=", ".join(f"{k} {v:.3f}" for k, v in accs.items()))
    )

    rng = np.random.default_rng(seed)
    seq = rng.standard_normal((64, STEPS, 8)).astype(np.float32)
    set_seed(seed)
    rnns = {"SimpleRNN": SimpleRNN(32), "LSTM": LSTM(32), "LSTM, forget bias 3": LSTM(32)}
    lstm3 = rnns["LSTM, forget bias 3"]
    lstm3(seq[:1])  # build, then open the forget gate: sigmoid(3) = 0.95 of the cell is kept
    lstm3.bias.data[32:64] = 3.0
    tnorms = {k: timestep_grad_norms(layer, seq, lambda h: tsum(h)) for k, layer in rnns.items()}
    kept = {k: float(v[0] / v[-1]) for k, v in tnorms.items()}
    rnn_label = {"SimpleRNN": "SimpleRNN", "LSTM": "LSTM", "LSTM, forget bias 3": "lstm_bias3"}

    def rnn_name(k: str, figure: bool = False) -> str:  # a layer's name, or words to translate
        if rnn_label[k] == k:
            return k
        return (lesson.fig_t if figure else lesson.t)(rnn_label[k])

    lesson.say(lesson.t("rnn", steps=STEPS))
    lesson.table(
        [
            lesson.t("col_layer"),
            lesson.t("col_norm_last", steps=STEPS),
            lesson.t("col_norm_first"),
            lesson.t("col_kept"),
        ],
        [[rnn_name(k), float(v[-1]), float(v[0]), kept[k]] for k, v in tnorms.items()],
    )
    lesson.say(lesson.t("lstm"))

    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 2, figsize=(13, 4.2))
        for label, v in norms.items():
            axes[0].semilogy(np.arange(1, DEPTH + 2), v, "o-", label=label)
        axes[0].set_xlabel(lesson.fig_t("fig_layer_x"))
        axes[0].set_ylabel("||dL/dW||")
        axes[0].set_title(lesson.fig_t("fig_layer_title", depth=DEPTH))
        for label, v in tnorms.items():
            axes[1].semilogy(np.arange(1, STEPS + 1), v, label=rnn_name(label, figure=True))
        axes[1].set_xlabel(lesson.fig_t("fig_time_x"))
        axes[1].set_ylabel("||dL/dh_t||")
        axes[1].set_title(lesson.fig_t("fig_time_title"))
        for ax in axes:
            ax.grid(alpha=0.3, which="both")
            ax.legend()
        fig.tight_layout()
        lesson.figure(fig, "gradient_norms.png", lesson.t("caption"))
    else:
        lesson.no_figures_note()
    return lesson.finish(
        {
            "layer_norms": {k: v.tolist() for k, v in norms.items()},
            "first_over_last_hidden": ratio,
            "test_accuracy": accs,
            "timestep_kept": kept,
        }
    )

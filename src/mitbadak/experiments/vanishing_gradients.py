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
    rows = [[f"layer {i + 1}" + (" (output)" if i == DEPTH else "")]
            + [float(norms[k][i]) for k in nets] for i in range(DEPTH + 1)]  # fmt: skip
    lesson.say(
        f"A network of {DEPTH} hidden Dense layers of {WIDTH} units plus a softmax output, "
        f"before any training, on 256 digits: the norm of dLoss/dkernel per layer after one "
        f"`backward()`."
    )
    lesson.table(["layer", *nets], rows)
    lesson.say(
        f"From the last hidden layer back to the first the gradient shrinks by a factor "
        f"{1 / ratio['sigmoid + Xavier']:.3g} with sigmoid and changes by a factor "
        f"{ratio['ReLU + He']:.3g} with ReLU + He. Each sigmoid layer multiplies the backward "
        f"signal by sigmoid'(z) <= 0.25, so the first layers barely learn."
    )
    epochs = 3 if quick else 15
    accs = {}
    for label, model in models.items():
        hist = train_loop(model, SGD(model.parameters(), lr=0.05, momentum=0.9), x_tr, y_tr,
                          epochs, 32, (x_te, y_te), seed)  # fmt: skip
        accs[label] = hist["val_accuracy"][-1]
    lesson.say(
        f"Trained {epochs} epochs with SGD (lr 0.05, momentum 0.9): test accuracy "
        + ", ".join(f"{k} {v:.3f}" for k, v in accs.items())
        + "."
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
    lesson.say(
        f"Recurrent layers of 32 units read 64 random sequences of {STEPS} steps (8 features); "
        f"the loss is the sum of the last output. Share of the gradient norm that reaches step "
        f"1 from step {STEPS}:"
    )
    lesson.table(
        ["layer", f"norm at step {STEPS}", "norm at step 1", "kept (step 1 / last)"],
        [[k, float(v[-1]), float(v[0]), kept[k]] for k, v in tnorms.items()],
    )
    lesson.say(
        "The SimpleRNN multiplies the gradient by W_hh^T diag(tanh') at every step back, so it "
        "decays geometrically. The LSTM's cell state is updated additively, c_t = f * c_(t-1) + "
        "i * g, so the gradient along it is multiplied only by the forget gate f: Keras' default "
        "forget bias of 1 keeps about sigmoid(1) = 0.73 per step, a bias of 3 about 0.95."
    )

    if lesson.plt is not None:
        plt = lesson.plt
        fig, axes = plt.subplots(1, 2, figsize=(13, 4.2))
        for label, v in norms.items():
            axes[0].semilogy(np.arange(1, DEPTH + 2), v, "o-", label=label)
        axes[0].set_xlabel("layer (1 = input side)")
        axes[0].set_ylabel("||dL/dW||")
        axes[0].set_title(f"gradient norm per layer, {DEPTH} hidden layers")
        for label, v in tnorms.items():
            axes[1].semilogy(np.arange(1, STEPS + 1), v, label=label)
        axes[1].set_xlabel("time step (loss at the last one)")
        axes[1].set_ylabel("||dL/dh_t||")
        axes[1].set_title("gradient norm per time step")
        for ax in axes:
            ax.grid(alpha=0.3, which="both")
            ax.legend()
        fig.tight_layout()
        lesson.figure(fig, "gradient_norms.png", "gradient norms per layer and per time step")
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

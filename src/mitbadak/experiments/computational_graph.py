"""Lesson: the computational graph of an expression, and backpropagation one step at a time.

Example:
    >>> from mitbadak.experiments import computational_graph
    >>> r = computational_graph.run("lessons/computational-graph")  # doctest: +SKIP
    >>> r.numbers["trace_max_abs_difference"] < 1e-6                 # doctest: +SKIP
    True
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

from .. import graphviz
from ..messages import message
from ..ops.activation import sigmoid
from ..tensor import Tensor
from ._common import Lesson, LessonResult

NAME = "computational-graph"
TITLE = message("lesson.computational-graph.title", "en")
CLAIM = message("lesson.computational-graph.claim", "en")


def _width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font (Hangul and other wide letters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _arr(a: np.ndarray) -> str:
    text = np.array2string(np.asarray(a), precision=4, suppress_small=True, separator=", ")
    return " ".join(text.split())  # matrices on one line


def neuron_graph() -> tuple[graphviz.Graph, dict[str, float]]:
    """L = (sigmoid(w1 x1 + w2 x2 + b) - t)^2 with named leaves; traced, then backward."""
    x1, x2, t = Tensor(1.0, name="x1"), Tensor(-2.0, name="x2"), Tensor(1.0, name="t")
    w1 = Tensor(0.5, requires_grad=True, name="w1")
    w2 = Tensor(-0.3, requires_grad=True, name="w2")
    b = Tensor(0.1, requires_grad=True, name="b")
    z = w1 * x1 + w2 * x2 + b
    y = sigmoid(z)
    loss = (y - t) ** 2
    g = graphviz.trace(loss)  # before backward, which frees the graph
    loss.backward()
    # The chain rule by hand: dL/dz = 2 (y - t) * y (1 - y); dL/dw1 = dL/dz * x1.
    yv = float(y.data)
    dz = 2 * (yv - 1.0) * yv * (1 - yv)
    return g, {
        "dL/dw1": float(w1.grad),
        "dL/dw1 (hand)": dz * 1.0,
        "dL/dw2": float(w2.grad),
        "dL/dw2 (hand)": dz * -2.0,
        "dL/db": float(b.grad),
        "dL/db (hand)": dz,
    }


def backprop_trace(
    seed: int = 0, lang: str | None = None
) -> tuple[list[str], float, graphviz.Graph]:
    """Forward and backward of a 2-3-2 sigmoid network on one sample, every local gradient
    written out by hand and compared with autograd. Returns the printed lines (their words in
    ``lang``), the largest difference, and the traced graph."""

    def w(key: str, **values: object) -> str:
        return message(f"lesson.computational-graph.{key}", lang, **values)

    rng = np.random.default_rng(seed)
    x = Tensor(np.array([[1.0, 2.0]], dtype=np.float32), name="x")
    target = Tensor(np.array([[1.0, 0.0]], dtype=np.float32), name="target")
    W1 = Tensor(rng.normal(0, 0.5, (2, 3)).astype(np.float32), requires_grad=True, name="W1")
    b1 = Tensor(np.zeros(3, np.float32), requires_grad=True, name="b1")
    W2 = Tensor(rng.normal(0, 0.5, (3, 2)).astype(np.float32), requires_grad=True, name="W2")
    b2 = Tensor(np.zeros(2, np.float32), requires_grad=True, name="b2")

    a1 = x @ W1
    z1 = a1 + b1
    h1 = sigmoid(z1)
    a2 = h1 @ W2
    z2 = a2 + b2
    diff = z2 - target
    loss = (diff**2).mean()
    for t, n in ((a1, "x@W1"), (z1, "z1"), (h1, "h1"), (a2, "h1@W2"), (z2, "z2"),
                 (diff, "z2-target"), (loss, "L")):  # fmt: skip
        t.name = n
    graph = graphviz.trace(loss)
    loss.backward()

    xv, h, z2v, tv = x.data, h1.data, z2.data, target.data
    lines: list[str] = []
    worst = 0.0

    def step(title: str, formula: str, hand: np.ndarray, auto: np.ndarray | None) -> None:
        nonlocal worst
        assert auto is not None
        d = float(np.abs(hand - auto).max())
        worst = max(worst, d)
        hand_word, auto_word = w("trace_hand"), w("trace_autograd")
        width = max(8, _width(hand_word), _width(auto_word))
        lines.append(f"{title}\n    {formula}\n    {_pad(hand_word, width)} = {_arr(hand)}\n"
                     f"    {_pad(auto_word, width)} = {_arr(auto)}   "
                     + w("trace_difference", d=f"{d:.1e}"))  # fmt: skip

    n = z2v.size
    lines.append(
        f"{_pad(w('trace_forward'), 10)}x = {_arr(xv)}\n"
        f"          z1 = x @ W1 + b1 = {_arr(z1.data)}\n"
        f"          h1 = sigmoid(z1) = {_arr(h)}\n"
        f"          z2 = h1 @ W2 + b2 = {_arr(z2v)}\n"
        f"          L = mean((z2 - target)^2) = {float(loss.data):.6f}   "
        + w("trace_target", target=_arr(tv))
    )
    g_z2 = 2 * (z2v - tv) / n
    step("1. L = mean((z2 - target)^2)", w("trace_local", formula="dL/dz2 = 2 (z2 - target) / n"),
         g_z2, z2.grad)  # fmt: skip
    step("2. z2 = a2 + b2", w("trace_db2"), g_z2.sum(axis=0), b2.grad)
    step("3. a2 = h1 @ W2", "dL/dW2 = h1^T @ dL/dz2", h.T @ g_z2, W2.grad)
    g_h = g_z2 @ W2.data.T
    step("   " + w("trace_same_node"), "dL/dh1 = dL/dz2 @ W2^T", g_h, h1.grad)
    g_z1 = g_h * h * (1 - h)
    step("4. h1 = sigmoid(z1)",
         w("trace_local", formula="dh1/dz1 = h1 (1 - h1);  dL/dz1 = dL/dh1 * h1 (1 - h1)"),
         g_z1, z1.grad)  # fmt: skip
    step("5. z1 = a1 + b1", w("trace_db1"), g_z1.sum(axis=0), b1.grad)
    step("6. a1 = x @ W1", "dL/dW1 = x^T @ dL/dz1", xv.T @ g_z1, W1.grad)
    return lines, worst, graph


def run(
    out: str | Path = "lessons/computational-graph", quick: bool = False, seed: int = 0
) -> LessonResult:
    """Draw two graphs (a neuron, a 2-layer network) and print the backprop trace."""
    lesson = Lesson(NAME, TITLE, CLAIM, Path(out))
    neuron, grads = neuron_graph()
    lines, worst, net = backprop_trace(seed, lesson.lang)
    rendered = {}
    for stem, g, title in (
        ("neuron_graph", neuron, "L = (sigmoid(w1 x1 + w2 x2 + b) - t)^2"),
        ("network_graph", net, lesson.t("network_title")),
    ):
        dot = g.to_dot(title=title)
        png = lesson.out / f"{stem}.png"
        ok = graphviz.render(dot, png)
        lesson.files.append(png.with_suffix(".dot"))
        rendered[stem] = ok
        if ok:
            lesson.figures.append(png)
    lesson.say(lesson.t("trace"))
    lesson.table(
        [lesson.t("col_gradient"), lesson.t("col_autograd"), lesson.t("col_hand")],
        [[k, grads[k], grads[f"{k} (hand)"]] for k in ("dL/dw1", "dL/dw2", "dL/db")],
    )
    if rendered["neuron_graph"]:
        lesson.say(lesson.t("neuron_png"))
    else:
        lesson.say(lesson.t("no_dot"))
        lesson.code(neuron.to_dot())
    lesson.say(lesson.t("steps"))
    lesson.code("\n".join(lines))
    if rendered["network_graph"]:
        lesson.say(lesson.t("network_png"))
    lesson.say(lesson.t("worst", worst=worst))
    return lesson.finish(
        {
            "neuron_grads": grads,
            "trace_max_abs_difference": worst,
            "trace": lines,
            "rendered_png": rendered,
            "dot_available": graphviz.have_dot(),
        }
    )

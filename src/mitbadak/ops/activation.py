"""Activation functions with their derivatives.

Each backward is the textbook derivative written in terms of the saved output ``y`` where that
is cheaper: sigmoid' = y(1 - y), tanh' = 1 - y^2, relu' = [x > 0].
"""

from __future__ import annotations

import numpy as np

from ..errors import GraphError
from ..tensor import Function, Tensor


class Sigmoid(Function):
    """y = 1 / (1 + e^-x);  dy/dx = y (1 - y).

    Computed as (1 + tanh(x/2)) / 2, the same function, which never overflows for large |x|.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        y = np.tanh(x * 0.5)
        y += 1
        y *= 0.5
        self.y = y
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        y = self.y
        return g * y * (1 - y)


class Tanh(Function):
    """y = tanh x;  dy/dx = 1 - y^2."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.y = np.tanh(x)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g * (1 - self.y * self.y)


class ReLU(Function):
    """y = max(0, x);  dy/dx = 1 if x > 0 else 0 (0 at x = 0, as in PyTorch)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        y = np.maximum(x, 0)
        self.y = y
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        # y > 0 exactly where x > 0, so the output doubles as the mask: no extra array kept.
        return np.where(self.y > 0, g, 0).astype(g.dtype, copy=False)


class Softmax(Function):
    """y_i = e^{x_i} / sum_j e^{x_j} along ``axis``;  dx = y * (g - sum(g * y)).

    The maximum is subtracted first: softmax(x) = softmax(x - c), and e^{x - max} <= 1 never
    overflows.
    """

    def __init__(self, axis: int = -1) -> None:
        self.axis = axis

    def forward(self, x: np.ndarray) -> np.ndarray:
        e = np.exp(x - x.max(axis=self.axis, keepdims=True))
        e /= e.sum(axis=self.axis, keepdims=True)
        self.y = e
        return e

    def backward(self, g: np.ndarray) -> np.ndarray:
        y = self.y
        return y * (g - (g * y).sum(axis=self.axis, keepdims=True))


class LogSoftmax(Function):
    """y = x - log sum_j e^{x_j} (log-sum-exp with the max subtracted);
    dx = g - softmax(x) * sum(g)."""

    def __init__(self, axis: int = -1) -> None:
        self.axis = axis

    def forward(self, x: np.ndarray) -> np.ndarray:
        shifted = x - x.max(axis=self.axis, keepdims=True)
        self.y = shifted - np.log(np.exp(shifted).sum(axis=self.axis, keepdims=True))
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g - np.exp(self.y) * g.sum(axis=self.axis, keepdims=True)


class Step(Function):
    """The Heaviside step: y = 1 if x > 0 else 0 (the perceptron's threshold unit).

    It has no usable derivative: it is 0 everywhere except at 0, where it does not exist. A
    gradient of 0 tells gradient descent nothing about which way to move the weights, so a
    network of step units cannot be trained by backpropagation; that is why sigmoid (a smooth
    step) replaced it. ``backward`` therefore refuses instead of silently returning zeros.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        return (x > 0).astype(x.dtype)

    def backward(self, g: np.ndarray) -> np.ndarray:
        raise GraphError(
            "step: the step function has zero derivative everywhere (and none at 0), so it "
            "cannot be trained by gradient descent; use sigmoid or relu in trained layers"
        )


def sigmoid(x: Tensor) -> Tensor:
    """Logistic sigmoid 1 / (1 + e^-x), finite for any input.

    Example:
        >>> sigmoid(Tensor([0.0, 1e4, -1e4])).tolist()
        [0.5, 1.0, 0.0]
    """
    return Sigmoid.apply(x)


def tanh(x: Tensor) -> Tensor:
    """Hyperbolic tangent.  Example: ``tanh(Tensor([0.0]))`` -> ``[0.0]``."""
    return Tanh.apply(x)


def relu(x: Tensor) -> Tensor:
    """Rectified linear unit max(0, x).

    Example:
        >>> relu(Tensor([-1.0, 2.0])).tolist()
        [0.0, 2.0]
    """
    return ReLU.apply(x)


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    """Softmax along ``axis``: positive values summing to 1.

    Example:
        >>> softmax(Tensor([0.0, 0.0])).tolist()
        [0.5, 0.5]
    """
    return Softmax.apply(x, axis=axis)


def log_softmax(x: Tensor, axis: int = -1) -> Tensor:
    """log(softmax(x)), computed stably.  Example: ``log_softmax(Tensor([0.0, 0.0]))`` -> log 0.5."""
    return LogSoftmax.apply(x, axis=axis)


def step(x: Tensor) -> Tensor:
    """Heaviside step (1 where x > 0, else 0). Forward only: see :class:`Step` for why.

    Example:
        >>> step(Tensor([-0.5, 0.0, 2.0])).tolist()
        [0.0, 0.0, 1.0]
    """
    return Step.apply(x)

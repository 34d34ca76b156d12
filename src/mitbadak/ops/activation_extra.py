"""More activations, with PyTorch's names and derivative conventions at the kinks.

| function | y = f(x) | dy/dx |
|---|---|---|
| hardtanh(lo, hi) | clip(x, lo, hi) | 1 if lo < x < hi else 0 |
| relu6 | clip(x, 0, 6) | 1 if 0 < x < 6 else 0 |
| hardsigmoid | clip(x / 6 + 1/2, 0, 1) | 1/6 if -3 < x < 3 else 0 |
| hardswish | x * hardsigmoid(x) | 0 if x <= -3, x/3 + 1/2 if x < 3, else 1 |
| mish | x tanh(softplus(x)) | t + x s (1 - t^2), t = tanh(softplus x), s = sigmoid x |
| celu(a) | max(0, x) + min(0, a (e^{x/a} - 1)) | 1 if x > 0 else e^{x/a} |
| softsign | x / (1 + abs(x)) | 1 / (1 + abs(x))^2 |
| logsigmoid | log sigmoid(x) = min(x, 0) - log1p(e^-abs(x)) | sigmoid(-x) |
| quick_gelu | x sigmoid(1.702 x) | s + 1.702 x s (1 - s), s = sigmoid(1.702 x) |
"""

from __future__ import annotations

import numpy as np

from ..backend import array_module
from ..errors import ConfigError
from ..tensor import Function, Tensor


def _sigmoid(x: np.ndarray) -> np.ndarray:
    xp = array_module(x)
    return 0.5 * (1 + xp.tanh(0.5 * x))  # never overflows


def _softplus(x: np.ndarray) -> np.ndarray:
    xp = array_module(x)
    with np.errstate(under="ignore"):
        return xp.maximum(x, 0) + xp.log1p(xp.exp(-xp.abs(x)))


class Hardtanh(Function):
    """y = clip(x, lo, hi);  dy/dx = 1 if lo < x < hi else 0 (PyTorch: 0 at the kinks)."""

    def __init__(self, lo: float, hi: float) -> None:
        self.lo, self.hi = lo, hi

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return xp.clip(x, self.lo, self.hi)

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g * ((self.x > self.lo) & (self.x < self.hi))


class Hardsigmoid(Function):
    """y = clip(x / 6 + 1/2, 0, 1);  dy/dx = 1/6 if -3 < x < 3 else 0."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return xp.clip(x / 6 + 0.5, 0, 1).astype(x.dtype, copy=False)

    def backward(self, g: np.ndarray) -> np.ndarray:
        return (g * (((self.x > -3) & (self.x < 3)) / 6)).astype(g.dtype, copy=False)


class Hardswish(Function):
    """y = x clip(x + 3, 0, 6) / 6;  dy/dx = 0 if x <= -3, x/3 + 1/2 if x < 3, else 1
    (PyTorch's choice at the kinks)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return (x * xp.clip(x + 3, 0, 6) / 6).astype(x.dtype, copy=False)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        x = self.x
        d = xp.where(x <= -3, 0.0, xp.where(x < 3, x / 3 + 0.5, 1.0))
        return (g * d).astype(g.dtype, copy=False)


class Mish(Function):
    """y = x tanh(softplus(x));  dy/dx = t + x sigmoid(x) (1 - t^2), t = tanh(softplus(x))."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        self.t = xp.tanh(_softplus(x))
        return x * self.t

    def backward(self, g: np.ndarray) -> np.ndarray:
        x, t = self.x, self.t
        return (g * (t + x * _sigmoid(x) * (1 - t * t))).astype(g.dtype, copy=False)


class CELU(Function):
    """y = max(0, x) + min(0, a (e^{x/a} - 1));  dy/dx = 1 if x > 0 else e^{x/a}."""

    def __init__(self, alpha: float) -> None:
        self.alpha = alpha

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        with np.errstate(over="ignore"):
            self.e = xp.exp(xp.minimum(x, 0) / self.alpha)
        return xp.where(x > 0, x, self.alpha * (self.e - 1)).astype(x.dtype, copy=False)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return (g * xp.where(self.x > 0, 1.0, self.e)).astype(g.dtype, copy=False)


class Softsign(Function):
    """y = x / (1 + |x|);  dy/dx = 1 / (1 + |x|)^2."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.d = 1 + xp.abs(x)
        return x / self.d

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g / (self.d * self.d)


class LogSigmoid(Function):
    """y = log sigmoid(x) = min(x, 0) - log1p(e^{-|x|});  dy/dx = 1 - sigmoid(x) = sigmoid(-x)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        with np.errstate(under="ignore"):
            return xp.minimum(x, 0) - xp.log1p(xp.exp(-xp.abs(x)))

    def backward(self, g: np.ndarray) -> np.ndarray:
        return (g * _sigmoid(-self.x)).astype(g.dtype, copy=False)


class QuickGELU(Function):
    """y = x sigmoid(1.702 x) (GELU's sigmoid approximation, as in CLIP);
    dy/dx = s + 1.702 x s (1 - s), s = sigmoid(1.702 x)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.x = x
        self.s = _sigmoid(1.702 * x)
        return x * self.s

    def backward(self, g: np.ndarray) -> np.ndarray:
        s, x = self.s, self.x
        return (g * (s + 1.702 * x * s * (1 - s))).astype(g.dtype, copy=False)


def hardtanh(x: Tensor, min_val: float = -1.0, max_val: float = 1.0) -> Tensor:
    """Clip into [min_val, max_val] (gradient 1 strictly inside).

    Example:
        >>> hardtanh(Tensor([-2.0, 0.5, 2.0])).tolist()
        [-1.0, 0.5, 1.0]
    """
    if not min_val < max_val:
        raise ConfigError(
            key="error.ops.activation_extra.min_val_max_val", min_val=min_val, max_val=max_val
        )
    return Hardtanh.apply(x, lo=float(min_val), hi=float(max_val))


def relu6(x: Tensor) -> Tensor:
    """min(max(x, 0), 6).

    Example:
        >>> relu6(Tensor([-1.0, 3.0, 9.0])).tolist()
        [0.0, 3.0, 6.0]
    """
    return Hardtanh.apply(x, lo=0.0, hi=6.0)


def hardsigmoid(x: Tensor) -> Tensor:
    """Piecewise linear sigmoid, clip(x / 6 + 1/2, 0, 1).

    Example:
        >>> hardsigmoid(Tensor([-3.0, 0.0, 3.0])).tolist()
        [0.0, 0.5, 1.0]
    """
    return Hardsigmoid.apply(x)


def hardswish(x: Tensor) -> Tensor:
    """x * hardsigmoid(x) (MobileNetV3).

    Example:
        >>> hardswish(Tensor([-4.0, 0.0, 4.0])).tolist()
        [-0.0, 0.0, 4.0]
    """
    return Hardswish.apply(x)


def mish(x: Tensor) -> Tensor:
    """x tanh(softplus(x)).

    Example:
        >>> round(mish(Tensor([1.0])).item(), 4)
        0.8651
    """
    return Mish.apply(x)


def celu(x: Tensor, alpha: float = 1.0) -> Tensor:
    """Continuously differentiable ELU.

    Example:
        >>> round(celu(Tensor([-1.0])).item(), 4)
        -0.6321
    """
    if alpha == 0:
        raise ConfigError(key="error.ops.activation_extra.alpha_nonzero")
    return CELU.apply(x, alpha=float(alpha))


def softsign(x: Tensor) -> Tensor:
    """x / (1 + |x|).

    Example:
        >>> softsign(Tensor([1.0, -3.0])).tolist()
        [0.5, -0.75]
    """
    return Softsign.apply(x)


def logsigmoid(x: Tensor) -> Tensor:
    """log(sigmoid(x)), finite for any x.

    Example:
        >>> logsigmoid(Tensor([-1000.0])).tolist()
        [-1000.0]
    """
    return LogSigmoid.apply(x)


def quick_gelu(x: Tensor) -> Tensor:
    """x sigmoid(1.702 x).

    Example:
        >>> round(quick_gelu(Tensor([1.0])).item(), 4)
        0.8458
    """
    return QuickGELU.apply(x)


__all__ = [
    "celu",
    "hardsigmoid",
    "hardswish",
    "hardtanh",
    "logsigmoid",
    "mish",
    "quick_gelu",
    "relu6",
    "softsign",
]

"""More element-wise math: trigonometry, rounding, logs and exponentials in other bases...

Each op is one class: ``f`` computes y from x, ``df`` the local derivative dy/dx (from x and
y), and backward is ``g * df`` (the chain rule). The formula is on each class.
Rounding ops (floor, ceil, round, trunc, sign) are piecewise constant: their derivative is 0
almost everywhere, and PyTorch returns 0 everywhere; so does mitbadak.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..tensor import Function, Tensor
from .math import clip

_LN2 = float(np.log(2.0))


class _Unary(Function):
    @staticmethod
    def f(x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    @staticmethod
    def df(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        self.y = xp.asarray(self.f(x), dtype=x.dtype if x.dtype.kind == "f" else None)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        return (g * self.df(self.x, self.y)).astype(g.dtype, copy=False)


class Sin(_Unary):
    """y = sin x;  dy/dx = cos x."""

    f = staticmethod(lambda x: array_module(x).sin(x))
    df = staticmethod(lambda x, y: array_module(x).cos(x))


class Cos(_Unary):
    """y = cos x;  dy/dx = -sin x."""

    f = staticmethod(lambda x: array_module(x).cos(x))
    df = staticmethod(lambda x, y: -array_module(x).sin(x))


class Tan(_Unary):
    """y = tan x;  dy/dx = 1 + tan^2 x = 1 + y^2."""

    f = staticmethod(lambda x: array_module(x).tan(x))
    df = staticmethod(lambda x, y: 1 + y * y)


class _Flat(_Unary):
    """A piecewise constant function: dy/dx = 0."""

    df = staticmethod(lambda x, y: array_module(y).zeros_like(y))


class Floor(_Flat):
    """y = floor x;  dy/dx = 0."""

    f = staticmethod(lambda x: array_module(x).floor(x))


class Ceil(_Flat):
    """y = ceil x;  dy/dx = 0."""

    f = staticmethod(lambda x: array_module(x).ceil(x))


class Trunc(_Flat):
    """y = trunc x (toward 0);  dy/dx = 0."""

    f = staticmethod(lambda x: array_module(x).trunc(x))


class Sign(_Flat):
    """y = sign x (-1, 0 or 1);  dy/dx = 0."""

    f = staticmethod(lambda x: array_module(x).sign(x))


class Round(_Flat):
    """y = x rounded to ``decimals`` (halves to even, as PyTorch and NumPy);  dy/dx = 0."""

    def __init__(self, decimals: int = 0) -> None:
        self.decimals = decimals

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        self.y = xp.round(x, self.decimals)
        return self.y


class Log2(_Unary):
    """y = log2 x;  dy/dx = 1 / (x ln 2)."""

    f = staticmethod(lambda x: array_module(x).log2(x))
    df = staticmethod(lambda x, y: 1 / (x * _LN2))


class Exp2(_Unary):
    """y = 2^x;  dy/dx = 2^x ln 2 = y ln 2."""

    f = staticmethod(lambda x: array_module(x).exp2(x))
    df = staticmethod(lambda x, y: y * _LN2)


class Log1p(_Unary):
    """y = ln(1 + x) (exact for tiny x);  dy/dx = 1 / (1 + x)."""

    f = staticmethod(lambda x: array_module(x).log1p(x))
    df = staticmethod(lambda x, y: 1 / (1 + x))


class Expm1(_Unary):
    """y = e^x - 1 (exact for tiny x);  dy/dx = e^x = y + 1."""

    f = staticmethod(lambda x: array_module(x).expm1(x))
    df = staticmethod(lambda x, y: y + 1)


class Rsqrt(_Unary):
    """y = 1 / sqrt(x);  dy/dx = -1 / (2 x^{3/2}) = -y^3 / 2."""

    f = staticmethod(lambda x: 1 / array_module(x).sqrt(x))
    df = staticmethod(lambda x, y: -0.5 * y * y * y)


class Square(_Unary):
    """y = x^2;  dy/dx = 2x."""

    f = staticmethod(lambda x: array_module(x).square(x))
    df = staticmethod(lambda x, y: 2 * x)


class Reciprocal(_Unary):
    """y = 1 / x;  dy/dx = -1 / x^2 = -y^2."""

    f = staticmethod(lambda x: array_module(x).reciprocal(x))
    df = staticmethod(lambda x, y: -y * y)


def _float(x: Tensor) -> Tensor:
    """Integer inputs of transcendental functions become the default float (PyTorch's rule)."""
    if x.dtype.kind in "fc":
        return x
    from ..tensor import get_default_dtype

    return Tensor(x.data.astype(get_default_dtype()))


def sin(x: Tensor) -> Tensor:
    """Element-wise sine.  Example: ``sin(Tensor([0.0])).tolist()`` -> ``[0.0]``.

    Example:
        >>> sin(Tensor([0.0])).tolist()
        [0.0]
    """
    return Sin.apply(_float(x))


def cos(x: Tensor) -> Tensor:
    """Element-wise cosine.

    Example:
        >>> cos(Tensor([0.0])).tolist()
        [1.0]
    """
    return Cos.apply(_float(x))


def tan(x: Tensor) -> Tensor:
    """Element-wise tangent.

    Example:
        >>> tan(Tensor([0.0])).tolist()
        [0.0]
    """
    return Tan.apply(_float(x))


def floor(x: Tensor) -> Tensor:
    """Round down.

    Example:
        >>> floor(Tensor([1.5, -1.5])).tolist()
        [1.0, -2.0]
    """
    return Floor.apply(x)


def ceil(x: Tensor) -> Tensor:
    """Round up.

    Example:
        >>> ceil(Tensor([1.5, -1.5])).tolist()
        [2.0, -1.0]
    """
    return Ceil.apply(x)


def round(x: Tensor, decimals: int = 0) -> Tensor:  # noqa: A001 - PyTorch's name
    """Round to ``decimals`` places, halves to even.

    Example:
        >>> round(Tensor([0.5, 1.5, 1.26]), decimals=0).tolist()
        [0.0, 2.0, 1.0]
    """
    return Round.apply(x, decimals=int(decimals))


def trunc(x: Tensor) -> Tensor:
    """Round toward zero.

    Example:
        >>> trunc(Tensor([1.7, -1.7])).tolist()
        [1.0, -1.0]
    """
    return Trunc.apply(x)


def sign(x: Tensor) -> Tensor:
    """-1, 0 or 1.

    Example:
        >>> sign(Tensor([-2.0, 0.0, 3.0])).tolist()
        [-1.0, 0.0, 1.0]
    """
    return Sign.apply(x)


def log2(x: Tensor) -> Tensor:
    """Base-2 logarithm.

    Example:
        >>> log2(Tensor([8.0])).tolist()
        [3.0]
    """
    return Log2.apply(_float(x))


def exp2(x: Tensor) -> Tensor:
    """2 to the power x.

    Example:
        >>> exp2(Tensor([3.0])).tolist()
        [8.0]
    """
    return Exp2.apply(_float(x))


def log1p(x: Tensor) -> Tensor:
    """ln(1 + x), accurate for small x.

    Example:
        >>> log1p(Tensor([0.0])).tolist()
        [0.0]
    """
    return Log1p.apply(_float(x))


def expm1(x: Tensor) -> Tensor:
    """e^x - 1, accurate for small x.

    Example:
        >>> expm1(Tensor([0.0])).tolist()
        [0.0]
    """
    return Expm1.apply(_float(x))


def rsqrt(x: Tensor) -> Tensor:
    """1 / sqrt(x).

    Example:
        >>> rsqrt(Tensor([4.0])).tolist()
        [0.5]
    """
    return Rsqrt.apply(_float(x))


def square(x: Tensor) -> Tensor:
    """x * x.

    Example:
        >>> square(Tensor([3.0])).tolist()
        [9.0]
    """
    return Square.apply(x)


def reciprocal(x: Tensor) -> Tensor:
    """1 / x.

    Example:
        >>> reciprocal(Tensor([4.0])).tolist()
        [0.25]
    """
    return Reciprocal.apply(_float(x))


def clamp(x: Tensor, min: Any = None, max: Any = None) -> Tensor:  # noqa: A002
    """PyTorch's name for :func:`mitbadak.ops.clip` (same op, same gradient).

    Example:
        >>> clamp(Tensor([-1.0, 0.5, 2.0]), min=0.0, max=1.0).tolist()
        [0.0, 0.5, 1.0]
    """
    return clip(x, min, max)


__all__ = [
    "ceil",
    "clamp",
    "cos",
    "exp2",
    "expm1",
    "floor",
    "log1p",
    "log2",
    "reciprocal",
    "round",
    "rsqrt",
    "sign",
    "sin",
    "square",
    "tan",
    "trunc",
]

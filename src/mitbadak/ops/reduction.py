"""More reductions, with PyTorch's argument names (``dim``, ``keepdim``; NumPy's ``axis`` and
``keepdims`` are accepted too): var, std, prod, cumsum, cumprod, logsumexp, argmax, argmin,
all, any.

Formulas (n values reduced, c = ``correction``, 1 = Bessel's unbiased estimate):

* var = sum (x - mean)^2 / (n - c);  dvar/dx = 2 (x - mean) / (n - c)
* std = sqrt(var);  dstd/dx = (x - mean) / ((n - c) std)
* prod = prod_i x_i;  dprod/dx_i = prod_{j != i} x_j (exclusive products: exact with zeros)
* cumsum y_i = sum_{j <= i} x_j;  dx_i = sum_{j >= i} g_j (a reversed cumsum)
* cumprod y_i = prod_{j <= i} x_j;  dx_i = sum_{j >= i} g_j y_j / x_i (x_i != 0; where x_i = 0
  the exclusive products are used)
* logsumexp = m + log sum e^{x - m};  d/dx = softmax(x)
* argmax, argmin, all, any: integer / boolean results, no gradient.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module, counterpart
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from ._util import normalize_axis


def _args(op: str, ndim: int, dim: Any, keepdim: Any, kw: dict[str, Any]) -> tuple[Any, bool]:
    axis = kw.pop("axis", None)
    keepdims = kw.pop("keepdims", None)
    if kw:
        raise ConfigError(key="error.ops.reduction.unexpected_arguments", op=op, kw=sorted(kw))
    if dim is None:
        dim = axis
    keep = bool(keepdim if keepdims is None else keepdims)
    return normalize_axis(dim, ndim, op), keep


def _expand(g: np.ndarray, shape: tuple[int, ...], axes: tuple[int, ...] | None) -> np.ndarray:
    xp = array_module(g)
    if axes is None:
        return g.reshape((1,) * len(shape))
    return xp.expand_dims(g, axes)


class Var(Function):
    """var = sum (x - mean)^2 / (n - c) over ``axes``;  dx = 2 (x - mean) / (n - c) * g.
    With ``sqrt=True`` it is std: dx = (x - mean) / ((n - c) std) * g."""

    def __init__(self, axes: Any, keepdim: bool, correction: float, sqrt: bool) -> None:
        self.axes, self.keepdim, self.correction, self.sqrt = axes, keepdim, correction, sqrt

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        mean = x.mean(axis=self.axes, keepdims=True)
        self.xc = x - mean
        n = x.size // max(mean.size, 1)
        self.denom = max(n - self.correction, 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            v = (self.xc * self.xc).sum(axis=self.axes, keepdims=True) / self.denom
            y = xp.sqrt(v) if self.sqrt else v
        self.y = y
        out = y if self.keepdim else xp.squeeze(y, axis=self.axes)
        return xp.asarray(out, dtype=x.dtype)

    def backward(self, g: np.ndarray) -> np.ndarray:
        if not self.keepdim:
            g = _expand(g, self.xc.shape, self.axes)
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.sqrt:
                return (g * self.xc / (self.denom * self.y)).astype(g.dtype, copy=False)
            return (g * 2 * self.xc / self.denom).astype(g.dtype, copy=False)


def var(
    x: Tensor, dim: Any = None, *, correction: float = 1, keepdim: bool = False, **kw: Any
) -> Tensor:
    """Variance over ``dim`` with ``correction`` (1: unbiased, PyTorch's default; 0: biased).
    ``unbiased=False`` is accepted for ``correction=0``.

    Example:
        >>> var(Tensor([1.0, 2.0, 3.0, 4.0])).item(), var(Tensor([1.0, 3.0]), correction=0).item()
        (1.6666666269302368, 1.0)
    """
    if "unbiased" in kw:
        correction = 1 if kw.pop("unbiased") else 0
    axes, keep = _args("var", x.ndim, dim, keepdim, kw)
    return Var.apply(x, axes=axes, keepdim=keep, correction=correction, sqrt=False)


def std(
    x: Tensor, dim: Any = None, *, correction: float = 1, keepdim: bool = False, **kw: Any
) -> Tensor:
    """Standard deviation over ``dim`` (see :func:`var` for ``correction``).

    Example:
        >>> std(Tensor([1.0, 3.0]), correction=0).item()
        1.0
    """
    if "unbiased" in kw:
        correction = 1 if kw.pop("unbiased") else 0
    axes, keep = _args("std", x.ndim, dim, keepdim, kw)
    return Var.apply(x, axes=axes, keepdim=keep, correction=correction, sqrt=True)


def _exclusive_prod(x: np.ndarray, axis: int) -> np.ndarray:
    """prod_{j != i} x_j along ``axis``, as (product of those before) * (product of those after)."""
    xp = array_module(x)
    ones = xp.ones_like(xp.take(x, [0], axis=axis))
    before = xp.cumprod(xp.concatenate([ones, x], axis=axis), axis=axis)
    before = xp.take(before, xp.arange(x.shape[axis]), axis=axis)
    rev = xp.flip(x, axis)
    after = xp.cumprod(xp.concatenate([ones, rev], axis=axis), axis=axis)
    after = xp.flip(xp.take(after, xp.arange(x.shape[axis]), axis=axis), axis)
    return before * after


class Prod(Function):
    """y = prod of x along ``axis`` (all values when None);  dx_i = g prod_{j != i} x_j."""

    def __init__(self, axis: int | None, keepdim: bool) -> None:
        self.axis, self.keepdim = axis, keepdim

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return xp.asarray(xp.prod(x, axis=self.axis, keepdims=self.keepdim), dtype=x.dtype)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        if self.axis is None:
            others = _exclusive_prod(self.x.reshape(-1), 0).reshape(self.x.shape)
            return (g * others).astype(g.dtype, copy=False)
        if not self.keepdim:
            g = xp.expand_dims(g, self.axis)
        return (g * _exclusive_prod(self.x, self.axis)).astype(g.dtype, copy=False)


def _one_dim(x: Tensor, dim: Any, op: str) -> int | None:
    if dim is None:
        return None
    if not isinstance(dim, (int, np.integer)):
        raise ShapeError(key="error.ops.reduction.dim_int_none", op=op, dim=dim)
    axes = normalize_axis(dim, x.ndim, op)
    return axes[0] if axes else None


def prod(x: Tensor, dim: Any = None, keepdim: bool = False, **kw: Any) -> Tensor:
    """Product over ``dim`` (one int, or None for all values).

    Example:
        >>> prod(Tensor([[1.0, 2.0], [3.0, 4.0]]), dim=1).tolist()
        [2.0, 12.0]
    """
    dim = kw.pop("axis", dim)
    keepdim = kw.pop("keepdims", keepdim)
    return Prod.apply(x, axis=_one_dim(x, dim, "prod"), keepdim=bool(keepdim))


class CumSum(Function):
    """y_i = sum_{j <= i} x_j along ``axis``;  dx_i = sum_{j >= i} g_j (reversed cumsum)."""

    def __init__(self, axis: int) -> None:
        self.axis = axis

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        return xp.cumsum(x, axis=self.axis, dtype=x.dtype if x.dtype.kind == "f" else None)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return xp.flip(xp.cumsum(xp.flip(g, self.axis), axis=self.axis), self.axis)


def cumsum(x: Tensor, dim: int, **kw: Any) -> Tensor:
    """Running sum along ``dim``.

    Example:
        >>> cumsum(Tensor([1.0, 2.0, 3.0]), 0).tolist()
        [1.0, 3.0, 6.0]
    """
    axis = _one_dim(x, kw.pop("axis", dim), "cumsum")
    return CumSum.apply(x, axis=0 if axis is None else axis)


class CumProd(Function):
    """y_i = prod_{j <= i} x_j;  dx_i = sum_{j >= i} g_j y_j / x_i, with
    y_j / x_i = prod_{k <= j, k != i} x_k computed exactly when x_i = 0."""

    def __init__(self, axis: int) -> None:
        self.axis = axis

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        self.y = xp.cumprod(x, axis=self.axis)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        ax, x, y = self.axis, self.x, self.y
        rc = xp.flip(xp.cumsum(xp.flip(g * y, ax), axis=ax), ax)  # sum_{j >= i} g_j y_j
        with np.errstate(divide="ignore", invalid="ignore"):
            gx = xp.where(x != 0, rc / xp.where(x != 0, x, 1), 0).astype(g.dtype)
        if xp.any(x == 0):  # the slow exact way on the lines holding a zero
            xm, gm = xp.moveaxis(x, ax, -1), xp.moveaxis(g, ax, -1)
            out = xp.moveaxis(gx, ax, -1)
            for idx in zip(*xp.nonzero((xm == 0).any(axis=-1))):
                line, gl = xm[idx], gm[idx]
                n = line.size
                for i in range(n):
                    acc, tot = 1.0, 0.0
                    for j in range(n):
                        if j != i:
                            acc *= line[j]
                        if j >= i:
                            tot += gl[j] * acc
                    out[idx + (i,)] = tot
            gx = xp.moveaxis(out, -1, ax)
        return gx


def cumprod(x: Tensor, dim: int, **kw: Any) -> Tensor:
    """Running product along ``dim``.

    Example:
        >>> cumprod(Tensor([1.0, 2.0, 3.0]), 0).tolist()
        [1.0, 2.0, 6.0]
    """
    axis = _one_dim(x, kw.pop("axis", dim), "cumprod")
    return CumProd.apply(x, axis=0 if axis is None else axis)


class LogSumExp(Function):
    """y = m + log sum e^{x - m} (m = max, so nothing overflows);  dx = g * softmax(x)."""

    def __init__(self, axes: Any, keepdim: bool) -> None:
        self.axes, self.keepdim = axes, keepdim

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        m = xp.max(x, axis=self.axes, keepdims=True)
        m = xp.where(xp.isfinite(m), m, 0)
        with np.errstate(under="ignore", divide="ignore"):
            e = xp.exp(x - m)
            s = e.sum(axis=self.axes, keepdims=True)
            y = m + xp.log(s)
        self.p = e / s
        self.shape = x.shape
        return xp.asarray(y if self.keepdim else xp.squeeze(y, axis=self.axes), dtype=x.dtype)

    def backward(self, g: np.ndarray) -> np.ndarray:
        if not self.keepdim:
            g = _expand(g, self.shape, self.axes)
        return (g * self.p).astype(g.dtype, copy=False)


def logsumexp(x: Tensor, dim: Any = None, keepdim: bool = False, **kw: Any) -> Tensor:
    """log(sum(exp(x))) over ``dim``, computed without overflow.

    Example:
        >>> round(logsumexp(Tensor([1000.0, 1000.0]), dim=0).item(), 3)
        1000.693
    """
    axes, keep = _args("logsumexp", x.ndim, dim, keepdim, kw)
    return LogSumExp.apply(x, axes=axes, keepdim=keep)


def _arg(x: Tensor, dim: Any, keepdim: bool, fn: Any, op: str, kw: dict[str, Any]) -> Tensor:
    xp = array_module(x)
    fn = counterpart(xp, fn)
    dim = kw.pop("axis", dim)
    keepdim = kw.pop("keepdims", keepdim)
    axis = _one_dim(x, dim, op)
    if x.size == 0:
        raise ShapeError(key="error.ops.reduction.empty_tensor_shape", op=op, shape=x.shape)
    if axis is None:
        out = xp.asarray(fn(x.data.reshape(-1)))
        return Tensor(out.reshape((1,) * x.ndim) if keepdim else out)
    return Tensor(xp.asarray(fn(x.data, axis=axis, keepdims=bool(keepdim))).astype(np.int64))


def argmax(x: Tensor, dim: Any = None, keepdim: bool = False, **kw: Any) -> Tensor:
    """Index of the maximum (of the flattened tensor when ``dim`` is None), int64, first on ties.

    Example:
        >>> argmax(Tensor([[1.0, 5.0], [7.0, 2.0]]), dim=1).tolist()
        [1, 0]
    """
    return _arg(x, dim, keepdim, np.argmax, "argmax", kw)


def argmin(x: Tensor, dim: Any = None, keepdim: bool = False, **kw: Any) -> Tensor:
    """Index of the minimum, int64, first on ties.

    Example:
        >>> argmin(Tensor([3.0, 1.0, 1.0])).item()
        1
    """
    return _arg(x, dim, keepdim, np.argmin, "argmin", kw)


def all(x: Any, dim: Any = None, keepdim: bool = False, **kw: Any) -> Tensor:  # noqa: A001
    """Whether every value is true (nonzero), over ``dim``; a bool tensor.

    Example:
        >>> all(Tensor([[1.0, 0.0], [1.0, 1.0]]), dim=1).tolist()
        [False, True]
    """
    xp = array_module(x, dim)
    x = x if isinstance(x, Tensor) else Tensor(x)
    axes, keep = _args("all", x.ndim, dim, keepdim, kw)
    return Tensor(xp.asarray(xp.all(x.data, axis=axes, keepdims=keep)))


def any(x: Any, dim: Any = None, keepdim: bool = False, **kw: Any) -> Tensor:  # noqa: A001
    """Whether some value is true (nonzero), over ``dim``; a bool tensor.

    Example:
        >>> any(Tensor([0.0, 2.0])).item()
        True
    """
    xp = array_module(x, dim)
    x = x if isinstance(x, Tensor) else Tensor(x)
    axes, keep = _args("any", x.ndim, dim, keepdim, kw)
    return Tensor(xp.asarray(xp.any(x.data, axis=axes, keepdims=keep)))


__all__ = [
    "all",
    "any",
    "argmax",
    "argmin",
    "cumprod",
    "cumsum",
    "logsumexp",
    "prod",
    "std",
    "var",
]

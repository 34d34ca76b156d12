"""Vector and matrix norms, differentiable, with the axis conventions of ``np.linalg.norm``.

Vector p-norms over one or more axes, ||x||_p = (sum_i |x_i|^p)^(1/p), and their gradients:

| ord | value | d||x|| / dx_i |
|---|---|---|
| 2 (default) | sqrt(sum x_i^2) | x_i / ||x|| |
| 1 | sum abs(x_i) | sign(x_i) |
| p > 0 | (sum abs(x_i)^p)^(1/p) | sign(x_i) (abs(x_i) / ||x||)^(p-1) |
| inf | max abs(x_i) | sign(x_i) on the entries reaching the max (ties share it equally) |
| -inf | min abs(x_i) | sign(x_i) on the entries reaching the min (ties share it equally) |
| 0 | number of non-zeros (not a norm) | 0 (piecewise constant) |

Matrix norms over two axes (rows r, columns c): ``"fro"`` = sqrt(sum a_rc^2) (the 2-norm of all
entries), 1 = max over columns of sum_r |a_rc|, inf = max over rows of sum_c |a_rc|, and -1 /
-inf with min instead of max. They are built from the vector norms and ``max``/``min``, so their
gradients follow from the chain rule.

Subgradients where the norm has no derivative (the conventions of PyTorch's
``torch.linalg.vector_norm``): at x = 0 the gradient of every norm is 0 (for ord 2 the formula
x / ||x|| would be 0 / 0); sign(0) = 0, so a zero entry gets no gradient from ord 1, p or inf;
for 0 < p < 1 a zero entry would get |0|^(p-1) = inf and gets 0 instead.

Example:
    >>> x = Tensor([[3.0, -4.0], [0.0, 0.0]], requires_grad=True)
    >>> n = norm(x, axis=1)           # row lengths
    >>> n.tolist()
    [5.0, 0.0]
    >>> n.sum().backward(); x.grad.tolist()   # x / ||x|| for row 0, 0 for the zero row
    [[0.6000000238418579, -0.800000011920929], [0.0, 0.0]]
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from ._util import normalize_axis
from .reduce import max as _max
from .reduce import min as _min
from .shape import reshape


class VectorNorm(Function):
    """y = (sum over ``axes`` of |x|^p)^(1/p), with the special cases p = 1, 2, +-inf, 0.

    Backward (with the subgradients of the module docstring):
    p = 2: x / y;  p = 1: sign(x);  other p: sign(x) (|x| / y)^(p-1);
    +-inf: sign(x) [|x| = y] / (number of entries equal to y);  0: 0.
    """

    def __init__(self, ord: float = 2.0, axis: Any = None, keepdims: bool = False) -> None:
        self.ord, self.axis, self.keepdims = float(ord), axis, keepdims

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        self.axes = normalize_axis(self.axis, x.ndim, "norm")
        axes, p = self.axes, self.ord
        if p == 2:
            n = xp.sqrt(xp.sum(x * x, axis=axes, keepdims=True))
        elif p == 1:
            n = xp.sum(xp.abs(x), axis=axes, keepdims=True)
        elif p == math.inf:
            n = xp.max(xp.abs(x), axis=axes, keepdims=True)
        elif p == -math.inf:
            n = xp.min(xp.abs(x), axis=axes, keepdims=True)
        elif p == 0:
            n = xp.sum(x != 0, axis=axes, keepdims=True).astype(x.dtype)
        else:
            n = xp.sum(xp.abs(x) ** p, axis=axes, keepdims=True) ** (1.0 / p)
        n = xp.asarray(n, dtype=x.dtype)
        self.n = n
        if self.keepdims:
            return n
        return n.reshape(()) if axes is None else xp.squeeze(n, axis=axes)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        x, n, p = self.x, self.n, self.ord
        g = g.reshape(n.shape)  # re-insert the reduced axes (size 1) so g broadcasts over x
        if p == 0:
            return xp.zeros_like(x)
        if p == 1:
            return g * xp.sign(x)
        nonzero = n > 0
        safe_n = xp.where(nonzero, n, 1)
        if p == 2:
            return x * xp.where(nonzero, g / safe_n, 0)
        if math.isinf(p):
            hit = xp.abs(x) == n
            count = xp.sum(hit, axis=self.axes, keepdims=True)
            return xp.sign(x) * hit * (g / count)
        a = xp.abs(x)
        with np.errstate(divide="ignore"):  # |0|^(p-1) for p < 1: replaced by 0 below
            ratio = xp.where(a > 0, (a / safe_n) ** (p - 1), 0)
        return (xp.sign(x) * ratio * xp.where(nonzero, g, 0)).astype(x.dtype, copy=False)


def _check_ord(ord: Any, op: str) -> float:
    if ord is None:
        return 2.0
    if isinstance(ord, str) or not (ord == ord) or (ord < 0 and not math.isinf(ord)):
        raise ConfigError(key="error.ops.norm.vector_norms_take", op=op, ord=ord)
    return float(ord)


def vector_norm(
    x: Tensor, ord: float | None = 2, axis: Any = None, keepdims: bool = False
) -> Tensor:
    """The p-norm of ``x`` over ``axis`` (an int, a tuple of ints, or None for all entries).

    Equals ``torch.linalg.vector_norm(x, ord, dim=axis, keepdim=keepdims)``.

    Example:
        >>> vector_norm(Tensor([3.0, -4.0]), ord=1).item()
        7.0
    """
    p = _check_ord(ord, "vector_norm")
    return VectorNorm.apply(x, ord=p, axis=axis, keepdims=keepdims)


def matrix_norm(
    x: Tensor, ord: Any = "fro", axis: tuple[int, int] = (-2, -1), keepdims: bool = False
) -> Tensor:
    """A matrix norm over the two axes ``axis = (rows, columns)``: ``"fro"``, 1, -1, inf, -inf.

    1 is the largest column sum of |a|, inf the largest row sum (-1, -inf: the smallest).
    Equals ``np.linalg.norm(x, ord, axis)`` and ``torch.linalg.matrix_norm``.

    Example:
        >>> a = Tensor([[1.0, -2.0], [3.0, 4.0]])
        >>> matrix_norm(a, 1).item(), matrix_norm(a, np.inf).item()   # columns 4, 6; rows 3, 7
        (6.0, 7.0)
    """
    op = "matrix_norm"
    if not isinstance(axis, (list, tuple)):
        raise ShapeError(key="error.ops.norm.two_axes_rows", op=op, axis=axis)
    axes = tuple(axis)
    if len(axes) != 2:
        raise ShapeError(key="error.ops.norm.two_axes_rows", op=op, axis=axis)
    r, c = normalize_axis_pair(axes, x.ndim, op)
    if r == c:
        raise ShapeError(key="error.ops.norm.two_axes_differ", op=op, axis=axis)
    if ord in ("fro", "f", None):
        return VectorNorm.apply(x, ord=2.0, axis=(r, c), keepdims=keepdims)
    if isinstance(ord, str) or ord not in (1, -1, math.inf, -math.inf):
        raise ConfigError(key="error.ops.norm.ord_fro_inf", op=op, ord=ord)
    # ord +-1: sum |a| down each column (over the rows), then max/min over the columns;
    # ord +-inf: sum along each row, then max/min over the rows.
    sum_axis, pick_axis = (r, c) if abs(ord) == 1 else (c, r)
    sums = VectorNorm.apply(x, ord=1.0, axis=sum_axis, keepdims=True)
    pick = _max if ord > 0 else _min
    out = pick(sums, axis=pick_axis, keepdims=True)
    if keepdims:
        return out
    shape = tuple(n for i, n in enumerate(x.shape) if i not in (r, c))
    return reshape(out, shape)


def normalize_axis_pair(axes: tuple[Any, ...], ndim: int, op: str) -> tuple[int, int]:
    """Check two axes against ``ndim`` and return them non-negative, in the given order."""
    out = []
    for a in axes:
        a = int(a)
        if not -ndim <= a < ndim:
            raise ShapeError(key="error.ops.norm.axis_out_range", op=op, a=a, ndim=ndim)
        out.append(a % ndim)
    return out[0], out[1]


def norm(x: Tensor, ord: Any = None, axis: Any = None, keepdims: bool = False) -> Tensor:
    """Vector or matrix norm, with the rules of ``np.linalg.norm``.

    - ``axis=None``: with ``ord=None``, the 2-norm of all entries (Frobenius for a matrix);
      with an ``ord``, a vector norm of a 1-D ``x`` or a matrix norm of a 2-D ``x``.
    - ``axis`` an int: vector norms along it (``ord=None`` means 2).
    - ``axis`` a pair: matrix norms over those axes (``ord=None`` means ``"fro"``).

    Example:
        >>> norm(Tensor([[1.0, 2.0], [2.0, 4.0]])).item()          # sqrt(1 + 4 + 4 + 16)
        5.0
        >>> norm(Tensor([[1.0, -2.0], [3.0, 4.0]]), ord=1).item()  # max column sum
        6.0
    """
    if axis is None:
        if ord is None:
            return VectorNorm.apply(x, ord=2.0, axis=None, keepdims=keepdims)
        if x.ndim == 1:
            return vector_norm(x, ord, axis=0, keepdims=keepdims)
        if x.ndim == 2:
            return matrix_norm(x, ord, axis=(0, 1), keepdims=keepdims)
        raise ShapeError(key="error.ops.norm.ord_axis_x", ord=ord, shape=x.shape)
    if not isinstance(axis, (int, np.integer, list, tuple)) or isinstance(axis, bool):
        raise ShapeError(key="error.ops.norm.axis_int_pair", axis=axis)
    axes = (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    if len(axes) == 1:
        return vector_norm(x, 2 if ord is None else ord, axis=axes[0], keepdims=keepdims)
    if len(axes) == 2:
        return matrix_norm(x, "fro" if ord is None else ord, axis=axes, keepdims=keepdims)
    raise ShapeError(key="error.ops.norm.axis_int_pair", axis=axis)

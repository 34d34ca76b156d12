"""Reductions: sum, mean, max, min over axes, with ``keepdims``."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..tensor import Function, Tensor
from ._util import normalize_axis


def _expand(g: np.ndarray, shape: tuple[int, ...], axes: tuple[int, ...] | None) -> np.ndarray:
    """Re-insert the reduced axes of ``g`` (as size 1) so it broadcasts against the input."""
    xp = array_module(g)
    if axes is None:
        return g.reshape((1,) * len(shape))
    return xp.expand_dims(g, axes)


class Sum(Function):
    """y = sum of x over axes;  dy/dx = 1 for every summed element (g is broadcast back)."""

    def __init__(self, axis: Any = None, keepdims: bool = False) -> None:
        self.axis, self.keepdims = axis, keepdims

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape = x.shape
        self.axes = normalize_axis(self.axis, x.ndim, "sum")
        return xp.asarray(x.sum(axis=self.axes, keepdims=self.keepdims))

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        if not self.keepdims:
            g = _expand(g, self.shape, self.axes)
        return xp.broadcast_to(g, self.shape).copy()


class Mean(Function):
    """y = mean of x over axes;  dy/dx = 1/n for each of the n averaged elements."""

    def __init__(self, axis: Any = None, keepdims: bool = False) -> None:
        self.axis, self.keepdims = axis, keepdims

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape = x.shape
        self.axes = normalize_axis(self.axis, x.ndim, "mean")
        out = xp.asarray(x.mean(axis=self.axes, keepdims=self.keepdims), dtype=x.dtype)
        self.n = x.size // out.size if out.size else 1  # how many elements each mean averaged
        return out

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        if not self.keepdims:
            g = _expand(g, self.shape, self.axes)
        return xp.broadcast_to(g / self.n, self.shape).copy()


class Max(Function):
    """y = max of x over axes;  the gradient flows to the arg-max (split evenly among ties,
    as PyTorch's ``amax`` does)."""

    def __init__(self, axis: Any = None, keepdims: bool = False, minimum: bool = False) -> None:
        self.axis, self.keepdims, self.minimum = axis, keepdims, minimum

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.axes = normalize_axis(self.axis, x.ndim, "min" if self.minimum else "max")
        reduce = xp.min if self.minimum else xp.max
        y = reduce(x, axis=self.axes, keepdims=True)
        self.mask = x == y
        return xp.asarray(y if self.keepdims else xp.squeeze(y, axis=self.axes))

    def backward(self, g: np.ndarray) -> np.ndarray:
        if not self.keepdims:
            g = _expand(g, self.mask.shape, self.axes)
        count = self.mask.sum(axis=self.axes, keepdims=True)
        return self.mask * (g / count)


def _torch_names(axis: Any, keepdims: bool, kw: dict[str, Any], op: str) -> tuple[Any, bool]:
    """Accept PyTorch's ``dim`` / ``keepdim`` for NumPy's ``axis`` / ``keepdims``."""
    if "dim" in kw:
        axis = kw.pop("dim")
    if "keepdim" in kw:
        keepdims = kw.pop("keepdim")
    if kw:
        from ..errors import ConfigError

        raise ConfigError(key="error.ops.reduce.unexpected_arguments", op=op, kw=sorted(kw))
    return axis, bool(keepdims)


def sum(x: Tensor, axis: Any = None, keepdims: bool = False, **kw: Any) -> Tensor:  # noqa: A001
    """Sum over ``axis`` (all axes by default).

    Example:
        >>> sum(Tensor([[1.0, 2.0], [3.0, 4.0]]), axis=0).tolist()
        [4.0, 6.0]
    """
    if kw:
        axis, keepdims = _torch_names(axis, keepdims, kw, "sum")
    return Sum.apply(x, axis=axis, keepdims=keepdims)


def mean(x: Tensor, axis: Any = None, keepdims: bool = False, **kw: Any) -> Tensor:
    """Mean over ``axis`` (``dim=`` / ``keepdim=`` accepted too).

    Example:
        >>> mean(Tensor([1.0, 3.0])).item()
        2.0
    """
    if kw:
        axis, keepdims = _torch_names(axis, keepdims, kw, "mean")
    return Mean.apply(x, axis=axis, keepdims=keepdims)


def max(x: Tensor, axis: Any = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Maximum over ``axis``.  Example: ``max(Tensor([1.0, 3.0]))`` -> ``3.0``."""
    return Max.apply(x, axis=axis, keepdims=keepdims)


def min(x: Tensor, axis: Any = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Minimum over ``axis``.  Example: ``min(Tensor([1.0, 3.0]))`` -> ``1.0``."""
    return Max.apply(x, axis=axis, keepdims=keepdims, minimum=True)

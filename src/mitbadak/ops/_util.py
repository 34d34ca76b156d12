"""Helpers shared by the ops: broadcasting gradients back, wrapping constants."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ShapeError
from ..tensor import Tensor


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` down to ``shape``: the backward of NumPy broadcasting.

    A value broadcast along an axis was used once per position on that axis, so its gradient
    is the sum along that axis (leading axes that broadcasting added, and axes of size 1).

    Example:
        >>> unbroadcast(np.ones((4, 2, 3)), (2, 1)).tolist()
        [[12.0], [12.0]]
    """
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    return grad


def to_tensor(x: Any, like: Tensor | None = None) -> Tensor:
    """Wrap a constant operand; numbers and float arrays take the other operand's float dtype
    so that float32 graphs stay float32."""
    xp = array_module(x, like)
    if isinstance(x, Tensor):
        return x
    if like is not None and like.dtype.kind == "f":
        arr = xp.asarray(x)
        if arr.dtype.kind in "biuf":
            return Tensor(arr.astype(like.dtype, copy=False))
        return Tensor(arr)
    return Tensor(x)


def broadcast_check(op: str, a: np.ndarray, b: np.ndarray) -> None:
    """Raise a ShapeError naming ``op`` when ``a`` and ``b`` cannot broadcast."""
    try:
        np.broadcast_shapes(a.shape, b.shape)
    except ValueError:
        raise ShapeError(
            key="error.ops.util.shapes_broadcast_together", op=op, shape=a.shape, shape2=b.shape
        ) from None


def normalize_axis(axis: Any, ndim: int, op: str) -> tuple[int, ...] | None:
    """Turn an int / tuple / None axis into a sorted tuple of non-negative axes (or None)."""
    if axis is None:
        return None
    from .. import validate

    if isinstance(axis, (list, tuple)):
        axes = tuple(axis)
    else:
        axes = (axis,)
    out = []
    for a in axes:
        a = validate.integer(a, "axis", op)
        if not -ndim <= a < max(ndim, 1):
            raise ShapeError(key="error.ops.util.axis_out_range", op=op, a=a, ndim=ndim)
        out.append(a % max(ndim, 1))
    return tuple(sorted(out))

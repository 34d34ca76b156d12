"""Shape operations: reshape, transpose, indexing, concatenate, stack.

None of these changes a value, so each backward only moves gradients back to where the values
came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ShapeError
from ..tensor import Function, Tensor
from ._util import to_tensor, unbroadcast


class Reshape(Function):
    """y = x viewed with a new shape;  dx = g reshaped back."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.new_shape = shape

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.shape = x.shape
        try:
            return x.reshape(self.new_shape)
        except ValueError:
            raise ShapeError(
                key="error.ops.shape.reshape_elements_into",
                shape=x.shape,
                size=x.size,
                new_shape=self.new_shape,
            ) from None

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g.reshape(self.shape)


class Transpose(Function):
    """y = x with axes permuted;  dx = g permuted by the inverse permutation."""

    def __init__(self, axes: tuple[int, ...] | None) -> None:
        self.axes = axes

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        axes = self.axes if self.axes is not None else tuple(range(x.ndim))[::-1]
        if sorted(int(a) % max(x.ndim, 1) for a in axes) != list(range(x.ndim)):
            raise ShapeError(key="error.ops.shape.axes_do_permute", axes=self.axes, ndim=x.ndim)
        self.perm = axes
        return xp.transpose(x, axes)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return xp.transpose(g, xp.argsort(self.perm))


def _is_basic_index(idx: Any) -> bool:
    items = idx if isinstance(idx, tuple) else (idx,)
    return all(isinstance(i, (int, np.integer, slice)) or i is None or i is Ellipsis for i in items)


class GetItem(Function):
    """y = x[index];  dx is zero except at the selected positions, which receive g.

    Positions selected twice (fancy indexing with repeats) receive the sum of their gradients.
    """

    def __init__(self, index: Any) -> None:
        self.index = index

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape, self.dtype = x.shape, x.dtype
        try:
            return xp.asarray(x[self.index])
        except IndexError as e:
            raise ShapeError(
                key="error.ops.shape.index_invalid_shape", index=self.index, shape=x.shape, e=e
            ) from None

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        gx = xp.zeros(self.shape, dtype=self.dtype)
        if _is_basic_index(self.index):
            gx[self.index] = g  # a basic index selects each element at most once
        else:
            xp.add.at(gx, self.index, g)
        return gx


class Concatenate(Function):
    """y = [x1, x2, ...] joined along ``axis``;  each dx_i is its slice of g."""

    def __init__(self, axis: int) -> None:
        self.axis = axis

    def forward(self, *xs: np.ndarray) -> np.ndarray:
        xp = array_module(*xs)
        try:
            out = xp.concatenate(xs, axis=self.axis)
        except (ValueError, np.exceptions.AxisError) as e:
            shapes = [x.shape for x in xs]
            raise ShapeError(
                key="error.ops.shape.join_shapes_axis", shapes=shapes, axis=self.axis, e=e
            ) from None
        self.splits = xp.cumsum([x.shape[self.axis] for x in xs])[:-1]
        return out

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, ...]:
        xp = array_module(g)
        return tuple(xp.split(g, self.splits, axis=self.axis))


class Stack(Function):
    """y = [x1, x2, ...] stacked on a new ``axis``;  each dx_i is g taken at index i."""

    def __init__(self, axis: int) -> None:
        self.axis = axis

    def forward(self, *xs: np.ndarray) -> np.ndarray:
        xp = array_module(*xs)
        try:
            return xp.stack(xs, axis=self.axis)
        except (ValueError, np.exceptions.AxisError) as e:
            shapes = [x.shape for x in xs]
            raise ShapeError(
                key="error.ops.shape.stack_shapes_axis", shapes=shapes, axis=self.axis, e=e
            ) from None

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, ...]:
        xp = array_module(g)
        return tuple(xp.moveaxis(g, self.axis, 0))


class BroadcastTo(Function):
    """y = x broadcast to ``shape``;  dx = g summed over the broadcast axes."""

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.target = shape

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape = x.shape
        try:
            return xp.broadcast_to(x, self.target)
        except ValueError:
            raise ShapeError(
                key="error.ops.shape.broadcast", shape=x.shape, target=self.target
            ) from None

    def backward(self, g: np.ndarray) -> np.ndarray:
        return unbroadcast(g, self.shape)


def reshape(x: Tensor, *shape: Any) -> Tensor:
    """View ``x`` with another shape (one dimension may be -1).

    Example:
        >>> reshape(Tensor([1.0, 2.0, 3.0, 4.0]), 2, 2).shape
        (2, 2)
    """
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    return Reshape.apply(x, shape=tuple(int(s) for s in shape))


def transpose(x: Tensor, *axes: Any) -> Tensor:
    """Permute axes (reverse them by default).  Example: ``transpose(t).shape`` of (2, 3) -> (3, 2)."""
    if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
        axes = tuple(axes[0])
    return Transpose.apply(x, axes=tuple(axes) if axes else None)


def flatten(x: Tensor, start_dim: int = 1) -> Tensor:
    """Merge all axes from ``start_dim`` on: (N, C, H, W) -> (N, C*H*W).

    Example:
        >>> flatten(Tensor(np.zeros((2, 3, 4)))).shape
        (2, 12)
    """
    return reshape(x, x.shape[:start_dim] + (-1,))


def getitem(x: Tensor, index: Any) -> Tensor:
    """``x[index]`` with gradient (basic slicing, integer and boolean arrays).

    Integers mixed with index arrays follow PyTorch, not NumPy: ``x[1, :, idx]`` keeps the
    dimension of ``idx`` where it is (see ``_split_mixed_index``).

    Example:
        >>> getitem(Tensor([1.0, 2.0, 3.0]), slice(1, None)).tolist()
        [2.0, 3.0]
    """
    if isinstance(index, Tensor):
        index = index.data
    elif isinstance(index, tuple):
        index = tuple(i.data if isinstance(i, Tensor) else i for i in index)
        split = _split_mixed_index(index)
        if split is not None:  # integers and arrays mixed: PyTorch's rule, in two steps
            return GetItem.apply(GetItem.apply(x, index=split[0]), index=split[1])
    return GetItem.apply(x, index=index)


def _is_array_index(i: Any) -> bool:
    return isinstance(i, (list, np.ndarray)) and not (isinstance(i, np.ndarray) and i.ndim == 0)


def _split_mixed_index(index: tuple) -> tuple[tuple, tuple] | None:
    """Mixed integer + array indexing the PyTorch way, as two NumPy indexings.

    ``x[1, :, idx, 0:2]``: NumPy counts the integer as an advanced index, and advanced indices
    separated by a slice put their dimension *first* (shape (len(idx), d1, 2)); PyTorch applies
    the integer first as a plain selection, so ``idx`` is the only advanced index and its
    dimension stays *in place* (shape (d1, len(idx), 2)). mitbadak follows PyTorch: step 1
    applies the integers, slices and ``None`` (arrays replaced by full slices), step 2 the
    arrays (the dropped integer axes removed, everything else a full slice).
    Returns ``None`` when the index does not mix the two kinds (NumPy and PyTorch agree).
    """
    has_int = any(isinstance(i, (int, np.integer)) and not isinstance(i, bool) for i in index)
    arrays = [i for i in index if _is_array_index(i)]
    if not has_int or not arrays:
        return None
    first: list[Any] = []
    second: list[Any] = []
    for i in index:
        if _is_array_index(i):
            a = np.asarray(i)
            first.extend([slice(None)] * (a.ndim if a.dtype == bool else 1))
            second.append(a)
        elif isinstance(i, (int, np.integer)):
            first.append(i)  # the axis disappears: nothing in step 2
        elif i is None:
            first.append(None)
            second.append(slice(None))
        elif i is Ellipsis:
            first.append(Ellipsis)
            second.append(Ellipsis)
        else:
            first.append(i)
            second.append(slice(None))
    return tuple(first), tuple(second)


def concatenate(tensors: Sequence[Any], axis: int = 0) -> Tensor:
    """Join tensors along an existing axis.

    Example:
        >>> concatenate([Tensor([1.0]), Tensor([2.0, 3.0])]).tolist()
        [1.0, 2.0, 3.0]
    """
    ts = [to_tensor(t) for t in tensors]
    if not ts:
        raise ShapeError(key="error.ops.shape.need_least_tensor")
    return Concatenate.apply(*ts, axis=axis)


def stack(tensors: Sequence[Any], axis: int = 0) -> Tensor:
    """Stack tensors of equal shape along a new axis.

    Example:
        >>> stack([Tensor([1.0, 2.0]), Tensor([3.0, 4.0])]).shape
        (2, 2)
    """
    ts = [to_tensor(t) for t in tensors]
    if not ts:
        raise ShapeError(key="error.ops.shape.stack.need_least_tensor")
    return Stack.apply(*ts, axis=axis)


def broadcast_to(x: Tensor, shape: tuple[int, ...]) -> Tensor:
    """Broadcast ``x`` to ``shape`` (gradient summed back).  Example: (3,) -> (2, 3)."""
    return BroadcastTo.apply(x, shape=tuple(shape))

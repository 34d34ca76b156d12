"""Selection by index or mask: gather, index_select, masked_fill, where, one_hot, embedding.

Backward rule of every gather-like op: dx is zero except at the positions that were read,
which receive the gradient of the outputs that read them (summed when read several times,
by ``np.add.at``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import DTypeError, LabelError, ShapeError
from ..tensor import Function, Tensor
from ._util import broadcast_check, to_tensor, unbroadcast
from .shape import getitem


def _int_index(index: Any, op: str) -> np.ndarray:
    xp = array_module(index)
    a = xp.asarray(index.data if isinstance(index, Tensor) else index)
    if a.dtype.kind not in "iu":
        raise DTypeError(key="error.ops.index.index_hold_integers", op=op, dtype=a.dtype)
    return a.astype(np.int64, copy=False)


def _dim(dim: int, ndim: int, op: str) -> int:
    if not -ndim <= int(dim) < max(ndim, 1):
        raise ShapeError(key="error.ops.index.dim_out_range", op=op, dim=dim, ndim=ndim)
    return int(dim) % max(ndim, 1)


class Gather(Function):
    """y[i, j, k] = x[i, index[i, j, k], k] (for dim = 1);
    dx[i, index[i, j, k], k] += g[i, j, k]."""

    def __init__(self, dim: int, index: np.ndarray) -> None:
        self.dim, self.index = dim, index

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape = x.shape
        grid = list(xp.indices(self.index.shape, sparse=True))
        grid[self.dim] = self.index
        self.where = tuple(grid)
        return x[self.where]

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        gx = xp.zeros(self.shape, dtype=g.dtype)
        xp.add.at(gx, self.where, g)
        return gx


def gather(x: Tensor, dim: int, index: Any) -> Tensor:
    """``torch.gather``: pick values along ``dim`` at ``index`` (same number of dims as x;
    every other dim of ``index`` at most x's size).

    Example:
        >>> gather(Tensor([[1.0, 2.0], [3.0, 4.0]]), 1, np.array([[1], [0]])).tolist()
        [[2.0], [3.0]]
    """
    idx = _int_index(index, "gather")
    d = _dim(dim, x.ndim, "gather")
    if idx.ndim != x.ndim or any(
        i != d and s > n for i, (s, n) in enumerate(zip(idx.shape, x.shape))
    ):
        raise ShapeError(
            key="error.ops.index.index_shape_does", shape=idx.shape, shape2=x.shape, dim=dim
        )
    n = x.shape[d]
    if idx.size and (idx.min() < -n or idx.max() >= n):
        raise ShapeError(key="error.ops.index.index_out_range", n=n, dim=dim)
    return Gather.apply(x, dim=d, index=idx % max(n, 1))


def index_select(x: Tensor, dim: int, index: Any) -> Tensor:
    """Rows (or columns, ...) ``index`` along ``dim``: ``x[..., index, ...]``, the gradient
    summed back into the selected positions (GetItem's backward).

    Example:
        >>> index_select(Tensor([[1.0, 2.0], [3.0, 4.0]]), 1, [1, 1]).tolist()
        [[2.0, 2.0], [4.0, 4.0]]
    """
    idx = _int_index(index, "index_select")
    if idx.ndim > 1:
        raise ShapeError(key="error.ops.index.index_d_shape", shape=idx.shape)
    d = _dim(dim, x.ndim, "index_select")
    return getitem(x, (slice(None),) * d + (idx.reshape(-1),))


class MaskedFill(Function):
    """y = value where mask else x;  dx = g where not mask (0 where the value was written)."""

    def __init__(self, mask: np.ndarray, value: float) -> None:
        self.mask, self.value = mask, value

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        broadcast_check("masked_fill", x, self.mask)
        if np.broadcast_shapes(x.shape, self.mask.shape) != x.shape:
            raise ShapeError(
                key="error.ops.index.mask_broadcast", shape=self.mask.shape, shape2=x.shape
            )
        return xp.where(self.mask, xp.asarray(self.value, dtype=x.dtype), x)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return xp.where(self.mask, xp.zeros((), g.dtype), g)


def _bool_mask(mask: Any, op: str) -> np.ndarray:
    xp = array_module(mask)
    m = xp.asarray(mask.data if isinstance(mask, Tensor) else mask)
    if m.dtype != bool:
        raise DTypeError(key="error.ops.index.mask_boolean_dtype", op=op, dtype=m.dtype)
    return m


def masked_fill(x: Tensor, mask: Any, value: float) -> Tensor:
    """Write ``value`` where ``mask`` (broadcast to x) is True.

    Example:
        >>> masked_fill(Tensor([1.0, 2.0]), np.array([True, False]), -1.0).tolist()
        [-1.0, 2.0]
    """
    value = value.item() if isinstance(value, Tensor) else value
    return MaskedFill.apply(x, mask=_bool_mask(mask, "masked_fill"), value=float(value))


class Where(Function):
    """y = a where cond else b (broadcast);  da = g * cond, db = g * (1 - cond), each summed
    back to its input's shape."""

    def __init__(self, cond: np.ndarray) -> None:
        self.cond = cond

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        xp = array_module(a, b)
        try:
            np.broadcast_shapes(self.cond.shape, a.shape, b.shape)
        except ValueError:
            raise ShapeError(
                key="error.ops.index.condition_x_y",
                shape=self.cond.shape,
                shape2=a.shape,
                shape3=b.shape,
            ) from None
        self.shapes = a.shape, b.shape
        return xp.where(self.cond, a, b)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        xp = array_module(g)
        zero = xp.zeros((), g.dtype)
        ga = gb = None
        if self.needs_input_grad[0]:
            ga = unbroadcast(xp.where(self.cond, g, zero), self.shapes[0])
        if self.needs_input_grad[1]:
            gb = unbroadcast(xp.where(self.cond, zero, g), self.shapes[1])
        return ga, gb


def where(condition: Any, x: Any = None, y: Any = None) -> Any:
    """``x`` where ``condition`` else ``y`` (broadcast; numbers allowed), differentiable in both.
    With only ``condition``: the indices of its True values, a tuple of int64 tensors.

    Example:
        >>> where(np.array([True, False]), Tensor([1.0, 2.0]), 0.0).tolist()
        [1.0, 0.0]
    """
    xp = array_module(condition, x, y)
    cond = _bool_mask(condition, "where")
    if x is None and y is None:
        return tuple(Tensor(i) for i in xp.nonzero(cond))
    if x is None or y is None:
        raise ShapeError(key="error.ops.index.give_both_x")
    a = to_tensor(x, y if isinstance(y, Tensor) else None)
    return Where.apply(a, to_tensor(y, a), cond=cond)


def one_hot(t: Any, num_classes: int = -1) -> Tensor:
    """int64 one-hot rows: shape ``t.shape + (num_classes,)`` (``-1``: max label + 1).
    No gradient (labels are not differentiable).

    Example:
        >>> one_hot(np.array([0, 2])).tolist()
        [[1, 0, 0], [0, 0, 1]]
    """
    xp = array_module(t)
    a = _int_index(t, "one_hot")
    n = int(a.max()) + 1 if num_classes == -1 and a.size else int(num_classes)
    if a.size and (a.min() < 0 or a.max() >= n):
        raise LabelError(key="error.ops.index.labels", n=n, min=a.min(), max=a.max())
    return Tensor((a[..., None] == xp.arange(n)).astype(np.int64))


class Embedding(Function):
    """y[..., :] = W[ids[...], :];  dW[r] = sum of g over the positions with ids == r
    (except the ``padding_idx`` row, which gets no gradient)."""

    def __init__(self, ids: np.ndarray, padding_idx: int | None) -> None:
        self.ids, self.padding_idx = ids, padding_idx

    def forward(self, w: np.ndarray) -> np.ndarray:
        self.shape = w.shape
        return w[self.ids]

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        gw = xp.zeros(self.shape, dtype=g.dtype)
        xp.add.at(gw, self.ids.reshape(-1), g.reshape(-1, self.shape[1]))
        if self.padding_idx is not None:
            gw[self.padding_idx] = 0
        return gw


def embedding(input: Any, weight: Tensor, padding_idx: int | None = None) -> Tensor:
    """Look up rows of ``weight`` (num_embeddings, dim) for integer ``input`` of any shape.

    Example:
        >>> w = Tensor(np.arange(6.0).reshape(3, 2))
        >>> embedding(np.array([[2, 0]]), w).tolist()
        [[[4.0, 5.0], [0.0, 1.0]]]
    """
    ids = _int_index(input, "embedding")
    if weight.ndim != 2:
        raise ShapeError(key="error.ops.index.weight_num_embeddings_dim", shape=weight.shape)
    n = weight.shape[0]
    if ids.size and (ids.min() < 0 or ids.max() >= n):
        raise LabelError(key="error.ops.index.ids", n=n, min=ids.min(), max=ids.max())
    if padding_idx is not None:
        padding_idx = int(padding_idx) % n
    return Embedding.apply(weight, ids=ids, padding_idx=padding_idx)


__all__ = ["embedding", "gather", "index_select", "masked_fill", "one_hot", "where"]

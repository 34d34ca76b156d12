"""More shape operations, with PyTorch's names: squeeze, unsqueeze, permute, movedim, flip,
roll, repeat/tile, expand, chunk, split, tril/triu and pad (negative padding crops).

No value changes, so each backward moves (or sums) the gradient back to where the values came
from. Ops that are an existing op in disguise (squeeze = reshape, permute = transpose, expand =
broadcast_to, chunk/split = slices) say so and inherit that op's backward.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from ._util import normalize_axis
from .shape import broadcast_to, getitem, reshape, transpose


def _dims(args: tuple[Any, ...]) -> tuple[int, ...]:
    """``f(x, 1, 2)`` and ``f(x, (1, 2))`` both give (1, 2)."""
    if len(args) == 1 and isinstance(args[0], (Sequence, np.ndarray)):
        return tuple(int(a) for a in args[0])
    return tuple(int(a) for a in args)


def _dim(dim: int, ndim: int, op: str) -> int:
    if not -ndim <= int(dim) < max(ndim, 1):
        raise ShapeError(key="error.ops.layout.dim_out_range", op=op, dim=dim, ndim=ndim)
    return int(dim) % max(ndim, 1)


def squeeze(x: Tensor, dim: Any = None) -> Tensor:
    """Drop axes of size 1 (all of them, or those of ``dim`` that have size 1, like PyTorch:
    a ``dim`` of another size is left alone). A reshape, so dx = g reshaped back.

    Example:
        >>> squeeze(Tensor(np.zeros((2, 1, 3, 1)))).shape, squeeze(Tensor(np.zeros((2, 1))), 0).shape
        ((2, 3), (2, 1))
    """
    if dim is None:
        axes = {i for i, n in enumerate(x.shape) if n == 1}
    else:
        axes = set(normalize_axis(dim, x.ndim, "squeeze") or ())
        axes = {a for a in axes if x.shape[a] == 1}
    return reshape(x, tuple(n for i, n in enumerate(x.shape) if i not in axes))


def unsqueeze(x: Tensor, dim: int) -> Tensor:
    """Insert an axis of size 1 at ``dim`` (negative counts from the end of the *result*).

    Example:
        >>> unsqueeze(Tensor(np.zeros((2, 3))), -1).shape
        (2, 3, 1)
    """
    nd = x.ndim + 1
    d = _dim(dim, nd, "unsqueeze")
    return reshape(x, x.shape[:d] + (1,) + x.shape[d:])


def flatten_dims(x: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:
    """Merge axes ``start_dim`` .. ``end_dim`` (inclusive) into one, as ``torch.flatten``
    (``Tensor.flatten`` uses this: by default every axis).

    Example:
        >>> flatten_dims(Tensor(np.zeros((2, 3, 4, 5))), 1, 2).shape
        (2, 12, 5)
    """
    if x.ndim == 0:
        return reshape(x, (1,))
    s, e = _dim(start_dim, x.ndim, "flatten"), _dim(end_dim, x.ndim, "flatten")
    if s > e:
        raise ShapeError(
            key="error.ops.layout.start_dim_comes_after", start_dim=start_dim, end_dim=end_dim
        )
    merged = int(np.prod(x.shape[s : e + 1]))
    return reshape(x, x.shape[:s] + (merged,) + x.shape[e + 1 :])


def permute(x: Tensor, *dims: Any) -> Tensor:
    """Reorder the axes (``transpose`` with explicit axes; dx = g in the inverse order).

    Example:
        >>> permute(Tensor(np.zeros((2, 3, 4))), 2, 0, 1).shape
        (4, 2, 3)
    """
    d = _dims(dims)
    if len(d) != x.ndim:
        raise ShapeError(key="error.ops.layout.dims_given_tensor", n_d=len(d), ndim=x.ndim)
    return transpose(x, tuple(_dim(a, x.ndim, "permute") for a in d))


def movedim(x: Tensor, source: Any, destination: Any) -> Tensor:
    """Move axes ``source`` to positions ``destination`` (the others keep their order).

    Example:
        >>> movedim(Tensor(np.zeros((2, 3, 4))), 0, -1).shape
        (3, 4, 2)
    """
    src = (source,) if isinstance(source, (int, np.integer)) else tuple(source)
    dst = (destination,) if isinstance(destination, (int, np.integer)) else tuple(destination)
    if len(src) != len(dst):
        raise ShapeError(key="error.ops.layout.source_dims_but", n_src=len(src), n_dst=len(dst))
    src = tuple(_dim(a, x.ndim, "movedim") for a in src)
    dst = tuple(_dim(a, x.ndim, "movedim") for a in dst)
    if len(set(src)) != len(src) or len(set(dst)) != len(dst):
        raise ShapeError(
            key="error.ops.layout.repeated_dims", source=source, destination=destination
        )
    perm: list[int | None] = [None] * x.ndim
    for s, d in zip(src, dst):
        perm[d] = s
    rest = iter(a for a in range(x.ndim) if a not in src)
    return transpose(x, tuple(p if p is not None else next(rest) for p in perm))


class Flip(Function):
    """y = x reversed along ``axes``;  dx = g reversed along the same axes."""

    def __init__(self, axes: tuple[int, ...]) -> None:
        self.axes = axes

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        return xp.flip(x, self.axes)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return xp.flip(g, self.axes)


def flip(x: Tensor, dims: Any) -> Tensor:
    """Reverse the order of the values along ``dims``.

    Example:
        >>> flip(Tensor([1.0, 2.0, 3.0]), 0).tolist()
        [3.0, 2.0, 1.0]
    """
    return Flip.apply(x, axes=normalize_axis(dims, x.ndim, "flip"))


class Roll(Function):
    """y = x shifted cyclically by ``shifts`` along ``axes``;  dx = g shifted back (-shifts)."""

    def __init__(self, shifts: Any, axes: Any) -> None:
        self.shifts, self.axes = shifts, axes

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        return xp.roll(x, self.shifts, self.axes)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        back = tuple(-s for s in self.shifts) if isinstance(self.shifts, tuple) else -self.shifts
        return xp.roll(g, back, self.axes)


def roll(x: Tensor, shifts: Any, dims: Any = None) -> Tensor:
    """Shift values cyclically (``dims=None``: over the flattened tensor, then reshaped).

    Example:
        >>> roll(Tensor([1.0, 2.0, 3.0]), 1).tolist()
        [3.0, 1.0, 2.0]
    """
    if dims is None:
        return Roll.apply(x, shifts=int(shifts), axes=None)
    if isinstance(dims, (int, np.integer)):
        return Roll.apply(x, shifts=int(shifts), axes=_dim(dims, x.ndim, "roll"))
    axes = tuple(_dim(d, x.ndim, "roll") for d in dims)
    sh = tuple(int(s) for s in shifts)
    if len(sh) != len(axes):
        raise ShapeError(key="error.ops.layout.shifts_dims", n_sh=len(sh), n_axes=len(axes))
    return Roll.apply(x, shifts=sh, axes=axes)


class Tile(Function):
    """y = x repeated ``reps[d]`` times along each axis d (``np.tile``);
    dx = g summed over the copies: g viewed as (r0, n0, r1, n1, ...) summed over the r axes."""

    def __init__(self, reps: tuple[int, ...]) -> None:
        self.reps = reps

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape = x.shape
        return xp.tile(x, self.reps)

    def backward(self, g: np.ndarray) -> np.ndarray:
        shape = (1,) * (len(self.reps) - len(self.shape)) + self.shape
        split = [v for r, n in zip(self.reps, shape) for v in (r, n)]
        gx = g.reshape(split).sum(axis=tuple(range(0, len(split), 2)))
        return gx.reshape(self.shape)


def repeat(x: Tensor, *sizes: Any) -> Tensor:
    """PyTorch's ``Tensor.repeat``: repeat the whole tensor ``sizes[d]`` times along axis d
    (at least as many sizes as axes; extra ones add leading axes).

    Example:
        >>> repeat(Tensor([1.0, 2.0]), 2, 2).tolist()
        [[1.0, 2.0, 1.0, 2.0], [1.0, 2.0, 1.0, 2.0]]
    """
    reps = _dims(sizes)
    if len(reps) < x.ndim:
        raise ShapeError(key="error.ops.layout.repeat_counts_tensor", n_reps=len(reps), ndim=x.ndim)
    if min(reps, default=1) < 0:
        raise ShapeError(key="error.ops.layout.counts", reps=reps)
    return Tile.apply(x, reps=reps)


def tile(x: Tensor, dims: Any) -> Tensor:
    """``torch.tile``: like :func:`repeat`, but fewer counts than axes are padded with ones
    at the front.

    Example:
        >>> tile(Tensor(np.zeros((2, 3))), (2,)).shape
        (2, 6)
    """
    reps = _dims((dims,)) if not isinstance(dims, (int, np.integer)) else (int(dims),)
    reps = (1,) * (x.ndim - len(reps)) + reps
    return Tile.apply(x, reps=reps)


def expand(x: Tensor, *sizes: Any) -> Tensor:
    """Broadcast to ``sizes`` (-1 keeps an axis); ``broadcast_to``, so dx = g summed back.

    Example:
        >>> expand(Tensor(np.zeros((3, 1))), -1, 4).shape
        (3, 4)
    """
    target = _dims(sizes)
    if len(target) < x.ndim:
        raise ShapeError(
            key="error.ops.layout.sizes_tensor_dims", n_target=len(target), ndim=x.ndim
        )
    lead = len(target) - x.ndim
    shape = tuple(x.shape[i - lead] if (s == -1 and i >= lead) else s for i, s in enumerate(target))
    if any(s < 0 for s in shape):
        raise ShapeError(key="error.ops.layout.only_allowed_existing", target=target)
    return broadcast_to(x, shape)


def split(x: Tensor, split_size_or_sections: Any, dim: int = 0) -> tuple[Tensor, ...]:
    """Cut into pieces along ``dim``: of ``split_size`` each (the last may be smaller), or of
    the listed sizes. Each piece is a slice, so its gradient lands in its part of dx.

    Example:
        >>> [p.shape for p in split(Tensor(np.zeros((5, 2))), 2)]
        [(2, 2), (2, 2), (1, 2)]
    """
    d = _dim(dim, x.ndim, "split")
    n = x.shape[d]
    if isinstance(split_size_or_sections, (int, np.integer)):
        size = int(split_size_or_sections)
        if size < 1:
            raise ConfigError(key="error.ops.layout.split_size", size=size)
        sizes = [min(size, n - s) for s in range(0, n, size)] or [0]
    else:
        sizes = [int(s) for s in split_size_or_sections]
        if sum(sizes) != n:
            raise ShapeError(key="error.ops.layout.sections_do_add", sizes=sizes, dim=dim, n=n)
    out, start = [], 0
    for s in sizes:
        out.append(getitem(x, (slice(None),) * d + (slice(start, start + s),)))
        start += s
    return tuple(out)


def chunk(x: Tensor, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
    """Cut into ``chunks`` pieces of ceil(n / chunks) along ``dim`` (fewer when they run out),
    as ``torch.chunk``.

    Example:
        >>> [p.shape[0] for p in chunk(Tensor(np.zeros(5)), 3)]
        [2, 2, 1]
    """
    if int(chunks) < 1:
        raise ConfigError(key="error.ops.layout.chunks", chunks=chunks)
    n = x.shape[_dim(dim, x.ndim, "chunk")]
    return split(x, max(-(-n // int(chunks)), 1), dim)


class _TriMask(Function):
    """y = x * M with M the lower (or upper) triangle mask of the last two axes;  dx = g * M."""

    def __init__(self, diagonal: int, upper: bool) -> None:
        self.diagonal, self.upper = diagonal, upper

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        if x.ndim < 2:
            op = "triu" if self.upper else "tril"
            raise ShapeError(key="error.ops.layout.tensor_least_dims", op=op, shape=x.shape)
        fn = xp.triu if self.upper else xp.tril
        self.mask = fn(xp.ones(x.shape[-2:], dtype=bool), self.diagonal)
        return xp.where(self.mask, x, xp.zeros((), x.dtype))

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return xp.where(self.mask, g, xp.zeros((), g.dtype))


def tril(x: Tensor, diagonal: int = 0) -> Tensor:
    """Keep the lower triangle (j <= i + diagonal) of the last two axes, zero the rest.

    Example:
        >>> tril(Tensor(np.ones((2, 2)))).tolist()
        [[1.0, 0.0], [1.0, 1.0]]
    """
    return _TriMask.apply(x, diagonal=int(diagonal), upper=False)


def triu(x: Tensor, diagonal: int = 0) -> Tensor:
    """Keep the upper triangle (j >= i + diagonal) of the last two axes, zero the rest.

    Example:
        >>> triu(Tensor(np.ones((2, 2)))).tolist()
        [[1.0, 1.0], [0.0, 1.0]]
    """
    return _TriMask.apply(x, diagonal=int(diagonal), upper=True)


class Pad(Function):
    """Constant padding with a (before, after) pair per axis; negative amounts crop.

    Forward: crop the negative parts (a slice), then pad the positive ones with ``value``.
    Backward: dx = g with the padded borders cut off, then zeros where x was cropped (the
    cropped values did not reach the output).
    """

    def __init__(self, pads: tuple[tuple[int, int], ...], value: float) -> None:
        self.pads, self.value = pads, value

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.shape = x.shape
        crop = tuple(slice(max(-b, 0), n - max(-a, 0)) for (b, a), n in zip(self.pads, x.shape))
        grow = tuple((max(b, 0), max(a, 0)) for b, a in self.pads)
        return xp.pad(x[crop], grow, constant_values=self.value)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        cut = tuple(slice(max(b, 0), n - max(a, 0)) for (b, a), n in zip(self.pads, g.shape))
        back = tuple((max(-b, 0), max(-a, 0)) for b, a in self.pads)
        return xp.pad(g[cut], back)


def pad(x: Tensor, pad: Sequence[int], mode: str = "constant", value: float = 0.0) -> Tensor:
    """``torch.nn.functional.pad``: ``pad`` lists (before, after) amounts from the *last* axis
    backwards, ``(left, right, top, bottom, ...)``; negative amounts crop.

    Example:
        >>> pad(Tensor(np.ones((2, 3))), (1, -1)).tolist()
        [[0.0, 1.0, 1.0], [0.0, 1.0, 1.0]]
    """
    if mode != "constant":
        raise ConfigError(key="error.ops.layout.only_mode_constant", mode=mode)
    p = [int(v) for v in pad]
    if len(p) % 2 or len(p) // 2 > x.ndim:
        raise ShapeError(key="error.ops.layout.even_number_amounts", most=2 * x.ndim, p=p)
    pairs = [(0, 0)] * x.ndim
    for k in range(len(p) // 2):
        pairs[x.ndim - 1 - k] = (p[2 * k], p[2 * k + 1])
    for (b, a), n in zip(pairs, x.shape):
        if n + b + a < 0 or max(-b, 0) + max(-a, 0) > n:
            raise ShapeError(key="error.ops.layout.amounts_crop_more", p=p, shape=x.shape)
    return Pad.apply(x, pads=tuple(pairs), value=float(value))


__all__ = [
    "chunk",
    "expand",
    "flatten_dims",
    "flip",
    "movedim",
    "pad",
    "permute",
    "repeat",
    "roll",
    "split",
    "squeeze",
    "tile",
    "tril",
    "triu",
    "unsqueeze",
]

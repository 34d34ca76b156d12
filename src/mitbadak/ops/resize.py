"""Resizing (upsampling / downsampling) by interpolation: nearest and (bi)linear.

Both modes are linear maps along each spatial axis, so resizing is two matrix products::

    y = A_h @ x @ A_w^T        (x: (..., H, W), A_h: (OH, H), A_w: (OW, W))

and the backward of a product by a constant matrix is the product by its transpose::

    dx = A_h^T @ G @ A_w

Row o of A holds the interpolation weights of output o, PyTorch's source coordinates:

* nearest: src = floor(o * scale), scale = in / out (or 1 / scale_factor when given);
  A[o, src] = 1;
* linear, ``align_corners=False``: src = max((o + 0.5) * scale - 0.5, 0); with i0 = floor(src),
  i1 = min(i0 + 1, in - 1) and l = src - i0: A[o, i0] += 1 - l, A[o, i1] += l;
* linear, ``align_corners=True``: src = o * (in - 1) / (out - 1) (0 when out = 1), same weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor

_MODES = ("nearest", "linear", "bilinear")


def interp_matrix(
    n_in: int, n_out: int, mode: str, align_corners: bool, scale: float | None, dtype: Any
) -> np.ndarray:
    """The (n_out, n_in) interpolation matrix of one axis (see the module docstring).

    Example:
        >>> interp_matrix(2, 4, "nearest", False, None, np.float64).tolist()
        [[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]
    """
    xp = array_module(dtype)
    o = xp.arange(n_out, dtype=np.float64)
    a = xp.zeros((n_out, n_in), dtype=np.float64)
    if mode == "nearest":
        sc = n_in / n_out if scale is None else 1.0 / scale
        src = xp.minimum(xp.floor(o * sc).astype(np.int64), n_in - 1)
        a[xp.arange(n_out), src] = 1.0
        return a.astype(dtype)
    if align_corners:
        src = o * ((n_in - 1) / (n_out - 1)) if n_out > 1 else xp.zeros(n_out)
    else:
        sc = n_in / n_out if scale is None else 1.0 / scale
        src = xp.maximum((o + 0.5) * sc - 0.5, 0.0)
    i0 = xp.minimum(xp.floor(src).astype(np.int64), n_in - 1)
    i1 = xp.minimum(i0 + 1, n_in - 1)
    lam = src - i0
    rows = xp.arange(n_out)
    xp.add.at(a, (rows, i0), 1 - lam)
    xp.add.at(a, (rows, i1), lam)
    return a.astype(dtype)


class Resize(Function):
    """y = A_h x A_w^T on the last two axes (A_h = None for 1-D signals);
    dx = A_h^T g A_w."""

    def __init__(self, ah: np.ndarray | None, aw: np.ndarray) -> None:
        self.ah, self.aw = ah, aw

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        y = x @ self.aw.T
        return xp.matmul(self.ah, y) if self.ah is not None else y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        if self.ah is not None:
            g = xp.matmul(self.ah.T, g)
        return g @ self.aw


def interpolate(
    x: Tensor,
    size: Any = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
) -> Tensor:
    """Resize (N, C, L) or (N, C, H, W) like ``F.interpolate`` (modes ``"nearest"``,
    ``"linear"`` for 3-D and ``"bilinear"`` for 4-D inputs).

    Example:
        >>> x = Tensor(np.array([[[[1.0, 2.0], [3.0, 4.0]]]]))
        >>> interpolate(x, scale_factor=2).data[0, 0, 0].tolist()
        [1.0, 1.0, 2.0, 2.0]
        >>> interpolate(x, size=(3, 3), mode="bilinear", align_corners=True).data[0, 0, 1].tolist()
        [2.0, 2.5, 3.0]
    """
    xp = array_module(x, size, scale_factor)
    if mode not in _MODES:
        raise ConfigError(key="error.ops.resize.mode", modes=_MODES, mode=mode)
    if x.ndim not in (3, 4):
        raise ShapeError(key="error.ops.resize.d_d_input", shape=x.shape)
    spatial = x.ndim - 2
    if mode != "nearest" and (mode == "bilinear") != (spatial == 2):
        raise ConfigError(key="error.ops.resize.mode_does_fit", mode=mode, ndim=x.ndim)
    if mode == "nearest" and align_corners is not None:
        raise ConfigError(key="error.ops.resize.align_corners_only_linear")
    if (size is None) == (scale_factor is None):
        raise ConfigError(key="error.ops.resize.give_exactly_size")
    in_sz = x.shape[2:]
    if size is not None:
        out = (size,) * spatial if isinstance(size, (int, np.integer)) else tuple(size)
        scales: Sequence[float | None] = (None,) * spatial
    else:
        sf = (scale_factor,) * spatial if np.isscalar(scale_factor) else tuple(scale_factor)
        out = tuple(int(xp.floor(n * float(f))) for n, f in zip(in_sz, sf))
        scales = tuple(float(f) for f in sf)
    if len(out) != spatial or min(out) < 1:
        raise ShapeError(key="error.ops.resize.output_size_does", out=out, shape=x.shape)
    ac = bool(align_corners)
    mats = [interp_matrix(n, o, mode, ac, s, x.dtype) for n, o, s in zip(in_sz, out, scales)]
    return Resize.apply(x, ah=mats[0] if spatial == 2 else None, aw=mats[-1])


__all__ = ["interp_matrix", "interpolate"]

"""2-D max and average pooling over channels-first ``(N, C, H, W)`` batches.

With the window (kh, kw), stride s and the padded input ``xp``, every output is one window::

    max:      y[n, c, p, q] = max_{i, j}  xp[n, c, p*s + i, q*s + j]
    average:  y[n, c, p, q] = (1 / count) * sum_{i, j} xp[n, c, p*s + i, q*s + j]

Backward, for G = dL/dy:

* max: the whole G[n, c, p, q] goes to the *first* position of the window holding the maximum
  (row-major order, as PyTorch's ``max_pool2d``), the others get 0;
* average: each of the window's positions gets G[n, c, p, q] / count.

Both run as a loop over the kh*kw window offsets, each a strided view of the whole batch (no
loop over positions). Max pooling remembers, per output, the offset index of its arg-max
(a ``uint8`` array), so backward is one masked copy per offset.

Padding: ``"valid"`` (none) or ``"same"`` (Keras: ceil(H / s) outputs, asymmetric when needed);
padded positions never win a max and are not counted in an average, as in Keras. An int or pair
pads symmetrically like PyTorch's ``padding=`` (max: -inf; average: zeros that *are* counted,
PyTorch's default ``count_include_pad=True``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from .conv import Pad4, check_window, pair, resolve_padding, window
from .kernel_mode import reference_kernels


def _pad(x: np.ndarray, pad: Pad4, value: float) -> np.ndarray:
    xnp = array_module(x, pad)
    if not any(pad):
        return x
    t, b, left, r = pad
    n, c, h, w = x.shape
    xp = xnp.full((n, c, h + t + b, w + left + r), value, dtype=x.dtype)
    xp[:, :, t : t + h, left : left + w] = x
    return xp


def _zeros(shape: tuple[int, ...], dtype: Any, like: np.ndarray, fill: bool = True) -> np.ndarray:
    """Zeros (or, with ``fill=False``, an uninitialized array) of ``shape`` in the memory layout
    of ``like``: channels-last stays channels-last, so the strided writes of backward and the
    next op's reads stay contiguous."""
    make = array_module(like).zeros if fill else array_module(like).empty
    if like.ndim == 4 and like.strides[1] < like.strides[3]:
        return make((shape[0], shape[2], shape[3], shape[1]), dtype).transpose(0, 3, 1, 2)
    return make(shape, dtype)


def _channels_last(a: np.ndarray) -> bool:
    return a.ndim == 4 and a.strides[1] < a.strides[3]


def _match_layout(g: np.ndarray, like: np.ndarray) -> np.ndarray:
    """``g`` in the memory layout (NCHW or channels-last) of ``like``: one copy when they
    differ, because element-wise ops mixing the two layouts run several times slower."""
    if _channels_last(g) == _channels_last(like):
        return g
    out = _zeros(g.shape, g.dtype, like, fill=False)
    out[...] = g
    return out


class _Pool(Function):
    def __init__(
        self, kernel: tuple[int, int], stride: tuple[int, int], pad: Pad4, out_hw: tuple[int, int]
    ) -> None:
        self.kernel, self.stride, self.pad, self.out_hw = kernel, stride, pad, out_hw

    def views(self, xp: np.ndarray) -> list[np.ndarray]:
        """The kh*kw strided views ``xp[:, :, i::s, j::s]`` (cut to OH x OW), row-major order."""
        (kh, kw), (sh, sw), (oh, ow) = self.kernel, self.stride, self.out_hw
        return [
            xp[:, :, window(i, oh, sh), window(j, ow, sw)] for i in range(kh) for j in range(kw)
        ]

    def grad_input(self, dxp: np.ndarray) -> np.ndarray:
        t, _, left, _ = self.pad
        h, w = self.x_shape[2:]
        return dxp[:, :, t : t + h, left : left + w]

    @property
    def overlapping(self) -> bool:
        return self.stride[0] < self.kernel[0] or self.stride[1] < self.kernel[1]

    @property
    def tiling(self) -> bool:
        """The windows cover every input position exactly once (e.g. 2x2, stride 2, even
        sizes, no padding): backward then writes every position and needs no zero fill."""
        h, w = self.x_shape[2:]
        return (
            self.stride == self.kernel
            and not any(self.pad)
            and self.out_hw == (h // self.kernel[0], w // self.kernel[1])
            and h % self.kernel[0] == 0
            and w % self.kernel[1] == 0
        )


class MaxPool2d(_Pool):
    """y = max over each window; dx routes G to the window's first arg-max.

    Example (through :func:`max_pool2d`):
        >>> MaxPool2d.apply(Tensor(np.arange(4.0).reshape(1, 1, 2, 2)), kernel=(2, 2),
        ...                 stride=(2, 2), pad=(0, 0, 0, 0), out_hw=(1, 1)).item()
        3.0
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        xnp = array_module(x)
        self.x_shape, self.dtype = x.shape, x.dtype
        xp = _pad(x, self.pad, -np.inf)
        self.xp_like = xp[:1, :1]  # remembers the memory layout (NCHW or channels-last)
        views = self.views(xp)
        if not self.recording and len(views) > 1:  # inference: the max alone, no arg-max
            y = xnp.maximum(views[0], views[1])  # (order K: channels-last stays channels-last)
            for v in views[2:]:
                xnp.maximum(y, v, out=y)
            return y
        y = xnp.copy(views[0], order="K")  # keeps a channels-last input channels-last
        arg = xnp.zeros_like(y, dtype=np.uint8 if len(views) < 256 else np.int32)
        for k in range(1, len(views)):
            v = views[k]
            # arg = k where v beats the running max (strictly: the first maximum wins ties).
            # Branch-free: arg only grows, so arg = max(arg, k * [v > y]).
            xnp.maximum(arg, xnp.multiply(v > y, k, dtype=arg.dtype), out=arg)
            xnp.maximum(y, v, out=y)
        self.arg = arg
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        t, b, left, r = self.pad
        n, c, h, w = self.x_shape
        dxp = _zeros((n, c, h + t + b, w + left + r), g.dtype, self.xp_like, not self.tiling)
        g = _match_layout(g, self.arg)
        overlap = self.overlapping
        for k, view in enumerate(self.views(dxp)):
            hit = self.arg == k
            if overlap:  # a position can win in several windows: add
                view += g * hit
            else:  # each input position is in one window at most: write g * [arg == k]
                xp.multiply(g, hit, out=view)
        return self.grad_input(dxp)


class AvgPool2d(_Pool):
    """y = mean over each window; dx gives every window position G / count.

    Example (through :func:`avg_pool2d`):
        >>> AvgPool2d.apply(Tensor(np.arange(4.0).reshape(1, 1, 2, 2)), kernel=(2, 2),
        ...                 stride=(2, 2), pad=(0, 0, 0, 0), out_hw=(1, 1)).item()
        1.5
    """

    def __init__(self, *args: Any, count_include_pad: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.count_include_pad = count_include_pad

    def forward(self, x: np.ndarray) -> np.ndarray:
        xnp = array_module(x)
        self.x_shape = x.shape
        xp = _pad(x, self.pad, 0.0)
        self.xp_like = xp[:1, :1]
        views = self.views(xp)
        y = xnp.copy(views[0], order="K")
        for v in views[1:]:
            y += v
        if self.count_include_pad or not any(self.pad):
            self.scale: Any = 1.0 / len(views)
        else:  # count the real (unpadded) positions of each window
            ones = _pad(xnp.ones((1, 1) + x.shape[2:], dtype=x.dtype), self.pad, 0.0)
            count = sum(self.views(ones))
            self.scale = (1.0 / count).astype(x.dtype)
        y *= self.scale
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        t, b, left, r = self.pad
        n, c, h, w = self.x_shape
        dxp = _zeros((n, c, h + t + b, w + left + r), g.dtype, self.xp_like)
        gs = _match_layout(g, self.xp_like) * self.scale
        for view in self.views(dxp):
            view += gs
        return self.grad_input(dxp)


def _pool(
    cls: type[Function],
    x: Tensor,
    pool_size: Any,
    strides: Any,
    padding: Any,
    name: str,
    **kwargs: Any,
) -> Tensor:
    if x.ndim != 4:
        raise ShapeError(key="error.ops.pool.input_shape_batch", name=name, shape=x.shape)
    kernel = pair(pool_size, "pool_size", name)
    stride = kernel if strides is None else pair(strides, "strides", name)
    if min(kernel) < 1 or min(stride) < 1:
        raise ConfigError(
            key="error.ops.pool.pool_size_strides", name=name, kernel=kernel, stride=stride
        )
    pad = resolve_padding(padding, x.shape[2:], kernel, stride, (1, 1), name)
    if not isinstance(padding, str) and (
        2 * max(pad[0], pad[1]) > kernel[0] or 2 * max(pad[2], pad[3]) > kernel[1]
    ):
        raise ConfigError(
            key="error.ops.pool.padding_most_half", name=name, padding=padding, kernel=kernel
        )
    out_hw = check_window(x.shape, kernel, stride, (1, 1), pad, name)
    if reference_kernels():  # the formula itself, as a loop over windows (issue 15)
        from .reference import RefAvgPool2d, RefMaxPool2d

        cls = {MaxPool2d: RefMaxPool2d, AvgPool2d: RefAvgPool2d}[cls]
    return cls.apply(x, kernel=kernel, stride=stride, pad=pad, out_hw=out_hw, **kwargs)


def max_pool2d(
    x: Tensor,
    pool_size: int | tuple[int, int] = 2,
    strides: int | tuple[int, int] | None = None,
    padding: Any = "valid",
    *,
    dilation: int | tuple[int, int] = 1,
    ceil_mode: bool = False,
    name: str = "max_pool2d",
) -> Tensor:
    """Max pooling of (N, C, H, W); ``strides`` defaults to ``pool_size``.

    ``padding``: ``"valid"``, ``"same"`` (Keras), or an int / pair (PyTorch, at most half the
    window). The output size is floored, like PyTorch's ``F.max_pool2d``; PyTorch's
    ``dilation`` and ``ceil_mode`` (int padding only) go through
    :func:`mitbadak.ops.pool_variants.max_pool2d_ext`.

    Example:
        >>> x = Tensor(np.arange(16.0).reshape(1, 1, 4, 4))
        >>> max_pool2d(x, 2).data[0, 0].tolist()
        [[5.0, 7.0], [13.0, 15.0]]
    """
    if dilation != 1 or ceil_mode:  # PyTorch's options: another class, same kernels
        from .pool_variants import max_pool2d_ext

        pad = 0 if padding == "valid" else padding
        return max_pool2d_ext(x, pool_size, strides, pad, dilation, ceil_mode, name=name)
    return _pool(MaxPool2d, x, pool_size, strides, padding, name)


def avg_pool2d(
    x: Tensor,
    pool_size: int | tuple[int, int] = 2,
    strides: int | tuple[int, int] | None = None,
    padding: Any = "valid",
    *,
    ceil_mode: bool = False,
    count_include_pad: bool | None = None,
    name: str = "avg_pool2d",
) -> Tensor:
    """Average pooling of (N, C, H, W); ``strides`` defaults to ``pool_size``.

    With ``"same"`` padding the padded positions are not counted (Keras); with int padding they
    are (PyTorch's ``count_include_pad=True``). PyTorch's ``ceil_mode`` and an explicit
    ``count_include_pad`` go through :func:`mitbadak.ops.pool_variants.avg_pool2d_ext`.

    Example:
        >>> x = Tensor(np.arange(16.0).reshape(1, 1, 4, 4))
        >>> avg_pool2d(x, 2).data[0, 0].tolist()
        [[2.5, 4.5], [10.5, 12.5]]
    """
    if ceil_mode or count_include_pad is not None:  # PyTorch's options (see pool_variants)
        from .pool_variants import avg_pool2d_ext

        pad = 0 if padding == "valid" else padding
        include = True if count_include_pad is None else bool(count_include_pad)
        return avg_pool2d_ext(x, pool_size, strides, pad, ceil_mode, include, name=name)
    include = not isinstance(padding, str)
    return _pool(AvgPool2d, x, pool_size, strides, padding, name, count_include_pad=include)


__all__ = ["AvgPool2d", "MaxPool2d", "avg_pool2d", "max_pool2d"]

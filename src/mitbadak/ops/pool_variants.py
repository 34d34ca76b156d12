"""PyTorch's pooling options on top of :mod:`mitbadak.ops.pool`: ``dilation`` and
``ceil_mode`` for max pooling, ``ceil_mode`` and ``count_include_pad`` for average pooling.

The default path of ``max_pool2d`` / ``avg_pool2d`` is untouched: these classes are used only
when an option is not its default. They reuse the same kernels (one strided view of the whole
batch per window offset) with:

* dilation d: the window offset (i, j) reads ``xp[:, :, p*s + i*d, q*s + j*d]``;
* ceil_mode: out = ceil((H + 2p - d(k - 1) - 1) / s) + 1, minus 1 if the last window would
  start beyond the input and its left padding (PyTorch's rule); the input is padded at the
  bottom/right with -inf (max) or 0 (average) so the last window fits;
* average divisor: per output, the number of window positions inside the input plus, with
  ``count_include_pad``, those in the symmetric padding (never the ceil-mode extra);
  ``y = sum / count`` and ``dx = G / count`` at each position of the window.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Tensor
from .conv import pair, window
from .pool import AvgPool2d, MaxPool2d


class DilatedMaxPool2d(MaxPool2d):
    """Max pooling whose window taps are ``dilation`` apart (backward as ``MaxPool2d``).

    Example:
        >>> DilatedMaxPool2d.apply(Tensor(np.arange(9.0).reshape(1, 1, 3, 3)), kernel=(2, 2),
        ...     stride=(1, 1), pad=(0, 0, 0, 0), out_hw=(1, 1), dilation=(2, 2)).item()
        8.0
    """

    def __init__(self, *args: Any, dilation: tuple[int, int] = (1, 1), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dilation = dilation

    def views(self, xp: np.ndarray) -> list[np.ndarray]:
        (kh, kw), (sh, sw), (oh, ow) = self.kernel, self.stride, self.out_hw
        dh, dw = self.dilation
        return [
            xp[:, :, window(i * dh, oh, sh), window(j * dw, ow, sw)]
            for i in range(kh)
            for j in range(kw)
        ]

    @property
    def overlapping(self) -> bool:
        return True  # safe: accumulate (dilated windows may share positions)

    @property
    def tiling(self) -> bool:
        return False


class DivisorAvgPool2d(AvgPool2d):
    """Average pooling with an explicit divisor per output position (``count``, (OH, OW)).

    Example:
        >>> DivisorAvgPool2d.apply(Tensor(np.ones((1, 1, 2, 2))), kernel=(2, 2), stride=(2, 2),
        ...     pad=(0, 0, 0, 0), out_hw=(1, 1), count=np.full((1, 1), 2.0)).item()
        2.0
    """

    def __init__(self, *args: Any, count: np.ndarray, **kwargs: Any) -> None:
        super().__init__(*args, count_include_pad=True, **kwargs)
        self.count = count

    def forward(self, x: np.ndarray) -> np.ndarray:
        y = super().forward(x)  # sum / (kh * kw)
        k = self.kernel[0] * self.kernel[1]
        self.scale = (1.0 / self.count).astype(x.dtype)
        y *= (k * self.scale).astype(x.dtype)
        return y


def _out_len(size: int, k: int, s: int, d: int, p: int, ceil: bool) -> int:
    span = size + 2 * p - d * (k - 1) - 1
    if span < 0:
        return 0
    if not ceil:
        return span // s + 1
    out = -(-span // s) + 1
    if (out - 1) * s >= size + p:
        out -= 1
    return out


def _geometry(
    x: Tensor,
    kernel_size: Any,
    stride: Any,
    padding: Any,
    dilation: Any,
    ceil_mode: bool,
    name: str,
) -> tuple[Any, ...]:
    if x.ndim != 4:
        raise ShapeError(key="error.ops.pool_variants.input_shape_batch", name=name, shape=x.shape)
    k = pair(kernel_size, "kernel_size", name)
    s = k if stride is None else pair(stride, "stride", name)
    p = pair(padding, "padding", name)
    d = pair(dilation, "dilation", name)
    if min(k + s + d) < 1 or min(p) < 0:
        raise ConfigError(key="error.ops.pool_variants.kernel_size_stride_dilation", name=name)
    if 2 * p[0] > k[0] or 2 * p[1] > k[1]:
        raise ConfigError(key="error.ops.pool_variants.padding_most_half", name=name, p=p, k=k)
    h, w = x.shape[2:]
    oh = _out_len(h, k[0], s[0], d[0], p[0], ceil_mode)
    ow = _out_len(w, k[1], s[1], d[1], p[1], ceil_mode)
    if oh < 1 or ow < 1:
        raise ShapeError(
            key="error.ops.pool_variants.window_dilation_larger", name=name, k=k, d=d, shape=x.shape
        )
    extra_h = max((oh - 1) * s[0] + d[0] * (k[0] - 1) + 1 - (h + 2 * p[0]), 0)
    extra_w = max((ow - 1) * s[1] + d[1] * (k[1] - 1) + 1 - (w + 2 * p[1]), 0)
    pad = (p[0], p[0] + extra_h, p[1], p[1] + extra_w)
    return k, s, p, d, pad, (oh, ow)


def max_pool2d_ext(
    x: Tensor,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    *,
    name: str = "max_pool2d",
) -> Tensor:
    """Max pooling with PyTorch's full options (``F.max_pool2d``): padding is -inf.

    Example:
        >>> x = Tensor(np.arange(25.0).reshape(1, 1, 5, 5))
        >>> max_pool2d_ext(x, 2, ceil_mode=True).data[0, 0].tolist()
        [[6.0, 8.0, 9.0], [16.0, 18.0, 19.0], [21.0, 23.0, 24.0]]
    """
    k, s, _, d, pad, out_hw = _geometry(x, kernel_size, stride, padding, dilation, ceil_mode, name)
    return DilatedMaxPool2d.apply(x, kernel=k, stride=s, pad=pad, out_hw=out_hw, dilation=d)


def avg_pool2d_ext(
    x: Tensor,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
    *,
    name: str = "avg_pool2d",
) -> Tensor:
    """Average pooling with PyTorch's full options (``F.avg_pool2d``).

    Example:
        >>> x = Tensor(np.ones((1, 1, 3, 3)))
        >>> avg_pool2d_ext(x, 2, padding=1, count_include_pad=False).data[0, 0].tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """
    xp = array_module(x, kernel_size, stride)
    k, s, p, d, pad, (oh, ow) = _geometry(x, kernel_size, stride, padding, 1, ceil_mode, name)
    h, w = x.shape[2:]
    if divisor_override is not None:
        if int(divisor_override) < 1:
            raise ConfigError(
                key="error.ops.pool_variants.divisor_override",
                name=name,
                divisor_override=divisor_override,
            )
        count = xp.full((oh, ow), float(divisor_override))
    else:
        # 1 where a position counts: the input, plus the symmetric padding if included
        hp, wp = h + pad[0] + pad[1], w + pad[2] + pad[3]
        ones = xp.zeros((hp, wp))
        if count_include_pad:
            ones[: h + 2 * p[0], : w + 2 * p[1]] = 1
        else:
            ones[p[0] : p[0] + h, p[1] : p[1] + w] = 1
        count = xp.zeros((oh, ow))
        for i in range(k[0]):
            for j in range(k[1]):
                count += ones[window(i, oh, s[0]), window(j, ow, s[1])]
        count = xp.maximum(count, 1)
    return DivisorAvgPool2d.apply(x, kernel=k, stride=s, pad=pad, out_hw=(oh, ow), count=count)


__all__ = ["DilatedMaxPool2d", "DivisorAvgPool2d", "avg_pool2d_ext", "max_pool2d_ext"]

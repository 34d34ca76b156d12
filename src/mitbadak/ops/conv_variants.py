"""Convolution variants built on :mod:`mitbadak.ops.conv`'s im2col / col2im and GEMM helpers:
grouped (and depthwise) 2-D convolution, 1-D convolution, and transposed 2-D convolution.

**Groups.** With G groups, the C input channels and O output channels are cut into G equal
parts; part g of the output sees only part g of the input (``groups = C``: depthwise)::

    y[n, g*og + k, p, q] = b[g*og + k]
        + sum_{c < cg, i, j} w[g*og + k, c, i, j] * xp[n, g*cg + c, p*s + i*d, q*s + j*d]

The same ``im2col`` rows as a plain convolution, split by channel group, give one batched
GEMM (G products ``cols_g @ W_g``); backward is ``dW_g = cols_g^T G_g`` and
``dcols_g = G_g W_g^T`` followed by ``col2im``, exactly as in ``Conv2d`` per group.

Depthwise groups (one input channel each) run the same sums per kernel tap on strided views
instead (see ``GroupedConv2d._depthwise_forward``): a GEMM of inner size kh*kw is all
overhead.

**Transposed convolution** is the adjoint of a convolution (its input gradient)::

    full[n, p*s + i*d, q*s + j*d, o] += sum_c x[n, c, p, q] * w[c, o, i, j]

then the ``padding`` is cropped from the borders (``output_padding`` extra rows at the end).
As matrices: ``cols = X W`` (one GEMM, (N*H*W, Cin) @ (Cin, kh*kw*O)) and ``full = col2im(cols)``.
Backward is the convolution itself: ``gcols = im2col(G)``, ``dX = gcols W^T``,
``dW = X^T gcols``, ``db = sum G``.

**1-D convolution** is the 2-D one on (N, C, 1, L) with a (O, C, 1, k) kernel.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from .conv import (
    col2im,
    conv2d,
    im2col,
    pair,
    rows_matmul,
    rows_tmatmul,
    window,
    window_geometry,
)
from .shape import reshape

Pad4 = tuple[int, int, int, int]


class GroupedConv2d(Function):
    """Convolution with ``groups`` > 1 (see the module docstring for the formulas); use it
    through :func:`conv2d_grouped`.

    Example:
        >>> GroupedConv2d.apply(Tensor(np.ones((1, 2, 3, 3))), Tensor(np.ones((2, 1, 2, 2))),
        ...     stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1), out_hw=(2, 2), groups=2).shape
        (1, 2, 2, 2)
    """

    def __init__(
        self,
        stride: tuple[int, int],
        pad: Pad4,
        dilation: tuple[int, int],
        out_hw: tuple[int, int],
        groups: int,
    ) -> None:
        self.stride, self.pad, self.dilation, self.out_hw = stride, pad, dilation, out_hw
        self.groups = groups

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        xnp = array_module(x, w, b)
        n, c, h, wd = x.shape
        o, cg, kh, kw = w.shape
        gr, og = self.groups, o // self.groups
        t, bt, left, r = self.pad
        oh, ow = self.out_hw
        dtype = np.result_type(x.dtype, w.dtype)
        xp = xnp.zeros((n, h + t + bt, wd + left + r, c), dtype=dtype)
        xp[:, t : t + h, left : left + wd, :] = x.transpose(0, 2, 3, 1)
        self.x_shape, self.w_shape = x.shape, w.shape
        if cg == 1:  # depthwise: kh*kw multiply-adds of strided views (see _depthwise)
            return self._depthwise_forward(xp, w, b, dtype)
        cols = im2col(xp, (kh, kw), self.stride, self.dilation, (oh, ow))
        del xp
        p = n * oh * ow
        # (P, taps, G, cg) -> (G, P, taps * cg): the rows of group g
        cols_g = xnp.ascontiguousarray(
            cols.reshape(p, kh * kw, gr, cg).transpose(2, 0, 1, 3)
        ).reshape(gr, p, kh * kw * cg)
        w_g = xnp.ascontiguousarray(
            w.reshape(gr, og, cg, kh, kw).transpose(0, 3, 4, 2, 1), dtype=dtype
        ).reshape(gr, kh * kw * cg, og)
        y = xnp.matmul(cols_g, w_g)  # (G, P, og)
        y = xnp.ascontiguousarray(y.transpose(1, 0, 2)).reshape(p, o)
        if b is not None:
            y += b
        self.cols_g, self.w_g, self.x_shape, self.w_shape = cols_g, w_g, x.shape, w.shape
        return y.reshape(n, oh, ow, o).transpose(0, 3, 1, 2)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        n, c, h, wd = self.x_shape
        o, cg, kh, kw = self.w_shape
        gr, og = self.groups, o // self.groups
        t, bt, left, r = self.pad
        oh, ow = self.out_hw
        p = n * oh * ow
        if cg == 1:
            return self._depthwise_backward(g)
        g2 = xp.ascontiguousarray(g.transpose(0, 2, 3, 1)).reshape(p, o)
        g_g = xp.ascontiguousarray(g2.reshape(p, gr, og).transpose(1, 0, 2))  # (G, P, og)
        needs = self.needs_input_grad
        gx = gw = gb = None
        if needs[1]:
            gwg = xp.matmul(self.cols_g.transpose(0, 2, 1), g_g)  # (G, taps*cg, og)
            gw = xp.ascontiguousarray(
                gwg.reshape(gr, kh, kw, cg, og).transpose(0, 4, 3, 1, 2)
            ).reshape(o, cg, kh, kw)
        if len(needs) > 2 and needs[2]:
            gb = xp.ones(p, dtype=g2.dtype) @ g2
        self.cols_g = None
        if needs[0]:
            dcols = xp.matmul(g_g, self.w_g.transpose(0, 2, 1))  # (G, P, taps*cg)
            dcols = dcols.reshape(gr, p, kh * kw, cg).transpose(1, 2, 0, 3)
            dcols = dcols.reshape(n, oh, ow, kh, kw, c)
            dxp = col2im(dcols, (n, h + t + bt, wd + left + r, c), self.stride, self.dilation)
            gx = dxp[:, t : t + h, left : left + wd, :].transpose(0, 3, 1, 2)
        return (gx, gw, gb)[: len(needs)]

    # Depthwise (one input channel per group, m = O / C kernels each): im2col's rows would
    # be GEMMs of inner size kh*kw, so the same sums run per tap (i, j) on the strided view
    # v_ij = xp[:, p*s + i*d, q*s + j*d, :] (what im2col copies for that tap) instead:
    #     y[..., c, k] += v_ij[..., c] * w[c*m + k, 0, i, j]
    #     dw[c*m + k, 0, i, j] = sum_{n,p,q} G[..., c, k] v_ij[..., c]
    #     dxp[v_ij positions, c] += sum_k G[..., c, k] w[c*m + k, 0, i, j]
    def _tap_views(self, xp: np.ndarray) -> list[tuple[int, int, np.ndarray]]:
        kh, kw = self.w_shape[2:]
        (oh, ow), (sh, sw), (dh, dw) = self.out_hw, self.stride, self.dilation
        return [
            (i, j, xp[:, window(i * dh, oh, sh), window(j * dw, ow, sw), :])
            for i in range(kh)
            for j in range(kw)
        ]

    def _depthwise_forward(
        self, xp: np.ndarray, w: np.ndarray, b: np.ndarray | None, dtype: Any
    ) -> np.ndarray:
        xnp = array_module(xp, w, b)
        n, c = xp.shape[0], xp.shape[3]
        o = w.shape[0]
        m = o // c
        oh, ow = self.out_hw
        wt = xnp.asarray(w, dtype=dtype).reshape(c, m, *w.shape[2:])
        y = xnp.zeros((n, oh, ow, c, m), dtype=dtype)
        y1 = y[..., 0] if m == 1 else None
        for i, j, v in self._tap_views(xp):
            if y1 is not None:
                y1 += v * wt[:, 0, i, j]
            else:
                y += v[..., None] * wt[:, :, i, j]
        y = y.reshape(n, oh, ow, o)
        if b is not None:
            y += b
        self.xp, self.wt = xp, wt
        return y.transpose(0, 3, 1, 2)

    def _depthwise_backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        n, c, h, wd = self.x_shape
        o, _, kh, kw = self.w_shape
        m = o // c
        t, _, left, _ = self.pad
        oh, ow = self.out_hw
        g5 = xp.ascontiguousarray(g.transpose(0, 2, 3, 1)).reshape(n, oh, ow, c, m)
        needs = self.needs_input_grad
        gx = gw = gb = None
        dxp = xp.zeros_like(self.xp) if needs[0] else None
        gwt = xp.zeros((c, m, kh, kw), dtype=g.dtype) if needs[1] else None
        gsum = g5[..., 0] if m == 1 else None
        for i, j, v in self._tap_views(self.xp):
            if gwt is not None:
                gwt[:, :, i, j] = xp.einsum("npqck,npqc->ck", g5, v)
        if dxp is not None:
            for i, j, dv in self._tap_views(dxp):
                if m == 1:
                    dv += gsum * self.wt[:, 0, i, j]
                else:
                    dv += xp.einsum("npqck,ck->npqc", g5, self.wt[:, :, i, j])
            gx = dxp[:, t : t + h, left : left + wd, :].transpose(0, 3, 1, 2)
        if gwt is not None:
            gw = gwt.reshape(o, 1, kh, kw)
        if len(needs) > 2 and needs[2]:
            gb = g5.reshape(-1, o).sum(axis=0)
        self.xp = None
        return (gx, gw, gb)[: len(needs)]


def conv2d_grouped(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
    *,
    name: str = "conv2d",
) -> Tensor:
    """2-D convolution with ``groups`` (PyTorch's ``F.conv2d(..., groups=)``): ``weight`` is
    (O, C / groups, kh, kw); ``groups = C`` is a depthwise convolution. ``groups=1`` is
    :func:`mitbadak.ops.conv2d` itself.

    Example:
        >>> x = Tensor(np.ones((1, 4, 5, 5)))
        >>> w = Tensor(np.ones((8, 1, 3, 3)))       # depthwise, 2 filters per channel
        >>> y = conv2d_grouped(x, w, groups=4, padding=1)
        >>> y.shape, float(y.data[0, 0, 2, 2])
        ((1, 8, 5, 5), 9.0)
    """
    groups = int(groups)
    if groups == 1:
        return conv2d(x, weight, bias, stride, padding, dilation, name=name)
    if x.ndim != 4 or weight.ndim != 4:
        raise ShapeError(
            key="error.ops.conv_variants.grouped_rank",
            who=name,
            shape=x.shape,
            kernel=weight.shape,
        )
    c, o = x.shape[1], weight.shape[0]
    if groups < 1 or c % groups or o % groups:
        raise ConfigError(
            key="error.ops.conv_variants.groups_divide", who=name, groups=groups, c=c, o=o
        )
    if weight.shape[1] != c // groups:
        raise ShapeError(
            key="error.ops.conv_variants.group_kernel",
            who=name,
            groups=groups,
            c=c,
            cg=c // groups,
            kernel=weight.shape,
        )
    if bias is not None and bias.shape != (o,):
        raise ShapeError(key="error.ops.conv.bias_shape", who=name, o=o, shape=bias.shape)
    stride, pad, dilation, out_hw = window_geometry(
        x.shape, weight.shape[2:], stride, padding, dilation, name
    )
    args = (x, weight) if bias is None else (x, weight, bias)
    return GroupedConv2d.apply(
        *args, stride=stride, pad=pad, dilation=dilation, out_hw=out_hw, groups=groups
    )


def conv1d(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: int = 1,
    padding: Any = 0,
    dilation: int = 1,
    groups: int = 1,
    *,
    name: str = "conv1d",
) -> Tensor:
    """1-D convolution of (N, C, L) with a (O, C / groups, k) kernel, like ``F.conv1d``;
    ``padding``: ``"valid"``, ``"same"``, an int or ``(left, right)``.

    Example:
        >>> y = conv1d(Tensor(np.ones((2, 3, 10))), Tensor(np.ones((4, 3, 3))), padding="same")
        >>> y.shape, float(y.data[0, 0, 5])
        ((2, 4, 10), 9.0)
    """
    if x.ndim != 3 or weight.ndim != 3:
        raise ShapeError(
            key="error.ops.conv_variants.conv1d_rank",
            who=name,
            shape=x.shape,
            kernel=weight.shape,
        )
    for what, v in (("stride", stride), ("dilation", dilation)):
        if not isinstance(v, (int, np.integer)):
            if isinstance(v, (tuple, list)) and len(v) == 1:
                continue
            raise ConfigError(key="error.ops.conv_variants.int", who=name, name=what, got=repr(v))
    s = int(stride[0]) if isinstance(stride, (tuple, list)) else int(stride)
    d = int(dilation[0]) if isinstance(dilation, (tuple, list)) else int(dilation)
    if isinstance(padding, str):
        pad2: Any = padding
        if padding.lower() == "same":
            pad2 = ((0, 0), _same_1d(x.shape[2], weight.shape[2], s, d))
    elif isinstance(padding, (tuple, list)):
        if len(padding) == 1:
            pad2 = (0, int(padding[0]))
        elif len(padding) == 2:
            pad2 = ((0, 0), (int(padding[0]), int(padding[1])))
        else:
            raise ConfigError(key="error.ops.conv_variants.padding_1d", who=name, got=repr(padding))
    else:
        pad2 = (0, int(padding))
    x4 = reshape(x, (x.shape[0], x.shape[1], 1, x.shape[2]))
    w4 = reshape(weight, (weight.shape[0], weight.shape[1], 1, weight.shape[2]))
    y = conv2d_grouped(x4, w4, bias, (1, s), pad2, (1, d), groups, name=name)
    return reshape(y, (y.shape[0], y.shape[1], y.shape[3]))


def _same_1d(size: int, kernel: int, stride: int, dilation: int) -> tuple[int, int]:
    out = -(-size // stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


class ConvTranspose2d(Function):
    """Transposed convolution (see the module docstring): ``full = col2im(X W)``, then the
    crop ``(top, bottom, left, right)``; a negative bottom/right adds that many zero rows /
    columns (PyTorch's ``output_padding``). Use it through :func:`conv_transpose2d`.

    Example:
        >>> ConvTranspose2d.apply(Tensor(np.ones((1, 1, 2, 2))), Tensor(np.ones((1, 1, 2, 2))),
        ...     stride=(2, 2), dilation=(1, 1), crop=(0, 0, 0, 0), full_hw=(4, 4)).shape
        (1, 1, 4, 4)
    """

    def __init__(
        self, stride: tuple[int, int], dilation: tuple[int, int], crop: Pad4, full_hw: Any
    ) -> None:
        self.stride, self.dilation, self.crop, self.full_hw = stride, dilation, crop, full_hw

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        xp = array_module(x, w, b)
        n, ci, h, wd = x.shape
        _, co, kh, kw = w.shape
        t, bt, left, r = self.crop
        hf, wf = self.full_hw  # rows/columns of the uncropped output, output padding included
        dtype = np.result_type(x.dtype, w.dtype)
        xm = xp.ascontiguousarray(x.transpose(0, 2, 3, 1), dtype=dtype).reshape(n * h * wd, ci)
        wmat = xp.ascontiguousarray(w.transpose(0, 2, 3, 1), dtype=dtype).reshape(ci, -1)
        cols = rows_matmul(xm, wmat, n).reshape(n, h, wd, kh, kw, co)
        full = col2im(cols, (n, hf, wf, co), self.stride, self.dilation)
        del cols
        oh, ow = hf - t - max(bt, 0), wf - left - max(r, 0)
        y = xp.ascontiguousarray(full[:, t : t + oh, left : left + ow, :])
        if b is not None:
            y += b
        self.xm, self.wmat, self.x_shape, self.w_shape = xm, wmat, x.shape, w.shape
        return y.transpose(0, 3, 1, 2)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        n, ci, h, wd = self.x_shape
        _, co, kh, kw = self.w_shape
        t, _, left, _ = self.crop
        hf, wf = self.full_hw
        oh, ow = g.shape[2:]
        gfull = xp.zeros((n, hf, wf, co), dtype=g.dtype)
        gfull[:, t : t + oh, left : left + ow, :] = g.transpose(0, 2, 3, 1)
        gcols = im2col(gfull, (kh, kw), self.stride, self.dilation, (h, wd))
        del gfull
        gcols = gcols.reshape(n * h * wd, kh * kw * co)
        needs = self.needs_input_grad
        gx = gw = gb = None
        if needs[0]:
            gx = rows_matmul(gcols, self.wmat.T, n).reshape(n, h, wd, ci).transpose(0, 3, 1, 2)
        if needs[1]:
            gwm = rows_tmatmul(self.xm, gcols, n)  # (Cin, kh*kw*O)
            gw = xp.ascontiguousarray(gwm.reshape(ci, kh, kw, co).transpose(0, 3, 1, 2))
        if len(needs) > 2 and needs[2]:
            gb = g.sum(axis=(0, 2, 3))
        self.xm = None
        return (gx, gw, gb)[: len(needs)]


def conv_transpose2d(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    groups: int = 1,
    dilation: Any = 1,
    *,
    crop: Pad4 | None = None,
    name: str = "conv_transpose2d",
) -> Tensor:
    """Transposed 2-D convolution ("deconvolution"), like ``F.conv_transpose2d``:
    ``weight`` is (C_in, C_out, kh, kw); output size per axis
    ``(H - 1) * stride - 2 * padding + dilation * (kh - 1) + output_padding + 1``.

    ``crop=(top, bottom, left, right)`` replaces ``padding``/``output_padding`` with an explicit
    (possibly asymmetric) crop, negative bottom/right meaning extra rows (Keras' ``"same"``).
    Only ``groups=1``.

    Example:
        >>> y = conv_transpose2d(Tensor(np.ones((1, 2, 3, 3))), Tensor(np.ones((2, 4, 2, 2))),
        ...                      stride=2)
        >>> y.shape, float(y.data[0, 0, 0, 0])
        ((1, 4, 6, 6), 2.0)
    """
    if int(groups) != 1:
        raise ConfigError(key="error.ops.conv_variants.groups_one", who=name, groups=groups)
    if x.ndim != 4 or weight.ndim != 4:
        raise ShapeError(
            key="error.ops.conv_variants.transpose_rank",
            who=name,
            shape=x.shape,
            kernel=weight.shape,
        )
    if x.shape[1] != weight.shape[0]:
        raise ShapeError(
            key="error.ops.conv_variants.transpose_channels",
            who=name,
            kernel=weight.shape,
            c=weight.shape[0],
            shape=x.shape,
        )
    if bias is not None and bias.shape != (weight.shape[1],):
        raise ShapeError(
            key="error.ops.conv.bias_shape", who=name, o=weight.shape[1], shape=bias.shape
        )
    stride = pair(stride, "stride", name)
    dilation = pair(dilation, "dilation", name)
    if min(stride) < 1 or min(dilation) < 1:
        raise ConfigError(
            key="error.ops.conv.stride_dilation", who=name, stride=stride, dilation=dilation
        )
    kh, kw = int(weight.shape[2]), int(weight.shape[3])
    h, w = x.shape[2:]
    if crop is None:
        ph, pw = pair(padding, "padding", name)
        oph, opw = pair(output_padding, "output_padding", name)
        if min(ph, pw, oph, opw) < 0:
            raise ConfigError(key="error.ops.conv_variants.padding_negative", who=name)
        if oph >= max(stride[0], dilation[0]) or opw >= max(stride[1], dilation[1]):
            raise ConfigError(
                key="error.ops.conv_variants.output_padding", who=name, got=(oph, opw)
            )
        crop = (ph, ph - oph, pw, pw - opw)
    t, b, left, r = (int(v) for v in crop)
    core_h = (h - 1) * stride[0] + dilation[0] * (kh - 1) + 1
    core_w = (w - 1) * stride[1] + dilation[1] * (kw - 1) + 1
    full_hw = (core_h + max(-b, 0), core_w + max(-r, 0))
    oh, ow = core_h - t - b, core_w - left - r
    if min(t, left) < 0 or oh < 1 or ow < 1:
        raise ShapeError(
            key="error.ops.conv_variants.no_output",
            who=name,
            crop=crop,
            shape=x.shape,
            kernel=weight.shape,
        )
    args = (x, weight) if bias is None else (x, weight, bias)
    return ConvTranspose2d.apply(
        *args, stride=stride, dilation=dilation, crop=(t, b, left, r), full_hw=full_hw
    )


__all__ = ["ConvTranspose2d", "GroupedConv2d", "conv1d", "conv2d_grouped", "conv_transpose2d"]

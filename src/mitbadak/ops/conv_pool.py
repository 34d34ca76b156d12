"""Convolution, bias, optional ReLU and 2x2 max pooling as one graph node.

The textbook network's block ``Conv2D(activation="relu")`` then ``MaxPooling2D(2)`` computes::

    z[n, o, r, s] = b[o] + sum_{c, i, j} w[o, c, i, j] * xp[n, c, r*st + i*d, s*st + j*d]
    y[n, o, p, q] = max_{u, v in {0, 1}}  relu(z[n, o, 2p + u, 2q + v])

Because ``x -> x + b`` and ReLU never change which of four numbers is largest,
``max_uv relu(z_uv) = relu(b + max_uv conv_uv)``: the four conv outputs of each window are
compared first, and the bias and ReLU are applied to the quarter-size result (floating-point
addition is monotonic, so the values are exactly the unfused ones).

The speed comes from the order of the GEMM's rows. :mod:`mitbadak.ops.conv` writes its output
channels-last, ``(N, OH, OW, O)``; a 2x2 window's four values are then ``O`` floats apart, and
pooling them is a loop over runs of only ``O`` floats (4x slower than contiguous work in NumPy).
Here the rows of ``cols`` are ordered by window offset first, ``(u, v, n, p, q)``: the GEMM
returns four contiguous ``(N*P*Q, O)`` blocks, one per offset (u, v), and the pooling is three
element-wise maxima of whole blocks. Nothing of full resolution is kept for backward: only the
pooled output and a ``uint8`` arg-max (which offset won).

Backward, for G = dL/dy (N, O, P, Q):

    G' = G * [y > 0]                         (ReLU; the fused bias gets db = sum G')
    dZ_uv = G' * [arg == 2u + v]             (the first maximum in row-major order wins ties,
                                              as in PyTorch's and :mod:`mitbadak.ops.pool`'s)
    dW = sum_uv cols_uv^T dZ_uv,   dx = the convolution's input gradient of dZ
                                   (dZ scattered back to its (2p + u, 2q + v) positions)

Conv outputs of an odd last row or column belong to no window: they are never computed, and get
a zero gradient. The reference is the composition itself: :func:`mitbadak.ops.conv.conv2d`,
ReLU and :func:`mitbadak.ops.pool.max_pool2d`, which ``tests/test_conv_pool.py`` checks it
against (values and gradients), and which runs instead under
:func:`mitbadak.backend.use_reference_kernels`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import validate
from ..backend import array_module
from ..tensor import Tensor
from .conv import Conv2d, conv2d, conv_geometry, im2col, rows_matmul, rows_tmatmul, window
from .kernel_mode import reference_kernels

_OFFSETS = ((0, 0), (0, 1), (1, 0), (1, 1))  # the window offsets (u, v), k = 2u + v


class ConvMaxPool2d(Conv2d):
    """``y = maxpool2x2(relu?(conv(x, w) + b))`` in one node (see the module docstring).

    Example (through :func:`conv2d_maxpool2d`):
        >>> x, w = Tensor(np.arange(16.0).reshape(1, 1, 4, 4)), Tensor(np.ones((1, 1, 1, 1)))
        >>> ConvMaxPool2d.apply(x, w, stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1),
        ...                     out_hw=(4, 4)).data[0, 0].tolist()
        [[5.0, 7.0], [13.0, 15.0]]
    """

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        xnp = array_module(x, w, b)
        n = x.shape[0]
        o = w.shape[0]
        pq = self._pooled_hw()
        rows_per = pq[0] * pq[1]
        self._setup(x, w)
        step, unfold = self._unfolder(n)
        dtype = self.wmat.dtype
        out = xnp.empty((n * rows_per, o), dtype=dtype)
        arg = xnp.empty((n * rows_per, o), dtype=np.uint8) if self.recording else None
        z = xnp.empty((4 * step * rows_per, o), dtype=dtype)  # the four blocks of a chunk
        for s0 in range(0, n, step):
            m = min(step, n - s0)
            rows = slice(s0 * rows_per, (s0 + m) * rows_per)
            zc = z[: 4 * m * rows_per]
            # blocks of 4*P*Q rows, a sample's worth (any grouping of rows gives the same rows)
            rows_matmul(unfold(s0, m), self.wmat, m, out=zc)
            zc = zc.reshape(4, m * rows_per, o)
            y = out[rows]
            xnp.copyto(y, zc[0])
            if arg is not None:  # arg = the first offset holding the maximum
                a = arg[rows]
                a[...] = 0
                for k in range(1, 4):
                    # branch-free, as in max pooling: arg only grows, arg = max(arg, k [z_k > y])
                    # (8x faster than copyto(..., where=), measured)
                    xnp.maximum(a, xnp.multiply(zc[k] > y, k, dtype=np.uint8), out=a)
                    xnp.maximum(y, zc[k], out=y)
            else:
                for k in range(1, 4):
                    xnp.maximum(y, zc[k], out=y)
            if b is not None:  # bias and ReLU on the pooled quarter (see the docstring)
                y += b
            if self.relu:
                xnp.maximum(y, 0, out=y)
        if self.recording:
            self.out, self.arg = (out if self.relu else None), arg
        else:
            self.cols = self.xp = self.wmat = None
        return out.reshape(n, pq[0], pq[1], o).transpose(0, 3, 1, 2)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xnp = array_module(g)
        n, o = self.x_shape[0], self.w_shape[0]
        oh, ow = self.out_hw
        ph, pw = self._pooled_hw()
        rows_per = ph * pw
        dtype = self.wmat.dtype
        g_rows = g.transpose(0, 2, 3, 1)  # (N, P, Q, O): free when g is channels-last
        step, unfold = self._unfolder(n)
        gwmat, gb, gx = self._grad_buffers()
        dz = xnp.empty((4 * step * rows_per, o), dtype=dtype)
        # conv outputs in no window (an odd last row / column) get a zero gradient
        fill = xnp.zeros if (oh, ow) != (2 * ph, 2 * pw) else xnp.empty
        for s0 in range(0, n, step):
            m = min(step, n - s0)
            rows = slice(s0 * rows_per, (s0 + m) * rows_per)
            gc = g_rows[s0 : s0 + m].reshape(m * rows_per, o)
            if self.out is not None:  # ReLU's backward, [y > 0]
                gc = gc * (self.out[rows] > 0)
            if gb is not None:  # db = 1^T G' as a GEMV (faster than column sums)
                gb += xnp.ones(gc.shape[0], dtype=gc.dtype) @ gc
            dzc = dz[: 4 * m * rows_per]
            blocks = dzc.reshape(4, m * rows_per, o)
            arg = self.arg[rows]
            for k in range(4):  # dZ_uv = G' * [arg == 2u + v]
                xnp.multiply(gc, arg == k, out=blocks[k])
            if gwmat is not None:
                gwmat += rows_tmatmul(unfold(s0, m), dzc, m)  # a sum over rows: any blocks
            if gx is not None:  # dZ back at its conv positions, then the conv's dx
                full = fill((m, oh, ow, o), dtype=dtype)
                for k, (u, v) in enumerate(_OFFSETS):
                    full[:, window(u, ph, 2), window(v, pw, 2)] = blocks[k].reshape(m, ph, pw, o)
                gx[s0 : s0 + m] = self._grad_input(full.reshape(m * oh * ow, o), m)
        self.cols = self.xp = self.out = self.arg = None
        return self._grads(gx, gwmat, gb)

    def _pooled_hw(self) -> tuple[int, int]:
        return self.out_hw[0] // 2, self.out_hw[1] // 2

    def _unfolder(self, n: int) -> tuple[int, Any]:
        """(samples per chunk, ``unfold(s0, m)``): the (4*m*P*Q, kh*kw*C) rows of ``cols`` of
        samples s0 .. s0+m-1, ordered (u, v, n, p, q): the conv output at (2p + u, 2q + v)
        is the convolution with stride 2*st started at offset (u*st, v*st). A first layer's
        taps-major cols (C < 4) is made whole, once, like the plain convolution's."""
        xnp = array_module(self.wmat)
        c = self.x_shape[1]
        kh, kw = self.w_shape[2:]
        ph, pw = self._pooled_hw()
        (sh, sw), (dh, dw) = self.stride, self.dilation
        size = np.dtype(self.wmat.dtype).itemsize
        k = kh * kw * c
        if self.cols is not None:
            cols = self.cols
            return n, lambda s0, m: cols
        step = self._chunk(n, 4 * ph * pw * k * size)
        buf = xnp.empty((4, step, ph, pw, kh, kw, c), dtype=self.wmat.dtype)
        xp = self.xp

        def unfold(s0: int, m: int) -> np.ndarray:
            part = buf.reshape(-1)[: 4 * m * ph * pw * k].reshape(4, m, ph, pw, kh, kw, c)
            for j, (u, v) in enumerate(_OFFSETS):
                src = xp[s0 : s0 + m, u * sh :, v * sw :]
                im2col(src, (kh, kw), (2 * sh, 2 * sw), (dh, dw), (ph, pw), out=part[j])
            return part.reshape(4 * m * ph * pw, k)

        return step, unfold

    def _cols_taps_major(self, x: np.ndarray, kernel: tuple[int, int], dtype: Any) -> np.ndarray:
        """A first layer's (C < 4) taps-major ``cols`` in window-offset order: the transposed
        view of ``colsT[i, j, c, uv, n, p, q] = xp[n, c, (2p + u)*st + i*d, (2q + v)*st + j*d]``,
        one copy per tap and offset of whole (N, P, Q) planes."""
        xnp = array_module(x)
        n, c, h, wd = x.shape
        t, bt, left, r = self.pad
        (kh, kw), (ph, pw) = kernel, self._pooled_hw()
        (sh, sw), (dh, dw) = self.stride, self.dilation
        xc = x.transpose(1, 0, 2, 3)  # (C, N, H, W): each copy is then one assignment
        if any(self.pad) or xc.dtype != dtype:
            xc = xnp.zeros((c, n, h + t + bt, wd + left + r), dtype=dtype)
            xc[:, :, t : t + h, left : left + wd] = x.transpose(1, 0, 2, 3)
        cols_t = xnp.empty((kh, kw, c, 4, n, ph, pw), dtype=dtype)
        for i in range(kh):
            for j in range(kw):
                for k, (u, v) in enumerate(_OFFSETS):
                    rows = window(u * sh + i * dh, ph, 2 * sh)
                    cols_t[i, j, :, k] = xc[:, :, rows, window(v * sw + j * dw, pw, 2 * sw)]
        return cols_t.reshape(kh * kw * c, 4 * n * ph * pw).T


def conv2d_maxpool2d(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: Any = 0,
    dilation: int | tuple[int, int] = 1,
    *,
    relu: bool = False,
    name: str = "conv2d",
    pool_name: str | None = None,
) -> Tensor:
    """``max_pool2d(relu?(conv2d(x, weight, bias, ...)), 2)`` as one node: the same values and
    gradients as the three ops in a row, in less time and memory (see the module docstring).
    :class:`~mitbadak.model.Sequential` uses it for a ``Conv2D`` followed by ``MaxPooling2D(2)``.
    ``name`` is named in errors about the convolution, ``pool_name`` (default ``name``) in those
    about the pooling window.

    Example:
        >>> x = Tensor(np.ones((2, 1, 6, 6)))
        >>> w = Tensor(np.ones((4, 1, 3, 3)))
        >>> y = conv2d_maxpool2d(x, w, padding="same")
        >>> y.shape, float(y.data[0, 0, 0, 0])
        ((2, 4, 3, 3), 9.0)
    """
    relu = validate.boolean(relu, "relu", name)
    stride, pad, dilation, out_hw = conv_geometry(x, weight, bias, stride, padding, dilation, name)
    if reference_kernels() or min(out_hw) < 2:  # the composition itself (or the pool's error)
        from .activation import relu as _relu
        from .pool import max_pool2d

        y = conv2d(x, weight, bias, stride, pad_arg(pad), dilation, name=name)
        return max_pool2d(_relu(y) if relu else y, 2, name=pool_name or name)
    args = (x, weight) if bias is None else (x, weight, bias)
    return ConvMaxPool2d.apply(
        *args, stride=stride, pad=pad, dilation=dilation, out_hw=out_hw, relu=bool(relu)
    )


def pad_arg(pad: tuple[int, int, int, int]) -> tuple[tuple[int, int], tuple[int, int]]:
    """A resolved (top, bottom, left, right) padding as ``conv2d``'s explicit form.

    Example:
        >>> pad_arg((1, 2, 0, 1))
        ((1, 2), (0, 1))
    """
    return (pad[0], pad[1]), (pad[2], pad[3])

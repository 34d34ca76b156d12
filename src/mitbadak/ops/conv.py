"""2-D convolution (cross-correlation, as in every framework) by im2col, and zero padding.

Layout: inputs are channels-first ``(N, C, H, W)`` and kernels ``(O, C, kh, kw)``, as in PyTorch.

The textbook formula, with stride s, dilation d and the input ``xp`` already zero-padded::

    y[n, o, p, q] = b[o] + sum_{c, i, j} w[o, c, i, j] * xp[n, c, p*s + i*d, q*s + j*d]

and, for G = dL/dy, its backward::

    dw[o, c, i, j]               = sum_{n, p, q} G[n, o, p, q] * xp[n, c, p*s + i*d, q*s + j*d]
    db[o]                        = sum_{n, p, q} G[n, o, p, q]
    dxp[n, c, p*s + i*d, q*s + j*d] += sum_o  G[n, o, p, q] * w[o, c, i, j]

**im2col** turns the sums into matrix products. Every output position (n, p, q) gets one row of
``cols`` holding the kh*kw*C input values its kernel window sees; the kernel becomes a matrix
``W`` of shape (kh*kw*C, O). Then::

    Y = cols @ W + b        dW = cols^T @ G        dcols = G @ W^T

and **col2im** adds each row of ``dcols`` back to the input positions it was copied from. Both
copies run per kernel offset (i, j): kh*kw strided slice copies/adds of the whole batch, never a
Python loop over positions and never ``np.add.at``. With stride 1 the input gradient skips the
``dcols`` intermediate: per offset, one GEMM ``G @ W_ij^T`` is added to the shifted window of dx
it lands on (the same sums, in less memory traffic).

The rows are laid out channels-last, ``cols[n, p, q, i, j, c]`` (inputs with fewer than 4
channels, a first layer, get ``cols`` as the transpose of a taps-major copy instead, see
``Conv2d._cols_taps_major``): each copy then moves runs of C contiguous floats, and ``cols @ W``
is a large GEMM (the fastest thing NumPy does). The batch is worked a chunk of samples at a
time (``Conv2d._unfolder``): a chunk's ``cols`` (a few MiB) is still in cache when its GEMM reads
it, and backward unfolds each chunk again rather than keeping the whole batch's. The output
is returned as an ``(N, O, OH, OW)`` array that is a view of the GEMM's ``(N, OH, OW, O)`` result
(PyTorch calls this the *channels-last memory format*): the values and shape are exactly those
of NCHW, NumPy handles the strides, and the next convolution's channels-last copy is then free.

Padding ``"same"`` follows Keras/TensorFlow: the output has ceil(H / s) rows, and the total
padding ``max((ceil(H/s) - 1) * s + (kh - 1) * d + 1 - H, 0)`` is split with the extra row (when
it is odd) at the bottom/right. PyTorch's symmetric ``padding=k`` is the int/tuple form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import validate
from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from .kernel_mode import reference_kernels

Pad4 = tuple[int, int, int, int]  # (top, bottom, left, right)


# ------------------------------------------------------------------------------ arguments
def pair(value: Any, what: str, op: str) -> tuple[int, int]:
    """``3`` -> ``(3, 3)``; ``(3, 2)`` stays; anything else raises ConfigError.

    Example:
        >>> pair(3, "stride", "conv2d")
        (3, 3)
    """
    if isinstance(value, (int, np.integer)):
        value = (int(value), int(value))
    if (
        not isinstance(value, Sequence)
        or len(value) != 2
        or not all(isinstance(v, (int, np.integer)) for v in value)
    ):
        raise ConfigError(key="error.ops.conv.int_or_pair", who=op, name=what, got=repr(value))
    return int(value[0]), int(value[1])


def same_padding(size: int, kernel: int, stride: int, dilation: int = 1) -> tuple[int, int]:
    """Keras/TensorFlow ``"same"`` padding (before, after) of one spatial axis.

    The output has ``ceil(size / stride)`` positions; the odd extra pixel goes after.

    Example:
        >>> same_padding(28, 3, 1), same_padding(28, 2, 2), same_padding(5, 4, 1)
        ((1, 1), (0, 0), (1, 2))
    """
    out = -(-size // stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def resolve_padding(
    padding: Any,
    in_hw: tuple[int, int],
    kernel: tuple[int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
    op: str,
) -> Pad4:
    """Turn ``"valid"``, ``"same"``, ``p``, ``(ph, pw)`` or ``((top, bottom), (left, right))``
    into explicit ``(top, bottom, left, right)`` padding.

    Example:
        >>> resolve_padding("same", (5, 5), (4, 4), (1, 1), (1, 1), "conv2d")
        (1, 2, 1, 2)
    """
    if isinstance(padding, str):
        mode = padding.lower()
        if mode == "valid":
            return 0, 0, 0, 0
        if mode == "same":
            t, b = same_padding(in_hw[0], kernel[0], stride[0], dilation[0])
            left, r = same_padding(in_hw[1], kernel[1], stride[1], dilation[1])
            return t, b, left, r
        raise ConfigError(key="error.ops.conv.padding_mode", who=op, got=repr(padding))
    if (
        isinstance(padding, Sequence)
        and len(padding) == 2
        and all(isinstance(p, Sequence) for p in padding)
    ):
        (t, b), (left, r) = pair(padding[0], "padding", op), pair(padding[1], "padding", op)
    else:
        ph, pw = pair(padding, "padding", op)
        t, b, left, r = ph, ph, pw, pw
    if min(t, b, left, r) < 0:
        raise ConfigError(key="error.ops.conv.padding_negative", who=op, got=repr(padding))
    return t, b, left, r


def output_size(size: int, kernel: int, stride: int, dilation: int, pad: int) -> int:
    """Output length of one axis: floor((size + pad - dilation*(kernel-1) - 1) / stride) + 1.

    Floored like PyTorch: positions a stride does not reach at the end are dropped.

    Example:
        >>> output_size(28, 3, 1, 1, 2), output_size(7, 2, 2, 1, 0)
        (28, 3)
    """
    return (size + pad - dilation * (kernel - 1) - 1) // stride + 1


def check_window(
    x_shape: tuple[int, ...],
    kernel: tuple[int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
    pad: Pad4,
    op: str,
) -> tuple[int, int]:
    """Output (OH, OW) for a window sliding over ``x_shape`` (N, C, H, W); raises ShapeError
    naming ``op`` and the shapes when the (dilated) window is larger than the padded input.

    Example:
        >>> check_window((1, 3, 28, 28), (3, 3), (2, 2), (1, 1), (1, 1, 1, 1), "conv2d")
        (14, 14)
    """
    h, w = x_shape[2] + pad[0] + pad[1], x_shape[3] + pad[2] + pad[3]
    eh, ew = dilation[0] * (kernel[0] - 1) + 1, dilation[1] * (kernel[1] - 1) + 1
    if eh > h or ew > w:
        raise ShapeError(
            key="error.ops.conv.window_too_large",
            who=op,
            kh=kernel[0],
            kw=kernel[1],
            dilation=dilation,
            eh=eh,
            ew=ew,
            h=h,
            w=w,
            shape=tuple(x_shape),
            pad=pad,
        )
    return (
        output_size(x_shape[2], kernel[0], stride[0], dilation[0], pad[0] + pad[1]),
        output_size(x_shape[3], kernel[1], stride[1], dilation[1], pad[2] + pad[3]),
    )


def window(start: int, count: int, step: int) -> slice:
    """The slice start, start+step, ..., taking ``count`` elements.

    Example:
        >>> list(range(10)[window(1, 3, 2)])
        [1, 3, 5]
    """
    return slice(start, start + step * (count - 1) + 1, step)


# ------------------------------------------------------------------------ im2col / col2im
def im2col(
    xp: np.ndarray,
    kernel: tuple[int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
    out_hw: tuple[int, int],
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Unfold a padded channels-last batch ``xp`` (N, Hp, Wp, C) into
    ``cols[n, p, q, i, j, c] = xp[n, p*sh + i*dh, q*sw + j*dw, c]`` of shape (N, OH, OW, kh, kw, C).

    One strided copy per kernel offset (i, j).

    Example:
        >>> xp = np.arange(9.0).reshape(1, 3, 3, 1)
        >>> im2col(xp, (2, 2), (1, 1), (1, 1), (2, 2))[0, 0, 0, :, :, 0].tolist()
        [[0.0, 1.0], [3.0, 4.0]]
    """
    xnp = array_module(xp, out)
    (kh, kw), (oh, ow) = kernel, out_hw
    n, c = xp.shape[0], xp.shape[3]
    if out is None:
        out = xnp.empty((n, oh, ow, kh, kw, c), dtype=xp.dtype)
    if dilation[1] == 1 and xp.strides[3] == xp.itemsize and xp.strides[2] == c * xp.itemsize:
        # Taps j = 0..kw-1 of one kernel row are kw*C contiguous floats of xp: copy them as one
        # run (kh copies of long runs instead of kh*kw copies of C-float runs).
        s_n, s_h, s_w, s_c = xp.strides
        rows = out.reshape(n, oh, ow, kh, kw * c)
        read_only = {"writeable": False} if xnp is np else {}  # CuPy's takes no such flag
        for i in range(kh):
            src = xp[:, i * dilation[0] :]
            rows[:, :, :, i] = xnp.lib.stride_tricks.as_strided(  # the array's own module
                src,
                shape=(n, oh, ow, kw * c),
                strides=(s_n, s_h * stride[0], s_w * stride[1], s_c),
                **read_only,
            )
        return out
    for i in range(kh):
        rows = window(i * dilation[0], oh, stride[0])
        for j in range(kw):
            out[:, :, :, i, j, :] = xp[:, rows, window(j * dilation[1], ow, stride[1]), :]
    return out


def col2im(
    cols: np.ndarray,
    padded_shape: tuple[int, int, int, int],
    stride: tuple[int, int],
    dilation: tuple[int, int],
) -> np.ndarray:
    """The adjoint of :func:`im2col`: add every ``cols[n, p, q, i, j, c]`` back to
    ``xp[n, p*sh + i*dh, q*sw + j*dw, c]`` (positions seen by several windows get the sum).

    ``cols`` is (N, OH, OW, kh, kw, C); returns (N, Hp, Wp, C). One strided add per offset: the
    positions of one offset never repeat, so ``+=`` on the slice is exact.

    Example:
        >>> col2im(np.ones((1, 2, 2, 2, 2, 1)), (1, 3, 3, 1), (1, 1), (1, 1))[0, :, :, 0].tolist()
        [[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]
    """
    xnp = array_module(cols)
    _, oh, ow, kh, kw, _ = cols.shape
    xp = xnp.zeros(padded_shape, dtype=cols.dtype)
    for i in range(kh):
        rows = window(i * dilation[0], oh, stride[0])
        for j in range(kw):
            xp[:, rows, window(j * dilation[1], ow, stride[1]), :] += cols[:, :, :, i, j, :]
    return xp


# ------------------------------------------------------------------------------ GEMMs
# Below this many multiply-adds a product is split into blocks of whole samples that OpenBLAS
# runs on one thread each: a small GEMM with one huge dimension (a first layer's
# (N*H*W, 9) @ (9, 32)) is slow and erratic when split across threads (measured 2 ms to over
# 1 s on the project's 2-core machine, against a steady 1 ms in blocks). The rule depends only
# on the product's size, not on the core count: issue 15 re-measured it with 1 thread as well,
# where the blocks (cache-sized pieces) are also faster (conv 1->32 on 128 x 28 x 28, forward +
# backward: 17.7 vs 20.8 ms with 1 thread, 29.3 vs 40.1 ms with 2; conv 32->64 on 14 x 14:
# 112.6 vs 118.7 and 83.2 vs 90.7 ms; loaded shared machine, medians of 7 interleaved runs).
_SMALL_GEMM = 1 << 26
_BLOCK_WORK = 1 << 18  # OpenBLAS stays single-threaded up to M*N*K = 65536 * 4


def _samples_per_block(n: int, rows_per_sample: int, k: int, m: int) -> int:
    """The number of samples per block: the largest divisor of ``n`` keeping a block's work
    ``rows * k * m`` under ``_BLOCK_WORK`` (at least 1); ``n`` (one block) for large products
    and when one sample's work is already over ``_BLOCK_WORK`` (its blocks would be threaded
    anyway: one (3136, 288) @ (288, 64) GEMM took 0.65 ms against 0.70 ms in 16 blocks, and
    its ``a^T b`` 0.67 against 0.74 ms, 2 threads; 1.19 / 1.21 and 1.23 / 1.36 ms, 1 thread)."""
    if n * rows_per_sample * k * m >= _SMALL_GEMM or rows_per_sample * k * m > _BLOCK_WORK:
        return n
    best = 1
    for s in range(1, n + 1):
        if n % s == 0 and s * rows_per_sample * k * m <= _BLOCK_WORK:
            best = s
    return best


def rows_matmul(a: np.ndarray, b: np.ndarray, n: int, out: np.ndarray | None = None) -> np.ndarray:
    """``a @ b`` for ``a`` of shape (n * L, K): one GEMM, or blocks of whole samples (see above),
    written into ``out`` (n * L, M) when given.

    Example:
        >>> a, b = np.ones((8, 3)), np.ones((3, 2))
        >>> rows_matmul(a, b, n=4).tolist() == (a @ b).tolist()
        True
    """
    xp = array_module(a, b)
    rows, k = a.shape
    s = _samples_per_block(n, rows // n, k, b.shape[1])
    if s == n:
        return xp.matmul(a, b, out=out)
    blocks = None if out is None else out.reshape(n // s, -1, b.shape[1])
    return xp.matmul(a.reshape(n // s, -1, k), b, out=blocks).reshape(rows, b.shape[1])


def rows_tmatmul(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """``a.T @ b`` for ``a`` (n * L, K) and ``b`` (n * L, M): a sum over rows, by blocks when small.

    Example:
        >>> a, b = np.ones((8, 3)), np.ones((8, 2))
        >>> rows_tmatmul(a, b, n=4).tolist()
        [[8.0, 8.0], [8.0, 8.0], [8.0, 8.0]]
    """
    xp = array_module(a, b)
    rows, k = a.shape
    s = _samples_per_block(n, rows // n, k, b.shape[1])
    if s == n:
        return a.T @ b
    blocks = n // s
    return xp.matmul(
        a.reshape(blocks, -1, k).transpose(0, 2, 1), b.reshape(blocks, -1, b.shape[1])
    ).sum(0)


# ----------------------------------------------------------------------------- the ops
_FEW_CHANNELS = 4  # inputs with fewer channels get their im2col taps-major (see _cols_taps_major)
# Conv2d works a chunk of samples at a time, each chunk about this size (Conv2d._unfolder):
# small enough to stay in a last-level cache (a few MiB on any current CPU), large enough that
# each chunk's GEMM has thousands of rows.
_CHUNK_BYTES = 4 << 20


class Conv2d(Function):
    """Fused convolution and bias (one graph node): ``y = conv(x, w) + b``, optionally followed
    by ReLU in the same node (``relu=True``: ``y = max(0, conv(x, w) + b)``).

    Forward ``Y = cols @ W + b``; backward ``dW = cols^T G``, ``db = sum G``,
    ``dx = col2im(G W^T)`` (see the module docstring for the element formulas), where with the
    fused ReLU G is first multiplied by ``[y > 0]``. Gradients are computed only for the inputs
    that need one (a first layer never pays for ``dx``). Use it through :func:`conv2d`.

    Example:
        >>> x, w = Tensor(np.ones((1, 1, 3, 3))), Tensor(np.ones((2, 1, 2, 2)))
        >>> Conv2d.apply(x, w, stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1),
        ...              out_hw=(2, 2)).shape
        (1, 2, 2, 2)
    """

    def __init__(
        self,
        stride: tuple[int, int],
        pad: Pad4,
        dilation: tuple[int, int],
        out_hw: tuple[int, int],
        relu: bool = False,
    ) -> None:
        self.stride, self.pad, self.dilation, self.out_hw = stride, pad, dilation, out_hw
        self.relu = relu

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        xnp = array_module(x, w, b)
        n = x.shape[0]
        o = w.shape[0]
        oh, ow = self.out_hw
        self._setup(x, w)
        dtype = self.wmat.dtype
        step, unfold = self._unfolder(n)
        y = xnp.empty((n * oh * ow, o), dtype=dtype)  # (N*OH*OW, O): Y = cols @ W + b
        for s0 in range(0, n, step):
            m = min(step, n - s0)
            rows = y[s0 * oh * ow : (s0 + m) * oh * ow]
            rows_matmul(unfold(s0, m), self.wmat, m, out=rows)
            if b is not None:  # bias and ReLU on the chunk's rows while they are in cache
                rows += b
            if self.relu:  # fused activation: y = max(0, conv + b), in place
                xnp.maximum(rows, 0, out=rows)
        self.y = y if self.relu and self.recording else None
        if not self.recording:  # inference keeps nothing
            self.cols = self.xp = self.wmat = None
        # (N, OH, OW, O) memory seen as (N, O, OH, OW): NCHW values, channels-last strides.
        return y.reshape(n, oh, ow, o).transpose(0, 3, 1, 2)

    def _setup(self, x: np.ndarray, w: np.ndarray) -> None:
        """Keep what the unfolding needs: the (kh*kw*C, O) kernel matrix, and either the
        taps-major ``cols`` of a first layer (C < 4: small, made once, whole) or the padded
        channels-last input (a free view when x is already channels-last in memory and needs
        no padding, else one copy with contiguous reads when x is)."""
        xnp = array_module(x, w)
        n, c, h, wd = x.shape
        o, _, kh, kw = w.shape
        t, bt, left, r = self.pad
        dtype = np.result_type(x.dtype, w.dtype)
        self.wmat = xnp.ascontiguousarray(w.transpose(2, 3, 1, 0), dtype=dtype).reshape(-1, o)
        self.x_shape, self.w_shape = x.shape, w.shape
        self.cols = self.xp = None
        if c < _FEW_CHANNELS:
            self.cols = self._cols_taps_major(x, (kh, kw), dtype)
            return
        xp = x.transpose(0, 2, 3, 1)
        if any(self.pad) or not xp.flags.c_contiguous or xp.dtype != dtype:
            xp = xnp.zeros((n, h + t + bt, wd + left + r, c), dtype=dtype)
            xp[:, t : t + h, left : left + wd, :] = x.transpose(0, 2, 3, 1)
        self.xp = xp

    def _unfolder(self, n: int) -> tuple[int, Any]:
        """(samples per chunk, ``unfold(s0, m)``): the (m*OH*OW, kh*kw*C) rows of ``cols`` of
        samples s0 .. s0+m-1. A channels-last input is unfolded a chunk at a time by
        :func:`im2col` into one reused buffer of about ``_CHUNK_BYTES``: the chunk is still
        in cache when its GEMM reads it, and no (N*OH*OW, kh*kw*C) array is allocated or kept
        (backward unfolds again). The taps-major ``cols`` of a first layer is small (C < 4)
        and kept whole; its chunks are slices, sized by the output rows they produce.

        Measured (conv 32 -> 64 on 128 x 14 x 14, 1 thread): forward 19.4 -> 12.9 ms against
        unfolding the whole batch at once; ``dW`` with the unfolding redone per chunk 11.8 ms
        against 13.6 ms from the whole batch's kept ``cols``."""
        xnp = array_module(self.wmat)
        c = self.x_shape[1]
        o, _, kh, kw = self.w_shape
        oh, ow = self.out_hw
        size = np.dtype(self.wmat.dtype).itemsize
        if self.cols is not None:
            cols = self.cols
            return self._chunk(n, oh * ow * o * size), (
                lambda s0, m: cols[s0 * oh * ow : (s0 + m) * oh * ow]
            )
        step = self._chunk(n, oh * ow * kh * kw * c * size)
        buf = xnp.empty((step, oh, ow, kh, kw, c), dtype=self.wmat.dtype)
        xp = self.xp

        def unfold(s0: int, m: int) -> np.ndarray:
            cols = im2col(xp[s0 : s0 + m], (kh, kw), self.stride, self.dilation, (oh, ow),
                          out=buf[:m])  # fmt: skip
            return cols.reshape(m * oh * ow, kh * kw * c)

        return step, unfold

    @staticmethod
    def _chunk(n: int, per_sample: int) -> int:
        """Samples per chunk: about ``_CHUNK_BYTES`` of ``per_sample`` bytes, in equal chunks."""
        step = max(1, min(n, _CHUNK_BYTES // per_sample))
        chunks = -(-n // step)
        return -(-n // chunks)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        """A chunk of samples at a time (the chunks of ``forward``): each chunk's rows of G
        (times ReLU's derivative [y > 0] when it is fused), its unfolded input and its part of
        ``dW = sum cols^T G``, ``db = sum G`` and ``dx``, all while they are in cache."""
        xnp = array_module(g)
        n, o = self.x_shape[0], self.w_shape[0]
        oh, ow = self.out_hw
        y = self.y
        g_rows = g.transpose(0, 2, 3, 1)  # (N, OH, OW, O): free when g is channels-last
        step, unfold = self._unfolder(n)
        gwmat, gb, gx = self._grad_buffers()
        for s0 in range(0, n, step):
            m = min(step, n - s0)
            gc = g_rows[s0 : s0 + m].reshape(m * oh * ow, o)  # one copy when g is NCHW
            if y is not None:  # ReLU's backward, dy/dz = [y > 0]
                gc = gc * (y[s0 * oh * ow : (s0 + m) * oh * ow] > 0)
            if gwmat is not None:
                gwmat += rows_tmatmul(unfold(s0, m), gc, m)
            if gb is not None:
                # db = sum over rows of G, as the GEMV 1^T G: BLAS runs it ~4-7x faster than
                # NumPy's column sums of a tall (rows, O) matrix (measured 0.3 vs 2.3 ms)
                gb += xnp.ones(gc.shape[0], dtype=gc.dtype) @ gc
            if gx is not None:
                gx[s0 : s0 + m] = self._grad_input(gc, m)
        self.cols = self.xp = self.y = None  # the largest arrays of the graph: free them now
        return self._grads(gx, gwmat, gb)

    def _grad_buffers(self) -> tuple[np.ndarray | None, ...]:
        """Zeroed sums of dW (as the (kh*kw*C, O) matrix) and db, and dx (N, H, W, C) to be
        filled chunk by chunk, each only where a gradient is needed."""
        xnp = array_module(self.wmat)
        n, c, h, wd = self.x_shape
        o = self.w_shape[0]
        needs, dtype = self.needs_input_grad, self.wmat.dtype
        gwmat = xnp.zeros(self.wmat.shape, dtype=dtype) if needs[1] else None
        gb = xnp.zeros(o, dtype=dtype) if len(needs) > 2 and needs[2] else None
        gx = xnp.empty((n, h, wd, c), dtype=dtype) if needs[0] else None
        return gwmat, gb, gx

    def _grads(self, gx: Any, gwmat: Any, gb: Any) -> tuple[np.ndarray | None, ...]:
        """The gradients in the inputs' layouts: dx as an NCHW view, dW as (O, C, kh, kw)."""
        o, c, kh, kw = self.w_shape
        gw = None
        if gwmat is not None:
            gw = array_module(gwmat).ascontiguousarray(
                gwmat.reshape(kh, kw, c, o).transpose(3, 2, 0, 1)
            )
        gx = gx.transpose(0, 3, 1, 2) if gx is not None else None
        return (gx, gw, gb)[: len(self.needs_input_grad)]

    def _grad_input(self, g2: np.ndarray, n: int) -> np.ndarray:
        """dx (n, H, W, C) of ``n`` samples from their (n*OH*OW, O) rows G of dL/dy: per kernel
        offset for stride 1, else col2im(G W^T)."""
        _, c, h, wd = self.x_shape
        kh, kw = self.w_shape[2:]
        t, bt, left, r = self.pad
        oh, ow = self.out_hw
        if self.stride == (1, 1):
            return self._grad_input_stride1(g2, n)
        dcols = rows_matmul(g2, self.wmat.T, n).reshape(n, oh, ow, kh, kw, c)
        dxp = col2im(dcols, (n, h + t + bt, wd + left + r, c), self.stride, self.dilation)
        return dxp[:, t : t + h, left : left + wd, :]

    def _cols_taps_major(self, x: np.ndarray, kernel: tuple[int, int], dtype: Any) -> np.ndarray:
        """im2col for inputs with few channels (a first layer), returned as the transposed view
        of ``colsT[i, j, c, n, p, q] = xp[n, c, p*sh + i*dh, q*sw + j*dw]``: one copy per tap
        (i, j) of whole (N, OH, OW) planes, runs of OW floats, where the channels-last layout
        copies runs of only kw*C floats (measured 0.4 vs 2.8 ms for 128 x 1 x 28 x 28, 3x3).
        """
        xnp = array_module(x, dtype)
        n, c, h, wd = x.shape
        t, bt, left, r = self.pad
        (kh, kw), (oh, ow) = kernel, self.out_hw
        xp = x.transpose(1, 0, 2, 3)  # (C, N, H, W): each tap's copy is then one assignment
        if any(self.pad) or xp.dtype != dtype:
            xp = xnp.zeros((c, n, h + t + bt, wd + left + r), dtype=dtype)
            xp[:, :, t : t + h, left : left + wd] = x.transpose(1, 0, 2, 3)
        cols_t = xnp.empty((kh, kw, c, n, oh, ow), dtype=dtype)
        for i in range(kh):
            rows = window(i * self.dilation[0], oh, self.stride[0])
            for j in range(kw):
                cols_t[i, j] = xp[:, :, rows, window(j * self.dilation[1], ow, self.stride[1])]
        return cols_t.reshape(kh * kw * c, n * oh * ow).T  # (N*OH*OW, kh*kw*C), F-ordered

    def _grad_input_stride1(self, g2: np.ndarray, n: int) -> np.ndarray:
        """dx (N, H, W, C) for stride 1, one kernel offset (i, j) at a time::

            dx[n, p + i*d - t, q + j*d - l, c] += sum_o G[n, p, q, o] * w[o, c, i, j]

        i.e. per offset one GEMM ``G @ W_ij^T`` (N*OH*OW, C), the rows landing inside the
        unpadded input added to a shifted window of dx. Same sums as col2im(G W^T) without its (N*OH*OW, kh*kw*C)
        intermediate and its strided reads; the padding is never materialized.
        """
        xp = array_module(g2)
        _, c, h, wd = self.x_shape
        kh, kw = self.w_shape[2:]
        t, _, left, _ = self.pad
        oh, ow = self.out_hw
        dh, dw = self.dilation
        wtaps = self.wmat.reshape(kh, kw, c, -1)  # wtaps[i, j] = W_ij^T, (C, O)
        dx = None
        # One plain multi-threaded GEMM per tap: with K = O and C columns it is large enough that
        # rows_matmul's single-threaded blocks were 2x slower (measured 1.2 vs 0.6 ms).
        tmp = xp.empty((g2.shape[0], c), dtype=np.result_type(g2.dtype, wtaps.dtype))
        for i in range(kh):
            # output rows p whose tap i lands inside the input: 0 <= p + i*dh - t < h
            p0, p1 = max(0, t - i * dh), min(oh, h + t - i * dh)
            for j in range(kw):
                q0, q1 = max(0, left - j * dw), min(ow, wd + left - j * dw)
                if p0 >= p1 or q0 >= q1:
                    continue  # this tap only ever sees padding
                if dx is None and (p0, p1, q0, q1) == (0, h, 0, wd) and (oh, ow) == (h, wd):
                    # a tap covering the whole input (the centre of a 'same' conv): assign
                    dx = xp.matmul(g2, wtaps[i, j].T).reshape(n, h, wd, c)
                    continue
                if dx is None:
                    dx = xp.zeros((n, h, wd, c), dtype=g2.dtype)
                # the GEMM over all positions (a cut of G would cost a copy), then cut its result
                part = xp.matmul(g2, wtaps[i, j].T, out=tmp).reshape(n, oh, ow, c)
                y0, x0 = p0 + i * dh - t, q0 + j * dw - left
                dx[:, y0 : y0 + p1 - p0, x0 : x0 + q1 - q0] += part[:, p0:p1, q0:q1]
        if dx is None:  # every tap sees only padding
            dx = xp.zeros((n, h, wd, c), dtype=g2.dtype)
        return dx


def conv_geometry(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None,
    stride: Any,
    padding: Any,
    dilation: Any,
    name: str,
) -> tuple[tuple[int, int], Pad4, tuple[int, int], tuple[int, int]]:
    """Check the arguments of a 2-D convolution and resolve them to
    ``(stride, pad, dilation, out_hw)``, raising a clear error naming ``name`` otherwise.

    Example:
        >>> conv_geometry(Tensor(np.ones((2, 3, 8, 8))), Tensor(np.ones((4, 3, 3, 3))), None,
        ...               1, "same", 1, "conv2d")
        ((1, 1), (1, 1, 1, 1), (1, 1), (8, 8))
    """
    if x.ndim != 4:
        raise ShapeError(key="error.ops.conv.input_rank", who=name, shape=x.shape)
    if weight.ndim != 4:
        raise ShapeError(key="error.ops.conv.kernel_rank", who=name, shape=weight.shape)
    if x.shape[1] != weight.shape[1]:
        raise ShapeError(
            key="error.ops.conv.input_channels", who=name, c=weight.shape[1], shape=x.shape
        )
    if bias is not None and bias.shape != (weight.shape[0],):
        raise ShapeError(
            key="error.ops.conv.bias_shape", who=name, o=weight.shape[0], shape=bias.shape
        )
    return window_geometry(x.shape, weight.shape[2:], stride, padding, dilation, name)


def window_geometry(
    x_shape: tuple[int, ...], kernel: Any, stride: Any, padding: Any, dilation: Any, name: str
) -> tuple[tuple[int, int], Pad4, tuple[int, int], tuple[int, int]]:
    """The sliding window of a convolution with a (kh, kw) ``kernel`` over an input of
    ``x_shape`` (N, C, H, W), checked and resolved to ``(stride, pad, dilation, out_hw)``.

    Example:
        >>> window_geometry((2, 3, 8, 8), (3, 3), 2, 1, 1, "conv2d")
        ((2, 2), (1, 1, 1, 1), (1, 1), (4, 4))
    """
    kernel = (int(kernel[0]), int(kernel[1]))
    stride = pair(stride, "stride", name)
    dilation = pair(dilation, "dilation", name)
    if min(stride) < 1 or min(dilation) < 1:
        raise ConfigError(
            key="error.ops.conv.stride_dilation", who=name, stride=stride, dilation=dilation
        )
    pad = resolve_padding(padding, x_shape[2:], kernel, stride, dilation, name)
    out_hw = check_window(x_shape, kernel, stride, dilation, pad, name)
    return stride, pad, dilation, out_hw


def conv2d(
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: int | tuple[int, int] = 1,
    padding: Any = 0,
    dilation: int | tuple[int, int] = 1,
    groups: int = 1,
    *,
    relu: bool = False,
    name: str = "conv2d",
) -> Tensor:
    """2-D convolution of a channels-first batch, like ``torch.nn.functional.conv2d``.

    Args:
        x: (N, C, H, W) input.
        weight: (O, C, kh, kw) kernels.
        bias: (O,) or ``None``.
        stride, dilation: int or (h, w).
        padding: ``"valid"`` (0), ``"same"`` (Keras/TensorFlow, asymmetric when needed), an
            int, ``(ph, pw)`` (symmetric, PyTorch's meaning) or ``((top, bottom), (left, right))``.
        groups: split the channels into this many independent groups (``groups = C``:
            depthwise); the kernel is then (O, C / groups, kh, kw). See
            :mod:`mitbadak.ops.conv_variants`.
        relu: apply ``max(0, .)`` to the result inside the same graph node (saves a node, a
            pass over the output and the memory of the pre-activation).
        name: the layer or op named in error messages.

    Returns:
        (N, O, OH, OW) with OH = floor((H + pads - dilation*(kh-1) - 1) / stride) + 1.

    Example:
        >>> x = Tensor(np.ones((2, 1, 5, 5)))
        >>> w = Tensor(np.ones((4, 1, 3, 3)))
        >>> y = conv2d(x, w, padding="same")
        >>> y.shape, float(y.data[0, 0, 2, 2]), float(y.data[0, 0, 0, 0])
        ((2, 4, 5, 5), 9.0, 4.0)
    """
    relu = validate.boolean(relu, "relu", name)
    if groups != 1:
        from .activation import relu as _relu
        from .conv_variants import conv2d_grouped

        y = conv2d_grouped(x, weight, bias, stride, padding, dilation, groups, name=name)
        return _relu(y) if relu else y
    stride, pad, dilation, out_hw = conv_geometry(x, weight, bias, stride, padding, dilation, name)
    args = (x, weight) if bias is None else (x, weight, bias)
    op: type[Function] = Conv2d
    if reference_kernels():  # the formula itself, as a loop over kernel offsets (issue 15)
        from .reference import RefConv2d as op
    return op.apply(
        *args, stride=stride, pad=pad, dilation=dilation, out_hw=out_hw, relu=bool(relu)
    )


class Pad2d(Function):
    """y = x with constant borders on the two last axes;  dx = g with the borders cut off.

    Example:
        >>> Pad2d.apply(Tensor(np.ones((1, 1))), pad=(1, 0, 0, 2)).data.tolist()
        [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    """

    def __init__(self, pad: Pad4, value: float = 0.0) -> None:
        self.pad, self.value = pad, value

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        t, b, left, r = self.pad
        h, w = x.shape[-2:]
        y = xp.full(x.shape[:-2] + (h + t + b, w + left + r), self.value, dtype=x.dtype)
        y[..., t : t + h, left : left + w] = x
        self.hw = (h, w)
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        t, _, left, _ = self.pad
        h, w = self.hw
        return g[..., t : t + h, left : left + w]


def pad2d(x: Tensor, padding: Any, value: float = 0.0, *, name: str = "pad2d") -> Tensor:
    """Pad the two last axes (H, W) with ``value``: ``p``, ``(ph, pw)`` or
    ``((top, bottom), (left, right))``.

    Example:
        >>> pad2d(Tensor(np.ones((1, 1, 2, 2))), ((0, 1), (2, 0))).shape
        (1, 1, 3, 4)
    """
    if x.ndim < 2:
        raise ShapeError(key="error.ops.conv.two_axes", who=name, shape=x.shape)
    if isinstance(padding, str):
        raise ConfigError(key="error.ops.conv.padding_ints", who=name, got=repr(padding))
    pad = resolve_padding(padding, x.shape[-2:], (1, 1), (1, 1), (1, 1), name)
    return Pad2d.apply(x, pad=pad, value=float(value))


__all__ = [
    "Conv2d",
    "Pad2d",
    "check_window",
    "col2im",
    "conv2d",
    "im2col",
    "output_size",
    "pad2d",
    "resolve_padding",
    "same_padding",
]

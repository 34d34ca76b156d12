"""Reference implementations of the fast kernels, written exactly as their formulas (issue 15).

Slow on purpose: each is the textbook loop, so a student can step through it, then switch
back to the fast kernel (:mod:`mitbadak.ops.conv`, :mod:`mitbadak.ops.pool`,
:mod:`mitbadak.ops.recurrent`) and see the same numbers. ``tests/test_reference_kernels.py``
checks each against its fast twin, values and gradients. Select them at run time with
:func:`mitbadak.ops.kernel_mode.use_reference_kernels` (also ``mitbadak.backend``).

* :class:`RefConv2d`: convolution as the sum over kernel offsets (i, j),
  ``y[n, o, p, q] = b[o] + sum_{i, j} sum_c w[o, c, i, j] * xp[n, c, p*s + i*d, q*s + j*d]``,
  with its backward written as the three sums of :mod:`mitbadak.ops.conv`'s docstring.
* :class:`RefMaxPool2d` / :class:`RefAvgPool2d`: pooling as the loop over windows (p, q).
* :func:`ref_linear`: the dense layer as ``x @ W``, ``+ b`` and ``relu`` (three nodes), where
  the fast :class:`mitbadak.ops.linear.Linear` fuses them into one.
* :func:`ref_recurrence`: the SimpleRNN / LSTM / GRU cells step by step, each step built from
  the engine's elementary ops (matmul, sigmoid, tanh), so backpropagation through time is the
  autograd of that loop.

Example:
    >>> import numpy as np
    >>> from mitbadak.tensor import Tensor
    >>> x = Tensor(np.arange(16.0).reshape(1, 1, 4, 4))
    >>> RefMaxPool2d.apply(x, kernel=(2, 2), stride=(2, 2), pad=(0, 0, 0, 0),
    ...                    out_hw=(2, 2)).data[0, 0].tolist()
    [[5.0, 7.0], [13.0, 15.0]]
"""

from __future__ import annotations

import numpy as np

from ..backend import array_module
from ..errors import ConfigError
from ..tensor import Function, Tensor
from .conv import Pad4, window


def _pad(x: np.ndarray, pad: Pad4, value: float) -> np.ndarray:
    xp = array_module(x, pad)
    t, b, left, r = pad
    return xp.pad(x, ((0, 0), (0, 0), (t, b), (left, r)), constant_values=value)


class RefConv2d(Function):
    """Convolution (+ bias, + optional ReLU) as the sum over kernel offsets; same arguments as
    :class:`mitbadak.ops.conv.Conv2d`.

    Forward, for each offset (i, j), the input window that offset sees, ``X_ij[n, c, p, q] =
    xp[n, c, p*s + i*d, q*s + j*d]``, times the kernel's column ``w[:, :, i, j]``::

        y = b + sum_{i, j} einsum("ncpq,oc->nopq", X_ij, w[:, :, i, j])

    Backward, for G = dL/dy (times [y > 0] with the fused ReLU)::

        dw[:, :, i, j] = einsum("nopq,ncpq->oc", G, X_ij)
        dX_ij         += einsum("nopq,oc->ncpq", G, w[:, :, i, j])   (added back into dxp)
        db             = sum_{n, p, q} G

    Example:
        >>> x, w = Tensor(np.ones((1, 1, 3, 3))), Tensor(np.ones((2, 1, 2, 2)))
        >>> RefConv2d.apply(x, w, stride=(1, 1), pad=(0, 0, 0, 0), dilation=(1, 1),
        ...                 out_hw=(2, 2)).data[0, 0].tolist()
        [[4.0, 4.0], [4.0, 4.0]]
    """

    def __init__(self, stride, pad, dilation, out_hw, relu: bool = False) -> None:
        self.stride, self.pad, self.dilation, self.out_hw = stride, pad, dilation, out_hw
        self.relu = relu

    def _window(self, xp: np.ndarray, i: int, j: int) -> np.ndarray:
        (sh, sw), (dh, dw), (oh, ow) = self.stride, self.dilation, self.out_hw
        return xp[:, :, window(i * dh, oh, sh), window(j * dw, ow, sw)]

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        xnp = array_module(x, w, b)
        dtype = np.result_type(x.dtype, w.dtype)
        xp = _pad(x.astype(dtype, copy=False), self.pad, 0.0)
        n, o, (oh, ow) = x.shape[0], w.shape[0], self.out_hw
        y = xnp.zeros((n, o, oh, ow), dtype=dtype)
        for i in range(w.shape[2]):
            for j in range(w.shape[3]):
                y += xnp.einsum("ncpq,oc->nopq", self._window(xp, i, j), w[:, :, i, j])
        if b is not None:
            y += b[None, :, None, None]
        if self.relu:
            y = xnp.maximum(y, 0)
        self.xp, self.w, self.y, self.x_shape = xp, w, y, x.shape
        return y

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xnp = array_module(g)
        if self.relu:
            g = g * (self.y > 0)
        xp, w = self.xp, self.w
        dxp = xnp.zeros_like(xp)
        dw = xnp.zeros_like(w, dtype=xp.dtype)
        for i in range(w.shape[2]):
            for j in range(w.shape[3]):
                dw[:, :, i, j] = xnp.einsum("nopq,ncpq->oc", g, self._window(xp, i, j))
                self._window(dxp, i, j)[...] += xnp.einsum("nopq,oc->ncpq", g, w[:, :, i, j])
        t, _, left, _ = self.pad
        h, wd = self.x_shape[2:]
        gx = dxp[:, :, t : t + h, left : left + wd]
        gb = g.sum(axis=(0, 2, 3))
        return (gx, dw, gb)[: len(self.needs_input_grad)]


class _RefPool(Function):
    def __init__(self, kernel, stride, pad, out_hw, count_include_pad: bool = True) -> None:
        self.kernel, self.stride, self.pad, self.out_hw = kernel, stride, pad, out_hw
        self.count_include_pad = count_include_pad

    def windows(self):
        """(p, q, rows, cols) of every output position, row-major."""
        (kh, kw), (sh, sw), (oh, ow) = self.kernel, self.stride, self.out_hw
        for p in range(oh):
            for q in range(ow):
                yield p, q, slice(p * sh, p * sh + kh), slice(q * sw, q * sw + kw)

    def grad_input(self, dxp: np.ndarray) -> np.ndarray:
        t, _, left, _ = self.pad
        h, w = self.x_shape[2:]
        return dxp[:, :, t : t + h, left : left + w]


class RefMaxPool2d(_RefPool):
    """Max pooling as the loop over windows::

        y[n, c, p, q] = max_{i, j} xp[n, c, p*s + i, q*s + j]
        dxp[n, c, p*s + i*, q*s + j*] += G[n, c, p, q]   at the window's first arg-max (i*, j*)

    Example:
        >>> RefMaxPool2d.apply(Tensor(np.arange(4.0).reshape(1, 1, 2, 2)), kernel=(2, 2),
        ...                    stride=(2, 2), pad=(0, 0, 0, 0), out_hw=(1, 1)).item()
        3.0
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        xnp = array_module(x)
        self.x_shape = x.shape
        xp = _pad(x, self.pad, -np.inf)
        n, c = x.shape[:2]
        y = xnp.empty((n, c) + self.out_hw, dtype=x.dtype)
        self.first = {}
        for p, q, rows, cols in self.windows():
            win = xp[:, :, rows, cols].reshape(n, c, -1)
            self.first[p, q] = xnp.argmax(win, axis=-1)  # the first maximum, row-major
            y[:, :, p, q] = win.max(axis=-1)
        self.xp_shape = xp.shape
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        dxp = xp.zeros(self.xp_shape, dtype=g.dtype)
        kh, kw = self.kernel
        for p, q, rows, cols in self.windows():
            hit = xp.arange(kh * kw) == self.first[p, q][..., None]  # one-hot of the arg-max
            dxp[:, :, rows, cols] += (g[:, :, p, q, None] * hit).reshape(g.shape[:2] + (kh, kw))
        return self.grad_input(dxp)


class RefAvgPool2d(_RefPool):
    """Average pooling as the loop over windows::

        y[n, c, p, q] = (1 / count) * sum_{i, j} xp[n, c, p*s + i, q*s + j]
        dxp[n, c, p*s + i, q*s + j] += G[n, c, p, q] / count

    where count is kh*kw, or (``count_include_pad=False``) the window's unpadded positions.

    Example:
        >>> RefAvgPool2d.apply(Tensor(np.arange(4.0).reshape(1, 1, 2, 2)), kernel=(2, 2),
        ...                    stride=(2, 2), pad=(0, 0, 0, 0), out_hw=(1, 1)).item()
        1.5
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        xnp = array_module(x)
        self.x_shape = x.shape
        xp = _pad(x, self.pad, 0.0)
        real = _pad(xnp.ones((1, 1) + x.shape[2:], dtype=x.dtype), self.pad, 0.0)
        y = xnp.empty(x.shape[:2] + self.out_hw, dtype=x.dtype)
        self.count = {}
        for p, q, rows, cols in self.windows():
            win = xp[:, :, rows, cols]
            count = win.shape[2] * win.shape[3]
            if not self.count_include_pad:
                count = real[0, 0, rows, cols].sum()
            self.count[p, q] = count
            y[:, :, p, q] = win.sum(axis=(2, 3)) / count
        self.xp_shape = xp.shape
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        dxp = xp.zeros(self.xp_shape, dtype=g.dtype)
        for p, q, rows, cols in self.windows():
            dxp[:, :, rows, cols] += (g[:, :, p, q] / self.count[p, q])[:, :, None, None]
        return self.grad_input(dxp)


# --------------------------------------------------------------------------- recurrent cells
def _cell_step(kind: str, x_t, h, c, w, u, b, hsz: int, activation: str):
    """One step of a cell from elementary ops; returns (h_t, c_t). Keras' gate orders."""
    from . import activation as act

    if kind == "simple_rnn":  # h_t = tanh(x_t W + h_{t-1} U + b)
        a = x_t @ w + h @ u + b
        return (act.relu(a) if activation == "relu" else act.tanh(a)), None
    if kind == "lstm":  # z = x_t W + h U + b -> i, f, g, o;  c_t = f c + i g;  h_t = o tanh(c_t)
        z = x_t @ w + h @ u + b
        i = act.sigmoid(z[:, :hsz])
        f = act.sigmoid(z[:, hsz : 2 * hsz])
        g = act.tanh(z[:, 2 * hsz : 3 * hsz])
        o = act.sigmoid(z[:, 3 * hsz :])
        c_t = f * c + i * g
        return o * act.tanh(c_t), c_t
    # gru (reset_after): xz = x W + b_in, hz = h U + b_rec; z, r gates; n = tanh(xz_h + r hz_h)
    xz = x_t @ w + b[0]
    hz = h @ u + b[1]
    z = act.sigmoid(xz[:, :hsz] + hz[:, :hsz])
    r = act.sigmoid(xz[:, hsz : 2 * hsz] + hz[:, hsz : 2 * hsz])
    n = act.tanh(xz[:, 2 * hsz :] + r * hz[:, 2 * hsz :])
    return z * h + (1 - z) * n, None


def ref_recurrence(
    kind: str,
    x: Tensor,
    kernel: Tensor,
    recurrent_kernel: Tensor,
    bias: Tensor,
    initial_state: list[Tensor],
    *,
    mask: np.ndarray | None = None,
    reverse: bool = False,
    return_sequences: bool = False,
    return_state: bool = False,
    truncate: int | None = None,
    grad_norms: list | None = None,
    activation: str = "tanh",
) -> Tensor:
    """The recurrent ops of :func:`mitbadak.ops.recurrent.recurrence`, one cell step at a time
    (same arguments and output packing); the gradient is the autograd of the loop.

    ``truncate`` and ``grad_norms`` act inside the fused backward pass only, so they are
    refused here.

    Example:
        >>> x = Tensor(np.ones((2, 5, 3)))
        >>> w, u = Tensor(np.ones((3, 4))), Tensor(np.eye(4))
        >>> b, h0 = Tensor(np.zeros(4)), Tensor(np.zeros((2, 4)))
        >>> ref_recurrence("simple_rnn", x, w, u, b, [h0], return_sequences=True).shape
        (2, 5, 4)
    """
    xp = array_module(x, kernel, recurrent_kernel)
    from .shape import concatenate, stack

    if truncate or grad_norms is not None:
        raise ConfigError(key="error.ops.reference.truncate_grad_norms_features", kind=kind)
    hsz = recurrent_kernel.shape[0]
    h = initial_state[0]
    c = initial_state[1] if kind == "lstm" else None
    steps = range(x.shape[1] - 1, -1, -1) if reverse else range(x.shape[1])
    ys: dict[int, Tensor] = {}
    for t in steps:
        h_new, c_new = _cell_step(
            kind, x[:, t], h, c, kernel, recurrent_kernel, bias, hsz, activation
        )
        if mask is None:
            h, c, ys[t] = h_new, c_new, h_new
        else:  # a padded step keeps the state and outputs zero
            m = Tensor(xp.asarray(mask[:, t, None], dtype=bool))
            from .index import where

            h = where(m, h_new, h)
            c = where(m, c_new, c) if c is not None else None
            ys[t] = where(m, h_new, 0.0 * h_new)
    parts = []
    if return_sequences:
        parts.append(stack([ys[t] for t in range(x.shape[1])], axis=1))
    if not return_state:
        return parts[0] if parts else h
    finals = [h] if c is None else [h, c]
    parts += [s.reshape(s.shape[0], 1, hsz) for s in finals]
    return concatenate(parts, axis=1)


__all__ = ["RefAvgPool2d", "RefConv2d", "RefMaxPool2d", "ref_recurrence"]


def ref_linear(x: Tensor, w: Tensor, b: Tensor | None, relu: bool) -> Tensor:
    """y = x W + b, then max(0, y) when ``relu``, from the engine's elementary ops (one node
    each), so the backward is their autograd: dx = G W^T, dW = x^T G, db = sum of G, with G
    first multiplied by [y > 0] through the ReLU.

    Example:
        >>> ref_linear(Tensor([[1.0, -2.0]]), Tensor(np.eye(2)), None, relu=True).tolist()
        [[1.0, 0.0]]
    """
    from .activation import relu as relu_op  # ops import this module lazily: no cycle

    y = x @ w
    if b is not None:
        y = y + b
    return relu_op(y) if relu else y

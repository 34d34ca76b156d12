"""Batch normalization and layer normalization as fused operations.

Both normalize ``x`` to zero mean and unit variance over some axes, then scale and shift::

    xhat = (x - mean) / sqrt(var + eps)         (var: the biased variance, divided by M)
    y    = gamma * xhat + beta

Batch norm takes the statistics per channel over the batch (and the spatial axes of images);
layer norm per sample over its features. Written as single graph nodes, forward and backward
each need a handful of array passes instead of the dozen nodes of the composed formula, and the
backward is the compact textbook result (M values share each mean and variance)::

    dxhat = dy * gamma
    dx    = inv_std / M * (M * dxhat - sum(dxhat) - xhat * sum(dxhat * xhat))
    dgamma = sum(dy * xhat),   dbeta = sum(dy)      (over the axes gamma is shared along)

Channel sums of images (N, C, H, W) are taken by ``np.einsum`` on an (N, C, H*W) view: no
transpose, no temporary for products such as ``sum(dy * xhat)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..backend import array_module
from ..errors import ShapeError
from ..tensor import Function, Tensor
from .shape import transpose


def _channel_view(a: np.ndarray, axis: int) -> np.ndarray:
    """``a`` as (outer, C, inner) with C the channel axis: a view for contiguous arrays."""
    outer = int(np.prod(a.shape[:axis], dtype=np.int64))
    return a.reshape(outer, a.shape[axis], -1)


def _channel_sum(a3: np.ndarray, b3: np.ndarray | None = None) -> np.ndarray:
    """Per-channel sum of ``a3`` (or of ``a3 * b3``, without forming the product) over the
    (outer, C, inner) view; einsum runs the whole reduction in one compiled loop."""
    xp = array_module(a3, b3)
    if a3.shape[2] == 1:  # (N, C) data: a 2-D einsum avoids an inner loop of length 1
        a2 = a3.reshape(a3.shape[0], a3.shape[1])
        if b3 is None:
            return xp.einsum("nc->c", a2)
        return xp.einsum("nc,nc->c", a2, b3.reshape(a2.shape))
    if b3 is None:
        return xp.einsum("nci->c", a3)
    return xp.einsum("nci,nci->c", a3, b3)


def _plane(v: np.ndarray, inner: int) -> np.ndarray:
    """A per-channel vector (C,) laid out to broadcast against the (outer, C, inner) view.

    For images it is repeated into a small (C, inner) plane: NumPy then runs each elementwise
    op as one contiguous loop over C * inner values per sample, about 1.7x faster than
    broadcasting a (C, 1) column (a stride-0 inner operand).
    """
    xp = array_module(v)
    col = v[:, None]
    return col if inner == 1 else xp.repeat(col, inner, axis=1)


class BatchNorm(Function):
    """Training-mode batch normalization over every axis except ``axis`` (the channels).

    Forward: per channel c, over its M = N * H * W values (M = N for (N, C) inputs)::

        mean = sum(x) / M,  var = sum((x - mean)^2) / M,  inv_std = 1 / sqrt(var + eps)
        xhat = (x - mean) * inv_std,  y = gamma * xhat + beta

    and, when running arrays are given, in place (Keras' ``momentum``)::

        running_mean = momentum * running_mean + (1 - momentum) * mean
        running_var  = momentum * running_var  + (1 - momentum) * var * M / (M - 1)

    (the unbiased variance, as PyTorch keeps it). Backward, gamma being constant per channel::

        dx = gamma * inv_std / M * (M * dy - sum(dy) - xhat * sum(dy * xhat))
        dgamma = sum(dy * xhat),  dbeta = sum(dy)

    Only the centred input xc = x - mean is kept (xhat = xc * inv_std is never stored): y is
    computed from it as xc * (gamma * inv_std) + beta, and sum(dy * xhat) as
    inv_std * sum(dy * xc). That saves two passes over the data per step.

    Example:
        >>> x = Tensor(np.array([[1.0], [3.0]]), requires_grad=True)
        >>> y = BatchNorm.apply(x, Tensor(np.ones(1)), Tensor(np.zeros(1)), eps=0.0)
        >>> y.tolist()
        [[-1.0], [1.0]]
    """

    def __init__(
        self,
        axis: int = 1,
        eps: float = 1e-5,
        momentum: float = 0.9,
        running_mean: np.ndarray | None = None,
        running_var: np.ndarray | None = None,
    ) -> None:
        self.axis, self.eps, self.momentum = axis, eps, momentum
        self.running_mean, self.running_var = running_mean, running_var

    def forward(self, x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
        xp = array_module(x, gamma, beta)
        x3 = _channel_view(x, self.axis)
        m = x3.shape[0] * x3.shape[2]
        mean = _channel_sum(x3) / m
        inner = x3.shape[2]
        xc = x3 - _plane(mean, inner)
        var = _channel_sum(xc, xc) / m  # two passes: no cancellation
        inv_std = 1.0 / xp.sqrt(var + self.eps)
        y = xp.multiply(xc, _plane(gamma * inv_std, inner))  # = gamma * xhat
        y += _plane(beta, inner)
        self.xc, self.inv_std, self.gamma, self.x_shape = xc, inv_std, gamma, x.shape
        if self.running_mean is not None and self.running_var is not None:
            mo = self.momentum
            self.running_mean *= mo
            self.running_mean += (1.0 - mo) * mean
            self.running_var *= mo
            self.running_var += (1.0 - mo) * m / (m - 1) * var
        return y.reshape(x.shape)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        xc, inv_std = self.xc, self.inv_std
        m = xc.shape[0] * xc.shape[2]
        g3 = _channel_view(xp.ascontiguousarray(g), self.axis)
        sum_g = _channel_sum(g3)
        sum_g_xhat = _channel_sum(g3, xc) * inv_std
        gx = None
        if self.needs_input_grad[0]:
            # M * dy - sum(dy) - xhat * sum(dy xhat), with xhat = xc * inv_std, divided by M
            inner = xc.shape[2]
            gx = xp.multiply(xc, _plane(-sum_g_xhat * inv_std / m, inner))
            gx += g3
            gx -= _plane(sum_g / m, inner)
            gx *= _plane(self.gamma * inv_std, inner)
            gx = gx.reshape(self.x_shape)
        return gx, sum_g_xhat, sum_g


class BatchNormInference(Function):
    """Inference-mode batch normalization with fixed (running) statistics::

        y = gamma * (x - running_mean) / sqrt(running_var + eps) + beta  =  x * scale + shift

    Backward: dx = dy * scale (scale = gamma / sqrt(running_var + eps)),
    dgamma = sum(dy * xhat), dbeta = sum(dy).

    Example:
        >>> x, one, zero = Tensor(np.array([[3.0]])), Tensor(np.ones(1)), Tensor(np.zeros(1))
        >>> BatchNormInference.apply(x, one, zero, axis=1, eps=0.0,
        ...                          running_mean=np.ones(1), running_var=np.full(1, 4.0)).tolist()
        [[1.0]]
    """

    def __init__(
        self, axis: int, eps: float, running_mean: np.ndarray, running_var: np.ndarray
    ) -> None:
        self.axis, self.eps = axis, eps
        self.running_mean, self.running_var = running_mean, running_var

    def forward(self, x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
        xp = array_module(x, gamma, beta)
        self.inv_std = 1.0 / xp.sqrt(self.running_var + self.eps)
        scale = gamma * self.inv_std
        shift = beta - self.running_mean * scale
        self.x, self.scale = x, scale
        x3 = _channel_view(x, self.axis)
        y = xp.multiply(x3, _plane(scale, x3.shape[2]))
        y += _plane(shift, x3.shape[2])
        return y.reshape(x.shape)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        g3 = _channel_view(xp.ascontiguousarray(g), self.axis)
        gx = ggamma = None
        if self.needs_input_grad[0]:
            gx = xp.multiply(g3, _plane(self.scale, g3.shape[2])).reshape(g.shape)
        if self.needs_input_grad[1]:
            xhat = _channel_view(self.x, self.axis) - _plane(self.running_mean, g3.shape[2])
            xhat *= _plane(self.inv_std, g3.shape[2])
            ggamma = _channel_sum(g3, xhat)
        return gx, ggamma, _channel_sum(g3)


def _check_channels(x: Tensor, axis: int, c: int, name: str) -> int:
    if x.ndim < 2:
        raise ShapeError(
            key="error.ops.normalization.input_batch_channel", name=name, shape=x.shape
        )
    if not -x.ndim <= axis < x.ndim:
        raise ShapeError(
            key="error.ops.normalization.axis_out_range", name=name, axis=axis, shape=x.shape
        )
    axis %= x.ndim
    if x.shape[axis] != c:
        raise ShapeError(
            key="error.ops.normalization.channels_axis_input",
            name=name,
            c=c,
            axis=axis,
            shape=x.shape,
        )
    return axis


def batch_norm(
    x: Tensor,
    gamma: Tensor | None,
    beta: Tensor | None,
    running_mean: np.ndarray,
    running_var: np.ndarray,
    training: bool,
    momentum: float = 0.9,
    epsilon: float = 1e-5,
    axis: int = 1,
    *,
    name: str = "batch_norm",
) -> Tensor:
    """Batch normalization of ``x`` along channel ``axis``, as one graph node.

    ``training=True`` normalizes with the batch's statistics and updates ``running_mean`` and
    ``running_var`` in place (``running = momentum * running + (1 - momentum) * batch``, so
    PyTorch's ``momentum`` is ``1 - momentum`` here); ``training=False`` uses the running
    statistics. ``gamma``/``beta`` may be ``None`` (no scale / no shift).

    Example:
        >>> x = Tensor(np.array([[1.0, 10.0], [3.0, 30.0]]))
        >>> rm, rv = np.zeros(2), np.ones(2)
        >>> batch_norm(x, None, None, rm, rv, training=True, epsilon=0.0).tolist()
        [[-1.0, -1.0], [1.0, 1.0]]
        >>> rm.round(6).tolist()    # 0.9 * 0 + 0.1 * mean
        [0.2, 2.0]
    """
    xp = array_module(x, gamma, beta)
    c = running_mean.shape[0]
    axis = _check_channels(x, axis, c, name)
    if gamma is None:
        gamma = Tensor(xp.ones(c, dtype=x.dtype))
    if beta is None:
        beta = Tensor(xp.zeros(c, dtype=x.dtype))
    for t, what in ((gamma, "gamma"), (beta, "beta"), (running_var, None)):
        if t.shape != (c,) and what is None:
            raise ShapeError(
                key="error.ops.normalization.running_var_shape", name=name, shape=t.shape, c=c
            )
        if t.shape != (c,):
            raise ShapeError(
                key="error.ops.normalization.shape", name=name, what=what, shape=t.shape, c=c
            )
    if training:
        m = x.size // c
        if m < 2:
            raise ShapeError(
                key="error.ops.normalization.training_needs_more", name=name, shape=x.shape
            )
        return BatchNorm.apply(
            x,
            gamma,
            beta,
            axis=axis,
            eps=epsilon,
            momentum=momentum,
            running_mean=running_mean,
            running_var=running_var,
        )
    return BatchNormInference.apply(
        x, gamma, beta, axis=axis, eps=epsilon, running_mean=running_mean, running_var=running_var
    )


class LayerNorm(Function):
    """Layer normalization over the trailing ``k`` axes (after the caller moved them there).

    Per row r of the (R, M) view, M = the number of normalized values per sample::

        xhat = (x - mean_r) / sqrt(var_r + eps),  y = gamma * xhat + beta   (gamma of size M)

    Backward (gamma varies along the normalized axes, so it enters dxhat)::

        dxhat = dy * gamma
        dx = inv_std_r / M * (M * dxhat - sum_m(dxhat) - xhat * sum_m(dxhat * xhat))
        dgamma = sum_r(dy * xhat),  dbeta = sum_r(dy)

    Example:
        >>> x = Tensor(np.array([[1.0, 3.0]]))
        >>> LayerNorm.apply(x, Tensor(np.ones(2)), Tensor(np.zeros(2)), eps=0.0).tolist()
        [[-1.0, 1.0]]
    """

    def __init__(self, k: int = 1, eps: float = 1e-5) -> None:
        self.k, self.eps = k, eps

    def forward(self, x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
        xp = array_module(x, gamma, beta)
        x2 = x.reshape(-1, gamma.size)
        m = x2.shape[1]
        mean = xp.einsum("rm->r", x2) / m
        xhat = x2 - mean[:, None]
        var = xp.einsum("rm,rm->r", xhat, xhat) / m
        inv_std = 1.0 / xp.sqrt(var + self.eps)
        xhat *= inv_std[:, None]
        y = xp.multiply(xhat, gamma.reshape(-1))
        y += beta.reshape(-1)
        self.xhat, self.inv_std, self.gamma, self.x_shape = xhat, inv_std, gamma, x.shape
        return y.reshape(x.shape)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        xp = array_module(g)
        xhat, m = self.xhat, self.xhat.shape[1]
        g2 = xp.ascontiguousarray(g).reshape(xhat.shape)
        gx = None
        if self.needs_input_grad[0]:
            gxhat = xp.multiply(g2, self.gamma.reshape(-1))
            mean_gxhat = xp.einsum("rm->r", gxhat) / m
            mean_gxhat_xhat = xp.einsum("rm,rm->r", gxhat, xhat) / m
            gx = xp.multiply(xhat, -mean_gxhat_xhat[:, None])
            gx += gxhat
            gx -= mean_gxhat[:, None]
            gx *= self.inv_std[:, None]
            gx = gx.reshape(self.x_shape)
        ggamma = xp.einsum("rm,rm->m", g2, xhat).reshape(self.gamma.shape)
        gbeta = xp.einsum("rm->m", g2).reshape(self.gamma.shape)
        return gx, ggamma, gbeta


def layer_norm(
    x: Tensor,
    gamma: Tensor | None,
    beta: Tensor | None,
    axis: int | Sequence[int] = -1,
    epsilon: float = 1e-5,
    *,
    name: str = "layer_norm",
) -> Tensor:
    """Layer normalization of each sample over ``axis`` (an int or a tuple of axes), as one
    graph node. ``gamma``/``beta`` have the shape of those axes (``None``: no scale / shift).

    PyTorch's ``LayerNorm(normalized_shape)`` normalizes the trailing axes: ``axis=-1`` for
    one, ``axis=(-2, -1)`` for two.

    Example:
        >>> layer_norm(Tensor(np.array([[1.0, 3.0], [0.0, 10.0]])), None, None, epsilon=0.0).tolist()
        [[-1.0, 1.0], [-1.0, 1.0]]
    """
    xp = array_module(x, gamma, beta)
    axes = (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    if not axes or any(not -x.ndim <= a < x.ndim for a in axes):
        raise ShapeError(
            key="error.ops.normalization.axis_out_range", name=name, axis=axis, shape=x.shape
        )
    axes = tuple(sorted({int(a) % x.ndim for a in axes}))
    if 0 in axes and x.ndim > 1:
        raise ShapeError(
            key="error.ops.normalization.normalize_over_batch", name=name, shape=x.shape
        )
    pshape = tuple(x.shape[a] for a in axes)
    if gamma is None:
        gamma = Tensor(xp.ones(pshape, dtype=x.dtype))
    if beta is None:
        beta = Tensor(xp.zeros(pshape, dtype=x.dtype))
    for t, what in ((gamma, "gamma"), (beta, "beta")):
        if t.shape != pshape:
            raise ShapeError(
                key="error.ops.normalization.shape_axes_input",
                name=name,
                what=what,
                shape=t.shape,
                pshape=pshape,
                axes=axes,
                shape2=x.shape,
            )
    k = len(axes)
    trailing = tuple(range(x.ndim - k, x.ndim))
    if axes == trailing:
        return LayerNorm.apply(x, gamma, beta, k=k, eps=epsilon)
    # Normalized axes elsewhere: move them to the end (a copy), normalize, move them back.
    perm = tuple(a for a in range(x.ndim) if a not in axes) + axes
    inv = tuple(int(i) for i in xp.argsort(perm))
    y = LayerNorm.apply(transpose(x, perm), gamma, beta, k=k, eps=epsilon)
    return transpose(y, inv)

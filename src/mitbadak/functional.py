"""``torch.nn.functional`` for mitbadak: the functional forms under PyTorch's names and
argument names, conventionally imported as ``F``.

Where PyTorch's semantics differ from mitbadak's own ops the PyTorch meaning wins here:
``F.linear(x, w, b)`` takes ``w`` laid out (out, in) and computes ``x w^T + b``;
``F.batch_norm``'s ``momentum`` is PyTorch's (the weight of the *new* statistics, 0.1);
``F.softmax`` needs ``dim``. Every function returns a mitbadak ``Tensor`` and is
differentiable as its op is.

Example:
    >>> import numpy as np
    >>> import mitbadak as mb
    >>> import mitbadak.functional as F
    >>> x = mb.Tensor(np.ones((2, 3)), requires_grad=True)
    >>> w = mb.Tensor(np.ones((4, 3)))           # (out, in), as nn.Linear.weight
    >>> F.linear(x, w).shape
    (2, 4)
    >>> loss = F.cross_entropy(F.linear(x, w), np.array([0, 3]))
    >>> loss.backward(); x.grad.shape
    (2, 3)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from . import ops as _ops
from .backend import array_module
from .errors import ConfigError, LabelError, ShapeError
from .ops import loss as _loss
from .ops.linear import linear as _linear_op
from .tensor import Tensor

# --------------------------------------------------------------------------- activations
relu = _ops.relu
relu6 = _ops.relu6
hardtanh = _ops.hardtanh
hardsigmoid = _ops.hardsigmoid
hardswish = _ops.hardswish
elu = _ops.elu
selu = _ops.selu
celu = _ops.celu
silu = _ops.silu
mish = _ops.mish
softsign = _ops.softsign
logsigmoid = _ops.logsigmoid
sigmoid = _ops.sigmoid
tanh = _ops.tanh
quick_gelu = _ops.quick_gelu
one_hot = _ops.one_hot
pad = _ops.pad
interpolate = _ops.interpolate
scaled_dot_product_attention = _ops.scaled_dot_product_attention


def leaky_relu(input: Tensor, negative_slope: float = 0.01) -> Tensor:
    """max(x, 0) + negative_slope * min(x, 0).

    Example:
        >>> leaky_relu(Tensor([-1.0, 2.0]), 0.1).tolist()
        [-0.10000000149011612, 2.0]
    """
    return _ops.leaky_relu(input, negative_slope)


def gelu(input: Tensor, approximate: str = "none") -> Tensor:
    """x Phi(x) (``approximate="tanh"``: the tanh formula).

    Example:
        >>> round(gelu(Tensor([1.0])).item(), 4)
        0.8413
    """
    return _ops.gelu(input, approximate)


def softplus(input: Tensor, beta: float = 1.0, threshold: float = 20.0) -> Tensor:
    """log(1 + e^{beta x}) / beta (computed stably; PyTorch's ``threshold`` switch to the
    identity changes the value by less than e^-threshold, so it is not needed).

    Example:
        >>> round(softplus(Tensor([0.0])).item(), 4)
        0.6931
    """
    if beta == 1.0:
        return _ops.softplus(input)
    return _ops.softplus(input * float(beta)) * (1.0 / float(beta))


def _dim(dim: int | None, fn: str) -> int:
    if dim is None:
        raise ConfigError(key="error.functional.dim", who=fn)
    return int(dim)


def softmax(input: Tensor, dim: int | None = None) -> Tensor:
    """softmax along ``dim``.

    Example:
        >>> softmax(Tensor([0.0, 0.0]), dim=0).tolist()
        [0.5, 0.5]
    """
    return _ops.softmax(input, axis=_dim(dim, "softmax"))


def log_softmax(input: Tensor, dim: int | None = None) -> Tensor:
    """log softmax along ``dim``.

    Example:
        >>> round(log_softmax(Tensor([0.0, 0.0]), dim=0).tolist()[0], 4)
        -0.6931
    """
    return _ops.log_softmax(input, axis=_dim(dim, "log_softmax"))


def normalize(input: Tensor, p: float = 2.0, dim: int = 1, eps: float = 1e-12) -> Tensor:
    """x / max(||x||_p, eps) along ``dim``.

    Example:
        >>> normalize(Tensor([[3.0, 4.0]])).tolist()
        [[0.6000000238418579, 0.800000011920929]]
    """
    n = _ops.vector_norm(input, ord=p, axis=dim, keepdims=True)
    return input / _ops.maximum(n, eps)


# ------------------------------------------------------------------------------- layers
def linear(input: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """y = x W^T + b with ``weight`` (out, in), as ``nn.Linear.weight`` (mitbadak's own
    :func:`mitbadak.ops.linear_fn` takes (in, out)).

    Example:
        >>> linear(Tensor(np.ones((1, 3))), Tensor(np.ones((2, 3))), Tensor(np.ones(2))).tolist()
        [[4.0, 4.0]]
    """
    if weight.ndim != 2:
        raise ShapeError(key="error.functional.linear_weight", shape=weight.shape)
    return _linear_op(input, _ops.transpose(weight), bias)


def conv2d(
    input: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> Tensor:
    """2-D convolution (cross-correlation) of (N, C, H, W) with (O, C / groups, kh, kw).

    Example:
        >>> conv2d(Tensor(np.ones((1, 2, 4, 4))), Tensor(np.ones((2, 1, 3, 3))), groups=2).shape
        (1, 2, 2, 2)
    """
    return _ops.conv2d(input, weight, bias, stride, padding, dilation, groups)


def conv1d(
    input: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: int = 1,
    padding: Any = 0,
    dilation: int = 1,
    groups: int = 1,
) -> Tensor:
    """1-D convolution of (N, C, L) with (O, C / groups, k).

    Example:
        >>> conv1d(Tensor(np.ones((1, 2, 5))), Tensor(np.ones((3, 2, 3)))).shape
        (1, 3, 3)
    """
    return _ops.conv1d(input, weight, bias, stride, padding, dilation, groups)


def conv_transpose2d(
    input: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    groups: int = 1,
    dilation: Any = 1,
) -> Tensor:
    """Transposed 2-D convolution with ``weight`` (C_in, C_out, kh, kw).

    Example:
        >>> conv_transpose2d(Tensor(np.ones((1, 2, 3, 3))), Tensor(np.ones((2, 1, 3, 3))),
        ...                  stride=2, padding=1, output_padding=1).shape
        (1, 1, 6, 6)
    """
    return _ops.conv_transpose2d(
        input, weight, bias, stride, padding, output_padding, groups, dilation
    )


def max_pool2d(
    input: Tensor,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> Tensor:
    """Max pooling; the plain case (no dilation, no ceil mode) runs mitbadak's default kernel.

    Example:
        >>> max_pool2d(Tensor(np.arange(16.0).reshape(1, 1, 4, 4)), 2).data[0, 0].tolist()
        [[5.0, 7.0], [13.0, 15.0]]
    """
    if return_indices:
        raise ConfigError(key="error.functional.return_indices")
    if dilation == 1 and not ceil_mode:
        return _ops.max_pool2d(input, kernel_size, stride, padding if padding else "valid")
    return _ops.max_pool2d_ext(input, kernel_size, stride, padding, dilation, ceil_mode)


def avg_pool2d(
    input: Tensor,
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    ceil_mode: bool = False,
    count_include_pad: bool = True,
    divisor_override: int | None = None,
) -> Tensor:
    """Average pooling with PyTorch's options (padding zeros counted by default).

    Example:
        >>> avg_pool2d(Tensor(np.ones((1, 1, 4, 4))), 2).data[0, 0].tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """
    if not ceil_mode and divisor_override is None and (count_include_pad or padding == 0):
        return _ops.avg_pool2d(input, kernel_size, stride, padding if padding else "valid")
    return _ops.avg_pool2d_ext(
        input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override
    )


def upsample(
    input: Tensor,
    size: Any = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
) -> Tensor:
    """The old name of :func:`interpolate`.

    Example:
        >>> upsample(Tensor(np.ones((1, 1, 2, 2))), scale_factor=2).shape
        (1, 1, 4, 4)
    """
    return _ops.interpolate(input, size, scale_factor, mode, align_corners)


def embedding(input: Any, weight: Tensor, padding_idx: int | None = None) -> Tensor:
    """Rows of ``weight`` for integer ``input``.

    Example:
        >>> embedding(np.array([1]), Tensor(np.eye(2))).tolist()
        [[0.0, 1.0]]
    """
    return _ops.embedding(input, weight, padding_idx)


def dropout(input: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Inverted dropout with drop probability ``p`` (mitbadak's seeded generator).

    Example:
        >>> dropout(Tensor(np.ones(3)), p=0.5, training=False).tolist()
        [1.0, 1.0, 1.0]
    """
    return _ops.dropout(input, p, training)


def layer_norm(
    input: Tensor,
    normalized_shape: Sequence[int] | int,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    eps: float = 1e-5,
) -> Tensor:
    """Normalize over the trailing ``normalized_shape`` axes.

    Example:
        >>> layer_norm(Tensor([[1.0, 3.0]]), (2,), eps=0.0).tolist()
        [[-1.0, 1.0]]
    """
    shp = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    if tuple(input.shape[-len(shp) :]) != shp:
        raise ShapeError(key="error.functional.normalized_shape", want=shp, shape=input.shape)
    axes = tuple(range(-len(shp), 0))
    return _ops.layer_norm(input, weight, bias, axis=axes, epsilon=eps)


def batch_norm(
    input: Tensor,
    running_mean: Any,
    running_var: Any,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    training: bool = False,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> Tensor:
    """Batch normalization over axis 1; in training the running statistics (float NumPy
    arrays or tensors, updated in place) move by ``momentum`` toward the batch's (PyTorch's
    convention, unbiased variance).

    Example:
        >>> rm, rv = np.zeros(1), np.ones(1)
        >>> batch_norm(Tensor([[1.0], [3.0]]), rm, rv, training=True, eps=0.0).tolist()
        [[-1.0], [1.0]]
        >>> rm.round(6).tolist()
        [0.2]
    """
    xp = array_module(input, running_mean, running_var)
    rm = running_mean.data if isinstance(running_mean, Tensor) else running_mean
    rv = running_var.data if isinstance(running_var, Tensor) else running_var
    if rm is None or rv is None:
        if not training:
            raise ConfigError(key="error.functional.running_stats")
        c = input.shape[1]
        rm, rv = xp.zeros(c, input.dtype), xp.ones(c, input.dtype)
    return _ops.batch_norm(
        input, weight, bias, rm, rv, training, momentum=1.0 - momentum, epsilon=eps, axis=1
    )


# ------------------------------------------------------------------------------- losses
def _check_reduction(reduction: str, fn: str) -> None:
    if reduction not in ("mean", "sum", "none"):
        raise ConfigError(key="error.functional.reduction", who=fn, got=repr(reduction))


def _to_class_last(input: Tensor, target: np.ndarray | Tensor) -> tuple[Tensor, Any, tuple]:
    """(N, C, d1, ...) scores and (N, d1, ...) targets -> (N*d1*..., C) and (N*d1*...,)."""
    xp = array_module(input, target)
    if input.ndim <= 2:
        return input, target, ()
    c = input.shape[1]
    rest = (input.shape[0],) + input.shape[2:]
    x = _ops.reshape(_ops.movedim(input, 1, -1), (-1, c))
    if isinstance(target, Tensor) and target.ndim == input.ndim:
        t: Any = _ops.reshape(_ops.movedim(target, 1, -1), (-1, c))
    else:
        t = xp.asarray(target.data if isinstance(target, Tensor) else target)
        t = t.reshape(-1, c) if t.ndim == input.ndim else t.reshape(-1)
    return x, t, rest


def _labels(target: Any) -> np.ndarray | None:
    xp = array_module(target)
    t = target.data if isinstance(target, Tensor) else xp.asarray(target)
    return t if t.dtype.kind in "iu" else None


def _weighted_nll(
    per: Tensor,
    labels: np.ndarray,
    weight: Any,
    ignore_index: int,
    reduction: str,
    rest: tuple,
    extra: Tensor | None = None,
) -> Tensor:
    """Per-sample losses weighted by ``weight[label]`` (plus ``extra``, not weighted by the
    label's class: label smoothing's term), ignored labels dropped; ``"mean"`` divides by the
    sum of the weights used (PyTorch's rule)."""
    xp = array_module(per, labels, weight)
    keep = labels != ignore_index
    w = xp.ones(len(labels), dtype=per.dtype) if weight is None else None
    if weight is not None:
        wa = xp.asarray(weight.data if isinstance(weight, Tensor) else weight, dtype=per.dtype)
        w = wa[xp.where(keep, labels, 0)]
    w = xp.where(keep, w, 0).astype(per.dtype)
    vals = per * Tensor(w)
    if extra is not None:
        vals = vals + extra * Tensor(keep.astype(per.dtype))
    if reduction == "none":
        return _ops.reshape(vals, rest) if rest else vals
    total = vals.sum()
    if reduction == "sum":
        return total
    return total * (1.0 / float(w.sum())) if w.sum() > 0 else total * float("nan")


def nll_loss(
    input: Tensor,
    target: Any,
    weight: Any = None,
    ignore_index: int = -100,
    reduction: str = "mean",
) -> Tensor:
    """Negative log-likelihood of log-probabilities ``input`` (N, C[, d...]) at integer
    ``target`` (N[, d...]); the target gets no gradient (class indices).

    Example:
        >>> round(nll_loss(Tensor(np.log([[0.5, 0.5]])), np.array([1])).item(), 4)
        0.6931
    """
    xp = array_module(input, target, weight)
    _check_reduction(reduction, "nll_loss")
    x, t, rest = _to_class_last(input, target)
    labels = _labels(t)
    if labels is None or x.ndim != 2:
        raise LabelError(key="error.functional.nll_target")
    n, c = x.shape
    safe = xp.where(labels == ignore_index, 0, labels)
    _loss.check_sparse_labels(safe.reshape(-1), n, c, "nll_loss")
    per = -_ops.getitem(x, (xp.arange(n), safe))
    return _weighted_nll(per, labels, weight, ignore_index, reduction, rest)


def cross_entropy(
    input: Tensor,
    target: Any,
    weight: Any = None,
    ignore_index: int = -100,
    reduction: str = "mean",
    label_smoothing: float = 0.0,
) -> Tensor:
    """Cross-entropy of logits ``input`` (N, C[, d...]) against class indices (N[, d...]) or
    class probabilities of the input's shape (which get a gradient, -log softmax, as in
    PyTorch). ``label_smoothing`` mixes the one-hot target with the uniform one.

    Example:
        >>> round(cross_entropy(Tensor([[2.0, 0.0]]), np.array([0])).item(), 4)
        0.1269
    """
    xp = array_module(input, target, weight)
    _check_reduction(reduction, "cross_entropy")
    if not 0.0 <= label_smoothing <= 1.0:
        raise ConfigError(key="error.functional.label_smoothing", got=label_smoothing)
    x, t, rest = _to_class_last(input, target)
    if x.ndim == 1:
        x = _ops.unsqueeze(x, 0)
        t = t.reshape(1, -1) if _labels(t) is None else xp.asarray(t).reshape(1)
    labels = _labels(t)
    n, c = x.shape
    if labels is not None:
        labels = labels.reshape(-1)
        if label_smoothing == 0.0 and weight is None and not xp.any(labels == ignore_index):
            out = _loss.softmax_cross_entropy(x, labels, reduction=reduction)
            return _ops.reshape(out, rest) if rest and reduction == "none" else out
        safe = xp.where(labels == ignore_index, 0, labels)
        _loss.check_sparse_labels(safe, n, c, "cross_entropy")
        logp = _ops.log_softmax(x, axis=1)
        per = -_ops.getitem(logp, (xp.arange(n), safe))
        smooth = None
        if label_smoothing:
            # PyTorch: (1 - ls) w_t nll + ls * mean_c(-w_c log p_c), divided by sum w_t
            wcls = None
            if weight is not None:
                wcls = xp.asarray(weight.data if isinstance(weight, Tensor) else weight)
            smooth = -(logp if wcls is None else logp * Tensor(wcls.astype(x.dtype))).mean(axis=1)
            per = per * (1.0 - label_smoothing)
            smooth = smooth * label_smoothing
        return _weighted_nll(per, labels, weight, ignore_index, reduction, rest, smooth)
    # probability targets
    tt = t if isinstance(t, Tensor) else Tensor(xp.asarray(t, dtype=x.dtype))
    if tt.shape != x.shape:
        raise ShapeError(
            key="error.functional.target_shape",
            who="cross_entropy",
            target=tt.shape,
            shape=x.shape,
        )
    if label_smoothing:
        tt = tt * (1.0 - label_smoothing) + label_smoothing / c
    if weight is not None:
        wa = xp.asarray(weight.data if isinstance(weight, Tensor) else weight, dtype=x.dtype)
        per = -(_ops.log_softmax(x, axis=1) * tt * Tensor(wa)).sum(axis=1)
        if reduction == "none":
            return _ops.reshape(per, rest) if rest else per
        return per.sum() if reduction == "sum" else per.mean()
    out = _loss.softmax_cross_entropy(x, tt, reduction=reduction)
    return _ops.reshape(out, rest) if rest and reduction == "none" else out


def mse_loss(input: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """mean((input - target)^2); a target that requires grad gets one.

    Example:
        >>> mse_loss(Tensor([1.0, 2.0]), Tensor([1.0, 4.0])).item()
        2.0
    """
    return _loss.mse(input, target, reduction=reduction)


def l1_loss(input: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """mean(|input - target|).

    Example:
        >>> l1_loss(Tensor([1.0, 2.0]), Tensor([1.0, 4.0])).item()
        1.0
    """
    return _loss.mae(input, target, reduction=reduction)


def huber_loss(input: Tensor, target: Any, reduction: str = "mean", delta: float = 1.0) -> Tensor:
    """Huber loss with threshold ``delta``.

    Example:
        >>> huber_loss(Tensor([0.5, 3.0]), Tensor([0.0, 0.0])).item()
        1.3125
    """
    return _loss.huber(input, target, delta=delta, reduction=reduction)


def smooth_l1_loss(
    input: Tensor, target: Any, reduction: str = "mean", beta: float = 1.0
) -> Tensor:
    """Smooth L1: 0.5 d^2 / beta where |d| < beta, else |d| - 0.5 beta (= huber(delta=beta) / beta).

    Example:
        >>> smooth_l1_loss(Tensor([0.5, 3.0]), Tensor([0.0, 0.0])).item()
        1.3125
    """
    if beta == 0:
        return l1_loss(input, target, reduction)
    return _loss.huber(input, target, delta=beta, reduction=reduction) * (1.0 / beta)


def _apply_weight(per: Tensor, weight: Any, reduction: str) -> Tensor:
    xp = array_module(per, weight)
    if weight is not None:
        per = per * (
            weight if isinstance(weight, Tensor) else Tensor(xp.asarray(weight, per.dtype))
        )
    if reduction == "none":
        return per
    return per.sum() if reduction == "sum" else per.mean()


def binary_cross_entropy(
    input: Tensor, target: Any, weight: Any = None, reduction: str = "mean"
) -> Tensor:
    """BCE of probabilities ``input``; mitbadak clips p to [1e-7, 1 - 1e-7] where PyTorch
    clamps log p at -100 (the same value except for p within 1e-7 of 0 or 1).

    Example:
        >>> round(binary_cross_entropy(Tensor([0.9, 0.2]), Tensor([1.0, 0.0])).item(), 5)
        0.16425
    """
    _check_reduction(reduction, "binary_cross_entropy")
    if weight is None:
        return _loss.binary_cross_entropy(input, target, reduction=reduction)
    per = _loss.binary_cross_entropy(input, target, reduction="none")
    return _apply_weight(per, weight, reduction)


def binary_cross_entropy_with_logits(
    input: Tensor,
    target: Any,
    weight: Any = None,
    reduction: str = "mean",
    pos_weight: Any = None,
) -> Tensor:
    """BCE of sigmoid(input), from the logits; ``pos_weight`` p weighs the positive term:
    L = -(p t log s + (1 - t) log(1 - s)).

    Example:
        >>> round(binary_cross_entropy_with_logits(Tensor([0.0]), Tensor([1.0])).item(), 6)
        0.693147
    """
    xp = array_module(input, target, weight)
    _check_reduction(reduction, "binary_cross_entropy_with_logits")
    if pos_weight is None:
        if weight is None:
            return _loss.binary_cross_entropy_with_logits(input, target, reduction=reduction)
        per = _loss.binary_cross_entropy_with_logits(input, target, reduction="none")
        return _apply_weight(per, weight, reduction)
    t = target if isinstance(target, Tensor) else Tensor(xp.asarray(target, input.dtype))
    pw = (
        pos_weight
        if isinstance(pos_weight, Tensor)
        else Tensor(xp.asarray(pos_weight, input.dtype))
    )
    # -(p t log s + (1 - t) log(1 - s)), log s = logsigmoid(z), log(1 - s) = logsigmoid(-z)
    per = -(pw * t * _ops.logsigmoid(input) + (1.0 - t) * _ops.logsigmoid(-input))
    return _apply_weight(per, weight, reduction)


def kl_div(input: Tensor, target: Any, reduction: str = "mean", log_target: bool = False) -> Tensor:
    """KL divergence with ``input`` the log-probabilities: pointwise
    t (log t - input) (0 where t = 0), or e^t (t - input) with ``log_target``.
    ``reduction="batchmean"`` divides the sum by the batch size (the true KL); ``"mean"``
    averages over every element, as PyTorch does.

    Example:
        >>> p = Tensor(np.log([[0.5, 0.5]]))
        >>> abs(kl_div(p, Tensor([[0.5, 0.5]]), reduction="batchmean").item()) < 1e-6
        True
    """
    xp = array_module(input, target)
    if reduction not in ("mean", "sum", "none", "batchmean"):
        raise ConfigError(key="error.functional.kl_reduction", got=repr(reduction))
    t = target if isinstance(target, Tensor) else Tensor(xp.asarray(target, input.dtype))
    if t.shape != input.shape:
        raise ShapeError(
            key="error.functional.target_shape", who="kl_div", target=t.shape, shape=input.shape
        )
    if log_target:
        per = _ops.exp(t) * (t - input)
    else:
        pos = t.data > 0
        safe_t = _ops.where(pos, t, 1.0)  # log 1 = 0 where t = 0 (0 log 0 = 0), grad still t's
        per = _ops.where(pos, t * (_ops.log(safe_t) - input), 0.0)
    if reduction == "none":
        return per
    total = per.sum()
    if reduction == "sum":
        return total
    if reduction == "batchmean":
        return total * (1.0 / (input.shape[0] if input.ndim else 1))
    return total * (1.0 / max(per.size, 1))


__all__ = [
    "avg_pool2d",
    "batch_norm",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "celu",
    "conv1d",
    "conv2d",
    "conv_transpose2d",
    "cross_entropy",
    "dropout",
    "elu",
    "embedding",
    "gelu",
    "hardsigmoid",
    "hardswish",
    "hardtanh",
    "huber_loss",
    "interpolate",
    "kl_div",
    "l1_loss",
    "layer_norm",
    "leaky_relu",
    "linear",
    "log_softmax",
    "logsigmoid",
    "max_pool2d",
    "mish",
    "mse_loss",
    "nll_loss",
    "normalize",
    "one_hot",
    "pad",
    "quick_gelu",
    "relu",
    "relu6",
    "scaled_dot_product_attention",
    "selu",
    "sigmoid",
    "silu",
    "smooth_l1_loss",
    "softmax",
    "softplus",
    "softsign",
    "tanh",
    "upsample",
]

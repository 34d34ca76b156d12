"""Loss functions as graph nodes, fused where fusing is both faster and more stable.

Target gradients follow PyTorch: a float target that requires grad gets its gradient from
every loss here (mse, mae, huber, binary cross-entropy with and without logits, and
softmax / categorical cross-entropy with probability rows). Integer class labels get none:
they are not differentiable (PyTorch's ``cross_entropy`` / ``nll_loss`` with class indices).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, DataError, LabelError, ShapeError
from ..tensor import Function, Tensor
from ._util import to_tensor

REDUCTIONS = ("mean", "sum", "none")


def _check_reduction(reduction: str, op: str) -> None:
    if reduction not in REDUCTIONS:
        raise ConfigError(
            key="error.ops.loss.reduction", op=op, choices=REDUCTIONS, reduction=reduction
        )


def check_sparse_labels(labels: np.ndarray, n: int, num_classes: int, op: str) -> np.ndarray:
    """Validate integer class labels (shape (n,), values in [0, num_classes)) and return int64."""
    xp = array_module(labels)
    if labels.shape != (n,):
        raise ShapeError(key="error.ops.loss.labels_shape_samples", op=op, n=n, shape=labels.shape)
    if labels.dtype.kind == "f":
        if not xp.all(xp.isfinite(labels)) or xp.any(labels != xp.round(labels)):
            raise LabelError(key="error.ops.loss.labels_whole_numbers", op=op)
    elif labels.dtype.kind not in "iu":
        raise LabelError(key="error.ops.loss.labels_integer_class", op=op, dtype=labels.dtype)
    if n and (labels.min() < 0 or labels.max() >= num_classes):
        bad = labels[(labels < 0) | (labels >= num_classes)][0]
        raise LabelError(
            key="error.ops.loss.label_out_range",
            op=op,
            item=bad.item(),
            last=num_classes - 1,
            num_classes=num_classes,
        )
    return labels.astype(np.int64, copy=False)


class SoftmaxCrossEntropy(Function):
    """L = -sum_c t_c log softmax(z)_c, from logits z (N, C), averaged over the batch.

    Fused forward: log softmax by log-sum-exp (finite for any logits). Fused backward: the
    famous dL/dz = softmax(z) - t (times sum_c t_c for soft targets), divided by N for the mean.
    Targets are integer labels (N,) or probability rows (N, C); probability rows that require
    grad get dL/dt_c = -log softmax(z)_c, as in PyTorch (integer labels have no gradient).
    """

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, z: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(z, t)
        shifted = z - z.max(axis=1, keepdims=True)
        with np.errstate(under="ignore"):  # e^{-1e4} -> 0 is the right value
            logp = shifted - xp.log(xp.exp(shifted).sum(axis=1, keepdims=True))
        self.logp, self.t = logp, t
        if t.ndim == 1:
            losses = -logp[xp.arange(len(t)), t]
        else:
            losses = -(t * logp).sum(axis=1)
        if self.reduction == "mean":
            return xp.asarray(losses.mean(), dtype=z.dtype)
        if self.reduction == "sum":
            return xp.asarray(losses.sum(), dtype=z.dtype)
        return losses

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        xp = array_module(g)
        with np.errstate(under="ignore"):
            p = xp.exp(self.logp)
        t, n = self.t, len(self.logp)
        if t.ndim == 1:
            p[xp.arange(n), t] -= 1
        else:
            p *= t.sum(axis=1, keepdims=True)
            p -= t
        if self.reduction == "mean":
            scale = g / n
        elif self.reduction == "sum":
            scale = g
        else:
            scale = g[:, None]
        gt = None
        if self.needs_input_grad[1] and t.ndim == 2:  # soft targets: dL/dt_c = -log p_c
            gt = -self.logp * scale
        p *= scale
        return p, gt


def softmax_cross_entropy(logits: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Cross-entropy between ``softmax(logits)`` and the target, computed from the logits.

    Args:
        logits: (N, C) raw scores.
        target: (N,) integer class labels or (N, C) one-hot / probability rows.
        reduction: ``"mean"`` (default), ``"sum"`` or ``"none"`` (one loss per sample).

    Example:
        >>> z = Tensor([[2.0, 0.0], [0.0, 2.0]], requires_grad=True)
        >>> loss = softmax_cross_entropy(z, np.array([0, 1]))
        >>> round(loss.item(), 4)           # -log(e^2 / (e^2 + 1))
        0.1269
    """
    xp = array_module(logits, target)
    op = "softmax_cross_entropy"
    _check_reduction(reduction, op)
    if logits.ndim != 2:
        raise ShapeError(key="error.ops.loss.logits_shape_batch", op=op, shape=logits.shape)
    t = target.data if isinstance(target, Tensor) else xp.asarray(target)
    n, c = logits.shape
    if t.ndim == 1:
        t = check_sparse_labels(t, n, c, op)
    elif t.shape != logits.shape:
        raise ShapeError(
            key="error.ops.loss.hot_targets_logits", op=op, shape=logits.shape, shape2=t.shape
        )
    elif isinstance(target, Tensor) and target.dtype == logits.dtype:
        return SoftmaxCrossEntropy.apply(logits, target, reduction=reduction)  # keeps its grad
    else:
        t = t.astype(logits.dtype, copy=False)
    return SoftmaxCrossEntropy.apply(logits, Tensor(t), reduction=reduction)


class SquaredError(Function):
    """L = mean (y - t)^2;  dL/dy = 2 (y - t) / n  (and -that for t, if it needs a gradient)."""

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, y: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(y, t)
        self.diff = y - t
        sq = self.diff * self.diff
        if self.reduction == "mean":
            return xp.asarray(sq.mean(), dtype=sq.dtype)
        if self.reduction == "sum":
            return xp.asarray(sq.sum(), dtype=sq.dtype)
        return sq

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        scale = 2 / self.diff.size if self.reduction == "mean" else 2
        gy = self.diff * (g * scale)
        return gy, (-gy if self.needs_input_grad[1] else None)


def mse(y: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Mean squared error, mean((y - target)^2).

    Shapes must match exactly: a (N, 1) prediction against an (N,) target would broadcast to
    (N, N) and give a silently wrong loss, so it is refused.

    Example:
        >>> mse(Tensor([1.0, 2.0]), np.array([1.0, 4.0])).item()
        2.0
    """
    _check_reduction(reduction, "mse")
    t = to_tensor(target, y)
    if t.shape != y.shape:
        raise ShapeError(key="error.ops.loss.prediction_shape_but", shape=y.shape, shape2=t.shape)
    return SquaredError.apply(y, t, reduction=reduction)


def _same_shape(op: str, y: Tensor, t: Tensor) -> None:
    # No broadcasting between prediction and target: (N, 1) against (N,) would silently
    # broadcast to (N, N) and give a wrong loss that still trains, badly.
    if t.shape != y.shape:
        raise ShapeError(
            key="error.ops.loss.same_shape.prediction_shape_but",
            op=op,
            shape=y.shape,
            shape2=t.shape,
        )


def _reduce(values: np.ndarray, reduction: str, dtype: np.dtype) -> np.ndarray:
    xp = array_module(values, dtype)
    if reduction == "mean":
        return xp.asarray(values.mean(), dtype=dtype)
    if reduction == "sum":
        return xp.asarray(values.sum(), dtype=dtype)
    return values


def _reduce_grad(d: np.ndarray, g: np.ndarray, reduction: str) -> np.ndarray:
    """Chain the reduction's derivative: mean -> g / n, sum -> g, none -> g element-wise."""
    if reduction == "mean":
        return d * (g / d.size)
    return d * g


class AbsoluteError(Function):
    """L = |y - t| (then reduced);  dL/dy = sign(y - t), 0 where y = t (as PyTorch's l1_loss)."""

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, y: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(y, t)
        diff = y - t
        self.sign = xp.sign(diff)
        return _reduce(xp.abs(diff), self.reduction, y.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        gy = _reduce_grad(self.sign, g, self.reduction)
        return gy, (-gy if self.needs_input_grad[1] else None)


def mae(y: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Mean absolute error, mean(|y - target|) (PyTorch's ``l1_loss``).

    Example:
        >>> mae(Tensor([1.0, 2.0]), np.array([1.0, 4.0])).item()
        1.0
    """
    _check_reduction(reduction, "mae")
    t = to_tensor(target, y)
    _same_shape("mae", y, t)
    return AbsoluteError.apply(y, t, reduction=reduction)


class HuberError(Function):
    """Huber loss with threshold delta, d = y - t:
    L = d^2 / 2 where |d| <= delta, else delta (|d| - delta / 2);
    dL/dy = d where |d| <= delta, else delta sign(d)  (= clip(d, -delta, delta)).

    Quadratic near 0 like MSE, linear far away like MAE, so outliers pull less.
    """

    def __init__(self, delta: float = 1.0, reduction: str = "mean") -> None:
        self.delta, self.reduction = delta, reduction

    def forward(self, y: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(y, t)
        d = y - t
        a = xp.abs(d)
        quad = a <= self.delta
        loss = xp.where(quad, 0.5 * d * d, self.delta * (a - 0.5 * self.delta))
        self.dl = xp.clip(d, -self.delta, self.delta)
        return _reduce(loss.astype(y.dtype, copy=False), self.reduction, y.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        gy = _reduce_grad(self.dl, g, self.reduction)
        return gy, (-gy if self.needs_input_grad[1] else None)


def huber(y: Tensor, target: Any, delta: float = 1.0, reduction: str = "mean") -> Tensor:
    """Huber loss (PyTorch's ``huber_loss``, Keras' ``Huber``), quadratic for |y - t| <= delta.

    Example:
        >>> huber(Tensor([0.5, 3.0]), np.array([0.0, 0.0])).item()   # (0.125 + 2.5) / 2
        1.3125
    """
    _check_reduction(reduction, "huber")
    if not delta > 0:
        raise ConfigError(key="error.ops.loss.delta_positive", delta=delta)
    t = to_tensor(target, y)
    _same_shape("huber", y, t)
    return HuberError.apply(y, t, delta=delta, reduction=reduction)


class SafeSqrt(Function):
    """y = sqrt(x);  dy/dx = 1 / (2 y), taken as 0 where y = 0 (a subgradient), so a perfect
    fit gives a zero gradient instead of 0 * inf = NaN."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.y = xp.sqrt(x)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        y = self.y
        safe = xp.where(y > 0, y, 1)
        return xp.where(y > 0, g / (2 * safe), 0).astype(g.dtype, copy=False)


def rmse(y: Tensor, target: Any) -> Tensor:
    """Root mean squared error sqrt(mean((y - target)^2)), in the target's units.

    The gradient (y - t) / (n * rmse) is taken as 0 when the fit is perfect (rmse = 0).

    Example:
        >>> rmse(Tensor([0.0, 0.0]), np.array([3.0, 4.0])).item()   # sqrt((9 + 16) / 2)
        3.535533905029297
    """
    return SafeSqrt.apply(mse(y, target))


def _check_probability_targets(t: np.ndarray, op: str) -> None:
    xp = array_module(t)
    if t.size and (not xp.all(xp.isfinite(t)) or t.min() < 0 or t.max() > 1):
        raise LabelError(key="error.ops.loss.targets_probabilities_values", op=op)


class BinaryCrossEntropy(Function):
    """L = -(t log p + (1 - t) log(1 - p)) on probabilities p, with p clipped to
    [eps, 1 - eps] first (Keras' rule, eps = 1e-7), so p = 0 or 1 still gives a finite loss;
    dL/dp = (p - t) / (p (1 - p)) inside the clip range, 0 outside (the clip's derivative);
    dL/dt = log(1 - p) - log p, for a target that requires grad (as PyTorch gives one).
    """

    def __init__(self, eps: float = 1e-7, reduction: str = "mean") -> None:
        self.eps, self.reduction = eps, reduction

    def forward(self, p: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(p, t)
        pc = xp.clip(p, self.eps, 1 - self.eps)
        self.p, self.pc, self.t = p, pc, t
        loss = -(t * xp.log(pc) + (1 - t) * xp.log1p(-pc))
        return _reduce(loss, self.reduction, p.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        xp = array_module(g)
        pc, p = self.pc, self.p
        inside = (p >= self.eps) & (p <= 1 - self.eps)
        d = xp.where(inside, (pc - self.t) / (pc * (1 - pc)), 0).astype(p.dtype, copy=False)
        gt = None
        if self.needs_input_grad[1]:  # dL/dt = log(1 - p) - log p (of the clipped p)
            gt = _reduce_grad((xp.log1p(-pc) - xp.log(pc)).astype(p.dtype), g, self.reduction)
        return _reduce_grad(d, g, self.reduction), gt


def binary_cross_entropy(
    p: Tensor, target: Any, reduction: str = "mean", eps: float = 1e-7
) -> Tensor:
    """Binary cross-entropy of probabilities ``p`` against 0/1 (or soft) targets.

    Prefer :func:`binary_cross_entropy_with_logits` on the raw scores: it is exact where this
    one has to clip.

    Example:
        >>> round(binary_cross_entropy(Tensor([0.9, 0.2]), np.array([1.0, 0.0])).item(), 5)
        0.16425
    """
    op = "binary_cross_entropy"
    _check_reduction(reduction, op)
    t = to_tensor(target, p)
    _same_shape(op, p, t)
    _check_probability_targets(t.data, op)
    if p.data.size and (p.data.min() < 0 or p.data.max() > 1):
        raise DataError(
            key="error.ops.loss.predictions_probabilities_values",
            op=op,
            min=p.data.min(),
            max=p.data.max(),
        )
    return BinaryCrossEntropy.apply(p, t, eps=eps, reduction=reduction)


class BinaryCrossEntropyWithLogits(Function):
    """L = -(t log s + (1 - t) log(1 - s)) with s = sigmoid(z), computed from the logit z as
    max(z, 0) - z t + log(1 + e^{-|z|})  (exact and finite for any z);
    dL/dz = sigmoid(z) - t;  dL/dt = -z (for a target that requires grad, as in PyTorch).
    """

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, z: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(z, t)
        self.z, self.t = z, t
        with np.errstate(under="ignore"):  # e^{-|z|} -> 0 for huge |z| is the right value
            loss = xp.maximum(z, 0) - z * t + xp.log1p(xp.exp(-xp.abs(z)))
        return _reduce(loss, self.reduction, z.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        xp = array_module(g)
        s = xp.tanh(self.z * 0.5)  # sigmoid as (1 + tanh(z/2)) / 2: no overflow
        s += 1
        s *= 0.5
        s -= self.t
        gt = _reduce_grad(-self.z, g, self.reduction) if self.needs_input_grad[1] else None
        return _reduce_grad(s, g, self.reduction), gt


def binary_cross_entropy_with_logits(z: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Binary cross-entropy of ``sigmoid(z)`` against the targets, computed from the logits z.

    Example:
        >>> round(binary_cross_entropy_with_logits(Tensor([0.0]), np.array([1.0])).item(), 6)
        0.693147
    """
    op = "binary_cross_entropy_with_logits"
    _check_reduction(reduction, op)
    t = to_tensor(target, z)
    _same_shape(op, z, t)
    _check_probability_targets(t.data, op)
    return BinaryCrossEntropyWithLogits.apply(z, t, reduction=reduction)


def categorical_cross_entropy(
    p: Tensor, target: Any, reduction: str = "mean", eps: float = 1e-7
) -> Tensor:
    """Cross-entropy -sum_c t_c log p_c of class probabilities p (N, C), as Keras computes it:
    p is clipped to [eps, 1] and renormalized so each row sums to 1, then the log is taken.

    Built from ops (clip, log, and the fused kernel): log_softmax(log p) = log(p / sum p) is
    exactly that renormalization. Targets are labels (N,) or one-hot / probability rows (N, C).
    When the probabilities come from a softmax, use :func:`softmax_cross_entropy` on the
    logits instead (``mitbadak.losses`` does so automatically).

    Example:
        >>> p = Tensor([[0.5, 0.5], [0.0, 1.0]])
        >>> round(categorical_cross_entropy(p, np.array([0, 1])).item(), 5)   # (log 2 + 0) / 2
        0.34657
    """
    from .math import clip, log

    op = "categorical_cross_entropy"
    _check_reduction(reduction, op)
    if p.ndim != 2:
        raise ShapeError(key="error.ops.loss.probabilities_shape_batch", op=op, shape=p.shape)
    return softmax_cross_entropy(log(clip(p, eps, 1.0)), target, reduction=reduction)


def weighted_reduce(values: Tensor, sample_weight: Any = None, reduction: str = "mean") -> Tensor:
    """Weight per-sample losses and reduce them, with Keras' rule:
    ``"mean"`` -> sum_i w_i l_i / N (Keras' "sum_over_batch_size"), ``"sum"`` -> sum_i w_i l_i,
    ``"none"`` -> w_i l_i. (PyTorch's class-weighted mean divides by sum_i w_i instead.)

    Example:
        >>> weighted_reduce(Tensor([1.0, 3.0]), np.array([2.0, 0.0])).item()   # (2 + 0) / 2
        1.0
    """
    xp = array_module(values, sample_weight)
    from .math import mul
    from .reduce import sum as _sum

    _check_reduction(reduction, "weighted_reduce")
    if sample_weight is not None:
        w = xp.asarray(sample_weight.data if isinstance(sample_weight, Tensor) else sample_weight)
        if w.shape != values.shape:
            raise ShapeError(
                key="error.ops.loss.sample_weight_shape_weight", shape=w.shape, shape2=values.shape
            )
        values = mul(values, Tensor(w.astype(values.dtype, copy=False)))
    if reduction == "none":
        return values
    total = _sum(values)
    if reduction == "sum":
        return total
    n = values.shape[0] if values.ndim else 1
    return total * (1.0 / max(n, 1))

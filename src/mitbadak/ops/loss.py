"""Loss functions as graph nodes, fused where fusing is both faster and more stable."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import LabelError, ShapeError
from ..tensor import Function, Tensor
from ._util import to_tensor

REDUCTIONS = ("mean", "sum", "none")


def _check_reduction(reduction: str, op: str) -> None:
    if reduction not in REDUCTIONS:
        raise ShapeError(f"{op}: reduction must be one of {REDUCTIONS}, got {reduction!r}")


def check_sparse_labels(labels: np.ndarray, n: int, num_classes: int, op: str) -> np.ndarray:
    """Validate integer class labels (shape (n,), values in [0, num_classes)) and return int64."""
    if labels.shape != (n,):
        raise ShapeError(
            f"{op}: expected labels of shape ({n},) for {n} samples, got {labels.shape}"
        )
    if labels.dtype.kind == "f":
        if not np.all(np.isfinite(labels)) or np.any(labels != np.round(labels)):
            raise LabelError(f"{op}: labels must be whole numbers (class indices)")
    elif labels.dtype.kind not in "iu":
        raise LabelError(f"{op}: labels must be integer class indices, got dtype {labels.dtype}")
    if n and (labels.min() < 0 or labels.max() >= num_classes):
        bad = labels[(labels < 0) | (labels >= num_classes)][0]
        raise LabelError(
            f"{op}: label {bad!r} is out of range: expected class indices in [0, {num_classes - 1}] "
            f"for {num_classes} outputs"
        )
    return labels.astype(np.int64, copy=False)


class SoftmaxCrossEntropy(Function):
    """L = -sum_c t_c log softmax(z)_c, from logits z (N, C), averaged over the batch.

    Fused forward: log softmax by log-sum-exp (finite for any logits). Fused backward: the
    famous dL/dz = softmax(z) - t (times sum_c t_c for soft targets), divided by N for the mean.
    Targets are integer labels (N,) or probability rows (N, C).
    """

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, z: np.ndarray, t: np.ndarray) -> np.ndarray:
        shifted = z - z.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.logp, self.t = logp, t
        if t.ndim == 1:
            losses = -logp[np.arange(len(t)), t]
        else:
            losses = -(t * logp).sum(axis=1)
        if self.reduction == "mean":
            return np.asarray(losses.mean(), dtype=z.dtype)
        if self.reduction == "sum":
            return np.asarray(losses.sum(), dtype=z.dtype)
        return losses

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, None]:
        p = np.exp(self.logp)
        t, n = self.t, len(self.logp)
        if t.ndim == 1:
            p[np.arange(n), t] -= 1
        else:
            p *= t.sum(axis=1, keepdims=True)
            p -= t
        if self.reduction == "mean":
            p *= g / n
        elif self.reduction == "sum":
            p *= g
        else:
            p *= g[:, None]
        return p, None


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
    op = "softmax_cross_entropy"
    _check_reduction(reduction, op)
    if logits.ndim != 2:
        raise ShapeError(f"{op}: expected logits of shape (batch, classes), got {logits.shape}")
    t = target.data if isinstance(target, Tensor) else np.asarray(target)
    n, c = logits.shape
    if t.ndim == 1:
        t = check_sparse_labels(t, n, c, op)
    elif t.shape != logits.shape:
        raise ShapeError(
            f"{op}: one-hot targets must have the logits' shape {logits.shape}, got {t.shape}"
        )
    else:
        t = t.astype(logits.dtype, copy=False)
    return SoftmaxCrossEntropy.apply(logits, Tensor(t), reduction=reduction)


class SquaredError(Function):
    """L = mean (y - t)^2;  dL/dy = 2 (y - t) / n  (and -that for t, if it needs a gradient)."""

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, y: np.ndarray, t: np.ndarray) -> np.ndarray:
        self.diff = y - t
        sq = self.diff * self.diff
        if self.reduction == "mean":
            return np.asarray(sq.mean(), dtype=sq.dtype)
        if self.reduction == "sum":
            return np.asarray(sq.sum(), dtype=sq.dtype)
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
        raise ShapeError(f"mse: prediction has shape {y.shape} but target has shape {t.shape}")
    return SquaredError.apply(y, t, reduction=reduction)

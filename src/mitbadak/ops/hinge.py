"""Hinge losses, from raw scores (the margin losses of support vector machines).

With a score s and a label t in {-1, +1}, the *margin* is t·s: positive when the sample is on
the right side, and the hinge asks for more than that, a margin of at least 1.

| function | loss per element / sample | gradient with respect to the scores |
|---|---|---|
| hinge | max(0, 1 - t s) | -t where 1 - t s > 0, else 0 |
| squared_hinge | max(0, 1 - t s)^2 | -2 t max(0, 1 - t s) |
| categorical_hinge | max(0, 1 + max_{j: t_j=0} s_j - Σ_j t_j s_j) | see CategoricalHinge |
| multiclass_hinge | Σ_{j != y} max(0, s_j - s_y + 1) (Weston–Watkins, CS231n) | see MulticlassHinge |

The first three are Keras' definitions (targets -1/+1, or one-hot for the categorical one); the
last is the multiclass SVM loss of CS231n from integer labels, which equals PyTorch's
``multi_margin_loss(s, y, margin=1)`` times the number of classes (PyTorch divides by C).
At the kink (a margin of exactly 1) the subgradient 0 is used, as PyTorch and Keras do.

Example:
    >>> import numpy as np
    >>> from mitbadak import Tensor
    >>> hinge(Tensor([0.3, -2.0]), np.array([1.0, -1.0])).item()  # (0.7 + 0) / 2
    0.3499999940395355
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Function, Tensor
from ._util import to_tensor
from .loss import REDUCTIONS, check_sparse_labels


def _check_reduction(reduction: str, op: str) -> None:
    if reduction not in REDUCTIONS:
        raise ConfigError(
            key="error.ops.hinge.reduction", op=op, choices=REDUCTIONS, reduction=reduction
        )


def _reduce(values: np.ndarray, reduction: str, dtype: np.dtype) -> np.ndarray:
    xp = array_module(values, dtype)
    if reduction == "mean":
        return xp.asarray(values.mean(), dtype=dtype)
    if reduction == "sum":
        return xp.asarray(values.sum(), dtype=dtype)
    return values


def _reduce_grad(d: np.ndarray, g: np.ndarray, reduction: str) -> np.ndarray:
    """Chain the reduction's derivative: mean -> g / size, sum -> g, none -> g element-wise."""
    if reduction == "mean":
        return d * (g / d.size)
    return d * g


def _same_shape(op: str, y: Tensor, t: Tensor) -> None:
    if t.shape != y.shape:
        raise ShapeError(
            key="error.ops.hinge.scores_shape_but", op=op, shape=y.shape, shape2=t.shape
        )


class HingeError(Function):
    """L = max(0, 1 - t s) per element (then reduced);  dL/ds = -t where 1 - t s > 0, else 0."""

    def __init__(self, squared: bool = False, reduction: str = "mean") -> None:
        self.squared, self.reduction = squared, reduction

    def forward(self, s: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(s, t)
        self.t = t
        self.gap = xp.maximum(1.0 - t * s, 0.0).astype(s.dtype, copy=False)
        loss = self.gap * self.gap if self.squared else self.gap
        return _reduce(loss, self.reduction, s.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, None]:
        # hinge: d/ds max(0, 1 - t s) = -t [1 - t s > 0];  squared: -2 t max(0, 1 - t s).
        d = -2.0 * self.t * self.gap if self.squared else -self.t * (self.gap > 0)
        return _reduce_grad(d.astype(self.gap.dtype, copy=False), g, self.reduction), None


class CategoricalHingeError(Function):
    """Keras' categorical hinge for one-hot targets t (N, C) and scores s (N, C):

    pos_i = Σ_j t_ij s_ij,   neg_i = max_j (1 - t_ij) s_ij,   L_i = max(0, neg_i - pos_i + 1);
    dL_i/ds_ij = [L_i > 0] ((1 - t_ij) [j = argmax_k (1 - t_ik) s_ik] - t_ij).
    """

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def forward(self, s: np.ndarray, t: np.ndarray) -> np.ndarray:
        xp = array_module(s, t)
        n = len(s)
        neg_scores = (1.0 - t) * s
        self.j = xp.argmax(neg_scores, axis=1)
        pos = (t * s).sum(axis=1)
        neg = neg_scores[xp.arange(n), self.j]
        loss = xp.maximum(neg - pos + 1.0, 0.0).astype(s.dtype, copy=False)
        self.t, self.active = t, loss > 0
        return _reduce(loss, self.reduction, s.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, None]:
        xp = array_module(g)
        n = len(self.t)
        d = -self.t.copy()
        d[xp.arange(n), self.j] += 1.0 - self.t[xp.arange(n), self.j]
        d *= self.active[:, None]
        g = xp.asarray(g)
        scale = g / n if self.reduction == "mean" else (g[:, None] if g.ndim else g)
        return (d * scale).astype(self.t.dtype, copy=False), None


class MulticlassHingeError(Function):
    """The Weston–Watkins multiclass SVM loss (CS231n) for scores s (N, C) and labels y (N,):

    m_ij = s_ij - s_iy + 1 for j != y_i (and 0 for j = y_i),   L_i = Σ_j max(0, m_ij);
    dL_i/ds_ij = [m_ij > 0] for j != y_i,   dL_i/ds_iy = -Σ_{j != y_i} [m_ij > 0].
    """

    def __init__(self, margin: float = 1.0, reduction: str = "mean") -> None:
        self.margin, self.reduction = margin, reduction

    def forward(self, s: np.ndarray, y: np.ndarray) -> np.ndarray:
        xp = array_module(s, y)
        n = len(s)
        self.y = y.astype(np.int64)
        rows = xp.arange(n)
        margins = s - s[rows, self.y][:, None] + self.margin
        margins[rows, self.y] = 0.0
        self.positive = margins > 0
        loss = xp.maximum(margins, 0.0).sum(axis=1).astype(s.dtype, copy=False)
        self.dtype = s.dtype
        return _reduce(loss, self.reduction, s.dtype)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, None]:
        xp = array_module(g)
        n = len(self.y)
        d = self.positive.astype(self.dtype)
        d[xp.arange(n), self.y] = -d.sum(axis=1)
        g = xp.asarray(g)
        scale = g / n if self.reduction == "mean" else (g[:, None] if g.ndim else g)
        return (d * scale).astype(self.dtype, copy=False), None


def hinge(scores: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Hinge loss max(0, 1 - t s) per element, targets t in {-1, +1}.

    Example:
        >>> hinge(Tensor([2.0, 0.5]), np.array([1.0, 1.0]), reduction="none").tolist()
        [0.0, 0.5]
    """
    _check_reduction(reduction, "hinge")
    t = to_tensor(target, scores)
    _same_shape("hinge", scores, t)
    return HingeError.apply(scores, t, squared=False, reduction=reduction)


def squared_hinge(scores: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Squared hinge loss max(0, 1 - t s)² per element, targets t in {-1, +1}.

    Example:
        >>> squared_hinge(Tensor([0.5]), np.array([1.0])).item()
        0.25
    """
    _check_reduction(reduction, "squared_hinge")
    t = to_tensor(target, scores)
    _same_shape("squared_hinge", scores, t)
    return HingeError.apply(scores, t, squared=True, reduction=reduction)


def categorical_hinge(scores: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Keras' categorical hinge, max(0, 1 + best wrong score - true score), one-hot targets.

    Example:
        >>> categorical_hinge(Tensor([[2.0, 1.5]]), np.array([[1.0, 0.0]])).item()
        0.5
    """
    _check_reduction(reduction, "categorical_hinge")
    t = to_tensor(target, scores)
    _same_shape("categorical_hinge", scores, t)
    if scores.ndim != 2:
        raise ShapeError(key="error.ops.hinge.scores_n_c", shape=scores.shape)
    return CategoricalHingeError.apply(scores, t, reduction=reduction)


def multiclass_hinge(
    scores: Tensor, labels: Any, margin: float = 1.0, reduction: str = "mean"
) -> Tensor:
    """The multiclass SVM loss Σ_{j != y} max(0, s_j - s_y + margin) (Weston–Watkins, CS231n).

    Example:
        >>> s = Tensor([[3.2, 5.1, -1.7]])  # CS231n's cat example: loss 2.9
        >>> round(multiclass_hinge(s, np.array([0])).item(), 4)
        2.9
    """
    xp = array_module(scores, labels)
    _check_reduction(reduction, "multiclass_hinge")
    if scores.ndim != 2:
        raise ShapeError(key="error.ops.hinge.multiclass_hinge.scores_n_c", shape=scores.shape)
    lab = xp.asarray(labels.data if isinstance(labels, Tensor) else labels)
    lab = check_sparse_labels(lab, scores.shape[0], scores.shape[1], "multiclass_hinge")
    return MulticlassHingeError.apply(
        scores, Tensor(lab), margin=float(margin), reduction=reduction
    )

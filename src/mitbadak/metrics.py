"""Metrics: how good the predictions are, as NumPy functions and as streaming objects.

Two forms of each metric:

* **functions on arrays** (``accuracy(y_true, y_pred)``, ``precision(...)``,
  ``confusion_matrix(...)``) for one-off use, checked against scikit-learn in the tests;
* **streaming metrics** (``SparseCategoricalAccuracy()``, ``Precision()``...) with Keras' methods
  ``update_state(y_true, y_pred, sample_weight=None)``, ``result()`` and ``reset_state()``. They
  accumulate sums over batches, so the value after an epoch is the true (sample-weighted) average
  over all the epoch's samples, not an average of batch averages. ``Model.fit`` uses these.

Conventions (the Keras ones): ``y_pred`` holds scores (probabilities or logits) — one column per
class for multi-class problems, one value per sample for binary ones — and ``y_true`` holds
integer labels (*sparse*), one-hot rows (*categorical*) or 0/1 values (*binary*). Precision,
recall and F1 follow scikit-learn: ``average="binary"`` scores the positive class 1, ``"macro"``
averages the per-class scores, ``"micro"`` pools all decisions, ``"weighted"`` weights each class
by its support; a score whose denominator is 0 counts as 0.

String names for ``compile(metrics=[...])``: ``"accuracy"``/``"acc"`` (binary, categorical or
sparse, chosen from the loss like Keras), ``"binary_accuracy"``, ``"categorical_accuracy"``,
``"sparse_categorical_accuracy"``, ``"top_k_categorical_accuracy"``,
``"sparse_top_k_categorical_accuracy"`` (k=5), ``"precision"``, ``"recall"``, ``"f1"``/
``"f1_score"`` (binary for one output, macro otherwise), ``"mae"``, ``"mse"`` (and their long
names).

Example:
    >>> y_true = np.array([0, 1, 2, 1])
    >>> scores = np.array([[.9, .1, 0], [.2, .7, .1], [.1, .1, .8], [.6, .3, .1]])
    >>> accuracy(y_true, scores)
    0.75
    >>> m = SparseCategoricalAccuracy()
    >>> m.update_state(y_true[:2], scores[:2]); m.update_state(y_true[2:], scores[2:])
    >>> m.result()
    0.75
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import registry
from .errors import ConfigError, LabelError, ShapeError

__all__ = [
    "Accuracy",
    "BinaryAccuracy",
    "CategoricalAccuracy",
    "ConfusionMatrix",
    "F1Score",
    "Mean",
    "MeanAbsoluteError",
    "MeanSquaredError",
    "Metric",
    "Precision",
    "Recall",
    "SparseCategoricalAccuracy",
    "SparseTopKCategoricalAccuracy",
    "TopKCategoricalAccuracy",
    "accuracy",
    "binary_accuracy",
    "categorical_accuracy",
    "confusion_matrix",
    "f1_score",
    "get",
    "mean_absolute_error",
    "mean_squared_error",
    "precision",
    "recall",
    "sparse_categorical_accuracy",
    "top_k_accuracy",
]


def _arr(a: Any) -> np.ndarray:
    return np.asarray(a.data if hasattr(a, "data") and not isinstance(a, np.ndarray) else a)


def _check_len(y_true: np.ndarray, y_pred: np.ndarray, name: str) -> None:
    if len(y_true) != len(y_pred):
        raise ShapeError(
            f"{name}: y_true has {len(y_true)} samples but y_pred has {len(y_pred)}; they must match"
        )


# ------------------------------------------------------------------ per-sample scores
def _binary_correct(y_true: Any, y_pred: Any, threshold: float) -> np.ndarray:
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "binary_accuracy")
    return ((p.reshape(len(p), -1) > threshold) == (t.reshape(len(t), -1) > 0.5)).mean(axis=1)


def _categorical_correct(y_true: Any, y_pred: Any) -> np.ndarray:
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "categorical_accuracy")
    if t.shape != p.shape:
        raise ShapeError(
            f"categorical_accuracy: expected one-hot y_true of shape {p.shape}, got {t.shape}"
        )
    return (t.argmax(axis=-1) == p.argmax(axis=-1)).astype(np.float64)


def _sparse_correct(y_true: Any, y_pred: Any) -> np.ndarray:
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "sparse_categorical_accuracy")
    t = t.reshape(len(t), -1)[:, 0] if t.ndim > 1 else t
    return (p.argmax(axis=-1) == t).astype(np.float64)


def _top_k_correct(y_true: Any, y_pred: Any, k: int) -> np.ndarray:
    """1 where the true class is among the k highest scores (ties counted as in scikit-learn:
    a class is in the top k if fewer than k classes score strictly higher)."""
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "top_k_accuracy")
    if p.ndim != 2:
        raise ShapeError(
            f"top_k_accuracy: expected scores of shape (batch, classes), got {p.shape}"
        )
    t = t.astype(np.int64).reshape(-1)
    true_score = p[np.arange(len(t)), t]
    return ((p > true_score[:, None]).sum(axis=1) < k).astype(np.float64)


def binary_accuracy(y_true: Any, y_pred: Any, threshold: float = 0.5) -> float:
    """Fraction of samples whose score is on the right side of ``threshold``.

    Use ``threshold=0`` for logits. Example:
        >>> binary_accuracy(np.array([1, 0, 1]), np.array([0.8, 0.4, 0.3]))
        0.6666666666666666
    """
    return float(_binary_correct(y_true, y_pred, threshold).mean())


def categorical_accuracy(y_true: Any, y_pred: Any) -> float:
    """Accuracy against one-hot targets: argmax of scores equals argmax of ``y_true``.

    Example:
        >>> categorical_accuracy(np.eye(2), np.array([[0.9, 0.1], [0.8, 0.2]]))
        0.5
    """
    return float(_categorical_correct(y_true, y_pred).mean())


def sparse_categorical_accuracy(y_true: Any, y_pred: Any) -> float:
    """Accuracy against integer labels: argmax of the scores equals the label.

    Example:
        >>> sparse_categorical_accuracy(np.array([1, 0]), np.array([[0.1, 0.9], [0.3, 0.7]]))
        0.5
    """
    return float(_sparse_correct(y_true, y_pred).mean())


def accuracy(y_true: Any, y_pred: Any, threshold: float = 0.5) -> float:
    """Accuracy, choosing the kind from the shapes: labels vs scores (sparse), one-hot vs scores
    (categorical), one score per sample (binary), or labels vs labels (exact match).

    Example:
        >>> accuracy(np.array([0, 1, 1]), np.array([0, 1, 0]))
        0.6666666666666666
    """
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "accuracy")
    if p.ndim == 2 and p.shape[1] > 1:
        return (
            categorical_accuracy(t, p) if t.shape == p.shape else sparse_categorical_accuracy(t, p)
        )
    if p.dtype.kind == "f" and not np.array_equal(p, np.round(p)):
        return binary_accuracy(t, p, threshold)
    return float((t.reshape(-1) == p.reshape(-1)).mean())


def top_k_accuracy(y_true: Any, y_pred: Any, k: int = 5) -> float:
    """Fraction of samples whose true label is among the ``k`` best-scored classes.

    Example:
        >>> top_k_accuracy(np.array([2, 0]), np.array([[.5, .3, .2], [.1, .6, .3]]), k=2)
        0.0
    """
    return float(_top_k_correct(y_true, y_pred, k).mean())


def mean_absolute_error(y_true: Any, y_pred: Any) -> float:
    """mean |y_true - y_pred|.  Example: ``mean_absolute_error([1, 2], [1, 4])`` -> 1.0."""
    t, p = _arr(y_true).astype(np.float64), _arr(y_pred).astype(np.float64)
    return float(np.abs(t.reshape(p.shape) - p).mean())


def mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """mean (y_true - y_pred)^2.  Example: ``mean_squared_error([1, 2], [1, 4])`` -> 2.0."""
    t, p = _arr(y_true).astype(np.float64), _arr(y_pred).astype(np.float64)
    return float(((t.reshape(p.shape) - p) ** 2).mean())


# ------------------------------------------------------------- confusion-matrix family
def _labels_of(y: Any, threshold: float = 0.5) -> np.ndarray:
    """Class labels from labels (1-D ints), one-hot/score rows (argmax) or binary scores."""
    a = _arr(y)
    if a.ndim == 2 and a.shape[1] > 1:
        return a.argmax(axis=1)
    a = a.reshape(-1)
    if a.dtype.kind == "f" and not np.array_equal(a, np.round(a)):
        return (a > threshold).astype(np.int64)
    return a.astype(np.int64)


def confusion_matrix(
    y_true: Any, y_pred: Any, num_classes: int | None = None, sample_weight: Any = None
) -> np.ndarray:
    """Counts ``C[i, j]`` of samples of true class ``i`` predicted as class ``j`` (rows: truth,
    columns: prediction, as in scikit-learn). Inputs may be labels, one-hot rows or scores.

    Example:
        >>> confusion_matrix(np.array([0, 1, 1]), np.array([0, 0, 1]))
        array([[1, 0],
               [1, 1]])
    """
    t, p = _labels_of(y_true), _labels_of(y_pred)
    _check_len(t, p, "confusion_matrix")
    if num_classes is None:
        num_classes = int(max(t.max(initial=0), p.max(initial=0))) + 1
    for name, a in (("y_true", t), ("y_pred", p)):
        if len(a) and (a.min() < 0 or a.max() >= num_classes):
            raise LabelError(
                f"confusion_matrix: {name} has labels outside [0, {num_classes - 1}] "
                f"for num_classes={num_classes}"
            )
    w = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64).reshape(-1)
    cm = np.bincount(t * num_classes + p, weights=w, minlength=num_classes * num_classes)
    cm = cm.reshape(num_classes, num_classes)
    return cm if w is not None else cm.astype(np.int64)


_AVERAGES = ("binary", "macro", "micro", "weighted")


def _prf_from_cm(cm: np.ndarray, average: str, kind: str) -> float:
    """Precision, recall or F1 from a confusion matrix (0 where a denominator is 0)."""
    if average not in _AVERAGES:
        raise ConfigError(f"{kind}: average must be one of {_AVERAGES}, got {average!r}")
    cm = np.asarray(cm, dtype=np.float64)
    tp = np.diag(cm)
    pred_pos, true_pos = cm.sum(axis=0), cm.sum(axis=1)
    if average == "binary":
        if len(cm) > 2:
            raise ConfigError(
                f"{kind}: average='binary' needs two classes, got {len(cm)}; use 'macro', "
                "'micro' or 'weighted'"
            )
        if len(cm) < 2:  # only class 0 ever seen: no positive
            return 0.0
        tp, pred_pos, true_pos = tp[1:], pred_pos[1:], true_pos[1:]
    elif average == "micro":
        tp = np.array([tp.sum()])
        pred_pos = true_pos = np.array([cm.sum()])
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(pred_pos > 0, tp / pred_pos, 0.0)
        r = np.where(true_pos > 0, tp / true_pos, 0.0)
        f = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    score = {"precision": p, "recall": r, "f1": f}[kind]
    if average == "weighted":
        total = true_pos.sum()
        return float((score * true_pos).sum() / total) if total > 0 else 0.0
    return float(score.mean())


def _prf(y_true, y_pred, average, num_classes, kind, threshold=0.5) -> float:
    t, p = _labels_of(y_true, threshold), _labels_of(y_pred, threshold)
    if num_classes is None:
        num_classes = max(int(max(t.max(initial=0), p.max(initial=0))) + 1, 2)
    return _prf_from_cm(confusion_matrix(t, p, num_classes), average, kind)


def precision(
    y_true: Any, y_pred: Any, average: str = "binary", num_classes: int | None = None
) -> float:
    """TP / (TP + FP): of the samples predicted positive, the fraction that are.

    Example:
        >>> precision(np.array([1, 0, 1, 1]), np.array([1, 1, 1, 0]))
        0.6666666666666666
    """
    return _prf(y_true, y_pred, average, num_classes, "precision")


def recall(
    y_true: Any, y_pred: Any, average: str = "binary", num_classes: int | None = None
) -> float:
    """TP / (TP + FN): of the positive samples, the fraction found.

    Example:
        >>> recall(np.array([1, 0, 1, 1]), np.array([1, 1, 1, 0]))
        0.6666666666666666
    """
    return _prf(y_true, y_pred, average, num_classes, "recall")


def f1_score(
    y_true: Any, y_pred: Any, average: str = "binary", num_classes: int | None = None
) -> float:
    """Harmonic mean of precision and recall, 2PR / (P + R) (per class, then averaged).

    Example:
        >>> f1_score(np.array([0, 1, 2, 2]), np.array([0, 2, 2, 2]), average="macro")
        0.6
    """
    return _prf(y_true, y_pred, average, num_classes, "f1")


# ------------------------------------------------------------------- streaming metrics
class Metric:
    """Base class of streaming metrics: ``update_state`` per batch, ``result`` at any time.

    Subclasses override :meth:`update_state` (or :meth:`values`, for means of per-sample values)
    and :meth:`result`.

    Example:
        >>> m = Mean(); m.update_state(np.array([1.0, 3.0])); m.update_state(np.array([5.0]))
        >>> m.result()
        3.0
    """

    name = "metric"

    def __init__(self, name: str | None = None) -> None:
        if name is not None:
            self.name = name
        self.reset_state()

    def reset_state(self) -> None:
        """Forget everything accumulated (called at the start of each epoch)."""

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        raise NotImplementedError

    def result(self) -> float:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Metric:
        """Rebuild from :meth:`get_config`'s dict (the inverse of ``get_config``)."""
        return cls(**config)

    def __call__(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> float:
        """Update with one batch and return the running result (Keras' behaviour)."""
        self.update_state(y_true, y_pred, sample_weight)
        return self.result()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r}>"


class Mean(Metric):
    """Running (weighted) mean of values; ``update_state(values, sample_weight=None)``.

    Example: see :class:`Metric`.
    """

    name = "mean"

    def reset_state(self) -> None:
        self.total, self.count = 0.0, 0.0

    def update_state(self, values: Any, sample_weight: Any = None, _unused: Any = None) -> None:
        v = np.asarray(values, dtype=np.float64).reshape(-1)
        if sample_weight is None:
            self.total += float(v.sum())
            self.count += v.size
        else:
            w = np.broadcast_to(np.asarray(sample_weight, dtype=np.float64).reshape(-1), v.shape)
            self.total += float(v @ w)
            self.count += float(w.sum())

    def __call__(self, values: Any, sample_weight: Any = None) -> float:  # type: ignore[override]
        self.update_state(values, sample_weight)
        return self.result()

    def result(self) -> float:
        return self.total / self.count if self.count else 0.0


class _MeanOfValues(Metric):
    """Weighted mean of a per-sample value computed by :meth:`values`."""

    def reset_state(self) -> None:
        self.total, self.count = 0.0, 0.0

    def values(self, y_true: Any, y_pred: Any) -> np.ndarray:
        raise NotImplementedError

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        v = self.values(y_true, y_pred)
        if sample_weight is None:
            self.total += float(v.sum())
            self.count += len(v)
        else:
            w = np.asarray(sample_weight, dtype=np.float64).reshape(-1)
            self.total += float(v @ w)
            self.count += float(w.sum())

    def result(self) -> float:
        return self.total / self.count if self.count else 0.0


class BinaryAccuracy(_MeanOfValues):
    """Streaming :func:`binary_accuracy` (``threshold=0`` for logits).

    Example:
        >>> BinaryAccuracy()(np.array([1, 0]), np.array([0.9, 0.7]))
        0.5
    """

    name = "binary_accuracy"

    def __init__(self, name: str | None = None, threshold: float = 0.5) -> None:
        self.threshold = float(threshold)
        super().__init__(name)

    def values(self, y_true, y_pred):
        return _binary_correct(y_true, y_pred, self.threshold)

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "threshold": self.threshold}


class CategoricalAccuracy(_MeanOfValues):
    """Streaming :func:`categorical_accuracy` (one-hot targets).

    Example:
        >>> CategoricalAccuracy()(np.eye(2), np.array([[0.9, 0.1], [0.2, 0.8]]))
        1.0
    """

    name = "categorical_accuracy"

    def values(self, y_true, y_pred):
        return _categorical_correct(y_true, y_pred)


class SparseCategoricalAccuracy(_MeanOfValues):
    """Streaming :func:`sparse_categorical_accuracy` (integer labels). Example: module doc."""

    name = "sparse_categorical_accuracy"

    def values(self, y_true, y_pred):
        return _sparse_correct(y_true, y_pred)


class Accuracy(_MeanOfValues):
    """Exact-match accuracy of predicted labels against true labels (Keras' ``Accuracy``).

    Example:
        >>> Accuracy()(np.array([1, 2, 3]), np.array([1, 2, 0]))
        0.6666666666666666
    """

    name = "accuracy"

    def values(self, y_true, y_pred):
        t, p = _arr(y_true), _arr(y_pred)
        _check_len(t, p, "accuracy")
        return (t.reshape(len(t), -1) == p.reshape(len(p), -1)).mean(axis=1)


class TopKCategoricalAccuracy(_MeanOfValues):
    """Streaming top-k accuracy against one-hot targets.

    Example:
        >>> TopKCategoricalAccuracy(k=2)(np.eye(3)[[2]], np.array([[.5, .3, .2]]))
        0.0
    """

    name = "top_k_categorical_accuracy"

    def __init__(self, k: int = 5, name: str | None = None) -> None:
        self.k = int(k)
        super().__init__(name)

    def values(self, y_true, y_pred):
        return _top_k_correct(_arr(y_true).argmax(axis=-1), y_pred, self.k)

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "k": self.k}


class SparseTopKCategoricalAccuracy(TopKCategoricalAccuracy):
    """Streaming top-k accuracy against integer labels.

    Example:
        >>> SparseTopKCategoricalAccuracy(k=2)(np.array([1]), np.array([[.5, .3, .2]]))
        1.0
    """

    name = "sparse_top_k_categorical_accuracy"

    def values(self, y_true, y_pred):
        return _top_k_correct(y_true, y_pred, self.k)


class MeanAbsoluteError(_MeanOfValues):
    """Streaming mean absolute error (per sample, then averaged).

    Example:
        >>> MeanAbsoluteError()(np.array([1.0, 2.0]), np.array([1.0, 4.0]))
        1.0
    """

    name = "mean_absolute_error"

    def values(self, y_true, y_pred):
        p = _arr(y_pred).astype(np.float64)
        t = _arr(y_true).astype(np.float64).reshape(p.shape)
        return np.abs(t - p).reshape(len(p), -1).mean(axis=1)


class MeanSquaredError(_MeanOfValues):
    """Streaming mean squared error (per sample, then averaged).

    Example:
        >>> MeanSquaredError()(np.array([1.0, 2.0]), np.array([1.0, 4.0]))
        2.0
    """

    name = "mean_squared_error"

    def values(self, y_true, y_pred):
        p = _arr(y_pred).astype(np.float64)
        t = _arr(y_true).astype(np.float64).reshape(p.shape)
        return ((t - p) ** 2).reshape(len(p), -1).mean(axis=1)


class ConfusionMatrix(Metric):
    """Streaming confusion matrix; ``result()`` returns the (num_classes, num_classes) counts.

    Predictions are scores (argmax, or ``> threshold`` for one output) or labels.

    Example:
        >>> m = ConfusionMatrix(2); m.update_state(np.array([0, 1]), np.array([[.9, .1], [.8, .2]]))
        >>> m.result().tolist()
        [[1.0, 0.0], [1.0, 0.0]]
    """

    name = "confusion_matrix"

    def __init__(
        self, num_classes: int | None = None, name: str | None = None, threshold: float = 0.5
    ) -> None:
        self.num_classes = num_classes
        self.threshold = float(threshold)
        super().__init__(name)

    def reset_state(self) -> None:
        n = self.num_classes or 0
        self.cm = np.zeros((n, n), dtype=np.float64)

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        t, p = _labels_of(y_true, 0.5), _labels_of(y_pred, self.threshold)
        _check_len(t, p, self.name)
        if self.num_classes is None:  # grow as new classes appear
            n = max(len(self.cm), int(max(t.max(initial=0), p.max(initial=0))) + 1, 2)
            if n > len(self.cm):
                cm = np.zeros((n, n))
                cm[: len(self.cm), : len(self.cm)] = self.cm
                self.cm = cm
        self.cm += confusion_matrix(t, p, len(self.cm), sample_weight)

    def result(self) -> np.ndarray:  # type: ignore[override]
        return self.cm.copy()

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "num_classes": self.num_classes, "threshold": self.threshold}


class _PRF(ConfusionMatrix):
    kind = "precision"

    def __init__(
        self,
        num_classes: int | None = None,
        average: str | None = None,
        name: str | None = None,
        threshold: float = 0.5,
    ) -> None:
        if average is not None and average not in _AVERAGES:
            raise ConfigError(f"{type(self).__name__}: average must be one of {_AVERAGES}")
        self.average = average
        super().__init__(num_classes, name, threshold)

    def result(self) -> float:  # type: ignore[override]
        avg = self.average or ("binary" if len(self.cm) <= 2 else "macro")
        return _prf_from_cm(self.cm, avg, self.kind)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "average": self.average}


class Precision(_PRF):
    """Streaming precision; ``average=None`` means binary for two classes, macro otherwise.

    Example:
        >>> Precision()(np.array([1, 0, 1, 1]), np.array([0.9, 0.8, 0.7, 0.1]))
        0.6666666666666666
    """

    name = "precision"
    kind = "precision"


class Recall(_PRF):
    """Streaming recall (see :class:`Precision` for ``average``).

    Example:
        >>> Recall()(np.array([1, 0, 1, 1]), np.array([0.9, 0.8, 0.7, 0.1]))
        0.6666666666666666
    """

    name = "recall"
    kind = "recall"


class F1Score(_PRF):
    """Streaming F1 score (see :class:`Precision` for ``average``).

    Example:
        >>> F1Score(average="macro")(np.array([0, 1, 2, 2]), np.eye(3)[[0, 2, 2, 2]])
        0.6
    """

    name = "f1_score"
    kind = "f1"


# ------------------------------------------------------------------------ by name
_BY_NAME: dict[str, Any] = {
    "binary_accuracy": BinaryAccuracy,
    "categorical_accuracy": CategoricalAccuracy,
    "sparse_categorical_accuracy": SparseCategoricalAccuracy,
    "top_k_categorical_accuracy": TopKCategoricalAccuracy,
    "sparse_top_k_categorical_accuracy": SparseTopKCategoricalAccuracy,
    "precision": Precision,
    "recall": Recall,
    "f1": F1Score,
    "f1_score": F1Score,
    "mae": MeanAbsoluteError,
    "mean_absolute_error": MeanAbsoluteError,
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
    "confusion_matrix": ConfusionMatrix,
}

_CLASSES: dict[str, type[Metric]] = {
    c.__name__: c
    for c in (
        Accuracy,
        BinaryAccuracy,
        CategoricalAccuracy,
        SparseCategoricalAccuracy,
        TopKCategoricalAccuracy,
        SparseTopKCategoricalAccuracy,
        Precision,
        Recall,
        F1Score,
        MeanAbsoluteError,
        MeanSquaredError,
        ConfusionMatrix,
        Mean,
    )
}


def accuracy_kind_for_loss(loss: Any) -> str | None:
    """Which accuracy ``"accuracy"`` means for a loss, as Keras decides: ``"binary"``,
    ``"categorical"``, ``"sparse"``, or ``None`` (decide from the shapes of the first batch)."""
    name = (getattr(loss, "name", None) or type(loss).__name__).lower()
    if "sparse" in name:
        return "sparse"
    if "binary" in name or "hinge" in name:
        return "binary"
    if "categorical" in name or "kl" in name:
        return "categorical"
    return None


# The one registry holds both tables: names ("mae", "f1") and class names ("F1Score").
registry.family("metrics", _BY_NAME)
for _cls in _CLASSES.values():
    registry.register("metrics", _cls.__name__, _cls)


def get(identifier: Any, loss: Any = None, y_true: Any = None, y_pred: Any = None) -> Metric:
    """A streaming metric from a name, a ``{"class_name", "config"}`` dict or a Metric.

    ``"accuracy"``/``"acc"`` is resolved from ``loss`` (sparse / categorical / binary
    cross-entropy) or, for other losses, from the shapes of ``y_true``/``y_pred``. The metric
    keeps the name it was asked by, so logs show ``"acc"`` when you asked for ``"acc"``.

    Example:
        >>> type(get("acc", loss="sparse_categorical_crossentropy")).__name__
        'SparseCategoricalAccuracy'
    """
    if isinstance(identifier, Metric):
        return identifier
    if isinstance(identifier, dict):
        cls = registry.lookup("metrics", identifier.get("class_name"))
        cfg = identifier.get("config", {})
        if not isinstance(cls, type) or not isinstance(cfg, dict):
            raise ConfigError(f"unknown metric config {identifier!r}")
        try:
            return cls(**cfg)
        except TypeError as e:
            raise ConfigError(f"invalid config for metric {cls.__name__}: {e}") from None
    if isinstance(identifier, type) and issubclass(identifier, Metric):
        return identifier()
    if not isinstance(identifier, str):
        raise ConfigError(f"cannot interpret {identifier!r} as a metric")
    key = identifier.lower()
    from_logits = bool(getattr(loss, "from_logits", False))
    if key in ("accuracy", "acc"):
        if isinstance(loss, str):
            from . import losses

            loss = losses.get(loss)
        kind = accuracy_kind_for_loss(loss) if loss is not None else None
        if kind is None and y_pred is not None:
            p = _arr(y_pred)
            t = _arr(y_true) if y_true is not None else None
            if p.ndim < 2 or p.shape[-1] == 1:
                kind = "binary"
            elif t is not None and t.shape == p.shape:
                kind = "categorical"
            else:
                kind = "sparse"
        if kind is None:
            kind = "sparse"
        if kind == "binary":
            return BinaryAccuracy(name=identifier, threshold=0.0 if from_logits else 0.5)
        if kind == "categorical":
            return CategoricalAccuracy(name=identifier)
        return SparseCategoricalAccuracy(name=identifier)
    cls = registry.lookup("metrics", key)
    if not isinstance(cls, type):
        raise ConfigError(
            f"unknown metric {identifier!r}; expected one of {sorted(_BY_NAME) + ['accuracy']}"
        )
    if issubclass(cls, ConfusionMatrix) and from_logits:
        return cls(name=identifier, threshold=0.0)
    return cls(name=identifier)


def serialize(metric: Metric) -> dict[str, Any]:
    """``{"class_name", "config"}`` of a streaming metric (JSON-able), for saving."""
    return {"class_name": type(metric).__name__, "config": metric.get_config()}

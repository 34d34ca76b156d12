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

from . import registry, validate
from .backend import array_module
from .errors import ConfigError, LabelError, ShapeError

__all__ = [
    "AUC",
    "FalseNegatives",
    "FalsePositives",
    "MeanMetricWrapper",
    "MetricVariable",
    "TrueNegatives",
    "TruePositives",
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
    if isinstance(a, np.ndarray):
        return a
    xp = array_module(a)
    if xp is not np:  # a device array (or a Tensor holding one) stays on its device
        return xp.asarray(a.data if hasattr(a, "data") and not isinstance(a, np.ndarray) else a)
    return validate.array(a, "y_true / y_pred", "metric", kinds="biuf")  # ragged: clear error


def _check_len(y_true: np.ndarray, y_pred: np.ndarray, name: str) -> None:
    if len(y_true) != len(y_pred):
        raise ShapeError(
            key="error.metrics.y_true_samples_but",
            name=name,
            n_y_true=len(y_true),
            n_y_pred=len(y_pred),
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
        raise ShapeError(key="error.metrics.hot_y_true_shape", shape=p.shape, shape2=t.shape)
    correct = (t.argmax(axis=-1) == p.argmax(axis=-1)).astype(np.float64)
    return correct.reshape(len(p), -1).mean(axis=1)  # (batch, time, classes): per-step mean


def _sparse_correct(y_true: Any, y_pred: Any) -> np.ndarray:
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "sparse_categorical_accuracy")
    if p.ndim > 2:  # (batch, time, classes) against (batch, time) labels: every step counts
        if t.size != p[..., 0].size:
            raise ShapeError(
                key="error.metrics.labels_shape_do",
                shape=t.shape,
                shape2=p.shape,
                expected=p.shape[:-1],
            )
        correct = p.argmax(axis=-1) == t.reshape(p.shape[:-1])
        return correct.reshape(len(p), -1).mean(axis=1).astype(np.float64)
    t = t.reshape(len(t), -1)[:, 0] if t.ndim > 1 else t
    return (p.argmax(axis=-1) == t).astype(np.float64)


def _top_k_correct(y_true: Any, y_pred: Any, k: int) -> np.ndarray:
    """1 where the true class is among the k highest scores (ties counted as in scikit-learn:
    a class is in the top k if fewer than k classes score strictly higher)."""
    xp = array_module(y_true, y_pred)
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "top_k_accuracy")
    if p.ndim != 2:
        raise ShapeError(key="error.metrics.scores_shape_batch", shape=p.shape)
    t = t.reshape(-1)
    if t.dtype.kind == "f" and not (bool(xp.isfinite(t).all()) and bool((t == xp.round(t)).all())):
        raise LabelError(key="error.metrics.labels_whole_numbers")
    t = t.astype(np.int64)
    if len(t) and (t.min() < 0 or t.max() >= p.shape[1]):
        raise LabelError(key="error.metrics.labels", last=p.shape[1] - 1, min=t.min(), max=t.max())
    true_score = p[xp.arange(len(t)), t]
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
    xp = array_module(y_true, y_pred)
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "accuracy")
    if p.ndim == 2 and p.shape[1] > 1:
        return (
            categorical_accuracy(t, p) if t.shape == p.shape else sparse_categorical_accuracy(t, p)
        )
    if p.dtype.kind == "f" and not xp.array_equal(p, xp.round(p)):
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
    xp = array_module(y_true, y_pred)
    t, p = _arr(y_true).astype(np.float64), _arr(y_pred).astype(np.float64)
    return float(xp.abs(t.reshape(p.shape) - p).mean())


def mean_squared_error(y_true: Any, y_pred: Any) -> float:
    """mean (y_true - y_pred)^2.  Example: ``mean_squared_error([1, 2], [1, 4])`` -> 2.0."""
    t, p = _arr(y_true).astype(np.float64), _arr(y_pred).astype(np.float64)
    return float(((t.reshape(p.shape) - p) ** 2).mean())


# ------------------------------------------------------------- confusion-matrix family
def _labels_of(y: Any, threshold: float = 0.5) -> np.ndarray:
    """Class labels from labels (1-D ints), one-hot/score rows (argmax) or binary scores."""
    xp = array_module(y)
    a = _arr(y)
    if a.ndim == 2 and a.shape[1] > 1:
        return a.argmax(axis=1)
    a = a.reshape(-1)
    if a.dtype.kind == "f" and not xp.array_equal(a, xp.round(a)):
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
    xp = array_module(y_true, y_pred, sample_weight)
    t, p = _labels_of(y_true), _labels_of(y_pred)
    _check_len(t, p, "confusion_matrix")
    if num_classes is None:
        num_classes = int(max(t.max(initial=0), p.max(initial=0))) + 1
    for name, a in (("y_true", t), ("y_pred", p)):
        if len(a) and (a.min() < 0 or a.max() >= num_classes):
            raise LabelError(
                key="error.metrics.labels_outside_num_classes",
                name=name,
                last=num_classes - 1,
                num_classes=num_classes,
            )
    w = None if sample_weight is None else xp.asarray(sample_weight, dtype=np.float64).reshape(-1)
    cm = xp.bincount(t * num_classes + p, weights=w, minlength=num_classes * num_classes)
    cm = cm.reshape(num_classes, num_classes)
    return cm if w is not None else cm.astype(np.int64)


_AVERAGES = ("binary", "macro", "micro", "weighted")


def _prf_from_cm(cm: np.ndarray, average: str, kind: str) -> float:
    """Precision, recall or F1 from a confusion matrix (0 where a denominator is 0)."""
    xp = array_module(cm)
    if average not in _AVERAGES:
        raise ConfigError(
            key="error.metrics.average", kind=kind, choices=_AVERAGES, average=average
        )
    cm = xp.asarray(cm, dtype=np.float64)
    tp = xp.diag(cm)
    pred_pos, true_pos = cm.sum(axis=0), cm.sum(axis=1)
    if average == "binary":
        if len(cm) > 2:
            raise ConfigError(key="error.metrics.average_binary_needs", kind=kind, n_cm=len(cm))
        if len(cm) < 2:  # only class 0 ever seen: no positive
            return 0.0
        tp, pred_pos, true_pos = tp[1:], pred_pos[1:], true_pos[1:]
    elif average == "micro":
        tp = xp.array([tp.sum()])
        pred_pos = true_pos = xp.array([cm.sum()])
    with np.errstate(divide="ignore", invalid="ignore"):
        p = xp.where(pred_pos > 0, tp / pred_pos, 0.0)
        r = xp.where(true_pos > 0, tp / true_pos, 0.0)
        f = xp.where(p + r > 0, 2 * p * r / (p + r), 0.0)
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

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fn = cls.__dict__.get("result")
        if fn is not None and not getattr(fn, "_plain", False):
            # Keras-style metrics return a weight or a 0-d tensor: logs want a float.
            def result(self: Metric, _fn: Any = fn) -> Any:
                return _plain(_fn(self))

            result._plain = True  # type: ignore[attr-defined]
            result.__doc__ = fn.__doc__
            cls.result = result  # type: ignore[method-assign]

    def __init__(self, name: str | None = None, dtype: Any = None, **kwargs: Any) -> None:
        if kwargs:
            raise ConfigError(
                key="error.metrics.unknown_arguments",
                self_type=type(self).__name__,
                kwargs=sorted(kwargs),
            )
        if name is not None:
            self.name = name
        self.dtype = np.dtype(dtype) if dtype is not None else np.dtype("float32")
        self.reset_state()

    def add_weight(
        self,
        name: str | None = None,
        shape: tuple[int, ...] = (),
        initializer: Any = "zeros",
        dtype: Any = None,
    ) -> MetricVariable:
        """A state variable of this metric (Keras' ``Metric.add_weight``), set back to its
        initial value by :meth:`reset_state`.

        Example:
            >>> class Total(Metric):
            ...     def __init__(self, name="total"):
            ...         super().__init__(name=name)
            ...         self.total = self.add_weight(shape=(), initializer="zeros")
            ...     def update_state(self, y_true, y_pred, sample_weight=None):
            ...         self.total.assign_add(np.sum(y_pred))
            ...     def result(self):
            ...         return self.total
            >>> m = Total(); m.update_state(None, np.ones(3)); m.result()
            3.0
            >>> m.reset_state(); m.result()
            0.0
        """
        xp = array_module(initializer, dtype)
        shape = (shape,) if isinstance(shape, int) else tuple(shape or ())
        init = initializer
        if isinstance(init, str):
            if init not in ("zeros", "ones"):
                from . import initializers

                value = initializers.get(init)(shape, np.dtype(dtype or self.dtype))
            else:
                value = xp.full(shape, 1.0 if init == "ones" else 0.0)
        elif callable(init):
            value = xp.asarray(init(shape, np.dtype(dtype or self.dtype)))
        else:
            value = xp.broadcast_to(xp.asarray(init, dtype=np.float64), shape)
        var = MetricVariable(value, dtype or self.dtype, name or f"variable_{len(self.variables)}")
        self.__dict__.setdefault("_metric_variables", []).append(var)
        return var

    @property
    def variables(self) -> list[MetricVariable]:
        """The state variables created by :meth:`add_weight`."""
        return list(self.__dict__.get("_metric_variables", []))

    def reset_state(self) -> None:
        """Forget everything accumulated (called at the start of each epoch): variables made
        by :meth:`add_weight` go back to their initial values."""
        for var in self.__dict__.get("_metric_variables", []):
            var.reset()

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


def _plain(value: Any) -> Any:
    """A metric result as a Python float when it is one number (Variable, Tensor, 0-d array)."""
    xp = array_module(value)
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        return float(value)
    arr = xp.asarray(
        value.data if hasattr(value, "data") and not isinstance(value, np.ndarray) else value
    )
    if arr.ndim == 0 or arr.size == 1 and arr.ndim <= 1:
        return float(arr.reshape(()))
    return arr


class MetricVariable:
    """A metric's state (Keras' metric ``Variable``): a NumPy value with ``assign``,
    ``assign_add``, ``assign_sub`` and ``numpy()``; arithmetic gives NumPy values.

    Example:
        >>> v = MetricVariable(np.zeros(()), "float32", "count")
        >>> v.assign_add(2.0); v.assign_sub(0.5); float(v), v.numpy().dtype
        (1.5, dtype('float32'))
    """

    def __init__(self, value: Any, dtype: Any, name: str) -> None:
        xp = array_module(value, dtype)
        self.dtype = np.dtype(dtype)
        self.name = name
        self._initial = xp.array(value, dtype=self.dtype)
        self.value = self._initial.copy()

    @property
    def shape(self) -> tuple[int, ...]:
        return self.value.shape

    def reset(self) -> None:
        self.value = self._initial.copy()

    def _arr(self, v: Any) -> np.ndarray:
        xp = array_module(v)
        a = xp.asarray(v.data if hasattr(v, "data") and not isinstance(v, np.ndarray) else v)
        return xp.broadcast_to(a, self.value.shape).astype(self.dtype)

    def assign(self, v: Any) -> None:
        xp = array_module(v)
        self.value = xp.array(self._arr(v))

    def assign_add(self, v: Any) -> None:
        xp = array_module(v)
        self.value = xp.asarray(self.value + self._arr(v), dtype=self.dtype)

    def assign_sub(self, v: Any) -> None:
        xp = array_module(v)
        self.value = xp.asarray(self.value - self._arr(v), dtype=self.dtype)

    def numpy(self) -> np.ndarray:
        return self.value.copy()

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        xp = array_module(dtype, copy)
        return xp.asarray(self.value if dtype is None else self.value.astype(dtype))

    def __float__(self) -> float:
        return float(self.value)

    def __format__(self, spec: str) -> str:
        return format(float(self.value), spec) if self.value.ndim == 0 else str(self.value)

    def __repr__(self) -> str:
        return f"<MetricVariable {self.name} {self.value}>"

    def __add__(self, o: Any) -> np.ndarray:
        xp = array_module(o)
        return self.value + xp.asarray(o)

    __radd__ = __add__

    def __sub__(self, o: Any) -> np.ndarray:
        xp = array_module(o)
        return self.value - xp.asarray(o)

    def __rsub__(self, o: Any) -> np.ndarray:
        xp = array_module(o)
        return xp.asarray(o) - self.value

    def __mul__(self, o: Any) -> np.ndarray:
        xp = array_module(o)
        return self.value * xp.asarray(o)

    __rmul__ = __mul__

    def __truediv__(self, o: Any) -> np.ndarray:
        xp = array_module(o)
        return self.value / xp.asarray(o)

    def __rtruediv__(self, o: Any) -> np.ndarray:
        xp = array_module(o)
        return xp.asarray(o) / self.value


class Mean(Metric):
    """Running (weighted) mean of values; ``update_state(values, sample_weight=None)``.

    Example: see :class:`Metric`.
    """

    name = "mean"

    def reset_state(self) -> None:
        self.total, self.count = 0.0, 0.0

    def update_state(self, values: Any, sample_weight: Any = None, _unused: Any = None) -> None:
        xp = array_module(values, sample_weight, _unused)
        v = xp.asarray(values, dtype=np.float64).reshape(-1)
        if sample_weight is None:
            self.total += float(v.sum())
            self.count += v.size
        else:
            w = xp.broadcast_to(xp.asarray(sample_weight, dtype=np.float64).reshape(-1), v.shape)
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
        xp = array_module(y_true, y_pred, sample_weight)
        v = self.values(y_true, y_pred)
        if sample_weight is None:
            self.total += float(v.sum())
            self.count += len(v)
        else:
            w = xp.asarray(sample_weight, dtype=np.float64).reshape(-1)
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
        validate.by_defaults(BinaryAccuracy.__init__, locals(), type(self).__name__)
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
        self.k = validate.integer(k, "k", type(self).__name__, min=1)
        super().__init__(name)

    def values(self, y_true, y_pred):
        t, p = _arr(y_true), _arr(y_pred)
        if t.ndim == p.ndim and t.shape[-1] == p.shape[-1] and t.shape[-1] > 1:
            t = t.argmax(axis=-1)  # one-hot rows; integer labels are used as they are
        return _top_k_correct(t, p, self.k)

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
        xp = array_module(y_true, y_pred)
        p = _arr(y_pred).astype(np.float64)
        t = _arr(y_true).astype(np.float64).reshape(p.shape)
        return xp.abs(t - p).reshape(len(p), -1).mean(axis=1)


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
        validate.by_defaults(ConfusionMatrix.__init__, locals(), type(self).__name__)
        self.num_classes = num_classes
        self.threshold = float(threshold)
        super().__init__(name)

    def reset_state(self) -> None:
        n = self.num_classes or 0
        self.cm = np.zeros((n, n), dtype=np.float64)

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        xp = array_module(y_true, y_pred, sample_weight)
        t, p = _labels_of(y_true, 0.5), _labels_of(y_pred, self.threshold)
        _check_len(t, p, self.name)
        if self.num_classes is None:  # grow as new classes appear
            n = max(len(self.cm), int(max(t.max(initial=0), p.max(initial=0))) + 1, 2)
            if n > len(self.cm):
                cm = xp.zeros((n, n))
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
        validate.by_defaults(_PRF.__init__, locals(), type(self).__name__)
        if average is not None and average not in _AVERAGES:
            raise ConfigError(
                key="error.metrics.init.average", self_type=type(self).__name__, choices=_AVERAGES
            )
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


# ------------------------------------------------------- Keras' thresholded counts, AUC
class MeanMetricWrapper(_MeanOfValues):
    """A plain function ``fn(y_true, y_pred) -> per-sample values`` as a streaming metric
    (``compile(metrics=[my_fn])``): the running mean of its values (per sample when it
    returns more than one value per sample, their mean).

    Example:
        >>> def abs_err(y_true, y_pred):
        ...     return np.abs(y_true - y_pred)
        >>> MeanMetricWrapper(abs_err)(np.array([1.0, 2.0]), np.array([1.5, 2.0]))
        0.25
    """

    def __init__(self, fn: Any, name: str | None = None, **kwargs: Any) -> None:
        if not callable(fn):
            raise ConfigError(key="error.metrics.function", fn=fn)
        self.fn, self.fn_kwargs = fn, kwargs
        super().__init__(name or getattr(fn, "__name__", "metric"))

    def values(self, y_true: Any, y_pred: Any) -> np.ndarray:
        xp = array_module(y_true, y_pred)
        out = _arr(self.fn(y_true, y_pred, **self.fn_kwargs)).astype(np.float64)
        n = len(_arr(y_pred))
        if out.ndim == 0:
            return xp.full(n, float(out))
        return out.reshape(len(out), -1).mean(axis=1)


def _thresholds(thresholds: Any) -> np.ndarray:
    xp = array_module(thresholds)
    if thresholds is None:
        return xp.array([0.5])
    t = xp.atleast_1d(xp.asarray(thresholds, dtype=np.float64))
    if t.ndim != 1 or not xp.all((t >= 0) & (t <= 1)):
        raise ConfigError(key="error.metrics.thresholds_numbers", thresholds=thresholds)
    return t


def _confusion_counts(
    y_true: Any, y_pred: Any, thresholds: np.ndarray, sample_weight: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(tp, fp, tn, fn) per threshold over every element, predictions ``> threshold`` positive
    (Keras' ``update_confusion_matrix_variables``)."""
    xp = array_module(y_true, y_pred, thresholds)
    t, p = _arr(y_true), _arr(y_pred)
    _check_len(t, p, "confusion counts")
    p = p.astype(np.float64)
    if t.size != p.size:
        raise ShapeError(key="error.metrics.y_true_shape_does", shape=t.shape, shape2=p.shape)
    t = t.reshape(-1) > 0.5
    p = p.reshape(-1)
    w = xp.ones_like(p)
    if sample_weight is not None:
        sw = xp.asarray(sample_weight, dtype=np.float64).reshape(len(_arr(y_pred)), -1)
        w = xp.broadcast_to(sw, (len(sw), p.size // len(sw))).reshape(-1)
    pos = p[None, :] > thresholds[:, None]
    tp = (pos & t).astype(np.float64) @ w
    fp = (pos & ~t).astype(np.float64) @ w
    fn = (~pos & t).astype(np.float64) @ w
    tn = (~pos & ~t).astype(np.float64) @ w
    return tp, fp, tn, fn


class _ConfusionCount(Metric):
    kind = "tp"

    def __init__(self, thresholds: Any = None, name: str | None = None, dtype: Any = None):
        self.thresholds = _thresholds(thresholds)
        self._many = thresholds is not None and np.ndim(thresholds) > 0
        super().__init__(name, dtype)

    def reset_state(self) -> None:
        self.accumulator = np.zeros(len(self.thresholds))

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        tp, fp, tn, fn = _confusion_counts(y_true, y_pred, self.thresholds, sample_weight)
        self.accumulator += {"tp": tp, "fp": fp, "tn": tn, "fn": fn}[self.kind]

    def result(self) -> Any:
        return self.accumulator.copy() if self._many else float(self.accumulator[0])

    def get_config(self) -> dict[str, Any]:
        th = self.thresholds.tolist() if self._many else None
        return {"name": self.name, "thresholds": th}


class TruePositives(_ConfusionCount):
    """Count (weighted) of positives predicted positive: ``y_pred > threshold`` (0.5) where
    ``y_true`` is 1, over every element (Keras' ``TruePositives``).

    Example:
        >>> TruePositives()(np.array([0, 1, 1, 1]), np.array([1.0, 0.0, 0.6, 0.9]))
        2.0
    """

    name = "true_positives"
    kind = "tp"


class FalsePositives(_ConfusionCount):
    """Count of negatives predicted positive (Keras' ``FalsePositives``).

    Example:
        >>> FalsePositives()(np.array([0, 1, 0, 0]), np.array([0.9, 0.0, 0.6, 0.1]))
        2.0
    """

    name = "false_positives"
    kind = "fp"


class TrueNegatives(_ConfusionCount):
    """Count of negatives predicted negative (Keras' ``TrueNegatives``).

    Example:
        >>> TrueNegatives()(np.array([0, 1, 0, 0]), np.array([0.9, 0.0, 0.6, 0.1]))
        1.0
    """

    name = "true_negatives"
    kind = "tn"


class FalseNegatives(_ConfusionCount):
    """Count of positives predicted negative (Keras' ``FalseNegatives``).

    Example:
        >>> FalseNegatives()(np.array([0, 1, 1, 1]), np.array([1.0, 0.0, 0.6, 0.2]))
        2.0
    """

    name = "false_negatives"
    kind = "fn"


class AUC(Metric):
    """Area under the ROC (default) or precision-recall curve, computed as Keras does: counts
    at ``num_thresholds`` evenly spaced thresholds (``0 - 1e-7``, ``1/(n-1)``, ...,
    ``1 + 1e-7``), then the trapezoidal rule (ROC) or Davis & Goadrich's interpolation (PR).
    ``from_logits=True`` applies a sigmoid to the predictions first.

    Example:
        >>> round(AUC()(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])), 4)
        0.75
    """

    name = "auc"

    def __init__(
        self,
        num_thresholds: int = 200,
        curve: str = "ROC",
        summation_method: str = "interpolation",
        name: str | None = None,
        dtype: Any = None,
        thresholds: Any = None,
        from_logits: bool = False,
        **kwargs: Any,
    ) -> None:
        xp = array_module(dtype, thresholds)
        validate.by_defaults(AUC.__init__, locals(), type(self).__name__)
        for k, ok in (("multi_label", False), ("num_labels", None), ("label_weights", None)):
            if kwargs.pop(k, ok) != ok:
                raise ConfigError(key="error.metrics.supported_mitbadak", k=k)
        if curve.upper() not in ("ROC", "PR"):
            raise ConfigError(key="error.metrics.curve_roc_pr", curve=curve)
        if summation_method != "interpolation":
            raise ConfigError(key="error.metrics.only_summation_method_interpolation")
        if thresholds is not None:
            inner = sorted(float(t) for t in xp.atleast_1d(thresholds))
        else:
            if int(num_thresholds) < 2:
                raise ConfigError(key="error.metrics.num_thresholds", num_thresholds=num_thresholds)
            n = int(num_thresholds)
            inner = [(i + 1) / (n - 1) for i in range(n - 2)]
        self.num_thresholds = len(inner) + 2
        self._given = None if thresholds is None else inner
        self.thresholds = xp.array([0.0 - 1e-7] + inner + [1.0 + 1e-7])
        self.curve = curve.upper()
        self.summation_method = summation_method
        self.from_logits = bool(from_logits)
        super().__init__(name, dtype, **kwargs)

    def reset_state(self) -> None:
        z = np.zeros(len(self.thresholds))
        self.tp, self.fp, self.tn, self.fn = z.copy(), z.copy(), z.copy(), z.copy()

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        xp = array_module(y_true, y_pred, sample_weight)
        p = _arr(y_pred).astype(np.float64)
        if self.from_logits:
            p = 1.0 / (1.0 + xp.exp(-p))
        tp, fp, tn, fn = _confusion_counts(y_true, p, self.thresholds, sample_weight)
        self.tp += tp
        self.fp += fp
        self.tn += tn
        self.fn += fn

    def result(self) -> float:
        tp, fp, tn, fn = self.tp, self.fp, self.tn, self.fn
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.curve == "PR":
                dtp = tp[:-1] - tp[1:]
                p = tp + fp
                dp = p[:-1] - p[1:]
                slope = np.where(np.maximum(dp, 0) > 0, dtp / np.maximum(dp, 0), 0.0)
                intercept = tp[1:] - slope * p[1:]
                ratio = np.where(
                    (p[:-1] > 0) & (p[1:] > 0),
                    np.where(p[1:] > 0, p[:-1] / np.maximum(p[1:], 0), 0.0),
                    1.0,
                )
                denom = np.maximum(tp[1:] + fn[1:], 0)
                num = slope * (dtp + intercept * np.log(ratio))
                return float(np.where(denom > 0, num / denom, 0.0).sum())
            recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
            fpr = np.where(fp + tn > 0, fp / (fp + tn), 0.0)
        return float(((fpr[:-1] - fpr[1:]) * (recall[:-1] + recall[1:]) / 2.0).sum())

    def get_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "num_thresholds": self.num_thresholds,
            "curve": self.curve,
            "summation_method": self.summation_method,
            "thresholds": self._given,
            "from_logits": self.from_logits,
        }


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
    "auc": AUC,
    "true_positives": TruePositives,
    "false_positives": FalsePositives,
    "true_negatives": TrueNegatives,
    "false_negatives": FalseNegatives,
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
        AUC,
        TruePositives,
        FalsePositives,
        TrueNegatives,
        FalseNegatives,
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
            raise ConfigError(key="error.metrics.unknown_metric_config", identifier=identifier)
        try:
            return cls(**cfg)
        except TypeError as e:
            raise ConfigError(key="error.metrics.error", cls_name=cls.__name__, e=e) from None
    if isinstance(identifier, type) and issubclass(identifier, Metric):
        return identifier()
    if callable(identifier) and not isinstance(identifier, str):
        return MeanMetricWrapper(identifier)  # a plain function of (y_true, y_pred)
    if not isinstance(identifier, str):
        raise ConfigError(key="error.metrics.interpret_metric", identifier=identifier)
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
            key="error.metrics.unknown_metric",
            identifier=identifier,
            names=sorted(_BY_NAME) + ["accuracy"],
        )
    if issubclass(cls, ConfusionMatrix) and from_logits:
        return cls(name=identifier, threshold=0.0)
    if issubclass(cls, _ConfusionCount) and from_logits:
        return cls(thresholds=0.0, name=identifier)
    return cls(name=identifier)


def serialize(metric: Metric) -> dict[str, Any]:
    """``{"class_name", "config"}`` of a streaming metric (JSON-able), for saving."""
    return {"class_name": type(metric).__name__, "config": metric.get_config()}

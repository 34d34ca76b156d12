"""Losses as Keras-style objects: ``loss(y_true, y_pred, sample_weight=None) -> Tensor``.

Use them by name in ``compile(loss="sparse_categorical_crossentropy")`` or as objects. The
functional, PyTorch-ordered forms (``softmax_cross_entropy(logits, target)``, ``mse``, ...) live
in :mod:`mitbadak.ops.loss`.

| name(s) | class | per-sample loss l_i (mean over the non-batch axes) |
|---|---|---|
| mse, mean_squared_error | MeanSquaredError | mean (y - t)^2 |
| mae, mean_absolute_error | MeanAbsoluteError | mean abs(y - t) |
| rmse, root_mean_squared_error | RootMeanSquaredError | sqrt of the whole MSE |
| huber, huber_loss | Huber(delta=1) | d^2/2 if abs(d) <= delta else delta (abs(d) - delta/2) |
| binary_crossentropy | BinaryCrossentropy | -(t log p + (1 - t) log(1 - p)) |
| categorical_crossentropy | CategoricalCrossentropy | -sum_c t_c log p_c, one-hot t |
| sparse_categorical_crossentropy | SparseCategoricalCrossentropy | -log p_{label} |
| hinge | Hinge | mean max(0, 1 - t s), t in {-1, +1} (0/1 converted) |
| squared_hinge | SquaredHinge | mean max(0, 1 - t s)^2 |
| categorical_hinge | CategoricalHinge | max(0, 1 + max_{wrong} s - s_{true}), one-hot t |
| multiclass_hinge | MulticlassHinge | sum_{j != y} max(0, s_j - s_y + 1) (Weston-Watkins) |

Reductions and weights follow Keras: ``"mean"`` (the default, Keras' "sum_over_batch_size")
is sum_i w_i l_i / N, ``"sum"`` is sum_i w_i l_i, ``"none"`` returns w_i l_i per sample. Weights
come from ``sample_weight`` (one per sample) times ``class_weight`` (a weight per class, looked up
by each sample's label). Note two differences from PyTorch: with class weights, PyTorch's mean
divides by sum_i w_i instead of N; and for element-wise losses on (N, D) outputs, PyTorch's
``"sum"``/``"none"`` act per element, Keras' (and these objects') per sample (mean over D). The
functions in :mod:`mitbadak.ops.loss` follow PyTorch.

Probabilities are clipped to [1e-7, 1 - 1e-7] as in Keras, so p = 0 or 1 gives a finite loss;
and when ``y_pred`` came out of a sigmoid or softmax still in the graph, the loss is computed
from the logits before it (exact, no clipping needed), the trick Keras also plays.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import registry, validate
from .backend import array_module
from .errors import (
    ArgumentTypeError,
    ConfigError,
    DataError,
    LabelError,
    MissingMethodError,
    ShapeError,
)
from .ops import activation as _act
from .ops import hinge as _hinge
from .ops import loss as _L
from .ops.reduce import mean as _mean
from .tensor import Tensor


def _as_pred(y_pred: Any) -> Tensor:
    return y_pred if isinstance(y_pred, Tensor) else Tensor(y_pred)


def _per_sample_mean(values: Tensor) -> Tensor:
    """Keras' per-sample loss: the mean over every axis but the batch axis."""
    if values.ndim <= 1:
        return values
    return _mean(values, axis=tuple(range(1, values.ndim)))


def class_weight_to_sample_weight(
    y_true: Any, class_weight: Any, num_classes: int | None = None
) -> np.ndarray:
    """One weight per sample, each the weight of that sample's class.

    The class of a sample is its label for integer labels (N,) or (N, 1) (binary 0/1 targets
    included) and the argmax for one-hot rows (N, C). ``class_weight`` is a dict
    ``{class: weight}`` (classes not listed weigh 1) or a sequence indexed by class.

    Example:
        >>> class_weight_to_sample_weight(np.array([0, 1, 1]), {1: 5.0}).tolist()
        [1.0, 5.0, 5.0]
    """
    xp = array_module(y_true, class_weight)
    op = "class_weight"
    y = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true)
    if y.ndim >= 2 and y.shape[-1] > 1:
        labels = y.reshape(len(y), -1).argmax(axis=1)
    else:
        labels = y.reshape(-1) if y.ndim else y.reshape(1)
        if labels.dtype.kind == "f":
            if not xp.all(xp.isfinite(labels)) or xp.any(labels != xp.round(labels)):
                raise LabelError(key="error.losses.labels_whole_numbers", op=op)
        elif labels.dtype.kind not in "iub":
            raise LabelError(key="error.losses.labels_class_indices", op=op, dtype=labels.dtype)
        labels = labels.astype(np.int64)
    if isinstance(class_weight, dict):
        keys = {_class_key(k, op): float(v) for k, v in class_weight.items()}
        size = max([*keys, int(labels.max(initial=-1)), (num_classes or 0) - 1]) + 1
        table = xp.ones(size)
        for k, v in keys.items():
            if k < 0:
                raise LabelError(key="error.losses.class_negative", op=op, k=k)
            table[k] = v
    else:
        table = xp.asarray(class_weight, dtype=np.float64).reshape(-1)
    if labels.size and (labels.min() < 0 or labels.max() >= len(table)):
        bad = labels[(labels < 0) | (labels >= len(table))][0]
        raise LabelError(
            key="error.losses.label_weight_class_weight", op=op, bad=bad, last=len(table) - 1
        )
    if isinstance(class_weight, dict) and num_classes is not None:
        beyond = sorted(k for k in keys if k >= num_classes)
        if beyond:
            raise LabelError(
                key="error.losses.names_class_but",
                op=op,
                beyond=beyond[0],
                num_classes=num_classes,
                last=num_classes - 1,
            )
    if num_classes is not None and labels.size and labels.max() >= num_classes:
        raise LabelError(
            key="error.losses.label_class_model",
            op=op,
            max=int(labels.max()),
            num_classes=num_classes,
            last=num_classes - 1,
        )
    return table[labels]


def _class_key(k: Any, op: str) -> int:
    """A class_weight key as a class index: ints, whole floats and digit strings (JSON turns
    keys into strings) are accepted."""
    if isinstance(k, str) and k.strip().lstrip("-").isdigit():
        return int(k)
    if isinstance(k, (int, np.integer)) and not isinstance(k, bool):
        return int(k)
    if isinstance(k, (float, np.floating)) and float(k).is_integer():
        return int(k)
    raise LabelError(key="error.losses.key_class_index", op=op, k=k)


def sample_weights(
    y_true: Any,
    sample_weight: Any = None,
    class_weight: Any = None,
    num_classes: int | None = None,
    who: str = "fit",
) -> np.ndarray | None:
    """The one way to weigh samples: ``sample_weight`` (one per sample) times the weight of
    each sample's class in ``class_weight``, as a float64 array (``None`` when neither is
    given). ``fit``, ``evaluate`` and ``Loss(class_weight=...)`` all weigh through here.

    Labels must be class indices: integer labels (N,) or (N, 1), whole-number floats (binary
    0./1. targets) or one-hot rows. Fractional, negative, non-finite labels, labels beyond
    ``num_classes`` and keys that are not class indices raise :class:`LabelError`.

    Example:
        >>> sample_weights(np.array([0, 1, 1]), [1.0, 1.0, 0.5], {"1": 4.0}).tolist()
        [1.0, 4.0, 2.0]
    """
    xp = array_module(y_true, sample_weight, class_weight)
    w = None
    if sample_weight is not None:
        sw = sample_weight.data if isinstance(sample_weight, Tensor) else sample_weight
        w = validate.array(sw, "sample_weight", who, finite=True, kinds="biuf")
        w = xp.asarray(w.astype(np.float64).reshape(-1))
        if (w < 0).any():
            raise DataError(key="error.losses.sample_weight_negative_values", who=who, min=w.min())
        n = len(y_true) if np.ndim(y_true) else 1
        if len(w) != n:
            raise ShapeError(
                key="error.losses.sample_weight_values_samples", who=who, n_w=len(w), n=n
            )
    if class_weight is not None:
        if not isinstance(class_weight, dict) and np.ndim(class_weight) != 1:
            raise LabelError(key="error.losses.class_weight_dict_list", who=who)
        cw = class_weight_to_sample_weight(y_true, class_weight, num_classes)
        w = cw if w is None else w * cw
    return w


class Loss(registry.Serializable):
    """Base class. Subclasses implement ``compute(y_true, y_pred, reduction) -> Tensor``.

    Args:
        reduction: ``"mean"`` (default), ``"sum"`` or ``"none"`` (see the module docstring).
        class_weight: optional dict ``{class: weight}`` or array of per-class weights.

    Calling the loss takes an optional ``sample_weight`` (N,), Keras' semantics.

    Example:
        >>> MeanSquaredError()(np.array([1.0, 2.0]), Tensor([1.0, 4.0])).item()
        2.0
    """

    name = "loss"

    def __init__(
        self,
        reduction: str | None = "mean",
        class_weight: Any = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        reduction = _KERAS_REDUCTIONS.get(reduction, reduction)  # Keras' names
        _L._check_reduction(reduction, type(self).__name__)
        self.reduction = reduction
        self.class_weight = class_weight
        if name is not None:
            self.name = name

    def __call__(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> Tensor:
        xp = array_module(y_true, y_pred, sample_weight)
        y_pred = _as_pred(y_pred)
        w = None
        if sample_weight is not None:
            sw = sample_weight.data if isinstance(sample_weight, Tensor) else sample_weight
            w = validate.array(sw, "sample_weight", type(self).__name__, finite=True)
            w = xp.asarray(w.astype(np.float64).reshape(-1))
            if len(w) != len(y_pred):
                raise ShapeError(
                    key="error.losses.sample_weight_entries_samples",
                    self_type=type(self).__name__,
                    n_w=len(w),
                    n_y_pred=len(y_pred),
                )
        if self.class_weight is not None:
            cw = class_weight_to_sample_weight(y_true, self.class_weight)
            w = cw if w is None else w * cw
        if w is None:
            out = self.call(y_true, y_pred)
            if out.ndim > 0 and self.reduction != "none":  # a Keras-style call: per sample
                out = _L.weighted_reduce(_per_sample_mean(out), None, self.reduction)
            return out
        per_sample = self.compute(y_true, y_pred, "none")
        return _L.weighted_reduce(per_sample, w, self.reduction)

    def call(self, y_true: Any, y_pred: Tensor) -> Tensor:
        """The loss with this object's reduction and no weights.

        A Keras-style subclass overrides ``call`` alone and returns one value per sample (or
        per element); the base class then reduces them (and weights them, see ``compute``).

        Example:
            >>> class Squared(Loss):
            ...     def call(self, y_true, y_pred):
            ...         return ((y_pred - Tensor(y_true)) ** 2).mean(axis=-1)
            >>> Squared(name="sq")(np.zeros((2, 2)), Tensor(np.ones((2, 2)))).item()
            1.0
        """
        return self.compute(y_true, y_pred, self.reduction)

    def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        if type(self).call is Loss.call:
            raise MissingMethodError(key="error.losses.no_call", cls=type(self).__name__)
        per_sample = _per_sample_mean(self.call(y_true, y_pred))  # a Keras-style subclass
        return _L.weighted_reduce(per_sample, None, reduction)

    def get_config(self) -> dict[str, Any]:
        cfg = {k: v for k, v in vars(self).items() if not k.startswith("_")}
        cw = cfg.get("class_weight")
        if cw is not None:  # JSON-able: dict keys as str, arrays as lists
            cfg["class_weight"] = (
                {str(k): float(v) for k, v in cw.items()}
                if isinstance(cw, dict)
                else np.asarray(cw, dtype=float).tolist()
            )
        return cfg


_KERAS_REDUCTIONS: dict[Any, str] = {"sum_over_batch_size": "mean", None: "none"}


def _match_rank(y_true: Any, y_pred: Tensor) -> Any:
    """Keras' rank fix-up: targets ``(n,)`` against outputs ``(n, 1)`` (and ``(n, t)`` against
    ``(n, t, 1)``) get the trailing axis, instead of broadcasting to ``(n, n)``."""
    xp = array_module(y_true, y_pred)
    t = y_true.data if isinstance(y_true, Tensor) else xp.asarray(y_true)
    if t.ndim == y_pred.ndim - 1 and y_pred.shape[-1] == 1 and t.shape == y_pred.shape[:-1]:
        return t.reshape(y_pred.shape)
    if t.ndim == y_pred.ndim + 1 and t.shape[-1] == 1 and t.shape[:-1] == y_pred.shape:
        return t.reshape(y_pred.shape)
    return y_true


def _logits_of_softmax(y_pred: Tensor) -> Tensor | None:
    """If ``y_pred`` was made by a softmax still in the graph, return the logits it came from,
    so cross-entropy can use the stable fused kernel (the trick Keras also plays)."""
    ctx = y_pred._ctx
    if isinstance(ctx, _act.Softmax) and ctx.axis in (-1, 1) and y_pred.ndim == 2:
        return ctx.inputs[0]
    return None


def _logits_of_softmax_any(y_pred: Tensor) -> Tensor | None:
    """The logits before a softmax over the last axis still in the graph, any rank."""
    ctx = y_pred._ctx
    if isinstance(ctx, _act.Softmax) and ctx.axis in (-1, y_pred.ndim - 1):
        return ctx.inputs[0]
    return None


def _logits_of_sigmoid(y_pred: Tensor) -> Tensor | None:
    """The logits before a sigmoid still in the graph (for binary cross-entropy), or None."""
    ctx = y_pred._ctx
    return ctx.inputs[0] if isinstance(ctx, _act.Sigmoid) else None


class _ElementwiseLoss(Loss):
    """A loss computed per element, then averaged over the non-batch axes of each sample."""

    def _elementwise(self, y_pred: Tensor, y_true: Any, reduction: str) -> Tensor:
        raise NotImplementedError

    def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        y_true = _match_rank(y_true, y_pred)
        if reduction == "mean":  # same value as the mean of per-sample means; one fused node
            return self._elementwise(y_pred, y_true, "mean")
        per_sample = _per_sample_mean(self._elementwise(y_pred, y_true, "none"))
        return _L.weighted_reduce(per_sample, None, reduction)


class MeanSquaredError(_ElementwiseLoss):
    """mean((y_true - y_pred)^2).  Example: see :class:`Loss`."""

    name = "mean_squared_error"

    def _elementwise(self, y_pred: Tensor, y_true: Any, reduction: str) -> Tensor:
        return _L.mse(y_pred, y_true, reduction=reduction)


class MeanAbsoluteError(_ElementwiseLoss):
    """mean(|y_true - y_pred|); its gradient is sign(y_pred - y_true) / n (0 where equal).

    Example:
        >>> MeanAbsoluteError()(np.array([1.0, 2.0]), Tensor([1.0, 4.0])).item()
        1.0
    """

    name = "mean_absolute_error"

    def _elementwise(self, y_pred: Tensor, y_true: Any, reduction: str) -> Tensor:
        return _L.mae(y_pred, y_true, reduction=reduction)


class Huber(_ElementwiseLoss):
    """Huber loss: d^2 / 2 for |d| <= delta, delta (|d| - delta / 2) beyond (d = y_pred - y_true).

    Example:
        >>> Huber(delta=1.0)(np.array([0.0, 0.0]), Tensor([0.5, 3.0])).item()
        1.3125
    """

    name = "huber"

    def __init__(
        self,
        delta: float = 1.0,
        reduction: str = "mean",
        class_weight: Any = None,
        name: str | None = None,
    ):
        super().__init__(reduction, class_weight, name)
        self.delta = validate.number(delta, "delta", "Huber", min=0, min_open=True)

    def _elementwise(self, y_pred: Tensor, y_true: Any, reduction: str) -> Tensor:
        return _L.huber(y_pred, y_true, delta=self.delta, reduction=reduction)


class RootMeanSquaredError(Loss):
    """sqrt of the (weighted) mean squared error; ``"none"`` gives each sample's RMSE and
    ``"sum"`` the square root of the summed per-sample MSEs. Gradient 0 at a perfect fit.

    Example:
        >>> RootMeanSquaredError()(np.array([3.0, 4.0]), Tensor([0.0, 0.0])).item()
        3.535533905029297
    """

    name = "root_mean_squared_error"

    def __call__(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> Tensor:
        inner = MeanSquaredError(self.reduction, self.class_weight)
        return _L.SafeSqrt.apply(inner(y_true, y_pred, sample_weight))

    def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        return _L.SafeSqrt.apply(MeanSquaredError().compute(y_true, y_pred, reduction))


class BinaryCrossentropy(_ElementwiseLoss):
    """Binary cross-entropy -(t log p + (1 - t) log(1 - p)), averaged over the outputs.

    ``from_logits=True``: ``y_pred`` are raw scores z, and the loss is the exact
    max(z, 0) - z t + log(1 + e^-|z|). Otherwise probabilities, clipped to [1e-7, 1 - 1e-7]
    (Keras), unless they came out of a sigmoid in the graph, whose input is then used.

    Example:
        >>> bce = BinaryCrossentropy()
        >>> round(bce(np.array([[1.0], [0.0]]), Tensor([[0.9], [0.2]])).item(), 5)
        0.16425
    """

    name = "binary_crossentropy"

    def __init__(
        self,
        from_logits: bool = False,
        reduction: str = "mean",
        class_weight: Any = None,
        name: str | None = None,
        **keras: Any,
    ) -> None:
        _keras_only(keras, type(self).__name__)
        super().__init__(reduction, class_weight, name)
        self.from_logits = from_logits

    def _elementwise(self, y_pred: Tensor, y_true: Any, reduction: str) -> Tensor:
        logits = y_pred if self.from_logits else _logits_of_sigmoid(y_pred)
        if logits is not None:
            return _L.binary_cross_entropy_with_logits(logits, y_true, reduction=reduction)
        return _L.binary_cross_entropy(y_pred, y_true, reduction=reduction)


def _keras_only(extra: dict[str, Any], who: str) -> None:
    """Accept Keras' extra arguments at their defaults (``label_smoothing=0``, ``axis=-1``,
    ``ignore_class=None``, ``dtype``); anything else is a clear error."""
    defaults = {"label_smoothing": 0.0, "axis": -1, "ignore_class": None, "dtype": None}
    for k, v in extra.items():
        if k not in defaults:
            raise ArgumentTypeError(key="error.losses.unexpected_argument", who=who, k=k)
        if k != "dtype" and v != defaults[k]:
            raise ConfigError(key="error.losses.supported_mitbadak", who=who, k=k, v=v)


class _CrossentropyBase(Loss):
    def __init__(
        self,
        from_logits: bool = False,
        reduction: str = "mean",
        class_weight: Any = None,
        name: str | None = None,
        **keras: Any,
    ) -> None:
        _keras_only(keras, type(self).__name__)
        super().__init__(reduction, class_weight, name)
        self.from_logits = from_logits

    def _labels(self, y_true: Any, y_pred: Tensor) -> np.ndarray:
        raise NotImplementedError

    def _per_step(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        """(batch, time, classes): the cross-entropy of every step, as Keras computes it;
        per sample (for weights) the mean over its steps."""
        xp = array_module(y_true, y_pred)
        from .ops.shape import reshape

        n, c = y_pred.shape[0], y_pred.shape[-1]
        logits = y_pred if self.from_logits else _logits_of_softmax_any(y_pred)
        source = logits if logits is not None else y_pred
        flat = reshape(source, (-1, c))
        t = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true)
        if isinstance(self, SparseCategoricalCrossentropy):
            if t.size != flat.shape[0]:
                raise ShapeError(
                    key="error.losses.labels_shape_do",
                    self_type=type(self).__name__,
                    shape=t.shape,
                    shape2=y_pred.shape,
                    expected=y_pred.shape[:-1],
                )
            t = t.reshape(-1)
        else:
            if t.shape != y_pred.shape:
                raise ShapeError(
                    key="error.losses.per_step.hot_targets_predictions",
                    self_type=type(self).__name__,
                    shape=y_pred.shape,
                    shape2=t.shape,
                )
            t = t.reshape(-1, c)
        fn = _L.softmax_cross_entropy if logits is not None else _L.categorical_cross_entropy
        if reduction == "mean":
            return fn(flat, t, reduction="mean")
        per_step = fn(flat, t, reduction="none")
        per_sample = _per_sample_mean(reshape(per_step, (n, -1)))
        return _L.weighted_reduce(per_sample, None, reduction)

    def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        if y_pred.ndim > 2:
            return self._per_step(y_true, y_pred, reduction)
        t = self._labels(y_true, y_pred)
        logits = y_pred if self.from_logits else _logits_of_softmax(y_pred)
        if logits is None:
            # Probabilities: clipped away from 0 (Keras clips at 1e-7) and renormalized.
            return _L.categorical_cross_entropy(y_pred, t, reduction=reduction)
        return _L.softmax_cross_entropy(logits, t, reduction=reduction)


class SparseCategoricalCrossentropy(_CrossentropyBase):
    """Cross-entropy with integer labels (N,) (or (N, 1)) against class scores (N, C).

    ``from_logits=True``: ``y_pred`` are raw scores (fused log-softmax, always finite).
    ``from_logits=False`` (Keras' default): ``y_pred`` are probabilities.

    Example:
        >>> loss = SparseCategoricalCrossentropy(from_logits=True)
        >>> round(loss(np.array([0]), Tensor([[2.0, 0.0]])).item(), 4)
        0.1269
    """

    name = "sparse_categorical_crossentropy"

    def _labels(self, y_true: Any, y_pred: Tensor) -> np.ndarray:
        xp = array_module(y_true, y_pred)
        t = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true)
        if t.ndim == 2 and t.shape[1] == 1:  # Keras accepts (N, 1) labels too
            t = t[:, 0]
        if t.ndim != 1:
            raise ShapeError(
                key="error.losses.integer_labels_shape",
                self_type=type(self).__name__,
                n_y_pred=len(y_pred),
                shape=t.shape,
            )
        return t


class CategoricalCrossentropy(_CrossentropyBase):
    """Cross-entropy -sum_c t_c log p_c with one-hot (or probability) targets (N, C).

    Example:
        >>> loss = CategoricalCrossentropy(from_logits=True)
        >>> round(loss(np.array([[1.0, 0.0]]), Tensor([[2.0, 0.0]])).item(), 4)
        0.1269
    """

    name = "categorical_crossentropy"

    def _labels(self, y_true: Any, y_pred: Tensor) -> np.ndarray:
        xp = array_module(y_true, y_pred)
        t = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true)
        if t.shape != y_pred.shape:
            raise ShapeError(
                key="error.losses.hot_targets_predictions",
                self_type=type(self).__name__,
                shape=y_pred.shape,
                shape2=t.shape,
            )
        if t.size and (not xp.all(xp.isfinite(t)) or t.min() < 0 or t.max() > 1):
            raise LabelError(key="error.losses.hot_targets_lie", self_type=type(self).__name__)
        return t


class Hinge(_ElementwiseLoss):
    """Keras' hinge, mean max(0, 1 - t s) over the outputs; 0/1 targets become -1/+1.

    Example:
        >>> Hinge()(np.array([1.0, 0.0]), Tensor([0.3, -2.0])).item()  # (0.7 + 0) / 2 in float32
        0.3499999940395355
    """

    name = "hinge"
    _squared = False

    def _elementwise(self, y_pred: Tensor, y_true: Any, reduction: str) -> Tensor:
        xp = array_module(y_pred, y_true)
        t = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true, np.float64)
        if xp.all((t == 0) | (t == 1)):  # Keras: binary 0/1 labels are read as -1/+1
            t = 2.0 * t - 1.0
        fn = _hinge.squared_hinge if self._squared else _hinge.hinge
        return fn(y_pred, t, reduction=reduction)


class SquaredHinge(Hinge):
    """Keras' squared hinge, mean max(0, 1 - t s)² over the outputs; 0/1 targets become -1/+1.

    Example:
        >>> SquaredHinge()(np.array([1.0]), Tensor([0.5])).item()
        0.25
    """

    name = "squared_hinge"
    _squared = True


class CategoricalHinge(Loss):
    """Keras' categorical hinge max(0, 1 + max wrong score - true score), one-hot targets.

    Example:
        >>> CategoricalHinge()(np.array([[1.0, 0.0]]), Tensor([[2.0, 1.5]])).item()
        0.5
    """

    name = "categorical_hinge"

    def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        xp = array_module(y_true, y_pred)
        t = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true)
        return _hinge.categorical_hinge(y_pred, t, reduction=reduction)


class MulticlassHinge(Loss):
    """The multiclass SVM loss of CS231n (Weston–Watkins): Σ_{j≠y} max(0, s_j - s_y + 1),
    integer labels (N,) against class scores (N, C).

    Example:
        >>> round(MulticlassHinge()(np.array([0]), Tensor([[3.2, 5.1, -1.7]])).item(), 4)
        2.9
    """

    name = "multiclass_hinge"

    def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
        xp = array_module(y_true, y_pred)
        t = xp.asarray(y_true.data if isinstance(y_true, Tensor) else y_true)
        if t.ndim == 2 and t.shape[1] == 1:
            t = t[:, 0]
        return _hinge.multiclass_hinge(y_pred, t, reduction=reduction)


_REGISTRY: dict[str, type[Loss]] = {
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
    "categorical_crossentropy": CategoricalCrossentropy,
    "binary_crossentropy": BinaryCrossentropy,
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
    "mae": MeanAbsoluteError,
    "mean_absolute_error": MeanAbsoluteError,
    "rmse": RootMeanSquaredError,
    "root_mean_squared_error": RootMeanSquaredError,
    "huber": Huber,
    "huber_loss": Huber,
    "hinge": Hinge,
    "squared_hinge": SquaredHinge,
    "categorical_hinge": CategoricalHinge,
    "multiclass_hinge": MulticlassHinge,
}
registry.family("losses", _REGISTRY)  # the one registry holds this table


def register(name: str, cls: type[Loss]) -> None:
    """Make a Loss class available by name."""
    registry.register("losses", name, cls)


def get(identifier: Any) -> Loss:
    """Resolve a name, a Loss, or a function ``f(y_true, y_pred)`` to a loss.

    Example:
        >>> type(get("mse")).__name__
        'MeanSquaredError'
    """
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, str):
        cls = registry.lookup("losses", identifier)
        if not isinstance(cls, type):
            raise ConfigError(
                key="error.losses.unknown_loss", identifier=identifier, names=sorted(_REGISTRY)
            )
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Loss):
        return identifier()
    if callable(identifier):
        fn = identifier

        class _FnLoss(Loss):
            name = getattr(fn, "__name__", "loss")

            def call(self, y_true: Any, y_pred: Tensor) -> Tensor:
                xp = array_module(y_true, y_pred)
                out = fn(y_true, y_pred)
                if not isinstance(out, Tensor):
                    out = Tensor(xp.asarray(out))
                # Keras' loss functions return one value per sample: average them.
                return out if out.ndim == 0 else _mean(out)

            def compute(self, y_true: Any, y_pred: Tensor, reduction: str) -> Tensor:
                out = fn(y_true, y_pred)
                if reduction != "none" or out.shape != (len(y_pred),):
                    raise ConfigError(
                        key="error.losses.apply_sample_class",
                        name=self.name,
                        n_y_pred=len(y_pred),
                        shape=out.shape,
                    )
                return out

        return _FnLoss()
    raise ConfigError(key="error.losses.interpret_loss", identifier=identifier)

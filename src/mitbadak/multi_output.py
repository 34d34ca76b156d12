"""Training a model with several outputs, as Keras does: one loss (and metrics) per output.

``compile(loss=..., loss_weights=..., metrics=...)`` on a model whose outputs are a list or a
dict (a functional model ``Model(inputs, [reg, cls])`` or ``Model(inputs, {"reg": ...})``):

- ``loss``: one loss for every output, a list in output order, or a dict keyed by output name
  (an output given ``None`` or left out of the dict is not trained);
- ``loss_weights``: a list or a dict; the training loss is ``sum(w_k * loss_k)`` (plus the
  model's own losses) and the logs hold the unweighted ``<output>_loss`` of each output;
- ``metrics``: a list with one entry (a metric or a list of metrics) per output, or a dict
  ``{"output": [metrics]}``; logged as ``<output>_<metric>``.

Targets are a list in output order or a dict keyed by output name (``fit(x, [y1, y2])``,
``fit(x, {"reg": y1, "cls": y2})``); ``predict`` returns the model's structure. The logs'
order is Keras': ``loss``, the outputs' losses in output order, then the metrics by name, which
is also :meth:`~mitbadak.model.Model.evaluate`'s list.

Example:
    >>> import numpy as np
    >>> import mitbadak.keras as keras
    >>> inputs = keras.Input(shape=(3,))
    >>> h = keras.layers.Dense(4, activation="relu")(inputs)
    >>> model = keras.Model(inputs, [keras.layers.Dense(1, name="value")(h),
    ...                              keras.layers.Dense(2, name="label")(h)])
    >>> model.compile("adam", loss=["mse", "sparse_categorical_crossentropy"],
    ...               loss_weights=[1.0, 0.5], metrics=[["mae"], ["accuracy"]])
    >>> x = np.ones((8, 3), "float32")
    >>> h = model.fit(x, [np.zeros((8, 1)), np.zeros(8, int)], verbose=0)
    >>> list(h.history)
    ['loss', 'value_loss', 'label_loss', 'label_accuracy', 'value_mae', 'lr']
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import losses as _losses
from . import metrics as _metrics
from . import registry
from .errors import ConfigError, DataError
from .tensor import Tensor

__all__ = [
    "MultiOutputLoss",
    "OutputLossTracker",
    "OutputMetric",
    "build_metrics",
    "check_targets",
    "is_multi_output",
    "log_names",
    "map_targets",
    "metric_name",
    "metric_specs",
]


def is_multi_output(loss: Any, loss_weights: Any, metrics: Any, n_outputs: int) -> bool:
    """Whether ``compile``'s arguments (or a model of ``n_outputs`` outputs) call for
    per-output losses.

    Example:
        >>> is_multi_output(["mse", "mae"], None, None, 2), is_multi_output("mse", None, None, 1)
        (True, False)
    """
    if n_outputs > 1:
        return True
    if isinstance(loss, (list, tuple, dict)) or loss_weights is not None:
        return True
    return isinstance(metrics, dict) or (
        isinstance(metrics, (list, tuple)) and any(isinstance(m, (list, tuple)) for m in metrics)
    )


def _per_output(spec: Any, names: list[str], what: str, broadcast: bool) -> list[Any]:
    """``spec`` as a list aligned with ``names``: a dict by name, a list in order, or (when
    ``broadcast``) one value for every output."""
    if isinstance(spec, dict):
        unknown = sorted(set(map(str, spec)) - set(names))
        if unknown:
            raise ConfigError(
                key="error.multi_output.names_outputs_model",
                what=what,
                unknown=unknown,
                names=names,
            )
        return [spec.get(n) for n in names]
    if isinstance(spec, (list, tuple)):
        if len(spec) != len(names):
            raise ConfigError(
                key="error.multi_output.list_entries_model",
                what=what,
                n_spec=len(spec),
                n_names=len(names),
                names=names,
            )
        return list(spec)
    if broadcast or spec is None:
        return [spec] * len(names)
    raise ConfigError(key="error.multi_output.interpret_outputs", what=what, spec=spec, names=names)


def _as_list(struct: Any, names: list[str], what: str) -> list[Any]:
    """Targets or outputs (a list in output order, or a dict keyed by output name) as a list
    aligned with ``names``."""
    if isinstance(struct, dict):
        missing = [n for n in names if n not in struct]
        if missing and len(struct) != len(names):
            raise DataError(
                key="error.multi_output.entry_outputs_outputs",
                what=what,
                missing=missing,
                names=names,
            )
        if missing:  # a dict keyed otherwise, in output order (e.g. a dict-output model)
            return list(struct.values())
        return [struct[n] for n in names]
    if isinstance(struct, (list, tuple)):
        if len(struct) != len(names):
            raise DataError(
                key="error.multi_output.entries_model_outputs",
                what=what,
                n_struct=len(struct),
                n_names=len(names),
                names=names,
            )
        return list(struct)
    if len(names) == 1:
        return [struct]
    raise DataError(
        key="error.multi_output.model_outputs_give", what=what, n_names=len(names), names=names
    )


class MultiOutputLoss(_losses.Loss):
    """The compiled loss of a model with several outputs: ``sum(w_k * loss_k(y_k, pred_k))``
    over the outputs that have a loss, remembering each unweighted ``loss_k`` of the latest
    call (for the ``<output>_loss`` logs).

    Example:
        >>> loss = MultiOutputLoss(["mse", "mae"], ["a", "b"], loss_weights=[1.0, 2.0])
        >>> y, p = [np.zeros((2, 1)), np.zeros((2, 1))], [Tensor(np.ones((2, 1))), Tensor(np.ones((2, 1)))]
        >>> float(loss(y, p).item()), loss.latest
        (3.0, {'a': 1.0, 'b': 1.0})
    """

    name = "loss"

    def __init__(self, loss: Any, names: list[str], loss_weights: Any = None) -> None:
        super().__init__()
        self.names = list(names)
        specs = _per_output(loss, self.names, "loss", broadcast=True)
        self.losses = [None if s is None else _losses.get(s) for s in specs]
        if all(la is None for la in self.losses):
            raise ConfigError(key="error.multi_output.output_loss", names=self.names)
        weights = _per_output(loss_weights, self.names, "loss_weights", broadcast=False)
        self.loss_weights = [1.0 if w is None else float(w) for w in weights]
        self.latest: dict[str, float] = {}

    def of(self, name: str) -> _losses.Loss | None:
        """The loss of output ``name`` (``None`` when it is not trained)."""
        return self.losses[self.names.index(name)]

    def __call__(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> Tensor:
        ys = _as_list(y_true, self.names, "y")
        preds = _as_list(y_pred, self.names, "model outputs")
        sws = (
            _as_list(sample_weight, self.names, "sample_weight")
            if isinstance(sample_weight, (list, tuple, dict))
            else [sample_weight] * len(self.names)
        )
        total: Tensor | None = None
        latest = {}
        for name, fn, w, y, p, sw in zip(
            self.names, self.losses, self.loss_weights, ys, preds, sws
        ):
            if fn is None:
                continue
            if y is None:
                raise DataError(key="error.multi_output.target_output_which", name=name)
            value = fn(y, p, sample_weight=sw)
            latest[name] = float(value.item())
            term = value * w if w != 1.0 else value
            total = term if total is None else total + term
        self.latest = latest
        assert total is not None  # (the constructor checked that some output has a loss)
        return total

    def get_config(self) -> dict[str, Any]:
        return {
            "names": self.names,
            "losses": [
                None
                if la is None
                else dict(registry.serialize(la))
                if registry.is_registered("losses", la)
                else None
                for la in self.losses
            ],
            "loss_weights": self.loss_weights,
        }


class OutputLossTracker(_metrics.Metric):
    """The running ``<output>_loss`` of one output: the mean, weighted by the batch size, of
    the unweighted loss :class:`MultiOutputLoss` computed for it at each batch.

    Example:
        >>> loss = MultiOutputLoss("mse", ["a", "b"])
        >>> t = OutputLossTracker(loss, "a")
        >>> _ = loss([np.zeros((2, 1))] * 2, [Tensor(np.ones((2, 1)))] * 2)
        >>> t.update_state(None, [np.ones((2, 1))] * 2); t.name, t.result()
        ('a_loss', 1.0)
    """

    def __init__(self, loss: MultiOutputLoss, output: str) -> None:
        self.loss, self.output = loss, output
        super().__init__(name=f"{output}_loss")

    def reset_state(self) -> None:
        self.total, self.count = 0.0, 0.0

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        value = self.loss.latest.get(self.output)
        if value is not None:
            n = len(_as_list(y_pred, self.loss.names, "model outputs")[0])
            self.total += value * n
            self.count += n

    def result(self) -> float:
        return self.total / self.count if self.count else 0.0


class OutputMetric(_metrics.Metric):
    """A metric of one output, named ``<output>_<metric>``: it passes that output's target and
    prediction to the metric it wraps.

    Example:
        >>> m = OutputMetric(_metrics.get("mae"), "value", ["value", "label"])
        >>> m.update_state([np.zeros(2), np.zeros(2)], [np.ones(2), np.zeros(2)]); m.name, m.result()
        ('value_mae', 1.0)
    """

    def __init__(self, metric: _metrics.Metric, output: str, names: list[str]) -> None:
        self.metric, self.output, self.names = metric, output, list(names)
        super().__init__(name=f"{output}_{metric.name}")

    def reset_state(self) -> None:
        inner = getattr(self, "metric", None)
        if inner is not None:
            reset = getattr(inner, "reset_state", None) or getattr(inner, "reset_states", None)
            reset()

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        k = self.names.index(self.output)
        y = _as_list(y_true, self.names, "y")[k]
        p = _as_list(y_pred, self.names, "model outputs")[k]
        if isinstance(sample_weight, (list, tuple, dict)):
            sample_weight = _as_list(sample_weight, self.names, "sample_weight")[k]
        self.metric.update_state(y, p.data if isinstance(p, Tensor) else p, sample_weight)

    def result(self) -> Any:
        return self.metric.result()


def metric_specs(metrics: Any, names: list[str]) -> list[list[Any]]:
    """Per-output lists of metric specs from ``compile``'s ``metrics``: a dict by output name,
    a list with one entry (a metric or a list) per output, or ``None``.

    Example:
        >>> metric_specs({"b": "mae"}, ["a", "b"]), metric_specs([["mae"], "acc"], ["a", "b"])
        ([[], ['mae']], [['mae'], ['acc']])
    """
    if metrics is None:
        return [[] for _ in names]
    if isinstance(metrics, (str, _metrics.Metric)) or callable(metrics):
        metrics = [metrics] * len(names) if len(names) == 1 else metrics
    per = _per_output(metrics, names, "metrics", broadcast=False)
    out = []
    for spec in per:
        if spec is None:
            out.append([])
        elif isinstance(spec, (list, tuple)):
            out.append(list(spec))
        else:
            out.append([spec])
    return out


def metric_name(spec: Any) -> str:
    """The name a metric spec logs under (before the output prefix).

    Example:
        >>> metric_name("mae"), metric_name(_metrics.get("accuracy", loss="mse"))
        ('mae', 'accuracy')
    """
    if isinstance(spec, _metrics.Metric):
        return spec.name
    if isinstance(spec, str):
        return spec
    if isinstance(spec, dict):
        return str(spec.get("config", {}).get("name") or spec.get("class_name"))
    return getattr(spec, "__name__", "metric")


def build_metrics(
    loss: MultiOutputLoss, specs: list[list[Any]], y: Any, y_pred: Any
) -> list[_metrics.Metric]:
    """The metric objects of a multi-output model, in Keras' log order: each trained output's
    loss tracker, then every ``<output>_<metric>`` sorted by name. ``"accuracy"`` is resolved
    per output from that output's loss and first batch.

    Example:
        >>> loss = MultiOutputLoss(["mse", "sparse_categorical_crossentropy"], ["a", "b"])
        >>> y, p = [np.zeros((2, 1)), np.zeros(2, int)], [np.zeros((2, 1)), np.ones((2, 3))]
        >>> [m.name for m in build_metrics(loss, [["mae"], ["accuracy"]], y, p)]
        ['a_loss', 'b_loss', 'a_mae', 'b_accuracy']
    """
    names = loss.names
    ys = _as_list(y, names, "y")
    preds = [p.data if isinstance(p, Tensor) else p for p in _as_list(y_pred, names, "outputs")]
    trackers: list[_metrics.Metric] = [
        OutputLossTracker(loss, n) for n, fn in zip(names, loss.losses) if fn is not None
    ]
    mets: list[_metrics.Metric] = []
    for k, (name, per) in enumerate(zip(names, specs)):
        for spec in per:
            m = _metrics.get(spec, loss=loss.losses[k], y_true=ys[k], y_pred=preds[k])
            mets.append(OutputMetric(m, name, names))
    return trackers + sorted(mets, key=lambda m: m.name)


def log_names(loss: MultiOutputLoss, specs: list[list[Any]]) -> list[str]:
    """``["loss", <output>_loss..., <output>_<metric> sorted]``: evaluate's order.

    Example:
        >>> log_names(MultiOutputLoss("mse", ["a", "b"]), [["mse"], ["mae"]])
        ['loss', 'a_loss', 'b_loss', 'a_mse', 'b_mae']
    """
    out = [f"{n}_loss" for n, fn in zip(loss.names, loss.losses) if fn is not None]
    mets = sorted(f"{n}_{metric_name(s)}" for n, per in zip(loss.names, specs) for s in per)
    return ["loss", *out, *mets]


def map_targets(y: Any, fn: Any) -> Any:
    """``fn`` applied to each output's targets of a list / dict (``None`` kept).

    Example:
        >>> map_targets({"a": [1, 2], "b": None}, np.asarray)
        {'a': array([1, 2]), 'b': None}
    """
    if isinstance(y, dict):
        return {k: None if v is None else fn(v) for k, v in y.items()}
    return [None if v is None else fn(v) for v in y]


def check_targets(y: Any, names: list[str], n: int, who: str) -> None:
    """Each output's targets hold ``n`` samples (as many as ``x``); DataError naming the
    output otherwise.

    Example:
        >>> check_targets([np.zeros(3), np.zeros(2)], ["a", "b"], 3, "fit")
        Traceback (most recent call last):
        ...
        mitbadak.errors.DataError: fit: x has 3 samples but the targets of output 'b' have 2; they must match
    """
    for name, t in zip(names, _as_list(y, names, who)):
        if t is None:
            continue
        if np.ndim(t) == 0 or len(t) != n:
            if np.ndim(t) == 0:
                raise DataError(key="error.multi_output.xy_scalar", who=who, n=n, name=name)
            raise DataError(
                key="error.multi_output.xy_lengths", who=who, n=n, name=name, n_y=len(t)
            )

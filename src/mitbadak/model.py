"""Models: ``Model`` (compile / fit / evaluate / predict / summary / save) and ``Sequential``.

The high-level API is Keras', built only from the low-level engine. ``fit`` is a thin loop:
it turns the data into batches and calls :meth:`Model.train_step` on each, and
``train_step`` is the loop a student writes by hand. The walk of one batch::

    fit(x, y)                                 batches: DataLoader(x, y) or your iterable
     └─ for each epoch, for each batch:
         callbacks.on_train_batch_begin(step)
         logs = train_step(batch)             override it to customise training
          ├─ y_pred = self(x, training=True)            forward: layers -> ops -> Tensor graph
          ├─ loss = compute_loss(x, y, y_pred, w)       loss(y, y_pred, w) + model.losses
          ├─ optimizer.zero_grad()
          ├─ loss.backward()                            every weight's .grad, by the chain rule
          ├─ optimizer.step()                           w <- w - lr * update(grad)
          └─ return compute_metrics(...)                running loss and metrics
         callbacks.on_train_batch_end(step, logs)
     └─ after the epoch: evaluate the validation data (test_step per batch), on_epoch_end

``evaluate`` calls :meth:`Model.test_step` and ``predict`` :meth:`Model.predict_step` the same
way, without a graph (``no_grad``) and in eval mode.

Counting follows Keras: an *epoch* is one pass over the training samples, a *step* (or
iteration) one mini-batch, ``steps per epoch = ceil(n / batch_size)``, ``optimizer.iterations``
counts steps over all epochs, epochs are displayed from 1 and ``history.epoch`` is 0-based.

Example:
    >>> import mitbadak as mb
    >>> from mitbadak.layers import Dense
    >>> mb.set_seed(0)
    >>> model = Sequential([Dense(16, activation="relu"), Dense(3)])
    >>> model.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True),
    ...               metrics=["accuracy"])
    >>> x = np.random.default_rng(0).normal(size=(60, 4)).astype("float32")
    >>> y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0)
    >>> history = model.fit(x, y, epochs=3, batch_size=16, verbose=0, seed=0)
    >>> len(history.history["loss"]), history.epoch
    (3, [0, 1, 2])
    >>> model.predict(x[:2]).shape
    (2, 3)
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np

from . import losses as _losses
from . import metrics as _metrics
from . import multi_output as _multi
from . import optimizers as _optimizers
from . import random as _random
from . import registry, validate
from .backend import to_device, to_host
from .batching import (
    Feed,
    check_finite,
    first_leaf,
    map_structure,
    num_samples,
    take,
    unpack_x_y_sample_weight,
)
from .callbacks import Callback, CallbackList, History, ProgressBar
from .data.dataset import DataLoader
from .errors import ConfigError, DataError, NotFittedError, ShapeError
from .layers.base import Layer, layer_from_config, layer_to_config, map_shapes
from .layers.conv import Conv2D
from .messages import columns, message, pad
from .tensor import Tensor, no_grad

__all__ = ["Model", "Sequential"]


def _as_array(a: Any, what: str) -> np.ndarray:
    if isinstance(a, Tensor):
        a = a.data
    return validate.array(a, "the data", what, kinds="biufUSO")  # ragged, complex: clear errors


def _jsonable(v: Any) -> Any:
    """``v`` with dict keys as strings and NumPy scalars as Python numbers (for JSON)."""
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


def _is_arrays(x: Any) -> bool:
    """Whether ``x`` is in-memory data (an array, a list of numbers, a dict / tuple of arrays)
    rather than a DataLoader or another iterable of batches."""
    if isinstance(x, (np.ndarray, Tensor, dict)):
        return True
    if isinstance(x, (list, tuple)):
        return not x or not isinstance(x[0], tuple)  # a list of (x, y) batches is a source
    return False


def _tune_malloc() -> None:
    """Keep freed memory in the heap (see PERFORMANCE.md) only if the user switched it on
    (``mitbadak.backend.set_allocator_tuning(True)`` or ``MITBADAK_TUNE_MALLOC=1``; issue 15)."""
    from . import backend

    backend.apply_allocator_setting()


class _Tracker(_metrics.Mean):
    """A running mean of one number per batch (the loss), weighted by the batch size; plain
    floats take a path without NumPy, as fit updates it at every step."""

    def update_state(self, values: Any, sample_weight: Any = None, _unused: Any = None) -> None:
        if isinstance(values, (float, int)) and isinstance(sample_weight, (float, int, type(None))):
            w = 1.0 if sample_weight is None else float(sample_weight)
            self.total += float(values) * w
            self.count += w
        else:
            super().update_state(values, sample_weight)


def _unbound(opt: Any) -> bool:
    """A Keras-style optimizer built without parameters, waiting for ``build(weights)``."""
    return isinstance(opt, _optimizers.Optimizer) and not opt.built


class Model(Layer):
    """A layer that can be trained: ``compile``, ``fit``, ``evaluate``, ``predict``, ``summary``,
    ``save``. Subclass it and write ``call`` (sub-layers assigned as attributes are tracked), or
    use :class:`Sequential`. Override :meth:`train_step`, :meth:`test_step` or
    :meth:`predict_step` to change what one batch does; ``fit`` / ``evaluate`` / ``predict``
    call them.

    Example:
        >>> from mitbadak.layers import Dense
        >>> class TwoLayers(Model):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.hidden, self.out = Dense(8, activation="relu"), Dense(2)
        ...     def call(self, x, training=False):
        ...         return self.out(self.hidden(x, training=training), training=training)
        >>> m = TwoLayers(); m.compile("sgd", "mse")
        >>> m.fit(np.ones((4, 3), "float32"), np.zeros((4, 2), "float32"), verbose=0).epoch
        [0]
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Model:
        # Model(inputs, outputs) is Keras' functional API: build a Functional model instead
        # (for a subclass called on symbolic inputs, the subclass mixed with Functional, as
        # Keras does). Other subclasses (class M(Model), Sequential) are created as they are.
        if args or "inputs" in kwargs or "outputs" in kwargs:
            from .functional_model import functional_class_for

            target = functional_class_for(cls, args, kwargs)
            if target is not None:
                return super().__new__(target)
        return super().__new__(cls)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._optimizer_spec: Any = None
        self._optimizer_ready = False
        self._optimizer: _optimizers.Optimizer | None = None
        self._warned_frozen = False
        self._search_losses: bool | None = True  # True: always; None: decide at next batch
        self._in_fit = False
        self.loss: _losses.Loss | None = None
        self._metric_specs: list[Any] = []
        self._metric_objs: list[_metrics.Metric] | None = None
        self.loss_tracker = _Tracker(name="loss")
        self.penalty_tracker = _Tracker(name="reg_loss")
        self.compiled = False
        self.stop_training = False
        self.history: History | None = None
        self.epoch = 0  # epochs completed (the initial_epoch to resume from)
        self._fit_rng: np.random.Generator | None = None
        self._resume: dict[str, Any] | None = None

    # ---------------------------------------------------------------------------- build
    def build(self, input_shape: tuple[int, ...]) -> None:
        """Create every weight by running one dummy sample through :meth:`call` (eval mode,
        no graph, no random numbers drawn)."""
        if self.built:
            return
        self.input_shape = map_shapes(lambda s: (None,) + tuple(s[1:]), input_shape)
        with no_grad():
            self.run_call(
                map_shapes(lambda s: Tensor(np.zeros((1,) + s[1:], self.dtype)), input_shape), False
            )
        self.built = True

    # -------------------------------------------------------------------------- compile
    def compile(
        self,
        optimizer: Any = "rmsprop",
        loss: Any = None,
        metrics: Iterable[Any] | None = None,
        loss_weights: Any = None,
    ) -> None:
        """Choose the optimizer, the loss and the metrics to report.

        Args:
            optimizer: a name (``"sgd"``, ``"adam"``... with default hyper-parameters), an
                Optimizer built on ``model.parameters()`` (or built without parameters,
                Keras-style: it is bound to the model's weights at the first batch), an
                Optimizer class, a ``{"class_name", "config"}`` dict (e.g. ``{"class_name":
                "SGD", "config": {"lr": 0.1, "momentum": 0.9}}``) or a function
                ``params -> Optimizer``. All but a bound instance wait for the first batch,
                when the weights exist.
            loss: a name (``"sparse_categorical_crossentropy"``, ``"mse"``...), a Loss object,
                a function ``f(y_true, y_pred) -> Tensor``, or ``None`` when the model adds
                its own losses (``self.add_loss`` in a layer's ``call``).
            metrics: names (``"accuracy"``, ``"top_k_categorical_accuracy"``, ``"f1"``...) or
                :mod:`mitbadak.metrics` objects.
            loss_weights: for a model with several outputs, a list or a dict by output name:
                the loss trained is ``sum(w * output loss)``. With several outputs ``loss``
                may be a list / dict (one per output) and ``metrics`` a list (one entry per
                output) or a dict; see :mod:`mitbadak.multi_output`.

        Calling ``compile`` again (e.g. after freezing layers) builds a new optimizer.

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1)]); m.compile(optimizer="sgd", loss="mse", metrics=["mae"])
        """
        names = self._output_names()
        self._output_metric_specs: list[list[Any]] | None = None
        if loss is not None and _multi.is_multi_output(loss, loss_weights, metrics, len(names)):
            if not names:  # a model whose outputs are not declared (subclassed, Sequential)
                if isinstance(loss, dict):
                    names = [str(k) for k in loss]
                else:
                    count = len(loss) if isinstance(loss, (list, tuple)) else 1
                    names = [f"output_{i + 1}" for i in range(count)]
            self.loss = _multi.MultiOutputLoss(loss, names, loss_weights)
            self._output_metric_specs = _multi.metric_specs(metrics, names)
            metrics = None
        else:
            self.loss = _losses.get(loss) if loss is not None else None
        if isinstance(optimizer, _optimizers.Optimizer) or _unbound(optimizer):
            # Issue 18.5, Keras semantics: re-compiling with the optimizer the model already
            # uses, after a change of `trainable`, rebinds it to the new trainable weights
            # (the weights that stay keep their state). Only an optimizer bound to all of the
            # model's trainable weights (or built by the model) follows them; one built on a
            # chosen subset of the weights (PyTorch style) is left as it is.
            if (
                optimizer is self._optimizer
                and optimizer.built
                and (
                    self._optimizer_spec is not None  # the model built it from a name
                    or getattr(self, "_optimizer_follows", None) is optimizer
                )
            ):
                optimizer.rebind(self.parameters())
            follows = not optimizer.built or (
                len(optimizer.param_groups) == 1
                and {id(p) for p in optimizer.params} == {id(p) for p in self.parameters()}
            )
            self._optimizer_follows = optimizer if follows else None
            self._optimizer, self._optimizer_spec = optimizer, None
        else:
            if not (isinstance(optimizer, (str, dict)) or callable(optimizer)):
                raise ConfigError(key="error.model.interpret_optimizer", optimizer=optimizer)
            if isinstance(optimizer, str) and registry.lookup("optimizers", optimizer) is None:
                raise ConfigError(
                    key="error.model.unknown_optimizer",
                    optimizer=optimizer,
                    names=registry.names("optimizers"),
                )
            self._optimizer, self._optimizer_spec = None, optimizer
        self._optimizer_ready = False
        if isinstance(metrics, (str, _metrics.Metric)):
            metrics = [metrics]
        self._metric_specs = list(metrics or [])
        for m in self._metric_specs:  # fail now on a bad name, not after the first epoch
            if not isinstance(m, _metrics.Metric):
                _metrics.get(m, loss=self.loss, y_true=np.zeros(1), y_pred=np.zeros((1, 2)))
        self._metric_objs = None
        self.compiled = True

    def _output_names(self) -> list[str]:
        """The names of the outputs of a model with several (a functional model's output
        layers, or its output dict's keys); ``[]`` when it has one or it is not known."""
        try:
            names = list(getattr(self, "output_names", None) or [])
        except Exception:  # an unbuilt or unusual model: one output as far as we know
            return []
        return names if len(names) > 1 or isinstance(getattr(self, "output", None), dict) else []

    def get_compile_config(self) -> dict[str, Any] | None:
        """The compile arguments as JSON (registered objects only), or None if not compiled:
        ``{"optimizer": ..., "loss": ..., "metrics": [...]}``, for ``save``. A loss or metric
        that is a plain function is left out (``None`` / skipped): compile again after loading.

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1)]); m.compile("sgd", "mse", ["mae"])
            >>> m.get_compile_config()["loss"]["class_name"], m.get_compile_config()["metrics"]
            ('MeanSquaredError', ['mae'])
        """
        if not self.compiled:
            return None
        loss_cfg: Any = None
        multi = isinstance(self.loss, _multi.MultiOutputLoss)
        if multi:
            loss_cfg = {"multi_output": _jsonable(self.loss.get_config())}
        elif self.loss is not None and registry.is_registered("losses", self.loss):
            loss_cfg = _jsonable(registry.serialize(self.loss))
        opt_cfg: Any = None
        opt = self._optimizer
        if opt is not None and not _unbound(opt):
            opt_cfg = _optimizers.serialize(opt)
        elif opt is not None:
            opt_cfg = _jsonable(registry.serialize(opt))
        elif isinstance(self._optimizer_spec, (str, dict)):
            opt_cfg = self._optimizer_spec
        elif isinstance(self._optimizer_spec, type):
            opt_cfg = {"class_name": self._optimizer_spec.__name__, "config": {}}
        mets: list[Any] = []
        for m in self._metric_specs:
            if isinstance(m, str):
                mets.append(m)
            elif isinstance(m, _metrics.Metric) and registry.is_registered("metrics", m):
                mets.append(_jsonable(registry.serialize(m)))
        if multi:
            mets = [
                [m if isinstance(m, str) else _jsonable(registry.serialize(m)) for m in per
                 if isinstance(m, str) or (isinstance(m, _metrics.Metric)
                                           and registry.is_registered("metrics", m))]
                for per in self._output_metric_specs or []
            ]  # fmt: skip
            saved = loss_cfg["multi_output"]["losses"]
            if any(c is None and la is not None for c, la in zip(saved, self.loss.losses)):
                loss_cfg = None  # a loss given as a function: compile again after loading
        return {
            "optimizer": opt_cfg,
            "loss": loss_cfg,
            "metrics": mets,
            "has_loss": bool(self.loss),
        }

    def compile_from_config(self, config: dict[str, Any]) -> bool:
        """Compile from :meth:`get_compile_config`'s dict (names looked up in the registry,
        nothing else is built). Returns False, leaving the model uncompiled, when the config
        lacks something that cannot be saved (a loss or optimizer given as a function)."""
        if not isinstance(config, dict):
            raise ConfigError(key="error.model.invalid_compile_config")
        loss_spec = config.get("loss")
        if loss_spec is None and config.get("has_loss", True):
            return False  # a custom loss function: the user compiles again
        loss_weights = None
        if isinstance(loss_spec, dict) and "multi_output" in loss_spec:
            multi = loss_spec["multi_output"]
            if not isinstance(multi, dict) or not isinstance(multi.get("losses"), list):
                raise ConfigError(key="error.model.invalid_multi_output")
            names = [str(n) for n in multi.get("names", [])]
            loss = {
                n: registry.deserialize("losses", spec)
                for n, spec in zip(names, multi["losses"])
                if spec is not None
            }
            loss_weights = dict(zip(names, multi.get("loss_weights", [])))
            per = config.get("metrics", [])
            if not isinstance(per, list) or not all(isinstance(m, list) for m in per):
                raise ConfigError(key="error.model.compile_from_config.invalid_multi_output")
            mets_multi = {
                n: [m if isinstance(m, str) else _metrics.get(m) for m in ms]
                for n, ms in zip(names, per)
            }
            opt_spec = config.get("optimizer")
            if not isinstance(opt_spec, (str, dict)):
                return False
            self.compile(opt_spec, loss=loss, metrics=mets_multi, loss_weights=loss_weights)
            return True
        loss = registry.deserialize("losses", loss_spec) if loss_spec is not None else None
        mets = []
        for m in config.get("metrics", []):
            if not isinstance(m, (str, dict)):
                raise ConfigError(key="error.model.invalid_metric_spec", m=m)
            mets.append(m if isinstance(m, str) else _metrics.get(m))
        opt_spec = config.get("optimizer")
        if opt_spec is None:
            return False
        if isinstance(opt_spec, dict):
            cls = registry.lookup("optimizers", opt_spec.get("class_name"))
            if not isinstance(cls, type) or not isinstance(opt_spec.get("config", {}), dict):
                raise ConfigError(key="error.model.unknown_optimizer_config", opt_spec=opt_spec)
        elif not isinstance(opt_spec, str):
            raise ConfigError(key="error.model.invalid_optimizer_spec", opt_spec=opt_spec)
        self.compile(optimizer=opt_spec, loss=loss, metrics=mets)
        return True

    def ensure_optimizer(self) -> _optimizers.Optimizer | None:
        """The optimizer, bound to the model's trainable weights: built from the compile
        spec, or ``optimizer.build(model.trainable_weights)`` for one made without parameters
        (Keras-style). ``None`` when no weight is trainable (``fit`` then warns, naming the
        model). Raises ConfigError when the compiled optimizer holds none of the weights.

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1)]); m.build((1, 2)); m.compile("sgd", "mse")
            >>> type(m.ensure_optimizer()).__name__
            'SGD'
        """
        if self._optimizer_ready:
            return self._optimizer
        params = self.parameters()
        if not params:
            if not self._warned_frozen:
                warnings.warn(message("warning.model.frozen", name=self.name), stacklevel=3)
                self._warned_frozen = True
            return None
        opt = self._optimizer
        if opt is None and self._optimizer_spec is not None:
            spec = self._optimizer_spec
            if isinstance(spec, (str, dict)):
                opt = _optimizers.get(spec, params)
            else:  # an Optimizer class or a factory
                opt = spec(params)
                if not isinstance(opt, _optimizers.Optimizer):
                    # a repr, not the function: an error's values must pickle
                    raise ConfigError(key="error.model.did_return_optimizer", spec=repr(spec))
        elif opt is not None and _unbound(opt):
            opt.build(params)  # Keras 3's name: bind the optimizer to these weights
        elif opt is not None:
            mine = {id(p) for p in params}
            if not any(id(p) in mine for p in opt.params):
                raise ConfigError(
                    key="error.model.optimizer_holds_tensors",
                    n_params=len(opt.params),
                    name=self.name,
                )
        self._optimizer, self._optimizer_ready = opt, opt is not None
        return opt

    @property
    def optimizer(self) -> _optimizers.Optimizer | None:
        """The compiled optimizer (``None`` before ``compile``, and until the first batch
        when compiled by name). During ``fit``, reading it binds it to the trainable weights
        once the model is built (see :meth:`ensure_optimizer`), so a ``train_step`` of your
        own can use ``self.optimizer`` from the first batch."""
        if not self._optimizer_ready and self.built and self._in_fit:
            opt = self._optimizer
            if (opt is None and self._optimizer_spec is not None) or (
                opt is not None and _unbound(opt)
            ):
                return self.ensure_optimizer()
        return self._optimizer

    @optimizer.setter
    def optimizer(self, value: Any) -> None:
        self._optimizer, self._optimizer_ready = value, False

    def _check_compiled(self, who: str) -> None:
        if not self.compiled:
            raise NotFittedError(key="error.model.compile_model_first", who=who)

    @property
    def metrics_names(self) -> list[str]:
        """``["loss", <metric names>...]``, the order of :meth:`evaluate`'s list (with several
        outputs: ``loss``, each ``<output>_loss``, then the ``<output>_<metric>`` by name)."""
        if isinstance(self.loss, _multi.MultiOutputLoss):
            return _multi.log_names(self.loss, self._output_metric_specs or [])
        return ["loss"] + [
            m.name if isinstance(m, _metrics.Metric) else str(m) for m in self._metric_specs
        ]

    @property
    def metrics(self) -> list[_metrics.Metric]:
        """The loss tracker then the compiled metrics (built at the first batch), Keras'
        ``model.metrics``: what :meth:`reset_metrics` resets and the logs report."""
        return [self.loss_tracker, *(self._metric_objs or [])]

    def reset_metrics(self) -> None:
        """Reset every metric's state (done at each epoch and each evaluation)."""
        self.penalty_tracker.reset_state()
        for m in self.metrics:
            reset = getattr(m, "reset_state", None) or getattr(m, "reset_states", None)
            if reset is not None:
                reset()

    # ------------------------------------------------------------------- one batch
    def to(self, device: Any) -> Model:
        """Move the weights (:meth:`Layer.to <mitbadak.layers.Layer.to>`) and the optimizer's
        state (momentum, Adam's moments) to ``device``; batches of ``fit`` / ``evaluate`` /
        ``predict`` follow.

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1)]); m.build((1, 2)); m.to("cpu").device
            'cpu'
        """
        super().to(device)
        opt = getattr(self, "optimizer", None)
        for st in getattr(opt, "state", None) or []:
            if isinstance(st, dict):
                for k, v in st.items():
                    st[k] = to_device(v, self.__dict__["_device"])
        return self

    def _on_device(self, batch: Any) -> Any:
        """The batch's arrays on the model's device (set by :meth:`to`); as is on the CPU."""
        dev = self.__dict__.get("_device", "cpu")
        if dev == "cpu":
            return batch
        if not self.built:  # a lazily built model: build on the host, then move the weights
            with no_grad():
                self(unpack_x_y_sample_weight(batch)[0], training=False)
        if self.device != dev:
            self.to(dev)
        return map_structure(
            lambda a: (
                a
                if a is None or isinstance(a, Tensor) and a.device == dev
                else (a.to(dev) if isinstance(a, Tensor) else to_device(a, dev))
            ),
            batch,
        )

    def train_step(self, batch: Any) -> dict[str, float]:
        """One step of gradient descent on one batch; returns the logs (running averages over
        the epoch). This is the README's low-level loop; override it to change training.

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1)]); m.compile("sgd", "mse")
            >>> sorted(m.train_step((np.ones((2, 3)), np.zeros((2, 1)))))
            ['loss']
        """
        x, y, sample_weight = unpack_x_y_sample_weight(self._on_device(batch))
        y_pred = self(x, training=True)  # forward: builds the graph
        loss = self.compute_loss(x, y, y_pred, sample_weight)
        optimizer = self.ensure_optimizer()
        if optimizer is not None:  # None: every weight is frozen (warned once)
            optimizer.zero_grad()
            loss.backward()  # gradients of every weight
            optimizer.step()  # update the weights
        return self.compute_metrics(x, y, y_pred, sample_weight, loss=loss)

    def test_step(self, batch: Any) -> dict[str, float]:
        """Loss and metrics on one batch in eval mode (``evaluate`` and validation call it
        under ``no_grad``); returns the running logs."""
        x, y, sample_weight = unpack_x_y_sample_weight(self._on_device(batch))
        y_pred = self(x, training=False)
        loss = self.compute_loss(x, y, y_pred, sample_weight, training=False)
        return self.compute_metrics(x, y, y_pred, sample_weight, loss=loss)

    def predict_step(self, batch: Any) -> Any:
        """The outputs for one batch (``predict`` calls it under ``no_grad``)."""
        x, _, _ = unpack_x_y_sample_weight(self._on_device(batch))
        return self(x, training=False)

    def compute_loss(
        self,
        x: Any = None,
        y: Any = None,
        y_pred: Any = None,
        sample_weight: Any = None,
        training: bool = True,
    ) -> Tensor:
        """The compiled loss ``loss(y, y_pred, sample_weight)`` plus the model's own losses
        (:meth:`added_losses`: ``add_loss`` terms and weight penalties), as one scalar Tensor.
        In training the penalties' sum is tracked as ``reg_loss``.

        Inside a ``fit`` / ``evaluate`` loop, a model whose first batch added no loss (no
        regularizer, no ``add_loss``) is not searched for added losses again until the next
        loop: walking every layer at every step would cost more than a small step."""
        extra: list[Tensor] = []
        if self._search_losses is not False:
            extra = self.added_losses()
            if self._search_losses is None:  # the first batch of a loop decides for the loop
                self._search_losses = bool(extra)
        if self.loss is None:
            if not extra:
                raise ConfigError(key="error.model.compile_loss_model", name=self.name)
            total = extra[0]
            for t in extra[1:]:
                total = total + t
            if training:
                self.penalty_tracker.update_state(total.item(), num_samples(x))
            return total
        total = self.loss(y, y_pred, sample_weight=sample_weight)
        if extra:
            penalty = extra[0]
            for t in extra[1:]:
                penalty = penalty + t
            if training:
                self.penalty_tracker.update_state(penalty.item(), num_samples(y_pred))
            total = total + penalty
        return total

    def added_losses(self) -> list[Tensor]:
        """Scalar losses the model adds to the compiled one: ``model.losses`` (``add_loss``
        terms of the latest call and the weight penalties)."""
        return list(self.losses)

    def compute_metrics(
        self, x: Any, y: Any, y_pred: Any, sample_weight: Any = None, loss: Any = None
    ) -> dict[str, float]:
        """Update the loss tracker (with ``loss``, weighted by the batch size) and the compiled
        metrics with one batch; return :meth:`get_metrics_result`."""
        out = y_pred.data if isinstance(y_pred, Tensor) else y_pred
        n = num_samples(x) if x is not None else len(out)
        if loss is not None:
            self.loss_tracker.update_state(loss.item(), n)
        if self._metric_objs is None and isinstance(self.loss, _multi.MultiOutputLoss):
            specs = self._output_metric_specs or []
            self._metric_objs = _multi.build_metrics(self.loss, specs, y, out)
        if self._metric_objs is None:  # "accuracy" is resolved from the first batch's shapes
            self._metric_objs = [
                _metrics.get(m, loss=self.loss, y_true=y, y_pred=out) for m in self._metric_specs
            ]
        for m in self._metric_objs:
            m.update_state(y, out, sample_weight)
        return self.get_metrics_result()

    def get_metrics_result(self) -> dict[str, float]:
        """``{"loss": ..., <metric>: ...}`` (and ``reg_loss`` when penalties were tracked)."""
        logs = {m.name: m.result() for m in self.metrics}
        if self.penalty_tracker.count and "reg_loss" not in logs:  # (not an output's loss)
            logs["reg_loss"] = self.penalty_tracker.result()
        return logs

    # ----------------------------------------------------------------------- data helpers
    def _prepare_x(self, x: Any, who: str) -> Any:
        if isinstance(x, (dict, list, tuple)) and not isinstance(first_leaf(x), (int, float)):
            x = map_structure(lambda a: self._prepare_array(a, who), x)
        else:
            x = self._prepare_array(x, who)
        check_finite(x, who)
        return x

    def _prepare_array(self, a: Any, who: str) -> np.ndarray:
        a = _as_array(a, who)
        if a.ndim == 0 or len(a) == 0:
            raise DataError(key="error.model.least_sample_x", who=who, shape=a.shape)
        if a.dtype.kind == "f" and a.dtype != self.dtype:
            a = a.astype(self.dtype)  # float64 data would make every op float64
        return a

    def _prepare_xy(self, x: Any, y: Any, who: str) -> tuple[Any, np.ndarray | None]:
        x = self._prepare_x(x, who)
        if y is None:
            if self.loss is not None:
                raise DataError(key="error.model.y_targets_missing", who=who)
            return x, None
        if isinstance(self.loss, _multi.MultiOutputLoss):  # a list / dict, one per output
            names = self.loss.names
            if not isinstance(y, (list, tuple, dict)):
                y = [y]
            y = _multi.map_targets(y, lambda a: self._prepare_target(a, who))
            _multi.check_targets(y, names, num_samples(x), who)
            return x, y
        y = _as_array(y, who)
        n = num_samples(x)
        if y.ndim == 0 or len(y) != n:
            if y.ndim == 0:
                raise DataError(key="error.model.xy_scalar", who=who, n=n)
            raise DataError(key="error.model.xy_lengths", who=who, n=n, n_y=len(y))
        if y.dtype.kind == "f" and y.dtype != self.dtype:
            y = y.astype(self.dtype)
        check_finite(y, who, "y")
        return x, y

    def _prepare_target(self, a: Any, who: str) -> np.ndarray:
        a = _as_array(a, who)
        return a.astype(self.dtype) if a.dtype.kind == "f" and a.dtype != self.dtype else a

    def _output_classes(self, x: Any) -> int | None:
        """Classes the model scores (its output width; 2 for one sigmoid output), from one
        sample: what ``class_weight`` labels are checked against."""
        try:
            out = self.predict_on_batch(take(x, slice(0, 1)))
        except Exception:  # a model that cannot run on one sample: no check
            return None
        if out.ndim < 2:
            return 2
        return 2 if out.shape[-1] == 1 else int(out.shape[-1])

    def _weights_for(
        self, y: Any, sample_weight: Any, class_weight: Any, who: str, classes: int | None = None
    ) -> Any:
        if sample_weight is None and not class_weight:
            return None
        if isinstance(y, (list, tuple, dict)):  # several outputs: one weight per sample
            if class_weight:
                raise ConfigError(key="error.model.class_weight_needs_model", who=who)
            if isinstance(sample_weight, (list, tuple, dict)):
                return map_structure(lambda w: _as_array(w, who), sample_weight)
            y = first_leaf(y)
        return _losses.sample_weights(y, sample_weight, class_weight or None, classes, who=who)

    def _array_split(
        self, x: Any, y: Any, sw: Any, validation_split: float
    ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """Hold out the *last* ``validation_split`` of the samples (before shuffling, as Keras)."""
        validation_split = validate.number(validation_split, "validation_split", "fit")
        if not 0.0 < validation_split < 1.0:
            raise ConfigError(key="error.model.validation_split", validation_split=validation_split)
        n = num_samples(x)
        split = int(n * (1.0 - validation_split))
        if split < 1 or split >= n:
            raise DataError(
                key="error.model.validation_split_leaves_empty", validation_split=validation_split
            )
        head, tail = slice(0, split), slice(split, n)
        cut = lambda a, s: None if a is None else take(a, s)  # noqa: E731
        return (take(x, head), cut(y, head), cut(sw, head)), (
            take(x, tail),
            cut(y, tail),
            cut(sw, tail),
        )

    def _feed(
        self, data: Any, batch_size: int, shuffle: bool, rng: Any, steps: Any, who: str
    ) -> Feed:
        """A :class:`~mitbadak.batching.Feed` over ``(x, y, sw)`` arrays or a batch source."""
        if isinstance(data, tuple) and len(data) == 3 and _is_arrays(data[0]):
            x, y, sw = data
            loader = DataLoader(x, y, batch_size, shuffle=shuffle, seed=rng, sample_weight=sw)
            return Feed(loader, steps, who=who)
        return Feed(data, steps, who=who)

    def _validation_feed(
        self, validation_data: Any, batch_size: int, steps: int | None
    ) -> Feed | None:
        if validation_data is None:
            return None
        if isinstance(validation_data, (tuple, list)) and _is_arrays(validation_data[0]):
            if len(validation_data) not in (2, 3):
                raise ConfigError(key="error.model.validation_data_x_val_y_val")
            xv, yv = self._prepare_xy(validation_data[0], validation_data[1], "validation_data")
            swv = validation_data[2] if len(validation_data) == 3 else None
            swv = self._weights_for(yv, swv, None, "validation_data")
            return self._feed((xv, yv, swv), batch_size, False, None, steps, "validation_data")
        return Feed(validation_data, steps, who="validation_data")

    def _fit_generator(self, initial_epoch: int, seed: int | None) -> np.random.Generator:
        """The generator that shuffles and augments: restored from a checkpoint when resuming."""
        resume = self._resume
        if resume is not None and initial_epoch > 0 and resume.get("epoch") == initial_epoch:
            if resume.get("global_rng") is not None:
                _random.set_state(resume["global_rng"])
            rng = np.random.default_rng()
            if resume.get("fit_rng") is not None:
                rng.bit_generator.state = resume["fit_rng"]
            self._resume = None
        else:
            rng = _random.make_rng(seed)
        self._fit_rng = rng
        return rng

    def _callbacks(
        self, callbacks: Any, verbose: int, params: dict[str, Any], history: History | None
    ) -> CallbackList:
        if isinstance(callbacks, Callback):
            callbacks = [callbacks]  # Keras takes a list; one callback alone is accepted too
        cbs = list(callbacks or [])
        if verbose and history is not None:
            cbs.append(ProgressBar(verbose))
        if history is not None:
            cbs.append(history)
        return CallbackList(cbs, model=self, params=params)

    def _run_test(self, feed: Feed, cb: CallbackList) -> dict[str, float]:
        """One evaluation pass: reset the metrics, ``test_step`` on each batch, test hooks."""
        self.reset_metrics()
        cb.on_test_begin({})
        logs: dict[str, float] = {}
        outer, self._search_losses = self._search_losses, None
        try:
            with no_grad():
                for step, batch in enumerate(feed.epoch()):
                    cb.on_test_batch_begin(step, {})
                    logs = self.test_step(batch)
                    cb.on_test_batch_end(step, logs)
        finally:
            self._search_losses = outer
        if "reg_loss" in logs and all(m.name != "reg_loss" for m in self.metrics):
            logs = {k: v for k, v in logs.items() if k != "reg_loss"}  # (an output "reg": kept)
        cb.on_test_end(logs)
        return logs

    # ------------------------------------------------------------------------------ fit
    def fit(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int = 32,
        epochs: int = 1,
        verbose: int = 1,
        callbacks: Iterable[Callback] | Callback | None = None,
        validation_split: float = 0.0,
        validation_data: Any = None,
        shuffle: bool = True,
        class_weight: dict[Any, float] | None = None,
        sample_weight: Any = None,
        initial_epoch: int = 0,
        steps_per_epoch: int | None = None,
        validation_steps: int | None = None,
        augment: Any = None,
        seed: int | None = None,
        device: Any = None,
    ) -> History:
        """Train for ``epochs - initial_epoch`` epochs: :meth:`train_step` on every batch.

        Each step takes a batch (in a new random order every epoch when ``shuffle``), applies
        ``augment(xb, rng)`` if given, and calls ``train_step``: outputs with
        ``training=True``, the loss plus the model's own losses (weight penalties,
        ``add_loss``), ``backward()``, one optimizer step. After each epoch the validation
        data (if any) is evaluated (``test_step``) and the callbacks run.

        Args:
            x, y: training inputs and targets: arrays (same first dimension; ``x`` may be a
                dict / list of arrays for a model with named inputs), or ``x`` a
                :class:`~mitbadak.data.DataLoader` or any iterable of ``(x, y)`` /
                ``(x, y, sample_weight)`` batches, with ``y=None``.
            batch_size: samples per step for arrays; ``steps per epoch = ceil(n / batch_size)``.
            epochs: index of the last epoch (Keras' meaning: with ``initial_epoch=3,
                epochs=5`` two epochs run, numbered 4 and 5).
            verbose: 0 silent, 1 progress bar (one line per epoch when not on a terminal),
                2 one line per epoch.
            callbacks: :mod:`mitbadak.callbacks` objects (a list, or one callback).
            validation_split: fraction of the arrays, taken from the *end* of ``x``/``y``
                before any shuffling (as Keras does), held out for validation.
            validation_data: ``(x_val, y_val)``, ``(x_val, y_val, sample_weight_val)``, a
                DataLoader or an iterable of batches; overrides ``validation_split``.
            shuffle: new sample order each epoch (arrays).
            class_weight: ``{class: weight}``, multiplies each training sample's loss
                (imbalanced data; validation is not class-weighted, as in Keras); weighed by
                :func:`mitbadak.losses.sample_weights`.
            sample_weight: one weight per sample; the batch loss is ``sum(w * l) / batch``.
            initial_epoch: epoch to start from (to resume a run, see ``ModelCheckpoint``).
            steps_per_epoch: batches per epoch (default: one pass over the data).
            validation_steps: batches of validation data per evaluation (default: all).
            augment: ``augment(x_batch, rng) -> x_batch``, applied to training batches only.
            seed: seed of the generator that shuffles and feeds ``augment``; ``None`` draws it
                from the global generator, so ``mitbadak.set_seed(s)`` before building the model
                makes the whole run repeatable bit for bit.
            device: ``"cuda"`` to train on the GPU (CuPy), ``"cpu"`` to come back; the model
                moves there (:meth:`~mitbadak.layers.Layer.to`) and every batch follows it.

        Returns:
            A :class:`~mitbadak.callbacks.History`: ``history.history[key]`` lists per epoch
            ``loss`` (with penalties), the metrics, ``reg_loss``, ``lr``, the ``val_`` values
            and ``gap`` = ``val_loss - loss``.

        Example: see the module docstring.
        """
        self._check_compiled("fit")
        epochs, initial_epoch, batch_size = self._check_counts(epochs, initial_epoch, batch_size)
        validate.integer(steps_per_epoch, "steps_per_epoch", "fit", min=1, none=True)
        validate.integer(validation_steps, "validation_steps", "fit", min=1, none=True)
        if not isinstance(shuffle, (bool, np.bool_)):
            validate.one_of(shuffle, "shuffle", "fit", (True, False))
        if augment is not None and not callable(augment):
            raise ConfigError(key="error.model.augment_function_x_batch")
        if device is not None:  # the weights move now (or after a lazy build), batches per step
            self.to(device)
        train, val_feed = self._fit_data(
            x, y, sample_weight, class_weight, validation_split, validation_data, batch_size,
            validation_steps,
        )  # fmt: skip
        self._warned_frozen = False
        if self.built:
            self.ensure_optimizer()  # fail now on a foreign optimizer, warn now if all frozen
        rng = self._fit_generator(initial_epoch, seed)
        feed = self._feed(train, batch_size, shuffle, rng, steps_per_epoch, "fit")
        if not isinstance(train, tuple) and class_weight:
            feed.transform = lambda b: self._weigh_batch(b, class_weight)
        history = History()
        params = {"epochs": epochs, "steps": feed.steps, "verbose": verbose}
        if isinstance(train, tuple):
            params.update(batch_size=batch_size, samples=num_samples(train[0]))
        cb = self._callbacks(callbacks, verbose, params, history)
        self.history, self.stop_training = history, False
        _tune_malloc()
        cb.on_train_begin({})
        logs: dict[str, Any] = {}
        self._in_fit = True
        try:
            for epoch in range(initial_epoch, epochs):
                self.reset_metrics()
                cb.on_epoch_begin(epoch, {})
                self._search_losses = None  # the epoch's first batch decides (see compute_loss)
                step = -1
                for step, batch in enumerate(feed.epoch()):
                    cb.on_train_batch_begin(step, {})
                    if augment is not None:
                        xb = augment(batch[0], rng)
                        if xb is None or not hasattr(xb, "shape"):
                            validate.returned(xb, "augment", "fit", "array")
                        batch = (xb, *batch[1:])
                    logs = self.train_step(batch)
                    cb.on_train_batch_end(step, logs)
                    if self.stop_training:
                        break
                if step < 0:  # the source ran out of data (Feed warned)
                    break
                logs = dict(logs)
                if val_feed is not None and not self.stop_training:
                    val_logs = self._run_test(val_feed, cb)
                    logs.update({f"val_{k}": v for k, v in val_logs.items()})
                    logs["gap"] = logs["val_loss"] - logs["loss"]
                if self.optimizer is not None and not _unbound(self.optimizer):
                    logs["lr"] = float(self.optimizer.lr)
                self.epoch = epoch + 1
                cb.on_epoch_end(epoch, logs)
                if self.stop_training or feed.exhausted:
                    break
        finally:
            self._search_losses = True  # outside a loop, compute_loss always searches
            self._in_fit = False
        cb.on_train_end(logs)
        return history

    def _check_counts(self, epochs: int, initial_epoch: int, batch_size: int) -> tuple[int, ...]:
        batch_size = 32 if batch_size is None else batch_size  # Keras: None is the default
        batch_size = validate.integer(batch_size, "batch_size", "fit", min=1)
        epochs = validate.integer(epochs, "epochs", "fit", min=0)
        initial_epoch = validate.integer(initial_epoch, "initial_epoch", "fit", min=0)
        return epochs, initial_epoch, batch_size

    def _fit_data(
        self,
        x: Any,
        y: Any,
        sample_weight: Any,
        class_weight: Any,
        validation_split: float,
        validation_data: Any,
        batch_size: int,
        validation_steps: int | None,
    ) -> tuple[Any, Feed | None]:
        """Training data as ``(x, y, sw)`` arrays (checked, weighed, split, model built) or
        as the batch source given; and the validation feed."""
        if not _is_arrays(x):
            if y is not None:
                raise DataError(key="error.model.dataloader_iterable_batches")
            if validation_split:
                raise ConfigError(key="error.model.validation_split_needs_arrays")
            return x, self._validation_feed(validation_data, batch_size, validation_steps)
        x, y = self._prepare_xy(x, y, "fit")
        if not self.built and isinstance(x, np.ndarray):
            self.build((1,) + tuple(x.shape[1:]))
        sw = self._weights_for(y, sample_weight, None, "fit")
        train: tuple[Any, ...] = (x, y, sw)
        val_feed = self._validation_feed(validation_data, batch_size, validation_steps)
        if val_feed is None and validation_split:
            train, val = self._array_split(x, y, sw, validation_split)
            val_feed = self._feed(val, batch_size, False, None, validation_steps, "validation")
        if class_weight:  # training samples only, as Keras: validation is not class-weighted
            classes = self._output_classes(x)
            x, y, sw = train
            train = (x, y, self._weights_for(y, sw, class_weight, "fit", classes))
        return train, val_feed

    def _weigh_batch(self, batch: Any, class_weight: Any) -> tuple[Any, ...]:
        x, y, sw = unpack_x_y_sample_weight(batch)
        return x, y, _losses.sample_weights(y, sw, class_weight, who="fit")

    # ------------------------------------------------------------------------- evaluate
    def evaluate(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int = 32,
        verbose: int = 0,
        sample_weight: Any = None,
        return_dict: bool = False,
        callbacks: Iterable[Callback] | Callback | None = None,
        steps: int | None = None,
    ) -> float | list[float] | dict[str, float]:
        """Loss (with weight penalties, as in training) and metrics on ``x``/``y`` (arrays,
        or ``x`` a DataLoader / iterable of batches), in eval mode and without building a
        graph: :meth:`test_step` on every batch, with the callbacks' test hooks.

        Returns the loss alone when no metric was compiled, else ``[loss, metric...]`` in
        :attr:`metrics_names` order, or a dict with ``return_dict=True`` (as Keras does).

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1, kernel_initializer="zeros")]); m.compile("sgd", "mse")
            >>> m.evaluate(np.ones((3, 2)), np.full((3, 1), 2.0))
            4.0
        """
        who = "evaluate"
        self._check_compiled(who)
        batch_size = 32 if batch_size is None else batch_size  # Keras: None is the default
        batch_size = validate.integer(batch_size, "batch_size", "evaluate", min=1)
        if _is_arrays(x):
            x, y = self._prepare_xy(x, y, who)
            if not self.built and isinstance(x, np.ndarray):
                self.build((1,) + tuple(x.shape[1:]))
            sw = self._weights_for(y, sample_weight, None, who)
            feed = self._feed((x, y, sw), batch_size, False, None, steps, who)
        else:
            feed = Feed(x, steps, who=who)
        cb = self._callbacks(callbacks, verbose, {"verbose": verbose, "steps": feed.steps}, None)
        result = self._run_test(feed, cb)
        if verbose:
            print(" - ".join(f"{k}: {v:.4f}" for k, v in result.items() if np.ndim(v) == 0))
        if return_dict:
            return result
        values = list(result.values())
        return values[0] if len(values) == 1 else values

    # -------------------------------------------------------------------------- predict
    def predict(
        self,
        x: Any,
        batch_size: int = 32,
        verbose: int = 0,
        steps: int | None = None,
        callbacks: Iterable[Callback] | Callback | None = None,
    ) -> Any:
        """Outputs for ``x`` (arrays, or a DataLoader / iterable of batches), batch by batch
        through :meth:`predict_step`, in eval mode (dropout off, batch-norm running
        statistics) and under ``no_grad`` (no graph is built). Calls the callbacks' predict
        hooks (``logs["outputs"]`` holds each batch's outputs).

        Example:
            >>> from mitbadak.layers import Dense
            >>> Sequential([Dense(2)]).predict(np.ones((5, 3))).shape
            (5, 2)
        """
        batch_size = 32 if batch_size is None else batch_size  # Keras: None is the default
        batch_size = validate.integer(batch_size, "batch_size", "predict", min=1)
        if _is_arrays(x):
            x = self._prepare_x(x, "predict")
            feed = self._feed((x, None, None), batch_size, False, None, steps, "predict")
        else:
            feed = Feed(x, steps, who="predict")
        cb = self._callbacks(callbacks, verbose, {"verbose": verbose, "steps": feed.steps}, None)
        cb.on_predict_begin({})
        outs: list[Any] = []
        # Issue 15: with in-memory arrays the number of samples is known, so a single-array
        # output is written batch by batch into one preallocated result (no list of batches
        # plus a concatenated copy): the working memory stays that of one batch.
        total = num_samples(x) if _is_arrays(x) else None
        result, filled = None, 0
        with no_grad():
            for step, batch in enumerate(feed.epoch()):
                cb.on_predict_batch_begin(step, {})
                yb = map_structure(  # NumPy arrays, as Keras' predict gives, from any device
                    lambda t: to_host(t.data) if isinstance(t, Tensor) else t,
                    self.predict_step(batch),
                )
                if total is not None and not outs and isinstance(yb, np.ndarray) and yb.ndim:
                    if result is None:
                        result = np.empty((total,) + yb.shape[1:], dtype=yb.dtype)
                    if yb.shape[1:] == result.shape[1:] and filled + len(yb) <= total:
                        result[filled : filled + len(yb)] = yb
                        filled += len(yb)
                    else:  # an unexpected shape: fall back to collecting the batches
                        outs, result = [result[:filled], yb], None
                else:
                    outs.append(yb)
                cb.on_predict_batch_end(step, {"outputs": yb})
        cb.on_predict_end({})
        if result is not None:
            return result if filled == total else result[:filled].copy()
        if not outs:
            raise DataError(key="error.model.input_holds_batch")
        if isinstance(outs[0], np.ndarray):
            return outs[0] if len(outs) == 1 else np.concatenate(outs)
        if isinstance(outs[0], dict):
            return {k: np.concatenate([o[k] for o in outs]) for k in outs[0]}
        return type(outs[0])(np.concatenate(parts) for parts in zip(*outs))

    def predict_on_batch(self, x: Any) -> np.ndarray:
        """Outputs for one batch, in eval mode, without building a graph."""
        with no_grad():
            return self(x, training=False).data

    # ----------------------------------------------------------------- checkpoint seams
    def get_fit_state(self) -> dict[str, Any]:
        """What a checkpoint needs from the latest ``fit``: ``{"epoch": epochs completed,
        "fit_rng": the state of the generator that shuffles and augments (or None)}``."""
        rng = self._fit_rng
        return {"epoch": self.epoch, "fit_rng": rng.bit_generator.state if rng else None}

    def set_resume_state(self, state: dict[str, Any] | None) -> None:
        """Arm the next ``fit(..., initial_epoch=state["epoch"])`` to continue a run exactly:
        ``state`` holds ``epoch``, ``global_rng`` and ``fit_rng`` (generator states);
        ``None`` disarms it. ``load_model`` calls this for checkpoints."""
        if state is not None:
            self.epoch = int(state["epoch"])
        self._resume = dict(state) if state is not None else None

    @property
    def resume_state(self) -> dict[str, Any] | None:
        """The state armed by :meth:`set_resume_state`, until ``fit`` uses it."""
        return self._resume

    # -------------------------------------------------------------------------- summary
    def _layers_for_summary(self) -> list[Layer]:
        return self.sublayers()

    def summary(self, print_fn: Any = print, line_length: int = 78) -> str:
        """Print (and return) a table of the layers: name (type), output shape, parameters,
        then the totals, trainable and non-trainable (frozen layers, batch-norm statistics).

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(4, name="hidden"), Dense(2, name="out")])
            >>> m.build((1, 3)); text = m.summary(print_fn=None)
            >>> "hidden (Dense)" in text and "Total params: 26" in text
            True
        """
        rows: list[tuple[str, str, str]] = []
        x = None
        if self.built and self.input_shape is not None:
            x = Tensor(np.zeros((1,) + tuple(self.input_shape[1:]), dtype=self.dtype))
        sequential = isinstance(self, Sequential)
        with no_grad():
            for layer in self._layers_for_summary():
                shape = "?"
                if x is not None and sequential:
                    try:
                        x = layer(x, training=False)
                        shape = str((None,) + tuple(x.shape[1:]))
                    except Exception:  # a summary must never fail on a shape quirk
                        x = None
                params = layer.count_params()
                rows.append((f"{layer.name} ({type(layer).__name__})", shape, f"{params:,}"))
        trainable = sum(t.size for t in self.trainable_weights)
        total = self.count_params()
        # the words in the language in use; columns padded to the width shown on a terminal
        w1, w2 = max([columns(r[0]) for r in rows] + [28]) + 2, 26
        sep = "_" * line_length
        lines = [
            message("model.summary.title", name=self.name),
            sep,
            pad(message("model.summary.layer"), w1)
            + pad(message("model.summary.shape"), w2)
            + message("model.summary.params"),
            "=" * line_length,
        ]
        for i, (a, b, c) in enumerate(rows):
            lines.append(f"{pad(a, w1)}{pad(b, w2)}{c}")
            if i < len(rows) - 1:
                lines.append("")
        lines += [
            "=" * line_length,
            message("model.summary.total", n=total),
            message("model.summary.trainable", n=trainable),
            message("model.summary.non_trainable", n=total - trainable),
            sep,
        ]
        if not self.built:
            lines.insert(-1, message("model.summary.not_built"))
        text = "\n".join(lines)
        if print_fn is not None:
            print_fn(text)
        return text

    # ----------------------------------------------------------------------- save / load
    def save(
        self,
        path: str | os.PathLike[str],
        include_optimizer: bool = True,
        training_state: int | None = None,
    ) -> None:
        """Save architecture, weights, compile config and (``include_optimizer``) the optimizer
        state to one ``.npz`` file, atomically. Load it back with ``mitbadak.load_model``.

        ``training_state=epoch`` also stores the epoch reached and the states of the random
        generators, so that ``fit(..., initial_epoch=epoch)`` after loading continues the run
        bit for bit (``ModelCheckpoint`` does this).

        Example:
            >>> import tempfile, os, mitbadak as mb
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(2)]); m.build((1, 3)); m.compile("adam", "mse")
            >>> p = os.path.join(tempfile.mkdtemp(), "m.npz"); m.save(p)
            >>> m2 = mb.load_model(p); m2.compiled, type(m2.loss).__name__
            (True, 'MeanSquaredError')
        """
        from . import io

        io.save_model(
            self, path, include_optimizer=include_optimizer, training_state=training_state
        )

    def save_weights(self, path: str | os.PathLike[str]) -> None:
        """Save only the weights (atomically); restore with :meth:`load_weights`."""
        from . import io

        io.save_weights(self, path)

    def load_weights(self, path: str | os.PathLike[str]) -> None:
        """Load weights saved by :meth:`save_weights` (or a whole-model file) into this model."""
        from . import io

        io.load_weights(self, path)

    def random_generators(self) -> dict[str, np.random.Generator]:
        """The random generators held by the layers (dropout, noise...), keyed
        ``"<layer path index>/<attribute>"``, for checkpoints."""
        out = {}
        for i, layer in enumerate([self, *(sub for _, sub in self.named_sublayers())]):
            for k, v in vars(layer).items():
                if isinstance(v, np.random.Generator) and not (layer is self and k == "_fit_rng"):
                    out[f"{i}/{layer.name}/{k}"] = v
        return out


class Sequential(Model):
    """A linear stack of layers: the output of each is the input of the next.

    Example:
        >>> from mitbadak.layers import Dense
        >>> model = Sequential([Dense(32, activation="relu"), Dense(10)])
        >>> model(np.zeros((4, 64))).shape
        (4, 10)
        >>> [w.shape for w in model.weights]
        [(64, 32), (32,), (32, 10), (10,)]
    """

    def __init__(self, layers: Iterable[Layer] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.layers: list[Layer] = []
        for layer in layers or []:
            self.add(layer)

    def add(self, layer: Layer) -> None:
        """Append a layer to the stack."""
        if not isinstance(layer, Layer):
            raise ConfigError(key="error.model.layer", layer_type=type(layer).__name__)
        if any(existing.name == layer.name for existing in self.layers):
            raise ConfigError(key="error.model.layer_named_already", name=layer.name)
        self.layers.append(layer)
        self.built = False if not layer.built else self.built

    def pop(self) -> Layer:
        """Remove and return the last layer."""
        if not self.layers:
            raise ConfigError(key="error.model.model_layers")
        return self.layers.pop()

    def sublayers(self) -> list[Layer]:
        return list(self.layers)

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """A layer by name or by position."""
        if index is not None:
            n = len(self.layers)
            index = validate.integer(index, "index", "get_layer", min=-n, max=n - 1)
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ConfigError(
            key="error.model.layer_named_layers", name=name, names=[la.name for la in self.layers]
        )

    def __getitem__(self, key: int | str) -> Layer:
        return self.get_layer(name=key) if isinstance(key, str) else self.layers[key]

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self):
        return iter(self.layers)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        layers, i = self.layers, 0
        while i < len(layers):
            layer = layers[i]
            nxt = layers[i + 1] if i + 1 < len(layers) else None
            if nxt is not None and isinstance(layer, Conv2D) and layer.fuses_with(nxt):
                # Conv2D then MaxPooling2D(2): one node, same numbers (mitbadak.ops.conv_pool)
                x = layer(x, training=training, pool=nxt)
                i += 2
                continue
            x = layer(x, training=training)
            i += 1
        return x

    def __call__(self, x: Any, training: bool | None = None) -> Tensor:
        if not self.layers:
            raise ConfigError(key="error.model.call.model_layers")
        x = self._to_tensor(x)
        # Only the rank is fixed here: sizes are checked by the layers that depend on them, so
        # a recurrent model accepts any sequence length and a conv net with global pooling any
        # image size.
        if self.input_shape is not None and x.ndim != len(self.input_shape):
            raise ShapeError(
                key="error.model.input_shape_batch",
                name=self.name,
                dims=", ".join(map(str, self.input_shape[1:])),
                shape=x.shape,
            )
        out = super().__call__(x, training)
        return out

    def build(self, input_shape: tuple[int, ...]) -> None:
        """Build every layer by passing a dummy batch of ``input_shape`` through the stack."""
        if self.built:
            return
        self.input_shape = (None,) + tuple(input_shape[1:])
        with no_grad():
            x = Tensor(np.zeros((1,) + tuple(input_shape[1:]), dtype=self.dtype))
            for layer in self.layers:
                x = layer(x, training=False)
        self.built = True

    def get_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "layers": [layer_to_config(layer) for layer in self.layers],
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Sequential:
        layers = config.get("layers")
        if not isinstance(layers, list):
            raise ConfigError(key="error.model.layers_list")
        return cls([layer_from_config(spec) for spec in layers], name=config.get("name"))

"""Models: ``Model`` (compile / fit / evaluate / predict / summary / save) and ``Sequential``.

The high-level API is Keras', built only from the low-level engine: ``fit`` is the loop a
student would write by hand (forward, loss, ``backward()``, ``optimizer.step()``) plus
bookkeeping: mini-batches, metrics, validation, callbacks.

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

import copy
import math
import os
from collections.abc import Iterable
from typing import Any

import numpy as np

from . import losses as _losses
from . import metrics as _metrics
from . import optimizers as _optimizers
from . import random as _random
from .callbacks import Callback, CallbackList, History, ProgressBar
from .errors import ConfigError, DataError, NotFittedError, ShapeError
from .layers.base import Layer, layer_from_config, layer_to_config
from .tensor import Tensor, no_grad

__all__ = ["Model", "Sequential"]


def _as_array(a: Any, what: str) -> np.ndarray:
    if isinstance(a, Tensor):
        return a.data
    try:
        return np.asarray(a)
    except Exception as e:  # ragged lists and the like
        raise DataError(f"{what}: cannot make an array from {type(a).__name__} ({e})") from None


def _tune_malloc() -> None:
    """Keep freed memory in the heap (see PERFORMANCE.md) if the backend offers it."""
    try:
        from . import backend  # type: ignore[attr-defined]
    except ImportError:
        return
    tune = getattr(backend, "tune_malloc", None)
    if tune is not None:
        tune()


class Model(Layer):
    """A layer that can be trained: ``compile``, ``fit``, ``evaluate``, ``predict``, ``summary``,
    ``save``. Subclass it and write ``call`` (sub-layers assigned as attributes are tracked), or
    use :class:`Sequential`.

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.optimizer: _optimizers.Optimizer | None = None
        self._optimizer_spec: Any = None
        self.loss: _losses.Loss | None = None
        self._metric_specs: list[Any] = []
        self._metric_objs: list[_metrics.Metric] | None = None
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
        self.input_shape = (None,) + tuple(input_shape[1:])
        with no_grad():
            self.call(Tensor(np.zeros((1,) + tuple(input_shape[1:]), dtype=self.dtype)), False)
        self.built = True

    # -------------------------------------------------------------------------- compile
    def compile(
        self,
        optimizer: Any = "rmsprop",
        loss: Any = None,
        metrics: Iterable[Any] | None = None,
    ) -> None:
        """Choose the optimizer, the loss and the metrics to report.

        Args:
            optimizer: a name (``"sgd"``, ``"adam"``... with default hyper-parameters), an
                Optimizer built on ``model.parameters()``, an Optimizer class, a
                ``{"class_name", "config"}`` dict (e.g. ``{"class_name": "SGD", "config":
                {"lr": 0.1, "momentum": 0.9}}``) or a function ``params -> Optimizer``. All but
                the instance wait for the first batch, when the weights exist.
            loss: a name (``"sparse_categorical_crossentropy"``, ``"mse"``...), a Loss object or
                a function ``f(y_true, y_pred) -> Tensor``.
            metrics: names (``"accuracy"``, ``"top_k_categorical_accuracy"``, ``"f1"``...) or
                :mod:`mitbadak.metrics` objects.

        Calling ``compile`` again (e.g. after freezing layers) builds a new optimizer.

        Example:
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(1)]); m.compile(optimizer="sgd", loss="mse", metrics=["mae"])
        """
        if loss is None:
            raise ConfigError("compile: a loss is needed, e.g. loss='mse'")
        self.loss = _losses.get(loss)
        if isinstance(optimizer, _optimizers.Optimizer):
            # Issue 18.5, Keras semantics: re-compiling with the optimizer the model already
            # uses, after a change of `trainable`, rebinds it to the new trainable weights
            # (the weights that stay keep their state). Only an optimizer bound to all of the
            # model's trainable weights follows them; one built on a chosen subset of the
            # weights (PyTorch style) is left as it is.
            if optimizer is self.optimizer and (
                self._optimizer_spec is not None
                or getattr(self, "_optimizer_follows", None) is optimizer
            ):
                optimizer.rebind(self.parameters())
            follows = len(optimizer.param_groups) == 1 and (
                {id(p) for p in optimizer.params} == {id(p) for p in self.parameters()}
            )
            self._optimizer_follows = optimizer if follows else None
            self.optimizer, self._optimizer_spec = optimizer, None
        else:
            if not (isinstance(optimizer, (str, dict)) or callable(optimizer)):
                raise ConfigError(f"compile: cannot interpret {optimizer!r} as an optimizer")
            if isinstance(optimizer, str) and optimizer.lower() not in _optimizers._REGISTRY:
                raise ConfigError(
                    f"compile: unknown optimizer {optimizer!r}; expected one of "
                    f"{sorted(_optimizers._REGISTRY)}"
                )
            self.optimizer, self._optimizer_spec = None, optimizer
        if isinstance(metrics, (str, _metrics.Metric)):
            metrics = [metrics]
        self._metric_specs = list(metrics or [])
        for m in self._metric_specs:  # fail now on a bad name, not after the first epoch
            if not isinstance(m, _metrics.Metric):
                _metrics.get(m, loss=self.loss, y_true=np.zeros(1), y_pred=np.zeros((1, 2)))
        self._metric_objs = None
        self.compiled = True

    def _ensure_optimizer(self) -> _optimizers.Optimizer | None:
        if self.optimizer is None and self._optimizer_spec is not None:
            params = self.parameters()
            if not params:
                return None  # everything frozen: nothing to update
            spec = self._optimizer_spec
            if isinstance(spec, (str, dict)):
                self.optimizer = _optimizers.get(spec, params)
            else:  # an Optimizer class or a factory
                self.optimizer = spec(params)
                if not isinstance(self.optimizer, _optimizers.Optimizer):
                    raise ConfigError(f"compile: {spec!r} did not return an Optimizer")
        return self.optimizer

    def _check_compiled(self, who: str) -> None:
        if not self.compiled or self.loss is None:
            raise NotFittedError(
                f"{who}: compile the model first, e.g. model.compile('adam', "
                "'sparse_categorical_crossentropy', metrics=['accuracy'])"
            )

    def _resolve_metrics(self, y: np.ndarray, y_pred: np.ndarray) -> list[_metrics.Metric]:
        if self._metric_objs is None:
            self._metric_objs = [
                _metrics.get(m, loss=self.loss, y_true=y, y_pred=y_pred) for m in self._metric_specs
            ]
        return self._metric_objs

    @property
    def metrics_names(self) -> list[str]:
        """``["loss", <metric names>...]``, the order of :meth:`evaluate`'s list."""
        return ["loss"] + [
            m.name if isinstance(m, _metrics.Metric) else str(m) for m in self._metric_specs
        ]

    # ----------------------------------------------------------------------- data helpers
    def _prepare_x(self, x: Any, who: str) -> np.ndarray:
        x = _as_array(x, who)
        if x.ndim == 0 or len(x) == 0:
            raise DataError(f"{who}: expected at least one sample, got x of shape {x.shape}")
        if x.dtype.kind == "f" and x.dtype != self.dtype:
            x = x.astype(self.dtype)  # float64 data would make every op float64
        # One pass, no temporary: a float64 sum is finite iff every value is (NaN and inf
        # propagate; float32 values cannot overflow a float64 sum).
        if x.dtype.kind == "f" and not np.isfinite(np.add.reduce(x, axis=None, dtype=np.float64)):
            raise DataError(f"{who}: x contains NaN or infinite values")
        return x

    def _prepare_xy(self, x: Any, y: Any, who: str) -> tuple[np.ndarray, np.ndarray]:
        x = self._prepare_x(x, who)
        if y is None:
            raise DataError(f"{who}: y (the targets) is missing")
        y = _as_array(y, who)
        if y.ndim == 0 or len(y) != len(x):
            raise DataError(
                f"{who}: x has {len(x)} samples but y has "
                f"{len(y) if y.ndim else 'a scalar'}; they must match"
            )
        if y.dtype.kind == "f" and y.dtype != self.dtype:
            y = y.astype(self.dtype)
        return x, y

    def _sample_weights(
        self, y: np.ndarray, sample_weight: Any, class_weight: dict[Any, float] | None, who: str
    ) -> np.ndarray | None:
        sw = None
        if sample_weight is not None:
            sw = np.asarray(sample_weight, dtype=np.float64).reshape(-1)
            if len(sw) != len(y):
                raise DataError(f"{who}: sample_weight has {len(sw)} values for {len(y)} samples")
        if class_weight:
            labels = y if y.ndim == 1 else (y.argmax(axis=1) if y.shape[1] > 1 else y[:, 0])
            labels = np.asarray(labels).astype(np.int64)
            table = np.ones(int(max(max(class_weight) + 1, labels.max() + 1)), dtype=np.float64)
            for c, w in class_weight.items():
                table[int(c)] = float(w)
            cw = table[labels]
            sw = cw if sw is None else sw * cw
        return sw

    def _weighted_loss(self, yb: np.ndarray, out: Tensor, swb: np.ndarray) -> Tensor:
        """Keras' weighted loss: sum_i w_i l_i / batch size."""
        per_sample = self._loss_none(yb, out)
        if per_sample.ndim > 1:
            per_sample = per_sample.reshape((len(yb), -1)).mean(axis=1)
        if per_sample.shape != (len(yb),):
            raise ConfigError(
                f"sample/class weights: the loss {self.loss.name!r} must support "
                "reduction='none' (one value per sample)"
            )
        return (per_sample * Tensor(swb.astype(out.dtype))).sum() / len(yb)

    @property
    def _loss_none(self) -> _losses.Loss:
        lossn = self.__dict__.get("_loss_none_obj")
        if lossn is None or lossn[0] is not self.loss:
            obj = copy.copy(self.loss)
            obj.reduction = "none"
            lossn = (self.loss, obj)
            self.__dict__["_loss_none_obj"] = lossn
        return lossn[1]

    def _regularization(self) -> Tensor | None:
        regs = self.regularization_losses()
        if not regs:
            return None
        total = regs[0]
        for r in regs[1:]:
            total = total + r
        return total

    # ------------------------------------------------------------------------------ fit
    def fit(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int = 32,
        epochs: int = 1,
        verbose: int = 1,
        callbacks: Iterable[Callback] | None = None,
        validation_split: float = 0.0,
        validation_data: tuple[Any, ...] | None = None,
        shuffle: bool = True,
        class_weight: dict[Any, float] | None = None,
        sample_weight: Any = None,
        initial_epoch: int = 0,
        augment: Any = None,
        seed: int | None = None,
    ) -> History:
        """Train for ``epochs - initial_epoch`` epochs of mini-batch gradient descent.

        Each step: take a batch (in a new random order every epoch when ``shuffle``), apply
        ``augment(xb, rng)`` if given, compute the outputs with ``training=True``, the loss plus
        the weight penalties (``model.regularization_losses()``), ``backward()``, and one
        optimizer step. After each epoch the validation data (if any) is evaluated and the
        callbacks run.

        Args:
            x, y: training inputs and targets (NumPy arrays, same first dimension).
            batch_size: samples per step; ``steps per epoch = ceil(n / batch_size)``.
            epochs: index of the last epoch (Keras' meaning: with ``initial_epoch=3,
                epochs=5`` two epochs run, numbered 4 and 5).
            verbose: 0 silent, 1 progress bar (one line per epoch when not on a terminal),
                2 one line per epoch.
            callbacks: :mod:`mitbadak.callbacks` objects.
            validation_split: fraction of the data, taken from the *end* of ``x``/``y`` before
                any shuffling (as Keras does), held out for validation.
            validation_data: ``(x_val, y_val)`` or ``(x_val, y_val, sample_weight_val)``;
                overrides ``validation_split``.
            shuffle: new sample order each epoch.
            class_weight: ``{class: weight}``, multiplies each sample's loss (imbalanced data).
            sample_weight: one weight per sample; the batch loss is ``sum(w * l) / batch``.
            initial_epoch: epoch to start from (to resume a run, see ``ModelCheckpoint``).
            augment: ``augment(x_batch, rng) -> x_batch``, applied to training batches only.
            seed: seed of the generator that shuffles and feeds ``augment``; ``None`` draws it
                from the global generator, so ``mitbadak.set_seed(s)`` before building the model
                makes the whole run repeatable bit for bit.

        Returns:
            A :class:`~mitbadak.callbacks.History`: ``history.history[key]`` lists per epoch
            ``loss`` (with penalties), the metrics, ``reg_loss``, ``lr``, the ``val_`` values
            and ``gap`` = ``val_loss - loss``.

        Example: see the module docstring.
        """
        who = "fit"
        self._check_compiled(who)
        x, y = self._prepare_xy(x, y, who)
        batch_size, epochs, initial_epoch = int(batch_size), int(epochs), int(initial_epoch)
        if batch_size < 1:
            raise ConfigError(f"fit: batch_size must be >= 1, got {batch_size}")
        if epochs < 0:
            raise ConfigError(f"fit: epochs must be >= 0, got {epochs}")
        if not 0 <= initial_epoch:
            raise ConfigError(f"fit: initial_epoch must be >= 0, got {initial_epoch}")
        if augment is not None and not callable(augment):
            raise ConfigError("fit: augment must be a function (x_batch, rng) -> x_batch")
        sw = self._sample_weights(y, sample_weight, class_weight, who)

        val = None
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) not in (2, 3):
                raise ConfigError("fit: validation_data must be (x_val, y_val[, sample_weight])")
            xv, yv = self._prepare_xy(validation_data[0], validation_data[1], "validation_data")
            val = (xv, yv, validation_data[2] if len(validation_data) == 3 else None)
        elif validation_split:
            if not 0.0 < validation_split < 1.0:
                raise ConfigError(
                    f"fit: validation_split must be in (0, 1), got {validation_split}"
                )
            split = int(len(x) * (1.0 - validation_split))
            if split < 1 or split >= len(x):
                raise DataError(f"fit: validation_split={validation_split} leaves an empty part")
            val = (x[split:], y[split:], None if sw is None else sw[split:])
            x, y = x[:split], y[:split]
            sw = None if sw is None else sw[:split]

        if not self.built:
            self.build((1,) + tuple(x.shape[1:]))
        opt = self._ensure_optimizer()
        metrics = self._resolve_metrics(y[:1], self.predict_on_batch(x[:1]))
        _tune_malloc()

        # The generator that shuffles and augments: restored from a checkpoint when resuming.
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

        n = len(x)
        steps = math.ceil(n / batch_size)
        history = History()
        cbs = list(callbacks or [])
        if verbose:
            cbs.append(ProgressBar(verbose))
        cbs.append(history)
        params = {
            "epochs": epochs,
            "steps": steps,
            "verbose": verbose,
            "batch_size": batch_size,
            "samples": n,
        }
        cb = CallbackList(cbs, model=self, params=params)
        batch_cbs = bool(cb.batch_callbacks)
        loss_fn = self.loss
        has_reg = bool(self.regularization_losses())
        self.history = history
        self.stop_training = False
        cb.on_train_begin()
        logs: dict[str, Any] = {}
        for epoch in range(initial_epoch, epochs):
            for m in metrics:
                m.reset_state()
            cb.on_epoch_begin(epoch)
            order = rng.permutation(n) if shuffle else None
            loss_sum = reg_sum = 0.0
            seen = 0
            for step in range(steps):
                lo, hi = step * batch_size, min((step + 1) * batch_size, n)
                idx = order[lo:hi] if order is not None else slice(lo, hi)
                xb, yb = x[idx], y[idx]
                swb = sw[idx] if sw is not None else None
                if batch_cbs:
                    cb.on_train_batch_begin(step)
                if augment is not None:
                    xb = augment(xb, rng)
                out = self(xb, training=True)
                loss = loss_fn(yb, out) if swb is None else self._weighted_loss(yb, out, swb)
                total = loss
                if has_reg:
                    reg = self._regularization()
                    if reg is not None:
                        total = loss + reg
                        reg_sum += reg.item() * (hi - lo)
                if opt is not None:
                    opt.zero_grad()
                    total.backward()
                    opt.step()
                loss_sum += total.item() * (hi - lo)
                seen += hi - lo
                for m in metrics:
                    m.update_state(yb, out.data, swb)
                if batch_cbs:
                    blogs = {"loss": loss_sum / seen}
                    for m in metrics:
                        blogs[m.name] = m.result()
                    cb.on_train_batch_end(step, blogs)
                if self.stop_training:
                    break
            logs = {"loss": loss_sum / max(seen, 1)}
            for m in metrics:
                logs[m.name] = m.result()
            if has_reg:
                logs["reg_loss"] = reg_sum / max(seen, 1)
            if val is not None and not self.stop_training:
                vlogs = self.evaluate(
                    val[0],
                    val[1],
                    batch_size=batch_size,
                    sample_weight=val[2],
                    verbose=0,
                    return_dict=True,
                    _metrics=[copy.deepcopy(m) for m in metrics],
                )
                logs.update({f"val_{k}": v for k, v in vlogs.items()})
                logs["gap"] = logs["val_loss"] - logs["loss"]
            if opt is not None:
                logs["lr"] = float(opt.lr)
            self.epoch = epoch + 1
            cb.on_epoch_end(epoch, logs)
            if self.stop_training:
                break
        cb.on_train_end(logs)
        return history

    # ------------------------------------------------------------------------- evaluate
    def evaluate(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int = 32,
        verbose: int = 0,
        sample_weight: Any = None,
        return_dict: bool = False,
        callbacks: Iterable[Callback] | None = None,
        _metrics: list[_metrics.Metric] | None = None,
    ) -> float | list[float] | dict[str, float]:
        """Loss (with weight penalties, as in training) and metrics on ``x``/``y``, in eval
        mode and without building a graph.

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
        x, y = self._prepare_xy(x, y, who)
        if not self.built:
            self.build((1,) + tuple(x.shape[1:]))
        sw = self._sample_weights(y, sample_weight, None, who)
        batch_size = int(batch_size)
        if batch_size < 1:
            raise ConfigError(f"evaluate: batch_size must be >= 1, got {batch_size}")
        cb = CallbackList(list(callbacks or []), model=self, params={"verbose": verbose})
        cb.on_test_begin()
        loss_fn = self.loss
        loss_sum = 0.0
        n = len(x)
        metrics = _metrics
        for m in metrics or []:
            m.reset_state()
        with no_grad():
            for lo in range(0, n, batch_size):
                hi = min(lo + batch_size, n)
                xb, yb = x[lo:hi], y[lo:hi]
                swb = sw[lo:hi] if sw is not None else None
                out = self(xb, training=False)
                if metrics is None:
                    self._resolve_metrics(yb, out.data)
                    metrics = [copy.deepcopy(m) for m in self._metric_objs or []]
                    for m in metrics:
                        m.reset_state()
                loss = loss_fn(yb, out) if swb is None else self._weighted_loss(yb, out, swb)
                loss_sum += float(loss.item()) * (hi - lo)
                for m in metrics:
                    m.update_state(yb, out.data, swb)
            reg = self._regularization()
        result = {"loss": loss_sum / n + (float(reg.item()) if reg is not None else 0.0)}
        for m in metrics or []:
            result[m.name] = m.result()
        cb.on_test_end(result)
        if verbose:
            print(" - ".join(f"{k}: {v:.4f}" for k, v in result.items() if np.ndim(v) == 0))
        if return_dict:
            return result
        values = list(result.values())
        return values[0] if len(values) == 1 else values

    # -------------------------------------------------------------------------- predict
    def predict(self, x: Any, batch_size: int = 32, verbose: int = 0) -> np.ndarray:
        """Outputs for ``x``, batch by batch, in eval mode (dropout off, batch-norm running
        statistics) and under ``no_grad`` (no graph is built).

        Example:
            >>> from mitbadak.layers import Dense
            >>> Sequential([Dense(2)]).predict(np.ones((5, 3))).shape
            (5, 2)
        """
        x = self._prepare_x(x, "predict")
        batch_size = int(batch_size)
        if batch_size < 1:
            raise ConfigError(f"predict: batch_size must be >= 1, got {batch_size}")
        n = len(x)
        out: np.ndarray | None = None
        with no_grad():
            for lo in range(0, n, batch_size):
                hi = min(lo + batch_size, n)
                yb = self(x[lo:hi], training=False).data
                if out is None:
                    out = np.empty((n,) + yb.shape[1:], dtype=yb.dtype)
                out[lo:hi] = yb
        assert out is not None
        return out

    def predict_on_batch(self, x: Any) -> np.ndarray:
        """Outputs for one batch, in eval mode, without building a graph."""
        with no_grad():
            return self(x, training=False).data

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
        w1, w2 = max([len(r[0]) for r in rows] + [28]) + 2, 26
        sep = "_" * line_length
        lines = [
            f'Model: "{self.name}"',
            sep,
            f"{'Layer (type)':<{w1}}{'Output Shape':<{w2}}Param #",
            "=" * line_length,
        ]
        for i, (a, b, c) in enumerate(rows):
            lines.append(f"{a:<{w1}}{b:<{w2}}{c}")
            if i < len(rows) - 1:
                lines.append("")
        lines += [
            "=" * line_length,
            f"Total params: {total:,}",
            f"Trainable params: {trainable:,}",
            f"Non-trainable params: {total - trainable:,}",
            sep,
        ]
        if not self.built:
            lines.insert(-1, "(not built yet: call the model on data or fit it to see shapes)")
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
        for i, layer in enumerate(self._walk()):
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
            raise ConfigError(f"Sequential.add: expected a Layer, got {type(layer).__name__}")
        if any(existing.name == layer.name for existing in self.layers):
            raise ConfigError(f"Sequential.add: a layer named {layer.name!r} is already there")
        self.layers.append(layer)
        self.built = False if not layer.built else self.built

    def pop(self) -> Layer:
        """Remove and return the last layer."""
        if not self.layers:
            raise ConfigError("Sequential.pop: the model has no layers")
        return self.layers.pop()

    def sublayers(self) -> list[Layer]:
        return list(self.layers)

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """A layer by name or by position."""
        if index is not None:
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ConfigError(f"no layer named {name!r}; layers are {[la.name for la in self.layers]}")

    def __getitem__(self, key: int | str) -> Layer:
        return self.get_layer(name=key) if isinstance(key, str) else self.layers[key]

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self):
        return iter(self.layers)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        for layer in self.layers:
            x = layer(x, training=training)
        return x

    def __call__(self, x: Any, training: bool | None = None) -> Tensor:
        if not self.layers:
            raise ConfigError("Sequential: the model has no layers")
        x = self._to_tensor(x)
        # Only the rank is fixed here: sizes are checked by the layers that depend on them, so
        # a recurrent model accepts any sequence length and a conv net with global pooling any
        # image size.
        if self.input_shape is not None and x.ndim != len(self.input_shape):
            raise ShapeError(
                f"Sequential '{self.name}': expected input of shape "
                f"(batch, {', '.join(map(str, self.input_shape[1:]))}), got {x.shape}"
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
            raise ConfigError("Sequential config: 'layers' must be a list")
        return cls([layer_from_config(spec) for spec in layers], name=config.get("name"))

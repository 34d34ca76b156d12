"""Callbacks: small objects that ``Model.fit`` calls at fixed points of training (Keras' API).

A callback subclasses :class:`Callback` and overrides some hooks: ``on_train_begin/end``,
``on_epoch_begin/end(epoch, logs)``, ``on_train_batch_begin/end(batch, logs)``,
``on_test_begin/end``, ``on_test_batch_begin/end``, ``on_predict_begin/end``,
``on_predict_batch_begin/end``, each at Keras' moment: the test hooks in ``evaluate`` and in
the validation at the end of each ``fit`` epoch (before ``on_epoch_end``), the predict hooks in
``predict``. ``logs`` is always a dict (``{}`` when there is nothing to report). ``self.model`` is
the model being trained and ``self.params`` holds ``epochs``, ``steps`` (batches per epoch) and
``verbose``. Setting ``self.model.stop_training = True`` ends training after the current batch.

Counting follows Keras: ``epoch`` passed to hooks is 0-based (displayed from 1), ``batch`` is the
0-based index within the epoch, and ``steps = ceil(n / batch_size)``.

Epoch ``logs`` hold the epoch's averages over all its samples (``loss``, each metric,
``reg_loss`` — the part of ``loss`` that comes from weight penalties), the validation values
prefixed ``val_``, ``lr`` (the optimizer's learning rate) and ``gap`` (``val_loss - loss``, the
generalization gap) when there is validation data.

Example:
    >>> class PrintLoss(Callback):
    ...     def on_epoch_end(self, epoch, logs=None):
    ...         print(f"epoch {epoch + 1}: {logs['loss']:.3f}")
"""

from __future__ import annotations

import csv
import inspect
import math
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from . import validate
from .errors import ConfigError
from .messages import message

__all__ = [
    "CSVLogger",
    "Callback",
    "CallbackList",
    "EarlyStopping",
    "History",
    "LambdaCallback",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "ProgbarLogger",
    "ProgressBar",
    "ReduceLROnPlateau",
    "TerminateOnNaN",
]


class Callback:
    """Base class: every hook does nothing. Override the ones you need.

    Example:
        >>> class Stop(Callback):
        ...     def on_epoch_end(self, epoch, logs=None):
        ...         if logs["loss"] < 0.1:
        ...             self.model.stop_training = True
    """

    def __init__(self) -> None:
        self.model: Any = None
        self.params: dict[str, Any] = {}

    def set_model(self, model: Any) -> None:
        self.model = model

    def set_params(self, params: dict[str, Any]) -> None:
        self.params = params

    def uses_batch_hooks(self) -> bool:
        """Whether the per-batch hooks do anything (fit skips building batch logs otherwise)."""
        base = Callback
        return any(
            h in vars(self) or getattr(type(self), h) is not getattr(base, h)
            for h in ("on_train_batch_begin", "on_train_batch_end")
        )

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_train_end(self, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_train_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_test_begin(self, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_test_end(self, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_test_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_test_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_predict_begin(self, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_predict_end(self, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_predict_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        pass

    def on_predict_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        pass


class CallbackList:
    """Calls a hook on every callback in order (used by ``Model.fit``).

    Example:
        >>> cbs = CallbackList([History()]); cbs.on_train_begin()
    """

    def __init__(
        self, callbacks: Iterable[Callback] = (), model: Any = None, params: dict | None = None
    ) -> None:
        self.callbacks = list(callbacks)
        for cb in self.callbacks:
            if not isinstance(cb, Callback):
                raise ConfigError(key="error.callbacks.callback_objects", cb=cb)
            if model is not None:
                cb.set_model(model)
            if params is not None:
                cb.set_params(params)
        self.batch_callbacks = [cb for cb in self.callbacks if cb.uses_batch_hooks()]

    def _targets(self, hook: str) -> list[Callback]:
        """Who gets ``hook``: every callback, except that a per-batch hook goes only to those
        that use it (so that fit builds no batch logs for nobody)."""
        if "_batch_" not in hook:
            return self.callbacks
        if hook.startswith("on_train_batch"):
            return self.batch_callbacks
        return [
            cb
            for cb in self.callbacks
            if hook in vars(cb) or getattr(type(cb), hook, None) is not getattr(Callback, hook)
        ]

    def __getattr__(self, hook: str) -> Callable[..., None]:
        if not hook.startswith("on_") or not hasattr(Callback, hook):
            raise AttributeError(hook)
        targets = self._targets(hook)

        def call(*args: Any) -> None:
            for cb in targets:
                getattr(cb, hook)(*args)

        self.__dict__[hook] = call  # found directly from now on: no lookup per batch
        return call


class History(Callback):
    """Records the epoch logs: ``history.history["loss"]`` is the list of epoch losses,
    ``history.epoch`` the 0-based epoch numbers. ``fit`` returns one.

    ``history.history["gap"]`` is ``val_loss - loss`` per epoch (when there is validation data):
    a growing gap is the sign of over-fitting.

    Example:
        >>> h = History(); h.on_train_begin(); h.on_epoch_end(0, {"loss": 0.5})
        >>> h.history, h.epoch
        ({'loss': [0.5]}, [0])
    """

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self.epoch = getattr(self, "epoch", []) or []

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self.epoch.append(epoch)
        for k, v in (logs or {}).items():
            self.history.setdefault(k, []).append(v)


def _fmt_logs(logs: dict[str, Any], skip: tuple[str, ...] = ("lr", "gap")) -> str:
    parts = []
    for k, v in logs.items():
        if k in skip or not isinstance(v, (int, float, np.floating)):
            continue
        parts.append(f"{k}: {v:.4f}" if abs(v) >= 1e-3 or v == 0 else f"{k}: {v:.4e}")
    return " - ".join(parts)


def _fmt_time(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f}s"
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}" if m < 60 else f"{m // 60}:{m % 60:02d}:{s:02d}"


class ProgressBar(Callback):
    """Shows training progress (``fit(verbose=...)`` adds one).

    ``verbose=1``: on a terminal, a live bar per epoch (steps, elapsed, ETA, running loss and
    metrics; drawn by tqdm when installed — ``pip install mitbadak[progress]`` — else by a plain
    fallback); when output is not a terminal (logs, CI, notebooks capturing stdout), one line per
    epoch. ``verbose=2``: one line per epoch always. ``verbose=0``: silent. The values shown are
    averages over the samples seen so far in the epoch.

    Example:
        >>> bar = ProgressBar(verbose=2)   # one line per epoch
    """

    def __init__(self, verbose: int = 1, stream: Any = None, refresh: float = 0.1) -> None:
        validate.by_defaults(ProgressBar.__init__, locals(), type(self).__name__)
        super().__init__()
        self.verbose = int(verbose)
        self.stream = stream
        self.refresh = refresh
        self._live = False
        self._bar: Any = None

    def _out(self) -> Any:
        return self.stream if self.stream is not None else sys.stdout

    def uses_batch_hooks(self) -> bool:
        out = self._out()
        return self.verbose == 1 and bool(getattr(out, "isatty", lambda: False)())

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self._live = self.uses_batch_hooks()

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._t0 = self._last = time.perf_counter()
        self._epoch = epoch
        steps = self.params.get("steps")
        epochs = self.params.get("epochs")
        if self.verbose and self._live:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                tqdm = None
            desc = f"Epoch {epoch + 1}/{epochs}"
            if tqdm is not None:
                self._bar = tqdm(total=steps, desc=desc, file=self._out(), leave=True, unit="step")
            else:
                self._bar = None
                print(desc, file=self._out())

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        now = time.perf_counter()
        steps = self.params.get("steps") or 0
        if now - self._last < self.refresh and batch + 1 < steps:
            return
        self._last = now
        text = _fmt_logs(logs or {})
        if self._bar is not None:
            self._bar.n = batch + 1
            self._bar.set_postfix_str(text, refresh=False)
            self._bar.refresh()
        else:
            elapsed = now - self._t0
            eta = elapsed / (batch + 1) * (steps - batch - 1)
            width = 30
            done = int(width * (batch + 1) / max(steps, 1))
            bar = "=" * max(done - 1, 0) + (">" if done < width else "=") + "." * (width - done)
            self._out().write(
                f"\r{batch + 1}/{steps} [{bar}] {_fmt_time(elapsed)} ETA {_fmt_time(eta)} - {text}"
            )
            self._out().flush()

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        if not self.verbose:
            return
        elapsed = time.perf_counter() - self._t0
        steps = self.params.get("steps") or "?"  # "?" for a source of unknown length
        text = _fmt_logs(logs or {})
        if self._live and self._bar is not None:
            self._bar.set_postfix_str(text, refresh=False)
            self._bar.close()
            self._bar = None
            return
        line = f"{steps}/{steps} - {_fmt_time(elapsed)} - {text}"
        if self._live:
            self._out().write(f"\r{line}\n")
        else:
            epochs = self.params.get("epochs")
            self._out().write(f"Epoch {epoch + 1}/{epochs} - {line}\n")
        self._out().flush()

    def on_train_end(self, logs: dict[str, Any] | None = None) -> None:
        if self._bar is not None:  # training stopped mid-epoch
            self._bar.close()
            self._bar = None


ProgbarLogger = ProgressBar  # Keras' name


def _monitor_op(mode: str, monitor: str, who: str) -> tuple[Callable[[float, float], bool], int]:
    """(better(a, b), sign): ``sign`` is +1 when larger is better."""
    if mode not in ("auto", "min", "max"):
        raise ConfigError(key="error.callbacks.mode_auto_min", who=who, mode=mode)
    if mode == "auto":
        m = monitor.lower()
        mode = (
            "max"
            if ("acc" in m or m.endswith(("precision", "recall", "f1", "f1_score")))
            else "min"
        )
    if mode == "max":
        return (lambda a, b: a > b), 1
    return (lambda a, b: a < b), -1


class EarlyStopping(Callback):
    """Stop training when a monitored value has stopped improving.

    Args:
        monitor: a key of the epoch logs (``"val_loss"``, ``"val_accuracy"``...).
        min_delta: a change smaller than this is not an improvement.
        patience: epochs without improvement before stopping.
        mode: ``"min"``, ``"max"``, or ``"auto"`` (max for accuracies, min otherwise).
        baseline: training stops if the value does not beat this within ``patience`` epochs.
        restore_best_weights: put back the weights of the best epoch at the end of training,
            whether training stopped early or ran all its epochs.
        start_from_epoch: epochs to wait before watching (warm-up).

    After training, ``stopped_epoch`` is the 0-based epoch at which training stopped (0 if it did
    not) and ``best_epoch`` the 0-based epoch of the best value.

    Example:
        >>> stop = EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
    """

    def __init__(
        self,
        monitor: str = "val_loss",
        min_delta: float = 0.0,
        patience: int = 0,
        verbose: int = 0,
        mode: str = "auto",
        baseline: float | None = None,
        restore_best_weights: bool = False,
        start_from_epoch: int = 0,
    ) -> None:
        validate.by_defaults(EarlyStopping.__init__, locals(), type(self).__name__)
        super().__init__()
        self.monitor, self.patience, self.verbose = monitor, int(patience), verbose
        self.baseline, self.restore_best_weights = baseline, restore_best_weights
        self.start_from_epoch = int(start_from_epoch)
        self._better, self._sign = _monitor_op(mode, monitor, "EarlyStopping")
        self.min_delta = abs(min_delta) * self._sign

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self.wait = 0
        self.stopped_epoch = 0
        worst = -math.inf if self._sign > 0 else math.inf
        self.best = self.baseline if self.baseline is not None else worst
        self.best_weights: list[np.ndarray] | None = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        current = (logs or {}).get(self.monitor)
        if current is None:
            warnings.warn(
                message(
                    "warning.callbacks.early_stopping_monitor",
                    monitor=self.monitor,
                    available=sorted(logs or {}),
                ),
                stacklevel=2,
            )
            return
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()  # something to restore even if no gain
            self.best_epoch = epoch
        self.wait += 1
        if self._better(current - self.min_delta, self.best):
            self.best, self.best_epoch, self.wait = current, epoch, 0
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs: dict[str, Any] | None = None) -> None:
        if self.stopped_epoch > 0 and self.verbose:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose:
                print(f"Restoring the weights of epoch {self.best_epoch + 1}, the best one.")
            self.model.set_weights(self.best_weights)


def _call_schedule(schedule: Any, epoch: int, lr: float) -> float:
    """``schedule(epoch, lr)`` (Keras) or ``schedule(epoch)`` (mitbadak.schedules objects)."""
    try:
        sig = inspect.signature(schedule)
        n = sum(
            1
            for p in sig.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            and p.default is inspect.Parameter.empty
        )
        if n == 0 and any(p.kind == p.VAR_POSITIONAL for p in sig.parameters.values()):
            n = 2
    except (TypeError, ValueError):
        n = 2
    out = schedule(epoch, lr) if n >= 2 else schedule(epoch)
    return validate.returned(out, "schedule", "LearningRateScheduler", "number", min=0)


class LearningRateScheduler(Callback):
    """Set the learning rate at the start of each epoch from ``schedule(epoch, lr) -> lr``
    (Keras' signature, epoch 0-based) or from a :mod:`mitbadak.schedules` object (called with
    the epoch number, so its ``step`` counts epochs).

    Example:
        >>> halve = LearningRateScheduler(lambda epoch, lr: lr * 0.5 if epoch > 0 else lr)
    """

    def __init__(self, schedule: Callable[..., float], verbose: int = 0) -> None:
        super().__init__()
        if not callable(schedule):
            raise ConfigError(key="error.callbacks.schedule_callable", schedule=schedule)
        self.schedule, self.verbose = schedule, verbose

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        opt = self.model.optimizer
        lr = _call_schedule(self.schedule, epoch, opt.lr)
        if not (isinstance(lr, float) and math.isfinite(lr) and lr >= 0):
            raise ConfigError(key="error.callbacks.schedule_returned_epoch", lr=lr, epoch=epoch)
        opt.lr = lr
        if self.verbose:
            print(f"Epoch {epoch + 1}: learning rate {lr:.6g}")


class ReduceLROnPlateau(Callback):
    """Multiply the learning rate by ``factor`` when ``monitor`` has not improved for
    ``patience`` epochs; then wait ``cooldown`` epochs; never go below ``min_lr``.

    Example:
        >>> plateau = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2, min_lr=1e-5)
    """

    def __init__(
        self,
        monitor: str = "val_loss",
        factor: float = 0.1,
        patience: int = 10,
        verbose: int = 0,
        mode: str = "auto",
        min_delta: float = 1e-4,
        cooldown: int = 0,
        min_lr: float = 0.0,
    ) -> None:
        validate.by_defaults(ReduceLROnPlateau.__init__, locals(), type(self).__name__)
        super().__init__()
        if not 0.0 < factor < 1.0:
            raise ConfigError(key="error.callbacks.factor", factor=factor)
        self.monitor, self.factor, self.patience, self.verbose = monitor, factor, patience, verbose
        self.min_delta, self.cooldown, self.min_lr = abs(min_delta), cooldown, min_lr
        self._better, self._sign = _monitor_op(mode, monitor, "ReduceLROnPlateau")

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self.wait = 0
        self.cooldown_counter = 0
        self.best = -math.inf if self._sign > 0 else math.inf

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        logs = logs if logs is not None else {}
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(
                message(
                    "warning.callbacks.reduce_lr_monitor",
                    monitor=self.monitor,
                    available=sorted(logs),
                ),
                stacklevel=2,
            )
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self._better(current - self._sign * self.min_delta, self.best):
            self.best, self.wait = current, 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                opt = self.model.optimizer
                old = opt.lr
                if old > self.min_lr:
                    opt.lr = max(old * self.factor, self.min_lr)
                    if self.verbose:
                        print(f"Epoch {epoch + 1}: ReduceLROnPlateau lr {old:.6g} -> {opt.lr:.6g}")
                    self.cooldown_counter = self.cooldown
                    self.wait = 0
        logs["lr"] = self.model.optimizer.lr


class _Formatter(dict):
    def __missing__(self, key: str) -> str:
        raise ConfigError(key="error.callbacks.filepath_names_which", option=key)


class ModelCheckpoint(Callback):
    """Save the model (or only its weights) at the end of epochs.

    Args:
        filepath: where to save; may contain ``{epoch}`` (1-based, Keras-style, e.g.
            ``"ckpt-{epoch:02d}.npz"``) and any log key (``{val_loss:.3f}``).
        monitor, mode, save_best_only: save only when ``monitor`` improves.
        save_weights_only: weights only (``model.load_weights``); otherwise the whole model
            with its compile config, optimizer state, the epoch reached and every random
            generator's state (global, fit's shuffling/augmentation generator, dropout
            layers'), so ``load_model(path)`` then ``fit(..., initial_epoch=model.epoch)``
            continues exactly as if never interrupted.

    Each save is atomic (temporary file then rename): a crash never leaves half a checkpoint.

    Example:
        >>> ckpt = ModelCheckpoint("ckpt-{epoch:02d}.npz", monitor="val_loss", save_best_only=True)
    """

    def __init__(
        self,
        filepath: str | os.PathLike[str],
        monitor: str = "val_loss",
        verbose: int = 0,
        save_best_only: bool = False,
        save_weights_only: bool = False,
        mode: str = "auto",
        save_freq: str | int = "epoch",
    ) -> None:
        validate.by_defaults(ModelCheckpoint.__init__, locals(), type(self).__name__)
        super().__init__()
        if save_freq != "epoch":
            raise ConfigError(key="error.callbacks.only_save_freq_epoch")
        self.filepath = os.fspath(filepath)
        self.monitor, self.verbose = monitor, verbose
        self.save_best_only, self.save_weights_only = save_best_only, save_weights_only
        self._better, sign = _monitor_op(mode, monitor, "ModelCheckpoint")
        self.best = -math.inf if sign > 0 else math.inf

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        logs = logs or {}
        if self.save_best_only:
            current = logs.get(self.monitor)
            if current is None:
                warnings.warn(
                    message("warning.callbacks.checkpoint_monitor", monitor=self.monitor),
                    stacklevel=2,
                )
            elif not self._better(current, self.best):
                return
            else:
                self.best = current
        path = self.filepath.format_map(_Formatter(logs, epoch=epoch + 1))
        if self.save_weights_only:
            self.model.save_weights(path)
        else:
            self.model.save(path, include_optimizer=True, training_state=epoch + 1)
        if self.verbose:
            print(f"Epoch {epoch + 1}: saved to {path}")


class TerminateOnNaN(Callback):
    """Stop training as soon as a batch loss is NaN or infinite.

    Example:
        >>> guard = TerminateOnNaN()
    """

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(loss):
            print(f"Batch {batch}: invalid loss {loss}, terminating training")
            self.model.stop_training = True


class CSVLogger(Callback):
    """Append one CSV row per epoch (``epoch`` 0-based, then the log keys, sorted).

    Each row is written with one ``write`` and flushed, so a crash loses at most the current
    epoch's row. ``append=True`` continues an existing file (e.g. when resuming) without
    repeating the header.

    Example:
        >>> log = CSVLogger("training.csv", append=True)
    """

    def __init__(
        self, filename: str | os.PathLike[str], separator: str = ",", append: bool = False
    ):
        super().__init__()
        self.filename, self.sep, self.append = Path(filename), separator, append
        self.keys: list[str] | None = None
        self._file: Any = None

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        has_header = self.append and self.filename.is_file() and self.filename.stat().st_size > 0
        self.keys = None
        if has_header:
            with open(self.filename, newline="") as f:
                first = f.readline().strip()
            self.keys = first.split(self.sep)[1:] if first else None
        self.filename.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.filename, "a" if self.append else "w", newline="")  # noqa: SIM115

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        logs = logs or {}
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=self.sep, lineterminator="\n")
        if self.keys is None:
            self.keys = sorted(logs)
            writer.writerow(["epoch", *self.keys])
        writer.writerow([epoch, *(logs.get(k, "") for k in self.keys)])
        self._file.write(buf.getvalue())
        self._file.flush()

    def on_train_end(self, logs: dict[str, Any] | None = None) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class LambdaCallback(Callback):
    """A callback from plain functions: ``on_epoch_begin(epoch, logs)``,
    ``on_epoch_end(epoch, logs)``, ``on_batch_begin(batch, logs)``, ``on_batch_end(batch,
    logs)``, ``on_train_begin(logs)``, ``on_train_end(logs)``.

    Example:
        >>> cb = LambdaCallback(on_epoch_end=lambda epoch, logs: print(epoch, logs["loss"]))
    """

    def __init__(
        self,
        on_epoch_begin: Callable[[int, dict], None] | None = None,
        on_epoch_end: Callable[[int, dict], None] | None = None,
        on_batch_begin: Callable[[int, dict], None] | None = None,
        on_batch_end: Callable[[int, dict], None] | None = None,
        on_train_begin: Callable[[dict], None] | None = None,
        on_train_end: Callable[[dict], None] | None = None,
    ) -> None:
        super().__init__()
        self._fns = {
            "on_epoch_begin": on_epoch_begin,
            "on_epoch_end": on_epoch_end,
            "on_train_batch_begin": on_batch_begin,
            "on_train_batch_end": on_batch_end,
            "on_train_begin": on_train_begin,
            "on_train_end": on_train_end,
        }

    def uses_batch_hooks(self) -> bool:
        return bool(self._fns["on_train_batch_begin"] or self._fns["on_train_batch_end"])

    def on_epoch_begin(self, epoch, logs=None):
        if self._fns["on_epoch_begin"]:
            self._fns["on_epoch_begin"](epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self._fns["on_epoch_end"]:
            self._fns["on_epoch_end"](epoch, logs)

    def on_train_batch_begin(self, batch, logs=None):
        if self._fns["on_train_batch_begin"]:
            self._fns["on_train_batch_begin"](batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        if self._fns["on_train_batch_end"]:
            self._fns["on_train_batch_end"](batch, logs)

    def on_train_begin(self, logs=None):
        if self._fns["on_train_begin"]:
            self._fns["on_train_begin"](logs)

    def on_train_end(self, logs=None):
        if self._fns["on_train_end"]:
            self._fns["on_train_end"](logs)


def __getattr__(name: str) -> Any:
    """``callbacks.Doctor`` (issue 16: the doctor is a callback too), imported on first use so
    that ``import mitbadak`` does not load the doctor (issue 15).

    Example:
        >>> from mitbadak.callbacks import Doctor
        >>> Doctor.__name__
        'Doctor'
    """
    if name == "Doctor":
        from .doctor import Doctor

        return Doctor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

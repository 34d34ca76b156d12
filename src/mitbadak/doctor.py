"""The doctor: a callback that watches a training run and names what is wrong, and the fix.

``Doctor()`` is passed to ``fit(callbacks=[doctor])``. On a few sampled batches per epoch it
registers forward hooks on the layers (activation statistics), reads every kernel's gradient
after the step (``.grad`` is still there at ``on_train_batch_end``) and compares the kernels
before and after the step (update-to-weight ratios). At each epoch end it applies a few rules
and records :class:`Finding` objects in ``doctor.findings``; each is printed once, when it
first appears. Codes:

| code | what it means |
|---|---|
| ``nan`` | the loss is not finite any more |
| ``diverging`` | the loss grows instead of falling |
| ``not_learning`` | the loss is flat (the likely cause is named) |
| ``dead_relu`` | many ReLU units are never active on the sample |
| ``vanishing_gradients`` | the first layers' gradients are orders of magnitude smaller |
| ``exploding_gradients`` | ... orders of magnitude larger than the last layer's |
| ``saturated`` | sigmoid / tanh units stuck near their limits |
| ``overfitting`` | the validation loss rises while the training loss falls |
| ``underfitting`` | after several epochs the training loss is still high |
| ``loss_mismatch`` | the output activation does not fit the loss |
| ``unscaled_inputs`` | inputs far from zero mean / unit scale |
| ``class_imbalance`` | some classes are much rarer than others (:meth:`Doctor.check`) |

``fit`` does not show the data to callbacks, so the checks that need the labels run through
:meth:`Doctor.check` (``mitbadak train --doctor`` calls it); the model checks also run by
themselves at ``on_train_begin``, the input checks on the first sampled batch.

Example:
    >>> import numpy as np, mitbadak as mb
    >>> from mitbadak.layers import Dense
    >>> mb.set_seed(0)
    >>> model = mb.Sequential([Dense(8, activation="relu"), Dense(3, activation="softmax")])
    >>> model.compile("sgd", "mse")
    >>> doctor = Doctor(verbose=0)
    >>> x = np.random.default_rng(0).normal(size=(64, 4)).astype("float32")
    >>> _ = model.fit(x, np.eye(3)[np.arange(64) % 3], epochs=1, verbose=0, callbacks=[doctor])
    >>> [f.code for f in doctor.findings]
    ['loss_mismatch']
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from . import activations, losses, validate
from .callbacks import Callback
from .errors import ConfigError
from .messages import current_lang, message

__all__ = ["CODES", "Doctor", "Finding"]

CODES = (
    "nan",
    "diverging",
    "not_learning",
    "dead_relu",
    "vanishing_gradients",
    "exploding_gradients",
    "saturated",
    "overfitting",
    "underfitting",
    "loss_mismatch",
    "unscaled_inputs",
    "class_imbalance",
)

LANGUAGES = ("en", "ko")


@dataclass
class Finding:
    """One diagnosis: what is wrong (``message``), the change to make (``fix``), when.

    Attributes:
        code: one of :data:`CODES` (``"dead_relu"``...).
        message: plain words: what is happening and why.
        fix: the concrete change, with a value where one can be given.
        epoch: the 0-based epoch it was found in (as callbacks count; printed from 1).
        layers: names of the layers concerned (may be empty).
        values: the measured numbers behind it (JSON-able).

    Example:
        >>> f = Finding("nan", "The loss is nan.", "Use lr=0.01.", 2)
        >>> str(f)
        '[nan] epoch 3: The loss is nan. Fix: Use lr=0.01.'
    """

    code: str
    message: str
    fix: str
    epoch: int
    layers: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"[{self.code}] epoch {self.epoch + 1}: {self.message} Fix: {self.fix}"

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON-able dict.

        Example:
            >>> Finding("nan", "m", "f", 0).to_dict()["code"]
            'nan'
        """
        return asdict(self)


# ------------------------------------------------------------------------ model anatomy
def leaf_layers(model: Any) -> list[Any]:
    """The layers of ``model`` that have no sub-layers, depth first in assignment order.

    Example:
        >>> from mitbadak.layers import Dense
        >>> import mitbadak as mb
        >>> [type(l).__name__ for l in leaf_layers(mb.Sequential([Dense(2), Dense(1)]))]
        ['Dense', 'Dense']
    """
    out = []
    stack = [model]
    while stack:
        layer = stack.pop()
        subs = layer.sublayers() if hasattr(layer, "sublayers") else []
        if subs:
            stack.extend(reversed(subs))
        elif layer is not model:
            out.append(layer)
    return out


_NAMED = ("relu", "sigmoid", "tanh", "softmax", "linear")


def activation_name(layer: Any) -> str | None:
    """``"relu"``, ``"sigmoid"``, ``"tanh"``, ``"softmax"`` or ``"linear"`` for a layer whose
    ``activation`` is one of those, else ``None``.

    Example:
        >>> from mitbadak.layers import Dense
        >>> activation_name(Dense(3, activation="tanh"))
        'tanh'
    """
    fn = getattr(layer, "activation", None)
    if fn is None:
        return None
    for name in _NAMED:
        if fn is activations.get(name):
            return name
    return None


def _kernel(layer: Any) -> Any:
    """The first trainable weight with two or more axes (a Dense / Conv kernel), or None."""
    for w in getattr(layer, "trainable_weights", []):
        if w.ndim >= 2:
            return w
    return None


def _rms(a: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(a, dtype=np.float64)))) if a.size else 0.0


def _fmt_lr(lr: float) -> str:
    return f"{lr:.2g}"


# ---------------------------------------------------------------------------- the doctor
class Doctor(Callback):
    """Watches ``fit`` and records :class:`Finding` objects in :attr:`findings`.

    Args:
        verbose: 0 silent, 1 print each finding once when it first appears.
        sample_batches: batches per epoch on which activations, gradients and updates are
            measured (evenly spaced); the other batches cost one ``isfinite`` check.
        lang: language of the messages, ``"en"`` or ``"ko"`` (``None``: ``$MITBADAK_LANG``,
            else English).
        patience: epochs the validation loss must rise (overfitting) before it is reported.
        on_finding: optional function called with each new finding (e.g. to show it live).

    Example:
        >>> doctor = Doctor(verbose=0, sample_batches=2)
        >>> doctor.findings
        []
    """

    def __init__(
        self,
        verbose: int = 1,
        sample_batches: int = 4,
        lang: str | None = "en",
        patience: int = 3,
        on_finding: Callable[[Finding], Any] | None = None,
    ) -> None:
        validate.by_defaults(Doctor.__init__, locals(), type(self).__name__)
        super().__init__()
        if lang is None:
            lang = current_lang()
        if lang not in LANGUAGES:
            raise ConfigError(key="error.doctor.lang", choices=LANGUAGES, lang=lang)
        if int(sample_batches) < 1:
            raise ConfigError(
                key="error.doctor.at_least_one", name="sample_batches", value=sample_batches
            )
        if int(patience) < 1:
            raise ConfigError(key="error.doctor.at_least_one", name="patience", value=patience)
        if on_finding is not None and not callable(on_finding):
            raise ConfigError(key="error.doctor.on_finding")
        self.verbose = int(verbose)
        self.sample_batches = int(sample_batches)
        self.lang = lang
        self.patience = int(patience)
        self.on_finding = on_finding
        self.findings: list[Finding] = []
        self._reset()

    # ------------------------------------------------------------------------- results
    @property
    def codes(self) -> list[str]:
        """The codes found so far, in order.

        Example:
            >>> Doctor(verbose=0).codes
            []
        """
        return [f.code for f in self.findings]

    def has(self, code: str) -> bool:
        """Whether a finding of ``code`` was made.

        Example:
            >>> Doctor(verbose=0).has("nan")
            False
        """
        return code in self.codes

    def summary(self) -> str:
        """All findings as text (``"no problems found"`` when there are none).

        Example:
            >>> Doctor(verbose=0).summary()
            'doctor: no problems found'
        """
        if not self.findings:
            return message("doctor.none", self.lang)
        return "\n".join(_render(f, self.lang) for f in self.findings)

    def _m(self, key: str, **values: Any) -> str:
        """Message ``doctor.<key>`` of mitbadak.messages in the doctor's language."""
        return message(f"doctor.{key}", self.lang, **values)

    def _add(
        self,
        code: str,
        message: str,
        fix: str,
        epoch: int,
        layers: list[str] | None = None,
        values: dict[str, Any] | None = None,
    ) -> Finding | None:
        if code in self.codes:
            return None
        f = Finding(code, message, fix, int(epoch), list(layers or []), dict(values or {}))
        self.findings.append(f)
        if self.verbose > 0:
            print(_render(f, self.lang), flush=True)
        if self.on_finding is not None:
            self.on_finding(f)
        return f

    # ------------------------------------------------------------------ state per run
    def _reset(self) -> None:
        self._epoch = 0
        self._first_loss: float | None = None
        self._losses: list[float] = []
        self._val_losses: list[float] = []
        self._accs: list[float] = []
        self._val_accs: list[float] = []
        self._sample: set[int] = set()
        self._handles: list[Any] = []
        self._before: list[tuple[Any, Any, np.ndarray]] = []
        self._order: list[Any] = []  # layers with a kernel, in forward-call order
        self._grad_rms: list[dict[int, float]] = []
        self._ratios: list[float] = []
        self._relu: dict[int, tuple[Any, np.ndarray]] = {}
        self._sat: dict[int, list[Any]] = {}
        self._inputs_checked = False
        self._outputs_checked = False
        self._broken = False  # after nan, the other rules say nothing useful

    def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
        self._reset()
        self.check(self.model)

    # --------------------------------------------------------------- setup checks
    def check(self, model: Any, x: Any = None, y: Any = None, epoch: int = 0) -> list[Finding]:
        """Check a model and data before training: ``loss_mismatch`` (output activation vs the
        compiled loss), ``unscaled_inputs`` (``x``) and ``class_imbalance`` (``y``). Returns the
        new findings (also added to :attr:`findings`).

        Example:
            >>> import numpy as np, mitbadak as mb
            >>> from mitbadak.layers import Dense
            >>> m = mb.Sequential([Dense(2)]); m.compile("sgd", "mse")
            >>> [f.code for f in Doctor(verbose=0).check(m, np.full((8, 3), 300.0))]
            ['unscaled_inputs']
        """
        before = len(self.findings)
        if model is not None:
            self._check_loss_pair(model, epoch)
        if x is not None:
            self._check_inputs(np.asarray(x), epoch)
        if y is not None:
            self._check_classes(np.asarray(y), epoch)
        return self.findings[before:]

    def _check_loss_pair(self, model: Any, epoch: int) -> None:
        loss = getattr(model, "loss", None)
        leaves = leaf_layers(model)
        last = None
        for layer in reversed(leaves):
            if getattr(layer, "activation", None) is not None or _kernel(layer) is not None:
                last = layer
                break
        act = activation_name(last) if last is not None else None
        if loss is None or act is None:
            return
        name = type(loss).__name__
        regression = isinstance(
            loss, (losses.MeanSquaredError, losses.MeanAbsoluteError, losses.Huber)
        )
        multi = isinstance(
            loss, (losses.CategoricalCrossentropy, losses.SparseCategoricalCrossentropy)
        )
        from_logits = getattr(loss, "from_logits", None)
        vals = {"output_activation": act, "loss": name}
        ce_fix = self._m("ce_fix", units=getattr(last, "units", "K"))
        if act == "softmax" and regression:
            self._add(
                "loss_mismatch",
                self._m("softmax_regression", name=name),
                self._m("softmax_regression_fix", ce_fix=ce_fix),
                epoch,
                [last.name],
                vals,
            )
        elif act in ("softmax", "sigmoid") and from_logits is True:
            self._add(
                "loss_mismatch",
                self._m("double_activation", act=act, name=name),
                self._m("double_activation_fix", act=act, layer=last.name),
                epoch,
                [last.name],
                vals,
            )
        elif act == "sigmoid" and multi:
            self._add(
                "loss_mismatch",
                self._m("sigmoid_multiclass", name=name),
                self._m("sigmoid_multiclass_fix", ce_fix=ce_fix),
                epoch,
                [last.name],
                vals,
            )
        elif act == "linear" and from_logits is False and (multi or _is_binary_ce(loss)):
            self._add(
                "loss_mismatch",
                self._m("raw_scores", layer=last.name, name=name),
                self._m("raw_scores_fix", name=name),
                epoch,
                [last.name],
                vals,
            )

    def _check_outputs(self, out: np.ndarray) -> None:
        """Probabilities given to a from-logits loss (a model whose last layer we cannot see)."""
        loss = getattr(self.model, "loss", None)
        if getattr(loss, "from_logits", None) is not True or out.ndim != 2 or out.shape[1] < 2:
            return
        if out.min() >= 0 and out.max() <= 1 and np.allclose(out.sum(axis=1), 1.0, atol=1e-3):
            self._add(
                "loss_mismatch",
                self._m("probabilities_from_logits", name=type(loss).__name__),
                self._m("probabilities_from_logits_fix"),
                self._epoch,
                values={"loss": type(loss).__name__},
            )

    def _check_inputs(self, x: np.ndarray, epoch: int) -> None:
        if x.dtype.kind not in "biuf" or x.size == 0:
            return
        xf = x.astype(np.float64, copy=False)
        mean, std, peak = float(xf.mean()), float(xf.std()), float(np.abs(xf).max())
        vals = {"mean": mean, "std": std, "max_abs": peak}
        why = None
        if peak > 20 or abs(mean) > 5 or std > 5:
            why = self._m("large_inputs", mean=mean, std=std, peak=peak)
            if 100 < peak <= 255 and x.min() >= 0:
                fix = self._m("pixels_fix")
            else:
                fix = self._m("standardize_fix", mean=mean, std=std)
        elif 0 < std < 1e-2 and peak < 1e-1:
            why = self._m("tiny_inputs", std=std)
            fix = self._m("standardize_tiny_fix", mean=mean, std=std)
        elif x.ndim == 2 and x.shape[1] > 1:
            s = xf.std(axis=0)
            s = s[s > 0]
            if s.size > 1 and s.max() > 1 and s.max() > 100 * float(np.median(s)):
                ratio = float(s.max() / np.median(s))
                vals["feature_std_ratio"] = ratio
                why = self._m("feature_scales", ratio=ratio)
                fix = self._m("feature_scales_fix")
        if why is not None:
            self._add("unscaled_inputs", why, fix, epoch, values=vals)

    def _check_classes(self, y: np.ndarray, epoch: int) -> None:
        if y.ndim == 2 and y.shape[1] > 1:
            labels = y.argmax(axis=1)
            k = y.shape[1]
        elif y.ndim == 1 and y.dtype.kind in "biu" and y.size:
            labels = y.astype(np.int64)
            if labels.min() < 0:
                return
            k = int(labels.max()) + 1
        else:
            return
        if k < 2:
            return
        counts = np.bincount(labels, minlength=k)
        present = counts[counts > 0]
        if len(present) < 2:
            return
        ratio = float(present.max() / present.min())
        if ratio < 5:
            return
        weights = {
            int(c): round(float(len(labels) / (k * n)), 3) for c, n in enumerate(counts) if n
        }
        rare = [int(c) for c in np.argsort(counts)[:3] if counts[c] > 0]
        self._add(
            "class_imbalance",
            self._m("class_imbalance", ratio=ratio, rare=", ".join(map(str, rare))),
            self._m("class_imbalance_fix", weights=weights),
            epoch,
            values={"counts": counts.tolist(), "ratio": ratio},
        )

    # -------------------------------------------------------------------- batches
    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._epoch = epoch
        steps = int(self.params.get("steps") or 1)
        k = min(self.sample_batches, steps)
        self._sample = {int(round(s)) for s in np.linspace(0, steps - 1, k)}
        self._grad_rms, self._ratios = [], []
        self._relu, self._sat = {}, {}

    def on_train_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if batch not in self._sample or self._broken:
            return
        model = self.model
        self._handles.append(model.register_forward_hook(self._model_hook))
        record_order = not self._order
        for layer in leaf_layers(model):
            act = activation_name(layer)
            kernel = _kernel(layer)
            if act is None and kernel is None:
                continue
            self._handles.append(layer.register_forward_hook(self._layer_hook(act, record_order)))
            if kernel is not None:
                self._before.append((layer, kernel, kernel.data.copy()))

    def _model_hook(self, layer: Any, inputs: tuple, output: Any) -> None:
        x, out = _array(inputs[0] if inputs else None), _array(output)
        if not self._inputs_checked and x is not None:
            self._inputs_checked = True
            self._check_inputs(x, self._epoch)
        if not self._outputs_checked and out is not None:
            self._outputs_checked = True
            self._check_outputs(out)

    def _layer_hook(self, act: str | None, record_order: bool) -> Callable[..., None]:
        def hook(layer: Any, inputs: tuple, output: Any) -> None:
            if record_order and _kernel(layer) is not None and layer not in self._order:
                self._order.append(layer)
            y = _array(output)
            if y is None:  # e.g. a recurrent layer returning (outputs, states)
                return
            if act == "relu":
                axes = (0,) if y.ndim == 2 else tuple(i for i in range(y.ndim) if i != 1)
                active = (y > 0).any(axis=axes)
                prev = self._relu.get(id(layer))
                self._relu[id(layer)] = (layer, active if prev is None else prev[1] | active)
            elif act in ("sigmoid", "tanh"):
                lo, hi = (0.02, 0.98) if act == "sigmoid" else (-0.96, 0.96)
                n_sat = int(np.count_nonzero((y < lo) | (y > hi)))
                entry = self._sat.setdefault(id(layer), [layer, act, 0, 0])
                entry[2] += n_sat
                entry[3] += y.size

        return hook

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        loss = float((logs or {}).get("loss", 0.0))
        if self._first_loss is None and batch == 0:
            self._first_loss = loss
        if not math.isfinite(loss) and not self._broken:
            self._nan(batch, loss)
        if not self._handles and not self._before:
            return
        for h in self._handles:
            h.remove()
        self._handles = []
        rms: dict[int, float] = {}
        for layer, kernel, old in self._before:
            if kernel.grad is not None:
                rms[id(layer)] = _rms(kernel.grad)
            wnorm = float(np.linalg.norm(old))
            if wnorm > 0:
                self._ratios.append(float(np.linalg.norm(kernel.data - old)) / wnorm)
        self._before = []
        if rms:
            self._grad_rms.append(rms)

    # ---------------------------------------------------------------------- rules
    def _lr(self) -> float | None:
        opt = getattr(self.model, "optimizer", None)
        try:
            return float(opt.lr) if opt is not None else None
        except (TypeError, ValueError, AttributeError):
            return None

    def _nan(self, batch: int, loss: float) -> None:
        self._broken = True
        lr = self._lr()
        lr_text = f" ({_fmt_lr(lr)})" if lr else ""
        fix = self._m("lower_lr_to", lr=_fmt_lr(lr / 10)) if lr else self._m("lower_lr")
        self._add(
            "nan",
            self._m("nan", loss=loss, batch=batch + 1, lr_text=lr_text),
            self._m("nan_fix", fix=fix),
            self._epoch,
            values={"loss": loss, "batch": batch, "lr": lr},
        )

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        logs = logs or {}
        loss = float(logs.get("loss", float("nan")))
        self._losses.append(loss)
        if "val_loss" in logs:
            self._val_losses.append(float(logs["val_loss"]))
        for key, store in (("accuracy", self._accs), ("val_accuracy", self._val_accs)):
            if key in logs:
                store.append(float(logs[key]))
        if not math.isfinite(loss) and not self._broken:
            self._nan(int(self.params.get("steps") or 1) - 1, loss)
        if self._broken:
            return
        self._rule_dead_relu(epoch)
        self._rule_saturated(epoch)
        self._rule_gradients(epoch)
        self._rule_diverging(epoch)
        self._rule_not_learning(epoch)
        self._rule_overfitting(epoch)

    def on_train_end(self, logs: dict[str, Any] | None = None) -> None:
        for h in self._handles:
            h.remove()
        self._handles, self._before = [], []
        if not self._broken:
            self._rule_underfitting()

    def _dead_fractions(self) -> dict[str, float]:
        return {layer.name: float(1.0 - active.mean()) for layer, active in self._relu.values()}

    def _rule_dead_relu(self, epoch: int) -> None:
        dead = self._dead_fractions()
        bad = {k: v for k, v in dead.items() if v >= 0.5}
        if not bad:
            return
        text = ", ".join(f"'{k}' {v:.0%}" for k, v in bad.items())
        self._add(
            "dead_relu",
            self._m("dead_relu", text=text),
            self._m("dead_relu_fix"),
            epoch,
            list(bad),
            {"dead_fraction": dead},
        )

    def _rule_saturated(self, epoch: int) -> None:
        fractions = {layer.name: (act, n / max(t, 1)) for layer, act, n, t in self._sat.values()}
        bad = {k: v for k, v in fractions.items() if v[1] >= 0.5}
        if not bad:
            return
        text = ", ".join(f"'{k}' ({a}) {f:.0%}" for k, (a, f) in bad.items())
        self._add(
            "saturated",
            self._m("saturated", text=text),
            self._m("saturated_fix"),
            epoch,
            list(bad),
            {"saturated_fraction": {k: f for k, (_, f) in fractions.items()}},
        )

    def _layer_grad_profile(self) -> tuple[list[str], np.ndarray] | None:
        if not self._grad_rms or len(self._order) < 3:
            return None
        names, values = [], []
        for layer in self._order:
            vs = [d[id(layer)] for d in self._grad_rms if id(layer) in d]
            if not vs:
                return None
            names.append(layer.name)
            values.append(float(np.exp(np.mean(np.log(np.maximum(vs, 1e-45))))))
        return names, np.array(values)

    def _rule_gradients(self, epoch: int) -> None:
        profile = self._layer_grad_profile()
        if profile is None:
            return
        names, g = profile
        last = g[-1]
        if not last > 0:
            return
        ratio = float(g[0] / last)
        vals = {"grad_rms": dict(zip(names, g.tolist())), "first_over_last": ratio}
        dead = self._dead_fractions()
        if any(dead.get(n, 0.0) >= 0.5 for n in names[:-1]):
            return  # dead ReLU units stop the gradient: that is reported as dead_relu
        if ratio < 1e-3 or not g[0] > 0:
            self._add(
                "vanishing_gradients",
                self._m("vanishing_gradients", layer=names[0], ratio=ratio),
                self._m("vanishing_gradients_fix"),
                epoch,
                [names[0]],
                vals,
            )
        elif ratio > 1e3:
            self._add(
                "exploding_gradients",
                self._m("exploding_gradients", layer=names[0], ratio=ratio),
                self._m("exploding_gradients_fix"),
                epoch,
                [names[0]],
                vals,
            )

    def _rule_diverging(self, epoch: int) -> None:
        first, ls = self._first_loss, self._losses
        grew_past_start = first is not None and first > 0 and ls[-1] > 1.5 * first
        # The first epoch's mean above its first batch: the loss rose while it should fall fast.
        grew_past_start |= first is not None and first > 0 and len(ls) == 1 and ls[0] > 1.2 * first
        rising = (
            first is not None
            and len(ls) >= 3
            and ls[-1] > ls[-2] > ls[-3]
            and ls[-1] > min(ls) + 0.25 * (first - min(ls))  # lost a quarter of the progress
            and ls[-1] > 1.05 * min(ls)  # and more than noise on a flat curve
        )
        if not (grew_past_start or rising):
            return
        lr = self._lr()
        self._add(
            "diverging",
            self._m("diverging", loss=ls[-1], epoch=epoch + 1, first=first),
            self._m(
                "diverging_fix",
                fix=self._m("lower_lr_to", lr=_fmt_lr(lr / 10)) if lr else self._m("lower_lr"),
            ),
            epoch,
            values={"losses": list(ls), "first_batch_loss": first, "lr": lr},
        )  # fmt: skip

    def _rule_not_learning(self, epoch: int) -> None:
        ls = self._losses
        if len(ls) < 2 or self.has("diverging"):
            return
        start = max(ls[0], self._first_loss if self._first_loss is not None else ls[0])
        if not start > 0:
            return
        drop = (start - ls[-1]) / start
        if drop >= 0.02:
            return
        lr = self._lr()
        ratio = float(np.median(self._ratios)) if self._ratios else None
        dead = self._dead_fractions()
        mostly_dead = [k for k, v in dead.items() if v >= 0.9]
        weights = getattr(self.model, "trainable_weights", None)
        if weights is not None and not weights:
            cause = self._m("cause_frozen")
            fix = self._m("cause_frozen_fix")
        elif mostly_dead:
            cause = self._m("cause_dead", layers=", ".join(mostly_dead))
            fix = self._m("cause_dead_fix")
        elif ratio is not None and ratio == 0.0:
            cause = self._m("cause_static")
            fix = self._m("cause_static_fix")
        elif self.has("loss_mismatch"):
            cause = self._m("cause_mismatch")
            fix = next(f.fix for f in self.findings if f.code == "loss_mismatch")
        elif self.has("vanishing_gradients"):
            cause = self._m("cause_vanishing")
            fix = next(f.fix for f in self.findings if f.code == "vanishing_gradients")
        elif ratio is not None and ratio < 1e-5 and lr:
            cause = self._m("cause_tiny_steps", ratio=ratio)
            fix = self._m("cause_tiny_steps_fix", lr=_fmt_lr(lr * 10))
        else:
            cause = self._m("cause_lr")
            fix = self._m("cause_lr_fix")
        self._add(
            "not_learning",
            self._m("not_learning", loss=ls[-1], epochs=len(ls), drop=drop, cause=cause),
            fix,
            epoch,
            mostly_dead,
            {"losses": list(ls), "drop": drop, "median_update_ratio": ratio, "lr": lr},
        )

    def _rule_overfitting(self, epoch: int) -> None:
        vl, ls = self._val_losses, self._losses
        if len(vl) < self.patience + 3 or len(vl) != len(ls):
            return
        # Moving averages over 3 epochs: a small validation set is noisy from epoch to epoch.
        sv, st = _smooth(vl), _smooth(ls)
        best = int(np.argmin(sv))
        since = len(sv) - 1 - best
        gap_now, gap_best = sv[-1] - st[-1], sv[best] - st[best]
        # The validation loss stopped improving, or the training set is memorized (training
        # accuracy ~1), while the training loss kept falling and the gap grew clearly.
        memorized = bool(self._accs) and self._accs[-1] >= 0.99
        stalled = since >= self.patience and (sv[-1] > 1.05 * sv[best] or memorized)
        if not (stalled and st[-1] < st[best] and gap_now - gap_best > 0.1):
            return
        b = best + 2  # the 1-based epoch at the end of the best window
        self._add(
            "overfitting",
            self._m(
                "overfitting",
                best=sv[best],
                epoch=b,
                now=sv[-1],
                train=st[-1],
                gap_best=gap_best,
                gap_now=gap_now,
            ),  # fmt: skip
            self._m("overfitting_fix", patience=self.patience),
            epoch,
            values={"val_loss": list(vl), "loss": list(ls), "best_epoch": b - 1},
        )

    def _rule_underfitting(self) -> None:
        ls = self._losses
        if len(ls) < 3 or self.has("not_learning") or self.has("diverging"):
            return
        first = self._first_loss if self._first_loss is not None else ls[0]
        if not first > 0:
            return
        still = ls[-1] / first
        acc = self._accs[-1] if self._accs else None
        low_acc = acc is not None and acc < 0.8
        if still < 0.5 and not low_acc:
            return
        if self._val_losses and self._val_losses[-1] > 1.5 * ls[-1] + 0.05:
            return  # a big gap is over- not under-fitting
        lr = self._lr()
        acc_text = self._m("acc_text", acc=acc) if acc is not None else ""
        self._add(
            "underfitting",
            self._m("underfitting", epochs=len(ls), loss=ls[-1], still=still, acc_text=acc_text),
            self._m(
                "underfitting_fix",
                raise_lr=self._m("raise_lr", lr=_fmt_lr(lr * 3)) if lr else "",
            ),
            self._epoch,
            values={"losses": list(ls), "accuracy": acc},
        )


def _array(t: Any) -> np.ndarray | None:
    """The array of a tensor output, or None for anything else (tuples, dicts)."""
    a = getattr(t, "data", None)
    return a if isinstance(a, np.ndarray) else None


def _smooth(v: list[float], k: int = 3) -> np.ndarray:
    a = np.asarray(v, dtype=np.float64)
    return np.convolve(a, np.ones(k) / k, mode="valid") if len(a) >= k else a


def _is_binary_ce(loss: Any) -> bool:
    return isinstance(loss, losses.BinaryCrossentropy)


def _render(f: Finding, lang: str = "en") -> str:
    return message("doctor.finding", lang, code=f.code, epoch=f.epoch + 1, message=f.message,
                   fix=f.fix)  # fmt: skip

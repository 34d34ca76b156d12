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

LANGUAGES = ("en",)


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
        lang: language of the messages (``"en"``).
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
        lang: str = "en",
        patience: int = 3,
        on_finding: Callable[[Finding], Any] | None = None,
    ) -> None:
        validate.by_defaults(Doctor.__init__, locals(), type(self).__name__)
        super().__init__()
        if lang not in LANGUAGES:
            raise ConfigError(f"Doctor: lang must be one of {LANGUAGES}, got {lang!r}")
        if int(sample_batches) < 1:
            raise ConfigError(f"Doctor: sample_batches must be >= 1, got {sample_batches}")
        if int(patience) < 1:
            raise ConfigError(f"Doctor: patience must be >= 1, got {patience}")
        if on_finding is not None and not callable(on_finding):
            raise ConfigError("Doctor: on_finding must be a function of one Finding")
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
            return "doctor: no problems found"
        return "\n".join(_render(f) for f in self.findings)

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
            print(_render(f), flush=True)
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
        ce_fix = (
            f"make the last layer linear (Dense({getattr(last, 'units', 'K')}) with no "
            "activation) and use SparseCategoricalCrossentropy(from_logits=True) (one-hot "
            "targets: CategoricalCrossentropy(from_logits=True))"
        )
        if act == "softmax" and regression:
            self._add(
                "loss_mismatch",
                f"The output is a softmax trained with {name}. Squared error on probabilities "
                "gives tiny gradients when the network is confidently wrong (the softmax "
                "Jacobian scales them down), so a classifier learns slowly or not at all.",
                f"For classification, {ce_fix}.",
                epoch,
                [last.name],
                vals,
            )
        elif act in ("softmax", "sigmoid") and from_logits is True:
            self._add(
                "loss_mismatch",
                f"The output already goes through a {act}, but the loss {name} has "
                "from_logits=True, so it applies a second softmax/sigmoid to probabilities: "
                "the loss cannot reach zero and its gradients are flattened.",
                f"Remove the {act} of layer '{last.name}' (activation=None), or pass "
                "from_logits=False to the loss.",
                epoch,
                [last.name],
                vals,
            )
        elif act == "sigmoid" and multi:
            self._add(
                "loss_mismatch",
                f"A sigmoid output is trained with the multi-class loss {name}: sigmoids do "
                "not make the class probabilities sum to 1, which that loss assumes.",
                f"Use activation='softmax' on the last layer, or better {ce_fix}.",
                epoch,
                [last.name],
                vals,
            )
        elif act == "linear" and from_logits is False and (multi or _is_binary_ce(loss)):
            self._add(
                "loss_mismatch",
                f"The last layer '{last.name}' outputs raw scores (no activation), but the "
                f"loss {name} has from_logits=False and reads them as probabilities: the log "
                "of a negative score is not defined.",
                f"Pass from_logits=True to {name}.",
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
                f"The model outputs probabilities (each row sums to 1) but the loss "
                f"{type(loss).__name__} has from_logits=True and applies a softmax again.",
                "Remove the output softmax, or pass from_logits=False to the loss.",
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
            why = (
                f"The inputs have mean {mean:.3g}, standard deviation {std:.3g} and values up "
                f"to {peak:.3g}. Large inputs make the first layer's pre-activations huge: "
                "units saturate or die and the usual learning rates overshoot."
            )
            if 100 < peak <= 255 and x.min() >= 0:
                fix = "Scale the pixels to [0, 1]: x = x / 255.0."
            else:
                fix = (
                    f"Standardize the features: x = (x - {mean:.3g}) / {std:.3g}, or fit "
                    "mitbadak.data.StandardScaler on the training set."
                )
        elif 0 < std < 1e-2 and peak < 1e-1:
            why = (
                f"The inputs are tiny (standard deviation {std:.3g}): the first layer sees "
                "almost no signal and learns very slowly."
            )
            fix = f"Standardize the features: x = (x - {mean:.3g}) / {std:.3g}."
        elif x.ndim == 2 and x.shape[1] > 1:
            s = xf.std(axis=0)
            s = s[s > 0]
            if s.size > 1 and s.max() > 1 and s.max() > 100 * float(np.median(s)):
                ratio = float(s.max() / np.median(s))
                vals["feature_std_ratio"] = ratio
                why = (
                    f"The input features have very different scales (the largest standard "
                    f"deviation is {ratio:.3g} times the median): the large features dominate "
                    "the first layer and its gradient."
                )
                fix = "Standardize each feature (mitbadak.data.StandardScaler)."
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
            f"The classes are imbalanced: the most frequent has {ratio:.3g} times as many "
            f"samples as the rarest (rarest: {', '.join(map(str, rare))}). The network can "
            "score well by mostly ignoring the rare classes.",
            f"Pass class_weight={weights} to fit (weight n / (classes x count)), or resample "
            "the rare classes; judge the model by per-class recall or F1, not accuracy.",
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
        fix = (
            f"Lower the learning rate 10x, to lr={_fmt_lr(lr / 10)}"
            if lr
            else "Lower the learning rate 10x"
        )
        self._add(
            "nan",
            f"The loss became {loss} at batch {batch + 1}: the weights overflowed. The usual "
            f"cause is a learning rate{lr_text} too large for this network, sometimes a log or "
            "division of zero in a custom loss.",
            fix + " (or find one with mitbadak.inspect.lr_find(model, x, y)); gradient "
            "clipping (clipnorm=1.0 on the optimizer) also guards against single bad steps.",
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
            f"ReLU units that were never active on the sampled batches: {text}. A dead unit "
            "outputs 0 for every input, so its gradient is 0 and it never recovers: too "
            "large a learning rate step or a negative bias pushed its pre-activation below "
            "zero everywhere.",
            "Start the biases at 0 (bias_initializer='zeros') with He initialization "
            "(kernel_initializer='he_normal'), lower the learning rate, or use "
            "activation='leaky_relu' / 'elu', which keep a gradient below zero.",
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
            f"Units stuck near the limits of their activation: {text} of the outputs on the "
            "sample. There the slope of sigmoid / tanh is almost 0, so almost no gradient "
            "passes: the pre-activations are too large (large weights or unscaled inputs).",
            "Use Xavier initialization (kernel_initializer='glorot_uniform') on scaled inputs, "
            "add BatchNormalization before the activation, or switch to activation='relu' "
            "with kernel_initializer='he_normal'.",
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
                f"The gradient shrinks from the output to the input: the first layer "
                f"'{names[0]}' gets {ratio:.2g} of the last layer's gradient (per weight, "
                "r.m.s.). Each layer multiplies the backward signal by its weights and the "
                "slope of its activation; with small weights or sigmoid/tanh slopes < 1 the "
                "product vanishes over depth and the first layers do not learn.",
                "Use activation='relu' with kernel_initializer='he_normal' (in a very deep "
                "stack with a smaller learning rate), or activation='tanh' with "
                "kernel_initializer='glorot_uniform'; add BatchNormalization between layers, "
                "or make the network shallower.",
                epoch,
                [names[0]],
                vals,
            )
        elif ratio > 1e3:
            self._add(
                "exploding_gradients",
                f"The gradient grows from the output to the input: the first layer "
                f"'{names[0]}' gets {ratio:.2g} times the last layer's gradient (per weight, "
                "r.m.s.): large weights multiply the backward signal at every layer.",
                "Clip the gradients (clipnorm=1.0 on the optimizer), lower the learning rate, "
                "use kernel_initializer='he_normal' / 'glorot_uniform', add "
                "BatchNormalization.",
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
            f"The loss grows instead of falling ({ls[-1]:.4g} at epoch {epoch + 1}, "
            f"{first:.4g} at the first batch): the steps overshoot the minimum, usually because "
            "the learning rate is too large.",
            (f"Lower the learning rate 10x, to lr={_fmt_lr(lr / 10)}" if lr else "Lower the "
             "learning rate 10x") + " (mitbadak.inspect.lr_find suggests one), or clip the "
            "gradients (clipnorm=1.0).",
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
            cause = "the model has no trainable weights (every layer is frozen)"
            fix = "Unfreeze the layers to train (layer.trainable = True) and compile again."
        elif mostly_dead:
            cause = f"the ReLU units of {', '.join(mostly_dead)} are dead, so no gradient flows"
            fix = (
                "Start the biases at 0 and use He initialization, a smaller learning rate, or "
                "activation='leaky_relu'."
            )
        elif ratio is not None and ratio == 0.0:
            cause = "the weights do not change at all (frozen, or the learning rate is 0)"
            fix = "Check layer.trainable and the optimizer's lr."
        elif self.has("loss_mismatch"):
            cause = "the output activation does not fit the loss (see loss_mismatch)"
            fix = next(f.fix for f in self.findings if f.code == "loss_mismatch")
        elif self.has("vanishing_gradients"):
            cause = "the gradients vanish before they reach the first layers"
            fix = next(f.fix for f in self.findings if f.code == "vanishing_gradients")
        elif ratio is not None and ratio < 1e-5 and lr:
            cause = f"the steps are tiny (each changes the weights by {ratio:.1g} of their size)"
            fix = f"Raise the learning rate 10x, to lr={_fmt_lr(lr * 10)}."
        else:
            cause = "the learning rate is too small or too large for this model"
            fix = "Run mitbadak.inspect.lr_find(model, x, y) and use the rate it suggests."
        self._add(
            "not_learning",
            f"The loss is flat: {ls[-1]:.4g} after {len(ls)} epochs, {drop:.1%} below where it "
            f"started. Likely cause: {cause}.",
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
            f"The model is memorizing the training set: the validation loss (3-epoch mean) "
            f"rose from {sv[best]:.4g} (epoch {b}) to {sv[-1]:.4g} while the training loss "
            f"fell to {st[-1]:.4g}; the generalization gap grew from {gap_best:.3g} to "
            f"{gap_now:.3g}.",
            "Add an L2 penalty (kernel_regularizer=L2(1e-3); L2(1e-2) for a training set of "
            "a few hundred samples), Dropout(0.3) after the hidden layers, data augmentation "
            "or more data, and stop early: "
            f"EarlyStopping(patience={self.patience}, restore_best_weights=True) keeps the "
            "best weights.",
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
        acc_text = f", training accuracy {acc:.3f}" if acc is not None else ""
        self._add(
            "underfitting",
            f"After {len(ls)} epochs the training loss is still {ls[-1]:.4g} ({still:.0%} of "
            f"where it started{acc_text}): the model has not fit even the training data.",
            "Train longer (more epochs)"
            + (f", raise the learning rate (e.g. lr={_fmt_lr(lr * 3)})" if lr else "")
            + ", use a bigger model (more units or layers), or weaken the regularization.",
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


def _render(f: Finding) -> str:
    return f"doctor [{f.code}] epoch {f.epoch + 1}: {f.message}\n    fix: {f.fix}"

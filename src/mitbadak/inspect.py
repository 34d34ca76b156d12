"""Instruments to look inside a model, each usable on its own.

| instrument | what it gives |
|---|---|
| :func:`lr_find` | an exponential learning-rate sweep (weights restored), curve + suggested rate |
| :class:`Instruments` | a callback: histograms of weights, gradients, activations per layer per epoch |
| :func:`interpret` | confusion matrix, top losses, the most confident mistakes (as images) |
| :func:`saliency`, :func:`grad_cam` | where a convolutional model looks |
| :func:`layer_outputs`, :func:`representation_map` | a 2-D map (PCA; t-SNE with scikit-learn) |
| :func:`robustness_curves` | accuracy as Gaussian noise, rotation and shift grow |
| :func:`coverage_curve` | "I don't know": accuracy vs coverage as the confidence threshold rises |

Figures need matplotlib (``pip install "mitbadak[plot]"``); the numbers do not.

Example:
    >>> import numpy as np, mitbadak as mb
    >>> from mitbadak.layers import Dense
    >>> mb.set_seed(0)
    >>> model = mb.Sequential([Dense(16, activation="relu"), Dense(3)])
    >>> model.compile("sgd", mb.losses.SparseCategoricalCrossentropy(from_logits=True))
    >>> x = np.random.default_rng(0).normal(size=(90, 4)).astype("float32")
    >>> y = np.arange(90) % 3
    >>> curve = lr_find(model, x, y, num_steps=20)
    >>> len(curve.lrs) <= 20 and curve.suggestion > 0
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import plot
from .callbacks import Callback
from .data.augment import affine_warp
from .doctor import leaf_layers
from .errors import ConfigError, ShapeError
from .metrics import confusion_matrix
from .tensor import Tensor, no_grad

__all__ = [
    "Instruments",
    "Interpretation",
    "as_images",
    "LRFinderResult",
    "coverage_curve",
    "grad_cam",
    "interpret",
    "layer_outputs",
    "lr_find",
    "pca",
    "probabilities",
    "representation_map",
    "robustness_curves",
    "saliency",
]


def _check_model(model: Any, who: str) -> None:
    if getattr(model, "loss", None) is None or not getattr(model, "compiled", False):
        raise ConfigError(key="error.inspect.compile_first", who=who)


def _prepare(model: Any, x: Any, y: Any, who: str) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise ShapeError(key="error.inspect.lengths", who=who, nx=len(x), ny=len(y))
    if len(x) == 0:
        raise ShapeError(key="error.inspect.no_samples", who=who)
    if not model.built:
        model.build((1, *x.shape[1:]))
    return x, y


# --------------------------------------------------------------------------- lr finder
@dataclass
class LRFinderResult:
    """The learning-rate sweep: ``lrs[i]`` was used for step ``i`` whose loss was
    ``losses[i]`` (``smoothed`` is the debiased exponential average); ``suggestion`` is the rate
    at the minimum of the smoothed curve divided by 10, ``steepest`` the rate where it falls
    fastest.

    Example:
        >>> r = LRFinderResult([1e-3, 1e-2], [2.0, 1.0], [2.0, 1.0], 1e-3, 1e-2)
        >>> r.suggestion
        0.001
    """

    lrs: list[float]
    losses: list[float]
    smoothed: list[float]
    suggestion: float
    steepest: float

    def plot(self, path: Any = None, title: Any = "") -> Any:
        """Loss against learning rate (log scale), with the suggestion marked (``title``:
        default "learning-rate finder", ``None`` for none)."""
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.semilogx(self.lrs, self.losses, color="0.75", label=_t("report.loss_per_step"))
        ax.semilogx(self.lrs, self.smoothed, label=_t("report.smoothed"))
        ax.axvline(self.suggestion, color="g", ls="--",
                   label=_t("report.suggested", lr=self.suggestion))  # fmt: skip
        ax.set_xlabel(_t("report.learning_rate"))
        ax.set_ylabel(_t("report.loss"))
        ax.grid(alpha=0.3, which="both")
        ax.legend()
        return _finish(fig, _t("report.lr_finder") if title == "" else title, path)


def lr_find(
    model: Any,
    x: Any,
    y: Any,
    start_lr: float = 1e-7,
    end_lr: float = 10.0,
    num_steps: int = 100,
    batch_size: int = 32,
    smooth: float = 0.98,
    diverge: float = 4.0,
    seed: int = 0,
    path: Any = None,
) -> LRFinderResult:
    """Train ``num_steps`` mini-batches with the learning rate growing exponentially from
    ``start_lr`` to ``end_lr`` (Smith's range test, as fastai's ``lr_find``), with the model's
    own optimizer and loss; stop when the smoothed loss exceeds ``diverge`` times its best.
    The weights and the optimizer state (and its schedule) are restored afterwards.

    Args:
        smooth: factor of the exponential average of the loss (0: the raw losses).
        seed: seed of the batch order.
        path: also save the plot there (needs matplotlib).

    Example: see the module docstring.
    """
    who = "lr_find"
    _check_model(model, who)
    if not 0 < start_lr < end_lr:
        raise ConfigError(key="error.inspect.lr_range", who=who, start_lr=start_lr, end_lr=end_lr)
    if int(num_steps) < 2:
        raise ConfigError(key="error.inspect.num_steps", who=who, num_steps=num_steps)
    if not 0 <= smooth < 1:
        raise ConfigError(key="error.inspect.smooth", who=who, smooth=smooth)
    x, y = _prepare(model, x, y, who)
    if getattr(model, "optimizer", None) is None:
        model.fit(x[:1], y[:1], epochs=0, verbose=0)  # creates the optimizer, trains nothing
    opt = model.optimizer
    weights, state = model.get_weights(), opt.state_dict()
    schedule, lr0 = opt.schedule, opt.lr
    opt.schedule = None
    rng = np.random.default_rng(seed)
    order = np.concatenate([rng.permutation(len(x)) for _ in range(
        math.ceil(num_steps * batch_size / len(x)) + 1)])  # fmt: skip
    lrs, raw, smoothed = [], [], []
    avg, best = 0.0, math.inf
    factor = (end_lr / start_lr) ** (1.0 / (num_steps - 1))
    mode = model.training
    try:
        for i in range(int(num_steps)):
            lr = start_lr * factor**i
            idx = order[i * batch_size : (i + 1) * batch_size]
            opt.lr = lr
            out = model(x[idx], training=True)
            loss = model.loss(y[idx], out)
            for r in model.regularization_losses():
                loss = loss + r
            opt.zero_grad()
            loss.backward()
            opt.step()
            value = float(loss.item())
            lrs.append(lr)
            raw.append(value)
            avg = smooth * avg + (1 - smooth) * value
            s = avg / (1 - smooth ** (i + 1))
            smoothed.append(s)
            if not math.isfinite(s) or s > diverge * best:
                break
            best = min(best, s)
    finally:
        model.set_weights(weights)
        opt.load_state_dict(state)
        opt.schedule, opt.lr = schedule, lr0
        opt.zero_grad()
        model.train(mode)
    sm = np.array(smoothed)
    finite = np.isfinite(sm)
    k = int(np.argmin(np.where(finite, sm, np.inf)))
    slopes = np.gradient(np.where(finite, sm, sm[k]), np.log(lrs)) if len(sm) > 1 else [0.0]
    steep = int(np.argmin(slopes[: k + 1])) if k > 0 else 0
    result = LRFinderResult(lrs, raw, smoothed, float(lrs[k] / 10), float(lrs[steep]))
    if path is not None:
        result.plot(path)
    return result


# ------------------------------------------------------------------- Instruments callback
class Instruments(Callback):
    """Records, on ``sample_batches`` batches per epoch, histograms of every layer's weights,
    gradients and activations (outputs): ``instruments.history[epoch][layer][kind]`` is a
    ``(counts, edges)`` pair, kind one of ``"weights"``, ``"gradients"``, ``"activations"``;
    ``instruments.stats[layer][kind]`` lists ``(mean, std)`` per epoch.

    Args:
        sample_batches: batches measured per epoch (the first ones).
        bins: histogram bins.
        max_values: values kept per layer and kind and batch (a random subsample).

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> m = mb.Sequential([Dense(4, activation="relu"), Dense(2)]); m.compile("sgd", "mse")
        >>> ins = Instruments()
        >>> _ = m.fit(np.ones((8, 3), "float32"), np.zeros((8, 2), "float32"), verbose=0,
        ...           callbacks=[ins])
        >>> sorted(ins.history[0][m.layers[0].name])
        ['activations', 'gradients', 'weights']
    """

    KINDS = ("weights", "gradients", "activations")

    def __init__(self, sample_batches: int = 1, bins: int = 30, max_values: int = 20000) -> None:
        super().__init__()
        if int(sample_batches) < 1 or int(bins) < 2 or int(max_values) < 1:
            raise ConfigError(key="error.inspect.instruments_args")
        self.sample_batches, self.bins, self.max_values = (
            int(sample_batches),
            int(bins),
            int(max_values),
        )
        self.history: list[dict[str, dict[str, tuple[np.ndarray, np.ndarray]]]] = []
        self.stats: dict[str, dict[str, list[tuple[float, float]]]] = {}
        self._values: dict[str, dict[str, list[np.ndarray]]] = {}
        self._handles: list[Any] = []
        self._rng = np.random.default_rng(0)

    def _keep(self, layer: str, kind: str, a: np.ndarray) -> None:
        flat = np.asarray(a, dtype=np.float64).ravel()
        if flat.size > self.max_values:
            flat = flat[self._rng.choice(flat.size, self.max_values, replace=False)]
        self._values.setdefault(layer, {}).setdefault(kind, []).append(flat)

    def on_epoch_begin(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        self._values = {}

    def on_train_batch_begin(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if batch >= self.sample_batches:
            return
        for layer in leaf_layers(self.model):

            def hook(lay: Any, inputs: tuple, out: Any) -> None:
                if isinstance(getattr(out, "data", None), np.ndarray):  # not (outputs, states)
                    self._keep(lay.name, "activations", out.data)

            self._handles.append(layer.register_forward_hook(hook))

    def on_train_batch_end(self, batch: int, logs: dict[str, Any] | None = None) -> None:
        if not self._handles:
            return
        for h in self._handles:
            h.remove()
        self._handles = []
        for layer in leaf_layers(self.model):
            ws = list(getattr(layer, "trainable_weights", []))
            if ws:
                self._keep(layer.name, "weights", np.concatenate([w.data.ravel() for w in ws]))
                grads = [w.grad.ravel() for w in ws if w.grad is not None]
                if grads:
                    self._keep(layer.name, "gradients", np.concatenate(grads))

    def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
        record: dict[str, dict[str, tuple[np.ndarray, np.ndarray]]] = {}
        for layer, kinds in self._values.items():
            for kind, parts in kinds.items():
                v = np.concatenate(parts)
                v = v[np.isfinite(v)]
                if not v.size:
                    continue
                record.setdefault(layer, {})[kind] = np.histogram(v, bins=self.bins)
                st = self.stats.setdefault(layer, {}).setdefault(kind, [])
                st.append((float(v.mean()), float(v.std())))
        self.history.append(record)
        self._values = {}

    def plot(self, kind: str = "weights", path: Any = None, title: str | None = None) -> Any:
        """One panel per layer: the ``kind`` histogram of every epoch (darker = later)."""
        if kind not in self.KINDS:
            raise ConfigError(
                key="error.classic.one_of", who="Instruments.plot", name="kind",
                options=self.KINDS, value=kind,
            )  # fmt: skip
        layers = [name for name in self.stats if kind in self.stats[name]]
        if not layers:
            raise ConfigError(key="error.inspect.not_recorded", kind=kind)
        plt = _pyplot()
        ncols = min(4, len(layers))
        nrows = math.ceil(len(layers) / ncols)
        fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 2.6 * nrows), squeeze=False)
        n = len(self.history)
        for ax, name in zip(axes.ravel(), layers):
            for e, record in enumerate(self.history):
                if name in record and kind in record[name]:
                    counts, edges = record[name][kind]
                    shade = 0.85 - 0.75 * (e + 1) / max(n, 1)
                    ax.stairs(
                        counts, edges, color=str(shade), label=_t("report.epoch_n", epoch=e + 1)
                    )
            ax.set_title(name, fontsize=9)
            ax.tick_params(labelsize=7)
        for ax in axes.ravel()[len(layers) :]:
            ax.axis("off")
        words = _t(f"report.kind.{kind}")
        return _finish(fig, title or _t("report.kind_per_layer_epoch", kind=words), path)


# ---------------------------------------------------------------------- interpretation
def probabilities(model: Any, x: Any, batch_size: int = 256) -> np.ndarray:
    """Class probabilities of ``model`` on ``x`` (eval mode): its outputs when they already are
    probabilities (rows in [0, 1] summing to 1), their softmax otherwise.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> probabilities(mb.Sequential([Dense(3)]), np.ones((2, 4))).sum(axis=1).round(6)
        array([1., 1.])
    """
    x = np.asarray(x)
    if not model.built:
        model.build((1, *x.shape[1:]))
    model.eval()
    parts = []
    with no_grad():
        for i in range(0, len(x), batch_size):
            parts.append(np.asarray(model(x[i : i + batch_size], training=False).data))
    out = np.concatenate(parts).astype(np.float64)
    if out.ndim != 2:
        raise ShapeError(key="error.inspect.outputs_2d", who="probabilities", shape=out.shape)
    if out.min() >= 0 and out.max() <= 1 and np.allclose(out.sum(axis=1), 1.0, atol=1e-4):
        return out
    e = np.exp(out - out.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class Interpretation:
    """A classifier's predictions on a data set, to look at its mistakes.

    Attributes:
        probs: (N, K) class probabilities; ``preds`` the predicted classes; ``y`` the truth;
        losses: per-sample cross-entropy ``-log p[y]``.

    Example:
        >>> import numpy as np
        >>> it = Interpretation(np.array([[0.9, 0.1], [0.2, 0.8]]), np.array([1, 1]))
        >>> it.confusion_matrix().tolist(), it.most_confident_mistakes(1).tolist()
        ([[0, 0], [1, 1]], [0])
    """

    probs: np.ndarray
    y: np.ndarray
    class_names: list[str] | None = None
    preds: np.ndarray = field(init=False)
    losses: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.probs = np.asarray(self.probs, dtype=np.float64)
        self.y = np.asarray(self.y).astype(np.int64).reshape(-1)
        if self.probs.ndim != 2 or len(self.probs) != len(self.y):
            raise ShapeError(
                key="error.inspect.probs_labels", who="Interpretation", shape=self.probs.shape,
                n=len(self.y),
            )  # fmt: skip
        self.preds = self.probs.argmax(axis=1)
        p = self.probs[np.arange(len(self.y)), self.y]
        self.losses = -np.log(np.clip(p, 1e-12, 1.0))

    @property
    def accuracy(self) -> float:
        return float((self.preds == self.y).mean())

    def confusion_matrix(self) -> np.ndarray:
        """``C[i, j]``: samples of true class ``i`` predicted as ``j``."""
        return confusion_matrix(self.y, self.preds, num_classes=self.probs.shape[1])

    def top_losses(self, k: int = 16) -> np.ndarray:
        """Indices of the ``k`` samples with the largest loss, largest first."""
        return np.argsort(-self.losses, kind="stable")[:k]

    def most_confident_mistakes(self, k: int = 16) -> np.ndarray:
        """Indices of the ``k`` wrong predictions made with the highest probability."""
        wrong = np.flatnonzero(self.preds != self.y)
        conf = self.probs[wrong, self.preds[wrong]]
        return wrong[np.argsort(-conf, kind="stable")][:k]

    def plot_confusion_matrix(self, path: Any = None, normalize: bool = False) -> Any:
        return plot.plot_confusion_matrix(
            self.confusion_matrix(), self.class_names, normalize=normalize, path=path
        )

    def plot_mistakes(self, images: Any, k: int = 16, path: Any = None) -> Any:
        """The most confident mistakes as images, titled with truth and prediction."""
        idx = self.most_confident_mistakes(k)
        if not len(idx):
            raise ConfigError(key="error.inspect.no_mistakes")
        return plot.plot_images(
            np.asarray(images)[idx], self.y[idx], self.preds[idx], self.class_names,
            max_images=k, title=_t("report.mistakes_title"), path=path,
        )  # fmt: skip


def interpret(
    model: Any, x: Any, y: Any, class_names: Sequence[Any] | None = None, batch_size: int = 256
) -> Interpretation:
    """Predict ``x`` and wrap the result for confusion matrices, top losses and mistakes.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> it = interpret(mb.Sequential([Dense(3)]), np.ones((4, 2)), np.array([0, 1, 2, 0]))
        >>> int(it.confusion_matrix().sum())
        4
    """
    y = np.asarray(y)
    if y.ndim == 2:
        y = y.argmax(axis=1)
    names = [str(c) for c in class_names] if class_names is not None else None
    return Interpretation(probabilities(model, x, batch_size), y, names)


# ----------------------------------------------------------------- saliency and Grad-CAM
def _score_backward(model: Any, xt: Tensor, target: Any) -> np.ndarray:
    """Backward of the sum of each sample's score for its target class; returns targets."""
    params = model.parameters()
    saved = [p.grad for p in params]
    out = model(xt, training=False)
    if out.ndim != 2:
        raise ShapeError(key="error.inspect.outputs_2d", who="saliency / grad_cam", shape=out.shape)
    targets = out.data.argmax(axis=1) if target is None else np.broadcast_to(
        np.asarray(target, dtype=np.int64), (out.shape[0],))  # fmt: skip
    mask = np.zeros(out.shape, dtype=out.data.dtype)
    mask[np.arange(out.shape[0]), targets] = 1.0
    (out * Tensor(mask)).sum().backward()
    for p, g in zip(params, saved):
        p.grad = g
    return np.asarray(targets)


def saliency(model: Any, x: Any, target: Any = None) -> np.ndarray:
    """``|d score_target / d x|``: how much each input value moves the target class's score
    (Simonyan et al., 2014). ``target`` defaults to the predicted class; the output has the
    shape of ``x``. The score is the model's output (logits for a from-logits model).

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> m = mb.Sequential([Dense(2, kernel_initializer="ones")])
        >>> saliency(m, np.ones((1, 3)), target=0).tolist()
        [[1.0, 1.0, 1.0]]
    """
    x = np.asarray(x, dtype=np.float32 if np.asarray(x).dtype != np.float64 else np.float64)
    if not model.built:
        model.build((1, *x.shape[1:]))
    model.eval()
    xt = Tensor(x.astype(model.dtype), requires_grad=True)
    _score_backward(model, xt, target)
    return np.abs(xt.grad)


def _last_spatial_layer(model: Any, x: np.ndarray) -> Any:
    found: list[Any] = []
    handles = []
    for layer in leaf_layers(model):

        def hook(lay: Any, inputs: tuple, out: Any) -> None:
            if out.ndim == 4:
                found.append(lay)

        handles.append(layer.register_forward_hook(hook))
    try:
        with no_grad():
            model(x[:1], training=False)
    finally:
        for h in handles:
            h.remove()
    if not found:
        raise ConfigError(key="error.inspect.no_spatial_layer")
    return found[-1]


def grad_cam(model: Any, x: Any, layer: Any = None, target: Any = None) -> np.ndarray:
    """Grad-CAM (Selvaraju et al., 2017): ``relu(sum_k alpha_k A_k)`` where ``A`` (N, K, H, W)
    is ``layer``'s output and ``alpha_k`` the spatial mean of ``d score_target / d A_k``.
    Returns (N, H, W) maps at the layer's resolution (see :func:`upsample` for the input's).

    Args:
        layer: a layer of the model, or its name; default the last one with 4-D outputs.
        target: class index (or one per sample); default the predicted class.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Conv2D, Flatten, Dense
        >>> m = mb.Sequential([Conv2D(2, 3, padding="same", activation="relu"), Flatten(),
        ...                    Dense(3)])
        >>> grad_cam(m, np.random.default_rng(0).random((2, 1, 6, 6))).shape
        (2, 6, 6)
    """
    x = np.asarray(x)
    if not model.built:
        model.build((1, *x.shape[1:]))
    model.eval()
    x = x.astype(model.dtype)
    if layer is None:
        layer = _last_spatial_layer(model, x)
    elif isinstance(layer, str):
        by_name = {lay.name: lay for lay in leaf_layers(model)}
        if layer not in by_name:
            raise ConfigError(
                key="error.inspect.no_such_layer", who="grad_cam", layer=layer, layers=list(by_name)
            )
        layer = by_name[layer]
    caught: list[Tensor] = []

    def hook(lay: Any, inputs: tuple, out: Any) -> Tensor:
        a = Tensor(out.data, requires_grad=True)  # a leaf: its .grad is dScore/dA
        caught.append(a)
        return a

    h = layer.register_forward_hook(hook)
    try:
        _score_backward(model, Tensor(x), target)
    finally:
        h.remove()
    if not caught or caught[0].ndim != 4:
        raise ConfigError(key="error.inspect.not_spatial", layer=layer.name)
    a = caught[0]
    alpha = a.grad.mean(axis=(2, 3))  # (N, K)
    cam = np.einsum("nk,nkhw->nhw", alpha, a.data)
    return np.maximum(cam, 0.0)


def upsample(maps: Any, size: tuple[int, int]) -> np.ndarray:
    """Bilinear resize of (N, h, w) maps to (N, H, W) (to lay a Grad-CAM over its image).

    Example:
        >>> upsample(np.ones((1, 2, 2)), (4, 4)).shape
        (1, 4, 4)
    """
    m = np.asarray(maps, dtype=np.float64)
    h, w = m.shape[-2:]
    H, W = size
    ys = np.linspace(0, h - 1, H)
    xs = np.linspace(0, w - 1, W)
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
    dy, dx = (ys - y0)[:, None], (xs - x0)[None, :]
    top = m[..., y0, :][..., :, x0] * (1 - dx) + m[..., y0, :][..., :, x1] * dx
    bot = m[..., y1, :][..., :, x0] * (1 - dx) + m[..., y1, :][..., :, x1] * dx
    return top * (1 - dy) + bot * dy


# ------------------------------------------------------------------ representation maps
def layer_outputs(model: Any, x: Any, layer: Any = None, batch_size: int = 256) -> np.ndarray:
    """What ``layer`` (a layer or its name; default the one before the last) outputs for each
    sample of ``x``, flattened to (N, features), in eval mode.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> m = mb.Sequential([Dense(5, activation="relu"), Dense(2)])
        >>> layer_outputs(m, np.ones((3, 4))).shape
        (3, 5)
    """
    x = np.asarray(x)
    if not model.built:
        model.build((1, *x.shape[1:]))
    leaves = leaf_layers(model)
    if layer is None:
        with_weights = [lay for lay in leaves if lay.weights]
        if len(with_weights) < 2:
            raise ConfigError(key="error.inspect.name_a_layer")
        layer = with_weights[-2]
    elif isinstance(layer, str):
        by_name = {lay.name: lay for lay in leaves}
        if layer not in by_name:
            raise ConfigError(
                key="error.inspect.no_such_layer", who="layer_outputs", layer=layer,
                layers=list(by_name),
            )  # fmt: skip
        layer = by_name[layer]
    parts: list[np.ndarray] = []
    h = layer.register_forward_hook(lambda lay, inp, out: parts.append(out.data.copy()))
    model.eval()
    try:
        with no_grad():
            for i in range(0, len(x), batch_size):
                model(x[i : i + batch_size], training=False)
    finally:
        h.remove()
    out = np.concatenate(parts)
    return out.reshape(len(out), -1)


def pca(features: Any, n_components: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Principal components by SVD of the centered data: returns the (N, n_components)
    coordinates and the explained-variance ratio of each component. Signs follow
    scikit-learn's ``svd_flip`` (the largest loading of each component is positive).

    Example:
        >>> coords, ratio = pca(np.array([[0.0, 0], [1, 1], [2, 2]]), 1)
        >>> coords.ravel().round(3).tolist(), ratio.round(3).tolist()
        ([-1.414, 0.0, 1.414], [1.0])
    """
    X = np.asarray(features, dtype=np.float64)
    if X.ndim != 2 or len(X) < 2:
        raise ShapeError(key="error.inspect.pca_shape", shape=X.shape)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    signs = np.sign(Vt[np.arange(len(Vt)), np.abs(Vt).argmax(axis=1)])
    signs[signs == 0] = 1
    Vt = Vt * signs[:, None]
    k = int(n_components)
    var = S**2
    ratio = var[:k] / var.sum() if var.sum() > 0 else np.zeros(k)
    return Xc @ Vt[:k].T, ratio


def representation_map(
    model: Any, x: Any, layer: Any = None, method: str = "pca", seed: int = 0
) -> np.ndarray:
    """A 2-D map of ``layer``'s representations of ``x``: PCA (built in) or t-SNE (needs
    scikit-learn). Plot it with :func:`plot_map` coloured by class.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> m = mb.Sequential([Dense(5, activation="tanh"), Dense(2)])
        >>> representation_map(m, np.random.default_rng(0).random((10, 3))).shape
        (10, 2)
    """
    feats = layer_outputs(model, x, layer)
    if method == "pca":
        return pca(feats, 2)[0]
    if method == "tsne":
        try:
            from sklearn.manifold import TSNE
        except ImportError:
            raise ConfigError(key="error.inspect.tsne_needs_sklearn") from None
        perplexity = min(30.0, max(2.0, (len(feats) - 1) / 3))
        kw = {"n_components": 2, "init": "pca", "random_state": seed, "perplexity": perplexity,
              "method": "exact" if len(feats) <= 1000 else "barnes_hut"}  # fmt: skip
        try:  # 300 iterations are enough for a picture (scikit-learn's default is 1000)
            tsne = TSNE(max_iter=300, **kw)
        except TypeError:  # scikit-learn < 1.5 calls it n_iter
            tsne = TSNE(n_iter=300, **kw)
        return tsne.fit_transform(feats.astype(np.float64))
    raise ConfigError(
        key="error.classic.either", who="representation_map", name="method", a="'pca'",
        b="'tsne'", value=method,
    )  # fmt: skip


def plot_map(
    coords: Any, y: Any, class_names: Sequence[Any] | None = None, title: str | None = None,
    path: Any = None,
) -> Any:  # fmt: skip
    """Scatter a 2-D map, one colour per class."""
    plt = _pyplot()
    c = np.asarray(coords)
    y = np.asarray(y).reshape(-1)
    fig, ax = plt.subplots(figsize=(5.5, 5))
    cmap = plt.get_cmap("tab10")
    for k in np.unique(y):
        sel = y == k
        label = class_names[int(k)] if class_names is not None else str(k)
        ax.scatter(c[sel, 0], c[sel, 1], s=6, color=cmap(int(k) % 10), label=label)
    ax.legend(markerscale=3, fontsize=7, loc="best")
    ax.set_xticks([])
    ax.set_yticks([])
    return _finish(fig, title, path)


# --------------------------------------------------------------------------- robustness
def as_images(x: Any, image_shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Samples as (N, C, H, W) images: 4-D input as is, flat ones reshaped to ``image_shape``
    (default: square, one channel).

    Example:
        >>> as_images(np.zeros((2, 64))).shape
        (2, 1, 8, 8)
    """
    x = np.asarray(x)
    if x.ndim == 4:
        return x
    if image_shape is None:
        side = int(round(math.sqrt(x[0].size)))
        if side * side != x[0].size:
            raise ShapeError(key="error.inspect.image_shape", shape=x.shape[1:])
        image_shape = (1, side, side)
    return x.reshape((len(x), *image_shape))


def rotate(images: Any, degrees: float) -> np.ndarray:
    """Rotate (N, C, H, W) images by ``degrees`` (counter-clockwise) about their center.

    Example:
        >>> img = np.zeros((1, 1, 3, 3)); img[0, 0, 0, 1] = 1
        >>> rotate(img, 90)[0, 0].round(6).tolist()
        [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    x = np.asarray(images)
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    # output -> input map; y points down, so a counter-clockwise turn on screen is this.
    inv = np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])
    return affine_warp(x, np.broadcast_to(inv, (len(x), 3, 3)))


def shift(images: Any, dx: float, dy: float = 0.0) -> np.ndarray:
    """Move (N, C, H, W) images ``dx`` pixels right and ``dy`` down (zeros come in).

    Example:
        >>> shift(np.arange(3.0).reshape(1, 1, 1, 3), 1)[0, 0].tolist()
        [[0.0, 0.0, 1.0]]
    """
    x = np.asarray(images)
    inv = np.array([[1.0, 0.0, -dx], [0.0, 1.0, -dy], [0.0, 0.0, 1.0]])
    return affine_warp(x, np.broadcast_to(inv, (len(x), 3, 3)))


def _accuracy(model: Any, x: np.ndarray, y: np.ndarray) -> float:
    return float((probabilities(model, x).argmax(axis=1) == y).mean())


def robustness_curves(
    model: Any,
    x: Any,
    y: Any,
    noise: Sequence[float] = (0.0, 0.1, 0.2, 0.3, 0.5),
    rotation: Sequence[float] = (0.0, 10.0, 20.0, 30.0, 45.0),
    shifts: Sequence[float] = (0.0, 1.0, 2.0, 3.0, 4.0),
    image_shape: tuple[int, ...] | None = None,
    seed: int = 0,
) -> dict[str, tuple[list[float], list[float]]]:
    """Accuracy as the inputs are corrupted more and more: Gaussian noise of standard deviation
    ``noise`` added, rotation by ``rotation`` degrees, shift by ``shifts`` pixels (right and
    down). Flat inputs are reshaped to images (``image_shape``, default square, 1 channel) for
    the warps and back to the model's shape. Returns ``{"noise": (levels, accuracies), ...}``.

    Example:
        >>> import numpy as np, mitbadak as mb
        >>> from mitbadak.layers import Dense
        >>> m = mb.Sequential([Dense(2)])
        >>> c = robustness_curves(m, np.zeros((4, 16)), np.zeros(4, int), noise=(0,),
        ...                       rotation=(0,), shifts=(0,))
        >>> sorted(c)
        ['noise', 'rotation', 'shift']
    """
    x, y = np.asarray(x), np.asarray(y)
    y = y.argmax(axis=1) if y.ndim == 2 else y.reshape(-1)
    rng = np.random.default_rng(seed)
    imgs = as_images(x, image_shape)

    def back(a: np.ndarray) -> np.ndarray:
        return a.reshape(x.shape).astype(x.dtype, copy=False)

    curves: dict[str, tuple[list[float], list[float]]] = {}
    noisy = [_accuracy(model, (x + rng.normal(0, s, x.shape)).astype(x.dtype), y) if s else
             _accuracy(model, x, y) for s in noise]  # fmt: skip
    curves["noise"] = ([float(s) for s in noise], noisy)
    curves["rotation"] = ([float(d) for d in rotation],
                          [_accuracy(model, back(rotate(imgs, d)), y) for d in rotation])  # fmt: skip
    curves["shift"] = ([float(d) for d in shifts],
                       [_accuracy(model, back(shift(imgs, d, d)), y) for d in shifts])  # fmt: skip
    return curves


def plot_robustness(curves: dict[str, tuple[list[float], list[float]]], path: Any = None) -> Any:
    """The three robustness curves side by side."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(curves), figsize=(4 * len(curves), 3.2), squeeze=False)
    known = ("noise", "rotation", "shift")
    for ax, (kind, (levels, acc)) in zip(axes.ravel(), curves.items()):
        ax.plot(levels, acc, "o-")
        ax.set_ylim(0, 1.02)
        ax.set_xlabel(_t(f"report.unit.{kind}") if kind in known else kind)
        ax.set_title(_t(f"report.robust.{kind}") if kind in known else kind)
        ax.grid(alpha=0.3)
    axes[0, 0].set_ylabel(_t("report.accuracy"))
    return _finish(fig, _t("report.robustness_what"), path)


# ------------------------------------------------------------------- "I don't know"
def coverage_curve(
    probs: Any, y: Any, thresholds: Sequence[float] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The model answers only when its top probability is at least the threshold, and says
    "I don't know" otherwise. For each threshold: the coverage (fraction answered) and the
    accuracy on the answered samples (``nan`` when none is). ``probs`` is (N, K) (see
    :func:`probabilities`). Returns ``thresholds, coverage, accuracy``.

    Example:
        >>> p = np.array([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]])
        >>> t, cov, acc = coverage_curve(p, np.array([0, 1, 1]), [0.5, 0.7])
        >>> cov.round(3).tolist(), acc.tolist()
        ([1.0, 0.667], [0.6666666666666666, 1.0])
    """
    p = np.asarray(probs, dtype=np.float64)
    y = np.asarray(y).reshape(-1) if np.asarray(y).ndim == 1 else np.asarray(y).argmax(axis=1)
    if p.ndim != 2 or len(p) != len(y):
        raise ShapeError(
            key="error.inspect.probs_labels", who="coverage_curve", shape=p.shape, n=len(y)
        )
    t = np.linspace(0.0, 1.0, 21) if thresholds is None else np.asarray(thresholds, dtype=float)
    conf, correct = p.max(axis=1), p.argmax(axis=1) == y
    cov = np.array([(conf >= s).mean() for s in t])
    acc = np.array([correct[conf >= s].mean() if (conf >= s).any() else np.nan for s in t])
    return t, cov, acc


def plot_coverage(t: Any, coverage: Any, accuracy: Any, path: Any = None) -> Any:
    """Accuracy and coverage against the confidence threshold."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(5.5, 3.6))
    ax.plot(t, accuracy, "o-", label=_t("report.col.accuracy_answered"))
    ax.plot(t, coverage, "s--", label=_t("report.coverage_label"))
    ax.set_xlabel(_t("report.confidence_threshold"))
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.legend()
    return _finish(fig, _t("report.coverage_title"), path)


# ------------------------------------------------------------------------- plotting
def _pyplot() -> Any:
    plt = plot.pyplot()
    if plt is None:
        raise ConfigError(key="error.inspect.matplotlib")
    return plt


def _t(key: str, **values: Any) -> str:
    """Text drawn in a figure (the language in use when a font draws it, else English)."""
    return plot.figure_text(key, **values)


def _finish(fig: Any, title: str | None, path: Any) -> Any:
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    if path is not None:
        plot.save_figure(fig, path)
    return fig

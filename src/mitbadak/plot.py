"""Plotting helpers for your own runs: learning curves, confusion matrices, images, weights.

matplotlib is an optional extra (``pip install "mitbadak[plot]"``); it is imported only when a
function here is called, with the file-only ``Agg`` backend unless a backend is already chosen.
Every function returns the matplotlib ``Figure`` and, given ``path``, also saves it as a PNG.

Example:
    >>> from mitbadak.plot import plot_history
    >>> fig = plot_history({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7]})  # doctest: +SKIP
    >>> fig.savefig("curves.png")                                       # doctest: +SKIP
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .errors import ConfigError, ShapeError
from .messages import current_lang, hangul_font, message

_INSTALL = 'pip install "mitbadak[plot]"'
INSTALL_HINT = f"figures need matplotlib: {_INSTALL}"

__all__ = [
    "INSTALL_HINT",
    "figure_text",
    "have_matplotlib",
    "plot_confusion_matrix",
    "plot_history",
    "plot_images",
    "plot_weights",
    "pyplot",
    "save_figure",
]


def pyplot() -> Any:
    """``matplotlib.pyplot`` with the ``Agg`` (PNG files, no window) backend, or ``None``.

    Example:
        >>> plt = pyplot()
        >>> plt is None or hasattr(plt, "subplots")
        True
    """
    try:
        import matplotlib
    except ImportError:
        return None
    if "matplotlib.pyplot" not in __import__("sys").modules:
        matplotlib.use("Agg")  # no display needed; a backend already in use is left alone
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    return plt


def figure_text(key: str, /, **values: Any) -> str:
    """Message ``key`` for text drawn in a figure: in the language in use when matplotlib's
    fonts (``rcParams["font.family"]``) include one that draws it (as the HTML report and the
    lessons set them, see :func:`mitbadak.messages.hangul_font`), else in English, so a figure
    never shows empty boxes.

    Example:
        >>> figure_text("report.learning_rate")
        'learning rate'
    """
    lang = current_lang()
    if lang != "en":
        plt = pyplot()
        font = hangul_font() if plt is not None else None
        if font is None or font not in list(plt.rcParams["font.family"]):
            lang = "en"
    return message(key, lang, **values)


def have_matplotlib() -> bool:
    """Whether figures can be drawn (matplotlib is importable).

    Example:
        >>> isinstance(have_matplotlib(), bool)
        True
    """
    return pyplot() is not None


def _require() -> Any:
    plt = pyplot()
    if plt is None:
        raise ConfigError(key="error.plot.no_matplotlib", who="mitbadak.plot", install=_INSTALL)
    return plt


def _finish(fig: Any, title: str | None, path: str | os.PathLike | None) -> Any:
    """Title, tight layout and (if ``path``) save: the last steps of every plot function."""
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    if path is not None:
        save_figure(fig, path)
    return fig


def save_figure(fig: Any, path: str | os.PathLike, dpi: int = 100) -> str:
    """Save ``fig`` as a PNG (creating the folder), close it, and return the path.

    Example:
        >>> save_figure(fig, "out/curves.png")  # doctest: +SKIP
        'out/curves.png'
    """
    path = os.fspath(path)
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    fig.savefig(path, dpi=dpi, bbox_inches="tight")
    _require().close(fig)
    return path


def _history_dict(history: Any) -> dict[str, list[float]]:
    h = getattr(history, "history", history)  # a History callback or a plain dict
    if not isinstance(h, Mapping):
        raise ConfigError(key="error.plot.history_type", kind=type(history).__name__)
    return {str(k): [float(v) for v in vals] for k, vals in h.items()}


def plot_history(
    history: Any,
    metrics: Sequence[str] | None = None,
    title: str | None = None,
    path: str | os.PathLike | None = None,
) -> Any:
    """Learning curves: one panel per metric, training and ``val_`` curves together.

    Args:
        history: the ``History`` returned by ``fit``, or a dict like ``{"loss": [...]}``.
        metrics: the metric names to draw (default: every key without ``val_``, ``lr``, ``gap``).
        title: figure title.
        path: also save the figure there (PNG).

    Example:
        >>> fig = plot_history({"loss": [0.9, 0.4], "val_loss": [1.0, 0.6]})  # doctest: +SKIP
    """
    plt = _require()
    h = _history_dict(history)
    if metrics is None:
        metrics = [k for k in h if not k.startswith("val_") and k not in ("lr", "gap")]
        metrics += [k[4:] for k in h if k.startswith("val_") and k[4:] not in h]
    if not metrics:
        raise ConfigError(key="error.plot.nothing", keys=sorted(h))
    fig, axes = plt.subplots(1, len(metrics), figsize=(4.5 * len(metrics), 3.4), squeeze=False)
    for ax, name in zip(axes[0], metrics):
        for key, style in ((name, "-"), (f"val_{name}", "--")):
            if key in h:
                epochs = np.arange(1, len(h[key]) + 1)
                ax.plot(epochs, h[key], style, marker=".", label=key)
        ax.set_xlabel(figure_text("report.epoch"))
        ax.set_ylabel(name)
        ax.grid(alpha=0.3)
        ax.legend()
    return _finish(fig, title, path)


def plot_confusion_matrix(
    cm: Any,
    class_names: Sequence[Any] | None = None,
    normalize: bool = False,
    title: str | None = "",
    path: str | os.PathLike | None = None,
) -> Any:
    """Draw a confusion matrix (rows: true class, columns: predicted class) with its counts.

    Args:
        cm: a square array, e.g. from ``mitbadak.metrics.confusion_matrix(y_true, y_pred)``.
        class_names: tick labels (default 0..C-1).
        normalize: show each row as fractions of that true class (recall on the diagonal).
        title, path: figure title (default "confusion matrix", in the language in use;
            ``None`` for none); also save the figure there.

    Example:
        >>> fig = plot_confusion_matrix([[5, 1], [0, 4]], ["cat", "dog"])  # doctest: +SKIP
    """
    plt = _require()
    m = np.asarray(cm, dtype=np.float64)
    if m.ndim != 2 or m.shape[0] != m.shape[1]:
        raise ShapeError(key="error.plot.confusion_square", shape=m.shape)
    if normalize:
        m = m / np.maximum(m.sum(axis=1, keepdims=True), 1.0)
    c = m.shape[0]
    names = [str(n) for n in (class_names if class_names is not None else range(c))]
    if len(names) != c:
        raise ShapeError(key="error.plot.class_names", c=c, n=len(names))
    size = max(3.5, 0.45 * c + 1.5)
    fig, ax = plt.subplots(figsize=(size, size))
    im = ax.imshow(m, cmap="Blues")
    fig.colorbar(im, ax=ax, fraction=0.046)
    ax.set_xticks(range(c), names, rotation=45 if c > 10 else 0)
    ax.set_yticks(range(c), names)
    ax.set_xlabel(figure_text("report.predicted"))
    ax.set_ylabel(figure_text("report.true"))
    high = m.max() / 2 if m.size else 0
    for i in range(c):
        for j in range(c):
            text = f"{m[i, j]:.2f}" if normalize else f"{int(m[i, j])}"
            ax.text(j, i, text, ha="center", va="center", fontsize=7,
                    color="white" if m[i, j] > high else "black")  # fmt: skip
    if title == "":
        title = figure_text("report.confusion_matrix")
    if title:
        ax.set_title(title)
    return _finish(fig, None, path)


def _as_images(images: Any, who: str) -> np.ndarray:
    x = np.asarray(images, dtype=np.float64)
    if x.ndim == 4 and x.shape[1] in (1, 3):  # (N, C, H, W), mitbadak's layout
        x = x[:, 0] if x.shape[1] == 1 else x.transpose(0, 2, 3, 1)
    elif x.ndim == 2:  # flat rows: square images
        side = int(round(math.sqrt(x.shape[1])))
        if side * side != x.shape[1]:
            raise ShapeError(key="error.plot.flat_not_square", who=who, n=x.shape[1])
        x = x.reshape(len(x), side, side)
    if x.ndim not in (3, 4):
        raise ShapeError(key="error.plot.images_shape", who=who, shape=x.shape)
    return x


def plot_images(
    images: Any,
    labels: Sequence[Any] | None = None,
    predictions: Sequence[Any] | None = None,
    class_names: Sequence[Any] | None = None,
    ncols: int = 8,
    max_images: int = 32,
    title: str | None = None,
    path: str | os.PathLike | None = None,
) -> Any:
    """A grid of sample images, titled with the label and the prediction (red when wrong).

    Args:
        images: (N, H, W), (N, 1, H, W) or flat (N, H*W) square images.
        labels, predictions: optional class indices, one per image.
        class_names: names of the classes for the titles.
        ncols, max_images: grid width and how many images to show.
        title, path: figure title; also save the figure there.

    Example:
        >>> ds = mitbadak.data.load_digits()                                  # doctest: +SKIP
        >>> fig = plot_images(ds.images[:16], ds.target[:16], predictions=p)  # doctest: +SKIP
    """
    plt = _require()
    x = _as_images(images, "plot_images")[:max_images]
    n = len(x)
    if n == 0:
        raise ShapeError(key="error.plot.no_images")
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.4 * ncols, 1.6 * nrows), squeeze=False)

    def name(k: Any) -> str:
        return str(class_names[int(k)]) if class_names is not None else str(k)

    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= n:
            continue
        ax.imshow(x[i], cmap="gray_r" if x[i].ndim == 2 else None)
        parts, color = [], "black"
        if labels is not None:
            parts.append(name(labels[i]))
        if predictions is not None:
            parts.append(f"pred {name(predictions[i])}")
            if labels is not None and int(predictions[i]) != int(labels[i]):
                color = "red"
        if parts:
            ax.set_title(" / ".join(parts), fontsize=8, color=color)
    return _finish(fig, title, path)


def plot_weights(
    kernel: Any,
    image_shape: tuple[int, int] | None = None,
    max_units: int = 32,
    ncols: int = 8,
    title: str | None = "",
    path: str | os.PathLike | None = None,
) -> Any:
    """Show each first-layer unit's weights as an image (what pattern each neuron looks for).

    Args:
        kernel: a Dense kernel of shape (H*W, units) (or its Tensor), or a convolution kernel
            (out_channels, in_channels, kh, kw) (the first input channel is shown).
        image_shape: (H, W) of the inputs (default: square).
        max_units, ncols: how many units to show and the grid width.
        title, path: figure title (default "first-layer weights", in the language in use;
            ``None`` for none); also save the figure there.

    Example:
        >>> fig = plot_weights(model.layers[0].kernel, (8, 8))  # doctest: +SKIP
    """
    plt = _require()
    w = np.asarray(getattr(kernel, "data", kernel), dtype=np.float64)
    if w.ndim == 4:
        tiles = w[:, 0]
    elif w.ndim == 2:
        if image_shape is None:
            side = int(round(math.sqrt(w.shape[0])))
            if side * side != w.shape[0]:
                raise ShapeError(key="error.plot.weights_not_square", n=w.shape[0])
            image_shape = (side, side)
        if image_shape[0] * image_shape[1] != w.shape[0]:
            raise ShapeError(key="error.plot.image_shape", got=image_shape, n=w.shape[0])
        tiles = w.T.reshape(w.shape[1], *image_shape)
    else:
        raise ShapeError(key="error.plot.kernel_rank", shape=w.shape)
    tiles = tiles[:max_units]
    n = len(tiles)
    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.2 * ncols, 1.2 * nrows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < n:
            lim = np.abs(tiles[i]).max() or 1.0  # symmetric colors: white is 0
            ax.imshow(tiles[i], cmap="RdBu_r", vmin=-lim, vmax=lim)
    return _finish(fig, figure_text("report.first_layer_weights") if title == "" else title, path)

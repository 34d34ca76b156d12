"""``keras.utils``: ``to_categorical``, ``pad_sequences``, ``normalize``, ``plot_model``,
``set_random_seed``.

Example:
    >>> to_categorical([0, 2], num_classes=3).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    >>> pad_sequences([[1, 2], [3]], maxlen=3).tolist()
    [[0, 1, 2], [0, 0, 3]]
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from .. import graphviz
from ..errors import ConfigError, DataError, LabelError
from ..random import set_seed
from . import missing

__all__ = ["normalize", "pad_sequences", "plot_model", "set_random_seed", "to_categorical"]


def to_categorical(x: Any, num_classes: int | None = None) -> np.ndarray:
    """One-hot encode integer labels: shape ``x.shape + (num_classes,)`` (a trailing axis of
    size 1 is dropped first, as Keras does), float32.

    Example:
        >>> to_categorical(np.array([[1], [0]])).tolist()
        [[0.0, 1.0], [1.0, 0.0]]
    """
    y = np.asarray(x)
    if y.dtype.kind == "f" and not np.array_equal(y, np.round(y)):
        raise LabelError(key="error.keras.labels_integers")
    y = y.astype(np.int64)
    if y.ndim > 1 and y.shape[-1] == 1:
        y = y.reshape(y.shape[:-1])
    if y.size and y.min() < 0:
        raise LabelError(key="error.keras.labels_negative", label=int(y.min()))
    n = int(y.max()) + 1 if num_classes is None and y.size else int(num_classes or 0)
    if y.size and y.max() >= n:
        raise LabelError(key="error.keras.label_too_big", label=int(y.max()), n=n)
    out = np.zeros(y.shape + (n,), dtype=np.float32)
    np.put_along_axis(out, y[..., None], 1.0, axis=-1)
    return out


def pad_sequences(
    sequences: Any,
    maxlen: int | None = None,
    dtype: Any = "int32",
    padding: str = "pre",
    truncating: str = "pre",
    value: float = 0.0,
) -> np.ndarray:
    """Make a list of sequences one ``(n, maxlen)`` array (Keras' rules): pad with ``value``
    and cut long ones, at the start (``"pre"``, the default) or the end (``"post"``).

    Example:
        >>> pad_sequences([[1, 2, 3], [4]], maxlen=2, padding="post", truncating="post").tolist()
        [[1, 2], [4, 0]]
    """
    for name, v in (("padding", padding), ("truncating", truncating)):
        if v not in ("pre", "post"):
            raise ConfigError(key="error.keras.pad_choice", name=name, value=v)
    try:
        seqs = [np.asarray(s) for s in sequences]
    except TypeError:
        raise DataError(key="error.keras.pad_sequences") from None
    if maxlen is None:
        maxlen = max((len(s) for s in seqs), default=0)
    tail = next((s.shape[1:] for s in seqs if len(s)), ())
    out = np.full((len(seqs), int(maxlen)) + tuple(tail), value, dtype=dtype)
    for i, s in enumerate(seqs):
        if not len(s):
            continue
        s = s[-maxlen:] if truncating == "pre" else s[:maxlen]
        if padding == "post":
            out[i, : len(s)] = s
        else:
            out[i, maxlen - len(s) :] = s
    return out


def normalize(x: Any, axis: int = -1, order: int = 2) -> np.ndarray:
    """Scale ``x`` to unit ``order``-norm along ``axis`` (zero vectors stay zero).

    Example:
        >>> normalize(np.array([[3.0, 4.0]])).tolist()
        [[0.6, 0.8]]
    """
    a = np.asarray(x, dtype=np.float64 if np.asarray(x).dtype.kind != "f" else None)
    norm = np.linalg.norm(a, ord=order, axis=axis, keepdims=True)
    return a / np.where(norm == 0, 1, norm)


def set_random_seed(seed: int) -> None:
    """Seed mitbadak's global generator (and Python's and NumPy's legacy ones, as Keras)."""
    import random

    random.seed(int(seed))
    np.random.seed(int(seed))
    set_seed(int(seed))


def plot_model(
    model: Any,
    to_file: str | os.PathLike = "model.png",
    show_shapes: bool = False,
    show_layer_names: bool = True,
    **kwargs: Any,
) -> str:
    """Draw a model's graph: always writes the Graphviz DOT text beside ``to_file`` (``.dot``)
    and, when Graphviz' ``dot`` is installed, the PNG ``to_file`` itself. Returns the DOT text.
    A Sequential model is drawn as a chain; a functional one with its branches.

    Example:
        >>> import tempfile, mitbadak.keras as keras
        >>> x = keras.Input(shape=(3,), name="x"); m = keras.Model(x, keras.layers.Dense(1)(x))
        >>> '"x" ->' in plot_model(m, os.path.join(tempfile.mkdtemp(), "m.png"))
        True
    """
    to_dot = getattr(model, "to_dot", None)
    if to_dot is not None:
        dot = to_dot(show_shapes=show_shapes)
    else:
        layers = list(getattr(model, "layers", []) or model.sublayers())
        lines = [f'digraph "{model.name}" {{', '  node [shape=record, fontname="Helvetica"];']
        for la in layers:
            lines.append(f'  "{la.name}" [label="{la.name} | {type(la).__name__}"];')
        for a, b in zip(layers, layers[1:]):
            lines.append(f'  "{a.name}" -> "{b.name}";')
        dot = "\n".join(lines + ["}"]) + "\n"
    graphviz.render(dot, to_file)
    return dot


__getattr__ = missing.module_getattr("keras.utils", globals())

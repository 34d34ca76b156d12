"""Model zoo: ready-made ``Sequential`` models by name, for the CLI and the lessons.

``build_mlp`` (a multilayer perceptron) and ``build_cnn`` (a small LeNet-style convolutional
network) return an unbuilt :class:`~mitbadak.Sequential`; they build on the first batch.
Dropout and batch normalization layers are imported only when asked for.

``pretrained(name)`` returns one of the trained networks shipped inside the package (in
``mitbadak/pretrained/``, described by its ``MANIFEST.json``): no training, no network.
Each file's SHA-256 is checked against the manifest before it is read, and it is read with
:func:`mitbadak.load_model` (plain arrays and JSON; nothing is unpickled). The recipes that
retrain them from scratch are in ``benchmarks/pretrained.py``.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import validate
from .errors import ArgumentTypeError, ConfigError, FileFormatError
from .layers import Conv2D, Dense, Flatten, Layer, MaxPooling2D
from .messages import Phrase
from .model import Sequential


def _optional_layer(name: str) -> type[Layer]:
    from . import layers

    cls = getattr(layers, name, None)
    if cls is None:
        raise ConfigError(key="error.zoo.no_layer", name=name)
    return cls


def _seq(value, what="hidden"):
    """``value`` as a list, or an ArgumentTypeError naming ``what``."""
    if not isinstance(value, (list, tuple)):
        raise ArgumentTypeError(key="error.zoo.sizes", what=what, value=value)
    return list(value)


def build_mlp(
    hidden: Sequence[int] = (128, 64),
    num_classes: int = 10,
    activation: str = "relu",
    dropout: float = 0.0,
    batchnorm: bool = False,
    kernel_initializer: Any = "he_uniform",
    kernel_regularizer: Any = None,
    name: str | None = None,
) -> Sequential:
    """A multilayer perceptron: [Dense(h) (-> BatchNorm) -> activation (-> Dropout)] per hidden
    width, then ``Dense(num_classes)`` producing logits (no softmax: use a from-logits loss).

    Inputs with more than one feature axis (e.g. images) are flattened first.

    Example:
        >>> model = build_mlp((32,), num_classes=3)
        >>> model(np.zeros((4, 1, 8, 8))).shape
        (4, 3)
    """
    validate.by_defaults(build_mlp, locals(), "build_mlp")
    hidden = [
        validate.integer(h, Phrase("error.zoo.hidden_width"), "build_mlp", min=1)
        for h in _seq(hidden)
    ]
    if num_classes < 1 or any(int(h) < 1 for h in hidden):
        raise ConfigError(key="error.zoo.widths", hidden=hidden, classes=num_classes)
    if not 0.0 <= dropout < 1.0:
        raise ConfigError(key="error.zoo.dropout", who="build_mlp", dropout=dropout)
    layers: list[Layer] = [Flatten()]
    for h in hidden:
        if batchnorm:
            layers.append(Dense(int(h), use_bias=False, kernel_initializer=kernel_initializer,
                                kernel_regularizer=kernel_regularizer))  # fmt: skip
            layers.append(_optional_layer("BatchNormalization")())
            layers.append(_optional_layer("Activation")(activation))
        else:
            layers.append(Dense(int(h), activation=activation,
                                kernel_initializer=kernel_initializer,
                                kernel_regularizer=kernel_regularizer))  # fmt: skip
        if dropout:
            layers.append(_optional_layer("Dropout")(dropout))
    layers.append(Dense(int(num_classes)))
    return Sequential(layers, name=name)


def build_cnn(
    input_shape: Sequence[int] = (1, 28, 28),
    num_classes: int = 10,
    filters: Sequence[int] = (32, 64),
    convs_per_block: int = 1,
    kernel_size: int = 3,
    dense: Sequence[int] = (128,),
    activation: str = "relu",
    dropout: float = 0.0,
    batchnorm: bool = False,
    kernel_initializer: Any = "he_uniform",
    name: str | None = None,
) -> Sequential:
    """A small convolutional network for (C, H, W) images, channels first.

    One block per entry of ``filters``: ``convs_per_block`` x [Conv2D(f, kernel_size,
    padding="same") (-> BatchNorm) -> activation], then MaxPooling2D(2) (skipped once the
    feature map is smaller than 2x2). Then Flatten, [Dense(d) -> activation (-> Dropout)] per
    entry of ``dense``, and ``Dense(num_classes)`` producing logits.

    The default is the benchmark CNN: conv32-pool-conv64-pool-fc128-fc10.

    Example:
        >>> model = build_cnn((1, 28, 28), 10)
        >>> model(np.zeros((2, 1, 28, 28))).shape
        (2, 10)
        >>> [type(la).__name__ for la in model][:3]
        ['Conv2D', 'MaxPooling2D', 'Conv2D']
    """
    validate.by_defaults(build_cnn, locals(), "build_cnn")
    for what, seq in (("input_shape", input_shape), ("filters", filters), ("dense", dense)):
        for v in _seq(seq, what):
            validate.integer(v, what, "build_cnn", min=1)
    if len(input_shape) != 3:
        raise ConfigError(key="error.zoo.input_shape", shape=tuple(input_shape))
    if not 0.0 <= dropout < 1.0:
        raise ConfigError(key="error.zoo.dropout", who="build_cnn", dropout=dropout)
    h, w = int(input_shape[1]), int(input_shape[2])
    layers: list[Layer] = []
    for f in filters:
        for _ in range(int(convs_per_block)):
            if batchnorm:
                layers.append(Conv2D(int(f), kernel_size, padding="same", use_bias=False,
                                     kernel_initializer=kernel_initializer))  # fmt: skip
                layers.append(_optional_layer("BatchNormalization")(axis=1))
                layers.append(_optional_layer("Activation")(activation))
            else:
                layers.append(Conv2D(int(f), kernel_size, padding="same", activation=activation,
                                     kernel_initializer=kernel_initializer))  # fmt: skip
        if h >= 2 and w >= 2:
            layers.append(MaxPooling2D(2))
            h, w = h // 2, w // 2
    layers.append(Flatten())
    for d in dense:
        layers.append(Dense(int(d), activation=activation, kernel_initializer=kernel_initializer))
        if dropout:
            layers.append(_optional_layer("Dropout")(dropout))
    layers.append(Dense(int(num_classes)))
    return Sequential(layers, name=name)


# ------------------------------------------------------------------- pretrained models
#: The folder of the shipped models and their ``MANIFEST.json``.
PRETRAINED_DIR = Path(__file__).resolve().with_name("pretrained")
MANIFEST_FORMAT = "mitbadak-pretrained/1"


@functools.lru_cache(maxsize=1)
def _manifest() -> dict[str, Any]:
    path = PRETRAINED_DIR / "MANIFEST.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileFormatError(key="error.zoo.no_manifest", path=path) from None
    except (OSError, ValueError) as e:
        raise FileFormatError(key="error.zoo.bad_manifest", path=path, reason=e) from None
    if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT:
        raise FileFormatError(key="error.zoo.manifest_format", path=path, format=MANIFEST_FORMAT)
    models = doc.get("models")
    if not isinstance(models, dict) or not all(isinstance(v, dict) for v in models.values()):
        raise FileFormatError(key="error.zoo.manifest_models", path=path)
    return doc


def pretrained_names() -> list[str]:
    """The names of the pretrained models shipped with mitbadak, sorted.

    Example:
        >>> pretrained_names()
        ['digits-mlp', 'fashion-cnn', 'mnist-cnn', 'mnist04-cnn']
    """
    return sorted(_manifest()["models"])


def pretrained_info(name: str) -> dict[str, Any]:
    """The manifest entry of a shipped model (a copy): its ``file``, ``sha256``, ``bytes``,
    ``dataset``, ``classes`` (labels it was trained on), ``class_names``, ``test_accuracy``
    and ``test_samples`` measured when it was shipped, ``split`` (how the test set is made),
    ``params``, ``recipe`` and the ``mitbadak_version`` that trained it.

    Example:
        >>> info = pretrained_info("mnist-cnn")
        >>> info["dataset"], info["test_accuracy"] >= 0.993
        ('mnist', True)
    """
    models = _manifest()["models"]
    if not isinstance(name, str) or name not in models:
        raise ConfigError(key="error.zoo.unknown_model", name=name, names=sorted(models))
    return copy.deepcopy(models[name])


def pretrained_path(name: str, verify: bool = True) -> Path:
    """The path of a shipped model's ``.npz`` file, after checking its SHA-256 (``verify``).

    Example:
        >>> pretrained_path("digits-mlp").name
        'digits-mlp.npz'
    """
    info = pretrained_info(name)
    path = PRETRAINED_DIR / str(info["file"])
    if path.parent != PRETRAINED_DIR or not path.is_file():
        raise FileFormatError(key="error.zoo.missing_file", name=name, path=path)
    if verify:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != info["sha256"]:
            raise FileFormatError(
                key="error.zoo.checksum", name=name, path=path, digest=digest,
                expected=info["sha256"],
            )  # fmt: skip
    return path


def pretrained(name: str, compile: bool = True, verify: bool = True) -> Any:
    """A trained model shipped with mitbadak, ready to ``predict`` (and to ``evaluate`` or
    ``fit`` on: it comes compiled with its loss and ``accuracy``; no optimizer state).

    ``"mnist-cnn"`` (MNIST, 10 digits), ``"fashion-cnn"`` (Fashion-MNIST), ``"mnist04-cnn"``
    (MNIST digits 0-4 only: the base of the transfer-learning lesson) take (N, 1, 28, 28)
    images in [0, 1]; ``"digits-mlp"`` takes the 8x8 digits as (N, 64) in [0, 1]. Each returns
    logits. The file's checksum is verified first (``verify``).

    Example:
        >>> from mitbadak.data import load_digits
        >>> model = pretrained("digits-mlp")
        >>> x = load_digits().data[:5] / 16.0
        >>> model.predict(x).argmax(axis=1).tolist()
        [0, 1, 2, 3, 4]
    """
    from .io import load_model

    return load_model(pretrained_path(name, verify=verify), compile=compile)


def pretrained_test_set(name: str, download: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """``(x_test, y_test)``: the test set a shipped model was measured on, shaped for it.

    MNIST and Fashion-MNIST come through :func:`mitbadak.data.load_mnist` /
    :func:`~mitbadak.data.load_fashion_mnist` (``$MITBADAK_DATA``, the cache, or a download);
    they raise :class:`~mitbadak.errors.FileFormatError` when the data cannot be found. The
    digits are embedded in the package.

    Example:
        >>> x, y = pretrained_test_set("digits-mlp")
        >>> x.shape, float((pretrained("digits-mlp").predict(x).argmax(1) == y).mean()) > 0.95
        ((450, 64), True)
    """
    from .data import load_digits, load_fashion_mnist, load_mnist, train_test_split

    info = pretrained_info(name)
    dataset, split = info["dataset"], info.get("split") or {}
    if dataset == "digits":
        ds = load_digits()
        _, x, _, y = train_test_split(
            ds.data / 16.0, ds.target, test_size=split.get("test_size", 0.25),
            seed=split.get("seed", 0),
        )  # fmt: skip
    elif dataset in ("mnist", "fashion-mnist"):
        loader = load_mnist if dataset == "mnist" else load_fashion_mnist
        test = loader(download=download).test
        x, y = test.data, test.target
    else:
        raise FileFormatError(key="error.zoo.unknown_dataset", name=name, dataset=dataset)
    classes = info.get("classes")
    if classes is not None:
        keep = np.isin(y, classes)
        x, y = x[keep], y[keep]
    shape = tuple(int(s) for s in info["input_shape"])
    return np.ascontiguousarray(x, dtype=np.float32).reshape((-1, *shape)), np.asarray(y)


__all__ = [
    "build_cnn",
    "build_mlp",
    "pretrained",
    "pretrained_info",
    "pretrained_names",
    "pretrained_path",
    "pretrained_test_set",
]

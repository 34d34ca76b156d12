"""Model zoo: ready-made ``Sequential`` models by name, for the CLI and the lessons.

``build_mlp`` (a multilayer perceptron) and ``build_cnn`` (a small LeNet-style convolutional
network) return an unbuilt :class:`~mitbadak.Sequential`; they build on the first batch.
Dropout and batch normalization layers are imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import validate
from .errors import ArgumentTypeError, ConfigError
from .layers import Conv2D, Dense, Flatten, Layer, MaxPooling2D
from .model import Sequential


def _optional_layer(name: str) -> type[Layer]:
    from . import layers

    cls = getattr(layers, name, None)
    if cls is None:
        raise ConfigError(f"zoo: this version of mitbadak has no {name} layer")
    return cls


def _seq(value, what="hidden"):
    """``value`` as a list, or an ArgumentTypeError naming ``what``."""
    if not isinstance(value, (list, tuple)):
        raise ArgumentTypeError(f"{what} must be a list or tuple of sizes, got {value!r}")
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
    hidden = [validate.integer(h, "hidden width", "build_mlp", min=1) for h in _seq(hidden)]
    if num_classes < 1 or any(int(h) < 1 for h in hidden):
        raise ConfigError(f"build_mlp: widths must be >= 1, got {hidden} and {num_classes}")
    if not 0.0 <= dropout < 1.0:
        raise ConfigError(f"build_mlp: dropout must be in [0, 1), got {dropout}")
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
        raise ConfigError(
            f"build_cnn: input_shape must be (channels, height, width), got {tuple(input_shape)}"
        )
    if not 0.0 <= dropout < 1.0:
        raise ConfigError(f"build_cnn: dropout must be in [0, 1), got {dropout}")
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


__all__ = ["build_cnn", "build_mlp"]

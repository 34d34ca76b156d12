"""Fully connected and shape-only layers: Dense, Activation, Flatten, Reshape."""

from __future__ import annotations

from typing import Any

from .. import activations, initializers, regularizers, validate
from ..errors import ConfigError, ShapeError
from ..ops.activation import relu as _relu
from ..ops.linear import linear
from ..ops.shape import reshape, transpose
from ..tensor import Tensor
from .base import Layer


class Dense(Layer):
    """Fully connected layer: ``y = activation(x @ kernel + bias)``.

    ``kernel`` has shape (input features, units), as in Keras; it is created on the first call
    from the input's last dimension.

    Args:
        units: number of output neurons (the layer's width).
        activation: name or function applied to the output (``None``: linear).
        use_bias: add a learned bias vector.
        kernel_initializer, bias_initializer: names or :mod:`mitbadak.initializers` objects.
        kernel_regularizer, bias_regularizer: penalties added to the training loss.

    Example:
        >>> layer = Dense(4, activation="relu")
        >>> layer(np.ones((2, 3))).shape, layer.kernel.shape
        ((2, 4), (3, 4))
    """

    def __init__(
        self,
        units: int,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.units = validate.integer(units, "units", "Dense", min=1)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)

    def build(self, input_shape: tuple[int, ...]) -> None:
        if len(input_shape) < 2:
            raise ShapeError(
                key="error.layers.input_shape_batch", name=self.name, input_shape=input_shape
            )
        self.kernel = self.add_weight(
            "kernel",
            (input_shape[-1], self.units),
            self.kernel_initializer,
            regularizer=self.kernel_regularizer,
        )
        self.bias = (
            self.add_weight(
                "bias", (self.units,), self.bias_initializer, regularizer=self.bias_regularizer
            )
            if self.use_bias
            else None
        )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        fused = self.activation is _relu  # ReLU runs inside the linear node
        y = linear(x, self.kernel, self.bias, relu=fused, name=f"Dense '{self.name}'")
        return y if fused else self.activation(y)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.name_of(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
        }


class Activation(Layer):
    """Applies an activation function as its own layer.

    Example:
        >>> Activation("relu")(np.array([[-1.0, 2.0]])).tolist()
        [[0.0, 2.0]]
    """

    def __init__(self, activation: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.activation = activations.get(activation)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return self.activation(x)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "activation": activations.name_of(self.activation)}


class Flatten(Layer):
    """Flattens every axis but the batch: (N, C, H, W) -> (N, C*H*W).

    ``data_format="channels_first"`` (Keras' option) flattens channels-first maps in the
    order of their channels-last layout, (N, H, W, C), so that a model converted between
    layouts keeps the same Dense weights; ``None`` (default) or ``"channels_last"`` flattens
    the axes as they are.

    Example:
        >>> Flatten()(np.zeros((2, 3, 4))).shape
        (2, 12)
        >>> Flatten(data_format="channels_first")(np.arange(4.0).reshape(1, 2, 2)).tolist()
        [[0.0, 2.0, 1.0, 3.0]]
    """

    def __init__(self, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if data_format not in (None, "channels_first", "channels_last"):
            raise ConfigError(
                key="error.layers.data_format_none_channels_first", data_format=data_format
            )
        self.data_format = data_format

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        if self.data_format == "channels_first" and x.ndim > 2:
            x = transpose(x, (0,) + tuple(range(2, x.ndim)) + (1,))
        return reshape(x, (x.shape[0], -1))

    def get_config(self) -> dict[str, Any]:
        cfg = super().get_config()
        if self.data_format is not None:
            cfg["data_format"] = self.data_format
        return cfg


class Reshape(Layer):
    """Reshapes every sample to ``target_shape`` (the batch axis is kept).

    Example:
        >>> Reshape((1, 8, 8))(np.zeros((5, 64))).shape
        (5, 1, 8, 8)
    """

    def __init__(self, target_shape: tuple[int, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.target_shape = tuple(int(s) for s in target_shape)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        try:
            return reshape(x, (x.shape[0],) + self.target_shape)
        except ShapeError:
            raise ShapeError(
                key="error.layers.reshape_samples_shape",
                name=self.name,
                shape=x.shape[1:],
                target_shape=self.target_shape,
            ) from None

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "target_shape": list(self.target_shape)}

"""Convolution layers: Conv2D and ZeroPadding2D (channels-first, like PyTorch).

Inputs are ``(batch, channels, height, width)`` by default (``data_format="channels_first"``);
``data_format="channels_last"`` accepts Keras' ``(batch, height, width, channels)`` by
transposing around the same op. The kernel is stored ``(filters, in_channels, kh, kw)``.
"""

from __future__ import annotations

from typing import Any

from .. import activations, initializers, regularizers, validate
from ..errors import ConfigError, ShapeError
from ..ops.activation import relu as _relu
from ..ops.conv import conv2d, pad2d, pair, resolve_padding
from ..ops.shape import transpose
from ..tensor import Tensor
from .base import Layer

_FORMATS = ("channels_first", "channels_last")


def _check_format(data_format: str, layer: str) -> str:
    """Validate a ``data_format`` argument."""
    if data_format not in _FORMATS:
        raise ConfigError(f"{layer}: data_format must be one of {_FORMATS}, got {data_format!r}")
    return data_format


def _to_nchw(layer: Layer, x: Tensor, data_format: str) -> Tensor:
    """Check the rank and bring a batch to (N, C, H, W)."""
    if x.ndim != 4:
        expect = (
            "(batch, channels, height, width)"
            if data_format == "channels_first"
            else "(batch, height, width, channels)"
        )
        raise ShapeError(
            f"{type(layer).__name__} '{layer.name}': expected a 4-D input of shape {expect}, "
            f"got {x.shape}"
        )
    return x if data_format == "channels_first" else transpose(x, (0, 3, 1, 2))


def _from_nchw(x: Tensor, data_format: str) -> Tensor:
    return x if data_format == "channels_first" else transpose(x, (0, 2, 3, 1))


class Conv2D(Layer):
    """2-D convolution layer: ``y = activation(conv2d(x, kernel) + bias)``.

    Args:
        filters: number of output channels.
        kernel_size: int or (kh, kw).
        strides: int or (sh, sw).
        padding: ``"valid"`` (none), ``"same"`` (output ceil(H / stride), Keras/TensorFlow
            padding, with the odd extra pixel at the bottom/right), an int or (ph, pw)
            (symmetric, as in PyTorch).
        dilation_rate: int or (dh, dw); spacing between kernel taps.
        activation: name or function (``None``: linear).
        use_bias: add one learned bias per filter (fused into the same graph node).
        kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer: as
            :class:`~mitbadak.layers.Dense`. Fans of the kernel (O, C, kh, kw) are
            C*kh*kw and O*kh*kw.
        data_format: ``"channels_first"`` (default, (N, C, H, W)) or ``"channels_last"``.

    Output size per axis: floor((H + pads - dilation*(k - 1) - 1) / stride) + 1 (PyTorch's).

    Example:
        >>> layer = Conv2D(8, 3, padding="same", activation="relu")
        >>> layer(np.zeros((2, 1, 28, 28))).shape, layer.kernel.shape
        ((2, 8, 28, 28), (8, 1, 3, 3))
    """

    def __init__(
        self,
        filters: int,
        kernel_size: int | tuple[int, int],
        strides: int | tuple[int, int] = 1,
        padding: Any = "valid",
        dilation_rate: int | tuple[int, int] = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        data_format: str = "channels_first",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.filters = validate.integer(filters, "filters", "Conv2D", min=1)
        self.kernel_size = pair(kernel_size, "kernel_size", "Conv2D")
        self.strides = pair(strides, "strides", "Conv2D")
        self.dilation_rate = pair(dilation_rate, "dilation_rate", "Conv2D")
        if min(self.kernel_size + self.strides + self.dilation_rate) < 1:
            raise ConfigError(
                f"Conv2D: kernel_size, strides and dilation_rate must be >= 1, got "
                f"{self.kernel_size}, {self.strides}, {self.dilation_rate}"
            )
        if isinstance(padding, list):
            padding = tuple(tuple(p) if isinstance(p, list) else p for p in padding)
        self.padding = padding.lower() if isinstance(padding, str) else padding
        if isinstance(self.padding, str) and self.padding not in ("valid", "same"):
            raise ConfigError(f"Conv2D: padding must be 'valid', 'same' or ints, got {padding!r}")
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.data_format = _check_format(data_format, "Conv2D")

    def build(self, input_shape: tuple[int, ...]) -> None:
        channels = input_shape[1] if self.data_format == "channels_first" else input_shape[3]
        self.kernel = self.add_weight(
            "kernel",
            (self.filters, channels) + self.kernel_size,
            self.kernel_initializer,
            regularizer=self.kernel_regularizer,
        )
        self.bias = (
            self.add_weight(
                "bias", (self.filters,), self.bias_initializer, regularizer=self.bias_regularizer
            )
            if self.use_bias
            else None
        )

    def __call__(self, x: Any, training: bool | None = None) -> Tensor:
        x = self._to_tensor(x)
        if x.ndim != 4:  # checked before build, so the message is about the input, not a kernel
            _to_nchw(self, x, self.data_format)
        return super().__call__(x, training)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = _to_nchw(self, x, self.data_format)
        fused = self.activation is _relu  # ReLU runs inside the convolution's node
        y = conv2d(
            x,
            self.kernel,
            self.bias,
            stride=self.strides,
            padding=self.padding,
            dilation=self.dilation_rate,
            relu=fused,
            name=f"Conv2D '{self.name}'",
        )
        return _from_nchw(y if fused else self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        padding = self.padding
        if isinstance(padding, tuple):
            padding = [list(p) if isinstance(p, tuple) else p for p in padding]
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": list(self.kernel_size),
            "strides": list(self.strides),
            "padding": padding,
            "dilation_rate": list(self.dilation_rate),
            "activation": activations.name_of(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "data_format": self.data_format,
        }


class ZeroPadding2D(Layer):
    """Adds rows and columns of zeros around each image.

    Args:
        padding: int (all sides), ``(ph, pw)`` (symmetric) or ``((top, bottom), (left, right))``.
        data_format: ``"channels_first"`` (default) or ``"channels_last"``.

    Example:
        >>> ZeroPadding2D(((1, 0), (2, 2)))(np.ones((1, 3, 4, 4))).shape
        (1, 3, 5, 8)
    """

    def __init__(
        self, padding: Any = 1, data_format: str = "channels_first", **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if isinstance(padding, list):
            padding = tuple(tuple(p) if isinstance(p, list) else p for p in padding)
        if isinstance(padding, str):
            raise ConfigError(f"ZeroPadding2D: padding must be ints, got {padding!r}")
        self.padding = padding
        self.data_format = _check_format(data_format, "ZeroPadding2D")
        resolve_padding(padding, (1, 1), (1, 1), (1, 1), (1, 1), "ZeroPadding2D")  # validate

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = _to_nchw(self, x, self.data_format)
        return _from_nchw(
            pad2d(x, self.padding, name=f"ZeroPadding2D '{self.name}'"), self.data_format
        )

    def get_config(self) -> dict[str, Any]:
        padding = self.padding
        if isinstance(padding, tuple):
            padding = [list(p) if isinstance(p, tuple) else p for p in padding]
        return {**super().get_config(), "padding": padding, "data_format": self.data_format}


__all__ = ["Conv2D", "ZeroPadding2D"]

"""More convolution layers: Conv1D, DepthwiseConv2D, Conv2DTranspose and UpSampling2D.

Each is one op of :mod:`mitbadak.ops` (``conv1d``, ``conv2d`` with ``groups``,
``conv_transpose2d``, ``interpolate``) plus its weights. Inputs are channels-first by default,
like the rest of mitbadak (``(batch, channels, length)`` / ``(batch, channels, height, width)``);
``data_format="channels_last"`` takes Keras' layout by transposing around the same op.

Kernels are stored in PyTorch's layouts: Conv1D (filters, in_channels, k); DepthwiseConv2D
(in_channels * depth_multiplier, 1, kh, kw) (output channel c * m + k reads input channel c);
Conv2DTranspose (in_channels, filters, kh, kw).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import activations, initializers, regularizers, validate
from ..errors import ConfigError, ShapeError
from ..ops.conv import conv2d, pair
from ..ops.conv_variants import conv1d, conv_transpose2d
from ..ops.resize import interpolate
from ..ops.shape import transpose
from ..tensor import Tensor
from .base import Layer

_FORMATS = ("channels_first", "channels_last")


def check_data_format(data_format: str, layer: str) -> str:
    """Validate a ``data_format`` argument.

    Example:
        >>> check_data_format("channels_last", "Conv1D")
        'channels_last'
    """
    if data_format not in _FORMATS:
        raise ConfigError(f"{layer}: data_format must be one of {_FORMATS}, got {data_format!r}")
    return data_format


def _first(layer: Layer, x: Tensor, rank: int, data_format: str) -> Tensor:
    """Check the rank and bring channels to axis 1."""
    if x.ndim != rank:
        axes = "length" if rank == 3 else "height, width"
        expect = (
            f"(batch, channels, {axes})"
            if data_format == "channels_first"
            else f"(batch, {axes}, channels)"
        )
        raise ShapeError(
            f"{type(layer).__name__} '{layer.name}': expected a {rank}-D input of shape "
            f"{expect}, got {x.shape}"
        )
    if data_format == "channels_first":
        return x
    return transpose(x, (0, rank - 1) + tuple(range(1, rank - 1)))


def _back(x: Tensor, data_format: str) -> Tensor:
    if data_format == "channels_first":
        return x
    return transpose(x, (0,) + tuple(range(2, x.ndim)) + (1,))


def _channels(input_shape: tuple[int, ...], data_format: str) -> int:
    return int(input_shape[1] if data_format == "channels_first" else input_shape[-1])


def _padding(padding: Any, layer: str) -> Any:
    if isinstance(padding, list):
        padding = tuple(tuple(p) if isinstance(p, list) else p for p in padding)
    if isinstance(padding, str):
        padding = padding.lower()
        if padding not in ("valid", "same"):
            raise ConfigError(f"{layer}: padding must be 'valid', 'same' or ints, got {padding!r}")
    return padding


def _json_padding(padding: Any) -> Any:
    if isinstance(padding, tuple):
        return [list(p) if isinstance(p, tuple) else p for p in padding]
    return padding


class Conv1D(Layer):
    """1-D convolution layer: ``y = activation(conv1d(x, kernel) + bias)``.

    Args:
        filters: output channels.  kernel_size, strides, dilation_rate: ints.
        padding: ``"valid"``, ``"same"`` (Keras: ceil(L / stride) outputs) or an int.
        groups: channel groups (input and output channels divisible by it).
        activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer,
        bias_regularizer: as :class:`~mitbadak.layers.Conv2D`.
        data_format: ``"channels_first"`` (default, (N, C, L)) or ``"channels_last"``.

    Example:
        >>> layer = Conv1D(4, 3, padding="same")
        >>> layer(np.zeros((2, 3, 10))).shape, layer.kernel.shape
        ((2, 4, 10), (4, 3, 3))
    """

    def __init__(
        self,
        filters: int,
        kernel_size: int,
        strides: int = 1,
        padding: Any = "valid",
        dilation_rate: int = 1,
        groups: int = 1,
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
        vals = [filters, kernel_size, strides, dilation_rate, groups]
        vals = [v[0] if isinstance(v, (tuple, list)) and len(v) == 1 else v for v in vals]
        if any(not isinstance(v, (int, np.integer)) or int(v) < 1 for v in vals):
            raise ConfigError(
                "Conv1D: filters, kernel_size, strides, dilation_rate and groups must be "
                f"positive ints, got {vals}"
            )
        self.filters, self.kernel_size, self.strides, self.dilation_rate, self.groups = (
            int(v) for v in vals
        )
        if self.filters % self.groups:
            raise ConfigError(f"Conv1D: groups={groups} must divide filters={filters}")
        self.padding = _padding(padding, "Conv1D")
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.data_format = check_data_format(data_format, "Conv1D")

    def build(self, input_shape: tuple[int, ...]) -> None:
        c = _channels(input_shape, self.data_format)
        if c % self.groups:
            raise ConfigError(
                f"Conv1D '{self.name}': groups={self.groups} must divide {c} channels"
            )
        self.kernel = self.add_weight(
            "kernel",
            (self.filters, c // self.groups, self.kernel_size),
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

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = _first(self, x, 3, self.data_format)
        y = conv1d(
            x,
            self.kernel,
            self.bias,
            self.strides,
            self.padding,
            self.dilation_rate,
            self.groups,
            name=f"Conv1D '{self.name}'",
        )
        return _back(self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": _json_padding(self.padding),
            "dilation_rate": self.dilation_rate,
            "groups": self.groups,
            "activation": activations.name_of(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "data_format": self.data_format,
        }


class DepthwiseConv2D(Layer):
    """Depthwise 2-D convolution: each input channel convolved with its own
    ``depth_multiplier`` kernels (``conv2d`` with ``groups = channels``).

    Args:
        kernel_size, strides, dilation_rate: int or pair.  padding: as Conv2D.
        depth_multiplier: kernels per input channel (output channels = C * multiplier).
        activation, use_bias, depthwise_initializer, bias_initializer, depthwise_regularizer,
        bias_regularizer: as Conv2D.  data_format: ``"channels_first"`` or ``"channels_last"``.

    Example:
        >>> layer = DepthwiseConv2D(3, padding="same", depth_multiplier=2)
        >>> layer(np.zeros((1, 4, 8, 8))).shape, layer.kernel.shape
        ((1, 8, 8, 8), (8, 1, 3, 3))
    """

    def __init__(
        self,
        kernel_size: Any,
        strides: Any = 1,
        padding: Any = "valid",
        depth_multiplier: int = 1,
        dilation_rate: Any = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        data_format: str = "channels_first",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        validate.integer(depth_multiplier, "depth_multiplier", "DepthwiseConv2D", min=1)
        self.kernel_size = pair(kernel_size, "kernel_size", "DepthwiseConv2D")
        self.strides = pair(strides, "strides", "DepthwiseConv2D")
        self.dilation_rate = pair(dilation_rate, "dilation_rate", "DepthwiseConv2D")
        if min(self.kernel_size + self.strides + self.dilation_rate) < 1 or depth_multiplier < 1:
            raise ConfigError(
                "DepthwiseConv2D: kernel_size, strides, dilation_rate and depth_multiplier "
                "must be >= 1"
            )
        self.depth_multiplier = validate.integer(
            depth_multiplier, "depth_multiplier", "DepthwiseConv2D", min=1
        )
        self.padding = _padding(padding, "DepthwiseConv2D")
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.data_format = check_data_format(data_format, "DepthwiseConv2D")

    def build(self, input_shape: tuple[int, ...]) -> None:
        self.channels = _channels(input_shape, self.data_format)
        o = self.channels * self.depth_multiplier
        self.kernel = self.add_weight(
            "kernel",
            (o, 1) + self.kernel_size,
            self.depthwise_initializer,
            regularizer=self.depthwise_regularizer,
        )
        self.bias = (
            self.add_weight("bias", (o,), self.bias_initializer, regularizer=self.bias_regularizer)
            if self.use_bias
            else None
        )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = _first(self, x, 4, self.data_format)
        y = conv2d(
            x,
            self.kernel,
            self.bias,
            self.strides,
            self.padding,
            self.dilation_rate,
            groups=self.channels,
            name=f"DepthwiseConv2D '{self.name}'",
        )
        return _back(self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "kernel_size": list(self.kernel_size),
            "strides": list(self.strides),
            "padding": _json_padding(self.padding),
            "depth_multiplier": self.depth_multiplier,
            "dilation_rate": list(self.dilation_rate),
            "activation": activations.name_of(self.activation),
            "use_bias": self.use_bias,
            "depthwise_initializer": initializers.serialize(self.depthwise_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "depthwise_regularizer": regularizers.serialize(self.depthwise_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "data_format": self.data_format,
        }


def transpose_crop(
    size: int, kernel: int, stride: int, dilation: int, padding: Any, output_padding: int | None
) -> tuple[int, int]:
    """(before, after) crop of one axis of a Keras ``Conv2DTranspose`` (negative after: extra
    rows). ``"valid"``: output (H - 1) s + k_eff + max(s - k_eff, 0) (Keras); ``"same"``:
    output H * s, the crop split as the matching ``"same"`` convolution pads (the odd one after).
    An explicit ``output_padding`` gives (H - 1) s + k_eff - 2 pad + output_padding, with
    pad = 0 (valid) or k_eff // 2 (same).

    Example:
        >>> transpose_crop(4, 3, 2, 1, "same", None), transpose_crop(4, 3, 2, 1, "valid", None)
        ((0, 1), (0, 0))
    """
    k_eff = dilation * (kernel - 1) + 1
    if output_padding is not None:
        pad = 0 if padding == "valid" else k_eff // 2
        return pad, pad - int(output_padding)
    if padding == "valid":
        return 0, -max(stride - k_eff, 0)
    total = k_eff - stride  # full (H-1)s + k_eff  minus the wanted H s
    if total >= 0:
        return total // 2, total - total // 2
    return 0, total


class Conv2DTranspose(Layer):
    """Transposed 2-D convolution (learned upsampling), Keras' output sizes.

    Args:
        filters: output channels.  kernel_size, strides, dilation_rate: int or pair.
        padding: ``"valid"`` or ``"same"`` (output H * stride).
        output_padding: int or pair, or ``None`` (Keras' default sizes).
        activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer,
        bias_regularizer: as Conv2D.  data_format: ``"channels_first"`` or ``"channels_last"``.

    Example:
        >>> layer = Conv2DTranspose(3, 3, strides=2, padding="same")
        >>> layer(np.zeros((1, 4, 5, 5))).shape, layer.kernel.shape
        ((1, 3, 10, 10), (4, 3, 3, 3))
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: str = "valid",
        output_padding: Any = None,
        dilation_rate: Any = 1,
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
        self.filters = validate.integer(filters, "filters", "Conv2DTranspose", min=1)
        self.kernel_size = pair(kernel_size, "kernel_size", "Conv2DTranspose")
        self.strides = pair(strides, "strides", "Conv2DTranspose")
        self.dilation_rate = pair(dilation_rate, "dilation_rate", "Conv2DTranspose")
        if min(self.kernel_size + self.strides + self.dilation_rate) < 1:
            raise ConfigError("Conv2DTranspose: kernel_size, strides, dilation_rate must be >= 1")
        if not isinstance(padding, str) or padding.lower() not in ("valid", "same"):
            raise ConfigError(
                f"Conv2DTranspose: padding must be 'valid' or 'same', got {padding!r}"
            )
        self.padding = padding.lower()
        self.output_padding = (
            None
            if output_padding is None
            else pair(output_padding, "output_padding", "Conv2DTranspose")
        )
        if self.output_padding is not None and any(
            op >= s for op, s in zip(self.output_padding, self.strides)
        ):
            raise ConfigError(
                f"Conv2DTranspose: output_padding {self.output_padding} must be smaller than "
                f"strides {self.strides}"
            )
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.data_format = check_data_format(data_format, "Conv2DTranspose")

    def build(self, input_shape: tuple[int, ...]) -> None:
        c = _channels(input_shape, self.data_format)
        self.kernel = self.add_weight(
            "kernel",
            (c, self.filters) + self.kernel_size,
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

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = _first(self, x, 4, self.data_format)
        ops = self.output_padding or (None, None)
        crops = [
            transpose_crop(
                x.shape[2 + a],
                self.kernel_size[a],
                self.strides[a],
                self.dilation_rate[a],
                self.padding,
                None if self.output_padding is None else ops[a],
            )
            for a in range(2)
        ]
        y = conv_transpose2d(
            x,
            self.kernel,
            self.bias,
            self.strides,
            dilation=self.dilation_rate,
            crop=(crops[0][0], crops[0][1], crops[1][0], crops[1][1]),
            name=f"Conv2DTranspose '{self.name}'",
        )
        return _back(self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": list(self.kernel_size),
            "strides": list(self.strides),
            "padding": self.padding,
            "output_padding": None if self.output_padding is None else list(self.output_padding),
            "dilation_rate": list(self.dilation_rate),
            "activation": activations.name_of(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "data_format": self.data_format,
        }


class UpSampling2D(Layer):
    """Repeat rows and columns ``size`` times (``"nearest"``) or interpolate (``"bilinear"``,
    half-pixel centres as Keras / PyTorch with ``align_corners=False``).

    Example:
        >>> UpSampling2D(2)(np.ones((1, 3, 4, 5))).shape
        (1, 3, 8, 10)
    """

    def __init__(
        self,
        size: Any = (2, 2),
        interpolation: str = "nearest",
        data_format: str = "channels_first",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.size = pair(size, "size", "UpSampling2D")
        if min(self.size) < 1:
            raise ConfigError(f"UpSampling2D: size must be >= 1, got {self.size}")
        if interpolation not in ("nearest", "bilinear"):
            raise ConfigError(
                f"UpSampling2D: interpolation must be 'nearest' or 'bilinear', got {interpolation!r}"
            )
        self.interpolation = interpolation
        self.data_format = check_data_format(data_format, "UpSampling2D")

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = _first(self, x, 4, self.data_format)
        out = (x.shape[2] * self.size[0], x.shape[3] * self.size[1])
        ac = False if self.interpolation == "bilinear" else None
        y = interpolate(x, size=out, mode=self.interpolation, align_corners=ac)
        return _back(y, self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "size": list(self.size),
            "interpolation": self.interpolation,
            "data_format": self.data_format,
        }


__all__ = ["Conv1D", "Conv2DTranspose", "DepthwiseConv2D", "UpSampling2D", "check_data_format"]

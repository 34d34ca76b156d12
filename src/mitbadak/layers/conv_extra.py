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

from .. import validate
from ..errors import ConfigError
from ..ops.conv import conv2d
from ..ops.conv_variants import conv1d, conv_transpose2d
from ..ops.resize import interpolate
from ..tensor import Tensor
from .base import Layer
from .conv_args import (
    add_kernel_and_bias,
    channels_of,
    check_data_format,
    conv_geometry,
    from_channels_first,
    geometry_config,
    json_ready,
    set_weight_options,
    to_channels_first,
    tuple_of,
    weight_config,
)


class Conv1D(Layer):
    """1-D convolution layer: ``y = activation(conv1d(x, kernel) + bias)``.

    Args:
        filters: output channels.  kernel_size, strides, dilation_rate: ints.
        padding: ``"valid"``, ``"same"`` (Keras: ceil(L / stride) outputs), an int or
            ``(left, right)``.
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
        self.filters = validate.integer(filters, "filters", "Conv1D", min=1)
        self.groups = validate.integer(groups, "groups", "Conv1D", min=1)
        if self.filters % self.groups:
            raise ConfigError(
                key="error.conv_extra.groups_filters", groups=self.groups, filters=self.filters
            )
        g = conv_geometry("Conv1D", 1, kernel_size, strides, padding, dilation_rate, data_format)
        self.kernel_size, self.strides, self.padding, self.dilation_rate, self.data_format = g
        set_weight_options(
            self, "kernel", activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer,
        )  # fmt: skip

    def build(self, input_shape: tuple[int, ...]) -> None:
        c = channels_of(input_shape, self.data_format)
        if c % self.groups:
            raise ConfigError(
                key="error.conv_extra.groups_channels", name=self.name, groups=self.groups, c=c
            )
        add_kernel_and_bias(self, (self.filters, c // self.groups, self.kernel_size), self.filters)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = to_channels_first(self, x, 3, self.data_format)
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
        return from_channels_first(self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        config = {**super().get_config(), "filters": self.filters, **geometry_config(self)}
        return {**config, "groups": self.groups, **weight_config(self)}


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
        self.depth_multiplier = validate.integer(
            depth_multiplier, "depth_multiplier", "DepthwiseConv2D", min=1
        )
        g = conv_geometry(
            "DepthwiseConv2D", 2, kernel_size, strides, padding, dilation_rate, data_format
        )
        self.kernel_size, self.strides, self.padding, self.dilation_rate, self.data_format = g
        set_weight_options(
            self, "depthwise", activation, use_bias, depthwise_initializer, bias_initializer,
            depthwise_regularizer, bias_regularizer,
        )  # fmt: skip

    def build(self, input_shape: tuple[int, ...]) -> None:
        self.channels = channels_of(input_shape, self.data_format)
        o = self.channels * self.depth_multiplier
        add_kernel_and_bias(self, (o, 1) + self.kernel_size, o, kernel="depthwise")

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = to_channels_first(self, x, 4, self.data_format)
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
        return from_channels_first(self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        config = {**super().get_config(), **geometry_config(self)}
        return {
            **config,
            "depth_multiplier": self.depth_multiplier,
            **weight_config(self, "depthwise"),
        }


def transpose_crop(
    size: int, kernel: int, stride: int, dilation: int, padding: Any, output_padding: int | None
) -> tuple[int, int]:
    """(before, after) crop of one axis of a Keras ``Conv2DTranspose`` (negative after: extra
    rows), from the full output (H - 1) s + k_eff. ``"valid"``: output
    (H - 1) s + k_eff + max(s - k_eff, 0) (Keras); ``"same"``: output H * s, the crop split as
    the matching ``"same"`` convolution pads (the odd one after). An explicit ``output_padding``
    adds that many rows after ``"valid"``'s full output; with ``"same"`` it gives
    (H - 1) s + k_eff % 2 + output_padding rows, placed as Keras 3 places them (a total padding
    of k_eff + k_eff % 2 - 2 + output_padding, its larger half, at most k_eff - 1, before).

    Example:
        >>> transpose_crop(4, 3, 2, 1, "same", None), transpose_crop(4, 3, 2, 1, "valid", None)
        ((0, 1), (0, 0))
        >>> transpose_crop(4, 3, 2, 1, "same", 1), transpose_crop(4, 4, 2, 1, "same", 1)
        ((0, 1), (1, 2))
    """
    k_eff = dilation * (kernel - 1) + 1
    if output_padding is not None and padding == "valid":
        return 0, -int(output_padding)
    if output_padding is not None:
        pad = k_eff + k_eff % 2 - 2 + int(output_padding)
        before = min(pad - pad // 2, k_eff - 1)
        return k_eff - 1 - before, k_eff - 1 - (pad - before)
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
        g = conv_geometry(
            "Conv2DTranspose", 2, kernel_size, strides, padding, dilation_rate, data_format,
            ints=False,
        )  # fmt: skip
        self.kernel_size, self.strides, self.padding, self.dilation_rate, self.data_format = g
        self.output_padding = None
        if output_padding is not None:
            self.output_padding = tuple_of(
                output_padding, 2, "output_padding", "Conv2DTranspose", min=0
            )
            if any(op >= s for op, s in zip(self.output_padding, self.strides)):
                raise ConfigError(
                    key="error.conv_extra.output_padding",
                    got=self.output_padding,
                    strides=self.strides,
                )
        set_weight_options(
            self, "kernel", activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer,
        )  # fmt: skip

    def build(self, input_shape: tuple[int, ...]) -> None:
        c = channels_of(input_shape, self.data_format)
        add_kernel_and_bias(self, (c, self.filters) + self.kernel_size, self.filters)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = to_channels_first(self, x, 4, self.data_format)
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
        return from_channels_first(self.activation(y), self.data_format)

    def get_config(self) -> dict[str, Any]:
        config = {**super().get_config(), "filters": self.filters, **geometry_config(self)}
        return {**config, "output_padding": json_ready(self.output_padding), **weight_config(self)}


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
        self.size = tuple_of(size, 2, "size", "UpSampling2D")
        if interpolation not in ("nearest", "bilinear"):
            raise ConfigError(key="error.conv_extra.interpolation", got=repr(interpolation))
        self.interpolation = interpolation
        self.data_format = check_data_format(data_format, "UpSampling2D")

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = to_channels_first(self, x, 4, self.data_format)
        out = (x.shape[2] * self.size[0], x.shape[3] * self.size[1])
        ac = False if self.interpolation == "bilinear" else None
        y = interpolate(x, size=out, mode=self.interpolation, align_corners=ac)
        return from_channels_first(y, self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "size": list(self.size),
            "interpolation": self.interpolation,
            "data_format": self.data_format,
        }


__all__ = ["Conv1D", "Conv2DTranspose", "DepthwiseConv2D", "UpSampling2D", "check_data_format"]

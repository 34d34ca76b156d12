"""Convolution layers: Conv2D and ZeroPadding2D (channels-first, like PyTorch).

Inputs are ``(batch, channels, height, width)`` by default (``data_format="channels_first"``);
``data_format="channels_last"`` accepts Keras' ``(batch, height, width, channels)`` by
transposing around the same op. The kernel is stored ``(filters, in_channels, kh, kw)``.
"""

from __future__ import annotations

from typing import Any

from .. import validate
from ..activations import linear as _linear
from ..errors import ConfigError
from ..ops.activation import relu as _relu
from ..ops.conv import conv2d, pad2d
from ..ops.conv_pool import conv2d_maxpool2d
from ..ops.kernel_mode import reference_kernels
from ..tensor import Tensor
from .base import Layer
from .conv_args import (
    add_kernel_and_bias,
    channels_of,
    check_data_format,
    check_input_rank,
    conv_geometry,
    from_channels_first,
    geometry_config,
    json_ready,
    padding_of,
    set_weight_options,
    to_channels_first,
    weight_config,
)


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
        g = conv_geometry("Conv2D", 2, kernel_size, strides, padding, dilation_rate, data_format)
        self.kernel_size, self.strides, self.padding, self.dilation_rate, self.data_format = g
        set_weight_options(
            self, "kernel", activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer,
        )  # fmt: skip

    def build(self, input_shape: tuple[int, ...]) -> None:
        channels = channels_of(input_shape, self.data_format)
        add_kernel_and_bias(self, (self.filters, channels) + self.kernel_size, self.filters)

    def __call__(self, x: Any, training: bool | None = None, *, pool: Any = None) -> Tensor:
        x = self._to_tensor(x)
        # checked before build, so the message is about the input, not a kernel
        check_input_rank(self, x, 4, self.data_format)
        if pool is not None:
            return super().__call__(x, training, pool=pool)
        return super().__call__(x, training)

    def call(self, x: Tensor, training: bool = False, pool: Any = None) -> Tensor:
        """The convolution; with ``pool``, the ``MaxPooling2D(2)`` layer that follows (one
        :meth:`fuses_with` accepts), both in one node, as :class:`~mitbadak.model.Sequential`
        runs them (errors about the window then name the pooling layer)."""
        x = to_channels_first(self, x, 4, self.data_format)
        fused = self.activation is _relu  # ReLU runs inside the convolution's node
        name = f"Conv2D '{self.name}'"
        if pool is not None:
            if not (self.fuses_with(pool) or reference_kernels()):  # (the reference composes)
                raise ConfigError(
                    key="error.layers.conv_pool_not_fusable", name=self.name, pool=pool
                )
            pool_name = f"{type(pool).__name__} '{pool.name}'"
            y = conv2d_maxpool2d(
                x, self.kernel, self.bias, self.strides, self.padding, self.dilation_rate,
                relu=fused, name=name, pool_name=pool_name,
            )  # fmt: skip
        else:
            y = conv2d(
                x, self.kernel, self.bias, stride=self.strides, padding=self.padding,
                dilation=self.dilation_rate, relu=fused, name=name,
            )  # fmt: skip
        return from_channels_first(y if fused else self.activation(y), self.data_format)

    def fuses_with(self, layer: Any) -> bool:
        """True when ``layer``, the next layer of a Sequential, is a ``MaxPooling2D(2)`` this
        convolution can run inside its own graph node (:mod:`mitbadak.ops.conv_pool`): the
        same values and gradients as the two layers one after the other, in less time and
        memory. Only layers whose forward is these classes' own (Keras' ``keras.layers``
        classes, which only change defaults, are), ReLU or no activation, a 2x2 window with
        stride 2 and ``"valid"`` padding, the same data format, no forward hook on either layer
        and the fast kernels in use (not :func:`~mitbadak.backend.use_reference_kernels`).

        Example:
            >>> from mitbadak.layers import MaxPooling2D
            >>> conv = Conv2D(8, 3, activation="relu")
            >>> conv.fuses_with(MaxPooling2D(2)), conv.fuses_with(MaxPooling2D(3))
            (True, False)
        """
        from .pooling import MaxPooling2D

        own = type(self).call is Conv2D.call and type(self).__call__ is Conv2D.__call__
        return (
            own
            and isinstance(layer, MaxPooling2D)
            and type(layer).call is MaxPooling2D.call
            and (self.activation is _relu or self.activation is _linear)
            and tuple(layer.pool_size) == (2, 2)
            and tuple(layer.strides) == (2, 2)
            and layer.padding == "valid"
            and layer.data_format == self.data_format
            and not self.has_forward_hooks()
            and not layer.has_forward_hooks()
            and not reference_kernels()
        )

    def get_config(self) -> dict[str, Any]:
        config = {**super().get_config(), "filters": self.filters, **geometry_config(self)}
        return {**config, **weight_config(self)}


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
        self.padding = padding_of(padding, 2, "ZeroPadding2D", modes=())
        self.data_format = check_data_format(data_format, "ZeroPadding2D")

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = to_channels_first(self, x, 4, self.data_format)
        return from_channels_first(
            pad2d(x, self.padding, name=f"ZeroPadding2D '{self.name}'"), self.data_format
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "padding": json_ready(self.padding),
            "data_format": self.data_format,
        }


__all__ = ["Conv2D", "ZeroPadding2D"]

"""Pooling layers (channels-first by default): MaxPooling2D, AveragePooling2D and the global
poolings, which reduce each channel's whole feature map to one number.

The arguments are Keras': ``pool_size`` (an int or a pair), ``strides`` (the same; ``None``
means ``pool_size``), ``padding`` (``"valid"`` or ``"same"``), ``data_format``
(``"channels_first"``, the default, or ``"channels_last"``) and, for the global poolings,
``(data_format, keepdims)``. They are checked by :func:`~mitbadak.layers.conv_args.pool_geometry`,
as the convolution layers' are, so a bad value names the layer and the argument.

Example:
    >>> MaxPooling2D((2, 3), strides=1, padding="same").strides
    (1, 1)
    >>> MaxPooling2D(pool_size=0)
    Traceback (most recent call last):
    ...
    mitbadak.errors.ConfigError: MaxPooling2D: pool_size must be a whole number >= 1, got 0
"""

from __future__ import annotations

from typing import Any

from .. import validate
from ..ops.pool import avg_pool2d, max_pool2d
from ..ops.reduce import max as reduce_max
from ..ops.reduce import mean as reduce_mean
from ..tensor import Tensor
from .base import Layer
from .conv_args import (
    check_data_format,
    check_input_rank,
    from_channels_first,
    pool_geometry,
    to_channels_first,
)


class _Pooling2D(Layer):
    _fn: Any = None

    def __init__(
        self,
        pool_size: int | tuple[int, int] = 2,
        strides: int | tuple[int, int] | None = None,
        padding: str = "valid",
        data_format: str = "channels_first",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        g = pool_geometry(type(self).__name__, 2, pool_size, strides, padding, data_format)
        self.pool_size, self.strides, self.padding, self.data_format = g

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        x = to_channels_first(self, x, 4, self.data_format)
        name = f"{type(self).__name__} '{self.name}'"
        y = type(self)._fn(x, self.pool_size, self.strides, self.padding, name=name)
        return from_channels_first(y, self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "pool_size": list(self.pool_size),
            "strides": list(self.strides),
            "padding": self.padding,
            "data_format": self.data_format,
        }


class MaxPooling2D(_Pooling2D):
    """Max over each ``pool_size`` window, moving by ``strides`` (default: ``pool_size``).

    ``padding="same"`` pads (asymmetrically when needed, as Keras) so the output has
    ceil(H / stride) rows; padded positions never win. The gradient goes to the first maximum
    of each window, as in PyTorch.

    Example:
        >>> MaxPooling2D(2)(np.zeros((4, 8, 28, 28))).shape
        (4, 8, 14, 14)
    """

    _fn = staticmethod(max_pool2d)


class AveragePooling2D(_Pooling2D):
    """Mean over each ``pool_size`` window, moving by ``strides`` (default: ``pool_size``).

    With ``padding="same"`` the padded positions are not counted (Keras).

    Example:
        >>> AveragePooling2D(2)(np.ones((1, 1, 4, 4))).data[0, 0].tolist()
        [[1.0, 1.0], [1.0, 1.0]]
    """

    _fn = staticmethod(avg_pool2d)


class _GlobalPooling2D(Layer):
    def __init__(
        self, data_format: str = "channels_first", keepdims: bool = False, **kwargs: Any
    ) -> None:  # Keras' order of arguments
        super().__init__(**kwargs)
        cls = type(self).__name__
        self.data_format = check_data_format(data_format, cls)
        self.keepdims = validate.boolean(keepdims, "keepdims", cls)

    def axes(self) -> tuple[int, int]:
        return (2, 3) if self.data_format == "channels_first" else (1, 2)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "keepdims": self.keepdims, "data_format": self.data_format}


class GlobalAveragePooling2D(_GlobalPooling2D):
    """Mean of each channel over height and width: (N, C, H, W) -> (N, C).

    ``y[n, c] = mean_{h, w} x[n, c, h, w]``; each position's gradient is G[n, c] / (H*W).

    Example:
        >>> GlobalAveragePooling2D()(np.ones((2, 3, 5, 5))).shape
        (2, 3)
    """

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        check_input_rank(self, x, 4, self.data_format)
        return reduce_mean(x, axis=self.axes(), keepdims=self.keepdims)


class GlobalMaxPooling2D(_GlobalPooling2D):
    """Maximum of each channel over height and width: (N, C, H, W) -> (N, C).

    The gradient goes to the maximum (split evenly among exact ties, as ``torch.amax``).

    Example:
        >>> GlobalMaxPooling2D()(np.arange(8.0).reshape(1, 2, 2, 2)).tolist()
        [[3.0, 7.0]]
    """

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        check_input_rank(self, x, 4, self.data_format)
        return reduce_max(x, axis=self.axes(), keepdims=self.keepdims)


__all__ = [
    "AveragePooling2D",
    "GlobalAveragePooling2D",
    "GlobalMaxPooling2D",
    "MaxPooling2D",
]

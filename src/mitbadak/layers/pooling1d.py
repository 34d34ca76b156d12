"""1-D pooling over the steps of sequences: MaxPooling1D, AveragePooling1D and the global
poolings GlobalAveragePooling1D / GlobalMaxPooling1D.

Sequences are ``(batch, steps, features)`` by default (``data_format="channels_last"``, the
layout of mitbadak's Embedding and recurrent layers, and Keras' default); ``"channels_first"``
takes ``(batch, features, steps)``. The windowed poolings are the 2-D pooling ops on a
one-row image, so their gradients are those of MaxPooling2D / AveragePooling2D.

Example:
    >>> import numpy as np
    >>> MaxPooling1D(2)(np.arange(8.0).reshape(1, 4, 2)).tolist()
    [[[2.0, 3.0], [6.0, 7.0]]]
"""

from __future__ import annotations

from typing import Any

from .. import validate
from ..errors import ShapeError
from ..ops.pool import avg_pool2d, max_pool2d
from ..ops.reduce import max as reduce_max
from ..ops.reduce import mean as reduce_mean
from ..ops.shape import reshape
from ..tensor import Tensor
from .base import Layer
from .conv_args import check_data_format, from_channels_first, pool_geometry, to_channels_first

__all__ = ["AveragePooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling1D", "MaxPooling1D"]


def _check3(layer: Layer, x: Tensor) -> None:
    """A ShapeError naming ``layer`` unless ``x`` is a batch of sequences in its layout."""
    if x.ndim != 3:
        key = (
            "error.pooling1d.rank_steps_last"
            if layer.data_format == "channels_last"
            else "error.pooling1d.rank_steps_first"
        )
        raise ShapeError(key=key, layer=type(layer).__name__, name=layer.name, shape=x.shape)


class _Pooling1D(Layer):
    _fn: Any = None

    def __init__(
        self,
        pool_size: int | tuple[int] = 2,
        strides: int | tuple[int] | None = None,
        padding: str = "valid",
        data_format: str = "channels_last",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        g = pool_geometry(type(self).__name__, 1, pool_size, strides, padding, data_format)
        self.pool_size, self.strides, self.padding, self.data_format = g

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        _check3(self, x)
        x = to_channels_first(self, x, 3, self.data_format)  # (N, C, T)
        n, c, t = x.shape
        img = reshape(x, (n, c, 1, t))
        name = f"{type(self).__name__} '{self.name}'"
        y = type(self)._fn(img, (1, self.pool_size), (1, self.strides), self.padding, name=name)
        return from_channels_first(reshape(y, (n, c, y.shape[-1])), self.data_format)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "pool_size": self.pool_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
        }


class MaxPooling1D(_Pooling1D):
    """Max over windows of ``pool_size`` steps, moving by ``strides`` (default pool_size).

    Example:
        >>> MaxPooling1D(3, strides=1)(np.zeros((2, 10, 4))).shape
        (2, 8, 4)
    """

    _fn = staticmethod(max_pool2d)


class AveragePooling1D(_Pooling1D):
    """Mean over windows of ``pool_size`` steps, moving by ``strides`` (default pool_size).

    Example:
        >>> AveragePooling1D(2)(np.ones((1, 4, 1))).tolist()
        [[[1.0], [1.0]]]
    """

    _fn = staticmethod(avg_pool2d)


class _GlobalPooling1D(Layer):
    def __init__(
        self, data_format: str = "channels_last", keepdims: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        cls = type(self).__name__
        self.data_format = check_data_format(data_format, cls)
        self.keepdims = validate.boolean(keepdims, "keepdims", cls)

    def _axis(self) -> int:
        return 1 if self.data_format == "channels_last" else 2

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "keepdims": self.keepdims, "data_format": self.data_format}


class GlobalAveragePooling1D(_GlobalPooling1D):
    """Mean over the steps: (N, T, d) -> (N, d) (a bag of embeddings for text).

    Example:
        >>> GlobalAveragePooling1D()(np.arange(6.0).reshape(1, 3, 2)).tolist()
        [[2.0, 3.0]]
    """

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        _check3(self, x)
        return reduce_mean(x, axis=self._axis(), keepdims=self.keepdims)


class GlobalMaxPooling1D(_GlobalPooling1D):
    """Maximum over the steps: (N, T, d) -> (N, d).

    Example:
        >>> GlobalMaxPooling1D()(np.arange(6.0).reshape(1, 3, 2)).tolist()
        [[4.0, 5.0]]
    """

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        _check3(self, x)
        return reduce_max(x, axis=self._axis(), keepdims=self.keepdims)

"""Activation functions as layers (Keras' ``ReLU``, ``LeakyReLU``, ``PReLU``, ``ELU``,
``Softmax``), each one tensor op (``PReLU`` learns its slopes).

Example:
    >>> import numpy as np
    >>> LeakyReLU(negative_slope=0.5)(np.array([[-1.0, 2.0]])).tolist()
    [[-0.5, 2.0]]
"""

from __future__ import annotations

from typing import Any

from .. import initializers, validate
from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..ops import elu, leaky_relu, maximum, minimum, relu, softmax
from ..tensor import Tensor
from .base import Layer

__all__ = ["ELU", "PReLU", "ReLU", "LeakyReLU", "Softmax"]


class ReLU(Layer):
    """Rectified linear unit with Keras' options::

        f(x) = max_value              if x >= max_value
               x                      if threshold <= x < max_value
               negative_slope * (x - threshold)  otherwise

    Example:
        >>> ReLU(max_value=6.0)(np.array([-1.0, 3.0, 9.0])).tolist()
        [0.0, 3.0, 6.0]
    """

    def __init__(
        self,
        max_value: float | None = None,
        negative_slope: float = 0.0,
        threshold: float = 0.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        validate.number(max_value, "max_value", "ReLU", none=True, finite=False)
        validate.number(negative_slope, "negative_slope", "ReLU")
        validate.number(threshold, "threshold", "ReLU")
        if max_value is not None and max_value < 0:
            raise ConfigError(key="error.layers.max_value_none", max_value=max_value)
        if negative_slope < 0:
            raise ConfigError(key="error.layers.negative_slope", negative_slope=negative_slope)
        self.max_value = None if max_value is None else float(max_value)
        self.negative_slope = float(negative_slope)
        self.threshold = float(threshold)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        xp = array_module(x)
        if self.threshold == 0.0:
            y = leaky_relu(x, self.negative_slope) if self.negative_slope else relu(x)
        else:
            t = self.threshold
            mask = Tensor((x.data >= t).astype(x.dtype))
            y = x * mask + (x - t) * (1.0 - mask) * self.negative_slope
        if self.max_value is not None:
            y = minimum(y, Tensor(xp.asarray(self.max_value, dtype=x.dtype)))
        return y

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "max_value": self.max_value,
            "negative_slope": self.negative_slope,
            "threshold": self.threshold,
        }


class LeakyReLU(Layer):
    """``x`` for x > 0, ``negative_slope * x`` otherwise (Keras' default slope 0.3).

    Example:
        >>> LeakyReLU()(np.array([-1.0, 1.0])).data.astype(float).round(4).tolist()
        [-0.3, 1.0]
    """

    def __init__(self, negative_slope: float = 0.3, **kwargs: Any) -> None:
        if "alpha" in kwargs:  # Keras 2's name
            negative_slope = kwargs.pop("alpha")
        super().__init__(**kwargs)
        validate.number(negative_slope, "negative_slope", "LeakyReLU")
        if negative_slope < 0:
            raise ConfigError(key="error.layers.init.negative_slope", negative_slope=negative_slope)
        self.negative_slope = float(negative_slope)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return leaky_relu(x, self.negative_slope)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "negative_slope": self.negative_slope}


class PReLU(Layer):
    """Parametric ReLU: ``x`` for x > 0, ``alpha * x`` otherwise, with ``alpha`` learned, one
    per feature (``shared_axes`` share it along those axes, e.g. ``[1, 2]`` for one per
    channel of channels-last images). d/dalpha = min(x, 0).

    Example:
        >>> layer = PReLU(alpha_initializer="ones")
        >>> layer(np.array([[-2.0, 3.0]])).tolist(), layer.alpha.shape
        ([[-2.0, 3.0]], (2,))
    """

    def __init__(
        self,
        alpha_initializer: Any = "zeros",
        alpha_regularizer: Any = None,
        shared_axes: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        from .. import regularizers

        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        if shared_axes is not None and not isinstance(shared_axes, (list, tuple)):
            shared_axes = [shared_axes]
        self.shared_axes = None if shared_axes is None else [int(a) for a in shared_axes]

    def build(self, input_shape: tuple[int, ...]) -> None:
        shape = list(input_shape[1:])
        for a in self.shared_axes or []:
            if not 1 <= a < len(input_shape):
                raise ShapeError(
                    key="error.layers.shared_axis", name=self.name, a=a, input_shape=input_shape
                )
            shape[a - 1] = 1
        self.alpha = self.add_weight(
            "alpha", tuple(shape), self.alpha_initializer, regularizer=self.alpha_regularizer
        )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        xp = array_module(x)
        zero = Tensor(xp.zeros((), dtype=x.dtype))
        return maximum(x, zero) + self.alpha * minimum(x, zero)

    def get_config(self) -> dict[str, Any]:
        from .. import regularizers

        return {
            **super().get_config(),
            "alpha_initializer": initializers.serialize(self.alpha_initializer),
            "alpha_regularizer": regularizers.serialize(self.alpha_regularizer),
            "shared_axes": self.shared_axes,
        }


class ELU(Layer):
    """Exponential linear unit: ``x`` for x > 0, ``alpha * (e^x - 1)`` otherwise.

    Example:
        >>> ELU()(np.array([0.0, 2.0])).tolist()
        [0.0, 2.0]
    """

    def __init__(self, alpha: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alpha = validate.number(alpha, "alpha", "ELU")

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return elu(x, self.alpha)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "alpha": self.alpha}


class Softmax(Layer):
    """Softmax along ``axis`` (default -1): positive values summing to 1.

    Example:
        >>> Softmax()(np.zeros((1, 4))).tolist()
        [[0.25, 0.25, 0.25, 0.25]]
    """

    def __init__(self, axis: int = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = validate.integer(axis, "axis", "Softmax")

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return softmax(x, axis=self.axis)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}

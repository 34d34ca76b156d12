"""Normalization layers: BatchNormalization, LayerNormalization."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import initializers, regularizers, validate
from ..errors import ConfigError, ShapeError
from ..ops.normalization import batch_norm, layer_norm
from ..tensor import Tensor
from .base import Layer


class BatchNormalization(Layer):
    """Batch normalization (Ioffe & Szegedy): normalize each channel with the batch's mean and
    variance in training, with running averages of them at inference; then scale and shift.

    ``y = gamma * (x - mean) / sqrt(var + epsilon) + beta``, per channel of ``axis``.

    Training uses the batch statistics (biased variance) and updates the running ones::

        moving_mean     = momentum * moving_mean     + (1 - momentum) * batch_mean
        moving_variance = momentum * moving_variance + (1 - momentum) * unbiased batch_var

    Conventions: ``momentum`` is Keras' (the weight of the *old* value, default 0.99);
    PyTorch's ``BatchNorm(momentum=m)`` is ``momentum = 1 - m`` here (PyTorch's default 0.1 is
    0.9). The running variance is the unbiased one, as in PyTorch (Keras keeps the biased one).
    ``epsilon`` defaults to Keras' 1e-3; PyTorch's is 1e-5. As in Keras, a layer with
    ``trainable = False`` runs in inference mode (for fine-tuning).

    Args:
        axis: the channel axis: 1 for (N, C) dense outputs and (N, C, H, W) conv outputs (the
            layout used throughout mitbadak), -1 for channels-last data.
        momentum, epsilon: see above.
        center, scale: learn ``beta`` / ``gamma`` (turn ``scale`` off before a ReLU, say).

    Weights, in Keras' order: gamma, beta (trainable), moving_mean, moving_variance (not).

    Example:
        >>> bn = BatchNormalization()
        >>> y = bn(np.random.default_rng(0).normal(5, 3, (64, 4)), training=True)
        >>> bool(abs(y.data.mean()) < 1e-5), [w.shape for w in bn.get_weights()]
        (True, [(4,), (4,), (4,), (4,)])
    """

    def __init__(
        self,
        axis: int = 1,
        momentum: float = 0.99,
        epsilon: float = 1e-3,
        center: bool = True,
        scale: bool = True,
        beta_initializer: Any = "zeros",
        gamma_initializer: Any = "ones",
        moving_mean_initializer: Any = "zeros",
        moving_variance_initializer: Any = "ones",
        beta_regularizer: Any = None,
        gamma_regularizer: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        validate.number(momentum, "momentum", f"BatchNormalization '{self.name}'")
        validate.number(epsilon, "epsilon", f"BatchNormalization '{self.name}'")
        validate.integer(axis, "axis", f"BatchNormalization '{self.name}'")
        if not 0.0 <= momentum <= 1.0:
            raise ConfigError(
                key="error.layers.momentum_keras_convention", name=self.name, momentum=momentum
            )
        if not epsilon > 0:
            raise ConfigError(key="error.layers.epsilon", name=self.name, epsilon=epsilon)
        self.axis, self.momentum, self.epsilon = int(axis), float(momentum), float(epsilon)
        self.center, self.scale = bool(center), bool(scale)
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)

    def build(self, input_shape: tuple[int, ...]) -> None:
        nd = len(input_shape)
        if nd < 2 or not -nd <= self.axis < nd or self.axis % nd == 0:
            raise ShapeError(
                key="error.layers.axis_channel_axis",
                name=self.name,
                axis=self.axis,
                input_shape=input_shape,
            )
        c = (int(input_shape[self.axis]),)
        self.gamma: Tensor | None = (
            self.add_weight("gamma", c, self.gamma_initializer, regularizer=self.gamma_regularizer)
            if self.scale
            else None
        )
        self.beta: Tensor | None = (
            self.add_weight("beta", c, self.beta_initializer, regularizer=self.beta_regularizer)
            if self.center
            else None
        )
        self.moving_mean = self.add_weight(
            "moving_mean", c, self.moving_mean_initializer, trainable=False
        )
        self.moving_variance = self.add_weight(
            "moving_variance", c, self.moving_variance_initializer, trainable=False
        )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return batch_norm(
            x,
            self.gamma,
            self.beta,
            self.moving_mean.data,
            self.moving_variance.data,
            training=training and self.trainable,
            momentum=self.momentum,
            epsilon=self.epsilon,
            axis=self.axis,
            name=f"BatchNormalization '{self.name}'",
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "moving_mean_initializer": initializers.serialize(self.moving_mean_initializer),
            "moving_variance_initializer": initializers.serialize(self.moving_variance_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
        }


class LayerNormalization(Layer):
    """Layer normalization (Ba et al.): normalize each sample over ``axis``, then scale and
    shift with ``gamma`` / ``beta`` of the shape of those axes. No batch statistics, so training
    and inference compute the same thing (it suits RNNs and small batches).

    ``y = gamma * (x - mean) / sqrt(var + epsilon) + beta``, mean and (biased) variance over
    ``axis`` of each sample. PyTorch: ``LayerNorm(x.shape[-1], eps=epsilon)`` for ``axis=-1``.
    ``epsilon`` defaults to Keras' 1e-3 (PyTorch: 1e-5).

    Example:
        >>> ln = LayerNormalization()
        >>> y = ln(np.array([[1.0, 2.0, 3.0]]))
        >>> [round(v, 3) for v in y.data[0].tolist()], [w.shape for w in ln.get_weights()]
        ([-1.224, 0.0, 1.224], [(3,), (3,)])
    """

    def __init__(
        self,
        axis: int | Sequence[int] = -1,
        epsilon: float = 1e-3,
        center: bool = True,
        scale: bool = True,
        beta_initializer: Any = "zeros",
        gamma_initializer: Any = "ones",
        beta_regularizer: Any = None,
        gamma_regularizer: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        validate.number(epsilon, "epsilon", f"LayerNormalization '{self.name}'")
        if not epsilon > 0:
            raise ConfigError(key="error.layers.init.epsilon", name=self.name, epsilon=epsilon)
        who = f"LayerNormalization '{self.name}'"
        if isinstance(axis, (list, tuple)):
            axis = tuple(validate.integer(a, "axis", who) for a in axis)
        self.axis: int | tuple[int, ...] = (
            axis if isinstance(axis, tuple) else validate.integer(axis, "axis", who)
        )
        self.epsilon = float(epsilon)
        self.center, self.scale = bool(center), bool(scale)
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)

    def build(self, input_shape: tuple[int, ...]) -> None:
        nd = len(input_shape)
        axes = (self.axis,) if isinstance(self.axis, int) else self.axis
        if nd < 2 or not axes or any(not -nd <= a < nd or a % nd == 0 for a in axes):
            raise ShapeError(
                key="error.layers.axis_name_feature",
                name=self.name,
                axis=self.axis,
                input_shape=input_shape,
            )
        shape = tuple(int(input_shape[a]) for a in sorted({a % nd for a in axes}))
        self.gamma: Tensor | None = (
            self.add_weight(
                "gamma", shape, self.gamma_initializer, regularizer=self.gamma_regularizer
            )
            if self.scale
            else None
        )
        self.beta: Tensor | None = (
            self.add_weight("beta", shape, self.beta_initializer, regularizer=self.beta_regularizer)
            if self.center
            else None
        )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return layer_norm(
            x,
            self.gamma,
            self.beta,
            axis=self.axis,
            epsilon=self.epsilon,
            name=f"LayerNormalization '{self.name}'",
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "axis": self.axis if isinstance(self.axis, int) else list(self.axis),
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
        }

"""Activation functions by name, for ``activation="relu"`` on layers.

| name | f(x) | f'(x) |
|---|---|---|
| linear | x | 1 |
| step | 1 if x > 0 else 0 | none (forward only) |
| sigmoid | 1 / (1 + e^-x) | f (1 - f) |
| tanh | tanh x | 1 - f^2 |
| relu | max(0, x) | [x > 0] |
| leaky_relu | x if x > 0 else 0.01 x | 1 if x > 0 else 0.01 |
| elu | x if x > 0 else e^x - 1 | 1 if x > 0 else e^x |
| selu | 1.0507 * (x if x > 0 else 1.6733 (e^x - 1)) | 1.0507 * (1 if x > 0 else 1.6733 e^x) |
| gelu | x Phi(x) (exact, erf) | Phi(x) + x phi(x) |
| gelu_tanh | x (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3))) / 2 | see ops.activation.GELU |
| silu / swish | x sigmoid(x) | s (1 + x (1 - s)), s = sigmoid(x) |
| softplus | log(1 + e^x) | sigmoid(x) |
| softmax | e^x_i / sum_j e^x_j | f_i (delta_ij - f_j) |
| log_softmax | x_i - log sum_j e^x_j | delta_ij - softmax_j |

Parameterized ones take their PyTorch defaults by name (leaky_relu's slope 0.01, not Keras'
0.2); for another value pass a function, e.g. ``activation=lambda x: ops.leaky_relu(x, 0.2)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import registry
from .errors import ConfigError
from .ops import activation as _a
from .tensor import Tensor


def linear(x: Tensor) -> Tensor:
    """The identity (no activation).  Example: ``linear(t) is t`` -> True."""
    return x


def _gelu_tanh(x: Tensor) -> Tensor:
    """GELU with the tanh approximation (``gelu(x, approximate="tanh")``)."""
    return _a.gelu(x, approximate="tanh")


_REGISTRY: dict[str, Callable[[Tensor], Tensor]] = {
    "linear": linear,
    "step": _a.step,
    "sigmoid": _a.sigmoid,
    "tanh": _a.tanh,
    "relu": _a.relu,
    "softmax": _a.softmax,
    "log_softmax": _a.log_softmax,
    "leaky_relu": _a.leaky_relu,
    "elu": _a.elu,
    "selu": _a.selu,
    "gelu": _a.gelu,
    "gelu_tanh": _gelu_tanh,
    "silu": _a.silu,
    "swish": _a.silu,
    "softplus": _a.softplus,
}
registry.family("activations", _REGISTRY)  # the one registry holds this table


def register(name: str, fn: Callable[[Tensor], Tensor]) -> None:
    """Make ``fn`` available as ``activation=name``."""
    registry.register("activations", name, fn)


def get(identifier: Any) -> Callable[[Tensor], Tensor]:
    """Resolve ``None``, a name or a callable to an activation function.

    Example:
        >>> get("relu").__name__
        'relu'
    """
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        fn = registry.lookup("activations", identifier)
        if fn is None:
            raise ConfigError(
                key="error.activations.unknown", got=repr(identifier), names=sorted(_REGISTRY)
            )
        return fn
    if callable(identifier):
        return identifier
    raise ConfigError(key="error.activations.uninterpretable", got=repr(identifier))


def name_of(fn: Callable[[Tensor], Tensor]) -> str:
    """The registered name of an activation function (for saving a model's config)."""
    for name, f in _REGISTRY.items():
        if f is fn:
            return name
    raise ConfigError(key="error.activations.unregistered", got=repr(fn))

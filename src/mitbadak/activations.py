"""Activation functions by name, for ``activation="relu"`` on layers.

| name | f(x) | f'(x) |
|---|---|---|
| linear | x | 1 |
| step | 1 if x > 0 else 0 | none (forward only) |
| sigmoid | 1 / (1 + e^-x) | f (1 - f) |
| tanh | tanh x | 1 - f^2 |
| relu | max(0, x) | [x > 0] |
| softmax | e^x_i / sum_j e^x_j | f_i (delta_ij - f_j) |
| log_softmax | x_i - log sum_j e^x_j | delta_ij - softmax_j |
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import ConfigError
from .ops import activation as _a
from .tensor import Tensor


def linear(x: Tensor) -> Tensor:
    """The identity (no activation).  Example: ``linear(t) is t`` -> True."""
    return x


_REGISTRY: dict[str, Callable[[Tensor], Tensor]] = {
    "linear": linear,
    "step": _a.step,
    "sigmoid": _a.sigmoid,
    "tanh": _a.tanh,
    "relu": _a.relu,
    "softmax": _a.softmax,
    "log_softmax": _a.log_softmax,
}


def register(name: str, fn: Callable[[Tensor], Tensor]) -> None:
    """Make ``fn`` available as ``activation=name``."""
    _REGISTRY[name] = fn


def get(identifier: Any) -> Callable[[Tensor], Tensor]:
    """Resolve ``None``, a name or a callable to an activation function.

    Example:
        >>> get("relu").__name__
        'relu'
    """
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        fn = _REGISTRY.get(identifier.lower())
        if fn is None:
            raise ConfigError(
                f"unknown activation {identifier!r}; expected one of {sorted(_REGISTRY)}"
            )
        return fn
    if callable(identifier):
        return identifier
    raise ConfigError(f"cannot interpret {identifier!r} as an activation")


def name_of(fn: Callable[[Tensor], Tensor]) -> str:
    """The registered name of an activation function (for saving a model's config)."""
    for name, f in _REGISTRY.items():
        if f is fn:
            return name
    raise ConfigError(f"activation {fn!r} is not registered, so the model cannot be saved")

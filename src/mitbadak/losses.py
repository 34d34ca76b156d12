"""Losses as Keras-style objects: ``loss(y_true, y_pred) -> scalar Tensor``.

Use them by name in ``compile(loss="sparse_categorical_crossentropy")`` or as objects. The
functional, PyTorch-ordered forms (``softmax_cross_entropy(logits, target)``, ``mse``) live in
:mod:`mitbadak.ops.loss`.
"""

from __future__ import annotations

from typing import Any

import numpy as np  # noqa: F401  (used in doctest examples)

from .errors import ConfigError
from .ops import activation as _act
from .ops.loss import mse, softmax_cross_entropy
from .tensor import Tensor


class Loss:
    """Base class. Subclasses implement ``call(y_true, y_pred) -> Tensor``.

    Example:
        >>> MeanSquaredError()(np.array([1.0, 2.0]), Tensor([1.0, 4.0])).item()
        2.0
    """

    name = "loss"

    def __init__(self, reduction: str = "mean") -> None:
        self.reduction = reduction

    def __call__(self, y_true: Any, y_pred: Tensor) -> Tensor:
        return self.call(y_true, y_pred)

    def call(self, y_true: Any, y_pred: Tensor) -> Tensor:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}


def _logits_of_softmax(y_pred: Tensor) -> Tensor | None:
    """If ``y_pred`` was made by a softmax still in the graph, return the logits it came from,
    so cross-entropy can use the stable fused kernel (the trick Keras also plays)."""
    ctx = y_pred._ctx
    if isinstance(ctx, _act.Softmax) and ctx.axis in (-1, 1) and y_pred.ndim == 2:
        return ctx.inputs[0]
    return None


class SparseCategoricalCrossentropy(Loss):
    """Cross-entropy with integer labels (N,) against class scores (N, C).

    ``from_logits=True``: ``y_pred`` are raw scores (fused log-softmax, always finite).
    ``from_logits=False`` (Keras' default): ``y_pred`` are probabilities.

    Example:
        >>> loss = SparseCategoricalCrossentropy(from_logits=True)
        >>> round(loss(np.array([0]), Tensor([[2.0, 0.0]])).item(), 4)
        0.1269
    """

    name = "sparse_categorical_crossentropy"

    def __init__(self, from_logits: bool = False, reduction: str = "mean") -> None:
        super().__init__(reduction)
        self.from_logits = from_logits

    def call(self, y_true: Any, y_pred: Tensor) -> Tensor:
        logits = y_pred if self.from_logits else _logits_of_softmax(y_pred)
        if logits is None:
            from .ops.math import clip, log

            # Probabilities: clip away from 0 so log stays finite (Keras clips at 1e-7).
            return softmax_cross_entropy(
                log(clip(y_pred, 1e-7, 1.0)), y_true, reduction=self.reduction
            )
        return softmax_cross_entropy(logits, y_true, reduction=self.reduction)


class MeanSquaredError(Loss):
    """mean((y_true - y_pred)^2).  Example: see :class:`Loss`."""

    name = "mean_squared_error"

    def call(self, y_true: Any, y_pred: Tensor) -> Tensor:
        return mse(y_pred, y_true, reduction=self.reduction)


_REGISTRY: dict[str, type[Loss]] = {
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
    "mse": MeanSquaredError,
    "mean_squared_error": MeanSquaredError,
}


def register(name: str, cls: type[Loss]) -> None:
    """Make a Loss class available by name."""
    _REGISTRY[name] = cls


def get(identifier: Any) -> Loss:
    """Resolve a name, a Loss, or a function ``f(y_true, y_pred)`` to a loss.

    Example:
        >>> type(get("mse")).__name__
        'MeanSquaredError'
    """
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, str):
        cls = _REGISTRY.get(identifier.lower())
        if cls is None:
            raise ConfigError(f"unknown loss {identifier!r}; expected one of {sorted(_REGISTRY)}")
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Loss):
        return identifier()
    if callable(identifier):
        fn = identifier

        class _FnLoss(Loss):
            name = getattr(fn, "__name__", "loss")

            def call(self, y_true: Any, y_pred: Tensor) -> Tensor:
                return fn(y_true, y_pred)

        return _FnLoss()
    raise ConfigError(f"cannot interpret {identifier!r} as a loss")

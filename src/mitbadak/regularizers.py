"""Weight penalties added to the training loss: L1, L2, L1L2.

Convention (Keras'): ``L2(l2)`` adds ``l2 * sum(w^2)`` — no factor 1/2. Its gradient is
``2 * l2 * w``, so it gives the same trajectory as an optimizer's ``weight_decay = 2 * l2``
(PyTorch's weight decay adds ``weight_decay * w`` to the gradient).

| name | penalty | gradient |
|---|---|---|
| l1 | l1 * sum abs(w) | l1 * sign(w) |
| l2 | l2 * sum w^2 | 2 * l2 * w |
| l1_l2 | both | both |
"""

from __future__ import annotations

from typing import Any

from . import registry, validate
from .errors import ConfigError
from .ops.math import abs as _abs
from .ops.reduce import sum as _sum
from .tensor import Tensor


class Regularizer:
    """Base class: ``reg(weight) -> scalar penalty tensor``.

    Example:
        >>> class MaxAbs(Regularizer):
        ...     def __call__(self, w): return abs(w).max()
        >>> MaxAbs()(Tensor([1.0, -3.0])).item()
        3.0
    """

    def __call__(self, w: Tensor) -> Tensor:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return dict(vars(self))

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Regularizer:
        """Rebuild from :meth:`get_config`'s dict (the inverse of ``get_config``)."""
        return cls(**config)


class L1L2(Regularizer):
    """``l1 * sum|w| + l2 * sum w^2``.

    Example:
        >>> round(L1L2(l1=0.1, l2=0.01)(Tensor([1.0, -2.0])).item(), 6)   # 0.1*3 + 0.01*5
        0.35
    """

    def __init__(self, l1: float = 0.0, l2: float = 0.0) -> None:
        validate.number(l1, "l1", type(self).__name__, min=0)
        validate.number(l2, "l2", type(self).__name__, min=0)
        if l1 < 0 or l2 < 0:
            raise ConfigError(key="error.regularizers.regularizer_strengths_l", l1=l1, l2=l2)
        self.l1, self.l2 = float(l1), float(l2)

    def __call__(self, w: Tensor) -> Tensor:
        terms = []
        if self.l1:
            terms.append(_sum(_abs(w)) * self.l1)
        if self.l2:
            terms.append(_sum(w * w) * self.l2)
        if not terms:
            return _sum(w * 0.0)
        return terms[0] if len(terms) == 1 else terms[0] + terms[1]


class L1(L1L2):
    """``l1 * sum|w|``: pushes weights to exactly zero (sparsity). Gradient ``l1 * sign(w)``.

    Example:
        >>> round(L1(0.1)(Tensor([1.0, -2.0])).item(), 6)
        0.3
    """

    def __init__(self, l1: float = 0.01) -> None:
        super().__init__(l1=l1)

    def get_config(self) -> dict[str, Any]:
        return {"l1": self.l1}


class L2(L1L2):
    """``l2 * sum w^2`` (no 1/2; see the module docstring): shrinks weights smoothly.
    Gradient ``2 * l2 * w``: the same as ``weight_decay = 2 * l2`` in an optimizer.

    Example:
        >>> round(L2(0.1)(Tensor([1.0, -2.0])).item(), 6)
        0.5
    """

    def __init__(self, l2: float = 0.01) -> None:
        super().__init__(l2=l2)

    def get_config(self) -> dict[str, Any]:
        return {"l2": self.l2}


l1, l2, l1_l2 = L1, L2, L1L2
_REGISTRY = {"l1": L1, "l2": L2, "l1_l2": L1L2, "l1l2": L1L2}
registry.family("regularizers", _REGISTRY)  # the one registry holds this table


def get(identifier: Any) -> Regularizer | None:
    """Resolve ``None``, a name (``"l2"``), a Regularizer or a config dict.

    Example:
        >>> get("l2").l2
        0.01
    """
    if identifier is None or isinstance(identifier, Regularizer):
        return identifier
    if isinstance(identifier, str) and isinstance(
        registry.lookup("regularizers", identifier), type
    ):
        return registry.lookup("regularizers", identifier)()
    if isinstance(identifier, dict):
        cls = registry.lookup("regularizers", identifier.get("class_name"))
        if not isinstance(cls, type):
            raise ConfigError(
                key="error.regularizers.unknown_regularizer_config", identifier=identifier
            )
        return cls(**identifier.get("config", {}))
    if callable(identifier):
        return identifier
    raise ConfigError(
        key="error.regularizers.unknown_regularizer", identifier=identifier, names=sorted(_REGISTRY)
    )


def serialize(reg: Any) -> dict[str, Any] | None:
    """``{"class_name", "config"}`` of a regularizer (``None`` stays ``None``), for saving.

    Example:
        >>> serialize(L2(0.1))
        {'class_name': 'L2', 'config': {'l2': 0.1}}
    """
    if reg is None:
        return None
    if not isinstance(reg, Regularizer):
        raise ConfigError(key="error.regularizers.regularizer_plain_function", reg=repr(reg))
    return {"class_name": type(reg).__name__, "config": reg.get_config()}

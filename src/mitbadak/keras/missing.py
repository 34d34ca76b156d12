"""Clear errors for Keras names that mitbadak does not implement.

Each module of :mod:`mitbadak.keras` ends with ``__getattr__ = missing.module_getattr(...)``:
asking for an unknown name raises :class:`KerasNameNotImplemented` (an ``AttributeError``, so
``hasattr`` stays truthful) that names it and lists what the module has.

Example:
    >>> import mitbadak.keras as keras
    >>> try:
    ...     keras.layers.MultiHeadAttention
    ... except KerasNameNotImplemented as e:
    ...     print(str(e).split(";")[0])
    keras.layers.MultiHeadAttention is not implemented by mitbadak
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import MitbadakError

__all__ = ["KerasNameNotImplemented", "module_getattr"]


class KerasNameNotImplemented(MitbadakError, AttributeError):
    """A Keras 3 name that ``mitbadak.keras`` does not provide."""


def module_getattr(module: str, namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` raising :class:`KerasNameNotImplemented` for ``module.name``."""

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        names = namespace.get("__all__") or [k for k in namespace if not k.startswith("_")]
        have = sorted(k for k in names if k != "annotations")
        raise KerasNameNotImplemented(
            key="error.keras.not_implemented", module=module, name=name, names=", ".join(have)
        )

    return __getattr__

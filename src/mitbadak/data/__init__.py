"""Datasets, splitting, batching and scaling.

The loaders (:func:`load_mnist`, :func:`load_digits`, ...) and the scalers are imported on first
use, so that ``import mitbadak`` (which needs only :class:`DataLoader`) does not load the network
and compression modules the downloaders need (issue 15).

Example:
    >>> from mitbadak.data import StandardScaler
    >>> StandardScaler.__name__
    'StandardScaler'
"""

from __future__ import annotations

import importlib
from typing import Any

from .dataset import DataLoader, Dataset, check_xy, train_test_split

_LAZY = {
    "load_digits": ".digits",
    "load_fashion_mnist": ".mnist",
    "load_mnist": ".mnist",
    "MinMaxScaler": ".scalers",
    "StandardScaler": ".scalers",
}


def __getattr__(name: str) -> Any:
    """Import a loader or a scaler the first time it is asked for."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "DataLoader",
    "Dataset",
    "MinMaxScaler",
    "StandardScaler",
    "check_xy",
    "load_digits",
    "load_fashion_mnist",
    "load_mnist",
    "train_test_split",
]

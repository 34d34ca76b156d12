"""``keras.losses``: mitbadak's loss objects and Keras' per-sample loss functions.

The classes compute as Keras does (``(n,)`` targets against ``(n, 1)`` outputs, every step of
``(batch, time, classes)`` outputs, ``reduction="sum_over_batch_size"``...). The lowercase
functions return one loss per sample, like Keras' (``compile`` averages them).

Example:
    >>> import numpy as np
    >>> from mitbadak.tensor import Tensor
    >>> mean_squared_error(np.zeros((2, 2)), Tensor(np.ones((2, 2)))).tolist()
    [1.0, 1.0]
"""

from __future__ import annotations

from typing import Any

from ..losses import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    Huber,
    Loss,
    MeanAbsoluteError,
    MeanSquaredError,
    SparseCategoricalCrossentropy,
    get,
)
from ..tensor import Tensor
from . import missing


def _per_sample(cls: type, **kw: Any):
    def fn(y_true: Any, y_pred: Any) -> Tensor:
        pred = y_pred if isinstance(y_pred, Tensor) else Tensor(y_pred)
        return cls(reduction="none", **kw)(y_true, pred)

    return fn


mean_squared_error = _per_sample(MeanSquaredError)
mean_squared_error.__doc__ = "Per-sample mean squared error (Keras' ``mean_squared_error``)."
mean_squared_error.__name__ = "mean_squared_error"
mean_absolute_error = _per_sample(MeanAbsoluteError)
mean_absolute_error.__doc__ = "Per-sample mean absolute error."
mean_absolute_error.__name__ = "mean_absolute_error"
binary_crossentropy = _per_sample(BinaryCrossentropy)
binary_crossentropy.__doc__ = "Per-sample binary cross-entropy of probabilities."
binary_crossentropy.__name__ = "binary_crossentropy"
categorical_crossentropy = _per_sample(CategoricalCrossentropy)
categorical_crossentropy.__doc__ = "Per-sample cross-entropy of one-hot targets."
categorical_crossentropy.__name__ = "categorical_crossentropy"
sparse_categorical_crossentropy = _per_sample(SparseCategoricalCrossentropy)
sparse_categorical_crossentropy.__doc__ = "Per-sample cross-entropy of integer labels."
sparse_categorical_crossentropy.__name__ = "sparse_categorical_crossentropy"
huber = _per_sample(Huber)
huber.__doc__ = "Per-sample Huber loss (delta 1)."
huber.__name__ = "huber"

__all__ = [
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "Huber",
    "Loss",
    "MeanAbsoluteError",
    "MeanSquaredError",
    "SparseCategoricalCrossentropy",
    "binary_crossentropy",
    "categorical_crossentropy",
    "get",
    "huber",
    "mean_absolute_error",
    "mean_squared_error",
    "sparse_categorical_crossentropy",
]

__getattr__ = missing.module_getattr("keras.losses", globals())

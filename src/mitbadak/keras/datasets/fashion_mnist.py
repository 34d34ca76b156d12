"""``keras.datasets.fashion_mnist``: Keras' ``load_data()`` over :func:`mitbadak.data.load_fashion_mnist`."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from ...data import load_fashion_mnist


def load_data(path: str | os.PathLike | None = None) -> tuple[Any, Any]:
    """``(x_train, y_train), (x_test, y_test)``: images (n, 28, 28) uint8 0..255 and labels
    (n,) uint8, as Keras returns them. ``path`` is the folder holding the files (optional:
    see :func:`mitbadak.data.load_fashion_mnist` for where they are looked for).

    Example:
        >>> (x_train, y_train), _ = load_data()   # doctest: +SKIP
        >>> x_train.shape                          # doctest: +SKIP
        (60000, 28, 28)
    """
    ds = load_fashion_mnist(path)
    train, test = ds.train, ds.test
    return (
        (train.images, train.target.astype(np.uint8)),
        (test.images, test.target.astype(np.uint8)),
    )

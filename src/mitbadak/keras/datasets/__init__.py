"""``keras.datasets``: MNIST and Fashion-MNIST with Keras' ``load_data()``.

Example:
    >>> (x_train, y_train), (x_test, y_test) = mnist.load_data()   # doctest: +SKIP
    >>> x_train.shape, x_train.dtype, y_train.dtype                # doctest: +SKIP
    ((60000, 28, 28), dtype('uint8'), dtype('uint8'))
"""

from __future__ import annotations

from .. import missing
from . import fashion_mnist, mnist

__all__ = ["fashion_mnist", "mnist"]

__getattr__ = missing.module_getattr("keras.datasets", globals())

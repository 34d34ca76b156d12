"""``keras.regularizers``: L1, L2, L1L2 (and Keras' lowercase ``l1``, ``l2``, ``l1_l2``).

Example:
    >>> l2(0.01).get_config()["l2"]
    0.01
"""

from __future__ import annotations

from ..regularizers import L1, L1L2, L2, Regularizer, get, serialize
from . import missing

l1, l2, l1_l2 = L1, L2, L1L2

__all__ = ["L1", "L1L2", "L2", "Regularizer", "get", "l1", "l1_l2", "l2", "serialize"]

__getattr__ = missing.module_getattr("keras.regularizers", globals())

"""``keras.backend``: the few functions Keras programs still call on it.

Example:
    >>> backend(), floatx(), image_data_format()
    ('mitbadak', 'float32', 'channels_last')
    >>> clear_session()
"""

from __future__ import annotations

from typing import Any

from ..random import set_seed
from . import missing
from .config import (
    backend,
    epsilon,
    floatx,
    image_data_format,
    set_epsilon,
    set_floatx,
    set_image_data_format,
)

__all__ = [
    "backend",
    "clear_session",
    "epsilon",
    "floatx",
    "image_data_format",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
]


def clear_session(free_memory: bool = True, seed: Any = None) -> None:
    """Keras frees its global graph here. mitbadak keeps no global graph or session (each
    model owns its layers, graphs live only between a forward pass and ``backward()``), so
    there is nothing to free; ``seed=`` seeds mitbadak's global generator, as in Keras."""
    if seed is not None:
        set_seed(int(seed))


__getattr__ = missing.module_getattr("keras.backend", globals())

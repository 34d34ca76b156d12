"""``keras.config``: the image layout default, the float type, epsilon, the backend name.

Inside :mod:`mitbadak.keras` image layers default to ``image_data_format()``, which starts as
``"channels_last"`` (Keras' default): images ``(batch, height, width, channels)``. The layers of
:mod:`mitbadak.layers` themselves keep their own explicit defaults (channels-first, PyTorch's),
so this setting never changes code that does not go through ``mitbadak.keras``.

Example:
    >>> image_data_format()
    'channels_last'
    >>> set_image_data_format("channels_first"); image_data_format()
    'channels_first'
    >>> set_image_data_format("channels_last")
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import tensor as _tensor
from ..errors import ConfigError
from . import missing

__all__ = [
    "backend",
    "epsilon",
    "floatx",
    "image_data_format",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
]

_state: dict[str, Any] = {"image_data_format": "channels_last", "epsilon": 1e-7}


def image_data_format() -> str:
    """``"channels_last"`` or ``"channels_first"``: the default ``data_format`` of the image
    layers of ``mitbadak.keras.layers``."""
    return _state["image_data_format"]


def set_image_data_format(data_format: str) -> None:
    """Set the default ``data_format`` of image layers created afterwards."""
    if data_format not in ("channels_last", "channels_first"):
        raise ConfigError(key="error.keras.image_data_format", value=data_format)
    _state["image_data_format"] = data_format


def floatx() -> str:
    """The default float type (mitbadak's default dtype), e.g. ``"float32"``.

    Example:
        >>> floatx()
        'float32'
    """
    return str(_tensor.get_default_dtype())


def set_floatx(value: str) -> None:
    """Set the default float type (``mitbadak.set_default_dtype``)."""
    if np.dtype(value).kind != "f":
        raise ConfigError(key="error.keras.floatx", value=value)
    _tensor.set_default_dtype(value)


def epsilon() -> float:
    """Keras' fuzz factor (1e-7), used to keep divisions and logs finite.

    Example:
        >>> epsilon()
        1e-07
    """
    return _state["epsilon"]


def set_epsilon(value: float) -> None:
    """Set the value :func:`epsilon` returns."""
    _state["epsilon"] = float(value)


def backend() -> str:
    """The engine's name: ``"mitbadak"`` (NumPy underneath).

    Example:
        >>> backend()
        'mitbadak'
    """
    return "mitbadak"


__getattr__ = missing.module_getattr("keras.config", globals())

"""mitbadak (밑바닥, "the very bottom"): deep learning from scratch on NumPy.

Two API levels over one engine: a PyTorch-like autograd ``Tensor`` with optimizers you step by
hand, and a Keras-like ``Sequential`` model built only from it.
"""

from __future__ import annotations

from . import data
from .errors import (
    ConfigError,
    DataError,
    DTypeError,
    FileFormatError,
    GradcheckError,
    GraphError,
    LabelError,
    MitbadakError,
    NotFittedError,
    ShapeError,
)

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "DataError",
    "DTypeError",
    "FileFormatError",
    "GradcheckError",
    "GraphError",
    "LabelError",
    "MitbadakError",
    "NotFittedError",
    "ShapeError",
    "data",
]

"""``keras.callbacks``: mitbadak's callbacks under Keras' names.

Example:
    >>> EarlyStopping(monitor="val_loss", patience=2).patience
    2
"""

from __future__ import annotations

from ..callbacks import (
    Callback,
    CallbackList,
    CSVLogger,
    EarlyStopping,
    History,
    LambdaCallback,
    LearningRateScheduler,
    ModelCheckpoint,
    ReduceLROnPlateau,
    TerminateOnNaN,
)
from ..callbacks import ProgressBar as ProgbarLogger
from . import missing

__all__ = [
    "CSVLogger",
    "Callback",
    "CallbackList",
    "EarlyStopping",
    "History",
    "LambdaCallback",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "ProgbarLogger",
    "ReduceLROnPlateau",
    "TerminateOnNaN",
]

__getattr__ = missing.module_getattr("keras.callbacks", globals())

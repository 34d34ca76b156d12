"""``keras.optimizers``: mitbadak's optimizers, built the Keras way.

``Adam(1e-3)``, ``SGD(learning_rate=0.01, momentum=0.9)``, ``RMSprop()``: Keras' names,
defaults and update rules; ``compile`` binds them to the model's weights
(``optimizer.build(model.trainable_weights)``). ``schedules`` holds the learning-rate schedules.

Example:
    >>> opt = Adam(learning_rate=1e-3)
    >>> opt.learning_rate, opt.built
    (0.001, False)
"""

from __future__ import annotations

from .. import schedules
from ..optimizers import SGD, Adagrad, Adam, AdamW, Optimizer, RMSprop, get, serialize
from . import missing

__all__ = [
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "Optimizer",
    "RMSprop",
    "get",
    "schedules",
    "serialize",
]

__getattr__ = missing.module_getattr("keras.optimizers", globals())

"""``mitbadak.keras``: Keras 3's public API made of mitbadak's own objects.

Change one line of a Keras program, ``import keras`` -> ``import mitbadak.keras as keras``,
and it runs on mitbadak's engine, as long as it uses what mitbadak implements. The modules are
Keras': ``layers``, ``models``, ``optimizers``, ``losses``, ``metrics``, ``callbacks``,
``activations``, ``initializers``, ``regularizers``, ``utils``, ``ops``, ``datasets``,
``config``, ``backend``; and ``Input``, ``Model``, ``Sequential``, ``Layer``, ``Variable``,
``KerasTensor``. Nothing here is a second implementation: each name is mitbadak's object, or a
thin subclass giving Keras' default (channels-last images, ``BatchNormalization(axis=-1)``,
Keras' optimizer arguments). A Keras name that mitbadak lacks raises
:class:`~mitbadak.keras.missing.KerasNameNotImplemented`, naming it.

Training mode follows Keras here: calling a model or layer of this namespace directly
(``model(x)`` outside ``fit``) runs in inference mode (Dropout off, BatchNormalization's moving
statistics) unless ``training=True`` is passed; ``fit`` passes ``training=True`` to every call
inside it. The mechanism is :attr:`mitbadak.layers.Layer.default_training`, the mode of a call
given no ``training`` when no outer call gave one: ``None`` in mitbadak's own layers and models
(their PyTorch-style ``train()`` / ``eval()`` mode rules), ``False`` in ``keras.Model``,
``keras.Sequential``, functional models and the mode-dependent layers here (``Dropout``,
``BatchNormalization``). ``model.train()`` / ``model.eval()`` on a model of this namespace set it.
Several outputs train as in Keras (see :mod:`mitbadak.multi_output`), and ``Masking`` passes its
mask on to the recurrent layers.

Example:
    >>> import numpy as np
    >>> import mitbadak.keras as keras
    >>> inputs = keras.Input(shape=(4,))
    >>> x = keras.layers.Dense(8, activation="relu")(inputs)
    >>> outputs = keras.layers.Dense(1, activation="sigmoid")(x)
    >>> model = keras.Model(inputs, outputs)
    >>> model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy",
    ...               metrics=["accuracy"])
    >>> x_train = np.random.default_rng(0).normal(size=(64, 4)).astype("float32")
    >>> y_train = (x_train[:, 0] > 0).astype("float32")          # (n,) against (n, 1)
    >>> history = model.fit(x_train, y_train, epochs=2, verbose=0)
    >>> sorted(history.history)[:2]
    ['accuracy', 'loss']
"""

from __future__ import annotations

from .. import functional_model as _functional_model
from ..functional_model import Functional, Input, InputLayer
from ..functional_model import SymbolicTensor as KerasTensor
from ..layers.base import Layer
from ..random import set_seed as _set_seed  # noqa: F401 (utils.set_random_seed uses it)
from . import (
    activations,
    backend,
    callbacks,
    config,
    datasets,
    initializers,
    layers,
    losses,
    metrics,
    missing,
    models,
    ops,
    optimizers,
    regularizers,
    utils,
)
from .models import Model, Sequential

try:  # the Variable of layer weights (issue 11b), when that module exists
    from ..variable import Variable  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - before the merge: Keras' Variable is a Tensor
    from ..tensor import Tensor as Variable

version = __version__ = "3.mitbadak"

_functional_model.install()

__all__ = [
    "Functional",
    "Input",
    "InputLayer",
    "KerasTensor",
    "Layer",
    "Model",
    "Sequential",
    "Variable",
    "activations",
    "backend",
    "callbacks",
    "config",
    "datasets",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "models",
    "ops",
    "optimizers",
    "regularizers",
    "utils",
]

__getattr__ = missing.module_getattr("keras", globals())

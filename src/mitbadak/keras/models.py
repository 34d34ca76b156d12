"""``keras.models``: ``Model`` (subclassing, or ``Model(inputs, outputs)``), ``Sequential``,
``load_model``, ``save_model``.

``Sequential`` here also takes Keras' ``keras.Input(shape=...)`` (or an ``InputLayer``) as its
first element: the model is then built for that shape at once, so ``summary()`` shows shapes
before any data is seen.

Example:
    >>> import mitbadak.keras as keras
    >>> model = Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
    >>> model.built, model.count_params()
    (True, 10)
"""

from __future__ import annotations

from typing import Any

from .. import model as _model
from ..errors import ConfigError
from ..functional_model import InputLayer, KerasModelMixin, SymbolicTensor
from ..io import load_model, save_model
from . import missing


class _ModelType(type):
    """``isinstance(m, keras.Model)`` holds for every mitbadak model (Functional, Sequential,
    subclasses of ``mitbadak.Model``), as every Keras model is a ``keras.Model``."""

    def __instancecheck__(cls, obj: Any) -> bool:
        if cls.__dict__.get("functional_alias"):
            return isinstance(obj, _model.Model)
        return super().__instancecheck__(obj)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls.__dict__.get("functional_alias") and (args or "inputs" in kwargs):
            return _model.Model(*args, **kwargs)  # Model(inputs, outputs): a Functional model
        return super().__call__(*args, **kwargs)


class _KerasModel(KerasModelMixin, _model.Model, metaclass=_ModelType):
    """Keras' ``Model``: :class:`mitbadak.model.Model` with Keras' inference default for direct
    calls (see :class:`~mitbadak.functional_model.KerasModelMixin`). Subclass it (``call``,
    ``train_step``...) or call it on symbolic tensors, ``Model(inputs, outputs)``, which builds
    a :class:`~mitbadak.functional_model.Functional` model.

    Example:
        >>> import numpy as np
        >>> import mitbadak.keras as keras
        >>> class Net(Model):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.drop = keras.layers.Dropout(0.5)
        ...     def call(self, x):
        ...         return self.drop(x)
        >>> net = Net(); x = np.ones((2, 3), "float32")
        >>> net(x).data.tolist() == x.tolist(), bool((net(x, training=True).data == 0).any())
        (True, True)
    """

    functional_alias = True  # Model(inputs, outputs) -> Functional (see _ModelType)


_KerasModel.__name__ = _KerasModel.__qualname__ = "Model"
Model = _KerasModel


class _KerasSequential(KerasModelMixin, _model.Sequential):
    """mitbadak's :class:`~mitbadak.model.Sequential`, also accepting an ``Input`` first."""

    def add(self, layer: Any) -> None:
        if isinstance(layer, SymbolicTensor):
            if layer.node is None or not isinstance(layer.node.layer, InputLayer):
                raise ConfigError(key="error.keras.add_tensor")
            layer = layer.node.layer
        if isinstance(layer, InputLayer):
            if self.layers:
                raise ConfigError(key="error.keras.input_first")
            self.__dict__["_declared_shape"] = layer.shape
            return
        super().add(layer)
        shape = self.__dict__.get("_declared_shape")
        if shape is not None:
            self.built = False
            self.build((1,) + tuple(d or 1 for d in shape))
            self.input_shape = (None,) + tuple(shape)


_KerasSequential.__name__ = _KerasSequential.__qualname__ = "Sequential"
Sequential = _KerasSequential

__all__ = ["Model", "Sequential", "load_model", "save_model"]

__getattr__ = missing.module_getattr("keras.models", globals())

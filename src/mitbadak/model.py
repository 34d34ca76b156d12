"""Models: ``Sequential``, a stack of layers that is itself a layer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from .errors import ConfigError, ShapeError
from .layers.base import Layer, layer_from_config, layer_to_config
from .tensor import Tensor, no_grad


class Sequential(Layer):
    """A linear stack of layers: the output of each is the input of the next.

    Example:
        >>> from mitbadak.layers import Dense
        >>> model = Sequential([Dense(32, activation="relu"), Dense(10)])
        >>> model(np.zeros((4, 64))).shape
        (4, 10)
        >>> [w.shape for w in model.weights]
        [(64, 32), (32,), (32, 10), (10,)]
    """

    def __init__(self, layers: Iterable[Layer] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.layers: list[Layer] = []
        for layer in layers or []:
            self.add(layer)

    def add(self, layer: Layer) -> None:
        """Append a layer to the stack."""
        if not isinstance(layer, Layer):
            raise ConfigError(f"Sequential.add: expected a Layer, got {type(layer).__name__}")
        if any(existing.name == layer.name for existing in self.layers):
            raise ConfigError(f"Sequential.add: a layer named {layer.name!r} is already there")
        self.layers.append(layer)
        self.built = False if not layer.built else self.built

    def pop(self) -> Layer:
        """Remove and return the last layer."""
        if not self.layers:
            raise ConfigError("Sequential.pop: the model has no layers")
        return self.layers.pop()

    def sublayers(self) -> list[Layer]:
        return list(self.layers)

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """A layer by name or by position."""
        if index is not None:
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ConfigError(f"no layer named {name!r}; layers are {[la.name for la in self.layers]}")

    def __getitem__(self, key: int | str) -> Layer:
        return self.get_layer(name=key) if isinstance(key, str) else self.layers[key]

    def __len__(self) -> int:
        return len(self.layers)

    def __iter__(self):
        return iter(self.layers)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        for layer in self.layers:
            x = layer(x, training=training)
        return x

    def __call__(self, x: Any, training: bool | None = None) -> Tensor:
        if not self.layers:
            raise ConfigError("Sequential: the model has no layers")
        x = self._to_tensor(x)
        if self.input_shape is not None and tuple(x.shape[1:]) != tuple(self.input_shape[1:]):
            raise ShapeError(
                f"Sequential '{self.name}': expected input of shape "
                f"(batch, {', '.join(map(str, self.input_shape[1:]))}), got {x.shape}"
            )
        out = super().__call__(x, training)
        return out

    def build(self, input_shape: tuple[int, ...]) -> None:
        """Build every layer by passing a dummy batch of ``input_shape`` through the stack."""
        if self.built:
            return
        self.input_shape = (None,) + tuple(input_shape[1:])
        with no_grad():
            x = Tensor(np.zeros((1,) + tuple(input_shape[1:]), dtype=self.dtype))
            for layer in self.layers:
                x = layer(x, training=False)
        self.built = True

    def predict_on_batch(self, x: Any) -> np.ndarray:
        """Outputs for one batch, in eval mode, without building a graph."""
        with no_grad():
            return self(x, training=False).data

    def get_config(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "layers": [layer_to_config(layer) for layer in self.layers],
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Sequential:
        layers = config.get("layers")
        if not isinstance(layers, list):
            raise ConfigError("Sequential config: 'layers' must be a list")
        return cls([layer_from_config(spec) for spec in layers], name=config.get("name"))

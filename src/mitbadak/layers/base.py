"""The ``Layer`` base class: weights registry, lazy build, train/eval mode, config."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from .. import initializers
from ..errors import ConfigError, DTypeError, ShapeError
from ..tensor import Tensor, get_default_dtype

_name_counters: defaultdict[str, itertools.count] = defaultdict(itertools.count)


# --- forward hooks (issue 16) -------------------------------------------------------------
_hook_ids = itertools.count()


class HookHandle:
    """What :meth:`Layer.register_forward_hook` returns: ``remove()`` unregisters the hook.

    Example:
        >>> hooks = {0: print}; HookHandle(hooks, 0).remove(); hooks
        {}
    """

    def __init__(self, hooks: dict[int, Any], key: int) -> None:
        self._hooks, self._key = hooks, key

    def remove(self) -> None:
        self._hooks.pop(self._key, None)


# --- end of forward hooks ----------------------------------------------------------------


def _snake(name: str) -> str:
    """Keras-style default names: Dense -> dense, SimpleRNN -> simple_rnn, Conv2D -> conv2d."""
    out = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return out.lower()


class Layer:
    """Base class of every layer (and of models, which are layers of layers).

    A subclass defines ``build(input_shape)`` to create weights with :meth:`add_weight` and
    ``call(x, training)`` to compute the output from tensor ops. The first call builds the layer
    from its input's shape, so ``Dense(10)`` needs no input size.

    Mode (train vs eval) belongs to the layer and its sub-layers: ``layer.train()`` /
    ``layer.eval()``, or pass ``training=`` to a call. There is no global flag.

    Example:
        >>> class Scale(Layer):
        ...     def build(self, input_shape):
        ...         self.s = self.add_weight("s", (input_shape[-1],), "ones")
        ...     def call(self, x, training=False):
        ...         return x * self.s
        >>> layer = Scale()
        >>> layer(np.ones((2, 3))).shape, len(layer.parameters())
        ((2, 3), 1)
    """

    _registry: ClassVar[dict[str, type[Layer]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        Layer._registry[cls.__name__] = cls  # load_model rebuilds only classes listed here

    def __init__(self, name: str | None = None, trainable: bool = True, dtype: Any = None) -> None:
        base = _snake(type(self).__name__)
        if name is None:
            n = next(_name_counters[base])
            name = base if n == 0 else f"{base}_{n}"
        self.name = name
        self.dtype = np.dtype(dtype) if dtype is not None else get_default_dtype()
        self._weights: list[tuple[Tensor, bool]] = []  # (tensor, is_trainable_kind)
        self._sublayers: list[Layer] = []
        self._trainable = bool(trainable)
        self.training = True
        self.built = False
        self.input_shape: tuple[int | None, ...] | None = None
        self.losses: list[Tensor] = []  # regularization terms of the latest call

    # --------------------------------------------------------------- registry of children
    def __setattr__(self, key: str, value: Any) -> None:
        if (
            isinstance(value, Layer)
            and key != "_parent"
            and value not in self.__dict__.get("_sublayers", [])
        ):
            self.__dict__.setdefault("_sublayers", []).append(value)
        object.__setattr__(self, key, value)

    def add_weight(
        self,
        name: str,
        shape: tuple[int, ...],
        initializer: Any = "glorot_uniform",
        trainable: bool = True,
        regularizer: Any = None,
    ) -> Tensor:
        """Create a weight tensor owned by this layer (registered in creation order).

        ``trainable=False`` marks a state the optimizer must not touch (e.g. running means).
        """
        data = initializers.get(initializer)(tuple(shape), self.dtype)
        t = Tensor(data, requires_grad=trainable and self._trainable, name=f"{self.name}/{name}")
        self._weights.append((t, trainable))
        if regularizer is not None:
            self.__dict__.setdefault("_regularizers", []).append((t, regularizer))
        return t

    def sublayers(self) -> list[Layer]:
        """Direct children, in the order they were assigned."""
        return list(self._sublayers)

    def _walk(self) -> Iterator[Layer]:
        yield self
        for sub in self.sublayers():
            yield from sub._walk()

    # ---------------------------------------------------------------------------- weights
    @property
    def trainable(self) -> bool:
        """Freeze (``False``) or unfreeze the layer; frozen weights get no gradient."""
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)
        for t, kind in self._weights:
            t.requires_grad = kind and self._trainable
            if not t.requires_grad:
                t.grad = None
        for sub in self.sublayers():
            sub.trainable = value

    @property
    def trainable_weights(self) -> list[Tensor]:
        out = [t for t, kind in self._weights if kind and self._trainable]
        for sub in self.sublayers():
            out += sub.trainable_weights
        return out

    @property
    def non_trainable_weights(self) -> list[Tensor]:
        out = [t for t, kind in self._weights if not (kind and self._trainable)]
        for sub in self.sublayers():
            out += sub.non_trainable_weights
        return out

    @property
    def weights(self) -> list[Tensor]:
        """All weights in Keras' order: this layer's in creation order, then sub-layers'."""
        out = [t for t, _ in self._weights]
        for sub in self.sublayers():
            out += sub.weights
        return out

    def parameters(self) -> list[Tensor]:
        """The trainable weights, in a deterministic order (for an optimizer)."""
        return self.trainable_weights

    def get_weights(self) -> list[np.ndarray]:
        """Copies of all weights as NumPy arrays, in :attr:`weights` order (like Keras)."""
        return [t.data.copy() for t in self.weights]

    def set_weights(self, values: list[Any]) -> None:
        """Set all weights from arrays in :meth:`get_weights` order, checking count and shapes."""
        ws = self.weights
        if not self.built and not ws:
            raise ShapeError(f"{self.name}: set_weights before the layer is built (call it once)")
        values = list(values)
        if len(values) != len(ws):
            raise ShapeError(
                f"{self.name}: set_weights expected {len(ws)} arrays, got {len(values)}"
            )
        for t, v in zip(ws, values):
            v = np.asarray(v)
            if v.shape != t.shape:
                raise ShapeError(
                    f"{self.name}: weight {t.name} has shape {t.shape}, got an array of {v.shape}"
                )
        for t, v in zip(ws, values):
            t.data = np.array(v, dtype=t.dtype)

    def count_params(self) -> int:
        return int(sum(t.size for t in self.weights))

    def regularization_losses(self) -> list[Tensor]:
        """Penalty terms of kernel/bias regularizers of this layer and its children."""
        out = []
        for layer in self._walk():
            for t, reg in layer.__dict__.get("_regularizers", []):
                if t.requires_grad:
                    out.append(reg(t))
        return out

    # ------------------------------------------------------------------------------- mode
    def train(self, mode: bool = True) -> Layer:
        """Put the layer and its children in training mode (dropout active, batch stats)."""
        for layer in self._walk():
            layer.training = mode
        return self

    def eval(self) -> Layer:
        """Put the layer and its children in inference mode."""
        return self.train(False)

    # ------------------------------------------------------------------------------- call
    def build(self, input_shape: tuple[int, ...]) -> None:
        """Create the weights for inputs of ``input_shape`` (batch dimension included)."""

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        raise NotImplementedError

    def _to_tensor(self, x: Any) -> Tensor:
        if isinstance(x, Tensor):
            return x
        arr = np.asarray(x)
        if arr.dtype.kind not in "biuf":
            raise DTypeError(
                f"{type(self).__name__} '{self.name}': expected numeric input, got dtype {arr.dtype}"
            )
        if arr.dtype.kind in "biuf" and arr.dtype != self.dtype:
            arr = arr.astype(self.dtype)  # keep float32 models float32 on float64 data
        return Tensor(arr)

    def __call__(self, x: Any, training: bool | None = None) -> Tensor:
        x = self._to_tensor(x)
        if not self.built:
            self.input_shape = (None,) + tuple(x.shape[1:])
            self.build(tuple(x.shape))
            self.built = True
        out = self.call(x, training=self.training if training is None else training)
        # --- forward hooks (issue 16): one dict lookup when none is registered
        hooks = self.__dict__.get("_forward_hooks")
        if hooks:
            for hook in list(hooks.values()):
                result = hook(self, (x,), out)
                if result is not None:
                    out = result
        # --- end of forward hooks
        return out

    # --- forward hooks (issue 16) ---------------------------------------------------------
    def register_forward_hook(self, hook: Any) -> HookHandle:
        """Call ``hook(layer, inputs, output)`` after every forward call of this layer (as
        PyTorch's ``register_forward_hook``). ``inputs`` is a tuple of the input tensors; a hook
        that returns a tensor replaces the output. Returns a handle; ``handle.remove()`` stops it.

        Example:
            >>> seen = []
            >>> layer = Layer.__new__(Layer); Layer.__init__(layer)
            >>> layer.call = lambda x, training=False: x * 2
            >>> h = layer.register_forward_hook(lambda l, i, o: seen.append(o.shape))
            >>> _ = layer(np.ones((3, 2))); h.remove(); _ = layer(np.ones((1, 2)))
            >>> seen
            [(3, 2)]
        """
        if not callable(hook):
            raise ConfigError(
                f"{self.name}: register_forward_hook expects a function, got {hook!r}"
            )
        hooks = self.__dict__.setdefault("_forward_hooks", {})
        key = next(_hook_ids)
        hooks[key] = hook
        return HookHandle(hooks, key)

    # --- end of forward hooks -------------------------------------------------------------

    def compute_output_shape(self, input_shape: tuple[int | None, ...]) -> tuple[int | None, ...]:
        """Output shape for an input shape (``None`` for the batch); by a dry run by default."""
        dummy = np.zeros((1,) + tuple(d or 1 for d in input_shape[1:]), dtype=self.dtype)
        from ..tensor import no_grad

        with no_grad():
            y = self(dummy, training=False)
        return (None,) + tuple(y.shape[1:])

    # ----------------------------------------------------------------------------- config
    def get_config(self) -> dict[str, Any]:
        """The constructor arguments that rebuild this layer (JSON-able)."""
        return {"name": self.name, "trainable": self.trainable, "dtype": str(self.dtype)}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Layer:
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r} built={self.built}>"


def layer_from_config(spec: dict[str, Any]) -> Layer:
    """Rebuild a layer from ``{"class_name": ..., "config": ...}``; only registered Layer
    classes can be named, so a file cannot make mitbadak run anything else."""
    if not isinstance(spec, dict) or not isinstance(spec.get("class_name"), str):
        raise ConfigError(f"invalid layer spec {spec!r}")
    cls = Layer._registry.get(spec["class_name"])
    if cls is None:
        raise ConfigError(f"unknown layer class {spec['class_name']!r}")
    config = spec.get("config", {})
    if not isinstance(config, dict):
        raise ConfigError(f"invalid config for layer {spec['class_name']!r}")
    try:
        return cls.from_config(config)
    except TypeError as e:
        raise ConfigError(f"invalid config for layer {spec['class_name']!r}: {e}") from None


def layer_to_config(layer: Layer) -> dict[str, Any]:
    return {"class_name": type(layer).__name__, "config": layer.get_config()}

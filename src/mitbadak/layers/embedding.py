"""``Embedding``: integer token ids -> learned dense vectors, with Keras' ``mask_zero``.

Masks travel the way Keras' do, without a new tensor field: a layer that makes a mask (here
``Embedding(mask_zero=True)``) attaches it to its output tensor with :func:`attach_mask`, and a
layer that understands masks (the recurrent layers) reads it with :func:`get_mask`. Only the
very tensor the embedding returned carries the mask: an op in between (e.g. a Dense) drops it.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np

from .. import initializers, regularizers, validate
from ..backend import array_module
from ..errors import ShapeError
from ..ops.recurrent import embedding
from ..tensor import Tensor
from .base import Layer

# id(tensor) -> (weak reference to it, mask). Not a WeakKeyDictionary: that compares keys with
# ==, which is elementwise for tensors. The entry disappears when the tensor does.
_MASKS: dict[int, tuple[weakref.ref, np.ndarray]] = {}


def _forget(key: int) -> None:
    _MASKS.pop(key, None)


def attach_mask(t: Tensor, mask: np.ndarray | None) -> Tensor:
    """Attach a (N, T) boolean mask (True = real step, False = padding) to tensor ``t``.

    Example:
        >>> t = attach_mask(Tensor(np.zeros((1, 2, 3))), np.array([[True, False]]))
        >>> get_mask(t).tolist()
        [[True, False]]
    """
    xp = array_module(t, mask)
    if mask is not None:
        key = id(t)
        _MASKS[key] = (weakref.ref(t, lambda _, key=key: _forget(key)), xp.asarray(mask, bool))
    return t


def get_mask(t: Any) -> np.ndarray | None:
    """The mask attached to ``t`` by :func:`attach_mask`, or ``None``.

    Example:
        >>> get_mask(Tensor([1.0])) is None
        True
    """
    entry = _MASKS.get(id(t)) if isinstance(t, Tensor) else None
    if entry is None or entry[0]() is not t:
        return None
    return entry[1]


class Embedding(Layer):
    """Turns integer ids (N, T) into vectors (N, T, output_dim) by looking up rows of a table.

    Equivalent to one-hot encoding followed by a Dense layer without bias, but without building
    the one-hot matrix: the gradient only touches the rows that were used.

    Args:
        input_dim: vocabulary size V (ids are 0 .. V-1).
        output_dim: vector size D.
        embeddings_initializer: Keras' default, uniform in [-0.05, 0.05].
        embeddings_regularizer: optional penalty on the table.
        mask_zero: id 0 is padding. The output then carries the mask ``ids != 0``, which a
            following recurrent layer uses (padded steps keep the state and output zeros);
            with it, id 0 must not be a real token (so V = real vocabulary + 1).

    Example:
        >>> emb = Embedding(10, 4, mask_zero=True)
        >>> out = emb(np.array([[3, 5, 0]]))
        >>> out.shape, get_mask(out).tolist(), emb.embeddings.shape
        ((1, 3, 4), [[True, True, False]], (10, 4))
    """

    def __init__(
        self,
        input_dim: int,
        output_dim: int,
        embeddings_initializer: Any = "uniform",
        embeddings_regularizer: Any = None,
        mask_zero: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.input_dim = validate.integer(input_dim, "input_dim", "Embedding", min=1)
        self.output_dim = validate.integer(output_dim, "output_dim", "Embedding", min=1)
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.mask_zero = bool(mask_zero)

    def _to_tensor(self, x: Any) -> Tensor:
        # Ids stay integers: the base class would cast numeric arrays to the float dtype.
        xp = array_module(x)
        return x if isinstance(x, Tensor) else Tensor(xp.asarray(x))

    def build(self, input_shape: tuple[int, ...]) -> None:
        self.embeddings = self.add_weight(
            "embeddings",
            (self.input_dim, self.output_dim),
            self.embeddings_initializer,
            regularizer=self.embeddings_regularizer,
        )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        xp = array_module(x)
        if x.ndim < 1:
            raise ShapeError(key="error.layers.ids_shape_batch", name=self.name, shape=x.shape)
        out = embedding(x, self.embeddings, name=f"Embedding '{self.name}'")
        if self.mask_zero:
            attach_mask(out, xp.asarray(x.data) != 0)
        return out

    def compute_mask(self, x: Any) -> np.ndarray | None:
        """The mask of the output for ids ``x`` (``None`` unless ``mask_zero``)."""
        xp = array_module(x)
        return (xp.asarray(x.data if isinstance(x, Tensor) else x) != 0) if self.mask_zero else None

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "embeddings_initializer": initializers.serialize(self.embeddings_initializer),
            "embeddings_regularizer": regularizers.serialize(self.embeddings_regularizer),
            "mask_zero": self.mask_zero,
        }

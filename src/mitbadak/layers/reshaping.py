"""Layers that rearrange or wrap: ``RepeatVector``, ``Permute``, ``Lambda``, ``Masking``.

Example:
    >>> import numpy as np
    >>> RepeatVector(3)(np.ones((2, 5))).shape
    (2, 3, 5)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .. import validate
from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..ops.shape import broadcast_to, reshape, transpose
from ..tensor import Tensor
from .base import Layer
from .embedding import attach_mask

__all__ = ["Lambda", "Masking", "Permute", "RepeatVector"]


class RepeatVector(Layer):
    """Repeat each sample's vector ``n`` times: (N, d) -> (N, n, d) (an encoder's summary fed
    to every step of a decoder). The gradient sums over the copies.

    Example:
        >>> RepeatVector(2)(np.array([[1.0, 2.0]])).tolist()
        [[[1.0, 2.0], [1.0, 2.0]]]
    """

    def __init__(self, n: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.n = validate.integer(n, "n", "RepeatVector", min=1)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        if x.ndim != 2:
            raise ShapeError(key="error.layers.batch_features", name=self.name, shape=x.shape)
        x3 = reshape(x, (x.shape[0], 1, x.shape[1]))
        return broadcast_to(x3, (x.shape[0], self.n, x.shape[1]))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "n": self.n}


class Permute(Layer):
    """Reorder the axes after the batch: ``dims`` is a permutation of 1..ndim-1 (Keras' form:
    ``Permute((2, 1))`` swaps time and features).

    Example:
        >>> Permute((2, 1))(np.zeros((4, 3, 5))).shape
        (4, 5, 3)
    """

    def __init__(self, dims: tuple[int, ...] | list[int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dims = tuple(int(d) for d in dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ConfigError(
                key="error.layers.dims_permutation", n_dims=len(self.dims), dims=self.dims
            )

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        if x.ndim != len(self.dims) + 1:
            raise ShapeError(
                key="error.layers.dims_need_d",
                name=self.name,
                dims=self.dims,
                ndim=len(self.dims) + 1,
                shape=x.shape,
            )
        return transpose(x, (0,) + self.dims)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "dims": list(self.dims)}


class Lambda(Layer):
    """Wrap a function of tensors as a layer: ``Lambda(lambda x: x * 2)``. The function must
    be made of mitbadak ops (so gradients flow); it may take a list when the layer is called
    on one. A Lambda cannot be saved to a file (functions are not data; loading never
    unpickles): saving a model that holds one raises a ConfigError.

    Example:
        >>> Lambda(lambda x: x * 2)(np.ones((1, 2))).tolist()
        [[2.0, 2.0]]
    """

    def __init__(
        self,
        function: Callable[..., Any],
        output_shape: Any = None,
        arguments: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if not callable(function):
            raise ConfigError(key="error.layers.function_callable", function=function)
        self.function = function
        self.output_shape = output_shape
        self.arguments = dict(arguments or {})

    def __call__(self, x: Any, training: bool | None = None, **kwargs: Any) -> Any:
        if isinstance(x, (list, tuple)):
            x = [self._to_tensor(v) for v in x]
        else:
            x = self._to_tensor(x)
        self.built = True
        return self.function(x, **self.arguments)

    def call(self, x: Any, training: bool = False) -> Any:
        return self.function(x, **self.arguments)

    def get_config(self) -> dict[str, Any]:
        raise ConfigError(key="error.layers.lambda_layer_holds", name=self.name)


class Masking(Layer):
    """Zero the time steps whose features all equal ``mask_value``: (N, T, d) -> (N, T, d),
    and pass the mask on, as Keras does: the output carries the ``(N, T)`` mask (True = a real
    step, see :func:`~mitbadak.layers.embedding.attach_mask`), so a recurrent layer right after
    it skips the masked steps (its state carries over them), wherever the padding is.

    Example:
        >>> from mitbadak.layers.embedding import get_mask
        >>> x = np.array([[[1.0, 2.0], [0.0, 0.0]]])
        >>> out = Masking()(x)
        >>> out.tolist(), get_mask(out).tolist()
        ([[[1.0, 2.0], [0.0, 0.0]]], [[True, False]])
    """

    def __init__(self, mask_value: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mask_value = validate.number(mask_value, "mask_value", "Masking", finite=False)

    def compute_mask(self, x: Any) -> np.ndarray:
        """``(N, T)`` booleans: True for the steps kept."""
        xp = array_module(x)
        data = x.data if isinstance(x, Tensor) else xp.asarray(x)
        return xp.any(data != self.mask_value, axis=-1)

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        mask = self.compute_mask(x)
        return attach_mask(x * Tensor(mask[..., None].astype(x.dtype)), mask)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "mask_value": self.mask_value}

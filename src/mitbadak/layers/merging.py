"""Merge layers: combine a list of tensors into one (``Add()([a, b])``), for the functional API.

Every merge layer takes a list (or tuple) of at least two tensors. The element-wise ones
(``Add``, ``Subtract``, ``Multiply``, ``Average``, ``Maximum``, ``Minimum``) need equal shapes
(or shapes that broadcast, as Keras allows); ``Concatenate`` joins along ``axis``; ``Dot``
takes the dot product of two batches of vectors along ``axes``. Gradients are those of the
underlying ops (sum, product, max...): each input receives its share.

Example:
    >>> import numpy as np
    >>> Add()([np.ones((2, 3)), np.full((2, 3), 2.0)]).data[0].tolist()
    [3.0, 3.0, 3.0]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import validate
from ..errors import ShapeError
from ..ops import concatenate, maximum, minimum
from ..ops.reduce import sum as reduce_sum
from ..ops.shape import transpose
from ..tensor import Tensor
from .base import Layer

__all__ = ["Add", "Average", "Concatenate", "Dot", "Maximum", "Minimum", "Multiply", "Subtract"]


class _Merge(Layer):
    _min_inputs = 2
    _max_inputs: int | None = None

    def __call__(self, inputs: Any, training: bool | None = None, **kwargs: Any) -> Tensor:
        cls = type(self).__name__
        if not isinstance(inputs, (list, tuple)):
            raise ShapeError(
                key="error.layers.list_tensors_b",
                cls=cls,
                name=self.name,
                inputs_type=type(inputs).__name__,
            )
        n = len(inputs)
        if n < self._min_inputs or (self._max_inputs is not None and n > self._max_inputs):
            if self._max_inputs != self._min_inputs:
                raise ShapeError(key="error.layers.inputs_at_least_2", cls=cls, name=self.name, n=n)
            raise ShapeError(
                key="error.layers.inputs", cls=cls, name=self.name, want=self._max_inputs, n=n
            )
        xs = [self._to_tensor(x) for x in inputs]
        if not self.built:
            self.input_shape = [(None,) + tuple(x.shape[1:]) for x in xs]
            self.build([tuple(x.shape) for x in xs])
            self.built = True
        return self.merge(xs)

    def call(self, x: Any, training: bool = False) -> Tensor:
        return self.merge(list(x))

    def merge(self, xs: list[Tensor]) -> Tensor:
        raise NotImplementedError

    def _check_same(self, xs: list[Tensor]) -> None:
        try:
            np.broadcast_shapes(*[x.shape for x in xs])
        except ValueError:
            raise ShapeError(
                key="error.layers.inputs_same_shape",
                self_type=type(self).__name__,
                name=self.name,
                shapes=[x.shape for x in xs],
            ) from None


class Add(_Merge):
    """Element-wise sum of the inputs (a residual connection: ``Add()([x, f(x)])``).

    Example:
        >>> Add()([np.ones(2), np.ones(2), np.ones(2)]).tolist()
        [3.0, 3.0]
    """

    def merge(self, xs: list[Tensor]) -> Tensor:
        self._check_same(xs)
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out


class Subtract(_Merge):
    """``a - b`` for exactly two inputs.

    Example:
        >>> Subtract()([np.full(2, 3.0), np.ones(2)]).tolist()
        [2.0, 2.0]
    """

    _max_inputs = 2

    def merge(self, xs: list[Tensor]) -> Tensor:
        self._check_same(xs)
        return xs[0] - xs[1]


class Multiply(_Merge):
    """Element-wise product of the inputs (gating: ``Multiply()([x, sigmoid(g)])``).

    Example:
        >>> Multiply()([np.full(2, 3.0), np.full(2, 2.0)]).tolist()
        [6.0, 6.0]
    """

    def merge(self, xs: list[Tensor]) -> Tensor:
        self._check_same(xs)
        out = xs[0]
        for x in xs[1:]:
            out = out * x
        return out


class Average(_Merge):
    """Element-wise mean of the inputs.

    Example:
        >>> Average()([np.zeros(2), np.full(2, 4.0)]).tolist()
        [2.0, 2.0]
    """

    def merge(self, xs: list[Tensor]) -> Tensor:
        self._check_same(xs)
        out = xs[0]
        for x in xs[1:]:
            out = out + x
        return out * (1.0 / len(xs))


class Maximum(_Merge):
    """Element-wise maximum of the inputs.

    Example:
        >>> Maximum()([np.array([1.0, 5.0]), np.array([3.0, 2.0])]).tolist()
        [3.0, 5.0]
    """

    def merge(self, xs: list[Tensor]) -> Tensor:
        self._check_same(xs)
        out = xs[0]
        for x in xs[1:]:
            out = maximum(out, x)
        return out


class Minimum(_Merge):
    """Element-wise minimum of the inputs.

    Example:
        >>> Minimum()([np.array([1.0, 5.0]), np.array([3.0, 2.0])]).tolist()
        [1.0, 2.0]
    """

    def merge(self, xs: list[Tensor]) -> Tensor:
        self._check_same(xs)
        out = xs[0]
        for x in xs[1:]:
            out = minimum(out, x)
        return out


class Concatenate(_Merge):
    """Join the inputs along ``axis`` (default -1, Keras'; the other sizes must agree).

    Example:
        >>> Concatenate()([np.ones((2, 3)), np.ones((2, 1))]).shape
        (2, 4)
    """

    def __init__(self, axis: int = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = validate.integer(axis, "axis", "Concatenate")

    def merge(self, xs: list[Tensor]) -> Tensor:
        nd = xs[0].ndim
        ax = self.axis % nd if -nd <= self.axis < nd else None
        shapes = [x.shape for x in xs]
        if (
            ax is None
            or ax == 0
            or any(len(s) != nd for s in shapes)
            or any(s[:ax] + s[ax + 1 :] != shapes[0][:ax] + shapes[0][ax + 1 :] for s in shapes)
        ):
            raise ShapeError(
                key="error.layers.inputs_agree_every", name=self.name, axis=self.axis, shapes=shapes
            )
        return concatenate(xs, axis=ax)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}


class Dot(_Merge):
    """Dot product of two batches along ``axes`` (``normalize=True``: cosine similarity).

    For inputs (N, d) and ``axes=1``: ``y[n] = sum_k a[n, k] b[n, k]``, shape (N, 1). For 3-D
    inputs (N, p, d) and (N, q, d) with ``axes=2``: (N, p, q), a batched matrix product.

    Example:
        >>> Dot(axes=1)([np.ones((2, 3)), np.full((2, 3), 2.0)]).tolist()
        [[6.0], [6.0]]
    """

    _max_inputs = 2

    def __init__(self, axes: int | tuple[int, int] | list[int], normalize: bool = False, **kw):
        super().__init__(**kw)
        self.axes = [int(a) for a in axes] if isinstance(axes, (list, tuple)) else int(axes)
        self.normalize = bool(normalize)

    def merge(self, xs: list[Tensor]) -> Tensor:
        a, b = xs
        axes = self.axes if isinstance(self.axes, list) else [self.axes, self.axes]
        ia, ib = axes[0] % a.ndim, axes[1] % b.ndim
        if a.ndim not in (2, 3) or b.ndim != a.ndim or ia == 0 or ib == 0:
            raise ShapeError(
                key="error.layers.two_d_two",
                name=self.name,
                shape=a.shape,
                shape2=b.shape,
                axes=self.axes,
            )
        if a.shape[ia] != b.shape[ib]:
            raise ShapeError(
                key="error.layers.sizes_along_axes",
                name=self.name,
                shape=a.shape,
                ia=ia,
                shape2=b.shape,
                ib=ib,
            )
        if self.normalize:
            a = a / (reduce_sum(a * a, axis=ia, keepdims=True) + 1e-12) ** 0.5
            b = b / (reduce_sum(b * b, axis=ib, keepdims=True) + 1e-12) ** 0.5
        if a.ndim == 2:
            return reduce_sum(a * b, axis=1, keepdims=True)
        if ia == 1:
            a = transpose(a, (0, 2, 1))
        if ib == 2:
            b = transpose(b, (0, 2, 1))
        return a @ b  # (N, p, d) @ (N, d, q)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axes": self.axes, "normalize": self.normalize}

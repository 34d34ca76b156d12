"""``Variable``: a weight, a :class:`~mitbadak.tensor.Tensor` that layers own and users assign.

A ``Variable`` is a leaf tensor (operations on it build the graph and fill ``.grad``, exactly as
on a ``Tensor``) with Keras' variable surface on top:

- ``assign(value)``, ``assign_add(delta)``, ``assign_sub(delta)`` change the values *in place*:
  nothing is recorded in the graph, ``.grad`` is left alone, and the shape and dtype must fit
  (a clear :class:`~mitbadak.errors.ShapeError` / :class:`~mitbadak.errors.DTypeError`
  otherwise). Code that holds the variable, or its ``.data`` array (an optimizer), sees the new
  values.
- ``trainable``: whether an optimizer may update it (``False`` for states such as batch-norm
  running means or a counter). Setting it also sets ``requires_grad``.
- ``value`` (the variable itself, usable in any op) and ``numpy()`` (the array).
- ``regularizer``: the penalty function given to ``Layer.add_weight`` (or ``None``).

``Layer.add_weight`` makes every weight a ``Variable``; build one yourself with an initial value
or an initializer and a shape.

Example:
    >>> import numpy as np
    >>> v = Variable(np.zeros(3), name="counts")
    >>> v.assign_add([1.0, 2.0, 3.0]).numpy()
    array([1., 2., 3.])
    >>> _ = v.assign_sub(1.0); v.numpy()
    array([0., 1., 2.])
    >>> Variable("ones", shape=(2,), dtype="float32", trainable=False).trainable
    False
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import initializers
from .errors import DTypeError, ShapeError
from .tensor import Tensor, get_default_dtype

__all__ = ["Variable"]


def _is_initializer(x: Any) -> bool:
    return isinstance(x, (str, dict, initializers.Initializer)) or (
        callable(x) and not isinstance(x, (Tensor, np.ndarray))
    )


class Variable(Tensor):
    """A named, assignable weight tensor (Keras' ``keras.Variable``).

    Args:
        initializer: the initial value (array-like, number or Tensor), or an initializer
            (a name such as ``"zeros"``, an :mod:`mitbadak.initializers` object, or a function
            ``shape -> array``), in which case ``shape`` is required.
        shape: the shape, needed with an initializer; with a value it must match it.
        dtype: the dtype (default: the value's float dtype, else the default float dtype).
        trainable: whether optimizers may update it; a trainable float variable
            ``requires_grad``.
        name: a label shown in messages and graph drawings.

    Example:
        >>> v = Variable([[1.0, 2.0]], name="w")
        >>> (v * 3).sum().item(), v.requires_grad
        (9.0, True)
        >>> _ = v.assign([[5.0, 6.0]]); v.tolist()
        [[5.0, 6.0]]
    """

    __slots__ = ("_trainable", "regularizer")

    def __init__(
        self,
        initializer: Any,
        shape: Any = None,
        dtype: Any = None,
        trainable: bool = True,
        name: str | None = None,
    ) -> None:
        if shape is not None:
            shape = (int(shape),) if np.isscalar(shape) else tuple(int(d) for d in shape)
        if _is_initializer(initializer):
            if shape is None:
                raise ShapeError(
                    key="error.variable.initializer_shape",
                    name=name or "",
                    init=repr(initializer),
                )
            dt = np.dtype(dtype) if dtype is not None else get_default_dtype()
            data = np.asarray(initializers.get(initializer)(shape, dt), dtype=dt)
        else:
            value = initializer.data if isinstance(initializer, Tensor) else initializer
            data = np.array(value, dtype=dtype, copy=True)
            if dtype is None and data.dtype == np.float64 and not isinstance(value, np.ndarray):
                data = data.astype(get_default_dtype())  # Python floats: default float dtype
            if shape is not None and data.shape != shape:
                raise ShapeError(
                    key="error.variable.shape_mismatch",
                    name=name or "",
                    shape=shape,
                    got=data.shape,
                )
        trainable = bool(trainable)
        super().__init__(data, requires_grad=trainable and data.dtype.kind == "f", name=name)
        self._trainable = trainable
        self.regularizer: Any = None

    # ------------------------------------------------------------------------ properties
    @property
    def trainable(self) -> bool:
        """Whether an optimizer may update this variable; setting it sets ``requires_grad``."""
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)
        self.requires_grad = self._trainable and self.dtype.kind == "f"
        if not self.requires_grad:
            self.grad = None

    @property
    def value(self) -> Variable:
        """The variable itself, to use in operations (Keras' ``variable.value``)."""
        return self

    @property
    def path(self) -> str | None:
        """``"<layer name>/<weight name>"`` for weights made by ``Layer.add_weight``."""
        return self.name

    # ------------------------------------------------------------------------ assignment
    def _checked(self, value: Any, what: str, broadcast: bool) -> np.ndarray:
        arr = value.data if isinstance(value, Tensor) else np.asarray(value)
        if arr.dtype.kind not in "biuf":
            raise DTypeError(
                key="error.variable.not_numbers", name=self.name, what=what, dtype=arr.dtype
            )
        if not np.can_cast(arr.dtype, self.dtype, casting="same_kind") and not (
            arr.ndim == 0 and arr.dtype.kind in "biu" and self.dtype.kind in "biu"
        ):
            raise DTypeError(
                key="error.variable.dtype",
                name=self.name,
                what=what,
                dtype=arr.dtype,
                own=self.dtype,
            )
        ok = arr.shape == self.shape
        if not ok and broadcast:
            try:
                ok = np.broadcast_shapes(arr.shape, self.shape) == self.shape
            except ValueError:
                ok = False
        if not ok:
            raise ShapeError(
                key="error.variable.shape",
                name=self.name,
                what=what,
                own=self.shape,
                shape=arr.shape,
            )
        return arr

    def assign(self, value: Any) -> Variable:
        """Replace the values in place (same shape; the dtype is cast if it is of the same
        kind). Not recorded in the graph. Returns the variable.

        Example:
            >>> v = Variable([1.0, 2.0]); v.assign([3.0, 4.0]).tolist()
            [3.0, 4.0]
        """
        arr = self._checked(value, "assign", broadcast=False)
        if self.data.flags.writeable:
            np.copyto(self.data, arr, casting="unsafe")
        else:
            self.data = np.array(arr, dtype=self.dtype)
        return self

    def assign_add(self, delta: Any) -> Variable:
        """Add ``delta`` (broadcast to the variable's shape) in place. Returns the variable.

        Example:
            >>> Variable([1.0, 2.0]).assign_add(1.0).tolist()
            [2.0, 3.0]
        """
        arr = self._checked(delta, "assign_add", broadcast=True)
        if not self.data.flags.writeable:
            self.data = self.data.copy()
        np.add(self.data, arr, out=self.data, casting="unsafe")
        return self

    def assign_sub(self, delta: Any) -> Variable:
        """Subtract ``delta`` (broadcast to the variable's shape) in place. Returns the variable.

        Example:
            >>> Variable([1.0, 2.0]).assign_sub([1.0, 1.0]).tolist()
            [0.0, 1.0]
        """
        arr = self._checked(delta, "assign_sub", broadcast=True)
        if not self.data.flags.writeable:
            self.data = self.data.copy()
        np.subtract(self.data, arr, out=self.data, casting="unsafe")
        return self

    def __repr__(self) -> str:
        body = np.array2string(self.data, separator=", ", prefix="Variable(")
        extra = "" if self._trainable else ", trainable=False"
        return f"Variable({body}, name={self.name!r}{extra}, dtype={self.dtype})"

"""Tensor constructors with PyTorch's names and arguments: zeros, ones, full, arange, rand...

Every constructor takes ``dtype=`` (a NumPy dtype or its name; floats default to
:func:`mitbadak.get_default_dtype`, float32) and ``requires_grad=``. Sizes are given as
separate ints or as one tuple, as in PyTorch: ``zeros(2, 3)`` or ``zeros((2, 3))``.

The random ones draw from mitbadak's one seeded generator (:func:`mitbadak.set_seed`), or from
a ``generator=`` (a ``numpy.random.Generator``) when one is given, so runs repeat bit for bit.

Example:
    >>> import mitbadak as mb
    >>> mb.zeros(2, 3).shape, mb.arange(5).tolist(), mb.eye(2).tolist()
    ((2, 3), [0, 1, 2, 3, 4], [[1.0, 0.0], [0.0, 1.0]])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import validate
from ..backend import array_module
from ..errors import ConfigError, DTypeError, ShapeError
from ..random import get_rng
from ..tensor import Tensor, get_default_dtype


def _dtype(dtype: Any, default: Any = None) -> np.dtype:
    if dtype is None:
        return np.dtype(default) if default is not None else get_default_dtype()
    if isinstance(dtype, Tensor):
        return dtype.dtype
    try:
        return np.dtype(dtype)
    except TypeError:
        raise DTypeError(key="error.ops.creation.dtype_float_np", dtype=dtype) from None


def _size(size: tuple[Any, ...], op: str) -> tuple[int, ...]:
    if len(size) == 1 and isinstance(size[0], (Sequence, np.ndarray)):
        size = tuple(size[0])
    if not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in size):
        raise ShapeError(key="error.ops.creation.size_ints_tuple", op=op, size=size)
    if any(int(s) < 0 for s in size):
        raise ShapeError(key="error.ops.creation.sizes", op=op, size=tuple(size))
    return tuple(int(s) for s in size)


def _make(data: np.ndarray, requires_grad: bool) -> Tensor:
    return Tensor(data, requires_grad=requires_grad)


def _rng(generator: np.random.Generator | None) -> np.random.Generator:
    return get_rng() if generator is None else generator


def tensor(data: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A new tensor holding a *copy* of ``data`` (like ``torch.tensor``).

    Python floats get the default float dtype; ints stay int64; bools stay bool; NumPy arrays
    keep their dtype. A list of tensors is stacked (their values copied, no graph kept).

    Example:
        >>> t = tensor([[1.0, 2.0]], requires_grad=True)
        >>> t.dtype, t.requires_grad, tensor(3).dtype
        (dtype('float32'), True, dtype('int64'))
    """
    xp = array_module(data, dtype)
    from_array = isinstance(data, (np.ndarray, Tensor))
    if isinstance(data, Tensor):
        data = data.data
    elif isinstance(data, (list, tuple)):
        data = xp.asarray([d.data if isinstance(d, Tensor) else d for d in data])
    arr = xp.array(data, copy=True)
    if dtype is not None:
        arr = arr.astype(_dtype(dtype), copy=False)
    elif arr.dtype == np.float64 and not from_array:
        arr = arr.astype(get_default_dtype())
    return _make(arr, requires_grad)


def zeros(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A tensor of zeros.  Example: ``zeros(2, 3).shape`` -> ``(2, 3)``.

    Example:
        >>> zeros((2,), dtype="int64").tolist()
        [0, 0]
    """
    xp = array_module(*size)
    return _make(xp.zeros(_size(size, "zeros"), _dtype(dtype)), requires_grad)


def ones(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A tensor of ones.

    Example:
        >>> ones(2).tolist()
        [1.0, 1.0]
    """
    xp = array_module(*size)
    return _make(xp.ones(_size(size, "ones"), _dtype(dtype)), requires_grad)


def empty(*size: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A tensor of the given size. Unlike PyTorch its values are defined: zeros (an
    uninitialized buffer would make runs unrepeatable for no measurable gain here).

    Example:
        >>> empty(2, 2).shape
        (2, 2)
    """
    return zeros(*size, dtype=dtype, requires_grad=requires_grad)


def _fill_dtype(fill_value: Any) -> np.dtype:
    if isinstance(fill_value, (bool, np.bool_)):
        return np.dtype(bool)
    if isinstance(fill_value, (int, np.integer)):
        return np.dtype(np.int64)
    return get_default_dtype()


def full(size: Any, fill_value: Any, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """A tensor filled with ``fill_value``; the dtype follows the value as in PyTorch
    (int -> int64, float -> default float, bool -> bool) unless ``dtype`` is given.

    Example:
        >>> full((2,), 7).tolist(), full((1,), 0.5).dtype
        ([7, 7], dtype('float32'))
    """
    xp = array_module(size, fill_value)
    dt = _dtype(dtype, _fill_dtype(fill_value) if dtype is None else None)
    return _make(xp.full(_size((size,), "full"), fill_value, dtype=dt), requires_grad)


def arange(
    start: Any,
    end: Any = None,
    step: Any = 1,
    *,
    dtype: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """Values ``start, start + step, ...`` below ``end`` (``arange(n)`` is 0..n-1). All-int
    arguments give int64, any float gives the default float dtype (PyTorch's rule).

    Example:
        >>> arange(1, 2, 0.25).tolist()
        [1.0, 1.25, 1.5, 1.75]
    """
    xp = array_module(start, end, step)
    if end is None:
        start, end = 0, start
    if step == 0:
        raise ConfigError(key="error.ops.creation.step_nonzero")
    ints = all(isinstance(v, (int, np.integer)) for v in (start, end, step))
    dt = _dtype(dtype, np.int64 if ints else None)
    if ints:
        return _make(xp.arange(start, end, step).astype(dt), requires_grad)
    n = max(int(xp.ceil((end - start) / step)), 0)  # computed in float64, then cast
    return _make((start + step * xp.arange(n)).astype(dt), requires_grad)


def linspace(
    start: float, end: float, steps: int, *, dtype: Any = None, requires_grad: bool = False
) -> Tensor:
    """``steps`` evenly spaced values from ``start`` to ``end`` inclusive.

    Example:
        >>> linspace(0, 1, 5).tolist()
        [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    if int(steps) < 0:
        raise ConfigError(key="error.ops.creation.steps", steps=steps)
    return _make(np.linspace(start, end, int(steps)).astype(_dtype(dtype)), requires_grad)


def eye(n: int, m: int | None = None, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """The (n, m) identity matrix (m defaults to n).

    Example:
        >>> eye(2, 3).tolist()
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    """
    n = validate.integer(n, "n", "eye", min=0)
    m = validate.integer(m, "m", "eye", min=0, none=True)
    return _make(np.eye(n, m, dtype=_dtype(dtype)), requires_grad)


def rand(
    *size: Any,
    dtype: Any = None,
    requires_grad: bool = False,
    generator: np.random.Generator | None = None,
) -> Tensor:
    """Uniform samples in [0, 1) from mitbadak's seeded generator.

    Example:
        >>> import mitbadak as mb
        >>> mb.set_seed(0); a = rand(3); mb.set_seed(0); bool((a == rand(3)).all())
        True
    """
    shape = _size(size, "rand")
    return _make(_rng(generator).random(shape).astype(_dtype(dtype)), requires_grad)


def randn(
    *size: Any,
    dtype: Any = None,
    requires_grad: bool = False,
    generator: np.random.Generator | None = None,
) -> Tensor:
    """Standard normal samples from mitbadak's seeded generator.

    Example:
        >>> randn(2, 3).shape
        (2, 3)
    """
    shape = _size(size, "randn")
    return _make(_rng(generator).standard_normal(shape).astype(_dtype(dtype)), requires_grad)


def randint(
    *args: Any,
    size: Any = None,
    dtype: Any = None,
    requires_grad: bool = False,
    generator: np.random.Generator | None = None,
) -> Tensor:
    """Random integers in [low, high): ``randint(high, size)`` or ``randint(low, high, size)``
    (int64 unless ``dtype`` is given), from mitbadak's seeded generator.

    Example:
        >>> t = randint(0, 10, (100,))
        >>> t.dtype, bool((t.data >= 0).all() and (t.data < 10).all())
        (dtype('int64'), True)
    """
    if size is not None:
        args = args + (size,)
    if len(args) == 2:
        low, (high, shape) = 0, args
    elif len(args) == 3:
        low, high, shape = args
    else:
        raise ConfigError(key="error.ops.creation.randint_high_size")
    if not int(high) > int(low):
        raise ConfigError(key="error.ops.creation.high_low_low", low=low, high=high)
    shape = _size((shape,), "randint")
    vals = _rng(generator).integers(int(low), int(high), shape)
    return _make(vals.astype(_dtype(dtype, np.int64)), requires_grad)


def zeros_like(t: Any, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """Zeros with the shape (and dtype, unless given) of ``t``.

    Example:
        >>> zeros_like(ones(2, dtype="float64")).dtype
        dtype('float64')
    """
    xp = array_module(t)
    a = xp.asarray(t.data if isinstance(t, Tensor) else t)
    return _make(xp.zeros(a.shape, _dtype(dtype, a.dtype)), requires_grad)


def ones_like(t: Any, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """Ones with the shape (and dtype) of ``t``.

    Example:
        >>> ones_like(zeros(2)).tolist()
        [1.0, 1.0]
    """
    xp = array_module(t)
    a = xp.asarray(t.data if isinstance(t, Tensor) else t)
    return _make(xp.ones(a.shape, _dtype(dtype, a.dtype)), requires_grad)


def full_like(t: Any, fill_value: Any, *, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """``fill_value`` everywhere, with the shape (and dtype) of ``t``.

    Example:
        >>> full_like(zeros(2), 3).tolist()
        [3.0, 3.0]
    """
    xp = array_module(t, fill_value)
    a = xp.asarray(t.data if isinstance(t, Tensor) else t)
    return _make(xp.full(a.shape, fill_value, dtype=_dtype(dtype, a.dtype)), requires_grad)


def _float_like(a: np.ndarray, dtype: Any) -> np.dtype:
    dt = _dtype(dtype, a.dtype)
    if dt.kind != "f":
        raise DTypeError(key="error.ops.creation.random_like_float", dt=dt)
    return dt


def rand_like(
    t: Any,
    *,
    dtype: Any = None,
    requires_grad: bool = False,
    generator: np.random.Generator | None = None,
) -> Tensor:
    """Uniform [0, 1) samples with the shape (and float dtype) of ``t``.

    Example:
        >>> rand_like(zeros(2, 2)).shape
        (2, 2)
    """
    xp = array_module(t)
    a = xp.asarray(t.data if isinstance(t, Tensor) else t)
    dt = _float_like(a, dtype)
    return _make(_rng(generator).random(a.shape).astype(dt), requires_grad)


def randn_like(
    t: Any,
    *,
    dtype: Any = None,
    requires_grad: bool = False,
    generator: np.random.Generator | None = None,
) -> Tensor:
    """Standard normal samples with the shape (and float dtype) of ``t``.

    Example:
        >>> randn_like(zeros(3)).shape
        (3,)
    """
    xp = array_module(t)
    a = xp.asarray(t.data if isinstance(t, Tensor) else t)
    dt = _float_like(a, dtype)
    return _make(_rng(generator).standard_normal(a.shape).astype(dt), requires_grad)


__all__ = [
    "arange",
    "empty",
    "eye",
    "full",
    "full_like",
    "linspace",
    "ones",
    "ones_like",
    "rand",
    "rand_like",
    "randint",
    "randn",
    "randn_like",
    "tensor",
    "zeros",
    "zeros_like",
]

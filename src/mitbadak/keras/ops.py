"""``keras.ops``: NumPy-like functions on mitbadak tensors, with gradients.

Every function accepts Tensors, NumPy arrays and Python numbers (numbers take the float type
of the tensors they meet, so ``ops.add(x, 1)`` keeps a float32 ``x`` float32) and returns a
:class:`~mitbadak.tensor.Tensor`. Differentiable ones are mitbadak's ops; the comparisons,
``argmax``/``argmin``, ``sign``, ``round``... have no gradient (as in Keras). Called on
symbolic tensors (inside a functional model), they add a layer to the graph.

Example:
    >>> import numpy as np
    >>> x = convert_to_tensor(np.array([1.0, 4.0], "float32"))
    >>> add(x, 1).tolist(), add(x, 1).dtype
    ([2.0, 5.0], dtype('float32'))
    >>> float(mean(square(x)))
    8.5
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from .. import ops as _ops
from ..ops import activation as _act
from ..ops import reduce as _reduce
from ..ops import shape as _shape
from ..tensor import Tensor, get_default_dtype
from . import missing

_SYMBOLIC_TYPES: tuple[type, ...] = ()


def _symbolic() -> tuple[type, ...]:
    global _SYMBOLIC_TYPES
    if not _SYMBOLIC_TYPES:
        from ..functional_model import SymbolicTensor

        _SYMBOLIC_TYPES = (SymbolicTensor,)
    return _SYMBOLIC_TYPES


def _float_dtype(values: list[Any]) -> np.dtype:
    for v in values:
        dt = getattr(v, "dtype", None)
        if dt is not None and np.dtype(dt).kind == "f":
            return np.dtype(dt)
    return get_default_dtype()


def convert_to_tensor(x: Any, dtype: Any = None) -> Tensor:
    """A Tensor from a Tensor, an array, a list or a number.

    Example:
        >>> convert_to_tensor(3.0).dtype
        dtype('float32')
    """
    if isinstance(x, Tensor):
        return x if dtype is None else x.astype(dtype)
    arr = np.asarray(x, dtype=dtype)
    if dtype is None and arr.dtype == np.float64 and not isinstance(x, np.ndarray):
        arr = arr.astype(get_default_dtype())
    return Tensor(arr)


def _tensors(args: list[Any]) -> list[Any]:
    dt = _float_dtype(args)
    out = []
    for a in args:
        if isinstance(a, Tensor):
            out.append(a)
        elif isinstance(a, (bool, int, float)) and not isinstance(a, bool):
            out.append(Tensor(np.asarray(a, dtype=dt)))
        elif isinstance(a, (np.ndarray, np.generic, list, tuple)):
            out.append(convert_to_tensor(a))
        else:
            out.append(a)
    return out


def _op(n_tensors: int | None = 1) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Convert the first ``n_tensors`` arguments (all when None; a list argument's items
    for ``n_tensors=0``) to tensors; on symbolic tensors, record a graph node instead."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if _any_symbolic(args):
                return _symbolic_op(wrapper, args, kwargs)
            args = list(args)
            if n_tensors == 0:
                args[0] = _tensors(list(args[0]))
            else:
                k = len(args) if n_tensors is None else builtins.min(n_tensors, len(args))
                args[:k] = _tensors(args[:k])
            return fn(*args, **kwargs)

        return wrapper

    return deco


def _any_symbolic(args: tuple) -> bool:
    sym = _symbolic()
    for a in args:
        if isinstance(a, sym) or (
            isinstance(a, (list, tuple)) and builtins.any(isinstance(b, sym) for b in a)
        ):
            return True
    return False


def _symbolic_op(fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    """keras.ops on symbolic tensors: a Lambda layer over the symbolic inputs."""
    from ..layers.reshaping import Lambda

    sym = _symbolic()
    flat: list[Any] = []
    slots: list[Any] = []
    for a in args:
        if isinstance(a, sym):
            slots.append(("t", len(flat)))
            flat.append(a)
        elif isinstance(a, (list, tuple)):
            inner = []
            for b in a:
                if isinstance(b, sym):
                    inner.append(("t", len(flat)))
                    flat.append(b)
                else:
                    inner.append(("c", b))
            slots.append(("l", inner))
        else:
            slots.append(("c", a))

    def run(xs: Any) -> Any:
        xs = xs if isinstance(xs, list) else [xs]

        def fill(slot: Any) -> Any:
            kind, v = slot
            if kind == "t":
                return xs[v]
            if kind == "l":
                return [fill(s) for s in v]
            return v

        return fn(*[fill(s) for s in slots], **kwargs)

    layer = Lambda(run, name=f"{fn.__name__}_op_{id(run) % 100000}")
    return layer(flat if len(flat) > 1 else flat[0])


# ----------------------------------------------------------------------- arithmetic
@_op(2)
def add(x1: Any, x2: Any) -> Tensor:
    """``x1 + x2`` (broadcasting)."""
    return _ops.add(x1, x2)


@_op(2)
def subtract(x1: Any, x2: Any) -> Tensor:
    """``x1 - x2``."""
    return _ops.sub(x1, x2)


@_op(2)
def multiply(x1: Any, x2: Any) -> Tensor:
    """``x1 * x2``."""
    return _ops.mul(x1, x2)


@_op(2)
def divide(x1: Any, x2: Any) -> Tensor:
    """``x1 / x2``."""
    return _ops.div(x1, x2)


true_divide = divide


@_op(2)
def power(x1: Any, x2: Any) -> Tensor:
    """``x1 ** x2``."""
    return _ops.pow(x1, x2)


@_op(1)
def negative(x: Any) -> Tensor:
    """``-x``."""
    return _ops.neg(x)


@_op(1)
def square(x: Any) -> Tensor:
    """``x * x``."""
    return _ops.mul(x, x)


@_op(1)
def sqrt(x: Any) -> Tensor:
    """Square root."""
    return _ops.sqrt(x)


@_op(1)
def exp(x: Any) -> Tensor:
    """``e ** x``."""
    return _ops.exp(x)


@_op(1)
def log(x: Any) -> Tensor:
    """Natural logarithm."""
    return _ops.log(x)


@_op(1)
def abs(x: Any) -> Tensor:  # noqa: A001 (Keras' name)
    """Absolute value (subgradient 0 at 0)."""
    return _ops.abs(x)


absolute = abs


@_op(1)
def clip(x: Any, x_min: Any, x_max: Any) -> Tensor:
    """Limit ``x`` to ``[x_min, x_max]`` (gradient 0 outside)."""
    return _ops.clip(x, x_min, x_max)


@_op(2)
def maximum(x1: Any, x2: Any) -> Tensor:
    """Element-wise maximum."""
    return _ops.maximum(x1, x2)


@_op(2)
def minimum(x1: Any, x2: Any) -> Tensor:
    """Element-wise minimum."""
    return _ops.minimum(x1, x2)


@_op(2)
def matmul(x1: Any, x2: Any) -> Tensor:
    """Matrix product (batched over leading axes)."""
    return _ops.matmul(x1, x2)


dot = matmul


# ------------------------------------------------------------------------ reductions
@_op(1)
def sum(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Sum over ``axis`` (all by default)."""
    return _reduce.sum(x, axis=axis, keepdims=keepdims)


@_op(1)
def mean(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:
    """Mean over ``axis``."""
    return _reduce.mean(x, axis=axis, keepdims=keepdims)


@_op(1)
def max(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Maximum over ``axis``."""
    return _reduce.max(x, axis=axis, keepdims=keepdims)


@_op(1)
def min(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:  # noqa: A001
    """Minimum over ``axis``."""
    return _reduce.min(x, axis=axis, keepdims=keepdims)


@_op(1)
def var(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:
    """Variance (biased, as NumPy's default) over ``axis``."""
    m = _reduce.mean(x, axis=axis, keepdims=True)
    d = _ops.sub(x, m)
    return _reduce.mean(_ops.mul(d, d), axis=axis, keepdims=keepdims)


@_op(1)
def std(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:
    """Standard deviation (biased) over ``axis``."""
    return _ops.sqrt(var(x, axis=axis, keepdims=keepdims))


@_op(1)
def argmax(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:
    """Index of the maximum (no gradient)."""
    return Tensor(np.argmax(x.data, axis=axis, keepdims=keepdims))


@_op(1)
def argmin(x: Any, axis: Any = None, keepdims: bool = False) -> Tensor:
    """Index of the minimum (no gradient)."""
    return Tensor(np.argmin(x.data, axis=axis, keepdims=keepdims))


# ---------------------------------------------------------------------------- shapes
@_op(1)
def reshape(x: Any, newshape: Any) -> Tensor:
    """``x`` with another shape (one -1 allowed)."""
    return _shape.reshape(x, tuple(newshape) if not isinstance(newshape, int) else (newshape,))


@_op(1)
def transpose(x: Any, axes: Any = None) -> Tensor:
    """Permute axes (reverse them by default)."""
    return _shape.transpose(x, tuple(axes)) if axes is not None else _shape.transpose(x)


@_op(1)
def expand_dims(x: Any, axis: int) -> Tensor:
    """Insert an axis of size 1 at ``axis``."""
    shape = list(x.shape)
    ax = axis if axis >= 0 else len(shape) + 1 + axis
    shape.insert(ax, 1)
    return _shape.reshape(x, tuple(shape))


@_op(1)
def squeeze(x: Any, axis: Any = None) -> Tensor:
    """Remove axes of size 1 (all, or ``axis``)."""
    if axis is None:
        shape = tuple(d for d in x.shape if d != 1)
    else:
        axes = {a % x.ndim for a in (axis if isinstance(axis, (list, tuple)) else [axis])}
        shape = tuple(d for i, d in enumerate(x.shape) if i not in axes)
    return _shape.reshape(x, shape)


@_op(0)
def concatenate(xs: Any, axis: int = 0) -> Tensor:
    """Join tensors along ``axis`` (Keras' default 0)."""
    return _shape.concatenate(xs, axis=axis)


@_op(0)
def stack(xs: Any, axis: int = 0) -> Tensor:
    """Stack tensors along a new ``axis``."""
    return _shape.stack(xs, axis=axis)


@_op(1)
def broadcast_to(x: Any, shape: Any) -> Tensor:
    """Broadcast ``x`` to ``shape``."""
    return _shape.broadcast_to(x, tuple(shape))


@_op(1)
def ravel(x: Any) -> Tensor:
    """All elements in one axis."""
    return _shape.reshape(x, (-1,))


def shape(x: Any) -> tuple[int, ...]:
    """The shape as a tuple of ints."""
    return tuple(np.shape(x.data if isinstance(x, Tensor) else x))


@_op(1)
def cast(x: Any, dtype: Any) -> Tensor:
    """``x`` as ``dtype`` (the gradient flows through float casts)."""
    return x.astype(dtype)


def convert_to_numpy(x: Any) -> np.ndarray:
    """A NumPy array (no copy for a Tensor's data)."""
    return x.data if isinstance(x, Tensor) else np.asarray(x)


# ----------------------------------------------------------------- no-gradient helpers
def _np_fn(np_fn: Callable[..., Any], n: int, doc: str) -> Callable[..., Tensor]:
    @_op(n)
    def fn(*args: Any, **kwargs: Any) -> Tensor:
        vals = [a.data if isinstance(a, Tensor) else a for a in args]
        return Tensor(np.asarray(np_fn(*vals, **kwargs)))

    fn.__name__ = np_fn.__name__
    fn.__doc__ = doc + " (no gradient)."
    return fn


equal = _np_fn(np.equal, 2, "``x1 == x2``")
not_equal = _np_fn(np.not_equal, 2, "``x1 != x2``")
greater = _np_fn(np.greater, 2, "``x1 > x2``")
greater_equal = _np_fn(np.greater_equal, 2, "``x1 >= x2``")
less = _np_fn(np.less, 2, "``x1 < x2``")
less_equal = _np_fn(np.less_equal, 2, "``x1 <= x2``")
logical_and = _np_fn(np.logical_and, 2, "logical and")
logical_or = _np_fn(np.logical_or, 2, "logical or")
logical_not = _np_fn(np.logical_not, 1, "logical not")
sign = _np_fn(np.sign, 1, "sign of x")
round = _np_fn(np.round, 1, "round to the nearest integer")  # noqa: A001
floor = _np_fn(np.floor, 1, "floor")
ceil = _np_fn(np.ceil, 1, "ceil")
all = _np_fn(np.all, 1, "whether all are true")  # noqa: A001
any = _np_fn(np.any, 1, "whether any is true")  # noqa: A001


def zeros(shape: Any, dtype: Any = None) -> Tensor:
    """A tensor of zeros (default float type)."""
    return Tensor(np.zeros(shape, dtype=dtype or get_default_dtype()))


def ones(shape: Any, dtype: Any = None) -> Tensor:
    """A tensor of ones (default float type)."""
    return Tensor(np.ones(shape, dtype=dtype or get_default_dtype()))


def full(shape: Any, fill_value: Any, dtype: Any = None) -> Tensor:
    """A tensor filled with ``fill_value``."""
    return Tensor(np.full(shape, fill_value, dtype=dtype or get_default_dtype()))


def zeros_like(x: Any, dtype: Any = None) -> Tensor:
    """Zeros of ``x``'s shape (and dtype)."""
    return Tensor(np.zeros_like(convert_to_numpy(x), dtype=dtype))


def ones_like(x: Any, dtype: Any = None) -> Tensor:
    """Ones of ``x``'s shape (and dtype)."""
    return Tensor(np.ones_like(convert_to_numpy(x), dtype=dtype))


def arange(start: Any, stop: Any = None, step: Any = 1, dtype: Any = None) -> Tensor:
    """Evenly spaced values (NumPy's ``arange``)."""
    return Tensor(
        np.arange(start, stop, step, dtype=dtype)
        if stop is not None
        else np.arange(start, dtype=dtype)
    )


def eye(n: int, m: int | None = None, dtype: Any = None) -> Tensor:
    """The identity matrix."""
    return Tensor(np.eye(n, m, dtype=dtype or get_default_dtype()))


# ---------------------------------------------------------------------- activations
@_op(1)
def relu(x: Any) -> Tensor:
    """max(x, 0)."""
    return _act.relu(x)


@_op(1)
def sigmoid(x: Any) -> Tensor:
    """1 / (1 + e^-x)."""
    return _act.sigmoid(x)


@_op(1)
def tanh(x: Any) -> Tensor:
    """Hyperbolic tangent."""
    return _act.tanh(x)


@_op(1)
def softmax(x: Any, axis: int = -1) -> Tensor:
    """Softmax along ``axis``."""
    return _act.softmax(x, axis=axis)


@_op(1)
def log_softmax(x: Any, axis: int = -1) -> Tensor:
    """Log of the softmax along ``axis`` (stable)."""
    return _act.log_softmax(x, axis=axis)


@_op(1)
def softplus(x: Any) -> Tensor:
    """log(1 + e^x)."""
    return _act.softplus(x)


@_op(1)
def silu(x: Any) -> Tensor:
    """x * sigmoid(x)."""
    return _act.silu(x)


swish = silu


@_op(1)
def gelu(x: Any, approximate: bool = True) -> Tensor:
    """Gaussian error linear unit (Keras' default: the tanh approximation)."""
    return _act.gelu(x, approximate="tanh") if approximate else _act.gelu(x)


@_op(1)
def elu(x: Any, alpha: float = 1.0) -> Tensor:
    """x for x > 0, alpha (e^x - 1) otherwise."""
    return _act.elu(x, alpha)


@_op(1)
def selu(x: Any) -> Tensor:
    """Scaled ELU."""
    return _act.selu(x)


@_op(1)
def leaky_relu(x: Any, negative_slope: float = 0.2) -> Tensor:
    """x for x > 0, negative_slope * x otherwise (Keras' default 0.2)."""
    return _act.leaky_relu(x, negative_slope)


@_op(1)
def norm(x: Any, ord: Any = None, axis: Any = None, keepdims: bool = False) -> Tensor:  # noqa: A002
    """Vector or matrix norm (``ord=None``: L2 / Frobenius)."""
    return _ops.norm(x, ord=ord, axis=axis, keepdims=keepdims)


# Element-wise ops that mitbadak.ops gains with issue 13, wired when present (ops whose
# PyTorch and NumPy meanings differ, such as repeat or split, are left out on purpose).
for _name in (
    "where",
    "relu6",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "celu",
    "softsign",
    "log_sigmoid",
    "erf",
    "sin",
    "cos",
    "log1p",
    "expm1",
    "hard_tanh",
):
    if _name in globals():
        continue
    _fn = getattr(_ops, _name, None) or getattr(_ops, _name.replace("_", ""), None)
    if _fn is not None:  # pragma: no cover - depends on the merge order
        _w = _op(3 if _name == "where" else 1)(_fn)
        _w.__module__ = __name__
        _w.__doc__ = f"Keras' ``ops.{_name}``: :func:`mitbadak.ops.{_fn.__name__}`."
        globals()[_name] = _w
        del _w

__all__ = sorted(
    k
    for k, v in list(globals().items())
    if callable(v)
    and not k.startswith("_")
    and getattr(v, "__module__", None) == __name__
    and k not in ("Tensor",)
)

__getattr__ = missing.module_getattr("keras.ops", globals())

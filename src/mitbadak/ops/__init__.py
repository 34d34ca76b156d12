"""Differentiable operations, one concern per module, and the Tensor operators built on them.

Importing this package attaches ``+ - * / ** @``, comparisons, indexing and the methods
(``sum``, ``reshape``, ``relu``...) to :class:`mitbadak.Tensor`. ``tensor.py`` itself imports no
op, so the engine stays independent of the operations it runs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module, counterpart
from ..tensor import Tensor

# The PyTorch-style tensor library (issue 13): one module per concern.
from . import (  # noqa: E402
    activation,
    creation,
    elementwise,
    index,
    layout,
    linear,
    loss,
    math,
    reduce,
    reduction,
    shape,
)
from ._util import to_tensor, unbroadcast
from .activation import (
    elu,
    erf,
    erfc,
    gelu,
    leaky_relu,
    log_softmax,
    relu,
    selu,
    sigmoid,
    silu,
    softmax,
    softplus,
    step,
    swish,
    tanh,
)
from .activation_extra import (  # noqa: E402
    celu,
    hardsigmoid,
    hardswish,
    hardtanh,
    logsigmoid,
    mish,
    quick_gelu,
    relu6,
    softsign,
)
from .attention import scaled_dot_product_attention  # noqa: E402
from .conv import conv2d, pad2d
from .conv_variants import conv1d, conv2d_grouped, conv_transpose2d  # noqa: E402
from .creation import (  # noqa: E402
    arange,
    empty,
    eye,
    full,
    full_like,
    linspace,
    ones,
    ones_like,
    rand,
    rand_like,
    randint,
    randn,
    randn_like,
    tensor,
    zeros,
    zeros_like,
)
from .dropout import dropout  # noqa: E402
from .elementwise import (  # noqa: E402
    ceil,
    clamp,
    cos,
    exp2,
    expm1,
    floor,
    log1p,
    log2,
    reciprocal,
    round,
    rsqrt,
    sign,
    sin,
    square,
    tan,
    trunc,
)
from .index import embedding, gather, index_select, masked_fill, one_hot, where  # noqa: E402
from .layout import (  # noqa: E402
    chunk,
    expand,
    flatten_dims,
    flip,
    movedim,
    pad,
    permute,
    repeat,
    roll,
    split,
    squeeze,
    tile,
    tril,
    triu,
    unsqueeze,
)
from .linear import linear as linear_fn
from .loss import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    huber,
    mae,
    mse,
    rmse,
    softmax_cross_entropy,
)
from .math import (
    abs,
    add,
    clip,
    div,
    exp,
    log,
    matmul,
    maximum,
    minimum,
    mul,
    neg,
    pow,
    sqrt,
    sub,
)
from .norm import matrix_norm, norm, vector_norm
from .normalization import batch_norm, layer_norm  # noqa: E402
from .pool import avg_pool2d, max_pool2d
from .pool_variants import avg_pool2d_ext, max_pool2d_ext  # noqa: E402
from .reduce import max, mean, min, sum
from .reduction import (  # noqa: E402
    all,
    any,
    argmax,
    argmin,
    cumprod,
    cumsum,
    logsumexp,
    prod,
    std,
    var,
)
from .resize import interpolate  # noqa: E402
from .shape import broadcast_to, concatenate, flatten, getitem, reshape, stack, transpose

TENSOR_LIBRARY = [
    # constructors
    "zeros", "ones", "full", "empty", "arange", "linspace", "eye", "rand", "randn", "randint",
    "zeros_like", "ones_like", "full_like", "rand_like", "randn_like", "tensor",
    # shape
    "squeeze", "unsqueeze", "flatten", "permute", "movedim", "flip", "roll", "repeat", "tile",
    "expand", "chunk", "split", "gather", "index_select", "masked_fill", "where", "tril",
    "triu", "pad",
    # math
    "sin", "cos", "tan", "floor", "ceil", "round", "trunc", "sign", "log2", "exp2", "log1p",
    "expm1", "rsqrt", "square", "reciprocal", "clamp",
    # reductions
    "std", "var", "prod", "cumsum", "cumprod", "logsumexp", "argmax", "argmin", "all", "any",
    # activations
    "relu6", "hardtanh", "hardsigmoid", "hardswish", "mish", "celu", "softsign", "logsigmoid",
    "quick_gelu",
    # neural-network ops
    "conv2d", "conv1d", "conv_transpose2d", "max_pool2d", "avg_pool2d", "interpolate",
    "one_hot", "embedding", "dropout", "layer_norm", "batch_norm",
    "scaled_dot_product_attention",
]  # fmt: skip
"""Every op name of the tensor library (issue 13), each a function of this package."""

__all__ = [
    "zeros",
    "ones",
    "full",
    "empty",
    "arange",
    "linspace",
    "eye",
    "rand",
    "randn",
    "randint",
    "zeros_like",
    "ones_like",
    "full_like",
    "rand_like",
    "randn_like",
    "tensor",
    "squeeze",
    "unsqueeze",
    "permute",
    "movedim",
    "flip",
    "roll",
    "repeat",
    "tile",
    "expand",
    "chunk",
    "split",
    "gather",
    "index_select",
    "masked_fill",
    "where",
    "tril",
    "triu",
    "pad",
    "sin",
    "cos",
    "tan",
    "floor",
    "ceil",
    "round",
    "trunc",
    "sign",
    "log2",
    "exp2",
    "log1p",
    "expm1",
    "rsqrt",
    "square",
    "reciprocal",
    "clamp",
    "std",
    "var",
    "prod",
    "cumsum",
    "cumprod",
    "logsumexp",
    "argmax",
    "argmin",
    "all",
    "any",
    "relu6",
    "hardtanh",
    "hardsigmoid",
    "hardswish",
    "mish",
    "celu",
    "softsign",
    "logsigmoid",
    "quick_gelu",
    "conv1d",
    "conv_transpose2d",
    "interpolate",
    "one_hot",
    "embedding",
    "dropout",
    "layer_norm",
    "batch_norm",
    "scaled_dot_product_attention",
    "TENSOR_LIBRARY",
    "avg_pool2d_ext",
    "conv2d_grouped",
    "creation",
    "elementwise",
    "flatten_dims",
    "index",
    "layout",
    "max_pool2d_ext",
    "reduction",
    "avg_pool2d",
    "conv2d",
    "max_pool2d",
    "pad2d",
    "abs",
    "activation",
    "add",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "broadcast_to",
    "categorical_cross_entropy",
    "clip",
    "concatenate",
    "div",
    "elu",
    "erf",
    "erfc",
    "exp",
    "flatten",
    "gelu",
    "getitem",
    "huber",
    "leaky_relu",
    "linear",
    "linear_fn",
    "log",
    "log_softmax",
    "loss",
    "mae",
    "math",
    "matmul",
    "matrix_norm",
    "max",
    "maximum",
    "mean",
    "min",
    "minimum",
    "mse",
    "mul",
    "neg",
    "norm",
    "pow",
    "reduce",
    "relu",
    "reshape",
    "rmse",
    "selu",
    "shape",
    "sigmoid",
    "silu",
    "softmax",
    "softmax_cross_entropy",
    "softplus",
    "sqrt",
    "stack",
    "step",
    "sub",
    "sum",
    "swish",
    "tanh",
    "to_tensor",
    "transpose",
    "unbroadcast",
    "vector_norm",
]


def _compare(op: Any) -> Any:
    def method(self: Tensor, other: Any) -> Tensor:
        o = other.data if isinstance(other, Tensor) else other
        return Tensor(counterpart(array_module(self.data), op)(self.data, o))  # no gradient

    return method


def _install() -> None:
    T = Tensor
    T.__add__ = lambda a, b: add(a, b)
    T.__radd__ = lambda a, b: add(b, a)
    T.__sub__ = lambda a, b: sub(a, b)
    T.__rsub__ = lambda a, b: sub(b, a)
    T.__mul__ = lambda a, b: mul(a, b)
    T.__rmul__ = lambda a, b: mul(b, a)
    T.__truediv__ = lambda a, b: div(a, b)
    T.__rtruediv__ = lambda a, b: div(b, a)
    T.__pow__ = lambda a, b: pow(a, b)
    T.__rpow__ = lambda a, b: pow(b, a)
    T.__matmul__ = lambda a, b: matmul(a, b)
    T.__rmatmul__ = lambda a, b: matmul(b, a)
    T.__neg__ = lambda a: neg(a)
    T.__pos__ = lambda a: a
    T.__abs__ = lambda a: abs(a)
    T.__getitem__ = lambda a, idx: getitem(a, idx)
    T.__lt__ = _compare(np.less)
    T.__le__ = _compare(np.less_equal)
    T.__gt__ = _compare(np.greater)
    T.__ge__ = _compare(np.greater_equal)
    T.__eq__ = _compare(np.equal)
    T.__ne__ = _compare(np.not_equal)
    T.sum = sum
    T.mean = mean
    T.max = max
    T.min = min
    T.exp = exp
    T.log = log
    T.sqrt = sqrt
    T.abs = abs
    T.clip = clip
    T.reshape = reshape
    T.transpose = transpose
    T.flatten = flatten
    T.matmul = matmul
    T.relu = relu
    T.sigmoid = sigmoid
    T.tanh = tanh
    T.softmax = softmax
    T.log_softmax = log_softmax
    T.T = property(lambda a: transpose(a))
    _install_library()


def _install_library() -> None:
    """The tensor library's methods, where ``torch.Tensor`` has one of that name."""
    T = Tensor
    for fn in (
        squeeze, unsqueeze, permute, movedim, flip, roll, repeat, tile, expand, chunk, split,
        tril, triu, sin, cos, tan, floor, ceil, round, trunc, sign, log2, exp2, log1p, expm1,
        rsqrt, square, reciprocal, clamp, std, var, prod, cumsum, cumprod, logsumexp, argmax,
        argmin, all, any, hardtanh, relu6, hardsigmoid, hardswish, mish, celu, softsign,
        logsigmoid, elu, selu, gelu, silu, softplus, leaky_relu,
    ):  # fmt: skip
        setattr(T, fn.__name__, fn)
    T.clip = clamp
    T.flatten = flatten_dims  # torch's method: every axis by default (ops.flatten keeps 1)
    T.view = reshape
    T.gather = lambda a, dim, index: gather(a, dim, index)
    T.index_select = lambda a, dim, index: index_select(a, dim, index)
    T.masked_fill = lambda a, mask, value: masked_fill(a, mask, value)
    T.where = lambda a, condition, other: where(condition, a, other)  # torch: x.where(c, y)
    T.expand_as = lambda a, other: expand(a, *other.shape)
    T.reshape_as = lambda a, other: reshape(a, other.shape)
    T.pow = lambda a, b: pow(a, b)
    T.exp = exp
    T.neg = neg


_install()


def _accept_arrays() -> None:
    """Let the public functions take what users pass (issue 14): an array, a list or a number
    as the first operand becomes a Tensor (ragged lists, strings and complex numbers get a clear
    error), numeric arguments are checked against their declared kinds (validate.by_defaults),
    and an out-of-range ``axis`` is a ShapeError naming the function. The Tensor methods and
    operators call the same wrappers; on Tensor operands without numeric options the wrapper
    is one ``isinstance`` test."""
    import functools
    import inspect
    import sys

    from .. import validate
    from ..errors import MitbadakError, ShapeError

    operand = {"x", "t", "a", "p", "z", "y", "logits", "input"}

    def wrap(fn: Any) -> Any:
        who = fn.__name__
        first_name, *names = list(inspect.signature(fn).parameters)
        kind_of = {name: kind for name, kind, _ in validate.kinds(fn)}
        numeric = bool(kind_of)

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            if args:
                a0 = args[0]
                if isinstance(a0, Tensor):
                    if numeric and (len(args) > 1 or kwargs):
                        check(args, kwargs)
                    try:  # the common path: a Tensor operand
                        return fn(*args, **kwargs)
                    except np.exceptions.AxisError as e:
                        raise ShapeError(key="error.ops.axis", who=who, error=e) from None
                if not (len(args) > 1 and isinstance(args[1], Tensor)):  # 2.0 * t: the op
                    args = (operand_of(a0), *args[1:])  # converts it to the tensor's dtype
            elif first_name in kwargs:  # softmax(x=...): the operand by name
                args = (operand_of(kwargs.pop(first_name)),)
            if numeric and (len(args) > 1 or kwargs):
                check(args, kwargs)
            try:
                return fn(*args, **kwargs)
            except np.exceptions.AxisError as e:
                raise ShapeError(key="error.ops.axis", who=who, error=e) from None
            except (TypeError, ValueError) as e:
                if isinstance(e, MitbadakError) or not (len(args) > 1 or kwargs):
                    raise
                validate.by_defaults(fn, dict(zip(names, args[1:]), **kwargs), who)
                raise  # no argument at fault: the op's own error

        def operand_of(first: Any) -> Any:
            if isinstance(first, Tensor):
                return first
            arr = validate.array(first, "its input", who, kinds="biuf")
            return Tensor(arr if isinstance(first, np.ndarray) else first)

        def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
            """Numbers are checked before the op runs (cheaply when they are plain ints and
            finite floats); a string after the op's own checks (ord="fro" is valid)."""
            for name, value in (*zip(names, args[1:]), *kwargs.items()):
                kind = kind_of.get(name)
                if kind is None or isinstance(value, str):
                    continue
                t = type(value)
                if t is int or (t is float and kind == "float" and value == value):
                    continue
                validate.by_defaults(fn, {name: value}, who)

        return call

    g = globals()
    done: dict[int, Any] = {}  # aliases (swish = silu) keep one wrapper
    for name in __all__:
        fn = g.get(name)
        if not inspect.isfunction(fn):
            continue
        sig = inspect.signature(fn)
        params = list(sig.parameters)
        # Array-level helpers (erf, erfc: ``x: np.ndarray``) work on raw arrays inside ops'
        # forward and backward, on whatever device: they are not wrapped.
        if params and str(sig.parameters[params[0]].annotation) == "np.ndarray":
            continue
        if params and params[0] in operand:
            if id(fn) not in done:
                done[id(fn)] = wrap(fn)
                home = sys.modules.get(fn.__module__)  # activations' table reads it from there
                if home is not None and getattr(home, fn.__name__, None) is fn:
                    setattr(home, fn.__name__, done[id(fn)])
            g[name] = done[id(fn)]


_accept_arrays()

"""Differentiable operations, one concern per module, and the Tensor operators built on them.

Importing this package attaches ``+ - * / ** @``, comparisons, indexing and the methods
(``sum``, ``reshape``, ``relu``...) to :class:`mitbadak.Tensor`. ``tensor.py`` itself imports no
op, so the engine stays independent of the operations it runs.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..tensor import Tensor
from . import activation, linear, loss, math, reduce, shape
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
from .conv import conv2d, pad2d
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
from .pool import avg_pool2d, max_pool2d
from .reduce import max, mean, min, sum
from .shape import broadcast_to, concatenate, flatten, getitem, reshape, stack, transpose

__all__ = [
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
        return Tensor(op(self.data, o))  # a comparison has no gradient

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


_install()

"""Dropout as one fused operation: multiply by a random keep-mask, already scaled.

Inverted dropout (what PyTorch and Keras do): during training each element is kept with
probability ``1 - rate`` and the kept ones are divided by ``1 - rate``, so the expected output
equals the input and nothing needs rescaling at inference, where dropout is the identity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import validate
from ..backend import array_module
from ..errors import ShapeError
from ..random import get_rng
from ..tensor import Function, Tensor


class Dropout(Function):
    """y = x * mask with mask = [u >= rate] / (1 - rate), u ~ Uniform[0, 1);  dx = g * mask.

    The mask (possibly of a broadcastable ``noise_shape``) is drawn by the caller and given to
    the op, so forward and backward use the very same one.

    Example:
        >>> x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
        >>> y = Dropout.apply(x, mask=np.array([0.0, 2.0]))   # rate 0.5: drop x0, keep x1
        >>> y.backward(np.ones(2)); y.tolist(), x.grad.tolist()
        ([0.0, 4.0], [0.0, 2.0])
    """

    def __init__(self, mask: np.ndarray) -> None:
        self.mask = mask

    def forward(self, x: np.ndarray) -> np.ndarray:
        return x * self.mask

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g * self.mask


def dropout_mask(
    shape: Sequence[int], rate: float, dtype: Any, rng: np.random.Generator
) -> np.ndarray:
    """A scaled keep-mask: each entry is ``1 / (1 - rate)`` with probability ``1 - rate``, else 0.

    Example:
        >>> m = dropout_mask((10000,), 0.25, np.float32, np.random.default_rng(0))
        >>> sorted(set(m.tolist()))[1], round(float((m == 0).mean()), 2)
        (1.3333333730697632, 0.25)
    """
    keep = rng.random(tuple(shape), dtype=np.float32) >= rate
    return np.multiply(keep, np.asarray(1.0 / (1.0 - rate), dtype=dtype), dtype=dtype)


def resolve_noise_shape(
    noise_shape: Sequence[int | None] | None, shape: tuple[int, ...], who: str = "dropout"
) -> tuple[int, ...]:
    """Keras' ``noise_shape``: ``None`` entries take the input's size; every other entry must be
    1 (one mask value shared along that axis) or the input's size.

    Example:
        >>> resolve_noise_shape((None, None, 1, 1), (8, 3, 5, 5))
        (8, 3, 1, 1)
    """
    if noise_shape is None:
        return shape
    ns = tuple(noise_shape)
    if len(ns) != len(shape) or any(s is not None and s != 1 and s != n for s, n in zip(ns, shape)):
        raise ShapeError(
            key="error.ops.dropout.noise_shape_does_fit",
            who=who,
            ns=ns,
            shape=shape,
            n_shape=len(shape),
        )
    return tuple(n if s is None else int(s) for s, n in zip(ns, shape))


def check_rate(rate: float, who: str = "dropout") -> float:
    """Validate a dropout rate: the probability of *dropping* an element, in [0, 1).

    Example:
        >>> check_rate(0.5)
        0.5
    """
    return validate.probability(rate, "rate", who, max_open=True)


def dropout(
    x: Tensor,
    rate: float,
    training: bool = True,
    *,
    rng: np.random.Generator | None = None,
    noise_shape: Sequence[int | None] | None = None,
    name: str = "dropout",
) -> Tensor:
    """Inverted dropout: zero each element with probability ``rate`` and scale the rest by
    ``1 / (1 - rate)`` while ``training``; the identity otherwise (or when ``rate == 0``).

    Example:
        >>> y = dropout(Tensor(np.ones((2, 4))), 0.5, rng=np.random.default_rng(0))
        >>> sorted(set(y.data.ravel().tolist()))
        [0.0, 2.0]
    """
    rate = check_rate(rate, name)
    if not training or rate == 0.0:
        return x
    shape = resolve_noise_shape(noise_shape, x.shape, name)
    if rng is None:
        rng = get_rng()
    dtype = x.dtype if x.dtype.kind == "f" else np.dtype(np.float32)
    mask = array_module(x).asarray(dropout_mask(shape, rate, dtype, rng))  # drawn on the host
    return Dropout.apply(x, mask=mask)

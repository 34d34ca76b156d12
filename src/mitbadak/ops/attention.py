"""Scaled dot-product attention, composed from ops that each carry their backward.

    scores = Q K^T * scale + mask        (scale = 1 / sqrt(d) by default)
    A = softmax(scores) (dropout on A when training)
    out = A V

A boolean mask (True = attend) writes -inf where it is False (``masked_fill``); a float mask
is added; ``is_causal`` masks the future (key j > query i). Backward through the chain:
dV = A^T G, dA = G V^T, dscores = A (dA - sum(dA A)) (softmax), dQ = dscores K * scale,
dK = dscores^T Q * scale.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ConfigError, ShapeError
from ..tensor import Tensor
from .activation import softmax
from .dropout import dropout
from .index import masked_fill
from .math import add, matmul, mul
from .shape import transpose


def scaled_dot_product_attention(
    query: Tensor,
    key: Tensor,
    value: Tensor,
    attn_mask: Any = None,
    dropout_p: float = 0.0,
    is_causal: bool = False,
    scale: float | None = None,
) -> Tensor:
    """``F.scaled_dot_product_attention``: (..., L, E) queries, (..., S, E) keys, (..., S, Ev)
    values -> (..., L, Ev).

    Example:
        >>> q = k = v = Tensor(np.eye(2)[None])
        >>> out = scaled_dot_product_attention(q, k, v, is_causal=True)
        >>> out.data[0, 0].tolist()
        [1.0, 0.0]
    """
    xp = array_module(query, key, value)
    if query.ndim < 2 or key.ndim < 2 or value.ndim < 2:
        raise ShapeError(key="error.ops.attention.inputs_need_least")
    e = query.shape[-1]
    if key.shape[-1] != e or key.shape[-2] != value.shape[-2]:
        raise ShapeError(
            key="error.ops.attention.query_key_value",
            shape=query.shape,
            shape2=key.shape,
            shape3=value.shape,
        )
    if is_causal and attn_mask is not None:
        raise ConfigError(key="error.ops.attention.give_attn_mask_is_causal")
    sc = 1.0 / xp.sqrt(e) if scale is None else float(scale)
    nd = key.ndim
    perm = tuple(range(nd - 2)) + (nd - 1, nd - 2)
    scores = mul(matmul(query, transpose(key, perm)), sc)
    ll, s = query.shape[-2], key.shape[-2]
    if is_causal:
        attn_mask = xp.tril(xp.ones((ll, s), dtype=bool))
    if attn_mask is not None:
        m = attn_mask.data if isinstance(attn_mask, Tensor) else xp.asarray(attn_mask)
        if m.dtype == bool:
            scores = masked_fill(scores, ~m, -np.inf)
        else:
            scores = add(scores, attn_mask if isinstance(attn_mask, Tensor) else Tensor(m))
    attn = softmax(scores, axis=-1)
    if dropout_p > 0:
        attn = dropout(attn, dropout_p, training=True)
    return matmul(attn, value)


__all__ = ["scaled_dot_product_attention"]

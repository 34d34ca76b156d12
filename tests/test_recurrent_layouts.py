"""The gated cells' two layouts (issue 15): without a mask LSTM and GRU keep their gates
gate-major, (G, T, N, H), so every element-wise pass is contiguous; with a mask they keep the
(T, N, G*H) rows. Both must give the same values and gradients."""

from __future__ import annotations

import numpy as np
import pytest

from mitbadak.ops.recurrent import recurrence
from mitbadak.tensor import Tensor

G = {"lstm": 4, "gru": 3}


@pytest.mark.parametrize("kind", ["lstm", "gru"])
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"return_sequences": True},
        {"reverse": True, "return_sequences": True},
        {"return_state": True},
        {"truncate": 3},
    ],
)
def test_gate_major_equals_the_row_layout(kind, options) -> None:
    rng = np.random.default_rng(0)
    n, t, f, h = 5, 7, 3, 4
    x = rng.standard_normal((n, t, f))
    w = rng.standard_normal((f, G[kind] * h)) * 0.5
    u = rng.standard_normal((h, G[kind] * h)) * 0.5
    b = rng.standard_normal((2, 3 * h) if kind == "gru" else 4 * h)
    inits = [rng.standard_normal((n, h)) for _ in range(2 if kind == "lstm" else 1)]
    g = None
    results = []
    for mask in (None, np.ones((n, t), dtype=bool)):  # all steps real: the same function
        ts = [Tensor(a, requires_grad=True) for a in (x, w, u, b, *inits)]
        y = recurrence(kind, *ts[:4], ts[4:], mask=mask, **options)
        g = rng.standard_normal(y.shape) if g is None else g
        y.backward(Tensor(g))
        results.append([y.data] + [t_.grad for t_ in ts])
    for fast, rows in zip(*results):
        np.testing.assert_allclose(fast, rows, rtol=1e-12, atol=1e-12)

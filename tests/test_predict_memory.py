"""Issue 15 item 6: ``predict`` on 60,000 samples runs in constant memory per batch (its
working memory beyond the result does not grow with the number of samples)."""

from __future__ import annotations

import tracemalloc

import numpy as np

import mitbadak as mb


def _model():
    mb.set_seed(0)
    model = mb.Sequential([mb.layers.Dense(64, activation="relu"), mb.layers.Dense(10)])
    model.compile("sgd", "mse")
    return model


def _working_memory(model, x) -> tuple[int, np.ndarray]:
    """Peak bytes traced during predict, minus the result's own bytes."""
    tracemalloc.start()
    try:
        y = model.predict(x, batch_size=256, verbose=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - y.nbytes, y


def test_predict_memory_per_batch_is_constant():
    model = _model()
    rng = np.random.default_rng(0)
    small, large = rng.random((6_000, 32), np.float32), rng.random((60_000, 32), np.float32)
    model.predict(small[:10], verbose=0)  # build first
    w_small, _ = _working_memory(model, small)
    w_large, y = _working_memory(model, large)
    assert y.shape == (60_000, 10)
    # ten times the samples: the working memory may not grow with them (a list of batches
    # plus their concatenation would add a whole second result, 2.4 MB here)
    assert w_large < 1.5 * w_small + 256 * 1024, (w_small, w_large)


def test_preallocated_predict_equals_the_batches():
    model = _model()
    x = np.random.default_rng(1).random((1_000, 32), np.float32)
    y = model.predict(x, batch_size=300, verbose=0)
    want = np.concatenate([model.predict_on_batch(x[i : i + 300]) for i in range(0, 1000, 300)])
    np.testing.assert_allclose(y, want, rtol=1e-6)
    part = model.predict(x, batch_size=300, steps=2, verbose=0)  # fewer steps: a shorter result
    np.testing.assert_allclose(part, want[:600], rtol=1e-6)

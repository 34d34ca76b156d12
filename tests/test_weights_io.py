"""get_weights / set_weights in Keras' order and shapes, with clear errors."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.errors import ShapeError
from mitbadak.layers import BatchNormalization, Dense, Dropout, LayerNormalization


def test_dense_order_shapes_and_roundtrip(rng):
    layer = Dense(3, name="fc")
    layer(np.zeros((2, 5), np.float32))
    k, b = layer.get_weights()
    assert (k.shape, b.shape) == ((5, 3), (3,))  # Keras: kernel (in, out), then bias
    new_k, new_b = rng.normal(size=(5, 3)), rng.normal(size=3)
    layer.set_weights([new_k, new_b])
    assert layer.kernel.dtype == np.float32  # float64 arrays are cast to the layer's dtype
    x = rng.normal(size=(4, 5)).astype(np.float32)
    np.testing.assert_allclose(layer(x).data, x @ new_k + new_b, rtol=1e-5)
    got = layer.get_weights()
    got[0][:] = 0  # get_weights returns copies
    assert np.abs(layer.kernel.data).sum() > 0
    new_k[:] = 0  # set_weights copies too
    assert np.abs(layer.kernel.data).sum() > 0
    no_bias = Dense(2, use_bias=False)
    no_bias(np.zeros((1, 3)))
    assert [w.shape for w in no_bias.get_weights()] == [(3, 2)]


def test_dense_matches_torch_linear_with_transposed_kernel(rng):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    lin = torch.nn.Linear(5, 3).double()
    layer = Dense(3, dtype="float64")
    layer(np.zeros((1, 5)))
    layer.set_weights([lin.weight.detach().numpy().T, lin.bias.detach().numpy()])
    x = rng.normal(size=(4, 5))
    np.testing.assert_allclose(layer(x).data, lin(torch.tensor(x)).detach().numpy(), rtol=1e-12)


def test_batch_norm_keras_order_and_effect(rng):
    bn = BatchNormalization(epsilon=1e-3, name="bn")
    bn(np.zeros((2, 4), np.float32), training=False)
    names = [w.name.split("/")[-1] for w in bn.weights]
    assert names == ["gamma", "beta", "moving_mean", "moving_variance"]
    assert [w.shape for w in bn.get_weights()] == [(4,)] * 4
    gamma, beta, mean, var = (rng.uniform(0.5, 2, 4) for _ in range(4))
    bn.set_weights([gamma, beta, mean, var])
    x = rng.normal(size=(3, 4)).astype(np.float32)
    want = gamma * (x - mean) / np.sqrt(var + 1e-3) + beta
    np.testing.assert_allclose(bn(x, training=False).data, want, rtol=1e-5)
    assert [len(w) for w in (bn.trainable_weights, bn.non_trainable_weights)] == [2, 2]
    no_center = BatchNormalization(center=False)
    no_center(np.zeros((2, 4), np.float32), training=False)
    assert len(no_center.get_weights()) == 3  # gamma, moving_mean, moving_variance


def test_sequential_concatenates_layer_weights_in_order(rng):
    model = mb.Sequential(
        [Dense(6), BatchNormalization(), Dropout(0.5), Dense(2), LayerNormalization()]
    )
    model(np.zeros((2, 3), np.float32), training=False)
    shapes = [w.shape for w in model.get_weights()]
    assert shapes == [(3, 6), (6,), (6,), (6,), (6,), (6,), (6, 2), (2,), (2,), (2,)]
    other = mb.Sequential(
        [Dense(6), BatchNormalization(), Dropout(0.5), Dense(2), LayerNormalization()]
    )
    other(np.zeros((1, 3), np.float32), training=False)
    weights = [rng.normal(size=s).astype(np.float32) for s in shapes]
    weights[5] = np.abs(weights[5]) + 0.5  # a variance must be positive
    model.set_weights(weights)
    other.set_weights(model.get_weights())
    x = rng.normal(size=(5, 3)).astype(np.float32)
    np.testing.assert_array_equal(model.predict_on_batch(x), other.predict_on_batch(x))
    assert model.count_params() == sum(int(np.prod(s)) for s in shapes)


def test_wrong_count_names_layer_expected_and_received():
    layer = Dense(3, name="dense_io")
    layer(np.zeros((1, 2), np.float32))
    with pytest.raises(ShapeError, match=r"dense_io.*expected 2 arrays, got 1"):
        layer.set_weights([np.zeros((2, 3))])
    model = mb.Sequential([Dense(3), BatchNormalization()], name="seq_io")
    model(np.zeros((1, 2), np.float32), training=False)
    with pytest.raises(ShapeError, match=r"seq_io.*expected 6 arrays, got 2"):
        model.set_weights([np.zeros((2, 3)), np.zeros(3)])


def test_wrong_shape_names_weight_expected_and_received():
    bn = BatchNormalization(name="bn_io")
    bn(np.zeros((2, 4), np.float32), training=False)
    good = bn.get_weights()
    bad = good[:2] + [np.zeros(5)] + good[3:]
    with pytest.raises(ShapeError, match=r"bn_io/moving_mean has shape \(4,\), got .*\(5,\)"):
        bn.set_weights(bad)
    for a, b in zip(good, bn.get_weights()):  # nothing was changed by the failed call
        np.testing.assert_array_equal(a, b)
    layer = Dense(3, name="dk")
    layer(np.zeros((1, 2), np.float32))
    with pytest.raises(ShapeError, match=r"dk/kernel has shape \(2, 3\).*\(3, 2\)"):
        layer.set_weights([np.zeros((3, 2)), np.zeros(3)])


def test_set_weights_before_build_is_an_error():
    with pytest.raises(ShapeError, match="before the layer is built"):
        Dense(3, name="unbuilt").set_weights([np.zeros((2, 3)), np.zeros(3)])
    with pytest.raises(ShapeError, match="before the layer is built"):
        mb.Sequential([Dense(3)]).set_weights([])

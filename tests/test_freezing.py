"""Freezing follows Keras 3 (issue 18.5): a frozen BatchNormalization runs in inference mode even
in a training call, frozen layers get no updates from ``fit``, and re-compiling after a change
of ``trainable`` rebinds the optimizer to the new trainable weights."""

from __future__ import annotations

import numpy as np
import pytest

from mitbadak import Sequential, set_seed
from mitbadak.layers import BatchNormalization, Dense
from mitbadak.optimizers import SGD, Adam


def _data(n: int = 64) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    x = rng.normal(2.0, 3.0, (n, 4)).astype(np.float32)
    return x, (x[:, 0] > 2).astype(np.int64)


def _model() -> Sequential:
    set_seed(0)
    m = Sequential([Dense(8, activation="relu"), BatchNormalization(), Dense(2)])
    m.build((1, 4))
    return m


def test_frozen_batchnorm_uses_its_moving_statistics_in_training_calls() -> None:
    x, _ = _data()
    bn = BatchNormalization(momentum=0.5)
    bn(x, training=True)  # moves the statistics away from (0, 1)
    mean, var = bn.moving_mean.data.copy(), bn.moving_variance.data.copy()
    bn.trainable = False
    out = bn(x, training=True).data
    expected = (x - mean) / np.sqrt(var + bn.epsilon) * bn.gamma.data + bn.beta.data
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(bn.moving_mean.data, mean)  # not updated either
    np.testing.assert_array_equal(bn.moving_variance.data, var)
    np.testing.assert_allclose(out, bn(x, training=False).data, rtol=1e-6, atol=1e-6)


def test_frozen_batchnorm_matches_keras() -> None:
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    x, _ = _data(16)
    kb = keras.layers.BatchNormalization(momentum=0.5)
    kb(x, training=True)
    mb = BatchNormalization(momentum=0.5)
    mb(x)  # builds it (a direct build() call is redone by the first __call__)
    mb.set_weights([np.asarray(w) for w in kb.get_weights()])
    kb.trainable = False
    mb.trainable = False
    np.testing.assert_allclose(
        mb(x, training=True).data, np.asarray(kb(x, training=True)), rtol=1e-5, atol=1e-5
    )


def test_freezing_a_parent_freezes_the_batchnorm_inside() -> None:
    x, y = _data()
    m = _model()
    m.trainable = False
    bn = m.layers[1]
    assert not bn.trainable and m.parameters() == []
    before = [w.copy() for w in m.get_weights()]
    m.compile("sgd", "sparse_categorical_crossentropy")
    m.fit(x, y, epochs=2, batch_size=16, verbose=0)
    for a, b in zip(before, m.get_weights()):
        np.testing.assert_array_equal(a, b)  # weights and BN statistics untouched


def test_recompiling_rebinds_the_optimizer_to_the_new_trainable_weights() -> None:
    x, y = _data()
    m = _model()
    first = m.layers[0]
    first.trainable = False
    opt = Adam(m.parameters(), lr=0.01)  # built while the first layer is frozen
    m.compile(opt, "sparse_categorical_crossentropy")
    k0 = first.kernel.data.copy()
    m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    np.testing.assert_array_equal(first.kernel.data, k0)  # frozen: no update
    j = next(i for i, p in enumerate(opt.params) if p is m.layers[-1].kernel)
    head_state = opt.state[j]["exp_avg"].copy()

    first.trainable = True
    m.compile(opt, "sparse_categorical_crossentropy")  # Keras: re-compile after unfreezing
    assert {id(p) for p in opt.params} == {id(p) for p in m.parameters()}
    assert any(p is first.kernel for p in opt.params)
    # The head's Adam moments survive the rebinding; the new weights start fresh.
    i = next(i for i, p in enumerate(opt.params) if p is m.layers[-1].kernel)
    np.testing.assert_array_equal(opt.state[i]["exp_avg"], head_state)
    m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    assert not np.array_equal(first.kernel.data, k0)  # now it trains

    first.trainable = False  # and freezing again, then re-compiling, stops it
    m.compile(opt, "sparse_categorical_crossentropy")
    assert all(p is not first.kernel for p in opt.params)
    k1 = first.kernel.data.copy()
    m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    np.testing.assert_array_equal(first.kernel.data, k1)


def test_recompiling_with_a_name_builds_a_new_optimizer_on_the_trainable_weights() -> None:
    x, y = _data()
    m = _model()
    m.layers[0].trainable = False
    m.compile("adam", "sparse_categorical_crossentropy")
    m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    n_head = len(m.optimizer.params)
    m.layers[0].trainable = True
    m.compile("adam", "sparse_categorical_crossentropy")
    m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    assert len(m.optimizer.params) == n_head + 2  # + the first layer's kernel and bias
    # A model compiled by name, then re-compiled with its own (built) optimizer, follows too.
    opt = m.optimizer
    m.layers[0].trainable = False
    m.compile(opt, "sparse_categorical_crossentropy")
    assert len(opt.params) == n_head


def test_an_optimizer_on_a_chosen_subset_is_left_alone() -> None:
    x, y = _data()
    m = _model()
    head = m.layers[-1]
    opt = SGD(head.parameters(), lr=0.1)  # PyTorch style: train the head only
    m.compile(opt, "sparse_categorical_crossentropy")
    m.compile(opt, "sparse_categorical_crossentropy")
    assert [id(p) for p in opt.params] == [id(p) for p in head.parameters()]
    k0 = m.layers[0].kernel.data.copy()
    m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    np.testing.assert_array_equal(m.layers[0].kernel.data, k0)


def test_rebind_errors_are_clear() -> None:
    from mitbadak.errors import ConfigError
    from mitbadak.tensor import Tensor

    a, b = Tensor([1.0], requires_grad=True), Tensor([2.0], requires_grad=True)
    with pytest.raises(ConfigError, match="single parameter group"):
        SGD([{"params": [a]}, {"params": [b]}], lr=0.1).rebind([a])
    with pytest.raises(ConfigError, match="distinct Tensors"):
        SGD([a], lr=0.1).rebind([a, a])

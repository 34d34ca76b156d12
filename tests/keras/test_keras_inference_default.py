"""Keras' inference default in mitbadak.keras: ``model(x)`` / ``layer(x)`` outside ``fit`` runs
in inference mode (Dropout off, BatchNormalization's moving statistics) unless
``training=True`` is passed, checked against Keras 3 on the same weights; mitbadak's own
PyTorch-style models keep their train() / eval() modes."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak as mb
import mitbadak.keras as mk

os.environ.setdefault("KERAS_BACKEND", "torch")
X = np.random.default_rng(0).normal(size=(8, 6)).astype("float32")


def keras():
    return pytest.importorskip("keras")


def sequential(lib):
    return lib.Sequential(
        [
            lib.Input((6,)),
            lib.layers.Dense(16, activation="relu"),
            lib.layers.Dropout(0.5),
            lib.layers.BatchNormalization(),
            lib.layers.Dense(2),
        ]
    )


def functional(lib):
    inputs = lib.Input((6,))
    h = lib.layers.Dropout(0.5)(lib.layers.Dense(16, activation="relu")(inputs))
    return lib.Model(inputs, lib.layers.Dense(2)(lib.layers.BatchNormalization()(h)))


def subclassed(lib):
    class Net(lib.Model):
        def __init__(self):
            super().__init__()
            self.dense = lib.layers.Dense(16, activation="relu")
            self.drop = lib.layers.Dropout(0.5)
            self.norm = lib.layers.BatchNormalization()
            self.out = lib.layers.Dense(2)

        def call(self, x):  # no training argument: the call context carries it
            return self.out(self.norm(self.drop(self.dense(x))))

    net = Net()
    net(X[:1])  # build
    return net


def numpy(k, t):
    return k.ops.convert_to_numpy(t) if not isinstance(t, mb.Tensor) else t.data


@pytest.mark.parametrize("make", [sequential, functional, subclassed])
def test_direct_call_is_inference_as_in_keras(make):
    k = keras()
    theirs, ours = make(k), make(mk)
    ours.set_weights(theirs.get_weights())
    want = numpy(k, theirs(X))
    np.testing.assert_allclose(ours(X).data, want, atol=1e-5)  # Dropout off, moving stats
    np.testing.assert_allclose(ours(X).data, ours.predict(X), atol=1e-6)
    # training=True: dropout drops and BatchNormalization uses the batch statistics, in both
    for model, lib in ((theirs, k), (ours, None)):
        train_out = numpy(k, model(X, training=True)) if lib else model(X, training=True).data
        assert np.abs(train_out - want).max() > 1e-2


def test_standalone_layers_default_to_inference_as_in_keras():
    k = keras()
    x = np.ones((4, 10), "float32")
    np.testing.assert_array_equal(mk.layers.Dropout(0.5)(x).data, x)
    np.testing.assert_array_equal(numpy(k, k.layers.Dropout(0.5)(x)), x)
    assert (mk.layers.Dropout(0.5)(x, training=True).data == 0).any()
    bn = mk.layers.BatchNormalization()
    np.testing.assert_allclose(bn(X).data, numpy(k, k.layers.BatchNormalization()(X)), atol=1e-5)


def test_fit_still_trains_with_dropout_and_nested_models_follow_the_outer_call():
    inner = functional(mk)

    class Outer(mk.Model):
        def __init__(self):
            super().__init__()
            self.inner = inner

        def call(self, x):
            return self.inner(x)

    outer = Outer()
    eval_out = outer(X).data
    np.testing.assert_allclose(eval_out, inner(X).data)
    assert np.abs(outer(X, training=True).data - eval_out).max() > 1e-2  # reaches the inner
    seen = []

    class Probe(mk.layers.Layer):
        def call(self, x, training=None):
            seen.append(training)
            return x

    m = mk.Sequential([mk.Input((6,)), Probe(), mk.layers.Dense(1)])
    m.compile("sgd", "mse")
    seen.clear()
    m.fit(X, np.zeros((8, 1), "float32"), epochs=1, batch_size=8, verbose=0)
    assert seen == [True]  # fit trains in training mode
    seen.clear()
    m(X)
    m.evaluate(X, np.zeros((8, 1), "float32"))
    assert seen == [False, False]


def test_pytorch_style_modes_are_kept():
    x = np.ones((4, 50), "float32")
    own = mb.Sequential([mb.layers.Dropout(0.5)])
    assert (own(x).data == 0).any()  # mitbadak: layers start in training mode, as PyTorch
    own.eval()
    np.testing.assert_array_equal(own(x).data, x)
    km = mk.Sequential([mk.Input((50,)), mk.layers.Dropout(0.5)])
    np.testing.assert_array_equal(km(x).data, x)
    km.train()  # an explicit PyTorch-style mode rules direct calls from then on
    assert (km(x).data == 0).any()
    km.eval()
    np.testing.assert_array_equal(km(x).data, x)
    net = subclassed(mk)  # a call() that passes no training: the mode reaches the layers
    net.train()
    assert not np.allclose(net(X).data, net(X).data)
    net.eval()
    np.testing.assert_array_equal(net(X).data, net(X).data)

"""The mitbadak.keras namespace: Keras' module layout, mitbadak's own objects, clear errors for
missing names, datasets, utils and ops (against Keras 3 where it computes the same thing)."""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil

import numpy as np
import pytest

import mitbadak as mb
import mitbadak.keras as keras
from mitbadak.keras.missing import KerasNameNotImplemented
from mitbadak.tensor import Tensor

os.environ.setdefault("KERAS_BACKEND", "torch")

MODULES = [
    "layers",
    "models",
    "optimizers",
    "losses",
    "metrics",
    "callbacks",
    "activations",
    "initializers",
    "regularizers",
    "utils",
    "ops",
    "datasets",
    "config",
    "backend",
]


def real_keras():
    return pytest.importorskip("keras")


def test_module_layout_and_names_are_mitbadak_objects():
    for name in MODULES:
        assert hasattr(keras, name), name
    # keras.Model: a thin subclass (Keras' inference default on direct calls, issue 12b)
    assert issubclass(keras.Model, mb.Model) and keras.Layer is mb.layers.Layer
    assert isinstance(mb.Sequential(), keras.Model)
    assert keras.layers.Dense is mb.layers.Dense
    assert keras.optimizers.Adam is mb.optimizers.Adam
    assert keras.losses.BinaryCrossentropy is mb.losses.BinaryCrossentropy
    assert keras.metrics.AUC is mb.metrics.AUC
    assert keras.callbacks.EarlyStopping is mb.callbacks.EarlyStopping
    assert issubclass(keras.Sequential, mb.Sequential)
    assert keras.Input is mb.Input and keras.models.load_model is mb.load_model


def test_missing_names_raise_a_clear_error():
    with pytest.raises(KerasNameNotImplemented, match=r"keras\.layers\.MultiHeadAttention"):
        keras.layers.MultiHeadAttention  # noqa: B018
    with pytest.raises(KerasNameNotImplemented, match=r"keras\.datasets\.cifar10.*mnist"):
        keras.datasets.cifar10  # noqa: B018
    with pytest.raises(mb.MitbadakError, match="keras.applications"):
        keras.applications  # noqa: B018
    assert not hasattr(keras.optimizers, "Lion")  # an AttributeError: hasattr stays truthful


def test_public_names_match_real_keras_names():
    k = real_keras()
    for mod in [
        "layers",
        "optimizers",
        "losses",
        "metrics",
        "callbacks",
        "activations",
        "initializers",
        "regularizers",
        "utils",
        "ops",
        "config",
    ]:
        ours = getattr(keras, mod)
        for name in ours.__all__:
            if name in (
                "Functional",
                "MeanMetricWrapper",
                "CallbackList",
                "serialize",
                "get",
                "schedules",
                "Optimizer",
                "Initializer",
                "Regularizer",
            ):
                continue
            assert hasattr(getattr(k, mod), name), f"keras.{mod}.{name} is not a Keras name"


def test_datasets_load_data_returns_keras_tuples():
    try:
        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except mb.FileFormatError as e:
        pytest.skip(f"MNIST not available: {e}")
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert y_train.shape == (60000,) and y_train.dtype == np.uint8 and x_test.shape[0] == 10000
    (fx, fy), _ = keras.datasets.fashion_mnist.load_data()
    assert fx.shape == (60000, 28, 28) and int(fy.max()) == 9


def test_utils_match_keras():
    k = real_keras()
    labels = np.array([[2], [0], [1]])
    np.testing.assert_array_equal(
        keras.utils.to_categorical(labels), k.utils.to_categorical(labels)
    )
    np.testing.assert_array_equal(
        keras.utils.to_categorical([1, 3], 5), k.utils.to_categorical([1, 3], 5)
    )
    seqs = [[1, 2, 3, 4], [5], [], [6, 7]]
    for kw in [
        {},
        {"maxlen": 3},
        {"maxlen": 3, "padding": "post", "truncating": "post"},
        {"value": -1, "padding": "post"},
    ]:
        np.testing.assert_array_equal(
            keras.utils.pad_sequences(seqs, **kw),
            k.utils.pad_sequences(seqs, **kw),
            err_msg=str(kw),
        )
    x = np.random.default_rng(0).normal(size=(4, 3))
    np.testing.assert_allclose(keras.utils.normalize(x), k.utils.normalize(x), rtol=1e-6)
    np.testing.assert_allclose(
        keras.utils.normalize(x, axis=1, order=1), k.utils.normalize(x, axis=1, order=1), rtol=1e-6
    )


def test_set_random_seed_makes_runs_repeat():
    def run():
        keras.utils.set_random_seed(7)
        return keras.layers.Dense(3)(np.ones((1, 2))).data

    np.testing.assert_array_equal(run(), run())


def test_ops_accept_tensors_arrays_and_numbers():
    x32 = np.array([1.0, 2.0, 3.0], "float32")
    for arg in (x32, Tensor(x32), [1.0, 2.0, 3.0]):
        y = keras.ops.multiply(arg, 2)
        assert isinstance(y, Tensor) and y.dtype == np.float32 and y.tolist() == [2.0, 4.0, 6.0]
    assert keras.ops.add(1.5, 2.0).item() == 3.5
    assert keras.ops.exp(0.0).item() == 1.0
    assert keras.ops.sqrt(4.0).item() == 2.0
    assert keras.ops.argmax(np.array([[1, 5, 2]]), axis=-1).tolist() == [1]
    assert keras.ops.convert_to_numpy(keras.ops.greater(x32, 1.5)).tolist() == [False, True, True]
    assert keras.ops.shape(np.zeros((2, 3))) == (2, 3)
    assert keras.ops.concatenate([x32, [4.0]]).shape == (4,)
    assert keras.ops.expand_dims(x32, 0).shape == (1, 3)
    assert keras.ops.squeeze(np.zeros((1, 3, 1))).shape == (3,)
    t = Tensor(x32.astype("float64"), requires_grad=True)
    keras.ops.sum(keras.ops.square(keras.ops.subtract(t, 1.0))).backward()
    np.testing.assert_allclose(t.grad, 2 * (x32 - 1))


def test_ops_match_keras_numerically():
    k = real_keras()
    x = np.random.default_rng(1).normal(size=(3, 4)).astype("float32")
    for name, args in [
        ("softmax", (x,)),
        ("log_softmax", (x,)),
        ("gelu", (x,)),
        ("silu", (x,)),
        ("elu", (x,)),
        ("selu", (x,)),
        ("leaky_relu", (x,)),
        ("softplus", (x,)),
        ("mean", (x, 1)),
        ("var", (x,)),
        ("std", (x, 0)),
        ("max", (x, 0)),
        ("clip", (x, -0.5, 0.5)),
        ("norm", (x,)),
        ("maximum", (x, 0.1)),
        ("matmul", (x, x.T)),
        ("transpose", (x,)),
        ("reshape", (x, (2, 6))),
    ]:
        ours = keras.ops.convert_to_numpy(getattr(keras.ops, name)(*args))
        ref = np.asarray(k.ops.convert_to_numpy(getattr(k.ops, name)(*args)))
        np.testing.assert_allclose(ours, ref, rtol=2e-5, atol=1e-6, err_msg=name)


def test_config_and_backend():
    assert keras.config.backend() == "mitbadak" and keras.backend.backend() == "mitbadak"
    assert keras.config.floatx() == "float32" and keras.config.epsilon() == 1e-7
    keras.backend.clear_session()


def test_doctests_of_every_keras_module():
    names = [
        "mitbadak.keras",
        "mitbadak.functional_model",
        "mitbadak.layers.merging",
        "mitbadak.layers.activation_layers",
        "mitbadak.layers.reshaping",
        "mitbadak.layers.pooling1d",
        "mitbadak.keras.datasets.mnist",
        "mitbadak.keras.datasets.fashion_mnist",
    ]
    names += ["mitbadak.keras." + m.name for m in pkgutil.iter_modules(keras.__path__)]
    for name in names:
        module = importlib.import_module(name)
        result = doctest.testmod(module, extraglobs={"np": np})
        assert result.failed == 0, name

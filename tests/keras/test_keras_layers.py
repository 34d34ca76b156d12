"""Layers of mitbadak.keras: Keras' defaults (channels-last, BatchNormalization axis=-1), the
new layers, checked against Keras 3 on the same weights and inputs, and their gradients."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak.keras as mk
from mitbadak.errors import ConfigError, ShapeError
from mitbadak.gradcheck import gradcheck
from mitbadak.tensor import Tensor

os.environ.setdefault("KERAS_BACKEND", "torch")
RNG = np.random.default_rng(0)


def keras():
    return pytest.importorskip("keras")


def theirs(layer, x):
    return np.asarray(keras().ops.convert_to_numpy(layer(x)))


def test_image_layers_default_to_the_configured_layout():
    assert mk.layers.Conv2D(2, 3).data_format == "channels_last"
    assert mk.layers.MaxPooling2D().data_format == "channels_last"
    assert mk.layers.GlobalAveragePooling2D().data_format == "channels_last"
    assert mk.layers.BatchNormalization().axis == -1
    mk.config.set_image_data_format("channels_first")
    try:
        assert mk.layers.Conv2D(2, 3).data_format == "channels_first"
        assert mk.layers.Conv2D(2, 3, data_format="channels_last").data_format == "channels_last"
    finally:
        mk.config.set_image_data_format("channels_last")
    with pytest.raises(ConfigError, match="channels_last"):
        mk.config.set_image_data_format("NHWC")
    # mitbadak's own layers keep their explicit defaults
    from mitbadak import layers

    assert layers.Conv2D(2, 3).data_format == "channels_first"
    assert type(mk.layers.Conv2D(2, 3)).__name__ == "Conv2D"
    assert isinstance(mk.layers.Conv2D(2, 3), layers.Conv2D)


@pytest.mark.slow
def test_channels_last_convnet_layers_match_keras():
    k = keras()
    x = RNG.normal(size=(2, 9, 9, 3)).astype("float32")
    ours = mk.layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")
    ref = k.layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")
    y = ours(x)
    ref.build(x.shape)
    kernel = ours.kernel.data.transpose(2, 3, 1, 0)  # (O, C, kh, kw) -> (kh, kw, C, O)
    ref.set_weights([kernel, ours.bias.data + 0.1])
    ours.bias.data = ours.bias.data + 0.1
    y = ours(x)
    np.testing.assert_allclose(y.data, theirs(ref, x), rtol=1e-5, atol=1e-5)
    for name, kw in [
        ("MaxPooling2D", {"pool_size": 2, "padding": "same"}),
        ("AveragePooling2D", {"pool_size": 2}),
        ("GlobalAveragePooling2D", {}),
        ("GlobalMaxPooling2D", {}),
        ("ZeroPadding2D", {"padding": ((1, 0), (2, 1))}),
    ]:
        a = getattr(mk.layers, name)(**kw)(x).data
        b = theirs(getattr(k.layers, name)(**kw), x)
        np.testing.assert_allclose(a, b, rtol=1e-6, err_msg=name)
    # Flatten of channels-last maps: Keras' order
    np.testing.assert_array_equal(mk.layers.Flatten()(x).data, theirs(k.layers.Flatten(), x))


@pytest.mark.slow
def test_batchnorm_axis_minus_one_on_channels_last_matches_keras():
    k = keras()
    x = RNG.normal(3.0, 2.0, size=(8, 5, 5, 3)).astype("float32")
    ours, ref = mk.layers.BatchNormalization(), k.layers.BatchNormalization()
    a = ours(x, training=True).data
    b = np.asarray(k.ops.convert_to_numpy(ref(x, training=True)))
    np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-4)
    assert ours.moving_mean.shape == (3,)
    np.testing.assert_allclose(a.mean(axis=(0, 1, 2)), 0, atol=1e-5)  # per channel


LAYERS = [
    ("ReLU", {}),
    ("ReLU", {"max_value": 1.0, "negative_slope": 0.1}),
    ("ReLU", {"threshold": 0.5, "negative_slope": 0.2}),
    ("LeakyReLU", {}),
    ("LeakyReLU", {"negative_slope": 0.05}),
    ("ELU", {"alpha": 0.7}),
    ("Softmax", {}),
    ("Softmax", {"axis": 1}),
    ("RepeatVector", {"n": 3}),
    ("Permute", {"dims": (2, 1)}),
    ("MaxPooling1D", {"pool_size": 2}),
    ("MaxPooling1D", {"pool_size": 3, "strides": 1, "padding": "same"}),
    ("AveragePooling1D", {"pool_size": 2}),
    ("GlobalAveragePooling1D", {}),
    ("GlobalMaxPooling1D", {}),
    ("Masking", {}),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,kw", LAYERS)
def test_new_layers_match_keras(name, kw):
    k = keras()
    x = RNG.normal(size=(2, 6) if name == "RepeatVector" else (2, 6, 4)).astype("float32")
    if name == "Masking":
        x[0, 2] = 0.0
    a = getattr(mk.layers, name)(**kw)(x).data
    b = theirs(getattr(k.layers, name)(**kw), x)
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.slow
def test_prelu_matches_keras_and_learns_its_slopes():
    k = keras()
    x = RNG.normal(size=(3, 4, 4, 2)).astype("float32")
    ours = mk.layers.PReLU(alpha_initializer="ones", shared_axes=[1, 2])
    y = ours(x)
    assert ours.alpha.shape == (1, 1, 2)
    ours.alpha.data = np.array([[[0.25, 0.5]]], "float32")
    ref = k.layers.PReLU(shared_axes=[1, 2])
    ref.build(x.shape)
    ref.set_weights([ours.alpha.data])
    np.testing.assert_allclose(ours(x).data, theirs(ref, x), rtol=1e-6)
    del y


@pytest.mark.parametrize(
    "make",
    [
        lambda: mk.layers.PReLU(alpha_initializer="random_uniform"),
        lambda: mk.layers.ELU(alpha=0.5),
        lambda: mk.layers.LeakyReLU(0.1),
        lambda: mk.layers.ReLU(max_value=0.8, negative_slope=0.1),
        lambda: mk.layers.Softmax(axis=1),
        lambda: mk.layers.Permute((2, 1)),
        lambda: mk.layers.MaxPooling1D(2),
        lambda: mk.layers.AveragePooling1D(2, padding="same"),
        lambda: mk.layers.GlobalAveragePooling1D(),
        lambda: mk.layers.GlobalMaxPooling1D(),
        lambda: mk.layers.Masking(),
    ],
)
def test_new_layer_gradients_by_finite_differences(make):
    layer = make()
    layer.dtype = np.dtype("float64")
    x = Tensor(RNG.normal(size=(2, 5, 3)), requires_grad=True)
    layer(x)  # build
    for w in layer.weights:
        w.data = w.data.astype(np.float64)
    assert gradcheck(lambda t: layer(t), [x])
    if layer.weights:
        w = layer.weights[0]
        assert gradcheck(lambda a: layer(x), [w])


def test_repeat_vector_gradient_and_errors():
    x = Tensor(RNG.normal(size=(2, 3)), requires_grad=True)
    layer = mk.layers.RepeatVector(4)
    layer.dtype = np.dtype("float64")
    assert gradcheck(lambda t: layer(t), [x])
    with pytest.raises(ShapeError, match="RepeatVector"):
        layer(np.ones((2, 3, 1)))
    with pytest.raises(ConfigError, match="permutation"):
        mk.layers.Permute((1, 3))
    with pytest.raises(ShapeError, match="3-D"):
        mk.layers.MaxPooling1D()(np.ones((2, 3)))


def test_layer_configs_roundtrip():
    from mitbadak.layers import layer_from_config, layer_to_config

    for layer in [
        mk.layers.ReLU(max_value=6.0),
        mk.layers.LeakyReLU(0.2),
        mk.layers.PReLU(shared_axes=[1]),
        mk.layers.ELU(0.3),
        mk.layers.Softmax(axis=1),
        mk.layers.RepeatVector(2),
        mk.layers.Permute((2, 1)),
        mk.layers.Masking(-1.0),
        mk.layers.MaxPooling1D(3, strides=2),
        mk.layers.GlobalMaxPooling1D(keepdims=True),
        mk.layers.Concatenate(axis=1),
        mk.layers.Dot(axes=[1, 1], normalize=True),
        mk.layers.Conv2D(3, 2),
        mk.layers.BatchNormalization(),
    ]:
        spec = layer_to_config(layer)
        clone = layer_from_config(spec)
        assert layer_to_config(clone)["config"] == {**spec["config"]}, type(layer).__name__


@pytest.mark.slow
def test_flatten_channels_first_uses_keras_order():
    k = keras()
    x = RNG.normal(size=(2, 3, 4, 5)).astype("float32")
    a = mk.layers.Flatten(data_format="channels_first")(x).data
    np.testing.assert_array_equal(a, theirs(k.layers.Flatten(data_format="channels_first"), x))
    with pytest.raises(ConfigError, match="Flatten"):
        mk.layers.Flatten(data_format="NCHW")

"""The conv layers' shared argument checks (layers/conv_args.py): Keras-style calls give the
layers Keras gives (same outputs on the same weights), and each bad value is a clear
ConfigError naming the layer and the argument, whichever conv layer it is passed to."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from mitbadak.errors import ArgumentTypeError, ConfigError
from mitbadak.layers import (
    Conv1D,
    Conv2D,
    Conv2DTranspose,
    DepthwiseConv2D,
    UpSampling2D,
    ZeroPadding2D,
)
from mitbadak.layers.conv_args import conv_geometry, padding_of, tuple_of

RNG = np.random.default_rng(0)

#: (layer, required arguments): every conv-like layer, so each check runs on all of them.
LAYERS = {
    "Conv2D": (Conv2D, {"filters": 2, "kernel_size": 3}),
    "Conv1D": (Conv1D, {"filters": 2, "kernel_size": 3}),
    "DepthwiseConv2D": (DepthwiseConv2D, {"kernel_size": 3}),
    "Conv2DTranspose": (Conv2DTranspose, {"filters": 2, "kernel_size": 3, "strides": 2}),
}
PAIR = "an int or a pair of ints"

BAD = [  # (argument, value, message); "{pair}" is what the layer's rank expects
    ("kernel_size", 0, r"kernel_size must be a whole number >= 1, got 0"),
    ("kernel_size", -2, r"kernel_size must be a whole number >= 1, got -2"),
    ("kernel_size", 2.5, r"kernel_size must be {pair}, got 2.5"),
    ("kernel_size", 3.0, r"kernel_size must be {pair}, got 3.0"),
    ("kernel_size", "3", r"kernel_size must be {pair}, got '3' \(str\)"),
    ("kernel_size", True, r"kernel_size must be {pair}, got True \(bool\)"),
    ("kernel_size", None, r"kernel_size must be {pair}, got None"),
    ("kernel_size", (3, 3, 3), r"kernel_size must be {pair}, got \(3, 3, 3\)"),
    ("strides", 0, r"strides must be a whole number >= 1, got 0"),
    ("strides", False, r"strides must be {pair}, got False \(bool\)"),
    ("dilation_rate", -1, r"dilation_rate must be a whole number >= 1, got -1"),
    ("dilation_rate", "2", r"dilation_rate must be {pair}, got '2'"),
    ("padding", "full", r"padding must be 'valid'(, 'same' or ints| or 'same'), got 'full'"),
    ("padding", "causal", r"padding must be 'valid'(, 'same' or ints| or 'same'), got 'causal'"),
    ("data_format", "nhwc", r"data_format must be one of 'channels_first', 'channels_last'"),
    ("data_format", None, r"data_format must be one of 'channels_first', 'channels_last'"),
]


@pytest.mark.parametrize("layer", LAYERS)
@pytest.mark.parametrize(("arg", "value", "message"), BAD, ids=lambda v: repr(v)[:20])
def test_bad_geometry_names_the_layer_and_the_argument(layer, arg, value, message):
    cls, required = LAYERS[layer]
    pair = "an int" if layer == "Conv1D" else PAIR
    with pytest.raises(ConfigError, match=f"^{layer}: " + message.replace("{pair}", pair)):
        cls(**{**required, arg: value})


@pytest.mark.parametrize("layer", ["Conv2D", "Conv1D", "DepthwiseConv2D"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "padding must be a whole number >= 0, got -1"),
        (2.5, f"padding must be {PAIR}, got 2.5"),
        (True, f"padding must be {PAIR}, got True"),
        ((1, -1), r"padding\[1\] must be a whole number >= 0, got -1"),
        (None, f"padding must be {PAIR}, got None"),
    ],
)
def test_bad_int_padding_is_refused_at_construction(layer, value, message):
    cls, required = LAYERS[layer]
    with pytest.raises(ConfigError, match=f"^{layer}: {message}"):
        cls(**required, padding=value)


def test_counts_and_layer_specific_arguments():
    with pytest.raises(ConfigError, match="^Conv2D: filters must be a whole number >= 1, got 2.5"):
        Conv2D(2.5, 3)
    with pytest.raises(ArgumentTypeError, match="^Conv1D: filters must be .*True"):
        Conv1D(True, 3)
    with pytest.raises(ConfigError, match="^Conv1D: groups must be a whole number >= 1, got 0"):
        Conv1D(4, 3, groups=0)
    with pytest.raises(ConfigError, match="^Conv1D: groups=3 must divide filters=4"):
        Conv1D(4, 3, groups=3)
    with pytest.raises(ConfigError, match="^DepthwiseConv2D: depth_multiplier must be .* >= 1"):
        DepthwiseConv2D(3, depth_multiplier=0)
    with pytest.raises(ConfigError, match="^Conv2DTranspose: padding must be 'valid' or 'same'"):
        Conv2DTranspose(2, 3, padding=1)
    with pytest.raises(ConfigError, match=r"output_padding \(2, 2\) must be smaller than strides"):
        Conv2DTranspose(2, 3, strides=2, output_padding=2)
    with pytest.raises(ConfigError, match="^Conv2DTranspose: output_padding must be .* >= 0"):
        Conv2DTranspose(2, 3, strides=2, output_padding=-1)
    with pytest.raises(ConfigError, match=f"^UpSampling2D: size must be {PAIR}, got True"):
        UpSampling2D(True)
    with pytest.raises(ConfigError, match=r"^UpSampling2D: size\[0\] must be .* >= 1, got 0"):
        UpSampling2D((0, 2))
    with pytest.raises(ConfigError, match="^ZeroPadding2D: padding must be ints, got 'same'"):
        ZeroPadding2D("same")


def test_ints_tuples_and_lists_give_the_same_layer():
    a = Conv2D(4, 3, strides=2, dilation_rate=1, padding="SAME")
    b = Conv2D(4, [3, 3], strides=(2, np.int64(2)), dilation_rate=(1, 1), padding="same")
    for name in ("kernel_size", "strides", "dilation_rate", "padding"):
        assert getattr(a, name) == getattr(b, name)
    assert a.kernel_size == (3, 3) and type(a.kernel_size[0]) is int and a.padding == "same"
    c = Conv1D(4, [5], strides=(2,), dilation_rate=np.int32(2), padding=[1, 2])
    assert (c.kernel_size, c.strides, c.dilation_rate, c.padding) == (5, 2, 2, (1, 2))
    assert ZeroPadding2D([[1, 0], [np.int64(2), 2]]).padding == ((1, 0), (2, 2))


@pytest.mark.parametrize(
    "make",
    [
        lambda: Conv2D(3, (3, 5), strides=(2, 1), padding=[[1, 0], [2, 2]], dilation_rate=2),
        lambda: Conv1D(4, 3, padding=(1, 2), groups=2, data_format="channels_last"),
        lambda: DepthwiseConv2D((3, 2), padding=np.int64(1), depth_multiplier=3),
        lambda: Conv2DTranspose(2, 3, strides=(2, 3), output_padding=(1, 2), padding="same"),
        lambda: UpSampling2D((2, 3), interpolation="bilinear"),
        lambda: ZeroPadding2D(((1, 0), (2, 2))),
    ],
)
def test_configs_are_json_and_rebuild_the_same_layer(make):
    layer = make()
    config = json.loads(json.dumps(layer.get_config()))  # np.int64 padding would not dump
    again = type(layer).from_config(config)
    for name in ("kernel_size", "strides", "padding", "dilation_rate", "output_padding", "size"):
        assert getattr(again, name, None) == getattr(layer, name, None), name
    x = RNG.standard_normal((1, 4, 12, 12) if "1D" not in type(layer).__name__ else (1, 12, 4))
    x = x.astype(np.float32)
    if hasattr(layer, "kernel_size"):
        layer(x)
        again(x)
        again.set_weights(layer.get_weights())
    np.testing.assert_array_equal(again(x).data, layer(x).data)


def test_helpers():
    assert tuple_of(np.int64(2), 3, "size", "f") == (2, 2, 2)
    assert padding_of((1, 2), 1, "Conv1D") == (1, 2) and padding_of(0, 2, "Conv2D") == 0
    with pytest.raises(ConfigError, match="^f: size must be an int or 3 ints, got"):
        tuple_of((1, 2), 3, "size", "f")
    assert conv_geometry("Conv1D", 1, 3).kernel_size == 3


# ---------------------------------------------------------------- Keras, on the same weights
@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


KERAS_CALLS = [  # (class name, args, kwargs, input shape channels-last); the users' calls
    ("Conv2D", (8, 3), {"strides": 2, "padding": "same", "activation": "relu"}, (2, 9, 9, 3)),
    ("Conv2D", (8, (3, 5)), {}, (2, 9, 11, 3)),
    ("Conv2D", (4, [3, 3]), {"strides": [1, 1], "dilation_rate": (1, 2), "padding": "same"},
     (2, 10, 12, 2)),
    ("Conv2D", (4, [3, 2]), {"strides": (2, 1)}, (2, 10, 12, 2)),
    ("Conv2D", (4, 3), {"data_format": "channels_first"}, (2, 3, 8, 8)),
    ("Conv1D", (16, 5), {"dilation_rate": 2}, (2, 20, 3)),
    ("Conv1D", (6, 3), {"strides": 2, "padding": "same", "groups": 2}, (2, 11, 4)),
    ("DepthwiseConv2D", ((3, 2),), {"strides": 2, "padding": "same", "depth_multiplier": 2},
     (2, 9, 8, 3)),
    ("Conv2DTranspose", (4, 3), {"strides": 2, "padding": "same", "output_padding": 1},
     (2, 5, 6, 3)),
]  # fmt: skip


def _to_ours(name, kernel):
    """A Keras kernel in mitbadak's (PyTorch's) layout."""
    if name == "Conv2D":
        return kernel.transpose(3, 2, 0, 1)  # (kh, kw, C, O) -> (O, C, kh, kw)
    if name == "Conv1D":
        return kernel.transpose(2, 1, 0)  # (k, C, O) -> (O, C, k)
    if name == "DepthwiseConv2D":  # (kh, kw, C, m) -> (C * m, 1, kh, kw)
        kh, kw, c, m = kernel.shape
        return kernel.transpose(2, 3, 0, 1).reshape(c * m, 1, kh, kw)
    return kernel.transpose(3, 2, 0, 1)  # transposed: (kh, kw, O, C) -> (C, O, kh, kw)


@pytest.mark.parametrize(("name", "args", "kw", "shape"), KERAS_CALLS, ids=str)
def test_keras_style_calls_match_keras(keras, name, args, kw, shape):
    import mitbadak.layers as layers

    x = RNG.standard_normal(shape).astype(np.float32)
    kw = {"data_format": "channels_last", **kw}
    ref_layer = getattr(keras.layers, name)(*args, **kw)
    ref = np.asarray(keras.ops.convert_to_numpy(ref_layer(x)))
    kernel, bias = (np.asarray(keras.ops.convert_to_numpy(w)) for w in ref_layer.weights)
    ours = getattr(layers, name)(*args, **kw)
    ours(x)  # builds
    ours.set_weights([_to_ours(name, kernel), bias + 0.25])
    ref_layer.weights[1].assign(bias + 0.25)
    ref = np.asarray(keras.ops.convert_to_numpy(ref_layer(x)))
    y = ours(x)
    assert y.shape == ref.shape
    np.testing.assert_allclose(y.data, ref, rtol=1e-5, atol=1e-5)

"""ONNX export of the layers other branches add (issue 13's conv variants, issue 12's
functional API and merge layers). Each test skips while its layers are not in the tree, and runs
once they are merged; compared with model.predict in onnxruntime (max abs diff <= 1e-5)."""

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import layers

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from mitbadak.export import to_onnx  # noqa: E402


def _need(*names):
    missing = [n for n in names if not hasattr(layers, n)]
    if missing:
        pytest.skip(f"layers {missing} are not in this tree yet")
    return [getattr(layers, n) for n in names]


def _randomize(model, seed=0):
    rng = np.random.default_rng(seed)
    values = [rng.normal(0, 0.5, w.shape) for w in model.weights]
    values = [np.abs(v) + 0.5 if "variance" in w.name else v for v, w in zip(values, model.weights)]
    model.set_weights(values)


def _run(model, feeds, tmp_path, opset=17):
    p = tmp_path / "m.onnx"
    to_onnx(model, p, opset=opset)
    onnx.checker.check_model(onnx.load(str(p)), full_check=True)
    sess = ort.InferenceSession(str(p), providers=["CPUExecutionProvider"])
    return sess.run(None, feeds)[0]


def _x(shape, seed=1):
    return np.random.default_rng(seed).normal(size=shape).astype(np.float32)


@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
def test_conv1d(tmp_path, data_format):
    (Conv1D,) = _need("Conv1D")
    df = {"data_format": data_format}
    m = mb.Sequential(
        [
            Conv1D(4, 3, padding="same", activation="relu", **df),
            Conv1D(6, 2, strides=2, dilation_rate=2, groups=2, **df),
            Conv1D(3, 3, padding=1, use_bias=False, **df),
        ]
    )
    shape = (2, 11) if data_format == "channels_first" else (11, 2)
    m.build((1, *shape))
    _randomize(m)
    x = _x((3, *shape))
    assert np.abs(_run(m, {"input": x}, tmp_path) - m.predict(x)).max() <= 1e-5


@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
def test_depthwise_transpose_upsampling(tmp_path, data_format):
    Depthwise, Transpose, UpSampling = _need("DepthwiseConv2D", "Conv2DTranspose", "UpSampling2D")
    df = {"data_format": data_format}
    m = mb.Sequential(
        [
            Depthwise(3, depth_multiplier=2, padding="same", activation="tanh", **df),
            Transpose(3, 3, strides=2, padding="same", **df),
            UpSampling(2, **df),
            Transpose(2, 2, strides=3, padding="valid", activation="relu", **df),
            Transpose(2, 3, strides=2, padding="same", output_padding=1, **df),
            UpSampling((1, 2), interpolation="bilinear", **df),
        ]
    )
    shape = (2, 5, 4) if data_format == "channels_first" else (5, 4, 2)
    m.build((1, *shape))
    _randomize(m)
    x = _x((2, *shape))
    assert np.abs(_run(m, {"input": x}, tmp_path) - m.predict(x)).max() <= 1e-5


def _functional():
    try:
        from mitbadak.functional_model import Functional, Input
    except ImportError:
        pytest.skip("the functional API is not in this tree yet")
    return Functional, Input


def test_functional_residual_and_merges(tmp_path):
    Functional, Input = _functional()
    Add, Concatenate, Multiply, Average, Subtract, Maximum, Minimum = _need(
        "Add", "Concatenate", "Multiply", "Average", "Subtract", "Maximum", "Minimum"
    )
    x = Input(shape=(6,), name="features")
    h = layers.Dense(6, activation="relu")(x)
    shared = layers.Dense(6)
    r = Add()([x, shared(h)])  # residual
    r = shared(r)  # the same layer twice
    m2 = Multiply()([r, h])
    a = Average()([m2, h, r])
    s = Subtract()([a, x])
    mx = Maximum()([s, h])
    mn = Minimum()([mx, r])
    y = (mn * 2.0 - h) / 3.0 + 1.0
    c = Concatenate(axis=-1)([y, -x])
    out = layers.Dense(3, activation="softmax")(c)
    m = Functional(x, out)
    _randomize(m)
    xv = _x((5, 6))
    assert np.abs(_run(m, {"input": xv}, tmp_path) - m.predict(xv)).max() <= 1e-5


def test_functional_two_inputs_cnn(tmp_path):
    Functional, Input = _functional()
    (Concatenate,) = _need("Concatenate")
    img = Input(shape=(1, 8, 8), name="image")
    meta = Input(shape=(3,), name="meta")
    f = layers.Conv2D(4, 3, padding="same", activation="relu")(img)
    f = layers.GlobalAveragePooling2D()(layers.BatchNormalization()(f))
    out = layers.Dense(2)(Concatenate()([f, layers.Dense(4, activation="tanh")(meta)]))
    m = Functional([img, meta], out)
    _randomize(m)
    xi, xm = _x((4, 1, 8, 8)), _x((4, 3), seed=2)
    got = _run(m, {"image": xi, "meta": xm}, tmp_path, opset=18)
    want = m([xi, xm], training=False).data  # (predict of several inputs: issue 11/12's loop)
    assert np.abs(got - want).max() <= 1e-5


def test_keras_surface_layers(tmp_path):
    ReLU, LeakyReLU, ELU, PReLU, Softmax = _need("ReLU", "LeakyReLU", "ELU", "PReLU", "Softmax")
    Max1, Avg1, GAvg1, GMax1, Permute, Repeat = _need(
        "MaxPooling1D",
        "AveragePooling1D",
        "GlobalAveragePooling1D",
        "GlobalMaxPooling1D",
        "Permute",
        "RepeatVector",
    )
    m = mb.Sequential(
        [
            layers.Dense(6),
            ReLU(max_value=1.5, negative_slope=0.1, threshold=0.2),
            Repeat(5),
            layers.Dense(4),
            LeakyReLU(0.3),
            PReLU(shared_axes=[1]),
            Max1(2, strides=1, padding="same"),
            Avg1(2, padding="same"),
            Permute((2, 1)),
            ELU(0.7),
            Avg1(2, data_format="channels_first"),
            Permute((2, 1)),
            Softmax(axis=1),
        ]
    )
    m.build((1, 3))
    _randomize(m)
    x = _x((4, 3)) * 2
    assert np.abs(_run(m, {"input": x}, tmp_path) - m.predict(x)).max() <= 1e-5
    for pool in (GAvg1, GMax1):
        m = mb.Sequential([layers.Dense(4), pool(), layers.Dense(2)])
        m.build((1, 5, 3))
        _randomize(m)
        x = _x((2, 5, 3))
        assert np.abs(_run(m, {"input": x}, tmp_path) - m.predict(x)).max() <= 1e-5

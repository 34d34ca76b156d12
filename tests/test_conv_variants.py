"""Grouped / depthwise / 1-D / transposed convolution, pooling options and interpolation:
ops against PyTorch and finite differences, and the layers built on them against Keras."""

# ruff: noqa: B023 - the lambdas built in loops are called within their own iteration

from __future__ import annotations

import doctest
import os

import numpy as np
import pytest

import mitbadak as mb
import mitbadak.functional as F
from mitbadak import Tensor, gradcheck
from mitbadak.layers import Conv1D, Conv2DTranspose, DepthwiseConv2D, UpSampling2D
from mitbadak.ops import pool as pool_ops

torch = pytest.importorskip("torch")
TF = torch.nn.functional


def check(mb_fn, torch_fn, arrays, rtol=1e-7, atol=1e-9):
    xs = [Tensor(np.array(a), requires_grad=True) for a in arrays]
    ts = [torch.tensor(np.array(a), requires_grad=True) for a in arrays]
    y, ty = mb_fn(*xs), torch_fn(*ts)
    assert y.shape == tuple(ty.shape)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=rtol, atol=atol)
    g = np.random.default_rng(5).standard_normal(y.shape)
    y.backward(g)
    ty.backward(torch.tensor(g))
    for x, t in zip(xs, ts):
        np.testing.assert_allclose(x.grad, t.grad.numpy(), rtol=rtol, atol=atol)


def rn(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def grads_ok(fn, arrays):
    return gradcheck(fn, [Tensor(np.array(a), requires_grad=True) for a in arrays])


GROUPED = [
    # x shape, w shape, kwargs
    ((2, 6, 7, 5), (9, 2, 3, 3), {"groups": 3, "padding": 1}),
    ((1, 4, 6, 7), (4, 2, 2, 3), {"groups": 2, "stride": (2, 1), "dilation": (1, 2)}),
    ((2, 5, 6, 6), (5, 1, 3, 3), {"groups": 5, "padding": 1}),  # depthwise
    ((2, 3, 7, 6), (6, 1, 3, 2), {"groups": 3, "stride": 2, "dilation": 2, "padding": 2}),
    ((1, 4, 5, 5), (8, 1, 3, 3), {"groups": 4, "padding": "same"}),  # depth multiplier 2
]


@pytest.mark.parametrize("xs,ws,kw", GROUPED, ids=str)
def test_grouped_and_depthwise_conv2d(xs, ws, kw):
    x, w, b = rn(*xs), rn(*ws, seed=1), rn(ws[0], seed=2)
    tkw = dict(kw)
    if tkw.get("padding") == "same":
        tkw["padding"] = "same"
    check(lambda a, k, c: F.conv2d(a, k, c, **kw), lambda a, k, c: TF.conv2d(a, k, c, **tkw),
          [x, w, b])  # fmt: skip
    small = (x[:1, :, :5, :5], w)
    assert grads_ok(lambda a, k: mb.conv2d(a, k, **kw), small)


@pytest.mark.parametrize(
    "kw", [{}, {"stride": 2, "padding": 1}, {"dilation": 2, "padding": "same"}, {"groups": 2}]
)
def test_conv1d(kw):
    x, w = rn(2, 4, 11), rn(6, 4 // kw.get("groups", 1), 3, seed=1)
    check(lambda a, k: F.conv1d(a, k, **kw), lambda a, k: TF.conv1d(a, k, **kw), [x, w])
    assert grads_ok(lambda a, k: mb.conv1d(a, k, **kw), [x[:1, :, :7], w])


TRANSPOSED = [
    {"stride": 2},
    {"stride": 2, "padding": 1, "output_padding": 1},
    {"stride": (1, 3), "padding": (0, 1)},
    {"stride": 2, "dilation": 2, "padding": 1},
    {"stride": 3, "output_padding": (2, 0)},
]


@pytest.mark.parametrize("kw", TRANSPOSED, ids=str)
def test_conv_transpose2d(kw):
    x, w, b = rn(2, 3, 4, 5), rn(3, 2, 3, 3, seed=1), rn(2, seed=2)
    check(lambda a, k, c: F.conv_transpose2d(a, k, c, **kw),
          lambda a, k, c: TF.conv_transpose2d(a, k, c, **kw), [x, w, b])  # fmt: skip
    assert grads_ok(lambda a, k, c: mb.conv_transpose2d(a, k, c, **kw), [x[:1, :, :3, :3], w, b])


def test_conv_variant_errors():
    with pytest.raises(mb.ConfigError, match="groups"):
        mb.conv2d(Tensor(rn(1, 4, 5, 5)), Tensor(rn(6, 1, 3, 3)), groups=4)
    with pytest.raises(mb.ShapeError, match="groups"):
        mb.conv2d(Tensor(rn(1, 4, 5, 5)), Tensor(rn(4, 2, 3, 3)), groups=4)
    with pytest.raises(mb.ShapeError, match="length"):
        mb.conv1d(Tensor(rn(1, 4, 5, 5)), Tensor(rn(4, 2, 3)))
    with pytest.raises(mb.ConfigError, match="output_padding"):
        mb.conv_transpose2d(Tensor(rn(1, 2, 3, 3)), Tensor(rn(2, 2, 3, 3)), output_padding=1)
    with pytest.raises(mb.ShapeError, match="input channels"):
        mb.conv_transpose2d(Tensor(rn(1, 3, 3, 3)), Tensor(rn(2, 2, 3, 3)))


# ---------------------------------------------------------------------------- pooling
POOLS = [
    ("max", {"kernel_size": 3, "stride": 2, "dilation": 2}),
    ("max", {"kernel_size": 2, "ceil_mode": True}),
    ("max", {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True, "dilation": 2}),
    ("max", {"kernel_size": (2, 3), "stride": (1, 2), "dilation": (2, 1)}),
    ("avg", {"kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True}),
    ("avg", {"kernel_size": 3, "stride": 2, "padding": 1, "count_include_pad": False}),
    ("avg", {"kernel_size": 2, "ceil_mode": True, "count_include_pad": False}),
    ("avg", {"kernel_size": 3, "padding": 1, "divisor_override": 4}),
]


@pytest.mark.parametrize("kind,kw", POOLS, ids=str)
def test_pooling_options(kind, kw):
    x = rn(2, 3, 7, 8)
    fn, tfn = (F.max_pool2d, TF.max_pool2d) if kind == "max" else (F.avg_pool2d, TF.avg_pool2d)
    check(lambda a: fn(a, **kw), lambda a: tfn(a, **kw), [x])
    assert grads_ok(lambda a: fn(a, **kw), [x[:1, :1]])


def test_pooling_options_through_the_ops_and_default_path_unchanged():
    x = Tensor(rn(1, 2, 7, 7))
    y = mb.max_pool2d(x, 2, dilation=2)
    np.testing.assert_allclose(y.data, TF.max_pool2d(torch.tensor(x.data), 2, dilation=2).numpy())
    y = mb.avg_pool2d(x, 2, ceil_mode=True)
    np.testing.assert_allclose(y.data, TF.avg_pool2d(torch.tensor(x.data), 2, ceil_mode=True))
    xg = Tensor(rn(1, 2, 6, 6), requires_grad=True)
    # the default path is the same graph node as before (no new work on it)
    assert type(mb.max_pool2d(xg, 2)._ctx) is pool_ops.MaxPool2d
    assert type(mb.avg_pool2d(xg, 2)._ctx) is pool_ops.AvgPool2d
    assert type(F.max_pool2d(xg, 2)._ctx) is pool_ops.MaxPool2d


# ------------------------------------------------------------------------ interpolation
INTERP = [
    {"scale_factor": 2},
    {"size": (5, 11)},
    {"scale_factor": (0.5, 1.5)},
    {"size": (9, 4), "mode": "bilinear", "align_corners": False},
    {"size": (9, 4), "mode": "bilinear", "align_corners": True},
    {"scale_factor": 2, "mode": "bilinear", "align_corners": False},
    {"size": (1, 3), "mode": "bilinear", "align_corners": True},
]


@pytest.mark.parametrize("kw", INTERP, ids=str)
def test_interpolate(kw):
    x = rn(2, 3, 4, 6)
    check(lambda a: F.interpolate(a, **kw), lambda a: TF.interpolate(a, **kw), [x])
    assert grads_ok(lambda a: mb.interpolate(a, **kw), [x[:1, :1]])


def test_interpolate_1d_and_errors():
    x = rn(2, 3, 7)
    for kw in ({"scale_factor": 2}, {"size": 10, "mode": "linear", "align_corners": False}):
        check(lambda a: F.interpolate(a, **kw), lambda a: TF.interpolate(a, **kw), [x])
    with pytest.raises(mb.ConfigError):
        mb.interpolate(Tensor(x), size=3, scale_factor=2)
    with pytest.raises(mb.ConfigError):
        mb.interpolate(Tensor(x), size=3, mode="bicubic")


# ------------------------------------------------------------------------------ layers
@pytest.fixture(scope="module")
def keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


def _keras_out(layer, x):
    return np.asarray(layer(x).detach().cpu().numpy() if hasattr(layer(x), "detach") else layer(x))


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("strides,kernel", [(2, 3), (2, 4), (3, 2), (1, 3)])
def test_conv2d_transpose_layer_matches_keras(keras, padding, strides, kernel):
    x = rn(2, 5, 6, 3).astype(np.float32)  # channels_last, as Keras
    kl = keras.layers.Conv2DTranspose(4, kernel, strides=strides, padding=padding)
    ref = _keras_out(kl, x)
    kk, kb = (np.asarray(v) for v in kl.get_weights())  # (kh, kw, out, in)
    ml = Conv2DTranspose(4, kernel, strides=strides, padding=padding,
                         data_format="channels_last")  # fmt: skip
    ml(x)  # builds
    ml.set_weights([kk.transpose(3, 2, 0, 1), kb])
    out = ml(x)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.data, ref, rtol=1e-5, atol=1e-5)


def test_depthwise_conv1d_upsampling_layers_match_keras(keras):
    x = rn(2, 7, 6, 3).astype(np.float32)
    kl = keras.layers.DepthwiseConv2D(3, padding="same", depth_multiplier=2)
    ref = _keras_out(kl, x)
    k, b = (np.asarray(v) for v in kl.get_weights())  # (kh, kw, in, mult)
    ml = DepthwiseConv2D(3, padding="same", depth_multiplier=2, data_format="channels_last")
    ml(x)  # builds
    ml.set_weights([k.transpose(2, 3, 0, 1).reshape(6, 1, 3, 3), b])
    np.testing.assert_allclose(ml(x).data, ref, rtol=1e-5, atol=1e-5)

    x1 = rn(2, 9, 3).astype(np.float32)
    kl1 = keras.layers.Conv1D(4, 3, strides=2, padding="same")
    ref1 = _keras_out(kl1, x1)
    k1, b1 = (np.asarray(v) for v in kl1.get_weights())  # (k, in, out)
    ml1 = Conv1D(4, 3, strides=2, padding="same", data_format="channels_last")
    ml1(x1)
    ml1.set_weights([k1.transpose(2, 1, 0), b1])
    np.testing.assert_allclose(ml1(x1).data, ref1, rtol=1e-5, atol=1e-5)

    for interp in ("nearest", "bilinear"):
        ku = keras.layers.UpSampling2D((2, 3), interpolation=interp)
        mu = UpSampling2D((2, 3), interpolation=interp, data_format="channels_last")
        np.testing.assert_allclose(mu(x).data, _keras_out(ku, x), rtol=1e-5, atol=1e-5)


def test_layers_channels_first_default_train_and_round_trip(tmp_path):
    mb.set_seed(0)
    model = mb.Sequential([
        Conv1D(4, 3, padding="same", activation="relu"),
        mb.layers.Reshape((4, 1, 8)),
        DepthwiseConv2D((1, 3), padding="same", depth_multiplier=2),
        Conv2DTranspose(3, (1, 2), strides=(1, 2)),
        UpSampling2D((2, 1)),
        mb.layers.Flatten(),
        mb.layers.Dense(2),
    ])  # fmt: skip
    x = mb.randn(5, 2, 8)
    y = model(x)
    assert y.shape == (5, 2)
    loss = mb.mse(y, np.zeros((5, 2), np.float32))
    loss.backward()
    assert all(p.grad is not None for p in model.parameters())
    path = tmp_path / "m.mbk"
    mb.save_model(model, path)
    again = mb.load_model(path)
    np.testing.assert_allclose(again(x).data, model(x).data, rtol=1e-6)
    cfg = Conv2DTranspose(3, 2, output_padding=1, strides=2).get_config()
    assert cfg["output_padding"] == [1, 1] and cfg["data_format"] == "channels_first"


def test_layer_errors():
    with pytest.raises(mb.ConfigError, match="data_format"):
        Conv1D(2, 3, data_format="nhwc")
    with pytest.raises(mb.ShapeError, match="Conv1D"):
        Conv1D(2, 3)(np.zeros((1, 2, 3, 4), np.float32))
    with pytest.raises(mb.ConfigError, match="padding"):
        Conv2DTranspose(2, 3, padding=1)
    with pytest.raises(mb.ConfigError, match="interpolation"):
        UpSampling2D(interpolation="bicubic")


@pytest.mark.parametrize(
    "module",
    ["ops.conv_variants", "ops.pool_variants", "ops.resize", "ops.attention", "layers.conv_extra"],
)
def test_docstring_examples_run(module):
    import importlib

    mod = importlib.import_module(f"mitbadak.{module}")
    res = doctest.testmod(mod, extraglobs={"np": np, "Tensor": Tensor})
    assert res.failed == 0 and res.attempted > 0

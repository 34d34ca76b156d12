"""Pooling: max / average / global against PyTorch (values and gradients), Keras "same"
padding, first-maximum tie routing, gradcheck in float64, layers and errors."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import ConfigError, ShapeError, Tensor
from mitbadak.layers import (
    AveragePooling2D,
    Conv2D,
    GlobalAveragePooling2D,
    GlobalMaxPooling2D,
    MaxPooling2D,
    layer_from_config,
)
from mitbadak.layers.base import layer_to_config
from mitbadak.ops.pool import avg_pool2d, max_pool2d

# (N, C, H, W, pool, stride, padding): odd sizes, overlapping windows, strides that do not
# divide, asymmetric windows, PyTorch-style symmetric padding.
CASES = [
    (2, 3, 7, 9, 3, 2, 1),
    (2, 2, 8, 8, 2, None, 0),
    (2, 3, 9, 7, (3, 2), (2, 1), 0),
    (1, 2, 5, 5, 3, 1, 1),
    (3, 1, 6, 7, (2, 3), (3, 2), (1, 1)),
]


def _torch():
    return pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("kind", ["max", "avg"])
def test_pool_matches_torch_float32(case, kind):
    torch = _torch()
    F = torch.nn.functional
    n, c, h, w, k, s, p = case
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, c, h, w)).astype(np.float32)
    X = Tensor(x, requires_grad=True)
    mine, ref = (max_pool2d, F.max_pool2d) if kind == "max" else (avg_pool2d, F.avg_pool2d)
    y = mine(X, k, s, p)
    tx = torch.tensor(x, requires_grad=True)
    ty = ref(tx, k, s, p)
    assert y.shape == tuple(ty.shape) and y.dtype == np.float32
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-6, atol=1e-6)
    g = rng.standard_normal(y.shape).astype(np.float32)
    y.backward(g)
    ty.backward(torch.tensor(g))
    assert X.grad.dtype == np.float32
    np.testing.assert_allclose(X.grad, tx.grad.numpy(), rtol=1e-6, atol=1e-6)


def test_max_pool_ties_go_to_the_first_maximum_like_torch():
    torch = _torch()
    x = np.zeros((1, 1, 4, 6), np.float32)
    x[0, 0, 1, 1] = x[0, 0, 0, 1] = 1.0  # a tie inside the first window
    X = Tensor(x, requires_grad=True)
    max_pool2d(X, 2).sum().backward()
    tx = torch.tensor(x, requires_grad=True)
    torch.nn.functional.max_pool2d(tx, 2).sum().backward()
    np.testing.assert_array_equal(X.grad, tx.grad.numpy())
    assert X.grad.sum() == 6 and X.grad[0, 0, 0, 1] == 1 and X.grad[0, 0, 1, 1] == 0


@pytest.mark.parametrize("size,pool,stride", [(5, 2, 2), (7, 3, 2), (6, 3, 1), (5, 4, 3)])
def test_same_padding_matches_keras_semantics(size, pool, stride):
    """Keras "same": ceil(size / stride) outputs, pads never win a max and are not counted in
    an average; references built in PyTorch from an explicitly padded input."""
    torch = _torch()
    F = torch.nn.functional
    from mitbadak.ops.conv import same_padding

    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, size, size + 1)).astype(np.float32)
    t, b = same_padding(size, pool, stride)
    left, r = same_padding(size + 1, pool, stride)
    pads = (left, r, t, b)
    tx = torch.tensor(x, requires_grad=True)
    ones = torch.ones_like(tx)
    ref_max = F.max_pool2d(F.pad(tx, pads, value=-float("inf")), pool, stride)
    counts = F.avg_pool2d(F.pad(ones, pads), pool, stride, divisor_override=1)
    ref_avg = F.avg_pool2d(F.pad(tx, pads), pool, stride, divisor_override=1) / counts
    g = rng.standard_normal(ref_max.shape).astype(np.float32)
    for mine, ref in ((max_pool2d, ref_max), (avg_pool2d, ref_avg)):
        X = Tensor(x, requires_grad=True)
        y = mine(X, pool, stride, "same")
        assert y.shape[2:] == (-(-size // stride), -(-(size + 1) // stride))
        np.testing.assert_allclose(y.data, ref.detach().numpy(), rtol=1e-5, atol=1e-6)
        y.backward(g)
        tx.grad = None
        ref.backward(torch.tensor(g))
        np.testing.assert_allclose(X.grad, tx.grad.numpy(), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("padding", ["valid", "same", 1])
@pytest.mark.parametrize("fn", [max_pool2d, avg_pool2d])
def test_pool_gradcheck_float64(fn, padding):
    rng = np.random.default_rng(2)
    x = Tensor(rng.standard_normal((2, 2, 5, 6)), requires_grad=True)
    assert mb.gradcheck(lambda t: fn(t, 3, 2, padding), [x])
    assert fn(x, 3, 2, padding).dtype == np.float64


def test_global_pooling_matches_torch():
    torch = _torch()
    rng = np.random.default_rng(3)
    x = rng.standard_normal((3, 4, 5, 6)).astype(np.float32)
    g = rng.standard_normal((3, 4)).astype(np.float32)
    for layer, ref in (
        (GlobalAveragePooling2D(), lambda t: t.mean(dim=(2, 3))),
        (GlobalMaxPooling2D(), lambda t: t.amax(dim=(2, 3))),
    ):
        X = Tensor(x, requires_grad=True)
        y = layer(X)
        tx = torch.tensor(x, requires_grad=True)
        ty = ref(tx)
        np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-6, atol=1e-6)
        y.backward(g)
        ty.backward(torch.tensor(g))
        np.testing.assert_allclose(X.grad, tx.grad.numpy(), rtol=1e-6, atol=1e-6)
    assert GlobalMaxPooling2D(keepdims=True)(x).shape == (3, 4, 1, 1)
    assert GlobalAveragePooling2D(data_format="channels_last")(x).shape == (3, 6)


def test_pooling_layers_defaults_config_and_channels_last():
    x = np.random.default_rng(4).standard_normal((2, 3, 7, 8)).astype(np.float32)
    layer = MaxPooling2D()
    assert layer.strides == (2, 2) and layer(x).shape == (2, 3, 3, 4)
    avg = AveragePooling2D((3, 2), strides=(2, 1), padding="same", name="ap")
    y = avg(x)
    assert y.shape == (2, 3, 4, 8)
    clone = layer_from_config(layer_to_config(avg))
    assert layer_to_config(clone) == layer_to_config(avg)
    np.testing.assert_array_equal(clone(x).data, y.data)
    last = MaxPooling2D(data_format="channels_last")(x.transpose(0, 2, 3, 1))
    np.testing.assert_array_equal(last.data.transpose(0, 3, 1, 2), layer(x).data)


def test_pooling_a_channels_last_conv_output_is_exact():
    """Conv2D returns NCHW values in channels-last memory; pooling and its gradient must not
    depend on the memory layout."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 1, 8, 8)).astype(np.float32)
    conv = Conv2D(4, 3, padding=1)
    y = conv(x)
    assert not y.data.flags["C_CONTIGUOUS"]
    contiguous = Tensor(np.ascontiguousarray(y.data), requires_grad=True)
    strided = Tensor(y.data.copy(order="K"), requires_grad=True)
    for fn in (max_pool2d, avg_pool2d):
        a, b = fn(contiguous, 2), fn(strided, 2)
        np.testing.assert_array_equal(a.data, b.data)
        g = rng.standard_normal(a.shape).astype(np.float32)
        contiguous.grad = strided.grad = None
        a.backward(g)
        b.backward(g)
        np.testing.assert_array_equal(contiguous.grad, strided.grad)


def test_pooling_errors():
    with pytest.raises(ShapeError, match=r"MaxPooling2D 'mp'.*\(batch, channels, height, width\)"):
        MaxPooling2D(name="mp")(np.zeros((2, 8, 8), np.float32))
    with pytest.raises(ShapeError, match=r"window 3x3.*larger than the padded input 2x2"):
        max_pool2d(Tensor(np.zeros((1, 1, 2, 2))), 3)
    with pytest.raises(ConfigError):
        MaxPooling2D(padding="full")
    with pytest.raises(ConfigError):
        MaxPooling2D(0)
    with pytest.raises(ConfigError, match="half"):
        max_pool2d(Tensor(np.zeros((1, 1, 6, 6))), 2, padding=2)
    with pytest.raises(ShapeError):
        GlobalAveragePooling2D()(np.zeros((2, 3), np.float32))

"""Conv2D / conv2d / ZeroPadding2D: values and gradients against PyTorch, gradcheck in float64,
"same" padding, errors, layer config; the model zoo and backend.tune_malloc."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import ConfigError, ShapeError, Tensor
from mitbadak.layers import Conv2D, Dense, Flatten, MaxPooling2D, ZeroPadding2D, layer_from_config
from mitbadak.layers.base import layer_to_config
from mitbadak.ops import conv as conv_ops
from mitbadak.ops.conv import conv2d, pad2d, same_padding

# (N, C, H, W, O, kernel, stride, padding, dilation): odd sizes, strides that do not divide,
# asymmetric kernels, dilation, 1x1.
CASES = [
    (2, 3, 7, 9, 4, (3, 2), (2, 1), (1, 2), (1, 2)),
    (3, 2, 8, 8, 5, 3, 1, 1, 1),
    (2, 3, 9, 7, 2, (4, 3), 2, 0, 1),
    (1, 4, 6, 5, 3, 1, 1, 0, 1),
    (2, 1, 11, 10, 6, 5, 3, 2, 2),
    (2, 1, 7, 6, 3, 3, 1, 0, 1),  # one channel, no padding: the input is used without a copy
]


def _torch_conv(x, w, b, stride, padding, dilation, relu=False):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    tx = torch.tensor(x, requires_grad=True)
    tw = torch.tensor(w, requires_grad=True)
    tb = None if b is None else torch.tensor(b, requires_grad=True)
    y = torch.nn.functional.conv2d(tx, tw, tb, stride=stride, padding=padding, dilation=dilation)
    return (torch.relu(y) if relu else y), tx, tw, tb


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("bias", [True, False])
def test_conv2d_matches_torch_float32(case, bias):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    n, c, h, w, o, k, s, p, d = case
    kh, kw = (k, k) if isinstance(k, int) else k
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, c, h, w)).astype(np.float32)
    wt = rng.standard_normal((o, c, kh, kw)).astype(np.float32)
    b = rng.standard_normal(o).astype(np.float32) if bias else None
    X, W = Tensor(x, requires_grad=True), Tensor(wt, requires_grad=True)
    B = Tensor(b, requires_grad=True) if bias else None
    y = conv2d(X, W, B, stride=s, padding=p, dilation=d)
    ty, tx, tw, tb = _torch_conv(x, wt, b, s, p, d)
    assert y.shape == tuple(ty.shape) and y.dtype == np.float32
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-4, atol=1e-4)
    g = rng.standard_normal(y.shape).astype(np.float32)
    y.backward(g)
    ty.backward(torch.tensor(g))
    for mine, ref in [(X, tx), (W, tw)] + ([(B, tb)] if bias else []):
        assert mine.grad.dtype == np.float32
        np.testing.assert_allclose(mine.grad, ref.grad.numpy(), rtol=1e-4, atol=1e-4)


def test_fused_relu_and_single_gemm_path_match_torch(monkeypatch):
    """relu=True inside the node equals conv then ReLU; the large-product path (one GEMM) and
    the blocked path agree (the threshold is forced both ways)."""
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 3, 9, 8)).astype(np.float32)
    wt = rng.standard_normal((5, 3, 3, 3)).astype(np.float32)
    b = rng.standard_normal(5).astype(np.float32)
    g = rng.standard_normal((4, 5, 9, 8)).astype(np.float32)
    ty, tx, tw, tb = _torch_conv(x, wt, b, 1, 1, 1, relu=True)
    ty.backward(torch.tensor(g))
    for threshold in (0, 1 << 62):
        monkeypatch.setattr(conv_ops, "_SMALL_GEMM", threshold)
        X, W, B = (Tensor(a, requires_grad=True) for a in (x, wt, b))
        y = conv2d(X, W, B, padding=1, relu=True)
        np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-4, atol=1e-4)
        y.backward(g)
        for mine, ref in ((X, tx), (W, tw), (B, tb)):
            np.testing.assert_allclose(mine.grad, ref.grad.numpy(), rtol=1e-4, atol=1e-4)


# Stride 1 computes dx by one GEMM per kernel offset added to a shifted window of dx (no
# col2im): 'same' (asymmetric for even kernels), dilation, padding wider than the kernel, and
# taps that only ever see padding (1x1 input, dilated 3x3 kernel, padding 2).
STRIDE1 = [
    (2, 3, 6, 7, 4, 3, "same", 1),
    (2, 2, 5, 6, 3, (4, 2), "same", (1, 2)),
    (1, 2, 4, 3, 3, 3, (3, 1), 1),
    (2, 2, 1, 1, 3, 3, 2, 2),
    (2, 32, 6, 6, 8, 3, 1, 1),
]


@pytest.mark.parametrize("case", STRIDE1)
@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")  # torch's own copy
def test_stride1_input_gradient_matches_torch_and_col2im(case):
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    n, c, h, w, o, k, p, d = case
    kh, kw = (k, k) if isinstance(k, int) else k
    rng = np.random.default_rng(3)
    x = rng.standard_normal((n, c, h, w)).astype(np.float32)
    wt = rng.standard_normal((o, c, kh, kw)).astype(np.float32)
    X = Tensor(x, requires_grad=True)
    y = conv2d(X, Tensor(wt), padding=p, dilation=d)
    ty, tx, _, _ = _torch_conv(x, wt, None, 1, p, d)
    g = rng.standard_normal(y.shape).astype(np.float32)
    y.backward(g)
    ty.backward(torch.tensor(g))
    assert X.grad.dtype == np.float32
    np.testing.assert_allclose(X.grad, tx.grad.numpy(), rtol=1e-4, atol=1e-4)
    # the same sums as the general path: dx = col2im(G W^T), cut to the unpadded input
    t, b, left, r = conv_ops.resolve_padding(
        p, (h, w), (kh, kw), (1, 1), conv_ops.pair(d, "", ""), ""
    )
    oh, ow = y.shape[2:]
    wmat = wt.transpose(2, 3, 1, 0).reshape(kh * kw * c, o)
    dcols = (g.transpose(0, 2, 3, 1).reshape(-1, o) @ wmat.T).reshape(n, oh, ow, kh, kw, c)
    dxp = conv_ops.col2im(dcols, (n, h + t + b, w + left + r, c), (1, 1), conv_ops.pair(d, "", ""))
    ref = dxp[:, t : t + h, left : left + w].transpose(0, 3, 1, 2)
    np.testing.assert_allclose(X.grad, ref, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    "stride,padding,dilation,relu",
    [
        (1, 0, 1, False),
        (2, 1, 1, False),
        ((1, 2), "same", (2, 1), False),
        (1, 1, 1, True),
        (1, "same", (2, 1), False),
        (1, (3, 1), 1, False),
    ],
)
def test_conv2d_gradcheck_float64(stride, padding, dilation, relu):
    rng = np.random.default_rng(2)
    x = Tensor(rng.standard_normal((2, 2, 5, 6)), requires_grad=True)
    w = Tensor(rng.standard_normal((3, 2, 3, 2)), requires_grad=True)
    b = Tensor(rng.standard_normal(3), requires_grad=True)
    f = lambda x, w, b: conv2d(x, w, b, stride, padding, dilation, relu=relu)  # noqa: E731
    assert mb.gradcheck(f, [x, w, b])
    assert f(x, w, b).dtype == np.float64


def test_stacked_convs_feed_channels_last_memory_and_match_torch():
    """The second conv reads the first one's channels-last output (no padding: no copy)."""
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    rng = np.random.default_rng(9)
    x = rng.standard_normal((2, 3, 8, 7)).astype(np.float32)
    w1 = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
    w2 = rng.standard_normal((5, 4, 2, 2)).astype(np.float32)
    X, W1, W2 = (Tensor(a, requires_grad=True) for a in (x, w1, w2))
    y = conv2d(conv2d(X, W1, relu=True), W2, stride=2)
    tx, tw1, tw2 = (torch.tensor(a, requires_grad=True) for a in (x, w1, w2))
    F = torch.nn.functional
    ty = F.conv2d(torch.relu(F.conv2d(tx, tw1)), tw2, stride=2)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-4, atol=1e-4)
    g = rng.standard_normal(y.shape).astype(np.float32)
    y.backward(g)
    ty.backward(torch.tensor(g))
    for mine, ref in ((X, tx), (W1, tw1), (W2, tw2)):
        np.testing.assert_allclose(mine.grad, ref.grad.numpy(), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize(
    "size,kernel,stride", [(7, 3, 1), (8, 4, 1), (7, 3, 2), (8, 2, 3), (5, 5, 2)]
)
def test_same_padding_is_tensorflow_asymmetric(size, kernel, stride):
    """ "same" = ceil(size / stride) outputs; the extra pixel of odd padding goes bottom/right,
    checked against PyTorch on an explicitly padded input."""
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    top, bottom = same_padding(size, kernel, stride)
    assert bottom - top in (0, 1)
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 2, size, size + 1)).astype(np.float32)
    w = rng.standard_normal((3, 2, kernel, kernel)).astype(np.float32)
    y = conv2d(Tensor(x), Tensor(w), stride=stride, padding="same")
    assert y.shape[2:] == (-(-size // stride), -(-(size + 1) // stride))
    left, right = same_padding(size + 1, kernel, stride)
    tx = torch.nn.functional.pad(torch.tensor(x), (left, right, top, bottom))
    ref = torch.nn.functional.conv2d(tx, torch.tensor(w), stride=stride)
    np.testing.assert_allclose(y.data, ref.numpy(), rtol=1e-4, atol=1e-4)


def test_output_size_is_floored_like_pytorch():
    y = conv2d(Tensor(np.ones((1, 1, 7, 8))), Tensor(np.ones((1, 1, 2, 2))), stride=(2, 3))
    assert y.shape == (1, 1, 3, 3)


def test_conv2d_errors_name_the_layer_and_shapes():
    layer = Conv2D(4, 3, name="c1")
    with pytest.raises(
        ShapeError, match=r"Conv2D 'c1'.*\(batch, channels, height, width\).*\(2, 28, 28\)"
    ):
        layer(np.zeros((2, 28, 28), np.float32))
    layer(np.zeros((2, 1, 8, 8), np.float32))
    with pytest.raises(ShapeError, match=r"Conv2D 'c1'.*1 channels.*\(2, 3, 8, 8\)"):
        layer(np.zeros((2, 3, 8, 8), np.float32))
    with pytest.raises(ShapeError, match=r"Conv2D 'big'.*5x5.*larger than the padded input 4x4"):
        Conv2D(2, 5, name="big")(np.zeros((1, 1, 4, 4), np.float32))
    with pytest.raises(ShapeError, match="dilation"):
        conv2d(Tensor(np.zeros((1, 1, 6, 6))), Tensor(np.zeros((1, 1, 3, 3))), dilation=3)
    with pytest.raises(ShapeError, match="bias"):
        conv2d(Tensor(np.zeros((1, 1, 6, 6))), Tensor(np.zeros((2, 1, 3, 3))), Tensor(np.zeros(3)))
    with pytest.raises(ConfigError):
        Conv2D(4, 3, padding="full")
    with pytest.raises(ConfigError):
        Conv2D(0, 3)
    with pytest.raises(ConfigError):
        Conv2D(4, 3, strides=0)


def test_conv2d_layer_shapes_dtype_and_channels_last():
    rng = np.random.default_rng(4)
    x = rng.standard_normal((3, 2, 9, 7)).astype(np.float32)
    first = Conv2D(5, (3, 2), strides=2, padding="same", activation="relu")
    y = first(x)
    assert first.kernel.shape == (5, 2, 3, 2) and first.bias.shape == (5,)
    assert y.shape == (3, 5, 5, 4) and y.dtype == np.float32
    last = Conv2D(
        5, (3, 2), strides=2, padding="same", activation="relu", data_format="channels_last"
    )
    last(x.transpose(0, 2, 3, 1))
    last.set_weights(first.get_weights())
    y_last = last(x.transpose(0, 2, 3, 1))
    np.testing.assert_allclose(y_last.data.transpose(0, 3, 1, 2), y.data, rtol=1e-6)
    # a non-ReLU activation runs as its own node and still matches
    tanh = Conv2D(5, (3, 2), strides=2, padding="same", activation="tanh")
    tanh(x)
    tanh.set_weights(first.get_weights())
    lin = Conv2D(5, (3, 2), strides=2, padding="same")
    lin(x)
    lin.set_weights(first.get_weights())
    np.testing.assert_allclose(tanh(x).data, np.tanh(lin(x).data), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(y.data, np.maximum(lin(x).data, 0), rtol=1e-6)


def test_conv2d_config_roundtrip():
    layer = Conv2D(6, (3, 5), strides=(2, 1), padding=((1, 0), (2, 2)), dilation_rate=2,
                   activation="relu", use_bias=False, name="cfg")  # fmt: skip
    spec = layer_to_config(layer)
    clone = layer_from_config(spec)
    assert layer_to_config(clone) == spec
    x = np.random.default_rng(5).standard_normal((1, 2, 9, 12)).astype(np.float32)
    layer(x)
    clone(x)
    clone.set_weights(layer.get_weights())
    np.testing.assert_array_equal(clone(x).data, layer(x).data)


def test_zero_padding2d_matches_torch_pad():
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    x = np.random.default_rng(6).standard_normal((2, 3, 4, 5)).astype(np.float32)
    X = Tensor(x, requires_grad=True)
    y = ZeroPadding2D(((1, 2), (3, 0)))(X)
    tx = torch.tensor(x, requires_grad=True)
    ty = torch.nn.functional.pad(tx, (3, 0, 1, 2))
    np.testing.assert_array_equal(y.data, ty.detach().numpy())
    g = np.random.default_rng(7).standard_normal(y.shape).astype(np.float32)
    y.backward(g)
    ty.backward(torch.tensor(g))
    np.testing.assert_array_equal(X.grad, tx.grad.numpy())
    assert ZeroPadding2D(2)(np.ones((1, 1, 2, 2))).shape == (1, 1, 6, 6)
    assert mb.gradcheck(
        lambda t: pad2d(t, (1, 2)), [Tensor(np.ones((1, 1, 2, 2)), requires_grad=True)]
    )
    with pytest.raises(ConfigError):
        ZeroPadding2D("same")


def test_small_cnn_trains_and_matches_torch_step():
    """One SGD step of conv-relu-pool-dense in mitbadak and PyTorch from the same weights."""
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    rng = np.random.default_rng(8)
    x = rng.random((6, 1, 10, 10), dtype=np.float32)
    y = rng.integers(0, 3, 6)
    model = mb.Sequential([Conv2D(4, 3, padding=1, activation="relu"), MaxPooling2D(2),
                           Flatten(), Dense(3)])  # fmt: skip
    model(x)
    k, b, dk, db = model.get_weights()
    nn = torch.nn
    tm = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                       nn.Linear(100, 3))  # fmt: skip
    with torch.no_grad():
        tm[0].weight.copy_(torch.tensor(k))
        tm[0].bias.copy_(torch.tensor(b))
        tm[4].weight.copy_(torch.tensor(dk.T))
        tm[4].bias.copy_(torch.tensor(db))
    loss = mb.softmax_cross_entropy(model(x), y)
    loss.backward()
    tloss = nn.functional.cross_entropy(tm(torch.tensor(x)), torch.tensor(y))
    tloss.backward()
    np.testing.assert_allclose(loss.item(), tloss.item(), rtol=1e-5)
    np.testing.assert_allclose(
        model.weights[0].grad, tm[0].weight.grad.numpy(), rtol=1e-4, atol=1e-6
    )
    np.testing.assert_allclose(
        model.weights[2].grad, tm[4].weight.grad.numpy().T, rtol=1e-4, atol=1e-6
    )


def test_zoo_builders():
    from mitbadak.zoo import build_cnn, build_mlp

    cnn = build_cnn((1, 28, 28), 10)
    assert [type(la).__name__ for la in cnn] == [
        "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dense",
    ]  # fmt: skip
    assert cnn(np.zeros((2, 1, 28, 28), np.float32)).shape == (2, 10)
    assert [w.shape for w in cnn.weights][::2] == [
        (32, 1, 3, 3),
        (64, 32, 3, 3),
        (3136, 128),
        (128, 10),
    ]
    small = build_cnn((3, 3, 3), 4, filters=(8, 8, 8), convs_per_block=2)
    assert small(np.zeros((1, 3, 3, 3), np.float32)).shape == (1, 4)  # pooling stops at 1x1
    mlp = build_mlp((16, 8), num_classes=3)
    assert mlp(np.zeros((5, 1, 4, 4), np.float32)).shape == (5, 3)
    bn = build_cnn((1, 12, 12), 5, batchnorm=True, dropout=0.2)
    assert bn(np.ones((4, 1, 12, 12), np.float32)).shape == (4, 5)
    assert [type(la).__name__ for la in bn][:4] == [
        "Conv2D", "BatchNormalization", "Activation", "MaxPooling2D",
    ]  # fmt: skip
    bn_mlp = build_mlp((16,), 3, batchnorm=True, dropout=0.1)
    assert [type(la).__name__ for la in bn_mlp] == [
        "Flatten", "Dense", "BatchNormalization", "Activation", "Dropout", "Dense",
    ]  # fmt: skip
    with pytest.raises(ConfigError):
        build_cnn((28, 28), 10)
    with pytest.raises(ConfigError):
        build_mlp((16,), 3, dropout=1.5)


def test_tune_malloc_is_opt_out_and_idempotent(monkeypatch):
    from mitbadak import backend

    monkeypatch.setattr(backend, "_tuned", None)
    monkeypatch.setenv("MITBADAK_TUNE_MALLOC", "0")
    assert backend.tune_malloc() is False
    monkeypatch.setattr(backend, "_tuned", None)
    monkeypatch.delenv("MITBADAK_TUNE_MALLOC")
    first = backend.tune_malloc()
    assert isinstance(first, bool) and backend.tune_malloc() is first


@pytest.mark.parametrize(
    "name", ["ops.conv", "ops.pool", "layers.conv", "layers.pooling", "zoo", "backend"]
)
def test_docstring_examples(name):
    import doctest
    import importlib

    module = importlib.import_module(f"mitbadak.{name}")
    result = doctest.testmod(module, extraglobs={"np": np, "Tensor": Tensor})
    assert result.attempted > 0 and result.failed == 0

"""Conv2D + MaxPooling2D(2) as one node (issue 15): the same values and gradients as the three
ops one after the other (conv, ReLU, pooling), and as PyTorch's; Sequential fuses exactly the
pairs it may, and never when a hook or the reference kernels need the layers apart."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.errors import MitbadakError
from mitbadak.layers import Conv2D, Dense, Flatten, MaxPooling2D
from mitbadak.ops import conv as conv_mod
from mitbadak.ops.conv import conv2d
from mitbadak.ops.conv_pool import ConvMaxPool2d, conv2d_maxpool2d
from mitbadak.ops.kernel_mode import use_reference_kernels
from mitbadak.ops.pool import max_pool2d
from mitbadak.tensor import Tensor

CASES = [
    # (N, C, H, W), O, stride, padding, relu, bias
    ((5, 8, 10, 10), 4, 1, "same", True, True),  # channels-last unfolding
    ((5, 8, 9, 11), 4, 1, "valid", True, True),  # odd conv output: last row / column unused
    ((7, 6, 11, 11), 3, 2, 1, False, True),  # stride 2: dx through col2im
    ((6, 1, 28, 28), 8, 1, "same", True, True),  # a first layer: taps-major cols
    ((4, 3, 9, 10), 5, 1, "valid", False, False),  # taps-major, no bias, odd
    ((3, 2, 12, 12), 4, (1, 2), ((1, 0), (2, 1)), True, True),  # uneven stride and padding
]


def composed(x, w, b, stride, padding, relu):
    y = conv2d(x, w, b, stride=stride, padding=padding, relu=relu)
    return max_pool2d(y, 2)


def run_both(x, w, b, stride, padding, relu, g=None):
    out = []
    for op in (composed, lambda *a: conv2d_maxpool2d(*a[:3], a[3], a[4], relu=a[5])):
        ts = [Tensor(a, requires_grad=True) for a in (x, w)]
        tb = Tensor(b, requires_grad=True) if b is not None else None
        y = op(ts[0], ts[1], tb, stride, padding, relu)
        g = np.random.default_rng(9).standard_normal(y.shape) if g is None else g
        y.backward(Tensor(g.astype(y.dtype)))
        out.append([y.data, ts[0].grad, ts[1].grad] + ([tb.grad] if tb is not None else []))
    return out


@pytest.mark.parametrize("chunk", [1, 1 << 22])  # one sample per chunk, the whole batch
@pytest.mark.parametrize("shape, o, stride, padding, relu, bias", CASES)
def test_fused_equals_conv_relu_pool(monkeypatch, chunk, shape, o, stride, padding, relu, bias):
    monkeypatch.setattr(conv_mod, "_CHUNK_BYTES", chunk)
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape)
    w = rng.standard_normal((o, shape[1], 3, 3))
    b = rng.standard_normal(o) if bias else None
    unfused, fused = run_both(x, w, b, stride, padding, relu)
    np.testing.assert_array_equal(fused[0], unfused[0])  # values: exactly (see the docstring)
    for f, u in zip(fused[1:], unfused[1:]):
        np.testing.assert_allclose(f, u, rtol=1e-11, atol=1e-11)


def test_ties_go_to_the_first_maximum_as_in_pytorch() -> None:
    """Small integers make exact ties inside windows (and ReLU makes zeros): the gradient must
    still go where PyTorch sends it."""
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(1)
    x = rng.integers(-2, 3, (4, 3, 8, 8)).astype(np.float64)
    w = rng.integers(-1, 2, (5, 3, 3, 3)).astype(np.float64)
    b = rng.integers(-1, 2, 5).astype(np.float64)
    for relu in (False, True):
        xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
        z = F.conv2d(xt, wt, bt, padding=1)
        yt = F.max_pool2d(F.relu(z) if relu else z, 2)
        g = rng.standard_normal(yt.shape)
        yt.backward(torch.tensor(g))
        ts = [Tensor(a, requires_grad=True) for a in (x, w, b)]
        y = conv2d_maxpool2d(*ts, padding=1, relu=relu)
        y.backward(Tensor(g))
        np.testing.assert_array_equal(y.data, yt.detach().numpy())
        for t, ref in zip(ts, (xt, wt, bt)):
            np.testing.assert_allclose(t.grad, ref.grad.numpy(), rtol=1e-12, atol=1e-12)


def test_float32_against_pytorch() -> None:
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    rng = np.random.default_rng(2)
    x = rng.standard_normal((16, 8, 14, 14)).astype(np.float32)
    w = (rng.standard_normal((12, 8, 3, 3)) * 0.2).astype(np.float32)
    b = rng.standard_normal(12).astype(np.float32)
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    yt = F.max_pool2d(F.relu(F.conv2d(xt, wt, bt, padding=1)), 2)
    g = rng.standard_normal(yt.shape).astype(np.float32)
    yt.backward(torch.tensor(g))
    ts = [Tensor(a, requires_grad=True) for a in (x, w, b)]
    y = conv2d_maxpool2d(*ts, padding="same", relu=True)
    y.backward(Tensor(g))
    assert y.dtype == np.float32
    np.testing.assert_allclose(y.data, yt.detach().numpy(), rtol=1e-4, atol=1e-5)
    for t, ref in zip(ts, (xt, wt, bt)):
        np.testing.assert_allclose(t.grad, ref.grad.numpy(), rtol=1e-3, atol=1e-4)


def test_gradients_by_finite_differences() -> None:
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 4, 6, 7))
    w = rng.standard_normal((3, 4, 3, 3))
    b = rng.standard_normal(3)
    g = rng.standard_normal((2, 3, 3, 3))

    def loss(x_, w_, b_):
        with mb.no_grad():
            y = conv2d_maxpool2d(Tensor(x_), Tensor(w_), Tensor(b_), padding="same", relu=True)
        return float((y.data * g).sum())

    ts = [Tensor(a, requires_grad=True) for a in (x, w, b)]
    conv2d_maxpool2d(*ts, padding="same", relu=True).backward(Tensor(g))
    eps = 1e-6
    for k, arr in enumerate((x, w, b)):
        num = np.zeros_like(arr)
        for idx in np.ndindex(arr.shape):
            args = [x, w, b]
            plus, minus = arr.copy(), arr.copy()
            plus[idx] += eps
            minus[idx] -= eps
            args[k] = plus
            up = loss(*args)
            args[k] = minus
            num[idx] = (up - loss(*args)) / (2 * eps)
        np.testing.assert_allclose(ts[k].grad, num, rtol=1e-5, atol=1e-6)


def test_inference_equals_training_forward() -> None:
    rng = np.random.default_rng(4)
    x, w = rng.standard_normal((9, 6, 12, 12)), rng.standard_normal((5, 6, 3, 3))
    with mb.no_grad():
        fast = conv2d_maxpool2d(Tensor(x), Tensor(w), relu=True).data
    recorded = conv2d_maxpool2d(Tensor(x), Tensor(w, requires_grad=True), relu=True).data
    np.testing.assert_array_equal(fast, recorded)


def test_too_small_for_a_window_gives_the_pool_error() -> None:
    x, w = Tensor(np.ones((1, 2, 3, 3))), Tensor(np.ones((2, 2, 3, 3)))
    with pytest.raises(MitbadakError):
        conv2d_maxpool2d(x, w)


# ------------------------------------------------------------------------------ Sequential
def spy(monkeypatch):
    calls = []
    original = ConvMaxPool2d.forward

    def forward(self, *arrays):
        calls.append(arrays[0].shape)
        return original(self, *arrays)

    monkeypatch.setattr(ConvMaxPool2d, "forward", forward)
    return calls


def cnn(data_format="channels_first", activation="relu", pool=2):
    mb.set_seed(0)
    return mb.Sequential(
        [
            Conv2D(4, 3, activation=activation, padding="same", data_format=data_format),
            MaxPooling2D(pool, data_format=data_format),
            Conv2D(6, 3, activation=activation, data_format=data_format),
            MaxPooling2D(2, data_format=data_format),
            Flatten(),
            Dense(3),
        ]
    )


def test_sequential_fuses_conv_then_pool(monkeypatch) -> None:
    calls = spy(monkeypatch)
    model = cnn()
    model(np.zeros((2, 1, 12, 12)))
    assert calls == [(2, 1, 12, 12), (2, 4, 6, 6)]  # both pairs, built with the plain layers


@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
@pytest.mark.parametrize("activation", ["relu", None])
def test_sequential_fused_training_equals_the_layers_one_by_one(data_format, activation) -> None:
    rng = np.random.default_rng(5)
    shape = (8, 1, 12, 12) if data_format == "channels_first" else (8, 12, 12, 1)
    x, y = rng.standard_normal(shape), rng.integers(0, 3, 8)
    results = []
    for fused in (True, False):
        model = cnn(data_format, activation)
        model.build(shape)
        handles = [] if fused else [la.register_forward_hook(lambda *a: None) for la in model]
        loss = mb.softmax_cross_entropy(model(x), y)
        loss.backward()
        results.append([float(loss.data)] + [p.grad.copy() for p in model.parameters()])
        for h in handles:
            h.remove()
    for f, u in zip(*results):  # float32 models: the GEMMs' sums in another grouping
        np.testing.assert_allclose(f, u, rtol=1e-5, atol=1e-6)


def test_no_fusion_when_it_would_change_what_the_user_sees(monkeypatch) -> None:
    calls = spy(monkeypatch)
    x = np.zeros((2, 1, 12, 12))
    model = cnn(pool=3)  # not a 2x2 window: the first pair stays apart
    model(x)
    assert calls == [(2, 4, 4, 4)]
    calls.clear()
    model = cnn(activation="tanh")  # an activation between conv and pool
    model(x)
    assert calls == []
    model = cnn()
    model.build(x.shape)
    seen = []
    model[0].register_forward_hook(lambda layer, i, o: seen.append(o.shape))
    model(x)  # the hook sees the conv's own output, so the first pair runs apart
    assert seen == [(2, 4, 12, 12)] and calls == [(2, 4, 6, 6)]
    calls.clear()
    with use_reference_kernels():
        model(x)
    assert calls == []
    mixed = mb.Sequential([Conv2D(4, 3), MaxPooling2D(2, data_format="channels_last")])
    assert not mixed[0].fuses_with(mixed[1])


def test_fit_and_predict_of_a_keras_style_cnn_learn() -> None:
    rng = np.random.default_rng(6)
    x = rng.random((96, 1, 12, 12)).astype(np.float32)
    y = (x[:, 0, :6].mean(axis=(1, 2)) > x[:, 0, 6:].mean(axis=(1, 2))).astype(int)
    model = cnn()
    model.compile("adam", "sparse_categorical_crossentropy", ["accuracy"])
    hist = model.fit(x, y, epochs=8, batch_size=16, verbose=0)
    assert hist.history["loss"][-1] < hist.history["loss"][0]
    assert model.predict(x, verbose=0).shape == (96, 3)


def test_keras_layers_fuse_too(monkeypatch) -> None:
    """Keras' classes only change defaults (channels-last): a keras.Sequential script fuses."""
    from mitbadak import keras

    calls = spy(monkeypatch)
    model = keras.Sequential(
        [
            keras.Input(shape=(12, 12, 1)),
            keras.layers.Conv2D(4, (3, 3), activation="relu"),
            keras.layers.MaxPooling2D(pool_size=(2, 2)),
            keras.layers.Flatten(),
            keras.layers.Dense(3),
        ]
    )
    model.predict(np.zeros((2, 12, 12, 1)), verbose=0)
    assert calls == [(2, 1, 12, 12)]

    class Custom(Conv2D):  # a subclass with its own forward is run as written
        def call(self, x, training=False, pool2x2=False):
            return super().call(x, training) * 2.0

    assert not Custom(4, 3).fuses_with(MaxPooling2D(2))


def test_reference_kernels_run_the_composition(monkeypatch) -> None:
    calls = spy(monkeypatch)
    rng = np.random.default_rng(7)
    x, w = Tensor(rng.standard_normal((3, 4, 8, 8))), Tensor(rng.standard_normal((2, 4, 3, 3)))
    fast = conv2d_maxpool2d(x, w, padding="same", relu=True).data
    with use_reference_kernels():
        ref = conv2d_maxpool2d(x, w, padding="same", relu=True).data
    assert len(calls) == 1  # only the fast call ran the fused op
    np.testing.assert_allclose(fast, ref, rtol=1e-12, atol=1e-12)


def test_pool_argument_is_checked_and_errors_name_the_pool_layer() -> None:
    conv, pool = Conv2D(4, 3, activation="relu"), MaxPooling2D(2, name="pool_a")
    x = np.zeros((1, 1, 3, 3))
    with pytest.raises(MitbadakError, match="pool= takes the MaxPooling2D"):
        conv(x, pool=MaxPooling2D(3))
    with pytest.raises(MitbadakError, match="MaxPooling2D 'pool_a'"):
        conv(x, pool=pool)  # a 1x1 conv output: no 2x2 window fits
    with use_reference_kernels():  # the reference runs the three ops, with the same names
        with pytest.raises(MitbadakError, match="MaxPooling2D 'pool_a'"):
            conv(x, pool=pool)


def test_bad_arguments_get_clear_errors() -> None:
    x, w = Tensor(np.ones((1, 2, 4, 4))), Tensor(np.ones((2, 2, 3, 3)))
    with pytest.raises(MitbadakError, match="relu must be True or False"):
        conv2d_maxpool2d(x, w, relu="yes")
    with pytest.raises(MitbadakError, match="stride must be an int or a pair"):
        conv2d_maxpool2d(x, w, stride=2.5)
    with pytest.raises(MitbadakError, match="expected input with 3 channels"):
        conv2d_maxpool2d(x, Tensor(np.ones((2, 3, 3, 3))))

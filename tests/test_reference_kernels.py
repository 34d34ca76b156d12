"""Issue 15 item 3: every fast kernel equals its reference implementation (the formula as
written in its docstring), values and gradients, and the reference is selectable at run time."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import backend
from mitbadak.errors import ConfigError
from mitbadak.ops import reference
from mitbadak.ops.kernel_mode import reference_kernels, use_reference_kernels
from mitbadak.ops.recurrent import recurrence

_SPY: list[str] = []  # the reference implementations' runs, recorded by the fixture below


@pytest.fixture(autouse=True)
def _spy_on_reference(monkeypatch):
    """Record every run of the reference code, to prove the switch really selects it."""
    _SPY.clear()
    for name in ("RefConv2d", "RefMaxPool2d", "RefAvgPool2d"):
        cls = getattr(reference, name)
        fwd = cls.forward
        monkeypatch.setattr(
            cls, "forward", lambda self, *a, _f=fwd, _n=name: _SPY.append(_n) or _f(self, *a)
        )
    step = reference._cell_step
    monkeypatch.setattr(reference, "_cell_step", lambda *a: _SPY.append("cell") or step(*a))
    lin = reference.ref_linear
    monkeypatch.setattr(reference, "ref_linear", lambda *a: _SPY.append("linear") or lin(*a))


def _both(fn, *arrays):
    """fn(*tensors) with the fast and with the reference kernels: (outputs, grads) of each; the
    fast run must not touch the reference code and the reference run must."""
    results = []
    for ref in (False, True):
        ts = [mb.Tensor(a.copy(), requires_grad=True) for a in arrays]
        n0 = len(_SPY)
        with use_reference_kernels(ref):
            y = fn(*ts)
        assert (len(_SPY) > n0) == ref
        seed = np.random.default_rng(1).standard_normal(y.shape)
        (y * mb.Tensor(seed)).sum().backward()
        results.append((y.data, [t.grad for t in ts]))
    return results


def _assert_same(results):
    (y0, g0), (y1, g1) = results
    np.testing.assert_allclose(y0, y1, rtol=1e-10, atol=1e-12)
    for a, b in zip(g0, g1):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-11)


@pytest.mark.parametrize(
    "c, stride, padding, dilation, relu, bias",
    [
        (1, 1, "same", 1, True, True),  # a first layer (taps-major im2col), fused bias+ReLU
        (5, 1, 1, 1, False, True),  # channels-last im2col, stride-1 input gradient
        (6, 2, "same", 1, True, False),  # stride 2: col2im, asymmetric 'same' padding
        (4, (2, 1), 0, 2, False, True),  # dilation
    ],
)
def test_conv2d_fast_equals_reference(c, stride, padding, dilation, relu, bias):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, c, 9, 8))
    w = rng.standard_normal((4, c, 3, 3))
    b = rng.standard_normal(4)
    arrays = (x, w, b) if bias else (x, w)

    def f(x, w, b=None):
        return mb.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation, relu=relu)

    _assert_same(_both(f, *arrays))


@pytest.mark.parametrize(
    "op, pool, strides, padding",
    [
        (mb.max_pool2d, 2, None, "valid"),
        (mb.max_pool2d, 3, 2, "same"),  # overlapping windows, padding never wins
        (mb.max_pool2d, (3, 2), 1, 1),
        (mb.avg_pool2d, 2, None, "valid"),
        (mb.avg_pool2d, 3, 2, "same"),  # padding not counted (Keras)
        (mb.avg_pool2d, 3, 1, 1),  # padding counted (PyTorch)
    ],
)
def test_pooling_fast_equals_reference(op, pool, strides, padding):
    x = np.random.default_rng(2).standard_normal((2, 3, 7, 6))
    _assert_same(_both(lambda t: op(t, pool, strides, padding), x))


def test_max_pool_ties_go_to_the_first_maximum_in_both():
    x = np.zeros((1, 1, 4, 4))
    (_, g0), (_, g1) = _both(lambda t: mb.max_pool2d(t, 2), x)
    np.testing.assert_array_equal(g0[0], g1[0])
    assert np.count_nonzero(g1[0]) == 4  # one position per window


@pytest.mark.parametrize("kind", ["simple_rnn", "lstm", "gru"])
@pytest.mark.parametrize(
    "options",
    [
        {"return_sequences": True},
        {"reverse": True, "return_state": True},
        {"return_sequences": True, "return_state": True, "mask": "mask"},
    ],
)
def test_recurrent_cells_fast_equal_reference(kind, options):
    rng = np.random.default_rng(3)
    n, t_len, f, h = 3, 5, 4, 6
    gates = {"simple_rnn": 1, "lstm": 4, "gru": 3}[kind]
    x = rng.standard_normal((n, t_len, f))
    w = rng.standard_normal((f, gates * h)) * 0.5
    u = rng.standard_normal((h, gates * h)) * 0.5
    b = rng.standard_normal((2, gates * h) if kind == "gru" else (gates * h,))
    inits = [rng.standard_normal((n, h)) for _ in range(2 if kind == "lstm" else 1)]
    opts = dict(options)
    if opts.get("mask") == "mask":
        opts["mask"] = rng.random((n, t_len)) > 0.3

    def f_(x, w, u, b, *s):
        return recurrence(kind, x, w, u, b, list(s), **opts)

    _assert_same(_both(f_, x, w, u, b, *inits))


def test_simple_rnn_relu_fast_equals_reference():
    rng = np.random.default_rng(4)
    x, w, u = rng.standard_normal((2, 4, 3)), rng.standard_normal((3, 5)), np.eye(5) * 0.5
    b, h0 = rng.standard_normal(5), rng.standard_normal((2, 5))

    def f(x, w, u, b, h0):
        return recurrence("simple_rnn", x, w, u, b, [h0], return_sequences=True, activation="relu")

    _assert_same(_both(f, x, w, u, b, h0))


def test_a_keras_style_model_gives_the_same_predictions_with_reference_kernels():
    mb.set_seed(0)
    model = mb.Sequential(
        [
            mb.layers.Conv2D(4, 3, padding="same", activation="relu"),
            mb.layers.MaxPooling2D(2),
            mb.layers.Flatten(),
            mb.layers.Dense(3),
        ]
    )
    x = np.random.default_rng(5).random((4, 1, 8, 8)).astype(np.float32)
    fast = model.predict(x, verbose=0)
    assert _SPY == []
    with backend.use_reference_kernels():
        assert backend.reference_kernels()
        ref = model.predict(x, verbose=0)
    assert set(_SPY) == {"RefConv2d", "RefMaxPool2d", "linear"}
    assert not reference_kernels()
    np.testing.assert_allclose(fast, ref, rtol=1e-5, atol=1e-6)


def test_switch_is_scoped_and_validated():
    with use_reference_kernels():
        with use_reference_kernels(False):
            assert not reference_kernels()
        assert reference_kernels()
    assert not reference_kernels()
    with pytest.raises(ConfigError, match="enabled must be True or False"):
        backend.set_reference_kernels(1)
    x = mb.Tensor(np.ones((1, 2, 3)))
    w, u, b, h0 = (mb.Tensor(np.ones(s)) for s in [(3, 2), (2, 2), (2,), (1, 2)])
    with use_reference_kernels(), pytest.raises(ConfigError, match="truncate"):
        recurrence("simple_rnn", x, w, u, b, [h0], truncate=1)


@pytest.mark.parametrize("relu", [True, False])
@pytest.mark.parametrize("bias", [True, False])
def test_fused_linear_fast_equals_reference(relu, bias):
    from mitbadak.ops.linear import linear

    rng = np.random.default_rng(7)
    arrays = [rng.standard_normal((5, 4)), rng.standard_normal((4, 3))]
    if bias:
        arrays.append(rng.standard_normal(3))
    _assert_same(_both(lambda *t: linear(*t, relu=relu), *arrays))

"""Inference fast paths (issue 15): when no backward can follow (``no_grad``, or no input needs
a gradient) an op may skip what only its backward needs. Each such path must give exactly the
values of the recorded path."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.ops import conv as conv_mod
from mitbadak.ops.conv import conv2d
from mitbadak.ops.kernel_mode import use_reference_kernels
from mitbadak.ops.pool import max_pool2d
from mitbadak.tensor import Function, Tensor


def test_recording_is_known_inside_forward() -> None:
    seen = []

    class Probe(Function):
        def forward(self, a):
            seen.append((self.recording, self.needs_input_grad))
            return a

        def backward(self, g):
            return g

    Probe.apply(Tensor(1.0, requires_grad=True))
    Probe.apply(Tensor(1.0))
    with mb.no_grad():
        Probe.apply(Tensor(1.0, requires_grad=True))
    assert seen == [(True, (True,)), (False, ()), (False, ())]


@pytest.mark.parametrize("chunk", [1, 5000, 1 << 22])  # one sample, a few, the whole batch
@pytest.mark.parametrize(
    "shape, kernel, stride, padding, relu, bias",
    [
        ((23, 8, 14, 14), 3, 1, "same", True, True),
        ((9, 16, 15, 13), 3, 2, "valid", False, True),
        ((7, 5, 9, 9), 2, 1, "valid", True, False),
    ],
)
def test_chunked_inference_conv_equals_the_recorded_conv(
    monkeypatch, chunk, shape, kernel, stride, padding, relu, bias
) -> None:
    monkeypatch.setattr(conv_mod, "_CHUNK_BYTES", chunk)
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape)  # float64: the GEMMs' blocking may differ, not the sums
    w = rng.standard_normal((6, shape[1], kernel, kernel))
    b = Tensor(rng.standard_normal(6)) if bias else None

    def run(wt):
        y = conv2d(Tensor(x), wt, b, stride=stride, padding=padding)
        return mb.relu(y) if relu else y

    with mb.no_grad():
        fast = run(Tensor(w)).data
    recorded = run(Tensor(w, requires_grad=True)).data
    np.testing.assert_allclose(fast, recorded, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("chunk", [1, 20000, 1 << 22])  # one sample, a few, the whole batch
@pytest.mark.parametrize(
    "shape, kernel, stride, padding, relu",
    [
        ((23, 8, 14, 14), 3, 1, "same", True),  # channels-last unfolding, per-chunk im2col
        ((9, 16, 15, 13), 3, 2, "valid", False),  # stride 2: dx by col2im, per chunk
        ((11, 2, 12, 12), 3, 1, "same", True),  # a first layer (C < 4): taps-major cols
    ],
)
def test_chunked_conv_training_equals_the_reference_formula(
    monkeypatch, chunk, shape, kernel, stride, padding, relu
) -> None:
    """Training works a chunk of samples at a time too (issue 15): values and the gradients of
    x, w and b equal the reference kernel's sum over kernel offsets, whatever the chunk."""
    monkeypatch.setattr(conv_mod, "_CHUNK_BYTES", chunk)
    rng = np.random.default_rng(2)
    x = rng.standard_normal(shape)
    w = rng.standard_normal((6, shape[1], kernel, kernel))
    b = rng.standard_normal(6)
    g = None
    results = []
    for reference in (False, True):
        ts = [Tensor(a, requires_grad=True) for a in (x, w, b)]
        with use_reference_kernels(reference):
            y = conv2d(*ts, stride=stride, padding=padding, relu=relu)
        g = rng.standard_normal(y.shape) if g is None else g
        y.backward(Tensor(g))
        results.append([y.data] + [t.grad for t in ts])
    for fast, ref in zip(*results):
        np.testing.assert_allclose(fast, ref, rtol=1e-10, atol=1e-10)


def test_inference_max_pool_equals_the_recorded_pool() -> None:
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 3, 9, 8)).astype(np.float32)
    x_cl = np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)  # channels-last
    for data in (x, x_cl):
        for kw in ({"pool_size": 2}, {"pool_size": 3, "strides": 2, "padding": "same"}):
            with mb.no_grad():
                fast = max_pool2d(Tensor(data), **kw).data
            t = Tensor(data, requires_grad=True)
            recorded = max_pool2d(t, **kw)
            np.testing.assert_array_equal(fast, recorded.data)
            recorded.sum().backward()  # the recorded path still differentiates
            assert t.grad.shape == data.shape


def test_predict_of_a_cnn_equals_its_recorded_forward() -> None:
    from mitbadak.zoo import build_cnn

    mb.set_seed(0)
    model = build_cnn((1, 28, 28), 10)
    x = np.random.default_rng(2).random((37, 1, 28, 28), dtype=np.float32)
    recorded = model(x).data  # the weights need gradients: every op records
    np.testing.assert_allclose(
        model.predict(x, batch_size=16, verbose=0), recorded, rtol=1e-5, atol=1e-6
    )


@pytest.mark.parametrize("bias", [True, False])
def test_fused_linear_relu_gradients_match_finite_differences_and_torch(bias) -> None:
    """linear(..., relu=True) (what Dense(activation="relu") runs) is max(0, xW + b) in one
    node: its gradients by finite differences (float64) and against PyTorch (float32)."""
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    from mitbadak import gradcheck
    from mitbadak.ops.linear import linear

    rng = np.random.default_rng(4)
    x, w, b = rng.standard_normal((6, 5)), rng.standard_normal((5, 4)), rng.standard_normal(4)
    args = [Tensor(a, requires_grad=True) for a in ((x, w, b) if bias else (x, w))]
    assert gradcheck(lambda *t: linear(*t, relu=True), args)
    X, W, *B = (Tensor(a.astype(np.float32), requires_grad=True) for a in (x, w, b)[: len(args)])
    y = linear(X, W, B[0] if B else None, relu=True)
    tx, tw, tb = (torch.tensor(a.astype(np.float32), requires_grad=True) for a in (x, w, b))
    ty = torch.relu(tx @ tw + (tb if bias else 0))
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-5, atol=1e-6)
    g = rng.standard_normal(y.shape).astype(np.float32)
    y.backward(g)
    ty.backward(torch.tensor(g))
    for mine, ref in [(X, tx), (W, tw)] + ([(B[0], tb)] if bias else []):
        np.testing.assert_allclose(mine.grad, ref.grad.numpy(), rtol=1e-5, atol=1e-6)


def test_dense_relu_runs_in_one_node_and_equals_linear_then_relu() -> None:
    from mitbadak.layers import Dense

    mb.set_seed(0)
    layer = Dense(7, activation="relu")
    x = np.random.default_rng(5).standard_normal((3, 4)).astype(np.float32)
    y = layer(x)
    assert y.grad_fn.name == "Linear" and y.grad_fn.relu  # no separate ReLU node
    expected = np.maximum(x @ layer.kernel.data + layer.bias.data, 0)
    np.testing.assert_allclose(y.data, expected, rtol=1e-6)


@pytest.mark.parametrize("bad", ["yes", None, 2.5, float("nan")])
def test_the_fused_relu_flag_must_be_a_boolean(bad) -> None:
    from mitbadak.ops.linear import linear

    x, w = Tensor(np.ones((2, 3))), Tensor(np.ones((3, 4)))
    with pytest.raises(mb.ArgumentTypeError, match="linear: relu must be True or False"):
        linear(x, w, relu=bad)
    with pytest.raises(mb.ArgumentTypeError, match="conv2d: relu must be True or False"):
        conv2d(Tensor(np.ones((1, 1, 3, 3))), Tensor(np.ones((1, 1, 2, 2))), relu=bad)

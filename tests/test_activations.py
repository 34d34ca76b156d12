"""Activations: values and gradients against PyTorch, finite differences, and extreme inputs."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import activations, ops
from mitbadak.errors import ConfigError, GraphError
from mitbadak.layers import Activation
from mitbadak.ops import activation as A

# name -> (mitbadak function, name of the torch function, extra kwargs for both)
CASES = {
    "sigmoid": (A.sigmoid, "sigmoid", {}),
    "tanh": (A.tanh, "tanh", {}),
    "relu": (A.relu, "relu", {}),
    "leaky_relu": (A.leaky_relu, "leaky_relu", {}),
    "leaky_relu_0.2": (lambda x: A.leaky_relu(x, 0.2), "leaky_relu", {"negative_slope": 0.2}),
    "elu": (A.elu, "elu", {}),
    "elu_0.5": (lambda x: A.elu(x, 0.5), "elu", {"alpha": 0.5}),
    "selu": (A.selu, "selu", {}),
    "gelu": (A.gelu, "gelu", {}),
    "gelu_tanh": (lambda x: A.gelu(x, "tanh"), "gelu", {"approximate": "tanh"}),
    "silu": (A.silu, "silu", {}),
    "softplus": (A.softplus, "softplus", {}),
    "softmax": (A.softmax, "softmax", {"dim": -1}),
    "log_softmax": (A.log_softmax, "log_softmax", {"dim": -1}),
}


def _inputs(dtype: type, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).normal(0.0, 3.0, (6, 7)).astype(dtype)
    x[np.abs(x) < 1e-3] = 0.5  # keep away from the kinks, checked separately
    return x


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradcheck_float64(name: str) -> None:
    fn = CASES[name][0]
    x = mb.Tensor(_inputs(np.float64, 1)[:3, :5], requires_grad=True)
    assert mb.gradcheck(fn, [x])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_torch(name: str, dtype: type) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    F = torch.nn.functional
    fn, tname, kw = CASES[name]
    x = _inputs(dtype)
    g = np.random.default_rng(2).standard_normal(x.shape).astype(dtype)

    t = mb.Tensor(x.copy(), requires_grad=True)
    y = fn(t)
    y.backward(g)
    assert y.dtype == dtype and t.grad.dtype == dtype

    tt = torch.tensor(x, requires_grad=True)
    tfn = getattr(torch, tname) if tname in ("sigmoid", "tanh") else getattr(F, tname)
    ty = tfn(tt, **kw)
    ty.backward(torch.tensor(g))
    tol = {"rtol": 1e-5, "atol": 1e-6} if dtype == np.float32 else {"rtol": 1e-10, "atol": 1e-12}
    if name == "softplus":  # torch returns x itself above x = 20, off by log1p(e^-20) = 2e-9
        tol = {"rtol": 1e-5, "atol": 1e-6} if dtype == np.float32 else {"rtol": 0, "atol": 3e-9}
    np.testing.assert_allclose(y.data, ty.detach().numpy(), **tol)
    np.testing.assert_allclose(t.grad, tt.grad.numpy(), **tol)


@pytest.mark.parametrize(
    "name", ["relu", "leaky_relu", "leaky_relu_0.2", "elu", "elu_0.5", "selu", "gelu", "silu"]
)
def test_gradient_at_zero_matches_torch(name: str) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    fn, tname, kw = CASES[name]
    x = np.array([-1.0, 0.0, 1.0])
    t = mb.Tensor(x.copy(), requires_grad=True)
    fn(t).sum().backward()
    tt = torch.tensor(x, requires_grad=True)
    getattr(torch.nn.functional, tname)(tt, **kw).sum().backward()
    np.testing.assert_allclose(t.grad, tt.grad.numpy(), rtol=1e-12)


def test_textbook_values() -> None:
    x = mb.Tensor(np.array([-2.0, 0.0, 3.0]))
    assert A.leaky_relu(x).tolist() == [-0.02, 0.0, 3.0]  # PyTorch's default slope 0.01
    np.testing.assert_allclose(A.elu(x).data, [math.exp(-2) - 1, 0, 3])
    np.testing.assert_allclose(
        A.selu(x).data, [A.SELU_SCALE * A.SELU_ALPHA * (math.exp(-2) - 1), 0, A.SELU_SCALE * 3]
    )
    phi = [0.5 * (1 + math.erf(v / math.sqrt(2))) for v in (-2.0, 0.0, 3.0)]
    np.testing.assert_allclose(A.gelu(x).data, [-2 * phi[0], 0, 3 * phi[2]], rtol=1e-15)
    np.testing.assert_allclose(A.silu(x).data, [-2 / (1 + math.exp(2)), 0, 3 / (1 + math.exp(-3))])
    np.testing.assert_allclose(
        A.softplus(x).data, [math.log1p(math.exp(-2)), math.log(2), 3.0 + math.log1p(math.exp(-3))]
    )
    assert A.linear(x) is x


def test_step_is_forward_only() -> None:
    x = mb.Tensor([-0.5, 0.0, 2.0], requires_grad=True)
    y = mb.step(x)
    assert y.tolist() == [0.0, 0.0, 1.0]
    with pytest.raises(GraphError, match="gradient descent"):
        y.sum().backward()


EXTREME = {
    "sigmoid": (A.sigmoid, [0.0, 1.0, 0.5]),
    "softplus": (A.softplus, [0.0, 1e4, math.log(2)]),
    "silu": (A.silu, [0.0, 1e4, 0.0]),
    "gelu": (A.gelu, [0.0, 1e4, 0.0]),
    "gelu_tanh": (lambda x: A.gelu(x, "tanh"), [0.0, 1e4, 0.0]),
    "elu": (A.elu, [-1.0, 1e4, 0.0]),
    "selu": (A.selu, [-A.SELU_SCALE * A.SELU_ALPHA, A.SELU_SCALE * 1e4, 0.0]),
    "tanh": (A.tanh, [-1.0, 1.0, 0.0]),
    "leaky_relu": (A.leaky_relu, [-100.0, 1e4, 0.0]),
}


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", sorted(EXTREME))
def test_extreme_inputs_no_overflow_no_warning(name: str, dtype: type) -> None:
    fn, expected = EXTREME[name]
    x = mb.Tensor(np.array([-1e4, 1e4, 0.0], dtype=dtype), requires_grad=True)
    with np.errstate(all="raise"):
        y = fn(x)
        y.backward(np.ones(3, dtype))
    np.testing.assert_allclose(y.data, expected, rtol=1e-6)
    assert np.all(np.isfinite(x.grad))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("fn", [A.softmax, A.log_softmax], ids=["softmax", "log_softmax"])
def test_softmax_extreme_logits(fn, dtype: type) -> None:
    z = np.array([[-1e4, 0.0, 1e4], [1e4, 1e4, -1e4]], dtype=dtype)
    x = mb.Tensor(z, requires_grad=True)
    with np.errstate(all="raise"):
        y = fn(x)
        y.backward(np.ones_like(z))
    if fn is A.softmax:
        np.testing.assert_allclose(y.data, [[0, 0, 1], [0.5, 0.5, 0]], atol=1e-7)
    else:
        np.testing.assert_allclose(
            y.data, [[-2e4, -1e4, 0], [-math.log(2), -math.log(2), -2e4 - math.log(2)]]
        )
    assert np.all(np.isfinite(x.grad))


def test_erf_accuracy() -> None:
    x = np.linspace(-30, 30, 60001)
    ref = np.array([math.erf(v) for v in x])
    assert np.abs(A.erf(x) - ref).max() <= 2.3e-16  # the documented bound: 1 ulp of 1.0
    refc = np.array([math.erfc(v) for v in x])
    keep = refc > 1e-300
    rel = np.abs(A.erfc(x)[keep] - refc[keep]) / refc[keep]
    assert rel.max() <= 1e-15
    assert A.erfc(np.array([30.0, -30.0])).tolist() == [0.0, 2.0]
    x32 = x[::10].astype(np.float32)
    assert A.erf(x32).dtype == np.float32
    assert np.abs(A.erf(x32) - ref[::10]).max() < 2e-7


def test_gelu_rejects_unknown_approximation() -> None:
    with pytest.raises(ConfigError, match="approximate"):
        A.gelu(mb.Tensor([1.0]), approximate="fast")


NAMES = [
    "linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu",
    "gelu_tanh", "silu", "swish", "softplus", "softmax", "log_softmax",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_registry_and_activation_layer(name: str) -> None:
    fn = activations.get(name)
    assert activations.get(name.upper()) is fn
    x = np.random.default_rng(3).standard_normal((2, 4)).astype(np.float32)
    layer = Activation(name)
    np.testing.assert_array_equal(layer(x).data, fn(mb.Tensor(x)).data)
    assert activations.get(activations.name_of(fn)) is fn
    assert Activation(**{"activation": layer.get_config()["activation"]}).activation is fn


def test_registry_functions_are_the_ops() -> None:
    assert activations.get("swish") is ops.silu is ops.swish
    assert activations.get("gelu") is mb.gelu
    assert activations.get(None) is activations.linear
    with pytest.raises(ConfigError, match="unknown activation"):
        activations.get("relu6")

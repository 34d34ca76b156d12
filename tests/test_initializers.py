"""Initializers: each variance / range formula on a million draws, fans, seeds, orthogonality."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import initializers as I
from mitbadak.errors import ConfigError

DENSE = (1000, 500)  # (in, out): fan_in 1000, fan_out 500; 5e5 draws
CONV = (64, 32, 5, 5)  # (out, in, kh, kw): fan_in 800, fan_out 1600; 51200 draws
TRUNC_VAR = 0.87962566103423978**2  # variance of a unit normal truncated to [-2, 2]


def _check_moments(w: np.ndarray, var: float, kurtosis: float) -> None:
    """Sample mean and variance within 5 standard errors of the formula. For a distribution
    with this kurtosis, the sample variance has standard error var * sqrt((kurtosis - 1) / n)."""
    w = w.astype(np.float64).ravel()
    n = w.size
    assert abs(w.mean()) < 5 * math.sqrt(var / n)
    assert abs(w.var() - var) < 5 * var * math.sqrt((kurtosis - 1) / n)


# name -> (variance as a function of (fan_in, fan_out), kurtosis, bound as a function of var)
CASES = {
    "lecun_normal": (lambda i, o: 1 / i, None, lambda v: 2 * math.sqrt(v) / 0.8796256610342398),
    "lecun_uniform": (lambda i, o: 1 / i, 1.8, lambda v: math.sqrt(3 * v)),
    "glorot_normal": (lambda i, o: 2 / (i + o), None, lambda v: 2 * math.sqrt(v) / 0.8796256610342398),
    "glorot_uniform": (lambda i, o: 2 / (i + o), 1.8, lambda v: math.sqrt(3 * v)),
    "he_normal": (lambda i, o: 2 / i, None, lambda v: 2 * math.sqrt(v) / 0.8796256610342398),
    "he_uniform": (lambda i, o: 2 / i, 1.8, lambda v: math.sqrt(3 * v)),
}  # fmt: skip

# Kurtosis of a unit normal truncated to [-2, 2]: E[z^4] / E[z^2]^2.
_z = np.linspace(-2, 2, 400001)
_pdf = np.exp(-_z * _z / 2)
TRUNC_KURT = float((_z**4 * _pdf).sum() * (_pdf.sum()) / ((_z**2 * _pdf).sum()) ** 2)


@pytest.mark.parametrize("shape", [DENSE, CONV], ids=["dense", "conv"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_variance_scaling_formulas(name: str, shape: tuple[int, ...]) -> None:
    var_fn, kurt, bound_fn = CASES[name]
    fan_in, fan_out = I.compute_fans(shape)
    var = var_fn(fan_in, fan_out)
    w = type(I.get(name))(seed=7)(shape)
    assert w.shape == shape and w.dtype == np.float32
    _check_moments(w, var, kurt or TRUNC_KURT)
    bound = bound_fn(var)
    assert np.abs(w).max() <= bound * (1 + 1e-6)
    assert np.abs(w).max() > 0.99 * bound  # the range really is used up to its end


def test_fans() -> None:
    assert I.compute_fans(DENSE) == (1000, 500)
    assert I.compute_fans(CONV) == (32 * 25, 64 * 25)
    assert I.compute_fans((16, 3, 7)) == (21, 112)  # a 1-D convolution
    assert I.compute_fans((10,)) == (10, 10)
    assert I.compute_fans(()) == (1, 1)


def test_fans_match_torch_for_conv_kernels() -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    for shape in (CONV, (8, 3, 3, 3), (16, 3, 7)):
        got = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))
        assert I.compute_fans(shape) == tuple(got)
    # torch stores a dense weight as (out, in); mitbadak as (in, out), like Keras
    assert I.compute_fans((784, 256)) == torch.nn.init._calculate_fan_in_and_fan_out(
        torch.empty(256, 784)
    )


def test_plain_distributions() -> None:
    shape = (1000, 1000)
    w = I.RandomNormal(mean=0.5, stddev=0.1, seed=1)(shape)
    _check_moments(w - 0.5, 0.01, 3.0)
    w = I.RandomUniform(-0.3, 0.3, seed=2)(shape)
    _check_moments(w, 0.6**2 / 12, 1.8)
    assert w.min() >= -0.3 and w.max() <= 0.3
    w = I.TruncatedNormal(stddev=0.2, seed=3)(shape)
    _check_moments(w, 0.04 * TRUNC_VAR, TRUNC_KURT)
    assert np.abs(w).max() <= 0.4 + 1e-7
    assert I.get("random_normal").stddev == 0.05  # Keras' defaults
    assert I.get("random_uniform").maxval == 0.05


def test_constants() -> None:
    assert np.all(I.get("zeros")((3, 2)) == 0)
    assert np.all(I.get("ones")((3,)) == 1)
    assert I.Constant(0.1)((2,)).tolist() == [np.float32(0.1)] * 2
    assert I.Zeros()((2,), dtype="float64").dtype == np.float64


@pytest.mark.parametrize("shape", [(50, 20), (20, 50), (30, 30), (8, 4, 3, 3)])
def test_orthogonal(shape: tuple[int, ...]) -> None:
    w = I.Orthogonal(gain=1.0, seed=0)(shape, dtype="float64")
    m = w.reshape(shape[0], -1)
    small = min(m.shape)
    gram = m.T @ m if m.shape[0] >= m.shape[1] else m @ m.T
    np.testing.assert_allclose(gram, np.eye(small), atol=1e-12)
    w2 = I.Orthogonal(gain=2.0, seed=0)(shape, dtype="float64")
    np.testing.assert_allclose(w2, 2 * w)
    with pytest.raises(ConfigError):
        I.Orthogonal()((5,))


@pytest.mark.parametrize("name", sorted(I._REGISTRY))
def test_seeds_reproduce(name: str) -> None:
    cls = type(I.get(name))
    shape = (20, 30)
    a, b = cls(seed=3)(shape), cls(seed=3)(shape)
    np.testing.assert_array_equal(a, b)
    if name not in ("zeros", "ones", "constant"):
        assert not np.array_equal(a, cls(seed=4)(shape))
        mb.set_seed(11)
        c = cls()(shape)
        mb.set_seed(11)
        np.testing.assert_array_equal(c, cls()(shape))  # set_seed controls unseeded draws


def test_names_and_round_trip() -> None:
    assert type(I.get("xavier_uniform")) is I.GlorotUniform
    assert type(I.get("kaiming_normal")) is I.HeNormal
    for name in ("he_normal", "glorot_uniform", "constant", "orthogonal", "truncated_normal"):
        init = I.get(name)
        again = I.get(I.serialize(init))
        assert type(again) is type(init) and again.get_config() == init.get_config()
    with pytest.raises(ConfigError, match="unknown initializer"):
        I.get("he_magic")

"""Weight initializers, by name (``"he_normal"``) or as objects with a seed.

Fans: a dense kernel (in, out) has fan_in = in, fan_out = out. A convolution kernel laid out
(out_channels, in_channels, kh, kw) — mitbadak's layout, as in PyTorch — has
fan_in = in_channels * kh * kw and fan_out = out_channels * kh * kw.

| name | distribution |
|---|---|
| zeros / ones / constant | the value |
| random_normal | N(mean, stddev^2) |
| random_uniform | U(minval, maxval) |
| truncated_normal | N(mean, stddev^2) redrawn beyond 2 stddev |
| lecun_normal / lecun_uniform | variance 1 / fan_in |
| glorot_normal / glorot_uniform (xavier_*) | variance 2 / (fan_in + fan_out) |
| he_normal / he_uniform | variance 2 / fan_in |
| orthogonal | a random orthogonal matrix times gain |

The *_normal variance-scaling initializers use a truncated normal, as Keras does, with the
stddev corrected (divided by 0.8796) so the variance is exactly the one in the table.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import registry
from .errors import ConfigError
from .random import make_rng
from .tensor import get_default_dtype

# std of a unit normal truncated to [-2, 2]: the correction Keras' VarianceScaling applies.
_TRUNC_STD = 0.87962566103423978


def compute_fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """(fan_in, fan_out) of a weight of this shape, in mitbadak's layouts.

    Example:
        >>> compute_fans((784, 256)), compute_fans((32, 1, 3, 3))
        ((784, 256), (9, 288))
    """
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = int(np.prod(shape[2:]))
    return shape[1] * receptive, shape[0] * receptive


class Initializer:
    """Base class: call with a shape (and optional dtype) to get an array.

    Example:
        >>> HeNormal(seed=0)((3, 2)).shape
        (3, 2)
    """

    def __init__(self, seed: int | None = None) -> None:
        self.seed = seed

    def __call__(self, shape: tuple[int, ...], dtype: Any = None) -> np.ndarray:
        rng = make_rng(self.seed)
        out = self.sample(tuple(int(s) for s in shape), rng)
        return np.asarray(out, dtype=dtype or get_default_dtype())

    def sample(self, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Initializer:
        """Rebuild from :meth:`get_config`'s dict (the inverse of ``get_config``)."""
        if registry.is_registered("initializers", cls):  # VarianceScaling's presets
            return get({"class_name": cls.__name__, "config": config})
        return cls(**config)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


class Zeros(Initializer):
    """All zeros. Fine for biases; for weights it makes every unit of a layer identical."""

    def sample(self, shape, rng):
        return np.zeros(shape)


class Ones(Initializer):
    """All ones (e.g. batch-norm scale)."""

    def sample(self, shape, rng):
        return np.ones(shape)


class Constant(Initializer):
    """Every entry equal to ``value``.  Example: ``Constant(0.1)((2,))`` -> [0.1, 0.1]."""

    def __init__(self, value: float = 0.0, seed: int | None = None) -> None:
        super().__init__(seed)
        self.value = value

    def sample(self, shape, rng):
        return np.full(shape, self.value)


class RandomNormal(Initializer):
    """N(mean, stddev^2).  Example: ``RandomNormal(stddev=0.01, seed=1)((784, 100))``."""

    def __init__(self, mean: float = 0.0, stddev: float = 0.05, seed: int | None = None) -> None:
        super().__init__(seed)
        self.mean, self.stddev = mean, stddev

    def sample(self, shape, rng):
        return rng.normal(self.mean, self.stddev, shape)


class RandomUniform(Initializer):
    """U(minval, maxval).  Example: ``RandomUniform(-0.1, 0.1)((3, 3))``."""

    def __init__(self, minval: float = -0.05, maxval: float = 0.05, seed: int | None = None):
        super().__init__(seed)
        self.minval, self.maxval = minval, maxval

    def sample(self, shape, rng):
        return rng.uniform(self.minval, self.maxval, shape)


def _truncated_normal(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Unit normal samples, values beyond 2 standard deviations redrawn."""
    out = rng.standard_normal(shape)
    bad = np.abs(out) > 2
    while bad.any():
        out[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(out) > 2
    return out


class TruncatedNormal(Initializer):
    """N(mean, stddev^2) with values beyond 2 stddev redrawn (Keras' definition)."""

    def __init__(self, mean: float = 0.0, stddev: float = 0.05, seed: int | None = None) -> None:
        super().__init__(seed)
        self.mean, self.stddev = mean, stddev

    def sample(self, shape, rng):
        return self.mean + self.stddev * _truncated_normal(rng, shape)


class VarianceScaling(Initializer):
    """Variance = scale / n, where n is fan_in, fan_out or their average (``mode``).

    ``distribution`` is ``"truncated_normal"``, ``"normal"`` or ``"uniform"`` (U(-l, l) with
    l = sqrt(3 * variance), whose variance is l^2 / 3).
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: str = "fan_in",
        distribution: str = "truncated_normal",
        seed: int | None = None,
    ) -> None:
        super().__init__(seed)
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ConfigError(key="error.initializers.unknown_mode", mode=mode)
        if distribution not in ("truncated_normal", "normal", "uniform"):
            raise ConfigError(
                key="error.initializers.unknown_distribution", distribution=distribution
            )
        self.scale, self.mode, self.distribution = scale, mode, distribution

    def sample(self, shape, rng):
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2}[self.mode]
        var = self.scale / max(1.0, n)
        if self.distribution == "uniform":
            limit = np.sqrt(3.0 * var)
            return rng.uniform(-limit, limit, shape)
        if self.distribution == "normal":
            return rng.normal(0.0, np.sqrt(var), shape)
        return np.sqrt(var) / _TRUNC_STD * _truncated_normal(rng, shape)


class LecunNormal(VarianceScaling):
    """Variance 1 / fan_in (LeCun 1998), truncated normal. Suits SELU and tanh."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(1.0, "fan_in", "truncated_normal", seed)


class LecunUniform(VarianceScaling):
    """U(-l, l), l = sqrt(3 / fan_in): variance 1 / fan_in."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(1.0, "fan_in", "uniform", seed)


class GlorotNormal(VarianceScaling):
    """Xavier/Glorot normal (2010): variance 2 / (fan_in + fan_out), truncated normal.
    Keeps signal variance steady through sigmoid/tanh layers in both directions."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(1.0, "fan_avg", "truncated_normal", seed)


class GlorotUniform(VarianceScaling):
    """Xavier/Glorot uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)). Keras' default."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(1.0, "fan_avg", "uniform", seed)


class HeNormal(VarianceScaling):
    """He/Kaiming normal (2015): variance 2 / fan_in, truncated normal. The ReLU's choice: half
    the units are zero, so twice the variance keeps the signal's scale."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(2.0, "fan_in", "truncated_normal", seed)


class HeUniform(VarianceScaling):
    """He uniform: U(-l, l), l = sqrt(6 / fan_in): variance 2 / fan_in."""

    def __init__(self, seed: int | None = None) -> None:
        super().__init__(2.0, "fan_in", "uniform", seed)


class Orthogonal(Initializer):
    """A random orthogonal matrix (QR of a Gaussian matrix, signs fixed) times ``gain``.
    Higher-rank shapes are flattened to (shape[0], rest)."""

    def __init__(self, gain: float = 1.0, seed: int | None = None) -> None:
        super().__init__(seed)
        self.gain = gain

    def sample(self, shape, rng):
        if len(shape) < 2:
            raise ConfigError(key="error.initializers.needs_shape_dims", shape=shape)
        rows, cols = shape[0], int(np.prod(shape[1:]))
        a = rng.standard_normal((max(rows, cols), min(rows, cols)))
        q, r = np.linalg.qr(a)
        q *= np.sign(np.diag(r))  # makes the distribution uniform over orthogonal matrices
        if rows < cols:
            q = q.T
        return np.ascontiguousarray(self.gain * q.reshape(shape))  # q.T is Fortran-ordered


_REGISTRY: dict[str, type[Initializer]] = {
    "zeros": Zeros,
    "ones": Ones,
    "constant": Constant,
    "random_normal": RandomNormal,
    "normal": RandomNormal,
    "random_uniform": RandomUniform,
    "uniform": RandomUniform,
    "truncated_normal": TruncatedNormal,
    "lecun_normal": LecunNormal,
    "lecun_uniform": LecunUniform,
    "glorot_normal": GlorotNormal,
    "glorot_uniform": GlorotUniform,
    "xavier_normal": GlorotNormal,
    "xavier_uniform": GlorotUniform,
    "he_normal": HeNormal,
    "he_uniform": HeUniform,
    "kaiming_normal": HeNormal,
    "kaiming_uniform": HeUniform,
    "orthogonal": Orthogonal,
    "variance_scaling": VarianceScaling,
}
registry.family("initializers", _REGISTRY)  # the one registry holds this table


def get(identifier: Any) -> Initializer:
    """Resolve a name, an Initializer, a class or a config dict to an Initializer.

    Example:
        >>> get("he_normal")
        HeNormal(seed=None, scale=2.0, mode='fan_in', distribution='truncated_normal')
    """
    if isinstance(identifier, Initializer):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, Initializer):
        return identifier()
    if isinstance(identifier, dict):
        cls = registry.lookup("initializers", identifier.get("class_name"))
        if not isinstance(cls, type):
            raise ConfigError(
                key="error.initializers.unknown_initializer_config", identifier=identifier
            )
        cfg = dict(identifier.get("config", {}))
        if cls.__init__ is not VarianceScaling.__init__ and issubclass(cls, VarianceScaling):
            cfg = {"seed": cfg.get("seed")}
        return cls(**cfg)
    if isinstance(identifier, str):
        cls = registry.lookup("initializers", identifier)
        if isinstance(cls, type):
            return cls()
        raise ConfigError(
            key="error.initializers.unknown_initializer",
            identifier=identifier,
            names=sorted(_REGISTRY),
        )
    if callable(identifier):
        fn = identifier

        class _Fn(Initializer):
            def sample(self, shape, rng):
                return fn(shape)

        return _Fn()
    raise ConfigError(key="error.initializers.interpret_initializer", identifier=identifier)


def serialize(init: Initializer) -> dict[str, Any]:
    """A JSON-able description of an initializer (inverse of :func:`get`)."""
    return {"class_name": type(init).__name__, "config": init.get_config()}

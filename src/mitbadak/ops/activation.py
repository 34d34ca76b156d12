"""Activation functions with their derivatives.

Each backward is the textbook derivative written in terms of the saved output ``y`` where that
is cheaper: sigmoid' = y(1 - y), tanh' = 1 - y^2, relu' = [x > 0].

| function | y = f(x) | dy/dx |
|---|---|---|
| step | 1 if x > 0 else 0 | none: forward only (see ``Step``) |
| sigmoid | 1 / (1 + e^-x) | y (1 - y) |
| tanh | tanh x | 1 - y^2 |
| relu | max(0, x) | 1 if x > 0 else 0 |
| leaky_relu | x if x > 0 else a x (a = 0.01) | 1 if x > 0 else a |
| elu | x if x > 0 else a (e^x - 1) (a = 1) | 1 if x > 0 else a e^x |
| selu | s * elu(x, a), s = 1.0507, a = 1.6733 | s if x > 0 else s a e^x |
| gelu | x Phi(x), Phi = normal CDF | Phi(x) + x phi(x) |
| silu / swish | x sigmoid(x) | s (1 + x (1 - s)), s = sigmoid(x) |
| softplus | log(1 + e^x) | sigmoid(x) |
| softmax | e^x_i / sum_j e^x_j | dx = y (g - sum(g y)) |
| log_softmax | x_i - log sum_j e^x_j | dx = g - softmax(x) sum(g) |
| linear | x | 1 |

Nothing here overflows or warns, even for inputs of +-1e4: sigmoid is (1 + tanh(x/2)) / 2,
softplus is max(x, 0) + log1p(e^-|x|), softmax subtracts the maximum first, and exponentials
that underflow to 0 (the right value) do so silently.
"""

from __future__ import annotations

import numpy as np

from ..backend import array_module
from ..errors import GraphError
from ..tensor import Function, Tensor


class Sigmoid(Function):
    """y = 1 / (1 + e^-x);  dy/dx = y (1 - y).

    Computed as (1 + tanh(x/2)) / 2, the same function, which never overflows for large |x|.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        y = xp.tanh(x * 0.5)
        y += 1
        y *= 0.5
        self.y = y
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        y = self.y
        return g * y * (1 - y)


class Tanh(Function):
    """y = tanh x;  dy/dx = 1 - y^2."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.y = xp.tanh(x)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g * (1 - self.y * self.y)


class ReLU(Function):
    """y = max(0, x);  dy/dx = 1 if x > 0 else 0 (0 at x = 0, as in PyTorch)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        y = xp.maximum(x, 0)
        self.y = y
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        # y > 0 exactly where x > 0, so the output doubles as the mask: no extra array kept.
        # g * mask, not np.where(mask, g, 0): the same numbers for finite g, ~9x faster.
        return g * (self.y > 0)


class Softmax(Function):
    """y_i = e^{x_i} / sum_j e^{x_j} along ``axis``;  dx = y * (g - sum(g * y)).

    The maximum is subtracted first: softmax(x) = softmax(x - c), and e^{x - max} <= 1 never
    overflows.
    """

    def __init__(self, axis: int = -1) -> None:
        self.axis = axis

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        with np.errstate(under="ignore"):  # e^{-1e4} -> 0 is the right value
            e = xp.exp(x - x.max(axis=self.axis, keepdims=True))
        e /= e.sum(axis=self.axis, keepdims=True)
        self.y = e
        return e

    def backward(self, g: np.ndarray) -> np.ndarray:
        y = self.y
        with np.errstate(under="ignore"):
            return y * (g - (g * y).sum(axis=self.axis, keepdims=True))


class LogSoftmax(Function):
    """y = x - log sum_j e^{x_j} (log-sum-exp with the max subtracted);
    dx = g - softmax(x) * sum(g)."""

    def __init__(self, axis: int = -1) -> None:
        self.axis = axis

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        shifted = x - x.max(axis=self.axis, keepdims=True)
        with np.errstate(under="ignore"):
            self.y = shifted - xp.log(xp.exp(shifted).sum(axis=self.axis, keepdims=True))
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        with np.errstate(under="ignore"):
            return g - xp.exp(self.y) * g.sum(axis=self.axis, keepdims=True)


class Step(Function):
    """The Heaviside step: y = 1 if x > 0 else 0 (the perceptron's threshold unit).

    It has no usable derivative: it is 0 everywhere except at 0, where it does not exist. A
    gradient of 0 tells gradient descent nothing about which way to move the weights, so a
    network of step units cannot be trained by backpropagation; that is why sigmoid (a smooth
    step) replaced it. ``backward`` therefore refuses instead of silently returning zeros.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        return (x > 0).astype(x.dtype)

    def backward(self, g: np.ndarray) -> np.ndarray:
        raise GraphError(key="error.ops.activation.step_function_zero")


def sigmoid(x: Tensor) -> Tensor:
    """Logistic sigmoid 1 / (1 + e^-x), finite for any input.

    Example:
        >>> sigmoid(Tensor([0.0, 1e4, -1e4])).tolist()
        [0.5, 1.0, 0.0]
    """
    return Sigmoid.apply(x)


def tanh(x: Tensor) -> Tensor:
    """Hyperbolic tangent.  Example: ``tanh(Tensor([0.0]))`` -> ``[0.0]``."""
    return Tanh.apply(x)


def relu(x: Tensor) -> Tensor:
    """Rectified linear unit max(0, x).

    Example:
        >>> relu(Tensor([-1.0, 2.0])).tolist()
        [0.0, 2.0]
    """
    return ReLU.apply(x)


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    """Softmax along ``axis``: positive values summing to 1.

    Example:
        >>> softmax(Tensor([0.0, 0.0])).tolist()
        [0.5, 0.5]
    """
    return Softmax.apply(x, axis=axis)


def log_softmax(x: Tensor, axis: int = -1) -> Tensor:
    """log(softmax(x)), computed stably.  Example: ``log_softmax(Tensor([0.0, 0.0]))`` -> log 0.5."""
    return LogSoftmax.apply(x, axis=axis)


def step(x: Tensor) -> Tensor:
    """Heaviside step (1 where x > 0, else 0). Forward only: see :class:`Step` for why.

    Example:
        >>> step(Tensor([-0.5, 0.0, 2.0])).tolist()
        [0.0, 0.0, 1.0]
    """
    return Step.apply(x)


# ----------------------------------------------------------------------------------------------
# The error function (for the exact GELU), after W. J. Cody, "Rational Chebyshev approximations
# for the error function", Math. Comp. 23 (1969), the CALERF routine of SPECFUN. NumPy has no
# erf, and looping over math.erf is far too slow for activations, so erf is evaluated here with
# Cody's three rational approximations:
#   |x| <= 0.46875:       erf(x)  = x R1(x^2)
#   0.46875 < |x| <= 4:   erfc(x) = exp(-x^2) R2(|x|)
#   |x| > 4:              erfc(x) = exp(-x^2) / |x| (1/sqrt(pi) + R3(1/x^2) / x^2)
# exp(-x^2) is computed as exp(-s^2) exp(-(x - s)(x + s)) with s = x rounded down to 1/16, which
# keeps its rounding error small for large x. Measured against math.erf / math.erfc on 2e5
# points in [-30, 30] and 1e6 random ones (float64): erf within 2.3e-16 absolute (1 ulp of 1.0),
# erfc within 1e-15 relative where erfc(x) > 1e-300 (a few ulps). In float32: within 2e-7.
# ----------------------------------------------------------------------------------------------
_ERF_A = (3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
          3.20937758913846947e03, 1.85777706184603153e-1)  # fmt: skip
_ERF_B = (2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
          2.84423683343917062e03)  # fmt: skip
_ERF_C = (5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
          2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
          2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8)  # fmt: skip
_ERF_D = (1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
          1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
          3.43936767414372164e03, 1.23033935480374942e03)  # fmt: skip
_ERF_P = (3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
          1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2)  # fmt: skip
_ERF_Q = (2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
          6.05183413124413191e-2, 2.33520497626869185e-3)  # fmt: skip
_INV_SQRT_PI = 0.56418958354775628695
_ERF_XBIG = 26.543  # erfc(x) is below the smallest double beyond this


def _erf_small(x: np.ndarray) -> np.ndarray:
    """erf(x) for |x| <= 0.46875: x * P(x^2) / Q(x^2)."""
    a, b = _ERF_A, _ERF_B
    z = x * x
    num, den = a[4] * z, z
    for i in range(3):
        num = (num + a[i]) * z
        den = (den + b[i]) * z
    return x * (num + a[3]) / (den + b[3])


def _erfc_large(y: np.ndarray) -> np.ndarray:
    """erfc(y) for y > 0.46875 (y >= 0 only)."""
    xp = array_module(y)
    out = xp.zeros_like(y)
    mid = y <= 4.0
    ym = y[mid]
    if ym.size:
        c, d = _ERF_C, _ERF_D
        num, den = c[8] * ym, ym
        for i in range(7):
            num = (num + c[i]) * ym
            den = (den + d[i]) * ym
        out[mid] = (num + c[7]) / (den + d[7])
    tail = ~mid & (y < _ERF_XBIG)
    yt = y[tail]
    if yt.size:
        p, q = _ERF_P, _ERF_Q
        z = 1.0 / (yt * yt)
        num, den = p[5] * z, z
        for i in range(4):
            num = (num + p[i]) * z
            den = (den + q[i]) * z
        out[tail] = (_INV_SQRT_PI - z * (num + p[4]) / (den + q[4])) / yt
    keep = y < _ERF_XBIG
    yk = y[keep]
    s = xp.trunc(yk * 16.0) / 16.0  # exp(-y^2) = exp(-s^2) exp(-(y - s)(y + s)), accurately
    with np.errstate(under="ignore"):  # erfc underflowing to 0 is the right answer
        out[keep] *= xp.exp(-s * s) * xp.exp(-(yk - s) * (yk + s))
    return out


def erf(x: np.ndarray) -> np.ndarray:
    """The error function erf(x) = 2/sqrt(pi) int_0^x e^{-t^2} dt, on arrays (not a graph op).

    Cody's rational approximations (see the comment above): float64 results are within
    2.3e-16 of the true value. The dtype of ``x`` is kept (float32 stays float32).

    Example:
        >>> round(float(erf(np.array(1.0))), 12)
        0.84270079295
    """
    xp = array_module(x)
    x = xp.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    y = xp.abs(x)
    small = y <= 0.46875
    out = xp.empty_like(x)
    out[small] = _erf_small(x[small])
    big = ~small
    xb = x[big]
    out[big] = xp.copysign(0.5 - _erfc_large(xp.abs(xb)) + 0.5, xb)
    return out


def erfc(x: np.ndarray) -> np.ndarray:
    """The complementary error function 1 - erf(x), accurate also where it is tiny (x >> 1).

    Example:
        >>> float(erfc(np.array(5.0)))      # 1 - erf(5) would give 1.53744e-12
        1.537459794428035e-12
    """
    xp = array_module(x)
    x = xp.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    y = xp.abs(x)
    small = y <= 0.46875
    out = xp.empty_like(x)
    out[small] = 1.0 - _erf_small(x[small])
    big = ~small
    xb = x[big]
    r = _erfc_large(xp.abs(xb))
    out[big] = xp.where(xb < 0, 2.0 - r, r)
    return out


# ----------------------------------------------------------------------------------------------
# More activations. Each forward says y = f(x), each backward the derivative it multiplies by.
# ----------------------------------------------------------------------------------------------
class LeakyReLU(Function):
    """y = x if x > 0 else a x;  dy/dx = 1 if x > 0 else a (``a`` at x = 0, as in PyTorch).

    ``negative_slope`` a defaults to PyTorch's 0.01 (Keras' ``leaky_relu`` uses 0.2 and its
    ``LeakyReLU`` layer 0.3; pass the value you want).
    """

    def __init__(self, negative_slope: float = 0.01) -> None:
        self.negative_slope = negative_slope

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.positive = x > 0
        return xp.where(self.positive, x, x * self.negative_slope)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return xp.where(self.positive, g, g * self.negative_slope)


class ELU(Function):
    """y = x if x > 0 else a (e^x - 1);  dy/dx = 1 if x > 0 else a e^x = y + a.

    ``expm1`` of min(x, 0) keeps small negative x accurate and never overflows for large x.
    """

    def __init__(self, alpha: float = 1.0, scale: float = 1.0) -> None:
        self.alpha, self.scale = alpha, scale

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.positive = x > 0
        neg = xp.expm1(xp.minimum(x, 0))
        neg *= self.alpha
        y = xp.where(self.positive, x, neg)
        self.neg = neg  # a (e^x - 1) for x <= 0; its derivative is neg + a
        if self.scale != 1.0:
            y *= self.scale
        return y

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        d = xp.where(self.positive, 1.0, self.neg + self.alpha).astype(g.dtype, copy=False)
        if self.scale != 1.0:
            d *= self.scale
        return g * d


# SELU's constants (Klambauer et al. 2017): with lecun_normal weights they keep activations at
# mean 0 and variance 1 through the layers ("self-normalizing").
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

_SQRT_HALF = 0.70710678118654752440
_INV_SQRT_2PI = 0.39894228040143267794
_SQRT_2_OVER_PI = 0.79788456080286535588


class GELU(Function):
    """Gaussian error linear unit (Hendrycks & Gimpel 2016): y = x Phi(x), where
    Phi(x) = (1 + erf(x / sqrt 2)) / 2 is the standard normal CDF;
    dy/dx = Phi(x) + x phi(x), phi(x) = e^{-x^2/2} / sqrt(2 pi).

    ``approximate="tanh"``: y = x (1 + t) / 2 with t = tanh(u), u = sqrt(2/pi) (x + 0.044715 x^3);
    dy/dx = (1 + t) / 2 + x (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2) / 2.
    Phi is computed as erfc(-x / sqrt 2) / 2, accurate also far in the negative tail.
    """

    def __init__(self, approximate: str = "none") -> None:
        self.approximate = approximate

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        if self.approximate == "tanh":
            u = _SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)
            self.t = xp.tanh(u)
            return 0.5 * x * (1 + self.t)
        self.cdf = 0.5 * erfc(-_SQRT_HALF * x)
        return x * self.cdf

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        x = self.x
        if self.approximate == "tanh":
            t = self.t
            du = _SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x)
            return g * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du)
        with np.errstate(under="ignore"):  # phi(x) underflows to 0 for |x| > 38: correct
            pdf = _INV_SQRT_2PI * xp.exp(-0.5 * x * x)
        return g * (self.cdf + x * pdf)


class SiLU(Function):
    """Sigmoid-weighted linear unit, also called swish: y = x s, s = sigmoid(x);
    dy/dx = s + x s (1 - s) = s (1 + x (1 - s))."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        s = xp.tanh(x * 0.5)  # sigmoid as (1 + tanh(x/2)) / 2: no overflow
        s += 1
        s *= 0.5
        self.x, self.s = x, s
        return x * s

    def backward(self, g: np.ndarray) -> np.ndarray:
        s = self.s
        return g * (s * (1 + self.x * (1 - s)))


class Softplus(Function):
    """y = log(1 + e^x), a smooth relu;  dy/dx = sigmoid(x).

    Computed as max(x, 0) + log1p(e^{-|x|}): the exponent is never positive, so nothing
    overflows, and log1p keeps the small correction exact.
    """

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        with np.errstate(under="ignore"):  # e^{-|x|} -> 0 for |x| > 745 is the right value
            return xp.maximum(x, 0) + xp.log1p(xp.exp(-xp.abs(x)))

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        s = xp.tanh(self.x * 0.5)
        s += 1
        s *= 0.5
        return g * s


def leaky_relu(x: Tensor, negative_slope: float = 0.01) -> Tensor:
    """Leaky ReLU: x for x > 0, ``negative_slope * x`` otherwise (PyTorch's default 0.01).

    Example:
        >>> leaky_relu(Tensor([-2.0, 3.0])).tolist()
        [-0.019999999552965164, 3.0]
    """
    return LeakyReLU.apply(x, negative_slope=negative_slope)


def elu(x: Tensor, alpha: float = 1.0) -> Tensor:
    """Exponential linear unit: x for x > 0, ``alpha * (e^x - 1)`` otherwise.

    Example:
        >>> round(elu(Tensor([-1.0])).item(), 6)       # e^-1 - 1
        -0.632121
    """
    return ELU.apply(x, alpha=alpha)


def selu(x: Tensor) -> Tensor:
    """Scaled ELU: ``1.0507 * elu(x, alpha=1.6733)`` (self-normalizing networks; use with
    ``lecun_normal`` weights).

    Example:
        >>> round(selu(Tensor([1.0])).item(), 4)
        1.0507
    """
    return ELU.apply(x, alpha=SELU_ALPHA, scale=SELU_SCALE)


def gelu(x: Tensor, approximate: str = "none") -> Tensor:
    """GELU, x * Phi(x) with Phi the normal CDF (exact, through erf); ``approximate="tanh"``
    uses the tanh formula of BERT / GPT-2. Both match ``torch.nn.functional.gelu``.

    Example:
        >>> round(gelu(Tensor([1.0])).item(), 6)       # 1 * Phi(1)
        0.841345
    """
    if approximate not in ("none", "tanh"):
        from ..errors import ConfigError

        raise ConfigError(key="error.ops.activation.approximate_none_tanh", approximate=approximate)
    return GELU.apply(x, approximate=approximate)


def silu(x: Tensor) -> Tensor:
    """SiLU / swish: ``x * sigmoid(x)``.

    Example:
        >>> round(silu(Tensor([1.0])).item(), 6)
        0.731059
    """
    return SiLU.apply(x)


swish = silu


def softplus(x: Tensor) -> Tensor:
    """Softplus ``log(1 + e^x)``, stable for any input.

    Example:
        >>> softplus(Tensor([0.0, 1e4, -1e4])).tolist()   # log 2, x, 0
        [0.6931471824645996, 10000.0, 0.0]
    """
    return Softplus.apply(x)


def linear(x: Tensor) -> Tensor:
    """The identity, y = x, dy/dx = 1 (a layer with no activation).

    Example:
        >>> t = Tensor([1.0]); linear(t) is t
        True
    """
    return x

"""Element-wise arithmetic, powers, exp/log, and matrix multiplication.

Each class is one node type of the graph: ``forward`` computes the value, ``backward`` applies
the local derivative to the incoming gradient ``g`` (the chain rule). Broadcast inputs have
their gradients summed back to their own shape by ``unbroadcast``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..backend import array_module
from ..errors import ShapeError
from ..tensor import Function, Tensor
from ._util import broadcast_check, to_tensor, unbroadcast


class Add(Function):
    """y = a + b;  dy/da = 1, dy/db = 1."""

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if a.shape != b.shape:
            broadcast_check("add", a, b)
        self.shapes = a.shape, b.shape
        return a + b

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return unbroadcast(g, self.shapes[0]), unbroadcast(g, self.shapes[1])


class Sub(Function):
    """y = a - b;  dy/da = 1, dy/db = -1."""

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if a.shape != b.shape:
            broadcast_check("sub", a, b)
        self.shapes = a.shape, b.shape
        return a - b

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        gb = unbroadcast(-g, self.shapes[1]) if self.needs_input_grad[1] else None
        return unbroadcast(g, self.shapes[0]), gb


class Mul(Function):
    """y = a * b;  dy/da = b, dy/db = a."""

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if a.shape != b.shape:
            broadcast_check("mul", a, b)
        self.a, self.b = a, b
        return a * b

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        ga = unbroadcast(g * self.b, self.a.shape) if self.needs_input_grad[0] else None
        gb = unbroadcast(g * self.a, self.b.shape) if self.needs_input_grad[1] else None
        return ga, gb


class Div(Function):
    """y = a / b;  dy/da = 1/b, dy/db = -a/b^2."""

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if a.shape != b.shape:
            broadcast_check("div", a, b)
        self.a, self.b = a, b
        return a / b

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        ga = unbroadcast(g / self.b, self.a.shape) if self.needs_input_grad[0] else None
        gb = None
        if self.needs_input_grad[1]:
            gb = unbroadcast(-g * self.a / (self.b * self.b), self.b.shape)
        return ga, gb


class Neg(Function):
    """y = -x;  dy/dx = -1."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        return -x

    def backward(self, g: np.ndarray) -> np.ndarray:
        return -g


class Pow(Function):
    """y = a ** b;  dy/da = b a^(b-1), dy/db = a^b ln a (defined for a > 0)."""

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if a.shape != b.shape:
            broadcast_check("pow", a, b)
        self.a, self.b = a, b
        self.y = a**b
        return self.y

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        xp = array_module(g)
        a, b = self.a, self.b
        ga = unbroadcast(g * b * a ** (b - 1), a.shape) if self.needs_input_grad[0] else None
        gb = None
        if self.needs_input_grad[1]:
            with np.errstate(divide="ignore", invalid="ignore"):
                gb = unbroadcast(g * self.y * xp.log(xp.where(a > 0, a, 1)), b.shape)
        return ga, gb


class Exp(Function):
    """y = e^x;  dy/dx = e^x = y."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.y = xp.exp(x)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g * self.y


class Log(Function):
    """y = ln x;  dy/dx = 1/x."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return xp.log(x)

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g / self.x


class Sqrt(Function):
    """y = sqrt(x);  dy/dx = 1 / (2 sqrt(x))."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.y = xp.sqrt(x)
        return self.y

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g / (2 * self.y)


class Abs(Function):
    """y = |x|;  dy/dx = sign(x) (0 at 0, as in PyTorch)."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return xp.abs(x)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        return g * xp.sign(self.x)


class Clip(Function):
    """y = min(max(x, lo), hi);  dy/dx = 1 where lo <= x <= hi, else 0 (PyTorch's clamp)."""

    def __init__(self, lo: float | None, hi: float | None) -> None:
        self.lo, self.hi = lo, hi

    def forward(self, x: np.ndarray) -> np.ndarray:
        xp = array_module(x)
        self.x = x
        return xp.clip(x, self.lo, self.hi)

    def backward(self, g: np.ndarray) -> np.ndarray:
        xp = array_module(g)
        inside = xp.ones(self.x.shape, bool)
        if self.lo is not None:
            inside &= self.x >= self.lo
        if self.hi is not None:
            inside &= self.x <= self.hi
        return g * inside


class Maximum(Function):
    """y = max(a, b) element-wise; the gradient goes to the larger input (half each on ties)."""

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        xp = array_module(a, b)
        if a.shape != b.shape:
            broadcast_check("maximum", a, b)
        self.a, self.b = a, b
        return xp.maximum(a, b)

    def backward(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        share = (self.a > self.b) + 0.5 * (self.a == self.b)
        return unbroadcast(g * share, self.a.shape), unbroadcast(g * (1 - share), self.b.shape)


class MatMul(Function):
    """Y = A @ B (with batch dimensions);  dA = G @ B^T,  dB = A^T @ G.

    1-D operands follow NumPy: a vector on the left is a row, on the right a column.
    """

    def forward(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if a.ndim == 0 or b.ndim == 0:
            raise ShapeError(key="error.ops.operands_least_dim", shape=a.shape, shape2=b.shape)
        ka = a.shape[-1]
        kb = b.shape[-2] if b.ndim > 1 else b.shape[0]
        if ka != kb:
            raise ShapeError(
                key="error.ops.multiply_inner_dimensions",
                shape=a.shape,
                shape2=b.shape,
                ka=ka,
                kb=kb,
            )
        try:
            np.broadcast_shapes(a.shape[:-2], b.shape[:-2])
        except ValueError:
            raise ShapeError(
                key="error.ops.batch_dimensions_broadcast", shape=a.shape, shape2=b.shape
            ) from None
        self.a, self.b = a, b
        return a @ b

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        xp = array_module(g)
        a, b = self.a, self.b
        # Promote vectors to matrices so one formula serves every case.
        a2 = a[None, :] if a.ndim == 1 else a
        b2 = b[:, None] if b.ndim == 1 else b
        g2 = xp.asarray(g)
        if b.ndim == 1:  # restore the column axis the product dropped
            g2 = g2[..., None]
        if a.ndim == 1:  # and the row axis
            g2 = g2[..., None, :]
        ga = gb = None
        if self.needs_input_grad[0]:
            ga = g2 @ xp.swapaxes(b2, -1, -2)
            ga = unbroadcast(ga, a2.shape).reshape(a.shape)
        if self.needs_input_grad[1]:
            if a2.ndim == 2 and g2.ndim == 2:
                gb = a2.T @ g2
            else:
                gb = xp.swapaxes(a2, -1, -2) @ g2
            gb = unbroadcast(gb, b2.shape).reshape(b.shape)
        return ga, gb


# ----------------------------------------------------------------------- functional forms
def add(a: Any, b: Any) -> Tensor:
    """Element-wise ``a + b`` with broadcasting.

    Example:
        >>> add(Tensor([1.0, 2.0]), 1.0).tolist()
        [2.0, 3.0]
    """
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return Add.apply(a, to_tensor(b, a))


def sub(a: Any, b: Any) -> Tensor:
    """Element-wise ``a - b``.  Example: ``sub(Tensor([3.0]), 1.0)`` -> ``[2.0]``."""
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return Sub.apply(a, to_tensor(b, a))


def mul(a: Any, b: Any) -> Tensor:
    """Element-wise ``a * b``.  Example: ``mul(Tensor([3.0]), 2.0)`` -> ``[6.0]``."""
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return Mul.apply(a, to_tensor(b, a))


def div(a: Any, b: Any) -> Tensor:
    """Element-wise ``a / b``.  Example: ``div(Tensor([3.0]), 2.0)`` -> ``[1.5]``."""
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return Div.apply(a, to_tensor(b, a))


def neg(x: Tensor) -> Tensor:
    """``-x``.  Example: ``neg(Tensor([1.0]))`` -> ``[-1.0]``."""
    return Neg.apply(x)


def pow(a: Any, b: Any) -> Tensor:  # noqa: A001 - mirrors the operator name
    """Element-wise ``a ** b``.  Example: ``pow(Tensor([3.0]), 2)`` -> ``[9.0]``."""
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return Pow.apply(a, to_tensor(b, a))


def exp(x: Tensor) -> Tensor:
    """Element-wise e^x.  Example: ``exp(Tensor([0.0]))`` -> ``[1.0]``."""
    return Exp.apply(x)


def log(x: Tensor) -> Tensor:
    """Element-wise natural logarithm.  Example: ``log(Tensor([1.0]))`` -> ``[0.0]``."""
    return Log.apply(x)


def sqrt(x: Tensor) -> Tensor:
    """Element-wise square root.  Example: ``sqrt(Tensor([4.0]))`` -> ``[2.0]``."""
    return Sqrt.apply(x)


def abs(x: Tensor) -> Tensor:  # noqa: A001
    """Element-wise absolute value.  Example: ``abs(Tensor([-2.0]))`` -> ``[2.0]``."""
    return Abs.apply(x)


def clip(x: Tensor, lo: float | None = None, hi: float | None = None) -> Tensor:
    """Clamp values into ``[lo, hi]``.  Example: ``clip(Tensor([-1.0, 5.0]), 0, 1)`` -> ``[0, 1]``."""
    return Clip.apply(x, lo=lo, hi=hi)


def maximum(a: Any, b: Any) -> Tensor:
    """Element-wise maximum.  Example: ``maximum(Tensor([1.0, 3.0]), 2.0)`` -> ``[2, 3]``."""
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return Maximum.apply(a, to_tensor(b, a))


def minimum(a: Any, b: Any) -> Tensor:
    """Element-wise minimum, as ``-maximum(-a, -b)``."""
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return neg(maximum(neg(a), neg(to_tensor(b, a))))


def matmul(a: Any, b: Any) -> Tensor:
    """Matrix product with NumPy's rules (batch dims broadcast, 1-D vectors promoted).

    Example:
        >>> matmul(Tensor([[1.0, 2.0]]), Tensor([[3.0], [4.0]])).tolist()
        [[11.0]]
    """
    a = to_tensor(a, b if isinstance(b, Tensor) else None)
    return MatMul.apply(a, to_tensor(b, a))

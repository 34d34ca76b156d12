"""Check analytic gradients against finite differences.

For a function f of tensors, the central difference
    (f(x + eps e_i) - f(x - eps e_i)) / (2 eps)
approximates df/dx_i with error O(eps^2). Comparing it with what ``backward()`` computes proves
a backward formula right (or finds the bug). Run it in float64: in float32 the rounding error
of f swamps the difference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .errors import GradcheckError
from .tensor import Tensor


def _scalar(out: Tensor, proj: np.ndarray | None) -> float:
    return float(out.data.sum() if proj is None else (out.data * proj).sum())


def numerical_grad(
    f: Callable[..., Tensor], inputs: Sequence[Tensor], eps: float = 1e-6, proj: Any = None
) -> list[np.ndarray]:
    """Central-difference gradients of ``sum(f(*inputs) * proj)`` for each input.

    Example:
        >>> x = Tensor(np.array([1.0, 2.0]), requires_grad=True)
        >>> numerical_grad(lambda t: t * t, [x])[0].round(6).tolist()
        [2.0, 4.0]
    """
    grads = []
    for t in inputs:
        g = np.zeros(t.shape, dtype=np.float64)
        if not t.data.flags.c_contiguous:  # else reshape copies and the input never moves
            t.data = np.ascontiguousarray(t.data)
        flat = t.data.reshape(-1)  # a view: perturbing it perturbs the input
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + eps
            plus = _scalar(f(*inputs), proj)
            flat[i] = old - eps
            minus = _scalar(f(*inputs), proj)
            flat[i] = old
            g.reshape(-1)[i] = (plus - minus) / (2 * eps)
        grads.append(g)
    return grads


def gradcheck(
    f: Callable[..., Tensor],
    inputs: Sequence[Any],
    eps: float = 1e-6,
    atol: float = 1e-6,
    rtol: float = 1e-4,
    seed: int = 0,
    raise_exception: bool = True,
) -> bool:
    """Compare ``backward()`` with finite differences for every input that requires grad.

    A non-scalar output is reduced to a scalar with fixed random weights, so every output
    element's gradient is checked. Inputs are used as given: pass float64 tensors.

    Returns ``True`` when they agree; otherwise raises :class:`GradcheckError` (or returns
    ``False`` with ``raise_exception=False``) naming the input and the worst element.

    Example:
        >>> x = Tensor(np.array([0.5, -1.0]), requires_grad=True)
        >>> gradcheck(lambda t: (t * t * t).sum(), [x])
        True
    """
    inputs = [t if isinstance(t, Tensor) else Tensor(np.asarray(t, np.float64)) for t in inputs]
    for t in inputs:
        if t.requires_grad and t.dtype != np.float64:
            raise GradcheckError(key="error.gradcheck.dtype", dtype=t.dtype)
    out = f(*inputs)
    proj = None
    if out.size != 1:
        proj = np.random.default_rng(seed).standard_normal(out.shape)
    for t in inputs:
        t.grad = None
    loss = out.sum() if proj is None else (out * Tensor(proj)).sum()
    loss.backward()
    analytic = [t.grad if t.grad is not None else np.zeros(t.shape) for t in inputs]
    numeric = numerical_grad(f, inputs, eps, proj)
    for k, (t, a, n) in enumerate(zip(inputs, analytic, numeric)):
        if not t.requires_grad:
            continue
        if not np.allclose(a, n, atol=atol, rtol=rtol):
            err = np.abs(a - n)
            i = np.unravel_index(int(np.argmax(err)), err.shape)
            if raise_exception:
                raise GradcheckError(
                    key="error.gradcheck.mismatch",
                    k=k,
                    shape=t.shape,
                    index=tuple(int(j) for j in i),
                    analytic=float(a[i]),
                    numerical=float(n[i]),
                )
            return False
    return True

"""The fully connected (dense) layer's operation, fused: y = x W + b."""

from __future__ import annotations

import numpy as np

from ..errors import ShapeError
from ..tensor import Function, Tensor


class Linear(Function):
    """y = x W + b, with x (..., in), W (in, out), b (out,).

    Backward, for G = dL/dy:  dx = G W^T,  dW = x^T G,  db = sum of G over the batch.
    One node instead of matmul + add saves a graph step and a temporary per batch.
    """

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        self.x, self.w = x, w
        y = x @ w
        if b is not None:
            y += b
        return y

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        x, w = self.x, self.w
        gx = g @ w.T if self.needs_input_grad[0] else None
        gw = gb = None
        if self.needs_input_grad[1]:
            if x.ndim == 2:
                gw = x.T @ g
            else:  # (..., in): fold every leading axis into the batch
                gw = x.reshape(-1, x.shape[-1]).T @ g.reshape(-1, g.shape[-1])
        if len(self.needs_input_grad) > 2 and self.needs_input_grad[2]:
            gb = g.reshape(-1, g.shape[-1]).sum(axis=0)
        return (gx, gw, gb)[: len(self.needs_input_grad)]


def linear(
    x: Tensor, weight: Tensor, bias: Tensor | None = None, *, name: str = "linear"
) -> Tensor:
    """Affine map ``x @ weight + bias`` (weight laid out (in, out), as in Keras).

    Example:
        >>> import numpy as np
        >>> y = linear(Tensor(np.ones((2, 3))), Tensor(np.ones((3, 4))), Tensor(np.zeros(4)))
        >>> y.shape
        (2, 4)
    """
    if x.ndim < 1 or x.shape[-1] != weight.shape[0]:
        raise ShapeError(
            key="error.ops.linear.input_last_dimension",
            name=name,
            n_in=weight.shape[0],
            shape=x.shape,
        )
    if bias is None:
        return Linear.apply(x, weight)
    return Linear.apply(x, weight, bias)

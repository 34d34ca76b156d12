"""The fully connected (dense) layer's operation, fused: y = x W + b."""

from __future__ import annotations

import numpy as np

from .. import validate
from ..backend import array_module
from ..errors import ShapeError
from ..tensor import Function, Tensor
from .kernel_mode import reference_kernels


class Linear(Function):
    """y = x W + b, with x (..., in), W (in, out), b (out,); with ``relu=True``,
    y = max(0, x W + b) in the same node.

    Backward, for G = dL/dy:  dx = G W^T,  dW = x^T G,  db = sum of G over the batch, where
    with the fused ReLU G is first multiplied by [y > 0] (dy/dz = 1 where z > 0, else 0).
    One node instead of matmul + add (+ ReLU) saves graph steps and temporaries per batch: the
    bias and the ReLU are applied in place to the product.
    """

    def __init__(self, relu: bool = False) -> None:
        self.relu = relu

    def forward(self, x: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
        y = x @ w
        if b is not None:
            y += b
        if self.relu:
            array_module(y).maximum(y, 0, out=y)
        if self.recording:  # what backward needs; inference keeps nothing
            self.x, self.w = x, w
            self.y = y if self.relu else None
        return y

    def backward(self, g: np.ndarray) -> tuple[np.ndarray | None, ...]:
        x, w = self.x, self.w
        if self.relu:  # through the fused ReLU first: the output doubles as the mask
            g = g * (self.y > 0)
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
    x: Tensor,
    weight: Tensor,
    bias: Tensor | None = None,
    *,
    relu: bool = False,
    name: str = "linear",
) -> Tensor:
    """Affine map ``x @ weight + bias`` (weight laid out (in, out), as in Keras); with
    ``relu=True`` the ReLU of it, in one graph node (what ``Dense(..., activation="relu")``
    runs).

    Example:
        >>> import numpy as np
        >>> y = linear(Tensor(np.ones((2, 3))), Tensor(np.ones((3, 4))), Tensor(np.zeros(4)))
        >>> y.shape
        (2, 4)
        >>> linear(Tensor([[1.0, -2.0]]), Tensor(np.eye(2)), relu=True).tolist()
        [[1.0, 0.0]]
    """
    if x.ndim < 1 or x.shape[-1] != weight.shape[0]:
        raise ShapeError(
            key="error.ops.linear.input_last_dimension",
            name=name,
            n_in=weight.shape[0],
            shape=x.shape,
        )
    relu = validate.boolean(relu, "relu", name)
    if reference_kernels():  # three elementary nodes instead of the fused one (issue 15)
        from .reference import ref_linear

        return ref_linear(x, weight, bias, relu)
    if bias is None:
        return Linear.apply(x, weight, relu=relu)
    return Linear.apply(x, weight, bias, relu=relu)

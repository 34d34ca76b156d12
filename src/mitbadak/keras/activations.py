"""``keras.activations``: mitbadak's activation functions (each one tensor op) by Keras' names.

Example:
    >>> import numpy as np
    >>> relu(np.array([-1.0, 2.0])).tolist()
    [0.0, 2.0]
"""

from __future__ import annotations

from typing import Any

from .. import activations as _activations
from .. import ops as _ops
from ..tensor import Tensor, as_tensor
from . import missing


def _wrap(fn: Any, name: str) -> Any:
    def activation(x: Any, *args: Any, **kwargs: Any) -> Tensor:
        return fn(x if isinstance(x, Tensor) else as_tensor(x), *args, **kwargs)

    activation.__name__ = name
    # The original's examples use its own name, so the wrapper gets one of its own.
    activation.__doc__ = (
        f"Keras' ``{name}``: :func:`mitbadak.ops.{fn.__name__}` on tensors, arrays and "
        f"numbers.\n\nExample:\n    >>> {name}([-1.0, 0.0, 1.0]).shape\n    (3,)\n"
    )
    return activation


_NAMES = {
    "linear": _activations.linear,
    "relu": _ops.relu,
    "sigmoid": _ops.sigmoid,
    "tanh": _ops.tanh,
    "softmax": _ops.softmax,
    "log_softmax": _ops.log_softmax,
    "elu": _ops.elu,
    "selu": _ops.selu,
    "gelu": _ops.gelu,
    "silu": _ops.silu,
    "swish": _ops.silu,
    "softplus": _ops.softplus,
    "leaky_relu": _ops.leaky_relu,
}
# Added by issue 13 (mitbadak.ops), wired here as soon as they exist.
for _name in (
    "relu6",
    "hard_sigmoid",
    "hard_swish",
    "hard_silu",
    "mish",
    "celu",
    "softsign",
    "log_sigmoid",
    "hard_tanh",
):
    _fn = getattr(_ops, _name, None) or getattr(_ops, _name.replace("_", ""), None)
    if _fn is None and _name == "hard_silu":
        _fn = getattr(_ops, "hardswish", None)
    if _fn is not None:  # pragma: no cover - depends on the merge order
        _NAMES[_name] = _fn
for _name, _fn in _NAMES.items():
    globals()[_name] = _wrap(_fn, _name)

get = _activations.get
serialize = _activations.name_of

__all__ = sorted(_NAMES) + ["get", "serialize"]

__getattr__ = missing.module_getattr("keras.activations", globals())

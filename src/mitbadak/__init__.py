"""mitbadak (밑바닥, "the very bottom"): deep learning from scratch on NumPy.

Two API levels over one engine: a PyTorch-like autograd ``Tensor`` with optimizers you step by
hand, and a Keras-like ``Sequential`` model built only from it.

Example:
    >>> import mitbadak as mb
    >>> x = mb.Tensor([1.0, 2.0], requires_grad=True)
    >>> (x * x).sum().backward()
    >>> x.grad.tolist()
    [2.0, 4.0]
"""

from __future__ import annotations

from . import (
    activations,
    callbacks,
    data,
    initializers,
    layers,
    losses,
    metrics,
    ops,
    optimizers,
    random,
    regularizers,
    schedules,
    zoo,
)
from .errors import (
    ConfigError,
    DataError,
    DTypeError,
    FileFormatError,
    GradcheckError,
    GraphError,
    LabelError,
    MitbadakError,
    NotFittedError,
    ShapeError,
)
from .gradcheck import gradcheck, numerical_grad
from .io import load_model, save_model
from .model import Model, Sequential
from .ops import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    concatenate,
    elu,
    exp,
    gelu,
    huber,
    leaky_relu,
    log,
    log_softmax,
    mae,
    matmul,
    mse,
    norm,
    relu,
    rmse,
    selu,
    sigmoid,
    silu,
    softmax,
    softmax_cross_entropy,
    softplus,
    sqrt,
    stack,
    step,
    swish,
    tanh,
)
from .random import set_seed
from .tensor import (
    Function,
    Tensor,
    get_default_dtype,
    is_grad_enabled,
    no_grad,
    set_default_dtype,
)

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "DTypeError",
    "DataError",
    "FileFormatError",
    "Function",
    "GradcheckError",
    "GraphError",
    "LabelError",
    "MitbadakError",
    "Model",
    "NotFittedError",
    "Sequential",
    "ShapeError",
    "Tensor",
    "activations",
    "callbacks",
    "concatenate",
    "data",
    "exp",
    "get_default_dtype",
    "gradcheck",
    "initializers",
    "is_grad_enabled",
    "layers",
    "load_model",
    "log",
    "losses",
    "metrics",
    "log_softmax",
    "matmul",
    "mse",
    "no_grad",
    "numerical_grad",
    "ops",
    "optimizers",
    "random",
    "regularizers",
    "schedules",
    "zoo",
    "relu",
    "save_model",
    "set_default_dtype",
    "set_seed",
    "sigmoid",
    "softmax",
    "softmax_cross_entropy",
    "sqrt",
    "stack",
    "step",
    "tanh",
    "elu",
    "gelu",
    "leaky_relu",
    "norm",
    "selu",
    "silu",
    "softplus",
    "swish",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "categorical_cross_entropy",
    "huber",
    "mae",
    "rmse",
]

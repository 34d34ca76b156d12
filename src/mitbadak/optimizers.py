"""Optimizers: they update parameters from their ``.grad``.

The low-level loop is PyTorch's::

    opt = SGD(model.parameters(), lr=0.1, momentum=0.9)
    for xb, yb in loader:
        loss = softmax_cross_entropy(model(xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()

Hyper-parameter names and defaults follow PyTorch (``lr``, ``momentum``, ``weight_decay``...).
Batch, stochastic and mini-batch gradient descent are the same optimizer: they differ only in
how many samples each gradient averages (the loader's ``batch_size``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from .errors import ConfigError
from .tensor import Tensor


class Optimizer:
    """Base class: holds the parameters, the learning rate and per-parameter state.

    ``lr`` may be changed between steps (that is what schedules do).
    """

    def __init__(self, params: Iterable[Tensor], lr: float) -> None:
        self.params = list(params)
        if not self.params:
            raise ConfigError(f"{type(self).__name__}: got an empty parameter list")
        for p in self.params:
            if not isinstance(p, Tensor):
                raise ConfigError(f"{type(self).__name__}: parameters must be Tensors, got {p!r}")
        if lr < 0:
            raise ConfigError(f"{type(self).__name__}: lr must be >= 0, got {lr}")
        self.lr = float(lr)
        self.iterations = 0
        self.state: list[dict[str, np.ndarray]] = [{} for _ in self.params]

    def zero_grad(self) -> None:
        """Forget all gradients (set ``.grad`` to ``None``, as PyTorch does by default)."""
        for p in self.params:
            p.grad = None

    def step(self) -> None:
        """Update every parameter that has a gradient."""
        for p, state in zip(self.params, self.state):
            if p.grad is not None:
                self.update(p, p.grad, state)
        self.iterations += 1

    def update(self, p: Tensor, g: np.ndarray, state: dict[str, np.ndarray]) -> None:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {"lr": self.lr}


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum, Nesterov and weight decay.

    PyTorch's formulation, with g the gradient (plus ``weight_decay * p``)::

        v <- momentum * v + g           (v = g at the first step)
        p <- p - lr * v                 (Nesterov: p <- p - lr * (g + momentum * v))

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> opt = SGD([w], lr=0.1)
        >>> (w * w).sum().backward(); opt.step()   # w - 0.1 * 2w
        >>> w.tolist()
        [0.8]
    """

    def __init__(
        self,
        params: Iterable[Tensor],
        lr: float = 0.01,
        momentum: float = 0.0,
        nesterov: bool = False,
        weight_decay: float = 0.0,
    ) -> None:
        super().__init__(params, lr)
        if not 0.0 <= momentum < 1.0:
            raise ConfigError(f"SGD: momentum must be in [0, 1), got {momentum}")
        if nesterov and momentum == 0:
            raise ConfigError("SGD: nesterov=True needs a momentum > 0")
        self.momentum, self.nesterov, self.weight_decay = momentum, nesterov, weight_decay

    def update(self, p: Tensor, g: np.ndarray, state: dict[str, np.ndarray]) -> None:
        if self.weight_decay:
            g = g + self.weight_decay * p.data
        if self.momentum:
            v = state.get("velocity")
            if v is None:
                v = state["velocity"] = g.copy()
            else:
                v *= self.momentum
                v += g
            g = g + self.momentum * v if self.nesterov else v
        p.data -= self.lr * g

    def get_config(self) -> dict[str, Any]:
        return {
            "lr": self.lr,
            "momentum": self.momentum,
            "nesterov": self.nesterov,
            "weight_decay": self.weight_decay,
        }


_REGISTRY: dict[str, type[Optimizer]] = {"sgd": SGD}


def register(name: str, cls: type[Optimizer]) -> None:
    """Make an Optimizer class available by name."""
    _REGISTRY[name] = cls


def get(identifier: Any, params: Iterable[Tensor], **kwargs: Any) -> Optimizer:
    """Build an optimizer from a name (``"sgd"``, ``"adam"``...) for ``params``, or return an
    Optimizer instance as it is.

    Example:
        >>> w = Tensor([1.0], requires_grad=True)
        >>> type(get("sgd", [w], lr=0.1)).__name__
        'SGD'
    """
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, str):
        cls = _REGISTRY.get(identifier.lower())
        if cls is None:
            raise ConfigError(
                f"unknown optimizer {identifier!r}; expected one of {sorted(_REGISTRY)}"
            )
        return cls(params, **kwargs)
    raise ConfigError(f"cannot interpret {identifier!r} as an optimizer")

"""Learning-rate schedules: callables ``schedule(step) -> lr``.

A schedule is a plain function of the step (or the epoch: the caller decides what it counts).
Use one in three ways:

* by hand: ``opt.lr = schedule(epoch)`` at the start of each epoch;
* as the optimizer's ``lr``: ``SGD(params, lr=StepDecay(0.1, 10))`` evaluates it at
  ``opt.iterations`` before every step (Keras' way);
* through the ``LearningRateScheduler`` callback of ``model.fit``.

Names and formulas follow Keras (``ExponentialDecay``, ``InverseTimeDecay``, ``CosineDecay``,
``PiecewiseConstantDecay``, argument ``initial_learning_rate``); each docstring gives the
``torch.optim.lr_scheduler`` counterpart, and the tests compare them.

| name | lr(t) |
|---|---|
| step | lr0 * gamma ^ floor(t / step_size) |
| exponential | lr0 * rate ^ (t / decay_steps) |
| inverse_time | lr0 / (1 + rate * t / decay_steps) |
| cosine | lr0 * ((1 - alpha) * (1 + cos(pi * t / T)) / 2 + alpha), after a linear warm-up |
| piecewise_constant | values[i] for boundaries[i-1] < t <= boundaries[i] |
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from . import registry, validate
from .errors import ConfigError


class Schedule:
    """Base class: ``__call__(step) -> float`` and ``get_config()`` for saving.

    Example:
        >>> class Halving(Schedule):
        ...     def __init__(self, lr0): self.lr0 = lr0
        ...     def __call__(self, step): return self.lr0 / 2**step
        >>> Halving(1.0)(3), Halving(1.0).get_config()
        (0.125, {'lr0': 1.0})
    """

    def __call__(self, step: int | float) -> float:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return dict(vars(self))

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Schedule:
        """Rebuild from :meth:`get_config`'s dict (the inverse of ``get_config``)."""
        return cls(**config)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


def _check_step(step: int | float, who: str) -> float:
    if step < 0:
        raise ConfigError(key="error.schedules.step", who=who, step=step)
    return step


def _positive(value: float, what: str, who: str) -> float:
    if not value > 0:
        raise ConfigError(key="error.schedules.error", who=who, what=what, value=value)
    return value


class StepDecay(Schedule):
    """Divide the rate by ``1/gamma`` every ``step_size`` steps (epochs):
    ``lr = initial_learning_rate * gamma ** floor(step / step_size)``.

    PyTorch: ``StepLR(opt, step_size, gamma)``. The classic "drop the lr by 10 every 30 epochs".

    Example:
        >>> s = StepDecay(0.1, step_size=10, gamma=0.5)
        >>> [s(0), s(9), s(10), s(25)]
        [0.1, 0.1, 0.05, 0.025]
    """

    def __init__(self, initial_learning_rate: float, step_size: int, gamma: float = 0.1) -> None:
        validate.by_defaults(StepDecay.__init__, locals(), type(self).__name__)
        self.initial_learning_rate = float(initial_learning_rate)
        self.step_size = int(_positive(step_size, "step_size", "StepDecay"))
        self.gamma = float(gamma)

    def __call__(self, step: int | float) -> float:
        t = _check_step(step, "StepDecay")
        return self.initial_learning_rate * self.gamma ** math.floor(t / self.step_size)


class ExponentialDecay(Schedule):
    """``lr = initial_learning_rate * decay_rate ** (step / decay_steps)``; with
    ``staircase=True`` the exponent is ``floor(step / decay_steps)`` (the rate drops in steps).

    PyTorch: ``ExponentialLR(opt, gamma=decay_rate)`` is ``decay_steps=1``.

    Example:
        >>> s = ExponentialDecay(1.0, decay_rate=0.5, decay_steps=2)
        >>> [s(0), s(1), s(2)]
        [1.0, 0.7071067811865476, 0.5]
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_rate: float,
        decay_steps: float = 1,
        staircase: bool = False,
    ) -> None:
        validate.by_defaults(ExponentialDecay.__init__, locals(), type(self).__name__)
        self.initial_learning_rate = float(initial_learning_rate)
        self.decay_rate = float(_positive(decay_rate, "decay_rate", "ExponentialDecay"))
        self.decay_steps = _positive(decay_steps, "decay_steps", "ExponentialDecay")
        self.staircase = bool(staircase)

    def __call__(self, step: int | float) -> float:
        p = _check_step(step, "ExponentialDecay") / self.decay_steps
        if self.staircase:
            p = math.floor(p)
        return self.initial_learning_rate * self.decay_rate**p


class InverseTimeDecay(Schedule):
    """``lr = initial_learning_rate / (1 + decay_rate * step / decay_steps)`` (``staircase``:
    ``floor(step / decay_steps)``). The 1/t decay of classic stochastic-approximation theory.

    PyTorch: ``LambdaLR(opt, lambda t: 1 / (1 + decay_rate * t / decay_steps))``.

    Example:
        >>> s = InverseTimeDecay(1.0, decay_rate=0.5)
        >>> [s(0), s(2), s(6)]
        [1.0, 0.5, 0.25]
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_rate: float,
        decay_steps: float = 1,
        staircase: bool = False,
    ) -> None:
        validate.by_defaults(InverseTimeDecay.__init__, locals(), type(self).__name__)
        self.initial_learning_rate = float(initial_learning_rate)
        if decay_rate < 0:
            raise ConfigError(key="error.schedules.decay_rate", decay_rate=decay_rate)
        self.decay_rate = float(decay_rate)
        self.decay_steps = _positive(decay_steps, "decay_steps", "InverseTimeDecay")
        self.staircase = bool(staircase)

    def __call__(self, step: int | float) -> float:
        p = _check_step(step, "InverseTimeDecay") / self.decay_steps
        if self.staircase:
            p = math.floor(p)
        return self.initial_learning_rate / (1.0 + self.decay_rate * p)


class CosineDecay(Schedule):
    """Cosine annealing with an optional linear warm-up (Keras' ``CosineDecay``).

    Without warm-up (``warmup_target=None``), for ``t = min(step, decay_steps)``::

        lr = lr0 * ((1 - alpha) * (1 + cos(pi * t / decay_steps)) / 2 + alpha)

    from ``lr0 = initial_learning_rate`` down to the floor ``alpha * lr0``, where it stays.
    With warm-up, the rate first rises linearly from ``initial_learning_rate`` to
    ``warmup_target`` over ``warmup_steps``, then the cosine runs from ``warmup_target``
    (``t = step - warmup_steps``).

    PyTorch: ``CosineAnnealingLR(opt, T_max=decay_steps, eta_min=alpha * lr0)`` for
    ``step <= decay_steps`` (PyTorch's curve climbs back up after ``T_max``; this one stays at
    the floor).

    Example:
        >>> s = CosineDecay(1.0, decay_steps=10, alpha=0.1)
        >>> [round(s(t), 3) for t in (0, 5, 10, 20)]
        [1.0, 0.55, 0.1, 0.1]
        >>> w = CosineDecay(0.0, decay_steps=10, warmup_target=1.0, warmup_steps=4)
        >>> [w(0), w(2), w(4)]
        [0.0, 0.5, 1.0]
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: int,
        alpha: float = 0.0,
        warmup_target: float | None = None,
        warmup_steps: int = 0,
    ) -> None:
        validate.by_defaults(CosineDecay.__init__, locals(), type(self).__name__)
        self.initial_learning_rate = float(initial_learning_rate)
        self.decay_steps = _positive(decay_steps, "decay_steps", "CosineDecay")
        if not 0.0 <= alpha <= 1.0:
            raise ConfigError(key="error.schedules.alpha", alpha=alpha)
        if warmup_steps < 0:
            raise ConfigError(key="error.schedules.warmup_steps", warmup_steps=warmup_steps)
        self.alpha = float(alpha)
        self.warmup_target = None if warmup_target is None else float(warmup_target)
        self.warmup_steps = warmup_steps

    def __call__(self, step: int | float) -> float:
        t = _check_step(step, "CosineDecay")
        peak = self.initial_learning_rate
        if self.warmup_target is not None:
            peak = self.warmup_target
            if t < self.warmup_steps:
                start = self.initial_learning_rate
                return start + (peak - start) * t / self.warmup_steps
            t -= self.warmup_steps
        t = min(t, self.decay_steps)
        cosine = 0.5 * (1.0 + math.cos(math.pi * t / self.decay_steps))
        return peak * ((1.0 - self.alpha) * cosine + self.alpha)


class PiecewiseConstantDecay(Schedule):
    """A constant rate per interval (Keras' ``PiecewiseConstantDecay``)::

        values[0]  for step <= boundaries[0]
        values[i]  for boundaries[i-1] < step <= boundaries[i]
        values[-1] for step > boundaries[-1]

    PyTorch: ``MultiStepLR(opt, milestones=[b + 1 for b in boundaries], gamma)`` when the
    values are ``lr0 * gamma ** i`` (PyTorch switches *at* a milestone, Keras just *after*).

    Example:
        >>> s = PiecewiseConstantDecay([10, 20], [0.1, 0.01, 0.001])
        >>> [s(10), s(11), s(21)]
        [0.1, 0.01, 0.001]
    """

    def __init__(self, boundaries: Sequence[float], values: Sequence[float]) -> None:
        boundaries, values = list(boundaries), [float(v) for v in values]
        if len(values) != len(boundaries) + 1:
            raise ConfigError(
                key="error.schedules.values_boundaries",
                n_expected=len(boundaries) + 1,
                n_boundaries=len(boundaries),
                n_values=len(values),
            )
        if any(b >= c for b, c in zip(boundaries, boundaries[1:])):
            raise ConfigError(key="error.schedules.boundaries_increase", boundaries=boundaries)
        self.boundaries, self.values = boundaries, values

    def __call__(self, step: int | float) -> float:
        t = _check_step(step, "PiecewiseConstantDecay")
        i = sum(1 for b in self.boundaries if t > b)
        return self.values[i]


class LambdaSchedule(Schedule):
    """Any function of the step: ``lr = fn(step)``.

    PyTorch's ``LambdaLR(opt, f)`` multiplies the base rate: it is
    ``LambdaSchedule(lambda t: lr0 * f(t))``. A lambda cannot be saved in a model file
    (``get_config`` raises); write a :class:`Schedule` subclass for that.

    Example:
        >>> s = LambdaSchedule(lambda epoch: 0.1 if epoch < 5 else 0.01)
        >>> [s(0), s(5)]
        [0.1, 0.01]
    """

    def __init__(self, fn: Callable[[int], float]) -> None:
        if not callable(fn):
            raise ConfigError(key="error.schedules.function_step", fn=fn)
        self.fn = fn

    def __call__(self, step: int | float) -> float:
        return float(self.fn(step))

    def get_config(self) -> dict[str, Any]:
        raise ConfigError(key="error.schedules.lambdaschedule_wraps_python")


_REGISTRY: dict[str, type[Schedule]] = {
    "step": StepDecay,
    "exponential": ExponentialDecay,
    "inverse_time": InverseTimeDecay,
    "cosine": CosineDecay,
    "piecewise_constant": PiecewiseConstantDecay,
}
registry.family("schedules", _REGISTRY)  # the one registry holds this table


def get(identifier: Any, **kwargs: Any) -> Schedule | Callable[[int], float]:
    """Resolve a schedule: a name with its arguments (``get("step", initial_learning_rate=0.1,
    step_size=10)``), a ``{"class_name", "config"}`` dict, a Schedule, or any function.

    Example:
        >>> get("exponential", initial_learning_rate=1.0, decay_rate=0.5)(1)
        0.5
        >>> get({"class_name": "StepDecay", "config": {"initial_learning_rate": 1.0,
        ...      "step_size": 1}})(2)
        0.010000000000000002
    """
    if isinstance(identifier, Schedule):
        return identifier
    if isinstance(identifier, str):
        cls = registry.lookup("schedules", identifier)
        if not isinstance(cls, type):
            raise ConfigError(
                key="error.schedules.unknown_schedule",
                identifier=identifier,
                names=sorted(_REGISTRY),
            )
        return cls(**kwargs)
    if isinstance(identifier, dict):
        cls = registry.lookup("schedules", identifier.get("class_name"))
        if not isinstance(cls, type):
            raise ConfigError(key="error.schedules.unknown_schedule_config", identifier=identifier)
        try:
            return cls(**identifier.get("config", {}))
        except TypeError as e:
            raise ConfigError(key="error.schedules.get.error", cls_name=cls.__name__, e=e) from None
    if callable(identifier):
        return identifier
    raise ConfigError(key="error.schedules.interpret_learning_rate", identifier=identifier)


def serialize(schedule: Any) -> dict[str, Any]:
    """``{"class_name", "config"}`` of a schedule (JSON-able), the inverse of :func:`get`.

    Example:
        >>> serialize(StepDecay(0.1, 5))["config"]["step_size"]
        5
    """
    if not isinstance(schedule, Schedule) or not registry.is_registered("schedules", schedule):
        raise ConfigError(key="error.schedules.schedule_plain_function", schedule=repr(schedule))
    return {"class_name": type(schedule).__name__, "config": schedule.get_config()}

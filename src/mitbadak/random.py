"""One seedable random generator for the whole library (weights, dropout, shuffling).

``mitbadak.set_seed(s)`` makes a run repeatable bit for bit on the same machine.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_rng = np.random.default_rng()


def set_seed(seed: int | None) -> None:
    """Reseed the global generator used when no ``seed`` is given to an initializer or layer.

    Example:
        >>> set_seed(0); a = get_rng().random(); set_seed(0); a == get_rng().random()
        True
    """
    global _rng
    _rng = np.random.default_rng(_seed_of(seed)) if seed is not None else np.random.default_rng()


def _seed_of(seed: Any) -> Any:
    """``seed`` checked: a whole number >= 0 (or a list of them, a SeedSequence, a
    BitGenerator); anything else is a mitbadak error naming it."""
    if isinstance(seed, (bool, np.bool_)) or not isinstance(
        seed, (int, np.integer, np.random.SeedSequence, np.random.BitGenerator, list, tuple)
    ):
        from .errors import ArgumentTypeError

        raise ArgumentTypeError(key="error.random.seed_type", got=repr(seed))
    if isinstance(seed, (int, np.integer)) and seed < 0:
        from .errors import ConfigError

        raise ConfigError(key="error.random.seed_negative", got=seed)
    return seed


def get_rng() -> np.random.Generator:
    """The global generator (see :func:`set_seed`)."""
    return _rng


def get_state() -> dict[str, Any]:
    """The global generator's state, for checkpoints."""
    return _rng.bit_generator.state


def set_state(state: dict[str, Any]) -> None:
    """Restore a state returned by :func:`get_state`."""
    _rng.bit_generator.state = state


def make_rng(seed: int | np.random.Generator | None) -> np.random.Generator:
    """A generator from a seed, a generator (used as is), or ``None`` (a child of the global one,
    so ``set_seed`` still controls it)."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        return np.random.default_rng(_rng.integers(2**63))
    seed = _seed_of(seed)
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError) as e:
        from .errors import ConfigError

        raise ConfigError(key="error.random.seed_invalid", reason=str(e)) from None

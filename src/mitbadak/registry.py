"""One registry of named objects, by family: how a name in ``compile``, a layer argument or a
saved file becomes an object, and how an object becomes JSON again.

Families: ``"optimizers"``, ``"losses"``, ``"metrics"``, ``"initializers"``,
``"regularizers"``, ``"schedules"``, ``"activations"``, ``"layers"``. Each family is one table
``{name: class or function}``; a class is found by any of its names (lower-case aliases such as
``"mse"``) or by its class name (``"MeanSquaredError"``). Every registered class has
``get_config()`` (its constructor arguments, JSON-able) and ``from_config(config)``, so
``serialize`` / ``deserialize`` round-trip any of them. Loading a file names only registered
objects: nothing else can be built from a file.

Register your own with the decorator (Keras' ``register_keras_serializable``):

Example:
    >>> from mitbadak import registry
    >>> from mitbadak.losses import Loss, MeanSquaredError
    >>> @registry.register_serializable("losses", "twice_mse")
    ... class TwiceMSE(MeanSquaredError):
    ...     def compute(self, y_true, y_pred, reduction):
    ...         return super().compute(y_true, y_pred, reduction) * 2.0
    >>> type(registry.get("losses", "twice_mse")).__name__
    'TwiceMSE'
    >>> registry.serialize(TwiceMSE())["class_name"]
    'TwiceMSE'
    >>> registry.unregister("losses", "twice_mse")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .errors import ConfigError
from .messages import Phrase

__all__ = [
    "FAMILIES",
    "Serializable",
    "deserialize",
    "family",
    "get",
    "is_registered",
    "lookup",
    "names",
    "register",
    "register_serializable",
    "serialize",
    "unregister",
]

FAMILIES = (
    "activations",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "optimizers",
    "regularizers",
    "schedules",
)

_TABLES: dict[str, dict[str, Any]] = {f: {} for f in FAMILIES}


def _one(fam: str) -> Phrase:
    """One thing of family ``fam`` ("optimizer"), in the language of the message."""
    return Phrase(f"error.registry.one.{fam}")


class Serializable:
    """Mixin: ``get_config()`` (the public attributes, JSON-able) and ``from_config(config)``
    (the constructor called with it), the pair every registered class has.

    Example:
        >>> class Box(Serializable):
        ...     def __init__(self, size=1):
        ...         self.size = size
        >>> Box.from_config(Box(3).get_config()).size
        3
    """

    def get_config(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Any:
        """Rebuild from :meth:`get_config`'s dict (the inverse of ``get_config``)."""
        return cls(**config)


def _table(fam: str) -> dict[str, Any]:
    try:
        return _TABLES[fam]
    except KeyError:
        raise ConfigError(
            key="error.registry.unknown_family", family=fam, families=FAMILIES
        ) from None


def family(fam: str, table: dict[str, Any] | None = None) -> dict[str, Any]:
    """The table of family ``fam`` (the object itself, not a copy). With ``table``, that dict
    becomes the family's table, keeping what was registered before.

    Example:
        >>> "adam" in family("optimizers")
        True
    """
    current = _table(fam)
    if table is not None and table is not current:
        for k, v in current.items():
            table.setdefault(k, v)
        _TABLES[fam] = current = table
    return current


def register(fam: str, name: str, obj: Any, aliases: Iterable[str] = ()) -> Any:
    """Register ``obj`` (a class or a function) in family ``fam`` as ``name`` and ``aliases``.

    Example:
        >>> from mitbadak.optimizers import SGD
        >>> _ = register("optimizers", "plain_sgd", SGD); lookup("optimizers", "plain_sgd").__name__
        'SGD'
        >>> unregister("optimizers", "plain_sgd")
    """
    if not isinstance(name, str) or not name:
        raise ConfigError(key="error.registry.name", name=name)
    table = _table(fam)
    for key in (name, *aliases):
        table[key] = obj
    return obj


def register_serializable(
    fam: str, name: str | None = None, aliases: Iterable[str] = ()
) -> Callable[[Any], Any]:
    """Class (or function) decorator: register it in family ``fam`` under ``name`` (default:
    the snake-case of its name for functions, the class name for classes), so that
    ``compile``, layers and ``load_model`` find it by name.

    Example:
        >>> from mitbadak.layers import Layer
        >>> @register_serializable("layers")
        ... class Doubler(Layer):
        ...     def call(self, x, training=False):
        ...         return x * 2.0
        >>> lookup("layers", "Doubler") is Doubler
        True
    """

    def deco(obj: Any) -> Any:
        return register(fam, name or obj.__name__, obj, aliases)

    return deco


def unregister(fam: str, name: str) -> None:
    """Remove ``name`` (an alias or a class name) from family ``fam``."""
    _table(fam).pop(name, None)


def lookup(fam: str, name: str) -> Any | None:
    """The object registered as ``name`` in ``fam`` (aliases are matched without case, class
    names exactly), or None.

    Example:
        >>> lookup("losses", "MSE").__name__, lookup("losses", "MeanSquaredError").__name__
        ('MeanSquaredError', 'MeanSquaredError')
    """
    table = _table(fam)
    if not isinstance(name, str):
        return None
    obj = table.get(name)
    if obj is None:
        obj = table.get(name.lower())
    if obj is None:
        for v in table.values():
            if getattr(v, "__name__", None) == name:
                return v
    return obj


def names(fam: str) -> list[str]:
    """Sorted names of family ``fam`` (aliases included).

    Example:
        >>> "relu" in names("activations")
        True
    """
    return sorted(_table(fam))


def is_registered(fam: str, obj: Any) -> bool:
    """Whether ``obj`` (a class, or an instance of one; or a function) is what its name looks
    up to in ``fam``: what ``load_model`` needs to rebuild it."""
    cls = obj if isinstance(obj, type) or callable(obj) and not hasattr(obj, "get_config") else None
    if cls is None:
        cls = type(obj)
    target = lookup(fam, getattr(cls, "__name__", ""))
    # A subclass that only fills in defaults (mitbadak.keras' channels-last layers) and whose
    # get_config() holds every argument says so with ``registered_as = Base``: the base rebuilds it.
    return target is cls or (target is not None and cls.__dict__.get("registered_as") is target)


def get(fam: str, identifier: Any, *args: Any, **kwargs: Any) -> Any:
    """Resolve ``identifier`` in family ``fam``: a registered name builds the class with
    ``*args, **kwargs`` (or returns the function), a ``{"class_name", "config"}`` dict is
    deserialized, an object of a registered class is returned as it is.

    Example:
        >>> type(get("losses", "mse")).__name__
        'MeanSquaredError'
        >>> type(get("losses", {"class_name": "Huber", "config": {"delta": 2.0}})).__name__
        'Huber'
    """
    if isinstance(identifier, dict):
        return deserialize(fam, identifier, *args, **kwargs)
    if isinstance(identifier, str):
        obj = lookup(fam, identifier)
        if obj is None:
            raise ConfigError(
                key="error.registry.unknown", kind=_one(fam), name=identifier, names=names(fam),
                family=fam,
            )  # fmt: skip
        return obj(*args, **kwargs) if isinstance(obj, type) else obj
    if isinstance(identifier, type):
        return identifier(*args, **kwargs)
    return identifier


def serialize(obj: Any) -> dict[str, Any]:
    """``{"class_name": <class name>, "config": obj.get_config()}``, the inverse of
    :func:`deserialize`.

    Example:
        >>> from mitbadak.losses import Huber
        >>> serialize(Huber(delta=2.0))["config"]["delta"]
        2.0
    """
    get_config = getattr(obj, "get_config", None)
    if get_config is None:
        raise ConfigError(key="error.registry.no_config", cls=type(obj).__name__)
    return {"class_name": type(obj).__name__, "config": get_config()}


def deserialize(fam: str, spec: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
    """Build an object from ``{"class_name", "config"}``; only registered classes can be
    named, so a file cannot make mitbadak run anything else. ``*args`` go before the config
    (an optimizer's parameters), ``kwargs`` override it.

    Example:
        >>> type(deserialize("regularizers", {"class_name": "L2", "config": {"l2": 0.1}})).__name__
        'L2'
    """
    if not isinstance(spec, dict) or not isinstance(spec.get("class_name"), str):
        raise ConfigError(key="error.registry.bad_spec", kind=_one(fam), spec=spec)
    cls = lookup(fam, spec["class_name"])
    if not isinstance(cls, type):
        raise ConfigError(
            key="error.registry.unknown_class", kind=_one(fam), name=spec["class_name"]
        )
    config = spec.get("config", {})
    if not isinstance(config, dict):
        raise ConfigError(
            key="error.registry.bad_config", kind=_one(fam), name=spec["class_name"],
            reason=repr(config),
        )  # fmt: skip
    config = {**config, **kwargs}
    try:
        if args:
            return cls.from_config(*args, config)
        return cls.from_config(config)
    except TypeError as e:
        raise ConfigError(
            key="error.registry.bad_config", kind=_one(fam), name=spec["class_name"], reason=e
        ) from None

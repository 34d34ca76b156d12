"""The ``Layer`` base class: tracking of weights and sub-layers, lazy build, mode, config.

**Tracking.** A layer owns the weights it makes with :meth:`Layer.add_weight` (each a
:class:`~mitbadak.variable.Variable`) and, as in PyTorch and Keras, everything assigned to its
attributes: sub-layers, and leaf ``Tensor`` s that require a gradient, directly or inside lists,
tuples and dicts (nested, and read when asked, so ``self.blocks.append(Dense(4))`` counts).
Order is deterministic: a layer's own ``add_weight`` weights in creation order, then its other
tensor attributes, then its sub-layers, each in the order their attributes were first given a
layer, a tensor or a container (PyTorch's and Keras' order: ``self.a = None`` does not count). A layer or tensor
reached twice (shared, tied) counts once, under its first name.

**Names** (the keys of :meth:`Layer.state_dict`, :meth:`Layer.named_parameters`): the attribute
path, dotted, as in PyTorch: ``hidden.kernel``, ``blocks.0.bias``, ``heads.age.kernel``; a
:class:`~mitbadak.model.Sequential` keeps its stack in its ``layers`` list, so its keys are
``layers.0.kernel``, ``layers.1.bias``... A weight made by ``add_weight`` is named by the
``name`` given to ``add_weight`` (Keras' variable name), else by the attribute holding it, else
``variable``. The keys depend only on the code that builds the model, not on auto-generated
layer names, so they are the same in every process and after ``load_model``.

**Calls.** ``layer(inputs)`` builds the layer from the inputs' shapes on the first call, then runs
``call`` (Keras) or ``forward`` (PyTorch), passing ``training`` / ``mask`` / other keywords only
if its signature accepts them. A ``training`` given to an outer call reaches inner calls that do
not pass one (Keras' call context); without any, each layer uses its own mode (``train()`` /
``eval()``, PyTorch's), unless its class sets :attr:`Layer.default_training` (the models and
mode-dependent layers of ``mitbadak.keras`` set it to False: inference, as in Keras).

Example:
    >>> import mitbadak as mb
    >>> class Net(Layer):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.blocks = [mb.layers.Dense(4), mb.layers.Dense(1)]
    ...     def forward(self, x):
    ...         for block in self.blocks:
    ...             x = block(x)
    ...         return x
    >>> net = Net(); net(np.ones((2, 3))).shape
    (2, 1)
    >>> list(net.state_dict())
    ['blocks.0.kernel', 'blocks.0.bias', 'blocks.1.kernel', 'blocks.1.bias']
"""

from __future__ import annotations

import functools
import inspect
import itertools
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, NamedTuple

import numpy as np

from .. import initializers, registry, regularizers
from ..backend import array_module, device_of, parse_device, require_cupy, to_device, to_host
from ..errors import ConfigError, DTypeError, MissingMethodError, ShapeError
from ..tensor import Tensor, get_default_dtype
from ..variable import Variable

_name_counters: defaultdict[str, itertools.count] = defaultdict(itertools.count)


# --- forward hooks (issue 16) -------------------------------------------------------------
_hook_ids = itertools.count()


class HookHandle:
    """What :meth:`Layer.register_forward_hook` returns: ``remove()`` unregisters the hook.

    Example:
        >>> hooks = {0: print}; HookHandle(hooks, 0).remove(); hooks
        {}
    """

    def __init__(self, hooks: dict[int, Any], key: int) -> None:
        self._hooks, self._key = hooks, key

    def remove(self) -> None:
        self._hooks.pop(self._key, None)


# --- end of forward hooks ----------------------------------------------------------------


def _snake(name: str) -> str:
    """Keras-style default names: Dense -> dense, SimpleRNN -> simple_rnn, Conv2D -> conv2d."""
    out = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return out.lower()


class LoadResult(NamedTuple):
    """What :meth:`Layer.load_state_dict` did not match (PyTorch's ``_IncompatibleKeys``).

    Example:
        >>> LoadResult([], ["extra.kernel"]).unexpected_keys
        ['extra.kernel']
    """

    missing_keys: list[str]
    unexpected_keys: list[str]


# ------------------------------------------------------------------------ call context
class _CallContext(threading.local):
    """Per thread: how deep we are in nested layer calls, and the ``training`` value an outer
    call was given (``None`` when none was)."""

    depth: int = 0
    training: bool | None = None


_context = _CallContext()


def outer_training() -> bool | None:
    """The ``training`` value given to the layer call we are inside of (``None`` outside any
    call, or when none was given): what a layer that bypasses :meth:`Layer.__call__` (e.g. a
    functional model) inherits.

    Example:
        >>> outer_training() is None
        True
    """
    return _context.training


_add_loss_used = [False]  # fast path: clear add_loss lists only once some layer has used them


def _scan(path: str, value: Any, seen: set[int]) -> Iterator[tuple[str, Any]]:
    """(dotted path, object) for every Layer and Tensor in ``value`` and its containers."""
    if isinstance(value, (Layer, Tensor)):
        yield path, value
    elif isinstance(value, (list, tuple, dict)):
        if id(value) in seen:  # a container that holds itself
            return
        seen.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            yield from _scan(f"{path}.{k}", v, seen)


def _holds_array(x: Any) -> bool:
    if isinstance(x, (Tensor, np.ndarray, dict)):
        return True
    return isinstance(x, (list, tuple)) and any(_holds_array(e) for e in x)


def is_input_structure(x: Any) -> bool:
    """Whether ``x`` is several inputs (a dict, or a list / tuple holding arrays or tensors)
    rather than one array given as nested Python lists.

    Example:
        >>> is_input_structure((np.ones(2), np.ones(3))), is_input_structure([[1.0, 2.0]])
        (True, False)
    """
    return isinstance(x, dict) or (isinstance(x, (list, tuple)) and _holds_array(x))


def map_structure(fn: Callable[[Any], Any], x: Any) -> Any:
    """Apply ``fn`` to every leaf of nested lists / tuples / dicts, keeping the structure.

    Example:
        >>> map_structure(lambda a: a * 2, {"a": 1, "b": (2, [3])})
        {'a': 2, 'b': (4, [6])}
    """
    if isinstance(x, dict):
        return {k: map_structure(fn, v) for k, v in x.items()}
    if isinstance(x, (list, tuple)) and not isinstance(x, Tensor):
        out = [map_structure(fn, v) for v in x]
        return out if isinstance(x, list) else tuple(out)
    return fn(x)


def is_shape(x: Any) -> bool:
    """Whether ``x`` is one shape: a tuple of integers (``None`` for an unknown size), or a
    non-empty list of them.

    Example:
        >>> is_shape((None, 3)), is_shape([None, 3]), is_shape(((1, 2), (1, 3)))
        (True, True, False)
    """
    return (isinstance(x, tuple) or (isinstance(x, list) and len(x) > 0)) and all(
        d is None or isinstance(d, (int, np.integer)) for d in x
    )


def map_shapes(fn: Callable[[tuple], Any], shapes: Any) -> Any:
    """Apply ``fn`` to every shape in a nested tuple / list / dict of shapes (what ``build``
    gets for a layer called on several inputs), keeping the structure.

    Example:
        >>> map_shapes(lambda s: s[1:], {"a": (8, 3), "b": [(8, 2), (8, 5, 5)]})
        {'a': (3,), 'b': [(2,), (5, 5)]}
    """
    if is_shape(shapes):
        return fn(tuple(shapes))
    if isinstance(shapes, dict):
        return {k: map_shapes(fn, v) for k, v in shapes.items()}
    if isinstance(shapes, (list, tuple)):
        out = [map_shapes(fn, v) for v in shapes]
        return out if isinstance(shapes, list) else tuple(out)
    raise ShapeError(key="error.layer.shape_tuple_integers", shapes=shapes)


class _CallPlan(NamedTuple):
    """How to run a layer class's computation: which method, and what it accepts."""

    method: str | None  # "call", "forward", or None when the class defines neither
    training: bool
    mask: bool
    var_keyword: bool
    names: frozenset[str]


_plans: dict[type, _CallPlan] = {}


def _call_plan(cls: type[Layer]) -> _CallPlan:
    """The (cached) plan of ``cls``: ``call`` if it overrides it, else ``forward``."""
    plan = _plans.get(cls)
    if plan is not None:
        return plan
    if cls.call is not Layer.call:
        method: str | None = "call"
    elif cls.forward is not Layer.forward:
        method = "forward"
    else:
        method = None
    if method is None:
        plan = _CallPlan(None, False, False, False, frozenset())
    else:
        params = list(inspect.signature(getattr(cls, method)).parameters.values())[1:]
        names = frozenset(
            p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
        )
        var_kw = any(p.kind == p.VAR_KEYWORD for p in params)
        plan = _CallPlan(
            method, var_kw or "training" in names, var_kw or "mask" in names, var_kw, names
        )
    _plans[cls] = plan
    return plan


def _marking_built(build: Callable[..., None]) -> Callable[..., None]:
    """Wrap a subclass's ``build`` so that the layer is ``built`` once it returns (as Keras
    does): ``layer.build(shape)`` by hand, then ``layer(x)``, creates the weights once."""

    @functools.wraps(build)
    def build_then_mark(self: Layer, *args: Any, **kwargs: Any) -> None:
        build(self, *args, **kwargs)
        self.built = True

    build_then_mark.marks_built = True  # type: ignore[attr-defined]
    return build_then_mark


def _unique(key: str, used: set[str]) -> str:
    out, k = key, 0
    while out in used:
        k += 1
        out = f"{key}_{k}"
    used.add(out)
    return out


_weight_budget: list[Any] = []  # [values left, file name] while a file is being loaded


class weight_budget:
    """Context manager: while active, :meth:`Layer.add_weight` refuses (FileFormatError naming
    ``source``) to allocate more values in total than ``limit``: what ``load_model`` uses so a
    forged header cannot allocate more than the file holds.

    Example:
        >>> with weight_budget(6, "m.npz"):
        ...     _ = Layer(name="l").add_weight(shape=(2, 3))
    """

    def __init__(self, limit: int, source: Any) -> None:
        self.limit, self.source = int(limit), str(source)

    def __enter__(self) -> weight_budget:
        self.saved = list(_weight_budget)
        _weight_budget[:] = [self.limit, self.source]
        return self

    def __exit__(self, *exc: Any) -> None:
        _weight_budget[:] = self.saved


class Layer:
    """Base class of every layer (and of models, which are layers of layers).

    Write a layer the Keras way (``build(input_shape)`` creates weights with
    :meth:`add_weight`, ``call(self, inputs)`` computes the output, optionally with
    ``training`` / ``mask`` arguments) or the PyTorch way (weights or sub-layers assigned in
    ``__init__``, ``forward(self, x)``). The first call builds the layer from its input's shape,
    so ``Dense(10)`` needs no input size; ``input_shape=`` / ``input_dim=`` declare it anyway
    (kept in :attr:`declared_input_shape`, for models to build early).

    Mode (train vs eval) belongs to the layer and its sub-layers: ``layer.train()`` /
    ``layer.eval()``, or pass ``training=`` to a call. There is no global flag.

    Example:
        >>> class Scale(Layer):
        ...     def build(self, input_shape):
        ...         self.s = self.add_weight(shape=(input_shape[-1],), initializer="ones")
        ...     def call(self, inputs):
        ...         return inputs * self.s
        >>> layer = Scale()
        >>> layer(np.ones((2, 3))).shape, len(layer.parameters()), list(layer.state_dict())
        ((2, 3), 1, ['s'])
    """

    _registry: ClassVar[dict[str, type[Layer]]] = registry.family("layers")  # the one registry
    #: The mode of a call given no ``training`` where no outer call gave one: ``None`` = the
    #: layer's own mode (``train()`` / ``eval()``, PyTorch); ``False`` = inference (Keras'
    #: default for direct calls: set by the models and mode-dependent layers of mitbadak.keras).
    default_training: bool | None = None
    #: Attributes never searched for weights or sub-layers (the layer's own bookkeeping).
    _untracked_attributes: ClassVar[frozenset[str]] = frozenset(
        {"_parent", "_weights", "_regularizers", "_own_losses", "_raw_tensors", "_tracked_keys"}
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        Layer._registry[cls.__name__] = cls  # load_model rebuilds only classes listed here
        build = cls.__dict__.get("build")
        if build is not None and not getattr(build, "marks_built", False):
            cls.build = _marking_built(build)  # type: ignore[method-assign]

    def __init__(
        self,
        name: str | None = None,
        trainable: bool = True,
        dtype: Any = None,
        input_shape: Any = None,
        input_dim: int | None = None,
        batch_input_shape: Any = None,
    ) -> None:
        base = _snake(type(self).__name__)
        if name is None:
            n = next(_name_counters[base])
            name = base if n == 0 else f"{base}_{n}"
        self.name = name
        self.dtype = np.dtype(dtype) if dtype is not None else get_default_dtype()
        self.__dict__.setdefault("_weights", [])  # [(Variable, name given to add_weight)]
        self.__dict__.setdefault("_raw_tensors", [])  # tensor attributes seen requiring grad
        self.__dict__.setdefault("_own_losses", [])  # add_loss terms of the latest call
        self._trainable = bool(trainable)
        self.training = True
        self.built = False
        self.input_shape: Any = None  # the shape of the first input (batch None), once built
        self.declared_input_shape: tuple[int | None, ...] | None = self._declared_shape(
            input_shape, input_dim, batch_input_shape
        )

    def _declared_shape(self, input_shape: Any, input_dim: Any, batch_input_shape: Any) -> Any:
        if input_dim is not None:
            from .. import validate

            input_dim = validate.integer(input_dim, "input_dim", type(self).__name__, min=1)
        given = [a for a in (input_shape, input_dim, batch_input_shape) if a is not None]
        if len(given) > 1:
            raise ConfigError(
                key="error.layer.give_only_input_shape",
                self_type=type(self).__name__,
                name=self.name,
            )
        try:
            if input_dim is not None:
                return (None, int(input_dim))
            if input_shape is not None:
                shape = (input_shape,) if np.isscalar(input_shape) else tuple(input_shape)
                return (None,) + tuple(None if d is None else int(d) for d in shape)
            if batch_input_shape is not None:
                return tuple(None if d is None else int(d) for d in batch_input_shape)
        except (TypeError, ValueError):
            raise ConfigError(
                key="error.layer.input_shape_input_dim_integers",
                self_type=type(self).__name__,
                name=self.name,
                given=given[0],
            ) from None
        return None

    # --------------------------------------------------------------- tracking of children
    def __getattr__(self, key: str) -> Any:
        # Only reached when the normal lookup fails: say why when __init__ skipped Layer's.
        if not key.startswith("__") and "_trainable" not in self.__dict__:
            from ..errors import InitError

            raise InitError(
                key="error.layer.init___did_call", self_type=type(self).__name__, option=key
            )
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {key!r}")

    def __setattr__(self, key: str, value: Any) -> None:
        if isinstance(value, (Layer, Tensor, list, tuple, dict)) and (
            key not in self._untracked_attributes
        ):
            # The order of tracking is that of the first assignment of a layer, a tensor or a
            # container to each attribute (as in PyTorch and Keras), not of the attribute.
            self.__dict__.setdefault("_tracked_keys", {}).setdefault(key, None)
            if not isinstance(value, Layer):
                raw = self.__dict__.setdefault("_raw_tensors", [])
                for _, t in _scan(key, value, set()):
                    if isinstance(t, Tensor) and t.requires_grad and t.is_leaf:
                        if not any(r is t for r in raw):
                            raw.append(t)
        object.__setattr__(self, key, value)

    def __delattr__(self, key: str) -> None:
        object.__delattr__(self, key)
        self.__dict__.get("_tracked_keys", {}).pop(key, None)

    def _attribute_items(self) -> list[tuple[str, Any]]:
        """(path, Layer or Tensor) in this layer's attributes, in tracking order."""
        seen: set[int] = set()
        out: list[tuple[str, Any]] = []
        values = self.__dict__
        for key in list(values.get("_tracked_keys", ())):
            if key in values:
                out.extend(_scan(key, values[key], seen))
        return out

    def _tracked(self) -> tuple[list[tuple[str, Tensor, bool]], list[tuple[str, Layer]]]:
        """This layer's own weights as (local name, tensor, trainable kind), and its direct
        children as (path, layer), each in order and once."""
        items = self._attribute_items()
        first_path: dict[int, str] = {}
        for path, obj in items:
            if not isinstance(obj, Layer) and id(obj) not in first_path:
                first_path[id(obj)] = path
        children = self.named_children()
        used: set[str] = set()
        own: list[tuple[str, Tensor, bool]] = []
        mine: set[int] = set()
        for v, given in self.__dict__.get("_weights", ()):
            key = given or first_path.get(id(v)) or "variable"
            own.append((_unique(key, used), v, v.trainable))
            mine.add(id(v))
        if len(first_path) > len(mine):  # tensors in attributes besides add_weight's
            raw = {id(t) for t in self.__dict__.get("_raw_tensors", ())}
            for path, t in items:
                if isinstance(t, Layer) or id(t) in mine or first_path.get(id(t)) != path:
                    continue
                mine.add(id(t))
                if isinstance(t, Variable):
                    own.append((_unique(path, used), t, t.trainable))
                elif t.is_leaf and (t.requires_grad or id(t) in raw):
                    own.append((_unique(path, used), t, True))
        return own, children

    def _own_entries(self) -> list[tuple[str, Tensor, bool]]:
        return self._tracked()[0]

    def named_children(self) -> list[tuple[str, Layer]]:
        """Direct children as (attribute path, layer), in assignment order, each once
        (PyTorch's ``named_children``). A layer that keeps its children elsewhere (a
        functional model's graph) overrides this one method.

        Example:
            >>> from mitbadak.model import Sequential
            >>> from mitbadak.layers import Dense
            >>> [p for p, _ in Sequential([Dense(2), Dense(1)]).named_children()]
            ['layers.0', 'layers.1']
        """
        out, seen = [], {id(self)}
        for path, obj in self._attribute_items():
            if isinstance(obj, Layer) and id(obj) not in seen:
                seen.add(id(obj))
                out.append((path, obj))
        return out

    def sublayers(self) -> list[Layer]:
        """Direct children (layers in attributes, also inside lists / tuples / dicts), in
        assignment order.

        Example:
            >>> from mitbadak.layers import Dense
            >>> class Pair(Layer):
            ...     def __init__(self):
            ...         super().__init__()
            ...         self.parts = {"a": Dense(1, name="a"), "b": Dense(1, name="b")}
            >>> [layer.name for layer in Pair().sublayers()]
            ['a', 'b']
        """
        return [layer for _, layer in self.named_children()]

    def _walk(self) -> Iterator[Layer]:
        """This layer and every layer below it, depth first, each once."""
        seen: set[int] = set()
        stack: list[Layer] = [self]
        while stack:
            layer = stack.pop()
            if id(layer) in seen:
                continue
            seen.add(id(layer))
            yield layer
            stack.extend(reversed(layer.sublayers()))

    def _named_entries(self) -> list[tuple[str, Tensor, bool, Layer]]:
        """(dotted name, tensor, trainable kind, owner) of every weight, in :attr:`weights`
        order."""
        out: list[tuple[str, Tensor, bool, Layer]] = []
        seen_t: set[int] = set()
        seen_l: set[int] = set()

        def visit(layer: Layer, prefix: str) -> None:
            seen_l.add(id(layer))
            own, children = layer._tracked()
            for key, t, kind in own:
                if id(t) not in seen_t:
                    seen_t.add(id(t))
                    out.append((prefix + key, t, kind, layer))
            for path, child in children:
                if id(child) not in seen_l:
                    visit(child, prefix + path + ".")

        visit(self, "")
        return out

    def named_sublayers(self) -> list[tuple[str, Layer]]:
        """Every layer below this one with its dotted path (PyTorch's ``named_modules``
        without the root), depth first, each once.

        Example:
            >>> from mitbadak.model import Sequential
            >>> from mitbadak.layers import Dense
            >>> [p for p, _ in Sequential([Dense(2), Dense(1)]).named_sublayers()]
            ['layers.0', 'layers.1']
        """
        out: list[tuple[str, Layer]] = []
        seen: set[int] = {id(self)}

        def visit(layer: Layer, prefix: str) -> None:
            for path, child in layer.named_children():
                if id(child) not in seen:
                    seen.add(id(child))
                    out.append((prefix + path, child))
                    visit(child, prefix + path + ".")

        visit(self, "")
        return out

    # ---------------------------------------------------------------------------- weights
    def add_weight(
        self,
        *args: Any,
        shape: Any = None,
        initializer: Any = None,
        dtype: Any = None,
        trainable: bool = True,
        regularizer: Any = None,
        constraint: Any = None,
        name: str | None = None,
        **keras_options: Any,
    ) -> Variable:
        """Create a weight (a :class:`~mitbadak.variable.Variable`) owned by this layer.

        Keras 3's form, ``add_weight(shape=(n,), initializer="zeros", trainable=True,
        regularizer=None, name=None, dtype=None)`` (also ``add_weight((n,), "zeros")``), and
        mitbadak's original positional form ``add_weight("s", (n,), "ones", trainable,
        regularizer)`` both work. ``trainable=False`` marks a state the optimizer must not touch
        (running means, counters). ``regularizer`` (a name such as ``"l2"``, a Regularizer or
        a function of the weight) adds its penalty to :attr:`losses`. Keras' ``autocast``,
        ``aggregation`` and ``synchronization`` are accepted and ignored (one device, one
        dtype).

        Example:
            >>> layer = Layer(name="layer")
            >>> w = layer.add_weight(shape=(2, 3), initializer="zeros", name="w")
            >>> b = layer.add_weight("b", (3,), "ones", False)
            >>> w.shape, b.trainable, [t.name for t in layer.weights]
            ((2, 3), False, ['layer/w', 'layer/b'])
        """
        xp = array_module(*args)
        who = f"{type(self).__name__} '{self.name}': add_weight"
        args = list(args)
        if args and (isinstance(args[0], str) or (args[0] is None and len(args) >= 2)):
            fields = ["name", "shape", "initializer", "trainable", "regularizer"]
        else:  # Keras 3 positional order
            fields = ["shape", "initializer", "dtype", "trainable"]
        if len(args) > len(fields):
            raise ConfigError(
                key="error.layer.takes_most_positional", who=who, n_fields=len(fields)
            )
        given = dict(zip(fields, args))
        shape = given.get("shape", shape)
        initializer = given.get("initializer", initializer)
        dtype = given.get("dtype", dtype)
        trainable = given.get("trainable", trainable)
        regularizer = given.get("regularizer", regularizer)
        name = given.get("name", name)
        unknown = set(keras_options) - {"autocast", "aggregation", "synchronization"}
        if unknown:
            raise ConfigError(
                key="error.layer.unknown_argument_s", who=who, unknown=sorted(unknown)
            )
        if constraint is not None:
            raise ConfigError(key="error.layer.weight_constraints_supported", who=who)
        if shape is None:
            shape = ()
        try:
            shape = (int(shape),) if np.isscalar(shape) else tuple(int(d) for d in shape)
        except (TypeError, ValueError):
            raise ShapeError(key="error.layer.shape_integers", who=who, shape=shape) from None
        if any(d < 0 for d in shape):
            raise ShapeError(key="error.layer.shape_negative", who=who, shape=shape)
        budget = _weight_budget
        if budget:  # loading a file: declared shapes are checked before allocating (issue 14)
            size = int(np.prod(shape, dtype=np.float64))
            if size > budget[0]:
                from ..errors import FileFormatError

                raise FileFormatError(
                    key="error.layer.declares_weight_shape",
                    source=budget[1],
                    who=who,
                    shape=shape,
                    size=size,
                    left=budget[0],
                )
            budget[0] -= size
        dt = np.dtype(dtype) if dtype is not None else self.dtype
        if initializer is None:
            initializer = "glorot_uniform" if dt.kind == "f" else "zeros"
        label = name or "variable"
        data = initializers.get(initializer)(shape, dt)
        v = Variable(xp.asarray(data, dtype=dt), trainable=bool(trainable), name=label)
        v.name = f"{self.name}/{label}"
        v.requires_grad = v.trainable and self._trainable and dt.kind == "f"
        v.regularizer = regularizers.get(regularizer)
        self._weights.append((v, name))
        if v.regularizer is not None:
            self.__dict__.setdefault("_regularizers", []).append((v, v.regularizer))
        return v

    @property
    def trainable(self) -> bool:
        """Freeze (``False``) or unfreeze the layer; frozen weights get no gradient."""
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)
        raw = self.__dict__.setdefault("_raw_tensors", [])
        for _, t, kind in self._own_entries():
            if not isinstance(t, Variable) and not any(r is t for r in raw):
                raw.append(t)  # remember it, so it stays tracked while frozen
            t.requires_grad = bool(kind and self._trainable and t.dtype.kind == "f")
            if not t.requires_grad:
                t.grad = None
        for sub in self.sublayers():
            sub.trainable = value

    @property
    def trainable_weights(self) -> list[Tensor]:
        """The weights an optimizer updates, in :attr:`weights` order."""
        return [t for _, t, kind, owner in self._named_entries() if kind and owner._trainable]

    @property
    def non_trainable_weights(self) -> list[Tensor]:
        """States (running means...) and the weights of frozen layers."""
        return [t for _, t, kind, owner in self._named_entries() if not (kind and owner._trainable)]

    @property
    def weights(self) -> list[Tensor]:
        """All weights in Keras' order: this layer's in creation order, then sub-layers'."""
        return [t for _, t, _, _ in self._named_entries()]

    @property
    def variables(self) -> list[Tensor]:
        """Keras' name for :attr:`weights`."""
        return self.weights

    @property
    def trainable_variables(self) -> list[Tensor]:
        """Keras' name for :attr:`trainable_weights` (custom training loops use it).

        Example:
            >>> from mitbadak.layers import Dense
            >>> d = Dense(2); d.build((1, 3)); len(d.trainable_variables)
            2
        """
        return self.trainable_weights

    @property
    def non_trainable_variables(self) -> list[Tensor]:
        """Keras' name for :attr:`non_trainable_weights`."""
        return self.non_trainable_weights

    def parameters(self) -> list[Tensor]:
        """The trainable weights, in a deterministic order (for an optimizer)."""
        return self.trainable_weights

    def named_parameters(self) -> list[tuple[str, Tensor]]:
        """``(name, tensor)`` for each trainable weight, in :meth:`parameters` order; names as
        in :meth:`state_dict`.

        Example:
            >>> from mitbadak.layers import Dense
            >>> d = Dense(2); d.build((1, 3))
            >>> [(n, t.shape) for n, t in d.named_parameters()]
            [('kernel', (3, 2)), ('bias', (2,))]
        """
        return [(n, t) for n, t, kind, owner in self._named_entries() if kind and owner._trainable]

    def named_weights(self) -> list[tuple[str, Tensor]]:
        """``(name, tensor)`` for every weight (trainable or not), in :attr:`weights` order.

        Example:
            >>> from mitbadak.layers import BatchNormalization
            >>> bn = BatchNormalization(); bn.build((1, 2))
            >>> [n for n, _ in bn.named_weights()]
            ['gamma', 'beta', 'moving_mean', 'moving_variance']
        """
        return [(n, t) for n, t, _, _ in self._named_entries()]

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every weight (trainable and not) keyed by their dotted names.

        The names are attribute paths (see the module docstring): ``hidden.kernel``,
        ``blocks.0.bias``, ``layers.2.moving_mean`` in a ``Sequential``.

        Example:
            >>> from mitbadak.model import Sequential
            >>> from mitbadak.layers import Dense
            >>> m = Sequential([Dense(2), Dense(1)]); m.build((1, 3))
            >>> {k: v.shape for k, v in m.state_dict().items()}
            {'layers.0.kernel': (3, 2), 'layers.0.bias': (2,), 'layers.1.kernel': (2, 1), \
'layers.1.bias': (1,)}
        """
        return {n: to_host(t.data).copy() for n, t, _, _ in self._named_entries()}

    def load_state_dict(self, state: Mapping[str, Any], strict: bool = True) -> LoadResult:
        """Copy values from ``state`` (name -> array) into the weights of the same names.

        All names and shapes are checked before anything is written. With ``strict`` (the
        default) a missing or an unexpected name is an error; with ``strict=False`` the
        matching names are loaded and the others returned. A shape mismatch is always an
        error. Values are cast to each weight's dtype and copied in place.

        Returns:
            ``LoadResult(missing_keys, unexpected_keys)``.

        Example:
            >>> from mitbadak.layers import Dense
            >>> a, b = Dense(2), Dense(2)
            >>> a.build((1, 3)); b.build((1, 3))
            >>> b.load_state_dict(a.state_dict())
            LoadResult(missing_keys=[], unexpected_keys=[])
            >>> bool((b.kernel.data == a.kernel.data).all())
            True
        """
        who = f"{type(self).__name__} '{self.name}': load_state_dict"
        if not isinstance(state, Mapping):
            raise ConfigError(
                key="error.layer.dict_name_array", who=who, state_type=type(state).__name__
            )
        entries = {n: t for n, t, _, _ in self._named_entries()}
        missing = [n for n in entries if n not in state]
        unexpected = [str(k) for k in state if k not in entries]
        if strict and (missing or unexpected):
            part = "both" if missing and unexpected else "missing" if missing else "unexpected"
            raise ConfigError(
                key=f"error.layer.state_names.{part if entries else 'unbuilt'}",
                who=who,
                missing=missing,
                unexpected=unexpected,
                names=list(entries),
            )
        values: list[tuple[Tensor, np.ndarray]] = []
        for n, t in entries.items():
            if n not in state:
                continue
            v = state[n]
            arr = to_host(v.data if isinstance(v, Tensor) else v)  # host or device: checked here
            if arr.dtype.kind not in "biuf":
                raise DTypeError(
                    key="error.layer.holds_dtype_numbers", who=who, n=n, dtype=arr.dtype
                )
            if arr.shape != t.shape:
                raise ShapeError(
                    key="error.layer.shape_model_s", who=who, n=n, shape=arr.shape, shape2=t.shape
                )
            values.append((t, arr))
        for t, arr in values:
            xp = array_module(t.data)  # loading onto the weight's own device
            arr = to_device(arr, device_of(t.data)) if xp is not np else arr
            if xp is not np or t.data.flags.writeable:
                xp.copyto(t.data, arr, casting="unsafe")
            else:
                t.data = xp.array(arr, dtype=t.dtype)
        return LoadResult(missing if not strict else [], unexpected if not strict else [])

    def get_weights(self) -> list[np.ndarray]:
        """Copies of all weights as NumPy arrays, in :attr:`weights` order (like Keras)."""
        return [to_host(t.data).copy() for t in self.weights]

    def set_weights(self, values: list[Any]) -> None:
        """Set all weights from arrays in :meth:`get_weights` order, checking count and shapes."""
        ws = self.weights
        if not self.built and not ws:
            raise ShapeError(key="error.layer.set_weights_before_layer", name=self.name)
        values = list(values)
        if len(values) != len(ws):
            raise ShapeError(
                key="error.layer.set_weights_arrays",
                name=self.name,
                n_ws=len(ws),
                n_values=len(values),
            )
        for t, v in zip(ws, values):
            v = to_host(v.data if isinstance(v, Tensor) else v)
            if v.shape != t.shape:
                raise ShapeError(
                    key="error.layer.weight_shape_array",
                    name=self.name,
                    name2=t.name,
                    shape=t.shape,
                    shape2=v.shape,
                )
        for t, v in zip(ws, values):
            t.data = to_device(np.array(v, dtype=t.dtype), device_of(t.data))

    def count_params(self) -> int:
        return int(sum(t.size for t in self.weights))

    # ----------------------------------------------------------------------------- losses
    def regularization_losses(self) -> list[Tensor]:
        """Penalty terms of kernel/bias regularizers of this layer and its children."""
        out = []
        for layer in self._walk():
            for t, reg in layer.__dict__.get("_regularizers", []):
                if t.requires_grad:
                    out.append(reg(t))
        return out

    def add_loss(self, loss: Any) -> None:
        """Add a scalar term to the loss (Keras' ``self.add_loss``), usually inside ``call``.

        A non-scalar tensor is summed; a list adds each. The terms are kept until the next
        outermost call of a layer above (they are recomputed at every forward pass) and read
        with :attr:`losses`.

        Example:
            >>> class Penalized(Layer):
            ...     def call(self, inputs):
            ...         self.add_loss((inputs * inputs).mean())
            ...         return inputs
            >>> layer = Penalized(); _ = layer(np.full((2, 2), 3.0))
            >>> [t.item() for t in layer.losses]
            [9.0]
        """
        xp = array_module(loss)
        items = loss if isinstance(loss, (list, tuple)) else [loss]
        own = self.__dict__.setdefault("_own_losses", [])
        for item in items:
            t = item if isinstance(item, Tensor) else Tensor(xp.asarray(item, dtype=self.dtype))
            if t.dtype.kind not in "fc":
                raise DTypeError(
                    key="error.layer.add_loss_float_tensor",
                    self_type=type(self).__name__,
                    name=self.name,
                    dtype=t.dtype,
                )
            own.append(t if t.ndim == 0 else t.sum())
        _add_loss_used[0] = True

    @property
    def losses(self) -> list[Tensor]:
        """Scalar loss terms: those added with :meth:`add_loss` by this layer and its
        sub-layers during the latest forward pass, then the regularization penalties of the
        trainable weights (:meth:`regularization_losses`), as Keras lists them. Add them to
        the loss you minimize: ``loss = loss_fn(y, model(x)) + sum(model.losses)``.

        Example:
            >>> from mitbadak.layers import Dense
            >>> d = Dense(1, kernel_initializer="ones", kernel_regularizer="l2")
            >>> _ = d(np.ones((1, 3)))
            >>> [round(t.item(), 4) for t in d.losses]  # 0.01 * sum(kernel ** 2)
            [0.03]
        """
        out: list[Tensor] = []
        for layer in self._walk():
            out.extend(layer.__dict__.get("_own_losses", []))
        return out + self.regularization_losses()

    def _clear_losses(self) -> None:
        for layer in self._walk():
            own = layer.__dict__.get("_own_losses")
            if own:
                own.clear()

    # ----------------------------------------------------------------------------- device
    def to(self, device: Any) -> Layer:
        """Move every weight (and its gradient) to ``device`` (``"cpu"`` or ``"cuda"``), in
        place, and return the layer, as PyTorch's ``module.to``. Build the layer first; its
        inputs then go to the same device (``fit`` and ``predict`` do that for you).

        Example:
            >>> from mitbadak.layers import Dense
            >>> d = Dense(2); d.build((1, 3)); d.to("cpu").device
            'cpu'
        """
        dev = parse_device(device)
        if dev == "cuda":
            require_cupy()  # a clear DeviceError (what to install) even before weights exist
        for _, t, _, _ in self._named_entries():
            t.data = to_device(t.data, dev)
            if t.grad is not None:
                t.grad = to_device(t.grad, dev)
        self.__dict__["_device"] = dev
        return self

    @property
    def device(self) -> str:
        """Where the weights live (``"cpu"`` until :meth:`to` moves them).

        Example:
            >>> from mitbadak.layers import Dense
            >>> Dense(2).device
            'cpu'
        """
        for _, t, _, _ in self._named_entries():
            return device_of(t.data)
        return self.__dict__.get("_device", "cpu")

    # ------------------------------------------------------------------------------- mode
    def train(self, mode: bool = True) -> Layer:
        """Put the layer and its children in training mode (dropout active, batch stats)."""
        for layer in self._walk():
            layer.training = mode
        return self

    def eval(self) -> Layer:
        """Put the layer and its children in inference mode."""
        return self.train(False)

    # ------------------------------------------------------------------------------- call
    def build(self, input_shape: Any) -> None:
        """Create the weights for inputs of ``input_shape`` (batch dimension included; a
        tuple / list / dict of shapes when the layer is called on several inputs)."""

    def call(self, inputs: Any, training: bool | None = None, mask: Any = None, **kwargs: Any):
        """The computation. Override it (Keras) or :meth:`forward` (PyTorch)."""
        if _call_plan(type(self)).method != "forward":
            self._no_computation()  # (also stops a super().call(...) from looping)
        return self.run_call(inputs, training, mask, **kwargs)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        """PyTorch's name for the computation: define ``forward`` instead of ``call`` if you
        like; called directly, ``layer.forward(x)`` is ``layer(x)``.

        Example:
            >>> class AddOne(Layer):
            ...     def forward(self, x):
            ...         return x + 1
            >>> AddOne()(np.zeros((1, 2))).tolist(), AddOne().forward(np.zeros((1, 1))).tolist()
            ([[1.0, 1.0]], [[1.0]])
        """
        if _call_plan(type(self)).method is None:
            self._no_computation()
        return self(*args, **kwargs)

    def _no_computation(self) -> None:
        raise MissingMethodError(key="error.layer.no_call", cls=type(self).__name__, name=self.name)

    def run_call(
        self, inputs: Any, training: bool | None = None, mask: Any = None, **kwargs: Any
    ) -> Any:
        """Run :meth:`call` (or ``forward``) on ``inputs``, passing ``training``, ``mask`` and
        the other keywords only where its signature takes them. Nothing else: no build, no
        conversion of the inputs. ``layer(inputs)`` is the usual way in.

        A call that takes ``mask`` but is given none gets the mask attached to its input
        tensor, if any (e.g. by ``Embedding(mask_zero=True)``), as in Keras.

        Example:
            >>> class Double(Layer):
            ...     def call(self, inputs):
            ...         return inputs * 2
            >>> Double().run_call(Tensor([1.0]), training=False).tolist()
            [2.0]
        """
        plan = _plans.get(type(self)) or _call_plan(type(self))
        if plan.method is None:
            self._no_computation()
        fn = getattr(self, plan.method)
        if not kwargs and not plan.mask:  # the common case, kept short
            return fn(inputs, training=training) if plan.training else fn(inputs)
        kw: dict[str, Any] = {}
        if plan.training:
            kw["training"] = training
        if plan.mask:
            if mask is None and isinstance(inputs, Tensor):
                from .embedding import get_mask  # (embedding imports this module)

                mask = get_mask(inputs)
            if mask is not None:
                kw["mask"] = mask
        for k, v in kwargs.items():
            if not (plan.var_keyword or k in plan.names):
                raise ConfigError(
                    key="error.layer.call_takes_argument",
                    self_type=type(self).__name__,
                    name=self.name,
                    k=k,
                )
            kw[k] = v
        return fn(inputs, **kw)

    def _to_tensor(self, x: Any) -> Tensor:
        xp = array_module(x)
        if isinstance(x, Tensor):
            return x
        arr = xp.asarray(x)
        if arr.dtype.kind not in "biuf":
            raise DTypeError(
                key="error.layer.numeric_input_dtype",
                self_type=type(self).__name__,
                name=self.name,
                dtype=arr.dtype,
            )
        if arr.dtype.kind in "biuf" and arr.dtype != self.dtype:
            arr = arr.astype(self.dtype)  # keep float32 models float32 on float64 data
        return Tensor(arr)

    def _check_declared(self, shape: tuple[int, ...]) -> None:
        want = self.declared_input_shape
        if want is None or not is_shape(shape):
            return  # (several inputs: nothing declared to compare with)
        if len(want) != len(shape) or any(
            w is not None and w != s for w, s in zip(want[1:], shape[1:])
        ):
            raise ShapeError(
                key="error.layer.declared_input_shape_input",
                self_type=type(self).__name__,
                name=self.name,
                want=tuple(want[1:]),
                shape=shape,
            )

    def __call__(
        self, inputs: Any, training: bool | None = None, mask: Any = None, **kwargs: Any
    ) -> Any:
        """Convert the inputs to tensors, build on the first call, and run :meth:`call`.

        ``inputs`` may be one array / tensor or a tuple / list / dict of them (``build`` then
        gets the same structure of shapes). ``training=None`` takes the value an outer call
        was given, else the layer's mode. ``mask`` and other keywords go to ``call`` when its
        signature takes them.
        """
        if not isinstance(inputs, Tensor):
            if is_input_structure(inputs):
                inputs = map_structure(self._to_tensor, inputs)
            else:
                inputs = self._to_tensor(inputs)
        if isinstance(inputs, Tensor) and inputs.data.dtype.kind == "c":
            raise DTypeError(
                key="error.layer.input_complex_layers",
                self_type=type(self).__name__,
                name=self.name,
                dtype=inputs.dtype,
            )
        if not self.built:
            shapes = map_structure(lambda t: tuple(t.shape), inputs)
            self._check_declared(shapes)
            self.input_shape = map_structure(lambda t: (None,) + tuple(t.shape[1:]), inputs)
            self.build(shapes)
            self.built = True
        ctx = _context
        depth, outer = ctx.depth, ctx.training
        given = outer if training is None else training
        if given is None:
            given = self.default_training
        if depth == 0 and _add_loss_used[0]:
            self._clear_losses()  # add_loss terms are those of this forward pass
        ctx.depth, ctx.training = depth + 1, given
        try:
            outputs = self.run_call(
                inputs, self.training if given is None else bool(given), mask, **kwargs
            )
        finally:
            ctx.depth, ctx.training = depth, outer
        # --- forward hooks (issue 16): one dict lookup when none is registered
        hooks = self.__dict__.get("_forward_hooks")
        if hooks:
            args = inputs if isinstance(inputs, tuple) else (inputs,)
            for hook in list(hooks.values()):
                result = hook(self, args, outputs)
                if result is not None:
                    outputs = result
        # --- end of forward hooks
        return outputs

    # --- forward hooks (issue 16) ---------------------------------------------------------
    def register_forward_hook(self, hook: Any) -> HookHandle:
        """Call ``hook(layer, inputs, output)`` after every forward call of this layer (as
        PyTorch's ``register_forward_hook``). ``inputs`` is a tuple of the input tensors; a hook
        that returns a tensor replaces the output. Returns a handle; ``handle.remove()`` stops it.

        Example:
            >>> from mitbadak.layers import Dense
            >>> seen = []
            >>> layer = Dense(2)
            >>> h = layer.register_forward_hook(lambda l, i, o: seen.append(o.shape))
            >>> _ = layer(np.ones((3, 2))); h.remove(); _ = layer(np.ones((1, 2)))
            >>> seen
            [(3, 2)]
        """
        if not callable(hook):
            raise ConfigError(
                key="error.layer.register_forward_hook_expects_function", name=self.name, hook=hook
            )
        hooks = self.__dict__.setdefault("_forward_hooks", {})
        key = next(_hook_ids)
        hooks[key] = hook
        return HookHandle(hooks, key)

    def has_forward_hooks(self) -> bool:
        """True while a hook registered by :meth:`register_forward_hook` is active (a model
        then runs this layer on its own, never fused with its neighbour).

        Example:
            >>> from mitbadak.layers import Dense
            >>> layer = Dense(2)
            >>> h = layer.register_forward_hook(lambda l, i, o: None)
            >>> before = layer.has_forward_hooks(); h.remove()
            >>> before, layer.has_forward_hooks()
            (True, False)
        """
        return bool(self.__dict__.get("_forward_hooks"))

    # --- end of forward hooks -------------------------------------------------------------

    def compute_output_shape(self, input_shape: tuple[int | None, ...]) -> tuple[int | None, ...]:
        """Output shape for an input shape (``None`` for the batch); by a dry run by default."""
        dummy = np.zeros((1,) + tuple(d or 1 for d in input_shape[1:]), dtype=self.dtype)
        from ..tensor import no_grad

        with no_grad():
            y = self(dummy, training=False)
        return (None,) + tuple(y.shape[1:])

    # ----------------------------------------------------------------------------- config
    def get_config(self) -> dict[str, Any]:
        """The constructor arguments that rebuild this layer (JSON-able)."""
        config = {"name": self.name, "trainable": self.trainable, "dtype": str(self.dtype)}
        if self.declared_input_shape is not None:
            config["batch_input_shape"] = list(self.declared_input_shape)
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Layer:
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name!r} built={self.built}>"


def layer_from_config(spec: dict[str, Any]) -> Layer:
    """Rebuild a layer from ``{"class_name": ..., "config": ...}``; only registered Layer
    classes can be named, so a file cannot make mitbadak run anything else."""
    if not isinstance(spec, dict) or not isinstance(spec.get("class_name"), str):
        raise ConfigError(key="error.layer.invalid_layer_spec", spec=spec)
    cls = Layer._registry.get(spec["class_name"])
    if cls is None:
        raise ConfigError(key="error.layer.unknown_layer_class", spec=spec["class_name"])
    config = spec.get("config", {})
    if not isinstance(config, dict):
        raise ConfigError(key="error.layer.invalid_config_layer", spec=spec["class_name"])
    try:
        return cls.from_config(config)
    except TypeError as e:
        raise ConfigError(key="error.layer.error", spec=spec["class_name"], e=e) from None


def layer_to_config(layer: Layer) -> dict[str, Any]:
    return {"class_name": type(layer).__name__, "config": layer.get_config()}

"""The functional API: ``Input``, layers called on symbolic tensors, ``Functional`` models.

``x = Input(shape=(784,))`` is a :class:`SymbolicTensor`: a placeholder with a shape (``None``
for the batch) and a record of where it came from. Calling a layer on symbolic tensors does not
compute anything the user sees: it builds the layer (by running a one-sample dummy batch of
zeros through it, in eval mode and without a graph) and returns new symbolic tensors that
remember the call (a :class:`Node`: the layer and its inputs). ``Model(inputs, outputs)`` then
walks back from the outputs to the inputs and keeps the calls in topological order; calling the
model replays them on real tensors. So a model is a graph of layers, shared layers are layers
called more than once (one weight set, several nodes), and several inputs and outputs are
lists or dicts of symbolic tensors.

How layers see symbolic inputs: this module wraps ``Layer.__call__`` (and every subclass's own
``__call__``) once, so that a call whose arguments contain a :class:`SymbolicTensor` goes to
:func:`symbolic_call`; every other call goes straight to the original method, unchanged.

Example:
    >>> import numpy as np
    >>> from mitbadak.layers import Dense
    >>> inputs = Input(shape=(4,), name="features")
    >>> hidden = Dense(8, activation="relu", name="hidden")(inputs)
    >>> outputs = Dense(2, name="scores")(hidden)
    >>> model = Functional(inputs, outputs, name="mlp")
    >>> model(np.ones((3, 4), "float32")).shape
    (3, 2)
    >>> [layer.name for layer in model.layers]
    ['features', 'hidden', 'scores']
    >>> model.get_layer("hidden").output.shape
    (None, 8)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from . import ops, validate
from .errors import ConfigError, GraphError, ShapeError
from .layers.base import Layer, layer_from_config, layer_to_config, outer_training
from .messages import columns, message, pad
from .model import Model
from .tensor import Tensor, get_default_dtype, no_grad

__all__ = [
    "Functional",
    "Input",
    "InputLayer",
    "KerasModelMixin",
    "Node",
    "SymbolicTensor",
    "TensorOp",
    "bind_optimizer",
    "functional_class_for",
]


# ---------------------------------------------------------------------------- structures
def _flatten(struct: Any) -> list[Any]:
    """Leaves of a nest of lists / tuples / dicts (dicts in key order as given)."""
    if isinstance(struct, (list, tuple)):
        return [leaf for item in struct for leaf in _flatten(item)]
    if isinstance(struct, dict):
        return [leaf for v in struct.values() for leaf in _flatten(v)]
    return [struct]


def _map(fn: Callable[[Any], Any], struct: Any) -> Any:
    if isinstance(struct, list):
        return [_map(fn, s) for s in struct]
    if isinstance(struct, tuple):
        return tuple(_map(fn, s) for s in struct)
    if isinstance(struct, dict):
        return {k: _map(fn, v) for k, v in struct.items()}
    return fn(struct)


def _has_symbolic(struct: Any) -> bool:
    return any(isinstance(leaf, SymbolicTensor) for leaf in _flatten(struct))


# ------------------------------------------------------------------------ symbolic tensors
class SymbolicTensor:
    """A placeholder in a functional graph (Keras' ``KerasTensor``): shape, dtype, origin.

    ``value`` is a one-sample dummy batch used to build layers and infer shapes; ``node`` is
    the :class:`Node` (layer call) that produced it and ``index`` its position among that
    call's outputs. Arithmetic (``+ - * / @``, ``-x``, ``x[...]``) records a :class:`TensorOp`.

    Example:
        >>> x = Input(shape=(3,)); (x * 2 + 1).shape
        (None, 3)
    """

    def __init__(self, value: Tensor, node: Node | None, index: int, shape: tuple | None = None):
        self.value = value
        self.node = node
        self.index = index
        self.shape: tuple[int | None, ...] = (
            tuple(shape) if shape is not None else (None,) + tuple(value.shape[1:])
        )
        self.name = node.layer.name if node is not None else "symbolic"
        if node is not None and len(node.outputs_flat_count_hint) > 1:
            self.name = f"{node.layer.name}_{index}"

    @property
    def dtype(self) -> np.dtype:
        return self.value.dtype

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def __repr__(self) -> str:
        return f"<SymbolicTensor shape={self.shape} dtype={self.dtype} name={self.name!r}>"

    def __array__(self, *args: Any, **kwargs: Any) -> np.ndarray:
        raise GraphError(key="error.functional_model.symbolic_from_input", tensor=self)

    def __bool__(self) -> bool:
        raise GraphError(key="error.functional_model.truth_value", tensor=self)

    # arithmetic, recorded as TensorOp layers
    def __add__(self, o: Any) -> SymbolicTensor:
        return TensorOp("add")([self, o])

    def __radd__(self, o: Any) -> SymbolicTensor:
        return TensorOp("add")([o, self])

    def __sub__(self, o: Any) -> SymbolicTensor:
        return TensorOp("sub")([self, o])

    def __rsub__(self, o: Any) -> SymbolicTensor:
        return TensorOp("sub")([o, self])

    def __mul__(self, o: Any) -> SymbolicTensor:
        return TensorOp("mul")([self, o])

    def __rmul__(self, o: Any) -> SymbolicTensor:
        return TensorOp("mul")([o, self])

    def __truediv__(self, o: Any) -> SymbolicTensor:
        return TensorOp("div")([self, o])

    def __rtruediv__(self, o: Any) -> SymbolicTensor:
        return TensorOp("div")([o, self])

    def __pow__(self, o: Any) -> SymbolicTensor:
        return TensorOp("pow")([self, o])

    def __matmul__(self, o: Any) -> SymbolicTensor:
        return TensorOp("matmul")([self, o])

    def __neg__(self) -> SymbolicTensor:
        return TensorOp("neg")([self])

    def __getitem__(self, key: Any) -> SymbolicTensor:
        return TensorOp("getitem", key=_encode_key(key))([self])


def _encode_key(key: Any) -> Any:
    """An index (ints, slices, None, Ellipsis, tuples of them) as JSON-able lists."""
    if isinstance(key, tuple):
        return ["tuple", [_encode_key(k) for k in key]]
    if isinstance(key, slice):
        return ["slice", key.start, key.stop, key.step]
    if key is None:
        return ["none"]
    if key is Ellipsis:
        return ["ellipsis"]
    if isinstance(key, (int, np.integer)):
        return int(key)
    raise ConfigError(key="error.functional_model.unsupported_index_ints", option=key)


def _decode_key(key: Any) -> Any:
    if isinstance(key, int):
        return key
    tag = key[0]
    if tag == "tuple":
        return tuple(_decode_key(k) for k in key[1])
    if tag == "slice":
        return slice(*key[1:])
    return None if tag == "none" else Ellipsis


class Node:
    """One call of a layer in a functional graph: the layer, its arguments (a structure whose
    leaves are :class:`SymbolicTensor` or constants) and the symbolic outputs it made."""

    def __init__(self, layer: Layer, args: tuple, kwargs: dict[str, Any]) -> None:
        self.layer = layer
        self.args = args
        self.kwargs = kwargs
        self.outputs: Any = None
        self.outputs_flat_count_hint: list[int] = [0]

    @property
    def parents(self) -> list[SymbolicTensor]:
        """The symbolic tensors this call consumed, in argument order."""
        return [t for t in _flatten((self.args, self.kwargs)) if isinstance(t, SymbolicTensor)]


def symbolic_call(layer: Layer, call: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    """Call ``layer`` on symbolic arguments: build it on dummy values and record a Node.

    ``call`` is the layer's real ``__call__``; it runs once on the dummy values (eval mode,
    no graph) to build the weights and learn the output shapes.
    """
    node = Node(layer, args, {k: v for k, v in kwargs.items()})
    plain_args = _map(lambda t: t.value if isinstance(t, SymbolicTensor) else t, args)
    plain_kwargs = {
        k: _map(lambda t: t.value if isinstance(t, SymbolicTensor) else t, v)
        for k, v in kwargs.items()
    }
    plain_kwargs["training"] = False
    try:
        with no_grad():
            out = call(layer, *plain_args, **plain_kwargs)
    except (ShapeError, ConfigError) as e:
        shapes = [t.shape for t in node.parents]
        raise type(e)(
            key="error.functional_model.call_on_shapes", name=layer.name, shapes=shapes, error=e
        ) from e
    leaves = [leaf for leaf in _flatten(out) if isinstance(leaf, Tensor)]
    node.outputs_flat_count_hint = list(range(len(leaves)))
    counter = iter(range(len(leaves)))
    sym = _map(
        lambda t: SymbolicTensor(t, node, next(counter)) if isinstance(t, Tensor) else t, out
    )
    node.outputs = sym
    nodes = layer.__dict__.setdefault("_functional_nodes", [])
    nodes.append(node)
    object.__setattr__(layer, "output", sym)
    object.__setattr__(layer, "input", args[0] if len(args) == 1 else list(args))
    return sym


def _wrap_call(cls: type) -> None:
    original = cls.__dict__.get("__call__")
    if original is None or getattr(original, "_symbolic_aware", False):
        return

    @functools.wraps(original)
    def __call__(self: Layer, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and isinstance(args[0], (Tensor, np.ndarray)) and "mask" not in kwargs:
            return original(self, *args, **kwargs)  # the usual call: no look inside
        if _has_symbolic((args, kwargs)):
            return symbolic_call(self, original, args, kwargs)
        return original(self, *args, **kwargs)

    __call__._symbolic_aware = True  # type: ignore[attr-defined]
    cls.__call__ = __call__  # type: ignore[method-assign]


def install() -> None:
    """Make ``Layer.__call__`` and every subclass's own ``__call__`` accept symbolic inputs
    (idempotent; run at import and again by :func:`Input` for classes defined since)."""
    stack: list[type] = [Layer]
    seen: set[type] = set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        _wrap_call(cls)
        stack.extend(cls.__subclasses__())


# ------------------------------------------------------------------------------- inputs
class InputLayer(Layer):
    """The source of a functional graph: holds the input's shape and dtype.

    Example:
        >>> InputLayer(shape=(28, 28, 1)).output.shape
        (None, 28, 28, 1)
    """

    def __init__(
        self,
        shape: Any = None,
        batch_size: int | None = None,
        dtype: Any = None,
        name: str | None = None,
        batch_shape: Any = None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("sparse", None)
        kwargs.pop("trainable", None)
        if "input_shape" in kwargs:
            shape = kwargs.pop("input_shape")
        if kwargs:
            raise ConfigError(key="error.functional_model.unknown_arguments", kwargs=sorted(kwargs))
        if batch_shape is not None:
            shape = tuple(batch_shape)[1:]
        if shape is None:
            raise ConfigError(key="error.functional_model.give_shape_sample")
        if isinstance(shape, (int, np.integer)):
            shape = (int(shape),)
        shape = tuple(None if d is None else int(d) for d in shape)
        if any(d is not None and d < 1 for d in shape):
            raise ShapeError(key="error.functional_model.dimensions_none", shape=shape)
        super().__init__(name=name, dtype=dtype if dtype is not None else get_default_dtype())
        self.shape = shape
        self.batch_size = batch_size
        dummy = Tensor(np.zeros((1,) + tuple(d or 1 for d in shape), dtype=self.dtype))
        node = Node(self, (), {})
        node.outputs = SymbolicTensor(dummy, node, 0, shape=(batch_size,) + shape)
        node.outputs.name = self.name
        self.__dict__["_functional_nodes"] = [node]
        object.__setattr__(self, "output", node.outputs)
        self.input_shape = (None,) + shape
        self.built = True

    def call(self, x: Tensor, training: bool = False) -> Tensor:
        return x

    def get_config(self) -> dict[str, Any]:
        return {"shape": list(self.shape), "dtype": str(self.dtype), "name": self.name}


def Input(  # noqa: N802 (Keras' name)
    shape: Any = None,
    batch_size: int | None = None,
    dtype: Any = None,
    name: str | None = None,
    batch_shape: Any = None,
    **kwargs: Any,
) -> SymbolicTensor:
    """A symbolic input of ``shape`` (one sample's, without the batch): Keras' ``keras.Input``.

    Example:
        >>> x = Input(shape=(28, 28, 1), name="image"); x.shape, x.name
        ((None, 28, 28, 1), 'image')
    """
    install()
    layer = InputLayer(shape, batch_size, dtype, name, batch_shape, **kwargs)
    return layer.output


# ------------------------------------------------------------------------------ op layer
_OPS: dict[str, Callable[..., Tensor]] = {
    "add": ops.add,
    "sub": ops.sub,
    "mul": ops.mul,
    "div": ops.div,
    "pow": ops.pow,
    "matmul": ops.matmul,
    "neg": ops.neg,
}


class TensorOp(Layer):
    """A tensor operation on symbolic tensors (``x + y``, ``x[:, 0]``...) as a graph node.

    Example:
        >>> TensorOp("add")([np.ones(2), np.ones(2)]).tolist()
        [2.0, 2.0]
    """

    def __init__(self, op: str, key: Any = None, **kwargs: Any) -> None:
        if op not in _OPS and op != "getitem":
            raise ConfigError(key="error.functional_model.unknown_op", op=op, ops=sorted(_OPS))
        super().__init__(**kwargs)
        self.op = op
        self.key = key

    def __call__(self, inputs: Any, training: bool | None = None) -> Tensor:
        args = [self._to_tensor(a) if not isinstance(a, Tensor) else a for a in inputs]
        self.built = True
        if self.op == "getitem":
            return ops.getitem(args[0], _decode_key(self.key))
        return _OPS[self.op](*args)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "op": self.op, "key": self.key}


# ------------------------------------------------------------------------------ the model
def bind_optimizer(model: Model, x: Any = None) -> None:
    """Bind a Keras-style optimizer built without parameters (``Adam(1e-3)``) to the model's
    trainable weights, building the model from ``x``'s shape first if needed (Keras binds at
    compile / first step; this is called by the Keras-shaped models' ``compile`` and ``fit``).

    Example:
        >>> from mitbadak.layers import Dense
        >>> from mitbadak.optimizers import Adam
        >>> x = Input(shape=(3,)); m = Functional(x, Dense(1)(x))
        >>> m.compile(Adam(1e-3), "mse"); m.optimizer.built
        True
    """
    from .optimizers import Optimizer

    opt = getattr(model, "optimizer", None)
    if not isinstance(opt, Optimizer) or opt.built:
        return
    if not model.built and x is not None and not isinstance(x, (list, tuple, dict)):
        shape = np.shape(x)
        if len(shape) >= 1:
            model.build((1,) + tuple(shape[1:]))
    params = model.parameters()
    if params:
        opt.build(params)


class KerasModelMixin:
    """``compile`` and ``fit`` that bind a parameterless Keras optimizer (see
    :func:`bind_optimizer`) for the models of ``mitbadak.keras``; and Keras' inference default:
    ``model(x)`` outside ``fit`` runs in inference mode (Dropout off, BatchNormalization's
    moving statistics) unless ``training=True`` is passed; ``model.train()`` / ``model.eval()``
    (PyTorch-style) set the mode of the direct calls that follow, for every layer inside.

    Example:
        >>> from mitbadak.layers import Dense, Dropout
        >>> x = Input(shape=(4,)); m = Functional(x, Dropout(0.5)(Dense(4)(x)))
        >>> bool((m(np.ones((2, 4))).data == m(np.ones((2, 4))).data).all())  # no dropout
        True
    """

    default_training: bool | None = False

    def train(self, mode: bool = True) -> Any:
        self.default_training = bool(mode)  # an explicit mode rules direct calls from now on
        return super().train(mode)  # type: ignore[misc]

    def compile(self, optimizer: Any = "rmsprop", loss: Any = None, metrics: Any = None, **kw):
        super().compile(optimizer, loss, metrics, **kw)  # type: ignore[misc]
        bind_optimizer(self)  # type: ignore[arg-type]

    def fit(self, x: Any = None, y: Any = None, *args: Any, **kwargs: Any) -> Any:
        bind_optimizer(self, x)  # type: ignore[arg-type]
        return super().fit(x, y, *args, **kwargs)  # type: ignore[misc]


_FUNCTIONAL_SUBCLASSES: dict[type, type] = {}


def functional_class_for(cls: type, args: tuple, kwargs: dict[str, Any]) -> type | None:
    """The class ``Model.__new__`` should create for ``cls(*args, **kwargs)``.

    ``Model(inputs, outputs)``: :class:`Functional`. A subclass of ``Model`` called on symbolic
    inputs (``class CustomModel(keras.Model)`` overriding ``train_step``, then
    ``CustomModel(inputs, outputs)``): that subclass mixed with Functional, as Keras does.
    Anything else: ``None`` (create ``cls`` itself).

    Example:
        >>> functional_class_for(Model, (), {"inputs": None}).__name__
        'Functional'
    """
    if cls is Model:
        return Functional
    if issubclass(cls, Functional) or not issubclass(cls, Model):
        return None
    from .model import Sequential

    if issubclass(cls, Sequential):
        return None
    first = kwargs.get("inputs", args[0] if args else None)
    if not _flatten(first) or not all(isinstance(t, SymbolicTensor) for t in _flatten(first)):
        return None
    mixed = _FUNCTIONAL_SUBCLASSES.get(cls)
    if mixed is None:
        mixed = type(cls.__name__, (cls, Functional), {"__module__": cls.__module__})
        mixed.__qualname__ = cls.__qualname__
        _FUNCTIONAL_SUBCLASSES[cls] = mixed
    return mixed


class Functional(KerasModelMixin, Model):
    """A model defined by its inputs and outputs (``Model(inputs, outputs)`` in Keras).

    ``inputs`` / ``outputs``: one symbolic tensor, a list, or a dict of them. Calling the model
    takes (and returns) the same structure: a dict of named inputs may also be given for a list
    of inputs, matched by the inputs' names. Everything of :class:`~mitbadak.model.Model`
    works (``compile``, ``fit``, ``evaluate``, ``summary``, ``save``).

    Example:
        >>> from mitbadak.layers import Dense
        >>> a, b = Input(shape=(3,), name="a"), Input(shape=(2,), name="b")
        >>> from mitbadak.layers.merging import Concatenate
        >>> y = Dense(1, name="y")(Concatenate()([a, b]))
        >>> m = Functional([a, b], y)
        >>> m([np.ones((4, 3)), np.ones((4, 2))]).shape
        (4, 1)
        >>> m({"a": np.ones((4, 3)), "b": np.ones((4, 2))}).shape
        (4, 1)
    """

    def __init__(
        self, inputs: Any, outputs: Any, name: str | None = None, trainable: bool = True, **kw: Any
    ) -> None:
        super().__init__(name=name, trainable=trainable, **kw)
        flat_in = _flatten(inputs)
        flat_out = _flatten(outputs)
        for what, flat in (("inputs", flat_in), ("outputs", flat_out)):
            if not flat or not all(isinstance(t, SymbolicTensor) for t in flat):
                bad = [type(t).__name__ for t in flat if not isinstance(t, SymbolicTensor)]
                if bad:
                    raise GraphError(key=f"error.functional_model.{what}_symbolic", got=bad)
                raise GraphError(key=f"error.functional_model.{what}_symbolic_nothing")
        for t in flat_in:
            if t.node is None or not isinstance(t.node.layer, InputLayer):
                raise GraphError(key="error.functional_model.input_does_come", name=t.name)
        self._input_struct = inputs
        self._output_struct = outputs
        self._nodes = self._topological_nodes(flat_in, flat_out)
        layers: list[Layer] = [t.node.layer for t in flat_in]
        for node in self._nodes:
            if all(node.layer is not la for la in layers):
                layers.append(node.layer)
        names = [la.name for la in layers]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise GraphError(key="error.functional_model.layer_names_unique", dup=dup)
        self.__dict__["_graph_layers"] = layers
        self.input_shape = flat_in[0].shape
        self.built = True

    @staticmethod
    def _topological_nodes(flat_in: list[SymbolicTensor], flat_out: list[SymbolicTensor]):
        inputs = {id(t) for t in flat_in}
        order: list[Node] = []
        done: set[int] = set()
        active: set[int] = set()

        def visit(t: SymbolicTensor) -> None:
            if id(t) in inputs:
                return
            node = t.node
            if node is None or isinstance(node.layer, InputLayer):
                raise GraphError(
                    key="error.functional_model.outputs_depend_input",
                    name=t.name,
                    inputs=[x.name for x in flat_in],
                )
            if id(node) in done:
                return
            if id(node) in active:
                raise GraphError(key="error.functional_model.graph_cycle")
            active.add(id(node))
            for parent in node.parents:
                visit(parent)
            active.discard(id(node))
            done.add(id(node))
            order.append(node)

        for t in flat_out:
            visit(t)
        return order

    # ---------------------------------------------------------------------------- graph
    @property
    def layers(self) -> list[Layer]:
        """Every layer of the graph, inputs first, then in the order they are computed."""
        return list(self.__dict__["_graph_layers"])

    def named_children(self) -> list[tuple[str, Layer]]:
        """The graph's layers (inputs left out) keyed by their unique names, so weights are
        ``dense.kernel``, ``conv2d_1.bias``... as Keras names them."""
        return [
            (la.name, la)
            for la in self.__dict__.get("_graph_layers", [])
            if not isinstance(la, InputLayer)
        ]

    @property
    def inputs(self) -> list[SymbolicTensor]:
        return _flatten(self._input_struct)

    @property
    def outputs(self) -> list[SymbolicTensor]:
        return _flatten(self._output_struct)

    @property
    def input(self) -> Any:  # noqa: A003 (Keras' name)
        return self._input_struct

    @property
    def output(self) -> Any:
        return self._output_struct

    @property
    def input_names(self) -> list[str]:
        return [t.name for t in self.inputs]

    @property
    def output_names(self) -> list[str]:
        if isinstance(self._output_struct, dict):
            return list(self._output_struct)
        return [t.node.layer.name for t in self.outputs]

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """A layer by name or by position in :attr:`layers`."""
        if index is not None:
            n = len(self.layers)
            index = validate.integer(index, "index", "get_layer", min=-n, max=n - 1)
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ConfigError(
            key="error.functional_model.layer_named_layers",
            name=name,
            names=[la.name for la in self.layers],
        )

    # ----------------------------------------------------------------------------- call
    def build(self, input_shape: Any) -> None:
        """Nothing to do: a functional model is built when it is created."""

    def __call__(self, x: Any, training: bool | None = None, **kwargs: Any) -> Any:
        if _has_symbolic(x):
            return symbolic_call(self, Functional._run, (x,), {"training": training, **kwargs})
        return self._run(x, training=training)

    def _run(self, x: Any, training: bool | None = None, **_: Any) -> Any:
        if training is None:  # an outer call's value, else Keras' inference default
            training = outer_training()
            if training is None:
                training = self.default_training
        return self.call(x, training=self.training if training is None else training)

    def _bind_inputs(self, x: Any) -> dict[int, Tensor]:
        struct = self._input_struct
        flat = _flatten(struct)
        if isinstance(x, dict) and not isinstance(struct, dict):
            names = [t.name for t in flat]
            missing = [n for n in names if n not in x]
            if missing:
                raise ShapeError(
                    key="error.functional_model.inputs_missing_keys",
                    name=self.name,
                    missing=missing,
                    x=sorted(x),
                )
            values = [x[n] for n in names]
        elif isinstance(struct, dict):
            if not isinstance(x, dict) or set(x) != set(struct):
                got = sorted(x) if isinstance(x, dict) else type(x).__name__
                raise ShapeError(
                    key="error.functional_model.dict_keys",
                    name=self.name,
                    struct=sorted(struct),
                    got=got,
                )
            values = _flatten({k: x[k] for k in struct})
        elif len(flat) == 1:
            values = [x[0] if isinstance(x, (list, tuple)) and len(x) == 1 else x]
        else:
            if not isinstance(x, (list, tuple)) or len(x) != len(flat):
                n = len(x) if isinstance(x, (list, tuple)) else 1
                raise ShapeError(
                    key="error.functional_model.inputs",
                    name=self.name,
                    n_flat=len(flat),
                    names=[t.name for t in flat],
                    n=n,
                )
            values = list(x)
        env: dict[int, Tensor] = {}
        for sym, v in zip(flat, values):
            t = sym.node.layer._to_tensor(v)
            if t.ndim != len(sym.shape) or any(
                d is not None and d != s for d, s in zip(sym.shape[1:], t.shape[1:])
            ):
                raise ShapeError(
                    key="error.functional_model.input_expects_shape",
                    name=self.name,
                    name2=sym.name,
                    shape=sym.shape,
                    shape2=t.shape,
                )
            env[id(sym)] = t
        return env

    def call(self, x: Any, training: bool = False) -> Any:
        env = self._bind_inputs(x)

        def value(t: Any) -> Any:
            return env[id(t)] if isinstance(t, SymbolicTensor) else t

        for node in self._nodes:
            args = _map(value, node.args)
            kwargs = {k: _map(value, v) for k, v in node.kwargs.items()}
            kwargs.setdefault("training", training)
            if kwargs["training"] is None:
                kwargs["training"] = training
            out = node.layer(*args, **kwargs)
            syms = [s for s in _flatten(node.outputs) if isinstance(s, SymbolicTensor)]
            vals = [v for v in _flatten(out) if isinstance(v, Tensor)]
            for s, v in zip(syms, vals):
                env[id(s)] = v
        return _map(value, self._output_struct)

    # ---------------------------------------------------------------------------- config
    def get_config(self) -> dict[str, Any]:
        """Layers, the calls in order (each argument a reference ``[node, output]`` or a
        constant) and the input / output structures: JSON-able, rebuilt by ``from_config``."""
        node_ids: dict[int, int] = {}
        for i, t in enumerate(self.inputs):
            node_ids[id(t.node)] = i
        n_inputs = len(self.inputs)
        for j, node in enumerate(self._nodes):
            node_ids[id(node)] = n_inputs + j

        def ref(t: Any) -> Any:
            if isinstance(t, SymbolicTensor):
                return {"ref": [node_ids[id(t.node)], t.index]}
            if isinstance(t, (list, tuple, dict)):
                return _map(ref, t)
            if isinstance(t, (int, float, str, bool)) or t is None:
                return t
            raise ConfigError(key="error.functional_model.save_constant_layer", name=self.name, t=t)

        def ref_struct(s: Any) -> Any:
            if isinstance(s, dict):
                return {"dict": {k: ref_struct(v) for k, v in s.items()}}
            if isinstance(s, (list, tuple)):
                return {"list": [ref_struct(v) for v in s]}
            return ref(s)

        return {
            "name": self.name,
            "layers": [layer_to_config(la) for la in self.layers],
            "nodes": [
                {
                    "layer": node.layer.name,
                    "args": [_ser_arg(a, ref) for a in node.args],
                    "kwargs": {
                        k: _ser_arg(v, ref) for k, v in node.kwargs.items() if k != "training"
                    },
                }
                for node in self._nodes
            ],
            "inputs": ref_struct(self._input_struct),
            "outputs": ref_struct(self._output_struct),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Functional:
        try:
            layers = {}
            for spec in config["layers"]:
                layer = layer_from_config(spec)
                layers[layer.name] = layer
            produced: list[Any] = [
                layers[la["config"]["name"]].output
                for la in config["layers"]
                if la["class_name"] == "InputLayer"
            ]
            n_inputs = len(produced)

            def deref(a: Any) -> Any:
                if isinstance(a, dict) and set(a) == {"ref"}:
                    node, index = a["ref"]
                    out = produced[node]
                    flat = [s for s in _flatten(out) if isinstance(s, SymbolicTensor)]
                    return flat[index]
                if isinstance(a, dict) and set(a) == {"list"}:
                    return [deref(v) for v in a["list"]]
                if isinstance(a, dict) and set(a) == {"dict"}:
                    return {k: deref(v) for k, v in a["dict"].items()}
                if isinstance(a, list):
                    return [deref(v) for v in a]
                if isinstance(a, dict):
                    return {k: deref(v) for k, v in a.items()}
                return a

            for node in config["nodes"]:
                layer = layers[node["layer"]]
                args = [_deser_arg(a, deref) for a in node["args"]]
                kwargs = {k: _deser_arg(v, deref) for k, v in node["kwargs"].items()}
                produced.append(layer(*args, **kwargs))
            del n_inputs
            inputs = deref(config["inputs"])
            outputs = deref(config["outputs"])
        except (KeyError, IndexError, TypeError) as e:
            raise ConfigError(key="error.functional_model.error", e=e) from None
        return cls(inputs, outputs, name=config.get("name"))

    # --------------------------------------------------------------------------- summary
    def summary(self, print_fn: Any = print, line_length: int = 110) -> str:
        """Print (and return) the layers with their output shapes, parameters and the layers
        each is connected to (``name[node][output]``, as Keras shows them).

        Example:
            >>> from mitbadak.layers import Dense
            >>> x = Input(shape=(3,), name="x"); m = Functional(x, Dense(2, name="d")(x))
            >>> "x[0][0]" in m.summary(print_fn=None)
            True
        """
        rows: list[tuple[str, str, str, str]] = []
        for t in self.inputs:
            la = t.node.layer
            rows.append((f"{la.name} ({type(la).__name__})", str(t.shape), "0", "-"))
        for node in self._nodes:
            la = node.layer
            idx = la.__dict__.get("_functional_nodes", [node]).index(node)
            conns = []
            for p in node.parents:
                pn = p.node.layer.__dict__.get("_functional_nodes", [p.node]).index(p.node)
                conns.append(f"{p.node.layer.name}[{pn}][{p.index}]")
            shapes = [s.shape for s in _flatten(node.outputs) if isinstance(s, SymbolicTensor)]
            shape = str(shapes[0]) if len(shapes) == 1 else str(shapes)
            label = f"{la.name} ({type(la).__name__})"
            params = f"{la.count_params():,}" if idx == 0 else message("model.summary.shared")
            rows.append((label, shape, params, ", ".join(conns) or "-"))
        trainable = sum(t.size for t in self.trainable_weights)
        total = self.count_params()
        # the words in the language in use; columns padded to the width shown on a terminal
        w1 = max([columns(r[0]) for r in rows] + [20]) + 2
        w2 = max([columns(r[1]) for r in rows] + [12]) + 2
        w3 = 12
        sep = "_" * line_length
        head = [message("model.summary.layer"), message("model.summary.shape")]
        head.append(message("model.summary.params"))
        lines = [
            message("model.summary.title", name=self.name),
            sep,
            pad(head[0], w1) + pad(head[1], w2) + pad(head[2], w3)
            + message("model.summary.connected"),
            "=" * line_length,
        ]  # fmt: skip
        for i, (a, b, c, d) in enumerate(rows):
            lines.append(f"{pad(a, w1)}{pad(b, w2)}{pad(c, w3)}{d}")
            if i < len(rows) - 1:
                lines.append("")
        lines += [
            "=" * line_length,
            message("model.summary.total", n=total),
            message("model.summary.trainable", n=trainable),
            message("model.summary.non_trainable", n=total - trainable),
            sep,
        ]
        text = "\n".join(lines)
        if print_fn is not None:
            print_fn(text)
        return text

    def to_dot(self, show_shapes: bool = True) -> str:
        """The graph in Graphviz' DOT language: one box per layer call, arrows for tensors.

        Example:
            >>> from mitbadak.layers import Dense
            >>> x = Input(shape=(3,), name="x"); m = Functional(x, Dense(2, name="d")(x))
            >>> '"x" -> "d"' in m.to_dot()
            True
        """
        lines = [
            f'digraph "{self.name}" {{',
            "  rankdir=TB;",
            '  node [shape=record, fontname="Helvetica"];',
        ]

        def label(la: Layer, shape: Any) -> str:
            text = f"{la.name} | {type(la).__name__}"
            if show_shapes:
                text += f" | {shape}".replace("None", "?")
            return text.replace('"', "'")

        for t in self.inputs:
            lines.append(f'  "{t.node.layer.name}" [label="{label(t.node.layer, t.shape)}"];')
        seen: set[str] = set()
        for node in self._nodes:
            la = node.layer
            shapes = [s.shape for s in _flatten(node.outputs) if isinstance(s, SymbolicTensor)]
            if la.name not in seen:
                seen.add(la.name)
                lines.append(f'  "{la.name}" [label="{label(la, shapes[0] if shapes else "")}"];')
            for p in node.parents:
                lines.append(f'  "{p.node.layer.name}" -> "{la.name}";')
        lines.append("}")
        return "\n".join(lines) + "\n"


def _ser_arg(a: Any, ref: Callable[[Any], Any]) -> Any:
    if isinstance(a, dict):
        return {"dict": {k: _ser_arg(v, ref) for k, v in a.items()}}
    if isinstance(a, (list, tuple)):
        return {"list": [_ser_arg(v, ref) for v in a]}
    return ref(a)


def _deser_arg(a: Any, deref: Callable[[Any], Any]) -> Any:
    return deref(a)


install()

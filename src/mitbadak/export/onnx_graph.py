"""The ONNX graph builder and the per-layer converter registry behind :func:`to_onnx`.

A converter turns one mitbadak layer into ONNX nodes. It is a function
``convert(graph, layer, inputs, shapes) -> output name``: ``inputs`` are the names of the ONNX
values feeding the layer (one for most layers, several for merge layers), ``shapes`` their
shapes as mitbadak computes them for a batch of one (so a converter can resolve ``"same"``
padding), and it returns the name of the value it produced. Converters are registered by
layer *class name* with :func:`register_converter`, so a module can provide the converter of a
layer class that lives in another module without importing it (see the merge-layer hook in
:mod:`mitbadak.export.onnx_layers`). A subclass uses its parent's converter only when it does
not override ``call``: a custom ``call`` is code the converter cannot know.

Models are layers too: :mod:`mitbadak.export.onnx_layers` registers ``Sequential`` (its layers
in turn). A functional-API model class registers a converter that walks its nodes in
topological order and calls :meth:`OnnxGraph.convert` for each, passing the names of the node's
input values; that is the whole hook.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError, ShapeError
from ..tensor import Tensor, no_grad

#: The opset :func:`to_onnx` writes unless told otherwise.
DEFAULT_OPSET = 17
#: Opsets the converters are written (and tested) for.
SUPPORTED_OPSETS = (17, 18, 19, 20)

Converter = Callable[["OnnxGraph", Any, list[str], list[tuple[int, ...]]], str]
_CONVERTERS: dict[str, Converter] = {}


def register_converter(*class_names: str) -> Callable[[Converter], Converter]:
    """Decorator: make ``fn`` the ONNX converter of the layer classes named ``class_names``.

    Example:
        >>> @register_converter("MyIdentity")
        ... def _identity(graph, layer, inputs, shapes):
        ...     return graph.node("Identity", inputs)
        >>> "MyIdentity" in converters()
        True
    """

    def deco(fn: Converter) -> Converter:
        for name in class_names:
            _CONVERTERS[name] = fn
        return fn

    return deco


def converters() -> list[str]:
    """The names of the layer classes that have an ONNX converter.

    Example:
        >>> from mitbadak.export import onnx_layers, onnx_recurrent  # they register themselves
        >>> "Dense" in converters() and "LSTM" in converters()
        True
    """
    return sorted(_CONVERTERS)


def find_converter(layer: Any) -> Converter:
    """The converter for ``layer``: its class's, or an ancestor's when ``call`` is inherited."""
    cls = type(layer)
    for base in cls.__mro__:
        fn = _CONVERTERS.get(base.__name__)
        if fn is not None and (base is cls or getattr(cls, "call", None) is base.call):
            return fn
    raise ConfigError(
        key="error.onnx.no_converter", name=getattr(layer, "name", "?"), kind=cls.__name__,
        supported=", ".join(converters()),
    )  # fmt: skip


def _onnx() -> Any:
    try:
        import onnx
    except ImportError:
        raise ConfigError(key="error.onnx.no_onnx") from None
    return onnx


class OnnxGraph:
    """Collects the nodes and weights of one ONNX graph; converters call its helpers.

    Example:
        >>> g = OnnxGraph(np.float32, 17)
        >>> y = g.node("Relu", ["x"]); g.nodes[0].op_type, y
        ('Relu', 'relu_0')
    """

    def __init__(self, dtype: Any, opset: int) -> None:
        self.onnx = _onnx()
        self.dtype = np.dtype(dtype)
        self.opset = int(opset)
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []
        self._used: dict[str, int] = {}
        self.masked: set[str] = set()  # values that carry a mitbadak mask (see Embedding)

    def fresh(self, hint: str) -> str:
        """A value name not used before in this graph, made from ``hint``."""
        hint = "".join(c if c.isalnum() or c in "_/." else "_" for c in hint) or "v"
        n = self._used.get(hint, 0)
        self._used[hint] = n + 1
        return f"{hint}_{n}"

    def const(self, value: Any, hint: str = "const", dtype: Any = None) -> str:
        """Add a weight (initializer), cast to the model's float dtype unless ``dtype`` is given."""
        arr = np.asarray(value.data if isinstance(value, Tensor) else value)
        arr = np.array(arr, dtype=self.dtype if dtype is None else dtype, order="C")
        name = self.fresh(hint)
        self.initializers.append(self.onnx.numpy_helper.from_array(arr, name))
        return name

    def ints(self, values: Sequence[int], hint: str = "ints") -> str:
        """An int64 1-D constant (shapes, axes, pads)."""
        return self.const(np.asarray(list(values), np.int64), hint, np.int64)

    def node(
        self,
        op: str,
        inputs: Sequence[str],
        n_outputs: int = 1,
        hint: str | None = None,
        **attrs: Any,
    ) -> Any:
        """Add one node; return its output name (or the list of names if ``n_outputs > 1``)."""
        outs = [self.fresh(hint or op.lower()) for _ in range(n_outputs)]
        self.nodes.append(
            self.onnx.helper.make_node(
                op, list(inputs), outs, name=self.fresh("node_" + op), **attrs
            )
        )
        return outs[0] if n_outputs == 1 else outs

    def reduce(self, op: str, x: str, axes: Sequence[int], keepdims: bool) -> str:
        """ReduceMean / ReduceMax / ReduceSum over ``axes`` (an attribute before opset 18, an
        input from 18 on; ReduceSum takes an input since 13)."""
        if self.opset >= 18 or op == "ReduceSum":
            return self.node(op, [x, self.ints(axes, "axes")], keepdims=int(keepdims))
        return self.node(op, [x], axes=list(axes), keepdims=int(keepdims))

    def convert(
        self,
        layer: Any,
        inputs: list[str],
        shapes: list[tuple[int, ...]],
        dtypes: list[Any] | None = None,
    ) -> tuple[str, tuple[int, ...]]:
        """Convert one layer fed by ``inputs`` of ``shapes`` (and ``dtypes``, by default the
        model's float dtype, int64 before an Embedding); return its output's name and shape
        (computed by running the layer in mitbadak on zeros of ``shapes``)."""
        fn = find_converter(layer)
        if dtypes is None:
            dtypes = [self._dummy_dtype(layer, s) for s in shapes]
        dummies = [np.zeros(s, dtype=dt) for s, dt in zip(shapes, dtypes)]
        with no_grad():
            y = layer(dummies[0] if len(dummies) == 1 else dummies, training=False)
        if isinstance(y, (list, tuple)):
            raise ConfigError(key="error.onnx.several_outputs", name=layer.name)
        out = fn(self, layer, list(inputs), [tuple(s) for s in shapes])
        return out, tuple(y.shape)

    def _dummy_dtype(self, layer: Any, shape: tuple[int, ...]) -> Any:
        from ..layers.embedding import Embedding

        first = layer
        while hasattr(first, "layers") and first.layers:
            first = first.layers[0]
        return np.int64 if isinstance(first, Embedding) else self.dtype


def to_onnx(
    model: Any,
    path: Any = None,
    opset: int = DEFAULT_OPSET,
    input_name: str = "input",
    output_name: str = "output",
) -> Any:
    """Export a built mitbadak model to an ONNX file (opset 17 by default), for inference.

    The graph takes ``input_name`` of shape ``(N, *model.input_shape[1:])`` (any batch size
    ``N``; float in the model's dtype, or int64 token ids when the first layer is an
    ``Embedding``) and gives ``output_name``: ``model.predict``'s result. Layers run in
    inference mode (Dropout is the identity, BatchNormalization uses its running statistics).
    The model is checked with ``onnx.checker`` before it is written (atomically). Returns the
    ``onnx.ModelProto``; with ``path=None`` nothing is written.

    Raises ConfigError naming the layer for a layer or option without a converter, and
    ShapeError if the model is not built.

    Example:
        >>> from mitbadak import Sequential, layers
        >>> m = Sequential([layers.Dense(3, activation="relu")]); m.build((1, 4))
        >>> proto = to_onnx(m)  # doctest: +SKIP
        >>> [n.op_type for n in proto.graph.node]  # doctest: +SKIP
        ['MatMul', 'Add', 'Relu', 'Identity']
    """
    onnx = _onnx()
    if opset not in SUPPORTED_OPSETS:
        raise ConfigError(key="error.onnx.opset", supported=SUPPORTED_OPSETS, opset=opset)
    if not getattr(model, "built", False) or getattr(model, "input_shape", None) is None:
        raise ShapeError(key="error.onnx.not_built")
    # Register the converters (onnx_conv_extra / onnx_functional / onnx_keras_layers bind by
    # class name, so they import the layer modules they need only when such a layer is
    # converted).
    from . import (  # noqa: F401
        onnx_conv_extra,
        onnx_functional,
        onnx_keras_layers,
        onnx_layers,
        onnx_recurrent,
    )

    graph = OnnxGraph(model.dtype, opset)
    specs = onnx_functional.input_specs(model)
    if specs is None:
        sample = tuple(int(s) for s in model.input_shape[1:])
        specs = [(input_name, sample, graph._dummy_dtype(model, (1,) + sample))]
    elif len(specs) == 1:
        specs = [(input_name, specs[0][1], specs[0][2])]
    dynamic = any(d is None for _, shape, _ in specs for d in shape)
    names = [name for name, _, _ in specs]
    shapes = [(1,) + tuple(d or 1 for d in shape) for _, shape, _ in specs]
    dtypes = [np.dtype(dt) for _, _, dt in specs]
    out, out_shape = graph.convert(model, names, shapes, dtypes)  # inference mode
    graph.nodes.append(onnx.helper.make_node("Identity", [out], [output_name], name="output"))
    value_info = onnx.helper.make_tensor_value_info
    graph_inputs = [
        value_info(
            name,
            onnx.helper.np_dtype_to_tensor_dtype(dt),
            ["N", *(d if d is not None else f"{name}_d{i + 1}" for i, d in enumerate(shape))],
        )
        for (name, shape, _), dt in zip(specs, dtypes)
    ]
    out_dims = ["N", *((None,) * (len(out_shape) - 1) if dynamic else out_shape[1:])]
    out_elem = onnx.helper.np_dtype_to_tensor_dtype(graph.dtype)
    g = onnx.helper.make_graph(
        graph.nodes,
        getattr(model, "name", "mitbadak") or "mitbadak",
        graph_inputs,
        [value_info(output_name, out_elem, out_dims)],
        initializer=graph.initializers,
    )
    proto = onnx.helper.make_model(
        g,
        producer_name="mitbadak",
        opset_imports=[onnx.helper.make_opsetid("", opset)],
    )
    proto.ir_version = min(proto.ir_version, 8 if opset <= 17 else 9)
    onnx.checker.check_model(proto, full_check=True)
    if path is not None:
        from ..io import atomic_write

        data = proto.SerializeToString()
        atomic_write(path, lambda f: f.write(data))
    return proto

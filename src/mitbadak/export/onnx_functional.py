"""The ONNX converter of functional-API models (``Model(inputs, outputs)``, class
``Functional`` of :mod:`mitbadak.functional_model`), and of their arithmetic nodes.

The graph is walked from the model's outputs back to its inputs through each symbolic tensor's
``node`` (the layer call that made it) and the node's ``parents``; the calls are then converted
in topological order, each with the ONNX names of the values it reads, so a layer used twice
(shared weights) is simply converted twice with the same initializer values. Merge layers
(``Add``, ``Concatenate``...) are in :mod:`mitbadak.export.onnx_layers`. Arithmetic on symbolic
tensors (``x + y``, ``2 * x``, ``x @ w``, ``-x``: a ``TensorOp`` node) becomes Add, Sub, Mul,
Div, Pow, MatMul, Neg, its constants initializers. Several inputs become several graph inputs
named after the ``Input`` layers; the model must have one output. Not exported: slicing
(``x[...]``), layer calls with keyword tensors (``initial_state=``, ``mask=``) and layers that
return several tensors.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import ConfigError
from .onnx_graph import OnnxGraph, register_converter

_TENSOR_OPS = {
    "add": "Add",
    "sub": "Sub",
    "mul": "Mul",
    "div": "Div",
    "pow": "Pow",
    "matmul": "MatMul",
    "neg": "Neg",
}


def _leaves(struct: Any) -> list[Any]:
    if isinstance(struct, dict):
        return [x for v in struct.values() for x in _leaves(v)]
    if isinstance(struct, (list, tuple)):
        return [x for v in struct for x in _leaves(v)]
    return [struct]


def _symbolic(x: Any) -> bool:
    return hasattr(x, "node") and hasattr(x, "value") and hasattr(x, "shape")


def topological_nodes(model: Any) -> list[Any]:
    """The layer calls (nodes) of a functional model, each after the nodes it reads.

    Example:
        >>> from mitbadak.functional_model import Functional, Input  # doctest: +SKIP
        >>> from mitbadak.layers import Dense  # doctest: +SKIP
        >>> x = Input(shape=(3,)); m = Functional(x, Dense(2)(Dense(4)(x)))  # doctest: +SKIP
        >>> [type(n.layer).__name__ for n in topological_nodes(m)]  # doctest: +SKIP
        ['Dense', 'Dense']
    """
    inputs = {id(t) for t in model.inputs}
    order: list[Any] = []
    done: set[int] = set()

    def visit(t: Any) -> None:
        if id(t) in inputs or t.node is None or id(t.node) in done:
            return
        done.add(id(t.node))
        for parent in t.node.parents:
            visit(parent)
        order.append(t.node)

    for t in model.outputs:
        visit(t)
    return order


def input_specs(model: Any) -> list[tuple[str, tuple, Any]] | None:
    """(name, sample shape with ``None`` for free sizes, dtype) of each input of a functional
    model, or ``None`` for a model without symbolic ``inputs`` (e.g. Sequential)."""
    ins = getattr(model, "inputs", None)
    if not isinstance(ins, list) or not ins or not all(_symbolic(t) for t in ins):
        return None
    return [(t.name, tuple(t.shape[1:]), t.value.dtype) for t in ins]


def _tensor_op(g: OnnxGraph, node: Any, env: dict, shapes: dict) -> tuple[str, tuple]:
    layer = node.layer
    op = _TENSOR_OPS.get(layer.op)
    if op is None:
        raise ConfigError(key="error.onnx.tensor_op", name=layer.name, op=layer.op)
    names, dummies = [], []
    for leaf in _leaves(node.args):
        if _symbolic(leaf):
            names.append(env[id(leaf)])
            dummies.append(np.zeros(shapes[id(leaf)], leaf.value.dtype))
        else:
            arr = np.asarray(leaf.data if hasattr(leaf, "grad") else leaf)
            names.append(g.const(arr, f"{layer.name}/const"))
            dummies.append(arr)
    y = layer(dummies)
    return g.node(op, names), tuple(y.shape)


@register_converter("Functional")
def _functional(g: OnnxGraph, model: Any, inputs: list[str], shapes: list) -> str:
    if len(model.outputs) != 1:
        raise ConfigError(key="error.onnx.outputs", name=model.name, n=len(model.outputs))
    env = {id(t): name for t, name in zip(model.inputs, inputs)}
    shape_of = {id(t): tuple(s) for t, s in zip(model.inputs, shapes)}
    for node in topological_nodes(model):
        layer = node.layer
        extra = {k: v for k, v in node.kwargs.items() if k != "training"}
        if extra:
            raise ConfigError(key="error.onnx.call_kwargs", name=layer.name, kwargs=sorted(extra))
        if type(layer).__name__ == "TensorOp":
            out, shape = _tensor_op(g, node, env, shape_of)
        else:
            leaves = _leaves(node.args)
            if not all(_symbolic(x) for x in leaves):
                raise ConfigError(key="error.onnx.constants", name=layer.name)
            out, shape = g.convert(
                layer,
                [env[id(x)] for x in leaves],
                [shape_of[id(x)] for x in leaves],
                [x.value.dtype for x in leaves],
            )
        outs = [t for t in _leaves(node.outputs) if _symbolic(t)]
        if len(outs) != 1:
            raise ConfigError(key="error.onnx.several_tensors", name=layer.name)
        env[id(outs[0])], shape_of[id(outs[0])] = out, shape
    return env[id(model.outputs[0])]

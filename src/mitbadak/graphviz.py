"""Draw a computational graph as Graphviz DOT text (and as a PNG when ``dot`` is installed).

``backward()`` frees the graph, so take a snapshot first with :func:`trace`; it also asks the
intermediate tensors to keep their gradients, so after ``backward()`` the drawing can show
every value *and* every gradient. Tensors are ellipses (leaves you created are green), the
operations that made them are boxes.

Example:
    >>> import mitbadak as mb
    >>> x = mb.Tensor(2.0, requires_grad=True, name="x")
    >>> y = x * x + x
    >>> g = trace(y)            # before backward: the graph still exists
    >>> y.backward()
    >>> dot = g.to_dot()        # values and gradients (dy/dx = 2x + 1 = 5)
    >>> "Mul" in dot and "grad 5" in dot
    True
    >>> render(dot, "graph.png")  # True if Graphviz's dot made the PNG  # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import GraphError
from .tensor import Function, Tensor, iter_graph

__all__ = ["Graph", "have_dot", "render", "to_dot", "trace"]


def _fmt_array(a: np.ndarray, max_size: int = 6) -> str:
    if a.size == 1:
        return f"{float(a.reshape(-1)[0]):.4g}"
    if a.size <= max_size:
        return "[" + ", ".join(f"{float(v):.3g}" for v in a.reshape(-1)) + "]"
    return f"shape {a.shape}"


def _quote(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + text + '"'


@dataclass
class Graph:
    """A snapshot of a computational graph: tensors, the functions between them, the edges.

    Attributes:
        tensors: every tensor in the graph (leaves and results), inputs first.
        functions: ``(function, output tensor)`` pairs in forward order.
        root: the tensor the graph was traced from.
    """

    root: Tensor
    tensors: list[Tensor] = field(default_factory=list)
    functions: list[tuple[Function, Tensor]] = field(default_factory=list)
    _inputs: list[tuple[Tensor, ...]] = field(default_factory=list)

    def name_of(self, t: Tensor) -> str:
        """The tensor's ``name``, or ``#<k>`` by its position in the graph."""
        return t.name or f"#{next(k for k, u in enumerate(self.tensors) if u is t)}"

    def to_dot(self, show_values: bool = True, show_grads: bool = True, title: str = "") -> str:
        """The graph as Graphviz DOT text (``dot -Tpng graph.dot -o graph.png`` draws it).

        Example:
            >>> g = trace(Tensor(1.0, requires_grad=True) * 3)
            >>> g.to_dot().startswith("digraph")
            True
        """
        lines = ["digraph mitbadak {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
        if title:
            lines.append(f"  label={_quote(title)}; labelloc=t;")
        ids = {id(t): f"T{k}" for k, t in enumerate(self.tensors)}
        for t in self.tensors:
            label = [self.name_of(t)]
            if show_values:
                label.append(f"value {_fmt_array(t.data)}")
            if show_grads and t.grad is not None:
                label.append(f"grad {_fmt_array(t.grad)}")
            leaf = t.is_leaf and all(out is not t for _, out in self.functions)
            style = (
                ', style=filled, fillcolor="#d9ead3"'
                if leaf and t.requires_grad
                else (', style=filled, fillcolor="#eeeeee"' if leaf else "")
            )
            lines.append(
                f"  {ids[id(t)]} [shape=ellipse, label={_quote(chr(10).join(label))}{style}];"
            )
        for k, ((fn, out), inputs) in enumerate(zip(self.functions, self._inputs)):
            fid = f"F{k}"
            lines.append(
                f'  {fid} [shape=box, label={_quote(fn.name)}, style=filled, fillcolor="#fce5cd"];'
            )
            for inp in inputs:
                lines.append(f"  {ids[id(inp)]} -> {fid};")
            lines.append(f"  {fid} -> {ids[id(out)]};")
        lines.append("}")
        return "\n".join(lines) + "\n"


def trace(root: Tensor, retain_grads: bool = True) -> Graph:
    """Snapshot the graph behind ``root`` (call it before ``backward()``, which frees it).

    Args:
        root: the result of a computation on tensors with ``requires_grad=True``.
        retain_grads: make every intermediate tensor keep its ``.grad`` during ``backward``,
            so the drawing can show dLoss/d(every node), not only the leaves' gradients.

    Example:
        >>> x = Tensor([1.0, 2.0], requires_grad=True)
        >>> g = trace((x * x).sum())
        >>> [fn.name for fn, _ in g.functions]
        ['Mul', 'Sum']
    """
    if not isinstance(root, Tensor):
        raise GraphError(key="error.graphviz.not_tensor", kind=type(root).__name__)
    if root._freed:
        raise GraphError(key="error.graphviz.freed")
    if root._ctx is None:
        raise GraphError(key="error.graphviz.no_graph")
    g = Graph(root=root)
    seen: set[int] = set()
    for out, fn in iter_graph(root):
        for inp in fn.inputs:
            if id(inp) not in seen:
                seen.add(id(inp))
                g.tensors.append(inp)
        if id(out) not in seen:
            seen.add(id(out))
            g.tensors.append(out)
        g.functions.append((fn, out))
        g._inputs.append(tuple(fn.inputs))  # backward empties fn.inputs; keep our own copy
        if retain_grads:
            out.retain_grad()
    return g


def to_dot(root: Tensor, show_values: bool = True) -> str:
    """DOT text of the graph behind ``root`` (before ``backward``; see :func:`trace` to show
    gradients too).

    Example:
        >>> x = Tensor(3.0, requires_grad=True)
        >>> "Mul" in to_dot(x * x)
        True
    """
    return trace(root, retain_grads=False).to_dot(show_values=show_values, show_grads=False)


def have_dot() -> bool:
    """Whether Graphviz's ``dot`` program is on the PATH.

    Example:
        >>> isinstance(have_dot(), bool)
        True
    """
    return shutil.which("dot") is not None


def render(dot_text: str, path: str | os.PathLike, timeout: float = 30.0) -> bool:
    """Write ``dot_text`` beside ``path`` (as ``.dot``) and draw it to ``path`` (PNG) with
    Graphviz's ``dot``. Returns ``False`` (and keeps the ``.dot``) if ``dot`` is not installed:
    then run ``dot -Tpng file.dot -o file.png`` yourself, or paste the text into any online
    Graphviz viewer.

    Example:
        >>> render(to_dot(Tensor(3.0, requires_grad=True) * 2), "g.png")  # doctest: +SKIP
        True
    """
    png = Path(path)
    png.parent.mkdir(parents=True, exist_ok=True)
    dot_file = png.with_suffix(".dot")
    dot_file.write_text(dot_text, encoding="utf-8")
    exe = shutil.which("dot")
    if exe is None:
        return False
    try:
        subprocess.run(
            [exe, "-Tpng", str(dot_file), "-o", str(png)],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    except (subprocess.SubprocessError, OSError):
        return False
    return png.exists()

"""The autograd engine: ``Tensor``, the graph node ``Function``, ``backward`` and ``no_grad``.

A ``Tensor`` wraps a NumPy array. Every differentiable operation is a ``Function`` subclass with
a ``forward`` on arrays and a ``backward`` that turns the gradient of the output into gradients
of the inputs (the chain rule, one local step). When an operation runs on tensors that require
gradients, the result remembers the ``Function`` that made it (``_ctx``), and so the results form
a computational graph. ``Tensor.backward()`` walks that graph once, in reverse topological order,
without recursion, and frees it afterwards.

This module imports no operation: the operators (``+``, ``@``, ``.sum()``...) are attached to
``Tensor`` by ``mitbadak.ops`` when the package is imported, so the floors stay one-way.

Example:
    >>> import mitbadak as mb
    >>> x = mb.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    >>> y = (x * x).sum()           # y = sum(x^2)
    >>> y.backward()
    >>> x.grad                      # dy/dx = 2x
    array([2., 4., 6.], dtype=float32)
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
import types
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from .backend import array_module, device_of, parse_device, to_device, to_host
from .errors import DTypeError, GraphError, ShapeError

_default_dtype: np.dtype = np.dtype(np.float32)


class _GradMode(threading.local):
    """Grad mode per thread: ``no_grad`` in one thread does not stop recording in another."""

    enabled: bool = True


_grad_mode = _GradMode()
# How many in-place updates happened so far (a clock): a tensor's ``_version`` is the clock's
# value at its latest in-place change, a node's ``_stamp`` the clock when it was recorded, so
# "an input changed after the node used it" is ``input._version > node._stamp``.
_inplace_clock: int = 0


def get_default_dtype() -> np.dtype:
    """The float dtype new tensors and layers get when none is given (float32 unless changed).

    Example:
        >>> get_default_dtype()
        dtype('float32')
    """
    return _default_dtype


def set_default_dtype(dtype: Any) -> None:
    """Set the default float dtype: ``"float32"`` (fast) or ``"float64"`` (exact, for checks).

    Example:
        >>> set_default_dtype("float64"); set_default_dtype("float32")
    """
    global _default_dtype
    dt = np.dtype(dtype)
    if dt.kind != "f":
        raise DTypeError(key="error.tensor.float_dtype", dt=dt)
    _default_dtype = dt


def is_grad_enabled() -> bool:
    """Whether operations currently record the graph (``False`` inside ``no_grad()``)."""
    return _grad_mode.enabled


class no_grad(contextlib.ContextDecorator):
    """Context manager (and decorator) that stops recording the graph.

    Use it for inference and for updating weights: nothing computed inside keeps a reference to
    its inputs, so memory is freed at once.

    Example:
        >>> x = Tensor([1.0], requires_grad=True)
        >>> with no_grad():
        ...     y = x * 2
        >>> y.requires_grad
        False
    """

    def __enter__(self) -> no_grad:
        self._prev = _grad_mode.enabled
        _grad_mode.enabled = False
        return self

    def __exit__(self, *exc: object) -> None:
        _grad_mode.enabled = self._prev


class Function:
    """A differentiable operation: one node of the computational graph.

    Subclasses implement ``forward(*arrays) -> array`` and ``backward(grad_out) -> grads``,
    returning one gradient (or ``None``) per input, each already of that input's shape, as a
    new array or a view (never an array the op keeps: a leaf may adopt it as its ``.grad``).
    ``self.needs_input_grad`` tells ``backward`` which gradients are wanted, so it can skip
    work; it is set before ``forward`` runs, and :attr:`recording` tells ``forward`` whether a
    backward can follow at all. Use it through :meth:`apply`, which wraps the arrays and links the graph.

    Example (the product rule, d(ab) = b da + a db):
        >>> class Mul(Function):
        ...     def forward(self, a, b):
        ...         self.a, self.b = a, b
        ...         return a * b
        ...     def backward(self, g):
        ...         return g * self.b, g * self.a
        >>> a, b = Tensor(3.0, requires_grad=True), Tensor(4.0, requires_grad=True)
        >>> Mul.apply(a, b).backward()
        >>> float(a.grad), float(b.grad)
        (4.0, 3.0)
    """

    inputs: tuple[Tensor, ...] = ()
    needs_input_grad: tuple[bool, ...] = ()
    _stamp: int = 0  # the in-place clock when the node was recorded (see _inplace_clock)

    def forward(self, *arrays: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> np.ndarray | None | tuple[np.ndarray | None, ...]:
        raise NotImplementedError

    @classmethod
    def apply(cls, *inputs: Tensor, **kwargs: Any) -> Tensor:
        """Run ``forward`` on the inputs' arrays and, if any input needs a gradient, link the
        result into the graph."""
        fn = cls(**kwargs)
        if _grad_mode.enabled:
            needs = tuple(t.requires_grad for t in inputs)
            if any(needs):  # known before forward, so forward can tell it will be differentiated
                fn.needs_input_grad = needs
                out = fn.forward(*[t.data for t in inputs])
                fn.inputs, fn._stamp = inputs, _inplace_clock
                return Tensor._from_op(out, fn)
        out = fn.forward(*[t.data for t in inputs])  # no backward will follow (see recording)
        return Tensor._from_op(out, None)

    @property
    def recording(self) -> bool:
        """True when this node is being recorded for a backward pass (some input needs a
        gradient and grad mode is on); already known inside ``forward``, which may then skip
        what only ``backward`` needs (an arg-max, saved activations) in inference.

        Example:
            >>> class Probe(Function):
            ...     def forward(self, a):
            ...         print(self.recording)
            ...         return a
            >>> _ = Probe.apply(Tensor(1.0, requires_grad=True)); _ = Probe.apply(Tensor(1.0))
            True
            False
        """
        return any(self.needs_input_grad)

    @property
    def name(self) -> str:
        return type(self).__name__


def _as_array(data: Any, dtype: Any) -> np.ndarray:
    if isinstance(data, Tensor):
        data = data.data
    xp = array_module(data)
    if xp is not np:  # a device array (CuPy) or a registered module's array stays where it is
        return data if dtype is None else xp.asarray(data, dtype=dtype)
    if isinstance(data, np.ndarray) and dtype is None:
        return data  # an array keeps its dtype: float64 stays float64, as in torch.from_numpy
    try:
        arr = np.asarray(data, dtype=dtype)
    except (ValueError, TypeError) as e:
        if "inhomogeneous" in str(e) or "sequence" in str(e):
            raise ShapeError(key="error.tensor.ragged_nested_list") from None
        raise DTypeError(
            key="error.tensor.read_numbers", data_type=type(data).__name__, e=e
        ) from None
    if dtype is not None:
        return arr
    if arr.dtype == np.float64 and not isinstance(data, np.generic):
        arr = arr.astype(_default_dtype)  # Python floats and lists get the default float dtype
    return arr


class Tensor:
    """An n-dimensional array that can record the operations applied to it.

    Args:
        data: array-like. NumPy arrays keep their dtype; Python numbers and lists of floats get
            the default dtype (float32); integers stay integers.
        requires_grad: record operations on this tensor so that ``backward()`` fills ``.grad``.
        dtype: force a dtype.
        name: optional label, shown in ``repr`` and in graph drawings.

    Attributes:
        data: the underlying ``np.ndarray``.
        grad: the accumulated gradient (an array of the same shape), or ``None``.

    Example:
        >>> w = Tensor([[1.0, 2.0]], requires_grad=True)
        >>> x = Tensor([[3.0], [4.0]])
        >>> y = (w @ x).sum()       # y = 1*3 + 2*4
        >>> y.item()
        11.0
        >>> y.backward(); w.grad    # dy/dw = x^T
        array([[3., 4.]], dtype=float32)
    """

    __slots__ = (
        "data",
        "grad",
        "requires_grad",
        "_ctx",
        "_freed",
        "_retain",
        "_version",
        "name",
        "__weakref__",
    )
    # Make ndarray (op) Tensor call the Tensor's reflected operator instead of NumPy's.
    __array_priority__ = 1000.0

    def __init__(
        self,
        data: Any,
        requires_grad: bool = False,
        dtype: Any = None,
        name: str | None = None,
    ) -> None:
        self.data = _as_array(data, dtype)
        if self.data.dtype.kind not in "biufc":
            raise DTypeError(key="error.tensor.numbers_bool_int", dtype=self.data.dtype)
        if requires_grad and self.data.dtype.kind not in "fc":
            raise DTypeError(key="error.tensor.only_float_tensors", dtype=self.data.dtype)
        self.grad: np.ndarray | None = None
        self.requires_grad = bool(requires_grad)
        self._ctx: Function | None = None
        self._freed = False
        self._retain = False
        self._version = 0
        self.name = name

    @classmethod
    def _from_op(cls, data: np.ndarray, ctx: Function | None) -> Tensor:
        t = cls.__new__(cls)
        t.data = data if hasattr(data, "__array_namespace__") else np.asarray(data)
        t.grad = None
        t.requires_grad = ctx is not None
        t._ctx = ctx
        t._freed = False
        t._retain = False
        t._version = 0
        t.name = None
        return t

    # ----------------------------------------------------------------- array-like properties
    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def size(self) -> _Size:
        """The number of elements, as NumPy's ``.size``; also callable like PyTorch's
        ``size()`` (the shape) and ``size(dim)`` (one dimension, negative dims allowed).

        Example:
            >>> t = Tensor(np.zeros((2, 3)))
            >>> t.size, t.size(), t.size(-1)
            (6, (2, 3), 3)
        """
        return _Size(self.data.size, self.data.shape)

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    @property
    def is_leaf(self) -> bool:
        """True for tensors made by the user (not by an op); only leaves get ``.grad`` filled."""
        return self._ctx is None

    @property
    def grad_fn(self) -> Function | None:
        """The graph node (:class:`Function`) that made this tensor, as in PyTorch; ``None``
        for a leaf or a result computed without recording.

        Example:
            >>> a = Tensor([1.0, 2.0], requires_grad=True)
            >>> (a * 2).grad_fn.name, a.grad_fn
            ('Mul', None)
        """
        return self._ctx

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[Tensor]:
        """Iterate over the first axis (``for row in t``, ``a, b = t``, ``list(t)``); each item
        is ``t[i]``, so gradients flow back. A 0-d tensor cannot be iterated, as in PyTorch.

        Example:
            >>> a, b = Tensor([[1.0, 2.0], [3.0, 4.0]])
            >>> b.tolist()
            [3.0, 4.0]
        """
        if self.data.ndim == 0:
            raise DTypeError(key="error.tensor.iteration_over_d")
        return (self[i] for i in range(self.data.shape[0]))

    def __repr__(self) -> str:
        body = np.array2string(to_host(self.data), separator=", ", prefix="Tensor(")
        extra = ", requires_grad=True" if self.requires_grad else ""
        if self.device != "cpu":
            extra += f", device='{self.device}'"
        if self.data.dtype != _default_dtype:
            extra += f", dtype={self.data.dtype}"
        return f"Tensor({body}{extra})"

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        data = to_host(self.data)  # NumPy asks for host memory: a GPU tensor is copied
        return data if dtype is None else data.astype(dtype)

    def __bool__(self) -> bool:
        return bool(self.data)

    def __float__(self) -> float:
        return float(self.data)

    def __int__(self) -> int:
        return int(self.data)

    __hash__ = object.__hash__  # == is elementwise, as in NumPy and PyTorch; hash stays identity

    def numpy(self) -> np.ndarray:
        """The data as a NumPy array (shared, not copied, on the CPU; copied from a GPU)."""
        return self.data if type(self.data) is np.ndarray else to_host(self.data)

    @property
    def device(self) -> str:
        """Where the data lives: ``"cpu"`` (NumPy) or ``"cuda"`` (CuPy).

        Example:
            >>> Tensor([1.0]).device
            'cpu'
        """
        return device_of(self.data)

    def item(self) -> float | int | bool:
        """The value of a one-element tensor as a Python number."""
        if self.data.size != 1:
            raise ShapeError(key="error.tensor.tensor_element_shape", shape=self.shape)
        return self.data.item()

    def tolist(self) -> Any:
        return self.data.tolist()

    def detach(self) -> Tensor:
        """A tensor sharing the data but cut from the graph (no gradient flows through it)."""
        return Tensor._from_op(self.data, None)

    def astype(self, dtype: Any) -> Tensor:
        """A copy with another dtype, not tracked by autograd."""
        return Tensor(self.data.astype(dtype))

    def requires_grad_(self, flag: bool = True) -> Tensor:
        """Set ``requires_grad`` in place (leaves only) and return self."""
        if not self.is_leaf:
            raise GraphError(key="error.tensor.only_leaf_tensors")
        if flag and self.data.dtype.kind not in "fc":
            raise DTypeError(key="error.tensor.dtype_require_gradients", dtype=self.dtype)
        self.requires_grad = bool(flag)
        return self

    def retain_grad(self) -> Tensor:
        """Keep ``.grad`` for this non-leaf tensor during ``backward`` (leaves always keep it)."""
        self._retain = True
        return self

    def zero_grad(self) -> None:
        """Forget the accumulated gradient."""
        self.grad = None

    # ------------------------------------------------------------------ PyTorch conveniences
    def numel(self) -> int:
        """The number of elements.

        Example:
            >>> Tensor(np.zeros((2, 3))).numel()
            6
        """
        return int(self.data.size)

    def dim(self) -> int:
        """The number of axes.

        Example:
            >>> Tensor(np.zeros((2, 3))).dim()
            2
        """
        return self.data.ndim

    def to(self, dtype: Any = None, *args: Any, **kwargs: Any) -> Tensor:
        """A tensor of another dtype (differentiable between float dtypes; ``self`` when
        the dtype is already right). ``dtype`` may be a NumPy dtype, a name, another tensor
        (take its dtype), or a device name (``"cpu"``, ``"cuda"``: a differentiable
        copy to that device, ``self`` when already there; ``"cuda"`` needs CuPy, see
        :mod:`mitbadak.backend`).

        Example:
            >>> Tensor([1.0]).to("float64").dtype
            dtype('float64')
            >>> t = Tensor([1.0]); t.to("cpu") is t
            True
        """
        dtype = kwargs.pop("dtype", dtype)
        device = kwargs.pop("device", None)
        if isinstance(dtype, Tensor):
            dtype = dtype.dtype
        if isinstance(dtype, str) and dtype.split(":")[0].lower() in ("cpu", "cuda", "gpu"):
            device, dtype = dtype, (args[0] if args else None)
        if device is not None and parse_device(device) != self.device:
            moved = _ToDevice.apply(self, device=parse_device(device))
            return moved if dtype is None else moved.to(dtype)
        if dtype is None:
            return self
        try:
            dt = np.dtype(dtype)
        except TypeError:
            raise DTypeError(key="error.tensor.dtype_device_cpu", dtype=dtype) from None
        if dt == self.data.dtype:
            return self
        if dt.kind in "fc" and self.data.dtype.kind in "fc":
            return _Cast.apply(self, dtype=dt)
        return Tensor(self.data.astype(dt))  # to or from integers: no gradient, as in PyTorch

    def float(self) -> Tensor:
        """``to(float32)``.

        Example:
            >>> Tensor([1]).float().dtype
            dtype('float32')
        """
        return self.to(np.float32)

    def double(self) -> Tensor:
        """``to(float64)``.

        Example:
            >>> Tensor([1]).double().dtype
            dtype('float64')
        """
        return self.to(np.float64)

    def long(self) -> Tensor:
        """``to(int64)`` (no gradient).

        Example:
            >>> Tensor([1.7]).long().tolist()
            [1]
        """
        return self.to(np.int64)

    def int(self) -> Tensor:
        """``to(int32)`` (no gradient).

        Example:
            >>> Tensor([1.7]).int().tolist()
            [1]
        """
        return self.to(np.int32)

    def bool(self) -> Tensor:
        """``to(bool)``.

        Example:
            >>> Tensor([0.0, 2.0]).bool().tolist()
            [False, True]
        """
        return self.to(np.bool_)

    def clone(self) -> Tensor:
        """A copy of the data that stays in the graph (dx = g), like ``torch.clone``.

        Example:
            >>> x = Tensor([1.0], requires_grad=True)
            >>> y = x.clone(); y.data is x.data
            False
        """
        return _Copy.apply(self)

    def contiguous(self) -> Tensor:
        """``self`` when the data is C-contiguous, else a contiguous copy in the graph.

        Example:
            >>> Tensor(np.zeros((2, 3))).T.contiguous().data.flags.c_contiguous
            True
        """
        return self if self.data.flags.c_contiguous else _Copy.apply(self)

    def is_contiguous(self) -> bool:
        """Whether the data is C-contiguous.

        Example:
            >>> Tensor(np.zeros((2, 3))).T.is_contiguous()
            False
        """
        return bool(self.data.flags.c_contiguous)

    # ------------------------------------------------------------------ in-place arithmetic
    def _inplace(self, other: Any, ufunc: Any, op: str) -> Tensor:
        """``self.data op= other`` in place, refused where it would corrupt a recorded graph:

        * on a tensor that requires grad while the graph is being recorded (the course's
          ``w -= lr * w.grad`` belongs inside ``with no_grad():``);
        * on a non-leaf (the output of an op): ops keep their inputs and outputs for backward.

        Every in-place change stamps the tensor with a global in-place clock; ``backward``
        refuses to go through a node whose input changed after the node was recorded
        (PyTorch's version counter, at the cost of one integer comparison per node).
        """
        if self._ctx is not None:
            raise GraphError(key="error.tensor.place_arithmetic_non", op=op)
        if self.requires_grad and _grad_mode.enabled:
            raise GraphError(key="error.tensor.place_arithmetic_leaf", op=op)
        o = other.data if isinstance(other, Tensor) else other
        o = o if hasattr(o, "shape") else array_module(self.data).asarray(o)
        try:
            shape = np.broadcast_shapes(self.data.shape, o.shape)
        except ValueError:
            shape = None
        if shape != self.data.shape:
            raise ShapeError(
                key="error.tensor.update_tensor_shape", op=op, shape=self.shape, shape2=o.shape
            )
        if not self.data.flags.writeable:
            self.data = self.data.copy()
        try:
            xp = array_module(self.data)
            if xp is not np and isinstance(ufunc, np.ufunc):
                ufunc = getattr(xp, ufunc.__name__)
            ufunc(self.data, o, out=self.data, casting="same_kind")
        except TypeError as e:  # e.g. a float into an integer tensor
            raise DTypeError(key="error.tensor.inplace_cast", op=op, e=e) from None
        global _inplace_clock
        _inplace_clock += 1
        self._version = _inplace_clock
        return self

    def __iadd__(self, other: Any) -> Tensor:
        return self._inplace(other, np.add, "+=")

    def __isub__(self, other: Any) -> Tensor:
        return self._inplace(other, np.subtract, "-=")

    def __imul__(self, other: Any) -> Tensor:
        return self._inplace(other, np.multiply, "*=")

    def __itruediv__(self, other: Any) -> Tensor:
        return self._inplace(other, np.true_divide, "/=")

    def add_(self, other: Any, alpha: float = 1.0) -> Tensor:
        """In-place ``self += alpha * other`` (see ``_inplace`` for when it is refused).

        Example:
            >>> w = Tensor([1.0, 2.0])
            >>> w.add_(Tensor([1.0, 1.0]), alpha=-0.5).tolist()
            [0.5, 1.5]
        """
        o = other.data if isinstance(other, Tensor) else array_module(self.data).asarray(other)
        return self._inplace(o * alpha if alpha != 1.0 else o, np.add, "add_")

    def sub_(self, other: Any, alpha: float = 1.0) -> Tensor:
        """In-place ``self -= alpha * other``.

        Example:
            >>> Tensor([1.0]).sub_(Tensor([1.0]), alpha=0.5).tolist()
            [0.5]
        """
        o = other.data if isinstance(other, Tensor) else array_module(self.data).asarray(other)
        return self._inplace(o * alpha if alpha != 1.0 else o, np.subtract, "sub_")

    def mul_(self, other: Any) -> Tensor:
        """In-place ``self *= other``.

        Example:
            >>> Tensor([1.0]).mul_(3).tolist()
            [3.0]
        """
        return self._inplace(other, np.multiply, "mul_")

    def div_(self, other: Any) -> Tensor:
        """In-place ``self /= other``.

        Example:
            >>> Tensor([1.0]).div_(4).tolist()
            [0.25]
        """
        return self._inplace(other, np.true_divide, "div_")

    def zero_(self) -> Tensor:
        """In-place fill with zeros.

        Example:
            >>> Tensor([1.0, 2.0]).zero_().tolist()
            [0.0, 0.0]
        """
        return self.fill_(0)

    def copy_(self, src: Any) -> Tensor:
        """In-place copy of ``src`` (broadcast to this shape, cast to this dtype).

        Example:
            >>> Tensor([1.0, 2.0]).copy_(np.array([5.0, 6.0])).tolist()
            [5.0, 6.0]
        """
        return self._inplace(src, _copyto, "copy_")

    def fill_(self, value: Any) -> Tensor:
        """In-place fill with ``value``.

        Example:
            >>> Tensor([1.0, 2.0]).fill_(3).tolist()
            [3.0, 3.0]
        """
        return self._inplace(value, _copyto, "fill_")

    # -------------------------------------------------------------------------- backward
    def _accumulate(self, g: np.ndarray, owned: bool = False) -> None:
        if g.shape != self.data.shape:
            raise GraphError(
                key="error.tensor.gradient_shape_tensor", shape=g.shape, shape2=self.shape
            )
        if self.grad is None:
            # .grad is updated in place later (accumulation, optimizers), so it must not share
            # memory with anything else; ``owned`` says the op made this array for us alone.
            if owned and g.dtype == self.data.dtype:
                self.grad = g
            else:
                self.grad = g.astype(self.data.dtype, copy=True)
        else:
            self.grad += g

    def backward(self, grad: Any = None, retain_graph: bool = False) -> None:
        """Compute the gradient of this tensor with respect to every leaf that requires one.

        The graph is walked once in reverse topological order (found iteratively, so a chain of
        any length works). Leaves *accumulate* into ``.grad``, as in PyTorch: call
        ``zero_grad()`` between steps. The graph is freed afterwards unless ``retain_graph``.

        Args:
            grad: gradient of some final scalar with respect to this tensor; may be omitted for
                a one-element tensor (then it is 1).
            retain_graph: keep the graph so ``backward`` can be called through it again.

        Example:
            >>> x = Tensor(2.0, requires_grad=True)
            >>> y = x ** 3
            >>> y.backward(retain_graph=True); y.backward()
            >>> float(x.grad)               # 3x^2 = 12, accumulated twice
            24.0
        """
        if self._freed:
            raise GraphError(key="error.tensor.graph_tensor_freed")
        if not self.requires_grad:
            raise GraphError(key="error.tensor.tensor_does_require")
        if grad is None:
            if self.data.size != 1:
                raise ShapeError(key="error.tensor.grad_omitted_only", shape=self.shape)
            g = array_module(self.data).ones_like(self.data)
        else:
            g = grad.data if isinstance(grad, Tensor) else grad
            g = array_module(self.data).asarray(g, dtype=self.dtype)
            if g.shape != self.shape:
                raise ShapeError(key="error.tensor.grad_shape", shape=g.shape, shape2=self.shape)

        if self._ctx is None:  # backward on a leaf: d self / d self
            self._accumulate(g)
            return

        order = _topological_order(self)
        grads: dict[int, np.ndarray] = {id(self): g}
        for node in reversed(order):
            gy = grads.pop(id(node), None)
            fn = node._ctx
            assert fn is not None
            if gy is None:
                # Every op that consumed this node returned None for it (an op may: e.g. a loss
                # with no gradient for its target), so nothing flows through it or behind it
                # from here; it is still freed like any visited node.
                if not retain_graph:
                    fn.inputs = ()
                    node._ctx = None
                    node._freed = True
                continue
            if fn._stamp < _inplace_clock:  # some tensor changed in place since: which?
                _check_versions(fn)
            if node._retain:
                node._accumulate(gy)
            gxs = fn.backward(gy)
            if not isinstance(gxs, tuple):
                gxs = (gxs,)
            for inp, gx, need in zip(fn.inputs, gxs, fn.needs_input_grad):
                if not need or gx is None:
                    continue
                if inp._ctx is None:
                    inp._accumulate(gx, owned=not retain_graph and _is_fresh(gx, gy, gxs))
                else:
                    key = id(inp)
                    # Not in place: gx may be the very array another input received.
                    grads[key] = grads[key] + gx if key in grads else gx
            if not retain_graph:
                fn.inputs = ()
                node._ctx = None
                node._freed = True

    # Operators and methods (__add__, sum, reshape, ...) are installed by mitbadak.ops.


class _Size(int):
    """``Tensor.size``: the element count (an ``int``, as NumPy's ``.size``) that can also be
    called like PyTorch's ``size()`` / ``size(dim)``."""

    _shape: tuple[int, ...]

    def __new__(cls, n: int, shape: tuple[int, ...]) -> _Size:
        obj = super().__new__(cls, n)
        obj._shape = shape
        return obj

    def __call__(self, dim: int | None = None) -> Any:
        if dim is None:
            return self._shape
        nd = len(self._shape)
        if not -nd <= int(dim) < max(nd, 1) or nd == 0:
            raise ShapeError(key="error.tensor.dim_out_range", dim=dim, nd=nd)
        return self._shape[int(dim)]


class _Cast(Function):
    """y = x as another float dtype;  dx = g cast back to x's dtype."""

    def __init__(self, dtype: np.dtype) -> None:
        self.dtype = dtype

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.src = x.dtype
        return x.astype(self.dtype)

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g.astype(self.src)


class _Copy(Function):
    """y = a copy of x (C-contiguous);  dx = g."""

    def forward(self, x: np.ndarray) -> np.ndarray:
        return array_module(x).array(x, order="C", copy=True)

    def backward(self, g: np.ndarray) -> np.ndarray:
        return g


def _copyto(dst: np.ndarray, src: np.ndarray, out: np.ndarray, casting: str) -> None:
    array_module(out).copyto(out, src, casting="unsafe")


class _ToDevice(Function):
    """y = x copied to another device;  dx = g copied back to x's device."""

    def __init__(self, device: str) -> None:
        self.device = device

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.src = device_of(x)
        return to_device(x, self.device)

    def backward(self, g: np.ndarray) -> np.ndarray:
        return to_device(g, self.src)


def _check_versions(fn: Function) -> None:
    """Refuse to run ``fn.backward`` when an input was changed in place after ``fn`` saw it."""
    for k, inp in enumerate(fn.inputs):
        if inp._version > fn._stamp:
            raise GraphError(
                key="error.tensor.input_shape_modified", k=k, name=fn.name, shape=inp.shape
            )


def _is_fresh(gx: np.ndarray, gy: np.ndarray, gxs: tuple) -> bool:
    """True when ``gx`` is a new array no one else holds: not the incoming gradient passed
    through, not a view, and not handed to two inputs at once (as ``a + b`` does)."""
    return (
        gx is not gy
        and gx.base is None
        and gx.flags.writeable
        and sum(other is gx for other in gxs) == 1
    )


def _topological_order(root: Tensor) -> list[Tensor]:
    """Non-leaf tensors reachable from ``root``, each after all the tensors it depends on.

    Iterative depth-first search with an explicit stack: a node is emitted once all its inputs
    have been emitted, so Python's recursion limit never matters.
    """
    order: list[Tensor] = []
    visited: set[int] = set()
    stack: list[tuple[Tensor, bool]] = [(root, False)]
    while stack:
        node, inputs_done = stack.pop()
        if inputs_done:
            order.append(node)
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.append((node, True))
        fn = node._ctx
        assert fn is not None
        for inp, need in zip(fn.inputs, fn.needs_input_grad):
            if not need or id(inp) in visited:
                continue
            if inp._freed:
                raise GraphError(key="error.tensor.part_graph_freed")
            if inp._ctx is not None:
                stack.append((inp, False))
    return order


def as_tensor(x: Any, dtype: Any = None) -> Tensor:
    """Return ``x`` if it is already a Tensor, else wrap it (no copy for arrays).

    Example:
        >>> as_tensor([1, 2]).dtype
        dtype('int64')
    """
    return x if isinstance(x, Tensor) and dtype is None else Tensor(x, dtype=dtype)


def tensor_method(fn: Callable[..., Tensor]) -> Callable[..., Tensor]:
    """Decorator used by ``mitbadak.ops`` to register a function as a ``Tensor`` method."""

    @functools.wraps(fn)
    def method(self: Tensor, *args: Any, **kwargs: Any) -> Tensor:
        return fn(self, *args, **kwargs)

    setattr(Tensor, fn.__name__, method)
    return fn


def iter_graph(root: Tensor) -> Iterator[tuple[Tensor, Function]]:
    """Yield ``(tensor, function_that_made_it)`` for every non-leaf tensor behind ``root``,
    inputs before outputs. Useful to print or draw a graph before ``backward`` frees it."""
    if root._ctx is None:
        return
    for node in _topological_order(root):
        assert node._ctx is not None
        yield node, node._ctx


class _CallableModule(types.ModuleType):
    """This module, callable: ``mitbadak.tensor(data, ...)`` is the constructor
    :func:`mitbadak.ops.creation.tensor` (like ``torch.tensor``), while ``mitbadak.tensor.Tensor``
    and the engine's other names stay reachable as attributes."""

    def __call__(self, *args: Any, **kwargs: Any) -> Tensor:
        from .ops.creation import tensor

        return tensor(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

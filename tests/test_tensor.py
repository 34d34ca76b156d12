"""Autograd engine semantics: accumulation, graph freeing, no_grad, dtypes, long chains."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import Tensor


def test_default_dtype_is_float32_and_arrays_keep_theirs():
    assert Tensor([1.0, 2.0]).dtype == np.float32
    assert Tensor(3.0).dtype == np.float32
    assert Tensor(np.zeros(2)).dtype == np.float64
    assert Tensor([1, 2]).dtype.kind == "i"
    assert Tensor([1.0], dtype="float64").dtype == np.float64


def test_float32_graph_stays_float32_with_python_and_numpy_scalars():
    x = Tensor([1.0, 2.0], requires_grad=True)
    y = (x * 2.0 + np.float64(1.0)) / 3 - 1
    y = y**2
    assert y.dtype == np.float32
    y.sum().backward()
    assert x.grad.dtype == np.float32


def test_integer_tensors_cannot_require_grad():
    with pytest.raises(mb.DTypeError):
        Tensor([1, 2], requires_grad=True)


def test_grad_accumulates_across_backward_calls():
    x = Tensor([1.0, 2.0], requires_grad=True)
    (x * 3).sum().backward()
    (x * x).sum().backward()
    np.testing.assert_allclose(x.grad, [3 + 2, 3 + 4])


def test_backward_twice_through_freed_graph_is_refused_clearly():
    x = Tensor([1.0], requires_grad=True)
    y = (x * x).sum()
    y.backward()
    with pytest.raises(mb.GraphError, match="retain_graph"):
        y.backward()


def test_retain_graph_allows_second_backward_and_accumulates():
    x = Tensor([2.0], requires_grad=True)
    y = (x**3).sum()
    y.backward(retain_graph=True)
    y.backward()
    np.testing.assert_allclose(x.grad, [24.0])


def test_graph_is_freed_after_backward():
    x = Tensor([1.0], requires_grad=True)
    h = x * 2
    y = (h * h).sum()
    y.backward()
    assert y._ctx is None and h._ctx is None


def test_shared_gradient_arrays_are_not_aliased():
    a = Tensor([1.0, 2.0], requires_grad=True)
    b = Tensor([3.0, 4.0], requires_grad=True)
    (a + b).sum().backward()
    assert not np.shares_memory(a.grad, b.grad)
    a.grad += 10  # an optimizer updating one gradient in place must not touch the other
    np.testing.assert_allclose(b.grad, [1.0, 1.0])


def test_same_tensor_used_twice_gets_both_contributions():
    x = Tensor([3.0], requires_grad=True)
    (x * x + x).sum().backward()  # d/dx (x^2 + x) = 2x + 1
    np.testing.assert_allclose(x.grad, [7.0])


def test_diamond_graph():
    x = Tensor([1.5], requires_grad=True)
    a = x * 2
    b = x.exp()
    (a * b).sum().backward()  # d/dx 2x e^x = 2 e^x + 2x e^x
    np.testing.assert_allclose(x.grad, [2 * np.exp(1.5) * (1 + 1.5)], rtol=1e-6)


def test_ten_thousand_node_chain_does_not_recurse():
    x = Tensor(1.0, requires_grad=True)
    y = x
    for _ in range(10_000):
        y = y * 1.0001 + 0.0
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # far below the chain length: backward must be iterative
    try:
        y.backward()
    finally:
        sys.setrecursionlimit(limit)
    assert x.grad == pytest.approx(1.0001**10_000, rel=1e-3)


def test_no_grad_records_nothing_and_restores():
    x = Tensor([1.0], requires_grad=True)
    with mb.no_grad():
        y = x * 2
        assert not mb.is_grad_enabled()
    assert mb.is_grad_enabled()
    assert not y.requires_grad and y._ctx is None

    @mb.no_grad()
    def f(t):
        return t * 2

    assert not f(x).requires_grad


def test_backward_of_non_scalar_needs_grad_argument():
    x = Tensor([1.0, 2.0], requires_grad=True)
    y = x * 2
    with pytest.raises(mb.ShapeError):
        y.backward()
    y.backward(np.array([1.0, 10.0]))
    np.testing.assert_allclose(x.grad, [2.0, 20.0])


def test_backward_without_requires_grad_is_an_error():
    with pytest.raises(mb.GraphError):
        (Tensor([1.0]) * 2).sum().backward()


def test_detach_cuts_the_graph():
    x = Tensor([2.0], requires_grad=True)
    y = (x * x.detach()).sum()
    y.backward()
    np.testing.assert_allclose(x.grad, [2.0])


def test_retain_grad_keeps_intermediate_gradient():
    x = Tensor([1.0, 2.0], requires_grad=True)
    h = (x * 3).retain_grad()
    (h * h).sum().backward()
    np.testing.assert_allclose(h.grad, 2 * 3 * np.array([1.0, 2.0]))


def test_comparisons_have_no_gradient_and_tensor_stays_hashable():
    x = Tensor([1.0, 3.0], requires_grad=True)
    m = x > 2
    assert m.dtype == bool and not m.requires_grad
    assert (x == Tensor([1.0, 0.0])).tolist() == [True, False]
    assert len({x, m}) == 2


def test_ndarray_on_the_left_uses_tensor_operators():
    x = Tensor([1.0, 2.0], requires_grad=True)
    y = np.array([3.0, 4.0], dtype=np.float32) * x
    assert isinstance(y, Tensor)
    y.sum().backward()
    np.testing.assert_allclose(x.grad, [3.0, 4.0])


def test_parameters_are_registered_in_deterministic_order():
    from mitbadak.layers import Dense

    model = mb.Sequential([Dense(4, name="a"), Dense(3, name="b")])
    model(np.zeros((2, 5)))
    names = [p.name for p in model.parameters()]
    assert names == ["a/kernel", "a/bias", "b/kernel", "b/bias"]


def test_train_eval_mode_belongs_to_the_model_and_is_passed_down():
    from mitbadak.layers import Dense

    seen = []

    class Probe(mb.layers.Layer):
        def call(self, x, training=False):
            seen.append(training)
            return x

    model = mb.Sequential([Dense(2), Probe()])
    other = mb.Sequential([Probe()])
    model.build((1, 2))
    other.build((1, 2))
    seen.clear()
    model.eval()
    model(np.zeros((1, 2)))
    model.train()
    model(np.zeros((1, 2)))
    model(np.zeros((1, 2)), training=False)
    other.eval()  # a second model's mode is its own
    model(np.zeros((1, 2)))
    other(np.zeros((1, 2)))
    assert seen == [False, True, False, True, False]

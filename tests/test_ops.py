"""Every op: gradients by finite differences (float64) and values/gradients against PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import mutually_broadcastable_shapes

import mitbadak as mb
from mitbadak import Tensor, gradcheck
from mitbadak import ops as F

try:
    import torch
except ImportError:  # the oracle tests below skip with a reason
    torch = None

needs_torch = pytest.mark.skipif(
    torch is None, reason="PyTorch is the oracle (pip install torch==2.13.0)"
)


def rand(shape, rng, low=None, positive=False, away_from_zero=False):
    x = rng.standard_normal(shape)
    if positive:
        x = np.abs(x) + 0.5
    if away_from_zero:
        x = np.where(np.abs(x) < 0.1, 0.3, x)
    return x


# name, mitbadak fn, torch fn, input shapes, input kind
UNARY = [
    ("neg", lambda a: -a, lambda a: -a, "any"),
    ("exp", F.exp, torch.exp if torch else None, "any"),
    ("log", F.log, torch.log if torch else None, "positive"),
    ("sqrt", F.sqrt, torch.sqrt if torch else None, "positive"),
    ("abs", F.abs, torch.abs if torch else None, "nonzero"),
    ("clip", lambda a: F.clip(a, -0.5, 0.7), lambda a: a.clamp(-0.5, 0.7), "any"),
    ("sigmoid", F.sigmoid, torch.sigmoid if torch else None, "any"),
    ("tanh", F.tanh, torch.tanh if torch else None, "any"),
    ("relu", F.relu, torch.relu if torch else None, "nonzero"),
    ("softmax", F.softmax, (lambda a: torch.softmax(a, -1)) if torch else None, "any"),
    ("softmax0", lambda a: F.softmax(a, axis=0), (lambda a: torch.softmax(a, 0)), "any"),
    ("log_softmax", F.log_softmax, (lambda a: torch.log_softmax(a, -1)), "any"),
    ("pow_const", lambda a: a**3, lambda a: a**3, "any"),
    ("rsub", lambda a: 2.0 - a, lambda a: 2.0 - a, "any"),
    ("rdiv", lambda a: 2.0 / a, lambda a: 2.0 / a, "positive"),
]

BINARY = [
    ("add", lambda a, b: a + b, lambda a, b: a + b, "any"),
    ("sub", lambda a, b: a - b, lambda a, b: a - b, "any"),
    ("mul", lambda a, b: a * b, lambda a, b: a * b, "any"),
    ("div", lambda a, b: a / b, lambda a, b: a / b, "positive"),
    ("pow", lambda a, b: a**b, lambda a, b: a**b, "positive"),
    ("maximum", F.maximum, lambda a, b: torch.maximum(a, b), "any"),
]

BROADCAST_SHAPES = [((3, 4), (3, 4)), ((3, 4), (4,)), ((2, 1, 4), (3, 1)), ((), (2, 3)), ((5,), ())]

REDUCTIONS = [
    ("sum", F.sum, lambda t, axis, keepdims: t.sum(dim=axis, keepdim=keepdims)),
    ("mean", F.mean, lambda t, axis, keepdims: t.mean(dim=axis, keepdim=keepdims)),
    ("max", F.max, lambda t, axis, keepdims: t.amax(dim=axis, keepdim=keepdims)),
    ("min", F.min, lambda t, axis, keepdims: t.amin(dim=axis, keepdim=keepdims)),
]
AXES = [None, 0, -1, (0, 2)]

SHAPE_OPS = [
    ("reshape", lambda a: a.reshape(4, -1), lambda a: a.reshape(4, -1)),
    ("transpose", lambda a: a.transpose(2, 0, 1), lambda a: a.permute(2, 0, 1)),
    ("T", lambda a: a.T, lambda a: a.permute(2, 1, 0)),
    ("flatten", F.flatten, lambda a: a.flatten(1)),
    ("slice", lambda a: a[1:, ::2, -1], lambda a: a[1:, ::2, -1]),
    ("int_index", lambda a: a[np.array([0, 1, 0])], lambda a: a[torch.tensor([0, 1, 0])]),
    ("bool_mask", lambda a: a[a.data > 0], lambda a: a[a > 0]),
    ("broadcast_to", lambda a: F.broadcast_to(a[:1], (3, 3, 4)), lambda a: a[:1].expand(3, 3, 4)),
]

MATMUL_SHAPES = [
    ((3, 4), (4, 5)),
    ((4,), (4, 5)),
    ((3, 4), (4,)),
    ((4,), (4,)),
    ((2, 3, 4), (4, 5)),
    ((3, 4), (2, 4, 5)),
    ((2, 1, 3, 4), (5, 4, 2)),
]


def make_inputs(shapes, kind, rng):
    return [
        rand(s, rng, positive=kind == "positive", away_from_zero=kind == "nonzero") for s in shapes
    ]


def check_against_torch(mb_fn, torch_fn, arrays, dtype=np.float64, rtol=1e-7, atol=1e-9):
    """Same inputs, same upstream gradient: outputs and input gradients must agree."""
    xs = [Tensor(a.astype(dtype), requires_grad=True) for a in arrays]
    ts = [torch.tensor(a.astype(dtype), requires_grad=True) for a in arrays]
    y = mb_fn(*xs)
    ty = torch_fn(*ts)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=rtol, atol=atol)
    g = np.random.default_rng(7).standard_normal(y.shape).astype(dtype)
    y.backward(g)
    ty.backward(torch.tensor(g))
    for x, t in zip(xs, ts):
        np.testing.assert_allclose(x.grad, t.grad.numpy(), rtol=rtol, atol=atol)
        assert x.grad.dtype == dtype


# ----------------------------------------------------------------------------- gradcheck
@pytest.mark.parametrize("name,fn,_t,kind", UNARY, ids=[u[0] for u in UNARY])
def test_unary_gradcheck(name, fn, _t, kind, rng):
    (x,) = make_inputs([(3, 4)], kind, rng)
    assert gradcheck(fn, [Tensor(x, requires_grad=True)])


@pytest.mark.parametrize("shapes", BROADCAST_SHAPES, ids=str)
@pytest.mark.parametrize("name,fn,_t,kind", BINARY, ids=[b[0] for b in BINARY])
def test_binary_gradcheck_with_broadcasting(name, fn, _t, kind, shapes, rng):
    a, b = make_inputs(shapes, kind, rng)
    assert gradcheck(fn, [Tensor(a, requires_grad=True), Tensor(b, requires_grad=True)])


@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("name,fn,_t", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
def test_reduction_gradcheck(name, fn, _t, axis, keepdims, rng):
    x = Tensor(rand((2, 3, 4), rng), requires_grad=True)
    assert gradcheck(lambda t: fn(t, axis=axis, keepdims=keepdims), [x])


@pytest.mark.parametrize("name,fn,_t", SHAPE_OPS, ids=[s[0] for s in SHAPE_OPS])
def test_shape_op_gradcheck(name, fn, _t, rng):
    assert gradcheck(fn, [Tensor(rand((3, 3, 4), rng), requires_grad=True)])


@pytest.mark.parametrize("shapes", MATMUL_SHAPES, ids=str)
def test_matmul_gradcheck(shapes, rng):
    a, b = (Tensor(rand(s, rng), requires_grad=True) for s in shapes)
    assert gradcheck(lambda x, y: x @ y, [a, b])


def test_concatenate_and_stack_gradcheck(rng):
    a, b = (
        Tensor(rand((2, 3), rng), requires_grad=True),
        Tensor(rand((4, 3), rng), requires_grad=True),
    )
    assert gradcheck(lambda x, y: F.concatenate([x, y], axis=0), [a, b])
    c = Tensor(rand((2, 3), rng), requires_grad=True)
    assert gradcheck(lambda x, y: F.stack([x, y], axis=1), [a, c])


def test_linear_gradcheck(rng):
    x, w, b = (Tensor(rand(s, rng), requires_grad=True) for s in [(5, 3), (3, 4), (4,)])
    assert gradcheck(F.linear_fn, [x, w, b])
    x3 = Tensor(rand((2, 5, 3), rng), requires_grad=True)
    assert gradcheck(F.linear_fn, [x3, w, b])


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_softmax_cross_entropy_gradcheck(reduction, rng):
    z = Tensor(rand((5, 4), rng), requires_grad=True)
    labels = np.array([0, 3, 1, 1, 2])
    assert gradcheck(lambda t: F.softmax_cross_entropy(t, labels, reduction=reduction), [z])
    soft = rng.dirichlet(np.ones(4), size=5)
    assert gradcheck(lambda t: F.softmax_cross_entropy(t, soft, reduction=reduction), [z])


def test_mse_gradcheck_both_sides(rng):
    y, t = (
        Tensor(rand((4, 3), rng), requires_grad=True),
        Tensor(rand((4, 3), rng), requires_grad=True),
    )
    assert gradcheck(F.mse, [y, t])


def test_gradcheck_catches_a_wrong_backward():
    class BadSquare(mb.Function):
        def forward(self, x):
            self.x = x
            return x * x

        def backward(self, g):
            return g * self.x  # should be 2x

    with pytest.raises(mb.GradcheckError, match="differ"):
        gradcheck(BadSquare.apply, [Tensor(np.array([1.0, 2.0]), requires_grad=True)])
    assert not gradcheck(
        BadSquare.apply, [Tensor(np.array([1.0]), requires_grad=True)], raise_exception=False
    )


# ------------------------------------------------------------------------- against torch
@needs_torch
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name,fn,tfn,kind", UNARY, ids=[u[0] for u in UNARY])
def test_unary_matches_torch(name, fn, tfn, kind, dtype, rng):
    tol = {"rtol": 1e-5, "atol": 1e-6} if dtype == np.float32 else {}
    check_against_torch(fn, tfn, make_inputs([(3, 4)], kind, rng), dtype, **tol)


@needs_torch
@pytest.mark.parametrize("shapes", BROADCAST_SHAPES, ids=str)
@pytest.mark.parametrize("name,fn,tfn,kind", BINARY, ids=[b[0] for b in BINARY])
def test_binary_matches_torch(name, fn, tfn, kind, shapes, rng):
    check_against_torch(fn, tfn, make_inputs(shapes, kind, rng))


@needs_torch
@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("name,fn,tfn", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
def test_reduction_matches_torch(name, fn, tfn, axis, keepdims, rng):
    x = rand((2, 3, 4), rng)
    t_axis = tuple(range(3)) if axis is None else axis
    check_against_torch(
        lambda t: fn(t, axis=axis, keepdims=keepdims),
        lambda t: tfn(t, t_axis, keepdims),
        [x],
    )


@needs_torch
def test_max_splits_gradient_among_ties_like_torch_amax():
    x = np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]])
    check_against_torch(lambda t: F.max(t, axis=1), lambda t: t.amax(dim=1), [x])


@needs_torch
@pytest.mark.parametrize("name,fn,tfn", SHAPE_OPS, ids=[s[0] for s in SHAPE_OPS])
def test_shape_ops_match_torch(name, fn, tfn, rng):
    check_against_torch(fn, tfn, [rand((3, 3, 4), rng)])


@needs_torch
@pytest.mark.parametrize("shapes", MATMUL_SHAPES, ids=str)
def test_matmul_matches_torch(shapes, rng):
    check_against_torch(lambda a, b: a @ b, torch.matmul, [rand(s, rng) for s in shapes])


@needs_torch
def test_concatenate_stack_match_torch(rng):
    a, b = rand((2, 3), rng), rand((2, 3), rng)
    check_against_torch(
        lambda x, y: F.concatenate([x, y], axis=1), lambda x, y: torch.cat([x, y], 1), [a, b]
    )
    check_against_torch(
        lambda x, y: F.stack([x, y], axis=-1), lambda x, y: torch.stack([x, y], -1), [a, b]
    )


@needs_torch
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_linear_matches_torch(dtype, rng):
    tol = {"rtol": 1e-5, "atol": 1e-5} if dtype == np.float32 else {}
    check_against_torch(
        F.linear_fn,
        lambda x, w, b: torch.nn.functional.linear(x, w.T, b),
        [rand((8, 5), rng), rand((5, 3), rng), rand((3,), rng)],
        dtype,
        **tol,
    )


@needs_torch
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_matches_torch(reduction, rng):
    z = rand((6, 5), rng) * 3
    labels = np.array([0, 4, 2, 2, 1, 3])
    check_against_torch(
        lambda t: F.softmax_cross_entropy(t, labels, reduction=reduction),
        lambda t: torch.nn.functional.cross_entropy(t, torch.tensor(labels), reduction=reduction),
        [z],
    )
    onehot = np.eye(5)[labels]
    check_against_torch(
        lambda t: F.softmax_cross_entropy(t, onehot, reduction=reduction),
        lambda t: torch.nn.functional.cross_entropy(t, torch.tensor(onehot), reduction=reduction),
        [z],
    )


@needs_torch
def test_mse_matches_torch(rng):
    check_against_torch(F.mse, torch.nn.functional.mse_loss, [rand((4, 3), rng), rand((4, 3), rng)])


@needs_torch
@settings(max_examples=40, deadline=None)
@given(
    shapes=mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=4, max_side=4),
    op=st.sampled_from(["add", "sub", "mul", "div"]),
)
def test_broadcasting_gradients_property(shapes, op):
    """For any pair of broadcastable shapes, gradients reduce back to each input's shape."""
    rng = np.random.default_rng(0)
    a, b = (rand(s, rng, positive=True) for s in shapes.input_shapes)
    fn = {"add": lambda x, y: x + y, "sub": lambda x, y: x - y, "mul": lambda x, y: x * y}.get(
        op, lambda x, y: x / y
    )
    check_against_torch(fn, fn, [a, b])


# -------------------------------------------------------------------------- stability
def test_softmax_sigmoid_and_cross_entropy_are_finite_for_huge_inputs():
    big = Tensor(np.array([[1e4, -1e4, 0.0]], dtype=np.float32), requires_grad=True)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        s = F.softmax(big)
        sig = F.sigmoid(big)
        loss = F.softmax_cross_entropy(big, np.array([1]))
        loss.backward()
    np.testing.assert_allclose(s.data, [[1.0, 0.0, 0.0]])
    np.testing.assert_allclose(sig.data, [[1.0, 0.0, 0.5]])
    assert loss.item() == pytest.approx(2e4, rel=1e-6)
    assert np.all(np.isfinite(big.grad))


# ---------------------------------------------------------------------------- errors
def test_matmul_shape_error_names_op_and_shapes():
    with pytest.raises(mb.ShapeError, match=r"matmul.*\(2, 3\).*\(4, 5\)"):
        Tensor(np.zeros((2, 3))) @ Tensor(np.zeros((4, 5)))


def test_elementwise_broadcast_error_is_a_shape_error():
    with pytest.raises(mb.ShapeError, match="add"):
        Tensor(np.zeros((2, 3))) + Tensor(np.zeros((4,)))


def test_cross_entropy_rejects_bad_labels():
    z = Tensor(np.zeros((3, 4)))
    with pytest.raises(mb.LabelError, match="out of range"):
        F.softmax_cross_entropy(z, np.array([0, 4, 1]))
    with pytest.raises(mb.LabelError):
        F.softmax_cross_entropy(z, np.array([0, -1, 1]))
    with pytest.raises(mb.LabelError, match="whole numbers"):
        F.softmax_cross_entropy(z, np.array([0.5, 1.0, 2.0]))
    with pytest.raises(mb.ShapeError, match=r"\(3,\)"):
        F.softmax_cross_entropy(z, np.array([0, 1]))
    with pytest.raises(mb.ShapeError):
        F.softmax_cross_entropy(z, np.zeros((3, 5)))


def test_mse_refuses_silent_broadcast():
    with pytest.raises(mb.ShapeError, match=r"\(4, 1\).*\(4,\)"):
        F.mse(Tensor(np.zeros((4, 1))), np.zeros(4))


def test_reshape_and_index_errors():
    with pytest.raises(mb.ShapeError, match="reshape"):
        Tensor(np.zeros(6)).reshape(4, 2)
    with pytest.raises(mb.ShapeError, match="getitem"):
        Tensor(np.zeros(3))[5]
    with pytest.raises(mb.ShapeError, match="axis"):
        Tensor(np.zeros((2, 2))).sum(axis=3)


def test_step_is_forward_only():
    x = Tensor(np.array([-1.0, 0.0, 2.0]), requires_grad=True)
    y = F.step(x)
    assert y.tolist() == [0.0, 0.0, 1.0]
    with pytest.raises(mb.GraphError, match="gradient descent"):
        y.sum().backward()

"""The PyTorch-style tensor library (issue 13): engine fixes, constructors, everyday ops.

Every op is checked against PyTorch on identical float64 inputs (values and the gradient for
the same upstream gradient) and by finite differences (``mitbadak.gradcheck``); the shape
ops also by hypothesis over random shapes and dims.
"""

# ruff: noqa: B023 - the lambdas built in loops are called within their own iteration

from __future__ import annotations

import doctest

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitbadak as mb
from mitbadak import Tensor, gradcheck
from mitbadak import ops as O

torch = pytest.importorskip("torch")


def check_torch(mb_fn, torch_fn, arrays, rtol=1e-7, atol=1e-9, seed=7):
    """Same inputs, same upstream gradient: values and every input gradient agree."""
    xs = [Tensor(np.array(a, dtype=np.float64), requires_grad=True) for a in arrays]
    ts = [torch.tensor(np.array(a, dtype=np.float64), requires_grad=True) for a in arrays]
    y, ty = mb_fn(*xs), torch_fn(*ts)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=rtol, atol=atol)
    assert y.shape == tuple(ty.shape)
    g = np.random.default_rng(seed).standard_normal(y.shape)
    y.backward(g)
    ty.backward(torch.tensor(g))
    for x, t in zip(xs, ts):
        tg = np.zeros(x.shape) if t.grad is None else t.grad.numpy()
        xg = np.zeros(x.shape) if x.grad is None else x.grad
        np.testing.assert_allclose(xg, tg, rtol=rtol, atol=atol)


def randn(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


# ------------------------------------------------------------------------ engine defects
def test_backward_with_none_gradient_for_a_non_leaf_input():
    """Defect 1: an op returning None for a non-leaf input used to raise KeyError."""
    x = Tensor(randn(3), requires_grad=True)
    y = Tensor(np.array([0.2, 0.5, 0.9]), requires_grad=True)
    loss = mb.softmax_cross_entropy(mb.stack([x, x]), np.array([0, 2]))  # labels: no grad
    loss.backward()

    class FirstOnly(mb.Function):  # an op that gives no gradient to its second input
        def forward(self, a, b):
            return a * 2.0

        def backward(self, g):
            return g * 2.0, None

    x.grad = None
    out = FirstOnly.apply(x, y.clip(0, 1) * 3.0).sum()  # the second input is a non-leaf
    out.backward()
    np.testing.assert_allclose(x.grad, 2.0)
    assert y.grad is None


def test_issue_reproduction_bce_with_logits_of_clipped_target():
    x = Tensor(randn(4), requires_grad=True)
    y = Tensor(np.array([0.1, 0.4, 1.3, -0.2]), requires_grad=True)
    mb.binary_cross_entropy_with_logits(x, y.clip(0, 1)).backward()
    tx = torch.tensor(x.data, requires_grad=True)
    ty = torch.tensor(y.data, requires_grad=True)
    torch.nn.functional.binary_cross_entropy_with_logits(tx, ty.clamp(0, 1)).backward()
    np.testing.assert_allclose(x.grad, tx.grad.numpy(), rtol=1e-6)
    np.testing.assert_allclose(y.grad, ty.grad.numpy(), rtol=1e-6)


def test_iteration_and_unpacking():
    """Defect 2: list(t), for row in t, a, b = t."""
    t = Tensor(np.arange(6.0).reshape(3, 2), requires_grad=True)
    rows = list(t)
    assert len(rows) == 3 and rows[1].tolist() == [2.0, 3.0]
    a, b, c = t
    (a * 1 + c * 2).sum().backward()
    np.testing.assert_allclose(t.grad, [[1, 1], [0, 0], [2, 2]])
    assert [r.item() for r in Tensor([1.0, 2.0])] == [1.0, 2.0]
    with pytest.raises(mb.DTypeError):
        list(Tensor(3.0))


@pytest.mark.parametrize(
    "name,loss,target_grad",
    [
        ("mse", lambda y, t: mb.mse(y, t), True),
        ("mae", lambda y, t: mb.mae(y, t), True),
        ("huber", lambda y, t: mb.huber(y, t), True),
        ("bce", lambda y, t: mb.binary_cross_entropy(mb.sigmoid(y), t), True),
        ("bce_logits", lambda y, t: mb.binary_cross_entropy_with_logits(y, t), True),
        ("softmax_ce_soft", lambda y, t: mb.softmax_cross_entropy(y, mb.softmax(t)), True),
    ],
)
def test_loss_target_gradients_follow_pytorch(name, loss, target_grad):
    """Defect 3: a float target that requires grad gets PyTorch's gradient."""
    F = torch.nn.functional
    ref = {
        "mse": lambda y, t: F.mse_loss(y, t),
        "mae": lambda y, t: F.l1_loss(y, t),
        "huber": lambda y, t: F.huber_loss(y, t),
        "bce": lambda y, t: F.binary_cross_entropy(torch.sigmoid(y), t),
        "bce_logits": lambda y, t: F.binary_cross_entropy_with_logits(y, t),
        "softmax_ce_soft": lambda y, t: F.cross_entropy(y, torch.softmax(t, -1)),
    }[name]
    y = randn(4, 3, seed=1)
    t = np.random.default_rng(2).random((4, 3)) if name.startswith("bce") else randn(4, 3, seed=2)
    check_torch(loss, ref, [y, t], rtol=1e-6, atol=1e-9)


def test_sparse_labels_get_no_gradient_and_say_so():
    assert "Integer class labels get none" in mb.ops.loss.__doc__


def test_mixed_integer_and_array_indexing_follows_pytorch():
    """x[1, :, idx, 0:2]: NumPy moves the advanced dim first, PyTorch keeps it in place;
    mitbadak follows PyTorch (documented in ops.shape.getitem)."""
    x = randn(2, 3, 4, 5)
    idx = [0, 2, 2]
    assert x[1, :, idx, 0:2].shape == (3, 3, 2)  # NumPy: advanced dim first
    check_torch(lambda a: a[1, :, idx, 0:2], lambda a: a[1, :, idx, 0:2], [x])
    assert Tensor(x)[1, :, idx, 0:2].shape == (3, 3, 2)
    check_torch(lambda a: a[..., 1, [0, 3]], lambda a: a[..., 1, [0, 3]], [x])
    mask = x[0, 0] > 0
    check_torch(lambda a: a[1, 2, mask], lambda a: a[1, 2, torch.tensor(mask)], [x])
    check_torch(lambda a: a[None, 0, [1, 2]], lambda a: a[None, 0, [1, 2]], [x])


# ------------------------------------------------------------------ Tensor conveniences
def test_tensor_conveniences():
    t = Tensor(np.arange(6.0, dtype=np.float32).reshape(2, 3), requires_grad=True)
    assert t.numel() == 6 and t.dim() == 2 and t.size() == (2, 3) and t.size(-1) == 3
    assert t.size == 6  # NumPy's meaning stays
    with pytest.raises(mb.ShapeError):
        t.size(2)
    assert t.double().dtype == np.float64 and t.float() is t
    assert t.to("float64").dtype == np.float64 and t.to("cpu") is t
    assert t.to(dtype=np.int64).dtype == np.int64 and not t.long().requires_grad
    c = t.clone()
    assert c.data is not t.data and c.requires_grad
    (c.double() * 2).sum().backward()
    np.testing.assert_allclose(t.grad, 2.0)
    assert t.grad.dtype == np.float32
    nc = t.T
    assert not nc.data.flags.c_contiguous and nc.contiguous().data.flags.c_contiguous
    assert t.contiguous() is t


def test_inplace_update_under_no_grad_is_the_course_update_rule():
    w = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    (w * w).sum().backward()
    data = w.data
    with mb.no_grad():
        w -= 0.1 * w.grad
    assert w.data is data  # really in place
    np.testing.assert_allclose(w.data, [0.8, 1.6])
    assert w.requires_grad and w.is_leaf


def test_inplace_refused_where_it_would_corrupt_the_graph():
    w = Tensor(np.array([1.0, 2.0]), requires_grad=True)
    with pytest.raises(mb.GraphError, match="no_grad"):
        w -= 1.0
    y = w * 2
    with pytest.raises(mb.GraphError, match="non-leaf"):
        y += 1.0
    with mb.no_grad(), pytest.raises(mb.GraphError, match="non-leaf"):
        y *= 2.0
    # a constant used by a recorded op, then changed: backward refuses (version counter)
    c = Tensor(np.array([3.0, 4.0]))
    z = (w * c).sum()
    c += 1.0
    with pytest.raises(mb.GraphError, match="modified in place"):
        z.backward()
    with pytest.raises(mb.ShapeError):
        Tensor(np.zeros(2)).__iadd__(np.ones(3))
    with pytest.raises(mb.DTypeError):
        Tensor(np.zeros(2, np.int64)).__iadd__(0.5)
    assert Tensor([1.0, 2.0]).fill_(3).tolist() == [3.0, 3.0]
    assert Tensor([1.0, 2.0]).zero_().tolist() == [0.0, 0.0]
    assert Tensor([1.0, 2.0]).copy_(Tensor([3.0])).tolist() == [3.0, 3.0]
    v = Tensor([1.0, 2.0])
    assert v.add_(Tensor([1.0, 1.0]), alpha=2).tolist() == [3.0, 4.0]
    assert v.mul_(2).div_(4).sub_(1.0).tolist() == [0.5, 1.0]


# -------------------------------------------------------------------------- constructors
def test_constructors_match_pytorch_shapes_and_dtypes():
    assert mb.zeros(2, 3).shape == (2, 3) and mb.zeros((2, 3)).dtype == np.float32
    assert mb.ones(2, dtype="float64").dtype == np.float64
    assert mb.full((2,), 7).dtype == np.int64 and mb.full((2,), 0.5).tolist() == [0.5, 0.5]
    assert mb.empty(3).shape == (3,)
    for args in [(5,), (1, 7, 2), (0.5, 2.0, 0.25), (3, -3, -1)]:
        assert mb.arange(*args).tolist() == pytest.approx(torch.arange(*args).tolist())
        assert str(mb.arange(*args).dtype) == str(torch.arange(*args).dtype).split(".")[1]
    np.testing.assert_allclose(
        mb.linspace(-1, 1, 7).data, torch.linspace(-1, 1, 7).numpy(), atol=1e-7
    )
    np.testing.assert_array_equal(mb.eye(3, 4).data, torch.eye(3, 4).numpy())
    t = mb.tensor([[1.0, 2.0]], requires_grad=True)
    assert t.dtype == np.float32 and t.requires_grad and t.is_leaf
    arr = np.ones(2)
    c = mb.tensor(arr)
    assert c.dtype == np.float64 and c.data is not arr  # a copy, like torch.tensor
    assert mb.tensor(3).dtype == np.int64 and mb.tensor(True).dtype == bool
    assert mb.tensor([Tensor([1.0]), Tensor([2.0])]).shape == (2, 1)
    x = mb.ones(2, 3, dtype="float64")
    for fn in (mb.zeros_like, mb.ones_like, mb.rand_like, mb.randn_like):
        assert fn(x).shape == (2, 3) and fn(x).dtype == np.float64
    assert mb.full_like(x, 2.0).tolist() == [[2.0] * 3] * 2
    assert mb.zeros(2, requires_grad=True).requires_grad
    with pytest.raises(mb.ShapeError):
        mb.zeros(-1)
    with pytest.raises(mb.ConfigError):
        mb.randint(5, 5, (2,))
    with pytest.raises(mb.DTypeError):
        mb.rand_like(mb.zeros(2, dtype="int64"))


def test_random_constructors_use_the_seeded_generator():
    for make in (
        lambda: mb.rand(3, 4),
        lambda: mb.randn(3, 4),
        lambda: mb.randint(0, 10, (3, 4)),
        lambda: mb.randint(10, (5,)),
        lambda: mb.randn_like(mb.zeros(3)),
    ):
        mb.set_seed(123)
        a = make()
        mb.set_seed(123)
        b = make()
        np.testing.assert_array_equal(a.data, b.data)
    mb.set_seed(0)
    r = mb.rand(2000)
    assert 0 <= r.data.min() and r.data.max() < 1 and abs(float(r.data.mean()) - 0.5) < 0.05
    ri = mb.randint(3, 6, (1000,))
    assert set(np.unique(ri.data)) == {3, 4, 5} and ri.dtype == np.int64
    g = np.random.default_rng(5)
    np.testing.assert_array_equal(
        mb.randn(3, generator=g).data, np.random.default_rng(5).standard_normal(3).astype("f4")
    )


# ---------------------------------------------------------------------------- shape ops
X = randn(2, 3, 4, seed=3)
SHAPE_CASES = [
    ("squeeze", lambda a: O.squeeze(a[:, :1]), lambda a: a[:, :1].squeeze()),
    ("squeeze_dim", lambda a: a[:, :1].squeeze(-2), lambda a: a[:, :1].squeeze(-2)),
    ("unsqueeze", lambda a: a.unsqueeze(-1), lambda a: a.unsqueeze(-1)),
    ("unsqueeze0", lambda a: O.unsqueeze(a, 0), lambda a: a.unsqueeze(0)),
    ("flatten", lambda a: a.flatten(), lambda a: a.flatten()),
    ("flatten_1_2", lambda a: a.flatten(1, 2), lambda a: a.flatten(1, 2)),
    ("flatten_fn", lambda a: O.flatten(a), lambda a: a.flatten(1)),
    ("permute", lambda a: a.permute(2, 0, 1), lambda a: a.permute(2, 0, 1)),
    ("permute_neg", lambda a: O.permute(a, (-1, 0, 1)), lambda a: a.permute(-1, 0, 1)),
    ("movedim", lambda a: a.movedim(0, -1), lambda a: a.movedim(0, -1)),
    ("movedim2", lambda a: O.movedim(a, (0, 1), (2, 0)), lambda a: a.movedim((0, 1), (2, 0))),
    ("flip", lambda a: a.flip((0, -1)), lambda a: a.flip((0, -1))),
    ("roll", lambda a: a.roll(2, 1), lambda a: a.roll(2, 1)),
    ("roll_flat", lambda a: O.roll(a, -3), lambda a: a.roll(-3)),
    ("roll_multi", lambda a: a.roll((1, -2), (0, 2)), lambda a: a.roll((1, -2), (0, 2))),
    ("repeat", lambda a: a.repeat(2, 1, 3), lambda a: a.repeat(2, 1, 3)),
    ("repeat_lead", lambda a: a.repeat(2, 1, 1, 2), lambda a: a.repeat(2, 1, 1, 2)),
    ("tile", lambda a: a.tile((2,)), lambda a: a.tile((2,))),
    ("expand", lambda a: a[:, :1].expand(2, 5, 4), lambda a: a[:, :1].expand(2, 5, 4)),
    ("expand_new", lambda a: a[0, 0].expand(3, -1), lambda a: a[0, 0].expand(3, -1)),
    ("chunk", lambda a: O.stack(a.chunk(2, 2), 0), lambda a: torch.stack(a.chunk(2, 2), 0)),
    ("chunk_odd", lambda a: a.chunk(2, 1)[1], lambda a: a.chunk(2, 1)[1]),
    ("split", lambda a: a.split(3, -1)[1], lambda a: a.split(3, -1)[1]),
    ("split_list", lambda a: a.split([1, 2], 1)[1], lambda a: a.split([1, 2], 1)[1]),
    ("tril", lambda a: a.tril(), lambda a: a.tril()),
    ("triu_k", lambda a: O.triu(a, -1), lambda a: a.triu(-1)),
    ("tril_k", lambda a: a.tril(1), lambda a: a.tril(1)),
    ("pad", lambda a: O.pad(a, (1, 2)), lambda a: torch.nn.functional.pad(a, (1, 2))),
    ("pad_2d", lambda a: O.pad(a, (1, 0, 0, 2), value=3.0),
     lambda a: torch.nn.functional.pad(a, (1, 0, 0, 2), value=3.0)),
    ("pad_crop", lambda a: O.pad(a, (-1, 1, 2, -2)),
     lambda a: torch.nn.functional.pad(a, (-1, 1, 2, -2))),
    ("T", lambda a: a[0].T, lambda a: a[0].T),
    ("view", lambda a: a.view(4, 6), lambda a: a.view(4, 6)),
]  # fmt: skip

IDX = np.array([[[2, 0, 1, 1]], [[0, 0, 2, 1]]])
INDEX_CASES = [
    ("gather", lambda a: a.gather(1, IDX), lambda a: a.gather(1, torch.tensor(IDX))),
    ("gather_last", lambda a: O.gather(a, -1, IDX[:, :, :2]),
     lambda a: a.gather(-1, torch.tensor(IDX[:, :, :2]))),
    ("index_select", lambda a: a.index_select(2, [3, 0, 3]),
     lambda a: a.index_select(2, torch.tensor([3, 0, 3]))),
    ("masked_fill", lambda a: a.masked_fill(X[0] > 0, -1.5),
     lambda a: a.masked_fill(torch.tensor(X[0] > 0), -1.5)),
    ("where_method", lambda a: a.where(X > 0, 2.0), lambda a: a.where(torch.tensor(X > 0), 2.0)),
]  # fmt: skip


@pytest.mark.parametrize("name,fn,tfn", SHAPE_CASES + INDEX_CASES, ids=lambda v: str(v)[:20])
def test_shape_and_index_ops_against_pytorch(name, fn, tfn):
    check_torch(fn, tfn, [X])


@pytest.mark.parametrize("name,fn,tfn", SHAPE_CASES + INDEX_CASES, ids=lambda v: str(v)[:20])
def test_shape_and_index_ops_gradcheck(name, fn, tfn):
    assert gradcheck(fn, [Tensor(X.copy(), requires_grad=True)])


def test_where_with_broadcasting_and_two_gradients():
    a, b = randn(3, 1, seed=4), randn(4, seed=5)
    cond = randn(3, 4, seed=6) > 0
    check_torch(lambda x, y: O.where(cond, x, y),
                lambda x, y: torch.where(torch.tensor(cond), x, y), [a, b])  # fmt: skip
    assert gradcheck(lambda x, y: O.where(cond, x, y), [Tensor(a, requires_grad=True),
                                                        Tensor(b, requires_grad=True)])  # fmt: skip
    idx = O.where(np.array([True, False, True]))
    assert idx[0].tolist() == [0, 2]


@settings(max_examples=25, deadline=None)
@given(
    shape=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    data=st.data(),
)
def test_shape_ops_hypothesis(shape, data):
    """Random shapes and (negative) dims: values and gradients equal PyTorch's."""
    x = np.random.default_rng(len(shape)).standard_normal(shape)
    nd = len(shape)
    dim = data.draw(st.integers(-nd, nd - 1))
    perm = data.draw(st.permutations(list(range(nd))))
    shift = data.draw(st.integers(-5, 5))
    reps = data.draw(st.lists(st.integers(1, 3), min_size=nd, max_size=nd))
    chunks = data.draw(st.integers(1, 4))
    cases = [
        (lambda a: a.unsqueeze(dim), lambda a: a.unsqueeze(dim)),
        (lambda a: a.squeeze(dim), lambda a: a.squeeze(dim)),
        (lambda a: a.permute(*perm), lambda a: a.permute(*perm)),
        (lambda a: a.movedim(dim, 0), lambda a: a.movedim(dim, 0)),
        (lambda a: a.flip(dim), lambda a: a.flip(dim)),
        (lambda a: a.roll(shift, dim), lambda a: a.roll(shift, dim)),
        (lambda a: a.repeat(*reps), lambda a: a.repeat(*reps)),
        (lambda a: a.flatten(min(dim % nd, nd - 1)), lambda a: a.flatten(min(dim % nd, nd - 1))),
        (lambda a: a.chunk(chunks, dim)[-1], lambda a: a.chunk(chunks, dim)[-1]),
        (lambda a: O.pad(a, (shift % 3, -(shift % 2))),
         lambda a: torch.nn.functional.pad(a, (shift % 3, -(shift % 2)))),
    ]  # fmt: skip
    if shape[-1] < 2:
        cases.pop()  # cropping 1 of a length-1 axis leaves nothing
    for fn, tfn in cases:
        check_torch(fn, tfn, [x])


# --------------------------------------------------------------------- element-wise math
POS = np.abs(randn(3, 5, seed=8)) + 0.3
ANY = randn(3, 5, seed=9) * 1.5
MATH_CASES = [
    ("sin", ANY), ("cos", ANY), ("tan", ANY * 0.5), ("floor", ANY), ("ceil", ANY),
    ("round", ANY), ("trunc", ANY), ("sign", ANY), ("log2", POS), ("exp2", ANY),
    ("log1p", POS), ("expm1", ANY), ("rsqrt", POS), ("square", ANY), ("reciprocal", POS),
]  # fmt: skip


@pytest.mark.parametrize("name,x", MATH_CASES, ids=[c[0] for c in MATH_CASES])
def test_math_against_pytorch_and_gradcheck(name, x):
    fn = getattr(O, name)
    check_torch(fn, getattr(torch, name), [x])
    check_torch(lambda a: getattr(a, name)(), lambda a: getattr(a, name)(), [x])
    assert gradcheck(fn, [Tensor(x.copy(), requires_grad=True)])


def test_clamp_and_round_decimals():
    check_torch(lambda a: O.clamp(a, min=-0.5), lambda a: torch.clamp(a, min=-0.5), [ANY])
    check_torch(lambda a: a.clamp(-1, 1), lambda a: a.clamp(-1, 1), [ANY])
    check_torch(lambda a: O.round(a, decimals=1), lambda a: torch.round(a, decimals=1), [ANY])
    assert O.sin(Tensor([0, 1])).dtype == np.float32  # integers become the default float


# ---------------------------------------------------------------------------- reductions
R = randn(3, 4, 5, seed=10)


@pytest.mark.parametrize("keepdim", [False, True])
@pytest.mark.parametrize("dim", [None, 0, -1, (0, 2)], ids=str)
@pytest.mark.parametrize("name", ["var", "std", "logsumexp"])
def test_var_std_logsumexp(name, dim, keepdim):
    tdim = dim if dim is not None else tuple(range(3))
    for correction in (0, 1) if name != "logsumexp" else (None,):
        kw = {} if correction is None else {"correction": correction}
        check_torch(lambda a: getattr(O, name)(a, dim, keepdim=keepdim, **kw),
                    lambda a: getattr(torch, name)(a, tdim, keepdim=keepdim, **kw), [R])  # fmt: skip
        assert gradcheck(lambda a: getattr(a, name)(dim, keepdim=keepdim, **kw),
                         [Tensor(R.copy(), requires_grad=True)])  # fmt: skip


@pytest.mark.parametrize("dim", [0, -1, 1])
def test_prod_cumsum_cumprod(dim):
    x = R.copy()
    x[1, 2, 3] = 0.0  # a zero: the exclusive-product gradients must stay exact
    x[0, 0, :2] = 0.0
    check_torch(lambda a: a.prod(dim), lambda a: a.prod(dim), [x])
    check_torch(lambda a: O.prod(a, dim, keepdim=True), lambda a: a.prod(dim, keepdim=True), [x])
    check_torch(lambda a: a.prod(), lambda a: a.prod(), [R])
    check_torch(lambda a: a.cumsum(dim), lambda a: a.cumsum(dim), [x])
    check_torch(lambda a: a.cumprod(dim), lambda a: a.cumprod(dim), [x])
    for fn in (lambda a: a.prod(dim), lambda a: a.cumsum(dim), lambda a: a.cumprod(dim)):
        assert gradcheck(fn, [Tensor(x.copy(), requires_grad=True)])


def test_arg_and_boolean_reductions():
    for dim in (None, 0, -1):
        for name in ("argmax", "argmin"):
            kw = {} if dim is None else {"dim": dim}
            np.testing.assert_array_equal(
                getattr(Tensor(R), name)(**kw).data, getattr(torch.tensor(R), name)(**kw).numpy()
            )
        b = R > 0
        for name in ("all", "any"):
            ref = getattr(torch.tensor(b), name)(dim) if dim is not None else getattr(
                torch.tensor(b), name)()  # fmt: skip
            np.testing.assert_array_equal(getattr(O, name)(Tensor(b), dim).data, ref.numpy())
    assert O.argmax(Tensor(R), 1, keepdim=True).shape == (3, 1, 5)
    assert O.logsumexp(Tensor([1000.0, 1000.0]), 0).item() == pytest.approx(1000 + np.log(2))
    assert Tensor(R).sum(dim=1, keepdim=True).shape == (3, 1, 5)
    assert Tensor(R).mean(dim=(0, 2)).shape == (4,)


# --------------------------------------------------------------------------- activations
TF = torch.nn.functional
ACT_CASES = [
    ("relu6", O.relu6, TF.relu6),
    ("hardtanh", lambda a: O.hardtanh(a, -0.5, 1.2), lambda a: TF.hardtanh(a, -0.5, 1.2)),
    ("hardsigmoid", O.hardsigmoid, TF.hardsigmoid),
    ("hardswish", O.hardswish, TF.hardswish),
    ("mish", O.mish, TF.mish),
    ("celu", lambda a: O.celu(a, 0.7), lambda a: TF.celu(a, 0.7)),
    ("softsign", O.softsign, TF.softsign),
    ("logsigmoid", O.logsigmoid, TF.logsigmoid),
    ("quick_gelu", O.quick_gelu, lambda a: a * torch.sigmoid(1.702 * a)),
]
ACT_X = np.concatenate([randn(20, seed=11) * 4, [-3.0, 3.0, 0.0, 6.0, -1e3, 1e3]])


@pytest.mark.parametrize("name,fn,tfn", ACT_CASES, ids=[c[0] for c in ACT_CASES])
def test_activations_against_pytorch_and_gradcheck(name, fn, tfn):
    check_torch(fn, tfn, [ACT_X], rtol=1e-6)
    away = ACT_X[np.abs(np.abs(ACT_X) - 3) > 0.05]
    away = away[np.abs(away) > 0.05]
    away = away[np.abs(away - 6) > 0.05]
    assert gradcheck(fn, [Tensor(away[np.abs(away) < 50].copy(), requires_grad=True)])


# ----------------------------------------------------------------------- the name list
def test_every_op_of_the_issue_exists_as_function_and_method():
    """Each name of issue 13 is a function of mitbadak.ops (and of mitbadak, except
    ``tensor``'s own module-callable), and a Tensor method wherever torch.Tensor has one."""
    names = O.TENSOR_LIBRARY
    assert len(names) == len(set(names)) > 75
    for name in names:
        assert callable(getattr(O, name)), name
        assert callable(getattr(mb, name)), name
        if hasattr(torch.Tensor, name) and name not in ("dropout",):
            assert callable(getattr(Tensor, name, None)), f"Tensor.{name} missing"
    import mitbadak.functional as F

    for name in (
        "cross_entropy",
        "nll_loss",
        "mse_loss",
        "l1_loss",
        "binary_cross_entropy",
        "binary_cross_entropy_with_logits",
        "smooth_l1_loss",
        "kl_div",
        "linear",
    ):
        assert callable(getattr(F, name)), name  # fmt: skip
    assert mb.tensor([1.0]).tolist() == [1.0] and mb.tensor.iter_graph  # module and constructor


@pytest.mark.parametrize(
    "module",
    ["tensor", "ops.creation", "ops.layout", "ops.index", "ops.elementwise", "ops.reduction",
     "ops.activation_extra"],
)  # fmt: skip
def test_docstring_examples_run(module):
    import importlib

    mod = importlib.import_module(f"mitbadak.{module}")
    res = doctest.testmod(
        mod, extraglobs={"np": np, "Tensor": Tensor}, optionflags=doctest.ELLIPSIS
    )
    assert res.failed == 0 and res.attempted > 0

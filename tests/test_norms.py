"""Vector and matrix norms: equal to np.linalg.norm, gradients by finite differences and torch."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.errors import ConfigError, ShapeError
from mitbadak.ops.norm import matrix_norm, vector_norm

VECTOR_ORDS = [2, 1, 3, 0.5, 1.5, math.inf, -math.inf, 0]
MATRIX_ORDS = ["fro", 1, -1, math.inf, -math.inf]


def _x(shape=(3, 4, 5), seed=0, dtype=np.float64) -> np.ndarray:
    return np.random.default_rng(seed).normal(0, 2, shape).astype(dtype)


@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("axis", [0, 1, -1, (0, 2), None])
@pytest.mark.parametrize("ord", VECTOR_ORDS)
def test_vector_norms_equal_numpy(ord, axis, keepdims) -> None:
    x = _x()
    got = vector_norm(mb.Tensor(x), ord, axis=axis, keepdims=keepdims).data
    flat_axis = axis if axis is not None else tuple(range(x.ndim))
    if isinstance(flat_axis, tuple) and len(flat_axis) > 1:  # numpy takes one axis for vectors
        moved = np.moveaxis(x, flat_axis, tuple(range(-len(flat_axis), 0)))
        merged = moved.reshape(moved.shape[: -len(flat_axis)] + (-1,))
        want = np.linalg.norm(merged, ord, axis=-1)
        if keepdims:
            want = np.expand_dims(want, flat_axis)
    else:
        want = np.linalg.norm(x, ord, axis=flat_axis, keepdims=keepdims)
    np.testing.assert_allclose(got, want, rtol=1e-12)


@pytest.mark.parametrize("keepdims", [False, True])
@pytest.mark.parametrize("axis", [(0, 1), (1, 0), (2, 0), (-1, -2)])
@pytest.mark.parametrize("ord", MATRIX_ORDS)
def test_matrix_norms_equal_numpy(ord, axis, keepdims) -> None:
    x = _x()
    got = mb.norm(mb.Tensor(x), ord, axis=axis, keepdims=keepdims)
    np.testing.assert_allclose(
        got.data, np.linalg.norm(x, ord, axis=axis, keepdims=keepdims), rtol=1e-12
    )


@pytest.mark.parametrize("ord", [None, 1, 2, math.inf, -math.inf, "fro"])
def test_norm_without_axis_follows_numpy(ord) -> None:
    v, m = _x((7,)), _x((4, 6))
    if ord != "fro":
        assert mb.norm(mb.Tensor(v), ord).item() == pytest.approx(np.linalg.norm(v, ord))
    if ord != 2:
        assert mb.norm(mb.Tensor(m), ord).item() == pytest.approx(np.linalg.norm(m, ord))
    assert mb.norm(mb.Tensor(_x()), keepdims=True).shape == (1, 1, 1)


@pytest.mark.parametrize("ord", VECTOR_ORDS[:-1])
def test_vector_gradcheck(ord) -> None:
    x = mb.Tensor(_x((3, 4), seed=1), requires_grad=True)
    assert mb.gradcheck(lambda t: vector_norm(t, ord, axis=1), [x])
    assert mb.gradcheck(lambda t: vector_norm(t, ord, axis=None, keepdims=True), [x])


@pytest.mark.parametrize("ord", MATRIX_ORDS)
def test_matrix_gradcheck(ord) -> None:
    x = mb.Tensor(_x((2, 3, 4), seed=2), requires_grad=True)
    assert mb.gradcheck(lambda t: matrix_norm(t, ord, axis=(1, 2)), [x])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("ord", VECTOR_ORDS + [f"m{o}" for o in MATRIX_ORDS])
def test_matches_torch(ord, dtype) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    x = _x((3, 4, 5), seed=3, dtype=dtype)
    g = np.random.default_rng(4).standard_normal((3,)).astype(dtype)
    t = mb.Tensor(x.copy(), requires_grad=True)
    tx = torch.tensor(x, requires_grad=True)
    if isinstance(ord, str):
        o = ord[1:] if ord[1:] == "fro" else float(ord[1:])
        y = matrix_norm(t, o, axis=(1, 2))
        ty = torch.linalg.matrix_norm(tx, o, dim=(1, 2))
    else:
        y = vector_norm(t, ord, axis=(1, 2))
        ty = torch.linalg.vector_norm(tx, ord, dim=(1, 2))
    y.backward(g)
    ty.backward(torch.tensor(g))
    tol = {"rtol": 1e-5, "atol": 1e-6} if dtype == np.float32 else {"rtol": 1e-11, "atol": 1e-13}
    assert y.dtype == dtype and t.grad.dtype == dtype
    np.testing.assert_allclose(y.data, ty.detach().numpy(), **tol)
    # ord 0 counts non-zeros: torch leaves its gradient undefined, mitbadak gives 0
    want = np.zeros_like(x) if tx.grad is None else tx.grad.numpy()
    np.testing.assert_allclose(t.grad, want, **tol)


@pytest.mark.parametrize("ord", [2, 1, 3, 0.5, math.inf, -math.inf, "fro"])
def test_subgradient_at_zero_is_zero(ord) -> None:
    x = mb.Tensor(np.zeros((2, 3)), requires_grad=True)
    with np.errstate(all="raise"):
        if ord == "fro":
            y = matrix_norm(x, "fro")
        else:
            y = vector_norm(x, ord, axis=1)
        y.sum().backward()
    assert np.all(y.data == 0) and np.all(x.grad == 0)


def test_zero_entries_and_ties() -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
    v = np.array([3.0, 0.0, -4.0])
    for ord in (2, 1):  # a zero entry in a non-zero vector: same as torch
        t = mb.Tensor(v.copy(), requires_grad=True)
        vector_norm(t, ord).backward()
        tv = torch.tensor(v, requires_grad=True)
        torch.linalg.vector_norm(tv, ord).backward()
        np.testing.assert_allclose(t.grad, tv.grad.numpy())
    t = mb.Tensor(np.array([2.0, -2.0, 1.0]), requires_grad=True)
    vector_norm(t, math.inf).backward()  # the max is shared by a tie: half each
    assert t.grad.tolist() == [0.5, -0.5, 0.0]
    t = mb.Tensor(np.array([0.0, 2.0]), requires_grad=True)
    vector_norm(t, 0.5).backward()  # |0|^(p-1) would be inf: that entry gets 0
    assert t.grad.tolist() == [0.0, 1.0]


def test_errors() -> None:
    x = mb.Tensor(_x())
    with pytest.raises(ConfigError, match="matrix norm"):
        mb.norm(x, "fro", axis=1)
    with pytest.raises(ConfigError):
        vector_norm(x, -1)
    with pytest.raises(ConfigError, match="nuclear"):
        mb.norm(x, "nuc", axis=(0, 1))
    with pytest.raises(ShapeError, match="1-D or 2-D"):
        mb.norm(x, 1)
    with pytest.raises(ShapeError, match="out of range"):
        mb.norm(x, axis=(0, 3))
    with pytest.raises(ShapeError, match="differ"):
        mb.norm(x, axis=(1, 1))
    assert mb.norm(mb.Tensor(np.ones(4, np.float32))).dtype == np.float32

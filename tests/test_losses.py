"""Losses: functional forms against PyTorch, Keras-style objects against Keras' documented values,
weights, extreme inputs and the errors for bad shapes and labels."""

from __future__ import annotations

import math

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import losses
from mitbadak.errors import ConfigError, LabelError, ShapeError
from mitbadak.ops import loss as L

torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
F = torch.nn.functional

N, C, D = 6, 4, 3
REDUCTIONS = ["mean", "sum", "none"]
DTYPES = [np.float32, np.float64]


def _tol(dtype: type) -> dict[str, float]:
    return {"rtol": 1e-5, "atol": 1e-6} if dtype == np.float32 else {"rtol": 1e-10, "atol": 1e-12}


def _data(dtype: type, seed: int = 0) -> dict[str, np.ndarray]:
    r = np.random.default_rng(seed)
    return {
        "y": r.normal(0, 2, (N, D)).astype(dtype),
        "t": r.normal(0, 2, (N, D)).astype(dtype),
        "p": r.uniform(0.02, 0.98, (N, D)).astype(dtype),
        "b": r.integers(0, 2, (N, D)).astype(dtype),
        "z": r.normal(0, 3, (N, C)).astype(dtype),
        "labels": r.integers(0, C, N),
        "probs": r.dirichlet(np.ones(C), N).astype(dtype),
    }


def _compare(mb_fn, torch_fn, pred: np.ndarray, dtype: type, reduction: str) -> None:
    """Same prediction into both; compare the loss and d(sum(loss * g)) / d(pred)."""
    x = mb.Tensor(pred.copy(), requires_grad=True)
    out = mb_fn(x)
    tx = torch.tensor(pred, requires_grad=True)
    tout = torch_fn(tx)
    assert out.dtype == dtype and out.shape == tuple(tout.shape)
    np.testing.assert_allclose(out.data, tout.detach().numpy(), **_tol(dtype))
    g = np.random.default_rng(9).uniform(0.5, 1.5, out.shape).astype(dtype)
    out.backward(g)
    tout.backward(torch.tensor(g))
    assert x.grad.dtype == dtype
    np.testing.assert_allclose(x.grad, tx.grad.numpy(), **_tol(dtype))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_regression_losses_match_torch(dtype: type, reduction: str) -> None:
    d = _data(dtype)
    t, tt = d["t"], torch.tensor(d["t"])
    _compare(
        lambda x: L.mse(x, t, reduction), lambda x: F.mse_loss(x, tt, reduction=reduction),
        d["y"], dtype, reduction,
    )  # fmt: skip
    _compare(
        lambda x: L.mae(x, t, reduction), lambda x: F.l1_loss(x, tt, reduction=reduction),
        d["y"], dtype, reduction,
    )  # fmt: skip
    for delta in (0.5, 1.0, 2.0):
        _compare(
            lambda x, dl=delta: L.huber(x, t, dl, reduction),
            lambda x, dl=delta: F.huber_loss(x, tt, reduction=reduction, delta=dl),
            d["y"], dtype, reduction,
        )  # fmt: skip


@pytest.mark.parametrize("dtype", DTYPES)
def test_rmse_matches_torch(dtype: type) -> None:
    d = _data(dtype)
    tt = torch.tensor(d["t"])
    _compare(
        lambda x: L.rmse(x, d["t"]), lambda x: torch.sqrt(F.mse_loss(x, tt)), d["y"], dtype, "mean"
    )


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_binary_cross_entropy_matches_torch(dtype: type, reduction: str) -> None:
    d = _data(dtype)
    b, tb = d["b"], torch.tensor(d["b"])
    soft = d["p"][::-1].copy()  # soft targets work too
    _compare(
        lambda x: L.binary_cross_entropy(x, b, reduction),
        lambda x: F.binary_cross_entropy(x, tb, reduction=reduction),
        d["p"], dtype, reduction,
    )  # fmt: skip
    _compare(
        lambda x: L.binary_cross_entropy_with_logits(x, soft, reduction),
        lambda x: F.binary_cross_entropy_with_logits(x, torch.tensor(soft), reduction=reduction),
        d["y"], dtype, reduction,
    )  # fmt: skip


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_cross_entropy_matches_torch(dtype: type, reduction: str) -> None:
    d = _data(dtype)
    lab, tlab = d["labels"], torch.tensor(d["labels"])
    _compare(
        lambda x: L.softmax_cross_entropy(x, lab, reduction),
        lambda x: F.cross_entropy(x, tlab, reduction=reduction),
        d["z"], dtype, reduction,
    )  # fmt: skip
    onehot = np.eye(C, dtype=dtype)[lab]
    _compare(
        lambda x: L.softmax_cross_entropy(x, onehot, reduction),
        lambda x: F.cross_entropy(x, torch.tensor(onehot), reduction=reduction),
        d["z"], dtype, reduction,
    )  # fmt: skip
    # From probabilities, Keras-style: clip to [1e-7, 1], renormalize, take the log.
    _compare(
        lambda x: L.categorical_cross_entropy(x, lab, reduction),
        lambda x: F.nll_loss(torch.log(x / x.sum(1, keepdim=True)), tlab, reduction=reduction),
        d["probs"], dtype, reduction,
    )  # fmt: skip


@pytest.mark.parametrize(
    "fn, pred, target",
    [
        (L.mse, "y", "t"),
        (L.mae, "y", "t"),
        (lambda x, t: L.huber(x, t, 0.7), "y", "t"),
        (L.rmse, "y", "t"),
        (L.binary_cross_entropy, "p", "b"),
        (L.binary_cross_entropy_with_logits, "y", "p"),
        (L.softmax_cross_entropy, "z", "labels"),
        (L.categorical_cross_entropy, "probs", "labels"),
        (lambda x, t: L.softmax_cross_entropy(x, t, "none"), "z", "labels"),
        (lambda x, t: L.binary_cross_entropy(x, t, "sum"), "p", "b"),
    ],
)
def test_gradcheck_float64(fn, pred: str, target: str) -> None:
    d = _data(np.float64, seed=3)
    x = mb.Tensor(d[pred], requires_grad=True)
    assert mb.gradcheck(lambda a: fn(a, d[target]), [x])


def test_regression_target_gradient() -> None:
    d = _data(np.float64, seed=4)
    y, t = (mb.Tensor(d[k], requires_grad=True) for k in "yt")
    for fn in (L.mse, L.mae, L.huber):
        assert mb.gradcheck(fn, [y, t])


# ------------------------------------------------------------------ Keras-style loss objects
# Values from Keras' own documentation examples (keras.io/api/losses).
YT2 = np.array([[0.0, 1.0], [0.0, 0.0]])
YP2 = np.array([[0.6, 0.4], [0.4, 0.6]])


@pytest.mark.parametrize(
    "name, y_true, y_pred, mean, weighted, sw, total, none",
    [
        ("mse", YT2, [[1.0, 1.0], [1.0, 0.0]], 0.5, 0.25, [0.7, 0.3], 1.0, [0.5, 0.5]),
        ("mae", YT2, [[1.0, 1.0], [1.0, 0.0]], 0.5, 0.25, [0.7, 0.3], 1.0, [0.5, 0.5]),
        ("huber", YT2, YP2, 0.155, 0.09, [1, 0], 0.31, [0.18, 0.13]),
        ("binary_crossentropy", YT2, YP2, 0.815, 0.458, [1, 0], 1.630, [0.916, 0.714]),
        (
            "categorical_crossentropy",
            [[0, 1, 0], [0, 0, 1]],
            [[0.05, 0.95, 0], [0.1, 0.8, 0.1]],
            1.177, 0.814, [0.3, 0.7], 2.354, [0.0513, 2.303],
        ),
        (
            "sparse_categorical_crossentropy",
            [1, 2],
            [[0.05, 0.95, 0], [0.1, 0.8, 0.1]],
            1.177, 0.814, [0.3, 0.7], 2.354, [0.0513, 2.303],
        ),
    ],
)  # fmt: skip
def test_keras_documented_values(name, y_true, y_pred, mean, weighted, sw, total, none) -> None:
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred, dtype=np.float32)
    loss = losses.get(name)
    assert loss(y_true, mb.Tensor(y_pred)).item() == pytest.approx(mean, abs=1e-3)
    assert loss(y_true, y_pred, sample_weight=sw).item() == pytest.approx(weighted, abs=1e-3)
    assert type(loss)(reduction="sum")(y_true, y_pred).item() == pytest.approx(total, abs=2e-3)
    np.testing.assert_allclose(type(loss)(reduction="none")(y_true, y_pred).data, none, atol=1e-3)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_class_weights_match_torch(dtype: type, reduction: str) -> None:
    """Class weights as PyTorch's ``weight=``. Keras' mean is sum(w l) / N (PyTorch's divides
    by sum(w)), so the mean is compared with torch's weighted sum / N."""
    d = _data(dtype)
    cw = np.array([0.5, 2.0, 1.0, 3.0])
    lab, tlab, tcw = d["labels"], torch.tensor(d["labels"]), torch.tensor(cw.astype(dtype))
    tred = "sum" if reduction == "mean" else reduction

    def ref(x):
        out = F.cross_entropy(x, tlab, weight=tcw, reduction=tred)
        return out / N if reduction == "mean" else out

    obj = losses.SparseCategoricalCrossentropy(True, reduction, class_weight=cw)
    _compare(lambda x: obj(lab, x), ref, d["z"], dtype, reduction)
    as_dict = losses.CategoricalCrossentropy(
        True, reduction, class_weight={i: w for i, w in enumerate(cw)}
    )
    _compare(lambda x: as_dict(np.eye(C)[lab], x), ref, d["z"], dtype, reduction)


@pytest.mark.parametrize("dtype", DTYPES)
def test_sample_weight_objects_match_weighted_torch(dtype: type) -> None:
    d = _data(dtype)
    sw = np.random.default_rng(5).uniform(0, 2, N)
    tsw = torch.tensor(sw.astype(dtype))
    cases = [
        (losses.MeanSquaredError(), d["t"], d["y"], lambda x: F.mse_loss(x, torch.tensor(d["t"]), reduction="none")),
        (losses.MeanAbsoluteError(), d["t"], d["y"], lambda x: F.l1_loss(x, torch.tensor(d["t"]), reduction="none")),
        (losses.Huber(0.5), d["t"], d["y"], lambda x: F.huber_loss(x, torch.tensor(d["t"]), reduction="none", delta=0.5)),
        (losses.BinaryCrossentropy(), d["b"], d["p"], lambda x: F.binary_cross_entropy(x, torch.tensor(d["b"]), reduction="none")),
        (losses.BinaryCrossentropy(True), d["b"], d["y"], lambda x: F.binary_cross_entropy_with_logits(x, torch.tensor(d["b"]), reduction="none")),
    ]  # fmt: skip
    for obj, yt, yp, elementwise in cases:
        # Keras: per-sample loss = mean over the outputs, then sum(w l) / N.
        _compare(
            lambda x, o=obj, yt=yt: o(yt, x, sample_weight=sw),
            lambda x, e=elementwise: (e(x).mean(1) * tsw).sum() / N,
            yp, dtype, "mean",
        )  # fmt: skip
    rmse = losses.RootMeanSquaredError()
    _compare(
        lambda x: rmse(d["t"], x, sample_weight=sw),
        lambda x: torch.sqrt((F.mse_loss(x, torch.tensor(d["t"]), reduction="none").mean(1) * tsw).sum() / N),
        d["y"], dtype, "mean",
    )  # fmt: skip


def test_class_weight_combines_with_sample_weight() -> None:
    y = np.array([0, 1, 1, 2])
    z = mb.Tensor(np.random.default_rng(0).standard_normal((4, 3)))
    per = losses.SparseCategoricalCrossentropy(True, "none")(y, z).data
    sw = np.array([1.0, 2.0, 0.0, 1.0])
    got = losses.SparseCategoricalCrossentropy(True, class_weight={1: 3.0})(y, z, sample_weight=sw)
    assert got.item() == pytest.approx((per * sw * [1, 3, 3, 1]).sum() / 4, rel=1e-6)
    assert losses.class_weight_to_sample_weight(np.eye(3)[y], [1, 2, 3]).tolist() == [1, 2, 2, 3]
    assert losses.class_weight_to_sample_weight(np.array([[0.0], [1.0]]), {"1": 4}).tolist() == [
        1,
        4,
    ]
    with pytest.raises(LabelError, match="label 2 has no weight"):
        losses.class_weight_to_sample_weight(y, [1.0, 2.0])
    with pytest.raises(ShapeError, match="sample_weight"):
        losses.MeanSquaredError()(np.zeros(3), mb.Tensor(np.zeros(3)), sample_weight=[1, 2])


def test_softmax_and_sigmoid_outputs_use_the_logits() -> None:
    """A probability loss on a softmax/sigmoid output in the graph is computed from the logits:
    exact, so even a confidently wrong prediction gives the true (huge) loss and gradient."""
    z = np.array([[200.0, 0.0, -50.0], [1.0, 2.0, 3.0]])
    lab = np.array([2, 0])
    x = mb.Tensor(z, requires_grad=True)
    loss = losses.SparseCategoricalCrossentropy()(lab, mb.softmax(x))
    tx = torch.tensor(z, requires_grad=True)
    tloss = F.cross_entropy(tx, torch.tensor(lab))
    assert loss.item() == pytest.approx(tloss.item(), rel=1e-12)  # 125.0..., no 1e-7 clip
    loss.backward()
    tloss.backward()
    np.testing.assert_allclose(x.grad, tx.grad.numpy(), rtol=1e-12, atol=1e-15)

    zb = np.array([[40.0], [-3.0]])
    xb = mb.Tensor(zb, requires_grad=True)
    bl = losses.BinaryCrossentropy()(np.array([[0.0], [1.0]]), mb.sigmoid(xb))
    tb = torch.tensor(zb, requires_grad=True)
    tbl = F.binary_cross_entropy_with_logits(tb, torch.tensor([[0.0], [1.0]], dtype=torch.float64))
    assert bl.item() == pytest.approx(tbl.item(), rel=1e-12)
    bl.backward()
    tbl.backward()
    np.testing.assert_allclose(xb.grad, tb.grad.numpy(), rtol=1e-12)


@pytest.mark.parametrize("dtype", DTYPES)
def test_probabilities_exactly_zero_and_one(dtype: type) -> None:
    p = mb.Tensor(np.array([[0.0, 1.0, 0.0, 1.0]], dtype), requires_grad=True)
    t = np.array([[0.0, 1.0, 1.0, 0.0]], dtype)
    with np.errstate(all="raise"):
        loss = L.binary_cross_entropy(p, t)
        loss.backward()
    lo, hi = float(dtype(1e-7)), float(dtype(1 - 1e-7))  # the clip bounds, in this dtype
    worst = -math.log(lo)  # a confidently wrong answer costs -log(1e-7) = 16.1
    expected = (-math.log(hi) - math.log1p(-lo) + worst - math.log1p(-hi)) / 4
    assert loss.item() == pytest.approx(expected, rel=1e-5)
    assert np.all(np.isfinite(p.grad))

    probs = mb.Tensor(np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype), requires_grad=True)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        ce = L.categorical_cross_entropy(probs, np.array([1, 2]))
        ce.backward()
    assert np.isfinite(ce.item()) and ce.item() == pytest.approx(worst / 2, rel=1e-3)
    assert np.all(np.isfinite(probs.grad))


@pytest.mark.parametrize("dtype", DTYPES)
def test_huge_logits_are_finite_and_silent(dtype: type) -> None:
    z = mb.Tensor(np.array([[1e4], [-1e4], [1e4], [-1e4]], dtype), requires_grad=True)
    t = np.array([[1.0], [0.0], [0.0], [1.0]], dtype)
    with np.errstate(all="raise"):
        loss = L.binary_cross_entropy_with_logits(z, t, "none")
        loss.backward(np.ones((4, 1), dtype))
    np.testing.assert_allclose(loss.data, [[0], [0], [1e4], [1e4]])
    np.testing.assert_allclose(z.grad, [[0], [0], [1], [-1]])
    zc = mb.Tensor(np.array([[1e4, -1e4, 0.0]], dtype), requires_grad=True)
    with np.errstate(all="raise"):
        ce = L.softmax_cross_entropy(zc, np.array([1]))
        ce.backward()
    assert ce.item() == pytest.approx(2e4) and np.all(np.isfinite(zc.grad))


def test_shape_mismatch_raises() -> None:
    y = mb.Tensor(np.zeros((4, 1)))
    for fn in (L.mse, L.mae, L.huber, L.binary_cross_entropy, L.binary_cross_entropy_with_logits):
        with pytest.raises(ShapeError, match=r"\(4, 1\).*\(4,\)"):
            fn(y, np.zeros(4))
    # Keras' loss objects line (n,) targets up with (n, 1) outputs (issue 12); the PyTorch-form
    # functions above still refuse. Shapes that cannot be lined up still raise.
    assert losses.get("mse")(np.ones(4), y).item() == 1.0
    with pytest.raises(ShapeError):
        losses.get("mse")(np.zeros(3), y)
    with pytest.raises(ShapeError, match="one-hot"):
        losses.CategoricalCrossentropy()(np.zeros((4, 3)), mb.Tensor(np.ones((4, 2)) / 2))
    with pytest.raises(ShapeError, match="labels"):
        losses.SparseCategoricalCrossentropy()(np.zeros((4, 2)), mb.Tensor(np.ones((4, 2)) / 2))


def test_bad_labels_raise() -> None:
    z = mb.Tensor(np.zeros((3, 4)))
    with pytest.raises(LabelError, match="label 4 is out of range"):
        losses.SparseCategoricalCrossentropy(from_logits=True)(np.array([0, 4, 1]), z)
    with pytest.raises(LabelError, match="out of range"):
        L.categorical_cross_entropy(z + 0.25, np.array([-1, 0, 1]))
    with pytest.raises(LabelError, match=r"\[0, 1\]"):
        L.binary_cross_entropy(mb.Tensor([0.5, 0.5]), np.array([0.0, 2.0]))
    with pytest.raises(LabelError):
        losses.CategoricalCrossentropy()(np.full((3, 4), 2.0), z + 0.25)
    with pytest.raises(ConfigError, match="reduction"):
        L.mse(mb.Tensor([1.0]), [1.0], reduction="avg")


def test_sparse_labels_as_column_and_names() -> None:
    z = mb.Tensor(np.random.default_rng(1).standard_normal((5, 3)))
    lab = np.array([0, 2, 1, 1, 0])
    loss = losses.SparseCategoricalCrossentropy(from_logits=True)
    assert loss(lab[:, None], z).item() == loss(lab, z).item()
    names = {
        "mse": "MeanSquaredError", "mean_squared_error": "MeanSquaredError",
        "mae": "MeanAbsoluteError", "mean_absolute_error": "MeanAbsoluteError",
        "rmse": "RootMeanSquaredError", "binary_crossentropy": "BinaryCrossentropy",
        "categorical_crossentropy": "CategoricalCrossentropy",
        "sparse_categorical_crossentropy": "SparseCategoricalCrossentropy", "huber": "Huber",
    }  # fmt: skip
    for name, cls in names.items():
        assert type(losses.get(name)).__name__ == cls
    with pytest.raises(ConfigError, match="unknown loss"):
        losses.get("no_such_loss")
    cfg = losses.SparseCategoricalCrossentropy(class_weight=np.array([1.0, 2.0])).get_config()
    assert cfg["class_weight"] == [1.0, 2.0]


def test_rmse_gradient_is_zero_at_a_perfect_fit() -> None:
    y = mb.Tensor(np.array([1.0, 2.0]), requires_grad=True)
    with np.errstate(all="raise"):
        out = L.rmse(y, np.array([1.0, 2.0]))
        out.backward()
    assert out.item() == 0.0 and y.grad.tolist() == [0.0, 0.0]


def test_function_losses_and_weights() -> None:
    def per_sample(y_true, y_pred):
        return ((y_pred - mb.Tensor(y_true)) ** 2).sum(axis=1)

    loss = losses.get(per_sample)
    yp = mb.Tensor(np.ones((2, 2)))
    assert loss(np.zeros((2, 2)), yp, sample_weight=[1.0, 0.0]).item() == 1.0
    with pytest.raises(ConfigError, match="one loss per sample"):
        losses.get(lambda t, p: p.sum())(np.zeros((2, 2)), yp, sample_weight=[1.0, 0.0])

"""Hinge losses: values against Keras and PyTorch, gradients by finite differences and PyTorch."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import losses
from mitbadak.errors import ConfigError, LabelError, ShapeError
from mitbadak.ops import hinge as H

torch = pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")
F = torch.nn.functional


def data(seed: int = 0):
    rs = np.random.RandomState(seed)
    s = rs.randn(7, 4)
    t_pm = np.where(rs.rand(7, 4) > 0.5, 1.0, -1.0)
    labels = rs.randint(0, 4, 7)
    return s, t_pm, labels, np.eye(4)[labels]


def torch_hinge(s, t, squared):
    g = torch.clamp(1 - t * s, min=0)
    return (g * g if squared else g).mean()


def torch_categorical_hinge(s, t):
    pos = (t * s).sum(1)
    neg = ((1 - t) * s).max(1).values
    return torch.clamp(neg - pos + 1, min=0).mean()


@pytest.mark.parametrize("name", ["hinge", "squared_hinge", "categorical_hinge", "multiclass"])
def test_value_and_gradient_match_pytorch(name):
    s, t_pm, labels, onehot = data()
    x = mb.Tensor(s.copy(), requires_grad=True)
    ts = torch.tensor(s, requires_grad=True)
    if name == "hinge":
        ours, ref = H.hinge(x, t_pm), torch_hinge(ts, torch.tensor(t_pm), False)
    elif name == "squared_hinge":
        ours, ref = H.squared_hinge(x, t_pm), torch_hinge(ts, torch.tensor(t_pm), True)
    elif name == "categorical_hinge":
        ours, ref = (
            H.categorical_hinge(x, onehot),
            torch_categorical_hinge(ts, torch.tensor(onehot)),
        )
    else:  # PyTorch's multi_margin_loss divides the Weston-Watkins sum by the number of classes
        ours = H.multiclass_hinge(x, labels)
        ref = F.multi_margin_loss(ts, torch.tensor(labels), p=1, margin=1.0) * s.shape[1]
    ours.backward()
    ref.backward()
    np.testing.assert_allclose(ours.item(), ref.item(), rtol=1e-12)
    np.testing.assert_allclose(x.grad, ts.grad.numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_multiclass_hinge_matches_multi_margin_loss_per_sample(reduction):
    s, _, labels, _ = data(1)
    x = mb.Tensor(s.copy(), requires_grad=True)
    ts = torch.tensor(s, requires_grad=True)
    ours = H.multiclass_hinge(x, labels, reduction=reduction)
    ref = F.multi_margin_loss(ts, torch.tensor(labels), reduction=reduction) * s.shape[1]
    w = np.random.RandomState(2).rand(*ours.shape)
    (ours * mb.Tensor(w)).sum().backward()
    (ref * torch.tensor(w)).sum().backward()
    np.testing.assert_allclose(ours.numpy(), ref.detach().numpy(), rtol=1e-12)
    np.testing.assert_allclose(x.grad, ts.grad.numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_gradients_by_finite_differences(reduction):
    s, t_pm, labels, onehot = data(3)
    s = s * 3  # keep margins away from the kinks, where the derivative does not exist
    for f in (
        lambda a: H.hinge(a, t_pm, reduction=reduction),
        lambda a: H.squared_hinge(a, t_pm, reduction=reduction),
        lambda a: H.categorical_hinge(a, onehot, reduction=reduction),
        lambda a: H.multiclass_hinge(a, labels, reduction=reduction),
    ):
        assert mb.gradcheck(f, [mb.Tensor(s.copy(), requires_grad=True)])


def test_cs231n_example():
    # CS231n's three training examples (cat, car, frog) give losses 2.9, 0 and 12.9.
    scores = np.array([[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])  # one row each
    per = H.multiclass_hinge(mb.Tensor(scores), np.array([0, 1, 2]), reduction="none")
    np.testing.assert_allclose(per.numpy(), [2.9, 0.0, 12.9], atol=1e-6)


def test_strings_match_keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    rs = np.random.RandomState(0)
    s = rs.randn(8, 3).astype(np.float32)
    t01 = rs.randint(0, 2, (8, 3)).astype(np.float32)
    onehot = np.eye(3, dtype=np.float32)[rs.randint(0, 3, 8)]
    cases = [
        ("hinge", keras.losses.Hinge(), t01),  # 0/1 labels are read as -1/+1
        ("hinge", keras.losses.Hinge(), 2 * t01 - 1),
        ("squared_hinge", keras.losses.SquaredHinge(), t01),
        ("categorical_hinge", keras.losses.CategoricalHinge(), onehot),
    ]
    for name, ref, t in cases:
        ours = losses.get(name)(t, mb.Tensor(s)).item()
        np.testing.assert_allclose(ours, float(ref(t, s)), rtol=1e-6)
    assert type(losses.get("multiclass_hinge")).__name__ == "MulticlassHinge"


def test_a_linear_svm_trains_with_the_string_loss():
    from mitbadak.data import load_digits

    ds = load_digits()
    X, y = ds.data[:600].astype(np.float32) / 16, ds.target[:600]
    mb.random.set_seed(0)
    model = mb.Sequential([mb.layers.Dense(10)])
    model.compile(optimizer="sgd", loss="multiclass_hinge", metrics=["accuracy"])
    hist = model.fit(X, y, epochs=15, batch_size=32, verbose=0)
    assert hist.history["loss"][-1] < hist.history["loss"][0] / 3
    assert np.mean(model.predict(X, verbose=0).argmax(1) == y) > 0.9


def test_clear_errors():
    s = mb.Tensor(np.zeros((3, 4)))
    with pytest.raises(ShapeError, match="hinge: scores have shape"):
        H.hinge(s, np.ones(3))
    with pytest.raises(ShapeError, match=r"multiclass_hinge: expected scores \(N, C\)"):
        H.multiclass_hinge(mb.Tensor(np.zeros(3)), np.zeros(3))
    with pytest.raises(LabelError):
        H.multiclass_hinge(s, np.array([0, 1, 7]))
    with pytest.raises(ConfigError, match="reduction"):
        H.squared_hinge(s, np.ones((3, 4)), reduction="avg")


def test_docstring_examples():
    import doctest

    result = doctest.testmod(H, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0

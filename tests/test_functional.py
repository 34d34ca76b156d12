"""``mitbadak.functional`` against ``torch.nn.functional``: same names, same arguments, same
values and gradients (inputs and, where PyTorch gives one, targets)."""

# ruff: noqa: B023 - the lambdas built in loops are called within their own iteration

from __future__ import annotations

import doctest

import numpy as np
import pytest

import mitbadak as mb
import mitbadak.functional as F
from mitbadak import Tensor, gradcheck

torch = pytest.importorskip("torch")
TF = torch.nn.functional
pytestmark = pytest.mark.filterwarnings("ignore:reduction. .mean. divides:UserWarning")


def check(mb_fn, torch_fn, arrays, grad=None, rtol=1e-7, atol=1e-9):
    """float64 inputs (``grad[i]`` False: a constant); values and gradients must agree."""
    grad = grad or [True] * len(arrays)
    xs = [Tensor(np.array(a), requires_grad=g) if np.asarray(a).dtype.kind == "f" else np.array(a)
          for a, g in zip(arrays, grad)]  # fmt: skip
    ts = [torch.tensor(np.array(a), requires_grad=g and np.asarray(a).dtype.kind == "f")
          for a, g in zip(arrays, grad)]  # fmt: skip
    y, ty = mb_fn(*xs), torch_fn(*ts)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=rtol, atol=atol)
    gy = np.random.default_rng(3).standard_normal(y.shape)
    y.backward(gy)
    ty.backward(torch.tensor(gy))
    for x, t in zip(xs, ts):
        if isinstance(x, Tensor) and x.requires_grad:
            assert (x.grad is None) == (t.grad is None)
            if t.grad is not None:
                np.testing.assert_allclose(x.grad, t.grad.numpy(), rtol=rtol, atol=atol)


def rn(*shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def probs(*shape, seed=0):
    e = np.exp(rn(*shape, seed=seed))
    return e / e.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------------------- layers
def test_linear_takes_pytorch_weight_layout():
    check(F.linear, TF.linear, [rn(4, 3), rn(5, 3, seed=1), rn(5, seed=2)])
    check(F.linear, TF.linear, [rn(2, 4, 3), rn(5, 3, seed=1)])
    with pytest.raises(mb.ShapeError):
        F.linear(Tensor(rn(2, 3)), Tensor(rn(3)))


def test_user_written_pytorch_style_training_loop():
    """A PyTorch-style loop, as a course user writes it: F ops, manual SGD under no_grad."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 3))
    y = (x @ np.array([1.0, -2.0, 0.5]) > 0).astype(np.int64)
    w = mb.randn(2, 3, dtype="float64", requires_grad=True)
    b = mb.zeros(2, dtype="float64", requires_grad=True)
    tw, tb = torch.tensor(w.data.copy(), requires_grad=True), torch.zeros(2, dtype=torch.float64,
                                                                          requires_grad=True)  # fmt: skip
    for _ in range(20):
        loss = F.cross_entropy(F.linear(Tensor(x), w, b), y)
        w.zero_grad(), b.zero_grad()
        loss.backward()
        with mb.no_grad():
            w -= 0.5 * w.grad
            b -= 0.5 * b.grad
        tl = TF.cross_entropy(TF.linear(torch.tensor(x), tw, tb), torch.tensor(y))
        tw.grad = tb.grad = None
        tl.backward()
        with torch.no_grad():
            tw -= 0.5 * tw.grad
            tb -= 0.5 * tb.grad
    np.testing.assert_allclose(w.data, tw.detach().numpy(), rtol=1e-9)
    assert loss.item() == pytest.approx(tl.item(), rel=1e-9) and loss.item() < 0.4


def test_conv_and_pool_functional_forms():
    x = rn(2, 4, 7, 6)
    check(lambda a, w: F.conv2d(a, w, stride=2, padding=1, groups=2),
          lambda a, w: TF.conv2d(a, w, stride=2, padding=1, groups=2), [x, rn(6, 2, 3, 3, seed=1)])  # fmt: skip
    check(lambda a, w, b: F.conv1d(a, w, b, padding=2, dilation=2),
          lambda a, w, b: TF.conv1d(a, w, b, padding=2, dilation=2),
          [rn(2, 3, 9), rn(4, 3, 3, seed=1), rn(4, seed=2)])  # fmt: skip
    check(lambda a, w: F.conv_transpose2d(a, w, stride=2, padding=1, output_padding=1),
          lambda a, w: TF.conv_transpose2d(a, w, stride=2, padding=1, output_padding=1),
          [x, rn(4, 3, 3, 3, seed=1)])  # fmt: skip
    for kw in [{}, {"padding": 1}, {"stride": 1}, {"dilation": 2}, {"ceil_mode": True}]:
        check(lambda a: F.max_pool2d(a, 3, **kw), lambda a: TF.max_pool2d(a, 3, **kw), [x])
    for kw in [{}, {"padding": 1}, {"padding": 1, "count_include_pad": False},
               {"ceil_mode": True, "stride": 2}, {"divisor_override": 5}]:  # fmt: skip
        check(lambda a: F.avg_pool2d(a, 3, **kw), lambda a: TF.avg_pool2d(a, 3, **kw), [x])


def test_normalization_dropout_embedding_one_hot():
    x = rn(4, 3, 5)
    check(lambda a, w, b: F.layer_norm(a, (5,), w, b), lambda a, w, b: TF.layer_norm(a, (5,), w, b),
          [x, rn(5, seed=1), rn(5, seed=2)])  # fmt: skip
    check(lambda a: F.layer_norm(a, (3, 5)), lambda a: TF.layer_norm(a, (3, 5)), [x])
    rm, rv = np.zeros(3), np.ones(3)
    trm, trv = torch.zeros(3, dtype=torch.float64), torch.ones(3, dtype=torch.float64)
    check(lambda a, w, b: F.batch_norm(a, rm, rv, w, b, training=True, momentum=0.3),
          lambda a, w, b: TF.batch_norm(a, trm, trv, w, b, training=True, momentum=0.3),
          [x, rn(3, seed=1), rn(3, seed=2)])  # fmt: skip
    np.testing.assert_allclose(rm, trm.numpy())
    np.testing.assert_allclose(rv, trv.numpy())
    check(lambda a: F.batch_norm(a, rm, rv, training=False),
          lambda a: TF.batch_norm(a, trm, trv, training=False), [x])  # fmt: skip
    mb.set_seed(0)
    d = F.dropout(Tensor(np.ones((200, 50))), p=0.3)
    assert set(np.unique(d.data)) == {0.0, np.float64(1 / 0.7)}
    assert abs(float((d.data == 0).mean()) - 0.3) < 0.02
    assert F.dropout(Tensor(np.ones(3)), training=False).tolist() == [1.0, 1.0, 1.0]
    ids = np.array([[0, 2, 2], [1, 0, 3]])
    check(lambda w: F.embedding(ids, w, padding_idx=2),
          lambda w: TF.embedding(torch.tensor(ids), w, padding_idx=2), [rn(4, 3)])  # fmt: skip
    np.testing.assert_array_equal(F.one_hot(ids, 5).data, TF.one_hot(torch.tensor(ids), 5).numpy())
    with pytest.raises(mb.LabelError):
        F.one_hot(np.array([3]), 2)


@pytest.mark.parametrize("mask", ["none", "bool", "float", "causal"])
def test_scaled_dot_product_attention(mask):
    q, k, v = rn(2, 3, 4, 6), rn(2, 3, 5, 6, seed=1), rn(2, 3, 5, 7, seed=2)
    kw_mb: dict = {}
    kw_t: dict = {}
    if mask == "bool":
        m = np.random.default_rng(4).random((4, 5)) > 0.3
        m[:, 0] = True
        kw_mb, kw_t = {"attn_mask": m}, {"attn_mask": torch.tensor(m)}
    elif mask == "float":
        m = rn(4, 5, seed=5)
        kw_mb, kw_t = {"attn_mask": m}, {"attn_mask": torch.tensor(m)}
    elif mask == "causal":
        k, v = k[:, :, :4], v[:, :, :4]
        kw_mb = kw_t = {"is_causal": True}
    check(lambda a, b, c: F.scaled_dot_product_attention(a, b, c, scale=0.3, **kw_mb),
          lambda a, b, c: TF.scaled_dot_product_attention(a, b, c, scale=0.3, **kw_t), [q, k, v])  # fmt: skip
    assert gradcheck(lambda a, b, c: F.scaled_dot_product_attention(a, b, c, **kw_mb),
                     [Tensor(t[:1, :1].copy(), requires_grad=True) for t in (q, k, v)])  # fmt: skip


def test_activation_functional_forms():
    x = rn(3, 4) * 3
    for name in ("relu", "relu6", "hardtanh", "hardsigmoid", "hardswish", "elu", "selu", "celu",
                 "silu", "mish", "softsign", "logsigmoid", "sigmoid", "tanh", "gelu"):  # fmt: skip
        check(getattr(F, name), getattr(TF, name) if hasattr(TF, name) else getattr(torch, name),
              [x], rtol=1e-6)  # fmt: skip
    check(lambda a: F.softplus(a, beta=2.0), lambda a: TF.softplus(a, beta=2.0), [x])
    check(lambda a: F.leaky_relu(a, 0.2), lambda a: TF.leaky_relu(a, 0.2), [x])
    check(lambda a: F.gelu(a, approximate="tanh"), lambda a: TF.gelu(a, approximate="tanh"), [x])
    for dim in (0, -1):
        check(lambda a: F.softmax(a, dim=dim), lambda a: TF.softmax(a, dim=dim), [x])
        check(lambda a: F.log_softmax(a, dim=dim), lambda a: TF.log_softmax(a, dim=dim), [x])
    check(lambda a: F.normalize(a, dim=-1), lambda a: TF.normalize(a, dim=-1), [x])
    check(lambda a: F.pad(a, (1, -1)), lambda a: TF.pad(a, (1, -1)), [x])
    with pytest.raises(mb.ConfigError):
        F.softmax(Tensor(x))


# ---------------------------------------------------------------------------- losses
LABELS = np.array([0, 3, 1, 3, 2])


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_and_nll(reduction):
    z = rn(5, 4)
    r = {"reduction": reduction}
    t = torch.tensor(LABELS)
    check(lambda a: F.cross_entropy(a, LABELS, **r), lambda a: TF.cross_entropy(a, t, **r), [z])
    w = np.array([1.0, 2.0, 0.5, 3.0])
    lab = LABELS.copy()
    lab[1] = -100
    for kw in [{"weight": w}, {"ignore_index": 3}, {"label_smoothing": 0.2},
               {"weight": w, "label_smoothing": 0.1}]:  # fmt: skip
        tkw = {k: torch.tensor(v) if k == "weight" else v for k, v in kw.items()}
        check(lambda a: F.cross_entropy(a, LABELS, **kw, **r),
              lambda a: TF.cross_entropy(a, t, **tkw, **r), [z])  # fmt: skip
    check(lambda a: F.cross_entropy(a, lab, **r),
          lambda a: TF.cross_entropy(a, torch.tensor(lab), **r), [z])  # fmt: skip
    logp = np.log(probs(5, 4))
    check(lambda a: F.nll_loss(a, LABELS, **r), lambda a: TF.nll_loss(a, t, **r), [logp])
    check(lambda a: F.nll_loss(a, LABELS, weight=w, ignore_index=1, **r),
          lambda a: TF.nll_loss(a, t, weight=torch.tensor(w), ignore_index=1, **r), [logp])  # fmt: skip


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_probability_targets_get_a_gradient(reduction):
    r = {"reduction": reduction}
    check(lambda a, p: F.cross_entropy(a, p, **r), lambda a, p: TF.cross_entropy(a, p, **r),
          [rn(5, 4), probs(5, 4, seed=1)])  # fmt: skip
    check(lambda a, p: F.cross_entropy(a, p, label_smoothing=0.1, **r),
          lambda a, p: TF.cross_entropy(a, p, label_smoothing=0.1, **r),
          [rn(5, 4), probs(5, 4, seed=1)])  # fmt: skip


def test_cross_entropy_on_spatial_outputs():
    z = rn(2, 4, 3, 5)
    lab = np.random.default_rng(1).integers(0, 4, (2, 3, 5))
    for red in ("mean", "none"):
        check(lambda a: F.cross_entropy(a, lab, reduction=red),
              lambda a: TF.cross_entropy(a, torch.tensor(lab), reduction=red), [z])  # fmt: skip
    check(lambda a: F.nll_loss(F.log_softmax(a, dim=1), lab),
          lambda a: TF.nll_loss(TF.log_softmax(a, dim=1), torch.tensor(lab)), [z])  # fmt: skip


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_regression_losses_with_target_gradients(reduction):
    y, t = rn(4, 3) * 2, rn(4, 3, seed=1)
    r = {"reduction": reduction}
    check(lambda a, b: F.mse_loss(a, b, **r), lambda a, b: TF.mse_loss(a, b, **r), [y, t])
    check(lambda a, b: F.l1_loss(a, b, **r), lambda a, b: TF.l1_loss(a, b, **r), [y, t])
    for beta in (1.0, 0.5, 2.0):
        check(lambda a, b: F.smooth_l1_loss(a, b, beta=beta, **r),
              lambda a, b: TF.smooth_l1_loss(a, b, beta=beta, **r), [y, t])  # fmt: skip
        check(lambda a, b: F.huber_loss(a, b, delta=beta, **r),
              lambda a, b: TF.huber_loss(a, b, delta=beta, **r), [y, t])  # fmt: skip


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_binary_cross_entropies_with_target_gradients(reduction):
    z = rn(4, 3)
    t = np.random.default_rng(2).random((4, 3))
    w = np.random.default_rng(3).random((4, 3)) + 0.5
    r = {"reduction": reduction}
    p = 1 / (1 + np.exp(-z))
    check(lambda a, b: F.binary_cross_entropy(a, b, **r),
          lambda a, b: TF.binary_cross_entropy(a, b, **r), [p, t])  # fmt: skip
    check(lambda a, b: F.binary_cross_entropy(a, b, weight=w, **r),
          lambda a, b: TF.binary_cross_entropy(a, b, weight=torch.tensor(w), **r), [p, t])  # fmt: skip
    check(lambda a, b: F.binary_cross_entropy_with_logits(a, b, **r),
          lambda a, b: TF.binary_cross_entropy_with_logits(a, b, **r), [z, t])  # fmt: skip
    pw = np.array([0.5, 2.0, 3.0])
    check(lambda a, b: F.binary_cross_entropy_with_logits(a, b, weight=w, pos_weight=pw, **r),
          lambda a, b: TF.binary_cross_entropy_with_logits(
              a, b, weight=torch.tensor(w), pos_weight=torch.tensor(pw), **r), [z, t])  # fmt: skip


@pytest.mark.parametrize("reduction", ["batchmean", "mean", "sum", "none"])
@pytest.mark.parametrize("log_target", [False, True])
def test_kl_div(reduction, log_target):
    logq = np.log(probs(4, 5))
    p = probs(4, 5, seed=1)
    t = np.log(p) if log_target else p
    kw = {"reduction": reduction, "log_target": log_target}
    check(lambda a, b: F.kl_div(a, b, **kw), lambda a, b: TF.kl_div(a, b, **kw), [logq, t])
    if not log_target:  # 0 log 0 = 0 (the target's gradient there is undefined: not compared)
        p[0, 1] = 0.0
        check(lambda a, b: F.kl_div(a, b, **kw), lambda a, b: TF.kl_div(a, b, **kw), [logq, p],
              grad=[True, False])  # fmt: skip


def test_loss_gradcheck_in_float64():
    z = Tensor(rn(3, 4), requires_grad=True)
    p = Tensor(probs(3, 4, seed=1), requires_grad=True)
    assert gradcheck(lambda a, b: F.cross_entropy(a, b, label_smoothing=0.1), [z, p])
    assert gradcheck(lambda a, b: F.kl_div(F.log_softmax(a, dim=1), b, reduction="batchmean"),
                     [z, p])  # fmt: skip
    t = Tensor(np.random.default_rng(2).random((3, 4)), requires_grad=True)
    assert gradcheck(lambda a, b: F.binary_cross_entropy_with_logits(a, b, pos_weight=2.0), [z, t])
    assert gradcheck(lambda a: F.nll_loss(F.log_softmax(a, dim=1), LABELS[:3]), [z])


def test_loss_errors_are_clear():
    with pytest.raises(mb.ConfigError, match="reduction"):
        F.cross_entropy(Tensor(rn(2, 3)), np.array([0, 1]), reduction="avg")
    with pytest.raises(mb.LabelError):
        F.cross_entropy(Tensor(rn(2, 3)), np.array([0, 3]))
    with pytest.raises(mb.ShapeError):
        F.kl_div(Tensor(rn(2, 3)), Tensor(rn(3, 2)))
    with pytest.raises(mb.LabelError):
        F.nll_loss(Tensor(rn(2, 3)), np.array([0.5, 1.0]))


def test_functional_docstring_examples_run():
    res = doctest.testmod(F, extraglobs={"np": np, "Tensor": Tensor})
    assert res.failed == 0 and res.attempted > 20

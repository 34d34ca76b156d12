"""Weight penalties (L1, L2, L1L2), their equivalence with weight decay, and Dropout."""

from __future__ import annotations

import json

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import Tensor, gradcheck, regularizers
from mitbadak.errors import ConfigError, ShapeError
from mitbadak.layers import Dense, Dropout, layer_from_config, layer_to_config
from mitbadak.ops.dropout import Dropout as DropoutFn
from mitbadak.ops.dropout import dropout, dropout_mask
from mitbadak.optimizers import SGD
from mitbadak.regularizers import L1, L1L2, L2


def oracle():
    return pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")


# ------------------------------------------------------------------------------ penalties
@pytest.mark.parametrize(
    "reg,formula",
    [
        (L1(0.03), lambda w: 0.03 * np.abs(w).sum()),
        (L2(0.02), lambda w: 0.02 * (w**2).sum()),  # Keras: no 1/2
        (L1L2(l1=0.01, l2=0.05), lambda w: 0.01 * np.abs(w).sum() + 0.05 * (w**2).sum()),
    ],
    ids=["l1", "l2", "l1_l2"],
)
def test_penalty_values_and_gradients(reg, formula, rng):
    torch = oracle()
    w = rng.normal(size=(4, 3))
    wm = Tensor(w.copy(), requires_grad=True)
    p = reg(wm)
    assert p.item() == pytest.approx(formula(w), rel=1e-12)
    p.backward()
    wt = torch.tensor(w, requires_grad=True)
    l1, l2 = getattr(reg, "l1", 0.0), getattr(reg, "l2", 0.0)
    (l1 * wt.abs().sum() + l2 * (wt**2).sum()).backward()
    np.testing.assert_allclose(wm.grad, wt.grad.numpy(), rtol=1e-12)
    assert gradcheck(lambda t: reg(t), [Tensor(w.copy(), requires_grad=True)])


def test_l2_gradient_is_2_l2_w_and_float32_stays():
    w = Tensor(np.array([1.0, -2.0], np.float32), requires_grad=True)
    p = L2(0.1)(w)
    p.backward()
    assert p.dtype == w.grad.dtype == np.float32
    np.testing.assert_allclose(w.grad, [0.2, -0.4], rtol=1e-6)


def test_regularizer_registry_and_serialization():
    assert isinstance(regularizers.get("l2"), L2) and regularizers.get("l2").l2 == 0.01
    assert regularizers.get(None) is None
    for reg in [L1(0.2), L2(0.3), L1L2(0.1, 0.4)]:
        spec = json.loads(json.dumps(regularizers.serialize(reg)))
        back = regularizers.get(spec)
        assert type(back) is type(reg) and back.get_config() == reg.get_config()
    with pytest.raises(ConfigError):
        L2(-1.0)
    with pytest.raises(ConfigError):
        regularizers.get("l3")


def test_dense_regularization_losses_cover_kernel_and_bias(rng):
    layer = Dense(3, kernel_regularizer=L2(0.1), bias_regularizer=L1(0.5), dtype="float64")
    layer(rng.normal(size=(2, 4)))
    layer.bias.data[:] = [1.0, -2.0, 0.5]
    losses = layer.regularization_losses()
    assert len(losses) == 2
    assert losses[0].item() == pytest.approx(0.1 * (layer.kernel.data**2).sum())
    assert losses[1].item() == pytest.approx(0.5 * 3.5)
    layer.trainable = False  # frozen weights are not penalized
    assert layer.regularization_losses() == []
    clone = layer_from_config(layer_to_config(layer))
    assert clone.kernel_regularizer.get_config() == {"l2": 0.1}


def test_l2_regularizer_equals_sgd_weight_decay_2_l2_on_the_kernel():
    """Dense(kernel_regularizer=L2(l2)) + SGD == SGD with weight_decay=2*l2 on the kernel only
    (parameter groups leave the bias undecayed): the same trajectory, step by step."""
    ds = mb.data.load_digits()
    x, y = (ds.data[:128] / 16.0).astype(np.float64), ds.target[:128]
    l2 = 0.01

    def make(reg):
        mb.set_seed(7)
        model = mb.Sequential(
            [
                Dense(16, activation="tanh", kernel_regularizer=reg, dtype="float64"),
                Dense(10, kernel_regularizer=reg, dtype="float64"),
            ],
            dtype="float64",
        )
        model(x[:1])
        return model

    a, b = make(L2(l2)), make(None)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(wa, wb)
    opt_a = SGD(a.parameters(), lr=0.3, momentum=0.9)
    kernels = [layer.kernel for layer in b.layers]
    biases = [layer.bias for layer in b.layers]
    opt_b = SGD(
        [{"params": kernels, "weight_decay": 2 * l2}, {"params": biases}], lr=0.3, momentum=0.9
    )
    for _ in range(50):
        opt_a.zero_grad()
        loss = mb.softmax_cross_entropy(a(x), y)
        for r in a.regularization_losses():
            loss = loss + r
        loss.backward()
        opt_a.step()
        opt_b.zero_grad()
        mb.softmax_cross_entropy(b(x), y).backward()
        opt_b.step()
        for wa, wb in zip(a.get_weights(), b.get_weights()):
            np.testing.assert_allclose(wa, wb, rtol=1e-10, atol=1e-12)
    # ...and the penalty matters: without it the kernels end elsewhere.
    c = make(None)
    opt_c = SGD(c.parameters(), lr=0.3, momentum=0.9)
    for _ in range(50):
        opt_c.zero_grad()
        mb.softmax_cross_entropy(c(x), y).backward()
        opt_c.step()
    assert np.abs(c.get_weights()[0] - a.get_weights()[0]).max() > 1e-3
    assert np.abs(c.get_weights()[0]).sum() > np.abs(a.get_weights()[0]).sum()


# ------------------------------------------------------------------------------ dropout
def test_dropout_mask_values_rate_and_expectation():
    x = np.ones((200, 500), np.float32)
    y = Dropout(0.3, seed=0)(x, training=True).data
    assert y.dtype == np.float32
    assert set(np.unique(y).tolist()) == {0.0, np.float32(1 / 0.7).item()}
    assert (y == 0).mean() == pytest.approx(0.3, abs=0.005)
    assert y.mean() == pytest.approx(1.0, abs=0.01)  # inverted dropout keeps the expectation


def test_dropout_backward_is_g_times_mask_and_gradcheck(rng):
    x = Tensor(rng.normal(size=(5, 6)), requires_grad=True)
    y = Dropout(0.4, seed=3)(x, training=True)
    g = rng.normal(size=(5, 6))
    y.backward(g)
    mask = y.data / x.data
    np.testing.assert_allclose(x.grad, g * mask)
    assert set(np.round(np.unique(mask), 12).tolist()) == {0.0, round(1 / 0.6, 12)}
    m = dropout_mask((5, 6), 0.4, np.float64, np.random.default_rng(1))
    assert gradcheck(lambda t: DropoutFn.apply(t, mask=m), [Tensor(x.data, requires_grad=True)])


def test_dropout_scaling_matches_torch(rng):
    torch = oracle()
    x = rng.normal(size=(64, 32))
    torch.manual_seed(0)
    xt = torch.tensor(x, requires_grad=True)
    yt = torch.nn.functional.dropout(xt, p=0.25, training=True)
    g = rng.normal(size=x.shape)
    yt.backward(torch.tensor(g))
    # torch's mask, in mitbadak's op: the same outputs and gradients
    mask = (yt.detach().numpy() != 0) / 0.75
    xm = Tensor(x.copy(), requires_grad=True)
    y = DropoutFn.apply(xm, mask=mask)
    y.backward(g)
    np.testing.assert_allclose(y.data, yt.detach().numpy(), rtol=1e-15)
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), rtol=1e-15)


def test_dropout_is_identity_in_eval_and_at_rate_0():
    x = Tensor(np.ones((3, 4), np.float32))
    layer = Dropout(0.5)
    assert layer(x, training=False) is x
    assert Dropout(0.0)(x, training=True) is x
    model = mb.Sequential([Dense(4), Dropout(0.9)])
    xx = np.ones((2, 3), np.float32)
    np.testing.assert_array_equal(model.predict_on_batch(xx), model.predict_on_batch(xx))
    model.eval()
    np.testing.assert_array_equal(model(xx).data, model.predict_on_batch(xx))


def test_dropout_seeded_masks_repeat_and_differ_between_calls():
    x = np.ones((8, 8), np.float32)
    a, b, c = Dropout(0.5, seed=42), Dropout(0.5, seed=42), Dropout(0.5, seed=43)
    ya1, ya2 = a(x, training=True).data, a(x, training=True).data
    yb1, yb2 = b(x, training=True).data, b(x, training=True).data
    np.testing.assert_array_equal(ya1, yb1)
    np.testing.assert_array_equal(ya2, yb2)
    assert not np.array_equal(ya1, ya2)
    assert not np.array_equal(ya1, c(x, training=True).data)
    mb.set_seed(5)
    u = Dropout(0.5)(x, training=True).data
    mb.set_seed(5)
    np.testing.assert_array_equal(u, Dropout(0.5)(x, training=True).data)


def test_dropout_noise_shape_drops_whole_channels():
    x = np.ones((16, 8, 3, 3), np.float32)
    y = Dropout(0.5, noise_shape=(None, None, 1, 1), seed=0)(x, training=True).data
    per_channel = y.reshape(16, 8, 9)
    assert (per_channel == per_channel[:, :, :1]).all()  # one value per (sample, channel)
    assert 0 < (per_channel[:, :, 0] == 0).mean() < 1
    with pytest.raises(ShapeError, match=r"Dropout 'dd'.*noise_shape \(None, 2\)"):
        Dropout(0.5, noise_shape=(None, 2), name="dd")(np.ones((4, 3)), training=True)


def test_dropout_errors_and_config():
    with pytest.raises(ConfigError, match=r"\[0, 1\)"):
        Dropout(1.0)
    with pytest.raises(ConfigError):
        dropout(Tensor(np.ones(2)), -0.1)
    layer = Dropout(0.2, noise_shape=(None, 1), seed=9, name="drop")
    spec = json.loads(json.dumps(layer_to_config(layer)))
    clone = layer_from_config(spec)
    assert (clone.rate, clone.noise_shape, clone.seed) == (0.2, (None, 1), 9)
    x = np.ones((6, 5), np.float32)
    np.testing.assert_array_equal(clone(x, training=True).data, layer(x, training=True).data)


# ------------------------------------------------------------------------------ docstrings
PART_B_MODULES = [
    "optimizers",
    "schedules",
    "regularizers",
    "ops.dropout",
    "ops.normalization",
    "layers.regularization",
    "layers.normalization",
]


@pytest.mark.parametrize("name", PART_B_MODULES)
def test_docstring_examples(name):
    import doctest
    import importlib

    module = importlib.import_module(f"mitbadak.{name}")
    result = doctest.testmod(module, extraglobs={"np": np, "Tensor": Tensor})
    assert result.attempted > 0 and result.failed == 0

"""BatchNormalization and LayerNormalization: gradcheck and equality with torch.nn."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import Tensor, gradcheck
from mitbadak.errors import ConfigError, ShapeError
from mitbadak.layers import (
    BatchNormalization,
    Dense,
    LayerNormalization,
    layer_from_config,
    layer_to_config,
)
from mitbadak.ops.normalization import batch_norm, layer_norm


def oracle():
    return pytest.importorskip("torch", reason="PyTorch (pip install torch==2.13.0) is the oracle")


def t64(a, grad=True):
    return Tensor(np.array(a, dtype=np.float64), requires_grad=grad)


# ------------------------------------------------------------------------------ gradcheck
@pytest.mark.parametrize("shape", [(6, 3), (4, 3, 2, 3), (5, 2, 4)])
def test_batch_norm_train_gradcheck(shape, rng):
    x = t64(rng.normal(1, 2, shape))
    c = shape[1]
    g, b = t64(rng.normal(1, 0.5, c)), t64(rng.normal(size=c))

    def f(x, g, b):
        return batch_norm(x, g, b, np.zeros(c), np.ones(c), training=True, epsilon=1e-3)

    assert gradcheck(f, [x, g, b])


def test_batch_norm_inference_gradcheck(rng):
    x, g, b = t64(rng.normal(size=(4, 3, 2, 2))), t64(rng.normal(size=3)), t64(rng.normal(size=3))
    rm, rv = rng.normal(size=3), rng.uniform(0.5, 2, 3)
    assert gradcheck(lambda x, g, b: batch_norm(x, g, b, rm, rv, training=False), [x, g, b])


@pytest.mark.parametrize("axis", [-1, (-2, -1), 1])
def test_layer_norm_gradcheck(axis, rng):
    x = t64(rng.normal(2, 3, (3, 4, 5)))
    pshape = {-1: (5,), (-2, -1): (4, 5), 1: (4,)}[axis]
    g, b = t64(rng.normal(1, 0.5, pshape)), t64(rng.normal(size=pshape))
    assert gradcheck(lambda x, g, b: layer_norm(x, g, b, axis=axis, epsilon=1e-3), [x, g, b])


# ------------------------------------------------------------------------------ vs torch
def _bn_pair(torch, shape, rng, axis=1, affine=True, dtype=np.float64):
    c = shape[axis]
    layer = BatchNormalization(
        axis=axis, momentum=0.9, epsilon=1e-5, center=affine, scale=affine, dtype=dtype
    )
    cls = {2: torch.nn.BatchNorm1d, 3: torch.nn.BatchNorm1d, 4: torch.nn.BatchNorm2d}[len(shape)]
    ref = cls(c, eps=1e-5, momentum=0.1, affine=affine).to(getattr(torch, np.dtype(dtype).name))
    layer(np.zeros((2,) + shape[1:], dtype), training=False)  # build
    if affine:
        gamma, beta = rng.uniform(0.5, 1.5, c), rng.normal(size=c)
        layer.set_weights([gamma, beta, np.zeros(c), np.ones(c)])
        with torch.no_grad():
            ref.weight.copy_(torch.tensor(gamma)), ref.bias.copy_(torch.tensor(beta))
    return layer, ref


def _to_torch_layout(torch, a, axis):
    """Channels-last arrays go to torch channels-first."""
    t = torch.tensor(a)
    return t if axis == 1 else t.movedim(-1, 1)


@pytest.mark.parametrize(
    "shape,axis",
    [((16, 5), 1), ((8, 4, 6, 6), 1), ((6, 3, 7), 1), ((8, 6, 6, 4), -1)],
    ids=["dense", "conv_nchw", "seq_ncl", "nhwc_axis-1"],
)
@pytest.mark.parametrize("affine", [True, False])
def test_batch_norm_matches_torch_train_running_and_eval(shape, axis, affine, rng):
    torch = oracle()
    layer, ref = _bn_pair(torch, shape, rng, axis, affine)
    for _ in range(4):  # several training batches: running statistics accumulate
        x = rng.normal(3, 2, shape)
        gy = rng.normal(size=shape)
        xm = Tensor(x.copy(), requires_grad=True)
        y = layer(xm, training=True)
        y.backward(gy)
        xt = _to_torch_layout(torch, x, axis).requires_grad_(True)
        yt = ref.train()(xt)
        yt.backward(_to_torch_layout(torch, gy, axis))
        yt_np = yt.detach().movedim(1, -1).numpy() if axis != 1 else yt.detach().numpy()
        gx_np = xt.grad.movedim(1, -1).numpy() if axis != 1 else xt.grad.numpy()
        np.testing.assert_allclose(y.data, yt_np, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(xm.grad, gx_np, rtol=1e-9, atol=1e-12)
        if affine:
            np.testing.assert_allclose(layer.gamma.grad, ref.weight.grad.numpy(), rtol=1e-10)
            np.testing.assert_allclose(layer.beta.grad, ref.bias.grad.numpy(), rtol=1e-10)
            layer.gamma.grad = layer.beta.grad = None
            ref.zero_grad()
    np.testing.assert_allclose(layer.moving_mean.data, ref.running_mean.numpy(), rtol=1e-12)
    np.testing.assert_allclose(layer.moving_variance.data, ref.running_var.numpy(), rtol=1e-12)
    assert not np.allclose(layer.moving_variance.data, 1.0)  # they did move

    # eval: running statistics, gradients included
    x, gy = rng.normal(3, 2, shape), rng.normal(size=shape)
    xm = Tensor(x.copy(), requires_grad=True)
    y = layer(xm, training=False)
    y.backward(gy)
    xt = _to_torch_layout(torch, x, axis).requires_grad_(True)
    yt = ref.eval()(xt)
    yt.backward(_to_torch_layout(torch, gy, axis))
    back = (lambda t: t.movedim(1, -1)) if axis != 1 else (lambda t: t)
    np.testing.assert_allclose(y.data, back(yt.detach()).numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(xm.grad, back(xt.grad).numpy(), rtol=1e-10, atol=1e-12)
    if affine:
        np.testing.assert_allclose(layer.gamma.grad, ref.weight.grad.numpy(), rtol=1e-9)
        np.testing.assert_allclose(layer.beta.grad, ref.bias.grad.numpy(), rtol=1e-10)


def test_batch_norm_float32_is_accurate_on_a_large_conv_batch(rng):
    """float32 sums over M = 64*24*24 values per channel, data far from zero: errors stay at
    float32 level against a float64 torch reference."""
    torch = oracle()
    shape = (64, 4, 24, 24)
    layer, ref = _bn_pair(torch, shape, rng, dtype=np.float32)
    ref = ref.double()
    x = rng.normal(5, 0.5, shape).astype(np.float32)
    g = rng.normal(size=shape).astype(np.float32)
    xm = Tensor(x, requires_grad=True)
    y = layer(xm, training=True)
    y.backward(g)
    assert y.dtype == xm.grad.dtype == layer.gamma.grad.dtype == np.float32
    assert layer.moving_mean.dtype == layer.moving_variance.dtype == np.float32
    xt = torch.tensor(x.astype(np.float64), requires_grad=True)
    yt = ref(xt)
    yt.backward(torch.tensor(g.astype(np.float64)))

    def close(a, b, tol):
        assert np.abs(a - b).max() <= tol * np.abs(b).max()

    close(y.data, yt.detach().numpy(), 1e-5)
    close(xm.grad, xt.grad.numpy(), 1e-5)
    close(layer.gamma.grad, ref.weight.grad.numpy(), 2e-5)
    close(layer.moving_variance.data, ref.running_var.numpy(), 1e-6)


def test_batch_norm_in_a_trained_model_matches_torch(rng):
    """Dense -> BN -> ReLU -> Dense, 5 SGD steps: weights and running stats as in torch."""
    torch = oracle()
    from mitbadak.optimizers import SGD

    x, y = rng.normal(size=(32, 6)), rng.integers(0, 3, 32)
    f64 = {"dtype": "float64"}
    model = mb.Sequential(
        [
            Dense(8, **f64),
            BatchNormalization(momentum=0.8, epsilon=1e-5, **f64),
            mb.layers.Activation("relu", **f64),
            Dense(3, **f64),
        ],
        **f64,
    )
    model(x[:2], training=False)
    ref = torch.nn.Sequential(
        torch.nn.Linear(6, 8),
        torch.nn.BatchNorm1d(8, eps=1e-5, momentum=0.2),
        torch.nn.ReLU(),
        torch.nn.Linear(8, 3),
    ).double()
    w = model.get_weights()  # kernel, bias, gamma, beta, mean, var, kernel, bias
    with torch.no_grad():
        ref[0].weight.copy_(torch.tensor(w[0].T)), ref[0].bias.copy_(torch.tensor(w[1]))
        ref[3].weight.copy_(torch.tensor(w[6].T)), ref[3].bias.copy_(torch.tensor(w[7]))
    opt, opt_t = SGD(model.parameters(), lr=0.1), torch.optim.SGD(ref.parameters(), lr=0.1)
    for _ in range(5):
        opt.zero_grad()
        mb.softmax_cross_entropy(model(x, training=True), y).backward()
        opt.step()
        opt_t.zero_grad()
        torch.nn.functional.cross_entropy(ref(torch.tensor(x)), torch.tensor(y)).backward()
        opt_t.step()
    bn, tbn = model.layers[1], ref[1]
    np.testing.assert_allclose(bn.gamma.data, tbn.weight.detach().numpy(), rtol=1e-10)
    np.testing.assert_allclose(bn.moving_mean.data, tbn.running_mean.numpy(), rtol=1e-10)
    np.testing.assert_allclose(bn.moving_variance.data, tbn.running_var.numpy(), rtol=1e-10)
    model.eval(), ref.eval()
    np.testing.assert_allclose(
        model.predict_on_batch(x), ref(torch.tensor(x)).detach().numpy(), rtol=1e-9, atol=1e-12
    )


@pytest.mark.parametrize("axis,tshape", [(-1, (7,)), ((-2, -1), (6, 7))])
def test_layer_norm_matches_torch(axis, tshape, rng):
    torch = oracle()
    x, gy = rng.normal(2, 3, (4, 6, 7)), rng.normal(size=(4, 6, 7))
    layer = LayerNormalization(axis=axis, epsilon=1e-5, dtype="float64")
    layer(x[:1])
    gamma, beta = rng.uniform(0.5, 1.5, tshape), rng.normal(size=tshape)
    layer.set_weights([gamma, beta])
    ref = torch.nn.LayerNorm(tshape, eps=1e-5).double()
    with torch.no_grad():
        ref.weight.copy_(torch.tensor(gamma)), ref.bias.copy_(torch.tensor(beta))
    xm = Tensor(x.copy(), requires_grad=True)
    y = layer(xm, training=True)
    y.backward(gy)
    xt = torch.tensor(x, requires_grad=True)
    yt = ref(xt)
    yt.backward(torch.tensor(gy))
    np.testing.assert_allclose(y.data, yt.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(layer.gamma.grad, ref.weight.grad.numpy(), rtol=1e-10)
    np.testing.assert_allclose(layer.beta.grad, ref.bias.grad.numpy(), rtol=1e-10)
    np.testing.assert_array_equal(layer(x, training=False).data, y.data)  # no batch state


def test_layer_norm_on_a_middle_axis_matches_torch_on_moved_axes(rng):
    torch = oracle()
    x = rng.normal(1, 2, (3, 5, 4))  # (N, C, L), normalize over C
    layer = LayerNormalization(axis=1, epsilon=1e-5, center=False, dtype="float64")
    xm = Tensor(x.copy(), requires_grad=True)
    y = layer(xm)
    y.sum().backward()
    xt = torch.tensor(x, requires_grad=True)
    yt = torch.nn.functional.layer_norm(xt.transpose(1, 2), (5,), eps=1e-5).transpose(1, 2)
    yt.sum().backward()
    np.testing.assert_allclose(y.data, yt.detach().numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(xm.grad, xt.grad.numpy(), atol=1e-12)
    assert [w.shape for w in layer.get_weights()] == [(5,)]


# ------------------------------------------------------------------------------ behaviour
def test_keras_defaults_and_momentum_convention(rng):
    bn = BatchNormalization()
    assert (bn.axis, bn.momentum, bn.epsilon) == (1, 0.99, 1e-3)
    assert LayerNormalization().epsilon == 1e-3
    x = rng.normal(4, 1, (50, 3)).astype(np.float32)
    bn(x, training=True)
    # running = 0.99 * 0 + 0.01 * batch mean
    np.testing.assert_allclose(bn.moving_mean.data, 0.01 * x.mean(0), rtol=1e-5)
    np.testing.assert_allclose(bn.moving_variance.data, 0.99 + 0.01 * x.var(0, ddof=1), rtol=1e-5)


def test_frozen_batch_norm_runs_in_inference_mode(rng):
    bn = BatchNormalization()
    x = rng.normal(4, 2, (10, 3))
    bn(x, training=True)
    before = bn.get_weights()
    bn.trainable = False
    y = bn(x, training=True)
    for a, b in zip(before, bn.get_weights()):
        np.testing.assert_array_equal(a, b)  # running stats untouched
    np.testing.assert_allclose(y.data, bn(x, training=False).data)
    assert bn.parameters() == []


def test_training_mode_follows_train_eval(rng):
    model = mb.Sequential([Dense(4), BatchNormalization()])
    x = rng.normal(size=(8, 3)).astype(np.float32)
    model(x)  # layers start in training mode: batch statistics
    mm = model.layers[1].moving_mean.data.copy()
    model.eval()
    model(x)
    np.testing.assert_array_equal(mm, model.layers[1].moving_mean.data)


def test_shape_and_config_errors(rng):
    bn = BatchNormalization(name="bn")
    bn(np.zeros((4, 3, 2, 2), np.float32))
    with pytest.raises(ShapeError, match=r"bn.*3 channels.*\(4, 5, 2, 2\)"):
        bn(np.zeros((4, 5, 2, 2), np.float32))
    with pytest.raises(ShapeError, match="more than 1 value per channel"):
        BatchNormalization()(np.ones((1, 3), np.float32), training=True)
    with pytest.raises(ShapeError, match="axis"):
        BatchNormalization(axis=0)(np.ones((4, 3), np.float32))
    with pytest.raises(ShapeError, match="axis"):
        LayerNormalization(axis=3)(np.ones((4, 3), np.float32))
    with pytest.raises(ConfigError, match="momentum"):
        BatchNormalization(momentum=1.5)
    with pytest.raises(ConfigError, match="epsilon"):
        LayerNormalization(epsilon=0)
    ln = LayerNormalization(name="ln")
    ln(np.zeros((2, 4), np.float32))
    with pytest.raises(ShapeError, match=r"ln.*gamma of shape \(4,\), expected \(5,\)"):
        ln(np.zeros((2, 5), np.float32))


def test_config_roundtrip():
    for layer in [
        BatchNormalization(axis=-1, momentum=0.9, epsilon=1e-5, center=False, name="b1"),
        LayerNormalization(axis=(-2, -1), scale=False, gamma_regularizer="l2", name="l1"),
    ]:
        clone = layer_from_config(layer_to_config(layer))
        assert type(clone) is type(layer) and clone.get_config() == layer.get_config()

"""Keras-style optimizers: built without parameters, bound later, Keras' names, defaults and
update rules (checked step by step against Keras 3 itself), PyTorch's form unchanged."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.errors import ConfigError
from mitbadak.optimizers import SGD, Adagrad, Adam, AdamW, RMSprop
from mitbadak.tensor import Tensor

os.environ.setdefault("KERAS_BACKEND", "torch")

A = np.random.default_rng(0).normal(size=(5, 5))
A = A @ A.T / 5 + np.eye(5)
B = np.random.default_rng(1).normal(size=5)
W0 = np.random.default_rng(2).normal(size=5)


def grad(w):
    """Gradient of 0.5 w'Aw - b'w: depends on w, so trajectories diverge if rules differ."""
    return A @ w - B


def mb_trajectory(opt, steps=30):
    p = Tensor(W0.copy(), requires_grad=True)
    opt.build([p])
    out = []
    for _ in range(steps):
        p.grad = grad(p.data)
        opt.step()
        out.append(p.data.copy())
    return np.array(out)


def keras_trajectory(opt, steps=30):
    keras = pytest.importorskip("keras")
    v = keras.Variable(W0.copy(), dtype="float64")
    out = []
    for _ in range(steps):
        g = grad(np.asarray(keras.ops.convert_to_numpy(v)))
        opt.apply_gradients([(keras.ops.convert_to_tensor(g, dtype="float64"), v)])
        out.append(np.asarray(keras.ops.convert_to_numpy(v)).copy())
    return np.array(out)


CASES = [
    ("SGD", {}),
    ("SGD", {"learning_rate": 0.05, "momentum": 0.9}),
    ("SGD", {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"learning_rate": 0.0625, "weight_decay": 0.125}),
    ("Adam", {}),
    ("Adam", {"learning_rate": 0.05, "beta_1": 0.8, "epsilon": 1e-3, "amsgrad": True}),
    ("Adam", {"learning_rate": 0.0625, "weight_decay": 0.125}),
    ("AdamW", {"learning_rate": 0.0625, "weight_decay": 0.125}),
    ("RMSprop", {}),
    ("RMSprop", {"learning_rate": 0.01, "rho": 0.8, "momentum": 0.5, "centered": True}),
    ("RMSprop", {"learning_rate": 0.01, "epsilon": 1e-2}),
    ("Adagrad", {}),
    ("Adagrad", {"learning_rate": 0.1, "initial_accumulator_value": 0.5, "epsilon": 1e-3}),
    ("SGD", {"learning_rate": 0.05, "clipnorm": 0.5}),
    ("Adam", {"learning_rate": 0.05, "global_clipnorm": 0.5}),
    ("RMSprop", {"learning_rate": 0.05, "clipvalue": 0.25}),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,kw", CASES)
def test_keras_form_matches_keras_step_by_step(name, kw):
    keras = pytest.importorskip("keras")
    opt = getattr(mb.optimizers, name)(**kw)
    # Keras keeps its learning rate in a float32 variable: use the same rounded value (and
    # rates for which 1 - weight_decay * lr is exact in float32, as Keras computes it).
    opt.learning_rate = float(np.float32(opt.learning_rate))
    ours = mb_trajectory(opt)
    theirs = keras_trajectory(getattr(keras.optimizers, name)(**kw))
    # Keras computes its clipping scale partly in float32; PyTorch's clipping (with its 1e-6)
    # would differ by about 1e-6.
    clip = {"clipnorm", "global_clipnorm"} & set(kw)
    np.testing.assert_allclose(ours, theirs, rtol=3e-7 if clip else 1e-9, atol=1e-12)


def test_positional_learning_rate_and_keras_defaults():
    assert Adam(1e-2).get_config() == {
        "learning_rate": 0.01,
        "beta_1": 0.9,
        "beta_2": 0.999,
        "epsilon": 1e-7,
        "amsgrad": False,
        "weight_decay": None,
    }
    assert RMSprop().get_config()["learning_rate"] == 0.001
    assert RMSprop().get_config()["rho"] == 0.9
    assert Adagrad().get_config() == {
        "learning_rate": 0.001,
        "initial_accumulator_value": 0.1,
        "epsilon": 1e-7,
        "weight_decay": None,
    }
    assert AdamW().get_config()["weight_decay"] == 0.004
    assert SGD(learning_rate=0.01, momentum=0.9).get_config()["momentum"] == 0.9
    assert not SGD().built


def test_pytorch_form_keeps_pytorch_defaults():
    w = Tensor(np.ones(2), requires_grad=True)
    assert RMSprop([w]).get_config()["lr"] == 0.01
    assert RMSprop([w]).get_config()["alpha"] == 0.99
    assert Adam([w]).get_config()["eps"] == 1e-8
    assert AdamW([w]).get_config()["weight_decay"] == 0.01
    assert SGD([w], 0.3).lr == 0.3  # positional lr after the parameters, as in PyTorch
    # Keras names after a parameter list: the Keras form, bound at once
    opt = Adam([w], learning_rate=0.1)
    assert opt.keras_form and opt.built and opt.learning_rate == 0.1


def test_learning_rate_readable_and_settable():
    opt = Adam(learning_rate=0.01)
    assert opt.learning_rate == 0.01
    opt.learning_rate = 0.5
    assert opt.lr == 0.5 and opt.param_groups[0]["lr"] == 0.5
    p = Tensor(np.zeros(1), requires_grad=True)
    opt.build([p])
    assert opt.learning_rate == 0.5  # a rate set before binding is kept


def test_string_gives_keras_defaults():
    w = Tensor(np.ones(2), requires_grad=True)
    for name, lr in [("rmsprop", 0.001), ("adagrad", 0.001), ("adam", 0.001), ("sgd", 0.01)]:
        opt = mb.optimizers.get(name, [w])
        assert opt.keras_form and opt.learning_rate == lr, name


def test_compile_string_uses_keras_rmsprop_rate():
    from mitbadak.layers import Dense

    m = mb.Sequential([Dense(1)])
    m.compile("rmsprop", "mse")
    m.fit(np.ones((4, 2), "float32"), np.zeros((4, 1), "float32"), verbose=0)
    assert m.optimizer.learning_rate == pytest.approx(0.001)


def test_unbound_and_rebinding_errors():
    opt = Adam(1e-3)
    with pytest.raises(ConfigError, match="build"):
        opt.step()
    a, b = Tensor(np.ones(2), requires_grad=True), Tensor(np.ones(2), requires_grad=True)
    opt.build([a])
    opt.build([a])  # the same parameters again: nothing happens
    with pytest.raises(ConfigError, match="already bound"):
        opt.build([b])
    with pytest.raises(TypeError, match="Keras form.*learning_rate"):
        Adam(learning_rate=0.1, alpha=3)
    with pytest.raises(ConfigError, match="beta_1"):
        Adam(beta_1=1.5)


def test_keras_form_config_and_state_roundtrip():
    import json

    p = Tensor(W0.copy(), requires_grad=True)
    opt = RMSprop(learning_rate=0.01, momentum=0.5)
    opt.build([p])
    for _ in range(3):
        p.grad = grad(p.data)
        opt.step()
    spec = json.loads(json.dumps(mb.optimizers.serialize(opt)))
    q = Tensor(p.data.copy(), requires_grad=True)
    clone = mb.optimizers.get(spec, [q])
    assert clone.keras_form and clone.get_config() == opt.get_config()
    sd = opt.state_dict()
    clone.load_state_dict(sd)
    for _ in range(3):
        p.grad, q.grad = grad(p.data), grad(q.data)
        opt.step()
        clone.step()
    np.testing.assert_array_equal(p.data, q.data)

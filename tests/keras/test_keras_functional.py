"""The functional API: Input, symbolic calls, Model(inputs, outputs) with lists and dicts,
shared layers, merge layers (values and gradients against PyTorch), summary, save / load,
plot_model."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
import torch

import mitbadak as mb
import mitbadak.keras as keras
from mitbadak.errors import ConfigError, GraphError, ShapeError
from mitbadak.functional_model import Functional, SymbolicTensor
from mitbadak.gradcheck import gradcheck
from mitbadak.tensor import Tensor

os.environ.setdefault("KERAS_BACKEND", "torch")


def test_input_is_symbolic_and_layers_record_the_graph():
    x = keras.Input(shape=(28, 28, 1), name="image")
    assert isinstance(x, SymbolicTensor) and x.shape == (None, 28, 28, 1) and x.name == "image"
    conv = keras.layers.Conv2D(4, 3)
    y = conv(x)
    assert y.shape == (None, 26, 26, 4)
    assert conv.output is y and conv.input is x and conv.built
    with pytest.raises(GraphError, match="symbolic"):
        np.asarray(y)


def test_model_inputs_outputs_and_calls_match_the_layers():
    inp = keras.Input(shape=(5,))
    h = keras.layers.Dense(7, activation="tanh", name="h")(inp)
    out = keras.layers.Dense(3, name="o")(h)
    model = keras.Model(inputs=inp, outputs=out)
    assert isinstance(model, Functional) and isinstance(model, mb.Model)
    assert model.inputs == [inp] and model.outputs == [out]
    assert [la.name for la in model.layers][1:] == ["h", "o"]
    x = np.random.default_rng(0).normal(size=(4, 5)).astype("float32")
    expect = model.get_layer("o")(model.get_layer("h")(x))
    np.testing.assert_allclose(model(x).data, expect.data)
    np.testing.assert_allclose(model.predict(x), expect.data)


def test_several_outputs_and_dict_structures():
    a = keras.Input(shape=(3,), name="a")
    b = keras.Input(shape=(2,), name="b")
    s = keras.layers.Concatenate()([a, b])
    model = keras.Model(
        inputs={"a": a, "b": b},
        outputs={"sum": keras.layers.Dense(1, name="sum")(s), "cat": s},
    )
    out = model({"a": np.ones((2, 3)), "b": np.zeros((2, 2))})
    assert set(out) == {"sum", "cat"} and out["cat"].shape == (2, 5)
    two = keras.Model([a, b], [s, keras.layers.Dense(2)(s)])
    outs = two([np.ones((2, 3)), np.ones((2, 2))])
    assert isinstance(outs, list) and [o.shape for o in outs] == [(2, 5), (2, 2)]
    with pytest.raises(ShapeError, match="keys"):
        model({"a": np.ones((2, 3))})
    with pytest.raises(ShapeError, match="expects shape"):
        two([np.ones((2, 4)), np.ones((2, 2))])


def test_shared_layer_has_one_weight_set_and_two_nodes():
    a, b = keras.Input(shape=(4,)), keras.Input(shape=(4,))
    shared = keras.layers.Dense(3, name="enc")
    model = keras.Model([a, b], keras.layers.Subtract()([shared(a), shared(b)]))
    assert len(model.trainable_weights) == 2
    x = np.random.default_rng(1).normal(size=(2, 4))
    np.testing.assert_allclose(model([x, x]).data, 0.0, atol=1e-6)
    text = model.summary(print_fn=None)
    assert "Connected to" in text and "enc[0][0], enc[1][0]" in text and "(shared)" in text


def test_graph_errors():
    a, b = keras.Input(shape=(2,)), keras.Input(shape=(2,))
    out = keras.layers.Add()([a, b])
    with pytest.raises(GraphError, match="not among"):
        keras.Model(a, out)
    with pytest.raises(GraphError, match="symbolic"):
        keras.Model(a, np.ones(2))
    with pytest.raises(ShapeError, match="list"):
        keras.layers.Add()(a)
    with pytest.raises(ShapeError, match="same shape"):
        keras.layers.Add()([a, keras.Input(shape=(3,))])


MERGES = [
    ("Add", lambda a, b: a + b),
    ("Subtract", lambda a, b: a - b),
    ("Multiply", lambda a, b: a * b),
    ("Average", lambda a, b: (a + b) / 2),
    ("Maximum", torch.maximum),
    ("Minimum", torch.minimum),
    ("Concatenate", lambda a, b: torch.cat([a, b], dim=-1)),
    ("Dot", lambda a, b: (a * b).sum(dim=1, keepdim=True)),
]


@pytest.mark.parametrize("name,ref", MERGES)
def test_merge_layers_values_and_gradients_match_pytorch(name, ref):
    rng = np.random.default_rng(2)
    a0, b0 = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    layer = getattr(keras.layers, name)(axes=1) if name == "Dot" else getattr(keras.layers, name)()
    a, b = Tensor(a0, requires_grad=True), Tensor(b0, requires_grad=True)
    y = layer([a, b])
    ta = torch.tensor(a0, requires_grad=True)
    tb = torch.tensor(b0, requires_grad=True)
    ty = ref(ta, tb)
    np.testing.assert_allclose(y.data, ty.detach().numpy(), rtol=1e-12)
    g = rng.normal(size=ty.shape)
    (y * Tensor(g)).sum().backward()
    (ty * torch.tensor(g)).sum().backward()
    np.testing.assert_allclose(a.grad, ta.grad.numpy(), rtol=1e-12)
    np.testing.assert_allclose(b.grad, tb.grad.numpy(), rtol=1e-12)
    assert gradcheck(
        lambda p, q: layer([p, q]), [Tensor(a0, requires_grad=True), Tensor(b0, requires_grad=True)]
    )


def test_dot_normalize_is_cosine_and_3d_is_batched_matmul():
    rng = np.random.default_rng(3)
    a, b = rng.normal(size=(2, 5)), rng.normal(size=(2, 5))
    cos = keras.layers.Dot(axes=1, normalize=True)([a, b]).data[:, 0]
    expect = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    np.testing.assert_allclose(cos, expect, rtol=1e-6)
    p, q = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 6, 4))
    out = keras.layers.Dot(axes=(2, 2))([p, q]).data
    np.testing.assert_allclose(out, p @ q.transpose(0, 2, 1), rtol=1e-5, atol=1e-6)


def test_symbolic_arithmetic_and_keras_ops_become_nodes():
    x = keras.Input(shape=(3,))
    y = keras.ops.relu(x * 2.0 - 1.0)[:, 1:]
    model = keras.Model(x, y)
    data = np.array([[0.0, 1.0, 2.0]], "float32")
    assert model(data).tolist() == [[1.0, 3.0]]


def test_save_load_roundtrip(tmp_path):
    a = keras.Input(shape=(4,), name="in_a")
    h = keras.layers.Dense(8, activation="relu")(a)
    h2 = keras.layers.BatchNormalization()(h)
    out = keras.layers.Dense(2)(keras.layers.Add()([h, h2]) - 0.5)
    model = keras.Model(a, out, name="res")
    model.compile("adam", "mse")
    cfg = json.loads(json.dumps(model.get_config()))
    clone = Functional.from_config(cfg)
    assert [type(la).__name__ for la in clone.layers] == [type(la).__name__ for la in model.layers]
    path = tmp_path / "m.npz"
    model.save(path)
    back = mb.load_model(path)
    x = np.random.default_rng(4).normal(size=(5, 4)).astype("float32")
    np.testing.assert_allclose(back.predict(x), model.predict(x), rtol=1e-6)
    assert isinstance(back, Functional) and back.name == "res"


def test_lambda_cannot_be_saved():
    x = keras.Input(shape=(2,))
    model = keras.Model(x, keras.layers.Lambda(lambda t: t * 3)(x))
    assert model(np.ones((1, 2))).tolist() == [[3.0, 3.0]]
    with pytest.raises(ConfigError, match="Lambda"):
        model.get_config()


def test_plot_model_writes_dot_and_png_when_graphviz(tmp_path):
    a, b = keras.Input(shape=(3,), name="left"), keras.Input(shape=(3,), name="right")
    model = keras.Model([a, b], keras.layers.Dense(1, name="head")(keras.layers.Add()([a, b])))
    png = tmp_path / "model.png"
    dot = keras.utils.plot_model(model, to_file=png, show_shapes=True)
    assert '"left" -> "add' in dot and '"right" -> "add' in dot and "(?, 1)" in dot
    assert (tmp_path / "model.dot").read_text() == dot
    if mb.graphviz.have_dot():
        assert png.exists() and png.read_bytes()[:4] == b"\x89PNG"
    seq = keras.Sequential(
        [
            keras.Input(shape=(2,)),
            keras.layers.Dense(3, name="d1"),
            keras.layers.Dense(1, name="d2"),
        ]
    )
    assert '"d1" -> "d2"' in keras.utils.plot_model(seq, to_file=tmp_path / "s.png")


def test_fit_single_input_functional_with_keras_optimizer():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(256, 4)).astype("float32")
    y = (x[:, 0] - x[:, 1] > 0).astype("float32")  # (n,) targets, (n, 1) outputs
    keras.utils.set_random_seed(0)
    inp = keras.Input(shape=(4,))
    out = keras.layers.Dense(1, activation="sigmoid")(keras.layers.Dense(8, "relu")(inp))
    model = keras.Model(inp, out)
    model.compile(keras.optimizers.Adam(learning_rate=0.02), "binary_crossentropy", ["accuracy"])
    assert model.optimizer.built
    hist = model.fit(x, y, epochs=15, batch_size=32, verbose=0)
    assert hist.history["accuracy"][-1] > 0.93
    assert model.optimizer.iterations == 15 * 8


def test_sequential_accepts_input_first_and_subclass_functional():
    model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(2)])
    assert model.built and model.input_shape == (None, 6)
    assert "(None, 2)" in model.summary(print_fn=None)

    class Custom(keras.Model):
        def extra(self):
            return "mine"

    x = keras.Input(shape=(2,))
    m = Custom(x, keras.layers.Dense(1)(x))
    assert isinstance(m, Custom) and isinstance(m, Functional) and m.extra() == "mine"

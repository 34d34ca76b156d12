"""Custom layers written as Keras writes them (issue 12.4): build / add_weight / add_loss /
call(self, inputs), ``layer.losses``, ``Variable.assign*``, several inputs, ``input_shape=``."""

import re

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.errors import ConfigError, DTypeError, ShapeError
from mitbadak.layers import Dense, Embedding, Layer
from mitbadak.model import Model, Sequential
from mitbadak.ops.shape import concatenate
from mitbadak.regularizers import L2
from mitbadak.tensor import Tensor
from mitbadak.variable import Variable


# --------------------------------------------------------------- the Keras guide's layers
class Linear(Layer):
    """keras.io "Making new layers and models via subclassing", with its own weights."""

    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(
            shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True
        )
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return inputs @ self.w + self.b


class ActivityRegularizationLayer(Layer):
    def __init__(self, rate=1e-2):
        super().__init__()
        self.rate = rate

    def call(self, inputs):
        self.add_loss(self.rate * (inputs * inputs).sum())
        return inputs


class MLP(Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.linear_1 = Linear(8, dtype=kwargs.get("dtype"))
        self.reg = ActivityRegularizationLayer(1e-2)
        self.dense = Dense(1, kernel_regularizer=L2(0.05), dtype=kwargs.get("dtype"))

    def call(self, inputs):
        x = self.linear_1(inputs).relu()
        return self.dense(self.reg(x))


def test_keras_custom_layer_program_trained_in_a_pytorch_loop_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 4))
    y = rng.normal(size=(32, 1))
    mb.set_seed(0)
    model = MLP(dtype="float64")
    model(x[:1])  # build
    sd = model.state_dict()
    assert list(sd) == ["linear_1.w", "linear_1.b", "dense.kernel", "dense.bias"]

    w1 = torch.tensor(sd["linear_1.w"], requires_grad=True)
    b1 = torch.tensor(sd["linear_1.b"], requires_grad=True)
    w2 = torch.tensor(sd["dense.kernel"], requires_grad=True)
    b2 = torch.tensor(sd["dense.bias"], requires_grad=True)
    topt = torch.optim.SGD([w1, b1, w2, b2], lr=0.05, momentum=0.9)
    opt = mb.optimizers.SGD(model.parameters(), lr=0.05, momentum=0.9)
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    for step in range(6):
        out = model(x)
        assert len(model.losses) == 2  # add_loss term of this pass + the kernel penalty
        loss = ((out - Tensor(y)) ** 2).mean() + sum(model.losses)
        opt.zero_grad()
        loss.backward()
        opt.step()

        h = torch.relu(tx @ w1 + b1)
        tloss = ((h @ w2 + b2 - ty) ** 2).mean() + 1e-2 * (h * h).sum()
        tloss = tloss + 0.05 * (w2 * w2).sum()
        topt.zero_grad()
        tloss.backward()
        topt.step()
        np.testing.assert_allclose(loss.item(), tloss.item(), rtol=1e-10, err_msg=f"step {step}")
    np.testing.assert_allclose(model.linear_1.w.data, w1.detach().numpy(), rtol=1e-9)
    np.testing.assert_allclose(model.dense.kernel.data, w2.detach().numpy(), rtol=1e-9)


def test_losses_are_recomputed_each_forward_and_collected_from_sublayers():
    model = MLP()
    x = np.ones((3, 4), "float32")
    model(x)
    first = [t.item() for t in model.losses]
    model(x)
    model(x)
    assert len(model.losses) == 2  # not accumulated over calls
    np.testing.assert_allclose([t.item() for t in model.losses], first, rtol=1e-6)
    assert [t.item() for t in model.reg.losses] == pytest.approx([first[0]], rel=1e-6)
    h = np.maximum(x @ model.linear_1.w.data + model.linear_1.b.data, 0)
    assert first[0] == pytest.approx(1e-2 * (h * h).sum(), rel=1e-5)
    assert first[1] == pytest.approx(0.05 * (model.dense.kernel.data**2).sum(), rel=1e-5)
    # the penalties alone, as before
    assert len(model.regularization_losses()) == 1
    # a frozen layer's penalty is not a loss any more (it cannot be lowered)
    model.dense.trainable = False
    model(x)
    assert len(model.losses) == 1


def test_add_loss_accepts_lists_numbers_and_non_scalars():
    class Many(Layer):
        def call(self, inputs):
            self.add_loss([inputs.sum(), 0.5])
            self.add_loss(inputs)  # summed to a scalar
            return inputs

    layer = Many()
    layer(np.ones((2, 2)))
    assert [t.ndim for t in layer.losses] == [0, 0, 0]
    assert [t.item() for t in layer.losses] == [4.0, 0.5, 4.0]

    class Bad(Layer):
        def call(self, inputs):
            self.add_loss(Tensor(np.array([1, 2])))
            return inputs

    with pytest.raises(DTypeError, match="add_loss expected a float tensor"):
        Bad()(np.ones((1, 1)))


# ----------------------------------------------------------------------------- add_weight
def test_add_weight_keras_keywords_and_the_original_positional_form():
    layer = Layer(name="host")
    a = layer.add_weight(shape=(2, 3), initializer="ones", name="a")
    b = layer.add_weight((4,), "zeros")  # Keras 3 positional order
    c = layer.add_weight("c", (2,), "ones", False)  # mitbadak's original form
    d = layer.add_weight(shape=3, dtype="float64", trainable=False, regularizer="l2")
    assert all(isinstance(v, Variable) for v in (a, b, c, d))
    assert (a.shape, b.shape, c.shape, d.shape) == ((2, 3), (4,), (2,), (3,))
    assert np.all(a.data == 1) and np.all(b.data == 0)
    assert (a.trainable, c.trainable, d.trainable) == (True, False, False)
    assert not c.requires_grad and d.dtype == np.float64
    assert a.name == "host/a" and b.name == "host/variable"
    assert list(layer.state_dict()) == ["a", "variable", "c", "variable_1"]
    assert layer.parameters() == [a, b]
    with pytest.raises(ConfigError, match="unknown argument"):
        layer.add_weight(shape=(1,), colour="red")
    with pytest.raises(ConfigError, match="constraints"):
        layer.add_weight(shape=(1,), constraint=lambda w: w)
    with pytest.raises(ShapeError, match="shape must be integers"):
        layer.add_weight(shape=("a",))
    layer.add_weight(shape=(1,), autocast=False)  # Keras options that do not apply: accepted
    e = layer.add_weight("e", shape=(2,), initializer="ones")  # name first, the rest by keyword
    assert e.shape == (2,) and "e" in layer.state_dict()


def test_build_by_hand_then_call_makes_the_weights_once():
    d = Dense(2)
    d.build((1, 3))
    assert d.built
    d(np.ones((4, 3)))
    assert list(d.state_dict()) == ["kernel", "bias"] and len(d.weights) == 2
    lin = Linear(2)
    lin.build((None, 5))  # a Keras-style build without super().build(): still marked built
    lin(np.ones((1, 5)))
    assert len(lin.weights) == 2


def test_unnamed_weights_are_keyed_by_their_attribute():
    lin = Linear(3)
    lin(np.ones((2, 5)))
    assert list(lin.state_dict()) == ["w", "b"]
    assert [t.name for t in lin.weights] == [f"{lin.name}/variable", f"{lin.name}/variable"]


# ------------------------------------------------------------------------------ Variable
def test_variable_assign_semantics_in_place_and_outside_the_graph():
    v = Variable(np.array([1.0, 2.0], "float32"), name="v")
    data = v.data
    y = (v * 3).sum()
    y.backward()
    grad = v.grad.copy()
    assert v.assign([5.0, 6.0]) is v
    assert v.data is data and v.tolist() == [5.0, 6.0]  # in place: holders of .data see it
    v.assign_add(1.0)  # broadcast
    v.assign_sub(np.array([1.0, 2.0]))
    assert v.tolist() == [5.0, 5.0] and v.dtype == np.float32
    np.testing.assert_array_equal(v.grad, grad)  # .grad untouched
    assert v.is_leaf and v.requires_grad
    with mb.no_grad():
        v.assign(Tensor([0.0, 1.0]))
    assert v.tolist() == [0.0, 1.0]
    assert v.value is v and v.numpy() is v.data
    out = v * 2
    assert type(out) is Tensor  # ops on variables make plain tensors


def test_variable_assign_errors_name_the_variable():
    v = Variable(np.zeros((2, 3), "float32"), name="w")
    with pytest.raises(ShapeError, match=r"Variable w: assign expected a value of shape \(2, 3\)"):
        v.assign(np.zeros((3, 2)))
    with pytest.raises(ShapeError, match="assign_add"):
        v.assign_add(np.zeros(4))
    with pytest.raises(DTypeError, match="dtype"):
        v.assign(np.array([["a"] * 3] * 2))
    counter = Variable(np.array(0, "int64"), trainable=False, name="steps")
    counter.assign_add(1)
    assert counter.item() == 1
    with pytest.raises(DTypeError, match="cannot put values of dtype float64"):
        counter.assign(0.5)


def test_variable_construction_and_trainable():
    v = Variable("ones", shape=(2,), dtype="float64")
    assert v.dtype == np.float64 and v.tolist() == [1.0, 1.0] and v.requires_grad
    v.trainable = False
    assert not v.requires_grad and v.grad is None
    assert Variable(0.5).dtype == np.float32
    with pytest.raises(ShapeError, match="needs a shape"):
        Variable("zeros")
    with pytest.raises(ShapeError, match="shape"):
        Variable([1.0, 2.0], shape=(3,))
    assert "trainable=False" in repr(v)


def test_keras_counter_state_with_assign_add():
    class Counter(Layer):
        def build(self, input_shape):
            self.seen = self.add_weight(shape=(), initializer="zeros", trainable=False)

        def call(self, inputs):
            self.seen.assign_add(float(inputs.shape[0]))
            return inputs

    layer = Counter()
    for n in (2, 3, 5):
        layer(np.ones((n, 1)))
    assert layer.seen.item() == 10.0
    assert layer.parameters() == [] and layer.non_trainable_weights == [layer.seen]


# ---------------------------------------------------------------------------- call surface
def test_call_with_training_mask_and_keywords_only_where_accepted():
    seen = {}

    class Spy(Layer):
        def call(self, inputs, training=None, mask=None, scale=1.0):
            seen.update(training=training, mask=mask, scale=scale)
            return inputs * scale

    spy = Spy()
    spy(np.ones((1, 2)), training=True, scale=3.0)
    assert seen == {"training": True, "mask": None, "scale": 3.0}
    spy(np.ones((1, 2)), mask=np.array([True]))
    assert seen["mask"].tolist() == [True] and seen["training"] is True  # the layer's mode
    with pytest.raises(ConfigError, match="call\\(\\) takes no argument 'colour'"):
        spy(np.ones((1, 2)), colour=1)

    class Plain(Layer):
        def call(self, inputs):
            return inputs + 1

    assert Plain()(np.zeros((1, 1)), training=True, mask=np.ones(1)).tolist() == [[1.0]]


def test_mask_from_embedding_reaches_a_call_that_takes_mask():
    got = []

    class MaskedMean(Layer):
        def call(self, inputs, mask=None):
            got.append(mask)
            w = Tensor(mask.astype(inputs.dtype)[..., None])
            return (inputs * w).sum(axis=1) / w.sum(axis=1)

    emb = Embedding(10, 3, mask_zero=True)
    out = MaskedMean()(emb(np.array([[1, 2, 0, 0]])))
    assert got[0].tolist() == [[True, True, False, False]]
    np.testing.assert_allclose(out.data[0], emb.embeddings.data[[1, 2]].mean(axis=0), rtol=1e-6)


def test_layer_called_on_a_tuple_list_or_dict_of_inputs():
    class Merge(Layer):
        def build(self, input_shape):
            a, b = input_shape
            self.w = self.add_weight(shape=(a[-1] + b[-1], 2), initializer="ones")

        def call(self, inputs):
            a, b = inputs
            return concatenate([a, b], axis=-1) @ self.w

    m = Merge()
    out = m((np.ones((4, 2)), np.ones((4, 3))))
    assert out.shape == (4, 2) and np.all(out.data == 5)
    assert m.input_shape == ((None, 2), (None, 3))
    assert m([Tensor(np.ones((1, 2))), np.ones((1, 3))]).shape == (1, 2)

    class Named(Layer):
        def build(self, input_shape):
            self.shapes = input_shape

        def call(self, inputs):
            return inputs["x"] * inputs["scale"]

    n = Named()
    y = n({"x": np.ones((2, 3)), "scale": np.full((2, 1), 2.0)})
    assert n.shapes == {"x": (2, 3), "scale": (2, 1)} and np.all(y.data == 2)
    assert isinstance(Plainish()([[1.0, 2.0]]), Tensor)  # nested numbers: still one array


def test_subclassed_model_on_a_dict_of_inputs_builds():
    class TwoInputs(Model):
        def __init__(self):
            super().__init__()
            self.a, self.b, self.out = Dense(4), Dense(4), Dense(1)

        def call(self, inputs):
            return self.out((self.a(inputs["x"]) + self.b(inputs["z"])).relu())

    m = TwoInputs()
    inputs = {"x": np.ones((3, 2), "float32"), "z": np.ones((3, 5), "float32")}
    assert m(inputs).shape == (3, 1)
    assert m.input_shape == {"x": (None, 2), "z": (None, 5)}
    assert [p.shape for p in m.parameters()][:2] == [(2, 4), (4,)]
    m2 = TwoInputs()
    m2.build({"x": (1, 2), "z": [1, 5]})  # Model.build takes the structure of shapes too
    assert m2.built and len(m2.weights) == 6
    Sequential([Dense(1)]).build([None, 3])  # a shape given as a list still works


class Plainish(Layer):
    def call(self, inputs):
        assert isinstance(inputs, Tensor)
        return inputs


def test_input_shape_and_input_dim_keywords_are_declared():
    assert Dense(4, input_shape=(3,)).declared_input_shape == (None, 3)
    assert Dense(4, input_dim=3).declared_input_shape == (None, 3)
    assert Dense(4, input_shape=(None, 5)).declared_input_shape == (None, None, 5)
    assert Dense(4).declared_input_shape is None
    layer = Dense(2, input_shape=(3,))
    with pytest.raises(ShapeError, match=r"declared input_shape \(3,\).*\(1, 5\)"):
        layer(np.ones((1, 5)))
    with pytest.raises(ConfigError, match="only one of"):
        Dense(1, input_shape=(3,), input_dim=3)
    with pytest.raises(ConfigError, match="must be integers"):
        Dense(1, input_shape=("x",))
    again = Dense.from_config(Dense(2, input_shape=(7,)).get_config())
    assert again.declared_input_shape == (None, 7)
    model = Sequential([Dense(2, input_shape=(3,)), Dense(1)])
    assert model.layers[0].declared_input_shape == (None, 3)


def test_declared_input_shape_survives_save_and_load(tmp_path):
    model = Sequential([Dense(2, input_shape=(3,)), Dense(1)])
    model.build((1, 3))
    model.compile("sgd", "mse")
    model.save(tmp_path / "m.npz")
    again = mb.load_model(tmp_path / "m.npz")
    assert again.layers[0].declared_input_shape == (None, 3)
    assert again.layers[1].declared_input_shape is None
    np.testing.assert_array_equal(again.predict(np.ones((2, 3))), model.predict(np.ones((2, 3))))


def test_keras_layer_inside_sequential_and_fit():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 3)).astype("float32")
    y = (x.sum(axis=1, keepdims=True) > 0).astype("float32")
    mb.set_seed(0)
    model = Sequential([Linear(8), ActivityRegularizationLayer(1e-4), Dense(1)])
    model.compile({"class_name": "Adam", "config": {"lr": 0.05}}, "mse")
    before = model.evaluate(x, y)
    model.fit(x, y, epochs=10, batch_size=16, verbose=0, seed=0)
    assert model.evaluate(x, y) < 0.5 * before
    assert list(model.state_dict())[:2] == ["layers.0.w", "layers.0.b"]


def test_module_docstrings_run():
    import doctest

    import mitbadak.variable as variable

    result = doctest.testmod(variable, extraglobs={"np": np})
    assert result.failed == 0 and result.attempted > 5


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside Keras' numpy bridge
def test_losses_and_weight_names_agree_with_keras():
    """The same Keras program on Keras 3 (PyTorch backend) and on mitbadak: same outputs,
    same ``losses`` (add_loss term of the latest call, then the kernel penalty), same names."""
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "torch":
        pytest.skip("Keras is set up with another backend")

    class KLinear(keras.layers.Layer):
        def __init__(self, units, **kwargs):
            super().__init__(**kwargs)
            self.units = units

        def build(self, input_shape):
            self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="ones")
            self.b = self.add_weight(shape=(self.units,), initializer="zeros", name="b")

        def call(self, inputs):
            self.add_loss(0.01 * keras.ops.sum(inputs * inputs))
            return keras.ops.matmul(inputs, self.w) + self.b

    class KNet(keras.Model):
        def __init__(self):
            super().__init__()
            self.linear = KLinear(3)
            self.out = keras.layers.Dense(1, kernel_regularizer=keras.regularizers.L2(0.1))

        def call(self, inputs):
            return self.out(self.linear(inputs))

    class MLinear(Layer):
        def __init__(self, units, **kwargs):
            super().__init__(**kwargs)
            self.units = units

        def build(self, input_shape):
            self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="ones")
            self.b = self.add_weight(shape=(self.units,), initializer="zeros", name="b")

        def call(self, inputs):
            self.add_loss(0.01 * (inputs * inputs).sum())
            return inputs @ self.w + self.b

    class MNet(Model):
        def __init__(self):
            super().__init__()
            self.linear = MLinear(3)
            self.out = Dense(1, kernel_regularizer=L2(0.1))

        def call(self, inputs):
            return self.out(self.linear(inputs))

    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 4)).astype("float32")
    k, m = KNet(), MNet()
    k(x)
    m(x)
    k.set_weights(m.get_weights())  # the same order of weights on both sides
    for _ in range(2):  # twice: the add_loss terms of the first call are gone
        yk = k(x)
        ym = m(x)
    np.testing.assert_allclose(ym.data, keras.ops.convert_to_numpy(yk), rtol=1e-5)
    klosses = [float(keras.ops.convert_to_numpy(t)) for t in k.losses]
    assert len(klosses) == len(m.losses) == 2
    np.testing.assert_allclose([t.item() for t in m.losses], klosses, rtol=1e-5)

    # Keras numbers unnamed variables with a process-wide counter ("variable_16" after other
    # Keras tests); the names agree up to that suffix.
    def base(name):
        return re.sub(r"_\d+$", "", name)

    assert [base(v.name) for v in k.weights] == [t.name.split("/")[-1] for t in m.weights]
    # (state_dict keys name an unnamed weight by its attribute instead: linear.w, linear.b)
    assert list(m.state_dict()) == ["linear.w", "linear.b", "out.kernel", "out.bias"]


def test_manual_updates_with_assign_sub_match_torch_sgd():
    """A hand-written loop: backward, then ``v.assign_sub(lr * v.grad)`` on
    ``trainable_variables``, step for step like ``torch.optim.SGD``."""
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(8, 3)), rng.normal(size=(8, 2))
    layer = Linear(2, dtype="float64")
    layer(x)
    tw = torch.tensor(layer.w.data.copy(), requires_grad=True)
    tb = torch.tensor(layer.b.data.copy(), requires_grad=True)
    topt = torch.optim.SGD([tw, tb], lr=0.1)
    for _ in range(4):
        for v in layer.trainable_variables:
            v.zero_grad()
        loss = ((layer(x) - Tensor(y)) ** 2).mean()
        loss.backward()
        for v in layer.trainable_variables:
            v.assign_sub(0.1 * v.grad)
        topt.zero_grad()
        tloss = ((torch.from_numpy(x) @ tw + tb - torch.from_numpy(y)) ** 2).mean()
        tloss.backward()
        topt.step()
        assert loss.item() == pytest.approx(tloss.item(), rel=1e-12)
    np.testing.assert_allclose(layer.w.data, tw.detach().numpy(), rtol=1e-12)
    assert layer.trainable_variables == layer.parameters() == [layer.w, layer.b]

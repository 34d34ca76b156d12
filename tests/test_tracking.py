"""Tracking of weights and sub-layers (issue 11.1): containers, order, names, state_dict."""

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.errors import ConfigError, DTypeError, ShapeError
from mitbadak.layers import BatchNormalization, Dense, Dropout, Layer
from mitbadak.model import Model, Sequential
from mitbadak.tensor import Tensor


class Blocks(Model):
    """Sub-layers in a list, a dict of a tuple, and a plain Tensor weight."""

    def __init__(self):
        super().__init__()
        self.blocks = [Dense(4, activation="relu"), Dense(4, activation="relu")]
        self.heads = {"a": Dense(1), "b": (Dense(2), Dense(1))}
        self.scale = Tensor(np.ones(1, dtype="float32"), requires_grad=True)

    def call(self, x, training=False):
        for block in self.blocks:
            x = block(x)
        b0, b1 = self.heads["b"]
        return (self.heads["a"](x) + b1(b0(x))) * self.scale


def _built(cls=Blocks):
    mb.set_seed(0)
    model = cls()
    model(np.zeros((1, 3), "float32"))
    return model


def test_nested_containers_are_tracked_with_dotted_names():
    model = _built()
    names = [n for n, _ in model.named_parameters()]
    assert names == [
        "scale",
        "blocks.0.kernel",
        "blocks.0.bias",
        "blocks.1.kernel",
        "blocks.1.bias",
        "heads.a.kernel",
        "heads.a.bias",
        "heads.b.0.kernel",
        "heads.b.0.bias",
        "heads.b.1.kernel",
        "heads.b.1.bias",
    ]
    assert len(model.parameters()) == 11
    assert [p for _, p in model.named_parameters()] == model.parameters()
    assert [p.shape for p in model.parameters()][1:3] == [(3, 4), (4,)]
    assert len(model.sublayers()) == 5


def test_order_is_assignment_order_and_deterministic():
    a, b = _built(), _built()
    assert list(a.state_dict()) == list(b.state_dict())

    class Late(Model):
        def __init__(self):
            super().__init__()
            self.z = Dense(1, name="z")
            self.a = Dense(1, name="a")
            self.stack = []

        def call(self, x, training=False):
            return self.a(self.z(x)) + sum(layer(x) for layer in self.stack)

    m = Late()
    m.stack.append(Dense(1, name="later"))  # appended after assignment: still found
    m(np.zeros((2, 1), "float32"))
    assert [la.name for la in m.sublayers()] == ["z", "a", "later"]
    assert list(m.state_dict())[:2] == ["z.kernel", "z.bias"]
    assert "stack.0.kernel" in m.state_dict()


def test_order_is_that_of_the_first_tracked_assignment_as_in_pytorch():
    torch = pytest.importorskip("torch")

    class Mine(Model):
        def __init__(self):
            super().__init__()
            self.a = None
            self.b = Dense(1)
            self.a = Dense(2)
            self.c = Dense(3)
            del self.c
            self.c = Dense(3)

    class Theirs(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.a = None
            self.b = torch.nn.Linear(1, 1)
            self.a = torch.nn.Linear(1, 2)
            self.c = torch.nn.Linear(1, 3)
            del self.c
            self.c = torch.nn.Linear(1, 3)

    mine = [p for p, _ in Mine().named_sublayers()]
    assert mine == [name for name, _ in Theirs().named_children()] == ["b", "a", "c"]


def test_fit_trains_a_model_whose_layers_live_in_a_list():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 3)).astype("float32")
    y = x @ np.array([[1.0], [-2.0], [0.5]], "float32")
    model = _built()
    model.compile({"class_name": "Adam", "config": {"lr": 0.02}}, "mse")
    before = model.evaluate(x, y)
    model.fit(x, y, epochs=20, batch_size=16, verbose=0, seed=0)
    assert model.evaluate(x, y) < 0.5 * before


def test_shared_layer_and_tied_weight_count_once():
    shared = Dense(2)

    class Tied(Model):
        def __init__(self):
            super().__init__()
            self.first = shared
            self.again = [shared]

        def call(self, x, training=False):
            return self.again[0](self.first(x))

    m = Tied()
    m(np.zeros((1, 2), "float32"))
    assert list(m.state_dict()) == ["first.kernel", "first.bias"]
    assert len(m.parameters()) == 2


def test_plain_tensor_attributes_follow_requires_grad_and_freezing():
    class Lin(Layer):
        def __init__(self):
            super().__init__()
            self.w = Tensor(np.ones((2, 2), "float32"), requires_grad=True)
            self.const = Tensor(np.ones(2, "float32"))  # no grad: a constant, not a weight

        def forward(self, x):
            return x @ self.w + self.const

    layer = Lin()
    assert [n for n, _ in layer.named_weights()] == ["w"]
    layer.trainable = False
    assert layer.parameters() == [] and [n for n, _ in layer.named_weights()] == ["w"]
    assert not layer.w.requires_grad
    layer.trainable = True
    assert layer.parameters() == [layer.w] and layer.w.requires_grad


def test_computed_tensors_kept_as_attributes_are_not_weights():
    class Cache(Layer):
        def build(self, input_shape):
            self.k = self.add_weight("k", (input_shape[-1],), "ones")

        def call(self, inputs):
            self.last = inputs * self.k  # a graph result, not a leaf: not a weight
            return self.last

    layer = Cache()
    layer(np.ones((2, 3)))
    assert list(layer.state_dict()) == ["k"]


def test_sequential_keys_are_indices_stable_across_instances():
    def make():
        return Sequential([Dense(4), BatchNormalization(), Dropout(0.5), Dense(1)])

    a, b = make(), make()
    a.build((1, 3))
    b.build((1, 3))
    keys = list(a.state_dict())
    assert keys == list(b.state_dict())  # different auto names (dense_7, dense_9...), same keys
    assert keys == [
        "layers.0.kernel",
        "layers.0.bias",
        "layers.1.gamma",
        "layers.1.beta",
        "layers.1.moving_mean",
        "layers.1.moving_variance",
        "layers.3.kernel",
        "layers.3.bias",
    ]
    assert [n for n, _ in a.named_parameters()] == [
        k for k in keys if "moving" not in k
    ]  # running statistics are weights but not parameters
    assert a.weights == [t for _, t in a.named_weights()]


def test_state_dict_round_trip_into_a_fresh_model():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(5, 3)).astype("float32")
    a = _built()
    for t in a.weights:
        t.data[...] = rng.normal(size=t.shape)
    state = a.state_dict()
    assert all(isinstance(v, np.ndarray) for v in state.values())
    state_copy = {k: v.copy() for k, v in state.items()}
    a.weights[0].data[...] = 0  # state_dict holds copies
    assert np.array_equal(state["scale"], state_copy["scale"])
    a.load_state_dict(state)
    b = _built()
    assert not np.allclose(a(x).data, b(x).data)
    result = b.load_state_dict(state)
    assert result.missing_keys == [] and result.unexpected_keys == []
    np.testing.assert_array_equal(a(x).data, b(x).data)


def test_load_state_dict_strict_errors_name_the_keys():
    m = _built()
    state = m.state_dict()
    missing = dict(state)
    del missing["heads.a.bias"]
    with pytest.raises(ConfigError, match=r"missing: \['heads.a.bias'\]"):
        m.load_state_dict(missing)
    extra = dict(state, **{"heads.c.kernel": np.zeros((4, 1))})
    with pytest.raises(ConfigError, match=r"(?s)unexpected: \['heads.c.kernel'\].*strict=False"):
        m.load_state_dict(extra)
    bad = dict(state, **{"blocks.0.kernel": np.zeros((4, 3))})
    with pytest.raises(ShapeError, match=r"'blocks.0.kernel' has shape \(4, 3\).*\(3, 4\)"):
        m.load_state_dict(bad)
    with pytest.raises(DTypeError, match="blocks.0.bias"):
        m.load_state_dict(dict(state, **{"blocks.0.bias": np.array(["a"] * 4)}))
    with pytest.raises(ConfigError, match="expected a dict"):
        m.load_state_dict([1, 2])
    unbuilt = Blocks()
    unbuilt.scale = Tensor([1.0])  # not a weight any more
    with pytest.raises(ConfigError, match="no weights yet"):
        unbuilt.load_state_dict(state)


def test_load_state_dict_is_all_or_nothing_and_non_strict_reports():
    m = _built()
    before = m.get_weights()
    state = {k: v + 1 for k, v in m.state_dict().items()}
    state["blocks.1.kernel"] = np.zeros((9, 9))  # one bad shape: nothing may be written
    with pytest.raises(ShapeError):
        m.load_state_dict(state)
    for w, b in zip(m.get_weights(), before):
        np.testing.assert_array_equal(w, b)
    partial = {"heads.a.kernel": np.full((4, 1), 2.0), "other": np.zeros(1)}
    result = m.load_state_dict(partial, strict=False)
    assert result.unexpected_keys == ["other"]
    assert "heads.a.kernel" not in result.missing_keys and "scale" in result.missing_keys
    np.testing.assert_array_equal(m.heads["a"].kernel.data, np.full((4, 1), 2.0))
    assert m.heads["a"].kernel.dtype == np.float32  # cast to the weight's dtype


def test_load_state_dict_accepts_torch_tensors_and_keeps_optimizer_links():
    torch = pytest.importorskip("torch")
    m = _built()
    ids = [id(p.data) for p in m.parameters()]
    state = {k: torch.from_numpy(v * 0 + 0.5) for k, v in m.state_dict().items()}
    m.load_state_dict(state)
    assert all(np.all(p.data == 0.5) for p in m.parameters())
    assert ids == [id(p.data) for p in m.parameters()]  # copied in place: optimizers keep up


def test_forward_alias_for_pytorch_habits():
    class Torchy(Model):
        def __init__(self):
            super().__init__()
            self.fc1, self.fc2 = Dense(8), Dense(1)

        def forward(self, x):
            return self.fc2(self.fc1(x).relu())

    m = Torchy()
    x = np.ones((4, 3), "float32")
    y = m(x)
    assert y.shape == (4, 1)
    np.testing.assert_array_equal(m.forward(x).data, y.data)
    m.compile("sgd", "mse")
    m.fit(x, np.zeros((4, 1), "float32"), verbose=0)
    assert list(m.state_dict()) == ["fc1.kernel", "fc1.bias", "fc2.kernel", "fc2.bias"]
    # calling forward directly on a Keras-style layer runs it too
    d = Dense(2)
    assert d.forward(x).shape == (4, 2)


def test_a_layer_without_call_or_forward_says_so():
    class Empty(Layer):
        pass

    with pytest.raises(NotImplementedError, match="define call.*or forward"):
        Empty()(np.ones((1, 2)))


def test_pytorch_style_training_loop_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 3))
    y = rng.normal(size=(16, 1))

    class Net(Model):
        def __init__(self):
            super().__init__(dtype="float64")
            self.layers_ = [Dense(5, dtype="float64"), Dense(1, dtype="float64")]

        def forward(self, x):
            return self.layers_[1](self.layers_[0](x).tanh())

    net = Net()
    net(x)
    tnet = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, 1))
    tnet = tnet.double()
    sd = net.state_dict()
    with torch.no_grad():
        tnet[0].weight.copy_(torch.from_numpy(sd["layers_.0.kernel"].T))
        tnet[0].bias.copy_(torch.from_numpy(sd["layers_.0.bias"]))
        tnet[2].weight.copy_(torch.from_numpy(sd["layers_.1.kernel"].T))
        tnet[2].bias.copy_(torch.from_numpy(sd["layers_.1.bias"]))
    opt = mb.optimizers.SGD(net.parameters(), lr=0.1)
    topt = torch.optim.SGD(tnet.parameters(), lr=0.1)
    for _ in range(5):
        opt.zero_grad()
        loss = ((net(x) - Tensor(y)) ** 2).mean()
        loss.backward()
        opt.step()
        topt.zero_grad()
        tloss = ((tnet(torch.from_numpy(x)) - torch.from_numpy(y)) ** 2).mean()
        tloss.backward()
        topt.step()
        np.testing.assert_allclose(loss.item(), tloss.item(), rtol=1e-10)
    np.testing.assert_allclose(
        net.state_dict()["layers_.1.kernel"], tnet[2].weight.detach().numpy().T, rtol=1e-10
    )


def test_weights_order_of_builtin_models_is_unchanged():
    """Files written by position (weight_<i>) rely on this order."""
    m = Sequential([Dense(3, name="d1"), BatchNormalization(name="bn"), Dense(2, name="d2")])
    m.build((1, 4))
    assert [t.name for t in m.weights] == [
        "d1/kernel",
        "d1/bias",
        "bn/gamma",
        "bn/beta",
        "bn/moving_mean",
        "bn/moving_variance",
        "d2/kernel",
        "d2/bias",
    ]


def test_training_flag_reaches_inner_calls_that_do_not_pass_it():
    class Outer(Model):
        def __init__(self):
            super().__init__()
            self.drop = Dropout(0.5)

        def call(self, inputs):
            return self.drop(inputs)  # Keras style: no training argument passed down

    m = Outer()
    x = np.ones((50, 50), "float32")
    assert np.array_equal(m(x, training=False).data, x)
    assert not np.array_equal(m(x, training=True).data, x)
    m.compile("sgd", "mse")
    assert np.array_equal(m.predict(x), x)  # predict runs in inference mode all the way down


def test_module_docstrings_run():
    import doctest

    import mitbadak.layers.base as base

    result = doctest.testmod(base, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 10

"""The doctor (mitbadak.doctor): each diagnosis fires on a case built to have the problem and
stays silent on one that does not; the forward-hook API it is built on."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import initializers, losses
from mitbadak.callbacks import Doctor as DoctorFromCallbacks
from mitbadak.doctor import CODES, Doctor, Finding
from mitbadak.errors import ConfigError
from mitbadak.experiments._common import digits_splits
from mitbadak.layers import Dense, Layer
from mitbadak.optimizers import SGD
from mitbadak.tensor import Function


@pytest.fixture(scope="module")
def digits():
    return digits_splits(0)


def fit(layers, x, y, loss=None, lr=0.05, epochs=2, val=None, momentum=0.9, seed=0, **kw):
    mb.set_seed(seed)
    model = mb.Sequential(layers)
    model.build((1, *x.shape[1:]))
    model.compile(
        SGD(model.parameters(), lr=lr, momentum=momentum),
        loss or losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=["accuracy"],
    )
    doctor = Doctor(verbose=0, **kw)
    model.fit(x, y, epochs=epochs, batch_size=32, verbose=0, validation_data=val,
              callbacks=[doctor], seed=seed)  # fmt: skip
    return doctor


def mlp(act="relu", init="he_normal", bias="zeros", depth=2, width=64, head=None):
    layers = [Dense(width, activation=act, kernel_initializer=init, bias_initializer=bias)
              for _ in range(depth)]  # fmt: skip
    return layers + [Dense(10, activation=head)]


def test_interfaces():
    assert DoctorFromCallbacks is Doctor
    assert {"nan", "diverging", "not_learning", "dead_relu", "vanishing_gradients",
            "exploding_gradients", "saturated", "overfitting", "underfitting",
            "loss_mismatch", "unscaled_inputs", "class_imbalance"} <= set(CODES)  # fmt: skip
    f = Finding("nan", "what and why", "the fix", 1, ["dense"], {"lr": 0.5})
    assert (f.code, f.message, f.fix, f.epoch) == ("nan", "what and why", "the fix", 1)
    assert f.to_dict()["values"] == {"lr": 0.5}
    for bad in ({"lang": "xx"}, {"sample_batches": 0}, {"patience": 0}, {"on_finding": 3}):
        with pytest.raises(ConfigError):
            Doctor(**bad)


# ------------------------------------------------------------------------------ hooks
def test_forward_hook_sees_inputs_and_output_and_can_be_removed():
    layer = Dense(3)
    seen = []
    h = layer.register_forward_hook(lambda lay, inp, out: seen.append((lay, inp[0].shape, out)))
    y = layer(np.ones((4, 2), np.float32))
    assert len(seen) == 1 and seen[0][0] is layer and seen[0][1] == (4, 2) and seen[0][2] is y
    h.remove()
    layer(np.ones((1, 2), np.float32))
    assert len(seen) == 1
    h.remove()  # twice is harmless


def test_forward_hook_may_replace_the_output():
    layer = Dense(2, kernel_initializer="ones")
    layer.register_forward_hook(lambda lay, inp, out: out * 0.0)
    assert np.all(layer(np.ones((1, 2), np.float32)).data == 0)


def test_forward_hook_must_be_callable():
    with pytest.raises(ConfigError, match="register_forward_hook"):
        Dense(2).register_forward_hook(5)


def test_hooks_are_removed_after_fit(digits):
    x, y, _, _ = digits
    model = mb.Sequential(mlp())
    model.compile("sgd", losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x[:64], y[:64], epochs=1, verbose=0, callbacks=[Doctor(verbose=0)])
    for layer in [model, *model.layers]:
        assert not layer.__dict__.get("_forward_hooks")


# ---------------------------------------------------------------------- healthy runs
def test_silent_on_a_healthy_run(digits):
    x, y, xv, yv = digits
    doctor = fit(mlp(), x, y, epochs=6, val=(xv, yv))
    assert doctor.findings == []
    assert doctor.summary() == "doctor: no problems found"


def test_prints_each_finding_once(digits, capsys):
    x, y, _, _ = digits
    mb.set_seed(0)
    model = mb.Sequential(mlp(bias=initializers.Constant(-5.0)))
    model.build((1, 64))
    model.compile(SGD(model.parameters(), lr=0.05), losses.SparseCategoricalCrossentropy(True))
    got = []
    doctor = Doctor(verbose=1, on_finding=got.append)
    model.fit(x, y, epochs=3, verbose=0, callbacks=[doctor])
    text = capsys.readouterr().out
    assert text.count("doctor [dead_relu]") == 1
    assert got == doctor.findings and doctor.has("dead_relu")


# ------------------------------------------------------------------------ each rule
@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the overflow is the point
def test_nan(digits):
    x, y, _, _ = digits
    doc = fit(mlp(init=initializers.RandomNormal(stddev=3.0)), x, y, lr=50.0, epochs=1)
    assert doc.codes[0] == "nan"
    assert "lr=5" in doc.findings[0].fix  # the rate 10x smaller
    assert not fit(mlp(), x, y, epochs=1).has("nan")


def test_diverging(digits):
    x, y, _, _ = digits
    doc = fit(mlp(), x, y, lr=0.5, epochs=1)
    assert doc.has("diverging") and "lr=0.05" in doc.findings[doc.codes.index("diverging")].fix
    assert not fit(mlp(), x, y, lr=0.05, epochs=3).has("diverging")


def test_dead_relu(digits):
    x, y, _, _ = digits
    doc = fit(mlp(bias=initializers.Constant(-5.0)), x, y, epochs=2)
    f = doc.findings[doc.codes.index("dead_relu")]
    assert all(v >= 0.5 for v in f.values["dead_fraction"].values())
    assert f.layers  # names the layers
    assert not fit(mlp(), x, y, epochs=2).has("dead_relu")


def test_not_learning_names_dead_units_as_the_cause(digits):
    x, y, _, _ = digits
    doc = fit(mlp(bias=initializers.Constant(-5.0)), x, y, epochs=3)
    f = doc.findings[doc.codes.index("not_learning")]
    assert "dead" in f.message
    assert not fit(mlp(), x, y, epochs=3).has("not_learning")


def test_not_learning_with_frozen_weights(digits):
    x, y, _, _ = digits
    mb.set_seed(0)
    model = mb.Sequential(mlp())
    model.build((1, 64))
    model.compile(SGD(model.parameters(), lr=0.0), losses.SparseCategoricalCrossentropy(True))
    doctor = Doctor(verbose=0)
    model.fit(x, y, epochs=2, verbose=0, callbacks=[doctor])
    f = doctor.findings[doctor.codes.index("not_learning")]
    assert "do not change" in f.message


def test_vanishing_gradients(digits):
    x, y, _, _ = digits
    tiny = initializers.RandomNormal(stddev=0.01)
    doc = fit(mlp("sigmoid", tiny, depth=10), x, y, epochs=1)
    f = doc.findings[doc.codes.index("vanishing_gradients")]
    assert f.values["first_over_last"] < 1e-3
    assert not fit(mlp("relu", "he_normal", depth=6), x, y, epochs=1).has("vanishing_gradients")


class _Amplify(Function):
    """Identity forward, gradient x10^4 backward: a constructed exploding-gradient path."""

    def forward(self, a):
        return a

    def backward(self, g):
        return g * 1e4


class Amplifier(Layer):
    def call(self, x, training=False):
        return _Amplify.apply(x)


def test_exploding_gradients(digits):
    x, y, _, _ = digits
    layers = [Dense(32, activation="relu", kernel_initializer="he_normal"), Amplifier(),
              Dense(32, activation="relu", kernel_initializer="he_normal"), Dense(10)]  # fmt: skip
    doc = fit(layers, x, y, lr=1e-9, momentum=0.0, epochs=1)
    f = doc.findings[doc.codes.index("exploding_gradients")]
    assert f.values["first_over_last"] > 1e3 and f.layers == [layers[0].name]
    assert not fit(mlp(depth=3), x, y, epochs=1).has("exploding_gradients")


def test_saturated(digits):
    x, y, _, _ = digits
    xs = (x - x.mean(0)) / (x.std(0) + 1e-6)
    big = initializers.RandomNormal(stddev=5.0)
    doc = fit([Dense(32, activation="sigmoid", kernel_initializer=big), Dense(10)], xs, y, epochs=1)
    assert doc.has("saturated")
    ok = fit([Dense(32, activation="sigmoid"), Dense(10)], xs, y, epochs=1)
    assert not ok.has("saturated")


def test_overfitting(digits):
    x, y, xv, yv = digits
    keep = np.concatenate([np.flatnonzero(y == c)[:10] for c in range(10)])
    doc = fit(mlp(), x[keep], y[keep], epochs=60, val=(xv, yv))
    assert doc.has("overfitting")
    f = doc.findings[doc.codes.index("overfitting")]
    assert "Dropout" in f.fix and "L2" in f.fix and "EarlyStopping" in f.fix
    assert not fit(mlp(), x, y, epochs=12, val=(xv, yv)).has("overfitting")


def test_underfitting(digits):
    x, y, _, _ = digits
    doc = fit(mlp(), x, y, lr=0.002, momentum=0.0, epochs=3)
    assert doc.codes == ["underfitting"]
    assert "epochs" in doc.findings[0].fix
    assert not fit(mlp(), x, y, epochs=3).has("underfitting")


def test_loss_mismatch_cases(digits):
    x, y, _, _ = digits
    onehot = np.eye(10, dtype=np.float32)[y]
    cases = [
        (mlp(head="softmax"), onehot, losses.MeanSquaredError(), "softmax"),
        (mlp(head="softmax"), y, losses.SparseCategoricalCrossentropy(from_logits=True), "from_logits"),
        (mlp(head="sigmoid"), y, losses.SparseCategoricalCrossentropy(), "sigmoid"),
        (mlp(), y, losses.SparseCategoricalCrossentropy(from_logits=False), "from_logits=True"),
    ]  # fmt: skip
    for layers, target, loss, word in cases:
        doc = fit(layers, x[:64], target[:64], loss=loss, epochs=1)
        assert doc.codes[:1] == ["loss_mismatch"], (loss, doc.codes)
        assert word in doc.findings[0].message + doc.findings[0].fix
    good = [(mlp(), y, losses.SparseCategoricalCrossentropy(from_logits=True)),
            (mlp(head="softmax"), y, losses.SparseCategoricalCrossentropy())]  # fmt: skip
    for layers, target, loss in good:
        assert not fit(layers, x[:64], target[:64], loss=loss, epochs=1).has("loss_mismatch")


class SoftmaxNet(mb.Model):
    """A subclassed model that applies softmax in call: no last layer says so."""

    def __init__(self):
        super().__init__()
        self.dense = Dense(10)

    def call(self, x, training=False):
        return mb.ops.activation.softmax(self.dense(x))


def test_loss_mismatch_seen_in_the_outputs(digits):
    x, y, _, _ = digits
    model = SoftmaxNet()
    model.compile("sgd", losses.SparseCategoricalCrossentropy(from_logits=True))
    doctor = Doctor(verbose=0)
    model.fit(x[:64], y[:64], epochs=1, verbose=0, callbacks=[doctor])
    assert doctor.codes == ["loss_mismatch"]


def test_unscaled_inputs(digits):
    x, y, _, _ = digits
    doc = fit(mlp(), x * 255.0, y, lr=1e-6, epochs=1)
    f = doc.findings[doc.codes.index("unscaled_inputs")]
    assert "255" in f.fix
    model = mb.Sequential([Dense(2)])
    tabular = np.random.default_rng(0).normal(size=(200, 4))
    tabular[:, 0] *= 1e4
    assert Doctor(verbose=0).check(model, tabular)[0].code == "unscaled_inputs"
    assert Doctor(verbose=0).check(model, x) == []
    assert not fit(mlp(), x, y, epochs=1).has("unscaled_inputs")


def test_class_imbalance():
    y = np.array([0] * 90 + [1] * 10 + [2] * 30)
    (f,) = Doctor(verbose=0).check(None, y=y)
    assert f.code == "class_imbalance" and f.values["counts"] == [90, 10, 30]
    w = f.values["counts"]
    assert "class_weight={0: 0.481, 1: 4.333, 2: 1.444}" in f.fix and len(w) == 3
    assert Doctor(verbose=0).check(None, y=np.eye(3)[y]) != []  # one-hot targets too
    assert Doctor(verbose=0).check(None, y=np.arange(300) % 3) == []


def test_recurrent_model_and_tuple_outputs_are_fine():
    from mitbadak.layers import LSTM

    x = np.random.default_rng(0).normal(size=(64, 5, 3)).astype(np.float32)
    y = np.arange(64) % 2
    mb.set_seed(0)
    model = mb.Sequential([LSTM(8), Dense(2)])
    model.compile("adam", losses.SparseCategoricalCrossentropy(from_logits=True))
    doctor = Doctor(verbose=0)
    model.fit(x, y, epochs=2, verbose=0, callbacks=[doctor])
    assert not {"nan", "loss_mismatch", "unscaled_inputs"} & set(doctor.codes)


def test_docstring_examples():
    import doctest

    from mitbadak import doctor
    from mitbadak.layers import base

    for module in (doctor, base):
        result = doctest.testmod(module, extraglobs={"np": np})
        assert result.failed == 0 and result.attempted > 0

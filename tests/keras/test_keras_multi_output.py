"""A model with two outputs (a regression head and a classification head), trained the way a
Keras program does it, on mitbadak.keras and on Keras 3 with the same weights and data: the
same logs (names, order, values), evaluate's list, predict's structure, save / load."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak.keras as mk
from mitbadak.errors import ConfigError, DataError

os.environ.setdefault("KERAS_BACKEND", "torch")
RNG = np.random.default_rng(0)
X = RNG.normal(size=(96, 6)).astype("float32")
Y_REG = (X[:, :1] * 2.0 - X[:, 1:2]).astype("float32")
Y_CLS = (X[:, 2] + X[:, 3] > 0).astype("int64") + (X[:, 4] > 1.0)


def keras():
    return pytest.importorskip("keras")


def two_heads(lib, dict_outputs=False):
    inputs = lib.Input(shape=(6,), name="features")
    h = lib.layers.Dense(16, activation="relu", name="hidden")(inputs)
    price = lib.layers.Dense(1, name="price")(h)
    kind = lib.layers.Dense(3, activation="softmax", name="kind")(h)
    outputs = {"price": price, "kind": kind} if dict_outputs else [price, kind]
    return lib.Model(inputs, outputs)


COMPILES = {
    "lists": dict(
        loss=["mse", "sparse_categorical_crossentropy"],
        loss_weights=[1.0, 0.5],
        metrics=[["mae"], ["accuracy"]],
    ),
    "dicts": dict(
        loss={"price": "mse", "kind": "sparse_categorical_crossentropy"},
        loss_weights={"price": 0.3, "kind": 2.0},
        metrics={"price": ["mae", "mse"], "kind": ["accuracy"]},
    ),
    "one_loss": dict(loss="mse", metrics=[["mae"], ["mae"]]),
}


def pair(name, dict_outputs=False):
    k = keras()
    theirs, ours = two_heads(k, dict_outputs), two_heads(mk, dict_outputs)
    ours.set_weights(theirs.get_weights())
    cfg = COMPILES[name]
    targets = [Y_REG, Y_CLS]
    if name == "one_loss":  # mse on both heads: one-hot targets for the softmax head
        targets = [Y_REG, np.eye(3, dtype="float32")[Y_CLS]]
    for model, lib in ((theirs, k), (ours, mk)):
        model.compile(optimizer=lib.optimizers.SGD(learning_rate=0.05), **cfg)
    return theirs, ours, targets


@pytest.mark.parametrize("name", list(COMPILES))
@pytest.mark.parametrize("as_dict", [False, True])
def test_two_output_training_matches_keras(name, as_dict):
    theirs, ours, targets = pair(name)
    y = dict(zip(["price", "kind"], targets)) if as_dict else targets
    kw = dict(epochs=2, batch_size=32, shuffle=False, verbose=0, validation_data=(X, y))
    hk = theirs.fit(X, y, **kw).history
    hm = ours.fit(X, y, **kw).history
    assert set(hk) <= set(hm)  # mitbadak adds its own lr and gap
    for key in hk:
        np.testing.assert_allclose(hm[key], hk[key], rtol=2e-4, atol=2e-5, err_msg=key)
    # evaluate: Keras' order (loss, each output's loss, then the metrics by name)
    ek = theirs.evaluate(X, y, verbose=0)
    em = ours.evaluate(X, y, verbose=0)
    np.testing.assert_allclose(em, ek, rtol=2e-4, atol=2e-5)
    dk = theirs.evaluate(X, y, verbose=0, return_dict=True)
    dm = ours.evaluate(X, y, return_dict=True)
    assert list(dm) == ours.metrics_names and set(dm) == set(dk)
    # predict keeps the structure of the outputs
    pk, pm = theirs.predict(X, verbose=0), ours.predict(X)
    assert isinstance(pm, list) and len(pm) == 2
    for a, b in zip(pm, pk):
        np.testing.assert_allclose(a, b, atol=1e-5)


def test_loss_is_the_weighted_sum_and_heads_are_logged_unweighted():
    _, ours, targets = pair("lists")
    logs = ours.evaluate(X, targets, return_dict=True)
    assert list(logs) == ["loss", "price_loss", "kind_loss", "kind_accuracy", "price_mae"]
    assert logs["loss"] == pytest.approx(logs["price_loss"] + 0.5 * logs["kind_loss"], rel=1e-6)
    assert 0.0 <= logs["kind_accuracy"] <= 1.0


def test_dict_output_model_matches_keras_and_predicts_a_dict():
    k = keras()
    theirs, ours = two_heads(k, True), two_heads(mk, True)
    for name in ("hidden", "price", "kind"):  # (Keras orders a dict's outputs by key)
        ours.get_layer(name).set_weights(theirs.get_layer(name).get_weights())
    cfg = COMPILES["dicts"]
    for model, lib in ((theirs, k), (ours, mk)):
        model.compile(optimizer=lib.optimizers.Adam(learning_rate=0.01), **cfg)
    y = {"price": Y_REG, "kind": Y_CLS}
    hk = theirs.fit(X, y, epochs=2, batch_size=16, shuffle=False, verbose=0).history
    hm = ours.fit(X, y, epochs=2, batch_size=16, shuffle=False, verbose=0).history
    for key in hk:
        np.testing.assert_allclose(hm[key], hk[key], rtol=1e-3, atol=1e-5, err_msg=key)
    pm = ours.predict(X[:5])
    assert isinstance(pm, dict) and pm["price"].shape == (5, 1) and pm["kind"].shape == (5, 3)


def test_save_and_load_keep_the_multi_output_compile(tmp_path):
    _, ours, targets = pair("dicts")
    ours.fit(X, targets, epochs=1, verbose=0)
    before = ours.evaluate(X, targets, return_dict=True)
    path = str(tmp_path / "two_heads.npz")
    ours.save(path)
    loaded = mk.models.load_model(path)
    assert loaded.compiled and loaded.metrics_names == ours.metrics_names
    after = loaded.evaluate(X, targets, return_dict=True)
    assert after == pytest.approx(before, rel=1e-6)
    loaded.fit(X, targets, epochs=1, verbose=0)  # and it trains on


def test_sample_weight_applies_to_every_output():
    k = keras()
    theirs, ours, targets = pair("lists")
    w = RNG.uniform(0.1, 2.0, size=len(X)).astype("float32")
    dk = theirs.evaluate(X, targets, sample_weight=w, verbose=0, return_dict=True)
    dm = ours.evaluate(X, targets, sample_weight=w, return_dict=True)
    for key in ("loss", "price_loss", "kind_loss"):
        assert dm[key] == pytest.approx(dk[key], rel=1e-4), key
    assert k is not None


def test_bad_multi_output_arguments_are_named():
    model = two_heads(mk)
    with pytest.raises(ConfigError, match=r"loss is a list of 3 entries.*2 outputs"):
        model.compile("sgd", loss=["mse", "mse", "mse"])
    with pytest.raises(ConfigError, match=r"outputs \['prize'\]"):
        model.compile("sgd", loss={"prize": "mse"})
    with pytest.raises(ConfigError, match=r"metrics is a list of 1 entries"):
        model.compile("sgd", loss="mse", metrics=["mae"])
    model.compile("sgd", loss=["mse", "sparse_categorical_crossentropy"])
    with pytest.raises(DataError, match=r"outputs \['price', 'kind'\]"):
        model.fit(X, Y_REG, verbose=0)
    with pytest.raises(DataError, match=r"output 'kind'"):
        model.fit(X, [Y_REG, Y_CLS[:10]], verbose=0)
    with pytest.raises(ConfigError, match="class_weight"):
        model.fit(X, [Y_REG, Y_CLS], class_weight={0: 1.0, 1: 2.0}, verbose=0)

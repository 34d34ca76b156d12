"""One way to weigh (issue 11.4): fit, evaluate and Loss(class_weight=...) all go through
losses.sample_weights; bad labels are a clear LabelError, never a silent cast."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import losses
from mitbadak.data import DataLoader
from mitbadak.errors import LabelError
from mitbadak.layers import Dense

CE = losses.SparseCategoricalCrossentropy(from_logits=True)


def model(seed=0):
    mb.set_seed(seed)
    m = mb.Sequential([Dense(6, activation="relu"), Dense(3)])
    m.build((1, 4))
    m.compile("sgd", CE)
    return m


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, 4)).astype(np.float32)
    return x, rng.integers(0, 3, 60)


def test_sample_weights_combines_both_kinds():
    y = np.array([0, 1, 2, 1])
    assert losses.sample_weights(y).__class__ is type(None)
    np.testing.assert_array_equal(
        losses.sample_weights(y, [1, 2, 3, 4], {0: 10.0, "2": 0.5}), [10.0, 2.0, 1.5, 4.0]
    )
    np.testing.assert_array_equal(losses.sample_weights(np.eye(3)[y], None, [1, 2, 3]), y + 1)
    np.testing.assert_array_equal(losses.sample_weights(np.array([0.0, 1.0]), None, {1: 3}), [1, 3])


@pytest.mark.parametrize(
    ("labels", "cw", "match"),
    [
        (np.array([0.0, 0.5, 1.0]), {0: 1.0, 1: 2.0}, "whole numbers"),
        (np.array([0, -1, 1]), {0: 1.0, 1: 2.0}, "label -1"),
        (np.array([0, 1, 2]), [1.0, 2.0], "label 2 has no weight"),
        (np.array([0, 1]), {"cat": 2.0}, "not a class index"),
        (np.array(["a", "b"]), {0: 1.0}, "class indices"),
        (np.array([0, np.nan]), {0: 1.0}, "whole numbers"),
    ],
)
def test_bad_labels_or_keys_are_clear_errors(labels, cw, match):
    with pytest.raises(LabelError, match=match):
        losses.sample_weights(labels, None, cw)


def test_fit_rejects_labels_and_keys_the_model_does_not_score(data):
    x, y = data
    bad = y.copy()
    bad[5] = 7  # the model scores 3 classes
    with pytest.raises(LabelError, match="label 7"):
        model().fit(x, bad, class_weight={0: 1.0, 1: 2.0}, verbose=0)
    with pytest.raises(LabelError, match="names class 4"):
        model().fit(x, y, class_weight={0: 1.0, 4: 2.0}, verbose=0)
    with pytest.raises(LabelError, match="whole numbers"):
        model().fit(x, y + 0.25, class_weight={0: 1.0}, verbose=0)


def test_class_weight_equals_its_sample_weight_in_fit_and_in_a_loss(data):
    x, y = data
    cw = {"0": 1.0, "1": 3.0, "2": 0.5}  # keys as JSON gives them back
    a, b, c = model(), model(), model()
    a.fit(x, y, class_weight=cw, batch_size=20, shuffle=False, verbose=0)
    b.fit(x, y, sample_weight=np.array([1.0, 3.0, 0.5])[y], batch_size=20, shuffle=False, verbose=0)
    c.compile("sgd", losses.SparseCategoricalCrossentropy(from_logits=True, class_weight=cw))
    c.fit(x, y, batch_size=20, shuffle=False, verbose=0)
    for wa, wb, wc in zip(a.get_weights(), b.get_weights(), c.get_weights()):
        np.testing.assert_array_equal(wa, wb)
        np.testing.assert_allclose(wa, wc, rtol=1e-6, atol=1e-7)


def test_class_weight_with_a_loader_is_applied_per_batch(data):
    x, y = data
    cw = {0: 1.0, 1: 3.0, 2: 0.5}
    a, b = model(), model()
    a.fit(x, y, class_weight=cw, batch_size=20, shuffle=False, verbose=0)
    b.fit(DataLoader(x, y, batch_size=20, shuffle=False), class_weight=cw, verbose=0)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_allclose(wa, wb, rtol=1e-6, atol=1e-7)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # raised inside Keras' numpy bridge
def test_class_weighted_training_matches_real_keras(data):
    """One epoch of SGD with class weights, same start weights, no shuffling: Keras 3 (torch
    backend) and mitbadak end with the same weights; weighted evaluate gives the same loss."""
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "torch":
        pytest.skip("Keras is set up with another backend")
    x, y = data
    cw = {0: 1.0, 1: 3.0, 2: 0.5}
    ours = model()
    km = keras.Sequential(
        [keras.Input((4,)), keras.layers.Dense(6, activation="relu"), keras.layers.Dense(3)]
    )
    km.set_weights(ours.get_weights())
    km.compile(
        keras.optimizers.SGD(learning_rate=0.01),
        keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    km.fit(x, y, batch_size=20, epochs=1, shuffle=False, class_weight=cw, verbose=0)
    ours.fit(x, y, batch_size=20, epochs=1, shuffle=False, class_weight=cw, verbose=0)
    for a, b in zip(ours.get_weights(), km.get_weights()):
        np.testing.assert_allclose(a, np.asarray(b), rtol=1e-5, atol=1e-6)
    w = np.linspace(0.2, 2.0, len(x))
    theirs = km.evaluate(x, y, sample_weight=w, batch_size=60, verbose=0)
    assert ours.evaluate(x, y, sample_weight=w, batch_size=60) == pytest.approx(theirs, rel=1e-5)


def test_validation_split_is_not_class_weighted(data):
    """As in Keras: class weights weigh the training samples; the held-out part is plain."""
    x, y = data
    a, b = model(), model()
    cw = {0: 5.0, 1: 1.0, 2: 1.0}
    ha = a.fit(x, y, class_weight=cw, validation_split=0.25, verbose=0, seed=0)
    hb = b.fit(x[:45], y[:45], class_weight=cw, verbose=0, seed=0)
    assert ha.history["loss"] == hb.history["loss"]
    assert ha.history["val_loss"][0] == pytest.approx(b.evaluate(x[45:], y[45:]), rel=1e-6)

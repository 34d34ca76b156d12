"""``keras.layers.Masking`` passes its mask on: the recurrent layers after it skip the masked
steps as in Keras 3 (state carried over; with ``return_sequences`` the latest real output is
repeated, Keras' ``zero_output_for_mask=False``), checked on the same weights and padded data."""

from __future__ import annotations

import os

import numpy as np
import pytest

import mitbadak.keras as mk
from mitbadak.gradcheck import gradcheck
from mitbadak.layers import LSTM as MitbadakLSTM
from mitbadak.layers.embedding import get_mask
from mitbadak.tensor import Tensor

os.environ.setdefault("KERAS_BACKEND", "torch")


def keras():
    return pytest.importorskip("keras")


def padded(seed=0):
    x = np.random.default_rng(seed).normal(size=(4, 6, 3)).astype("float32")
    x[0, 4:] = 0  # padded at the end (pad_sequences(padding="post"))
    x[1, :2] = 0  # padded at the start (pad_sequences' default)
    x[2, 3] = 0  # a gap in the middle
    return x  # x[3]: no padding


@pytest.mark.parametrize("name", ["SimpleRNN", "LSTM", "GRU"])
@pytest.mark.parametrize("return_sequences", [False, True])
@pytest.mark.parametrize("go_backwards", [False, True])
def test_masking_then_recurrent_matches_keras(name, return_sequences, go_backwards):
    k = keras()
    kw = {"return_sequences": return_sequences, "go_backwards": go_backwards}
    theirs = k.Sequential([k.Input((6, 3)), k.layers.Masking(), getattr(k.layers, name)(5, **kw)])
    ours = mk.Sequential([mk.Input((6, 3)), mk.layers.Masking(), getattr(mk.layers, name)(5, **kw)])
    ours.set_weights(theirs.get_weights())
    x = padded()
    want = k.ops.convert_to_numpy(theirs(x))
    got = ours(x).data
    np.testing.assert_allclose(got, want, atol=2e-6)


def test_masking_in_a_functional_model_matches_keras_and_changes_the_answer():
    k = keras()

    def build(lib):
        inputs = lib.Input((6, 3))
        h = lib.layers.LSTM(4)(lib.layers.Masking()(inputs))
        return lib.Model(inputs, lib.layers.Dense(1)(h))

    theirs, ours = build(k), build(mk)
    ours.set_weights(theirs.get_weights())
    x = padded(1)
    np.testing.assert_allclose(ours.predict(x, verbose=0), theirs.predict(x, verbose=0), atol=2e-6)
    # the mask is what makes it: without it the padded zeros are read as steps
    plain = mk.Sequential([mk.Input((6, 3)), mk.layers.LSTM(4), mk.layers.Dense(1)])
    plain.set_weights(theirs.get_weights())
    assert np.abs(plain.predict(x) - ours.predict(x))[:3].max() > 1e-3


def test_masking_output_carries_the_mask():
    x = padded()
    out = mk.layers.Masking()(x)
    assert get_mask(out).tolist() == np.any(x != 0, axis=-1).tolist()
    out = mk.layers.Masking(mask_value=-1.0)(np.full((1, 2, 2), -1.0))
    assert get_mask(out).tolist() == [[False, False]] and out.data.tolist() == [[[0, 0], [0, 0]]]


def test_zero_output_for_mask_defaults_and_config():
    assert mk.layers.LSTM(2).zero_output_for_mask is False  # Keras 3
    assert MitbadakLSTM(2).zero_output_for_mask is True  # PyTorch's padded output
    layer = mk.layers.GRU(3, return_sequences=True)
    cfg = layer.get_config()
    assert cfg["zero_output_for_mask"] is False
    x = padded()
    layer(x)
    out_zero = MitbadakLSTM(3, return_sequences=True)(mk.layers.Masking()(x))
    assert np.all(out_zero.data[0, 4:] == 0)  # mitbadak's own: zeros at the padded steps


def test_repeated_outputs_gradient_by_finite_differences():
    mask = np.array([[True, False, True, False], [False, True, True, False]])

    def f(x):
        layer = mk.layers.SimpleRNN(2, return_sequences=True, dtype="float64")
        layer.build((2, 4, 3))
        for w, v in zip(layer.weights, (0.3, -0.2, 0.1)):
            w.data[...] = v * np.cos(np.arange(w.size)).reshape(w.shape)
        return layer(x, mask=mask)

    x = Tensor(np.random.default_rng(2).normal(size=(2, 4, 3)), requires_grad=True)
    assert gradcheck(f, [x])


@pytest.mark.parametrize("return_sequences", [False, True])
def test_masking_then_bidirectional_matches_keras(return_sequences):
    k = keras()
    theirs = k.Sequential(
        [
            k.Input((6, 3)),
            k.layers.Masking(),
            k.layers.Bidirectional(k.layers.LSTM(3, return_sequences=return_sequences)),
        ]
    )
    ours = mk.Sequential(
        [
            mk.Input((6, 3)),
            mk.layers.Masking(),
            mk.layers.Bidirectional(mk.layers.LSTM(3, return_sequences=return_sequences)),
        ]
    )
    ours.set_weights(theirs.get_weights())
    x = padded(3)
    np.testing.assert_allclose(ours(x).data, k.ops.convert_to_numpy(theirs(x)), atol=2e-6)

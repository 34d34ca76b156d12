"""Model files keep names (issue 11.7) and io talks to models through public seams (11.6)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import io as mio
from mitbadak.errors import ConfigError, FileFormatError
from mitbadak.layers import BatchNormalization, Dense, Dropout

DATA = Path(__file__).parent / "data"
CE = mb.losses.SparseCategoricalCrossentropy(from_logits=True)


def test_weights_are_stored_under_their_state_dict_names(tmp_path):
    mb.set_seed(0)
    m = mb.Sequential([Dense(4, name="hidden"), BatchNormalization(), Dense(2, name="out")])
    m.build((1, 3))
    m.compile("adam", "mse")
    m.save(tmp_path / "m.npz")
    header, arrays = mio.read_header(tmp_path / "m.npz")
    assert header["version"] == mio.FORMAT_VERSION == 2
    stored = {k[len("weights/") :]: v for k, v in arrays.items() if k.startswith("weights/")}
    expect = m.state_dict()
    assert list(stored) == list(expect)  # same names, same order
    assert "layers.1.moving_mean" in stored
    for k, v in expect.items():
        np.testing.assert_array_equal(stored[k], v)
    mio.save_weights(m, tmp_path / "w.npz")
    _, warrays = mio.read_header(tmp_path / "w.npz")
    assert sorted(warrays) == sorted("weights/" + k for k in expect)


def test_a_subclass_model_round_trips_by_name(tmp_path):
    @mb.registry.register_serializable("layers")
    class Blocks(mb.Model):
        def __init__(self, width=4, name=None):
            super().__init__(name=name)
            self.width = width
            self.blocks = [Dense(width, activation="relu"), Dense(width)]  # a plain list
            self.head = Dense(2)

        def call(self, x, training=False):
            for block in self.blocks:
                x = block(x)
            return self.head(x)

        def get_config(self):
            return {"width": self.width, "name": self.name}

    mb.set_seed(0)
    m = Blocks(width=5)
    x = np.random.default_rng(0).normal(size=(8, 3)).astype("float32")
    m.compile("sgd", "mse")
    m.fit(x, np.zeros((8, 2), "float32"), verbose=0)
    m.save(tmp_path / "b.npz")
    _, arrays = mio.read_header(tmp_path / "b.npz")
    assert "weights/blocks.0.kernel" in arrays and "weights/head.bias" in arrays
    loaded = mb.load_model(tmp_path / "b.npz")
    np.testing.assert_array_equal(loaded.predict(x), m.predict(x))
    mb.registry.unregister("layers", "Blocks")


def test_a_model_that_cannot_be_rebuilt_fails_at_save_saying_how_to_register(tmp_path):
    class NeedsArgs(mb.Model):  # its constructor needs `units`, get_config does not give it
        def __init__(self, units):
            super().__init__()
            self.d = Dense(units)

        def call(self, x, training=False):
            return self.d(x)

    m = NeedsArgs(3)
    m.build((1, 2))
    with pytest.raises(ConfigError, match="register_serializable") as e:
        m.save(tmp_path / "x.npz")
    assert "units" in str(e.value) and "get_config" in str(e.value)
    assert not (tmp_path / "x.npz").exists()

    class Dense2(Dense):
        pass

    shadow = Dense2  # two classes under one name: the registry holds the later one
    mb.registry.register("layers", "Dense2", Dense)
    try:
        m2 = mb.Sequential([shadow(2)])
        m2.build((1, 2))
        with pytest.raises(ConfigError, match="registered for another class"):
            m2.save(tmp_path / "y.npz")
    finally:
        mb.registry.register("layers", "Dense2", Dense2)
        mb.registry.unregister("layers", "Dense2")


def test_files_of_format_1_still_load():
    """tests/data/model_v1.npz was saved by main 8b9b085 (weights by position)."""
    header, _ = mio.read_header(DATA / "model_v1.npz")
    assert header["version"] == 1
    expected = np.load(DATA / "model_v1_expected.npz")
    m = mb.load_model(DATA / "model_v1.npz")
    np.testing.assert_array_equal(m.predict(expected["x"]), expected["pred"])
    assert m.compiled and type(m.optimizer).__name__ == "Adam" and m.optimizer.iterations == 10
    assert m.epoch == 2 and m.resume_state["epoch"] == 2
    # and it trains on from where it was
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 4)).astype("float32")
    y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0)
    m.fit(x, y, epochs=3, initial_epoch=2, batch_size=8, verbose=0)
    assert m.optimizer.iterations == 15
    # a weights file of format 1 into a fresh model of the same architecture
    mb.set_seed(5)
    fresh = mb.Sequential(
        [Dense(5, activation="relu"), BatchNormalization(), Dropout(0.2), Dense(3)]
    )
    fresh.build((1, 4))
    fresh.load_weights(DATA / "weights_v1.npz")
    np.testing.assert_array_equal(fresh.predict(expected["x"]), expected["pred"])


def test_a_renamed_or_missing_weight_is_a_clear_error(tmp_path):
    m = mb.Sequential([Dense(3), Dense(2)])
    m.build((1, 4))
    m.save_weights(tmp_path / "w.npz")
    other = mb.Sequential([Dense(3), Dense(2), Dense(1)])
    other.build((1, 4))
    with pytest.raises(FileFormatError, match="missing"):
        other.load_weights(tmp_path / "w.npz")


# ------------------------------------------------------------------------- public seams
def test_compile_config_round_trip_through_public_methods():
    m = mb.Sequential([Dense(3)])
    m.build((1, 2))
    m.compile(
        {"class_name": "SGD", "config": {"lr": 0.2, "momentum": 0.5}},
        mb.losses.Huber(delta=2.0),
        metrics=["mae", mb.metrics.Precision()],
    )
    cfg = m.get_compile_config()
    other = mb.Sequential([Dense(3)])
    other.build((1, 2))
    assert other.compile_from_config(cfg)
    assert type(other.loss).__name__ == "Huber" and other.loss.delta == 2.0
    assert other.metrics_names == ["loss", "mae", "precision"]
    opt = other.ensure_optimizer()
    assert type(opt).__name__ == "SGD" and opt.lr == 0.2
    # a loss given as a plain function cannot be saved: compile_from_config says so
    m.compile("sgd", lambda t, p: ((p - t) ** 2).mean())
    assert not other.compile_from_config(m.get_compile_config())


def test_fit_state_and_resume_state_are_public(tmp_path):
    x = np.random.default_rng(0).normal(size=(16, 3)).astype("float32")
    y = np.zeros((16, 1), "float32")
    m = mb.Sequential([Dense(1)])
    m.compile("sgd", "mse")
    m.fit(x, y, epochs=2, verbose=0, seed=3)
    state = m.get_fit_state()
    assert state["epoch"] == 2 and state["fit_rng"]["bit_generator"] == "PCG64"
    m.save(tmp_path / "c.npz", training_state=2)
    loaded = mb.load_model(tmp_path / "c.npz")
    assert loaded.resume_state["fit_rng"] == state["fit_rng"]
    loaded.set_resume_state(None)
    assert loaded.resume_state is None

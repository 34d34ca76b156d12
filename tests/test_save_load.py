"""Saving and loading: one file with weights, compile config and optimizer state; loading never
unpickles or evaluates; writes are atomic; bad files fail cleanly naming the file."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import io as mio
from mitbadak.errors import FileFormatError
from mitbadak.layers import Dense


@pytest.fixture(scope="module")
def digits():
    ds = mb.data.load_digits()
    return (ds.data[:400] / 16).astype(np.float32), ds.target[:400]


def trained(digits, optimizer="adam", metrics=("accuracy",)):
    x, y = digits
    mb.set_seed(0)
    model = mb.Sequential([Dense(16, activation="relu", kernel_regularizer="l2"), Dense(10)])
    model.compile(
        optimizer, mb.losses.SparseCategoricalCrossentropy(from_logits=True), list(metrics)
    )
    model.fit(x, y, epochs=2, batch_size=64, verbose=0, seed=0)
    return model


def test_round_trip_model_compile_and_optimizer_state(digits, tmp_path):
    x, y = digits
    model = trained(
        digits, {"class_name": "SGD", "config": {"lr": 0.05, "momentum": 0.9}}, ("accuracy", "f1")
    )
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = mb.load_model(path)
    for a, b in zip(loaded.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert loaded.loss.from_logits is True
    assert loaded.metrics_names == ["loss", "accuracy", "f1"]
    assert loaded.evaluate(x, y) == pytest.approx(model.evaluate(x, y))
    opt = loaded.optimizer
    assert (
        type(opt) is mb.optimizers.SGD
        and opt.lr == 0.05
        and opt.iterations == model.optimizer.iterations
    )
    for sa, sb in zip(opt.state, model.optimizer.state):
        np.testing.assert_array_equal(sa["momentum_buffer"], sb["momentum_buffer"])
    # training on continues identically in both
    model.fit(x, y, epochs=1, verbose=0, seed=1)
    loaded.fit(x, y, epochs=1, verbose=0, seed=1)
    for a, b in zip(loaded.get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)


def test_without_optimizer_and_uncompiled(digits, tmp_path):
    model = trained(digits)
    model.save(tmp_path / "m.npz", include_optimizer=False)
    loaded = mb.load_model(tmp_path / "m.npz")
    assert loaded.compiled and loaded.optimizer is None  # rebuilt fresh at the first batch
    assert not any(k.startswith("optimizer/") for k in np.load(tmp_path / "m.npz").files)
    plain = mb.Sequential([Dense(3)])
    plain.build((1, 4))
    plain.save(tmp_path / "p.npz")
    assert not mb.load_model(tmp_path / "p.npz").compiled
    assert not mb.load_model(tmp_path / "m.npz", compile=False).compiled


def _rewrite(path, out, header=None, arrays=None):
    """Write a file like mitbadak's by hand (np.savez), with a modified header or arrays."""
    with np.load(path) as z:
        data = {k: z[k] for k in z.files}
    h = json.loads(data.pop("__mitbadak__").tobytes())
    if header is not None:
        header(h)
    if arrays is not None:
        arrays(data)
    data["__mitbadak__"] = np.frombuffer(json.dumps(h).encode(), dtype=np.uint8)
    np.savez(out, **data)


def test_loading_never_unpickles(digits, tmp_path):
    model = trained(digits)
    good = tmp_path / "good.npz"
    model.save(good)
    bad = tmp_path / "pickled.npz"

    class Boom:
        def __reduce__(self):
            return (print, ("pwned",))

    _rewrite(
        good, bad, arrays=lambda d: d.__setitem__("weight_0", np.array([Boom()], dtype=object))
    )
    with pytest.raises(FileFormatError, match="pickled.npz"):
        mb.load_model(bad)


@pytest.mark.parametrize(
    "edit,what",
    [
        (lambda h: h["model"].update(class_name="__import__('os').system('true')"), "layer"),
        (lambda h: h["model"]["config"]["layers"][0].update(class_name="Popen"), "sub-layer"),
        (lambda h: h["compile"]["optimizer"].update(class_name="__import__"), "optimizer"),
        (lambda h: h["compile"]["loss"].update(class_name="eval"), "loss"),
        (lambda h: h["compile"].update(metrics=[{"class_name": "exec", "config": {}}]), "metric"),
        (
            lambda h: h["model"]["config"]["layers"][0]["config"].update(activation="__import__"),
            "activation",
        ),
        (lambda h: h["compile"]["loss"]["config"].update(evil=1), "loss config"),
    ],
)
def test_unregistered_names_fail_cleanly(digits, tmp_path, edit, what):
    good = tmp_path / "good.npz"
    trained(digits).save(good)
    bad = tmp_path / "evil.npz"
    _rewrite(good, bad, header=edit)
    with pytest.raises(FileFormatError, match="evil.npz"):
        mb.load_model(bad)


def test_corrupt_truncated_newer_and_foreign_files(digits, tmp_path):
    good = tmp_path / "good.npz"
    trained(digits).save(good)
    raw = good.read_bytes()
    cases = {}
    cases["truncated.npz"] = raw[: len(raw) // 2]
    cases["garbage.npz"] = b"\x00not a zip at all" * 10
    cases["empty.npz"] = b""
    flipped = bytearray(raw)
    flipped[len(raw) // 3 : len(raw) // 3 + 64] = b"\xff" * 64
    cases["flipped.npz"] = bytes(flipped)
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    np.savez(tmp_path / "foreign.npz", a=np.zeros(3))
    _rewrite(good, tmp_path / "newer.npz", header=lambda h: h.update(version=99))
    _rewrite(good, tmp_path / "other.npz", header=lambda h: h.update(format="keras"))
    # format 2 keys weights by name (weights/<state_dict name>): drop the second one
    _rewrite(
        good,
        tmp_path / "missing.npz",
        arrays=lambda d: d.pop([k for k in d if k.startswith("weights/")][1]),
    )
    _rewrite(
        good,
        tmp_path / "shape.npz",
        arrays=lambda d: d.__setitem__(
            [k for k in d if k.startswith("weights/")][0], np.zeros((3, 3))
        ),
    )
    _rewrite(
        good,
        tmp_path / "optshape.npz",
        arrays=lambda d: d.__setitem__("optimizer/0/exp_avg", np.zeros(2)),
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("__mitbadak__.npy", b"junk")
    (tmp_path / "badheader.npz").write_bytes(buf.getvalue())
    names = list(cases) + [
        "foreign.npz",
        "newer.npz",
        "other.npz",
        "missing.npz",
        "shape.npz",
        "optshape.npz",
        "badheader.npz",
        "absent.npz",
    ]
    for name in names:
        with pytest.raises(FileFormatError, match=name.replace(".", r"\.")) as e:
            mb.load_model(tmp_path / name)
        if name == "newer.npz":
            assert "newer" in str(e.value)


def test_atomic_save_crash_keeps_previous_file(digits, tmp_path, monkeypatch):
    model = trained(digits)
    path = tmp_path / "m.npz"
    model.save(path)
    before = path.read_bytes()
    real_savez = np.savez

    def half_then_crash(f, **arrays):
        buf = io.BytesIO()
        real_savez(buf, **arrays)
        f.write(buf.getvalue()[: len(buf.getvalue()) // 2])
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(np, "savez", half_then_crash)
    x, y = digits
    model.fit(x, y, epochs=1, verbose=0)
    with pytest.raises(OSError, match="simulated"):
        model.save(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.npz"]  # no temporary left behind
    monkeypatch.undo()
    mb.load_model(path)  # the previous file still loads


def test_save_requires_a_built_model(tmp_path):
    with pytest.raises(mb.ShapeError, match="not built"):
        mb.Sequential([Dense(2)]).save(tmp_path / "x.npz")
    with pytest.raises(FileFormatError):
        mio.load_weights(mb.Sequential([Dense(2)]), tmp_path / "nothing.npz")


def test_checkpoint_holds_every_random_state(digits, tmp_path):
    """Global generator, fit's generator and the layers' (dropout) generators are stored and
    restored; fit(initial_epoch=epoch) picks up the first two."""
    x, y = digits
    mb.set_seed(1)
    model = mb.Sequential([Dense(16, activation="relu"), mb.layers.Dropout(0.3), Dense(10)])
    model.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x, y, epochs=1, verbose=0)
    drop_state = model.layers[1].rng.bit_generator.state
    fit_state = model.get_fit_state()["fit_rng"]
    global_state = mb.random.get_state()
    model.save(tmp_path / "ck.npz", training_state=1)
    model.layers[1].rng.random(10)  # move every generator on
    mb.random.get_rng().random(10)
    loaded = mb.load_model(tmp_path / "ck.npz")
    assert loaded.epoch == 1
    assert loaded.layers[1].rng.bit_generator.state == drop_state
    resume = loaded.resume_state
    assert resume["fit_rng"] == fit_state and resume["global_rng"] == global_state
    seen = []
    record = mb.callbacks.LambdaCallback(
        on_train_begin=lambda logs: seen.append(mb.random.get_state())
    )
    loaded.fit(x, y, epochs=2, initial_epoch=1, verbose=0, callbacks=[record])
    assert seen == [global_state] and loaded.resume_state is None  # restored, then used up


def test_saved_file_gets_ordinary_permissions(tmp_path):
    import os
    import stat

    model = mb.Sequential([mb.layers.Dense(2)])
    model(np.zeros((1, 3)))
    path = tmp_path / "m.npz"
    model.save(path)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask

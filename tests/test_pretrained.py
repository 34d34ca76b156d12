"""The pretrained models shipped in the package (issue 18.4): checksums against the manifest,
accuracy on their test sets (where the data is available), size, ``mitbadak.zoo.pretrained`` and
the ``predict`` / ``evaluate --model NAME`` command-line paths."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

import mitbadak
from mitbadak import zoo
from mitbadak.cli import main
from mitbadak.errors import ConfigError, FileFormatError

MANIFEST = json.loads((zoo.PRETRAINED_DIR / "MANIFEST.json").read_text())["models"]
EXPECTED = {"mnist-cnn", "fashion-cnn", "mnist04-cnn", "digits-mlp"}
# The floors (the manifest records what each file reached when it was shipped).
FLOORS = {"mnist-cnn": 0.993, "fashion-cnn": 0.915, "mnist04-cnn": 0.99, "digits-mlp": 0.96}


def _data_available(name: str) -> bool:
    try:
        zoo.pretrained_test_set(name, download=False)
    except FileFormatError:
        return False
    return True


def test_the_four_models_are_shipped_and_listed() -> None:
    assert set(zoo.pretrained_names()) == EXPECTED == set(MANIFEST)
    for name in EXPECTED:
        assert (zoo.PRETRAINED_DIR / f"{name}.npz").is_file()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checksum_matches_the_manifest(name: str) -> None:
    path = zoo.PRETRAINED_DIR / MANIFEST[name]["file"]
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == MANIFEST[name]["sha256"]
    assert len(data) == MANIFEST[name]["bytes"]
    assert MANIFEST[name]["test_accuracy"] >= FLOORS[name]


def test_all_models_together_fit_in_two_megabytes() -> None:
    files = list(zoo.PRETRAINED_DIR.iterdir())
    assert sum(f.stat().st_size for f in files) <= 2_000_000


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shipped_accuracy_on_its_test_set(name: str) -> None:
    if not _data_available(name):
        pytest.skip(f"the test set of {name} is not available (set MITBADAK_DATA)")
    model = zoo.pretrained(name)  # it comes compiled, with the accuracy metric
    x, y = zoo.pretrained_test_set(name)
    assert len(y) == MANIFEST[name]["test_samples"]
    acc = model.evaluate(x, y, batch_size=500, return_dict=True)["accuracy"]
    assert acc >= FLOORS[name]
    assert acc == pytest.approx(MANIFEST[name]["test_accuracy"], abs=1e-6)


def test_digits_mlp_accuracy_needs_no_data_folder() -> None:
    x, y = zoo.pretrained_test_set("digits-mlp")  # embedded in the package
    acc = float((zoo.pretrained("digits-mlp").predict(x).argmax(axis=1) == y).mean())
    assert acc >= 0.96 and x.shape == (450, 64)


def test_a_corrupt_file_is_refused(tmp_path, monkeypatch) -> None:
    for f in zoo.PRETRAINED_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    blob = bytearray((tmp_path / "digits-mlp.npz").read_bytes())
    blob[-100] ^= 0xFF
    (tmp_path / "digits-mlp.npz").write_bytes(bytes(blob))
    monkeypatch.setattr(zoo, "PRETRAINED_DIR", tmp_path)
    with pytest.raises(FileFormatError, match="SHA-256"):
        zoo.pretrained("digits-mlp")
    (tmp_path / "mnist-cnn.npz").unlink()
    with pytest.raises(FileFormatError, match="missing"):
        zoo.pretrained("mnist-cnn")


def test_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="unknown model 'resnet'.*mnist-cnn"):
        zoo.pretrained("resnet")


def test_loading_never_unpickles(monkeypatch) -> None:
    real = np.load

    calls = []

    def no_pickle(*args, **kwargs):
        calls.append(kwargs.get("allow_pickle", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(np, "load", no_pickle)
    model = zoo.pretrained("mnist04-cnn")
    assert calls and not any(calls)
    assert model.predict(np.zeros((1, 1, 28, 28), np.float32)).shape == (1, 5)


def test_info_describes_the_recipe() -> None:
    info = zoo.pretrained_info("mnist04-cnn")
    assert info["classes"] == [0, 1, 2, 3, 4] and info["dataset"] == "mnist"
    assert info["recipe"].startswith("benchmarks/pretrained.py mnist04-cnn")
    assert info["mitbadak_version"] and info["input_shape"] == [1, 28, 28]
    assert zoo.pretrained("mnist04-cnn").count_params() == info["params"]
    assert mitbadak.zoo is zoo


# ------------------------------------------------------------------------------- CLI
def _digit_png(tmp_path, digit: int) -> str:
    from PIL import Image

    x, y = zoo.pretrained_test_set("mnist-cnn")
    i = int(np.flatnonzero(y == digit)[0])
    path = tmp_path / f"digit{digit}.png"
    Image.fromarray((x[i, 0] * 255).astype(np.uint8)).save(path)
    return str(path)


def test_cli_predict_with_a_pretrained_model(tmp_path, capsys) -> None:
    pytest.importorskip("PIL")
    if not _data_available("mnist-cnn"):
        pytest.skip("MNIST is not available (set MITBADAK_DATA)")
    png = _digit_png(tmp_path, 7)
    assert main(["predict", "--model", "mnist-cnn", png]) == 0
    assert capsys.readouterr().out.strip().startswith(f"{png}: class 7 (probability")
    assert main(["predict", "mnist-cnn", png]) == 0  # a shipped name in place of a file
    assert ": class 7" in capsys.readouterr().out


def test_cli_predict_digits_mlp_from_npy(tmp_path, capsys) -> None:
    from mitbadak.data import load_digits

    ds = load_digits(as_float=False)
    np.save(tmp_path / "d.npy", ds.images[:3])
    assert main(["predict", "--model", "digits-mlp", str(tmp_path / "d.npy")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("class ")[1][0] for line in out] == ["0", "1", "2"]


def test_cli_evaluate_with_a_pretrained_model(capsys) -> None:
    assert main(["evaluate", "--model", "digits-mlp"]) == 0
    out = capsys.readouterr().out
    assert "digits-mlp on digits test set (450 images)" in out
    assert f"accuracy {MANIFEST['digits-mlp']['test_accuracy']:.4f}" in out


def test_cli_evaluate_without_data_is_one_clear_line(tmp_path, monkeypatch, capsys) -> None:
    from mitbadak.data import mnist

    def offline(*args, **kwargs):
        raise OSError("network is unreachable")

    monkeypatch.setenv("MITBADAK_DATA", str(tmp_path / "none"))
    monkeypatch.setenv("MITBADAK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(mnist, "urlopen", offline)  # no network, whatever this machine has
    assert main(["evaluate", "--model", "mnist-cnn"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("mitbadak: error: evaluate --model mnist-cnn: the mnist test set")
    assert "MITBADAK_DATA" in err[-1] and "Traceback" not in "".join(err)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["predict", "--model", "nope", "x.png"], "unknown model 'nope'"),
        (["predict", "x.png"], "give a MODEL file then the IMAGEs"),
        (["predict", "digits-mlp"], "at least one IMAGE"),
        (["evaluate"], "give a MODEL file or --model NAME"),
        (["evaluate", "--model", "digits-mlp", "m.npz"], "takes no MODEL file"),
    ],
)
def test_cli_misuse_is_one_line(argv, message, capsys) -> None:
    assert main(argv) != 0
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1

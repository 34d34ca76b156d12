"""`mitbadak train` as a newcomer runs it."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

import mitbadak as mb


def run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "mitbadak", *args], cwd=cwd, capture_output=True, text=True
    )


def test_train_with_defaults_reaches_95_percent_and_saves(tmp_path):
    r = run("train", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "epoch   1/" in r.stdout and "loss" in r.stdout and "acc" in r.stdout
    acc = float(r.stdout.split("test accuracy ")[1].split()[0])
    assert acc >= 0.95
    model = mb.load_model(tmp_path / "digits_mlp.npz")
    x = mb.data.load_digits().data[:5] / 16.0
    assert model.predict_on_batch(x).shape == (5, 10)


def test_options_and_one_line_errors(tmp_path):
    r = run("train", "--epochs", "2", "--hidden", "32", "--out", "m/x.npz", "--quiet", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "m" / "x.npz").exists()
    assert "epoch" not in r.stdout
    for bad in (["--epochs", "0"], ["--lr", "-1"], ["--hidden", "10,a"], ["--bogus"]):
        r = run("train", *bad, cwd=tmp_path)
        assert r.returncode == 2
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert "--batch-size" in run("train", "--help", cwd=tmp_path).stdout


def test_same_seed_same_model(tmp_path):
    for name in ("a.npz", "b.npz"):
        assert run("train", "--epochs", "2", "--out", name, "--quiet", cwd=tmp_path).returncode == 0
    a = np.load(tmp_path / "a.npz")
    b = np.load(tmp_path / "b.npz")
    assert all(np.array_equal(a[k], b[k]) for k in a.files)

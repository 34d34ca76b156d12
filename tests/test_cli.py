"""The ``mitbadak`` command, run in-process: train options, evaluate, predict, summary, errors."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak.cli import build_parser, main


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_line_error(capsys, code, rc):
    err = capsys.readouterr().err.strip()
    assert rc == code, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


def test_train_evaluate_summary_predict_round_trip(in_tmp, capsys):
    rc = main(["train", "--epochs", "4", "--optimizer", "adam", "--lr", "0.01", "--out", "m.npz"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "epoch   1/4" in out and "val_acc" in out and "adam lr=0.01" in out
    acc = float(out.split("test accuracy ")[1].split()[0])
    assert acc > 0.85
    model = mb.load_model("m.npz")
    assert type(model.optimizer).__name__ == "Adam" and model.optimizer.lr == 0.01

    assert main(["evaluate", "m.npz"]) == 0
    line = capsys.readouterr().out
    assert "digits test set (360 images)" in line
    assert float(line.split("accuracy ")[1]) == pytest.approx(acc)  # the same test split

    assert main(["summary", "m.npz"]) == 0
    text = capsys.readouterr().out
    assert "dense (Dense)" in text or "Dense)" in text
    assert "Total params: 17,226" in text

    ds = mb.data.load_digits()
    np.save("a.npy", ds.images[0])  # raw pixels 0..16
    np.save("b.npy", (ds.images[1] / 16).astype(np.float32))
    assert main(["predict", "m.npz", "a.npy", "b.npy"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("a.npy: class 0 (probability ")
    assert lines[1].startswith("b.npy: class 1 (probability ")
    p = float(lines[0].split("probability ")[1].rstrip(")"))
    assert 0.5 < p <= 1.0


def test_predict_png(in_tmp, capsys):
    plt = pytest.importorskip("matplotlib.pyplot")
    assert main(["train", "--epochs", "3", "--quiet", "--out", "m.npz"]) == 0
    ds = mb.data.load_digits()
    plt.imsave("zero.png", ds.images[0] / 16, cmap="gray", vmin=0, vmax=1)
    capsys.readouterr()
    assert main(["predict", "m.npz", "zero.png"]) == 0
    assert capsys.readouterr().out.startswith("zero.png: class 0 ")


def test_train_options_mlp(in_tmp, capsys):
    rc = main([
        "train", "--epochs", "3", "--hidden", "32", "--optimizer", "rmsprop",
        "--lr-schedule", "step:step_size=1,gamma=0.5", "--early-stopping", "5",
        "--dropout", "0.1", "--batchnorm", "--l2", "1e-4", "--init", "glorot_uniform",
        "--validation-split", "0.2", "--augment", "shift=1,rotate=10", "--out", "opts.npz",
    ])  # fmt: skip
    out = capsys.readouterr().out
    assert rc == 0, out
    assert "lr 0.001 " in out and "lr 0.0005 " in out and "lr 0.00025 " in out
    model = mb.load_model("opts.npz")
    kinds = [type(la).__name__ for la in model.layers]
    assert "Dropout" in kinds and "BatchNormalization" in kinds
    dense = model.layers[1]
    assert dense.get_config()["kernel_initializer"]["class_name"].lower().startswith("glorot")


def test_train_cnn(in_tmp, capsys):
    rc = main(["train", "--model", "cnn", "--epochs", "1", "--hidden", "16", "--test-size", "0.8",
               "--batch-size", "64", "--out", "cnn.npz", "--quiet"])  # fmt: skip
    assert rc == 0, capsys.readouterr().err
    model = mb.load_model("cnn.npz")
    assert model.input_shape == (None, 1, 8, 8)
    assert "Conv2D" in [type(la).__name__ for la in model.layers]
    capsys.readouterr()
    assert main(["evaluate", "cnn.npz"]) == 0
    assert "accuracy" in capsys.readouterr().out


def test_same_seed_same_model(in_tmp):
    for name in ("a.npz", "b.npz"):
        assert main(["train", "--epochs", "2", "--dropout", "0.2", "--out", name, "--quiet"]) == 0
    with np.load("a.npz") as a, np.load("b.npz") as b:
        # weights and optimizer state; the JSON header differs in layer names (dense_3...)
        keys = [k for k in a.files if k != "__mitbadak__"]
        assert keys == [k for k in b.files if k != "__mitbadak__"] and len(keys) > 6
        assert all(np.array_equal(a[k], b[k]) for k in keys)


def test_errors_are_one_line(in_tmp, capsys):
    for bad in (
        ["train", "--dataset", "cifar"],
        ["train", "--model", "rnn"],
        ["train", "--optimizer", "lbfgs"],
        ["train", "--lr-schedule", "warp"],
        ["train", "--lr-schedule", "step:gamma"],
        ["train", "--early-stopping", "0"],
        ["train", "--dropout", "1.5"],
        ["train", "--l2", "-1"],
        ["evaluate"],
        ["predict", "m.npz"],
    ):
        one_line_error(capsys, 2, main(bad))
    assert "no such file" in one_line_error(capsys, 1, main(["evaluate", "missing.npz"]))
    np.save("array.npy", np.zeros(3))
    assert "not a mitbadak file" in one_line_error(capsys, 1, main(["summary", "array.npy"]))
    one_line_error(capsys, 1, main(["train", "--epochs", "1", "--init", "nonsense", "--quiet"]))
    assert main(["train", "--epochs", "1", "--quiet", "--out", "m.npz"]) == 0
    capsys.readouterr()
    assert "no such file" in one_line_error(capsys, 1, main(["predict", "m.npz", "nope.npy"]))
    np.save("wrong.npy", np.zeros((2, 3, 5)))  # not an image, cannot be resized
    assert "expects" in one_line_error(capsys, 1, main(["predict", "m.npz", "wrong.npy"]))
    (in_tmp / "text.png").write_text("not an image")
    one_line_error(capsys, 1, main(["predict", "m.npz", "text.png"]))
    one_line_error(capsys, 1, main(["train", "--epochs", "1", "--augment", "%%bad%%", "--quiet"]))


def test_predict_a_stack_of_images_in_one_npy(in_tmp, capsys):
    assert main(["train", "--epochs", "5", "--quiet", "--out", "m.npz"]) == 0
    ds = mb.data.load_digits()
    np.save("stack.npy", ds.images[:3])  # (3, 8, 8), raw pixels 0..16
    capsys.readouterr()
    assert main(["predict", "m.npz", "stack.npy"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "stack.npy[0]",
        "stack.npy[1]",
        "stack.npy[2]",
    ]
    assert sum(f"class {d} " in line for d, line in zip(ds.target[:3], lines)) >= 2


def test_help_shows_no_internal_defaults(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["train", "--help"])
    out = capsys.readouterr().out
    assert "('none', {})" not in out and "(default: None)" not in out

"""Plotting helpers (mitbadak.plot) and graph drawing as DOT text (mitbadak.graphviz)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import graphviz, plot
from mitbadak.errors import ConfigError, GraphError, ShapeError

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def plt():
    return pytest.importorskip("matplotlib.pyplot", reason="pip install mitbadak[plot]")


def test_history_from_dict_and_from_fit(plt, tmp_path: Path) -> None:
    fig = plot.plot_history(
        {"loss": [1.0, 0.5], "val_loss": [1.2, 0.8], "accuracy": [0.5, 0.8], "lr": [0.1, 0.1]},
        path=tmp_path / "h.png",
    )
    assert [ax.get_ylabel() for ax in fig.axes] == ["loss", "accuracy"]  # lr is not a curve
    assert [ln.get_label() for ln in fig.axes[0].lines] == ["loss", "val_loss"]
    assert (tmp_path / "h.png").read_bytes()[:8] == PNG

    from mitbadak.layers import Dense

    mb.set_seed(0)
    model = mb.Sequential([Dense(3)])
    model.compile("sgd", "mse")
    x = np.ones((8, 2), np.float32)
    history = model.fit(x, np.zeros((8, 3), np.float32), epochs=2, verbose=0)
    fig = plot.plot_history(history)
    np.testing.assert_allclose(fig.axes[0].lines[0].get_ydata(), history.history["loss"])
    plt.close("all")


def test_history_errors(plt) -> None:
    with pytest.raises(ConfigError, match="History or a dict"):
        plot.plot_history([1, 2, 3])
    with pytest.raises(ConfigError, match="nothing to plot"):
        plot.plot_history({"lr": [0.1]})


def test_confusion_matrix(plt, tmp_path: Path) -> None:
    from mitbadak.metrics import confusion_matrix

    cm = confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
    fig = plot.plot_confusion_matrix(cm, ["a", "b", "c"], path=tmp_path / "cm.png")
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts[:3] == ["1", "0", "0"] and len(texts) == 9
    fig = plot.plot_confusion_matrix(cm, normalize=True)
    assert [t.get_text() for t in fig.axes[0].texts][3:6] == ["0.00", "0.50", "0.50"]
    with pytest.raises(ShapeError, match="square"):
        plot.plot_confusion_matrix(np.zeros((2, 3)))
    with pytest.raises(ShapeError, match="3 classes but 2 class names"):
        plot.plot_confusion_matrix(cm, ["a", "b"])
    plt.close("all")


def test_images_grid_marks_mistakes(plt, tmp_path: Path) -> None:
    ds = mb.data.load_digits()
    fig = plot.plot_images(ds.images[:10], ds.target[:10], predictions=[0] * 10, ncols=5,
                           path=tmp_path / "img.png")  # fmt: skip
    axes = [ax for ax in fig.axes if ax.images]
    assert len(axes) == 10
    assert axes[0].get_title() == "0 / pred 0" and axes[1].get_title() == "1 / pred 0"
    assert axes[1].title.get_color() == "red" and axes[0].title.get_color() == "black"
    fig = plot.plot_images(ds.data[:4])  # flat rows of 64 -> 8x8
    assert fig.axes[0].images[0].get_array().shape == (8, 8)
    fig = plot.plot_images(np.zeros((2, 1, 5, 5)))  # (N, C, H, W)
    assert fig.axes[0].images[0].get_array().shape == (5, 5)
    with pytest.raises(ShapeError, match="not square"):
        plot.plot_images(np.zeros((2, 10)))
    plt.close("all")


def test_first_layer_weights(plt, tmp_path: Path) -> None:
    from mitbadak.layers import Dense

    layer = Dense(6)
    layer(np.zeros((1, 64), np.float32))
    fig = plot.plot_weights(layer.kernel, path=tmp_path / "w.png")
    shown = [ax.images[0].get_array() for ax in fig.axes if ax.images]
    assert len(shown) == 6
    np.testing.assert_allclose(shown[2], layer.kernel.data[:, 2].reshape(8, 8))
    fig = plot.plot_weights(np.zeros((4, 1, 3, 3)))  # a conv kernel
    assert len([ax for ax in fig.axes if ax.images]) == 4
    with pytest.raises(ShapeError, match="image_shape"):
        plot.plot_weights(np.zeros((10, 3)))
    plt.close("all")


def test_without_matplotlib_a_clear_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    assert plot.pyplot() is None and plot.have_matplotlib() is False
    with pytest.raises(ConfigError, match=r'pip install "mitbadak\[plot\]"'):
        plot.plot_history({"loss": [1.0]})


# ---------------------------------------------------------------------------- graphviz
def test_graph_snapshot_survives_backward_and_shows_gradients() -> None:
    x = mb.Tensor(0.5, requires_grad=True, name="x")
    w = mb.Tensor(0.8, requires_grad=True, name="w")
    y = mb.tanh(x * w) + x
    g = graphviz.trace(y)
    assert [fn.name for fn, _ in g.functions] == ["Mul", "Tanh", "Add"]
    before = g.to_dot()
    assert "grad " not in before and before.count("->") == 8  # Mul 2+1, Tanh 1+1, Add 2+1
    y.backward()
    dot = g.to_dot(title="y = tanh(xw) + x")
    # dy/dx = w (1 - tanh^2(xw)) + 1, dy/dw = x (1 - tanh^2(xw))
    t = np.tanh(0.4)
    assert float(x.grad) == pytest.approx(0.8 * (1 - t * t) + 1, rel=1e-6)
    assert float(w.grad) == pytest.approx(0.5 * (1 - t * t), rel=1e-6)
    assert f"grad {float(x.grad):.4g}" in dot and f"grad {float(w.grad):.4g}" in dot
    assert 'label="y = tanh(xw) + x"' in dot and dot.rstrip().endswith("}")
    assert "x\\nvalue 0.5" in dot  # names and values, newline-escaped for DOT


def test_graph_errors_and_to_dot() -> None:
    with pytest.raises(GraphError, match="no graph"):
        graphviz.trace(mb.Tensor(1.0))
    x = mb.Tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    assert "Sum" in graphviz.to_dot(y)
    y.backward()
    with pytest.raises(GraphError, match="already freed"):
        graphviz.trace(y)


def test_render_keeps_the_dot_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    x = mb.Tensor(1.0, requires_grad=True)
    dot = graphviz.to_dot(x * 2)
    monkeypatch.setattr(graphviz.shutil, "which", lambda name: None)  # no Graphviz installed
    assert graphviz.render(dot, tmp_path / "g.png") is False
    assert (tmp_path / "g.dot").read_text() == dot and not (tmp_path / "g.png").exists()


@pytest.mark.parametrize(
    "module",
    ["mitbadak.plot", "mitbadak.graphviz", "mitbadak.experiments", "mitbadak.experiments._common",
     "mitbadak.experiments.report"],
)  # fmt: skip
def test_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0

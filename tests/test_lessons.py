"""Lessons (mitbadak.experiments): each lesson's measured numbers support its claim.

All lessons run once, in quick mode, through ``run_all`` (which also writes the HTML report);
the per-lesson tests then check the numbers of that single run.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

from mitbadak import experiments
from mitbadak.cli import main
from mitbadak.experiments import LESSONS, get_lesson, run_lesson
from mitbadak.experiments.report import _slug, inline_to_html, markdown_to_html

pytest.importorskip("matplotlib", reason="figures need matplotlib (pip install mitbadak[plot])")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path, Path]:
    out = tmp_path_factory.mktemp("lessons")
    results, index = experiments.run_all(out, quick=True, seed=0)
    return {r.name: r for r in results}, index, out


def test_registry_names_are_the_lessons() -> None:
    assert list(LESSONS) == [
        "activations",
        "weight-init",
        "optimizers",
        "learning-rate",
        "overfitting",
        "batch-norm",
        "l1-vs-l2",
        "vanishing-gradients",
        "ensemble",
        "width-vs-depth",
        "computational-graph",
        "perceptron-xor",
        "linear-classifiers",
        "convolution",
        "unsupervised",
        "debugging",
        "transfer",
    ]
    for name in LESSONS:
        mod = get_lesson(name)
        assert mod.NAME == name and mod.CLAIM and mod.TITLE and callable(mod.run)


def test_unknown_lesson_is_a_clear_error() -> None:
    from mitbadak.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown lesson 'nope'.*activations"):
        get_lesson("nope")


def test_every_lesson_writes_its_section_and_figures(report) -> None:
    results, _, out = report
    assert set(results) == set(LESSONS)
    for name, r in results.items():
        assert r.markdown.startswith(f"## {r.title}")
        assert r.claim in r.markdown
        assert (out / name / "README.md").read_text() == r.markdown
        for fig in r.figures:
            assert fig.exists() and fig.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert f"]({fig.name})" in r.markdown
        if name != "computational-graph" and not r.numbers.get("skipped"):
            assert r.figures, name  # (computational-graph's drawings need Graphviz)


def test_quick_mode_is_quick(report) -> None:
    results, _, _ = report
    # Generous: the budget is a minute on an idle 2-core machine; shared machines are slower.
    assert sum(r.seconds for r in results.values()) < 240


def test_html_report_embeds_every_figure(report) -> None:
    results, index, out = report
    page = index.read_text()
    assert page.startswith("<!DOCTYPE html>")
    n_figs = sum(len(r.figures) for r in results.values())
    assert page.count('<img src="data:image/png;base64,') == n_figs
    for r in results.values():
        assert f'<h2 id="{_slug(r.title)}">' in page and f'href="#{_slug(r.title)}"' in page
    assert "<table>" in page and "<pre><code>" in page
    assert "<strong>Claim.</strong>" in page
    md = (out / "report.md").read_text()
    assert "](activations/activations.png)" in md


def test_activations(report) -> None:
    n = report[0]["activations"].numbers
    assert n["max_derivative"]["sigmoid"] == pytest.approx(0.25, abs=1e-4)
    assert n["max_derivative"]["tanh"] == pytest.approx(1.0, abs=1e-4)
    assert n["derivative_at_5"]["relu"] == 1.0
    assert n["derivative_at_5"]["sigmoid"] < 0.01 and n["derivative_at_5"]["tanh"] < 0.01
    assert n["derivative_at_minus_2"]["relu"] == 0.0
    for name in ("leaky_relu", "elu", "gelu"):
        assert abs(n["derivative_at_minus_2"][name]) > 0.05
    assert n["step_has_gradient"] is False


def test_weight_init(report) -> None:
    n = report[0]["weight-init"].numbers
    assert n["sigmoid/std 1/saturated"] > 0.5  # piles up near 0 and 1
    assert n["sigmoid/Xavier/saturated"] < 0.05
    for act in ("sigmoid", "tanh", "relu"):  # std 0.01: every unit outputs ~the same value
        assert n[f"{act}/std 0.01/std_last"] < 0.02
    assert n["tanh/Xavier/std_last"] > 0.1 and n["relu/He/std_last"] > 0.3
    assert n["relu/std 1/std_last"] > 100  # explodes
    assert n["zero_init_max_abs_weight"] > 0  # training did move the weights...
    assert n["zero_init_max_column_difference"] == 0.0  # ...but every unit stays identical
    assert n["zero_init_layer2_max_column_difference"] == 0.0


def test_optimizers(report) -> None:
    n = report[0]["optimizers"].numbers
    assert n["bowl/SGD/y_sign_changes"] >= 25  # zig-zag across the valley
    assert n["bowl/Momentum/y_sign_changes"] <= 6
    assert n["bowl/AdaGrad/y_sign_changes"] == 0 and n["bowl/RMSProp/y_sign_changes"] == 0
    sgd = n["digits/SGD/final_loss"]
    for name in ("Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"):
        assert n[f"digits/{name}/final_loss"] < sgd, name


def test_learning_rate(report) -> None:
    n = report[0]["learning-rate"].numbers
    assert n["too small/final_loss"] > 1.5 and n["good/final_loss"] < 0.1
    assert n["good/test_accuracy"] > 0.9
    big = n["too large/max_loss"]
    assert not math.isfinite(big) or big > 2 * math.log(10)  # blew up
    assert n["too large/test_accuracy"] < 0.3
    names = n["schedule_names"]
    lrs = {k: n[f"schedule/{k}/lr"] for k in names}
    assert len(set(lrs[names[0]])) == 1  # constant
    step = lrs[names[1]]
    assert step == sorted(step, reverse=True) and len(set(step)) > 1  # stairs
    assert all(b == pytest.approx(0.8 * a) for a, b in zip(lrs[names[2]], lrs[names[2]][1:]))
    assert n["plateau_cuts"]  # ReduceLROnPlateau acted at least once


def test_overfitting(report) -> None:
    results = report[0]["overfitting"].numbers["results"]
    base = results["none (baseline)"]
    assert base["train_loss"] < 0.05 and base["test_loss"] > 5 * base["train_loss"]
    assert base["train_accuracy"] == 1.0 and base["accuracy_gap"] > 0.1
    assert len(results) >= 4
    for name, r in results.items():
        if name != "none (baseline)":
            assert r["loss_gap"] < base["loss_gap"], name
    assert results["early stopping"]["epochs"] < base["epochs"]


def test_batch_norm(report) -> None:
    n = report[0]["batch-norm"].numbers
    assert n["settings"] == 9 and n["bn_wins"] >= 8
    assert n["worst_bn_train"] > n["worst_plain_train"] + 0.25
    assert n["plain_near_chance"] >= 5  # near chance in most settings
    assert min(c["bn_train"] for c in n["cells"]) == n["worst_bn_train"]


def test_l1_vs_l2(report) -> None:
    n = report[0]["l1-vs-l2"].numbers
    assert n["nonzero_lasso"] == 3 and n["lasso_useless_max_abs"] == 0.0
    assert n["lasso_useful_min_abs"] > 0.5
    assert n["nonzero_ridge"] == 10 and n["ridge_useless_min_abs"] > 0
    path = n["lasso_path_nonzero"]
    assert path[0] == 0 and path[-1] == 10 and path == sorted(path)  # features enter one by one
    assert all(k == 10 for k in n["ridge_path_nonzero"])
    entry = n["lasso_entry_alpha"]
    assert min(entry[:3]) > max(entry[3:])  # the useful features are selected first
    areas = n["unit_ball_areas"]  # diamond, disc, square
    assert abs(areas["l1"] - 2) < 0.02 and abs(areas["l2"] - math.pi) < 0.02
    assert abs(areas["linf"] - 4) < 0.02
    lasso, ridge = n["two_feature_lasso"], n["two_feature_ridge"]
    assert lasso[0] > 0.5 and lasso[1] == 0.0  # on a corner of the diamond
    assert min(abs(v) for v in ridge) > 0.1  # on the circle, off the axes


def test_vanishing_gradients(report) -> None:
    n = report[0]["vanishing-gradients"].numbers
    assert n["first_over_last_hidden"]["sigmoid + Xavier"] < 1e-3
    assert 0.1 < n["first_over_last_hidden"]["ReLU + He"] < 10
    kept = n["timestep_kept"]
    assert kept["SimpleRNN"] < 1e-6
    assert kept["LSTM"] > 10 * kept["SimpleRNN"]
    assert kept["LSTM, forget bias 3"] > 1e-2


def test_ensemble(report) -> None:
    n = report[0]["ensemble"].numbers
    assert n["disagreement"] > 0.02
    assert n["average_accuracy"] > n["mean_member_accuracy"]
    assert n["vote_accuracy"] > n["mean_member_accuracy"]


def test_width_vs_depth(report) -> None:
    n = report[0]["width-vs-depth"].numbers
    assert n["params_match_formula"] is True
    wide = n["wide"]
    assert wide[4]["params"] == 75 * 4 + 10 and wide[64]["params"] == 75 * 64 + 10
    assert wide[64]["test_acc"] > wide[4]["test_acc"] + 0.1  # too narrow underfits
    deep = n["deep"]
    assert deep[2]["params"] - deep[1]["params"] == 32 * 33


def test_computational_graph(report) -> None:
    r = report[0]["computational-graph"]
    n = r.numbers
    assert n["trace_max_abs_difference"] < 1e-6
    g = n["neuron_grads"]
    for k in ("dL/dw1", "dL/dw2", "dL/db"):
        assert g[k] == pytest.approx(g[f"{k} (hand)"], rel=1e-5)
    dots = [p for p in r.files if p.suffix == ".dot"]
    assert len(dots) == 2
    text = dots[0].read_text()
    assert text.startswith("digraph") and "Sigmoid" in text and "grad " in text
    assert len(n["trace"]) == 8 and "dL/dW1 = x^T @ dL/dz1" in n["trace"][-1]
    if not n["dot_available"]:
        assert "dot -Tpng" in r.markdown


def test_perceptron_xor(report) -> None:
    n = report[0]["perceptron-xor"].numbers
    assert n["perceptron_accuracy"] <= 0.75
    assert n["perceptron_and_accuracy"] == 1.0
    assert n["mlp_accuracy"] == 1.0


def test_linear_classifiers(report) -> None:
    n = report[0]["linear-classifiers"].numbers
    assert n["acc_softmax_test"] > 0.9 and n["acc_svm_test"] > 0.9
    assert abs(n["acc_softmax_test"] - n["acc_svm_test"]) < 0.03
    assert n["test_agreement"] > 0.95
    assert n["net_ce_accuracy"] > 0.85 and n["net_hinge_accuracy"] > 0.85
    assert n["hinge_loss_curve"][-1] < n["hinge_loss_curve"][0] / 5
    assert n["ce_loss_curve"][-1] < n["ce_loss_curve"][0]
    assert n["hinge_zero_fraction"] > 0.5 and n["ce_zero_fraction"] == 0.0
    assert n["ce_min_per_sample"] > 0
    assert n["hinge_at_margin_1"] == 0.0 and n["logistic_at_margin_3"] > 0


def test_convolution(report) -> None:
    n = report[0]["convolution"].numbers
    assert n["conv2d_vs_cross_correlation"] < 1e-12
    assert n["flipped_conv2d_vs_convolution"] < 1e-12
    assert n["conv2d_vs_convolution"] > n["max_abs_output"]  # differs by more than the signal
    assert n["output_shape"] == [30, 30]


def test_convolution_lesson_agrees_with_torch() -> None:
    torch = pytest.importorskip("torch")
    from mitbadak.experiments import convolution as conv

    image = np.random.default_rng(0).random((12, 12))
    ref = torch.nn.functional.conv2d(
        torch.tensor(image)[None, None], torch.tensor(conv.KERNEL)[None, None]
    )[0, 0].numpy()
    np.testing.assert_allclose(conv.cross_correlate(image, conv.KERNEL), ref, atol=1e-12)
    np.testing.assert_allclose(conv.mitbadak_conv(image, conv.KERNEL), ref, atol=1e-12)
    flipped = conv.KERNEL[::-1, ::-1].copy()
    np.testing.assert_allclose(
        conv.convolve(image, conv.KERNEL), conv.cross_correlate(image, flipped), atol=1e-12
    )


def test_unsupervised(report) -> None:
    n = report[0]["unsupervised"].numbers
    assert n["kmeans_purity"] > 0.6  # chance is about 0.1
    assert n["distinct_majority_digits"] >= 8
    inertia = n["elbow_inertia"]
    assert all(a > b for a, b in zip(inertia, inertia[1:]))  # falls with every k
    assert 0.2 < n["pca_variance_2"] < 0.35
    assert 0.65 < n["pca_variance_10"] < 0.8 and n["pca_variance_30"] > 0.95
    mse = n["reconstruction_mse"]
    assert mse["2"] > mse["10"] > mse["30"] > 0


def test_transfer(report) -> None:
    n = report[0]["transfer"].numbers
    if n.get("skipped"):
        pytest.skip(f"the transfer lesson needs MNIST: {n['reason']}")
    digits = n["curves"]["digits 5-9"]
    assert n["sizes"] == [10, 100]  # quick mode
    for labels in (10, 100):  # the claim: transfer beats training from scratch
        assert digits["frozen"][labels] > digits["scratch"][labels], labels
        assert digits["fine-tuned"][labels] > digits["scratch"][labels], labels
    assert n["transfer_wins"] == [10, 100] and n["gain_at_10"] > 0.02
    assert all(0.2 < acc <= 1.0 for m in digits.values() for acc in m.values())


def test_transfer_without_mnist_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mitbadak.data import mnist

    def offline(*args, **kwargs):
        raise OSError("network is unreachable")

    monkeypatch.setenv("MITBADAK_DATA", str(tmp_path / "none"))
    monkeypatch.setenv("MITBADAK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(mnist, "urlopen", offline)
    r = run_lesson("transfer", tmp_path, quick=True)
    assert r.numbers["skipped"] and "MNIST is not available" in r.markdown
    assert "MITBADAK_DATA" in r.markdown and r.figures == []


def test_same_seed_same_numbers(tmp_path: Path, report) -> None:
    again = run_lesson("ensemble", tmp_path, quick=True, seed=0).numbers
    assert again["member_accuracy"] == report[0]["ensemble"].numbers["member_accuracy"]


def _hide_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    for mod in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, mod, None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails


def test_lessons_without_matplotlib_still_report_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    _hide_matplotlib(monkeypatch)
    from mitbadak import plot

    assert plot.pyplot() is None and not plot.have_matplotlib()
    r = run_lesson("perceptron-xor", tmp_path, quick=True)
    assert r.figures == [] and not list((tmp_path / "perceptron-xor").glob("*.png"))
    assert r.numbers["mlp_accuracy"] == 1.0
    assert 'pip install "mitbadak[plot]"' in r.markdown
    assert main(["lesson", "activations", "--quick", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert 'pip install "mitbadak[plot]"' in out and "| sigmoid | 0.25 |" in out


def test_cli_lesson_runs_one_and_all_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["lesson", "computational-graph", "--out", str(tmp_path), "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert "Backpropagation through a 2-3-2 network" in out
    assert (tmp_path / "computational-graph" / "README.md").exists()
    assert main(["lesson", "no-such-lesson", "--out", str(tmp_path)]) == 1
    assert "unknown lesson" in capsys.readouterr().err


# ------------------------------------------------------------------ the Markdown converter
def test_markdown_converter() -> None:
    md = (
        "## A title\n\nSome **bold**, *italic* and `a < b` text\non two lines.\n\n"
        "| x | y |\n|---|---|\n| 1 | 2 |\n\n```\nif a < b:\n    pass\n```\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n[link](http://x.org)"
    )
    html = markdown_to_html(md)
    assert '<h2 id="a-title">A title</h2>' in html
    assert (
        "<p>Some <strong>bold</strong>, <em>italic</em> and <code>a &lt; b</code> text on two "
        "lines.</p>"
    ) in html
    assert "<tr><td>1</td><td>2</td></tr>" in html and "<th>x</th>" in html
    assert "<pre><code>if a &lt; b:\n    pass</code></pre>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert '<a href="http://x.org">link</a>' in html
    assert "<script>" not in markdown_to_html("<script>alert(1)</script>")
    assert inline_to_html("x**2 and 2*3*4") == "x**2 and 2*3*4"  # no stray emphasis


def test_markdown_images_are_embedded(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(20)
    (tmp_path / "f.png").write_bytes(png)
    html = markdown_to_html("![a figure](f.png)\n\n![missing](g.png)", image_dir=tmp_path)
    assert '<img src="data:image/png;base64,iVBORw0KGgo' in html
    assert '<img src="g.png" alt="missing">' in html


def test_lesson_result_numbers_are_plain(report) -> None:
    for r in report[0].values():
        for v in r.numbers.values():
            assert not isinstance(v, np.ndarray)


@pytest.mark.parametrize(
    "module", ["convolution", "unsupervised", "linear_classifiers", "l1_vs_l2"]
)
def test_lesson_helpers_examples(module: str) -> None:
    import doctest
    import importlib

    mod = importlib.import_module(f"mitbadak.experiments.{module}")
    result = doctest.testmod(mod, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_debugging(report) -> None:
    """Each broken setup gets its finding; after the doctor's fix that finding is gone."""
    results, _, _ = report
    cases = results["debugging"].numbers["cases"]
    expected = {
        "lr_too_high": "diverging",
        "deep_sigmoid": "vanishing_gradients",
        "negative_bias": "dead_relu",
        "softmax_mse": "loss_mismatch",
        "tiny_data": "overfitting",
    }
    assert set(cases) == set(expected)
    for key, code in expected.items():
        assert code in cases[key]["broken_codes"], (key, cases[key])
        assert code not in cases[key]["fixed_codes"], (key, cases[key])
        assert cases[key]["fixed_val_accuracy"] >= cases[key]["broken_val_accuracy"] - 0.01
    assert cases["negative_bias"]["fixed_val_accuracy"] > 0.8

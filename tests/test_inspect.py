"""Instruments (mitbadak.inspect): every number checked against a direct computation."""

from __future__ import annotations

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import inspect as ins
from mitbadak.errors import ConfigError, ShapeError
from mitbadak.experiments._common import digits_splits
from mitbadak.layers import Conv2D, Dense, GlobalAveragePooling2D
from mitbadak.losses import SparseCategoricalCrossentropy
from mitbadak.optimizers import SGD


@pytest.fixture(scope="module")
def digits():
    return digits_splits(0)


def mlp(seed=0, lr=0.1):
    mb.set_seed(seed)
    model = mb.Sequential([Dense(32, activation="relu"), Dense(10)])
    model.build((1, 64))
    model.compile(SGD(model.parameters(), lr=lr, momentum=0.9),
                  SparseCategoricalCrossentropy(from_logits=True))  # fmt: skip
    return model


# ---------------------------------------------------------------------------- lr_find
def test_lr_find_matches_a_manual_sweep_and_restores_everything(digits):
    x, y, _, _ = digits
    model = mlp()
    model.fit(x[:64], y[:64], epochs=1, verbose=0)  # momentum buffers exist
    w0, s0 = model.get_weights(), model.optimizer.state_dict()
    r = ins.lr_find(model, x, y, start_lr=1e-4, end_lr=1.0, num_steps=30, smooth=0.0, seed=3)
    # Restored: weights, optimizer state, learning rate.
    for a, b in zip(model.get_weights(), w0):
        np.testing.assert_array_equal(a, b)
    s1 = model.optimizer.state_dict()
    assert s1["arrays"].keys() == s0["arrays"].keys()
    for k in s0["arrays"]:
        np.testing.assert_array_equal(s1["arrays"][k], s0["arrays"][k])
    assert model.optimizer.lr == 0.1
    # The manual sweep: same start, same batches, same rates.
    twin = mlp()
    twin.set_weights(w0)
    twin.optimizer = None
    opt = SGD(twin.parameters(), lr=0.1, momentum=0.9)
    opt.load_state_dict(s0)
    rng = np.random.default_rng(3)
    order = np.concatenate([rng.permutation(len(x)) for _ in range(2)])
    loss_fn = SparseCategoricalCrossentropy(from_logits=True)
    manual = []
    for i, lr in enumerate(np.geomspace(1e-4, 1.0, 30)[: len(r.lrs)]):
        opt.lr = lr
        idx = order[i * 32 : (i + 1) * 32]
        loss = loss_fn(y[idx], twin(x[idx], training=True))
        opt.zero_grad()
        loss.backward()
        opt.step()
        manual.append(loss.item())
    np.testing.assert_allclose(r.lrs, np.geomspace(1e-4, 1.0, 30)[: len(r.lrs)], rtol=1e-9)
    np.testing.assert_allclose(r.losses, manual, rtol=1e-5)
    assert r.smoothed == r.losses  # smooth=0
    k = int(np.nanargmin(r.smoothed))
    assert r.suggestion == pytest.approx(r.lrs[k] / 10)


def test_lr_find_stops_when_the_loss_explodes(digits):
    x, y, _, _ = digits
    r = ins.lr_find(mlp(), x, y, start_lr=1e-3, end_lr=1e4, num_steps=80)
    assert len(r.lrs) < 80
    assert 1e-4 <= r.suggestion <= 1.0


def test_lr_find_needs_a_compiled_model():
    with pytest.raises(ConfigError, match="compile"):
        ins.lr_find(mb.Sequential([Dense(2)]), np.ones((4, 2)), np.zeros(4, int))
    with pytest.raises(ConfigError, match="start_lr"):
        ins.lr_find(mlp(), np.ones((4, 64)), np.zeros(4, int), start_lr=1.0, end_lr=0.1)


# ------------------------------------------------------------------------ Instruments
def test_instruments_histograms_are_the_layers_numbers(digits):
    x, y, _, _ = digits
    x, y = x[:100], y[:100]
    model = mlp()
    first = model.layers[0]
    w_before = first.get_weights()
    rec = ins.Instruments(bins=12)
    model.fit(x, y, batch_size=100, epochs=1, verbose=0, shuffle=False, callbacks=[rec])
    h = rec.history[0][first.name]
    weights = np.concatenate([w.data.ravel() for w in first.trainable_weights]).astype(float)
    grads = np.concatenate([w.grad.ravel() for w in first.trainable_weights]).astype(float)
    act = np.maximum(x @ w_before[0] + w_before[1], 0).astype(np.float32).ravel()
    for kind, values in (("weights", weights), ("gradients", grads), ("activations", act)):
        counts, edges = np.histogram(values, bins=12)
        np.testing.assert_array_equal(h[kind][0], counts)
        np.testing.assert_allclose(h[kind][1], edges, rtol=1e-5, atol=1e-7)
    assert rec.stats[first.name]["weights"][0][0] == pytest.approx(weights.mean())


# ---------------------------------------------------------------------- interpretation
def test_interpretation_against_direct_computation():
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(4), size=50)
    y = rng.integers(0, 4, 50)
    it = ins.Interpretation(p, y)
    from sklearn.metrics import confusion_matrix

    np.testing.assert_array_equal(it.confusion_matrix(), confusion_matrix(y, p.argmax(1)))
    losses = -np.log(p[np.arange(50), y])
    np.testing.assert_allclose(it.losses, losses)
    np.testing.assert_array_equal(it.top_losses(5), np.argsort(-losses)[:5])
    wrong = np.flatnonzero(p.argmax(1) != y)
    best = wrong[np.argsort(-p[wrong].max(1))][:3]
    np.testing.assert_array_equal(it.most_confident_mistakes(3), best)
    assert it.accuracy == pytest.approx(np.mean(p.argmax(1) == y))


def test_probabilities_softmax_of_logits_and_passthrough():
    model = mlp()
    x = np.random.default_rng(0).random((5, 64)).astype(np.float32)
    z = model.predict(x).astype(np.float64)
    e = np.exp(z - z.max(1, keepdims=True))
    np.testing.assert_allclose(ins.probabilities(model, x), e / e.sum(1, keepdims=True), rtol=1e-5)
    soft = mb.Sequential([Dense(3, activation="softmax")])
    pr = ins.probabilities(soft, x)
    np.testing.assert_allclose(pr, soft.predict(x), rtol=1e-6)


# ---------------------------------------------------------------- saliency and Grad-CAM
def test_saliency_is_the_input_gradient_of_the_score():
    mb.set_seed(0)
    model = mb.Sequential([Dense(8, activation="tanh"), Dense(3)], dtype="float64")
    x = np.random.default_rng(1).normal(size=(2, 5))
    sal = ins.saliency(model, x, target=2)
    eps = 1e-6
    num = np.zeros_like(x)
    for n in range(2):
        for j in range(5):
            xp, xm = x.copy(), x.copy()
            xp[n, j] += eps
            xm[n, j] -= eps
            num[n, j] = (model.predict(xp)[n, 2] - model.predict(xm)[n, 2]) / (2 * eps)
    np.testing.assert_allclose(sal, np.abs(num), rtol=1e-5, atol=1e-9)
    assert all(p.grad is None for p in model.parameters())  # no gradient left behind


def test_grad_cam_of_a_hand_built_network():
    rng = np.random.default_rng(0)
    conv, gap, dense = (
        Conv2D(2, 3, padding="same", activation="relu"),
        GlobalAveragePooling2D(),
        Dense(3),
    )
    model = mb.Sequential([conv, gap, dense], dtype="float64")
    x = rng.normal(size=(2, 1, 5, 5))
    model.build(x.shape)
    wk = rng.normal(size=conv.kernel.shape)
    wd = rng.normal(size=(2, 3))
    conv.set_weights([wk, np.zeros(2)])
    dense.set_weights([wd, np.zeros(3)])
    cams = ins.grad_cam(model, x, target=1)
    a = conv(x).data  # (2, 2, 5, 5): relu(conv)
    # score_1 = sum_k wd[k, 1] * mean(A_k)  =>  dScore/dA_k = wd[k, 1] / 25, alpha_k = wd[k,1]/25
    expected = np.maximum(np.einsum("k,nkhw->nhw", wd[:, 1] / 25.0, a), 0)
    np.testing.assert_allclose(cams, expected, rtol=1e-5, atol=1e-9)
    assert ins.grad_cam(model, x, layer=conv.name, target=1).shape == (2, 5, 5)
    with pytest.raises(ConfigError, match="no layer named"):
        ins.grad_cam(model, x, layer="nope")
    with pytest.raises(ConfigError, match="no layer with"):
        ins.grad_cam(mb.Sequential([Dense(2)]), np.ones((1, 3)))


def test_upsample_is_bilinear():
    m = np.array([[[0.0, 1.0], [2.0, 3.0]]])
    up = ins.upsample(m, (3, 3))
    np.testing.assert_allclose(up[0], [[0, 0.5, 1], [1, 1.5, 2], [2, 2.5, 3]])


# ------------------------------------------------------------------ representation map
def test_pca_matches_scikit_learn():
    from sklearn.decomposition import PCA

    X = np.random.default_rng(0).normal(size=(80, 6)) @ np.diag([5, 3, 1, 0.5, 0.2, 0.1])
    coords, ratio = ins.pca(X, 2)
    ref = PCA(2).fit(X)
    want = ref.transform(X)
    signs = np.sign((coords * want).sum(0))
    np.testing.assert_allclose(coords * signs, want, atol=1e-9)
    np.testing.assert_allclose(ratio, ref.explained_variance_ratio_, rtol=1e-9)


def test_representation_map_of_a_layer(digits):
    x, y, _, _ = digits
    model = mlp()
    feats = ins.layer_outputs(model, x[:100])
    np.testing.assert_allclose(feats, np.maximum(
        x[:100] @ model.layers[0].kernel.data + model.layers[0].bias.data, 0), rtol=1e-5)  # fmt: skip
    np.testing.assert_allclose(ins.representation_map(model, x[:100]), ins.pca(feats)[0])
    t = ins.representation_map(model, x[:40], method="tsne")
    assert t.shape == (40, 2) and np.isfinite(t).all()
    with pytest.raises(ConfigError, match="method"):
        ins.representation_map(model, x[:10], method="umap")


# -------------------------------------------------------------------------- robustness
def test_warps_against_direct_computation():
    img = np.random.default_rng(0).random((3, 1, 7, 7))
    shifted = ins.shift(img, 2, 1)
    want = np.zeros_like(img)
    want[:, :, 1:, 2:] = img[:, :, :-1, :-2]
    np.testing.assert_allclose(shifted, want, atol=1e-12)
    np.testing.assert_allclose(ins.rotate(img, 90), np.rot90(img, axes=(2, 3)), atol=1e-9)
    np.testing.assert_allclose(ins.rotate(img, 0), img)


def test_robustness_curves(digits):
    x, y, xv, yv = digits
    model = mlp()
    model.fit(x, y, epochs=3, verbose=0)
    base = float((model.predict(xv).argmax(1) == yv).mean())
    c = ins.robustness_curves(model, xv, yv, noise=(0, 0.5, 2.0), rotation=(0, 45), shifts=(0, 3))
    assert c["noise"][1][0] == c["rotation"][1][0] == c["shift"][1][0] == pytest.approx(base)
    assert c["noise"][1][-1] < base - 0.2 and c["shift"][1][-1] < base - 0.2
    direct = float((model.predict(ins.rotate(xv.reshape(-1, 1, 8, 8), 45).reshape(-1, 64))
                    .argmax(1) == yv).mean())  # fmt: skip
    assert c["rotation"][1][1] == pytest.approx(direct)
    with pytest.raises(ShapeError, match="image_shape"):
        ins.robustness_curves(model, np.ones((2, 10)), np.zeros(2, int))


# ----------------------------------------------------------------------- I don't know
def test_coverage_curve_against_direct_computation():
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(3) * 0.5, size=200)
    y = rng.integers(0, 3, 200)
    t, cov, acc = ins.coverage_curve(p, y, [0.0, 0.5, 0.9, 1.01])
    for s, c, a in zip(t, cov, acc):
        keep = p.max(1) >= s
        assert c == pytest.approx(keep.mean())
        if keep.any():
            assert a == pytest.approx((p.argmax(1) == y)[keep].mean())
        else:
            assert np.isnan(a)
    assert cov[0] == 1.0 and cov[-1] == 0.0


def test_plots_draw(tmp_path, digits):
    pytest.importorskip("matplotlib")
    x, y, _, _ = digits
    model = mlp()
    rec = ins.Instruments()
    model.fit(x[:200], y[:200], epochs=2, verbose=0, callbacks=[rec])
    rec.plot("gradients", path=tmp_path / "g.png")
    ins.lr_find(model, x, y, num_steps=20, path=tmp_path / "lr.png")
    it = ins.interpret(model, x[:200], y[:200])
    it.plot_confusion_matrix(path=tmp_path / "cm.png")
    it.plot_mistakes(x[:200], path=tmp_path / "m.png")
    ins.plot_map(ins.representation_map(model, x[:200]), y[:200], path=tmp_path / "map.png")
    ins.plot_coverage(*ins.coverage_curve(it.probs, y[:200]), path=tmp_path / "cov.png")
    for name in ("g", "lr", "cm", "m", "map", "cov"):
        assert (tmp_path / f"{name}.png").stat().st_size > 1000


# ------------------------------------------------------------------- reports and CLI
def _offline(page: str) -> None:
    import re

    assert "<script" not in page and "<link" not in page
    srcs = re.findall(r'src="([^"]*)"', page)
    assert srcs and all(s.startswith("data:image/png;base64,") for s in srcs)
    assert "http://" not in page and "https://" not in page


def test_train_doctor_and_report_then_inspect(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    from mitbadak.cli import main

    model = tmp_path / "m.npz"
    rc = main(["train", "--epochs", "3", "--quiet", "--doctor", "--report", str(tmp_path / "r"),
               "--test-size", "0.1", "--out", str(model)])  # fmt: skip
    out = capsys.readouterr().out
    assert rc == 0 and "doctor: no problems found" in out and "report written" in out
    page = (tmp_path / "r" / "index.html").read_text()
    _offline(page)
    for section in ("Doctor", "Learning curves", "gradients per epoch", "Mistakes", "Top losses",
                    "saliency", "PCA", "Robustness", "I don&#x27;t know"):  # fmt: skip
        assert section in page, section
    rc = main(["inspect", str(model), "--data", "digits", "--out", str(tmp_path / "i"),
               "--samples", "60"])  # fmt: skip
    assert rc == 0
    _offline((tmp_path / "i" / "index.html").read_text())


def test_train_doctor_reports_a_broken_run(tmp_path, capsys):
    from mitbadak.cli import main

    main(["train", "--epochs", "2", "--quiet", "--doctor", "--lr", "0.6", "--out",
          str(tmp_path / "m.npz")])  # fmt: skip
    out = capsys.readouterr().out
    assert "doctor [" in out and "fix:" in out


def test_html_report_escapes_and_is_atomic(tmp_path):
    from mitbadak.doctor import Finding
    from mitbadak.htmlreport import HtmlReport

    r = HtmlReport("<title>")
    r.findings([Finding("nan", "loss <nan>", "lr=0.01 & clip", 0)])
    r.table(["a"], [[float("nan")]])
    path = r.save(tmp_path / "x")
    page = path.read_text()
    assert path.name == "index.html" and "&lt;title&gt;" in page and "loss &lt;nan&gt;" in page
    assert "lr=0.01 &amp; clip" in page and not list(tmp_path.glob("x/.*tmp"))


def test_docstring_examples():
    import doctest

    from mitbadak import htmlreport

    for module in (ins, htmlreport):
        result = doctest.testmod(module, extraglobs={"np": np})
        assert result.failed == 0 and result.attempted > 0

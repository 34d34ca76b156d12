"""Issue 19, item 2: the instruments' HTML report and the user-facing warnings speak Korean
under ``--lang ko`` / ``MITBADAK_LANG=ko`` (from the message table), and stay as they were in
English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import messages
from mitbadak.callbacks import EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
from mitbadak.classic import (
    ConvergenceWarning,
    DataConversionWarning,
    KMeans,
    Lasso,
    LinearRegression,
    LinearSVC,
    LogisticRegression,
)
from mitbadak.layers import Dense
from mitbadak.messages import use_lang

SRC = Path(mb.__file__).parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")


def _prose(page: str) -> str:
    """The words a reader sees on the page: no <pre> (the model summary), images, tags."""
    text = re.sub(r"<pre>.*?</pre>", " ", page, flags=re.S)
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)
    return text


def _hangul_share(text: str) -> float:
    h, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
    return h / max(h + latin, 1)


class _NoFindings:
    findings: list = []


@pytest.fixture(scope="module")
def trained():
    mb.set_seed(0)
    rng = np.random.default_rng(0)
    x = rng.random((60, 64)).astype("float32")  # 8x8 "images": every section is written
    y = np.arange(60) % 3
    model = mb.Sequential([Dense(8, activation="relu"), Dense(3)])
    model.compile("adam", mb.losses.SparseCategoricalCrossentropy(from_logits=True))
    history = model.fit(x, y, epochs=2, batch_size=20, verbose=0)
    return model, x, y, history


def _report(trained, tmp_path, lang):
    pytest.importorskip("matplotlib")
    from mitbadak.htmlreport import write_inspection_report

    model, x, y, history = trained
    with use_lang(lang):
        page = write_inspection_report(model, x, y, tmp_path / lang, history=history,
                                       doctor=_NoFindings(), max_samples=60)  # fmt: skip
    return page.read_text(encoding="utf-8")


def test_the_report_is_korean_under_ko_and_english_without(trained, tmp_path):
    en = _report(trained, tmp_path, "en")
    ko = _report(trained, tmp_path, "ko")
    assert '<html lang="en">' in en and '<html lang="ko">' in ko
    for words in ("mitbadak: inside the model", "Accuracy ", "The doctor found no problem.",
                  "Learning curves", "Weights, gradients, activations", "Mistakes",
                  "<th>p(predicted)</th>", "Top losses (the samples the model is most wrong",
                  "Where the model looks", "Representations", "Robustness", "<td>accuracy</td>",
                  "<th>threshold</th><th>coverage</th><th>accuracy on answered</th>",
                  "I don&#x27;t know"):  # fmt: skip
        assert words in en, words
        assert words not in ko, words
    assert not HANGUL.search(_prose(en))
    for words in ("모델 들여다보기", "진단", "학습 곡선", "틀린 예측", "<th>정답</th>",
                  "<td>정확도</td>", "<th>문턱값</th>", "모르겠습니다", "강건성"):  # fmt: skip
        assert words in ko, words
    assert _hangul_share(_prose(ko)) > 0.6, _prose(ko)


def test_without_a_hangul_font_the_korean_page_says_its_figures_are_english(
    trained, tmp_path, monkeypatch
):
    import mitbadak.htmlreport as hr

    monkeypatch.setattr(hr, "hangul_font", lambda: None)
    page = _report(trained, tmp_path, "ko")
    assert messages.message("report.font_note", "ko") in page
    assert messages.message("report.font_note", "en") not in _report(trained, tmp_path, "en")


def test_report_figures_speak_korean_when_a_font_draws_it_else_english():
    plt = pytest.importorskip("matplotlib.pyplot")
    from mitbadak import inspect as ins

    t, cov, acc = ins.coverage_curve(np.array([[0.9, 0.1], [0.4, 0.6]]), np.array([0, 0]))

    def texts(fig):
        ax = fig.axes[0]
        out = [fig._suptitle.get_text(), ax.get_xlabel()]
        plt.close(fig)
        return out

    assert texts(ins.plot_coverage(t, cov, acc)) == [
        '"I don\'t know": accuracy vs coverage', "confidence threshold"]  # fmt: skip
    with use_lang("ko"):  # no Hangul font configured: English, not empty boxes
        if messages.hangul_font() is None or messages.hangul_font() not in list(
            plt.rcParams["font.family"]
        ):
            assert texts(ins.plot_coverage(t, cov, acc))[1] == "confidence threshold"
        font = messages.hangul_font()
        if font is None:
            pytest.skip("no Hangul font installed")
        with plt.rc_context({"font.family": ["DejaVu Sans", font]}):
            title, xlabel = texts(ins.plot_coverage(t, cov, acc))
    assert HANGUL.search(title) and xlabel == "확신도 문턱값"


def test_plot_default_titles_follow_the_language():
    plt = pytest.importorskip("matplotlib.pyplot")
    from mitbadak.plot import plot_confusion_matrix

    fig = plot_confusion_matrix([[2, 1], [0, 3]])
    assert fig.axes[0].get_title() == "confusion matrix" and fig.axes[0].get_xlabel() == "predicted"
    plt.close(fig)
    fig = plot_confusion_matrix([[2, 1], [0, 3]], title=None)
    assert fig.axes[0].get_title() == ""
    plt.close(fig)
    font = messages.hangul_font()
    if font is None:
        pytest.skip("no Hangul font installed")
    with use_lang("ko"), plt.rc_context({"font.family": ["DejaVu Sans", font]}):
        fig = plot_confusion_matrix([[2, 1], [0, 3]])
    assert fig.axes[0].get_title() == "혼동 행렬" and fig.axes[0].get_ylabel() == "정답"
    plt.close(fig)


# ------------------------------------------------------------------------------ warnings
def _frozen_fit():
    m = mb.Sequential([Dense(2)])
    m.build((1, 3))
    m.layers[0].trainable = False
    m.compile("sgd", "mse")
    m.fit(np.ones((4, 3), "float32"), np.zeros((4, 2), "float32"), verbose=0)


def _fit_with(callback):
    m = mb.Sequential([Dense(2)])
    m.compile("sgd", "mse")
    m.fit(np.ones((4, 3), "float32"), np.zeros((4, 2), "float32"), epochs=1, verbose=0,
          callbacks=[callback])  # fmt: skip


def _ran_out():
    m = mb.Sequential([Dense(2)])
    m.compile("sgd", "mse")
    x, y = np.ones((4, 3), "float32"), np.zeros((4, 2), "float32")
    m.fit(iter([(x, y)]), epochs=3, verbose=0)


_X = np.random.default_rng(0).normal(size=(40, 3))
_Y = (_X[:, 0] > 0).astype(int)

WARNINGS = [  # (what triggers it, its category, a piece of today's English text)
    (_frozen_fit, UserWarning, "has no trainable weights"),
    (lambda: KMeans(2, init=_X[:2], n_init=3).fit(_X), RuntimeWarning, "n_init=3 is ignored"),
    (
        lambda: KMeans(2, n_init=1).fit(np.zeros((6, 2))),
        ConvergenceWarning,
        "found only 1 distinct",
    ),
    (lambda: LinearRegression().fit(_X, _X[:, :1]), DataConversionWarning, "column-vector y"),
    (lambda: LogisticRegression(max_iter=1).fit(_X, _Y), ConvergenceWarning, "Newton-CG did not"),
    (
        lambda: LogisticRegression(penalty="l1", max_iter=1).fit(_X, _Y),
        ConvergenceWarning,
        "FISTA did not converge",
    ),  # fmt: skip
    (
        lambda: LinearSVC(max_iter=1).fit(_X * 100, _Y),
        ConvergenceWarning,
        "the dual solver did not",
    ),
    (
        lambda: LinearRegression(solver="gd", max_iter=1).fit(_X, _X[:, 0]),
        ConvergenceWarning,
        "did not converge in 1 epochs",
    ),  # fmt: skip
    (
        lambda: Lasso(alpha=1e-4, max_iter=1).fit(_X, _X @ [1.0, 2, 3]),
        ConvergenceWarning,
        "coordinate descent did not converge",
    ),  # fmt: skip
    (_ran_out, UserWarning, "ran out of data"),
    (lambda: _fit_with(EarlyStopping(monitor="nope")), UserWarning, "nothing is monitored"),
    (lambda: _fit_with(ReduceLROnPlateau(monitor="nope")), UserWarning, "'nope' is not in"),
]


@pytest.mark.parametrize("trigger, category, english", WARNINGS)
def test_warnings_speak_the_language_in_use_and_keep_their_category(trigger, category, english):
    with use_lang("en"), pytest.warns(category, match=re.escape(english)) as en:
        trigger()
    assert not any(HANGUL.search(str(w.message)) for w in en)
    with use_lang("ko"), pytest.warns(category) as ko:
        trigger()
    texts = [str(w.message) for w in ko if issubclass(w.category, category)]
    assert texts and all(HANGUL.search(t) for t in texts), texts
    assert not any(english in t for t in texts)


def test_model_checkpoint_warning_in_korean(tmp_path):
    with use_lang("ko"), pytest.warns(UserWarning, match="로그에 'nope'") as got:
        _fit_with(ModelCheckpoint(str(tmp_path / "m.npz"), monitor="nope", save_best_only=True))
    assert any("ModelCheckpoint" in str(w.message) for w in got)


def _from_the_table(node: ast.AST) -> bool:
    """A warning's text: ``message(key, ...)``, a name holding one, or a call (a warning
    class) given such a text; never a literal or an f-string."""
    if isinstance(node, ast.JoinedStr) or isinstance(node, ast.Constant):
        return False
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        return name == "message" or (bool(node.args) and all(map(_from_the_table, node.args)))
    return True


def test_no_warning_text_is_written_in_the_code():
    """Every ``warnings.warn(...)`` in mitbadak takes its text from the message table: its
    message is neither a literal nor a call (a warning class) given a literal."""
    found = 0
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "warn" or not isinstance(node.func.value, ast.Name):
                continue
            if node.func.value.id != "warnings" or not node.args:
                continue
            found += 1
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            assert _from_the_table(node.args[0]), where
    assert found >= 13


def test_every_report_and_warning_key_the_code_asks_for_is_in_the_table():
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(
            r"\b(?:message|t|_t|figure_text)\(\s*\"((?:report|warning)\.[a-z0-9_.]+)\"", text))  # fmt: skip
    dynamic = {k for k in used if k.endswith(".")}  # f"report.kind.{kind}" prefixes
    for key in used - dynamic:
        assert key in messages.MESSAGES, key
    for kind in ("weights", "gradients", "activations"):
        assert f"report.kind.{kind}" in messages.MESSAGES
    for kind in ("noise", "rotation", "shift"):
        assert f"report.robust.{kind}" in messages.MESSAGES
        assert f"report.unit.{kind}" in messages.MESSAGES
    assert len(used) > 60

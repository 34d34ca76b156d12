"""The English/Korean message table (issue 19): both languages for every message, the same
placeholders in both, every key the code asks for exists, and the Korean output really is Korean."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import mitbadak
from mitbadak import messages
from mitbadak.cli import main
from mitbadak.doctor import Doctor
from mitbadak.errors import ConfigError
from mitbadak.experiments import LESSONS, get_lesson, run_all

SRC = Path(mitbadak.__file__).parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def hangul_share(markdown: str) -> float:
    """Hangul syllables / (Hangul syllables + Latin letters) in the prose of a Markdown text:
    code spans, fenced code, image paths and table separators left out."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    h, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
    return h / max(h + latin, 1)


def test_every_message_has_english_and_korean_with_the_same_placeholders() -> None:
    assert messages.LANGUAGES == ("en", "ko")
    for key, texts in messages.MESSAGES.items():
        assert set(texts) == set(messages.LANGUAGES), key
        assert texts["en"].strip() and texts["ko"].strip(), key
        assert _fields(texts["en"]) == _fields(texts["ko"]), key
        if LATIN.search(texts["en"]):  # words, not punctuation only
            assert HANGUL.search(texts["ko"]), f"{key}: the Korean text has no Hangul"
        assert not HANGUL.search(texts["en"]), f"{key}: the English text has Hangul"


def test_every_key_the_code_uses_is_in_the_table() -> None:
    used = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bmessage\(\s*[\"']([a-z0-9_.-]+)[\"']", text))
        used |= set(re.findall(r"\bkey=\s*\"([a-z0-9_.-]+)\"", text))  # MitbadakError(key=...)
        if path.parent.name == "experiments":  # lesson.t("key") -> lesson.<NAME>.key
            name = re.search(r'^NAME = "([a-z0-9-]+)"', text, re.M)
            for k in re.findall(r"\blesson\.(?:t|fig_t)\(\s*\"([a-z0-9_]+)\"", text):
                assert name, path
                used.add(f"lesson.{name.group(1)}.{k}")
    assert len(used) > 30
    missing = sorted(k for k in used if "{" not in k and k not in messages.MESSAGES)
    assert not missing
    for name in LESSONS:  # every lesson's title and claim come from the table, in both languages
        for part in ("title", "claim"):
            assert f"lesson.{name}.{part}" in messages.MESSAGES
        assert get_lesson(name).TITLE == messages.message(f"lesson.{name}.title", "en")


def test_the_language_comes_from_the_argument_then_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    assert messages.current_lang() == "en"
    monkeypatch.setenv("MITBADAK_LANG", "ko_KR.UTF-8")
    assert messages.current_lang() == "ko"
    assert messages.current_lang("en") == "en"
    with messages.use_lang("en"):
        assert messages.message("lesson.claim_label") == "Claim."
    monkeypatch.setenv("MITBADAK_LANG", "fr")
    with pytest.raises(ConfigError, match="MITBADAK_LANG"):
        messages.current_lang()
    with pytest.raises(ConfigError, match="no message"):
        messages.message("no.such.key", "en")


def test_doctor_speaks_korean(monkeypatch) -> None:
    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    assert Doctor(verbose=0, lang="ko").summary() == "닥터: 문제를 찾지 못했습니다"
    assert Doctor(verbose=0).summary() == "doctor: no problems found"
    monkeypatch.setenv("MITBADAK_LANG", "ko")
    assert Doctor(verbose=0, lang=None).lang == "ko"
    with pytest.raises(ConfigError, match="lang"):
        Doctor(verbose=0, lang="fr")


def test_cli_error_lines_follow_mitbadak_lang(monkeypatch, capsys, tmp_path) -> None:
    monkeypatch.setenv("MITBADAK_LANG", "ko")
    assert main(["summary", str(tmp_path / "none.npz")]) == 1
    assert capsys.readouterr().err.startswith("mitbadak: 오류: ")
    monkeypatch.setenv("MITBADAK_LANG", "en")
    assert main(["summary", str(tmp_path / "none.npz")]) == 1
    assert capsys.readouterr().err.startswith("mitbadak: error: ")


def test_korean_lesson_report_is_korean(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    out = tmp_path / "ko"
    assert main(["lesson", "perceptron-xor", "--quick", "--lang", "ko", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "주장:" in printed and "저장함:" in printed
    md = (out / "perceptron-xor" / "README.md").read_text(encoding="utf-8")
    assert md.startswith("## 퍼셉트론과 XOR\n\n**주장.**")
    assert hangul_share(md) > 0.6, md
    results, index = run_all(tmp_path / "all", quick=True, names=["perceptron-xor"], lang="ko")
    page = index.read_text(encoding="utf-8")
    assert '<html lang="ko">' in page and "<title>mitbadak 수업</title>" in page
    prose = re.sub(r"<[^>]+>", " ", re.sub(r'src="data:[^"]*"', "", page.split("<body>")[1]))
    assert hangul_share(prose) > 0.6
    assert results[0].numbers["mlp_accuracy"] == 1.0  # the same lesson, the same numbers
    # and the English run of the same lesson is English
    en = (run_all(tmp_path / "en", quick=True, names=["perceptron-xor"], lang="en")[0][0]).markdown
    assert hangul_share(en) == 0.0 and en.startswith("## The perceptron and XOR")


def test_train_progress_lines_in_korean(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    path = tmp_path / "m.npz"
    assert main(["train", "--epochs", "1", "--lang", "ko", "--doctor", "--out", str(path)]) == 0
    out = capsys.readouterr().out
    assert "에폭   1/1  손실" in out and "테스트 정확도" in out and "닥터" in out


def test_doctor_findings_in_korean_match_the_english_ones(monkeypatch) -> None:
    import numpy as np

    from mitbadak.data import load_digits
    from mitbadak.layers import Dense
    from mitbadak.losses import MeanSquaredError
    from mitbadak.model import Sequential
    from mitbadak.optimizers import SGD
    from mitbadak.random import set_seed

    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    ds = load_digits()
    x, y = ds.data[:300].astype(np.float32), ds.target[:300]  # unscaled pixels 0..16
    onehot = np.eye(10, dtype=np.float32)[y]
    found = {}
    for lang in ("en", "ko"):
        set_seed(0)
        model = Sequential([Dense(32, activation="relu"), Dense(10, activation="softmax")])
        model.compile(SGD(learning_rate=5.0), MeanSquaredError())  # softmax + MSE, a large rate
        doctor = Doctor(verbose=0, lang=lang)
        model.fit(x, onehot, epochs=3, batch_size=32, verbose=0, callbacks=[doctor])
        found[lang] = doctor.findings
    assert [f.code for f in found["en"]] == [f.code for f in found["ko"]]
    assert "loss_mismatch" in [f.code for f in found["ko"]]
    for f_en, f_ko in zip(found["en"], found["ko"]):
        assert not HANGUL.search(f_en.message + f_en.fix)
        assert hangul_share(f_ko.message + " " + f_ko.fix) > 0.4, (f_ko.message, f_ko.fix)
        assert f_en.values == f_ko.values


def test_an_error_raised_by_key_speaks_the_language_in_use_and_keeps_its_key() -> None:
    import pickle

    from mitbadak.errors import MitbadakError

    values = {"lang": "xx", "source": "lang", "expected": ("en", "ko")}
    with messages.use_lang("ko"):
        e = ConfigError(key="error.lang", **values)
    assert HANGUL.search(str(e)) and e.key == "error.lang" and e.values == values
    assert e.text("en") == messages.message("error.lang", "en", **values)
    assert e.text("ko") == str(e)
    assert str(ConfigError(key="error.lang", in_lang="en", **values)) == e.text("en")
    back = pickle.loads(pickle.dumps(e))  # errors cross processes (DataLoader workers, dask)
    assert type(back) is ConfigError and str(back) == str(e) and back.text("en") == e.text("en")
    plain = MitbadakError("plain words")
    assert plain.key is None and plain.text("ko") == "plain words"

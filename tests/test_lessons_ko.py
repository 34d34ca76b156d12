"""Korean lessons (issue 19): in a Korean quick lesson every piece of prose a learner reads is
Korean - paragraphs, table headers *and* row labels, figure titles, axis labels, legends and
captions - while names stay as learners see them in their notes (SGD, Adam, ReLU, x0, `Dense`).

Each lesson runs twice, in English and in Korean: the two runs write the same tables and draw
the same figures, so their texts can be compared one by one. Wherever the English text has an
English word that is prose (not a name), the Korean one must have Hangul.
"""

from __future__ import annotations

import re

import pytest

from mitbadak import messages
from mitbadak.experiments import run_lesson
from mitbadak.experiments.report import write_report

pytest.importorskip("matplotlib", reason="figures need matplotlib (pip install mitbadak[plot])")

# Quick and rich in tables and figures: row labels (rates, schedules, models, initializations),
# legends (rates, schedules, unit balls, coefficients) and per-panel titles.
NAMES_OF_LESSONS = ("learning-rate", "l1-vs-l2", "weight-init")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Names that stay in Latin letters in Korean too (activations, optimizers, initializations).
NAMES = {"sigmoid", "tanh", "relu", "adam", "momentum", "nesterov", "xavier", "alpha"}


def prose_words(text: str) -> list[str]:
    """The English prose words of ``text``: all-lowercase or Capitalized words of 3 letters or
    more that are not names; acronyms and CamelCase (SGD, LSTM, ReduceLROnPlateau), symbols with
    digits or underscores (x0, w1, leaky_relu) and code spans are names.

    Example:
        >>> prose_words("too small (lr 0.001)"), prose_words("ReduceLROnPlateau (x0.5)")
        (['too', 'small'], [])
    """
    text = re.sub(r"`[^`]*`", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)
    return [
        w
        for w in words
        if w.isalpha() and len(w) >= 3 and (w.islower() or w[1:].islower())
        if w.lower() not in NAMES
    ]


def hangul_share(text: str) -> float:
    h, latin = len(HANGUL.findall(text)), len(re.findall(r"[A-Za-z]", text))
    return h / max(h + latin, 1)


def tables(markdown: str) -> list[list[list[str]]]:
    """The Markdown tables of a lesson: rows of cells, the header row first."""
    out: list[list[list[str]]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|") and not re.match(r"^\|(-{3}\|)+$", line):
            if not previous.startswith("|"):
                out.append([])
            out[-1].append([c.strip() for c in line.strip().strip("|").split("|")])
        previous = line
    return out


def paragraphs(markdown: str) -> list[str]:
    """The prose blocks: no headings' markup, tables, code blocks or images."""
    text = re.sub(r"```.*?```", "", markdown, flags=re.S)
    blocks = [b.strip() for b in text.split("\n\n")]
    return [b for b in blocks if b and not b.startswith(("|", "!["))]


def not_korean(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (English, Korean) pairs whose English has prose words and whose Korean no Hangul."""
    return [(en, ko) for en, ko in pairs if prose_words(en) and not HANGUL.search(ko)]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("lessons-ko")
    return {
        (name, lang): run_lesson(name, out / lang, quick=True, lang=lang)
        for name in NAMES_OF_LESSONS
        for lang in ("en", "ko")
    }


def test_the_prose_test_tells_words_from_names() -> None:
    assert prose_words("exponential decay (x0.8 per epoch)") == ["exponential", "decay", "per",
                                                                 "epoch"]  # fmt: skip
    assert prose_words("sigmoid, std 1") == ["std"]
    assert prose_words("SGD, Momentum, AdaGrad, x0, w1, lr, `Dense(10)`, leaky_relu") == []
    assert not_korean([("too small", "too small"), ("SGD", "SGD"), ("good", "적당함")]) == [
        ("too small", "too small")
    ]


@pytest.mark.parametrize("name", NAMES_OF_LESSONS)
def test_every_table_cell_with_words_is_korean(runs, name: str) -> None:
    en, ko = runs[(name, "en")], runs[(name, "ko")]
    t_en, t_ko = tables(en.markdown), tables(ko.markdown)
    assert t_en and [len(t) for t in t_en] == [len(t) for t in t_ko]
    pairs = []
    for a, b in zip(t_en, t_ko):
        for row_en, row_ko in zip(a, b):
            assert len(row_en) == len(row_ko)
            pairs += list(zip(row_en, row_ko))  # headers, row labels and every other cell
    assert not not_korean(pairs)
    assert any(prose_words(c) for t in t_en for row in t[1:] for c in row)  # not headers only


@pytest.mark.parametrize("name", NAMES_OF_LESSONS)
def test_figure_titles_labels_and_legends_are_korean(runs, name: str) -> None:
    en, ko = runs[(name, "en")], runs[(name, "ko")]
    assert en.figure_texts and list(en.figure_texts) == list(ko.figure_texts)
    if messages.hangul_font() is None:  # no font draws Hangul: English figures, and a note
        assert ko.figure_texts == en.figure_texts
        assert messages.message("lesson.font_note", "ko") in ko.markdown
        return
    for png, texts_en in en.figure_texts.items():
        texts_ko = ko.figure_texts[png]
        assert len(texts_en) == len(texts_ko), png
        assert not not_korean(list(zip(texts_en, texts_ko))), png
    assert messages.message("lesson.font_note", "ko") not in ko.markdown


@pytest.mark.parametrize("name", NAMES_OF_LESSONS)
def test_paragraphs_and_captions_are_korean(runs, name: str) -> None:
    en, ko = runs[(name, "en")], runs[(name, "ko")]
    captions = [re.findall(r"!\[([^\]]*)\]", r.markdown) for r in (en, ko)]
    assert captions[0] and not not_korean(list(zip(*captions)))
    for block in paragraphs(ko.markdown):
        assert hangul_share(re.sub(r"`[^`]*`", " ", block)) > 0.5, block
    assert en.numbers.keys() == ko.numbers.keys()  # the same lesson: only the words differ


def test_the_korean_report_speaks_korean_in_its_table_of_contents(runs, tmp_path) -> None:
    results = [runs[(name, "ko")] for name in NAMES_OF_LESSONS]
    with messages.use_lang("ko"):
        page = write_report(results, tmp_path, quick=True).read_text(encoding="utf-8")
    toc = page.split("<nav>")[1].split("</nav>")[0]
    assert "초)</small>" in toc and " s)" not in toc
    titles = [(runs[(name, "en")].title, runs[(name, "ko")].title) for name in NAMES_OF_LESSONS]
    assert not not_korean(titles)

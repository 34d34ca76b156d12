"""Errors in Korean (issue 19, item 2), part 1: the command line, files, data and option checks.

Every error a learner can get from the command line, from a file or from data is written from
the message table (``MitbadakError(key=...)``): Korean under ``--lang ko`` / ``MITBADAK_LANG=ko``
(argparse's own usage errors included), today's English otherwise. The scan at the end keeps
literal error texts out of the modules converted here.
"""

from __future__ import annotations

import ast
import errno
import os
import re
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import io, registry, safetensors, validate, zoo
from mitbadak.cli import main
from mitbadak.data import DataLoader, augment, mnist, scalers, train_test_split
from mitbadak.errors import MitbadakError
from mitbadak.experiments import get_lesson
from mitbadak.keras import utils as keras_utils
from mitbadak.messages import MESSAGES, Phrase, message, use_lang

SRC = Path(mb.__file__).parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# English prose that must not be left in a Korean error line (names, paths and values may be)
ENGLISH_PROSE = re.compile(
    r"\b(must|expected|got|error|unknown|invalid|give|see|not a|no such|choose from|argument|"
    r"required|is a directory|the model|file not found|could not)\b",
    re.IGNORECASE,
)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    return tmp_path


def korean_error(capsys, rc: int, code: int) -> str:
    """The stderr of a command that failed with ``code``: its error line is Korean prose."""
    err = capsys.readouterr().err.strip()
    assert rc == code, err
    first = next((line for line in err.splitlines() if "오류: " in line), "")
    assert first and "error:" not in err, err
    assert HANGUL.search(first.split("오류: ", 1)[1]), err
    assert not ENGLISH_PROSE.search(first.split("오류: ", 1)[1]), err
    assert "Traceback" not in err
    return err


def english_error(capsys, rc: int, code: int) -> str:
    err = capsys.readouterr().err.strip()
    assert rc == code, err
    assert not HANGUL.search(err), err
    return err


# ------------------------------------------------------------------- the command line
def test_a_bad_option_is_reported_in_korean_and_in_english(in_tmp, capsys) -> None:
    err = korean_error(capsys, main(["train", "--epochs", "0", "--lang", "ko"]), 2)
    assert err == (
        "mitbadak train: 오류: --epochs 인수: 양의 정수여야 합니다. 받은 값: '0' "
        "('mitbadak train --help'로 사용법을 확인해 보세요)"
    )
    err = english_error(capsys, main(["train", "--epochs", "0"]), 2)
    assert err == (
        "mitbadak train: error: argument --epochs: expected a positive integer, got '0' "
        "(see 'mitbadak train --help')"
    )
    for argv in (
        ["train", "--optimizer", "lbfgs"],  # argparse: invalid choice
        ["train", "--bogus"],  # argparse: unrecognized arguments
        ["train", "--epochs"],  # argparse: expected one argument
        ["frobnicate"],  # argparse: the sub-command is a choice too
        ["train", "--seed", "-1"],  # validate.integer, through the option's type
        ["train", "--lr-schedule", "warp"],
        ["train", "--lr-schedule", "step:gamma"],
        ["train", "--dropout", "1.5"],
        ["train", "--hidden", ","],
        ["playground", "--port", "x"],  # argparse: invalid int value
        ["evaluate"],  # mitbadak's own usage errors
        ["predict", "m.npz"],
    ):
        korean_error(capsys, main([*argv, "--lang", "ko"]), 2)
        english_error(capsys, main(argv), 2)


def test_errors_of_commands_are_korean(in_tmp, capsys) -> None:
    cases = [
        (["summary", "no_such.npz"], "no_such.npz: 파일이 없습니다"),
        (["lesson", "nope"], "알 수 없는 수업 'nope'입니다"),
        (["evaluate", "no_such.npz"], "파일이 없습니다"),
        (["predict", "--model", "nope", "x.png"], "알 수 없는 모델 'nope'"),
        (["playground", "--port", "70000"], "0부터 65535 사이의 숫자여야 합니다"),
    ]
    Path("a_folder").mkdir()
    cases.append((["train", "--out", "a_folder"], "폴더입니다"))
    np.save("array.npy", np.zeros(3))
    cases.append((["summary", "array.npy"], "mitbadak 파일이 아닙니다"))
    for argv, words in cases:
        err = korean_error(capsys, main([*argv, "--lang", "ko"]), 1)
        assert err.startswith("mitbadak: 오류: ") and words in err, err
        english_error(capsys, main(argv), 1)
    assert english_error(capsys, main(["summary", "no_such.npz"]), 1) == (
        "mitbadak: error: no_such.npz: no such file"
    )


def test_a_corrupt_model_file_is_reported_in_korean(in_tmp, capsys) -> None:
    model = mb.Sequential([mb.layers.Dense(64)])
    model(np.ones((1, 32), np.float32))
    io.save_model(model, "model.npz")
    data = bytearray(Path("model.npz").read_bytes())
    Path("short.npz").write_bytes(data[: len(data) // 2])
    mid = len(data) // 2  # inside the 32x64 kernel: its CRC no longer matches
    data[mid : mid + 64] = bytes(64)
    Path("crc.npz").write_bytes(data)
    err = korean_error(capsys, main(["summary", "short.npz", "--lang", "ko"]), 1)
    assert err == "mitbadak: 오류: short.npz: mitbadak 파일이 아닙니다(.npz 압축 파일이 아닙니다)"
    err = korean_error(capsys, main(["summary", "crc.npz", "--lang", "ko"]), 1)
    assert "crc.npz: 읽을 수 있는 mitbadak 파일이 아닙니다(" in err
    err = english_error(capsys, main(["summary", "crc.npz"]), 1)
    assert err.startswith("mitbadak: error: crc.npz: not a readable mitbadak file (")


def test_a_data_folder_without_the_files_is_reported_in_korean(in_tmp, capsys, monkeypatch) -> None:
    def offline(*args, **kwargs):
        raise OSError("offline (test)")

    monkeypatch.setattr(mnist, "urlopen", offline)  # no download from a test
    monkeypatch.setenv("MITBADAK_DATA", str(in_tmp / "empty"))
    monkeypatch.setenv("MITBADAK_CACHE", str(in_tmp / "cache"))
    (in_tmp / "empty").mkdir()
    err = korean_error(capsys, main(["train", "--dataset", "mnist", "--lang", "ko"]), 1)
    assert (
        "IDX 파일 네 개" in err and "찾아본 곳:" in err and "다음 가운데 한 가지를 해 보세요" in err
    )
    assert "내려받지 못했습니다" in err and "offline (test)" in err
    err = english_error(capsys, main(["train", "--dataset", "mnist"]), 1)
    assert "could not find the four IDX files" in err and "Looked in:" in err


def test_mitbadak_lang_without_the_flag(in_tmp, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MITBADAK_LANG", "ko")
    korean_error(capsys, main(["train", "--epochs", "0"]), 2)
    korean_error(capsys, main(["summary", "no_such.npz"]), 1)
    korean_error(capsys, main(["lesson", "nope"]), 1)
    english_error(capsys, main(["summary", "no_such.npz", "--lang", "en"]), 1)  # the flag wins
    monkeypatch.setenv("MITBADAK_LANG", "fr")  # a bad language is itself reported, in English
    err = english_error(capsys, main(["summary", "no_such.npz"]), 1)
    assert "unknown language 'fr' (from MITBADAK_LANG)" in err


def test_os_errors_are_korean_where_the_table_knows_them(in_tmp, capsys) -> None:
    (in_tmp / "a_file").write_text("not a folder")
    out = str(in_tmp / "a_file" / "m.npz")  # the model cannot be written under a file
    argv = ["train", "--epochs", "1", "--quiet", "--out", out]
    err = korean_error(capsys, main([*argv, "--lang", "ko"]), 1)
    assert err == f"mitbadak: 오류: 경로 {in_tmp / 'a_file'}: 파일이 이미 있습니다", err
    err = english_error(capsys, main(argv), 1)  # the system's own words
    assert err == f"mitbadak: error: {os.strerror(errno.EEXIST)}: {in_tmp / 'a_file'}", err


# ------------------------------------------------------------- the errors themselves
def _raise(fn):
    with pytest.raises(MitbadakError) as info:
        fn()
    return info.value


REPRESENTATIVE = [
    # (raise it, a name the message must show, today's English text)
    (
        lambda: validate.integer(2.5, "units", "Dense", min=1),
        "units",
        "Dense: units must be a whole number >= 1, got 2.5",
    ),
    (
        lambda: validate.number("a", "rate", "Dropout", min=0, max=1, max_open=True, none=True),
        "rate",
        "Dropout: rate must be a finite number in [0, 1) or None, got 'a' (str)",
    ),
    (
        lambda: validate.returned(-1, "schedule", "LearningRateScheduler", "number", min=0),
        "schedule",
        "LearningRateScheduler: the value returned by schedule must be a finite number >= 0, "
        "got -1",
    ),
    (
        lambda: validate.array(np.zeros((2, 3)), "x", "fit", shape=(None, 4)),
        "x",
        "fit: x must have shape (any, 4), got (2, 3)",
    ),
    (
        lambda: validate.array(np.zeros(3), "x", "fit", ndim=(2, 3)),
        "x",
        "fit: x must have 2 or 3 dimensions, got shape (3,)",
    ),
    (
        lambda: validate.array(np.zeros(2), "y", "fit", length=3),
        "y",
        "fit: y must have 3 rows (one per sample), got 2 rows",
    ),
    (
        lambda: validate.one_of("max", "reduction", "mse", ("mean", "sum")),
        "reduction",
        "mse: reduction must be one of 'mean', 'sum'; got 'max' (str)",
    ),
    (
        lambda: registry.get("optimizers", "lbfgs"),
        "lbfgs",
        "unknown optimizer 'lbfgs'; expected one of ['adagrad', 'adam', 'adamw', 'rmsprop', "
        "'sgd'] (register your own with mitbadak.registry.register_serializable('optimizers'))",
    ),
    (lambda: io.load_model("none.npz"), "none.npz", "none.npz: no such file"),
    (
        lambda: safetensors.load_file(Path("tiny.safetensors")),
        "tiny.safetensors",
        "tiny.safetensors: not a valid safetensors file (only 3 bytes, shorter than the 8-byte "
        "header size)",
    ),
    (
        lambda: train_test_split(np.zeros(3), np.zeros(4)),
        "train_test_split",
        "train_test_split: arrays have different lengths (4 vs 3)",
    ),
    (
        lambda: DataLoader(np.zeros(3), np.zeros(4)),
        "DataLoader",
        "DataLoader: x has 3 samples but y has 4",
    ),
    (
        lambda: scalers.StandardScaler().fit(np.zeros(3)),
        "StandardScaler.fit",
        "StandardScaler.fit: expected a 2-D array (n_samples, n_features), got shape (3,) "
        "(use X.reshape(-1, 1) for a single feature)",
    ),
    (
        lambda: augment.from_spec("bogus=1"),
        "bogus",
        "from_spec: unknown augmentation 'bogus' in 'bogus=1'; known: ('shift', 'rotate', "
        "'zoom', 'flip', 'noise', 'erase', 'normalize')",
    ),
    (
        lambda: zoo.build_mlp(hidden=[0]),
        "build_mlp",
        "build_mlp: hidden width must be a whole number >= 1, got 0",
    ),
    (
        lambda: mnist.read_idx("none.gz"),
        "none.gz",
        "none.gz: file not found",
    ),
    (
        lambda: keras_utils.to_categorical([5], num_classes=3),
        "num_classes",
        "to_categorical: label 5 >= num_classes=3",
    ),
    (
        lambda: get_lesson("nope"),
        "nope",
        None,
    ),
    (
        lambda: message("no.such.key"),
        "no.such.key",
        "message: no message 'no.such.key'",
    ),
]


def test_errors_are_korean_under_ko_and_unchanged_in_english(in_tmp) -> None:
    Path("tiny.safetensors").write_bytes(b"abc")
    for fn, name, english in REPRESENTATIVE:
        with use_lang("ko"):
            e = _raise(fn)
        text = str(e)
        assert HANGUL.search(text) and name in text, text
        assert not ENGLISH_PROSE.search(text.replace(name, "")), text
        assert e.key and e.key in MESSAGES
        with use_lang("en"):
            again = _raise(fn)
        assert e.text("en") == str(again) == again.text("en")
        assert again.text("ko") == text
        if english is not None:
            assert e.text("en") == english


def test_phrases_take_the_language_of_the_message_they_are_in() -> None:
    want = Phrase("error.validate.interval", what=Phrase("error.validate.whole"), interval="[1, 4]")
    values = {"who": "Dense", "name": "units", "want": want, "got": "0"}
    assert message("error.validate.must_be", "en", **values) == (
        "Dense: units must be a whole number in [1, 4], got 0"
    )
    assert message("error.validate.must_be", "ko", **values) == (
        "Dense: units은(는) [1, 4] 범위의 정수이어야 합니다. 받은 값: 0"
    )
    with use_lang("ko"):
        assert str(want) == "[1, 4] 범위의 정수"
    with pytest.raises(MitbadakError, match="no message"):
        Phrase("error.no_such_phrase")


# ------------------------------------------------- no literal error texts left in them
CONVERTED = [
    "validate.py", "cli.py", "io.py", "registry.py", "zoo.py", "safetensors.py", "doctor.py",
    "messages.py", "experiments/__init__.py", "keras/config.py", "keras/models.py",
    "keras/utils.py", "keras/missing.py", "data/*.py", "export/*.py",
]  # fmt: skip
# errors that stay literal: programming errors and Python's own protocols, not user input
ALLOWED = {
    ("validate.py", "ValueError"): "returned() called with an unknown kind: a bug in mitbadak",
    ("data/__init__.py", "AttributeError"): "a module __getattr__ must raise AttributeError",
}


def _is_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_literal(node.left) or _is_literal(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and _is_literal(node.func.value)
    return False


def _error_name(call: ast.Call) -> str:
    fn = call.func
    name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
    return name if name.endswith(("Error", "Exception", "NotImplemented")) else ""


def test_no_literal_error_text_is_left_in_the_converted_modules() -> None:
    files = sorted({p for pattern in CONVERTED for p in SRC.glob(pattern)})
    assert len(files) >= 25
    found, allowed_seen = [], set()
    for path in files:
        rel = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not _error_name(node):
                continue
            if any(_is_literal(a) for a in node.args):
                if (rel, _error_name(node)) in ALLOWED:
                    allowed_seen.add((rel, _error_name(node)))
                else:
                    found.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:90]}")
            if isinstance(node.func, ast.Attribute) and node.func.attr == "ArgumentTypeError":
                assert not any(_is_literal(a) for a in node.args), rel  # argparse's: message()
    assert not found, "\n".join(found)
    assert allowed_seen == set(ALLOWED)  # the allow-list holds no stale entry


def test_the_scan_finds_a_literal_error() -> None:
    tree = ast.parse('raise ConfigError(f"{who}: bad")\nraise ConfigError(key="error.x", who=1)')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _error_name(n)]
    assert [any(_is_literal(a) for a in c.args) for c in calls] == [True, False]

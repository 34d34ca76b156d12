"""The ``mitbadak`` command under ``--lang ko`` / ``MITBADAK_LANG=ko`` (issue 19, item 2): the
normal output of every subcommand and the ``--help`` of the parser and of every subcommand are
Korean, from the message table; without the flag they are English, as before. (The lessons'
Korean output is checked in test_messages.py, the error lines in test_errors_ko_cli.py.)"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import re
from pathlib import Path

import numpy as np
import pytest

import mitbadak as mb
from mitbadak import cli
from mitbadak.cli import build_parser, main
from mitbadak.errors import ConfigError
from mitbadak.messages import columns, use_lang

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")

# Latin words a Korean line may hold: names (the program, data sets, layers, models, formats,
# options), never English prose.
NAMES = {
    "mitbadak", "digits", "MLP", "CNN", "Dense", "Flatten", "sequential", "dense", "flatten",
    "None", "ONNX", "opset", "sgd", "npz", "npy", "onnx", "png", "mlp", "playground", "http",
    "Ctrl-C", "digits-mlp", "html", "index", "train",
}  # fmt: skip


def english_words(text: str, *paths: Path | str) -> list[str]:
    """The Latin words of ``text`` that are not names, once ``paths`` are taken out."""
    for p in sorted(map(str, paths), key=len, reverse=True):
        text = text.replace(p, " ")
    return [w for w in WORD.findall(text) if w not in NAMES]


def assert_korean_lines(text: str, *paths: Path | str) -> None:
    lines = [line for line in text.splitlines() if line.strip(" _=")]
    assert lines, "no output"
    for line in lines:
        if "(None, " in line:  # a summary's row: layer name (type), shape, count
            continue
        assert HANGUL.search(line), line
        assert not english_words(line, *paths), (line, english_words(line, *paths))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A small model trained by ``mitbadak train --lang ko``, and what that printed."""
    folder = tmp_path_factory.mktemp("cli_ko")
    path = folder / "m.npz"
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("MITBADAK_LANG", raising=False)
        rc, out, err = run(["train", "--epochs", "2", "--hidden", "16", "--lang", "ko",
                            "--doctor", "--out", str(path)])  # fmt: skip
    assert rc == 0, err
    return folder, path, out


@pytest.fixture(autouse=True)
def _english_by_default(monkeypatch):
    monkeypatch.delenv("MITBADAK_LANG", raising=False)


def test_train_prints_korean(trained) -> None:
    folder, path, out = trained
    assert out.startswith("mitbadak ") and "digits 데이터로 학습합니다" in out
    assert "은닉층이 16인 MLP" in out and "파라미터" in out and "에폭   2/2" in out
    assert_korean_lines(out, path, mb.__version__)


def test_evaluate_predict_summary_in_korean(trained, monkeypatch) -> None:
    folder, path, _ = trained
    rc, out, err = run(["evaluate", str(path), "--lang", "ko"])
    assert rc == 0, err
    assert "digits 테스트 세트(이미지 360개): 손실 " in out and "정확도 " in out
    assert_korean_lines(out, path)

    ds = mb.data.load_digits()
    one, stack = folder / "one.npy", folder / "stack.npy"
    np.save(one, ds.images[0])
    np.save(stack, ds.images[:2])
    monkeypatch.setenv("MITBADAK_LANG", "ko")  # the environment variable, not the flag
    rc, out, err = run(["predict", str(path), str(one), str(stack)])
    assert rc == 0, err
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0].startswith(f"{one}: 클래스 0 (확률 ")
    assert lines[1].startswith(f"{stack}[0]: 클래스 0 (확률 ")
    assert_korean_lines(out, one, stack)

    rc, out, err = run(["summary", str(path)])
    assert rc == 0, err
    for words in ('모델: "sequential', "층 (종류)", "출력 모양", "파라미터 수",
                  "전체 파라미터: 1,210개", "학습되는 파라미터: 1,210개",
                  "학습되지 않는 파라미터: 0개", "저장할 때의 테스트 정확도: "):  # fmt: skip
        assert words in out, words
    assert_korean_lines(out, path)
    header = next(line for line in out.splitlines() if line.startswith("층 (종류)"))
    row = next(line for line in out.splitlines() if " (Dense) " in line)
    # the columns line up on a terminal, where a Hangul syllable is two columns wide
    assert columns(header.split("출력 모양")[0]) == row.index("(None")

    monkeypatch.delenv("MITBADAK_LANG")  # and in English, as before
    rc, out, _ = run(["summary", str(path)])
    assert "Layer (type)" in out and "Total params: 1,210" in out and not HANGUL.search(out)
    rc, out, _ = run(["predict", str(path), str(one)])
    assert out.startswith(f"{one}: class 0 (probability ")


def test_export_inspect_and_a_pretrained_model_in_korean(trained, monkeypatch) -> None:
    pytest.importorskip("onnx")
    folder, path, _ = trained
    onnx_file = folder / "m.onnx"
    rc, out, err = run(["export", str(path), str(onnx_file), "--lang", "ko"])
    assert rc == 0, err
    assert out.startswith(f"{onnx_file}에 저장했습니다: ONNX opset 17, 노드 ")
    assert_korean_lines(out, onnx_file)
    rc, out, _ = run(["export", str(path), str(onnx_file)])
    assert out.startswith(f"wrote {onnx_file}: ONNX opset 17, ")

    import mitbadak.htmlreport as htmlreport

    titles = []

    def page(model, x, y, out, **kwargs):  # the page itself is test_inspect.py's
        titles.append(kwargs["title"])
        return Path(out) / "index.html"

    monkeypatch.setattr(htmlreport, "write_inspection_report", page)
    rc, out, err = run(["inspect", str(path), "--samples", "20", "--out", str(folder / "i"),
                        "--lang", "ko"])  # fmt: skip
    assert rc == 0, err
    assert out.strip() == f"보고서를 {folder / 'i' / 'index.html'}에 저장했습니다"
    assert titles == [f"mitbadak inspect: digits 데이터로 살펴본 {path}"]

    rc, out, err = run(["evaluate", "--model", "digits-mlp", "--lang", "ko"])
    assert rc == 0, err
    assert out.startswith("digits-mlp, digits 테스트 세트(이미지 ") and "(배포 당시: " in out
    assert_korean_lines(out)


def test_playground_start_and_stop_lines_in_korean(monkeypatch) -> None:
    import mitbadak.playground.server as server

    class Server:  # stands for the HTTP server: Ctrl-C at once
        server_address = ("127.0.0.1", 8765)

        def serve_forever(self, poll_interval=0.5):
            raise KeyboardInterrupt

        def server_close(self):
            pass

    monkeypatch.setattr(server, "make_server", lambda port, host, verbose: Server())
    rc, out, err = run(["playground", "--no-browser", "--lang", "ko"])
    assert rc == 0
    assert (
        out.strip() == "mitbadak playground: http://127.0.0.1:8765/  (멈추려면 Ctrl-C를 누르세요)"
    )
    assert err.strip() == "mitbadak playground: 멈췄습니다"
    rc, out, err = run(["playground", "--no-browser"])
    assert out.strip() == "mitbadak playground: http://127.0.0.1:8765/  (Ctrl-C to stop)"
    assert err.strip() == "mitbadak playground: stopped"


def _parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **sub.choices}


def test_every_help_text_comes_from_the_table_in_korean() -> None:
    with use_lang("ko"):
        parsers = _parsers(build_parser())
    assert set(parsers) == {"", "train", "evaluate", "predict", "summary", "export", "lesson",
                            "inspect", "playground"}  # fmt: skip
    for name, parser in parsers.items():
        if parser.description:
            assert HANGUL.search(parser.description), name
        for action in parser._actions:
            if action.help not in (None, argparse.SUPPRESS):
                assert HANGUL.search(action.help), (name, action.option_strings, action.help)
    with use_lang("en"):
        parsers = _parsers(build_parser())
    for name, parser in parsers.items():
        for action in parser._actions:
            assert not HANGUL.search(action.help or ""), (name, action.help)


@pytest.mark.parametrize("command", ["", "train", "evaluate", "predict", "summary", "export",
                                     "lesson", "inspect", "playground"])  # fmt: skip
def test_help_in_korean_with_the_flag_or_the_environment(command, monkeypatch) -> None:
    argv = [command, "--help"] if command else ["--help"]
    rc, out, _ = run(argv + ["--lang", "ko"])
    assert rc == 0
    assert out.startswith(f"사용법: mitbadak {command}".rstrip() + " ")
    assert "\n옵션:\n" in out and "이 도움말을 보여 주고 끝냅니다" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    if command not in ("train", "playground"):  # COMMAND, MODEL, IMAGE, NAME, ...
        assert "\n위치 인자:\n" in out
    if command == "train":
        assert "(기본값: 30)" in out and "(default:" not in out
    monkeypatch.setenv("MITBADAK_LANG", "ko")
    assert run(argv)[1] == out
    monkeypatch.delenv("MITBADAK_LANG")
    english = run(argv)[1]  # and without either, English, as argparse writes it
    assert english.startswith(f"usage: mitbadak {command}".rstrip() + " ")
    assert "\noptions:\n" in english and "show this help message and exit" in english
    assert not HANGUL.search(english)


def test_korean_help_lines_fit_the_terminal(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run(["train", "--help", "--lang", "ko"])[1]
    usage, body = out.split("\n\n", 1)
    assert max(columns(line) for line in body.splitlines()) <= 80
    lines = usage.splitlines()  # the usage's lines line up under the first option
    assert len(lines) > 1 and columns("사용법: mitbadak train ") == len(lines[1]) - len(
        lines[1].lstrip()
    )


def test_dropout_rate_is_named_in_either_language() -> None:
    from mitbadak.layers import Dropout

    with pytest.raises(ConfigError) as e:
        Dropout(1.5, name="drop")
    assert e.value.text("en") == "Dropout 'drop': rate must be a finite number in [0, 1), got 1.5"
    korean = e.value.text("ko")
    assert "rate" in korean and HANGUL.search(korean) and "fraction" not in korean


# What a print in cli.py may show other than message(...): each with the reason.
PRINT_ALLOWED = {
    "doctor.summary()": "the doctor's summary is itself the table's doctor.none message",
}


def test_every_print_in_cli_takes_its_text_from_the_table() -> None:
    tree = ast.parse(Path(cli.__file__).read_text(encoding="utf-8"))
    prints = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) == "print"]
    assert len(prints) > 10
    for call in prints:
        shown = ast.unparse(call.args[0]) if call.args else ""
        if shown in PRINT_ALLOWED:
            continue
        assert len(call.args) == 1, ast.unparse(call)
        inside = set()
        for node in ast.walk(call.args[0]):  # the arguments of message(...) are keys, values
            if isinstance(node, ast.Call) and _name(node.func) in ("message", "Phrase"):
                inside |= {id(n) for n in ast.walk(node) if n is not node}
        calls = [n for n in ast.walk(call.args[0])
                 if isinstance(n, ast.Call) and _name(n.func) == "message"]  # fmt: skip
        assert calls, f"line {call.lineno}: print({shown}) does not use message()"
        for node in ast.walk(call.args[0]):
            literal = isinstance(node, ast.JoinedStr) or (
                isinstance(node, ast.Constant) and isinstance(node.value, str)
            )
            assert not literal or id(node) in inside, f"line {call.lineno}: text {shown}"
    assert "say(" not in Path(cli.__file__).read_text(encoding="utf-8")


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")

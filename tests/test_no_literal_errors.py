"""Issue 19: the words of every error live in the message table (messages.py), never in the
code that raises it. Package-wide: a raise whose message is written out in the code (a string or
an f-string) is allowed only where Python itself dictates the wording, or for a programming
error of mitbadak's own; each such place is listed with its reason. A new module is covered
without being named (the per-area tests check the Korean texts themselves)."""

from __future__ import annotations

import ast
from pathlib import Path

import mitbadak

SRC = Path(mitbadak.__file__).parent

# (file, exception) -> why its text stays in the code
ALLOWED = {
    ("__init__.py", "AttributeError"): "module __getattr__ (PEP 562): Python's own wording",
    ("data/__init__.py", "AttributeError"): "module __getattr__ (PEP 562): Python's own wording",
    ("callbacks.py", "AttributeError"): "module and CallbackList __getattr__: Python's protocol",
    ("layers/base.py", "AttributeError"): "Layer.__getattr__: hasattr/getattr need Python's error",
    ("layers/conv_args.py", "ValueError"): "padding_of called without modes: a programming error",
    ("validate.py", "ValueError"): "returned() with an unknown kind: a programming error",
}


def literal_raises(tree: ast.AST) -> list[tuple[str, int]]:
    """(exception name, line) of each raise whose first argument is a written-out text."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        call = node.exc
        if any(k.arg == "key" for k in call.keywords) or not call.args:
            continue
        func = call.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "?")
        # an exception class given a text (helpers such as bad("too_small") pass table keys)
        if name.endswith(("Error", "Exception")) and isinstance(
            call.args[0], (ast.Constant, ast.JoinedStr)
        ):
            found.append((name, node.lineno))
    return found


def test_no_error_text_is_written_in_the_raising_code() -> None:
    bad, used = [], set()
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        for name, line in literal_raises(ast.parse(path.read_text(encoding="utf-8"))):
            if (rel, name) in ALLOWED:
                used.add((rel, name))
            else:
                bad.append(f"{rel}:{line}: raise {name}('...')")
    assert not bad, "error texts outside the message table:\n" + "\n".join(bad)
    assert used == set(ALLOWED), f"stale allow-list entries: {set(ALLOWED) - used}"


def test_the_scan_catches_a_written_out_text() -> None:
    tree = ast.parse(
        "def f(x):\n"
        "    raise ConfigError(f'bad {x}')\n"
        "def g():\n"
        "    raise ShapeError('bad')\n"
        "def h():\n"
        "    raise ConfigError(key='error.lang', lang='x', source='s', expected=())\n"
    )
    assert literal_raises(tree) == [("ConfigError", 2), ("ShapeError", 4)]

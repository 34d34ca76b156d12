"""Every docstring example of the package runs (issue 19): the documentation site shows them, so
each ``>>>`` session in every module is executed here.

The modules are found by walking the package with pkgutil, not from a hand-kept list, so a new
module is tested the day it is added. A module that needs an optional package which is not
installed is skipped with the package's name.
"""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil

import numpy as np
import pytest

import mitbadak
from mitbadak.tensor import Tensor

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(mitbadak.__path__, "mitbadak.")
    if not m.name.endswith("__main__")
)


def test_the_walk_finds_the_package() -> None:
    # the walk is real: it sees the subpackages and the modules added by every issue
    for name in ("mitbadak.tensor", "mitbadak.layers.core", "mitbadak.messages",
                 "mitbadak.experiments.perceptron_xor", "mitbadak.classic.kmeans"):  # fmt: skip
        assert name in MODULES
    assert len(MODULES) > 100


@pytest.mark.parametrize("name", ["mitbadak", *MODULES])
def test_docstring_examples_run(name: str, tmp_path, monkeypatch) -> None:
    try:
        module = importlib.import_module(name)
    except ImportError as e:  # an optional dependency (onnx, h5py, matplotlib...)
        pytest.skip(f"{name} needs an optional package: {e}")
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    monkeypatch.delenv("MITBADAK_LANG", raising=False)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {"np": np, "Tensor": Tensor, "mb": mitbadak}
    tests = finder.find(module, name, extraglobs=globs)  # the module's names, as testmod
    failures = []
    for test in tests:
        if test.filename and os.path.abspath(test.filename) != os.path.abspath(
            getattr(module, "__file__", test.filename) or test.filename
        ):
            continue  # re-exported from another module: tested there
        result = runner.run(test, out=failures.append, clear_globs=True)
        assert result is not None
    assert not failures, "".join(failures)

"""Issue 15 item 5: ``import mitbadak`` loads the engine, the layers and the model only; the
lessons, classic models, plotting, CLI, Keras layer, export, interop, playground, inspect and
doctor load the first time they are used, and stay reachable as attributes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LAZY = [
    "mitbadak.classic",
    "mitbadak.cli",
    "mitbadak.doctor",
    "mitbadak.experiments",
    "mitbadak.export",
    "mitbadak.inspect",
    "mitbadak.interop",
    "mitbadak.io",
    "mitbadak.keras",
    "mitbadak.playground",
    "mitbadak.plot",
    "mitbadak.safetensors",
    "mitbadak.data.mnist",
    "mitbadak.data.digits",
]
HEAVY_STDLIB = ["http.client", "email", "ssl", "gzip", "tempfile", "zipfile"]


def _run(code: str) -> dict:
    env = dict(os.environ)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_mitbadak_loads_no_lazy_module():
    loaded = _run(
        "import sys, json; import numpy; before = set(sys.modules)\n"
        "import mitbadak as mb; x = mb.Tensor([1.0]); m = mb.Sequential([mb.layers.Dense(2)])\n"
        f"print(json.dumps([n for n in {LAZY + HEAVY_STDLIB!r}\n"
        "    if n in sys.modules and n not in before]))"  # what NumPy loads is not ours
    )
    assert loaded == []


def test_lazy_modules_load_on_first_use():
    got = _run(
        "import sys, json; import mitbadak as mb\n"
        "before = 'mitbadak.classic' in sys.modules\n"
        "k = mb.classic.KMeans.__name__\n"
        "from mitbadak.callbacks import Doctor\n"
        "from mitbadak.data import load_digits, StandardScaler\n"
        "import mitbadak.keras\n"
        "print(json.dumps([before, k, Doctor.__module__, load_digits.__module__,\n"
        "    StandardScaler.__name__, 'mitbadak.keras' in sys.modules,\n"
        "    callable(mb.save_model), callable(mb.export.to_onnx), 'classic' in dir(mb)]))"
    )
    assert got == [
        False,
        "KMeans",
        "mitbadak.doctor",
        "mitbadak.data.digits",
        "StandardScaler",
        True,
        True,
        True,
        True,
    ]


def test_unknown_attribute_is_still_an_attribute_error():
    import pytest

    import mitbadak
    import mitbadak.data

    with pytest.raises(AttributeError, match="no_such_thing"):
        mitbadak.no_such_thing  # noqa: B018
    with pytest.raises(AttributeError, match="no_such_loader"):
        mitbadak.data.no_such_loader  # noqa: B018

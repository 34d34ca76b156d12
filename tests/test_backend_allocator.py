"""Issue 15 item 4: the glibc allocator tuning is an explicit setting, never a silent side
effect of ``fit``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import mitbadak.backend as backend
from mitbadak.errors import ConfigError

_PROBE = (
    "import json, numpy as np, mitbadak as mb, mitbadak.backend as b\n"
    "calls = []\n"
    "b._mallopt = lambda m, t: calls.append((m, t)) or True\n"
    "{setup}\n"
    "m = mb.Sequential([mb.layers.Dense(2)]); m.compile('sgd', 'mse')\n"
    "m.fit(np.zeros((4, 3), 'float32'), np.zeros((4, 2), 'float32'), epochs=1, verbose=0)\n"
    "print(json.dumps([b.allocator_tuning(), calls]))"
)


def _probe(setup: str = "", env: dict | None = None) -> list:
    import os

    full_env = {k: v for k, v in os.environ.items() if k != "MITBADAK_TUNE_MALLOC"}
    full_env.update(env or {})
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(setup=setup)],
        capture_output=True,
        text=True,
        env=full_env,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_fit_leaves_the_allocator_alone_by_default():
    assert backend.DEFAULT_ALLOCATOR_TUNING is False
    assert _probe() == [False, []]


def test_env_var_and_setter_switch_it_on():
    on = [True, [[32 * 1024 * 1024, 1024 * 1024 * 1024]]]
    assert _probe(env={"MITBADAK_TUNE_MALLOC": "1"}) == on
    assert _probe(setup="b.set_allocator_tuning(True)") == on
    # 0 forbids it, even to an explicit request
    assert _probe(setup="b.set_allocator_tuning(True)", env={"MITBADAK_TUNE_MALLOC": "0"}) == [
        False,
        [],
    ]


def test_switching_off_restores_glibc_defaults():
    got = _probe(setup="b.set_allocator_tuning(True); b.set_allocator_tuning(False)")
    assert got == [False, [[32 * 1024 * 1024, 1024 * 1024 * 1024], [128 * 1024, 128 * 1024]]]


def test_setter_rejects_non_bool():
    with pytest.raises(ConfigError, match="enabled must be True or False"):
        backend.set_allocator_tuning("yes")

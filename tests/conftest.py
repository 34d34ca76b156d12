"""Shared test setup: real datasets from ../shared/data when the checkout has them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

if SHARED_DATA.is_dir():
    os.environ.setdefault("MITBADAK_DATA", str(SHARED_DATA))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: slower tests (still run in CI)")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


@pytest.fixture(autouse=True, scope="session")
def _torch_one_thread():
    """The PyTorch oracle runs tiny problems: its thread pool only adds contention on the
    shared 2-core machine. Applied only if a test module imported torch (never imports it)."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)

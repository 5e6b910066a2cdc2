"""Shared fixtures. Qt runs offscreen (set before any QApplication exists); the corpus is read from
../shared/corpus (or $QAWL_CORPUS) and tests that need it skip with a reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]


def _corpus() -> Path | None:
    env = os.environ.get("QAWL_CORPUS")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared" / "corpus"]:
        if cand.is_dir():
            return cand
    return None


@pytest.fixture(scope="session")
def corpus() -> Path:
    root = _corpus()
    if root is None:
        pytest.skip("the shared corpus is not available (../shared/corpus or $QAWL_CORPUS)")
    return root


@pytest.fixture
def store():
    from app.store import Store

    s = Store.open(":memory:")
    yield s
    s.close()


@pytest.fixture
def seed_path() -> Path:
    return REPO / "seeds" / "000_615554193b62eb79.txt"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user data directory or the real QAWL_DB from tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("QAWL_DB", raising=False)

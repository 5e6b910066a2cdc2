"""Shared test fixtures.

Qt runs offscreen (set before any QApplication exists; pytest-qt has no option for it), the window's settings go
to a fresh folder per test (QAWL_SETTINGS_DIR, read by app.ui.settings), and factories build projects from text.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED_TEXT = REPO / "seeds" / "000_615554193b62eb79.txt"


def corpus_path() -> Path | None:
    here = Path(__file__).parents[1].parent / "shared" / "corpus"
    if here.is_dir():
        return here
    env = os.environ.get("QAWL_CORPUS")
    return Path(env) if env and Path(env).is_dir() else None


@pytest.fixture
def corpus() -> Path:
    path = corpus_path()
    if path is None:
        pytest.skip("the shared corpus is not here (../shared/corpus) and QAWL_CORPUS is not set")
    return path


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    # Every test gets empty window settings: nothing leaks between tests or from the developer's own settings.
    monkeypatch.setenv("QAWL_SETTINGS_DIR", str(tmp_path_factory.mktemp("settings")))


@pytest.fixture
def make_store(tmp_path):
    """make_store({"doc-id": "text", ...}, meta=None) -> an open file-backed Store holding those documents."""
    from app.core.jsonl import Record, make_document
    from app.store import Store

    opened = []

    def make(docs: dict[str, str] | None = None, *, name: str = "project.db", meta: dict | None = None):
        store = Store.open(tmp_path / name)
        if docs:
            records = [Record(make_document(text, id=doc_id, meta=dict(meta or {}, title=f"Title {doc_id}")),
                              None, [], None) for doc_id, text in docs.items()]
            store.import_records(records, source="test")
        opened.append(store)
        return store

    yield make
    for store in opened:
        try:
            store.close()
        except Exception:
            pass


@pytest.fixture
def seed_text() -> str:
    from app.core.text import normalise

    return normalise(SEED_TEXT.read_text(encoding="utf-8"))[0]

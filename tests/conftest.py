"""Shared fixtures. Qt runs offscreen (set before any QApplication exists); the corpus is read from
$QAWL_CORPUS when set, else ../shared/corpus, and tests that need it skip with a reason when it is absent.

CI is told apart by ``QAWL_REQUIRE_CORPUS=1`` (set by .ci/run): there a missing corpus stops the run at once
(pytest exits non-zero naming the folder), and any test that would skip for want of the corpus fails instead, so
a CI run without ../shared can never pass by skipping.

The annotation window's settings go to a fresh folder per test (QAWL_SETTINGS_DIR, read by app.ui.settings), and
``make_store`` builds file-backed projects from texts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests check behaviour, not speed: a per-example deadline only fails them when the machine is busy
# (CI and a developer's machine run other work beside the suite). Speed is measured by `qawl bench`.
settings.register_profile("qawl", deadline=None)
settings.load_profile("qawl")

REPO = Path(__file__).resolve().parents[1]


REQUIRE_CORPUS = "QAWL_REQUIRE_CORPUS"


def _corpus() -> Path | None:
    env = os.environ.get("QAWL_CORPUS")
    cand = Path(env) if env else REPO.parent / "shared" / "corpus"
    return cand if cand.is_dir() else None


def _corpus_required() -> bool:
    return os.environ.get(REQUIRE_CORPUS, "") not in ("", "0")


def pytest_configure(config):
    if _corpus_required() and _corpus() is None:
        where = os.environ.get("QAWL_CORPUS") or REPO.parent / "shared" / "corpus"
        raise pytest.UsageError(f"{REQUIRE_CORPUS} is set (CI) but the shared corpus is not at {where}: "
                                "put ../shared beside the repository (or set QAWL_CORPUS)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under QAWL_REQUIRE_CORPUS, a skip for want of the corpus (from the fixture below or a module's own
    skipif) is a failure."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _corpus_required():
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if "corpus" in reason.lower():
            report.outcome = "failed"
            report.longrepr = f"{REQUIRE_CORPUS} is set (CI): this test needs the shared corpus and would have " \
                              f"skipped: {reason}"


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


@pytest.fixture
def seed_text(seed_path) -> str:
    from app.core.text.normalise import normalise

    return normalise(seed_path.read_text(encoding="utf-8"))[0]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user data directory, the real QAWL_DB or the real window settings from tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("QAWL_SETTINGS_DIR", str(home / "settings"))
    monkeypatch.delenv("QAWL_DB", raising=False)


@pytest.fixture
def make_store(tmp_path):
    """make_store({"doc-id": "text", ...}) -> an open file-backed Store holding those documents."""
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

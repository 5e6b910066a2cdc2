"""Killing the app at any moment loses nothing it showed as done: a child process runs the real window, labels
words with the keyboard as fast as it can, and is killed with SIGKILL in the middle of its edits."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("ui_child.py")


@pytest.mark.slow
def test_sigkill_mid_edit_loses_no_committed_edit(make_store, tmp_path, seed_text):
    store = make_store({"seed": seed_text})
    db = store.path
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_SETTINGS_DIR=str(tmp_path / "child-settings"))
    proc = subprocess.Popen([sys.executable, str(CHILD), str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    committed: dict[str, tuple[int, int]] = {}
    removed: set[str] = set()
    try:
        for line in proc.stdout:
            parts = line.split()
            if parts[:1] == ["COMMITTED"]:
                committed[parts[1]] = (int(parts[2]), int(parts[3]))
            elif parts[:1] == ["REMOVED"]:
                removed.add(parts[1])
            if len(committed) >= 60:
                break  # the child keeps editing: it is killed in the middle of its next edits
        else:
            pytest.fail(f"the child stopped early: {proc.stderr.read()[-2000:]}")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
            'SELECT id, start, "end", text FROM spans WHERE doc_id = ? AND annotator = ?', ["seed", "child"])}
    finally:
        conn.close()
    missing = [sid for sid in committed if sid not in removed and sid not in rows]
    assert not missing, f"{len(missing)} edits shown as done were lost"
    for sid, (start, end) in committed.items():
        if sid in rows:
            assert rows[sid][:2] == (start, end) and rows[sid][2] == seed_text[start:end]
    assert len(committed) >= 60

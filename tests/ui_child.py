"""A child process for the kill test: the real window labels word after word with the keyboard and prints
``COMMITTED <span id> <start> <end>`` as soon as each label key press has returned (the edit was shown as done).
Run: python tests/ui_child.py PROJECT.db  (QT_QPA_PLATFORM=offscreen, QAWL_SETTINGS_DIR set by the caller)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import regex  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.store import Store  # noqa: E402
from app.ui import settings as cfg  # noqa: E402
from app.ui.main import build_window  # noqa: E402


def main() -> None:
    app = QApplication([])
    store = Store.open(sys.argv[1])
    window = build_window(store, "child", cfg.make_settings())
    window.show()
    window.activateWindow()
    text = window.session.document.text
    words = [m.span() for m in regex.finditer(r"\p{L}[\p{L}\p{M}]+", text)]
    keys = [Qt.Key.Key_S, Qt.Key.Key_K, Qt.Key.Key_D, Qt.Key.Key_C]
    state = {"i": 0}

    def step() -> None:
        i = state["i"]
        start, end = words[i % len(words)]
        window.view.setFocus()
        window.session.select(None)
        window.view.select_text(start, end)
        before = set(window.session.layer.spans)
        QTest.keyClick(window.view, keys[i % len(keys)])
        new = set(window.session.layer.spans) - before
        for span_id in new:
            span = window.session.layer.spans[span_id]
            print(f"COMMITTED {span_id} {span.start} {span.end}", flush=True)
        if i % len(words) == len(words) - 1:
            # Back to an empty document, also through the keyboard (each removal is an edit too).
            for span_id in list(window.session.layer.spans):
                window.session.select(span_id)
                QTest.keyClick(window.view, Qt.Key.Key_Delete)
                print(f"REMOVED {span_id}", flush=True)
        state["i"] += 1
        QTimer.singleShot(0, step)

    print("READY", flush=True)
    QTimer.singleShot(0, step)
    app.exec()


if __name__ == "__main__":
    main()

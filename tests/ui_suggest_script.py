"""The seed article with suggestions, through the real window: Document ▸ Suggest for this document (in the
background, as a person would start it), a screenshot before any decision, then a few decisions with the keys
(N, Enter, Enter, Del, Enter) and a screenshot after. For the README screenshots:

    xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui_suggest_script.py --lang ar \\
        --before suggestions-ar.png --after suggestions-accepted-ar.png

(not a test module; no Qt platform is forced here, so under Xvfb this drives a real X11 window).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SEED = REPO / "seeds" / "000_615554193b62eb79.txt"
K = Qt.Key


def wait_until(app, condition, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError("timed out")
        app.processEvents()
        time.sleep(0.01)


def decide(window) -> None:
    """A few decisions with the keys: the first two records accepted, the third rejected, the fourth accepted."""
    app = QApplication.instance()
    view = window.view
    view.setFocus()
    for key in (K.Key_N, K.Key_Return, K.Key_Return, K.Key_Delete, K.Key_Return):
        QTest.keyClick(view, key)
        app.processEvents()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--before", help="screenshot with the suggestions before any decision")
    parser.add_argument("--after", help="screenshot after a few decisions")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="qawl-suggest-"))
    os.environ.setdefault("QAWL_SETTINGS_DIR", str(tmp / "settings"))
    from app.core.sources import read_sources
    from app.operations.project import gui_api
    from app.store import Store
    from app.ui import settings as cfg
    from app.ui.main import build_window, install_language
    from app.ui.suggestions import SUGGEST_DOCUMENT

    install_language(app, args.lang)
    store = Store.open(tmp / "seed.db")
    store.import_records(read_sources([SEED]))
    window = build_window(store, "amal", cfg.make_settings(), gui_api())
    window.resize(1400, 870)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    app.processEvents()
    window.registry[SUGGEST_DOCUMENT].trigger()
    wait_until(app, lambda: window.suggestions.task is not None and window.suggestions.task.isFinished()
               and len(window.view.index) > 0)
    for _ in range(3):
        app.processEvents()
    window.view.setFocus()
    QTest.keyClick(window.view, K.Key_N)  # the first suggestion selected: the selection bar says how to decide
    for _ in range(3):
        app.processEvents()
    if args.before:
        window.grab().save(args.before)
    window.suggestions.select(None)
    decide(window)
    window.view.verticalScrollBar().setValue(0)
    for _ in range(3):
        app.processEvents()
    if args.after:
        window.grab().save(args.after)
    print(window.message.text())
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

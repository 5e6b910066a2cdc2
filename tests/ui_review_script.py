"""The review screenshots: two teammates' exports of the seed article (tests/review_support.py) imported into a
reviewer's project, review mode on, a few decisions made with the keys, a difference selected; then the agreement
report of the document. Run under Xvfb (not a test module; no Qt platform is forced here):

    xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui_review_script.py --lang ar --out resources/screenshots

writes review-LANG.png, agreement-LANG.png and side-by-side-LANG.png into --out.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def settle(app, n: int = 5) -> None:
    for _ in range(n):
        app.processEvents()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--out", default=".")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="qawl-review-"))
    os.environ.setdefault("QAWL_SETTINGS_DIR", str(tmp / "settings"))
    from app.core.sources import read_sources
    from app.operations.transfer import import_paths
    from app.operations.project import gui_api
    from app.store import Store
    from app.ui import settings as cfg
    from app.ui.main import build_window, install_language
    from review_support import MOVED, RETYPED, teammates_files
    from ui_seed_script import SEED

    ali, sara, _bad = teammates_files(tmp)  # annotated in English: the window's language does not matter there
    install_language(app, args.lang)
    store = Store.open(tmp / "review.db")
    store.import_records(read_sources([SEED]))
    import_paths(store, [str(ali), str(sara)], skip_invalid=True)
    window = build_window(store, "rev", cfg.make_settings(), gui_api())
    window.resize(1400, 870)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    settle(app)
    view = window.view
    QTest.keyClick(view, K.Key_R, CTRL)  # review mode
    settle(app)
    review = window.review.controller
    QTest.keyClick(view, K.Key_A, CTRL | SHIFT)  # accept all agreed
    settle(app)
    rows = {review.session.document.text[d.start:d.end]: r for r, d in enumerate(review.model.diffs)}
    moved = next(r for r, d in enumerate(review.model.diffs) if any(s and s.text == MOVED for s in d.spans))
    review.set_current(moved)
    QTest.keyClick(view, K.Key_2)  # sara's version of the moved quote
    settle(app)
    retyped = next(r for r, d in enumerate(review.model.diffs) if any(s and s.text == RETYPED for s in d.spans))
    review.set_current(retyped)
    settle(app)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # Wide enough for the list's columns; the document list and the other sidebars give way.
    window.resizeDocks([window.documents, window.review.dock], [250, 720], Qt.Orientation.Horizontal)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    review.set_current(retyped)
    settle(app, 10)
    window.grab().save(str(out / f"review-{args.lang}.png"))
    window.review.actions["review_side_by_side"].trigger()
    side = window.review.side_by_side
    side.resize(1400, 860)
    side.move(0, 0)
    review.set_current(moved)
    settle(app, 10)
    side.grab().save(str(out / f"side-by-side-{args.lang}.png"))
    side.close()
    window.review.open_agreement()
    agreement = window._agreement_window
    agreement.resize(1100, 860)
    for _ in range(200):
        settle(app)
        if agreement.report is not None:
            break
    settle(app, 10)
    agreement.grab().save(str(out / f"agreement-{args.lang}.png"))
    del rows
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

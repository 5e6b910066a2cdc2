"""Run by tests/test_package.py (and the bundle smoke test) with the Python of an installed Qawl, outside the
source tree: starts the real ``qawl gui`` through the console entry point's function and prints, as one JSON line,
what the window shows (open document, menus, icon) and where the package was imported from."""

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

qapp = QApplication(sys.argv[:1])
seen: dict = {}


def probe() -> None:
    from app.ui.window import MainWindow

    try:
        window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        document = window.session.document
        seen.update(document=document.id if document else None, header=window.header.text(),
                    title=window.windowTitle(), menus=[a.text() for a in window.menuBar().actions()],
                    help=[a.text() for a in window.menus["help"].actions() if a.text()]
                    if "help" in window.menus else None,
                    icon_sizes=[s.width() for s in qapp.windowIcon().availableSizes()],
                    rtl=window.isRightToLeft())
        window.close()
    except Exception as exc:  # said in the output; the test fails on it instead of waiting for a timeout
        seen["error"] = repr(exc)
    finally:
        qapp.quit()


QTimer.singleShot(0, probe)
from app.cli import main  # noqa: E402 (after the QApplication: run_gui takes the running one)
import app  # noqa: E402

seen["code"] = main(sys.argv[1:])
seen["package"] = app.__file__
print(json.dumps(seen, ensure_ascii=False))

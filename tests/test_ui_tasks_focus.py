"""After a background task long enough to show its progress dialog, the keys go back to the window (on platforms
that do not give a window its activation back by themselves, the window's shortcuts were dead until a click)."""

import time

from PySide6.QtWidgets import QApplication, QProgressDialog

from app.ui.tasks import run_with_progress
from ui_support import open_window


def test_the_window_is_active_again_after_a_task_that_showed_its_dialog(qtbot, make_store, monkeypatch):
    win = open_window(qtbot, make_store({"d1": "نص قصير."}), doc="d1")
    done, shown = [], []
    original = QProgressDialog.showEvent
    monkeypatch.setattr(QProgressDialog, "showEvent", lambda self, event: (shown.append(1), original(self, event)))

    def work(progress, cancel):
        for step in range(4):  # past the dialog's 400 ms minimum duration: the dialog shows, takes the activation
            progress(step, 4)
            time.sleep(0.25)
        return "ok"

    task = run_with_progress(win, "Working…", work, on_success=done.append, on_failure=done.append,
                             on_cancel=lambda: done.append(None))
    qtbot.waitUntil(lambda: done == ["ok"], timeout=5000)
    assert shown and task is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)

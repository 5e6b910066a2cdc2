"""Long work off the UI thread, with progress and a Cancel button.

A :class:`Task` runs ``work(progress, cancel)`` in a QThread. ``progress(done, total)`` may be called from the
worker; ``cancel()`` returns True once the person pressed Cancel (cooperative: the work raises
:class:`~app.core.errors.Cancelled` and changes nothing). The result, the error or the cancellation comes back to the
main thread as a signal; :func:`run_with_progress` shows a window-modal progress dialog meanwhile.

The work must open its own project (``ProjectApi.open_store``) on the project path: an SQLite connection is not shared
across threads (the project is in WAL mode, so the window keeps reading while an import writes).
"""

from __future__ import annotations

import sys
from typing import Callable

from PySide6.QtCore import QCoreApplication, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from .. import logfile
from ..core.errors import Cancelled, QawlError

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class Task(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def cancel(self) -> None:
        self.requestInterruption()

    def run(self) -> None:
        try:
            result = self._work(self._progress, self.isInterruptionRequested)
        except Cancelled:
            self.cancelled.emit()
        except QawlError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # an unexpected failure must still reach the person, not vanish in a thread
            logfile.record_exception(sys.exc_info(), "background work failed")  # the traceback, for a report
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int) -> None:
        # Scaled to int range for the dialog; Qt queues the signal to the main thread.
        self.progressed.emit(int(done), int(total))


def run_with_progress(parent: QWidget | None, label: str, work: Work, *,
                      on_success: Callable[[object], None], on_failure: Callable[[str], None],
                      on_cancel: Callable[[], None]) -> Task:
    """Start ``work`` in the background with a progress dialog; exactly one of the callbacks is called."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work never flashes a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task = Task(work, parent)

    def progressed(done: int, total: int) -> None:
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))

    def finish(callback, *args) -> None:
        shown = dialog.isVisible()
        dialog.reset()
        dialog.close()
        dialog.deleteLater()
        task.wait()
        if shown and parent is not None and parent.isVisible():
            # The keys go back to the window the dialog covered (not every platform gives it back by itself).
            parent.activateWindow()
        callback(*args)

    dialog.canceled.connect(task.cancel)
    task.progressed.connect(progressed)
    task.succeeded.connect(lambda result: finish(on_success, result))
    task.failed.connect(lambda message: finish(on_failure, message))
    task.cancelled.connect(lambda: finish(on_cancel))
    task.dialog = dialog  # for tests: press its Cancel
    task.start()
    return task

"""The window's import and export: the dialogs, the work in the background with its progress, and what the window
shows afterwards (the lists refreshed, a report of what was imported and skipped, failures shown).

A mixin of :class:`.window.MainWindow` (it uses the window's session, api, docks and messages); its strings keep
the window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox


class TransferFlows:
    """Import and export commands of the main window (see the module doc)."""

    def import_files(self) -> None:
        if self.api is None:
            return
        from .transfer import ImportDialog

        request = ImportDialog.ask(self, self.api.import_formats)
        if request is not None:
            self.start_import(request)

    def start_import(self, request, *, always_report: bool = False):
        """Import in the background; ``always_report``: say afterwards what was imported and skipped even when
        nothing was (teammates' annotations)."""
        from .tasks import run_with_progress
        from .transfer import import_work

        db = self.session.store.path
        work = import_work(self.api, db, request, self.session.annotator)
        return run_with_progress(self, QCoreApplication.translate("MainWindow", "Importing…"), work,
                                 on_success=lambda report: self._imported(report, always_report),
                                 on_failure=self._transfer_failed, on_cancel=self._cancelled)

    def _imported(self, report, always_report: bool = False) -> None:
        # Imported layers may replace what the undo history refers to: start a fresh history.
        self.session.undo_stack.clear()
        self.documents.model.refresh()
        self.session.reload()
        self.speakers.model.refresh()
        self.claims.model.refresh()
        first = self.documents.model.first_id()
        if self.session.document is None and first:
            self.open_document(first)
        self._update_progress()
        said = QCoreApplication.translate("MainWindow", "Imported: %1").replace("%1", report.describe())
        self._say(said)
        skipped = getattr(report.summary, "skipped", [])
        details = [*getattr(report, "notes", []),
                   *(QCoreApplication.translate("MainWindow", "skipped: %1").replace("%1", s) for s in skipped)]
        if details or always_report:  # shown without blocking (window-modal, not application-modal)
            box = QMessageBox(QMessageBox.Icon.Information, "Qawl", said, parent=self)
            box.setInformativeText(
                QCoreApplication.translate("MainWindow", "%1 skipped, each for the reason in the details.")
                .replace("%1", str(len(skipped))) if skipped
                else QCoreApplication.translate("MainWindow", "Nothing was skipped."))
            if details:
                box.setDetailedText("\n".join(details))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.import_details = box

    def export_files(self) -> None:
        if self.api is None:
            return
        from .transfer import ExportDialog, export_formats

        request = ExportDialog.ask(self, export_formats(self.api.export_formats), self.session.store.annotators(),
                                   self.session.annotator)
        if request is not None:
            self.start_export(request)

    def start_export(self, request):
        from .tasks import run_with_progress
        from .transfer import export_work

        def wrote(files) -> None:
            self._say(QCoreApplication.translate("MainWindow", "Wrote %1 file(s) to %2")
                      .replace("%1", str(len(files))).replace("%2", request.path))

        work = export_work(self.api, self.session.store.path, request)
        return run_with_progress(self, QCoreApplication.translate("MainWindow", "Exporting…"), work,
                                 on_success=wrote, on_failure=self._transfer_failed, on_cancel=self._cancelled)

    def _transfer_failed(self, message: str) -> None:
        self._failed(message)
        self.failures.show(message)

    def _cancelled(self) -> None:
        self._say(QCoreApplication.translate("MainWindow", "Cancelled; nothing was changed."))

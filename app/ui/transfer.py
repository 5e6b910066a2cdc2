"""Import and export from the menus: data-driven dialogs and the work they start in the background.

The formats offered are lists of :class:`FormatChoice` (``IMPORT_FORMATS``, ``export_formats()``) so a later feature
(other tools' formats) adds an entry instead of a dialog. The work runs in a :class:`~app.ui.tasks.Task` on its own
store connection, opened through the :class:`ProjectApi` the window was given (the UI package never imports the
store module itself: see ``app.ui.main.project_api``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from ..core.model import STATUSES
from .api import ProjectApi
from .names import status_name


@dataclass(frozen=True)
class FormatChoice:
    key: str
    label: str
    patterns: tuple[str, ...] = ()


def import_formats() -> list[FormatChoice]:
    return [FormatChoice("qawl", QCoreApplication.translate("Transfer", "Articles (.txt) and Qawl JSONL (.jsonl)"),
                         ("*.txt", "*.jsonl", "*.ndjson"))]


def export_formats(keys: tuple[str, ...]) -> list[FormatChoice]:
    words = {"jsonl": QCoreApplication.translate("Transfer", "Qawl JSONL: one line per document and annotator (qawl-export/1)"),
             "quotes": QCoreApplication.translate("Transfer", "Quotes: one line per quote with speaker, cue and date (qawl-quotes/1)")}
    return [FormatChoice(k, words.get(k, k), ("*.jsonl",)) for k in keys]


@dataclass(frozen=True)
class ImportRequest:
    paths: tuple[str, ...]
    format: str = "qawl"
    replace: bool = False


@dataclass(frozen=True)
class ExportRequest:
    path: str
    format: str = "jsonl"
    annotator: str | None = None
    statuses: tuple[str, ...] = field(default_factory=tuple)
    annotated_only: bool = False


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.formats = import_formats()
        self.format = QComboBox()
        for choice in self.formats:
            self.format.addItem(choice.label, choice.key)
        self.paths = QListWidget()
        add_files = QPushButton(self.tr("Add files…"))
        add_folder = QPushButton(self.tr("Add folder…"))
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        self.replace = QCheckBox(self.tr("Replace an annotator's existing annotations when the file has different "
                                         "ones"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("All or nothing: any problem is reported with file, line and field, and "
                                        "nothing is imported.")))
        layout.addWidget(self.format)
        layout.addWidget(self.paths)
        layout.addLayout(row)
        layout.addWidget(self.replace)
        layout.addWidget(buttons)

    def _patterns(self) -> str:
        choice = self.formats[max(0, self.format.currentIndex())]
        return f"{choice.label} ({' '.join(choice.patterns)})"

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"), "", self._patterns())
        self.paths.addItems(files)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.paths.addItem(folder)

    def request(self) -> ImportRequest:
        return ImportRequest(tuple(self.paths.item(i).text() for i in range(self.paths.count())),
                             self.format.currentData(), self.replace.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None) -> ImportRequest | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.paths.count():
            return None
        return dialog.request()


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, formats: list[FormatChoice], annotators: list[str],
                 me: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.formats = formats
        self.path = QLineEdit(str(Path.home() / "qawl-export.jsonl"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.format = QComboBox()
        for choice in formats:
            self.format.addItem(choice.label, choice.key)
        self.annotator = QComboBox()
        self.annotator.addItem(self.tr("All annotators"), None)
        for name in annotators:
            self.annotator.addItem(name, name)
        self.annotator.setCurrentIndex(max(0, self.annotator.findData(me)))
        self.statuses = {s: QCheckBox(status_name(s)) for s in STATUSES}
        self.annotated_only = QCheckBox(self.tr("Leave out documents nobody has annotated"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        status_row = QHBoxLayout()
        for box in self.statuses.values():
            status_row.addWidget(box)
        status_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Only status:"), status_row)
        form.addRow(self.annotated_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), "JSONL (*.jsonl)")
        if path:
            self.path.setText(path)

    def request(self) -> ExportRequest:
        return ExportRequest(self.path.text().strip(), self.format.currentData(), self.annotator.currentData(),
                             tuple(s for s, box in self.statuses.items() if box.isChecked()),
                             self.annotated_only.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, formats: list[FormatChoice], annotators: list[str],
            me: str) -> ExportRequest | None:
        dialog = cls(parent, formats, annotators, me)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path.text().strip():
            return None
        return dialog.request()


def import_work(api: ProjectApi, db_path, request: ImportRequest, actor: str):
    """The background work of an import: read every source, then import all or nothing on its own connection."""
    def work(progress, cancel):
        records = api.read_sources(list(request.paths), default_annotator=actor, progress=progress, cancel=cancel)
        store = api.open_store(db_path)
        try:
            return store.import_records(records, replace_layers=request.replace, source=", ".join(request.paths),
                                        actor=actor, progress=progress, cancel=cancel)
        finally:
            store.close()
    return work


def export_work(api: ProjectApi, db_path, request: ExportRequest):
    """The background work of an export: written atomically, so a cancelled export leaves no file behind."""
    def work(progress, cancel):
        store = api.open_store(db_path)
        try:
            return api.export_to(store, request.path, request.format, annotator=request.annotator,
                                 statuses=list(request.statuses) or None,
                                 include_unannotated=not request.annotated_only, progress=progress, cancel=cancel)
        finally:
            store.close()
    return work

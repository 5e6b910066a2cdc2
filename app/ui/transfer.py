"""Import and export from the menus: data-driven dialogs and the work they start in the background.

The formats offered are lists of :class:`FormatChoice` (``IMPORT_FORMATS``, ``export_formats()``) so a later feature
(other tools' formats) adds an entry instead of a dialog. The work runs in a :class:`~app.ui.tasks.Task` on its own
store connection, opened through the :class:`ProjectApi` the window was given (the UI package never imports the
store module itself: see ``app.operations.project.gui_api``).
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
    folder: bool = False  # writes several files into a folder


def import_formats(keys: tuple[str, ...] = ("auto", "qawl")) -> list[FormatChoice]:
    words = {
        "auto": (QCoreApplication.translate("Transfer", "Detect the format"), ("*.txt", "*.jsonl", "*.json", "*.ann", "*.ndjson")),
        "qawl": (QCoreApplication.translate("Transfer", "Articles (.txt) and Qawl JSONL (.jsonl)"), ("*.txt", "*.jsonl", "*.ndjson")),
        "doccano": (QCoreApplication.translate("Transfer", "doccano JSONL"), ("*.jsonl", "*.json")),
        "labelstudio": (QCoreApplication.translate("Transfer", "Label Studio JSON export"), ("*.json",)),
        "prodigy": (QCoreApplication.translate("Transfer", "Prodigy JSONL"), ("*.jsonl",)),
        "brat": (QCoreApplication.translate("Transfer", "brat standoff (.txt + .ann)"), ("*.ann", "*.txt")),
    }
    return [FormatChoice(k, words[k][0], words[k][1]) for k in keys if k in words]


def export_formats(keys: tuple[str, ...]) -> list[FormatChoice]:
    words = {
        "jsonl": (QCoreApplication.translate("Transfer", "Qawl JSONL: one line per document and annotator (qawl-export/1)"), ("*.jsonl",), False),
        "quotes": (QCoreApplication.translate("Transfer", "Quotes: one line per quote with speaker, cue and date (qawl-quotes/1)"), ("*.jsonl",), False),
        "claims": (QCoreApplication.translate("Transfer", "Claims: one line per claim with claimant, verdict and fact-check (qawl-claims/1)"), ("*.jsonl",), False),
        "claimreview": (QCoreApplication.translate("Transfer", "ClaimReview JSON-LD (schema.org): the claims with a verdict"), ("*.jsonld", "*.json"), False),
        "doccano": (QCoreApplication.translate("Transfer", "doccano JSONL (a folder: one file per annotator)"), (), True),
        "labelstudio": (QCoreApplication.translate("Transfer", "Label Studio JSON (a folder: tasks and labelling config)"), (), True),
        "prodigy": (QCoreApplication.translate("Transfer", "Prodigy JSONL"), ("*.jsonl",), False),
        "brat": (QCoreApplication.translate("Transfer", "brat standoff (a folder of .txt + .ann)"), (), True),
    }
    return [FormatChoice(k, words.get(k, (k, (), False))[0], words.get(k, (k, (), False))[1],
                         words.get(k, (k, (), False))[2]) for k in keys]


@dataclass(frozen=True)
class ImportRequest:
    paths: tuple[str, ...]
    format: str = "auto"
    replace: bool = False
    skip_invalid: bool = False
    map_flags: tuple[str, ...] = ()
    mapping_file: str | None = None
    add_labels: bool = False
    offset_unit: str = "auto"


@dataclass(frozen=True)
class ExportRequest:
    path: str
    format: str = "jsonl"
    annotator: str | None = None
    statuses: tuple[str, ...] = field(default_factory=tuple)
    annotated_only: bool = False
    map_flags: tuple[str, ...] = ()
    mapping_file: str | None = None


def _flags(text: str) -> tuple[str, ...]:
    """``Source=SPEAKER, Discard=`` -> the --map flags."""
    return tuple(part.strip() for part in text.replace("\n", ",").split(",") if part.strip())


class _MappingRow(QWidget):
    """Label mapping for other tools' formats: FROM=TO pairs, or a mapping file (same as --map / --mapping)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.flags = QLineEdit()
        self.flags.setPlaceholderText(QCoreApplication.translate("Transfer", "e.g. Source=SPEAKER, Content=QUOTE, Discard="))
        self.file = QLineEdit()
        self.file.setPlaceholderText(QCoreApplication.translate("Transfer", "or a mapping file"))
        browse = QPushButton(QCoreApplication.translate("Transfer", "Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.flags, 2)
        row.addWidget(self.file, 1)
        row.addWidget(browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("Transfer", "Label mapping file"), "", "(*.txt *.json *.map)")
        if path:
            self.file.setText(path)

    def values(self) -> tuple[tuple[str, ...], str | None]:
        return _flags(self.flags.text()), (self.file.text().strip() or None)


class ImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, keys: tuple[str, ...] = ("auto", "qawl"),
                 skip_invalid: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import teammates' annotations") if skip_invalid else self.tr("Import"))
        self.formats = import_formats(keys)
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
        self.skip_invalid = QCheckBox(self.tr("Teammates' files: skip each document that has a problem (wholly) "
                                              "and import the rest"))
        self.skip_invalid.setChecked(skip_invalid)
        self.mapping = _MappingRow(self)
        self.add_labels = QCheckBox(self.tr("Add the file's own labels to the project's schema"))
        self.offset_unit = QComboBox()
        for key, text in (("auto", self.tr("proven from the file")), ("codepoint", self.tr("code points")),
                          ("utf16", self.tr("UTF-16 code units")), ("grapheme", self.tr("grapheme clusters"))):
            self.offset_unit.addItem(text, key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addStretch(1)
        peer = QFormLayout()
        peer.addRow(self.tr("Label mapping:"), self.mapping)
        peer.addRow(self.tr("Offsets count:"), self.offset_unit)
        peer.addRow(self.add_labels)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("All or nothing: any problem is reported with file, line and field, and "
                                        "nothing is imported.")))
        layout.addWidget(self.format)
        layout.addWidget(self.paths)
        layout.addLayout(row)
        layout.addLayout(peer)
        layout.addWidget(self.replace)
        layout.addWidget(self.skip_invalid)
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
        flags, file = self.mapping.values()
        return ImportRequest(tuple(self.paths.item(i).text() for i in range(self.paths.count())),
                             self.format.currentData(), self.replace.isChecked(), self.skip_invalid.isChecked(),
                             flags, file, self.add_labels.isChecked(), self.offset_unit.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, keys: tuple[str, ...] = ("auto", "qawl"),
            skip_invalid: bool = False) -> ImportRequest | None:
        """``skip_invalid``: preset for teammates' files (each document with a problem is skipped wholly)."""
        dialog = cls(parent, keys, skip_invalid)
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
        self.mapping = _MappingRow(self)
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
        form.addRow(self.tr("Label mapping:"), self.mapping)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        choice = self.formats[max(0, self.format.currentIndex())]
        if choice.folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export into the folder"), self.path.text())
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), "JSONL (*.jsonl)")
        if path:
            self.path.setText(path)

    def request(self) -> ExportRequest:
        flags, file = self.mapping.values()
        return ExportRequest(self.path.text().strip(), self.format.currentData(), self.annotator.currentData(),
                             tuple(s for s, box in self.statuses.items() if box.isChecked()),
                             self.annotated_only.isChecked(), flags, file)

    @classmethod
    def ask(cls, parent: QWidget | None, formats: list[FormatChoice], annotators: list[str],
            me: str) -> ExportRequest | None:
        dialog = cls(parent, formats, annotators, me)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.path.text().strip():
            return None
        return dialog.request()


def _mapping(api: ProjectApi, flags: tuple[str, ...], file: str | None):
    if not flags and not file:
        return None
    preset = file if file == "parc" else None
    return api.mapping(list(flags), None if preset else file, preset)


def import_work(api: ProjectApi, db_path, request: ImportRequest, actor: str):
    """The background work of an import: read and check every source, then import all or nothing (or skip
    invalid documents wholly) on its own connection. Returns the ImportReport."""
    def work(progress, cancel):
        mapping = _mapping(api, request.map_flags, request.mapping_file)
        store = api.open_store(db_path)
        try:
            return api.import_paths(store, list(request.paths), request.format, mapping=mapping,
                                    add_labels=request.add_labels, offset_unit=request.offset_unit,
                                    annotator=actor, replace=request.replace, skip_invalid=request.skip_invalid,
                                    actor=actor, progress=progress, cancel=cancel)
        finally:
            store.close()
    return work


def export_work(api: ProjectApi, db_path, request: ExportRequest):
    """The background work of an export: written atomically, so a cancelled export leaves no file behind.
    Returns the list of files written."""
    def work(progress, cancel):
        mapping = _mapping(api, request.map_flags, request.mapping_file)
        store = api.open_store(db_path)
        try:
            return api.export_paths(store, request.path, request.format, mapping=mapping,
                                    annotator=request.annotator, statuses=list(request.statuses) or None,
                                    include_unannotated=not request.annotated_only, progress=progress,
                                    cancel=cancel)
        finally:
            store.close()
    return work

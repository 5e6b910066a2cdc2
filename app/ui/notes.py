"""Notes in the window: write a note (and the "needs discussion" flag) on the selected annotation or on the document,
and the Notes sidebar that lists the notes of this document or of the whole project, filtered.

- Edit ▸ Note… (Ctrl+M): the note of the selected annotation, or of the document when none is selected;
- Edit ▸ Needs discussion (Ctrl+Shift+M): raise or lower the flag the same way;
- Document ▸ Note on the document…;
- the Notes sidebar: flag, document, annotator, what the note is on, the note; filter by words, by the flag, this
  document or the whole project; double-click goes there (another annotator's annotation: its words are selected).

Every note is an edit like any other (one undo step, committed first): an UpdateSpan of the span's ``note`` /
``discuss`` attributes or a SetLayerNote of the annotator's layer (see :mod:`app.core.notes`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDockWidget,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..core.changes import document_note_change, span_note_change
from ..core.notes import NoteEntry, matching
from .names import label_name, visible
from .span_models import align_for, isolate, short
from .table_model import HeaderedTableModel

FLAG = "⚑"


class NoteDialog(QDialog):
    """A note and the "needs discussion" flag, on one annotation or on the document."""

    def __init__(self, parent, subject: str, text: str, discuss: bool) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.setWindowTitle(self.tr("Note"))
        about = QLabel(subject)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("note_text")
        self.text.setPlaceholderText(self.tr("What should the team know about this? (sources, doubts, a question)"))
        self.discuss = QCheckBox(self.tr("Needs discussion"))
        self.discuss.setChecked(discuss)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.discuss)
        layout.addWidget(buttons)
        self.resize(480, 260)

    @classmethod
    def ask(cls, parent, subject: str, text: str, discuss: bool) -> tuple[str, bool] | None:
        dialog = cls(parent, subject, text, discuss)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text.toPlainText().strip(), dialog.discuss.isChecked()


class NotesModel(HeaderedTableModel):
    """Notes as rows: flag, document, annotator, what it is on, the note."""

    FLAG, DOCUMENT, ANNOTATOR, ON, NOTE = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers = (FLAG, self.tr("Document"), self.tr("Annotator"), self.tr("On"), self.tr("Note"))
        self.entries: list[NoteEntry] = []
        self.titles: dict[str, str] = {}

    def set_entries(self, entries: list[NoteEntry], titles: dict[str, str]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.titles = titles
        self.endResetModel()

    def entry(self, row: int) -> NoteEntry:
        return self.entries[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FLAG:
                return FLAG if e.discuss else ""
            if column == self.DOCUMENT:
                return isolate(short(self.titles.get(e.doc_id, e.doc_id), 40))
            if column == self.ANNOTATOR:
                return isolate(e.annotator)
            if column == self.ON:
                if e.span is None:
                    return self.tr("(the document)")
                return f"{label_name(e.span.label)}: " + isolate(short(e.span.text, 40))
            if column == self.NOTE:
                return isolate(short(e.text, 120)) if e.text else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FLAG and e.discuss:
                return self.tr("Needs discussion")
            if column == self.ON and e.span is not None:
                return visible(e.span.text, 400) + f"\n\u2066{e.span.start}–{e.span.end}\u2069"
            if column == self.NOTE and e.text:
                return visible(e.text, 1000)
            if column == self.DOCUMENT:
                return e.doc_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FLAG:
            return QBrush(QColor("#c00000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NOTE, self.DOCUMENT):
            shown = e.text if column == self.NOTE else self.titles.get(e.doc_id, e.doc_id)
            return align_for(shown) if shown else None
        return None


class NotesDock(QDockWidget):
    """The notes of this document or of the project: filter, go there, edit one's own, the document's note."""

    def __init__(self, window) -> None:
        super().__init__(self.tr("Notes"), window)
        self.setObjectName("notes_dock")
        self.window_ = window
        self.session = window.session
        self.model = NotesModel(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("notes_filter")
        self.filter.setPlaceholderText(self.tr("Filter notes by their words or the annotated text…"))
        self.filter.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.setObjectName("notes_scope")
        self.scope.addItem(self.tr("This document"), "document")
        self.scope.addItem(self.tr("Whole project"), "project")
        self.discuss_only = QCheckBox(self.tr("Needs discussion only"))
        self.discuss_only.setObjectName("notes_discuss_only")
        self.table = QTableView()
        self.table.setObjectName("notes")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(NotesModel.NOTE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NotesModel.FLAG, self.fontMetrics().horizontalAdvance(FLAG) + 16)
        for column, width in ((NotesModel.DOCUMENT, 120), (NotesModel.ANNOTATOR, 70), (NotesModel.ON, 140)):
            header.resizeSection(column, width)
        self.document_note = QLabel()
        self.document_note.setObjectName("document_note")
        self.document_note.setWordWrap(True)
        self.document_note.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_document = QPushButton(self.tr("Note on the document…"))
        self.edit_selected = QPushButton(self.tr("Edit note…"))
        self.edit_selected.setToolTip(self.tr("Edit the selected note (your own notes only)"))
        top = QHBoxLayout()
        top.addWidget(self.scope)
        top.addWidget(self.discuss_only)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.document_note, 1)
        bottom.addWidget(self.edit_document)
        bottom.addWidget(self.edit_selected)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setWidget(box)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(150)
        # Not once the window is closed (its project may be closed too).
        self._later.timeout.connect(lambda: self.refresh() if self.window_.isVisible() else None)
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.discuss_only.toggled.connect(lambda _on: self.refresh())
        self.table.doubleClicked.connect(lambda index: self.go_to(index.row()))
        self.table.activated.connect(lambda index: self.go_to(index.row()))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.edit_document.clicked.connect(window.notes_hook.edit_document_note)
        self.edit_selected.clicked.connect(self._edit_selected)
        self.session.changed.connect(lambda _e: self._schedule())
        self.session.document_opened.connect(lambda _d: self._schedule())
        self.visibilityChanged.connect(lambda shown: self._schedule() if shown else None)
        self.refresh()

    def _schedule(self) -> None:
        if self.isVisible():
            self._later.start()

    def refresh(self) -> None:
        s = self.session
        doc = s.document
        if self.scope.currentData() == "document":
            entries = s.store.notes(doc_id=doc.id) if doc is not None else []
        else:
            entries = s.store.notes()
        entries = matching(entries, self.filter.text(), discuss_only=self.discuss_only.isChecked())
        ids = sorted({e.doc_id for e in entries})
        titles = s.store.titles(ids) if ids else {}
        self.model.set_entries(entries, titles)
        if doc is None:
            self.document_note.setText("")
        else:
            layer = s.layer
            mark = f"{FLAG} " if layer.discuss else ""
            self.document_note.setText(mark + (short(layer.note, 160) if layer.note else
                                               self.tr("No note of yours on this document.")))
        self._enable()

    def _enable(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        mine = bool(rows) and self.model.entry(rows[0].row()).annotator == self.session.annotator
        self.edit_selected.setEnabled(mine)
        self.edit_document.setEnabled(self.session.document is not None)

    def show_discussion(self) -> None:
        """Every note of the project that needs discussion (from the overview)."""
        self.scope.setCurrentIndex(self.scope.findData("project"))
        self.discuss_only.setChecked(True)
        self.filter.clear()
        self.show()
        self.raise_()
        self.refresh()

    def go_to(self, row: int) -> None:
        """Open the note's document and select what it is on (another annotator's annotation: its words)."""
        if not 0 <= row < self.model.rowCount():
            return
        e = self.model.entry(row)
        w = self.window_
        s = self.session
        if (s.document is None or s.document.id != e.doc_id) and not w.open_document(e.doc_id):
            return
        if e.span is None:
            return
        if e.annotator == s.annotator and e.span.id in s.layer.spans:
            s.select(e.span.id)
        else:
            w.view.select_text(e.span.start, e.span.end)
            w.view.ensureCursorVisible()

    def _edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        e = self.model.entry(rows[0].row())
        if e.annotator != self.session.annotator:
            return
        self.go_to(rows[0].row())
        if e.span is None:
            self.window_.notes_hook.edit_document_note()
        else:
            self.window_.notes_hook.edit_span_note(e.span.id)


# (key, text, shortcut, tip), texts in context "Notes".
SPECS = (
    ("note", QT_TRANSLATE_NOOP("Notes", "&Note…"), "Ctrl+M",
     QT_TRANSLATE_NOOP("Notes", "Write a note on the selected annotation (or on the document when none is selected)")),
    ("discuss", QT_TRANSLATE_NOOP("Notes", "Needs &discussion"), "Ctrl+Shift+M",
     QT_TRANSLATE_NOOP("Notes", "Flag the selected annotation (or the document) as needing discussion, or lower "
                                "the flag")),
    ("document_note", QT_TRANSLATE_NOOP("Notes", "Note on the &document…"), "",
     QT_TRANSLATE_NOOP("Notes", "Your note on this document and its needs-discussion flag")),
)


class NotesHook:
    """Notes in the window's menus and keys, and the Notes sidebar."""

    def __init__(self, window) -> None:
        self.window = window
        window.notes_hook = self
        t = QCoreApplication.translate
        r = window.registry
        self.actions = {key: r.add(key, t("Notes", text), shortcut, t("Notes", tip)) for key, text, shortcut, tip
                        in SPECS}
        self.actions["note"].triggered.connect(self.edit_note)
        self.actions["discuss"].triggered.connect(self.toggle_discuss)
        self.actions["document_note"].triggered.connect(self.edit_document_note)
        edit, doc, view = window.menus["edit"], window.menus["document"], window.menus["view"]
        edit.addSeparator()
        edit.addAction(self.actions["note"])
        edit.addAction(self.actions["discuss"])
        doc.addSeparator()
        doc.addAction(self.actions["document_note"])
        self.dock = NotesDock(window)
        window.notes = self.dock
        trailing = Qt.DockWidgetArea.LeftDockWidgetArea if window.isRightToLeft() else \
            Qt.DockWidgetArea.RightDockWidgetArea
        window.addDockWidget(trailing, self.dock)
        window.tabifyDockWidget(window.dates, self.dock)
        window.speakers.raise_()
        view.insertAction(window.history.toggleViewAction(), self.dock.toggleViewAction())

    # --- edits ----------------------------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.window._say(text)

    def edit_note(self) -> None:
        s = self.window.session
        if s.document is None:
            return
        if s.selected and s.selected in s.layer.spans:
            self.edit_span_note(s.selected)
        else:
            self.edit_document_note()

    def edit_span_note(self, span_id: str) -> bool:
        s = self.window.session
        span = s.layer.spans.get(span_id)
        if span is None:
            return False
        subject = QCoreApplication.translate("Notes", "Note on %1 “%2”").replace("%1", label_name(span.label)) \
            .replace("%2", short(span.text, 100))
        answer = NoteDialog.ask(self.window, subject, str(span.attrs.get("note") or ""),
                                span.attrs.get("discuss") is True)
        if answer is None:
            return False
        return s.apply(span_note_change(s.layer, span_id, *answer))

    def edit_document_note(self) -> bool:
        s = self.window.session
        if s.document is None:
            return False
        subject = QCoreApplication.translate("Notes", "Your note on the document “%1”").replace(
            "%1", short(s.document.title, 100))
        answer = NoteDialog.ask(self.window, subject, s.layer.note, s.layer.discuss)
        if answer is None:
            return False
        return s.apply(document_note_change(s.layer, *answer))

    def toggle_discuss(self) -> bool:
        s = self.window.session
        if s.document is None:
            return False
        if s.selected and s.selected in s.layer.spans:
            span = s.layer.spans[s.selected]
            on = span.attrs.get("discuss") is not True
            ok = s.apply(span_note_change(s.layer, span.id, None, on))
            what = label_name(span.label)
        else:
            on = not s.layer.discuss
            ok = s.apply(document_note_change(s.layer, None, on))
            what = QCoreApplication.translate("Notes", "the document")
        if ok:
            said = QCoreApplication.translate("Notes", "%1 needs discussion") if on else \
                QCoreApplication.translate("Notes", "%1: discussion flag lowered")
            self._say(said.replace("%1", what))
        return ok


def install_notes(window) -> NotesHook:
    return NotesHook(window)

"""The sidebars: Documents, Quotes (with the record editor), Speakers and Dates.

Each dock shows a model and turns clicks into calls of the controller or the session; none holds state of its
own beyond what is on screen. Selecting a row selects the span (and scrolls the article to it); selecting a span
in the article selects its row.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from ..core.schema import QUOTE_TYPES
from . import edits
from .controller import AnnotationController
from .doclist import DocumentsDock, select_row  # noqa: F401  (the document list lives in its own module)
from .filters import QuoteFilter, QuoteFilterBar, SectionDelegate, SpeakerFilterBar, SpeakerScope
from .models import IdRole, SpeakersModel
from .names import type_name
from .session import Session
from .span_models import DatesModel, KeyRole, QuotesModel, short


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


class QuoteEditor(QWidget):
    """The current quote or claim as one record: type, speaker mention, registry speaker, cue, date."""

    def __init__(self, session: Session, controller: AnnotationController, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.type = QComboBox()
        for value in QUOTE_TYPES:
            self.type.addItem(type_name(value), value)
        self.speaker = QComboBox()
        self.entity = QLabel()
        self.choose = QPushButton(self.tr("Choose speaker…"))
        self.cue = QComboBox()
        self.date = QComboBox()
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.addRow(self.title)
        form.addRow(self.tr("Type:"), self.type)
        form.addRow(self.tr("Speaker mention:"), self.speaker)
        who = QHBoxLayout()
        who.addWidget(self.entity, 1)
        who.addWidget(self.choose)
        form.addRow(self.tr("Speaker:"), who)
        form.addRow(self.tr("Cue:"), self.cue)
        form.addRow(self.tr("Date:"), self.date)
        self.type.activated.connect(lambda _i: self._edit_type())
        self.speaker.activated.connect(lambda _i: self._edit_link(self.speaker, None))
        self.cue.activated.connect(lambda _i: self._edit_link(self.cue, "CUE"))
        self.date.activated.connect(lambda _i: self._edit_link(self.date, "DATED"))
        self.choose.clicked.connect(controller.choose_speaker)
        # Refreshed once after a burst of changes (the combos list every mention of the document).
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        session.record_changed.connect(self._schedule)
        session.changed.connect(self._schedule)
        session.document_opened.connect(self._schedule)
        self.refresh()

    def _schedule(self, *_args) -> None:
        self._pending.start()

    def _record(self):
        s = self.session
        if s.document is None or not s.record or s.record not in s.layer.spans:
            return None
        return edits.record_of(s.layer, s.record, s.entities)

    def _fill(self, combo: QComboBox, label: str, current) -> None:
        combo.clear()
        combo.addItem(self.tr("(none)"), None)
        for span in self.session.layer.spans_by_label(label):
            combo.addItem(f"{short(span.text, 50)}  ·  {span.start}", span.id)
        combo.setCurrentIndex(max(0, combo.findData(current.id)) if current is not None else 0)

    def refresh(self) -> None:
        record = self._record()
        for widget in (self.type, self.speaker, self.choose, self.cue, self.date):
            widget.setEnabled(record is not None)
        if record is None:
            self.title.setText(self.tr("Select a quote (or press Q on a selection) to edit it here."))
            for combo in (self.speaker, self.cue, self.date):
                combo.clear()
            self.entity.setText("")
            return
        span = record.span
        self.title.setText(f"<b>{short(span.text, 140)}</b>")
        is_quote = span.label == "QUOTE"
        self.type.setEnabled(is_quote)
        self.type.setCurrentIndex(max(0, self.type.findData(span.attrs.get("type"))))
        self._fill(self.speaker, "SPEAKER", record.speaker)
        self._fill(self.cue, "CUE", record.cue)
        self.cue.setEnabled(is_quote)
        self._fill(self.date, "DATE", record.date)
        if record.speaker is None and span.label == "CLAIM":
            # A claim's claimant may come from the quote it sits in, or be the article itself (claims panel below).
            from ..core.claims.claimant import claimant

            found = claimant(self.session.layer, span)
            entity = self.session.entities.get(found.speaker.entity or "") if found else None
            self.entity.setText(self.tr("%1 (from the quote)").replace("%1", entity.name if entity else
                                                                        found.speaker.text) if found else
                                self.tr("(the article)"))
        elif record.speaker is None:
            missing = self.tr("⚠ no speaker")
            self.entity.setText(f"<span style='color:#c00000'>{missing}</span>")
        else:
            self.entity.setText(record.entity.name if record.entity else self.tr("(not in the registry)"))

    def _edit_type(self) -> None:
        if self.session.record:
            self.controller.set_type(self.session.record, self.type.currentData())

    def _edit_link(self, combo: QComboBox, rtype: str | None) -> None:
        record = self.session.record
        if not record:
            return
        if rtype is None:
            rtype = "SAID_BY" if self.session.layer.spans[record].label == "QUOTE" else "CLAIMED_BY"
        self.controller.link_part(record, combo.currentData(), rtype)


class QuotesDock(QDockWidget):
    def __init__(self, session: Session, controller: AnnotationController, parent=None) -> None:
        super().__init__(self.tr("Quotes"), parent)
        self.setObjectName("quotes_dock")
        self.session = session
        self.controller = controller
        self.model = QuotesModel(session, parent=self)
        # Filtered and grouped (#13): rows of the view are the proxy's; the model's rows map through it.
        self.proxy = QuoteFilter(self.model, self)
        self.table = _table(self.proxy)
        self.table.setItemDelegate(SectionDelegate(self.table))
        self.filters = QuoteFilterBar(self.proxy, getattr(parent, "settings", None))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QuotesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (QuotesModel.KIND, QuotesModel.SPEAKER, QuotesModel.CUE, QuotesModel.DATE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(QuotesModel.KIND, 100)
        header.resizeSection(QuotesModel.SPEAKER, 120)
        header.resizeSection(QuotesModel.CUE, 60)
        header.resizeSection(QuotesModel.DATE, 100)
        self.missing = QLabel()
        self.editor = QuoteEditor(session, controller)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.missing)
        layout.addWidget(self.editor, 0)
        self._layout = layout
        self.setWidget(box)
        self.table.clicked.connect(self._clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._clicked(cur))
        self._syncing = False
        # Queued like the model's own updates, so a new row exists before it is selected.
        session.selection_changed.connect(self._follow, Qt.ConnectionType.QueuedConnection)
        session.record_changed.connect(self._follow, Qt.ConnectionType.QueuedConnection)
        controller.other_selection_changed.connect(self._follow_other, Qt.ConnectionType.QueuedConnection)
        session.changed.connect(self._count_missing, Qt.ConnectionType.QueuedConnection)
        session.document_opened.connect(self._count_missing)
        self._count_missing()

    def add_section(self, widget: QWidget) -> None:
        """A part of the record editor added by a feature (the claim fields). The list keeps room for a few rows."""
        self._layout.addWidget(widget, 0)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 +
                                    self.table.horizontalHeader().sizeHint().height())

    def _clicked(self, index: QModelIndex) -> None:
        # Not when the current row moved because rows came or went (an accepted suggestion leaves the list).
        if self._syncing or self.model.changing or not index.isValid():
            return
        who, span_id = index.data(KeyRole)
        if who == self.session.annotator:
            self.session.select(span_id)
        else:
            self.controller.select_other(who, span_id)

    def _follow(self, span_id, who: str | None = None) -> None:
        """Select the row of the selected quote; when a part (speaker, cue, date) is selected, or nothing, the row
        of the current record, the one new parts link to (none when there is none)."""
        shown = self.proxy.view_row
        row = shown(self.model.row_of(who or self.session.annotator, span_id)) if span_id is not None else -1
        if row < 0 and who is None:
            record = self.session.record
            row = shown(self.model.row_of(self.session.annotator, record)) if record else -1
            if row < 0 and ((span_id is None or record is None) and self.session.selected is None or
                            self.proxy.criteria.filtering):
                self.table.clearSelection()  # nothing current, or the current record is filtered out
                return
        if row >= 0:
            self._syncing = True
            try:
                select_row(self.table, row)
            finally:
                self._syncing = False

    def _follow_other(self, key) -> None:
        if key is not None:
            self._follow(key[1], key[0])

    def _count_missing(self, *_args) -> None:
        s = self.session
        if s.document is None:
            self.missing.setText("")
            return
        said = {r.head for r in s.layer.relations.values() if r.type in ("SAID_BY", "CLAIMED_BY")}
        # A claim without a speaker is the article's own (or its quote's speaker's): only quotes need one.
        missing = sum(1 for sp in s.layer.spans.values() if sp.label == "QUOTE" and sp.id not in said)
        self.missing.setText(self.tr("⚠ %1 without a speaker").replace("%1", str(missing)) if missing else "")
        self.missing.setStyleSheet("color: #c00000" if missing else "")


class SpeakersDock(QDockWidget):
    """The project-wide speaker registry: rename in place (a typo fix; or keep the old name as an alias when
    asked), aliases edited as a list, merge any number, jump to mentions."""

    jump_requested = Signal(str)  # entity id

    def __init__(self, session: Session, controller: AnnotationController, parent=None) -> None:
        super().__init__(self.tr("Speakers"), parent)
        self.setObjectName("speakers_dock")
        self.session = session
        self.controller = controller
        self.model = SpeakersModel(session, self)
        self.proxy = SpeakerScope(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a speaker by any name…"))
        self.filter.setClearButtonEnabled(True)
        self.table = _table(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SpeakersModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                   QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SpeakersModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SpeakersModel.ALIASES, QHeaderView.ResizeMode.Stretch)
        for col in (SpeakersModel.MENTIONS, SpeakersModel.ALL, SpeakersModel.HERE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.filters = SpeakerFilterBar(self.proxy, self.table, session, getattr(parent, "settings", None))
        self.merge = QPushButton(self.tr("Merge…"))
        self.merge.setToolTip(self.tr("Select two or more speakers to merge them into one"))
        self.jump = QPushButton(self.tr("Next mention"))
        self.aliases = QPushButton(self.tr("Aliases…"))
        self.aliases.setToolTip(self.tr("Edit the other names of the selected speaker, one per row"))
        self.rename_keep = QPushButton(self.tr("Rename, keep old name…"))
        self.rename_keep.setToolTip(self.tr("Rename the selected speaker and keep the old name as an alias "
                                            "(double-click the name to rename it without)"))
        buttons = QHBoxLayout()
        for button in (self.merge, self.jump, self.aliases, self.rename_keep):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setWidget(box)
        self.filter.textChanged.connect(self.proxy.set_query)
        self.merge.clicked.connect(self._merge)
        self.jump.clicked.connect(self._jump)
        self.aliases.clicked.connect(self.edit_aliases)
        self.rename_keep.clicked.connect(self.rename_keeping_alias)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self._enable()

    def selected_ids(self) -> list[str]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.proxy.index(r, 0).data(IdRole) for r in sorted(rows)]

    def select_ids(self, ids: list[str]) -> None:
        self.table.clearSelection()
        for entity_id in ids:
            row = self.model.row_of(entity_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select |
                                               QItemSelectionModel.SelectionFlag.Rows)

    def _enable(self) -> None:
        ids = self.selected_ids()
        self.merge.setEnabled(len(ids) >= 2)
        for button in (self.jump, self.aliases, self.rename_keep):
            button.setEnabled(len(ids) == 1)

    def _merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) >= 2:
            self.controller.merge_speakers(*ids)

    def _jump(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.jump_requested.emit(ids[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == SpeakersModel.ALIASES:
            self.edit_aliases(index.data(IdRole))

    def edit_aliases(self, entity_id: str | None = None) -> bool:
        """The selected speaker's aliases, edited as a list."""
        ids = [entity_id] if isinstance(entity_id, str) else self.selected_ids()
        entity = self.session.entities.get(ids[0]) if len(ids) == 1 else None
        if entity is None:
            return False
        from .dialogs import AliasesDialog

        aliases = AliasesDialog.ask(self.window(), entity)
        return aliases is not None and self.controller.edit_aliases(entity.id, aliases)

    def rename_keeping_alias(self) -> bool:
        ids = self.selected_ids()
        entity = self.session.entities.get(ids[0]) if len(ids) == 1 else None
        if entity is None:
            return False
        from .dialogs import ask_text

        name = ask_text(self.window(), self.tr("Rename speaker"),
                        self.tr("New name (“%1” stays as an alias):").replace("%1", entity.name), entity.name)
        return bool(name) and self.controller.rename_speaker(entity.id, name, keep_alias=True)


class DatesDock(QDockWidget):
    def __init__(self, session: Session, parent=None, controller: AnnotationController | None = None) -> None:
        super().__init__(self.tr("Dates"), parent)
        self.setObjectName("dates_dock")
        self.session = session
        self.controller = controller
        self.model = DatesModel(session, parent=self)
        self.table = _table(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                   QAbstractItemView.EditTrigger.EditKeyPressed |
                                   QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DatesModel.DATES, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DatesModel.TEXT, 150)
        self.setWidget(self.table)
        self.table.clicked.connect(self._clicked)
        session.selection_changed.connect(self._follow, Qt.ConnectionType.QueuedConnection)
        if controller is not None:
            controller.other_selection_changed.connect(
                lambda key: self._follow(key[1], key[0]) if key else None, Qt.ConnectionType.QueuedConnection)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            who, span_id = index.data(KeyRole)
            if who == self.session.annotator or self.controller is None:
                self.session.select(span_id)
            else:
                self.controller.select_other(who, span_id)

    def _follow(self, span_id, who: str | None = None) -> None:
        if span_id is not None:
            row = self.model.row_of(who or self.session.annotator, span_id)
            if row >= 0:
                select_row(self.table, row)

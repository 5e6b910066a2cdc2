"""The Claims sidebar: the project's claim registry.

Each canonical claim with its wording, verdict and fact-check URL (editable in place; a bad URL or a verdict outside
the project's list is refused and nothing changes), its note, the number of its mentions in the project and in this
document, and where its verdict came from. Below, the selected claim's mentions across documents (whose, which
verdict; ⚠ where a mention's verdict differs from the claim's): double-click one to jump to it. Select two claims
and Merge; Link attaches the current claim span to the selected canonical claim.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ..core.changes import AddClaim, RemoveClaim, UpdateClaim
from ..core.claims.registry import differs
from ..core.claims.similar import normalise
from ..core.model import CanonicalClaim
from .claims import ClaimCommands
from .names import verdict_name
from .session import ChangeEvent, Session
from .span_models import align_for, isolate, short
from .table_model import HeaderedTableModel

IdRole = Qt.ItemDataRole.UserRole + 11
MentionRole = Qt.ItemDataRole.UserRole + 12


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


class ClaimsModel(HeaderedTableModel):
    """The claim registry, one row per canonical claim (registry order; :class:`ClaimFilter` sorts and filters)."""

    TEXT, VERDICT, FACTCHECK, NOTE, MENTIONS, HERE, SOURCE = range(7)

    def __init__(self, session: Session, commands: ClaimCommands, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.commands = commands
        self.headers = (self.tr("Claim"), self.tr("Verdict"), self.tr("Fact-check"), self.tr("Note"),
                        self.tr("Mentions"), self.tr("Here"), self.tr("Verdict from"))
        self._ids: list[str] = []
        self._claims: dict[str, CanonicalClaim] = {}
        self._counts: dict[str, int] | None = None
        self._here: dict[str, int] | None = None
        self._titles: dict[str, str] = {}
        session.changed.connect(self.on_changed, Qt.ConnectionType.QueuedConnection)
        session.document_opened.connect(self._document_opened)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._claims = dict(self.session.claims)
        self._ids = list(self._claims)
        self._counts = self._here = None
        self._seen = self.session.events_emitted
        self.endResetModel()

    def _document_opened(self, *_args) -> None:
        if self._claims != self.session.claims:
            self.refresh()
            return
        self._here = None
        self._counts_changed()

    def on_changed(self, event: ChangeEvent) -> None:
        self._counts = self._here = None
        if event.seq <= self._seen:
            self._counts_changed()
            return
        self._seen = event.seq
        for leaf in event.leaves:
            if isinstance(leaf, AddClaim) and leaf.claim.id not in self._claims:
                row = len(self._ids)
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.append(leaf.claim.id)
                self._claims[leaf.claim.id] = leaf.claim
                self.endInsertRows()
            elif isinstance(leaf, RemoveClaim) and leaf.claim.id in self._claims:
                row = self._ids.index(leaf.claim.id)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                del self._claims[leaf.claim.id]
                self.endRemoveRows()
            elif isinstance(leaf, UpdateClaim) and leaf.after.id in self._claims:
                self._claims[leaf.after.id] = leaf.after
                row = self._ids.index(leaf.after.id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self._counts_changed()

    def _counts_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, self.MENTIONS), self.index(len(self._ids) - 1, self.HERE))

    def counts(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = self.session.store.claim_mention_counts()
        return self._counts

    def here(self) -> dict[str, int]:
        if self._here is None:
            self._here = {}
            if self.session.document is not None:
                for span in self.session.layer.spans.values():
                    claim = span.attrs.get("claim") if span.label == "CLAIM" else None
                    if claim:
                        self._here[claim] = self._here.get(claim, 0) + 1
        return self._here

    def claim(self, row: int) -> CanonicalClaim:
        return self._claims[self._ids[row]]

    def row_of(self, claim_id: str) -> int:
        return self._ids.index(claim_id) if claim_id in self._ids else -1

    def source_text(self, claim: CanonicalClaim) -> str:
        source = claim.source or {}
        if not claim.verdict or not source:
            return ""
        who = source.get("annotator") or "?"
        if source.get("doc_id"):
            doc = source["doc_id"]
            if doc not in self._titles:
                self._titles.update(self.session.store.titles([doc]))
            return self.tr("%1's claim in “%2”").replace("%1", who).replace("%2", short(self._titles.get(doc) or doc,
                                                                                             40))
        return self.tr("set by %1 in the registry").replace("%1", who)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        claim = self.claim(index.row())
        column = index.column()
        if role == IdRole:
            return claim.id
        if role == Qt.ItemDataRole.EditRole:
            return {self.TEXT: claim.text, self.VERDICT: claim.verdict or "", self.FACTCHECK: claim.factcheck or "",
                    self.NOTE: claim.note}.get(column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TEXT:
                return isolate(short(claim.text, 120))
            if column == self.VERDICT:
                return verdict_name(claim.verdict) or "—"
            if column == self.FACTCHECK:
                return claim.factcheck or ""
            if column == self.NOTE:
                return isolate(short(claim.note, 60)) if claim.note else ""
            if column == self.MENTIONS:
                return self.counts().get(claim.id, 0)
            if column == self.HERE:
                return self.here().get(claim.id, 0)
            if column == self.SOURCE:
                return self.source_text(claim)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TEXT, self.NOTE):
            return align_for(claim.text if column == self.TEXT else claim.note)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TEXT:
                return claim.text + (f"\n\n{claim.note}" if claim.note else "")
            if column == self.SOURCE and claim.source.get("at"):
                return claim.source["at"]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERDICT and not claim.verdict:
            return QBrush(QColor("#777777"))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (self.TEXT, self.VERDICT, self.FACTCHECK, self.NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        claim = self.claim(index.row())
        key = {self.TEXT: "text", self.VERDICT: "verdict", self.FACTCHECK: "factcheck", self.NOTE: "note"}.get(
            index.column())
        if key is None:
            return False
        return self.commands.set_claim(claim.id, **{key: str(value or "").strip() or None})


class ClaimFilter(QSortFilterProxyModel):
    """Claims whose wording contains the query (Arabic folded), sorted by the chosen column."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._query = ""
        self.setDynamicSortFilter(True)

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = normalise(query)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query:
            return True
        claim = self.sourceModel().claim(row)
        return self._query in normalise(claim.text) or self._query in normalise(claim.note)


class VerdictDelegate(QStyledItemDelegate):
    """The verdict cell is edited with the project's verdict list."""

    def __init__(self, commands: ClaimCommands, parent=None) -> None:
        super().__init__(parent)
        self.commands = commands

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItem("—", "")
        for value in self.commands.verdicts():
            combo.addItem(verdict_name(value), value)
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MentionsModel(HeaderedTableModel):
    """The mentions of one canonical claim across the project: document, annotator, the claim's text, its verdict."""

    DOCUMENT, WHO, TEXT, VERDICT = range(4)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.headers = (self.tr("Document"), self.tr("Annotator"), self.tr("Mention"), self.tr("Verdict"))
        self.claim_id: str | None = None
        self._rows: list = []
        self._titles: dict[str, str] = {}

    def show_claim(self, claim_id: str | None) -> None:
        self.beginResetModel()
        self.claim_id = claim_id
        self._rows = self.session.store.claim_mentions(claim_id) if claim_id else []
        self._titles = self.session.store.titles(d for d, _w, _s in self._rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc_id, who, span = self._rows[index.row()]
        column = index.column()
        claim = self.session.claims.get(self.claim_id or "")
        if role == MentionRole:
            return (doc_id, who, span.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DOCUMENT:
                return isolate(short(self._titles.get(doc_id) or doc_id, 50))
            if column == self.WHO:
                return who
            if column == self.TEXT:
                return isolate(short(span.text, 100))
            if column == self.VERDICT:
                name = verdict_name(span.attrs.get("verdict")) or "—"
                return f"⚠ {name}" if differs(span, claim) else name
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERDICT and differs(span, claim):
            return QBrush(QColor("#c00000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.VERDICT and differs(span, claim):
                return self.tr("This mention's verdict differs from the claim's (%1)").replace(
                    "%1", verdict_name(claim.verdict))
            return f"{doc_id} · {span.start}–{span.end}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DOCUMENT, self.TEXT):
            return align_for(span.text if column == self.TEXT else self._titles.get(doc_id) or doc_id)
        return None


class ClaimsDock(QDockWidget):
    """The project-wide claim registry and each claim's mentions."""

    jump_requested = Signal(str, str, str)  # doc id, annotator, span id

    def __init__(self, session: Session, commands: ClaimCommands, parent=None) -> None:
        super().__init__(self.tr("Claims"), parent)
        self.setObjectName("claims_dock")
        self.session = session
        self.commands = commands
        self.model = ClaimsModel(session, commands, self)
        self.proxy = ClaimFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a claim by its wording…"))
        self.filter.setClearButtonEnabled(True)
        self.table = _table(self.proxy)
        self.table.setObjectName("claims_table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ClaimsModel.MENTIONS, Qt.SortOrder.DescendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                   QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setItemDelegateForColumn(ClaimsModel.VERDICT, VerdictDelegate(commands, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ClaimsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in ((ClaimsModel.VERDICT, "mostly true"), (ClaimsModel.FACTCHECK, "https://"),
                               (ClaimsModel.NOTE, "note"), (ClaimsModel.MENTIONS, "0000"), (ClaimsModel.HERE, "00"),
                               (ClaimsModel.SOURCE, "amal's claim in")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 18)
        self.mentions = MentionsModel(session, self)
        self.mention_table = _table(self.mentions)
        self.mention_table.setObjectName("claim_mentions_table")
        self.mention_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mention_table.horizontalHeader().setSectionResizeMode(MentionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.mention_table.horizontalHeader().resizeSection(MentionsModel.DOCUMENT, 150)
        self.merge = QPushButton(self.tr("Merge"))
        self.merge.setToolTip(self.tr("Select two claims that say the same thing to merge them"))
        self.link = QPushButton(self.tr("Link current claim"))
        self.link.setToolTip(self.tr("Link the selected claim span to the claim selected here"))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Remove a claim no span links to"))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        for button in (self.merge, self.link, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filter)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.mentions_title = QLabel(self.tr("Mentions (double-click to go there)"))
        bottom_layout.addWidget(self.mentions_title)
        bottom_layout.addWidget(self.mention_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.setWidget(box)
        self.filter.textChanged.connect(self.proxy.set_query)
        self.merge.clicked.connect(self._merge)
        self.link.clicked.connect(self._link)
        self.remove.clicked.connect(self._remove)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.mention_table.activated.connect(self._jump)
        self.mention_table.doubleClicked.connect(self._jump)
        session.changed.connect(lambda *_a: self._refresh_mentions(), Qt.ConnectionType.QueuedConnection)
        session.selection_changed.connect(lambda *_a: self._enable(), Qt.ConnectionType.QueuedConnection)
        session.record_changed.connect(lambda *_a: self._follow_current(), Qt.ConnectionType.QueuedConnection)
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.proxy.index(r, 0).data(IdRole) for r in sorted(rows)]

    def select_ids(self, ids: list[str]) -> None:
        self.table.clearSelection()
        for claim_id in ids:
            row = self.model.row_of(claim_id)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select |
                                               QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _follow_current(self) -> None:
        """Selecting a linked claim span selects its canonical claim here."""
        span = self.commands.target()
        claim_id = span.attrs.get("claim") if span is not None else None
        if claim_id and self.selected_ids() != [claim_id]:
            self.select_ids([claim_id])

    def _enable(self) -> None:
        ids = self.selected_ids()
        self.merge.setEnabled(len(ids) == 2)
        self.link.setEnabled(len(ids) == 1 and self.commands.target() is not None)
        counts = self.model.counts()
        self.remove.setEnabled(len(ids) == 1 and not counts.get(ids[0], 0))
        self.summary.setText(self.tr("%1 claims").replace("%1", str(self.model.rowCount())))

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.mentions.show_claim(ids[0] if len(ids) == 1 else None)
        self._enable()

    def _refresh_mentions(self) -> None:
        ids = self.selected_ids()
        claim_id = ids[0] if len(ids) == 1 else None
        self.mentions.show_claim(claim_id if claim_id in self.session.claims else None)
        self._enable()

    def _merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2 and self.commands.merge(*ids):
            kept = [i for i in ids if i in self.session.claims]
            self.select_ids(kept)

    def _link(self) -> None:
        ids = self.selected_ids()
        span = self.commands.target()
        if len(ids) == 1 and span is not None:
            self.commands.link(span.id, ids[0])

    def _remove(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.commands.remove(ids[0])

    def _jump(self, index: QModelIndex) -> None:
        key = index.data(MentionRole)
        if key:
            self.jump_requested.emit(*key)

"""The document list of a project of any size: a model that reads rows lazily and filters and sorts in SQL.

:class:`DocumentsModel` holds every document's row key and filter key in the list's order
(``store.document_keys``: sorted by any column in SQL; the key is the folded title and the id), filters them as you
type with a substring test (quicker than asking SQLite for 100,000 rows at each keystroke), adds the documents the
full-text search finds once typing pauses, and reads the cells of the rows the view asks for a page at a time
(``store.document_page``), so a project of 100,000 documents opens, filters, sorts and scrolls without reading
every row. An applied change repaints the open document's row (its status and count are re-read when next shown).

:class:`DocumentsDock` is the sidebar: the filter box, the list (click a header to sort), the selection used by the
agreement report.
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import compress

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDockWidget, QHeaderView, QLineEdit,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ..core.model import GOLD, Status
from ..core.text.search import fold_for_index
from .names import status_name
from .session import ChangeEvent, Session
from .span_models import align_for, isolate
from .table_model import HeaderedTableModel

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 3
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole, IdRole, SortRole})
_STATUS_COLORS = {"todo": "#888888", "in_progress": "#b36b00", "done": "#1a7f37"}
PAGE = 128  # rows read at once
CACHED = 4096  # rows kept


class DocumentsModel(HeaderedTableModel):
    """The document list: one row per document shown (title, my status, my annotation count, gold's status)."""

    TITLE, STATUS, COUNT, REVIEW = range(4)
    _ORDERS = {TITLE: "title", STATUS: "status", COUNT: "count", REVIEW: "review"}

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.headers = (self.tr("Document"), "✓", "#", self.tr("Review"))
        self.query = ""
        self.text_search = False  # also documents whose text the search finds
        self.order = "import"
        self.descending = False
        # Every document in the list's order: row keys and filter keys (two lists: filtering zips them).
        self._ordered: tuple[list[int], list[str]] = ([], [])
        self._found: set[int] | None = None  # documents the text search found (with text_search)
        self._last: tuple | None = None  # (needle, the ordered list, the pairs that held it): to narrow as one types
        self._keys: list[int] = []  # the rows shown
        self._row_of_key: dict[int, int] | None = None
        self._cache: OrderedDict[int, object] = OrderedDict()
        self._open: tuple[str, int | None] = ("", None)  # the open document and its row key
        self.first: frozenset[str] = frozenset()  # listed first, in bold: the documents assigned to this annotator
        session.document_opened.connect(self._document_opened)
        session.changed.connect(self.on_changed, Qt.ConnectionType.QueuedConnection)
        self.refresh()

    def _read_keys(self) -> tuple[list[int], list[str]]:
        pairs = self.session.store.document_keys(self.session.annotator, self.order, self.descending)
        if self.first:  # the annotator's assignments on top, each part in the list's order (a stable sort)
            rowid = self.session.store.document_rowid
            first = {rowid(doc_id) for doc_id in self.first}
            pairs.sort(key=lambda pair: pair[0] not in first)
        return [k for k, _f in pairs], [f for _k, f in pairs]

    def _document_opened(self, document) -> None:
        self._open = (document.id, self.session.store.document_rowid(document.id))

    # --- rows -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every row again (after an import)."""
        self._ordered = self._read_keys()
        self._found = set(self.session.store.search_documents(self.query).rows) if self.text_search else None
        self.beginResetModel()
        self._keys = self._filtered()
        self._row_of_key = None
        self._cache.clear()
        self.endResetModel()

    def update(self) -> None:
        """Read every row again in place (another process changed the project): the rows shown before keep their
        places and are redrawn, documents that came or went are added or removed at the end, so the list keeps
        its selection and scroll position."""
        self._ordered = self._read_keys()
        self._last = None
        self._found = set(self.session.store.search_documents(self.query).rows) if self.text_search else None
        self._cache.clear()
        self._replace_rows(self._filtered())

    def _filtered(self) -> list[int]:
        keys, filters = self._ordered
        needle = fold_for_index(self.query) if self.query else ""
        if not needle:
            self._last = None
            return list(keys)
        found = self._found
        if found:
            return [key for key, f in zip(keys, filters) if needle in f or key in found]
        # Typing on: only the rows that held the shorter query can hold the longer one.
        last = self._last
        if last is not None and needle.startswith(last[0]) and last[1] is keys:
            keys, filters = last[2], last[3]
        mask = [needle in f for f in filters]
        shown = list(compress(keys, mask))
        self._last = (needle, self._ordered[0], shown, list(compress(filters, mask)))
        return shown

    def set_query(self, query: str, text: bool = False) -> None:
        """Show the documents whose title or id contains ``query`` (and with ``text``, whose text the search finds)."""
        query = query.strip()
        text = text and bool(query)
        if (query, text) == (self.query, self.text_search):
            return
        self.query, self.text_search = query, text
        self._found = set(self.session.store.search_documents(query).rows) if text else None
        self._replace_rows(self._filtered())

    def _replace_rows(self, keys: list[int]) -> None:
        """Show ``keys``: the rows both lists have change their data, the rest come or go at the end (half the
        cost of a reset on 100,000 rows, and every step is one the views can follow)."""
        old = self._keys
        kept = min(len(old), len(keys))
        self._row_of_key = None
        self._keys = keys[:kept] + old[kept:]
        if kept:
            self.dataChanged.emit(self.index(0, 0), self.index(kept - 1, self.columnCount() - 1))
        if len(keys) < len(old):
            self.beginRemoveRows(QModelIndex(), len(keys), len(old) - 1)
            self._keys = keys
            self.endRemoveRows()
        elif len(keys) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(keys) - 1)
            self._keys = keys
            self.endInsertRows()
        self._keys = keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = self._ORDERS.get(column, "import")
        descending = order == Qt.SortOrder.DescendingOrder
        if (wanted, descending) == (self.order, self.descending):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_keys = [self._keys[i.row()] if 0 <= i.row() < len(self._keys) else None for i in old]
        self.order, self.descending = wanted, descending
        self._ordered = self._read_keys()
        self._keys = self._filtered()
        self._row_of_key = None
        # Persistent indexes (the selection) follow their documents.
        rows = self._rows_by_key()
        self.changePersistentIndexList(old, [self.index(rows[k], i.column()) if k in rows else QModelIndex()
                                             for i, k in zip(old, old_keys)])
        self.layoutChanged.emit()

    def _rows_by_key(self) -> dict[int, int]:
        if self._row_of_key is None:
            self._row_of_key = {key: row for row, key in enumerate(self._keys)}
        return self._row_of_key

    def summary(self, row: int):
        """The cells of ``row`` (read with the rows around it when not cached)."""
        key = self._keys[row]
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        first = row - row % PAGE
        page = self.session.store.document_page(self._keys[first:first + PAGE])
        self._cache.update(page)
        while len(self._cache) > CACHED:
            self._cache.popitem(last=False)
        return page[key]

    def on_changed(self, event: ChangeEvent) -> None:
        doc_id, key = self._open
        if key is None or doc_id not in event.doc_ids:
            return
        self._cache.pop(key, None)  # its status and count are read again when next shown
        row = self._rows_by_key().get(key, -1)
        if row < 0:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def doc_id(self, row: int) -> str:
        return self.summary(row).id

    def row_of(self, doc_id: str) -> int:
        key = self._open[1] if doc_id == self._open[0] else self.session.store.document_rowid(doc_id)
        if key is None:
            return -1
        if self._row_of_key is not None:
            return self._row_of_key.get(key, -1)
        try:
            return self._keys.index(key)  # one C-speed scan; the map is built only when asked for again and again
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        """Every document of the project, in import order (the whole project, whatever is shown)."""
        return self.session.store.document_ids()

    def first_id(self) -> str | None:
        return self.doc_id(0) if self._keys else None

    def progress(self) -> dict[str, int]:
        """How many documents the annotator has in each status (documents never opened count as to do)."""
        return self.session.store.status_counts(self.session.annotator)

    # --- Qt ---------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        summary = self.summary(index.row())
        me = self.session.annotator
        column = index.column()
        if role == IdRole:
            return summary.id
        status = summary.status.get(me, Status.TODO.value)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column == self.TITLE:
                return isolate(summary.title or summary.id)
            if column == self.STATUS:
                return status_name(status)
            if column == self.COUNT:
                return summary.counts.get(me, 0)
            if column == self.REVIEW:
                return status_name(summary.status[GOLD]) if GOLD in summary.status else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COUNT:
                return self.tr("%1 annotations").replace("%1", str(summary.counts.get(me, 0)))
            if column == self.TITLE:
                return f"{summary.title or summary.id}\n{summary.id} · {summary.chars:,} · {summary.direction}"
            if column == self.STATUS:
                return status_name(status)
            if column == self.REVIEW:
                return self.tr("Review (gold layer): %1").replace(
                    "%1", status_name(summary.status.get(GOLD, Status.TODO.value)))
            others = [f"{who}: {status_name(st)}" for who, st in sorted(summary.status.items())
                      if who not in (me, "suggestions")]
            return "\n".join(others) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TITLE:
            return align_for(summary.title or summary.id)
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE and summary.id in self.first:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(_STATUS_COLORS.get(status, "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REVIEW and GOLD in summary.status:
            return QBrush(QColor(_STATUS_COLORS.get(summary.status[GOLD], "#000000")))
        return None


class StatusDelegate(QStyledItemDelegate):
    """A document status as a sign: ○ to do, ◐ in progress, ● done (coloured by the model; the word is in the
    tooltip and in the status bar)."""

    SIGNS = {"todo": "○", "in_progress": "◐", "done": "●"}

    def displayText(self, value, locale) -> str:
        names = {status_name(k): v for k, v in self.SIGNS.items()}
        return names.get(str(value), str(value))

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignCenter


def select_row(view: QTableView, row: int) -> None:
    """Select (and show) ``row`` of a table, or nothing when it is -1."""
    if row < 0:
        view.clearSelection()
        return
    index = view.model().index(row, 0)
    view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
                                          QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


class DocumentsDock(QDockWidget):
    """The document list: title, my status, my annotation count, gold's; filter by title or id as you type, and
    by the words of the text after a pause; click a column title to sort."""

    document_activated = Signal(str)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(self.tr("Documents"), parent)
        self.setObjectName("documents_dock")
        self.session = session
        self.model = DocumentsModel(session, self)
        self.proxy = self.model  # the list shown is the model itself (filtered and sorted in SQL)
        self.filter = QLineEdit()
        self.filter.setObjectName("document_filter")
        self.filter.setPlaceholderText(self.tr("Filter by title, or search the text…"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setObjectName("documents")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # Uniform rows: the view never measures rows it does not show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(DocumentsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # The title gets the room: statuses are shown as a coloured sign (the word in the tooltip), and the
        # widths are fixed (sizing to contents reads every row of a long list at start-up).
        self.table.setItemDelegateForColumn(DocumentsModel.STATUS, StatusDelegate(self.table))
        sign = self.fontMetrics().horizontalAdvance("●") + 14
        header.resizeSection(DocumentsModel.STATUS, sign)
        header.resizeSection(DocumentsModel.COUNT, self.fontMetrics().horizontalAdvance("000") + 12)
        header.resizeSection(DocumentsModel.REVIEW, self.fontMetrics().horizontalAdvance("In progress") + 16)
        header.setMinimumSectionSize(min(sign, header.minimumSectionSize()))
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort)
        self.table.setColumnHidden(DocumentsModel.REVIEW, True)  # shown by review (see review_menu)
        # Several documents can be selected (Ctrl/Shift+click) for an agreement report over them.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.setWidget(box)
        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(250)
        self._search.timeout.connect(self._run_search)
        self.filter.textChanged.connect(self._filter_changed)
        self.table.clicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        session.document_opened.connect(self._show_current)

    def _filter_changed(self, text: str) -> None:
        """Titles and ids at once; the words of the texts once typing pauses."""
        self.table.clearSelection()  # the rows are other documents now (the open one is selected again below)
        self.model.set_query(text, False)
        self._show_current()
        if len(text.strip()) >= 2:
            self._search.start()
        else:
            self._search.stop()

    def _run_search(self) -> None:
        if not self.window().isVisible():
            return  # the window was closed while typing paused (its project may be closed too)
        self.table.clearSelection()
        self.model.set_query(self.filter.text(), True)
        self._show_current()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)
        self._show_current()

    def _activated(self, index: QModelIndex) -> None:
        if QApplication.keyboardModifiers() & (Qt.KeyboardModifier.ControlModifier |
                                               Qt.KeyboardModifier.ShiftModifier):
            return  # extending the selection, not opening
        doc_id = index.data(IdRole)
        if doc_id and (self.session.document is None or doc_id != self.session.document.id):
            self.document_activated.emit(doc_id)

    def selected_ids(self) -> list[str]:
        """The documents selected in the list as shown (several with Ctrl/Shift+click)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.doc_id(r) for r in rows]

    def _show_current(self, *_args) -> None:
        doc = self.session.document
        select_row(self.table, self.model.row_of(doc.id) if doc is not None else -1)

    def neighbour(self, step: int) -> str | None:
        """The next / previous document in the list as shown (filtered and sorted)."""
        n = self.model.rowCount()
        if n == 0:
            return None
        current = self.session.document.id if self.session.document else None
        row = self.model.row_of(current) if current else -1
        if row < 0:
            return self.model.doc_id(0)
        row += step
        return self.model.doc_id(row) if 0 <= row < n else None

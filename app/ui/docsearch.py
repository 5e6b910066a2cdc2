"""Search in the documents of the project (Ctrl+Shift+F): the Search sidebar.

A query (any words; harakat, letter variants and the proclitics Arabic writes onto a word do not matter) goes to
the project's full-text index (``store.search_documents``); the documents found are listed, the most relevant
first (in import order when there are more than the index ranks), each with where it holds the query — a line of
context with the words marked — and how many times. A click opens the document at that place, with the find bar
on the same words, so Enter goes on to the next one in the article.

Rows are read lazily: titles a page at a time, contexts as rows are shown (a document's text is read then).
"""

from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QHeaderView, QLabel, QLineEdit, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView, QVBoxLayout, QWidget)

from ..core.ports import Project
from ..core.text.normalise import direction_of
from ..core.text.search import ARABIC, context, find_all, hits_in, query_words
from .span_models import align_for, isolate, short
from .table_model import HeaderedTableModel

IdRole = Qt.ItemDataRole.UserRole + 1
HitRole = Qt.ItemDataRole.UserRole + 2  # (start, end) of the first hit in the document
PAGE = 64


class SearchResultsModel(HeaderedTableModel):
    """The documents a search found: title, how many hits, a line of context around the first."""

    TITLE, HITS, CONTEXT = range(3)

    def __init__(self, store: Project, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.headers = (self.tr("Document"), "#", self.tr("Where"))
        self.query = ""
        self.rows: list[int] = []
        self.ranked = False
        self._titles: dict[int, tuple[str, str]] = {}  # row key -> (doc id, title)
        self._hits: dict[int, tuple[list[tuple[int, int]], str, int, int]] = {}  # -> (hits, snippet, a, b)

    def search(self, query: str) -> None:
        found = self.store.search_documents(query) if query.strip() else None
        self.beginResetModel()
        self.query = query.strip()
        self.rows = found.rows if found else []
        self.ranked = bool(found and found.ranked)
        self._titles.clear()
        self._hits.clear()
        self.endResetModel()

    def _title(self, row: int) -> tuple[str, str]:
        key = self.rows[row]
        if key not in self._titles:
            first = row - row % PAGE
            page = self.store.document_page(self.rows[first:first + PAGE])
            self._titles.update({k: (s.id, s.title or s.id) for k, s in page.items()})
        return self._titles.get(key, ("", ""))

    def hits(self, row: int) -> tuple[list[tuple[int, int]], str, int, int]:
        """Where the document of ``row`` holds the query: every hit, and a line of context around the first."""
        key = self.rows[row]
        found = self._hits.get(key)
        if found is None:
            text = self.store.text(self._title(row)[0])
            hits = hits_in(text, self.query)
            snippet, a, b = context(text, *hits[0]) if hits else (short(text, 96), 0, 0)
            found = self._hits[key] = (hits, snippet, a, b)
        return found

    def doc_id(self, row: int) -> str:
        return self._title(row)[0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = index.row(), index.column()
        if role == IdRole:
            return self.doc_id(row)
        if role == HitRole:
            hits = self.hits(row)[0]
            return hits[0] if hits else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return isolate(short(self._title(row)[1], 60))
            if column == self.HITS:
                return len(self.hits(row)[0])
            if column == self.CONTEXT:
                _hits, snippet, a, b = self.hits(row)
                return snippet[:a] + snippet[a:b] + snippet[b:]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.CONTEXT):
            return f"{self._title(row)[1]}\n{self.doc_id(row)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TITLE:
            return align_for(self._title(row)[1])
        return None

    def snippet_html(self, row: int) -> tuple[str, str]:
        """The context line as HTML with the hit marked, and its direction."""
        from html import escape  # html (and its table of entities) only once a search shows a hit

        _hits, snippet, a, b = self.hits(row)
        html = escape(snippet[:a]) + f"<span style='background:#ffe27a'><b>{escape(snippet[a:b])}</b></span>" + \
            escape(snippet[b:])
        return html, direction_of(snippet)


class ContextDelegate(QStyledItemDelegate):
    """One found document in two lines, each in its own direction: the title and how many hits, then a line of
    context with the hit marked (the list fits a narrow sidebar)."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        row = index.row()
        html, direction = model.snippet_html(row)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        line = opt.fontMetrics.height() + 4
        title = model.index(row, model.TITLE).data()
        count = model.index(row, model.HITS).data()
        head = f"{title}  ·  {count}"
        title_rect = opt.rect.adjusted(4, 2, -4, -(opt.rect.height() - line))
        painter.save()
        if opt.state & QStyle.StateFlag.State_Selected:
            painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        rtl = direction_of(title) == "rtl"
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute |
                         (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft),
                         painter.fontMetrics().elidedText(head, Qt.TextElideMode.ElideMiddle, title_rect.width()))
        painter.restore()
        opt.rect = opt.rect.adjusted(0, line, 0, 0)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        text_option = QTextOption()
        text_option.setTextDirection(Qt.LayoutDirection.RightToLeft if direction == "rtl" else
                                     Qt.LayoutDirection.LeftToRight)
        text_option.setAlignment((Qt.AlignmentFlag.AlignRight if direction == "rtl" else Qt.AlignmentFlag.AlignLeft)
                                 | Qt.AlignmentFlag.AlignAbsolute)
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        doc.setDefaultTextOption(text_option)
        doc.setHtml(html)
        doc.setTextWidth(max(10, opt.rect.width() - 8))
        painter.save()
        painter.translate(opt.rect.left() + 4, opt.rect.top() + (opt.rect.height() - doc.size().height()) / 2)
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 8, opt.rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(300, 2 * option.fontMetrics.height() + 12)


class SearchDock(QDockWidget):
    """The Search sidebar: a query, the documents found with where, a click to go there."""

    hit_chosen = Signal(str, int, int)  # doc id, start, end

    def __init__(self, session, parent=None) -> None:
        super().__init__(self.tr("Search"), parent)
        self.setObjectName("search_dock")
        self.session = session
        self.model = SearchResultsModel(session.store, self)
        self.query = QLineEdit()
        self.query.setObjectName("search_query")
        self.query.setPlaceholderText(self.tr("Search the words of every document…"))
        self.query.setClearButtonEnabled(True)
        self.query.setToolTip(self.tr("Every word must be in the document; harakat, letter variants (أ/ا, ى/ي, ة/ه) "
                                      "and و ف ب ك ل ال before a word do not matter"))
        self.summary = QLabel()
        self.summary.setObjectName("search_summary")
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("search_results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.table.fontMetrics().height() + 12)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setItemDelegateForColumn(SearchResultsModel.CONTEXT, ContextDelegate(self.table))
        header = self.table.horizontalHeader()
        header.hide()  # one column drawn in two lines: title and count, then where (see ContextDelegate)
        self.table.setColumnHidden(SearchResultsModel.TITLE, True)
        self.table.setColumnHidden(SearchResultsModel.HITS, True)
        header.setSectionResizeMode(SearchResultsModel.CONTEXT, QHeaderView.ResizeMode.Stretch)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setWidget(box)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(lambda: self.run() if self.window().isVisible() else None)
        self.query.textChanged.connect(lambda _t: self._later.start())
        self.query.returnPressed.connect(self.run)
        self.table.clicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)

    def run(self) -> None:
        """Search for what is typed (at once)."""
        self._later.stop()
        query = self.query.text()
        if query.strip() == self.model.query and self.model.rows:
            return
        self.model.search(query)
        n = len(self.model.rows)
        if not query.strip():
            self.summary.setText("")
        elif not n:
            self.summary.setText(self.tr("No document has every word of “%1”.").replace("%1", query.strip()))
        elif self.model.ranked:
            self.summary.setText(self.tr("%1 documents, the most relevant first.").replace("%1", f"{n:,}"))
        else:
            self.summary.setText(self.tr("%1 documents, in import order (too many to rank: add a word to narrow "
                                         "them).").replace("%1", f"{n:,}"))

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.data(self.model.index(index.row(), 0), HitRole)
        start, end = hit if hit else (0, 0)
        self.hit_chosen.emit(self.model.doc_id(index.row()), start, end)

    def open_search(self, text: str = "") -> None:
        if text:
            self.query.setText(text)
        self.show()
        self.raise_()
        self.query.setFocus()
        self.query.selectAll()


TEXT = QT_TRANSLATE_NOOP("DocumentSearch", "&Search in the documents…")
TIP = QT_TRANSLATE_NOOP("DocumentSearch", "Find words in every document of the project; each place listed with its "
                                          "context, a click to go there")


class SearchHook:
    """The Search sidebar on the document list's side, Ctrl+Shift+F, in the Document menu."""

    def __init__(self, window) -> None:
        self.window = window
        self.dock = SearchDock(window.session, window)
        leading = Qt.DockWidgetArea.RightDockWidgetArea if window.isRightToLeft() else \
            Qt.DockWidgetArea.LeftDockWidgetArea
        window.addDockWidget(leading, self.dock)
        window.tabifyDockWidget(window.documents, self.dock)
        window.documents.raise_()
        t = QCoreApplication.translate
        self.action = window.registry.add("search_documents", t("DocumentSearch", TEXT), "Ctrl+Shift+F",
                                          t("DocumentSearch", TIP))
        self.action.triggered.connect(self.open)
        doc = window.menus["document"]
        doc.insertAction(window.registry["find_document"], self.action)
        window.menus["view"].insertAction(window.documents.toggleViewAction(), self.dock.toggleViewAction())
        self.dock.hit_chosen.connect(self.go_to)

    def open(self) -> None:
        view = self.window.view
        start, end = view.selection()
        picked = view.text[start:end] if start != end else ""
        self.dock.open_search(picked if picked and "\n" not in picked and len(picked) <= 80 else "")

    def go_to(self, doc_id: str, start: int, end: int) -> None:
        """Open the document at the hit, with the find bar on the words found there."""
        w = self.window
        s = w.session
        if (s.document is None or s.document.id != doc_id) and not w.open_document(doc_id):
            return
        if end <= start:
            return
        bar = w.find.bar
        bar.query.blockSignals(True)
        bar.query.setText(find_words(w.view.text, self.dock.model.query) or w.view.text[start:end])
        bar.query.blockSignals(False)
        for box in (bar.marks, bar.letters, bar.case):
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        bar.show()
        bar.search(keep=start)
        bar.go_to(start, end)


def find_words(text: str, query: str) -> str:
    """What the find bar looks for after a search: the query itself when the article has it as written, else the
    first word without its article (الرئيس: رئيس, so للرئيس and والرئيس are found too)."""
    if find_all(text, query, ARABIC, limit=1):
        return query.strip()
    words = query_words(query)
    if not words:
        return ""
    word = words[0]
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def install_search(window) -> SearchHook:
    return SearchHook(window)

"""The agreement report window: how much the annotators agree, for this document, the selected documents or the
whole project, computed in the background, shown as tables and a chart, saved as JSON or as an HTML page.

The figures are :func:`app.core.review.agreement.agreement_report`'s (their definitions are in that module and in the
README): per label and overall for all annotators (span F1 exact and overlap, kappa and alpha on characters and on
tokens), the same per pair of annotators with precision and recall (the first of the pair is the reference),
attribution agreement of matched quotes and claims, and one line per document. The chart is
:func:`app.core.review.report.chart_svg`, the one the HTML page carries, drawn with QtSvg. "Gold as the reference" puts
the gold layer first, so every annotator is scored against gold.

Reading every layer runs on its own store connection in a :class:`~app.ui.tasks.Task` (a project of thousands of
documents does not freeze the window); saving goes through ``ProjectApi.write_report``, which never writes over a
file that is not a Qawl report.
"""

from __future__ import annotations

from html import escape

import orjson
from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QRadioButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ...core.review.agreement import AgreementReport, Comparison, agreement_report
from ...core.errors import Cancelled, QawlError
from ...core.model import GOLD, SUGGESTIONS
from ...core.ports import ProjectReads
from ...core.review.report import chart_svg, figure_values, report_to_html, report_to_json
from .. import filedialog
from ..names import label_name


def collect(store: ProjectReads, doc_ids, progress=None, cancel=None) -> list:
    """``(document, layers)`` of every document in ``doc_ids`` that has annotations (the report's input)."""
    items = []
    total = len(doc_ids)
    for n, doc_id in enumerate(doc_ids):
        if cancel is not None and n % 50 == 0 and cancel():
            raise Cancelled()
        if progress is not None and n % 50 == 0:
            progress(n, total)
        layers = store.layers(doc_id)
        if layers:
            items.append((store.document(doc_id), layers))
    return items


def compute(items, *, gold_first: bool, title: str) -> AgreementReport:
    """The report over ``items``; with ``gold_first`` gold is the reference of every pair."""
    annotators = None
    if gold_first:
        others = sorted({l.annotator for _, layers in items for l in layers} - {GOLD, SUGGESTIONS})
        annotators = [GOLD, *others]
    return agreement_report(items, annotators=annotators, title=title)


def _num(value: float | None) -> QTableWidgetItem:
    item = QTableWidgetItem("–" if value is None else f"{value:.3f}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter if value is None else
                          Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    if value is None:
        item.setToolTip(QCoreApplication.translate("Agreement", "not defined: nothing to compare"))
    return item


def _text(value: str) -> QTableWidgetItem:
    return QTableWidgetItem(value)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            table.setItem(r, c, item)


class AgreementWindow(QDialog):
    """Scope, the report's tables and chart, and Save as JSON / HTML. One per main window (reused)."""

    def __init__(self, main, parent=None) -> None:
        super().__init__(parent or main, Qt.WindowType.Window)
        self.setObjectName("agreement_window")
        self.setWindowTitle(self.tr("Agreement"))
        self.main = main
        self.session = main.session
        self.api = main.api
        self.report: AgreementReport | None = None
        self.task = None
        self.resize(1000, 720)
        self.scope_buttons = {"document": QRadioButton(self.tr("This document")),
                              "selection": QRadioButton(self.tr("Selected documents")),
                              "project": QRadioButton(self.tr("Whole project"))}
        self.scopes = QButtonGroup(self)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(self.tr("Scope:")))
        for key, button in self.scope_buttons.items():
            button.setObjectName(f"scope_{key}")
            self.scopes.addButton(button)
            scope_row.addWidget(button)
        self.gold_first = QCheckBox(self.tr("Gold as the reference"))
        self.gold_first.setToolTip(self.tr("Score every annotator against the gold layer"))
        self.compute_button = QPushButton(self.tr("Compute"))
        scope_row.addWidget(self.gold_first)
        scope_row.addStretch(1)
        scope_row.addWidget(self.compute_button)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = QSvgWidget()
        chart_area = QScrollArea()
        chart_area.setWidget(self.chart)
        chart_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chart_area.setWidgetResizable(False)
        self.labels = _table([self.tr("Label"), self.tr("Spans"), self.tr("Exact F1"), self.tr("Overlap F1"),
                              self.tr("Mean κ chars"), self.tr("α chars"), self.tr("Mean κ tokens"),
                              self.tr("α tokens")])
        self.attribution = _table([self.tr("Label"), self.tr("Field"), self.tr("Matched pairs"),
                                   self.tr("Compared"), self.tr("Agreed"), self.tr("Proportion")])
        self.pair = QComboBox()
        self.pair_table = _table([self.tr("Label"), self.tr("Spans"), self.tr("Exact P"), self.tr("Exact R"),
                                  self.tr("Exact F1"), self.tr("Overlap P"), self.tr("Overlap R"),
                                  self.tr("Overlap F1"), self.tr("κ chars"), self.tr("α chars"),
                                  self.tr("κ tokens"), self.tr("α tokens")])
        self.pair_attribution = _table([self.tr("Label"), self.tr("Field"), self.tr("Matched pairs"),
                                        self.tr("Compared"), self.tr("Agreed"), self.tr("Proportion")])
        pairs = QWidget()
        pairs_layout = QVBoxLayout(pairs)
        pairs_layout.addWidget(self.pair)
        pairs_layout.addWidget(self.pair_table, 3)
        pairs_layout.addWidget(self.pair_attribution, 2)
        self.documents = _table([self.tr("Document"), self.tr("Annotators"), self.tr("Spans"),
                                 self.tr("Overlap F1"), self.tr("α chars")])
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addWidget(chart_area, 3)
        overview_layout.addWidget(self.labels, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Per label"))
        self.tabs.addTab(self.attribution, self.tr("Attribution"))
        self.tabs.addTab(pairs, self.tr("Pairs"))
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.save_json = QPushButton(self.tr("Save as JSON…"))
        self.save_html = QPushButton(self.tr("Save as HTML…"))
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_json)
        buttons.addWidget(self.save_html)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(scope_row)
        layout.addWidget(self.info)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.compute_button.clicked.connect(self.compute)
        self.pair.currentIndexChanged.connect(lambda _i: self._show_pair())
        self.save_json.clicked.connect(lambda: self.save("json"))
        self.save_html.clicked.connect(lambda: self.save("html"))
        close.clicked.connect(self.close)
        self._enable_saving()

    @classmethod
    def open_for(cls, main) -> "AgreementWindow":
        """Show the window of ``main`` (made once), scoped to the selected documents when several are selected,
        else to the open document, and compute."""
        window = getattr(main, "_agreement_window", None)
        if window is None:
            window = main._agreement_window = cls(main)
        selected = main.documents.selected_ids()
        scope = "selection" if len(selected) > 1 else ("document" if main.session.document else "project")
        window.scope_buttons[scope].setChecked(True)
        window.show()
        window.raise_()
        window.compute()
        return window

    # --- computing ------------------------------------------------------------------------------------------------

    def scope(self) -> str:
        return next(key for key, button in self.scope_buttons.items() if button.isChecked())

    def _doc_ids(self, scope: str) -> list[str]:
        if scope == "document":
            return [self.session.document.id] if self.session.document else []
        if scope == "selection":
            return self.main.documents.selected_ids()
        return self.main.documents.model.ids()

    def _title(self, scope: str, ids: list[str]) -> str:
        if scope == "document" and self.session.document is not None:
            return self.tr("Agreement: %1").replace("%1", self.session.document.title)
        if scope == "selection":
            return self.tr("Agreement: %1 selected documents").replace("%1", str(len(ids)))
        store_path = self.session.store.path
        return self.tr("Agreement: project %1").replace("%1", store_path.stem if store_path else "")

    def compute(self):
        """Compute the report for the chosen scope: in the background when the project is a file."""
        scope = self.scope()
        ids = self._doc_ids(scope)
        title = self._title(scope, ids)
        gold_first = self.gold_first.isChecked()
        self.info.setText(self.tr("Computing…"))
        self.compute_button.setEnabled(False)
        db = self.session.store.path
        if self.api is None or db is None:
            try:
                report = compute(collect(self.session.store, ids), gold_first=gold_first, title=title)
            except QawlError as exc:
                self._failed(str(exc))
                return None
            self._computed(report)
            return None
        from ..tasks import run_with_progress

        api = self.api

        def work(progress, cancel):
            store = api.open_store(db)
            try:
                items = collect(store, ids, progress, cancel)
            finally:
                store.close()
            return compute(items, gold_first=gold_first, title=title)

        self.task = run_with_progress(self, self.tr("Computing agreement…"), work, on_success=self._computed,
                                      on_failure=self._failed, on_cancel=lambda: self._failed(self.tr("Cancelled.")))
        return self.task

    def _failed(self, message: str) -> None:
        self.compute_button.setEnabled(True)
        self.info.setText(message)

    def _computed(self, report: AgreementReport) -> None:
        self.compute_button.setEnabled(True)
        self.report = report
        self.setWindowTitle(report.title)
        who = ", ".join(report.annotators) or "–"
        text = self.tr("Documents: %1 (annotated by two or more: %2). Annotators: %3. Figures that are not "
                       "defined (nothing to compare) show as –.") \
            .replace("%1", str(len(report.documents))).replace("%2", str(report.all.documents)).replace("%3", who)
        if len(report.annotators) < 2 or not report.all.documents:
            text = self.tr("No document here was annotated by two annotators: there is nothing to compare.") + \
                "\n" + text
        self.info.setText(text)
        self._show_chart(report)
        self._show_labels(self.labels, report.all, pair=False)
        self._show_attribution(self.attribution, report.all)
        self.pair.blockSignals(True)
        self.pair.clear()
        for c in report.pairs:
            self.pair.addItem(self.tr("%1 (reference) / %2").replace("%1", c.annotators[0])
                              .replace("%2", c.annotators[1]), c.annotators)
        self.pair.blockSignals(False)
        self._show_pair()
        _fill(self.documents, [[_text(d.doc_id), _num_int(len(d.annotators)),
                                _text(", ".join(f"{a} {n}" for a, n in d.spans.items())), _num(d.overlap_f1),
                                _num(d.char_alpha)] for d in report.per_document])
        self._enable_saving()

    # --- showing ----------------------------------------------------------------------------------------------------

    def chart_svg(self, report: AgreementReport) -> str:
        """The report's chart with its legend in the interface language."""
        svg = chart_svg(report)
        words = {"exact F1": self.tr("exact F1"), "overlap F1": self.tr("overlap F1"),
                 "alpha (characters)": self.tr("alpha (characters)"), "alpha (tokens)": self.tr("alpha (tokens)"),
                 "overall": self.tr("overall"), **{label: label_name(label) for label in report.labels}}
        for english, shown in words.items():
            svg = svg.replace(f">{escape(english)}</text>", f">{escape(shown)}</text>")
        return svg

    def _show_chart(self, report: AgreementReport) -> None:
        self.chart.load(QByteArray(self.chart_svg(report).encode("utf-8")))
        self.chart.setFixedSize(self.chart.renderer().defaultSize())

    def _show_labels(self, table: QTableWidget, c: Comparison, pair: bool) -> None:
        rows = []
        labels = [(label, label_name(label), c.labels[label]) for label in c.labels] + \
            [("overall", self.tr("overall"), c.overall)]
        for _key, name, f in labels:
            # Isolated left-to-right: "a / b" in that order in an Arabic interface too.
            spans = f"\u2066{f.exact.a} / {f.exact.b}\u2069" if pair else str(f.exact.a + f.exact.b)
            rows.append([_text(name), _text(spans), *(_num(v) for v in figure_values(f, pair))])
        _fill(table, rows)

    def _show_attribution(self, table: QTableWidget, c: Comparison) -> None:
        rows = []
        for label, fields in c.attribution.items():
            for name, f in fields.items():
                rows.append([_text(label_name(label)), _text(_field(name)), _num_int(f.matched),
                             _num_int(f.compared), _num_int(f.agreed), _num(f.proportion)])
        _fill(table, rows)

    def _show_pair(self) -> None:
        if self.report is None or self.pair.currentIndex() < 0:
            _fill(self.pair_table, [])
            _fill(self.pair_attribution, [])
            return
        a, b = self.pair.currentData()
        c = self.report.pair(a, b)
        self._show_labels(self.pair_table, c, pair=True)
        self._show_attribution(self.pair_attribution, c)

    # --- saving -------------------------------------------------------------------------------------------------------

    def _enable_saving(self) -> None:
        can = self.report is not None and self.api is not None and self.api.write_report is not None
        self.save_json.setEnabled(can)
        self.save_html.setEnabled(can)

    @staticmethod
    def ask_path(parent, title: str, suggested: str, pattern: str) -> str | None:
        """The file to save to (the seam tests replace)."""
        path = filedialog.save_file(parent, title, suggested, pattern)
        return path or None

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, "Qawl", message)

    def save(self, kind: str):
        """Save the report as ``json`` or ``html``; returns the path written, or None."""
        if self.report is None or self.api is None or self.api.write_report is None:
            return None
        if kind == "json":
            path = self.ask_path(self, self.tr("Save the report as JSON"), "agreement.json", "JSON (*.json)")
            content = orjson.dumps(report_to_json(self.report), option=orjson.OPT_INDENT_2)
        else:
            path = self.ask_path(self, self.tr("Save the report as an HTML page"), "agreement.html",
                                 "HTML (*.html)")
            content = report_to_html(self.report)
        if not path:
            return None
        try:
            written = self.api.write_report(path, content)
        except QawlError as exc:
            self.info.setText(str(exc))
            self.warn(str(exc))
            return None
        self.info.setText(self.tr("Saved %1").replace("%1", str(written)))
        return written


def _num_int(value: int) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    return item


def _field(name: str) -> str:
    names = {"speaker": QCoreApplication.translate("Agreement", "speaker"),
             "cue": QCoreApplication.translate("Agreement", "cue"),
             "date": QCoreApplication.translate("Agreement", "date"),
             "type": QCoreApplication.translate("Agreement", "type")}
    return names.get(name, name)

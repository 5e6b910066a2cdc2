"""The project overview (View ▸ Project overview, Ctrl+Shift+O): where the team stands, at a glance.

Documents per annotator and status and the review of the compared documents as bars, annotations per label and
annotator, suggestions made and decided, notes that need discussion. The figures are ``store.stats()`` — what
``qawl stats`` prints — read again when the overview is opened, on Refresh, and after edits while it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from .names import label_name, status_name

# The charts (app.ui.chart) are imported when the overview is first opened: nothing of them is on screen at start-up.
STATUS_COLOURS = {"done": "#1a7f37", "in_progress": "#e0a030", "todo": "#d0d0d0"}
DECISION_COLOURS = {"accepted": "#1f77b4", "rejected": "#c0504d"}


class OverviewDialog(QDialog):
    """The overview window (not modal: it stays open beside the work and follows it)."""

    def __init__(self, window) -> None:
        from .chart import BarChart

        super().__init__(window)
        self.setObjectName("overview")
        self.setWindowTitle(self.tr("Project overview"))
        self.window_ = window
        self.session = window.session
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("overview_summary")
        self.progress = BarChart()
        self.progress.setObjectName("overview_progress")
        self.progress.empty_text = self.tr("Nobody has annotated a document yet.")
        self.labels = BarChart()
        self.labels.setObjectName("overview_labels")
        self.labels.empty_text = self.tr("No annotations yet.")
        self.suggestions_text = QLabel()
        self.suggestions_text.setWordWrap(True)
        self.suggestions = BarChart()
        self.suggestions.setObjectName("overview_suggestions")
        self.notes_text = QLabel()
        self.notes_text.setObjectName("overview_notes")
        self.notes_text.setWordWrap(True)
        self.show_notes = QPushButton(self.tr("Show the notes that need discussion"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        for title, widgets in ((self.tr("Documents per annotator, and the review"), (self.progress,)),
                               (self.tr("Annotations per annotator and label"), (self.labels,)),
                               (self.tr("Suggestions"), (self.suggestions_text, self.suggestions)),
                               (self.tr("Notes"), (self.notes_text, self.show_notes))):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            for w in widgets:
                inner.addWidget(w)
            layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.refresh_button.clicked.connect(self.refresh)
        self.show_notes.clicked.connect(self._show_notes)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)
        self.resize(720, 640)
        self.figures: dict = {}
        # After edits, read again once things are quiet (only while shown).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(400)
        self._later.timeout.connect(lambda: self.refresh() if self.window_.isVisible() else None)
        self.session.changed.connect(lambda _e: self._later.start() if self.isVisible() else None)

    def refresh(self) -> None:
        from .chart import Bar, Part

        stats = self.session.store.stats()
        self.figures = stats
        p = stats["progress"]
        people = len(p["documents_by_annotator"])
        annotations = sum(n for who, labels in p["labels_by_annotator"].items() if who != "gold"
                          for n in labels.values())
        self.summary.setText(self.tr("%1 documents · %2 annotators · %3 annotations · %4 speakers")
                             .replace("%1", f"{stats['documents']:,}").replace("%2", str(people))
                             .replace("%3", f"{annotations:,}").replace("%4", f"{stats['speakers']:,}"))
        bars = [Bar(who, tuple(Part(status_name(s), counts[s], STATUS_COLOURS[s])
                               for s in ("done", "in_progress", "todo")))
                for who, counts in p["documents_by_annotator"].items()]
        review = p["review"]
        if review["documents"]:
            bars.append(Bar(self.tr("Review (gold)"), tuple(Part(status_name(s), review[s], STATUS_COLOURS[s])
                                                           for s in ("done", "in_progress", "todo"))))
        self.progress.set_bars(bars)
        colours = {label.name: label.color for label in self.session.schema.span_labels}
        self.labels.set_bars([Bar(who, tuple(Part(label_name(label), n, colours.get(label, "#999999"))
                                             for label, n in labels.items()))
                              for who, labels in p["labels_by_annotator"].items()])
        s = p["suggestions"]
        self.suggestions_text.setText(self.tr("%1 suggested; %2 not decided by anyone yet.")
                                      .replace("%1", f"{s['spans']:,}").replace("%2", f"{s['undecided']:,}"))
        names = {"accepted": self.tr("accepted"), "rejected": self.tr("rejected")}
        self.suggestions.set_bars([Bar(who, tuple(Part(names[k], d.get(k, 0), DECISION_COLOURS[k])
                                                  for k in ("accepted", "rejected")))
                                   for who, d in s["decisions_by_annotator"].items()])
        self.suggestions.setVisible(bool(s["decisions_by_annotator"]))
        n = p["notes"]
        self.notes_text.setText(self.tr("%1 notes on documents, %2 on annotations; %3 need discussion.")
                                .replace("%1", str(n["on_documents"])).replace("%2", str(n["on_annotations"]))
                                .replace("%3", str(n["needs_discussion"])))
        self.show_notes.setEnabled(n["needs_discussion"] > 0)

    def _show_notes(self) -> None:
        notes = getattr(self.window_, "notes", None)
        if notes is not None:
            notes.show_discussion()


class OverviewHook:
    """View ▸ Project overview: the action in the window's registry; the window made when first opened."""

    TEXT = QT_TRANSLATE_NOOP("Overview", "Project &overview…")
    TIP = QT_TRANSLATE_NOOP("Overview", "Documents per annotator and status, annotations per label, suggestions, "
                                        "review, notes: the figures of qawl stats, as charts")

    def __init__(self, window) -> None:
        self.window = window
        self.dialog: OverviewDialog | None = None
        t = QCoreApplication.translate
        self.action = window.registry.add("overview", t("Overview", self.TEXT), "Ctrl+Shift+O", t("Overview", self.TIP))
        self.action.triggered.connect(self.open)
        view = window.menus["view"]
        view.insertAction(view.actions()[0] if view.actions() else None, self.action)
        view.insertSeparator(view.actions()[1]) if len(view.actions()) > 1 else None

    def open(self) -> OverviewDialog:
        if self.dialog is None:
            self.dialog = OverviewDialog(self.window)
            self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def install_overview(window) -> OverviewHook:
    return OverviewHook(window)

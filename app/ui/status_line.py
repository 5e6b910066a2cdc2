"""What the window says about where the annotator is: the header line over the article (title, date, status,
direction, how many annotations), the bar under it (the exact selection, or what a label key would take), and the
status bar (the last message, red when something was refused or not saved, and the project's progress).

The window builds this once and calls it when something changed; this class only words and places the lines. Its
texts are translated in the window's context ("MainWindow"), where they were first written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from . import edits
from .actions import label_key
from .language import keep_ltr
from .names import label_name, status_name, type_name
from .selection_bar import SelectionBar

translate = QCoreApplication.translate  # lupdate reads translate("MainWindow", "...") calls
REFUSED = "color: #c00000"


class StatusLine(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.header = QLabel()
        self.header.setObjectName("article_header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)  # a long title must not widen the article pane past the sidebars
        self.selection_bar = SelectionBar()
        self.message = QLabel()
        self.progress = QLabel()
        # The bar under the article follows on the next turn of the event loop: the label key's frame stays short.
        self.bar_timer = QTimer(self)
        self.bar_timer.setSingleShot(True)
        self.bar_timer.setInterval(0)
        self.bar_timer.timeout.connect(self.update_selection_bar)

    def install(self) -> None:
        """The two status-bar labels in the window's status bar (once the window has one)."""
        self.window.statusBar().addWidget(self.message, 1)
        self.window.statusBar().addPermanentWidget(self.progress)

    # --- the status bar ----------------------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self._show(message, "")

    def fail(self, message: str) -> None:
        self._show(message, REFUSED)

    def _show(self, message: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(message)
        self.message.setToolTip(message)  # (the status bar clips a long line: the whole of it on hover)

    def update_progress(self, *_args) -> None:
        w = self.window
        counts = w.documents.model.progress()
        total = sum(counts.values())
        self.progress.setText(translate("MainWindow", "%1 of %2 done · %3 in progress · annotator: %4")
                              .replace("%1", str(counts["done"])).replace("%2", str(total))
                              .replace("%3", str(counts["in_progress"])).replace("%4", w.session.annotator))

    # --- over and under the article ----------------------------------------------------------------------------

    def update_title(self) -> None:
        w = self.window
        s = w.session
        doc = s.document
        if doc is None:
            w.setWindowTitle(f"Qawl — {s.annotator}")
            self.header.setText(translate("MainWindow", "No document open. Import articles with File ▸ Import."))
            return
        w.setWindowTitle(f"Qawl — {doc.title} — {s.annotator}")
        status = status_name(s.layer.status)
        direction = translate("MainWindow", "right-to-left") if doc.direction == "rtl" \
            else translate("MainWindow", "left-to-right")
        self.header.setText(f"\u2068{doc.title}\u2069  ·  {doc.date or ''}  ·  {status}  ·  {direction}  ·  "
                            + translate("MainWindow", "%1 annotations").replace("%1", str(len(s.layer.spans))))

    def update_selection_bar(self) -> None:
        """The exact text selected (or of the selected annotation), and what a label key would take from it."""
        w = self.window
        s = w.session
        bar = self.selection_bar
        if s.document is None:
            bar.show_text("")
            return
        start, end = w.view.selection()
        text = s.document.text
        if start != end:
            head = translate("MainWindow", "Selected %1–%2 (%3 characters): ").replace("%1", str(start)) \
                .replace("%2", str(end)).replace("%3", str(end - start))
            snap = w.controller.snapping and not w.view.exact_selection
            rng = edits.clean_range(text, start, end, snap=snap)
            if rng is None:
                tail = " · " + translate("MainWindow", "no words to label")
            elif rng != (start, end):
                tail = " · " + translate("MainWindow", "a label takes %1–%2: %3").replace("%1", str(rng[0])) \
                    .replace("%2", str(rng[1])).replace("%3", "%S")
            else:
                tail = ""
            bar.show_text(head, text[start:end], tail, text[rng[0]:rng[1]] if rng else "")
            return
        span = s.layer.spans.get(s.selected or "")
        if span is not None:
            extra = type_name(span.attrs.get("type")) or span.attrs.get("value") or ""
            bar.show_text(f"{label_name(span.label)}{' · ' + extra if extra else ''} · {span.start}–{span.end}: ",
                          span.text)
            return
        suggested = w.suggestions.selection_text()
        if suggested:
            bar.show_text(suggested)
            return
        keys = " · ".join(f"{keep_ltr(w.registry.shortcut(label_key(l.name)))} {label_name(l.name)}"
                          for l in s.schema.span_labels)
        bar.show_text(translate("MainWindow", "Select words, then press a key: %1").replace("%1", keys))

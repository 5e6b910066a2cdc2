"""Suggestions in the annotation window: shown pale and dashed, confirmed with the keyboard.

The suggestion layer (annotator ``suggestions``) is drawn over the article in pale colours with dashed underlines
and brackets, and its quotes and dates are listed in the sidebars in grey italics, never as the annotator's own.
Suggestions the annotator has decided are not drawn (:func:`app.core.review.triage.hidden_for`).

Keys (the flow is: N, then Enter or Del, again and again):

- **N** / **Shift+N**: select the next / previous pending suggestion (a click on a pale span, or on its row in the
  Quotes or Dates sidebar, selects it too);
- **Enter**: accept the selected suggestion's record into your layer (the quote with its speaker, cue and date;
  a new speaker joins the registry), then select the next one;
- **Del**: reject the selected suggestion (a quote with its parts; a part alone), then select the next one.
  With one of your own annotations selected, Del deletes it as before;
- **Ctrl+Shift+Enter**: accept all suggestions of the document (one undo step).

Each decision is one change through the session (store first, one undo step). Document ▸ Suggest for this
document / for all documents runs the engine in the background (:func:`suggest_work`, on its own store
connection, all documents in one transaction, with progress and Cancel) and the window reloads afterwards;
suggestions someone has decided are kept as they are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from ..core.registry import match as same_speaker
from ..core.review import triage
from ..core.model import SUGGESTIONS, Span
from .language import keep_ltr
from .names import label_name, type_name, visible
from .render import LayerStyle

STYLE = LayerStyle(SUGGESTIONS, filled=False, dashed=True)

ACCEPT, REJECT, ACCEPT_ALL, NEXT, PREVIOUS, SHOW, SUGGEST_DOCUMENT, SUGGEST_ALL = (
    "suggestion:accept", "suggestion:reject", "suggestion:accept_all", "suggestion:next", "suggestion:previous",
    "suggestion:show", "suggestion:suggest_document", "suggestion:suggest_all")


def suggest_work(api, db: Path, doc_ids: list[str] | None, actor: str):
    """The background work of Document ▸ Suggest: its own store connection; the speaker model first learns from
    the project's gold and finished layers and decisions, then every document (or ``doc_ids``) is suggested and
    stored, all in ONE transaction by the project's suggest operation (``api.suggest``), so Cancel (or an error)
    leaves the project as it was. Returns the operation's report (documents, added, kept, seconds, model, what
    learning found)."""
    def work(progress, cancel):
        store = api.open_store(db)
        try:
            return api.suggest(store, doc_ids, actor=actor, learn=True, progress=progress, cancel=cancel)
        finally:
            store.close()
    return work


class SuggestionsUi(QObject):
    """The suggestion commands of one window: actions, menus, selection, decisions, suggestion runs."""

    message = Signal(str)
    failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.controller = window.controller
        self.view = window.view
        self.registry = window.registry
        self.task = None
        r = self.registry
        # Enter is not a shortcut: it is taken only where a suggestion can be selected (the article pane, the
        # Quotes and Dates sidebars; see eventFilter), so it keeps its meaning everywhere else (a dialog's field,
        # the document list), whatever has focus.
        r.add(ACCEPT, self.tr("&Accept suggestion") + "\t" + QKeySequence("Return").toString(
            QKeySequence.SequenceFormat.NativeText), "",
              self.tr("Accept the selected suggestion with its speaker, cue and date"))
        r.add(REJECT, self.tr("&Reject suggestion"), "",
              self.tr("Reject the selected suggestion (Del does the same when a suggestion is selected)"))
        r.add(ACCEPT_ALL, self.tr("Accept all suggestions in this document"), "Ctrl+Shift+Return",
              self.tr("Accept every pending suggestion of the document (one undo step)"))
        r.add(NEXT, self.tr("&Next suggestion"), "N", remappable=True, scope="annotate")
        r.add(PREVIOUS, self.tr("&Previous suggestion"), "Shift+N", remappable=True, scope="annotate")
        r.add(SHOW, self.tr("Show &suggestions"))
        r.add(SUGGEST_DOCUMENT, self.tr("Suggest for this document"), "",
              self.tr("Pre-annotate quotes, speakers, cues and dates of this document for you to accept or reject"))
        r.add(SUGGEST_ALL, self.tr("Suggest for all documents"), "",
              self.tr("Pre-annotate every document of the project (suggestions already decided are kept)"))
        accept = r[ACCEPT]
        for widget in (self.view, window.quotes.table, window.dates.table):
            widget.installEventFilter(self)
        show = r[SHOW]
        show.setCheckable(True)
        show.setChecked(str(window.settings.value("suggestions/show", "true")).lower() != "false")
        self.status = QLabel()
        self.status.setObjectName("suggestions_status")
        window.statusBar().addPermanentWidget(self.status)

        accept.triggered.connect(self.accept_selected)
        r[REJECT].triggered.connect(self.reject_selected)
        r[ACCEPT_ALL].triggered.connect(self.accept_all)
        r[NEXT].triggered.connect(lambda: self.step(True))
        r[PREVIOUS].triggered.connect(lambda: self.step(False))
        show.toggled.connect(self.set_shown)
        r[SUGGEST_DOCUMENT].triggered.connect(lambda: self.suggest(all_documents=False))
        r[SUGGEST_ALL].triggered.connect(lambda: self.suggest(all_documents=True))
        can_run = window.api is not None and window.api.suggest is not None and self.session.store.path is not None
        r[SUGGEST_DOCUMENT].setEnabled(can_run)
        r[SUGGEST_ALL].setEnabled(can_run)
        self.session.changed.connect(self._update_status, Qt.ConnectionType.QueuedConnection)
        self.session.document_opened.connect(self._update_status)
        self.controller.other_selection_changed.connect(lambda _key: self._update_status())
        self._had: frozenset[str] = frozenset()  # pending suggestions the annotator already has: not new work
        self.session.changed.connect(self._follow_mine, Qt.ConnectionType.QueuedConnection)
        self.session.document_opened.connect(self._follow_mine)
        if show.isChecked():
            self.session.show_layer(SUGGESTIONS, STYLE, hide=self._hidden())

    def _hidden(self):
        """Suggestions not drawn or listed: the ones the annotator has decided, and the ones they already have."""
        decided = triage.hidden_for(self.session.annotator)
        return lambda span: decided(span) or span.id in self._had

    def _follow_mine(self, *_args) -> None:
        """After the annotator's layer changed: which suggestions they already have (hidden: not new work), and which
        duplicate or overlap one of their spans (said so in the sidebars)."""
        layer = self._layer()
        s = self.session
        had = triage.already_had(layer, s.layer, s.annotator) if layer is not None and layer.spans else frozenset()
        existing = triage.existing_map(layer, s.layer, s.annotator) if layer is not None and layer.spans else {}
        for model in (self.window.quotes.model, self.window.dates.model):
            model.existing = existing
        if had != self._had:
            self._had = had
            s.refresh_hidden(SUGGESTIONS)

    def fill_edit_menu(self, menu) -> None:
        sub = menu.addMenu(self.tr("S&uggestions"))
        for key in (ACCEPT, REJECT, NEXT, PREVIOUS):
            sub.addAction(self.registry[key])
        sub.addSeparator()
        sub.addAction(self.registry[ACCEPT_ALL])

    def fill_document_menu(self, menu) -> None:
        for key in (SUGGEST_DOCUMENT, SUGGEST_ALL, ACCEPT_ALL):
            menu.addAction(self.registry[key])

    def fill_view_menu(self, menu) -> None:
        menu.addAction(self.registry[SHOW])

    # --- what is pending and selected ---------------------------------------------------------------------------------

    def _layer(self):
        s = self.session
        if s.document is None or not s.shows(SUGGESTIONS):
            return None
        return s.workspace.layer(s.document.id, SUGGESTIONS)

    def pending(self) -> list[triage.SuggestedRecord]:
        """The records left to decide (not the ones the annotator already has)."""
        layer = self._layer()
        if layer is None:
            return []
        return [r for r in triage.pending(layer, self.session.annotator) if not r.ids <= self._had]

    def selected(self) -> Span | None:
        """The selected suggestion, if it is still pending for this annotator."""
        key = self.controller.other_selected
        layer = self._layer()
        if layer is None or key is None or key[0] != SUGGESTIONS:
            return None
        span = layer.spans.get(key[1])
        if span is None or triage.decision(span, self.session.annotator) is not None:
            return None
        return span

    def select(self, span_id: str | None, *, scroll: bool = True) -> None:
        self.controller.select_other(SUGGESTIONS if span_id else None, span_id, scroll=scroll)

    def step(self, forward: bool) -> bool:
        """Select the next (previous) pending record after the selection, or after the cursor."""
        records = self.pending()
        if not records:
            self.message.emit(self.tr("No suggestions left in this document."))
            return False
        current = self.selected() or self.session.layer.spans.get(self.session.selected or "")
        keys = [(r.head.start, -r.head.end, r.head.label, r.head.id) for r in records]
        if current is not None:
            pos = (current.start, -current.end, current.label, current.id)
            after = [r for r, k in zip(records, keys) if k > pos]
            before = [r for r, k in zip(records, keys) if k < pos]
        else:  # from the cursor: a record starting right there comes first
            cursor = self.view.cursor_position()
            after = [r for r in records if r.head.start >= cursor]
            before = [r for r in records if r.head.start < cursor]
        if forward:
            choice = after[0] if after else records[0]
        else:
            choice = before[-1] if before else records[-1]
        self.select(choice.head.id)
        return True

    def _next_after(self, head: Span) -> None:
        """After a decision: select the next pending record (in text order, wrapping), or say none is left."""
        records = self.pending()
        if not records:
            self.select(None)
            return
        key = (head.start, -head.end, head.label, head.id)
        after = [r for r in records if (r.head.start, -r.head.end, r.head.label, r.head.id) > key]
        self.select((after or records)[0].head.id)

    def eventFilter(self, watched, event) -> bool:
        """Enter in the article pane accepts the selected suggestion (or selects the next one); in the sidebars
        only while a suggestion is selected (else the table keeps the key)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if watched is self.view or self.selected() is not None:
                self.accept_selected()
                return True
        return super().eventFilter(watched, event)

    # --- decisions ------------------------------------------------------------------------------------------------

    def accept_selected(self) -> bool:
        span = self.selected()
        if span is None:
            if self.pending():
                self.step(True)
                self.message.emit(self.tr("Suggestion selected: Enter accepts it, Del rejects it."))
            else:
                self.message.emit(self.tr("No suggestions left in this document."))
            return False
        s = self.session
        record = triage.record_for(self._layer(), s.annotator, span.id)
        change = triage.accept(self._layer(), s.layer, span.id, s.annotator, s.entities,
                               s.store.suggested_entities(s.document.id), same_speaker=same_speaker)
        if not s.apply(change):
            return False
        head = record.head
        parts = self.tr(", ").join(label_name(p.label).lower() for p in record.parts)
        said = self.tr("Accepted %1: %2").replace("%1", label_name(head.label)).replace("%2", visible(head.text, 60))
        if parts:
            said += " · " + self.tr("with %1").replace("%1", parts)
        self._next_after(head)
        self.message.emit(said + " · " + self._left())
        return True

    def reject_selected(self) -> bool:
        """Reject the selected suggestion; False (nothing done) when no suggestion is selected, so Del can go on
        to delete the annotator's own selected annotation."""
        span = self.selected()
        if span is None:
            return False
        if not self.session.apply(triage.reject(self._layer(), span.id, self.session.annotator)):
            return True
        self._next_after(span)
        self.message.emit(self.tr("Rejected %1: %2").replace("%1", label_name(span.label))
                          .replace("%2", visible(span.text, 60)) + " · " + self._left())
        return True

    def accept_all(self) -> bool:
        s = self.session
        layer = self._layer()
        if layer is None:
            return False
        change = triage.accept_all(layer, s.layer, s.annotator, s.entities, s.store.suggested_entities(s.document.id),
                                   same_speaker=same_speaker)
        if change is None:
            self.message.emit(self.tr("No suggestions left in this document."))
            return False
        if not s.apply(change):
            return False
        self.select(None)
        self.message.emit(self.tr("Accepted %1 suggestions (one undo step).")
                          .replace("%1", str(triage.decisions_in(change)[1])))
        return True

    def _left(self) -> str:
        n = len(self.pending())
        return self.tr("%1 suggestions left").replace("%1", str(n)) if n else \
            self.tr("no suggestions left")

    # --- showing --------------------------------------------------------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        self.window.settings.setValue("suggestions/show", "true" if shown else "false")
        if shown:
            self.session.show_layer(SUGGESTIONS, STYLE, hide=self._hidden())
        else:
            self.controller.select_other(None, None)
            self.session.hide_layer(SUGGESTIONS)
        self._update_status()

    def _update_status(self, *_args) -> None:
        n = len(self.pending())
        self.status.setText(self.tr("%1 suggestions · %2 next · Enter accept · %3 reject").replace("%1", str(n))
                            .replace("%2", self._key(NEXT)).replace("%3", self._key("delete")) if n else "")

    def _key(self, action: str) -> str:
        return keep_ltr(self.registry[action].shortcut().toString(QKeySequence.SequenceFormat.NativeText))

    def selection_text(self) -> str | None:
        """The selection bar's words for a selected suggestion (None when none is selected)."""
        span = self.selected()
        if span is None:
            return None
        extra = type_name(span.attrs.get("type")) or span.attrs.get("value") or ""
        rule = str(span.provenance.get("rule") or "")
        head = self.tr("Suggested %1").replace("%1", label_name(span.label))
        said = (f"{head}{' · ' + extra if extra else ''} · {span.start}–{span.end}: {visible(span.text, 200)} · "
                + self.tr("rule %1 · Enter accepts, %2 rejects").replace("%1", rule)
                .replace("%2", self._key("delete")))
        mine = triage.existing(self.session.layer, span)
        if mine is not None:
            said += " · " + (self.tr("you have it: Enter adds only what yours lacks")
                             if (mine.start, mine.end) == (span.start, span.end) else
                             self.tr("overlaps your %1 %2–%3: Enter merges into yours")
                             .replace("%1", label_name(mine.label).lower()).replace("%2", str(mine.start))
                             .replace("%3", str(mine.end)))
        return said

    # --- suggestion runs ------------------------------------------------------------------------------------------

    def suggest(self, *, all_documents: bool):
        s = self.session
        api, db = self.window.api, s.store.path
        if api is None or api.suggest is None or db is None:
            self.failed.emit(self.tr("Suggestions need a project file (this project is in memory)."))
            return None
        if not all_documents and s.document is None:
            self.message.emit(self.tr("Open a document first."))
            return None
        from .tasks import run_with_progress
        # The engine is imported here, on the window's thread, before the background work needs it: two threads
        # importing one package at the same time can see it half made (the window also loads it when idle).
        import app.core.suggest  # noqa: F401

        ids = None if all_documents else [s.document.id]
        work = suggest_work(api, db, ids, s.annotator)
        self.task = run_with_progress(self.window, self.tr("Suggesting…"), work, on_success=self._suggested,
                                      on_failure=self._suggest_failed, on_cancel=self._suggest_cancelled)
        return self.task

    def _suggested(self, report) -> None:
        if not self.session.shows(SUGGESTIONS):
            self.registry[SHOW].setChecked(True)  # shows the layer (and reopens the document)
        self.session.reload()
        self.window.speakers.model.refresh()
        done = (self.tr("Suggested %1 spans in %2 documents in %3 s (%4 already decided kept as they were).")
                .replace("%1", str(report.added)).replace("%2", str(report.documents))
                .replace("%3", f"{report.seconds:.1f}").replace("%4", str(report.kept)))
        learned = getattr(report, "learned", None)
        if learned is not None:
            done += " " + self._learned(learned, report.model)
        self.message.emit(done)

    def _learned(self, learned: dict, model: str) -> str:
        """What Document ▸ Suggest with learning did, said plainly: a shipped model is not "learned from 0"."""
        documents = int(learned.get("documents", 0))
        if documents == 0:
            return self.tr("Speakers: %1 as shipped (nothing done or gold to learn from yet).").replace("%1", model)
        if learned.get("kept") not in (None, "model") and not (learned.get("ends") or {}).get("kept") == "model":
            return (self.tr("Speakers: %1 kept (learning from %2 documents did not beat it).")
                    .replace("%1", model).replace("%2", str(documents)))
        return (self.tr("Speakers: %2, learned from %1 documents of this project.")
                .replace("%1", str(documents)).replace("%2", model))

    def _suggest_failed(self, message: str) -> None:
        self.failed.emit(message)
        failures = getattr(self.window, "failures", None)
        if failures is not None:  # a background run failing must not pass as a line in the status bar
            failures.show(self.tr("Suggesting failed; nothing was stored: %1").replace("%1", message))

    def _suggest_cancelled(self) -> None:
        self.message.emit(self.tr("Cancelled; nothing was changed."))


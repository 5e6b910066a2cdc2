"""What the window's commands do: read the current selection from the article view and the session, ask
:mod:`app.ui.edits` for the change, and apply it through the session. No widget layout here, no SQL.

The keyboard-first flow: select the words of a quote and press Q; select who said it and press S (the new speaker
mention is linked to the current quote and tied to the registry speaker its words name); select the reporting verb,
K; the date, D, then V to type its value. Alt+arrows move the selected span's end edge, Alt+Shift+arrows its start
edge, one whole character at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.model import Span
from ..core.schema import QUOTE_TYPES, TIMEX_VALUE
from . import edits
from .article_view import ArticleView
from .names import label_name, not_a_date, short, status_name, type_name, visible
from .session import Session


class AnnotationController(QObject):
    """The commands of the annotation window, as slots. ``message`` says what happened (status bar)."""

    message = Signal(str)
    other_selection_changed = Signal(object)  # (annotator, span id) of a shown layer that is not mine, or None

    def __init__(self, session: Session, view: ArticleView, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.other_selected: tuple[str, str] | None = None  # a span of a shown layer that is not mine
        self.snapping = True  # selections become whole words without stray punctuation (View ▸ Snap to words)
        view.span_clicked.connect(self.on_span_clicked)
        view.background_clicked.connect(lambda: self.session.select(None))
        session.selection_changed.connect(self._show_selected)
        session.record_changed.connect(lambda rid: view.set_record(session.annotator if rid else None, rid))
        session.document_opened.connect(lambda _doc: self._set_other(None))

    # --- helpers --------------------------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.session.document.text if self.session.document else ""

    def _selected_span(self) -> Span | None:
        s = self.session
        return s.layer.spans.get(s.selected) if s.document is not None and s.selected else None

    def _say(self, text: str) -> None:
        self.message.emit(text)

    def _show_selected(self, span_id: str | None) -> None:
        self.view.select_span(self.session.annotator if span_id else None, span_id)
        if span_id:
            self._set_other(None)

    def _set_other(self, key: tuple[str, str] | None) -> None:
        if key != self.other_selected:
            self.other_selected = key
            self.other_selection_changed.emit(key)

    def on_span_clicked(self, annotator: str, span_id: str) -> None:
        if annotator == self.session.annotator:
            self.session.select(span_id)
        else:
            self.select_other(annotator, span_id, scroll=False)

    def select_other(self, annotator: str | None, span_id: str | None, *, scroll: bool = True) -> None:
        """Select a span of a shown layer that is not the annotator's (a suggestion; a teammate's span)."""
        self.session.select(None)
        key = (annotator, span_id) if annotator and span_id else None
        self.view.select_span(*(key or (None, None)), scroll=scroll)
        self._set_other(key)

    # --- labelling ------------------------------------------------------------------------------------------------

    def label(self, label: str) -> bool:
        """Label the selected text (or the word at the cursor) with ``label``; with no text selected and an
        annotation selected, give that annotation this label instead. The selection is snapped to whole words
        without stray punctuation (unless it was made with Alt held, or snapping is off)."""
        if self.session.document is None:
            return False
        start, end = self.view.selection()
        selected = self._selected_span()
        if start == end and selected is not None:
            return self.relabel(label)
        rng = edits.clean_range(self.text, start, end, snap=self.snapping and not self.view.exact_selection) \
            if start != end else edits.word_range(self.text, self.view.cursor_position())
        if rng is None:
            self._say(self.tr("Select some words first."))
            return False
        layer = self.session.layer
        added = edits.add_annotation(self.text, layer, self.session.schema, self.session.entities, label, *rng,
                                     record=self.session.record)
        if not self.session.apply(added.change):
            return False
        self.view.clear_text_selection()
        self.session.select(added.span.id)
        self._say(self._added(added))
        return True

    def _added(self, added: edits.Added) -> str:
        """What labelling did, in words: the span, what it was linked to and what not, and why."""
        span = added.span
        said = self.tr("%1 added: %2").replace("%1", label_name(span.label)).replace("%2", visible(span.text, 60))
        layer = self.session.layer
        if span.label in edits.RECORD_LABELS:
            if added.parts:
                said += " · " + self.tr("linked: %1").replace("%1", self._parts(added.parts))
            if added.left:
                said += " · " + self.tr("not linked (already linked to another quote; L links it here): %1") \
                    .replace("%1", self._parts(added.left))
            if not added.parts and not added.left:
                said += " · " + self.tr("no speaker, cue or date labelled in its sentence yet")
        elif added.linked_to:
            said += " · " + self.tr("linked to the current %1 %2").replace(
                "%1", label_name(layer.spans[added.linked_to].label).lower()).replace(
                "%2", visible(short(layer.spans[added.linked_to].text, 40)))
        elif added.not_linked_reason == "other-sentence":
            said += " · " + self.tr("not linked: the current quote is in another sentence (L links it)")
        elif added.not_linked_reason == "has-one":
            said += " · " + self.tr("not linked: the current record already has one (L replaces it)")
        elif added.not_linked_reason is None and span.label in edits.PART_LABELS:
            said += " · " + self.tr("not linked yet: the quote of its sentence takes it when you label it")
        if added.entity is not None:
            said += " · " + self.tr("new speaker “%1”").replace("%1", added.entity.name)
        elif span.label == "SPEAKER" and span.entity in self.session.entities:
            said += " · " + self.tr("speaker: %1").replace("%1", self.session.entities[span.entity].name)
        return said

    def _parts(self, parts) -> str:
        return self.tr(", ").join(f"{label_name(p.label).lower()} {visible(short(p.text, 30))}" for p in parts)

    def relabel(self, label: str) -> bool:
        span = self._selected_span()
        if span is None:
            return False
        return self.session.apply(edits.relabel(self.session.layer, self.session.schema, span.id, label, self.text))

    def delete(self) -> bool:
        span = self._selected_span()
        if span is None:
            self._say(self.tr("Select an annotation to delete (click it, or Alt+Down)."))
            return False
        if not self.session.apply(edits.delete(self.session.layer, span.id)):
            return False
        self._say(self.tr("Deleted %1 %2 (Ctrl+Z brings it back).").replace("%1", label_name(span.label))
                  .replace("%2", visible(short(span.text, 60))))
        return True

    def toggle_proclitic(self) -> bool:
        """Leave out the proclitic (و ف ب ل ك ال) of the selected speaker or cue, or put it back."""
        span = self._selected_span()
        if span is None or span.label not in ("SPEAKER", "CUE"):
            self._say(self.tr("Select a speaker or cue to leave out its proclitic (و، ف، ب، ل، ك، ال)."))
            return False
        rng = edits.toggle_proclitic(self.text, span)
        if rng is None:
            self._say(self.tr("No proclitic to leave out of %1.").replace("%1", visible(span.text, 40)))
            return False
        if not self._resize(span, rng):
            return False
        self._say(self.tr("%1 is now %2").replace("%1", label_name(span.label))
                  .replace("%2", visible(self.text[rng[0]:rng[1]], 60)))
        return True

    def deselect(self) -> None:
        self._say("")
        if self.session.selected is None and not self.view.textCursor().hasSelection():
            self.session.set_record(None)
        self.session.select(None)
        self._set_other(None)
        self.view.select_span(None, None)
        self.view.clear_text_selection()

    def step_annotation(self, forward: bool) -> None:
        self._say("")
        spans = self.session.layer.sorted_spans() if self.session.document else []
        if not spans:
            return
        current = self._selected_span()
        if current is None:
            pos = self.view.cursor_position()
            after = [s for s in spans if s.start >= pos] if forward else [s for s in spans if s.start < pos]
            choice = (after[0] if forward else after[-1]) if after else (spans[0] if forward else spans[-1])
        else:
            i = spans.index(current)
            choice = spans[(i + (1 if forward else -1)) % len(spans)]
        self.session.select(choice.id)

    def move_edge(self, edge: str, arrow: str) -> bool:
        """Move the selected span's start or end edge one whole character in the arrow's direction on screen."""
        span = self._selected_span()
        if span is None:
            self._say(self.tr("Select an annotation to adjust its edges."))
            return False
        rng = edits.step_boundary(self.text, span, edge, edits.visual_step(self.view.direction, arrow))
        if rng is None:
            return False
        return self._resize(span, rng)

    def _resize(self, span: Span, rng: tuple[int, int]) -> bool:
        entity = self.session.entities.get(span.entity or "") if span.label == "SPEAKER" else None
        mentions = self.session.mention_counts().get(entity.id, 0) if entity is not None else 0
        return self.session.apply(edits.resize(self.text, self.session.layer, span.id, *rng, entity=entity,
                                               mentions=mentions))

    # --- records: links, speaker, type, date value ------------------------------------------------------------------

    def link_selected(self) -> bool:
        """Link the selected speaker / cue / date mention to the current quote or claim."""
        span, record = self._selected_span(), self.session.record
        if span is None or record is None or span.id == record:
            self._say(self.tr("Select a speaker, cue or date while a quote is current, then press L."))
            return False
        layer = self.session.layer
        head = layer.spans[record]
        rtype = edits.link_type(self.session.schema, head.label, span.label)
        before = layer.linked(record, rtype) if rtype else []
        change = edits.link(layer, self.session.schema, record, span.id)
        if change is None:
            self._say(self.tr("Nothing to link: already linked, or this kind of mention does not belong to it."))
            return False
        if not self.session.apply(change):
            return False
        said = self.tr("Linked %1 %2 to the %3 %4").replace("%1", label_name(span.label).lower()) \
            .replace("%2", visible(short(span.text, 40))).replace("%3", label_name(head.label).lower()) \
            .replace("%4", visible(short(head.text, 40)))
        if before:
            said += " " + self.tr("(instead of %1)").replace("%1", visible(short(before[0].text, 40)))
        self._say(said)
        return True

    def link_part(self, record_id: str, part_id: str | None, rtype: str) -> bool:
        """Set (or with None, remove) the record's link of ``rtype`` (from the Quotes sidebar editor)."""
        layer = self.session.layer
        change = edits.link(layer, self.session.schema, record_id, part_id) if part_id else \
            edits.unlink(layer, record_id, rtype)
        return self.session.apply(change) if change else False

    def _speaker_target(self) -> Span | None:
        span = self._selected_span()
        if span is not None and span.label == "SPEAKER":
            return span
        record = span if span is not None and span.label in edits.RECORD_LABELS else \
            (self.session.layer.spans.get(self.session.record) if self.session.record else None)
        if record is None:
            return None
        linked = self.session.layer.linked(record.id, "SAID_BY") or self.session.layer.linked(record.id,
                                                                                               "CLAIMED_BY")
        return linked[0] if linked else None

    def choose_speaker(self) -> bool:
        """Pick the registry speaker of the selected mention (or of the current quote's speaker mention)."""
        target = self._speaker_target()
        if target is None:
            self._say(self.tr("Select a speaker mention (S) first, or a quote that has one."))
            return False
        from . import dialogs

        pick = dialogs.SpeakerPicker.ask(self.view.window(), list(self.session.entities.values()), target.text,
                                         target.entity)
        if pick is None:
            return False
        return self.assign_speaker(target.id, pick.entity_id, pick.new_name)

    def assign_speaker(self, speaker_span_id: str, entity_id: str | None, new_name: str | None = None) -> bool:
        layer = self.session.layer
        if entity_id:
            return self.session.apply(edits.set_speaker(layer, speaker_span_id, entity_id))
        if new_name and new_name.strip():
            change, _entity = edits.new_speaker(layer, speaker_span_id, new_name)
            return self.session.apply(change)
        return False

    def set_type(self, record_id: str, value: str) -> bool:
        return self.session.apply(edits.set_attr(self.session.layer, record_id, "type", value))

    def cycle_type(self) -> bool:
        span = self._selected_span()
        if span is None or span.label != "QUOTE":
            span = self.session.layer.spans.get(self.session.record or "") if self.session.document else None
        if span is None or span.label != "QUOTE":
            self._say(self.tr("Select a quote to change its type."))
            return False
        current = span.attrs.get("type")
        nxt = QUOTE_TYPES[(QUOTE_TYPES.index(current) + 1) % len(QUOTE_TYPES)] if current in QUOTE_TYPES \
            else QUOTE_TYPES[0]
        ok = self.set_type(span.id, nxt)
        if ok:
            self._say(self.tr("Quote type: %1").replace("%1", type_name(nxt)))
        return ok

    def set_value(self) -> bool:
        """Type the normalised value of the selected date (or of the current quote's date)."""
        span = self._selected_span()
        if span is None or span.label != "DATE":
            record = self.session.layer.spans.get(self.session.record or "") if self.session.document else None
            dates = self.session.layer.linked(record.id, "DATED") if record else []
            span = dates[0] if dates else None
        if span is None:
            self._say(self.tr("Select a date (D) to give it a value."))
            return False
        from ..core.suggest.kinds import date_value
        from . import dialogs

        doc = self.session.document
        value = span.attrs.get("value") or date_value(doc.text, span.start, span.end, doc.date) or ""
        value = dialogs.DateValueDialog.ask(self.view.window(), span.text, value, doc.date)
        if value is None:
            return False
        return self.set_date_value(span.id, value)

    def set_date_value(self, span_id: str, value: str) -> bool:
        value = value.strip()
        if value and not TIMEX_VALUE.match(value):
            self.session.failed.emit(not_a_date(value))
            return False
        return self.session.apply(edits.set_attr(self.session.layer, span_id, "value", value or None))

    # --- documents and speakers ----------------------------------------------------------------------------------------

    def mark(self, status: str) -> bool:
        if self.session.document is None:
            return False
        if not self.session.apply(edits.set_status(self.session.layer, status)):
            return False
        self._say(self.tr("Document marked: %1").replace("%1", status_name(status)))
        return True

    def merge_speakers(self, *ids: str) -> bool:
        """Merge any number of registry speakers into the one the person keeps (asked), as one undo step."""
        entities = self.session.entities
        chosen = [entities[i] for i in dict.fromkeys(ids) if i in entities]
        if len(chosen) < 2:
            self._say(self.tr("Select two or more speakers to merge them."))
            return False
        from . import dialogs

        choice = dialogs.MergeDialog.ask(self.view.window(), chosen, self.session.mention_counts())
        if choice is None:
            return False
        keep, gone = choice
        layers = {(l.doc_id, l.annotator): l for g in gone for l in self.session.store.layers_mentioning(g.id)}
        if self.session.document is not None:
            # Mentions in the open layer are taken from the cache (the same state the store has).
            key = (self.session.document.id, self.session.annotator)
            if key in layers:
                layers[key] = self.session.layer
        ok = self.session.apply(edits.merge(keep, gone, layers.values()))
        if ok:
            self._say(self.tr("Merged %1 into “%2”.").replace("%1", "، ".join(f"“{g.name}”" for g in gone))
                      .replace("%2", keep.name))
        return ok

    def rename_speaker(self, entity_id: str, name: str, *, keep_alias: bool = False) -> bool:
        """Rename a registry speaker (the old name kept as an alias only when asked)."""
        entity = self.session.entities.get(entity_id)
        if entity is None:
            return False
        change = edits.rename_entity(entity, name, keep_alias=keep_alias)
        if change is None or not self.session.apply(change):
            return False
        said = self.tr("Renamed “%1” to “%2”.").replace("%1", entity.name).replace("%2", change.after.name)
        if keep_alias:
            said += " " + self.tr("The old name stays as an alias.")
        self._say(said)
        return True

    def edit_aliases(self, entity_id: str, aliases) -> bool:
        entity = self.session.entities.get(entity_id)
        change = edits.set_aliases(entity, aliases) if entity is not None else None
        if change is None or not self.session.apply(change):
            return False
        names = "، ".join(change.after.aliases) or self.tr("none")
        self._say(self.tr("Aliases of “%1”: %2").replace("%1", entity.name).replace("%2", names))
        return True

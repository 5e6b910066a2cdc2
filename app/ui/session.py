"""The session: the one path for edits in the annotation window.

A :class:`Session` holds the open project (known only as a :class:`~app.core.ports.Project`), who is annotating, the open document and
an in-memory cache of the layers shown (a :class:`~app.core.workspace.Workspace`). Every edit is a
:class:`~app.core.changes.Change`; :meth:`Session.apply` commits it to SQLite FIRST (one transaction), and only
when that succeeded updates the cache, pushes it on the undo stack and emits one :attr:`Session.changed` signal
saying what changed. Killing the process at any moment therefore loses nothing the window showed as done.

Undo and redo replay the inverse / the change through the same path (store first). If the store refuses a replay
(the data was changed elsewhere, e.g. by an import), the undo history is dropped and the document reloaded from
the store, which is the truth.

Layers other than the annotator's own can be shown read-only with a :class:`~app.ui.render.LayerStyle` (the
suggestion layer, teammates' layers in review): :meth:`Session.show_layer`, optionally hiding some of their spans
(the suggestions this annotator has already decided). The cache keeps such a layer whole; the views see only its
shown part (:meth:`Session.layers`, and event leaves translated: a span leaving the shown part is a removal).

Every change is *traced* before it is committed (:func:`app.core.review.triage.traced`): an edit of an accepted
suggestion (range, label, attributes, links) turns its origin into ``suggested-edited``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.changes import AddSpan, Batch, Change, RemoveSpan, UpdateSpan
from ..core.workspace import Workspace
from ..core.errors import QawlError, StorageError
from ..core.model import SUGGESTIONS, CanonicalClaim, Document, Entity, Layer, Span
from ..core.ports import Project
from ..core.schema import LabelSchema
from ..core.review.triage import traced
from .names import describe
from .render import LayerStyle


#: The description of an event that changes only what is shown of a layer (nothing was edited).
SHOWN_ONLY = "(shown only)"


@dataclass(frozen=True)
class ChangeEvent:
    """What one applied change did, for the views: the leaf changes as applied (for an undo, the inverse's),
    whether it was an undo or redo, the documents it touched and whether the speaker registry changed."""

    change: Change
    leaves: tuple[Change, ...]  # as the views see them (see Session.layers: hidden spans are left out)
    replay: bool
    doc_ids: frozenset[str]
    entities_changed: bool
    seq: int = 0  # emission order: a view that re-read everything after event N ignores queued events <= N
    undone: bool = False  # a replay that undid ``text`` (else, when ``replay``, one that redid it)
    text: str = ""  # the undo history's words for the change replayed
    external: bool = False  # made by another process or window, seen by Session.poll (never on the undo stack)


class ChangeCommand(QUndoCommand):
    """One applied change on the undo stack. It was committed before it was pushed, so its first redo (which
    QUndoStack.push calls) does nothing; later redos and undos go through the session, store first."""

    def __init__(self, session: "Session", change: Change, seq: int, record: str | None = None) -> None:
        super().__init__(describe(change))
        self.session = session
        self.change = change
        self.seq = seq
        # The current record before the change, and after it (as it was when the change was undone): undo and
        # redo bring each back, so the next part links where it did.
        self.record_before = record
        self.record_after: str | None = None
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        seq = self.session._replay(self.change, record=self.record_after, text=self.text())
        if seq is not None:
            self.seq = seq

    def undo(self) -> None:
        self.record_after = self.session.record
        self.session._replay(self.change.inverse(), reverts=self.seq, record=self.record_before, text=self.text(),
                             undone=True)

    # Consecutive edge moves of one span are one undo step (each is still its own row in the history).
    _RESIZE = 0x5150

    def id(self) -> int:
        return self._RESIZE if _is_resize(self.change) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or not _is_resize(other.change):
            return False
        a, b = self.change, other.change
        if (a.doc_id, a.annotator, a.after) != (b.doc_id, b.annotator, b.before):
            return False
        self.change = UpdateSpan(a.doc_id, a.annotator, a.before, b.after)
        self.seq = other.seq
        self.setText(describe(self.change))
        return True


class Session(QObject):
    """The open project, the annotator, the open document, the undo stack; the only way edits are made."""

    changed = Signal(object)  # ChangeEvent
    document_opened = Signal(object)  # Document
    selection_changed = Signal(object)  # span id of the annotator's layer, or None
    record_changed = Signal(object)  # id of the current quote / claim (what new parts link to), or None
    failed = Signal(str)  # a refused edit, in words
    storage_failed = Signal(str)  # the project itself failed (disk full, read-only, busy): nothing was saved
    refreshed = Signal()  # another process or window changed the project (documents, statuses may differ)

    def __init__(self, store: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: Project = store  # the interfaces of app.core.ports, never the concrete store
        self.annotator = annotator
        self.schema: LabelSchema = store.schema
        self.undo_stack = QUndoStack(self)
        self.workspace = Workspace(entities=store.entities().values(), claims=store.claims().values())
        self.document: Document | None = None
        self._styles: dict[str, LayerStyle] = {annotator: LayerStyle(annotator)}
        self._hidden: dict[str, Callable[[Span], bool]] = {}  # annotator -> which of their spans are not shown
        self._shown_cache: dict[str, Layer] = {}
        self.selected: str | None = None
        self.record: str | None = None
        self._mentions: dict[str | None, dict[str, int]] | None = None
        self.events_emitted = 0
        self._data_version = store.data_version()

    # --- what is shown ------------------------------------------------------------------------------------------

    @property
    def entities(self) -> dict[str, Entity]:
        return self.workspace.entities

    @property
    def claims(self) -> dict[str, CanonicalClaim]:
        """The claim registry (canonical claims by id), kept current by every change."""
        return self.workspace.claims

    @property
    def layer(self) -> Layer:
        """The annotator's own layer of the open document."""
        if self.document is None:
            raise QawlError("no document is open")
        return self.workspace.layer(self.document.id, self.annotator)

    def layers(self) -> list[tuple[Layer, LayerStyle]]:
        """The shown layers with their styles, the annotator's own first; a layer shown with ``hide`` without
        the spans it hides (and their relations)."""
        if self.document is None:
            return []
        return [(self.shown_layer(who), style) for who, style in self._styles.items()]

    def shown_layer(self, annotator: str) -> Layer:
        """The part of a shown layer the views show (the whole layer unless it is shown with ``hide``)."""
        layer = self.workspace.layer(self.document.id, annotator)
        hide = self._hidden.get(annotator)
        if hide is None:
            return layer
        shown = self._shown_cache.get(annotator)
        if shown is None:
            spans = [s for s in layer.spans.values() if not hide(s)]
            ids = {s.id for s in spans}
            shown = self._shown_cache[annotator] = Layer(
                layer.doc_id, layer.annotator, layer.status, spans,
                [r for r in layer.relations.values() if r.head in ids and r.tail in ids])
        return shown

    def show_layer(self, annotator: str, style: LayerStyle, hide: Callable[[Span], bool] | None = None) -> None:
        """Show another annotator's layer (read-only here) drawn with ``style``, without the spans ``hide``
        says; reopens the document."""
        self._styles[annotator] = style
        self._hidden.pop(annotator, None)
        if hide is not None:
            self._hidden[annotator] = hide
        self._shown_cache.pop(annotator, None)
        if self.document is not None:
            self.open(self.document.id)

    def hide_layer(self, annotator: str) -> None:
        self._hidden.pop(annotator, None)
        self._shown_cache.pop(annotator, None)
        if annotator != self.annotator and self._styles.pop(annotator, None) and self.document is not None:
            self.open(self.document.id)

    def styles(self) -> dict[str, LayerStyle]:
        """The shown layers' styles by annotator (a copy), the annotator's own first."""
        return dict(self._styles)

    def set_styles(self, styles: dict[str, LayerStyle]) -> None:
        """Show exactly these layers (review: several at once), reopening the document once. The annotator's own
        layer is always shown; ``styles`` may restyle it (e.g. in one annotator colour among others)."""
        new = {self.annotator: styles.get(self.annotator, LayerStyle(self.annotator)),
               **{who: style for who, style in styles.items() if who != self.annotator}}
        if new == self._styles:
            return
        self._styles = new
        if self.document is not None:
            self.open(self.document.id)

    def shows(self, annotator: str) -> bool:
        return annotator in self._styles

    def open(self, doc_id: str) -> Document:
        """Open a document: its text and the shown layers are read from the store."""
        with self.store.snapshot():  # the text and the layers as one state of the project
            document = self.store.document(doc_id)
            layers = [self.store.layer(doc_id, who) for who in self._styles]
        self.workspace.layers = {(l.doc_id, l.annotator): l for l in layers}
        self._shown_cache.clear()
        self.document = document
        self.selected = None
        self.record = None
        self.document_opened.emit(document)
        self.selection_changed.emit(None)
        self.record_changed.emit(None)
        return document

    def set_direction(self, direction: str) -> None:
        """Show the open document in the other direction (kept in the project; display only, offsets never
        change, so it is not an undoable edit)."""
        if self.document is not None:
            self.store.set_direction(self.document.id, direction)
            self.open(self.document.id)

    def reload(self) -> None:
        """Read the registries and the open document again (after an import, or a refused replay)."""
        self.workspace.entities = dict(self.store.entities())
        self.workspace.claims = dict(self.store.claims())
        self._mentions = None
        if self.document is not None:
            self.open(self.document.id)

    def mention_counts(self, annotator: str | None = None) -> dict[str, int]:
        """Speaker id -> number of mentions in the whole project, in one annotator's layers or (None) in every
        layer but the suggestions (nobody's work), cached until a change."""
        if self._mentions is None:
            self._mentions = {}
        if annotator not in self._mentions:
            if annotator is None:
                counts = dict(self.store.mention_counts())
                for entity, n in self.store.mention_counts(SUGGESTIONS).items():
                    counts[entity] = counts.get(entity, 0) - n
                self._mentions[None] = {k: v for k, v in counts.items() if v > 0}
            else:
                self._mentions[annotator] = self.store.mention_counts(annotator)
        return self._mentions[annotator]

    # --- selection --------------------------------------------------------------------------------------------------

    def select(self, span_id: str | None) -> None:
        """Select a span of the annotator's layer; selecting a quote or claim makes it the current record."""
        if span_id is not None and (self.document is None or span_id not in self.layer.spans):
            span_id = None
        if span_id != self.selected:
            self.selected = span_id
            self.selection_changed.emit(span_id)
        if span_id is not None and self.layer.spans[span_id].label in ("QUOTE", "CLAIM"):
            self.set_record(span_id)

    def set_record(self, span_id: str | None) -> None:
        if span_id != self.record:
            self.record = span_id
            self.record_changed.emit(span_id)

    # --- edits ------------------------------------------------------------------------------------------------------

    def apply(self, change: Change | None) -> bool:
        """Commit ``change`` to the store, then update the cache, push it for undo and emit ``changed``.
        A refused change (QawlError) changes nothing, emits ``failed`` and returns False."""
        if change is None:
            return False
        record = self.record
        try:
            change = traced(change, self._layer_of)
            seq = self.store.apply(change, actor=self.annotator)
        except StorageError as exc:
            self._storage_failed(change, exc)
            return False
        except QawlError as exc:
            self.failed.emit(str(exc))
            return False
        self._after(change, replay=False)
        self.undo_stack.push(ChangeCommand(self, change, seq, record))
        return True

    def _replay(self, change: Change, reverts: int | None = None, *, record: str | None = None, text: str = "",
                undone: bool = False) -> int | None:
        """Undo / redo: bring the affected document into view, commit, update the cache, and make ``record`` the
        current record again (when it still exists)."""
        doc_id = change.doc_id
        if doc_id and (self.document is None or doc_id != self.document.id) and self.store.has_document(doc_id):
            self.open(doc_id)
        try:
            seq = self.store.apply(change, actor=self.annotator, reverts=reverts)
        except StorageError as exc:
            self.storage_failed.emit(self.tr("Could not undo or redo (%1): %2 The undo history was cleared and the "
                                             "document reloaded.").replace("%1", describe(change))
                                     .replace("%2", self._reason(exc)))
            QTimer.singleShot(0, self._resync)
            return None
        except QawlError as exc:
            self.failed.emit(self.tr("Could not undo or redo: %1. The undo history was cleared and the document "
                                     "reloaded.").replace("%1", str(exc)))
            # The stack is in the middle of an undo/redo: clear it once that has returned.
            QTimer.singleShot(0, self._resync)
            return None
        self._after(change, replay=True, undone=undone, text=text)
        if self.document is not None:
            self.set_record(record if record in self.layer.spans else None)
        return seq

    def _storage_failed(self, change: Change, exc: StorageError) -> None:
        self.storage_failed.emit(self.tr("Not saved: %1. %2").replace("%1", describe(change))
                                 .replace("%2", self._reason(exc)))

    def _reason(self, exc: StorageError) -> str:
        """Why the project could not take it, in the interface's language (the store's words otherwise)."""
        reasons = {
            "full": self.tr("The disk is full: nothing of this edit was saved. Free some space and try again."),
            "readonly": self.tr("The project file is read-only (its permissions, or a disk mounted read-only): "
                                "nothing of this edit was saved."),
            "busy": self.tr("Another program (a qawl import or export, another window) kept the project locked "
                            "too long: nothing of this edit was saved. Try again."),
            "damaged": self.tr("The project file is damaged: nothing of this edit was saved. See Integrity in the "
                               "README to recover it."),
            "io": self.tr("The disk could not be read or written: nothing of this edit was saved."),
        }
        text = reasons.get(getattr(exc, "kind", ""))
        if text is None:
            text = exc.message[:1].upper() + exc.message[1:] + "."
        return "\u2068" + text + "\u2069"  # isolated: its own direction and punctuation in either language

    # --- other processes ----------------------------------------------------------------------------------------

    def poll(self) -> bool:
        """Show what another process or window committed since we last looked (``PRAGMA data_version``): a
        command-line import, a teammate's window on the same project, this window's own background work."""
        try:
            version = self.store.data_version()
        except QawlError:
            return False  # the project is unreadable right now: the next poll tries again
        if version == self._data_version:
            return False
        self._data_version = version
        self.refresh()
        return True

    def refresh(self) -> None:
        """Read the registry and the shown layers again and show the differences as external changes: the
        document stays open, the selection and the scroll position stay where they are (unless what was selected
        is gone). The undo history stays; a step that no longer fits is refused when undone, and says so."""
        from ..core.changes import AddClaim, RemoveClaim, UpdateClaim, difference, registry_difference

        with self.store.snapshot():  # one state of the project: a new span and its new speaker together
            entities, claims = dict(self.store.entities()), dict(self.store.claims())
            leaves = registry_difference(self.workspace.entities, entities)
            leaves += registry_difference(self.workspace.claims, claims, AddClaim, RemoveClaim, UpdateClaim)
            self.workspace.entities, self.workspace.claims = entities, claims
            self._mentions = None
            if self.document is not None:
                if not self.store.has_document(self.document.id):
                    self.document = None
                else:
                    for who in self._styles:
                        old = self.workspace.layer(self.document.id, who)
                        new = self.store.layer(self.document.id, who)
                        leaves.extend(difference(old, new, same=_same_but_timestamps))
                        self.workspace.layers[(self.document.id, who)] = new
                    self._shown_cache.clear()
        if leaves:
            self._after(Batch(tuple(leaves), self.tr("Changed elsewhere")), replay=False, external=True)
        self.refreshed.emit()

    def _layer_of(self, doc_id: str, annotator: str) -> Layer:
        """A layer as it is now: from the cache when shown, else from the store."""
        if self.document is not None and doc_id == self.document.id and annotator in self._styles:
            return self.workspace.layer(doc_id, annotator)
        return self.store.layer(doc_id, annotator)

    def _resync(self) -> None:
        self.undo_stack.clear()
        self.reload()

    def _after(self, change: Change, *, replay: bool, undone: bool = False, text: str = "",
               external: bool = False) -> None:
        leaves = tuple(change.flat())
        open_id = self.document.id if self.document else None
        try:
            for leaf in (() if external else leaves):  # an external change is in the cache already
                doc_id = leaf.doc_id
                if doc_id is None:
                    leaf.apply(self.workspace)
                elif doc_id == open_id and leaf.annotator in self._styles:
                    leaf.apply(self.workspace)
        except QawlError:
            # The cache disagrees with the store (should not happen): the store is the truth.
            self.workspace.entities = dict(self.store.entities())
            self.workspace.claims = dict(self.store.claims())
            if self.document is not None:
                for who in self._styles:
                    self.workspace.layers[(self.document.id, who)] = self.store.layer(self.document.id, who)
        if self._hidden:
            leaves = self._as_shown(leaves, open_id)
        docs = frozenset(l.doc_id for l in leaves if l.doc_id)
        entities = any(l.doc_id is None for l in leaves)
        if entities or any(_touches_speakers(l) for l in leaves):
            self._mentions = None
        if self.document is not None:
            if self.selected is not None and self.selected not in self.layer.spans:
                self.selected = None
                self.selection_changed.emit(None)
            if self.record is not None and self.record not in self.layer.spans:
                self.set_record(None)
        self.events_emitted += 1
        self.changed.emit(ChangeEvent(change, leaves, replay, docs, entities, self.events_emitted, undone, text,
                                      external))

    def refresh_hidden(self, annotator: str) -> None:
        """The rule hiding some spans of a shown layer answers differently now (it also looks at the annotator's
        own layer: suggestions they already have): show the difference to the views as a change of that layer."""
        if self.document is None or annotator not in self._hidden:
            return
        old = self._shown_cache.pop(annotator, None)
        new = self.shown_layer(annotator)
        if old is None:
            return
        doc = self.document.id
        leaves = tuple([RemoveSpan(doc, annotator, s) for k, s in old.spans.items() if k not in new.spans] +
                       [AddSpan(doc, annotator, s) for k, s in new.spans.items() if k not in old.spans])
        if leaves:
            self.events_emitted += 1
            self.changed.emit(ChangeEvent(Batch(leaves, SHOWN_ONLY), leaves, False, frozenset({doc}), False,
                                          self.events_emitted))

    def _as_shown(self, leaves: tuple[Change, ...], open_id: str | None) -> tuple[Change, ...]:
        """The leaves as the views see them: in a layer shown with ``hide``, a span that stops being shown is
        removed, one that starts is added, and hidden spans (and relations touching them) are left out."""
        touched = {leaf.annotator for leaf in leaves if leaf.doc_id == open_id and leaf.annotator in self._hidden}
        if not touched:
            return leaves
        for who in touched:
            self._shown_cache.pop(who, None)  # rebuilt once, from the cache as it is after the change
        out: list[Change] = []
        for leaf in leaves:
            who = leaf.annotator
            hide = self._hidden.get(who or "")
            if hide is None or leaf.doc_id != open_id:
                out.append(leaf)
                continue
            if isinstance(leaf, UpdateSpan):
                was, now = not hide(leaf.before), not hide(leaf.after)
                if was and now:
                    out.append(leaf)
                elif was:
                    out.append(RemoveSpan(leaf.doc_id, who, leaf.before))
                elif now:
                    out.append(AddSpan(leaf.doc_id, who, leaf.after))
            elif isinstance(leaf, (AddSpan, RemoveSpan)):
                if not hide(leaf.span):
                    out.append(leaf)
            else:
                rel = getattr(leaf, "relation", None)
                shown = self.shown_layer(who).spans if rel is not None else {}
                if rel is None or (rel.head in shown and rel.tail in shown):
                    out.append(leaf)
        return tuple(out)


def _same_but_timestamps(a: Span, b: Span) -> bool:
    return a == b or (a.created, a.updated) != (b.created, b.updated) and \
        (a.id, a.label, a.start, a.end, a.text, a.attrs, a.origin, a.provenance) == \
        (b.id, b.label, b.start, b.end, b.text, b.attrs, b.origin, b.provenance)


def _touches_speakers(leaf: Change) -> bool:
    spans = [getattr(leaf, name, None) for name in ("span", "before", "after")]
    return any(s is not None and getattr(s, "label", None) == "SPEAKER" for s in spans)


def _is_resize(change: Change) -> bool:
    return isinstance(change, UpdateSpan) and change.before.label == change.after.label and \
        change.before.attrs == change.after.attrs and (change.before.start, change.before.end) != \
        (change.after.start, change.after.end)

"""Review mode: the annotators' layers of the open document compared, and gold built from them with the keyboard.

Review ▸ Review mode (Ctrl+R) turns it on for whatever document is open. The compared annotators are every layer of
the document except ``suggestions`` and ``gold`` (the reviewer can untick names in the Review sidebar; the choice is
kept from one document to the next). Each is drawn pale in its own colour (:class:`~app.ui.render.LayerStyle`,
one colour per annotator for the whole project), gold is drawn filled in the label colours on top, and the Review
sidebar lists the differences (:func:`app.core.review.diff.differences`). Selecting one frames its span, scrolls to it and
selects its text, ready to be adjusted for an edited version.

Every decision is one :mod:`app.core.review.adjudicate` batch applied through :meth:`Session.apply` (committed first, one
undo step, Ctrl+Z works) and stamped with the window's annotator name as ``adjudicated_by``:

=================  =================================================================================
1 … 9              accept that annotator's version (numbered as in the list); one who has nothing
                   there means: nothing of it goes into gold
B                  accept every version here ("both")
Ctrl+Return        accept the edited version: the text selection's range with the label and
                   attributes of the chosen annotator's span (the column last clicked, else the first)
X                  reject: nothing of it in gold
Ctrl+Shift+A       accept every agreed difference of the document that gold does not hold yet
N / P              next / previous disagreement (every difference with "Disagreements only" unticked); a
                   decision moves on by itself, to the next disagreement gold has not decided yet
Ctrl+Shift+D       mark the review of the document done (the gold layer's status)
=================  =================================================================================

The review actions are enabled only in review mode, so their single keys never shadow another mode's.

The list shows the disagreements only (on by default; what every annotator agrees on is one Ctrl+Shift+A away), and
the article draws the agreed spans in a quiet grey, so what needs a decision stands out.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...core.review import adjudicate
from ...core.changes import Batch
from ...core.review.diff import Difference, differences
from ...core.errors import QawlError
from ...core.review.matching import default_entity_key
from ...core.model import GOLD, Layer, Status
from ...core.review.gold import (RESERVED, compared_annotators, default_base, edited_version, gold_state,
                                 holds_versions)
from .. import edits
from ..names import label_name, status_name
from ..render import LayerStyle
from .models import DifferencesModel, annotator_colours
from ..session import ChangeEvent, Session

#: the reviewer's own layer, when it is not one of the compared ones, is drawn in this grey
OWN_GREY = "#9e9e9e"


class ReviewController(QObject):
    """Review mode for the open document: which layers are compared and how they are drawn, the differences, the
    current one, and the decisions. The window's article view is read for the selection and framed; nothing else
    of the window is touched."""

    message = Signal(str)
    activated = Signal(bool)
    current_changed = Signal(int)  # row of the current difference, -1 for none
    refreshed = Signal()  # the differences (and who is compared) were computed again

    def __init__(self, session: Session, view, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.active = False
        self.excluded: set[str] = set()
        self.annotators: tuple[str, ...] = ()  # compared in the open document, in key order (1, 2, ...)
        self.everyone: tuple[str, ...] = ()  # the project's annotators (for stable colours)
        self.colours: dict[str, str] = {}
        self.preferred: str | None = None  # whose span an edited version starts from
        self.current = -1
        self.disagreements_only = True  # N / P and the list skip what every annotator agrees on
        self.model = DifferencesModel(self)
        self._saved: dict[str, LayerStyle] | None = None
        self._doc_annotators: set[str] = set()
        session.document_opened.connect(self._document_opened)
        session.changed.connect(self._changed)

    # --- the mode ---------------------------------------------------------------------------------------------------

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        if on:
            self._saved = self.session.styles()
            self._read_annotators()
            self._show_layers()  # reopens the document if the styles changed: the list follows from there
            self.refresh()
        else:
            saved, self._saved = self._saved or {}, None
            self.session.set_styles(saved)
            self.refresh()
            self.view.set_quiet(())
        self.activated.emit(on)

    def _read_annotators(self) -> None:
        store = self.session.store
        # The reviewer last (their own annotations, once they make some, are compared in colour too), so that the
        # teammates' colours do not depend on whether the reviewer annotated.
        me = self.session.annotator
        self.everyone = (*sorted(a for a in store.annotators() if a not in RESERVED and a != me), me)
        self.colours = annotator_colours(self.everyone)
        doc = self.session.document
        self._doc_annotators = set(store.layer_annotators(doc.id)) if doc is not None else set()

    def desired_styles(self) -> dict[str, LayerStyle]:
        """Other shown layers as they were (e.g. suggestions), every project annotator not left out pale in their
        colour (those who did not annotate this document draw nothing), gold filled in the label colours."""
        me = self.session.annotator
        styles = {who: style for who, style in (self._saved or {}).items() if who not in self.everyone and who != me}
        for who in self.everyone:
            if who not in self.excluded:
                styles[who] = LayerStyle(who, filled=False, color=self.colours[who], listed=False)
        if me not in styles or me in self.excluded:
            styles[me] = LayerStyle(me, filled=False, color=OWN_GREY)
        styles[GOLD] = LayerStyle(GOLD)
        return styles

    def _show_layers(self) -> None:
        self.session.set_styles(self.desired_styles())

    def set_excluded(self, annotator: str, excluded: bool) -> None:
        """Leave an annotator out of the comparison (or take them back), for this and the next documents."""
        if excluded == (annotator in self.excluded):
            return
        (self.excluded.add if excluded else self.excluded.discard)(annotator)
        if self.active:
            self._show_layers()
            self.refresh()

    def _document_opened(self, _document) -> None:
        if not self.active:
            return
        self._read_annotators()
        if self.desired_styles() != self.session.styles():
            self._show_layers()  # opens the document again with these layers: refreshed from that call
            return
        self.current = -1
        self.refresh()

    def _changed(self, event: ChangeEvent) -> None:
        doc = self.session.document
        if not self.active or doc is None or doc.id not in event.doc_ids:
            return
        me = self.session.annotator
        if me not in self._doc_annotators and self.session.layer.spans:
            self._doc_annotators.add(me)  # the reviewer's first annotation of this document makes a layer
        touched = {leaf.annotator for leaf in event.leaves if leaf.doc_id == doc.id}
        if touched & (set(self.annotators) | {me}):
            self.refresh()
        elif GOLD in touched:  # a decision: the differences are the same, what gold holds is not
            self.model.set_gold(self.gold())
            self.refreshed.emit()

    # --- the differences ------------------------------------------------------------------------------------------

    def layers(self) -> list[Layer]:
        doc = self.session.document
        return [self.session.workspace.layer(doc.id, who) for who in self.annotators] if doc else []

    def gold(self) -> Layer | None:
        doc = self.session.document
        return self.session.workspace.layer(doc.id, GOLD) if doc is not None else None

    def refresh(self) -> None:
        """Compute the differences of the open document again and keep the current one where it was."""
        doc = self.session.document
        previous = self.current_difference()
        if not self.active or doc is None:
            self.annotators = ()
            self.model.set_differences("", (), {}, [], None, {}, {})
            self._set_current(-1, frame=False)
            self.refreshed.emit()
            return
        self.annotators = tuple(compared_annotators(self._doc_annotators, self.excluded))
        layers = self.layers()
        diffs = differences(doc.text, layers, default_entity_key) if layers else []
        # What everyone agrees on is drawn quietly (with two or more annotators: one alone agrees with nobody).
        self.view.set_quiet({(who, span.id) for d in diffs if d.kind == "same" and len(d.present) > 1
                             for who, span in zip(d.annotators, d.spans) if span is not None})
        rebuilt = self.model.set_differences(doc.text, self.annotators, self.colours, diffs, self.gold(),
                                             {l.annotator: l for l in layers}, self.session.entities)
        if rebuilt:
            row = -1
            if previous is not None:
                row = self.model.row_of(previous)
                if row < 0:
                    row = self.model.row_at(previous.start)
            self._set_current(row, frame=False)
        self.refreshed.emit()

    def current_difference(self) -> Difference | None:
        return self.model.difference(self.current) if 0 <= self.current < self.model.rowCount() else None

    def summary(self) -> dict[str, int]:
        """How many differences of each kind, and how many gold holds something for."""
        counts = {"all": self.model.rowCount(), "decided": 0}
        for row in range(self.model.rowCount()):
            kind = self.model.difference(row).kind
            counts[kind] = counts.get(kind, 0) + 1
            counts["decided"] += self.model.gold_state(row).decided
        return counts

    # --- the current difference --------------------------------------------------------------------------------------

    def set_current(self, row: int) -> None:
        """Make ``row`` the current difference: frame its span, scroll to it and select its text."""
        self._set_current(row, frame=True)

    def _set_current(self, row: int, *, frame: bool) -> None:
        row = row if 0 <= row < self.model.rowCount() else -1
        changed = row != self.current
        self.current = row
        if frame and row >= 0:
            self._frame()
        if changed or frame:
            self.current_changed.emit(row)

    def _frame(self) -> None:
        diff = self.current_difference()
        if diff is None:
            return
        base = default_base(diff, self.preferred)
        span = diff.span_of(base)
        self.session.select(None)
        self.view.select_span(None, None)
        self.view.select_span(base, span.id)
        self.view.select_text(span.start, span.end)

    def set_preferred(self, annotator: str | None) -> None:
        """Whose version an edited version starts from (the annotator column last clicked)."""
        self.preferred = annotator
        if self.current >= 0:
            self._frame()

    def disagrees(self, row: int) -> bool:
        return self.model.difference(row).kind != "same"

    def stops(self) -> list[int]:
        """The rows N and P go through: the disagreements, or every difference when not filtering."""
        return [r for r in range(self.model.rowCount()) if not self.disagreements_only or self.disagrees(r)]

    def set_disagreements_only(self, on: bool) -> None:
        """Show (and step through) only what annotators disagree on, or every difference."""
        if on == self.disagreements_only:
            return
        self.disagreements_only = on
        self.refreshed.emit()
        if on and self.current >= 0 and not self.disagrees(self.current):
            later = [r for r in self.stops() if r > self.current]
            self._set_current(later[0] if later else -1, frame=bool(later))

    def first(self) -> None:
        """The first stop (the first disagreement), if any."""
        stops = self.stops()
        if stops:
            self.set_current(stops[0])

    def step(self, delta: int) -> None:
        """Next (1) or previous (-1) disagreement (or difference); from none, the first or the last."""
        if self.model.rowCount() == 0:
            self.message.emit(self.tr("No differences in this document."))
            return
        stops = self.stops()
        if not stops:
            self.message.emit(self.tr("Every annotator agrees on everything here (untick Disagreements only to see "
                                      "what they agree on)."))
            return
        if self.current < 0:
            self.set_current(stops[0] if delta > 0 else stops[-1])
            return
        ahead = [r for r in stops if r > self.current] if delta > 0 else [r for r in stops if r < self.current]
        if not ahead:
            self.message.emit(self.tr("That was the last disagreement.") if delta > 0 else
                              self.tr("That was the first disagreement."))
            return
        self.set_current(ahead[0] if delta > 0 else ahead[-1])

    # --- decisions ----------------------------------------------------------------------------------------------------

    def _need_current(self) -> Difference | None:
        diff = self.current_difference() if self.active else None
        if diff is None:
            self.message.emit(self.tr("Select a difference first (N for the next one)."))
        return diff

    def _apply(self, batch: Batch, said: str) -> bool:
        if not batch.changes:
            self.message.emit(said)
            self.step_quietly()
            return True
        if not self.session.apply(batch):
            return False
        self.message.emit(said)
        self.step_quietly()
        return True

    def step_quietly(self) -> None:
        """After a decision: on to the next disagreement gold has not decided yet (else the next one; staying on the
        last one)."""
        if self.current < 0:
            return
        later = [r for r in self.stops() if r > self.current]
        open_ = [r for r in later if not self.model.gold_state(r).decided]
        if open_ or later:
            self.set_current((open_ or later)[0])
        else:
            self.set_current(self.current)

    def _by(self) -> str:
        return self.session.annotator

    def accept(self, number: int) -> bool:
        """Accept the version of annotator ``number`` (1-based, as listed)."""
        diff = self._need_current()
        if diff is None:
            return False
        if not 1 <= number <= len(self.annotators):
            self.message.emit(self.tr("There is no annotator %1 here.").replace("%1", str(number)))
            return False
        who = self.annotators[number - 1]
        if diff.span_of(who) is None:
            return self.reject(reason=self.tr("%1 has nothing here: nothing of it goes into gold.")
                               .replace("%1", who))
        return self._accept([who], self.tr("Gold takes %1's version.").replace("%1", who))

    def accept_all_versions(self) -> bool:
        """Accept every version present ("accept both"): each distinct one once."""
        diff = self._need_current()
        if diff is None:
            return False
        return self._accept(list(diff.present), self.tr("Gold takes every version here."))

    def _accept(self, chosen: list[str], said: str) -> bool:
        diff = self.current_difference()
        if holds_versions(self.gold(), diff, chosen):
            self.message.emit(self.tr("Gold already holds that."))
            self.step_quietly()
            return True
        try:
            batch = adjudicate.accept(self.gold(), self.layers(), diff, chosen, by=self._by())
        except QawlError as exc:
            self.session.failed.emit(str(exc))
            return False
        return self._apply(batch, said)

    def accept_edited(self) -> bool:
        """Accept the text selection as the version: the range selected, with the label and attributes of the
        preferred annotator's span (relations copied from it as for an accepted version)."""
        diff = self._need_current()
        if diff is None:
            return False
        text = self.session.document.text
        start, end = self.view.selection()
        rng = edits.clean_range(text, start, end) if start != end else None
        if rng is None:
            self.message.emit(self.tr("Select the words of the edited version first (Shift+arrows or the mouse), "
                                      "then press Ctrl+Return."))
            return False
        base = default_base(diff, self.preferred)
        try:
            version = edited_version(text, diff.span_of(base), *rng)
            batch = adjudicate.accept_edited(self.gold(), self.layers(), diff, version, text=text, by=self._by(),
                                             based_on=base)
        except QawlError as exc:
            self.session.failed.emit(str(exc))
            return False
        return self._apply(batch, self.tr("Gold takes an edited version of %1's %2.")
                           .replace("%1", base).replace("%2", label_name(version.label).lower()))

    def reject(self, reason: str | None = None) -> bool:
        """Nothing of the current difference goes into gold (what gold held for it is removed)."""
        diff = self._need_current()
        if diff is None:
            return False
        said = reason or self.tr("Rejected: nothing of it goes into gold.")
        if not gold_state(self.gold(), diff).decided:
            self.message.emit(said)
            self.step_quietly()
            return True
        try:
            batch = adjudicate.reject(self.gold(), self.layers(), diff, by=self._by())
        except QawlError as exc:
            self.session.failed.emit(str(exc))
            return False
        return self._apply(batch, said)

    def accept_all_agreed(self) -> bool:
        """Every agreed difference of the document that gold does not hold yet, as one undo step."""
        doc = self.session.document
        if not self.active or doc is None:
            return False
        try:
            batch = adjudicate.accept_all_agreed(self.gold(), self.layers(), doc.text, by=self._by(),
                                                 diffs=self.model.diffs)
        except QawlError as exc:
            self.session.failed.emit(str(exc))
            return False
        added = sum(1 for leaf in batch.flat() if leaf.kind == "add_span")
        if not added:
            self.message.emit(self.tr("Gold already holds every agreed annotation."))
            return True
        if not self.session.apply(batch):
            return False
        self.message.emit(self.tr("Gold takes %1 agreed annotations.").replace("%1", str(added)))
        return True

    def review_status(self) -> str:
        gold = self.gold()
        return gold.status if gold is not None else Status.TODO.value

    def set_review_status(self, status: str) -> bool:
        """The document's review status: the gold layer's status."""
        doc = self.session.document
        if doc is None:
            return False
        change = adjudicate.set_review_status(self.gold(), doc.id, status)
        if change.before == change.after:
            return True
        ok = self.session.apply(change)
        if ok:
            self.message.emit(self.tr("Review: %1").replace("%1", status_name(status)))
        return ok

"""Claims in the annotation window: the keys and commands of a claim and the claim fields of the Quotes sidebar
(the dialogs they open, the registry picker among them, are :mod:`.claim_dialogs`').

Keys (remappable in Edit ▸ Keys…), on the selected claim or the current one:

- **W** cycles check-worthiness: yes → no → unsure → (none);
- **R** opens the verdict menu (the project's verdict list, numbered: R then 1…9 sets it; 0 clears it);
- **U** asks for the fact-check URL (checked: http(s) with a host; a bad one is refused and nothing changes);
- **G** links the claim to a canonical claim: the registry's claims with similar wording come first, or a new
  canonical claim worded after the claim.

Every command is one change through the session (store first, one undo step); the decisions are pure functions of
:mod:`app.core.claims.registry`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..core.changes import AddSpan
from ..core.claims import registry
from ..core.claims.similar import ClaimIndex
from ..core.model import Span
from ..core.schema import CHECKWORTHY, VERDICTS, url_problem
from .claim_dialogs import ClaimPicker, MergeClaimsDialog, VerdictMenu, short as _short
from .names import checkworthy_name, verdict_name
from .session import ChangeEvent, Session

PROPOSALS = 5  # similar canonical claims shown for a claim


class ClaimCommands(QObject):
    """The claim commands of the window. ``message`` says what happened; refusals go to ``session.failed``."""

    message = Signal(str)

    def __init__(self, session: Session, view, controller=None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.controller = controller
        self._index: ClaimIndex | None = None
        session.changed.connect(self._on_changed)

    # --- what the commands work on ----------------------------------------------------------------------------------

    def verdicts(self) -> tuple[str, ...]:
        label = self.session.schema.label("CLAIM")
        attr = label.attr("verdict") if label else None
        return attr.choices if attr else VERDICTS

    def target(self) -> Span | None:
        """The selected claim, else the current record when it is a claim."""
        s = self.session
        if s.document is None:
            return None
        for span_id in (s.selected, s.record):
            span = s.layer.spans.get(span_id or "")
            if span is not None and span.label == "CLAIM":
                return span
        return None

    def _need_target(self) -> Span | None:
        span = self.target()
        if span is None:
            self.message.emit(self.tr("Select a claim (C on a selection) first."))
        return span

    # --- the claim's own attributes ----------------------------------------------------------------------------------

    def set_attr(self, span_id: str, name: str, value: str | None) -> bool:
        s = self.session
        if name == "factcheck" and value:
            value = value.strip()
            problem = url_problem(value)
            if problem:
                s.failed.emit(self.tr("Fact-check URL: %1").replace("%1", problem))
                return False
        if name == "verdict" and value and value not in self.verdicts():
            s.failed.emit(self.tr("“%1” is not one of this project's verdicts").replace("%1", value))
            return False
        change = registry.set_span_attr(s.layer, span_id, name, value or None, s.annotator, s.claims)
        return s.apply(change) if change else False

    def cycle_checkworthy(self) -> bool:
        span = self._need_target()
        if span is None:
            return False
        order = (*CHECKWORTHY, None)
        current = span.attrs.get("checkworthy")
        nxt = order[(order.index(current) + 1) % len(order)] if current in order else order[0]
        ok = self.set_attr(span.id, "checkworthy", nxt)
        if ok:
            self.message.emit(self.tr("Check-worthiness: %1").replace("%1", checkworthy_name(nxt) or "—"))
        return ok

    def choose_verdict(self) -> bool:
        span = self._need_target()
        if span is None:
            return False
        rect = self.view.cursorRect() if hasattr(self.view, "cursorRect") else None
        pos = self.view.viewport().mapToGlobal(rect.bottomLeft()) if rect is not None else QPoint()
        picked = VerdictMenu.ask(self.view, self.verdicts(), span.attrs.get("verdict"), pos)
        if picked is None:
            return False
        ok = self.set_attr(span.id, "verdict", picked or None)
        if ok:
            self.message.emit(self.tr("Verdict: %1").replace("%1", verdict_name(picked) or "—"))
        return ok

    def ask_factcheck(self) -> bool:
        span = self._need_target()
        if span is None:
            return False
        from .dialogs import ask_text

        value = ask_text(self.view.window(), self.tr("Fact-check"),
                         self.tr("URL of the published fact-check of “%1”:").replace("%1", _short(span.text, 50)),
                         span.attrs.get("factcheck") or "")
        if value is None:
            return False
        return self.set_attr(span.id, "factcheck", value.strip() or None)

    # --- the registry ------------------------------------------------------------------------------------------------

    def _on_changed(self, event: ChangeEvent) -> None:
        if any(leaf.doc_id is None for leaf in event.leaves):
            self._index = None
        if event.replay:
            return
        added = [leaf.span for leaf in event.leaves if isinstance(leaf, AddSpan) and leaf.span.label == "CLAIM"
                 and leaf.annotator == self.session.annotator]
        if len(added) == 1 and self.session.claims:
            found = self.proposals(added[0])
            if found:
                claim = self.session.claims[found[0][0]]
                # After the controller's own "Claim added" message.
                QTimer.singleShot(0, lambda: self.message.emit(
                    self.tr("Similar claim in the registry: “%1” (%2) — G to link")
                    .replace("%1", _short(claim.text, 60)).replace("%2", verdict_name(claim.verdict) or "—")))

    def index(self) -> ClaimIndex:
        if self._index is None:
            self._index = ClaimIndex((c.id, c.text) for c in self.session.claims.values())
        return self._index

    def proposals(self, span: Span, k: int = PROPOSALS) -> list[tuple[str, float]]:
        """Canonical claims with wording similar to the claim's, best first (not the one it links to)."""
        linked = span.attrs.get("claim")
        return self.index().similar(span.text, k=k, exclude=[linked] if linked else ())

    def link_claim(self) -> bool:
        span = self._need_target()
        if span is None:
            return False
        pick = ClaimPicker.ask(self.view.window(), span, list(self.session.claims.values()), self.proposals(span),
                               self.index())
        if pick is None:
            return False
        if pick.unlink:
            return self.unlink(span.id)
        if pick.claim_id:
            return self.link(span.id, pick.claim_id)
        return self.new_claim(span.id, pick.new_text)

    def link(self, span_id: str, claim_id: str) -> bool:
        s = self.session
        claim = s.claims.get(claim_id)
        if claim is None:
            return False
        change = registry.link(s.layer, span_id, claim, s.annotator)
        ok = s.apply(change) if change else False
        if ok:
            self.message.emit(self.tr("Linked to the claim “%1”").replace("%1", _short(claim.text, 60)))
        return ok

    def new_claim(self, span_id: str, text: str | None = None) -> bool:
        s = self.session
        change, claim = registry.new_claim(s.layer, span_id, s.annotator, text=text or None)
        ok = s.apply(change)
        if ok:
            self.message.emit(self.tr("New canonical claim “%1”").replace("%1", _short(claim.text, 60)))
        return ok

    def unlink(self, span_id: str) -> bool:
        change = registry.unlink(self.session.layer, span_id)
        return self.session.apply(change) if change else False

    def _own_layers(self, claim_id: str):
        s = self.session
        layers = [l for l in s.store.layers_linking_claim(claim_id) if l.annotator == s.annotator]
        if s.document is not None:
            # The open layer from the cache (the same state the store has).
            layers = [s.layer if l.doc_id == s.document.id else l for l in layers]
        return layers

    def set_claim(self, claim_id: str, **values) -> bool:
        """Edit a canonical claim in the registry (wording, verdict, fact-check URL, note)."""
        s = self.session
        claim = s.claims.get(claim_id)
        if claim is None:
            return False
        if values.get("factcheck"):
            problem = url_problem(values["factcheck"].strip())
            if problem:
                s.failed.emit(self.tr("Fact-check URL: %1").replace("%1", problem))
                return False
        if values.get("verdict") and values["verdict"] not in self.verdicts():
            s.failed.emit(self.tr("“%1” is not one of this project's verdicts").replace("%1", values["verdict"]))
            return False
        change = registry.set_claim(claim, s.annotator, self._own_layers(claim_id), **values)
        return s.apply(change) if change else False

    def merge(self, a_id: str, b_id: str) -> bool:
        s = self.session
        a, b = s.claims.get(a_id), s.claims.get(b_id)
        if a is None or b is None or a_id == b_id:
            return False
        counts = s.store.claim_mention_counts()
        choice = MergeClaimsDialog.ask(self.view.window(), a, b, counts)
        if choice is None:
            return False
        keep, gone = choice
        layers = s.store.layers_linking_claim(gone.id)
        if s.document is not None:
            layers = [s.layer if (l.doc_id, l.annotator) == (s.document.id, s.annotator) else l for l in layers]
        from ..core.changes import merge_claims

        ok = s.apply(merge_claims(keep, gone, layers))
        if ok:
            self.message.emit(self.tr("Merged the claim “%1” into “%2”.").replace("%1", _short(gone.text, 40))
                              .replace("%2", _short(keep.text, 40)))
        return ok

    def remove(self, claim_id: str) -> bool:
        claim = self.session.claims.get(claim_id)
        return self.session.apply(registry.remove_claim(claim)) if claim else False


class ClaimFields(QWidget):
    """The current claim's own fields in the Quotes sidebar (below the record editor, which shows its claimant:
    its own speaker, or the quote's, or the article): check-worthiness, verdict, fact-check URL, note, and its
    canonical claim with similar ones proposed."""

    def __init__(self, session: Session, commands: ClaimCommands, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("claim_fields")
        self.session = session
        self.commands = commands
        self.checkworthy = QComboBox()
        self.checkworthy.addItem("—", None)
        for value in CHECKWORTHY:
            self.checkworthy.addItem(checkworthy_name(value), value)
        self.verdict = QComboBox()
        self.factcheck = QLineEdit()
        self.factcheck.setPlaceholderText("https://…")
        self.factcheck.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("sources, reasoning"))
        self.canonical = QLabel()
        self.canonical.setTextFormat(Qt.TextFormat.PlainText)
        self.canonical.setMinimumWidth(60)
        self.link_button = QPushButton(self.tr("Link…"))
        self.link_button.setToolTip(self.tr("Link to a canonical claim of the registry (G)"))
        self.proposals = QComboBox()
        self.proposals.setObjectName("claim_proposals")
        form = QFormLayout(self)
        form.setContentsMargins(4, 0, 4, 4)
        judged = QHBoxLayout()
        judged.addWidget(self.checkworthy, 1)
        judged.addWidget(QLabel(self.tr("Verdict:")))
        judged.addWidget(self.verdict, 1)
        form.addRow(self.tr("Check-worthy:"), judged)
        form.addRow(self.tr("Fact-check:"), self.factcheck)
        form.addRow(self.tr("Note:"), self.note)
        row = QHBoxLayout()
        row.addWidget(self.canonical, 1)
        row.addWidget(self.link_button)
        form.addRow(self.tr("Registry:"), row)
        form.addRow(self.tr("Similar:"), self.proposals)
        self.checkworthy.activated.connect(lambda _i: self._set("checkworthy", self.checkworthy.currentData()))
        self.verdict.activated.connect(lambda _i: self._set("verdict", self.verdict.currentData()))
        self.factcheck.editingFinished.connect(self._edit_factcheck)
        self.note.editingFinished.connect(lambda: self._set("note", self.note.text().strip() or None))
        self.link_button.clicked.connect(commands.link_claim)
        self.proposals.activated.connect(self._link_proposal)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        for signal in (session.record_changed, session.selection_changed, session.changed, session.document_opened):
            signal.connect(lambda *_a: self._pending.start())
        self.refresh()

    def _span(self) -> Span | None:
        return self.commands.target()

    def _set(self, name: str, value) -> None:
        span = self._span()
        if span is not None and (span.attrs.get(name) or None) != (value or None):
            self.commands.set_attr(span.id, name, value)

    def _edit_factcheck(self) -> None:
        span = self._span()
        if span is None:
            return
        value = self.factcheck.text().strip()
        if value == (span.attrs.get("factcheck") or ""):
            return
        if not self.commands.set_attr(span.id, "factcheck", value or None):
            self.factcheck.setStyleSheet("color: #c00000")

    def _link_proposal(self, index: int) -> None:
        span = self._span()
        claim_id = self.proposals.itemData(index)
        if span is not None and claim_id:
            self.commands.link(span.id, claim_id)

    def refresh(self) -> None:
        span = self._span()
        self.setVisible(span is not None)
        if span is None:
            return
        s = self.session
        self.checkworthy.setCurrentIndex(max(0, self.checkworthy.findData(span.attrs.get("checkworthy"))))
        self.verdict.clear()
        self.verdict.addItem("—", None)
        for value in self.commands.verdicts():
            self.verdict.addItem(verdict_name(value), value)
        current = span.attrs.get("verdict")
        if current and self.verdict.findData(current) < 0:
            self.verdict.addItem(current, current)
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(current)))
        if not self.factcheck.hasFocus():
            self.factcheck.setText(span.attrs.get("factcheck") or "")
            self.factcheck.setStyleSheet("")
        if not self.note.hasFocus():
            self.note.setText(span.attrs.get("note") or "")
        claim = s.claims.get(str(span.attrs.get("claim") or ""))
        if claim is None:
            self.canonical.setText(self.tr("not linked"))
        else:
            verdict = verdict_name(claim.verdict) or self.tr("no verdict")
            flag = "  ⚠ " + self.tr("differs from this claim's verdict") if registry.differs(span, claim) else ""
            self.canonical.setText(f"\u2068{_short(claim.text, 45)}\u2069 · {verdict}{flag}")
        self.canonical.setToolTip(claim.text if claim is not None else "")
        self.proposals.clear()
        found_claims = self.commands.proposals(span)
        if found_claims:
            self.proposals.addItem(self.tr("%1 similar claim(s): choose one to link").replace(
                "%1", str(len(found_claims))), None)
            for claim_id, score in found_claims:
                other = s.claims[claim_id]
                self.proposals.addItem(f"{_short(other.text, 60)} · {verdict_name(other.verdict) or '—'} · "
                                       f"{score:.2f}", claim_id)
        else:
            self.proposals.addItem(self.tr("none in the registry"), None)
        self.proposals.setEnabled(bool(found_claims))

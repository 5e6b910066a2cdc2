"""The claim dialogs: the verdict list of the project (Edit ▸ Verdicts…), the verdict menu (R), the picker that links
a claim to the claim registry (G) and the confirmation of a merge of two canonical claims. The commands that open
them are :mod:`.claims`'.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMenu,
                               QVBoxLayout, QWidget)

from ..core.claims import registry
from ..core.claims.similar import ClaimIndex
from ..core.model import CanonicalClaim, Span
from .names import verdict_name, visible


def short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def edit_verdicts(window) -> bool:
    """Edit ▸ Claim ▸ Verdicts…: the project's verdict list, one per line. A verdict still used by a claim cannot
    be left out (the error says which; nothing changes)."""
    from PySide6.QtWidgets import QInputDialog

    session = window.session
    api = getattr(window, "api", None)
    if api is None or api.set_verdicts is None:
        return False
    current = "\n".join(window.claim_commands.verdicts())
    text, ok = QInputDialog.getMultiLineText(window, QCoreApplication.translate("ClaimCommands", "Verdicts"),
                                             QCoreApplication.translate("ClaimCommands",
                                                                        "The project's verdicts, one per line:"),
                                             current)
    if not ok:
        return False
    from ..core.errors import QawlError

    try:
        values = api.set_verdicts(session.store, [line for line in text.splitlines() if line.strip()])
    except QawlError as exc:
        session.failed.emit(str(exc))
        return False
    session.schema = session.store.schema
    window.claim_commands.message.emit(QCoreApplication.translate("ClaimCommands", "Verdicts: %1")
                                       .replace("%1", ", ".join(values)))
    return True


class VerdictMenu(QMenu):
    """The verdict menu of R: the project's verdicts numbered 1…9 (press the number), 0 for none."""

    @classmethod
    def ask(cls, parent: QWidget, verdicts: tuple[str, ...], current: str | None, pos: QPoint) -> str | None:
        """The verdict picked ("" for none), or None when the menu was closed."""
        menu = cls(parent)
        menu.setObjectName("verdict_menu")
        actions = {}
        for i, value in enumerate(verdicts, 1):
            prefix = f"&{i}  " if i <= 9 else "    "
            action = menu.addAction(prefix + verdict_name(value))
            action.setCheckable(True)
            action.setChecked(value == current)
            actions[action] = value
        menu.addSeparator()
        actions[menu.addAction(QCoreApplication.translate("VerdictMenu", "&0  (no verdict)"))] = ""
        chosen = menu.exec(pos)
        menu.deleteLater()
        return actions.get(chosen) if chosen is not None else None


@dataclass(frozen=True)
class ClaimPick:
    claim_id: str | None = None  # link to this canonical claim
    new_text: str | None = None  # or make a new one worded so
    unlink: bool = False  # or take the claim out of the registry


class ClaimPicker(QDialog):
    """Find the canonical claim a claim span states: similar wordings first (with their similarity), any claim by
    typing, a new canonical claim from the typed wording, or unlinking."""

    def __init__(self, parent: QWidget | None, span: Span, claims: list[CanonicalClaim],
                 proposals: list[tuple[str, float]], index: ClaimIndex) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link claim to the registry"))
        self.setObjectName("claim_picker")
        self.resize(640, 420)
        self.claims = {c.id: c for c in claims}
        self.proposals = proposals
        self.index = index
        self.span = span
        self.query = QLineEdit(registry.wording(span.text))
        self.query.setPlaceholderText(self.tr("type the claim's wording to search the registry"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        title = QLabel(self.tr("Which canonical claim does this claim state?\n%1").replace("%1", visible(span.text,
                                                                                                          200)))
        title.setWordWrap(True)
        from .dialogs import search_list  # (not at start: the window loads no dialog it does not show)

        search_list(self, title, self.query, self.list, self._fill, stretch=1)
        self._fill(self.query.text(), first=True)

    def _item(self, text: str, data) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.list.addItem(item)

    def _fill(self, text: str, first: bool = False) -> None:
        self.list.clear()
        query = " ".join(text.split())
        linked = self.span.attrs.get("claim")
        shown: set[str] = set()
        found = self.proposals if first else self.index.similar(query, k=8, threshold=0.15) if query else []
        for claim_id, score in found:
            claim = self.claims.get(claim_id)
            if claim is not None and claim_id != linked:
                shown.add(claim_id)
                self._item(self.tr("%1  ·  %2  ·  similarity %3").replace("%1", short(claim.text, 90))
                           .replace("%2", verdict_name(claim.verdict) or self.tr("no verdict"))
                           .replace("%3", f"{score:.2f}"), ("link", claim_id))
        folded = query.casefold()
        for claim in self.claims.values():
            if claim.id not in shown and claim.id != linked and folded and folded in claim.text.casefold():
                self._item(short(claim.text, 90) + "  ·  " + (verdict_name(claim.verdict) or self.tr("no verdict")),
                           ("link", claim.id))
        if query:
            self._item(self.tr("New canonical claim: “%1”").replace("%1", short(query, 90)), ("new", query))
        if linked and linked in self.claims:
            self._item(self.tr("Unlink from “%1”").replace("%1", short(self.claims[linked].text, 70)),
                       ("unlink", linked))
        self.list.setCurrentRow(0)

    def pick(self) -> ClaimPick | None:
        item = self.list.currentItem()
        if item is None:
            return None
        kind, value = item.data(Qt.ItemDataRole.UserRole)
        if kind == "link":
            return ClaimPick(claim_id=value)
        if kind == "unlink":
            return ClaimPick(unlink=True)
        return ClaimPick(new_text=value)

    @classmethod
    def ask(cls, parent, span: Span, claims: list[CanonicalClaim], proposals: list[tuple[str, float]],
            index: ClaimIndex) -> ClaimPick | None:
        dialog = cls(parent, span, claims, proposals, index)
        return dialog.pick() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MergeClaimsDialog(QDialog):
    """Which of two canonical claims stays; the other's mentions follow it."""

    def __init__(self, parent, a: CanonicalClaim, b: CanonicalClaim, counts: dict[str, int]) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QRadioButton

        self.setWindowTitle(self.tr("Merge claims"))
        self.a, self.b = a, b
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Keep which wording? The other claim's mentions will link to it.")))
        self.keep_a = QRadioButton(f"{short(a.text, 80)}  ({verdict_name(a.verdict) or '—'}, "
                                   f"{counts.get(a.id, 0)})")
        self.keep_b = QRadioButton(f"{short(b.text, 80)}  ({verdict_name(b.verdict) or '—'}, "
                                   f"{counts.get(b.id, 0)})")
        (self.keep_a if counts.get(a.id, 0) >= counts.get(b.id, 0) else self.keep_b).setChecked(True)
        layout.addWidget(self.keep_a)
        layout.addWidget(self.keep_b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, a: CanonicalClaim, b: CanonicalClaim,
            counts: dict[str, int]) -> tuple[CanonicalClaim, CanonicalClaim] | None:
        dialog = cls(parent, a, b, counts)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (a, b) if dialog.keep_a.isChecked() else (b, a)

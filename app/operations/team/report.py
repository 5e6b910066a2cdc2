"""What a team operation did, in words: sent, arrived, detected. The command line prints it; the window shows it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field



def counted(n: int, noun: str) -> str:
    """``n`` and the noun, in the plural unless one ("1 layer", "3 new documents")."""
    return f"{n} {noun}{'s' if n != 1 else ''}"

@dataclass
class SyncReport:
    commit: str | None = None  # the repository's head this project is now in step with
    sent_layers: int = 0
    sent_documents: int = 0
    sent_events: int = 0
    sent_other: list[str] = field(default_factory=list)  # schema, assignments, removals, member file
    arrived: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # annotator -> documents
    documents_added: int = 0
    documents_removed: list[str] = field(default_factory=list)
    registry: dict = field(default_factory=dict)  # kind -> added / changed / removed / links_moved
    notices: list[str] = field(default_factory=list)  # detected and handled (another computer, hand edits, ...)
    conflicts: list[str] = field(default_factory=list)  # left for the person to decide
    problems: list[str] = field(default_factory=list)  # FILE:LINE: FIELD: what — files left out
    retries: int = 0
    offline: str | None = None
    own_changed: bool = False  # this annotator's layers or the registry changed here (the window's undo is stale)
    local_only: int = 0  # documents of this project that are not the team's

    @property
    def sent(self) -> bool:
        return bool(self.sent_layers or self.sent_documents or self.sent_events or self.sent_other)

    def arrivals(self) -> list[str]:
        return [f"{who} ({counted(len(docs), 'document')})"
                for who, docs in sorted(self.arrived.items())]

    def describe(self) -> str:
        parts = []
        if self.offline:
            return f"not synced: {self.offline}"
        if self.sent:
            what = []
            if self.sent_layers:
                what.append(counted(self.sent_layers, 'layer'))
            if self.sent_documents:
                what.append(counted(self.sent_documents, 'new document'))
            if self.sent_events:
                what.append(counted(self.sent_events, 'registry change'))
            what.extend(self.sent_other)
            parts.append("sent " + ", ".join(what))
        else:
            parts.append("nothing to send")
        if self.arrived:
            parts.append("teammates' work arrived: " + ", ".join(self.arrivals()))
        if self.documents_added:
            parts.append(counted(self.documents_added, 'new document'))
        if self.documents_removed:
            parts.append(f"{len(self.documents_removed)} document(s) removed by the lead")
        news = False
        for kind, reg in sorted(self.registry.items()):
            if reg.get("added") or reg.get("changed") or reg.get("removed"):
                news = True
                parts.append(f"{'speaker' if kind == 'speakers' else 'claim'} registry: {reg.get('added', 0)} "
                             f"added, {reg.get('changed', 0)} changed, {reg.get('removed', 0)} merged or removed")
        if not self.arrived and not self.documents_added and not news:
            parts.append("nothing new from teammates")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflict(s) to decide")
        if self.problems:
            parts.append(f"{len(self.problems)} file(s) with problems left out")
        return "; ".join(parts)

    def details(self) -> list[str]:
        out = [f"notice: {n}" for n in self.notices]
        out += [f"conflict: {c}" for c in self.conflicts]
        out += [f"problem: {p}" for p in self.problems]
        return out

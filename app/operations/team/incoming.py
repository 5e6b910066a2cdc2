"""Bringing this project in step with a commit of the team repository: everything that changed since the last
sync — teammates' layers, new documents, the registry, the lead's schema, assignments and removals — in ONE
transaction (a kill leaves the project as it was; the next sync does it again).

Every file is read with the same checks as an import (``app.core.team.files`` over ``app.core.jsonl``) and goes
through the store's import (all or nothing per file, documents matched by text hash); a bad file is left out
wholly and reported as ``FILE:LINE: FIELD: what``. Files this computer writes (its annotator's layers, gold it
edited) are never overwritten silently: a change from elsewhere is taken only if nothing changed here since the
last sync, and reported; if both changed, it is a conflict left for the person to decide.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone

from ...core.errors import QawlError
from ...core.jsonl import Record
from ...core.team import files as tf
from ...core.team import layout
from ...core.team.registry import CLAIMS, KINDS, Event, Registry, diff, fold, read_log
from ...store.claims import claim_key
from ...store.rows import now_utc
from .context import Team
from .layers import LayerIntake
from .report import SyncReport

def when(info) -> str:
    if info is None:
        return "an unknown commit"
    at = datetime.fromtimestamp(info.at, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    who = info.annotator or f"{info.author} (not through Qawl)"
    host = f" on {info.host}" if info.host else ""
    return f"commit {info.sha[:10]} by {who}{host}, {at}"


class Incoming(LayerIntake):
    """One application of a commit to the project (see the module's note)."""

    def __init__(self, t: Team, target: str, report: SyncReport, *, joining: bool = False) -> None:
        self.t = t
        self.store = t.store
        self.tables = t.tables
        self.state = t.reload()
        self.target = target
        self.report = report
        self.joining = joining
        self.me = self.state.annotator
        self.pending = self.state.pending if self.state.pending and \
            self.t.repo.is_ancestor(self.state.pending["commit"], target) else None
        self.stamps: dict[tuple[str, str], str] = {}  # layers in step with the repository now
        self.unstamp: list[tuple[str, str]] = []
        self.imported: set[tuple[str, str]] = set()
        self.registries: dict[str, Registry] = {}  # the registries folded in this step (speakers, claims)
        self.removals: list[tf.Removal] = []  # the lead's list, when it changed in this step

    # --- the whole step ------------------------------------------------------------------------------------------------

    def run(self, progress=None) -> None:
        state, repo = self.state, self.t.repo
        changes = repo.diff(state.synced_commit, self.target)
        history = repo.history(state.synced_commit, self.target) if changes else []
        by_kind: dict[str, list] = {}
        for c in changes:
            by_kind.setdefault(layout.place(c.path).kind, []).append(c)
        self.history = history
        self.changed_here = self._changed_here()
        wanted = [c.new for k in ("team", "member", "schema", "document", "assignments", "removed")
                  for c in by_kind.get(k, []) if c.new]  # layers are read a chunk at a time
        self.data = repo.blobs(wanted)
        with self.store.atomic():
            self._team_file(by_kind.get("team", []))
            self._members(by_kind.get("member", []))
            self._schema(by_kind.get("schema", []))
            self._registries(self._teammates_arrived(changes))
            self._read_removals(by_kind.get("removed", []))
            self._documents(by_kind.get("document", []))
            self._removals()
            self._layers(by_kind.get("layer", []), progress)
            self._drifted()
            self._assignments(by_kind.get("assignments", []))
            self._history(history)
            self.tables.record_layers(fill_stamps(self.tables, self.stamps))
            for key in self.unstamp:
                self.tables.forget_layer(*key)
            done = {"synced_commit": self.target, "synced_at": now_utc()}
            if self.pending is not None:
                done["synced_seq"] = self.pending.get("seq", state.synced_seq)
                done["pending"] = None
                sent = set(self.pending["files"])
                rescued = {p: d for p, d in state.rescued.items() if p not in sent}
                if rescued != state.rescued:
                    done["rescued"] = rescued
                gone = {r["doc_id"] for r in self.pending.get("removals", [])}
                if gone:
                    done["removals"] = [r for r in state.removals if r["doc_id"] not in gone]
                for conflict in self.tables.conflicts():
                    if conflict.resolution == "mine" and conflict.path in sent:
                        self.tables.resolve_conflict(conflict.path, None)
            self.tables.update(**done)
        self.report.commit = self.target
        self.report.local_only = self.tables.count_local_documents()

    def _teammates_arrived(self, changes) -> bool:
        """Anything from others that may name speakers: their layers, or registry logs."""
        own = {layout.file_name(w) for w in self.t.writes()}
        for c in changes:
            where = layout.place(c.path)
            if where.kind == "registry" or (where.kind == "layer" and where.owner not in own):
                return True
            if where.kind == "layer" and not self._mine_path(c.path):
                return True  # a file of mine changed elsewhere: taken in, it may name merged speakers
        return False

    def _changed_here(self) -> set[tuple[str, str]]:
        """Layers this computer writes that changed since they were last in step with the repository: since the
        last sync, or — once the pending commit is in — since they were sent in it."""
        writes = self.t.writes()
        changed = {(d, a) for d, a, _u in self.tables.changed_layers(writes, self.state.synced_seq)}
        if self.pending is None:
            return changed
        sent = {tuple(k.split("\x1f")): v for k, v in self.pending.get("stamps", {}).items()}
        current = self.tables.layer_stamps(sent)
        later = self.tables.edited_since(writes, self.pending.get("seq", 0))
        for key, stamp in sent.items():
            if current.get(key) == stamp and key not in later:
                changed.discard(key)
                self.stamps[key] = stamp  # sent (or already the same there): in step
        return changed

    def _problem(self, change, exc: QawlError) -> None:
        message = str(exc.located(file=change.path))
        self.report.problems.append(message)
        self.tables.set_problem(change.path, change.new or "", message)

    def _who_changed(self, path: str) -> str:
        return when(self.t.repo.last_commit_touching(self.target, path, self.state.synced_commit))

    # --- the lead's files and the members ---------------------------------------------------------------------------------

    def _team_file(self, changes) -> None:
        for c in changes:
            if c.new is None:
                continue
            try:
                team = tf.read_team(c.path, self.data[c.new])
            except QawlError as exc:
                self._problem(c, exc)
                continue
            if team.lead != self.state.lead:
                self.tables.update(lead=team.lead)
                self.report.notices.append(f"the team's lead is now {team.lead}")

    def _members(self, changes) -> None:
        for c in changes:
            if c.new is None:
                continue
            try:
                member = tf.read_member(c.path, self.data[c.new])
            except QawlError as exc:
                self._problem(c, exc)
                continue
            if member.name == self.me and member.computer != self.state.computer and not self.joining \
                    and member.joined > self.state.joined:
                raise QawlError(
                    f"{self.me} now works from another computer ({member.host or member.computer}, joined "
                    f"{member.joined}); this computer no longer sends {self.me}'s work and nothing was changed. "
                    f"What changed here since the last sync stays in this project: export it with 'qawl export "
                    f"--annotator {self.me}' to bring it over")
            self.tables.set_member(member.name, role=member.role, joined=member.joined, computer=member.computer,
                                   host=member.host)

    def _schema(self, changes) -> None:
        for c in changes:
            if c.new is None:
                continue
            try:
                schema = tf.read_schema(c.path, self.data[c.new])
            except QawlError as exc:
                self._problem(c, exc)
                continue
            if schema != self.store.schema:
                if self.state.is_lead and not self.joining and not self._mine(c):
                    self.report.notices.append(f"{c.path}: changed by {self._who_changed(c.path)}; only the lead "
                                               "changes the schema: yours is sent again")
                    continue
                self.store.set_schema(schema)
                if self.state.synced_commit is not None:
                    self.report.notices.append("the label schema was changed by the lead")

    def _mine(self, c) -> bool:
        return self.pending is not None and self.pending["files"].get(c.path) == c.new

    # --- the speaker registry ---------------------------------------------------------------------------------------------

    def _registries(self, arrived: bool) -> None:
        """Fold every member's events of each registry (speakers, claims), with this computer's not yet sent,
        whenever anything arrived or a registry changed here: a teammate's layer may link to an item merged since."""
        base, outbox = dict(self.state.registry_base), dict(self.state.outbox)
        for kind in KINDS.values():
            registry, unsent = self._registry(kind, arrived)
            if registry is None:
                continue
            self.registries[kind.name] = registry
            base[kind.name] = {k: list(kind.parts(item)) for k, item in registry.items.items()}
            outbox[kind.name] = [e.to_dict() for e in unsent]
        if self.registries:
            self.tables.update(registry_base=base, outbox=outbox)

    def _registry(self, kind, arrived: bool) -> tuple[Registry | None, list[Event]]:
        state = self.state
        base = state.base(kind)
        local = self.tables.registry(kind)
        outbox = [Event.from_dict(e) for e in state.outbox.get(kind.name, [])]
        merges = self.tables.link_moves(state.synced_seq, kind) if set(base) - set(local) else {}
        new = diff(base, local, kind, by=self.me, at=now_utc(), merges=merges)
        if not (arrived or new or outbox or state.synced_commit is None):
            return None, []
        paths = self.t.repo.tree(self.target, [f"{layout.REGISTRY}/{kind.name}"])
        blobs = self.t.repo.blobs(paths.values())
        events: dict[str, Event] = {}
        for path, blob in sorted(paths.items()):
            try:
                for e in read_log(path, blobs[blob], kind):
                    events.setdefault(e.id, e)
            except QawlError as exc:
                self.report.problems.append(str(exc))
                self.tables.set_problem(path, blob, str(exc))
        unsent = [e for e in [*outbox, *new] if e.id not in events]
        for e in unsent:
            events[e.id] = e
        registry = fold(events.values(), kind, key=claim_key if kind is CLAIMS else str.casefold)
        result = self.tables.set_registry(kind, registry.items, registry.merged, registry.deleted)
        if any(k[1] in self.t.writes() for k in result["touched"]):
            self.report.own_changed = True
        for key in result["touched"]:
            if key[1] not in self.t.writes():
                self.stamps[key] = ""  # filled below: teammates' layers whose links followed a merge
        if state.synced_commit is not None:
            self.report.registry[kind.name] = {k: result[k] for k in ("added", "changed", "removed", "links_moved")}
            if result["added"] or result["changed"] or result["removed"]:
                self.report.own_changed = True
        return registry, unsent

    # --- documents ----------------------------------------------------------------------------------------------------------

    def _documents(self, changes) -> None:
        if not changes:
            return
        mapped = self.tables.document_map()
        existing = {r[0]: r[1] for r in self.store.conn.execute("SELECT id, text_sha256 FROM documents")}
        by_sha = {}
        for doc_id, sha in self.store.conn.execute("SELECT id, text_sha256 FROM documents ORDER BY rowid DESC"):
            by_sha[sha] = doc_id
        new_records, pairs = [], []
        for c in changes:
            if c.new is None:
                if c.old and not self._removed_path(c.path):
                    self.report.notices.append(f"{c.path}: deleted from the repository ({self._who_changed(c.path)})"
                                               "; the document stays here (the lead removes documents with 'qawl "
                                               "team remove')")
                continue
            try:
                doc = tf.read_document(c.path, self.data[c.new])
            except QawlError as exc:
                self._problem(c, exc)
                continue
            ours = mapped.get(doc.id)
            if c.old is not None and ours is not None:
                if existing.get(ours) != doc.text_sha256:
                    self._problem(c, QawlError(f"the text of {doc.id!r} was changed in the repository "
                                               f"({self._who_changed(c.path)}); a document's text never changes: "
                                               "ignored", field="text"))
                else:
                    self.report.notices.append(f"{c.path}: changed in the repository ({self._who_changed(c.path)})"
                                               "; a document never changes once added: the change is ignored")
                continue
            if doc.id in existing:
                if existing[doc.id] != doc.text_sha256:
                    self._problem(c, QawlError(f"document {doc.id!r} is in this project with a different text "
                                               "(same id, different content); it is never merged", field="doc_id"))
                    continue
                pairs.append((doc.id, doc.id))
            elif doc.text_sha256 in by_sha:
                pairs.append((doc.id, by_sha[doc.text_sha256]))
            else:
                new_records.append(Record(doc, None, []))
                existing[doc.id] = doc.text_sha256
                by_sha[doc.text_sha256] = doc.id
                pairs.append((doc.id, doc.id))
            self.tables.clear_problems([c.path])
        if new_records:
            # In id order (natural: doc2 before doc10), not the repository's hashed folders.
            new_records.sort(key=lambda r: _natural(r.document.id))
            summary = self.store.import_records(new_records, source="team", actor=self.me)
            if self.state.synced_commit is not None:
                mine = sum(1 for r in new_records if self._mine_path(layout.document_path(r.document.id)))
                self.report.documents_added += summary.documents_added - mine
        self.tables.map_documents(pairs)

    def _mine_path(self, path: str) -> bool:
        return self.pending is not None and path in self.pending["files"]

    def _removed_path(self, path: str) -> bool:
        return any(layout.document_path(r.doc_id) == path for r in self.removals)

    def _read_removals(self, changes) -> None:
        for c in changes:
            if c.new is None:
                continue
            try:
                self.removals = tf.read_removals(c.path, self.data[c.new])
            except QawlError as exc:
                self._problem(c, exc)

    def _removals(self) -> None:
        """Documents the lead removed leave this project (work on them not sent yet goes out first)."""
        if not self.removals:
            return
        mapped = self.tables.document_map()
        gone = []
        rescued = dict(self.state.rescued)
        for r in self.removals:
            ours = mapped.get(r.doc_id)
            if ours is None or not self.store.has_document(ours):
                continue
            doc = self.store.document(ours)
            if doc.text_sha256 != r.text_sha256:
                continue
            for who in self.t.writes():
                if (ours, who) in self.changed_here:  # work not sent yet: it goes out with this sync
                    rescued[layout.layer_path(who, r.doc_id)] = tf.layer_bytes(
                        self.store.layer(ours, who), r.doc_id, doc.text_sha256, self.store.schema.name).decode()
            gone.append(ours)
            self.tables.unmap_document(r.doc_id)
            self.report.documents_removed.append(r.doc_id)
        if rescued != self.state.rescued:
            self.tables.update(rescued=rescued)
        if gone:
            self.tables.delete_documents(gone)
            self.report.own_changed = True

    # --- layers -------------------------------------------------------------------------------------------------------------

    def _assignments(self, changes) -> None:
        for c in changes:
            if c.new is None:
                continue
            try:
                items = tf.read_assignments(c.path, self.data[c.new])
            except QawlError as exc:
                self._problem(c, exc)
                continue
            if self.state.is_lead and not self.joining:
                if not self._mine(c):
                    self.report.notices.append(f"{c.path}: changed by {self._who_changed(c.path)}; only the lead "
                                               "assigns: the lead's list is sent again")
                continue
            mapped = self.tables.document_map()
            self.tables.replace_assignments(replace(a, doc_id=mapped[a.doc_id]) for a in items if a.doc_id in mapped)
            if self.state.synced_commit is not None:
                mine = sum(1 for a in items if a.annotator == self.me)
                self.report.notices.append(f"assignments updated by the lead ({mine} document(s) assigned to you)")

    def _history(self, history) -> None:
        seen: set[str] = set()
        for info in history:  # newest first
            if info.annotator and info.annotator not in seen:
                seen.add(info.annotator)
                at = datetime.fromtimestamp(info.at, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                self.tables.set_member(info.annotator, last_commit=info.sha, last_commit_at=at)
            if info.computer == self.state.computer and (self.pending is None or info.sha != self.pending["commit"]) \
                    and self.state.synced_commit is not None and not self.joining:
                self.report.notices.append(
                    f"{when(info)} was sent as this very computer by another copy of this project: a project file "
                    f"copied to another computer must not sync (join from there with 'qawl team join')")

def fill_stamps(tables, stamps: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """Stamps given as "" are the layer's current ``updated`` (read after the import wrote it)."""
    empty = [k for k, v in stamps.items() if not v]
    current = tables.layer_stamps(empty)
    return {k: (v or current.get(k, "")) for k, v in stamps.items() if v or k in current}


def _natural(key: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", key)]

"""A project's side of a team (migration 007): its membership and sync state, which repository document each of
its documents is, when each synced layer was last in step with the repository, the lead's assignments, the
members, and what syncs found (conflicts, problems, teammates' work that arrived).

:class:`TeamStore` is a part of an open :class:`~app.store.Store` (the same project file, connection and
transactions); the sync itself is in ``app.operations.team``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import orjson

from ..core.model import GOLD, SUGGESTIONS
from ..core.team.files import Assignment
from .file import Part
from .rows import dumps as _dumps, matching, now_utc as _now


@dataclass(frozen=True)
class TeamState:
    """This project's membership of a team (one row)."""

    remote: str
    branch: str
    git_dir: str
    annotator: str
    lead: str
    computer: str
    host: str
    joined: str
    synced_commit: str | None
    synced_at: str | None
    synced_seq: int
    registry_base: dict = field(default_factory=dict)  # kind -> id -> [fields, sets], as of the last sync
    outbox: dict = field(default_factory=dict)  # kind -> registry events made here, not yet in the repository
    pending: dict | None = None  # what the sync being pushed wrote: {"commit", "files": {path: blob}, ...}
    removals: list = field(default_factory=list)  # the lead's removals not yet sent
    rescued: dict = field(default_factory=dict)  # path -> layer file of a removed document, not yet sent

    @property
    def is_lead(self) -> bool:
        return self.annotator == self.lead

    def base(self, kind) -> dict:
        """A registry (``app.core.team.registry.Kind``) as it was after the last sync."""
        return {k: kind.build(k, v[0], v[1]) for k, v in self.registry_base.get(kind.name, {}).items()}


@dataclass(frozen=True)
class Conflict:
    path: str
    doc_id: str
    annotator: str
    theirs: str
    detail: str
    found: str
    resolution: str | None


@dataclass(frozen=True)
class MemberRow:
    name: str
    role: str
    joined: str | None
    computer: str | None
    host: str | None
    last_commit: str | None
    last_commit_at: str | None


_STATE_COLUMNS = ("remote", "branch", "git_dir", "annotator", "lead", "computer", "host", "joined", "synced_commit",
                  "synced_at", "synced_seq", "registry_base", "outbox", "pending", "removals", "rescued")
_JSON = {"registry_base", "outbox", "pending", "removals", "rescued"}


class TeamStore(Part):
    """The team tables of one project, on its store's project file; the registries it reads are the store's
    ``reads`` (speakers) and ``claim_registry`` (canonical claims). ``snapshot()`` (the file's): a consistent read
    while other processes keep writing."""

    def __init__(self, store) -> None:
        super().__init__(store.file)
        self.reads = store.reads
        self.claim_registry = store.claim_registry

    # --- membership and sync state ---------------------------------------------------------------------------------

    def state(self) -> TeamState | None:
        row = self.conn.execute(f"SELECT {', '.join(_STATE_COLUMNS)} FROM team WHERE id = 1").fetchone()
        if row is None:
            return None
        values = {k: (orjson.loads(v) if k in _JSON and v is not None else v) for k, v in zip(_STATE_COLUMNS, row)}
        return TeamState(**values)

    def create(self, *, remote: str, branch: str, git_dir: str, annotator: str, lead: str, computer: str,
               host: str) -> None:
        self.conn.execute("INSERT INTO team (id, remote, branch, git_dir, annotator, lead, computer, host, joined) "
                          "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                          [remote, branch, git_dir, annotator, lead, computer, host, _now()])

    def update(self, **values) -> None:
        if not values:
            return
        unknown = set(values) - set(_STATE_COLUMNS)
        if unknown:
            raise KeyError(f"no team column {sorted(unknown)}")
        sets = ", ".join(f"{k} = ?" for k in values)
        args = [_dumps(v) if k in _JSON and v is not None else v for k, v in values.items()]
        self.conn.execute(f"UPDATE team SET {sets} WHERE id = 1", args)

    def max_seq(self) -> int:
        return self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]

    # --- documents: this project's id of each repository document -----------------------------------------------------

    def document_map(self) -> dict[str, str]:
        """Repository id -> this project's id (they differ only when the text was here first under another id)."""
        return dict(self.conn.execute("SELECT repo_id, doc_id FROM team_documents"))

    def repo_ids(self) -> dict[str, str]:
        """This project's id -> the repository id its layers are written under (the first mapped)."""
        out: dict[str, str] = {}
        for repo_id, doc_id in self.conn.execute("SELECT repo_id, doc_id FROM team_documents ORDER BY rowid"):
            out.setdefault(doc_id, repo_id)
        return out

    def map_documents(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.conn.executemany("INSERT INTO team_documents (repo_id, doc_id) VALUES (?, ?) ON CONFLICT (repo_id) "
                              "DO UPDATE SET doc_id = excluded.doc_id", list(pairs))

    def unmap_document(self, repo_id: str) -> None:
        self.conn.execute("DELETE FROM team_documents WHERE repo_id = ?", [repo_id])

    def local_documents(self) -> list[str]:
        """Documents of this project that are not (yet) in the team's repository, in import order."""
        return [r[0] for r in self.conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN team_documents t ON t.doc_id = d.id WHERE t.doc_id IS NULL "
            "ORDER BY d.rowid")]

    def count_local_documents(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents d LEFT JOIN team_documents t ON t.doc_id = d.id "
                                 "WHERE t.doc_id IS NULL").fetchone()[0]

    def delete_documents(self, doc_ids: Iterable[str]) -> int:
        """Take documents out of this project (with every layer of them: their spans and relations follow)."""
        ids = list(doc_ids)
        self.conn.executemany("DELETE FROM documents WHERE id = ?", [[i] for i in ids])
        return len(ids)

    # --- layers: in step with the repository since when ----------------------------------------------------------------

    def changed_layers(self, annotators: Iterable[str], since_seq: int) -> list[tuple[str, str, str]]:
        """(doc_id, annotator, updated) of these annotators' layers changed since they were last in step with the
        repository: a different ``updated`` stamp, or an edit recorded in the history after ``since_seq`` (two
        edits within one millisecond share a stamp, never a sequence number)."""
        who = sorted(set(annotators))
        marks = ", ".join("?" * len(who))
        rows = self.conn.execute(
            f"SELECT l.doc_id, l.annotator, l.updated FROM layers l LEFT JOIN team_layers t "
            f"ON t.doc_id = l.doc_id AND t.annotator = l.annotator WHERE l.annotator IN ({marks}) "
            f"AND (t.updated IS NULL OR t.updated != l.updated) "
            f"UNION SELECT l.doc_id, l.annotator, l.updated FROM layers l JOIN "
            f"(SELECT DISTINCT doc_id, annotator FROM changes WHERE seq > ? AND annotator IN ({marks})) c "
            f"ON c.doc_id = l.doc_id AND c.annotator = l.annotator", [*who, since_seq, *who]).fetchall()
        return sorted(rows)

    def edited_since(self, annotators: Iterable[str], seq: int) -> set[tuple[str, str]]:
        """(doc_id, annotator) of these annotators' layers with an edit in the history after ``seq``."""
        who = sorted(set(annotators))
        marks = ", ".join("?" * len(who))
        return {(d, a) for d, a in self.conn.execute(
            f"SELECT DISTINCT doc_id, annotator FROM changes WHERE seq > ? AND annotator IN ({marks})", [seq, *who])}

    def drifted_layers(self, exclude: Iterable[str], since_seq: int) -> list[tuple[str, str]]:
        """Layers of teammates that changed here after a sync brought them (only their author writes them).

        Only the layers the history names after ``since_seq`` are looked at (an edit names its layer; an import
        lists the layers it wrote), unless an import wrote too many to list: then every layer is compared."""
        ex = sorted(set(exclude) | {SUGGESTIONS})
        candidates: set[tuple[str, str]] | None = set()
        for doc_id, who, kind, change in self.conn.execute(
                "SELECT doc_id, annotator, kind, change FROM changes WHERE seq > ? AND (annotator IS NOT NULL "
                "OR kind = 'import')", [since_seq]):
            if kind != "import":
                if who not in ex:
                    candidates.add((doc_id, who))
                continue
            listed = orjson.loads(change).get("layers") or []
            if len(listed) >= 1000:  # the history lists the first 1,000 layers of an import
                candidates = None
                break
            candidates.update((d, a) for d, a in listed if a not in ex)
        marks = ", ".join("?" * len(ex))
        sql = (f"SELECT l.doc_id, l.annotator FROM layers l JOIN team_layers t ON t.doc_id = l.doc_id "
               f"AND t.annotator = l.annotator WHERE l.annotator NOT IN ({marks}) AND t.updated != l.updated")
        if candidates is None:
            return self.conn.execute(sql + " ORDER BY l.doc_id, l.annotator", ex).fetchall()
        out = []
        for key in sorted(candidates):
            if self.conn.execute(sql + " AND l.doc_id = ? AND l.annotator = ?", [*ex, *key]).fetchone():
                out.append(key)
        return out

    def layer_stamps(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The ``updated`` stamp of these layers (those that exist)."""
        keys = list(keys)
        if len(keys) > 1000:  # a join: one pass over the table beats a query per layer
            wanted = set(keys)
            return {(d, a): u for d, a, u in self.conn.execute("SELECT doc_id, annotator, updated FROM layers")
                    if (d, a) in wanted}
        out = {}
        for doc_id, who in keys:
            row = self.conn.execute("SELECT updated FROM layers WHERE doc_id = ? AND annotator = ?",
                                    [doc_id, who]).fetchone()
            if row:
                out[(doc_id, who)] = row[0]
        return out

    def record_layers(self, stamps: dict[tuple[str, str], str]) -> None:
        """These layers are in step with the repository as of these ``updated`` stamps."""
        self.conn.executemany(
            "INSERT INTO team_layers (doc_id, annotator, updated) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM "
            "layers WHERE doc_id = ?1 AND annotator = ?2) ON CONFLICT (doc_id, annotator) DO UPDATE SET "
            "updated = excluded.updated", [(d, a, u) for (d, a), u in stamps.items()])

    def record_all_layers(self, exclude: Iterable[str] = (SUGGESTIONS,)) -> None:
        ex = sorted(set(exclude))
        marks = ", ".join("?" * len(ex))
        self.conn.execute(f"INSERT INTO team_layers (doc_id, annotator, updated) SELECT doc_id, annotator, updated "
                          f"FROM layers WHERE annotator NOT IN ({marks}) ON CONFLICT (doc_id, annotator) DO UPDATE "
                          f"SET updated = excluded.updated", ex)

    def forget_layer(self, doc_id: str, annotator: str) -> None:
        self.conn.execute("DELETE FROM team_layers WHERE doc_id = ? AND annotator = ?", [doc_id, annotator])

    def delete_layer(self, doc_id: str, annotator: str) -> bool:
        cur = self.conn.execute("DELETE FROM layers WHERE doc_id = ? AND annotator = ?", [doc_id, annotator])
        return cur.rowcount > 0

    def touch_layers(self, keys: Iterable[tuple[str, str]]) -> None:
        now = _now()
        self.conn.executemany("UPDATE layers SET updated = ? WHERE doc_id = ? AND annotator = ?",
                              [(now, d, a) for d, a in keys])

    # --- the speaker registry as the team's events made it ----------------------------------------------------------------

    def registry(self, kind) -> dict:
        """The registry of this kind as it is here (speakers, canonical claims)."""
        return self.reads.entities() if kind.name == "speakers" else self.claim_registry.claims()

    def set_registry(self, kind, items: dict, moved: dict[str, str], revive: dict) -> dict:
        """Make the registry of ``kind`` hold ``items``: links to merged items follow them (SPEAKER spans'
        ``entity``, CLAIM spans' ``claim``), items linked here that the team deleted are kept (``revive`` has them as
        they last were), the rest is added, changed or removed. Returns what changed, with the layers whose links
        moved."""
        touched: set[tuple[str, str]] = set()
        moved_links = 0
        path = f"$.{kind.attr}"
        for old, new in moved.items():
            if new == old:
                continue
            rows = self.conn.execute("SELECT DISTINCT doc_id, annotator FROM spans WHERE label = ? AND "
                                     "json_extract(attrs, ?) = ?", [kind.label, path, old]).fetchall()
            if not rows:
                continue
            cur = self.conn.execute("UPDATE spans SET attrs = json_set(attrs, ?, ?) WHERE label = ? AND "
                                    "json_extract(attrs, ?) = ?", [path, new, kind.label, path, old])
            moved_links += cur.rowcount
            touched.update((d, a) for d, a in rows)
        self.touch_layers(touched)
        current = self.registry(kind)
        referenced = {r[0] for r in self.conn.execute(
            "SELECT DISTINCT json_extract(attrs, ?) FROM spans WHERE label = ? AND annotator != ? "
            "AND json_extract(attrs, ?) IS NOT NULL", [path, kind.label, SUGGESTIONS, path])}
        wanted = dict(items)
        kept = []
        for iid in sorted(referenced - set(wanted)):
            keep = current.get(iid) or revive.get(iid)
            if keep is not None:
                wanted[iid] = keep
                kept.append(iid)
        added = [e for k, e in wanted.items() if k not in current]
        changed = [e for k, e in wanted.items() if k in current and current[k] != e]
        removed = [k for k in current if k not in wanted]
        self._write_items(kind, added, changed, removed)
        return {"added": len(added), "changed": len(changed), "removed": len(removed), "kept": kept,
                "links_moved": moved_links, "touched": touched, "items": wanted}

    def _write_items(self, kind, added: list, changed: list, removed: list[str]) -> None:
        now = _now()
        if kind.name == "speakers":
            self.conn.executemany("DELETE FROM entities WHERE id = ?", [[k] for k in removed])
            self.conn.executemany("INSERT INTO entities (id, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?)",
                                  [(e.id, e.name, _dumps(list(e.aliases)), now, now) for e in added])
            self.conn.executemany("UPDATE entities SET name = ?, aliases = ?, updated = ? WHERE id = ?",
                                  [(e.name, _dumps(list(e.aliases)), now, e.id) for e in changed])
            return
        self.conn.executemany("DELETE FROM canonical_claims WHERE id = ?", [[k] for k in removed])
        self.conn.executemany(
            "INSERT INTO canonical_claims (id, text, verdict, factcheck, note, source, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.text, c.verdict, c.factcheck, c.note, _dumps(c.source), now, now) for c in added])
        self.conn.executemany(
            "UPDATE canonical_claims SET text = ?, verdict = ?, factcheck = ?, note = ?, source = ?, updated = ? "
            "WHERE id = ?", [(c.text, c.verdict, c.factcheck, c.note, _dumps(c.source), now, c.id) for c in changed])

    def add_items(self, kind, items: Iterable) -> None:
        """Bring back items a teammate's layer links to (deleted meanwhile): kept, not changed."""
        current = self.registry(kind)
        self._write_items(kind, [i for i in items if i.id not in current], [], [])

    def link_moves(self, since_seq: int, kind) -> dict[str, str]:
        """Links this project's edits moved from one item to another since ``since_seq`` (a merge moves every
        link of the merged item): old id -> new id, the last move winning."""
        moves: dict[str, str] = {}
        for (raw,) in self.conn.execute("SELECT change FROM changes WHERE seq > ? AND kind IN ('batch', "
                                        "'update_span') ORDER BY seq", [since_seq]):
            stack = [orjson.loads(raw)]
            while stack:
                change = stack.pop(0)
                if change.get("kind") == "batch":
                    stack[:0] = change.get("changes") or []
                elif change.get("kind") == "update_span":
                    before, after = change.get("before") or {}, change.get("after") or {}
                    if before.get("label") == kind.label == after.get("label"):
                        a = (before.get("attrs") or {}).get(kind.attr)
                        b = (after.get("attrs") or {}).get(kind.attr)
                        if a and b and a != b:
                            moves[a] = b
        return moves

    # --- assignments ----------------------------------------------------------------------------------------------------

    def assignments(self, annotator: str | None = None, role: str | None = None) -> list[Assignment]:
        cond, args = matching(("annotator", annotator), ("role", role))
        return [Assignment(*r) for r in self.conn.execute(
            f"SELECT doc_id, annotator, role, assigned_by, assigned FROM assignments WHERE 1{cond} ORDER BY rowid",
            args)]

    def assign(self, items: Iterable[Assignment]) -> int:
        cur = self.conn.executemany(
            "INSERT OR IGNORE INTO assignments (doc_id, annotator, role, assigned_by, assigned) VALUES (?, ?, ?, ?, ?)",
            [(a.doc_id, a.annotator, a.role, a.by, a.at) for a in items])
        return cur.rowcount

    def unassign(self, items: Iterable[tuple[str, str, str]]) -> int:
        cur = self.conn.executemany("DELETE FROM assignments WHERE doc_id = ? AND annotator = ? AND role = ?",
                                    list(items))
        return cur.rowcount

    def replace_assignments(self, items: Iterable[Assignment]) -> None:
        self.conn.execute("DELETE FROM assignments")
        self.assign(items)

    def unassigned(self, role: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM assignments WHERE role = ?) ORDER BY rowid",
            [role])]

    # --- members, conflicts, problems, arrivals -----------------------------------------------------------------------------

    def set_member(self, name: str, **values) -> None:
        self.conn.execute("INSERT INTO team_members (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [name])
        if values:
            sets = ", ".join(f"{k} = ?" for k in values)
            self.conn.execute(f"UPDATE team_members SET {sets} WHERE name = ?", [*values.values(), name])

    def members(self) -> list[MemberRow]:
        return [MemberRow(*r) for r in self.conn.execute(
            "SELECT name, role, joined, computer, host, last_commit, last_commit_at FROM team_members ORDER BY name")]

    def conflicts(self) -> list[Conflict]:
        return [Conflict(*r) for r in self.conn.execute(
            "SELECT path, doc_id, annotator, theirs, detail, found, resolution FROM team_conflicts ORDER BY path")]

    def add_conflict(self, path: str, doc_id: str, annotator: str, theirs: str, detail: str) -> None:
        self.conn.execute("INSERT INTO team_conflicts (path, doc_id, annotator, theirs, detail, found) VALUES "
                          "(?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET theirs = excluded.theirs, "
                          "detail = excluded.detail, resolution = NULL", [path, doc_id, annotator, theirs, detail,
                                                                          _now()])

    def resolve_conflict(self, path: str, resolution: str | None) -> None:
        if resolution is None:
            self.conn.execute("DELETE FROM team_conflicts WHERE path = ?", [path])
        else:
            self.conn.execute("UPDATE team_conflicts SET resolution = ? WHERE path = ?", [resolution, path])

    def problems(self) -> list[tuple[str, str, str, str]]:
        return self.conn.execute("SELECT path, blob, message, found FROM team_problems ORDER BY path").fetchall()

    def set_problem(self, path: str, blob: str, message: str) -> None:
        self.conn.execute("INSERT INTO team_problems (path, blob, message, found) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT (path) DO UPDATE SET blob = excluded.blob, message = excluded.message, "
                          "found = excluded.found", [path, blob, message, _now()])

    def clear_problems(self, paths: Iterable[str]) -> None:
        self.conn.executemany("DELETE FROM team_problems WHERE path = ?", [[p] for p in paths])

    def record_arrivals(self, rows: Iterable[tuple[str, str, int, str]]) -> None:
        now = _now()
        self.conn.executemany("INSERT INTO team_arrivals (doc_id, annotator, arrived, spans, status) VALUES "
                              "(?, ?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET arrived = excluded.arrived,"
                              " spans = excluded.spans, status = excluded.status",
                              [(d, a, now, n, s) for d, a, n, s in rows])

    def arrivals(self, limit: int = 200) -> list[tuple[str, str, str, int, str]]:
        return self.conn.execute("SELECT doc_id, annotator, arrived, spans, status FROM team_arrivals "
                                 "ORDER BY arrived DESC, doc_id LIMIT ?", [limit]).fetchall()

    # --- counts for the status ------------------------------------------------------------------------------------------

    def layer_counts(self) -> dict[str, dict[str, int]]:
        """annotator -> status -> number of layers (suggestions left out)."""
        out: dict[str, dict[str, int]] = {}
        for who, status, n in self.conn.execute("SELECT annotator, status, count(*) FROM layers WHERE annotator != ? "
                                                "GROUP BY annotator, status", [SUGGESTIONS]):
            out.setdefault(who, {})[status] = n
        return out

    def assigned_counts(self) -> dict[tuple[str, str], dict[str, int]]:
        """(annotator, role) -> status of the layer that role writes (the annotator's, or gold) -> documents."""
        out: dict[tuple[str, str], dict[str, int]] = {}
        for who, role, status, n in self.conn.execute(
                "SELECT a.annotator, a.role, coalesce(l.status, 'todo'), count(*) FROM assignments a LEFT JOIN layers l "
                "ON l.doc_id = a.doc_id AND l.annotator = CASE a.role WHEN 'review' THEN ? ELSE a.annotator END "
                "GROUP BY a.annotator, a.role, 3", [GOLD]):
            out.setdefault((who, role), {})[status] = n
        return out

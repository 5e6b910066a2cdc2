"""What this computer sends: the files it writes that differ from the repository's head.

- its annotator's layers and the gold layers it edited, changed since the last sync (never one in conflict);
- the documents it has that the team does not (anyone may add documents; only the lead removes them);
- its speaker events not yet in the repository, appended to its own log;
- its member file; and for the lead: the label schema, the assignments and the removals.

Everything is read in one read transaction (a consistent picture while the window keeps writing), and a file is
sent only when its bytes differ from the repository's (an edit undone sends nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson

from ...core.errors import QawlError
from ...core.team import files as tf
from ...core.team import layout
from ...core.team.registry import KINDS, Event, log_bytes, read_log
from ...store.rows import now_utc
from .context import Team
from .report import counted


@dataclass
class Outgoing:
    files: dict[str, bytes | None] = field(default_factory=dict)
    stamps: dict[str, str] = field(default_factory=dict)  # "doc\x1fannotator" -> updated, as exported
    seq: int = 0
    layers: int = 0
    documents: int = 0
    events: int = 0
    other: list[str] = field(default_factory=list)
    removals: list[dict] = field(default_factory=list)

    def message(self, me: str) -> str:
        what = []
        if self.layers:
            what.append(counted(self.layers, 'layer'))
        if self.documents:
            what.append(counted(self.documents, 'document'))
        if self.events:
            what.append(counted(self.events, 'speaker change'))
        what.extend(self.other)
        return f"{me}: " + (", ".join(what) or "sync")


def prepare(t: Team, head: str | None) -> Outgoing:
    """The files to write on top of ``head`` (and the layer stamps they stand for)."""
    state = t.reload()
    store, tables = t.store, t.tables
    out = Outgoing()
    candidates: dict[str, bytes] = {}
    layer_keys: dict[str, tuple[str, str, str]] = {}
    with tables.snapshot():
        out.seq = tables.max_seq()
        schema = store.schema
        repo_of = tables.repo_ids()
        removed = {r["text_sha256"] for r in state.removals}
        for doc_id in tables.local_documents():  # documents added here: anyone may add documents
            doc = store.document(doc_id)
            if doc.text_sha256 in removed:
                continue
            candidates[layout.document_path(doc_id)] = tf.document_bytes(doc, schema.name)
            repo_of[doc_id] = doc_id
        blocked = {c.path for c in tables.conflicts() if c.resolution != "mine"}
        for doc_id, who, updated in tables.changed_layers(t.writes(), state.synced_seq):
            repo_id = repo_of.get(doc_id)
            if repo_id is None:
                continue
            path = layout.layer_path(who, repo_id)
            if path in blocked:
                continue
            layer = store.layer(doc_id, who)
            candidates[path] = tf.layer_bytes(layer, repo_id, store.document(doc_id).text_sha256, schema.name)
            layer_keys[path] = (doc_id, who, updated)
        if state.is_lead:
            candidates[layout.SCHEMA_FILE] = tf.schema_bytes(schema)
            candidates[layout.ASSIGNMENTS_FILE] = tf.assignments_bytes(
                tf.Assignment(repo_of.get(a.doc_id, a.doc_id), a.annotator, a.role, a.by, a.at)
                for a in tables.assignments())
        outboxes = {kind: [Event.from_dict(e) for e in state.outbox.get(kind.name, [])] for kind in KINDS.values()}
    rescued = {path: data.encode("utf-8") for path, data in state.rescued.items()}
    repo = t.repo
    logs = {kind: layout.registry_path(state.annotator, kind.name) for kind in KINDS.values()}
    member = layout.member_path(state.annotator)
    extra = [*logs.values(), member, layout.REMOVED_FILE] + [layout.document_path(r["doc_id"]) for r in state.removals]
    current = repo.tree(head, [*candidates, *extra, *rescued])
    for path, data in rescued.items():  # this computer's work on documents the lead removed
        if current.get(path) != repo.blob_id(data):
            out.files[path] = data
            out.layers += 1
    for path, data in candidates.items():
        blob = repo.blob_id(data)
        key = layer_keys.get(path)
        if key is not None:
            out.stamps[f"{key[0]}\x1f{key[1]}"] = key[2]
        if current.get(path) == blob:
            continue
        if key is not None and path not in current and _empty_layer(data):
            continue  # nothing to say about a document not started
        if path == layout.ASSIGNMENTS_FILE and path not in current and not data:
            continue
        out.files[path] = data
        if key is not None:
            out.layers += 1
        elif path.startswith(layout.DOCUMENTS + "/"):
            out.documents += 1
        elif path == layout.SCHEMA_FILE:
            out.other.append("the label schema")
        elif path == layout.ASSIGNMENTS_FILE:
            out.other.append("assignments")
    for kind, outbox in outboxes.items():  # this member's log of each registry, with the events not sent yet
        if not outbox:
            continue
        path = logs[kind]
        existing: list[Event] = []
        if path in current:
            try:
                existing = read_log(path, repo.blobs([current[path]])[current[path]], kind)
            except QawlError:
                existing = []  # a damaged log of ours is rewritten whole from what we know
        known = {e.id for e in existing}
        fresh = [e for e in outbox if e.id not in known]
        if fresh:
            out.files[path] = log_bytes([*existing, *fresh])
            out.events += len(fresh)
    mine = tf.member_bytes(tf.Member(state.annotator, state.joined, state.computer, state.host,
                                     "lead" if state.is_lead else "annotator"))
    if current.get(member) != repo.blob_id(mine):
        out.files[member] = mine
        out.other.append(f"this computer as {state.annotator}'s" if member in current
                         else f"{state.annotator} joins the team")
    if state.is_lead and state.removals:
        listed: list[tf.Removal] = []
        if layout.REMOVED_FILE in current:
            try:
                listed = tf.read_removals(layout.REMOVED_FILE, repo.blobs([current[layout.REMOVED_FILE]])[
                    current[layout.REMOVED_FILE]])
            except QawlError:
                listed = []
        have = {(r.doc_id, r.text_sha256) for r in listed}
        listed += [tf.Removal(r["doc_id"], r["text_sha256"], r.get("by"), r.get("at")) for r in state.removals
                   if (r["doc_id"], r["text_sha256"]) not in have]
        data = tf.removals_bytes(listed)
        out.removals = list(state.removals)
        if current.get(layout.REMOVED_FILE) != repo.blob_id(data):
            out.files[layout.REMOVED_FILE] = data
            out.other.append(f"{len(state.removals)} removal(s)")
        for r in state.removals:
            path = layout.document_path(r["doc_id"])
            if path in current:
                out.files[path] = None
    return out


def _empty_layer(data: bytes) -> bool:
    """A layer with nothing in it: not started, no span, no note on the document, no flag."""
    head, _, rest = data.partition(b"\n")
    if rest.strip() or b'"status":"todo"' not in head:
        return False
    obj = orjson.loads(head)
    return not obj.get("note") and not obj.get("discuss")


def removal(doc_id: str, text_sha256: str, by: str) -> dict:
    return {"doc_id": doc_id, "text_sha256": text_sha256, "by": by, "at": now_utc()}

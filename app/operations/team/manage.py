"""The team's other commands: status (who is where), assignments (the lead's), removing documents (the lead's),
and deciding conflicts. None of them talks to the remote: the next sync sends what they changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ...core.errors import QawlError
from ...core.model import GOLD, SUGGESTIONS
from ...core.team import files as tf
from ...core.team.registry import KINDS, diff
from ...store import Store, TeamStore
from ...store.rows import now_utc
from .context import NOT_A_TEAM, Team
from .outgoing import removal


@dataclass(frozen=True)
class AnnotatorStatus:
    name: str
    role: str  # lead / annotator / reviewer (someone with review assignments only)
    assigned: int
    todo: int  # assigned, not started
    in_progress: int
    done: int
    last_sync: str | None  # the time of their last commit in the repository
    computer: str | None


@dataclass(frozen=True)
class ReviewStatus:
    reviewer: str
    assigned: int
    in_progress: int
    done: int


@dataclass
class TeamStatus:
    remote: str
    me: str
    lead: str
    synced_commit: str | None
    synced_at: str | None
    annotators: list[AnnotatorStatus] = field(default_factory=list)
    reviews: list[ReviewStatus] = field(default_factory=list)
    gold: dict[str, int] = field(default_factory=dict)  # gold layers by status
    unsent_layers: int = 0
    unsent_speaker_changes: int = 0
    unsent_claim_changes: int = 0
    local_documents: int = 0
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    mine: list[str] = field(default_factory=list)  # documents assigned to me (to annotate), in order


def _tables(store: Store):
    tables = TeamStore(store)
    state = tables.state()
    if state is None:
        raise QawlError(NOT_A_TEAM, file=str(store.path) if store.path else None)
    return tables, state


def status(store: Store) -> TeamStatus:
    """Where everyone is, as of this project's last sync (no network)."""
    tables, state = _tables(store)
    out = TeamStatus(state.remote, state.annotator, state.lead, state.synced_commit, state.synced_at)
    layers = tables.layer_counts()
    assigned = tables.assigned_counts()
    members = {m.name: m for m in tables.members()}
    names = set(members) | {a for a in layers if a != GOLD} | {who for who, role in assigned if role == "annotate"}
    for name in sorted(names):
        counts = layers.get(name, {})
        mine = assigned.get((name, "annotate"), {})
        member = members.get(name)
        role = "lead" if name == state.lead else ("annotator" if member or counts or mine else "reviewer")
        out.annotators.append(AnnotatorStatus(
            name, role, sum(mine.values()), mine.get("todo", 0), counts.get("in_progress", 0), counts.get("done", 0),
            member.last_commit_at if member else None, member.host if member else None))
    for (who, role), counts in sorted(assigned.items()):
        if role == "review":
            out.reviews.append(ReviewStatus(who, sum(counts.values()), counts.get("in_progress", 0),
                                            counts.get("done", 0)))
    out.gold = dict(layers.get(GOLD, {}))
    out.unsent_layers = len(tables.changed_layers((state.annotator, GOLD), state.synced_seq))
    for kind in KINDS.values():
        unsent = len(state.outbox.get(kind.name, [])) + len(diff(state.base(kind), tables.registry(kind), kind,
                                                                 by=state.annotator, at=now_utc()))
        if kind.name == "speakers":
            out.unsent_speaker_changes = unsent
        else:
            out.unsent_claim_changes = unsent
    out.local_documents = tables.count_local_documents()
    out.conflicts = [c.detail + (f" [decided: {c.resolution}, sent at the next sync]" if c.resolution else "")
                     for c in tables.conflicts()]
    out.problems = [p[2] for p in tables.problems()]
    out.mine = [a.doc_id for a in tables.assignments(state.annotator, "annotate")]
    return out


def assign(store: Store, annotator: str, doc_ids: Iterable[str] = (), *, role: str = "annotate",
           remove: bool = False, next_n: int | None = None) -> list[str]:
    """The lead gives documents to ``annotator`` (to annotate, or to review), or takes them back. ``next_n``: that
    many documents nobody has been given yet for this role, in import order. Returns the documents concerned."""
    tables, state = _tables(store)
    if not state.is_lead:
        raise QawlError(f"only the lead ({state.lead}) assigns documents")
    if role not in tf.ROLES:
        raise QawlError(f"must be one of {', '.join(tf.ROLES)}", field="--role")
    name = (annotator or "").strip()
    if not name or name in (GOLD, SUGGESTIONS):
        raise QawlError("give the annotator's name", field="ANNOTATOR")
    ids = list(dict.fromkeys(doc_ids))
    if next_n is not None:
        if next_n <= 0:
            raise QawlError("must be a positive number", field="--next")
        ids += [d for d in tables.unassigned(role) if d not in ids][:next_n]
    if not ids:
        raise QawlError("no documents given (list document ids, or --next N)", field="DOC")
    missing = [d for d in ids if not store.has_document(d)]
    if missing:
        raise QawlError(f"no document {missing[0]!r} in this project" + (f" (and {len(missing) - 1} more)"
                                                                          if len(missing) > 1 else ""), field="DOC")
    with store.atomic():
        if remove:
            tables.unassign((d, name, role) for d in ids)
        else:
            now = now_utc()
            tables.assign(tf.Assignment(d, name, role, state.annotator, now) for d in ids)
    return ids


def assignments(store: Store, annotator: str | None = None, role: str | None = None) -> list[tf.Assignment]:
    tables, _state = _tables(store)
    return tables.assignments(annotator, role)


def remove(store: Store, doc_ids: Iterable[str]) -> list[str]:
    """The lead takes documents out of the team: out of this project now, out of everyone's at their next sync.
    Annotators' layers of them stay in the repository (and its history)."""
    tables, state = _tables(store)
    if not state.is_lead:
        raise QawlError(f"only the lead ({state.lead}) removes documents from the team")
    ids = list(dict.fromkeys(doc_ids))
    missing = [d for d in ids if not store.has_document(d)]
    if missing:
        raise QawlError(f"no document {missing[0]!r} in this project", field="DOC")
    repo_of = tables.repo_ids()
    entries = [removal(repo_of.get(d, d), store.document(d).text_sha256, state.annotator) for d in ids]
    with store.atomic():
        tables.delete_documents(ids)
        tables.update(removals=[*state.removals, *entries])
    return ids


def resolve(store: Store, doc_ids: Iterable[str] = (), *, keep: str, interactive: bool = True) -> list[str]:
    """Decide conflicts (all, or those of ``doc_ids``): ``mine`` sends this computer's version at the next sync
    (the other stays in the repository's history); ``theirs`` takes the repository's version now."""
    if keep not in ("mine", "theirs"):
        raise QawlError("say --mine or --theirs", field="--mine/--theirs")
    t = Team(store, interactive=interactive)
    wanted = set(doc_ids)
    chosen = [c for c in t.tables.conflicts() if not wanted or c.doc_id in wanted]
    if not chosen:
        raise QawlError("no conflict to decide" + (" for these documents" if wanted else ""))
    if keep == "mine":
        with store.atomic():
            for c in chosen:
                t.tables.resolve_conflict(c.path, "mine")
        return [c.doc_id for c in chosen]
    blobs = t.repo.blobs(c.theirs for c in chosen)
    from ...core.jsonl import Record

    records = []
    for c in chosen:
        doc = store.document(c.doc_id)
        layer = tf.read_layer(c.path, blobs[c.theirs], doc, store.schema, set(store.entities()))
        records.append(Record(doc, layer, [], None))
    with store.atomic():
        store.import_records(records, replace_layers=True, source="team: conflict taken from the repository",
                             actor=t.me)
        t.tables.record_layers(t.tables.layer_stamps((c.doc_id, c.annotator) for c in chosen))
        for c in chosen:
            t.tables.resolve_conflict(c.path, None)
    return [c.doc_id for c in chosen]

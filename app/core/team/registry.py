"""The speaker registry of a team, as events: each member appends to their own log, so logs never conflict, and
every computer folds the same events in the same order into the same registry.

An **event** is one edit of the registry: ``add`` (a new speaker with its names), ``rename`` (the canonical name),
``aliases`` (names added and removed), ``merge`` (one speaker into another: its names become aliases, every mention
follows) and ``delete``. A member's events are not typed by anyone: they are :func:`diff` of the registry as it was
after the last sync and as it is now (a speaker gone whose names all went to another one was merged into it).

:func:`fold` orders all events by time, then member, then id, and applies them:
- the last rename wins; aliases added and removed are applied in order (two members adding names keep both);
- merges are a union-find: merging into a speaker that was itself merged goes to the one that remains, and two
  members merging A into B and B into A at the same time end with one speaker;
- an edit of a merged speaker goes to the speaker it was merged into (a rename becomes an alias there);
- a speaker added by two members under the same name (case-insensitive) is one speaker: the later is merged into
  the earlier (one member's own two speakers of the same name stay two);
- a delete loses to any later event about the speaker (a concurrent new mention re-adds it).

The result is the registry, the ``merged`` map (each merged id -> the id it went into) which the operations
apply to mentions, and the deleted speakers (a mention of one, made concurrently, brings it back). Other registries (claims) can follow the same pattern with their own fold.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import orjson

from ..errors import QawlError
from ..model import Entity
from .files import line

OPS = ("add", "rename", "aliases", "merge", "delete")


@dataclass(frozen=True)
class Event:
    id: str
    at: str
    by: str
    op: str
    speaker: str
    name: str | None = None
    aliases: tuple[str, ...] = ()  # add: the speaker's aliases; aliases: the names added
    removed: tuple[str, ...] = ()  # aliases: the names removed
    into: str | None = None  # merge

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise QawlError(f"must be one of {', '.join(OPS)}, got {self.op!r}", field="op")
        for key in ("id", "at", "by", "speaker"):
            if not isinstance(getattr(self, key), str) or not getattr(self, key):
                raise QawlError("is missing or not a non-empty string", field=key)
        if self.op in ("add", "rename") and (not isinstance(self.name, str) or not self.name.strip()):
            raise QawlError("a speaker needs a name", field="name")
        if self.op == "merge" and (not isinstance(self.into, str) or not self.into):
            raise QawlError("is missing: which speaker it was merged into", field="into")
        for key in ("aliases", "removed"):
            if not all(isinstance(a, str) for a in getattr(self, key)):
                raise QawlError("must be a list of names", field=key)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.at, self.by, self.id)

    def to_dict(self) -> dict:
        out = {"id": self.id, "at": self.at, "by": self.by, "op": self.op, "speaker": self.speaker}
        if self.op in ("add", "rename"):
            out["name"] = self.name
        if self.op == "add" or (self.op == "aliases" and self.aliases):
            out["aliases"] = list(self.aliases)
        if self.op == "aliases" and self.removed:
            out["removed"] = list(self.removed)
        if self.op == "merge":
            out["into"] = self.into
        return out

    @classmethod
    def from_dict(cls, d: object) -> "Event":
        if not isinstance(d, dict):
            raise QawlError(f"must be a JSON object, got {type(d).__name__}")
        aliases, removed = d.get("aliases") or [], d.get("removed") or []
        if not isinstance(aliases, list) or not isinstance(removed, list):
            raise QawlError("must be a list of names", field="aliases" if not isinstance(aliases, list) else "removed")
        return cls(d.get("id"), d.get("at"), d.get("by"), d.get("op"), d.get("speaker"), d.get("name"),
                   tuple(aliases), tuple(removed), d.get("into"))


def log_bytes(events: Iterable[Event]) -> bytes:
    """A member's log: events in order, one per line (appending keeps every earlier line as it was)."""
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.id, e)
    return b"".join(line(e.to_dict()) for e in sorted(seen.values(), key=lambda e: e.key))


def read_log(path: str, data: bytes) -> list[Event]:
    out = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            out.append(Event.from_dict(orjson.loads(raw)))
        except orjson.JSONDecodeError as exc:
            raise QawlError(f"not valid JSON ({exc})", file=path, line=number) from None
        except QawlError as exc:
            raise exc.located(file=path, line=number) from None
    return out


# --- what a member did: the registry then and now -------------------------------------------------------------------------

def diff(before: Mapping[str, Entity], after: Mapping[str, Entity], *, by: str, at: str) -> list[Event]:
    """The events that turn registry ``before`` into ``after`` (this member's edits since the last sync)."""
    out: list[Event] = []
    batch = uuid.uuid4().hex[:16]

    def event(op: str, speaker: str, **kw) -> None:
        # Ids sort in the order the events are made: one diff's events fold in that order.
        out.append(Event(f"{batch}.{len(out):05d}", at, by, op, speaker, **kw))

    for eid, ent in after.items():
        old = before.get(eid)
        if old is None:
            event("add", eid, name=ent.name, aliases=ent.aliases)
            continue
        if old.name != ent.name:
            event("rename", eid, name=ent.name)
        added = tuple(a for a in ent.aliases if a not in old.aliases)
        removed = tuple(a for a in old.aliases if a not in ent.aliases)
        if added or removed:
            event("aliases", eid, aliases=added, removed=removed)
    for eid, old in before.items():
        if eid in after:
            continue
        into = next((k for k, ent in sorted(after.items()) if k != eid
                     and set(n.casefold() for n in old.names) <= set(n.casefold() for n in ent.names)), None)
        if into is not None:
            event("merge", eid, into=into)
        else:
            event("delete", eid)
    return out


# --- folding everyone's events into one registry ----------------------------------------------------------------------------

@dataclass
class _Speaker:
    name: str
    aliases: list[str]
    by: str
    deleted: bool = False


@dataclass(frozen=True)
class Registry:
    """The team's registry after folding: the speakers, and where every id ever seen went."""

    entities: dict[str, Entity] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)  # a merged id -> the id it went into (in the end)
    deleted: dict[str, Entity] = field(default_factory=dict)  # deleted speakers as they last were (a mention revives)

    def resolve(self, eid: str) -> str:
        """The speaker an id stands for now (itself if it was never merged; it may be a deleted one)."""
        return self.merged.get(eid, eid)


def fold(events: Iterable[Event]) -> Registry:
    speakers: dict[str, _Speaker] = {}
    parent: dict[str, str] = {}

    def find(eid: str) -> str:
        root = eid
        while root in parent:
            root = parent[root]
        while eid != root:  # path compression
            parent[eid], eid = root, parent[eid]
        return root

    def merge(gone: str, into: str) -> None:
        a, b = find(gone), find(into)
        if a == b or a not in speakers or b not in speakers:
            return
        src, dst = speakers[a], speakers[b]
        if dst.deleted:
            dst.deleted = False
        for n in [src.name, *src.aliases]:
            if n != dst.name and n not in dst.aliases:
                dst.aliases.append(n)
        parent[a] = b
        del speakers[a]

    by_name: dict[str, str] = {}
    for e in sorted(events, key=lambda e: e.key):
        if e.op == "add":
            root = find(e.speaker)
            known = speakers.get(root)
            if known is not None:  # the same speaker added again (a copy of a log): a revival at most
                known.deleted = False
                continue
            same = by_name.get(e.name.casefold())
            target = find(same) if same else None
            speakers[e.speaker] = _Speaker(e.name, [a for a in e.aliases if a != e.name], e.by)
            if target and target in speakers and not speakers[target].deleted and speakers[target].by != e.by \
                    and speakers[target].name.casefold() == e.name.casefold():
                merge(e.speaker, target)
            else:
                by_name.setdefault(e.name.casefold(), e.speaker)
            continue
        root = find(e.speaker)
        sp = speakers.get(root)
        if sp is None:
            continue  # an edit of a speaker nobody added (or added in an event not seen yet)
        if e.op == "delete":
            if root == e.speaker:
                sp.deleted = True
            continue
        sp.deleted = False
        if e.op == "rename":
            if root == e.speaker:
                sp.name = e.name
                if e.name in sp.aliases:
                    sp.aliases.remove(e.name)
            elif e.name != sp.name and e.name not in sp.aliases:
                sp.aliases.append(e.name)
        elif e.op == "aliases":
            for a in e.aliases:
                if a != sp.name and a not in sp.aliases:
                    sp.aliases.append(a)
            for a in e.removed:
                if a in sp.aliases:
                    sp.aliases.remove(a)
        elif e.op == "merge":
            merge(e.speaker, e.into)

    entities = {eid: Entity(eid, sp.name, tuple(sp.aliases)) for eid, sp in speakers.items() if not sp.deleted}
    moved = {eid: find(eid) for eid in list(parent)}
    deleted = {eid: Entity(eid, sp.name, tuple(sp.aliases)) for eid, sp in speakers.items() if sp.deleted}
    return Registry(entities, moved, deleted)

"""The team's shared registries — speakers, canonical claims — as events: each member appends to their own log
(``registry/<kind>/<member>.jsonl``), so logs never conflict, and every computer folds the same events in the same
order into the same registry.

An **event** is one edit of one item: ``add`` (a new item with its fields), ``set`` (fields changed; names added
to or removed from a set such as a speaker's aliases), ``merge`` (one item into another: every link follows) and
``delete``. Nobody types events: they are :func:`diff` of the registry after the last sync and now. A merge is
told apart from a delete by the caller (claims: from the history of changes) or, for speakers, by its trace: a
speaker gone whose names all went to another one was merged into it.

:func:`fold` orders all events by time, member and id, and applies them:
- each field keeps its last value (the last rename wins); names added to a set by two members are both kept;
- merges are a union-find: merging into an item that was itself merged goes to the one that remains, and two
  members merging A into B and B into A at the same time end with one item; the one that remains takes what the
  kind says (a speaker: the other's names as aliases; a claim: its verdict, fact-check and note where it has none);
- an edit of a merged item goes to the one it went into, as the kind says (a speaker's rename becomes an alias);
- an item two members added with the same key (a speaker's name, a claim's wording) is one item: the later is
  merged into the earlier (one member's own two items with one name stay two);
- a delete loses to any later event about the item (and a teammate's new link brings it back).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterable, Mapping

import orjson

from ..errors import QawlError
from ..model import CanonicalClaim, Entity
from .files import line

OPS = ("add", "set", "merge", "delete")


@dataclass(frozen=True)
class Kind:
    """What one registry keeps of an item: fields (last value wins) and sets (added and removed by name)."""

    name: str  # the folder under registry/, and the label of the spans that link to it
    fields: tuple[str, ...]
    sets: tuple[str, ...]
    key_field: str  # must be non-empty on add; two members' items with the same key are one
    label: str  # the spans that link to items (SPEAKER, CLAIM)
    attr: str  # ... by this attribute (entity, claim)
    build: Callable[[str, dict, dict], object]  # (id, fields, sets) -> the item
    parts: Callable[[object], tuple[dict, dict]]  # the item -> (fields, sets)
    absorb: Callable[[dict, dict, dict, dict], None]  # (kept fields, kept sets, gone fields, gone sets) at a merge
    redirect: Callable[[dict, dict, dict], None]  # (fields set on a merged item, kept fields, kept sets)


def _speaker_absorb(fields, sets, gone_fields, gone_sets) -> None:
    for n in [gone_fields["name"], *gone_sets.get("aliases", [])]:
        if n != fields["name"] and n not in sets["aliases"]:
            sets["aliases"].append(n)


def _speaker_redirect(changed, fields, sets) -> None:
    name = changed.get("name")
    if name and name != fields["name"] and name not in sets["aliases"]:
        sets["aliases"].append(name)


def _claim_absorb(fields, sets, gone_fields, gone_sets) -> None:
    # As merge_claims does: the claim that remains takes the other's verdict, fact-check and note where it has none.
    if not fields.get("verdict") and gone_fields.get("verdict"):
        fields["verdict"], fields["source"] = gone_fields["verdict"], gone_fields.get("source") or {}
    for name in ("factcheck", "note"):
        if not fields.get(name) and gone_fields.get(name):
            fields[name] = gone_fields[name]


def _claim_redirect(changed, fields, sets) -> None:
    for name in ("verdict", "factcheck", "note", "source"):  # findings about it are about the one it went into
        if name in changed:
            fields[name] = changed[name]


SPEAKERS = Kind("speakers", ("name",), ("aliases",), "name", "SPEAKER", "entity",
                build=lambda i, f, s: Entity(i, f["name"], tuple(s.get("aliases", ()))),
                parts=lambda e: ({"name": e.name}, {"aliases": list(e.aliases)}),
                absorb=_speaker_absorb, redirect=_speaker_redirect)
CLAIMS = Kind("claims", ("text", "verdict", "factcheck", "note", "source"), (), "text", "CLAIM", "claim",
              build=lambda i, f, s: CanonicalClaim(i, f["text"], f.get("verdict"), f.get("factcheck"),
                                                   f.get("note") or "", f.get("source") or {}),
              parts=lambda c: ({"text": c.text, "verdict": c.verdict, "factcheck": c.factcheck, "note": c.note,
                                "source": c.source}, {}),
              absorb=_claim_absorb, redirect=_claim_redirect)
KINDS = {k.name: k for k in (SPEAKERS, CLAIMS)}


@dataclass(frozen=True)
class Event:
    id: str
    at: str
    by: str
    op: str
    item: str
    fields: dict = field(default_factory=dict)
    added: dict = field(default_factory=dict)  # set name -> values added (an add: the item's whole sets)
    removed: dict = field(default_factory=dict)  # set name -> values removed
    into: str | None = None  # merge

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise QawlError(f"must be one of {', '.join(OPS)}, got {self.op!r}", field="op")
        for key in ("id", "at", "by", "item"):
            if not isinstance(getattr(self, key), str) or not getattr(self, key):
                raise QawlError("is missing or not a non-empty string", field=key)
        for key in ("fields", "added", "removed"):
            value = getattr(self, key)
            if not isinstance(value, dict):
                raise QawlError(f"must be an object, got {type(value).__name__}", field=key)
        for key in ("added", "removed"):
            for name, values in getattr(self, key).items():
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise QawlError("must be a list of names", field=f"{key}.{name}")
        if self.op == "merge" and (not isinstance(self.into, str) or not self.into):
            raise QawlError("is missing: which item it was merged into", field="into")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.at, self.by, self.id)

    def to_dict(self) -> dict:
        out = {"id": self.id, "at": self.at, "by": self.by, "op": self.op, "item": self.item}
        if self.fields:
            out["fields"] = self.fields
        if self.added:
            out["added"] = self.added
        if self.removed:
            out["removed"] = self.removed
        if self.op == "merge":
            out["into"] = self.into
        return out

    @classmethod
    def from_dict(cls, d: object) -> "Event":
        if not isinstance(d, dict):
            raise QawlError(f"must be a JSON object, got {type(d).__name__}")
        return cls(d.get("id"), d.get("at"), d.get("by"), d.get("op"), d.get("item"), d.get("fields") or {},
                   d.get("added") or {}, d.get("removed") or {}, d.get("into"))


def check_event(e: Event, kind: Kind) -> None:
    """An event is about this kind's fields and sets only; an add names the item's key."""
    unknown = set(e.fields) - set(kind.fields)
    if unknown:
        raise QawlError(f"{kind.name} have no field {sorted(unknown)[0]!r}", field="fields")
    unknown = (set(e.added) | set(e.removed)) - set(kind.sets)
    if unknown:
        raise QawlError(f"{kind.name} have no list {sorted(unknown)[0]!r}", field="added")
    if e.op == "add" and (not isinstance(e.fields.get(kind.key_field), str) or not e.fields[kind.key_field].strip()):
        raise QawlError(f"an added item needs its {kind.key_field}", field=f"fields.{kind.key_field}")
    if e.op == "set" and kind.key_field in e.fields and (not isinstance(e.fields[kind.key_field], str)
                                                         or not e.fields[kind.key_field].strip()):
        raise QawlError("cannot be empty", field=f"fields.{kind.key_field}")


def log_bytes(events: Iterable[Event]) -> bytes:
    """A member's log: events in order, one per line (appending keeps every earlier line as it was)."""
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.id, e)
    return b"".join(line(e.to_dict()) for e in sorted(seen.values(), key=lambda e: e.key))


def read_log(path: str, data: bytes, kind: Kind) -> list[Event]:
    out = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            event = Event.from_dict(orjson.loads(raw))
            check_event(event, kind)
            out.append(event)
        except orjson.JSONDecodeError as exc:
            raise QawlError(f"not valid JSON ({exc})", file=path, line=number) from None
        except QawlError as exc:
            raise exc.located(file=path, line=number) from None
    return out


# --- what a member did: the registry then and now -------------------------------------------------------------------------

def diff(before: Mapping[str, object], after: Mapping[str, object], kind: Kind, *, by: str, at: str,
         merges: Mapping[str, str] | None = None) -> list[Event]:
    """The events that turn registry ``before`` into ``after`` (this member's edits since the last sync).
    ``merges``: items known to have been merged (gone -> kept); else a speaker whose names all went to another
    speaker was merged into it, and any other item gone was deleted."""
    out: list[Event] = []
    batch = uuid.uuid4().hex[:16]

    def event(op: str, item: str, **kw) -> None:
        # Ids sort in the order the events are made: one diff's events fold in that order.
        out.append(Event(f"{batch}.{len(out):05d}", at, by, op, item, **kw))

    for iid, item in after.items():
        fields, sets = kind.parts(item)
        old = before.get(iid)
        if old is None:
            event("add", iid, fields=_present(fields), added={k: v for k, v in sets.items() if v})
            continue
        old_fields, old_sets = kind.parts(old)
        changed = {k: v for k, v in fields.items() if old_fields.get(k) != v}
        added = {k: [x for x in v if x not in old_sets.get(k, [])] for k, v in sets.items()}
        removed = {k: [x for x in old_sets.get(k, []) if x not in v] for k, v in sets.items()}
        added = {k: v for k, v in added.items() if v}
        removed = {k: v for k, v in removed.items() if v}
        if changed or added or removed:
            event("set", iid, fields=changed, added=added, removed=removed)
    for iid, old in before.items():
        if iid in after:
            continue
        into = (merges or {}).get(iid)
        if into is None and kind is SPEAKERS:
            names = {n.casefold() for n in old.names}
            into = next((k for k, e in sorted(after.items()) if k != iid
                         and names <= {n.casefold() for n in e.names}), None)
        if into is not None and into in after:
            event("merge", iid, into=into)
        else:
            event("delete", iid)
    return out


def _present(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if v not in (None, "", {}, [])}


# --- folding everyone's events into one registry ----------------------------------------------------------------------------

@dataclass
class _Item:
    fields: dict
    sets: dict
    by: str
    deleted: bool = False


@dataclass(frozen=True)
class Registry:
    """A registry after folding: its items, where merged ids went, and deleted items as they last were."""

    items: dict = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)  # a merged id -> the id it went into (in the end)
    deleted: dict = field(default_factory=dict)  # deleted items as they last were (a link brings one back)

    @property
    def entities(self) -> dict:  # the speaker registry's name for its items
        return self.items

    def resolve(self, iid: str) -> str:
        """The item an id stands for now (itself if it was never merged; it may be a deleted one)."""
        return self.merged.get(iid, iid)


def fold(events: Iterable[Event], kind: Kind = SPEAKERS,
         key: Callable[[str], str] = lambda s: s.casefold()) -> Registry:
    items: dict[str, _Item] = {}
    parent: dict[str, str] = {}

    def find(iid: str) -> str:
        root = iid
        while root in parent:
            root = parent[root]
        while iid != root:  # path compression
            parent[iid], iid = root, parent[iid]
        return root

    def merge(gone: str, into: str) -> None:
        a, b = find(gone), find(into)
        if a == b or a not in items or b not in items:
            return
        src, dst = items[a], items[b]
        dst.deleted = False
        kind.absorb(dst.fields, dst.sets, src.fields, src.sets)
        parent[a] = b
        del items[a]

    by_key: dict[str, str] = {}
    for e in sorted(events, key=lambda e: e.key):
        if e.op == "add":
            root = find(e.item)
            if root in items:  # the same item added again (a copy of a log): a revival at most
                items[root].deleted = False
                continue
            fields = {k: e.fields.get(k) for k in kind.fields}
            sets = {k: [v for v in e.added.get(k, []) if v != fields.get(kind.key_field)] for k in kind.sets}
            items[e.item] = _Item(fields, sets, e.by)
            k = key(fields[kind.key_field])
            target = find(by_key[k]) if k in by_key else None
            same = target is not None and target in items and not items[target].deleted \
                and key(items[target].fields[kind.key_field]) == k
            if same and items[target].by != e.by:
                merge(e.item, target)
            elif not same:
                by_key[k] = e.item  # the first item with this key (or the one that has it now)
            continue
        root = find(e.item)
        it = items.get(root)
        if it is None:
            continue  # an edit of an item nobody added (or added in an event not seen yet)
        if e.op == "delete":
            if root == e.item:
                it.deleted = True
            continue
        it.deleted = False
        if e.op == "merge":
            merge(e.item, e.into)
        else:
            if root != e.item:  # an edit of a merged item: what the kind says goes to the one it went into
                kind.redirect(e.fields, it.fields, it.sets)
            else:
                it.fields.update(e.fields)
            for name, values in e.added.items():  # names added: kept wherever they went
                for v in values:
                    if v != it.fields.get(kind.key_field) and v not in it.sets[name]:
                        it.sets[name].append(v)
            if root != e.item:
                continue
            for name, values in e.removed.items():
                for v in values:
                    if v in it.sets[name]:
                        it.sets[name].remove(v)
            for name in kind.sets:  # a new name is not also its own alias
                if it.fields.get(kind.key_field) in it.sets[name]:
                    it.sets[name].remove(it.fields[kind.key_field])

    built = {iid: kind.build(iid, it.fields, it.sets) for iid, it in items.items() if not it.deleted}
    moved = {iid: find(iid) for iid in list(parent)}
    deleted = {iid: kind.build(iid, it.fields, it.sets) for iid, it in items.items() if it.deleted}
    return Registry(built, moved, deleted)

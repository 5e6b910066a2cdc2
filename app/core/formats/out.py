"""What every peer-format writer shares: the lines it writes from, where the bytes go, and whose work a line is.

Writers stream. They take **export lines** — the ``qawl-export/1`` dicts of :mod:`app.core.jsonl` (``doc_id``,
``text``, ``meta``, ``direction``, ``annotator``, ``status``, ``spans``, ``relations``, ``entities``), one per
document per annotator, the lines of one document next to each other — and hand their output in chunks to a
:class:`Sink` as they go (``sink.write(name, chunk)``; several files may grow side by side). Nothing holds a whole
file: memory stays flat in the number of documents. The caller's sink writes the files (atomically, in the
operations layer); :class:`MemorySink` keeps them as bytes (tests, the window's small exports).

**Whose work a line is** (:func:`worked`): only what an annotator did is exported as their work. A line with no
annotator, or an annotator's layer that is not done and holds nothing (a document they never opened, or opened and
left empty), is an *unannotated* document: it goes out as a task without annotations, never as an accepted empty
answer. A layer marked done with nothing in it is a real answer ("nothing here") and goes out as one. The layer of
annotator ``suggestions`` is machine output: it goes out as predictions / unanswered tasks, never as someone's work.
"""

from __future__ import annotations

from itertools import groupby
from typing import Iterable, Iterator, Protocol

from ..errors import QawlError
from ..jsonl import Record, export_record
from ..model import SUGGESTIONS, CanonicalClaim, Entity, Status, claim_from_dict, claim_to_dict


class Sink(Protocol):
    def write(self, name: str, chunk: bytes) -> None: ...

    def close(self, name: str) -> None:
        """``name`` is complete (writers of one file per document say so, so that files need not stay open)."""

    def note(self, message: str) -> None: ...


class MemorySink:
    """Collects the files in memory (``files``: name -> bytes, in the order they were started)."""

    def __init__(self) -> None:
        self._parts: dict[str, list[bytes]] = {}
        self.notes: list[str] = []

    def write(self, name: str, chunk: bytes) -> None:
        self._parts.setdefault(name, []).append(chunk)

    def close(self, name: str) -> None:
        pass

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    @property
    def files(self) -> dict[str, bytes]:
        return {name: b"".join(parts) for name, parts in self._parts.items()}


def worked(line: dict) -> bool:
    """True when the line is an annotator's work (see the module docstring)."""
    if line.get("annotator") is None:
        return False
    return line.get("status") == Status.DONE.value or bool(line.get("spans")) or bool(line.get("relations"))


def is_suggestions(line: dict) -> bool:
    return line.get("annotator") == SUGGESTIONS


def by_document(lines: Iterable[dict]) -> Iterator[tuple[dict, list[dict]]]:
    """``(first line, the document's layers that are work)`` per document; a document with no work has ``[]``."""
    for _, group in groupby(lines, key=lambda line: line["doc_id"]):
        group = list(group)
        yield group[0], [line for line in group if worked(line)]


def as_lines(items: Iterable[Record | dict], label_schema: str = "") -> Iterator[dict]:
    """Export lines from core records (or lines, passed through), so writers can be given either."""
    for item in items:
        if isinstance(item, dict):
            yield item
            continue
        entities = {e.id: e for e in item.entities}
        yield export_record(item.document, item.layer, entities, label_schema, {c.id: c for c in item.claims})


def speakers(layers: Iterable[dict]) -> list[dict]:
    """The speaker registry entries the layers use (``{"id", "name", "aliases"}``, each once)."""
    out: dict[str, dict] = {}
    for line in layers:
        for ent in line.get("entities") or ():
            if isinstance(ent, Entity):
                ent = {"id": ent.id, "name": ent.name, "aliases": list(ent.aliases)}
            out.setdefault(ent["id"], {"id": ent["id"], "name": ent["name"], "aliases": list(ent.get("aliases") or [])})
    return list(out.values())


def claims(layers: Iterable[dict]) -> list[dict]:
    """The canonical claims (the claim registry's entries) the layers' CLAIM spans link to, each once."""
    out: dict[str, dict] = {}
    for line in layers:
        for claim in line.get("claims") or ():
            if isinstance(claim, CanonicalClaim):
                claim = claim_to_dict(claim)
            out.setdefault(claim["id"], claim)
    return list(out.values())


def claims_from(value: object) -> list[CanonicalClaim]:
    """Canonical claims a peer file carries back (our own ``qawl_claims`` lists); QawlError when malformed."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise QawlError("must be a list of canonical claims")
    out = []
    for i, item in enumerate(value):
        try:
            out.append(claim_from_dict(item))
        except QawlError as exc:
            raise exc.located(field_prefix=f"[{i}]") from None
    return out


def entities_from(value: object) -> list[Entity]:
    """Speaker entries a peer file carries back (our own ``qawl_speakers`` lists); anything malformed is ignored
    here and reported by the caller."""
    out = []
    if not isinstance(value, list):
        return out
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("name"), str) \
                and item["name"].strip():
            aliases = item.get("aliases") if isinstance(item.get("aliases"), list) else []
            out.append(Entity(item["id"], item["name"], tuple(a for a in aliases if isinstance(a, str))))
    return out


def schema_labels(schema, mapping, used: Iterable[str] = ()) -> list[str]:
    """Every label a tool must know to label the whole schema (in the peer's names), then any other used."""
    names = [mapping.label_out(s.name) for s in schema.span_labels]
    return [n for n in dict.fromkeys([*names, *used]) if n]


def schema_relations(schema, mapping, used: Iterable[str] = ()) -> list[str]:
    names = [mapping.relation_out(r.name) for r in schema.relation_types]
    return [n for n in dict.fromkeys([*names, *used]) if n]

"""What the window may ask of a project: small typed interfaces (Protocols) and the plain values they return.

The annotation window (``app.ui``) never sees the concrete store (an import-linter contract forbids it to import
``app.store``): it is handed an object it knows only as a :class:`Project`, the sum of the small interfaces below,
each of which one part of the store implements (``app.store.base`` names them); the command line and the
operations use the others too (:class:`Imports`, :class:`Exports`, :class:`WrittenRecord`, :class:`History`).
``tests/test_ports.py`` keeps them honest: every attribute the UI reaches on a project is declared in the window's
interfaces, and the store implements every member of every interface with the same signature.

The change target itself (what a :class:`~app.core.changes.Change` is applied to) is
:class:`app.core.changes.Target`; the window applies changes through :meth:`Edits.apply`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Protocol

from .changes import Change
from .model import CanonicalClaim, Document, Entity, Layer, Span
from .notes import NoteEntry
from .schema import LabelSchema

if TYPE_CHECKING:  # the window starts without the export format's module
    from .jsonl import Record


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list."""

    id: str
    title: str
    chars: int
    direction: str
    status: dict[str, str] = field(default_factory=dict)  # annotator -> status
    counts: dict[str, int] = field(default_factory=dict)  # annotator -> number of spans


@dataclass(frozen=True)
class Found:
    """What a search found: the documents (rowids), most relevant first when ``ranked`` (ranking is done when
    there are at most ``RANKED`` of them: more is a query to narrow, and ranking them all would cost more than the
    search), else in import order."""

    rows: list[int]
    ranked: bool


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    at: str
    actor: str | None
    doc_id: str | None
    annotator: str | None
    kind: str
    description: str
    change: dict
    reverts: int | None


@dataclass
class ImportSummary:
    documents_added: int = 0
    documents_existing: int = 0
    layers_added: int = 0
    layers_replaced: int = 0
    layers_unchanged: int = 0
    spans: int = 0
    relations: int = 0
    entities_added: int = 0
    claims_added: int = 0
    remapped_ids: dict[str, str] = field(default_factory=dict)  # incoming doc id -> our id (matched by text hash)
    skipped: list[str] = field(default_factory=list)  # what was skipped and why (with skip_invalid)

    def describe(self) -> str:
        parts = [f"{self.documents_added} new documents"]
        if self.documents_existing:
            parts.append(f"{self.documents_existing} already in the project")
        if self.layers_added or self.layers_replaced:
            parts.append(f"{self.layers_added + self.layers_replaced} annotation layers "
                         f"({self.spans} spans, {self.relations} relations)")
        if self.layers_unchanged:
            parts.append(f"{self.layers_unchanged} layers unchanged")
        if self.entities_added:
            parts.append(f"{self.entities_added} new speakers")
        if self.claims_added:
            parts.append(f"{self.claims_added} new canonical claims")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


class ProjectFile(Protocol):
    """The open project as a file: where it is, the SQLite it runs on, whether another process changed it, one
    consistent state to read from, its label schema."""

    @property
    def path(self) -> Path | None: ...
    @property
    def sqlite_version(self) -> str: ...
    @property
    def schema(self) -> LabelSchema: ...
    def data_version(self) -> int: ...
    def meta(self, key: str) -> str | None: ...  # a project setting (qawl_meta), e.g. the guidelines' stamp
    def snapshot(self) -> AbstractContextManager[None]: ...
    def close(self) -> None: ...


class ProjectReads(Protocol):
    """Documents, layers, the speaker registry and notes, as core objects."""

    def document(self, doc_id: str) -> Document: ...
    def text(self, doc_id: str) -> str: ...
    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]: ...
    def has_document(self, doc_id: str) -> bool: ...
    def document_ids(self) -> list[str]: ...
    def annotators(self) -> list[str]: ...
    def layer_annotators(self, doc_id: str) -> list[str]: ...
    def layer(self, doc_id: str, annotator: str) -> Layer: ...
    def layers(self, doc_id: str) -> list[Layer]: ...
    def status(self, doc_id: str, annotator: str) -> str: ...
    def entities(self) -> dict[str, Entity]: ...
    def mention_counts(self, annotator: str | None = None) -> dict[str, int]: ...
    def mentions(self, entity_id: str) -> list[tuple[str, str, Span]]: ...
    def layers_mentioning(self, entity_id: str) -> list[Layer]: ...
    def suggested_entities(self, doc_id: str | None = None) -> dict[str, Entity]: ...
    def notes(self, *, annotator: str | None = None, doc_id: str | None = None) -> list[NoteEntry]: ...


class ClaimReads(Protocol):
    """The claim registry and the CLAIM spans linked to it."""

    def claims(self) -> dict[str, CanonicalClaim]: ...
    def claim_mention_counts(self, annotator: str | None = None) -> dict[str, int]: ...
    def claim_mentions(self, claim_id: str) -> list[tuple[str, str, Span]]: ...
    def layers_linking_claim(self, claim_id: str) -> list[Layer]: ...


class Edits(Protocol):
    """Every edit: one change applied in one transaction with its history row (returns its sequence number); and
    the one setting that is not a change, how a document is shown."""

    def apply(self, change: Change, *, actor: str | None = None, reverts: int | None = None) -> int: ...
    def set_direction(self, doc_id: str, direction: str) -> None: ...


class DocumentSearch(Protocol):
    """Finding documents and the document list's rows, for projects of any size."""

    def search_documents(self, query: str) -> Found: ...
    def document_keys(self, annotator: str, order: str = "import",
                      descending: bool = False) -> list[tuple[int, str]]: ...
    def document_page(self, rowids: list[int]) -> dict[int, DocumentSummary]: ...
    def document_rowid(self, doc_id: str) -> int | None: ...
    def status_counts(self, annotator: str) -> dict[str, int]: ...


class ProjectStats(Protocol):
    """The counts of ``qawl stats`` and the project overview."""

    def stats(self) -> dict: ...


# --- what the command line and the operations ask beyond the window's interfaces ------------------------------------

class Imports(Protocol):
    """Bringing documents, layers, speakers and claims in, all or nothing; a document's suggestion layer."""

    def import_records(self, records: list[Record], *, replace_layers: bool = False, skip_invalid: bool = False,
                       source: str | None = None, schema: LabelSchema | None = None, actor: str | None = None,
                       progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> ImportSummary: ...
    def put_suggestions(self, doc_id: str, layer: Layer, entities: Iterable[Entity] = ()) -> tuple[int, int]: ...


class Exports(Protocol):
    """Export lines (``qawl-export/1`` dicts), streaming, from one state of the project; whose work there is."""

    def export_records(self, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                       include_unannotated: bool = True, doc_ids: Iterable[str] | None = None,
                       include_suggestions: bool = False, parsed: bool = False) -> Iterator[dict]: ...
    def annotators_with_work(self, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                             include_suggestions: bool = False) -> list[str]: ...


class WrittenRecord(Protocol):
    """Which files on disk Qawl wrote (ours to replace; anything else is never overwritten)."""

    def written_hashes(self, path: str) -> set[str]: ...
    def record_written(self, entries: Mapping[str, str]) -> None: ...
    def settle_written(self, entries: Mapping[str, str], gone: Iterable[str] = ()) -> None: ...


class History(Protocol):
    """The project's history: every change and event, in order."""

    def history(self, doc_id: str | None = None, *, annotator: str | None = None,
                limit: int | None = None) -> list[HistoryEntry]: ...


class Project(ProjectFile, ProjectReads, ClaimReads, Edits, DocumentSearch, ProjectStats, Protocol):
    """Everything the window may ask of the open project (``app.store.Store`` implements it)."""


#: The interfaces a Project is made of (the test of the ports walks them), and the store's others.
PORTS: tuple[type, ...] = (ProjectFile, ProjectReads, ClaimReads, Edits, DocumentSearch, ProjectStats)
STORE_PORTS: tuple[type, ...] = (*PORTS, Imports, Exports, WrittenRecord, History)

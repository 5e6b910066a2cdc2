"""The project store: one SQLite file; the only package that knows SQL.

:class:`Store` is the composition root of the store's parts, each with one responsibility and a small typed
interface (the Protocols of :mod:`app.core.ports`), all over ONE :class:`~app.store.file.ProjectFile` (one
connection, one transaction at a time):

======================  ================================================================================
``store.file``          :class:`~.file.ProjectFile`: opening, identity (path, versions), transactions,
                        snapshots, ``qawl_meta``, the label schema
``store.reads``         :class:`~.reads.Reads`: documents, layers, the speaker registry, the history
``store.claim_registry`` :class:`~.claims.ClaimRegistry`: canonical claims, their mentions and checks
``store.notes_book``    :class:`~.notes.Notes`: notes on documents and on annotations
``store.target``        :class:`~.editing.ChangeTarget`: the target of changes (every edit one transaction)
``store.importer``      :class:`~.importing.Importer`: imports, suggestion layers
``store.exporter``      :class:`~.reading.Exports`: export lines straight from SQL
``store.finder``        :class:`~.search.Search`: the full-text index and the document list's rows
``store.statistics``    :class:`~.progress.Statistics`: ``qawl stats`` and the project overview
``store.written``       :class:`~.written.WrittenFiles`: the files Qawl wrote (ours to replace)
======================  ================================================================================

Each part gets the parts it needs in its constructor (the dependencies are declared there, nowhere else) and
reaches the file only through its public interface. The Store itself only forwards: ``store.layer(...)`` is
``store.reads.layer(...)``, so the command line, the operations and the window call one object while each
method lives, and is tested, in its part. Tables are meant to be read by people (``sqlite-utils tables
qawl.db``, Datasette): column names are the JSONL keys, JSON columns hold JSON.
"""

from __future__ import annotations

from pathlib import Path

from .claims import ClaimRegistry
from .editing import ChangeTarget
from .file import ProjectFile
from .importing import Importer
from .notes import Notes
from .progress import Statistics
from .reading import Exports
from .reads import Reads
from .search import Search
from .written import WrittenFiles


class _Forward:
    """A method (or property) of the Store that is one of its parts': ``store.NAME`` is ``store.PART.NAME``."""

    __slots__ = ("part", "name", "alias")

    def __init__(self, part: str, alias: str | None = None) -> None:
        self.part = part
        self.alias = alias
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.alias or name

    def __get__(self, store: "Store | None", owner: type | None = None):
        if store is None:
            return self
        return getattr(getattr(store, self.part), self.name)


#: What parts offer each other and the Store does not forward: part -> names (every other public method of a part
#: is the Store's too: tests/test_ports.py checks it, so a method added to a part without its line below fails).
BETWEEN_PARTS = {
    "claim_registry": {"check_link", "match_import", "write",  # for the change target and the importer
                       "insert_claim", "delete_claim", "update_claim"},  # the Store's are the change target's
    "target": {"ensure_layer"},  # for the importer (a suggestion layer)
    "file": {"forget_schema", "keep_schema"},  # for the importer (a schema widened under its lock)
}


class Store:
    """A Qawl project: documents, annotators' layers, the speaker and claim registries, the label schema and the
    history — the parts above, composed over one project file."""

    def __init__(self, file: ProjectFile) -> None:
        self.file = file
        self.path = file.path
        self.reads = Reads(file)
        self.claim_registry = ClaimRegistry(file, self.reads)
        self.notes_book = Notes(file)
        self.target = ChangeTarget(file, self.reads, self.claim_registry, self.notes_book)
        self.importer = Importer(file, self.reads, self.claim_registry, self.target)
        self.exporter = Exports(file)
        self.finder = Search(file)
        self.statistics = Statistics(file, self.reads)
        self.written = WrittenFiles(file)

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True, verify: bool = True) -> "Store":
        """Open a project file (see :meth:`ProjectFile.open`); ``None`` or ":memory:" gives an in-memory project."""
        return cls(ProjectFile.open(path, create=create, verify=verify))

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()

    # --- the project file: identity, transactions, metadata, schema ---------------------------------------------
    conn = _Forward("file")
    db = _Forward("file")
    atomic = _Forward("file")
    snapshot = _Forward("file")
    close = _Forward("file")
    verify = _Forward("file")
    sqlite_version = _Forward("file")
    data_version = _Forward("file")
    meta = _Forward("file")
    set_meta = _Forward("file")
    applied_migrations = _Forward("file")
    schema = _Forward("file")
    set_schema = _Forward("file")
    checkpoint = _Forward("file")

    # --- reads: documents, layers, the speaker registry, history ------------------------------------------------
    document = _Forward("reads")
    text = _Forward("reads")
    titles = _Forward("reads")
    document_titles = _Forward("reads", "titles")  # the name the claim views knew it by
    has_document = _Forward("reads")
    document_ids = _Forward("reads")
    count_documents = _Forward("reads")
    summaries = _Forward("reads")
    annotators = _Forward("reads")
    layer_annotators = _Forward("reads")
    layer = _Forward("reads")
    layers = _Forward("reads")
    status = _Forward("reads")
    entities = _Forward("reads")
    entity = _Forward("reads")
    mention_counts = _Forward("reads")
    mentions = _Forward("reads")
    layers_mentioning = _Forward("reads")
    suggested_entities = _Forward("reads")
    history = _Forward("reads")

    # --- the claim registry ---------------------------------------------------------------------------------------
    claims = _Forward("claim_registry")
    claim = _Forward("claim_registry")
    claim_mention_counts = _Forward("claim_registry")
    claim_mentions = _Forward("claim_registry")
    layers_linking_claim = _Forward("claim_registry")
    claim_spans = _Forward("claim_registry")

    # --- notes ------------------------------------------------------------------------------------------------------
    layer_note = _Forward("notes_book")
    notes = _Forward("notes_book")

    # --- the change target ------------------------------------------------------------------------------------------
    apply = _Forward("target")
    record_event = _Forward("target")
    set_direction = _Forward("target")
    insert_span = _Forward("target")
    delete_span = _Forward("target")
    update_span = _Forward("target")
    insert_relation = _Forward("target")
    delete_relation = _Forward("target")
    insert_entity = _Forward("target")
    delete_entity = _Forward("target")
    update_entity = _Forward("target")
    insert_claim = _Forward("target")
    delete_claim = _Forward("target")
    update_claim = _Forward("target")
    set_status = _Forward("target")
    set_layer_note = _Forward("target")

    # --- imports, exports ---------------------------------------------------------------------------------------------
    import_records = _Forward("importer")
    put_suggestions = _Forward("importer")
    export_records = _Forward("exporter")
    export_rows = _Forward("exporter")
    annotators_with_work = _Forward("exporter")

    # --- finding documents, the document list -------------------------------------------------------------------------
    sync_search = _Forward("finder")
    search_documents = _Forward("finder")
    search = _Forward("finder")
    ids_of = _Forward("finder")
    document_keys = _Forward("finder")
    document_page = _Forward("finder")
    document_rowid = _Forward("finder")
    status_counts = _Forward("finder")

    # --- statistics, written files ----------------------------------------------------------------------------------
    stats = _Forward("statistics")
    progress = _Forward("statistics")
    written_hashes = _Forward("written")
    record_written = _Forward("written")
    settle_written = _Forward("written")
    written_count = _Forward("written")

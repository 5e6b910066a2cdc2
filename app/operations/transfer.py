"""Import and export as whole operations, in Qawl's own formats and in other tools' (doccano, Label Studio, Prodigy,
brat): choosing the format, reading, checking, writing. The CLI and the window's background tasks both call these,
so a file behaves the same from either.

Policy: all or nothing. Every problem found while reading is reported (file, line, field) and nothing is imported,
unless ``skip_invalid`` is set, in which case each document with a problem is left out wholly and listed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable, Iterator

import orjson

from ..core import formats
from ..core.errors import Cancelled, QawlError
from ..core.formats.detect import sniff
from ..core.formats.mapping import LabelMapping
from ..core.files import read_bytes
from ..core.sources import JSONL_SUFFIXES, TEXT_SUFFIXES, Skipped, expand, read_sources
from . import folders, targets
from .claims import CLAIM_FORMATS
from .writing import FORMATS as OWN_EXPORT_FORMATS
from .writing import export_to
from ..store import ImportSummary, Store

OWN = "qawl"
DATASET = "dataset"  # a publishable dataset folder (operations/dataset.py)
IMPORT_FORMATS = ("auto", OWN, *formats.FORMATS)
EXPORT_FORMATS = (*OWN_EXPORT_FORMATS, *CLAIM_FORMATS, *formats.FORMATS, DATASET)
FOLDER_FORMATS = (*formats.FOLDER_FORMATS, DATASET)

Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    """What an import did: the store's summary plus what the reader noticed (units, skipped result types)."""

    format: str
    summary: ImportSummary
    notes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return self.summary.describe()


def choose_format(paths: Iterable[str | Path]) -> str:
    """``auto``: Qawl's own (.txt articles, Qawl or plain-text JSONL) or the one peer format all files are in."""
    paths = [Path(p) for p in paths]
    for path in paths:
        if path.is_dir() and any(path.rglob("*.ann")):
            return "brat"
        if path.is_dir() and not any(p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES for p in path.rglob("*")):
            # e.g. a Label Studio export folder: tasks.json and its labeling config
            peer_files = [p for p in sorted(path.rglob("*.json")) if not p.name.startswith(".")]
            if peer_files:
                return formats.detect_format(peer_files)
        if path.suffix.lower() == ".ann" or (path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists()):
            return "brat"
    files = expand(paths) if all(p.is_dir() or p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                                 for p in paths) else paths
    peers = []
    for path in files:
        if path.suffix.lower() in TEXT_SUFFIXES:
            continue
        try:
            head = read_bytes(path, 1 << 20)
        except OSError as exc:
            raise QawlError(f"cannot be read ({exc.strerror})", file=str(path)) from None
        if _looks_like_ours(head):
            continue
        scores = sniff(str(path), head)
        scores.pop("brat", None)
        if not scores or "qawl" in scores:
            if path.suffix.lower() in JSONL_SUFFIXES:
                continue  # ours: plain {"text": ...} lines or a Qawl export
            raise QawlError("cannot tell which tool wrote this file; say --format doccano, labelstudio, prodigy, "
                            "brat or qawl", file=str(path))
        peers.append(str(path))
    if not peers:
        return OWN
    if len(peers) < len(files) and any(p.suffix.lower() in JSONL_SUFFIXES for p in files if str(p) not in peers):
        raise QawlError("some files are Qawl's and some another tool's; import them separately")
    return formats.detect_format(peers)


_PEER_KEYS = {"_input_hash", "_task_hash", "_annotator_id", "tokens", "answer", "data", "annotations",
              "predictions", "label", "labels", "annotation_approver"}


def _looks_like_ours(head: bytes) -> bool:
    """A first JSONL line in Qawl's format: a Qawl export, or a document line that uses only our keys and
    writes entities/relations our way (Prodigy and doccano lines have keys of their own)."""
    first = head.split(b"\n", 1)[0].strip()
    try:
        obj = orjson.loads(first)
    except orjson.JSONDecodeError:
        return False
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return False
    if str(obj.get("schema", "")).startswith("qawl-export/"):
        return True
    if set(obj) & _PEER_KEYS:
        return False
    entities = obj.get("entities") or []
    relations = obj.get("relations") or []
    if not isinstance(entities, list) or not isinstance(relations, list):
        return True  # ours in shape; the reader says what is wrong with these fields
    if any(not isinstance(e, dict) or "start_offset" in e for e in entities):
        return False  # doccano entities are spans
    if any(not isinstance(r, dict) or "head_span" in r or "from_id" in r for r in relations):
        return False
    return "annotator" in obj or "spans" not in obj or not obj["spans"]


def read_records(paths: list[str | Path], fmt: str = "auto", *, mapping: LabelMapping | None = None,
                 add_labels: bool = False, offset_unit: str = "auto", annotator: str | None = None,
                 schema=None, skip_invalid: bool = False, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None, annotator_map: dict[str, str] | None = None):
    """Read files into records. Returns (format, records, schema or None if unchanged, notes, skipped)."""
    if fmt == "auto":
        fmt = choose_format(paths)
    if fmt == OWN:
        if mapping is not None and (mapping.labels or mapping.relations):
            raise QawlError("a label mapping applies to other tools' formats, not to Qawl's own", field="--map")
        left_out = Skipped() if skip_invalid else None
        notes: list[str] = []
        records = read_sources(paths, default_annotator=annotator, progress=progress, cancel=cancel,
                               skipped=left_out, notes=notes)
        if annotator_map:
            for rec in records:
                if rec.layer is not None:
                    rec.layer.annotator = formats.rename_annotator(rec.layer.annotator, annotator_map)
        return fmt, records, None, notes, left_out.reasons if left_out else []
    if fmt not in formats.FORMATS:
        raise QawlError(f"unknown format {fmt!r}; use one of {', '.join(IMPORT_FORMATS)}", field="--format")
    if schema is None:
        from ..core.schema import DEFAULT_SCHEMA

        schema = DEFAULT_SCHEMA
    result = formats.read(fmt, [str(p) for p in paths], mapping=mapping, schema=schema, add_labels=add_labels,
                          offset_unit=offset_unit, default_annotator=annotator, annotator_map=annotator_map)
    if result.problems and not skip_invalid:
        shown = "\n  ".join(str(p) for p in result.problems[:20])
        more = f"\n  ... and {len(result.problems) - 20} more" if len(result.problems) > 20 else ""
        raise QawlError(f"{len(result.problems)} problem(s); nothing was imported:\n  {shown}{more}")
    # A document left out in one file is left out in all (a doccano file per annotator, brat folders): whole or
    # not at all, as with Qawl's own files.
    left_out = Skipped([str(p) for p in result.problems], set(result.rejected_keys))
    records = left_out.leave_out(list(result.records))
    skipped = left_out.reasons
    notes = list(result.notes) + [f"{name}: offsets read as {unit}" for name, unit in result.offset_units.items()
                                  if unit != "codepoint"]
    if result.added_labels or result.added_relation_types:
        notes.append("added to the label schema: " + ", ".join((*result.added_labels,
                                                                 *result.added_relation_types)))
    new_schema = result.schema if result.schema != schema else None
    return fmt, records, new_schema, notes, skipped


def import_paths(store: Store, paths: list[str | Path], fmt: str = "auto", *, mapping: LabelMapping | None = None,
                 add_labels: bool = False, offset_unit: str = "auto", annotator: str | None = None,
                 replace: bool = False, skip_invalid: bool = False, actor: str | None = None,
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                 annotator_map: dict[str, str] | None = None) -> ImportReport:
    """Read and import, all or nothing (or skipping invalid documents wholly)."""
    fmt, records, new_schema, notes, skipped = read_records(
        paths, fmt, mapping=mapping, add_labels=add_labels, offset_unit=offset_unit, annotator=annotator,
        schema=store.schema, skip_invalid=skip_invalid, progress=progress, cancel=cancel,
        annotator_map=annotator_map)
    summary = store.import_records(records, replace_layers=replace, skip_invalid=skip_invalid,
                                   source=", ".join(str(p) for p in paths), actor=actor, schema=new_schema,
                                   progress=progress, cancel=cancel)
    summary.skipped[:0] = skipped
    return ImportReport(fmt, summary, notes)


# --- export -------------------------------------------------------------------------------------------------------

def lines_for_export(store: Store, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                     include_unannotated: bool = True, include_suggestions: bool = False,
                     doc_ids: Iterable[str] | None = None) -> Iterator[dict]:
    """The export lines peer formats are written from (streaming, JSON columns parsed), with what is whose work
    settled here: a layer that is nobody's work (not done and empty: a document the annotator never opened) is the
    document's unannotated line, and a document with any work has no unannotated line."""
    statuses = list(statuses) if statuses else None
    lines = store.export_records(annotator=annotator, statuses=statuses, include_unannotated=True,
                                 include_suggestions=include_suggestions, doc_ids=doc_ids, parsed=True)
    for doc_id, group in groupby(lines, key=lambda line: line["doc_id"]):
        group = list(group)
        work = [line for line in group if formats.worked(line)]
        if work:
            yield from work
        elif include_unannotated and (statuses is None or "todo" in statuses or annotator is not None):
            yield {**group[0], "annotator": None, "status": "todo", "spans": [], "relations": [], "entities": []}


def documents_for_export(store: Store, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                         include_unannotated: bool = True, include_suggestions: bool = False,
                         doc_ids: Iterable[str] | None = None) -> Iterator[formats.Doc]:
    """The documents peer formats are written from: the selection of :func:`lines_for_export`, read from the
    project's rows (streaming), with the same rule for whose work a layer is."""
    statuses = list(statuses) if statuses else None
    rows = store.export_rows(annotator=annotator, statuses=statuses, include_suggestions=include_suggestions,
                             doc_ids=doc_ids)
    unannotated = include_unannotated and (statuses is None or "todo" in statuses or annotator is not None)
    return formats.documents_from_rows(rows, unannotated)


class Written(list):
    """The files an export wrote (``lines``: how many lines, for Qawl's own formats)."""

    lines: int | None = None


def export_paths(store: Store, target: str | Path, fmt: str = "jsonl", *, mapping: LabelMapping | None = None,
                 options: dict | None = None, cancel: Callable[[], bool] | None = None,
                 progress: Progress | None = None, notes: list[str] | None = None, **selection) -> list[Path]:
    """Export in any format; returns the files written. The formats in ``formats.FOLDER_FORMATS`` (and
    ``dataset``) always write into the folder ``target``; the others write the file ``target`` (or stream into
    it: ``-`` for standard output, a FIFO, a device). Peer formats are streamed: no file is held whole in memory.
    ``notes`` collects what the writer wants the user to know."""
    if str(target) != targets.STDOUT:
        target = Path(target)
        if str(target) == targets.STDOUT:  # "./-": a file named "-", not standard output
            target = Path(os.path.abspath(target))
    if fmt in OWN_EXPORT_FORMATS:
        if mapping is not None and (mapping.labels or mapping.relations):
            raise QawlError("a label mapping applies to other tools' formats, not to Qawl's own", field="--map")
        written = Written([Path(target)])
        written.lines = export_to(store, target, fmt, cancel=cancel, progress=progress, **selection)
        return written
    if fmt in CLAIM_FORMATS:
        from .claims import export_claims

        files, claim_notes = export_claims(store, target, fmt, cancel=cancel, progress=progress, **selection)
        if notes is not None:
            notes.extend(claim_notes)
        return files
    if fmt == DATASET:
        from .dataset import export_dataset

        return export_dataset(store, target, cancel=cancel, progress=progress, notes=notes, **(options or {}),
                              **selection)
    if fmt not in formats.FORMATS:
        raise QawlError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}", field="--format")
    spec = formats.FORMATS[fmt]
    options = dict(options or {})
    if fmt in ("doccano", "brat"):
        options.setdefault("annotators", store.annotators_with_work(
            annotator=selection.get("annotator"), statuses=selection.get("statuses"),
            include_suggestions=selection.get("include_suggestions", False)))
    total = store.count_documents() if progress else 0
    docs = _counted(documents_for_export(store, **selection), progress, cancel, total)
    sink = FileSink(store, target, folder=spec.folder, fmt=fmt, extensions=spec.extensions)
    try:
        formats.stream(fmt, docs, sink, mapping=mapping, schema=store.schema, **options)
    except BaseException:
        sink.abort()
        raise
    finally:
        docs.close()  # ends the read snapshot now, while the project is open (not when the generator is collected)
    written = sink.commit()
    if notes is not None:
        notes.extend(sink.notes)
    return written


def _counted(docs: Iterator[formats.Doc], progress: Progress | None, cancel: Callable[[], bool] | None,
             total: int) -> Iterator[formats.Doc]:
    for seen, doc in enumerate(docs, 1):
        if seen % 200 == 0:
            if cancel and cancel():
                raise Cancelled()
            if progress:
                progress(seen, total)
        yield doc


# A name with one of these endings is a file name: a folder format refuses it rather than make a folder called so.
_FILE_SUFFIXES = (".json", ".jsonl", ".txt", ".ann", ".xml", ".csv", ".tsv", ".md", ".zip", ".parquet")


class FileSink:
    """Where a streamed peer export goes, with the rules of :mod:`.targets`: a one-file format grows in a
    temporary file beside its target (or streams into ``-``, a FIFO, a device) and replaces it when complete; a
    folder format grows in a staging folder beside the target folder and is put in place whole at :meth:`commit`.
    A failure or Cancel (:meth:`abort`) leaves every old file as it was. A file that exists is replaced only if Qawl
    wrote it (its SHA-256 is recorded in the project as written by Qawl there) or it is empty: that is checked for
    each file before its first byte is written."""

    def __init__(self, store: Store, target: Path | str, *, folder: bool, fmt: str,
                 extensions: tuple[str, ...] = ()) -> None:
        self.store, self.target, self.folder, self.fmt = store, target, folder, fmt
        self.notes: list[str] = []
        self._file: targets.StagedFile | None = None
        self._name: str | None = None
        self._folder: folders.StagedFolder | None = None
        found = targets.kind(target)
        if folder:
            if found in ("stdout", "stream"):
                raise QawlError(f"{fmt} writes a folder (several files); give a folder, not {target}",
                                file=str(target))
            target = Path(target)
            if found == "file":
                raise QawlError(f"{fmt} writes a folder (several files); this is a file. Give a folder name",
                                file=str(target))
            if found == "new" and target.suffix.lower() in (*extensions, *_FILE_SUFFIXES):
                raise QawlError(f"{fmt} writes a folder (several files), whatever the number of annotators; give "
                                f"a folder name, not a {target.suffix} file name", file=str(target))
            self._folder = folders.StagedFolder(target, is_ours=self._ours, record=store.record_written,
                                                settle=store.settle_written, what=f"{fmt} export")
        elif found == "folder":
            raise QawlError(f"is a folder; {fmt} writes one file: give a file name", file=str(target))

    def _ours(self, path: Path) -> bool:
        return targets.sha256_of(path) in self.store.written_hashes(os.path.abspath(path))

    def _record(self, path: Path, sha: str) -> None:
        self._sha = sha
        self.store.record_written({os.path.abspath(path): sha})

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def write(self, name: str, chunk: bytes) -> None:
        if self._folder is not None:
            self._folder.write(name, chunk)
            return
        if self._file is None:
            self._name = name
            self._file = targets.StagedFile(self.target, is_ours=self._ours, what=f"{self.fmt} export",
                                            record=self._record)
        elif name != self._name:
            self.abort()
            raise QawlError(f"{self.fmt} wrote a second file {name!r} into a one-file export")
        self._file.write(chunk)

    def close(self, name: str) -> None:
        """A file the writer has finished (one per document): closed now, so thousands never stay open."""
        if self._folder is not None:
            self._folder.close(name)

    def abort(self) -> None:
        if self._folder is not None:
            self._folder.abort()
        if self._file is not None:
            self._file.abort()

    def commit(self) -> list[Path]:
        if self._folder is not None:
            return self._folder.commit()
        if self._file is None:  # nothing was written: an empty file all the same
            self._file = targets.StagedFile(self.target, is_ours=self._ours, what=f"{self.fmt} export",
                                            record=self._record)
        self._sha = None
        path = self._file.commit()
        if self._sha is not None:
            self.store.settle_written({os.path.abspath(path): self._sha})
        return [Path(path)]


def write_files(store: Store, target: Path, files: dict[str, bytes], *, folder: bool | None = None) -> list[Path]:
    """Write files made in memory with the same rules as a streamed export (one file to ``target``, or several
    into the folder ``target``)."""
    sink = FileSink(store, target, folder=len(files) > 1 if folder is None else folder, fmt="export")
    try:
        for name, data in files.items():
            sink.write(name, data)
            sink.close(name)
    except BaseException:
        sink.abort()
        raise
    return sink.commit()


def mapping_from_options(flags: Iterable[str] = (), file: str | Path | None = None,
                         preset: str | None = None) -> LabelMapping | None:
    """The label mapping given by ``--mapping FILE`` / ``--map FROM=TO`` flags / a preset (``parc``)."""
    base = None
    if preset == "parc":
        base = LabelMapping.parc()
    elif preset:
        raise QawlError(f"unknown mapping preset {preset!r}; use parc", field="--mapping")
    if file:
        loaded = LabelMapping.from_file(file)
        base = LabelMapping.from_flags([], base=loaded) if base is None else LabelMapping(
            labels={**base.labels, **loaded.labels}, relations={**base.relations, **loaded.relations})
    flags = list(flags)
    if flags:
        return LabelMapping.from_flags(flags, base=base)
    return base


def annotator_map_from_options(items: Iterable[str] = ()) -> dict[str, str]:
    """``--annotator-map``: ``FROM=TO`` pairs, or files of such lines (``#`` comments) or a JSON object. On import
    FROM is the name in the file (a Label Studio user id may be given bare: ``1=ali``), TO ours; on export FROM is
    ours and TO the name the tool knows (for Label Studio, a member's e-mail or user id)."""
    out: dict[str, str] = {}
    for item in items:
        path = Path(item)
        if "=" not in item or path.is_file():
            try:
                data = read_bytes(path)
            except OSError as exc:
                raise QawlError(f"is neither FROM=TO nor a readable file ({exc.strerror})", file=item,
                                field="--annotator-map") from None
            try:
                loaded = orjson.loads(data)
            except orjson.JSONDecodeError:
                loaded = None
            if isinstance(loaded, dict):
                for key, value in loaded.items():
                    if not isinstance(value, str) or not value.strip():
                        raise QawlError(f"{key!r} must map to a name", file=item, field="--annotator-map")
                    out[str(key)] = value.strip()
                continue
            for n, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
                line = line.split("#", 1)[0].strip() if not line.strip().startswith("#") else ""
                if line:
                    out.update(_pair(line, file=item, line=n))
            continue
        out.update(_pair(item))
    return out


def _pair(text: str, file: str | None = None, line: int | None = None) -> dict[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise QawlError(f"must be FROM=TO, got {text!r}", file=file, line=line, field="--annotator-map")
    return {key.strip(): value.strip()}

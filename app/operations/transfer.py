"""Import and export as whole operations, in Qawl's own formats and in other tools' (doccano, Label Studio, Prodigy,
brat): choosing the format, reading, checking, writing. The CLI and the window's background tasks both call these,
so a file behaves the same from either.

Policy: all or nothing. Every problem found while reading is reported (file, line, field) and nothing is imported,
unless ``skip_invalid`` is set, in which case each document with a problem is left out wholly and listed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import orjson

from ..core import formats
from ..core.errors import Cancelled, QawlError
from ..core.formats.detect import sniff
from ..core.formats.mapping import LabelMapping
from ..core.jsonl import Record, parse_record
from ..core.sources import JSONL_SUFFIXES, TEXT_SUFFIXES, expand, read_sources
from .claims import CLAIM_FORMATS
from .writing import FORMATS as OWN_EXPORT_FORMATS
from .writing import export_to
from ..store import ImportSummary, Store

OWN = "qawl"
IMPORT_FORMATS = ("auto", OWN, *formats.FORMATS)
EXPORT_FORMATS = (*OWN_EXPORT_FORMATS, *CLAIM_FORMATS, *formats.FORMATS)
_WRITTEN_KEY = "written_files"  # qawl_meta: files Qawl wrote for peer formats, path -> sha256 (ours to replace)

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
        if path.suffix.lower() == ".ann" or (path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists()):
            return "brat"
    files = expand(paths) if all(p.is_dir() or p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
                                 for p in paths) else paths
    peers = []
    for path in files:
        if path.suffix.lower() in TEXT_SUFFIXES:
            continue
        try:
            with open(path, "rb") as fh:
                head = fh.read(1 << 20)
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
    if any(not isinstance(e, dict) or "start_offset" in e for e in entities):
        return False  # doccano entities are spans
    if any(not isinstance(r, dict) or "head_span" in r or "from_id" in r for r in relations):
        return False
    return "annotator" in obj or "spans" not in obj or not obj["spans"]


def read_records(paths: list[str | Path], fmt: str = "auto", *, mapping: LabelMapping | None = None,
                 add_labels: bool = False, offset_unit: str = "auto", annotator: str | None = None,
                 schema=None, skip_invalid: bool = False, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None):
    """Read files into records. Returns (format, records, schema or None if unchanged, notes, skipped)."""
    if fmt == "auto":
        fmt = choose_format(paths)
    if fmt == OWN:
        if mapping is not None and (mapping.labels or mapping.relations):
            raise QawlError("a label mapping applies to other tools' formats, not to Qawl's own", field="--map")
        return fmt, read_sources(paths, default_annotator=annotator, progress=progress, cancel=cancel), None, [], []
    if fmt not in formats.FORMATS:
        raise QawlError(f"unknown format {fmt!r}; use one of {', '.join(IMPORT_FORMATS)}", field="--format")
    if schema is None:
        from ..core.schema import DEFAULT_SCHEMA

        schema = DEFAULT_SCHEMA
    result = formats.read(fmt, [str(p) for p in paths], mapping=mapping, schema=schema, add_labels=add_labels,
                          offset_unit=offset_unit, default_annotator=annotator)
    if result.problems and not skip_invalid:
        shown = "\n  ".join(str(p) for p in result.problems[:20])
        more = f"\n  ... and {len(result.problems) - 20} more" if len(result.problems) > 20 else ""
        raise QawlError(f"{len(result.problems)} problem(s); nothing was imported:\n  {shown}{more}")
    skipped = [str(p) for p in result.problems]
    notes = list(result.notes) + [f"{name}: offsets read as {unit}" for name, unit in result.offset_units.items()
                                  if unit != "codepoint"]
    if result.added_labels or result.added_relation_types:
        notes.append("added to the label schema: " + ", ".join((*result.added_labels,
                                                                 *result.added_relation_types)))
    new_schema = result.schema if result.schema != schema else None
    return fmt, result.records, new_schema, notes, skipped


def import_paths(store: Store, paths: list[str | Path], fmt: str = "auto", *, mapping: LabelMapping | None = None,
                 add_labels: bool = False, offset_unit: str = "auto", annotator: str | None = None,
                 replace: bool = False, skip_invalid: bool = False, actor: str | None = None,
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Read and import, all or nothing (or skipping invalid documents wholly)."""
    fmt, records, new_schema, notes, skipped = read_records(
        paths, fmt, mapping=mapping, add_labels=add_labels, offset_unit=offset_unit, annotator=annotator,
        schema=store.schema, skip_invalid=skip_invalid, progress=progress, cancel=cancel)
    summary = store.import_records(records, replace_layers=replace, skip_invalid=skip_invalid,
                                   source=", ".join(str(p) for p in paths), actor=actor, schema=new_schema,
                                   progress=progress, cancel=cancel)
    summary.skipped[:0] = skipped
    return ImportReport(fmt, summary, notes)


# --- export -------------------------------------------------------------------------------------------------------

def records_for_export(store: Store, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                       include_unannotated: bool = True, include_suggestions: bool = False,
                       doc_ids: Iterable[str] | None = None) -> list[Record]:
    """The same selection as the JSONL export, as core records (for the peer-format writers)."""
    entities = store.entities()
    out = []
    for line in store.export_records(annotator=annotator, statuses=statuses, include_unannotated=include_unannotated,
                                     include_suggestions=include_suggestions, doc_ids=doc_ids):
        rec = parse_record(orjson.loads(orjson.dumps(line)))
        used = rec.layer.entity_ids() if rec.layer else set()
        rec.entities = [entities[e] for e in sorted(used) if e in entities]
        out.append(rec)
    return out


def export_paths(store: Store, target: str | Path, fmt: str = "jsonl", *, mapping: LabelMapping | None = None,
                 options: dict | None = None, cancel: Callable[[], bool] | None = None,
                 progress: Progress | None = None, **selection) -> list[Path]:
    """Export in any format; returns the files written. Other tools' formats that make several files (brat, one
    file per annotator, a Label Studio config) go into the folder ``target``."""
    target = Path(target)
    if fmt in OWN_EXPORT_FORMATS:
        if mapping is not None and (mapping.labels or mapping.relations):
            raise QawlError("a label mapping applies to other tools' formats, not to Qawl's own", field="--map")
        export_to(store, target, fmt, cancel=cancel, progress=progress, **selection)
        return [target]
    if fmt in CLAIM_FORMATS:
        from .claims import export_claims

        files, _notes = export_claims(store, target, fmt, cancel=cancel, progress=progress, **selection)
        return files
    if fmt not in formats.FORMATS:
        raise QawlError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}", field="--format")
    records = records_for_export(store, **selection)
    if cancel and cancel():
        raise Cancelled()
    files = formats.write(fmt, records, mapping=mapping, schema=store.schema, **(options or {}))
    return write_files(store, target, files)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def write_files(store: Store, target: Path, files: dict[str, bytes]) -> list[Path]:
    """Write a peer format's files. One file may go to ``target`` itself; several go into the folder ``target``.

    A file that exists is replaced only if Qawl wrote it (its SHA-256 is the one recorded when Qawl wrote it) or
    it is empty; every target is checked before the first byte is written, and each file is replaced atomically.
    """
    single = len(files) == 1 and target.suffix and not target.is_dir()
    if single:
        plan = {target: next(iter(files.values()))}
    else:
        if target.exists() and not target.is_dir():
            raise QawlError(f"this format writes {len(files)} files; give a folder, not a file", file=str(target))
        plan = {target / name: data for name, data in files.items()}
    written = orjson.loads(store.meta(_WRITTEN_KEY) or "{}")
    for path in plan:
        if path.exists() and path.stat().st_size and written.get(str(path.resolve())) != _digest(path):
            raise QawlError("exists and was not written by Qawl; Qawl never overwrites other files. Choose another "
                            "name or folder, or remove it first", file=str(path))
    for path in plan:
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True)
            except OSError as exc:
                raise QawlError(f"cannot create the folder ({exc.strerror})", file=str(path.parent)) from None
        if not os.access(path.parent, os.W_OK):
            raise QawlError(f"cannot be written: no permission to write in {path.parent}", file=str(path))
    for path, data in plan.items():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise QawlError(f"cannot be written ({exc.strerror})", file=str(path)) from None
        written[str(path.resolve())] = hashlib.sha256(data).hexdigest()
    store.set_meta(_WRITTEN_KEY, orjson.dumps(written).decode())
    return list(plan)


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

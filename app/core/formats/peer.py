"""The peer-neutral parse result every format module produces, and the parsing helpers they share.

A format module only parses its files into :class:`PeerFile` / :class:`PeerDoc` objects: the tool's own text,
spans with offsets in the tool's unit, relations by the tool's ids. :func:`.build.build` turns them into core
records the same way for every format. :class:`ImportResult` is what importers return.
"""

from __future__ import annotations

import json
import re

import orjson
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Union

from .. import files
from ..errors import QawlError
from ..jsonl import Record
from ..jsontext import loads as exact_loads, needs_exact
from ..model import Entity, Origin
from ..schema import LabelSchema
from ..text.normalise import decode

Source = Union[str, Path, tuple[str, bytes]]


@dataclass
class PeerSpan:
    """A span as the peer wrote it: offsets in the file's unit into the tool's raw text."""

    key: object  # what the tool's relations use to point at it
    label: str
    start: int
    end: int
    field: str  # where it is in the record, for messages (e.g. "annotations[0].result[3].value")
    text: str | None = None  # the tool's copy of the span text, when it writes one
    attrs: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)
    origin: str = Origin.MANUAL.value
    group: object = None  # brat: fragments of one discontinuous annotation share a group
    group_text: str | None = None  # brat: the text of the whole group (fragments joined by one space)
    keep: bool = True  # False: checked like any span, then left out (brat attribution triggers)


@dataclass
class PeerRelation:
    type: str
    head: object  # PeerSpan.key
    tail: object
    field: str
    provenance: dict = field(default_factory=dict)
    origin: str = Origin.MANUAL.value


@dataclass
class PeerLayer:
    annotator: str
    status: str
    spans: list[PeerSpan] = field(default_factory=list)
    relations: list[PeerRelation] = field(default_factory=list)
    status_known: bool = True  # False when the format has no place for a status (brat)
    # The annotator's note on the document, where the format has a place for it (Label Studio: a text area and a
    # choice of the task, not of a region); note_known False: the file says nothing about it, ours is kept.
    note: str = ""
    discuss: bool = False
    note_known: bool = False
    keys: set = field(default_factory=set, repr=False)  # span keys seen, for the readers' duplicate checks


@dataclass
class PeerDoc:
    """One document of a peer file (a JSONL line, a Label Studio task, a brat .txt/.ann pair)."""

    file: str
    line: int | None
    raw: str | None  # None when the record has no usable text (then ``problems`` says why)
    doc_id: str | None = None
    meta: dict = field(default_factory=dict)
    layers: list[PeerLayer] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list = field(default_factory=list)  # canonical claims (CanonicalClaim) its CLAIM spans link to
    problems: list[QawlError] = field(default_factory=list)

    def carried_claims(self, value: object, field: str) -> bool:
        """Read the canonical claims a file of ours carries; a problem (and False) when they are malformed."""
        from .out import claims_from

        try:
            self.claims = claims_from(value)
            return True
        except QawlError as exc:
            self.problem(exc.message, field=f"{field}{exc.field}" if exc.field and exc.field.startswith("[")
                         else f"{field}.{exc.field}" if exc.field else field)
            return False

    def problem(self, message: str, field: str | None = None, line: int | None = None) -> None:
        self.problems.append(QawlError(message, file=self.file, line=line or self.line, field=field))


@dataclass
class PeerFile:
    """A parsed peer file: its documents, or a problem that makes the whole file unusable."""

    name: str
    docs: list[PeerDoc] = field(default_factory=list)
    problems: list[QawlError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    declared_unit: str | None = None  # the unit the file says it uses (our own doccano exports do)
    declared_labels: list[str] = field(default_factory=list)  # labels its configuration declares (brat)
    declared_relations: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    """What an importer read. See the module docstring for the policy the caller applies."""

    records: list[Record]  # records of the documents that had no problem, in input order
    problems: list[QawlError]  # every problem, each naming file, line and field
    notes: list[str]  # things done on purpose that the user should know (skipped result types, rejects)
    schema: LabelSchema  # the schema, extended with the file's own labels when add_labels=True
    rejected: list[str] = field(default_factory=list)  # "file:line (doc id)" of documents left out
    offset_units: dict[str, str] = field(default_factory=dict)  # file -> unit its offsets were read in
    added_labels: tuple[str, ...] = ()
    added_relation_types: tuple[str, ...] = ()
    rejected_keys: frozenset[str] = frozenset()  # ids and text hashes of the documents left out

    @property
    def ok(self) -> bool:
        return not self.problems


# --- sources --------------------------------------------------------------------------------------------------

def load_sources(sources: Iterable[Source] | Source, links: list[str] | None = None) -> list[tuple[str, bytes]]:
    """Paths (files, or folders with their sub-folders) or ``(name, bytes)`` pairs -> ``(name, bytes)`` pairs.
    Symbolic links inside folders are not followed; they are added to ``links``."""
    if isinstance(sources, (str, Path)) or (isinstance(sources, tuple) and len(sources) == 2
                                            and isinstance(sources[1], (bytes, bytearray))):
        sources = [sources]
    out: list[tuple[str, bytes]] = []
    for src in sources:
        if isinstance(src, tuple):
            name, data = src
            if not isinstance(name, str) or not isinstance(data, (bytes, bytearray)):
                raise QawlError("a source must be a path or a (name, bytes) pair")
            out.append((name, bytes(data)))
            continue
        path = Path(src)
        if path.is_dir():  # a folder and its sub-folders (brat keeps one collection per folder); links not followed
            inside, found_links = files.walk(path)
            out.extend((child, _read(Path(child))) for child in inside)
            if links is not None:
                links.extend(found_links)
        else:
            out.append((str(path), _read(path)))
    return out


def _read(path: Path) -> bytes:
    try:
        return files.read_bytes(path)
    except OSError as exc:
        raise QawlError(f"cannot read the file ({exc.strerror})", file=str(path)) from None


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 with or without a BOM (the BOM stays: it is part of what offsets count)."""
    return decode(data, file=name)


# --- helpers for the JSON formats -----------------------------------------------------------------------------

def json_records(name: str, data: bytes, pf: PeerFile) -> list[tuple[int, object]]:
    """``(line, value)`` for each record of a JSONL file; also accepts one JSON array or one (pretty-printed)
    object, which some tools write under a .jsonl name. Broken lines become per-line problems (their documents
    are rejected, the rest of the file is still read)."""
    try:
        text = decode_text(name, data)
    except QawlError as exc:
        pf.problems.append(exc)
        return []
    body = text.lstrip("\ufeff").strip()
    if body[:1] in "[{":
        try:
            whole = exact_loads(body)
        except json.JSONDecodeError:
            whole = None
        except ValueError as exc:  # NaN, an enormous number, nesting too deep: the whole file says so
            pf.problems.append(QawlError(f"not valid JSON: {exc}", file=name))
            return []
        if whole is not None and lone_surrogate(body, whole):
            pf.problems.append(QawlError("contains an unpaired surrogate escape (\\ud800-\\udfff), which is not "
                                         "text", file=name))
            return []
        if isinstance(whole, list):
            return [(1, item) for item in whole]
        if isinstance(whole, dict) and "\n" in body:
            pf.notes.append(f"{name}: one JSON object over several lines, not JSONL; read as one record")
            return [(1, whole)]
    out: list[tuple[int, object]] = []
    for i, line in enumerate(text.split("\n"), 1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        try:  # orjson refuses lone surrogates and says little about errors: the stdlib parser says where
            if not needs_exact(line):  # (and orjson reads an integer beyond 64 bits as a float)
                out.append((i, orjson.loads(line)))
                continue
        except orjson.JSONDecodeError:
            pass
        try:
            value = exact_loads(line)
            if lone_surrogate(line, value):
                out.append((i, QawlError("contains an unpaired surrogate escape (\\ud800-\\udfff), which is not "
                                         "text", file=name, line=i)))
            else:
                out.append((i, value))
        except json.JSONDecodeError as exc:
            where = "the line is cut short (truncated file?)" if exc.pos >= len(line) - 1 or \
                "Unterminated" in exc.msg or "Expecting" in exc.msg and exc.pos >= len(line) - 2 else exc.msg
            out.append((i, QawlError(f"not valid JSON: {where} (column {exc.colno})", file=name, line=i)))
        except ValueError as exc:  # NaN, an enormous number, nesting too deep (jsontext.JSONProblem)
            out.append((i, QawlError(f"not valid JSON: {exc}", file=name, line=i)))
    if not out:
        pf.problems.append(QawlError("the file has no records", file=name))
    return out


def lone_surrogate(source: str, value: object) -> bool:
    """True when JSON escapes in ``source`` gave ``value`` a lone surrogate (valid JSON, but not text)."""
    if "\\u" not in source and "\\U" not in source:
        return False
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    except (TypeError, ValueError, RecursionError):
        return False
    return False


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def offset_pair(obj: dict, start_key: str, end_key: str, where: str, doc: PeerDoc) -> tuple[int, int] | None:
    """Two integer offsets from ``obj`` or a problem naming the field."""
    start, end = obj.get(start_key), obj.get(end_key)
    if type(start) is int and type(end) is int and 0 <= start < end:  # the usual case, checked at once
        return start, end
    for key, value in ((start_key, start), (end_key, end)):
        if value is None:
            doc.problem("is missing", field=f"{where}.{key}")
            return None
        if not is_int(value):
            doc.problem(f"must be an integer, got {value!r}", field=f"{where}.{key}")
            return None
        if value < 0:
            doc.problem(f"must not be negative, got {value}", field=f"{where}.{key}")
            return None
    if end <= start:
        doc.problem(f"the range {start}..{end} is empty or reversed", field=where)
        return None
    return start, end


def label_name(value: object, where: str, doc: PeerDoc) -> str | None:
    """A label as a non-empty string (doccano's old exports use label ids, which are kept as their text)."""
    if isinstance(value, str) and value.strip():
        return value
    if is_int(value):
        return str(value)
    doc.problem(f"must be a label name, got {value!r}", field=where)
    return None


def read_document_note(holder: dict, note_key: str, discuss_key: str, where: str, doc: PeerDoc,
                       layer: PeerLayer) -> bool:
    """The annotator's note on the document and its flag where our files keep them (``holder[note_key]``,
    ``holder[discuss_key]``); either present says what the note is (``note_known``). False after a problem."""
    if note_key not in holder and discuss_key not in holder:
        return True
    note, discuss = holder.get(note_key, ""), holder.get(discuss_key, False)
    if not isinstance(note, str):
        doc.problem(f"must be text, got {type(note).__name__}", field=f"{where}{note_key}")
        return False
    if discuss is not True and discuss is not False:
        doc.problem(f"must be true or false, got {discuss!r}", field=f"{where}{discuss_key}")
        return False
    layer.note, layer.discuss, layer.note_known = note, discuss, True
    return True


# Characters kept as they are in file names made from ids and annotator names (letters and digits of any script,
# "_", ".", "@", "+", "-"); everything else is %XX-escaped (UTF-8 bytes), "%" included, so the name is injective
# and reversible: ``ok/1``, ``ok_1``, ``ok 1``, ``..`` and ``.`` give five different files and come back as they were.
_KEEP = re.compile(r"[\w.@+\-]", re.UNICODE)
# Names some systems reserve (Windows devices) or a format gives a meaning (doccano's all.jsonl).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def safe_name(name: str, reserved: Iterable[str] = ()) -> str:
    """The file-name stem for an id or annotator name: injective and reversible (:func:`name_of_file`)."""
    if not isinstance(name, str) or not name:
        raise QawlError(f"cannot name a file after {name!r}")
    out = []
    for i, ch in enumerate(name):
        keep = _KEEP.fullmatch(ch) and ch.isprintable() and not (ch == "." and (i == 0 or i == len(name) - 1))
        out.append(ch if keep else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    stem = "".join(out)
    if stem.casefold() in _RESERVED or stem in set(reserved):
        stem = f"%{ord(stem[0]):02X}{stem[1:]}"
    return stem


def name_of_file(stem: str) -> str:
    """The id or name a file-name stem stands for (the inverse of :func:`safe_name`; other names are as they are)."""
    if "%" not in stem:
        return stem
    from urllib.parse import unquote

    try:
        return unquote(stem, errors="strict")
    except UnicodeDecodeError:
        return stem  # not one of our names

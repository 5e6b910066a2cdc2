"""Reading import sources into :class:`~app.core.jsonl.Record` values: ``.txt`` articles (with an optional sibling
``NAME.json`` metadata sidecar, as in the corpus), folders of them, and JSONL files (our export format or plain
``{"text": ...}`` lines). Peer formats (doccano, Label Studio, Prodigy, brat) live in ``app.core.formats``.

Reading never touches a project: it returns records or raises a QawlError naming the file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import orjson

from . import files
from .files import links_note as _links_note
from .errors import Cancelled, QawlError
from .jsonl import Record, make_document, parse_record
from .jsontext import loads as exact_loads, needs_exact, problem_text
from .text.normalise import decode, normalise, sha256

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Sidecar keys that describe the file rather than the article.
_SIDECAR_SKIP = ("text_file",)

Progress = Callable[[int, int], None]


def expand(paths: Iterable[str | Path], links: list[str] | None = None) -> list[Path]:
    """Files to import, folders expanded (recursively, sorted; symbolic links inside them are not followed and
    are added to ``links``); sidecars are read with their .txt."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise QawlError("no such file or folder", file=str(path))
        files.check(path)
        if path.is_dir():
            inside, found_links = files.walk(path)
            if links is not None:
                links.extend(found_links)
            found = [Path(p) for p in inside if Path(p).suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES]
            if not found:
                raise QawlError("the folder holds no .txt or .jsonl files", file=str(path))
            out.extend(found)
        else:
            out.append(path)
    return out


def read_text_file(path: Path) -> Record:
    """One article from a .txt file; its sibling NAME.json (if any) supplies id, title, url, date ..."""
    try:
        data = files.read_bytes(path)
    except OSError as exc:
        raise QawlError(f"cannot be read ({exc.strerror})", file=str(path)) from None
    raw = decode(data, file=str(path))
    meta: dict = {}
    sidecar = path.with_suffix(".json")
    doc_id = path.stem
    if sidecar.exists():
        try:
            data_ = files.read_bytes(sidecar)
            loaded = exact_loads(data_) if needs_exact(data_) else orjson.loads(data_)
        except OSError as exc:
            raise QawlError(f"cannot be read ({exc.strerror})", file=str(sidecar)) from None
        except orjson.JSONDecodeError as exc:
            raise QawlError(f"the metadata sidecar is not valid JSON ({exc})", file=str(sidecar)) from None
        except ValueError as exc:
            raise QawlError(f"the metadata sidecar is not valid JSON ({problem_text(exc)})",
                            file=str(sidecar)) from None
        if not isinstance(loaded, dict):
            raise QawlError("the metadata sidecar must hold a JSON object", file=str(sidecar))
        if "id" in loaded:
            if not isinstance(loaded["id"], (str, int)) or not str(loaded["id"]).strip():
                raise QawlError(f"must be a non-empty string, got {loaded['id']!r}", file=str(sidecar), field="id")
            doc_id = str(loaded["id"])
        meta = {k: v for k, v in loaded.items() if k not in _SIDECAR_SKIP and k != "id"}
    try:
        doc = make_document(raw, id=doc_id, meta=meta, source=str(path), utf8=data)
    except QawlError as exc:
        raise exc.located(file=str(path)) from None
    return Record(doc, None, [], None)


@dataclass
class Skipped:
    """What reading left out (``--skip-invalid``): the reasons, and the documents they concern (by text hash:
    documents are matched by text, and an id alone may name another copy), so that every other line of such a
    document is left out too: a document is imported whole or not."""

    reasons: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)

    def add(self, error: QawlError, obj: object = None) -> None:
        self.reasons.append(str(error))
        if isinstance(obj, dict):
            if isinstance(obj.get("text"), str):
                try:
                    self.keys.add(sha256(normalise(obj["text"])[0]))
                except UnicodeEncodeError:
                    pass

    def leave_out(self, records: list[Record]) -> list[Record]:
        """``records`` without those of the documents left out (each one said)."""
        if not self.keys:
            return records
        kept = []
        for rec in records:
            doc = rec.document
            if doc.text_sha256 in self.keys:
                where = f"{doc.source}:{rec.line}" if rec.line else str(doc.source or doc.id)
                self.reasons.append(f"{where}: doc_id: left out too: another part of document {doc.id!r} has a "
                                    "problem (a document is imported whole or not at all)")
            else:
                kept.append(rec)
        return kept


def read_jsonl_file(path: Path, *, default_annotator: str | None = None,
                    cancel: Callable[[], bool] | None = None, skipped: Skipped | None = None) -> list[Record]:
    """Every line of a JSONL file; any bad line fails the whole file with its line number (with ``skipped``, a
    bad line is left out and said there instead)."""
    try:
        data = files.read_bytes(path)
    except OSError as exc:
        raise QawlError(f"cannot be read ({exc.strerror})", file=str(path)) from None
    if not data or data.isspace():
        raise QawlError("the file is empty", file=str(path))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:65536]:
        raise QawlError("looks like a binary file, not JSONL text (NUL byte)", file=str(path),
                        line=data.count(b"\n", 0, data.index(b"\x00")) + 1)
    records: list[Record] = []
    source = str(path)
    # orjson parses bytes and checks UTF-8 itself: no decoding pass over the whole file.
    for number, line in enumerate(data.split(b"\n"), start=1):
        if cancel and number % 1000 == 0 and cancel():
            raise Cancelled()
        if not line or line.isspace():
            continue
        obj = None
        try:
            try:
                obj = orjson.loads(line)
                if needs_exact(line):  # an integer orjson may have read as a float: read the line exactly
                    obj = exact_loads(line)
            except orjson.JSONDecodeError as exc:
                reason = _json_problem(line, exc)
                if needs_exact(line):  # say what is wrong with the long number rather than "infinity"
                    try:
                        exact_loads(line)
                    except ValueError as exact:
                        reason = f"not valid JSON: {problem_text(exact)}"
                raise QawlError(reason, file=source, line=number) from None
            except ValueError as exc:
                raise QawlError(f"not valid JSON: {problem_text(exc)}", file=source, line=number) from None
            try:
                rec = parse_record(obj, default_annotator=default_annotator, source=source)
            except QawlError as exc:
                raise exc.located(file=source, line=number) from None
        except QawlError as exc:
            if skipped is None:
                raise
            skipped.add(exc, obj)
            continue
        rec.line = number
        records.append(rec)
    if not records and skipped is None:
        raise QawlError("the file holds no documents", file=source)
    return records


def _json_problem(line: bytes, exc: Exception) -> str:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as bad:
        return f"not UTF-8 text (byte 0x{line[bad.start]:02x} at column {bad.start + 1}); save the file as UTF-8"
    if line.strip() in (b"{", b"["):
        return "not valid JSON: a pretty-printed JSON file is not JSONL (one object per line)"
    return f"not valid JSON: {exc}"


def read_sources(paths: Iterable[str | Path], *, default_annotator: str | None = None,
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                 skipped: Skipped | None = None, notes: list[str] | None = None) -> list[Record]:
    """All records of all the given files and folders, in order; raises on the first bad file. With ``skipped``
    (``--skip-invalid``), each document with a problem (a bad line, an unreadable article) is left out wholly and
    said there; a file that is not an import file at all is still an error. ``notes``: what the user should know
    (links inside folders that were not followed)."""
    links: list[str] = []
    files = expand(paths, links)
    if links and notes is not None:
        notes.append(_links_note(links))
    records: list[Record] = []
    for n, path in enumerate(files):
        if cancel and cancel():
            raise Cancelled()
        suffix = path.suffix.lower()
        if suffix == ".json":
            raise QawlError("a .json file is read as the metadata sidecar of NAME.txt; to import documents "
                            "use .txt or .jsonl (or --format for another tool's export)", file=str(path))
        if suffix not in JSONL_SUFFIXES + TEXT_SUFFIXES:
            raise QawlError(f"unknown file type {suffix or '(none)'}: Qawl imports .txt articles and .jsonl "
                            "files (and other tools' formats with --format)", file=str(path))
        try:
            if suffix in JSONL_SUFFIXES:
                records.extend(read_jsonl_file(path, default_annotator=default_annotator, cancel=cancel,
                                               skipped=skipped))
            else:
                records.append(read_text_file(path))
        except QawlError as exc:
            if skipped is None:
                raise
            skipped.add(exc)
        if progress and (n % 100 == 0 or n == len(files) - 1):
            progress(n + 1, len(files))
    return skipped.leave_out(records) if skipped is not None else records

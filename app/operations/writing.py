"""Writing datasets to files: atomically, and never over a file that is not ours.

An export goes to a temporary file beside the target and replaces it only when complete, so a failed or cancelled
export leaves the old file intact. An existing target is overwritten only if it is empty or was written by Qawl
(its first line is a Qawl export line); anything else is refused with a clear message.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

import orjson

from ..core.errors import Cancelled, QawlError
from ..core.claims.export import CLAIMS_FORMAT
from ..core.jsonl import FORMAT, parse_record, quote_rows
from ..store import Store

QUOTES_FORMAT = "qawl-quotes/1"
FORMATS = ("jsonl", "quotes")


def _looks_like_ours(path: Path) -> bool:
    """Empty, or a Qawl export (its first line says so)."""
    try:
        if path.stat().st_size == 0:
            return True
        with open(path, "rb") as fh:
            first = fh.readline(64 << 20)
        obj = orjson.loads(first)
    except (OSError, orjson.JSONDecodeError):
        return False
    return isinstance(obj, dict) and obj.get("schema") in (FORMAT, QUOTES_FORMAT, CLAIMS_FORMAT)


def check_target(path: Path) -> None:
    """Raise unless ``path`` can be (over)written by an export."""
    if path.is_dir():
        raise QawlError("is a folder; give a file name for the export", file=str(path))
    if path.exists() and not _looks_like_ours(path):
        raise QawlError("exists and is not a Qawl export; Qawl never overwrites other files. "
                        "Choose another name or remove it first", file=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise QawlError(f"cannot be written: the folder {parent} does not exist", file=str(path))
    if not os.access(parent, os.W_OK):
        raise QawlError(f"cannot be written: no permission to write in {parent}", file=str(path))


def write_lines(path: Path, lines: Iterable[bytes], *, cancel: Callable[[], bool] | None = None) -> int:
    """Write newline-terminated lines atomically; returns the number of lines."""
    check_target(path)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise QawlError(f"cannot be written ({exc.strerror})", file=str(path)) from None
    n = 0
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as out:
            for line in lines:
                out.write(line)
                out.write(b"\n")
                n += 1
                if cancel and n % 1000 == 0 and cancel():
                    raise Cancelled()
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        os.unlink(tmp)
        raise QawlError(f"cannot be written ({exc.strerror})", file=str(path)) from None
    except BaseException:
        os.unlink(tmp)
        raise
    return n


def export_lines(store: Store, fmt: str = "jsonl", *, annotator: str | None = None,
                 statuses: Iterable[str] | None = None, include_unannotated: bool = True,
                 doc_ids: Iterable[str] | None = None, progress: Callable[[int, int], None] | None = None,
                 include_suggestions: bool = False) -> Iterator[bytes]:
    """The encoded lines of an export (streaming)."""
    if fmt not in FORMATS:
        raise QawlError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}", field="--format")
    total = store.count_documents() if progress else 0
    records = store.export_records(annotator=annotator, statuses=statuses,
                                   include_unannotated=include_unannotated and fmt == "jsonl", doc_ids=doc_ids,
                                   include_suggestions=include_suggestions)
    dumps = orjson.dumps
    if fmt == "jsonl":
        seen = set()
        for rec in records:
            if progress and rec["doc_id"] not in seen:
                seen.add(rec["doc_id"])
                if len(seen) % 200 == 0:
                    progress(len(seen), total)
            yield dumps(rec)
        return
    entities = {**store.suggested_entities(), **store.entities()}
    for rec in records:
        if rec["annotator"] is None:
            continue
        # Round-trip the line through the core model: the quotes view is derived, not stored.
        parsed = parse_record(orjson.loads(dumps(rec)))
        for row in quote_rows(parsed.document, parsed.layer, entities):
            yield dumps({"schema": QUOTES_FORMAT, **row})


def export_to(store: Store, path: str | Path, fmt: str = "jsonl", **kwargs) -> int:
    """Export to ``path`` atomically; returns the number of lines written."""
    cancel = kwargs.pop("cancel", None)
    path = Path(path)
    check_target(path)
    return write_lines(path, export_lines(store, fmt, **kwargs), cancel=cancel)


def write_text_file(path: Path, text: str, *, kind: str = "report") -> None:
    """Write a generated file (an HTML report) atomically; an existing file is replaced only if Qawl made it
    (it carries Qawl's generator mark) or it is empty."""
    mark = '<meta name="generator" content="Qawl">'
    if path.is_dir():
        raise QawlError("is a folder; give a file name", file=str(path))
    if path.exists() and path.stat().st_size:
        head = path.read_bytes()[:4096].decode("utf-8", "replace")
        if mark not in head:
            raise QawlError(f"exists and is not a Qawl {kind}; Qawl never overwrites other files", file=str(path))
    if mark not in text[:4096]:
        text = text.replace("<head>", "<head>" + mark, 1)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise QawlError(f"cannot be written: the folder {parent} does not exist", file=str(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise QawlError(f"cannot be written ({exc.strerror})", file=str(path)) from None

"""Writing datasets to files: atomically, and never over a file that is not ours (see :mod:`.targets` for what a
target may be: standard output, a FIFO or device, a link, a file).

An export goes to a temporary file beside the target and replaces it only when complete, so a failed or cancelled
export leaves the old file intact. An existing target is overwritten only if it is empty or was written by Qawl
(its first line is a Qawl export line); anything else is refused with a clear message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

import orjson

from ..core import files
from ..core.claims.export import CLAIMS_FORMAT
from ..core.errors import QawlError
from ..core.jsonl import FORMAT, parse_record, quote_rows
from ..store import Store
from .targets import write_file

QUOTES_FORMAT = "qawl-quotes/1"
FORMATS = ("jsonl", "quotes")
HTML_MARK = '<meta name="generator" content="Qawl">'


def looks_like_ours(path: Path) -> bool:
    """A Qawl export (its first line says so)."""
    try:
        obj = orjson.loads(files.read_line(path, 64 << 20))
    except (OSError, orjson.JSONDecodeError):
        return False
    return isinstance(obj, dict) and obj.get("schema") in (FORMAT, QUOTES_FORMAT, CLAIMS_FORMAT)


def write_lines(path: str | Path, lines: Iterable[bytes], *, cancel: Callable[[], bool] | None = None) -> int:
    """Write newline-terminated lines atomically (or stream them: ``-``, a FIFO, a device); returns how many."""
    return write_file(path, (line + b"\n" for line in lines), is_ours=looks_like_ours, cancel=cancel)


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
    if fmt not in FORMATS:
        raise QawlError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}", field="--format")
    return write_lines(path, export_lines(store, fmt, **kwargs), cancel=cancel)


def _is_our_page(path: Path) -> bool:
    try:
        head = files.read_bytes(path, 4096).decode("utf-8", "replace")
    except OSError:
        return False
    return HTML_MARK in head


def write_text_file(path: str | Path, text: str, *, kind: str = "report") -> None:
    """Write a generated file (an HTML report) atomically; an existing file is replaced only if Qawl made it
    (it carries Qawl's generator mark) or it is empty."""
    if HTML_MARK not in text[:4096]:
        text = text.replace("<head>", "<head>" + HTML_MARK, 1)
    write_file(path, [text.encode("utf-8")], is_ours=_is_our_page, what=kind)

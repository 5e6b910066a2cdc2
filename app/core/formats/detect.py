"""``--format auto``: tell doccano, Label Studio, Prodigy and brat files apart from their names and first record.

Each tool's files have keys no other tool writes: Label Studio tasks have ``data`` and ``annotations[].result``,
doccano records ``start_offset`` / ``[[start, end, label]]`` / ``annotation_approver``, Prodigy tasks ``spans`` with
``start`` / ``end``, ``tokens``, ``answer`` and ``_input_hash``; brat comes as ``.txt`` / ``.ann`` files. The same
sniffing guards an explicit ``--format``: a file that clearly belongs to another tool is refused with a message that
names the right flag, instead of being read as documents without annotations.
"""

from __future__ import annotations

import json

from pathlib import PurePath
from typing import Iterable

from ..errors import QawlError
from ..jsontext import loads as exact_loads
from .labelstudio import other_export

_FLAG = {"qawl": "qawl (import it as Qawl JSONL)"}


def sniff(name: str, data: bytes) -> dict[str, int]:
    """Evidence (higher is surer) for each format that one file could be."""
    suffix = PurePath(name).suffix.lower()
    if suffix in (".ann", ".conf"):
        return {"brat": 3}
    if other_export(name, data[:4000].decode("utf-8", "replace")):
        return {"labelstudio": 3}  # its CSV / TSV / CONLL export: the reader refuses it with what to use instead
    first = _first_record(data)
    if suffix == ".txt" and first is None:
        return {"brat": 1}
    if not isinstance(first, dict):
        return {}
    keys = set(first)
    scores: dict[str, int] = {}
    if str(first.get("schema", "")).startswith("qawl-export/"):
        return {"qawl": 3}
    anns = first.get("annotations")
    if "annotation_id" in keys and "annotator" in keys:  # Label Studio's JSON_MIN
        return {"labelstudio": 3}
    if isinstance(first.get("data"), dict) or "predictions" in keys or "completions" in keys or (
            isinstance(anns, list) and any(isinstance(a, dict) and "result" in a for a in anns)):
        scores["labelstudio"] = 3
    doccano = 0
    if keys & {"annotation_approver", "entities"}:
        doccano += 2
    for key in ("label", "labels"):
        value = first.get(key)
        if isinstance(value, list) and (not value or isinstance(value[0], list)):
            doccano += 2
    if isinstance(anns, list) and any(isinstance(a, dict) and "start_offset" in a for a in anns):
        doccano += 3
    if doccano:
        scores["doccano"] = doccano
    prodigy = 0
    if keys & {"_input_hash", "_task_hash", "_view_id", "_session_id", "_annotator_id", "answer"}:
        prodigy += 2
    if isinstance(first.get("spans"), list) or isinstance(first.get("tokens"), list):
        prodigy += 2
    if prodigy:
        scores["prodigy"] = prodigy
    return scores


def _first_record(data: bytes) -> object:
    try:
        text = data[:1_000_000].decode("utf-8-sig", "replace").strip()
    except Exception:  # pragma: no cover - decode with "replace" does not fail
        return None
    if not text or text[0] not in "[{":
        return None
    if text[0] == "[":  # a JSON array (Label Studio, a pretty-printed export): decode its first element only
        start = len(text) - len(text[1:].lstrip()) if len(text) > 1 else 1
        try:
            return json.JSONDecoder().raw_decode(text, start)[0]
        except (ValueError, RecursionError):  # not JSON, or a number of thousands of digits
            pass
    first_line = text.split("\n", 1)[0].strip()
    for candidate in (first_line, text):
        try:
            value = exact_loads(candidate)
        except ValueError:  # not JSON, or numbers Qawl cannot keep: the readers say which
            continue
        if isinstance(value, list):
            return value[0] if value else None
        return value
    if text[0] == "[":  # a large or cut Label Studio export: look at the start of its first task
        return {"data": {}} if '"data"' in text[:5000] and '"annotations"' in text else None
    return None


def detect(items: Iterable[tuple[str, bytes]]) -> str:
    """The one format all files are in, or a QawlError that says which file is unclear."""
    found: dict[str, list[str]] = {}
    for name, data in items:
        scores = sniff(name, data)
        if not scores:
            raise QawlError("cannot tell which tool wrote this file; say --format doccano, labelstudio, prodigy "
                            "or brat", file=name)
        best = max(scores.values())
        winners = [f for f, s in scores.items() if s == best]
        if len(winners) > 1:
            raise QawlError(f"could be {' or '.join(winners)}; say which with --format", file=name)
        found.setdefault(winners[0], []).append(name)
    if not found:
        raise QawlError("no files to import")
    if "brat" in found and set(found) - {"brat"}:
        found.pop("brat")  # stray .txt next to JSON files
    if len(found) > 1:
        parts = "; ".join(f"{fmt}: {', '.join(names[:2])}" for fmt, names in found.items())
        raise QawlError(f"the files are in different formats ({parts}); import them separately")
    fmt = next(iter(found))
    if fmt == "qawl":
        raise QawlError("these are Qawl JSONL exports; import them with the qawl format, not a peer format",
                        file=found[fmt][0])
    return fmt


def mismatch(fmt: str, name: str, data: bytes) -> QawlError | None:
    """A problem when a file given with ``--format fmt`` is clearly another tool's (else None)."""
    scores = sniff(name, data)
    if not scores or scores.get(fmt, 0) >= max(scores.values()):
        return None
    if fmt == "brat" and PurePath(name).suffix.lower() in (".txt", ".ann", ".conf"):
        return None
    other = max(scores, key=scores.get)
    if scores[other] < 2:
        return None
    flag = _FLAG.get(other, f"--format {other}")
    return QawlError(f"this is not a {fmt} file: it looks like {other}; use {flag}", file=name, line=1)

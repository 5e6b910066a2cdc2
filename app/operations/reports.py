"""Saving an agreement report from the window: as a readable HTML page or as JSON, never over someone else's file.

:func:`write_report` decides by the content: an HTML page goes through :func:`app.operations.writing.write_text_file`
(atomic; an existing file is replaced only if Qawl made it or it is empty); JSON must be a ``qawl-agreement/1``
report and replaces an existing file only if that file is empty or is itself a Qawl agreement report. Anything
else is refused with a :class:`~app.core.errors.QawlError` naming the file, and nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from ..core import files
from ..core.errors import QawlError
from ..core.review.report import FORMAT
from .targets import write_file
from .writing import write_text_file


def _is_our_report(path: Path) -> bool:
    try:
        data = orjson.loads(files.read_bytes(path))
    except (OSError, orjson.JSONDecodeError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def write_report(path: str | os.PathLike, content: str | bytes) -> Path:
    """Write an agreement report (``report_to_html`` text, or ``report_to_json`` serialised) to ``path``."""
    path = Path(path)
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    if text.lstrip()[:15].lower().startswith("<!doctype html"):
        write_text_file(path, text, kind="report")
        return path
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        raise QawlError("is neither an HTML page nor JSON: not a report", file=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise QawlError(f"the JSON to write is not a {FORMAT} report", file=str(path))
    write_file(path, [orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"], is_ours=_is_our_report,
               what="agreement report")
    return path

"""JSON read exactly, or refused with a reason: numbers are never silently changed.

orjson (our fast path) reads an integer beyond 64 bits as a float (2^64 becomes 1.8446744073709552e+19: a
changed value), and the standard library reads ``NaN``, ``Infinity`` and ``1e400`` (not JSON numbers) and fails
on integers of thousands of digits with a ValueError that is not a JSON error. :func:`loads` is the standard
parser made strict: every number is kept exactly or refused with :class:`JSONProblem` (a ValueError) saying why.
:func:`needs_exact` tells when an orjson result may hold such a changed number, so the slow path runs only then.
"""

from __future__ import annotations

import json
import math
import re

# An integer literal of 19 digits or more (the 64-bit range ends there): orjson may have turned it into a float.
_LONG_INT = re.compile(rb"(?<![\w.\"])-?\d{19,}(?![\w.])")
_LONG_INT_TEXT = re.compile(r"(?<![\w.\"])-?\d{19,}(?![\w.])", re.ASCII)
MAX_DIGITS = 40  # longer integers are refused outright (the limit of Python's int parsing is 4,300 digits)


class JSONProblem(ValueError):
    """Not JSON Qawl can keep exactly (NaN, an infinite or an enormous number, nesting too deep)."""


def _constant(name: str):
    raise JSONProblem(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONProblem(f"the number {text[:20]}… is too large" if len(text) > 20 else
                          f"the number {text} is too large")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JSONProblem(f"a number of {len(text.lstrip('-'))} digits is too large")
    return int(text)


def loads(text: str | bytes):
    """``json.loads`` that keeps every number exactly or raises :class:`JSONProblem` / ``json.JSONDecodeError``."""
    try:
        return json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except RecursionError:
        raise JSONProblem("nested too deeply") from None


# Every ASCII digit -> "0": a run of 19 digits is then a plain substring search (memmem), ~20x faster than the
# pattern's search, which tries its look-behind at every position of a line (1-2 ms per article-sized line).
_DIGITS = bytes.maketrans(b"0123456789", b"0" * 10)
_RUN = b"0" * 19


def needs_exact(raw: bytes | str) -> bool:
    """May orjson have read a number of ``raw`` inexactly (an integer of 19 digits or more)?"""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if _RUN not in data.translate(_DIGITS):
        return False  # no 19 digits in a row: the pattern cannot match
    return (_LONG_INT_TEXT if isinstance(raw, str) else _LONG_INT).search(raw) is not None


def problem_text(exc: ValueError) -> str:
    """A short reason for a JSON error of either parser."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (column {exc.colno})"
    return str(exc)

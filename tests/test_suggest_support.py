"""Shared helpers for the suggestion tests (no tests here): documents, and a suggestion layer read as records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.bench import common
from app.core.jsonl import make_document
from app.core.schema import DEFAULT_SCHEMA
from app.core.suggest import suggest_document

REPO = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path:
    """The shared corpus (found as the benchmarks find it), or skip the test saying why."""
    root = common.corpus_dir()
    if root is None:
        pytest.skip(common.NO_CORPUS)
    return root


def article(name: str):
    """A corpus article as a Document with its sidecar date."""
    base = corpus_dir() / "arabic_articles"
    text = (base / f"{name}.txt").read_text(encoding="utf-8")
    meta = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
    return make_document(text, id=name, meta={"date": meta.get("date")})


def suggest(text: str, date: str | None = "2024-01-25", registry=()):
    doc = make_document(text, id="t", meta={"date": date} if date else {})
    result = suggest_document(doc, registry)
    DEFAULT_SCHEMA.check_layer(result.layer)
    result.layer.check_against(doc.text)
    return result


def records(result) -> list[dict]:
    """Each suggested quote with its type, cue texts, speaker texts, speaker entity ids and dated values."""
    layer = result.layer
    out = []
    for q in layer.spans_by_label("QUOTE"):
        speakers = layer.linked(q.id, "SAID_BY")
        out.append({"text": q.text, "type": q.attrs["type"], "rule": q.provenance["rule"],
                    "cues": [c.text for c in layer.linked(q.id, "CUE")],
                    "speakers": [s.text for s in speakers], "entities": [s.entity for s in speakers],
                    "dated": [d.attrs["value"] for d in layer.linked(q.id, "DATED")]})
    return out


def said(text: str, date: str = "2015-08-01") -> list[tuple[str, list[str]]]:
    """Each suggested quote's text with its speakers' texts (the shape most attribution tests compare)."""
    return [(r["text"], r["speakers"]) for r in records(suggest(text, date))]


def candidate_texts(text: str) -> list[list[str]]:
    """The texts of the candidate speakers the rules propose for each attribution of ``text``, the rules' own
    choice first."""
    from app.core.suggest.engine import analyse
    from app.core.suggest.model import RULES

    ctx, recs = analyse(make_document(text, id="x", meta={}), RULES)
    return [[text[slice(*ctx.an.token_span(*c.mention))] for c in r.candidates if c.mention] for r in recs]


def recognised(text: str, date: str | None = "2024-01-25") -> list[tuple[str, str]]:
    """(text, value) of every date expression the date engine recognises — weeks, seasons, decades and centuries
    too, which it values for a span marked by hand but does not suggest."""
    from app.core.suggest.arabic import Analysis
    from app.core.suggest.dates import find_dates

    return [(text[d.start:d.end], d.value) for d in find_dates(Analysis(text), date)]


def dates(result) -> list[tuple[str, str]]:
    return [(s.text, s.attrs["value"]) for s in result.layer.spans_by_label("DATE")]

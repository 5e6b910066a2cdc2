"""Editing a project's guidelines (Guidelines ▸ Edit in the window, ``qawl guidelines`` on the command line).

Guidelines live in the label schema (``app.core.guidelines``), so every edit here writes the project's whole schema
again in ONE transaction, read under the write lock: an edit made meanwhile by another process (a second window, a
command, a team sync) is never lost, and a bad guideline changes nothing. The schema's version goes up by one, as
with any schema change (a team's lead publishes it at the next sync).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import orjson

from ..core import files
from ..core.errors import QawlError
from ..core.guidelines import Guideline, Guidelines, defaults_for, schema_targets, split_target
from ..core.schema import LabelSchema
from ..store import Store

MAX_FILE = 4 * 1024 * 1024


def _stored(store: Store) -> LabelSchema:
    """The schema as stored now (inside a transaction: under the write lock), not as this connection cached it."""
    raw = store.meta("label_schema")
    return LabelSchema.from_dict(orjson.loads(raw)) if raw else store.schema


def _write(store: Store, schema: LabelSchema, guides: Guidelines) -> LabelSchema:
    guides.check(schema)
    guides = guides.in_order(schema_targets(schema))
    if guides == schema.guidelines:
        return schema
    new = replace(schema, guidelines=guides, version=schema.version + 1, _index={})
    store.set_schema(new)
    return new


def set_guideline(store: Store, key: str, by_lang: dict[str, Guideline]) -> LabelSchema:
    """Give ``key`` (``QUOTE``, ``QUOTE.type=direct``) these guidelines, language → guideline (an empty one
    removes that language's), in one transaction; returns the project's new schema."""
    split_target(key)
    with store.atomic():
        schema = _stored(store)
        guides = schema.guidelines
        for lang, guideline in by_lang.items():
            guides = guides.with_guideline(key, lang, guideline)
        return _write(store, schema, guides)


def reset_guidelines(store: Store, key: str | None = None) -> LabelSchema:
    """The default guidelines again: of ``key`` (every language), or of the whole schema."""
    with store.atomic():
        schema = _stored(store)
        defaults = defaults_for(schema)
        if key is None:
            guides = defaults
        else:
            split_target(key)
            kept = [e for e in schema.guidelines.entries if e[0] != key]
            guides = Guidelines(tuple(kept))
            for lang in defaults.languages(key):
                guides = guides.with_guideline(key, lang, defaults.get(key, lang))
        return _write(store, schema, guides)


def read_guidelines_file(path: str | Path) -> Guidelines:
    """A guidelines file: the ``guidelines`` object of a schema, or a whole label schema that has one (what
    ``qawl guidelines --json`` prints, or a team's ``schema.json``). Every problem names the file and the field."""
    name = str(path)
    try:
        data = files.read_bytes(path, MAX_FILE + 1)
    except OSError as exc:
        raise QawlError(f"cannot be read: {exc.strerror or exc}", file=name) from None
    if len(data) > MAX_FILE:
        raise QawlError("is larger than 4 MB: not a guidelines file", file=name)
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise QawlError(f"not JSON ({exc})", file=name) from None
    if isinstance(parsed, dict) and "span_labels" in parsed:
        parsed = parsed.get("guidelines", {})
    elif isinstance(parsed, dict) and set(parsed) == {"guidelines"}:
        parsed = parsed["guidelines"]
    try:
        return Guidelines.from_dict(parsed)
    except QawlError as exc:
        raise exc.located(file=name) from None


def replace_guidelines(store: Store, guides: Guidelines, source: str | None = None) -> LabelSchema:
    """The project's guidelines become ``guides`` (all or nothing: a target the schema does not have is refused,
    naming it)."""
    with store.atomic():
        schema = _stored(store)
        try:
            return _write(store, schema, guides)
        except QawlError as exc:
            raise exc.located(file=source) from None


def guidelines_text(schema: LabelSchema, lang: str = "en") -> str:
    """Every guideline of ``schema`` as plain text in ``lang`` (English where it has none in ``lang``)."""
    words = {"en": {}, "ar": {"include": "يشمل", "exclude": "لا يشمل", "example": "مثال"}}.get(lang, {})
    out = []
    for key in schema.guidelines.targets():
        found = schema.guidelines.best(key, lang)
        if not found:
            continue
        guideline, got = found
        head = key if got == lang else f"{key} ({got})"
        body = guideline.to_text(words).replace("\n", "\n  ")
        out.append(f"{head}\n  {body}")
    return "\n\n".join(out) + ("\n" if out else "")

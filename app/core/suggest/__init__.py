"""Suggestions: pre-annotated quotes, cues, speakers and dates for the annotator to accept or reject.

Entry points:

- :func:`suggest_document` ``(doc, registry=()) -> Suggestions``: one document. The result's ``layer`` is a
  :class:`~app.core.model.Layer` of annotator ``"suggestions"`` whose spans and relations all have
  ``origin="suggested"`` and a ``provenance`` naming the rule that produced them (``{"rule": "direct-colon"}``);
  ``entities`` are the speaker entities it created (registry entities matched by name or alias are reused by id
  and not repeated there). The layer validates against ``DEFAULT_SCHEMA`` and the document text.
- :func:`suggest_many` ``(docs, registry=(), workers=2) -> list[Suggestions]``: many documents, in processes.
- :func:`export_line` ``(doc, suggestions, registry=()) -> dict``: the ``qawl-export/1`` line of a document's
  suggestions (annotator ``"suggestions"``), for ``qawl suggest FILE... -o OUT.jsonl``.
- :func:`quote_type` ``(text, start, end) -> str``: the type (direct / indirect / mixed) of a quote marked by
  hand, by the engine's own rules (for the window's first guess).
- ``model``: who chooses each speaker among the rules' candidates: the default model shipped in the package
  (:func:`default_model`), :data:`RULES` (the rules alone), or a project's own (:mod:`.learn`).

The rules are linguistic and live in one module per idea: :mod:`.arabic` (the folded copy, tokens, sentences),
:mod:`.words` (closed word classes: titles, adjuncts, clause openers ...), :mod:`.cues` (reporting-verb lexicon
with inflections and clitics; speech nouns after light verbs), :mod:`.quotes` (quotation marks, names vs speech,
complementizers), :mod:`.dates`, :mod:`.timex`, :mod:`.today` and :mod:`.calendar` (date expressions, their values,
whether a bare اليوم is a day). What they find is the document analysis, built once (:mod:`.context`); the passes
are functions of it: :mod:`.clauses`
(what a cue introduces and where it ends), :mod:`.nouns` (the content of speech nouns: وجّهت X تحذيراً بـ),
:mod:`.speakers` and :mod:`.phrases` (where a subject starts after a cue; the extent of a speaker mention),
:mod:`.attribution` (who said it when the cue has no subject
of its own), :mod:`.candidates`, :mod:`.features` and :mod:`.model` (who said it as a choice among the rules'
candidates; :mod:`.learn` trains it), :mod:`.engine` (the pass over the cues), :mod:`.coref` (which mentions are
one speaker; registry) and :mod:`.layer` (the suggestion layer). No rule lists names or phrases of particular
articles.
"""

from __future__ import annotations

from typing import Iterable

from ..jsonl import export_record
from ..memory import paused_gc
from ..model import Document, Entity
from ..schema import DEFAULT_SCHEMA
from .engine import analyse
from .layer import ENGINE, Suggestions, build
from .model import RULES, Model, default_model
from .kinds import quote_type

__all__ = ["Suggestions", "suggest_document", "suggest_many", "export_line", "ENGINE", "Model", "RULES",
           "default_model", "quote_type"]


def suggest_document(doc: Document, registry: Iterable[Entity] = (), model: Model | None = None) -> Suggestions:
    """Suggested quotes (with speaker, cue and date), speakers and dates for ``doc``; see the module docstring.
    ``model`` chooses each speaker among the rules' candidates: the default model when None, :data:`RULES` for
    the rules alone, or a project's own (:mod:`.learn`)."""
    model = default_model() if model is None else model
    with paused_gc():
        ctx, records = analyse(doc, model)
        out = build(ctx, records, registry, None if model.rules_only else model.name)
        del ctx, records  # freed before collection resumes: the first collection walks only what is kept
    return out


def _one(args: tuple[Document, tuple[Entity, ...], Model | None]) -> Suggestions:
    doc, registry, model = args
    return suggest_document(doc, registry, model)


def suggest_many(docs: Iterable[Document], registry: Iterable[Entity] = (), workers: int = 2,
                 chunksize: int = 64, model: Model | None = None) -> list[Suggestions]:
    """Suggestions for many documents, in ``workers`` processes (1: in this process), in input order.

    Workers are *spawned*, not forked: the caller may be a Qt application with threads, which ``fork`` would
    copy in an undefined state. Entities created for different documents are independent (each document's
    speakers get document-scoped ids); pass the project registry to reuse its entities everywhere."""
    docs = list(docs)
    registry = tuple(registry)
    if workers <= 1 or len(docs) < 2 * chunksize:
        return [suggest_document(doc, registry, model) for doc in docs]
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        return pool.map(_one, [(doc, registry, model) for doc in docs], chunksize=chunksize)


def export_line(doc: Document, suggestions: Suggestions, registry: Iterable[Entity] = ()) -> dict:
    """The ``qawl-export/1`` line of ``doc`` with its suggestion layer and the speakers it uses (created ones and
    registry ones), ready for ``orjson.dumps``."""
    entities = {e.id: e for e in registry}
    entities.update((e.id, e) for e in suggestions.entities)
    return export_record(doc, suggestions.layer, entities, DEFAULT_SCHEMA.name)

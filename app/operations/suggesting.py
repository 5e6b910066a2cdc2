"""Suggesting the project: run the suggestion engine over a project's documents and store its suggestion layer.

One implementation for ``qawl suggest`` and the window's Document ▸ Suggest (which reaches it through
``ProjectApi.suggest``). Every document asked for is suggested first, then stored in ONE transaction (the write lock
is held only while storing), so an error or a Cancel leaves the project exactly as it was; suggestions someone has already accepted or rejected are kept as they
are (:meth:`app.store.Store.put_suggestions`). The check-worthy claims (:mod:`app.core.claims.suggest`) go into the
same suggestion layer.

**Learning.** With ``learn=True`` the speaker model is first retrained from the project's own annotations
(:func:`learn_project`): every gold layer, every other finished (``done``) layer where there is no gold, and the
decisions annotators made on suggestions of documents nobody has finished (an accepted quote's speaker is right, a
rejected speaker is wrong). Training starts from the default model and keeps it unless the project's model beats it
in a cross-validation over the project's documents. The model is stored in the project (``qawl_meta``, key
``suggest_model``) and used by every later run, also without ``learn``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ..core.errors import Cancelled, QawlError
from ..core.model import GOLD, SUGGESTIONS, Status
from ..core.claims.suggest import with_claims
from ..core.suggest import Model, Suggestions, default_model, suggest_document, suggest_many
from ..core.suggest.learn import Truth, fit, truth_of_decisions, truth_of_layer

Progress = Callable[[int, int], None]

# Documents suggested between two progress reports when worker processes are used (a pool is worth starting for
# a batch, not for one document).
_BATCH = 500
MODEL_KEY = "suggest_model"


@dataclass(frozen=True)
class SuggestReport:
    """What a suggestion run did: documents suggested, spans added, decided suggestions kept, seconds taken."""

    documents: int
    added: int
    kept: int
    seconds: float
    model: str  # the model that chose the speakers (its name: default/20, project/N)
    learned: dict | None = None  # what learning found (documents, examples, cross-validation, which was kept)


def suggest_project(store, doc_ids: Sequence[str] | None = None, *, workers: int = 1, actor: str | None = None,
                    learn: bool = False, progress: Progress | None = None,
                    cancel: Callable[[], bool] | None = None) -> SuggestReport:
    """Suggest every document of ``store`` (or ``doc_ids``) and store the suggestions in one transaction; with
    ``learn``, retrain the project's speaker model first (:func:`learn_project`, in the same transaction).

    ``workers`` > 1 runs the engine in that many processes (batches of documents, progress after each batch);
    otherwise documents are suggested one by one, with progress and a ``cancel`` check after each. A document id
    the project does not have is an error (nothing is changed); a cancelled run raises :class:`Cancelled`."""
    started = time.perf_counter()
    ids = list(doc_ids) if doc_ids else store.document_ids()
    for doc_id in ids:
        if not store.has_document(doc_id):
            raise QawlError(f"no document {doc_id!r} in this project", field="--doc")
    # Learning and suggesting are computed first; only storing them holds the project's write lock (ONE short
    # transaction), so the window's edits and other commands are not kept waiting while the rules run.
    learned = None
    if learn:
        model = fit_project(store, cancel=cancel)
        learned = dict(model.trained_on.get("refit") or model.trained_on)
    else:
        model = project_model(store)
    found = _suggest(store, ids, model, workers, progress, cancel)
    with store.atomic():  # the model and the suggestions it made, or neither
        if learn:
            store.set_meta(MODEL_KEY, json.dumps(model.to_json(), ensure_ascii=False))
        added = kept = 0
        for result in found:
            k, a = store.put_suggestions(result.doc_id, result.layer, result.entities)
            kept, added = kept + k, added + a
        store.record_event("suggest", f"Suggestions for {len(ids)} documents",
                           {"documents": len(ids), "added": added, "kept_decided": kept, "model": model.name,
                            **({"learned": learned} if learned else {})},
                           actor=actor, doc_id=ids[0] if len(ids) == 1 else None)
    return SuggestReport(len(ids), added, kept, time.perf_counter() - started, model.name, learned)


def _suggest(store, ids: list[str], model: Model, workers: int, progress: Progress | None,
             cancel: Callable[[], bool] | None) -> list[Suggestions]:
    registry = list(store.entities().values())
    step = _BATCH if workers > 1 else 1
    found: list[Suggestions] = []
    for at in range(0, len(ids), step):
        if cancel is not None and cancel():
            raise Cancelled()
        docs = [store.document(i) for i in ids[at:at + step]]
        results = suggest_many(docs, registry, workers=workers, model=model) if step > 1 else \
            [suggest_document(docs[0], registry, model)]
        found.extend(with_claim_suggestions(doc, result) for doc, result in zip(docs, results))
        if progress is not None:
            progress(min(at + step, len(ids)), len(ids))
    return found


def with_claim_suggestions(doc, suggestions: Suggestions) -> Suggestions:
    """The engine's suggestions with the check-worthiness suggestions (CLAIM) in the same layer."""
    return replace(suggestions, layer=with_claims(doc, suggestions.layer))


# --- the project's speaker model -------------------------------------------------------------------------------

def project_model(store) -> Model:
    """The speaker model the project learned (``qawl suggest --learn``), else the default model."""
    text = store.meta(MODEL_KEY)
    return Model.loads(text, f"{MODEL_KEY} of this project") if text else default_model()


def project_truths(store, cancel: Callable[[], bool] | None = None) -> list[Truth]:
    """What the project's annotations say about who said what: its gold layers; where a document has no gold, its
    finished layers; where nobody finished it, the decisions made on its suggestions."""
    truths: list[Truth] = []
    for doc_id in store.document_ids():
        if cancel is not None and cancel():
            raise Cancelled()
        layers = {layer.annotator: layer for layer in store.layers(doc_id)}
        gold = layers.get(GOLD)
        done = [layer for name, layer in sorted(layers.items())
                if name not in (GOLD, SUGGESTIONS) and layer.status == Status.DONE.value]
        if not (gold and not gold.empty) and not done and SUGGESTIONS not in layers:
            continue
        doc = store.document(doc_id)
        if gold is not None and not gold.empty:
            truths.append(truth_of_layer(doc, gold))
        elif done:
            truths += [truth_of_layer(doc, layer) for layer in done]
        else:
            decided = truth_of_decisions(doc, layers[SUGGESTIONS])
            if decided.quotes:
                truths.append(decided)
    return truths


def fit_project(store, cancel: Callable[[], bool] | None = None) -> Model:
    """The speaker model the project's annotations train (see :func:`learn_project`), not stored."""
    truths = [t for t in project_truths(store, cancel) if t.quotes]
    base = default_model()
    documents = len({t.doc.id for t in truths})
    return fit(truths, f"project/{documents}", f"{documents} annotated documents of this project", base=base)

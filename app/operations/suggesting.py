"""Suggesting the project: run the suggestion engine over a project's documents and store its suggestion layer.

One implementation for ``qawl suggest`` and the window's Document ▸ Suggest (which reaches it through
``ProjectApi.suggest``). Every document asked for is suggested and stored in ONE transaction, so an error or a
Cancel leaves the project exactly as it was; suggestions someone has already accepted or rejected are kept as they
are (:meth:`app.store.Store.put_suggestions`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Sequence

from ..core.errors import Cancelled, QawlError
from ..core.suggest import suggest_document, suggest_many

Progress = Callable[[int, int], None]

# Documents suggested between two progress reports when worker processes are used (a pool is worth starting for
# a batch, not for one document).
_BATCH = 500


@dataclass(frozen=True)
class SuggestReport:
    """What a suggestion run did: documents suggested, spans added, decided suggestions kept, seconds taken."""

    documents: int
    added: int
    kept: int
    seconds: float


def suggest_project(store, doc_ids: Sequence[str] | None = None, *, workers: int = 1, actor: str | None = None,
                    progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> SuggestReport:
    """Suggest every document of ``store`` (or ``doc_ids``) and store the suggestions in one transaction.

    ``workers`` > 1 runs the engine in that many processes (batches of documents, progress after each batch);
    otherwise documents are suggested one by one, with progress and a ``cancel`` check after each. A document id
    the project does not have is an error (nothing is changed); a cancelled run raises :class:`Cancelled`."""
    started = time.perf_counter()
    ids = list(doc_ids) if doc_ids else store.document_ids()
    for doc_id in ids:
        if not store.has_document(doc_id):
            raise QawlError(f"no document {doc_id!r} in this project", field="--doc")
    registry = list(store.entities().values())
    step = _BATCH if workers > 1 else 1
    added = kept = 0
    with store.atomic():  # all documents or none
        for at in range(0, len(ids), step):
            if cancel is not None and cancel():
                raise Cancelled()
            docs = [store.document(i) for i in ids[at:at + step]]
            results = suggest_many(docs, registry, workers=workers) if step > 1 else \
                [suggest_document(docs[0], registry)]
            for result in results:
                k, a = store.put_suggestions(result.doc_id, result.layer, result.entities)
                kept, added = kept + k, added + a
            if progress is not None:
                progress(min(at + step, len(ids)), len(ids))
        store.record_event("suggest", f"Suggestions for {len(ids)} documents",
                           {"documents": len(ids), "added": added, "kept_decided": kept}, actor=actor,
                           doc_id=ids[0] if len(ids) == 1 else None)
    return SuggestReport(len(ids), added, kept, time.perf_counter() - started)

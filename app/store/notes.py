"""Notes in the store: the annotator's note on a document (``layers.note`` / ``layers.discuss``, a change like any
other) and the project's notes for the Notes sidebar (spans' ``note`` / ``discuss`` attributes, found through a
partial index, so listing them does not read every span)."""

from __future__ import annotations

from ..core.notes import NoteEntry, discussed, has_note, note_of
from .file import Part
from .rows import matching, span_of_row as _span

# The spans that carry a note or a flag (the same condition as the partial index spans_noted of migration 011).
NOTED = "(json_extract(attrs, '$.note') IS NOT NULL OR json_extract(attrs, '$.discuss') IS NOT NULL)"


class Notes(Part):
    """Reading notes: the annotator's note on a document, the project's notes (the change of a document's note
    is the change target's: :meth:`~app.store.editing.ChangeTarget.set_layer_note`)."""

    def layer_note(self, doc_id: str, annotator: str) -> tuple[str, bool]:
        row = self.conn.execute("SELECT note, discuss FROM layers WHERE doc_id = ? AND annotator = ?",
                                [doc_id, annotator]).fetchone()
        return (row[0], bool(row[1])) if row else ("", False)

    def notes(self, *, annotator: str | None = None, doc_id: str | None = None) -> list[NoteEntry]:
        """Every note of the project (or of one annotator, or one document): on documents and on spans, in
        import order of the documents and text order within each."""
        cond, args = matching(("annotator", annotator), ("doc_id", doc_id))
        order = {r[0]: r[1] for r in self.conn.execute("SELECT id, rowid FROM documents")} if doc_id is None else {}
        out: list[NoteEntry] = []
        for d, who, note, flag in self.conn.execute(
                f"SELECT doc_id, annotator, note, discuss FROM layers WHERE (note != '' OR discuss != 0){cond}", args):
            out.append(NoteEntry(d, who, note, bool(flag)))
        for row in self.conn.execute(
                "SELECT doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, created, "
                f"updated FROM spans WHERE {NOTED}{cond}", args):
            span = _span(row[2:])
            if has_note(span):
                out.append(NoteEntry(row[0], row[1], note_of(span), discussed(span), span))
        out.sort(key=lambda e: (order.get(e.doc_id, 0), e.doc_id, e.position, e.annotator))
        return out

"""Where the team stands: the counts of ``qawl stats`` and the figures of the project overview (one function, so
the window and the command line never disagree).

- per annotator (people: not the suggestion layer, not gold): documents done, in progress and to do (documents
  they never opened count as to do), and annotations per label;
- suggestions: how many the suggester made, how many nobody has decided yet, and each annotator's accepted and
  rejected (decisions are kept on the suggestion, ``provenance.decisions``);
- review: documents with two or more annotators' layers (those a reviewer compares) and the gold layer's status
  on them (a document with gold but one annotator counts too);
- notes: documents and annotations with a note or a "needs discussion" flag, and how many are flagged.
"""

from __future__ import annotations

from ..core.model import GOLD, SUGGESTIONS, STATUSES
from .file import Part, ProjectFile
from .notes import NOTED
from .reads import Reads

_PEOPLE = f"annotator NOT IN ('{SUGGESTIONS}', '{GOLD}')"


class Statistics(Part):
    """The figures of ``qawl stats`` and the project overview; the annotators come from ``reads``."""

    def __init__(self, file: ProjectFile, reads: Reads) -> None:
        super().__init__(file)
        self.reads = reads

    def stats(self) -> dict:
        """Counts for ``qawl stats``. Annotation counts are of people's layers; unreviewed suggestions are
        counted apart (``suggestions_by_label``); ``progress`` holds the project overview's figures (see
        :mod:`.progress`). All from one snapshot of the project; plain SQL on the connection: the window asks too,
        and starts without sqlite-utils."""
        with self.snapshot():
            return self._stats()

    def _stats(self) -> dict:
        q = self.conn.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "characters": q("SELECT coalesce(sum(chars), 0) FROM documents").fetchone()[0],
            "annotators": self.reads.annotators(),
            "speakers": q("SELECT count(*) FROM entities").fetchone()[0],
            "spans_by_label": dict(q("SELECT label, count(*) FROM spans WHERE annotator != 'suggestions' "
                                     "GROUP BY label ORDER BY label").fetchall()),
            "relations_by_type": dict(q("SELECT type, count(*) FROM relations WHERE annotator != 'suggestions' "
                                        "GROUP BY type ORDER BY type").fetchall()),
            "suggestions_by_label": dict(q("SELECT label, count(*) FROM spans WHERE annotator = 'suggestions' "
                                           "GROUP BY label ORDER BY label").fetchall()),
            "spans_by_annotator": dict(q("SELECT annotator, count(*) FROM spans GROUP BY annotator "
                                         "ORDER BY annotator").fetchall()),
            "spans_by_origin": dict(q("SELECT origin, count(*) FROM spans GROUP BY origin ORDER BY origin")
                                    .fetchall()),
            "layers_by_status": dict(q("SELECT status, count(*) FROM layers GROUP BY status ORDER BY status")
                                     .fetchall()),
            "layers_by_annotator_status": [
                {"annotator": a, "status": s, "documents": n} for a, s, n in
                q("SELECT annotator, status, count(*) FROM layers GROUP BY annotator, status "
                  "ORDER BY annotator, status")],
            "documents_not_started": q("SELECT count(*) FROM documents WHERE id NOT IN "
                                       "(SELECT doc_id FROM layers WHERE annotator != 'suggestions')").fetchone()[0],
            "changes": q("SELECT count(*) FROM changes").fetchone()[0],
            "progress": self.progress(),
        }




    def progress(self) -> dict:
        q = self.conn.execute
        total = q("SELECT count(*) FROM documents").fetchone()[0]
        people = [r[0] for r in q(f"SELECT DISTINCT annotator FROM layers WHERE {_PEOPLE} ORDER BY annotator")]
        by_status: dict[str, dict[str, int]] = {who: {s: 0 for s in STATUSES} for who in people}
        for who, status, n in q(f"SELECT annotator, status, count(*) FROM layers WHERE {_PEOPLE} "
                                "GROUP BY annotator, status"):
            by_status[who][status] = n
        for counts in by_status.values():
            counts["todo"] = total - counts["in_progress"] - counts["done"]
        labels: dict[str, dict[str, int]] = {}
        for who, label, n in q(f"SELECT annotator, label, count(*) FROM spans WHERE annotator != '{SUGGESTIONS}' "
                               "GROUP BY annotator, label ORDER BY annotator, label"):
            labels.setdefault(who, {})[label] = n
        suggested = q(f"SELECT count(*) FROM spans WHERE annotator = '{SUGGESTIONS}'").fetchone()[0]
        undecided = q(f"SELECT count(*) FROM spans WHERE annotator = '{SUGGESTIONS}' AND "
                      "json_extract(provenance, '$.decisions') IS NULL").fetchone()[0]
        decisions: dict[str, dict[str, int]] = {}
        for who, verdict, n in q(
                f"SELECT d.key, d.value, count(*) FROM spans s, json_each(s.provenance, '$.decisions') d "
                f"WHERE s.annotator = '{SUGGESTIONS}' AND json_extract(s.provenance, '$.decisions') IS NOT NULL "
                "GROUP BY d.key, d.value ORDER BY d.key"):
            decisions.setdefault(who, {"accepted": 0, "rejected": 0})[str(verdict)] = n
        compared = q(f"SELECT count(*) FROM (SELECT doc_id FROM layers WHERE {_PEOPLE} GROUP BY doc_id "
                     f"HAVING count(*) >= 2 UNION SELECT doc_id FROM layers WHERE annotator = '{GOLD}')"
                     ).fetchone()[0]
        gold = dict.fromkeys(STATUSES, 0)
        for status, n in q(f"SELECT status, count(*) FROM layers WHERE annotator = '{GOLD}' GROUP BY status"):
            gold[status] = n
        gold["todo"] = compared - gold["in_progress"] - gold["done"]
        doc_notes, doc_flags = q("SELECT count(*) FILTER (WHERE note != '' OR discuss != 0), "
                                 "count(*) FILTER (WHERE discuss != 0) FROM layers").fetchone()
        span_notes, span_flags = q(
            "SELECT count(*) FILTER (WHERE coalesce(json_extract(attrs, '$.note'), '') != '' OR "
            "json_extract(attrs, '$.discuss') = 1), "
            f"count(*) FILTER (WHERE json_extract(attrs, '$.discuss') = 1) FROM spans WHERE {NOTED}").fetchone()
        return {
            "documents": total,
            "documents_by_annotator": by_status,
            "labels_by_annotator": labels,
            "suggestions": {"spans": suggested, "undecided": undecided, "decisions_by_annotator": decisions},
            "review": {"documents": compared, **gold},
            "notes": {"on_documents": doc_notes, "on_annotations": span_notes,
                      "needs_discussion": doc_flags + span_flags},
        }

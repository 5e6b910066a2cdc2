"""Where the team stands: the figures of the project overview and of ``qawl stats`` (one function, so the window
and the command line never disagree).

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
from .notes import NOTED

_PEOPLE = f"annotator NOT IN ('{SUGGESTIONS}', '{GOLD}')"


class ProgressMixin:

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

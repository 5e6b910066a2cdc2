"""Building gold: every decision is one undoable batch of changes; gold records where each annotation came from."""

from __future__ import annotations

import pytest

from app.core.review.adjudicate import accept, accept_all_agreed, accept_edited, reject, set_review_status
from app.core.changes import Change
from app.core.workspace import Workspace
from app.core.review.diff import differences
from app.core.errors import QawlError
from app.core.jsonl import export_record, make_document, parse_record
from app.core.model import GOLD, Layer, Relation, Span
from app.core.schema import DEFAULT_SCHEMA

# one 0-3, two 4-7, three 8-13, four 14-18, five 19-23, six 24-27, seven 28-33, eight 34-39, nine 40-44, ten 45-48
TEXT = "one two three four five six seven eight nine ten"
NOW = "2024-01-25T10:00:00+00:00"


def sp(label, start, end, id, **kw) -> Span:
    return Span.of(TEXT, label, start, end, id=id, **kw)


def layers() -> tuple[Layer, Layer]:
    a = Layer("d", "A", spans=[sp("QUOTE", 0, 13, "qa", attrs={"type": "direct"}),
                               sp("SPEAKER", 40, 44, "sa", attrs={"entity": "e1"}), sp("CUE", 14, 18, "ca")],
              relations=[Relation("ra1", "SAID_BY", "qa", "sa"), Relation("ra2", "CUE", "qa", "ca")])
    b = Layer("d", "B", spans=[sp("QUOTE", 0, 7, "qb", attrs={"type": "direct"}),
                               sp("SPEAKER", 40, 44, "sb", attrs={"entity": "e1"}), sp("CUE", 14, 18, "cb"),
                               sp("CLAIM", 19, 33, "xb")],
              relations=[Relation("rb1", "SAID_BY", "qb", "sb"), Relation("rb2", "CUE", "qb", "cb")])
    return a, b


class Review:
    """A reviewer's session in miniature: a workspace, the annotators' layers and the changes applied."""

    def __init__(self) -> None:
        self.a, self.b = layers()
        self.space = Workspace([self.a, self.b])
        self.applied: list[Change] = []

    @property
    def gold(self) -> Layer | None:
        return self.space.layers.get(("d", GOLD))

    def diffs(self):
        return differences(TEXT, [self.a, self.b])

    def diff(self, label):
        return next(d for d in self.diffs() if d.label == label or label in d.labels)

    def do(self, change: Change) -> Change:
        change.apply(self.space)
        self.applied.append(change)
        return change

    def undo(self) -> None:
        self.applied.pop().inverse().apply(self.space)

    def gold_spans(self):
        return [(s.label, s.start, s.end) for s in self.gold.sorted_spans()] if self.gold else []

    def gold_relations(self):
        g = self.gold
        return sorted((r.type, g.spans[r.head].label, g.spans[r.tail].label) for r in g.relations.values())


@pytest.fixture
def review():
    return Review()


def test_accepting_one_side_puts_that_version_in_gold_with_its_provenance(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "B", by="rev", now=NOW))
    assert review.gold_spans() == [("QUOTE", 0, 7)]
    span = review.gold.sorted_spans()[0]
    assert span.text == TEXT[0:7] and span.attrs == {"type": "direct"}
    assert span.provenance == {"from": ["B"], "source_ids": {"B": "qb"}, "adjudicated_by": "rev",
                               "adjudicated_at": NOW}
    assert span.id not in ("qa", "qb")  # gold has its own ids
    assert review.gold.status == "in_progress"  # the first decision starts the review


def test_undo_of_a_decision_restores_gold_exactly(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("CUE"), "A", by="rev", now=NOW))
    before = review.gold.copy()
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "A", by="rev", now=NOW))
    review.undo()
    assert review.gold == before
    review.undo()
    assert review.gold.empty and review.gold.status == "todo"


def test_relations_are_copied_once_both_ends_are_in_gold_whatever_the_order(review):
    r1 = Review()
    for label in ("QUOTE", "SPEAKER", "CUE"):
        r1.do(accept(r1.gold, [r1.a, r1.b], r1.diff(label), "A", by="rev", now=NOW))
    r2 = Review()
    for label in ("CUE", "SPEAKER", "QUOTE"):
        r2.do(accept(r2.gold, [r2.a, r2.b], r2.diff(label), "A", by="rev", now=NOW))
    assert r1.gold_relations() == r2.gold_relations() == [("CUE", "QUOTE", "CUE"), ("SAID_BY", "QUOTE", "SPEAKER")]
    rel = next(r for r in r1.gold.relations.values() if r.type == "SAID_BY")
    assert rel.provenance["from"] == ["A"] and rel.provenance["adjudicated_by"] == "rev"


def test_a_quote_alone_brings_no_relation_along(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "A", by="rev", now=NOW))
    assert review.gold_relations() == []


def test_a_relation_records_the_annotators_it_was_copied_from(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("SPEAKER"), ["A", "B"], by="rev", now=NOW))
    # B's quote (0..7) into gold: its SAID_BY reaches the gold speaker, which came from both A and B
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "B", by="rev", now=NOW))
    speaker = next(s for s in review.gold.spans.values() if s.label == "SPEAKER")
    assert speaker.provenance["from"] == ["A", "B"]
    said_by = next(r for r in review.gold.relations.values() if r.type == "SAID_BY")
    assert said_by.provenance["from"] == ["B"] and said_by.provenance["source_ids"] == {"B": "rb1"}


def test_a_relation_both_annotators_have_is_copied_once_from_both(review):
    qb = review.b.spans["qb"]
    review.b.replace_span(qb.with_range(TEXT, 0, 13))  # B now agrees on the quote
    review.do(accept_all_agreed(review.gold, [review.a, review.b], TEXT, by="rev", now=NOW))
    assert review.gold_relations() == [("CUE", "QUOTE", "CUE"), ("SAID_BY", "QUOTE", "SPEAKER")]
    for rel in review.gold.relations.values():
        assert rel.provenance["from"] == ["A", "B"]


def test_deciding_again_replaces_the_earlier_decision(review):
    diff = review.diff("QUOTE")
    review.do(accept(review.gold, [review.a, review.b], diff, "A", by="rev", now=NOW))
    review.do(accept(review.gold, [review.a, review.b], diff, "B", by="rev", now=NOW))
    assert review.gold_spans() == [("QUOTE", 0, 7)]


def test_accept_both_keeps_each_distinct_version(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), ["A", "B"], by="rev", now=NOW))
    assert review.gold_spans() == [("QUOTE", 0, 13), ("QUOTE", 0, 7)]
    # the same version from both annotators is one gold span
    review.do(accept(review.gold, [review.a, review.b], review.diff("CUE"), ["A", "B"], by="rev", now=NOW))
    cue = [s for s in review.gold.spans.values() if s.label == "CUE"]
    assert len(cue) == 1 and cue[0].provenance["from"] == ["A", "B"]
    assert cue[0].provenance["source_ids"] == {"A": "ca", "B": "cb"}


def test_accepting_one_side_credits_every_annotator_with_that_exact_version(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("CUE"), "A", by="rev", now=NOW))
    assert review.gold.sorted_spans()[0].provenance["from"] == ["A", "B"]


def test_accept_edited_takes_the_reviewers_version(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("SPEAKER"), "A", by="rev", now=NOW))
    edited = Span.of(TEXT, "QUOTE", 4, 13, attrs={"type": "indirect"})
    review.do(accept_edited(review.gold, [review.a, review.b], review.diff("QUOTE"), edited, text=TEXT, by="rev",
                            based_on="A", now=NOW))
    quote = next(s for s in review.gold.spans.values() if s.label == "QUOTE")
    assert (quote.start, quote.end, quote.attrs) == (4, 13, {"type": "indirect"})
    assert quote.provenance["edited"] is True and quote.provenance["from"] == ["A"]
    assert review.gold_relations() == [("SAID_BY", "QUOTE", "SPEAKER")]  # A's link came along
    # the edited span is still the counterpart of A's quote: accepting A's CUE now links it too
    review.do(accept(review.gold, [review.a, review.b], review.diff("CUE"), "A", by="rev", now=NOW))
    assert ("CUE", "QUOTE", "CUE") in review.gold_relations()


def test_accept_edited_refuses_a_span_that_does_not_fit_the_text(review):
    bad = Span("x", "QUOTE", 0, 3, "ONE")
    with pytest.raises(QawlError, match="does not match"):
        accept_edited(review.gold, [review.a, review.b], review.diff("QUOTE"), bad, text=TEXT, by="rev")


def test_reject_removes_what_gold_held_for_the_difference(review):
    diff = review.diff("CLAIM")
    review.do(accept(review.gold, [review.a, review.b], diff, "B", by="rev", now=NOW))
    assert review.gold_spans() == [("CLAIM", 19, 33)]
    review.do(reject(review.gold, [review.a, review.b], diff, by="rev"))
    assert review.gold_spans() == []


def test_reject_with_nothing_in_gold_changes_nothing(review):
    batch = reject(review.gold, [review.a, review.b], review.diff("CLAIM"), by="rev")
    assert batch.changes == ()


def test_accept_all_agreed_takes_every_same_difference_with_its_links(review):
    review.do(accept_all_agreed(review.gold, [review.a, review.b], TEXT, by="rev", now=NOW))
    # agreed: SPEAKER 40-44 and CUE 14-18; the QUOTE boundary and B's CLAIM wait for a decision
    assert review.gold_spans() == [("CUE", 14, 18), ("SPEAKER", 40, 44)]
    assert review.gold_relations() == []  # the quote is not in gold yet
    assert all(s.provenance["from"] == ["A", "B"] for s in review.gold.spans.values())
    again = accept_all_agreed(review.gold, [review.a, review.b], TEXT, by="rev", now=NOW)
    assert again.changes == ()  # running it twice changes nothing
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "A", by="rev", now=NOW))
    assert review.gold_relations() == [("CUE", "QUOTE", "CUE"), ("SAID_BY", "QUOTE", "SPEAKER")]


def test_a_stale_difference_is_refused(review):
    diff = review.diff("QUOTE")
    review.a.remove_span("qa")
    with pytest.raises(QawlError, match="compute the differences again"):
        accept(review.gold, [review.a, review.b], diff, "A", by="rev")


def test_accepting_a_side_that_has_nothing_there_is_refused(review):
    with pytest.raises(QawlError, match="nothing here"):
        accept(review.gold, [review.a, review.b], review.diff("CLAIM"), "A", by="rev")


def test_gold_is_a_normal_layer_that_checks_and_exports(review):
    review.do(accept_all_agreed(review.gold, [review.a, review.b], TEXT, by="rev", now=NOW))
    review.do(accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "A", by="rev", now=NOW))
    review.do(set_review_status(review.gold, "d", "done"))
    gold = review.gold
    DEFAULT_SCHEMA.check_layer(gold)
    gold.check_against(TEXT)
    doc = make_document(TEXT, id="d")
    record = parse_record(export_record(doc, gold, {}, DEFAULT_SCHEMA.name))
    assert record.layer == gold and record.layer.annotator == GOLD and record.layer.status == "done"


def test_decisions_serialise_like_every_other_change(review):
    batch = accept(review.gold, [review.a, review.b], review.diff("QUOTE"), "A", by="rev", now=NOW)
    assert Change.from_dict(batch.to_dict()) == batch
    assert batch.annotator == GOLD and batch.doc_id == "d"
    assert batch.describe().startswith("Accept A's QUOTE")


def test_set_review_status_validates_the_status(review):
    with pytest.raises(QawlError, match="must be one of"):
        set_review_status(None, "d", "finished")
    change = set_review_status(None, "d", "done")
    assert (change.before, change.after, change.annotator) == ("todo", "done", GOLD)


def test_accept_all_agreed_refuses_stale_differences_passed_in(review):
    diffs = review.diffs()
    review.a.remove_span("ca")
    with pytest.raises(QawlError, match="compute the differences again"):
        accept_all_agreed(review.gold, [review.a, review.b], TEXT, by="rev", diffs=diffs)


def test_gold_passed_among_the_annotators_layers_is_refused(review):
    review.do(accept(review.gold, [review.a, review.b], review.diff("CUE"), "A", by="rev", now=NOW))
    with pytest.raises(QawlError, match="pass it as gold"):
        accept(review.gold, [review.a, review.b, review.gold], review.diff("QUOTE"), "A", by="rev")

"""The review view's pure decisions: whose layers are compared, what gold holds for a difference, edited versions."""

from __future__ import annotations

import pytest

from app.core.review.adjudicate import accept, accept_edited
from app.core.workspace import Workspace
from app.core.review.diff import differences
from app.core.errors import QawlError
from app.core.model import GOLD, Layer, Span
from app.core.review.gold import (compared_annotators, counterparts, default_base, edited_version, gold_state,
                                  gold_states,
                                  holds_versions)

# one 0-3, two 4-7, three 8-13, four 14-18, five 19-23, six 24-27
TEXT = "one two three four five six"
NOW = "2024-01-25T10:00:00+00:00"


def sp(label, start, end, id, **kw) -> Span:
    return Span.of(TEXT, label, start, end, id=id, **kw)


@pytest.fixture
def review():
    a = Layer("d", "ali", spans=[sp("QUOTE", 0, 13, "qa", attrs={"type": "direct"}), sp("CUE", 14, 18, "ca")])
    b = Layer("d", "sara", spans=[sp("QUOTE", 0, 7, "qb", attrs={"type": "direct"}), sp("CUE", 14, 18, "cb")])
    space = Workspace([a, b])
    return a, b, space


def gold_of(space) -> Layer | None:
    return space.layers.get(("d", GOLD))


def test_compared_annotators_leave_out_suggestions_gold_and_the_unticked_in_name_order():
    assert compared_annotators(["sara", "gold", "ali", "suggestions", "omar"]) == ["ali", "omar", "sara"]
    assert compared_annotators(["sara", "ali", "ali"], excluded={"sara"}) == ["ali"]
    assert compared_annotators([]) == []


def test_gold_holds_nothing_until_a_version_is_accepted_then_says_whose(review):
    a, b, space = review
    quote = next(d for d in differences(TEXT, [a, b]) if d.label == "QUOTE")
    assert quote.kind == "boundary"
    assert not gold_state(gold_of(space), quote).decided
    assert counterparts(None, quote) == []
    accept(gold_of(space), [a, b], quote, "sara", by="rev", now=NOW).apply(space)
    state = gold_state(gold_of(space), quote)
    assert state.decided and state.sources == ("sara",) and not state.edited and not state.foreign
    assert [(g.start, g.end) for g in state.spans] == [(0, 7)]
    assert holds_versions(gold_of(space), quote, ["sara"])
    assert not holds_versions(gold_of(space), quote, ["ali"])
    assert not holds_versions(gold_of(space), quote, ["ali", "sara"])


def test_an_agreed_difference_in_gold_names_every_annotator_who_has_that_version(review):
    a, b, space = review
    cue = next(d for d in differences(TEXT, [a, b]) if d.label == "CUE")
    assert cue.kind == "same"
    accept(None, [a, b], cue, "ali", by="rev", now=NOW).apply(space)
    assert gold_state(gold_of(space), cue).sources == ("ali", "sara")
    assert holds_versions(gold_of(space), cue, ["sara"])  # the same version: accepting it again changes nothing


def test_an_edited_version_keeps_label_and_attributes_and_is_marked_edited_in_gold(review):
    a, b, space = review
    quote = next(d for d in differences(TEXT, [a, b]) if d.label == "QUOTE")
    version = edited_version(TEXT, a.spans["qa"], 4, 13)
    assert (version.label, version.text, version.attrs) == ("QUOTE", "two three", {"type": "direct"})
    accept_edited(None, [a, b], quote, version, text=TEXT, by="rev", based_on="ali", now=NOW).apply(space)
    state = gold_state(gold_of(space), quote)
    assert state.edited and state.sources == ("ali",)
    assert not holds_versions(gold_of(space), quote, ["ali"])
    with pytest.raises(QawlError, match="empty or outside"):
        edited_version(TEXT, a.spans["qa"], 5, 5)
    with pytest.raises(QawlError, match="outside"):
        edited_version(TEXT, a.spans["qa"], 20, 99)


def test_a_gold_span_made_outside_the_review_counts_as_there_but_foreign(review):
    a, b, space = review
    quote = next(d for d in differences(TEXT, [a, b]) if d.label == "QUOTE")
    gold = Layer("d", GOLD, spans=[sp("QUOTE", 0, 13, "g1", attrs={"type": "direct"})])
    state = gold_state(gold, quote)
    assert state.decided and state.foreign and state.sources == ()


def test_the_edited_version_starts_from_the_preferred_annotator_when_they_have_a_span(review):
    a, b, space = review
    only_a = Layer("d", "ali", spans=[sp("CLAIM", 19, 27, "xa")])
    diff = differences(TEXT, [only_a, Layer("d", "sara")])[0]
    assert default_base(diff, "sara") == "ali"
    assert default_base(diff, None) == "ali"
    quote = next(d for d in differences(TEXT, [a, b]) if d.label == "QUOTE")
    assert default_base(quote, "sara") == "sara"


def test_the_gold_index_finds_what_the_scan_finds(review):
    a, b, space = review
    diffs = differences(TEXT, [a, b])
    accept(None, [a, b], diffs[0], "sara", by="rev", now=NOW).apply(space)
    gold = gold_of(space)
    accept(gold, [a, b], diffs[1], ["ali", "sara"], by="rev", now=NOW).apply(space)
    assert gold_states(gold_of(space), diffs) == [gold_state(gold_of(space), d) for d in diffs]
    assert [s.decided for s in gold_states(gold_of(space), diffs)] == [True, True]
    assert gold_states(None, diffs) == [gold_state(None, d) for d in diffs]

"""Differences between annotators' layers: how spans line up and what kind of difference each place is."""

from __future__ import annotations

import pytest

from app.core.review.diff import Difference, differences, summarise
from app.core.errors import QawlError
from app.core.review.matching import default_entity_key, match_spans, normalise_mention
from app.core.model import Layer, Relation, Span

# one 0-3, two 4-7, three 8-13, four 14-18, five 19-23, six 24-27, seven 28-33, eight 34-39, nine 40-44, ten 45-48
TEXT = "one two three four five six seven eight nine ten"


def sp(label, start, end, id=None, **kw) -> Span:
    return Span.of(TEXT, label, start, end, id=id, **kw)


def layer(name, *spans, relations=()) -> Layer:
    return Layer("d", name, spans=spans, relations=relations)


def only_diff(a: Layer, b: Layer) -> Difference:
    diffs = differences(TEXT, [a, b])
    assert len(diffs) == 1, diffs
    return diffs[0]


def test_same_span_and_label_is_same():
    d = only_diff(layer("A", sp("QUOTE", 0, 13)), layer("B", sp("QUOTE", 0, 13)))
    assert d.kind == "same" and d.agreed
    assert (d.start, d.end, d.label) == (0, 13, "QUOTE")
    assert d.present == ("A", "B") and d.missing == ()


def test_overlapping_spans_of_one_label_are_a_boundary_difference():
    d = only_diff(layer("A", sp("QUOTE", 0, 13)), layer("B", sp("QUOTE", 4, 18)))
    assert d.kind == "boundary"
    assert (d.start, d.end) == (0, 18)  # the hull, for the review view to show
    assert d.span_of("A").text == "one two three" and d.span_of("B").text == "two three four"


def test_same_range_with_another_label_is_a_label_difference():
    d = only_diff(layer("A", sp("QUOTE", 0, 13)), layer("B", sp("CLAIM", 0, 13)))
    assert d.kind == "label" and d.labels == ("QUOTE", "CLAIM") and d.label is None


def test_mostly_overlapping_spans_with_another_label_are_a_label_difference():
    # overlap "two three" = 9 of the longer 13 characters: at least half
    d = only_diff(layer("A", sp("QUOTE", 0, 13)), layer("B", sp("CLAIM", 4, 13)))
    assert d.kind == "label"


def test_a_short_span_inside_a_long_one_of_another_label_is_not_a_relabelling():
    diffs = differences(TEXT, [layer("A", sp("QUOTE", 0, 33)), layer("B", sp("DATE", 4, 7))])
    assert [(d.kind, d.present) for d in diffs] == [("only", ("A",)), ("only", ("B",))]


def test_a_span_only_one_annotator_has_is_only():
    d = only_diff(layer("A", sp("SPEAKER", 40, 44)), layer("B"))
    assert d.kind == "only" and d.present == ("A",) and d.missing == ("B",)
    assert d.span_of("B") is None


def test_pairs_form_greedily_by_larger_overlap():
    # A's "one two three" overlaps B's "one two" (7) and "two three" (9): it pairs with the larger overlap
    diffs = differences(TEXT, [layer("A", sp("QUOTE", 0, 13)), layer("B", sp("QUOTE", 0, 7), sp("QUOTE", 4, 13))])
    kinds = {(d.kind, d.span_of("B").text if d.span_of("B") else None) for d in diffs}
    assert kinds == {("boundary", "two three"), ("only", "one two")}


def test_an_exact_pair_wins_over_a_longer_span_with_the_same_overlap():
    a = layer("A", sp("QUOTE", 0, 13))
    b = layer("B", sp("QUOTE", 0, 18, id="long"), sp("QUOTE", 0, 13, id="exact"))
    diffs = differences(TEXT, [a, b])
    same = [d for d in diffs if d.kind == "same"]
    assert len(same) == 1 and same[0].span_of("B").id == "exact"


def quote_layer(name, speaker_entity="e1", cue=(14, 18), date_value="2024-01-18", type_="direct"):
    spans = [sp("QUOTE", 0, 13, "q", attrs={"type": type_}),
             sp("SPEAKER", 40, 44, "s", attrs={"entity": speaker_entity}),
             sp("CUE", *cue, "c"), sp("DATE", 45, 48, "d", attrs={"value": date_value})]
    rels = [Relation("r1", "SAID_BY", "q", "s"), Relation("r2", "CUE", "q", "c"), Relation("r3", "DATED", "q", "d")]
    return layer(name, *spans, relations=rels)


def by_label(diffs, label):
    return next(d for d in diffs if d.label == label)


@pytest.mark.parametrize("changes, fields", [
    ({"speaker_entity": "e2"}, ("speaker",)),
    ({"cue": (19, 23)}, ("cue",)),
    ({"date_value": "2024-01-19"}, ("date",)),
    ({"type_": "indirect"}, ("type",)),
    ({"speaker_entity": "e2", "type_": "mixed"}, ("speaker", "type")),
])
def test_same_quote_with_another_speaker_cue_date_or_type_is_an_attribution_difference(changes, fields):
    diffs = differences(TEXT, [quote_layer("A"), quote_layer("B", **changes)])
    quote = by_label(diffs, "QUOTE")
    assert quote.kind == "attribution" and quote.fields == fields


def test_attribution_fields_that_agree_leave_the_quote_same():
    diffs = differences(TEXT, [quote_layer("A"), quote_layer("B")])
    assert {d.kind for d in diffs} == {"same"}


def test_cues_that_overlap_are_the_same_cue():
    # "four" vs "four five": a CUE boundary difference, but the quote's cue is the same verb
    diffs = differences(TEXT, [quote_layer("A"), quote_layer("B", cue=(14, 23))])
    assert by_label(diffs, "QUOTE").kind == "same"
    assert by_label(diffs, "CUE").kind == "boundary"


def test_a_speaker_with_another_entity_is_an_attribute_difference_of_the_speaker_too():
    diffs = differences(TEXT, [quote_layer("A"), quote_layer("B", speaker_entity="e2")])
    speaker = by_label(diffs, "SPEAKER")
    assert speaker.kind == "attribution" and speaker.fields == ("entity",)


def test_a_boundary_difference_also_says_when_the_speaker_differs():
    a = quote_layer("A")
    b = Layer("d", "B", spans=[sp("QUOTE", 0, 7, "q"), sp("SPEAKER", 40, 44, "s", attrs={"entity": "e9"})],
              relations=[Relation("r1", "SAID_BY", "q", "s")])
    quote = by_label(differences(TEXT, [a, b]), "QUOTE")
    assert quote.kind == "boundary" and "speaker" in quote.fields


def test_entity_key_lets_the_caller_compare_speakers_by_name():
    names = {"e1": "Flynn", "e7": "flynn"}
    diffs = differences(TEXT, [quote_layer("A"), quote_layer("B", speaker_entity="e7")],
                        entity_key=lambda l, s: names[s.entity].casefold())
    assert {d.kind for d in diffs} == {"same"}


def test_the_default_entity_key_falls_back_to_the_normalised_mention():
    text = "قال السيّدُ أحمد والسيد احمد"
    a = Layer("d", "A", spans=[Span.of(text, "SPEAKER", 4, 16)])
    b = Layer("d", "B", spans=[Span.of(text, "SPEAKER", 18, 28)])
    ka = default_entity_key(a, a.sorted_spans()[0])
    kb = default_entity_key(b, b.sorted_spans()[0])
    assert ka == kb == "text:السيد احمد"
    assert default_entity_key(a, Span.of(text, "SPEAKER", 4, 16, attrs={"entity": "e3"})) == "entity:e3"
    assert normalise_mention("  «Robby  Mook», ") == "robby mook"


def test_differences_are_in_text_order():
    a = layer("A", sp("SPEAKER", 40, 44), sp("QUOTE", 0, 13), sp("CUE", 14, 18))
    b = layer("B", sp("QUOTE", 19, 33), sp("CUE", 14, 18))
    diffs = differences(TEXT, [a, b])
    assert [d.start for d in diffs] == sorted(d.start for d in diffs)
    assert [(d.kind, d.start) for d in diffs] == [("only", 0), ("same", 14), ("only", 19), ("only", 40)]


def test_three_annotators_group_one_span_each_and_say_who_is_missing():
    a = layer("A", sp("QUOTE", 0, 13))
    b = layer("B", sp("QUOTE", 0, 13))
    c = layer("C", sp("SPEAKER", 40, 44))
    diffs = differences(TEXT, [a, b, c])
    quote = by_label(diffs, "QUOTE")
    assert quote.kind == "only" and quote.present == ("A", "B") and quote.missing == ("C",)
    speaker = by_label(diffs, "SPEAKER")
    assert speaker.present == ("C",)


def test_three_annotators_with_one_boundary_variant():
    a = layer("A", sp("QUOTE", 0, 13))
    b = layer("B", sp("QUOTE", 0, 13))
    c = layer("C", sp("QUOTE", 0, 7))
    d, = differences(TEXT, [a, b, c])
    assert d.kind == "boundary" and d.present == ("A", "B", "C")


def test_a_group_never_holds_two_spans_of_one_annotator():
    a = layer("A", sp("QUOTE", 0, 13))
    b = layer("B", sp("QUOTE", 0, 7), sp("QUOTE", 8, 13))
    c = layer("C", sp("QUOTE", 0, 13))
    diffs = differences(TEXT, [a, b, c])
    for d in diffs:
        assert len(d.present) == len(set(d.present))
    assert sum(1 for d in diffs for s in d.spans if s is not None) == 4


def test_summarise_counts_every_kind():
    diffs = differences(TEXT, [quote_layer("A"), quote_layer("B", speaker_entity="e2")])
    assert summarise(diffs) == {"same": 2, "boundary": 0, "label": 0, "only": 0, "attribution": 2}


def test_layers_must_be_of_one_document_with_distinct_annotators_and_fit_the_text():
    with pytest.raises(QawlError, match="same annotator"):
        differences(TEXT, [layer("A"), layer("A")])
    with pytest.raises(QawlError, match="different documents"):
        differences(TEXT, [layer("A"), Layer("other", "B")])
    with pytest.raises(QawlError, match=r"layers\[B\]\.spans\[.*past the end"):
        differences("one two", [layer("A"), layer("B", sp("QUOTE", 8, 13))])


def test_span_of_an_unknown_annotator_is_an_error():
    d = only_diff(layer("A", sp("QUOTE", 0, 13)), layer("B"))
    with pytest.raises(QawlError, match="not one of"):
        d.span_of("Z")


def test_match_spans_pairs_exactly_or_by_overlap():
    a = [sp("QUOTE", 0, 13), sp("CUE", 14, 18)]
    b = [sp("QUOTE", 4, 13), sp("CUE", 14, 18), sp("SPEAKER", 40, 44)]
    assert [(x.text, y.text) for x, y in match_spans(a, b)] == [("one two three", "two three"), ("four", "four")]
    assert [(x.text, y.text) for x, y in match_spans(a, b, exact=True)] == [("four", "four")]

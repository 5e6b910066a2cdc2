"""Agreement figures on small cases computed by hand (the arithmetic is written next to each assertion)."""

from __future__ import annotations

import pytest

from app.core.review.agreement import SpanMatch, agreement_report
from app.core.review.units import (Coincidence, Confusion, add_coincidences, count_units, tally, token_end,
                                   token_start, tokens)
from app.core.errors import QawlError
from app.core.model import GOLD, SUGGESTIONS, Document, Layer, Relation, Span

# positions: one 0-3, two 4-7, three 8-13, four 14-18, five 19-23, six 24-27, seven 28-33, eight 34-39,
# nine 40-44, ten 45-48. 48 characters, 9 spaces: 39 character units, 10 token units.
TEXT = "one two three four five six seven eight nine ten"


def sp(label: str, start: int, end: int, text: str = TEXT, **kw) -> Span:
    return Span.of(text, label, start, end, **kw)


def two_layers() -> tuple[Layer, Layer]:
    a = Layer("d", "A", spans=[sp("QUOTE", 0, 13), sp("QUOTE", 19, 33), sp("SPEAKER", 40, 44)])
    b = Layer("d", "B", spans=[sp("QUOTE", 0, 13), sp("QUOTE", 24, 39), sp("SPEAKER", 45, 48),
                               sp("CUE", 14, 18)])
    return a, b


@pytest.fixture
def pair():
    a, b = two_layers()
    return agreement_report([(TEXT, [a, b])]).pair("A", "B")


def test_exact_f1_counts_only_same_label_and_same_range(pair):
    # QUOTE: "one two three" is in both; "five six seven" / "six seven eight" differ -> 1 of 2 each.
    q = pair.labels["QUOTE"].exact
    assert (q.matched, q.a, q.b) == (1, 2, 2)
    assert q.precision == q.recall == q.f1 == 0.5
    # overall: matched 1, A has 3 spans, B has 4 -> F1 = 2*1 / 7
    assert pair.overall.exact.f1 == pytest.approx(2 / 7)


def test_overlap_f1_pairs_overlapping_spans_of_the_same_label(pair):
    # both QUOTEs pair up; the SPEAKERs "nine" / "ten" do not touch; B's CUE has no partner
    assert pair.labels["QUOTE"].overlap.f1 == 1.0
    assert pair.labels["SPEAKER"].overlap.f1 == 0.0
    o = pair.overall.overlap
    assert (o.matched, o.a, o.b) == (2, 3, 4)
    assert o.f1 == pytest.approx(4 / 7)
    assert o.precision == pytest.approx(2 / 4)  # B is the candidate: 2 of its 4 spans matched
    assert o.recall == pytest.approx(2 / 3)  # A is the reference


def test_a_label_only_one_annotator_used_has_precision_zero_and_no_recall(pair):
    cue = pair.labels["CUE"].exact
    assert (cue.precision, cue.recall, cue.f1) == (0.0, None, 0.0)


def test_kappa_and_alpha_on_character_units_per_label(pair):
    # QUOTE vs none over 39 character units:
    #   both QUOTE: "onetwothree" 11 + "sixseven" 8 = 19; only A: "five" 4; only B: "eight" 5; neither 11.
    #   p_o = 30/39; p_e = (23*24 + 16*15) / 39^2 = 792/1521
    #   kappa = (39*30 - 792) / (39^2 - 792) = 378/729 = 14/27
    q = pair.labels["QUOTE"].char
    assert q.units == 39
    assert q.observed == pytest.approx(30 / 39)
    assert q.kappa == pytest.approx(14 / 27)
    #   coincidences: QQ 38, Qn = nQ = 9, nn 22; n = 78, n_Q = 47, n_none = 31
    #   alpha = 1 - 77 * 18 / (2 * 47 * 31) = 1 - 1386/2914
    assert q.alpha == pytest.approx(1 - 1386 / 2914)


def test_kappa_on_token_units_per_label(pair):
    # tokens covered by a QUOTE: A one two three five six seven; B one two three six seven eight
    # both 5, only A 1, only B 1, neither 3: p_o = 0.8, p_e = .6*.6 + .4*.4 = .52, kappa = .28/.48 = 7/12
    q = pair.labels["QUOTE"].token
    assert q.units == 10
    assert q.kappa == pytest.approx(7 / 12)
    # coincidences QQ 10, Qn = nQ 2, nn 6: alpha = 1 - 19 * 4 / (2 * 12 * 8) = 116/192
    assert q.alpha == pytest.approx(116 / 192)


def test_overall_kappa_uses_precedence_for_the_multi_class_category(pair):
    # token categories  A: Q Q Q n Q Q Q n S n      B: Q Q Q CUE n Q Q Q n S
    # agree on 5 of 10; marginals A: Q6 n3 S1, B: Q6 CUE1 n2 S1
    # p_e = (6*6 + 3*2 + 1*1) / 100 = .43; kappa = (.5 - .43) / .57 = 7/57
    assert pair.overall.token.observed == 0.5
    assert pair.overall.token.kappa == pytest.approx(7 / 57)


def test_a_date_inside_a_quote_counts_for_the_date_in_the_overall_figure():
    # A: QUOTE over "one two three", DATE "two" inside it; B: the same QUOTE only.
    a = Layer("d", "A", spans=[sp("QUOTE", 0, 13), sp("DATE", 4, 7)])
    b = Layer("d", "B", spans=[sp("QUOTE", 0, 13)])
    r = agreement_report([(TEXT, [a, b])])
    # token categories A: Q DATE Q n n n n n n n   B: Q Q Q n ... -> 9 of 10 agree
    assert r.pair("A", "B").overall.token.observed == 0.9
    # with QUOTE first in the precedence the date disappears from the overall figure
    r2 = agreement_report([(TEXT, [a, b])], precedence=("QUOTE", "DATE"))
    assert r2.pair("A", "B").overall.token.observed == 1.0


def test_a_span_that_cuts_a_word_covers_the_whole_token():
    # "ne" (1..3) is inside the token "one"; "thr" (8..11) inside "three"
    a = Layer("d", "A", spans=[sp("QUOTE", 1, 3), sp("CUE", 8, 11)])
    b = Layer("d", "B", spans=[sp("QUOTE", 0, 3), sp("CUE", 8, 13)])
    r = agreement_report([(TEXT, [a, b])]).pair("A", "B")
    assert r.overall.token.kappa == 1.0  # same tokens
    assert r.overall.char.kappa < 1.0  # not the same characters
    assert r.overall.exact.f1 == 0.0 and r.overall.overlap.f1 == 1.0


def test_tokens_split_punctuation_and_keep_harakat_and_tatweel_in_the_word():
    text = "وأكدَ «السيد» 2024، الـمـدير."
    assert [text[s:e] for s, e in tokens(text)] == ["وأكدَ", "«", "السيد", "»", "2024", "،", "الـمـدير", "."]
    assert count_units(text, 0, len(text), "token") == 8
    # a span starting after the attached و still begins the token at the و
    assert token_start(text, 1) == 0 and token_end(text, 3) == 5
    assert token_start(text, 6) == 6  # at « nothing moves


def test_character_units_skip_whitespace_and_invisible_format_marks():
    text = "ab \u200fc\u00a0d\n"  # RLM and NBSP and newline are not units
    assert count_units(text, 0, len(text), "char") == 4


def test_tally_counts_every_unit_once():
    a = [(0, 13, 0), (19, 33, 0)]
    b = [(0, 13, 0), (24, 39, 0)]
    chars, toks = tally(TEXT, [a, b], 1)
    # bit 0: A's QUOTE, bit 1: B's QUOTE
    assert chars == {0b11: 19, 0b01: 4, 0b10: 5, 0: 11}
    assert toks == {0b11: 5, 0b01: 1, 0b10: 1, 0: 3}


def test_a_word_cut_by_boundaries_is_one_token_with_every_label_touching_it():
    text = "abcdef gh"
    # A: "bc" and "e" inside the word abcdef; B: "gh"; the word is cut four times but counted once
    chars, toks = tally(text, [[(1, 3, 0), (4, 5, 0)], [(7, 9, 0)]], 1)
    assert toks == {0b01: 1, 0b10: 1, 0: 0}
    assert chars == {0b01: 3, 0b10: 2, 0: 3}
    # two labels of one annotator inside one word: the token has both
    _, toks = tally(text, [[(0, 2, 0), (3, 4, 1)]], 2)
    assert toks == {0b11: 1, 0: 1}


def test_kappa_is_undefined_when_chance_agreement_is_one():
    # both annotators put every unit in "none": p_e = 1
    assert Confusion({("none", "none"): 10}).kappa is None
    assert Confusion({("none", "none"): 10}).alpha is None
    assert Confusion({}).kappa is None and Confusion({}).observed is None


def test_krippendorff_alpha_of_the_2011_worked_example():
    # Krippendorff (2011) "Computing Krippendorff's alpha-reliability", nominal data with missing values:
    # 4 observers, 12 units; the paper gives alpha = 0.743
    rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]
    data = [r.split() for r in rows]
    o: dict = {}
    for u in range(12):
        add_coincidences(o, [row[u] for row in data if row[u] != "."], 1)
    c = Coincidence.of(o)
    assert c.values == 40  # 41 values, minus the lone value of unit 12
    assert c.alpha == pytest.approx(0.743, abs=5e-4)


def test_empty_layers_give_undefined_figures_not_zero_or_one():
    r = agreement_report([(TEXT, [Layer("d", "A"), Layer("d", "B")])], labels=["QUOTE"])
    p = r.pair("A", "B")
    assert p.overall.exact.f1 is None and p.overall.overlap.f1 is None
    assert p.overall.char.kappa is None and p.overall.char.alpha is None
    assert p.overall.char.observed == 1.0  # they do agree on every unit: nothing marked
    assert r.all.overall.char.kappa is None  # no pair has a defined kappa


def test_self_agreement_is_one_everywhere():
    a, _ = two_layers()
    twin = Layer("d", "A2", spans=a.spans.values())
    r = agreement_report([(TEXT, [a, twin])])
    for figures in [r.all.overall, *r.all.labels.values()]:
        assert figures.exact.f1 == figures.overlap.f1 == 1.0
        for unit in (figures.char, figures.token):
            assert unit.kappa == pytest.approx(1.0) and unit.alpha == pytest.approx(1.0)


def test_figures_are_pooled_over_documents_not_averaged():
    a, b = two_layers()
    text2 = "alpha beta gamma"
    a2 = Layer("e", "A", spans=[sp("QUOTE", 0, 5, text2)])
    b2 = Layer("e", "B", spans=[sp("QUOTE", 0, 5, text2)])
    r = agreement_report([(TEXT, [a, b]), (text2, [a2, b2])])
    q = r.pair("A", "B").labels["QUOTE"].exact
    # doc 1: 1 of 2+2; doc 2: 1 of 1+1 -> 2*2 / 6 (an average of 0.5 and 1.0 would say 0.75)
    assert q.f1 == pytest.approx(4 / 6)
    assert r.pair("A", "B").documents == 2
    assert [d.doc_id for d in r.per_document] == ["d", "e"]
    assert r.per_document[1].overlap_f1 == 1.0


def test_alpha_across_annotators_treats_an_absent_annotator_as_missing():
    a, b = two_layers()
    c = Layer("d", "C", spans=a.spans.values())
    text2 = "alpha beta gamma"
    a2 = Layer("e", "A", spans=[sp("QUOTE", 0, 5, text2)])
    b2 = Layer("e", "B", spans=[sp("QUOTE", 6, 10, text2)])
    r = agreement_report([(TEXT, [a, b, c]), (text2, [a2, b2])])
    assert r.annotators == ("A", "B", "C")
    assert r.pair("A", "C").documents == 1 and r.pair("A", "B").documents == 2
    assert r.all.documents == 2
    # all annotators: units of doc 1 (39 chars) and doc 2 (14 chars), each with >= 2 values
    assert r.all.overall.char.units == 39 + 14
    # Light's kappa is the mean of the three pairs' kappas
    pairs = [r.pair(x, y).overall.char.kappa for x, y in (("A", "B"), ("A", "C"), ("B", "C"))]
    assert r.all.overall.char.kappa == pytest.approx(sum(pairs) / 3)


def test_attribution_of_matched_quotes_is_compared_field_by_field():
    text = "Flynn said that Trump was absolutely right, Mook said on Monday."
    def layer(name, speaker_entity, cue_end, date_value):
        spans = [Span.of(text, "SPEAKER", 0, 5, id="s", attrs={"entity": speaker_entity}),
                 Span.of(text, "CUE", 6, cue_end, id="c"),
                 Span.of(text, "QUOTE", 16, 42, id="q", attrs={"type": "indirect"}),
                 Span.of(text, "DATE", 56, 62, id="d", attrs={"value": date_value})]
        rels = [Relation("r1", "SAID_BY", "q", "s"), Relation("r2", "CUE", "q", "c"),
                Relation("r3", "DATED", "q", "d")]
        return Layer("d", name, spans=spans, relations=rels)
    r = agreement_report([(text, [layer("A", "e1", 10, "2016-09-05"), layer("B", "e2", 15, "2016-09-05")])])
    att = r.pair("A", "B").attribution["QUOTE"]
    assert (att["speaker"].matched, att["speaker"].compared, att["speaker"].agreed) == (1, 1, 0)
    assert att["cue"].proportion == 1.0  # "said" and "said that" overlap: the same cue
    assert att["date"].proportion == 1.0
    assert att["type"].proportion == 1.0
    assert r.all.attribution["QUOTE"]["speaker"].proportion == 0.0


def test_fields_neither_side_has_are_not_compared():
    a = Layer("d", "A", spans=[sp("QUOTE", 0, 13)])
    b = Layer("d", "B", spans=[sp("QUOTE", 0, 7)])
    att = agreement_report([(TEXT, [a, b])]).pair("A", "B").attribution["QUOTE"]
    assert att["date"].matched == 1 and att["date"].compared == 0 and att["date"].proportion is None


def test_suggestions_and_gold_are_left_out_unless_asked_for():
    a, b = two_layers()
    gold = Layer("d", GOLD, spans=a.spans.values())
    sugg = Layer("d", SUGGESTIONS, spans=b.spans.values())
    r = agreement_report([(TEXT, [a, b, gold, sugg])])
    assert r.annotators == ("A", "B")
    r = agreement_report([(TEXT, [a, b, gold, sugg])], annotators=[GOLD, "B"])
    assert r.pairs[0].annotators == (GOLD, "B")  # gold first: gold is the reference
    assert r.pairs[0].overall.exact.recall == pytest.approx(1 / 3)


def test_labels_default_to_those_used_in_schema_order():
    a, b = two_layers()
    assert agreement_report([(TEXT, [a, b])]).labels == ("QUOTE", "SPEAKER", "CUE")
    r = agreement_report([(TEXT, [a, b])], labels=["SPEAKER"])
    assert r.labels == ("SPEAKER",) and r.all.overall.exact.a + r.all.overall.exact.b == 2


def test_document_objects_and_texts_are_both_accepted():
    a, b = two_layers()
    doc = Document("d", TEXT)
    assert agreement_report([(doc, [a, b])]).pair("A", "B") == agreement_report([(TEXT, [a, b])]).pair("A", "B")


@pytest.mark.parametrize("make, message", [
    (lambda a, b: [(Document("other", TEXT), [a, b])], "is a layer of document 'd'"),
    (lambda a, b: [(TEXT, [a, Layer("d", "A")])], "two layers"),
    (lambda a, b: [("short text", [a, b])], "outside|past the end|does not match"),
    (lambda a, b: [(TEXT, [a, b]), (TEXT, [a, b])], "given twice"),
    (lambda a, b: [(TEXT,)], "each item"),
])
def test_bad_input_is_refused_with_a_located_error(make, message):
    a, b = two_layers()
    with pytest.raises(QawlError, match=message):
        agreement_report(make(a, b))


def test_a_span_whose_text_differs_from_the_document_is_refused_naming_it():
    a, b = two_layers()
    other = "ONE TWO THREE four five six seven eight nine ten"
    with pytest.raises(QawlError) as err:
        agreement_report([(other, [a, b])])
    assert "documents[d].layers[A].spans[" in str(err.value)


def test_span_match_arithmetic():
    assert SpanMatch(1, 2, 2) + SpanMatch(1, 1, 1) == SpanMatch(2, 3, 3)
    assert SpanMatch().f1 is None and SpanMatch().precision is None and SpanMatch().recall is None


def test_group_records_matches_documents_by_text_and_moves_layers_to_one_id():
    from app.core.review.agreement import group_records
    from app.core.jsonl import parse_record

    def line(doc_id, annotator, spans):
        return {"doc_id": doc_id, "text": TEXT, "annotator": annotator,
                "spans": [{"label": l, "start": s, "end": e} for l, s, e in spans]}
    records = [parse_record(line("mine", "A", [("QUOTE", 0, 13)])),
               parse_record(line("theirs", "B", [("QUOTE", 0, 13)])),
               parse_record({"doc_id": "x", "text": "alpha beta"})]
    items = group_records(records)
    assert [(doc.id, [l.annotator for l in layers]) for doc, layers in items] == [("mine", ["A", "B"]), ("x", [])]
    assert all(l.doc_id == "mine" for l in items[0][1])
    assert agreement_report(items).pair("A", "B").overall.exact.f1 == 1.0


def test_group_records_refuses_two_layers_of_one_annotator_for_one_text():
    from app.core.review.agreement import group_records
    from app.core.jsonl import parse_record

    first = parse_record({"doc_id": "d", "text": TEXT, "annotator": "A", "spans": []})
    first.line = 1
    second = parse_record({"doc_id": "e", "text": TEXT, "annotator": "A", "spans": []})
    second.line = 7
    with pytest.raises(QawlError, match=r"line 7: annotator: 'A' annotated document 'd' twice \(also at line 1\)"):
        group_records([first, second])

"""Claims in the core: the vocabulary in the schema, the canonical claim model and its changes, Arabic-normalised
similarity for proposals, linking and verdicts, the claimant of a claim inside a quote."""

from dataclasses import replace

import pytest

from app.core.changes import AddClaim, Batch, Change, RemoveClaim, UpdateClaim, UpdateSpan, merge_claims
from app.core.workspace import Workspace
from app.core.claims import registry
from app.core.claims.claimant import QUOTE, claimant
from app.core.claims.similar import ClaimIndex, normalise, similarity
from app.core.errors import ConflictError, QawlError
from app.core.model import CanonicalClaim, Layer, Relation, Span, claim_from_dict, claim_to_dict
from app.core.schema import DEFAULT_SCHEMA, VERDICTS, url_problem

TEXT = ("وقال وزير الصحة إن عدد المصابين بلغ 500 شخص في الرياض. "
        "وأكدت الوزارة أن المستشفيات تعمل بكامل طاقتها.")


def sp(label, sub, id, **kw):
    start = TEXT.index(sub)
    return Span.of(TEXT, label, start, start + len(sub), id=id, **kw)


# --- vocabulary and validation ------------------------------------------------------------------------------------

def test_the_default_schema_gives_claims_checkworthiness_verdict_factcheck_and_note():
    label = DEFAULT_SCHEMA.label("CLAIM")
    assert label.attr("checkworthy").choices == ("yes", "no", "unsure")
    assert label.attr("verdict").choices == ("true", "mostly true", "misleading", "false", "unverifiable",
                                             "not checked")
    assert label.attr("factcheck").kind == "url"
    assert label.attr("note").kind == "text"
    assert label.attr("claim").kind == "claim"


@pytest.mark.parametrize("url", ["https://fatabyyano.net/x/", "http://localhost:8000/a", "https://مسبار.كوم/تحقق",
                                 "https://192.168.0.1/c?q=1#f"])
def test_good_fact_check_urls_pass(url):
    assert url_problem(url) is None


@pytest.mark.parametrize("url", ["fatabyyano.net/x", "ftp://x.org/a", "https://", "https://x", "https://a b.org",
                                 "javascript:alert(1)", "https://x.org:99999/", " https://x.org", "https://x.org/\u202e"])
def test_malformed_urls_are_refused_with_a_reason(url):
    assert url_problem(url)


def test_an_unknown_verdict_or_a_malformed_url_on_a_claim_span_names_the_field():
    with pytest.raises(QawlError) as exc:
        DEFAULT_SCHEMA.check_span(sp("CLAIM", "المستشفيات", "c1", attrs={"verdict": "pants on fire"}))
    assert exc.value.field == "attrs.verdict" and "pants on fire" in str(exc.value)
    with pytest.raises(QawlError) as exc:
        DEFAULT_SCHEMA.check_span(sp("CLAIM", "المستشفيات", "c1", attrs={"factcheck": "www.example.org"}))
    assert exc.value.field == "attrs.factcheck"
    with pytest.raises(QawlError) as exc:
        DEFAULT_SCHEMA.check_span(sp("CLAIM", "المستشفيات", "c1", attrs={"checkworthy": "maybe"}))
    assert exc.value.field == "attrs.checkworthy"
    DEFAULT_SCHEMA.check_span(sp("CLAIM", "المستشفيات", "c1", attrs={"verdict": "false", "checkworthy": "yes",
                                                                   "factcheck": "https://example.org/f/1",
                                                                   "note": "حسب الوزارة"}))


def test_a_project_can_set_its_own_verdict_list():
    schema = DEFAULT_SCHEMA.with_choices("CLAIM", "verdict", ["صحيح", "مضلل", "زائف", " زائف "])
    assert schema.label("CLAIM").attr("verdict").choices == ("صحيح", "مضلل", "زائف")
    assert schema.version == DEFAULT_SCHEMA.version + 1
    schema.check_span(sp("CLAIM", "المستشفيات", "c1", attrs={"verdict": "مضلل"}))
    with pytest.raises(QawlError):
        schema.check_span(sp("CLAIM", "المستشفيات", "c1", attrs={"verdict": "false"}))
    with pytest.raises(QawlError):
        DEFAULT_SCHEMA.with_choices("CLAIM", "verdict", [" "])
    assert DEFAULT_SCHEMA.with_choices("CLAIM", "verdict", VERDICTS) is DEFAULT_SCHEMA


def test_a_canonical_claims_verdict_and_url_follow_the_schema():
    DEFAULT_SCHEMA.check_claim(CanonicalClaim("k1", "x", "false", "https://example.org/1"))
    with pytest.raises(QawlError) as exc:
        DEFAULT_SCHEMA.check_claim(CanonicalClaim("k1", "x", "nonsense"))
    assert exc.value.field == "verdict"
    with pytest.raises(QawlError) as exc:
        DEFAULT_SCHEMA.check_claim(CanonicalClaim("k1", "x", None, "not a url"))
    assert exc.value.field == "factcheck"


def test_canonical_claims_are_validated_and_round_trip():
    claim = CanonicalClaim("k1", "  عدد   المصابين بلغ 500 ", "false", "", None, {"annotator": "ali"})
    assert claim.text == "عدد المصابين بلغ 500" and claim.factcheck is None and claim.note == ""
    assert claim_from_dict(claim_to_dict(claim)) == claim
    with pytest.raises(QawlError):
        CanonicalClaim("k1", "  ")
    with pytest.raises(QawlError):
        claim_from_dict({"id": "k1"})


# --- changes --------------------------------------------------------------------------------------------------------

def test_claim_changes_invert_and_serialise():
    a = CanonicalClaim("k1", "claim one")
    b = replace(a, verdict="false", source={"annotator": "ali", "at": "t"})
    for ch in (AddClaim(a), RemoveClaim(a), UpdateClaim(a, b)):
        assert ch.inverse().inverse() == ch
        assert Change.from_dict(ch.to_dict()) == ch
    ws = Workspace()
    AddClaim(a).apply(ws)
    UpdateClaim(a, b).apply(ws)
    assert ws.claims["k1"].verdict == "false"
    with pytest.raises(ConflictError):
        UpdateClaim(a, b).apply(ws)  # stale
    with pytest.raises(QawlError):
        UpdateClaim(a, replace(b, id="k2"))


def test_merging_two_claims_moves_every_mention_and_keeps_the_verdict():
    keep = CanonicalClaim("k1", "500 مصاب في الرياض")
    gone = CanonicalClaim("k2", "عدد المصابين 500", "false", "https://example.org/1", "", {"annotator": "sara"})
    l1 = Layer("d1", "ali", spans=[sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1", attrs={"claim": "k2"})])
    l2 = Layer("d2", "sara", spans=[sp("CLAIM", "المستشفيات تعمل", "c9", attrs={"claim": "k2",
                                                                              "verdict": "false"})])
    ws = Workspace([l1.copy(), l2.copy()], claims=[keep, gone])
    batch = merge_claims(keep, gone, [l1, l2])
    batch.apply(ws)
    assert ws.claims.keys() == {"k1"}
    assert ws.claims["k1"].verdict == "false" and ws.claims["k1"].source == {"annotator": "sara"}
    assert ws.claims["k1"].factcheck == "https://example.org/1"
    assert ws.layer("d1", "ali").spans["c1"].attrs["claim"] == "k1"
    assert ws.layer("d2", "sara").spans["c9"].attrs == {"claim": "k1", "verdict": "false"}
    batch.inverse().apply(ws)
    assert ws.claims == {"k1": keep, "k2": gone}
    assert ws.layer("d1", "ali").spans["c1"].attrs["claim"] == "k2"


# --- similarity -------------------------------------------------------------------------------------------------------

def test_normalisation_folds_arabic_spelling_digits_and_punctuation():
    assert normalise("أنّ عدد المصابين ارتفع إلى ٣٥٤٬٨٦٣ شخصاً، بنسبة ٣٫٢٪.") == \
        normalise("ان عدد المصابين ارتفع الى 354,863 شخصا بنسبه 3.2")
    assert normalise("الصحّـــة") == normalise("الصحه")
    assert normalise("Crude OIL, 54.37 dollars") == "crude oil 54.37 dollars"


def test_the_index_proposes_the_claim_with_similar_wording_first():
    index = ClaimIndex([("covid", "ارتفع عدد المصابين بكورونا في السعودية إلى 500 شخص"),
                        ("match", "فاز يونايتد باللقاء 1-صفر على ضيفه"),
                        ("oil", "أسعار خام برنت عام 2005 كانت عند 54.37 دولارا للبرميل"),
                        ("cholera", "عدد المصابين بالكوليرا في اليمن تجاوز مليون شخص")])
    found = index.similar("أن عدد المصابين بكورونا في السعودية ارتفع الى ٥٠٠ شخص")
    assert found[0][0] == "covid" and found[0][1] > 0.8
    assert [k for k, _ in found] == ["covid"]  # the cholera claim shares words, not the claim
    assert index.similar("وكانت أسعار خام برنت في 2005 عند 54,37 دولار")[0][0] == "oil"
    assert index.similar("تحطم طائرة خاصة في مطار بلاكبوش") == []
    assert index.similar("عدد المصابين بكورونا", exclude=["covid"]) == [] or \
        "covid" not in dict(index.similar("عدد المصابين بكورونا", exclude=["covid"]))
    assert similarity("الوزارة أكدت", "الوزارة أكدت") == pytest.approx(1.0)
    assert ClaimIndex().similar("anything") == []


# --- linking and verdicts ---------------------------------------------------------------------------------------------

def _layer(**attrs):
    return Layer("d1", "ali", spans=[sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1", attrs=attrs)])


def _apply(change, layer, claims=()):
    ws = Workspace([layer], claims=claims)
    change.apply(ws)
    return ws


def test_a_new_canonical_claim_is_worded_after_the_span_and_takes_its_verdict():
    layer = Layer("d1", "ali", spans=[sp("CLAIM", "إن عدد المصابين بلغ 500 شخص في الرياض.", "c1",
                                         attrs={"verdict": "false"})])
    batch, claim = registry.new_claim(layer, "c1", "ali", now="T")
    assert claim.text == "عدد المصابين بلغ 500 شخص في الرياض"
    assert claim.verdict == "false" and claim.source == {"doc_id": "d1", "span": "c1", "annotator": "ali", "at": "T"}
    ws = _apply(batch, layer.copy())
    assert ws.layer("d1", "ali").spans["c1"].attrs == {"verdict": "false", "claim": claim.id}
    assert registry.wording("«المستشفيات تعمل»") == "المستشفيات تعمل"


def test_linking_sets_the_verdict_from_the_canonical_claim():
    claim = CanonicalClaim("k1", "500 مصاب", "misleading", "https://example.org/f", "", {"annotator": "sara"})
    layer = _layer(verdict="true", checkworthy="yes")
    ws = _apply(registry.link(layer, "c1", claim, "ali", now="T"), layer.copy(), [claim])
    assert ws.layer("d1", "ali").spans["c1"].attrs == {"verdict": "misleading", "checkworthy": "yes", "claim": "k1",
                                                       "factcheck": "https://example.org/f"}
    assert ws.claims["k1"] == claim  # the registry's verdict is not changed by linking


def test_linking_to_a_claim_without_a_verdict_gives_it_the_spans_with_its_source():
    claim = CanonicalClaim("k1", "500 مصاب")
    layer = _layer(verdict="false")
    ws = _apply(registry.link(layer, "c1", claim, "ali", now="T"), layer.copy(), [claim])
    assert ws.claims["k1"].verdict == "false"
    assert ws.claims["k1"].source == {"doc_id": "d1", "span": "c1", "annotator": "ali", "at": "T"}
    assert registry.link(ws.layer("d1", "ali"), "c1", ws.claims["k1"], "ali") is None  # nothing left to do


def test_a_verdict_set_on_a_linked_span_becomes_the_claims_when_it_has_none():
    claim = CanonicalClaim("k1", "500 مصاب")
    layer = _layer(claim="k1")
    batch = registry.set_span_attr(layer, "c1", "verdict", "false", "ali", {"k1": claim}, now="T")
    ws = _apply(batch, layer.copy(), [claim])
    assert ws.claims["k1"].verdict == "false" and ws.claims["k1"].source["span"] == "c1"
    # a claim that has a verdict keeps it; the span differs and says so
    batch = registry.set_span_attr(ws.layer("d1", "ali"), "c1", "verdict", "true", "ali", dict(ws.claims), now="T")
    batch.apply(ws)
    assert ws.claims["k1"].verdict == "false"
    assert registry.differs(ws.layer("d1", "ali").spans["c1"], ws.claims["k1"])
    assert registry.set_span_attr(ws.layer("d1", "ali"), "c1", "verdict", "true", "ali", dict(ws.claims)) is None


def test_a_verdict_set_in_the_registry_reaches_only_the_annotators_own_spans_that_followed_the_claim():
    claim = CanonicalClaim("k1", "500 مصاب", "false", source={"annotator": "sara"})
    mine = Layer("d1", "ali", spans=[sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1", attrs={"claim": "k1",
                                                                                          "verdict": "false"}),
                                     sp("CLAIM", "المستشفيات تعمل", "c2", attrs={"claim": "k1", "verdict": "true"})])
    theirs = Layer("d1", "sara", spans=[sp("CLAIM", "عدد المصابين", "c7", attrs={"claim": "k1", "verdict": "false"})])
    batch = registry.set_claim(claim, "ali", [mine, theirs], verdict="misleading", now="T")
    ws = _apply(batch, mine.copy(), [claim])
    ws.layers[("d1", "sara")] = theirs.copy()
    assert ws.claims["k1"].verdict == "misleading" and ws.claims["k1"].source == {"annotator": "ali", "at": "T"}
    assert ws.layer("d1", "ali").spans["c1"].attrs["verdict"] == "misleading"  # followed the claim
    assert ws.layer("d1", "ali").spans["c2"].attrs["verdict"] == "true"  # the annotator's own different verdict
    assert ws.layer("d1", "sara").spans["c7"].attrs["verdict"] == "false"  # someone else's work: untouched
    assert registry.set_claim(claim, "ali", [], verdict="false") is None
    assert registry.set_claim(claim, "ali", [], text="   ") is None  # an empty wording is not a change


def test_unlinking_keeps_the_annotators_verdict():
    layer = _layer(claim="k1", verdict="false")
    ws = _apply(registry.unlink(layer, "c1"), layer.copy())
    assert ws.layer("d1", "ali").spans["c1"].attrs == {"verdict": "false"}
    assert registry.unlink(ws.layer("d1", "ali"), "c1") is None


def test_an_edit_of_an_accepted_suggestion_is_marked_edited():
    layer = Layer("d1", "ali", spans=[sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1", origin="suggested")])
    batch = registry.set_span_attr(layer, "c1", "checkworthy", "no", "ali", {})
    assert batch.changes[0].after.origin == "suggested-edited"


# --- claimant ---------------------------------------------------------------------------------------------------------

def test_a_claim_inside_a_quote_is_claimed_by_the_quotes_speaker_unless_linked_to_its_own():
    quote = sp("QUOTE", "إن عدد المصابين بلغ 500 شخص في الرياض", "q1", attrs={"type": "indirect"})
    speaker = sp("SPEAKER", "وزير الصحة", "s1")
    other = sp("SPEAKER", "الوزارة", "s2")
    claim = sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1")
    own = sp("CLAIM", "المستشفيات تعمل بكامل طاقتها", "c2")
    layer = Layer("d1", "ali", spans=[quote, speaker, other, claim, own],
                  relations=[Relation("r1", "SAID_BY", "q1", "s1")])
    found = claimant(layer, claim)
    assert found.speaker.id == "s1" and found.source == QUOTE and found.quote.id == "q1"
    assert claimant(layer, own) is None  # the article's own claim
    layer.add_relation(Relation("r2", "CLAIMED_BY", "c1", "s2"))
    found = claimant(layer, claim)
    assert found.speaker.id == "s2" and found.source == "claim"


def test_the_claimants_of_a_whole_layer_are_each_claims_claimant():
    import random

    rng = random.Random(7)
    text = "كلمة " * 400
    spans, rels = [], []
    for i in range(120):
        a = rng.randrange(0, 380) * 5
        z = a + 5 * rng.randrange(1, 12)
        label = rng.choice(["QUOTE", "CLAIM", "SPEAKER"])
        spans.append(Span.of(text, label, a, min(z, len(text)) - 1, id=f"x{i}"))
    layer = Layer("d", "a", spans=spans)
    speakers = [s for s in spans if s.label == "SPEAKER"]
    for i, s in enumerate(spans):
        if s.label in ("QUOTE", "CLAIM") and rng.random() < 0.5:
            layer.add_relation(Relation(f"r{i}", "SAID_BY" if s.label == "QUOTE" else "CLAIMED_BY", s.id,
                                        rng.choice(speakers).id))
    from app.core.claims.claimant import claimants

    every = claimants(layer)
    for span in layer.spans.values():
        if span.label == "CLAIM":
            assert every.get(span.id) == claimant(layer, span)

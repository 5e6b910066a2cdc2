"""Triage of suggestions (app/core/triage.py): pending records, accept / reject / accept all as changes, and the
tracing of edits of accepted suggestions. Applied to an in-memory Workspace and to the real store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.review import triage
from app.core.changes import AddEntity, AddRelation, Batch, RemoveRelation, UpdateSpan, remove_span
from app.core.workspace import Workspace
from app.core.model import SUGGESTIONS, Entity, Layer, Relation, Span

TEXT = ("أكد الوزير أحمد سالم أن الاتفاق سيوقع قريباً. وأضاف الوزير أن المفاوضات مستمرة.\n"
        "وقالت الشرطة يوم 18 كانون الثاني إن الطريق مغلق.")
NOW = "2024-01-01T00:00:00.000Z"


def _find(sub: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = TEXT.index(sub, i + 1)
    return i, i + len(sub)


def _sugg(label: str, sub: str, sid: str, occurrence: int = 0, **attrs) -> Span:
    return Span.of(TEXT, label, *_find(sub, occurrence), id=sid, attrs=attrs, origin="suggested",
                   provenance={"rule": f"rule-{sid}", "engine": "qawl-suggest/1"})


def _rel(rid: str, rtype: str, head: str, tail: str) -> Relation:
    return Relation(rid, rtype, head, tail, "suggested", {"rule": f"rule-{rid}", "engine": "qawl-suggest/1"})


PROPOSED = {"ep": Entity("ep", "الوزير أحمد سالم", ("الوزير",))}
POLICE = Entity("epol", "الشرطة")


@pytest.fixture
def sugg() -> Layer:
    """Two quotes sharing a speaker (a proposed entity); a third quote whose speaker is in the registry, with a
    date; a lone date."""
    spans = [
        _sugg("CUE", "أكد", "k1"),
        _sugg("SPEAKER", "الوزير أحمد سالم", "s1", entity="ep"),
        _sugg("QUOTE", "أن الاتفاق سيوقع قريباً", "q1", type="indirect"),
        _sugg("CUE", "وأضاف", "k2"),
        _sugg("QUOTE", "أن المفاوضات مستمرة", "q2", type="indirect"),
        _sugg("CUE", "وقالت", "k3"),
        _sugg("SPEAKER", "الشرطة", "s3", entity="epol"),
        _sugg("DATE", "18 كانون الثاني", "d3", value="XXXX-01-18"),
        _sugg("QUOTE", "إن الطريق مغلق", "q3", type="indirect"),
        _sugg("DATE", "قريباً", "dlone"),
    ]
    rels = [_rel("r1", "CUE", "q1", "k1"), _rel("r2", "SAID_BY", "q1", "s1"), _rel("r3", "CUE", "q2", "k2"),
            _rel("r4", "SAID_BY", "q2", "s1"), _rel("r5", "CUE", "q3", "k3"), _rel("r6", "SAID_BY", "q3", "s3"),
            _rel("r7", "DATED", "q3", "d3")]
    return Layer("d", SUGGESTIONS, spans=spans, relations=rels)


@pytest.fixture
def ws(sugg) -> Workspace:
    return Workspace([sugg, Layer("d", "ali")], [POLICE])


def _apply(ws: Workspace, change) -> None:
    assert change is not None
    change.apply(ws)


def _accept(ws, span_id, who="ali"):
    return triage.accept(ws.layer("d", SUGGESTIONS), ws.layer("d", who), span_id, who, ws.entities, PROPOSED, NOW)


def _by_text(layer: Layer, label: str, sub: str) -> Span:
    (span,) = [s for s in layer.spans.values() if s.label == label and s.text == sub]
    return span


# --- pending ------------------------------------------------------------------------------------------------------

def test_pending_groups_quotes_with_their_parts_and_leaves_lone_parts_on_their_own(sugg):
    records = triage.pending(sugg, "ali")
    assert [(r.head.id, [p.id for p in r.parts]) for r in records] == [
        ("q1", ["k1", "s1"]), ("dlone", []), ("q2", ["s1", "k2"]), ("q3", ["k3", "s3", "d3"])]
    assert records[0].rule == "rule-q1"


def test_decisions_are_per_annotator(ws):
    _apply(ws, triage.reject(ws.layer("d", SUGGESTIONS), "dlone", "ali", NOW))
    sugg = ws.layer("d", SUGGESTIONS)
    assert "dlone" not in {r.head.id for r in triage.pending(sugg, "ali")}
    assert "dlone" in {r.head.id for r in triage.pending(sugg, "sara")}
    assert sugg.spans["dlone"].provenance["decisions"] == {"ali": "rejected"}
    assert sugg.spans["dlone"].provenance["rule"] == "rule-dlone"


def test_a_part_finds_the_first_record_that_uses_it(sugg):
    assert triage.record_for(sugg, "ali", "s1").head.id == "q1"
    assert triage.record_for(sugg, "ali", "q2").head.id == "q2"
    assert triage.record_for(sugg, "ali", "nope") is None


# --- accept -------------------------------------------------------------------------------------------------------

def test_accepting_a_quote_copies_its_whole_record_with_origin_and_provenance(ws):
    change = _accept(ws, "q1")
    assert isinstance(change, Batch)
    _apply(ws, change)
    mine = ws.layer("d", "ali")
    quote = _by_text(mine, "QUOTE", "أن الاتفاق سيوقع قريباً")
    assert quote.origin == "suggested" and quote.id != "q1"
    assert quote.provenance == {"suggestion": "q1", "rule": "rule-q1", "engine": "qawl-suggest/1"}
    assert quote.attrs == {"type": "indirect"} and quote.created == NOW
    assert [s.text for s in mine.linked(quote.id, "SAID_BY")] == ["الوزير أحمد سالم"]
    assert [s.text for s in mine.linked(quote.id, "CUE")] == ["أكد"]
    assert all(r.origin == "suggested" and r.provenance["suggestion"] in {"r1", "r2"}
               for r in mine.relations.values())
    assert mine.status == "in_progress"
    sugg = ws.layer("d", SUGGESTIONS)
    assert {k for k, s in sugg.spans.items() if triage.decision(s, "ali") == "accepted"} == {"q1", "k1", "s1"}
    for span in mine.spans.values():
        assert span.text == TEXT[span.start:span.end]


def test_a_proposed_speaker_joins_the_registry_on_accept(ws):
    change = _accept(ws, "q1")
    added = [c.entity for c in change.flat() if isinstance(c, AddEntity)]
    assert [(e.name, e.aliases) for e in added] == [("الوزير أحمد سالم", ("الوزير",))]
    _apply(ws, change)
    speaker = _by_text(ws.layer("d", "ali"), "SPEAKER", "الوزير أحمد سالم")
    assert speaker.entity == added[0].id and added[0].id in ws.entities
    # The suggestion still points at the proposal (so undoing can take the registry speaker out again).
    assert ws.layer("d", SUGGESTIONS).spans["s1"].entity == "ep"


def test_a_registry_speaker_is_used_as_it_is(ws):
    change = _accept(ws, "q3")
    assert not [c for c in change.flat() if isinstance(c, AddEntity)]
    _apply(ws, change)
    assert _by_text(ws.layer("d", "ali"), "SPEAKER", "الشرطة").entity == "epol"


def test_a_proposed_speaker_links_to_a_registry_speaker_of_the_same_name(ws):
    ws.entities["e9"] = Entity("e9", "الوزير  أحمد سالم")  # same name, other spacing
    change = _accept(ws, "q1")
    assert not [c for c in change.flat() if isinstance(c, AddEntity)]
    _apply(ws, change)
    assert _by_text(ws.layer("d", "ali"), "SPEAKER", "الوزير أحمد سالم").entity == "e9"


def test_a_shared_speaker_is_copied_once_and_the_next_quote_links_to_the_copy(ws):
    _apply(ws, _accept(ws, "q1"))
    change = _accept(ws, "q2")
    assert not [c for c in change.flat() if isinstance(c, AddEntity)]
    _apply(ws, change)
    mine = ws.layer("d", "ali")
    speakers = mine.spans_by_label("SPEAKER")
    assert len(speakers) == 1
    q2 = _by_text(mine, "QUOTE", "أن المفاوضات مستمرة")
    assert [s.id for s in mine.linked(q2.id, "SAID_BY")] == [speakers[0].id]


def test_an_existing_span_of_the_annotator_is_reused_not_duplicated(ws):
    start, end = _find("الوزير أحمد سالم")
    own = Span.of(TEXT, "SPEAKER", start, end, id="mine", attrs={"entity": "epol"})
    ws.layer("d", "ali").add_span(own)
    change = _accept(ws, "q1")
    assert not [c for c in change.flat() if isinstance(c, AddEntity)]
    _apply(ws, change)
    mine = ws.layer("d", "ali")
    assert len(mine.spans_by_label("SPEAKER")) == 1 and mine.spans["mine"] == own  # kept exactly as it was
    quote = _by_text(mine, "QUOTE", "أن الاتفاق سيوقع قريباً")
    assert [s.id for s in mine.linked(quote.id, "SAID_BY")] == ["mine"]


def test_the_annotators_own_link_wins_over_a_suggested_one(ws):
    mine = ws.layer("d", "ali")
    q = Span.of(TEXT, "QUOTE", *_find("أن الاتفاق سيوقع قريباً"), id="myq", attrs={"type": "direct"})
    who = Span.of(TEXT, "SPEAKER", *_find("الشرطة"), id="mys", attrs={"entity": "epol"})
    mine.add_span(q)
    mine.add_span(who)
    mine.add_relation(Relation("myr", "SAID_BY", "myq", "mys"))
    _apply(ws, _accept(ws, "q1"))
    assert [s.id for s in mine.linked("myq", "SAID_BY")] == ["mys"]
    assert [s.text for s in mine.linked("myq", "CUE")] == ["أكد"]  # the link it did not have is added
    assert mine.spans["myq"].attrs == {"type": "direct"}


def test_accepting_a_part_accepts_its_record(ws):
    _apply(ws, _accept(ws, "s1"))
    assert {s.text for s in ws.layer("d", "ali").spans.values()} == {"أكد", "الوزير أحمد سالم",
                                                                      "أن الاتفاق سيوقع قريباً"}


def test_accepting_something_already_decided_gives_nothing(ws):
    _apply(ws, _accept(ws, "dlone"))
    assert _accept(ws, "dlone") is None
    assert triage.reject(ws.layer("d", SUGGESTIONS), "dlone", "ali", NOW) is None


def test_accept_all_is_one_batch_that_copies_shared_parts_once(ws):
    change = triage.accept_all(ws.layer("d", SUGGESTIONS), ws.layer("d", "ali"), "ali", ws.entities, PROPOSED,
                               NOW)
    assert sum(isinstance(c, AddEntity) for c in change.flat()) == 1
    _apply(ws, change)
    mine = ws.layer("d", "ali")
    assert len(mine.spans) == len(ws.layer("d", SUGGESTIONS).spans) == 10
    assert len(mine.relations) == 7
    assert triage.pending(ws.layer("d", SUGGESTIONS), "ali") == []
    assert triage.accept_all(ws.layer("d", SUGGESTIONS), mine, "ali", ws.entities, PROPOSED, NOW) is None


def test_undoing_an_accept_restores_everything(ws, sugg):
    before_entities = dict(ws.entities)
    change = _accept(ws, "q1")
    _apply(ws, change)
    _apply(ws, change.inverse())
    assert ws.layer("d", SUGGESTIONS) == sugg
    assert ws.layer("d", "ali") == Layer("d", "ali")
    assert ws.entities == before_entities


# --- reject -------------------------------------------------------------------------------------------------------

def test_rejecting_a_quote_keeps_parts_another_pending_quote_uses(ws):
    _apply(ws, triage.reject(ws.layer("d", SUGGESTIONS), "q1", "ali", NOW))
    sugg = ws.layer("d", SUGGESTIONS)
    assert {k for k, s in sugg.spans.items() if triage.decision(s, "ali") == "rejected"} == {"q1", "k1"}
    assert [p.id for p in triage.record_for(sugg, "ali", "q2").parts] == ["s1", "k2"]
    assert ws.layer("d", "ali").empty


def test_rejecting_a_part_rejects_only_it_and_the_quote_is_accepted_without_it(ws):
    _apply(ws, triage.reject(ws.layer("d", SUGGESTIONS), "s3", "ali", NOW))
    assert [p.id for p in triage.record_for(ws.layer("d", SUGGESTIONS), "ali", "q3").parts] == ["k3", "d3"]
    _apply(ws, _accept(ws, "q3"))
    mine = ws.layer("d", "ali")
    assert not mine.spans_by_label("SPEAKER")
    quote = _by_text(mine, "QUOTE", "إن الطريق مغلق")
    assert not mine.linked(quote.id, "SAID_BY") and mine.linked(quote.id, "DATED")


# --- tracing edits ----------------------------------------------------------------------------------------------

def test_edited_marks_a_changed_suggested_span_and_keeps_its_provenance():
    span = Span.of(TEXT, "QUOTE", 0, 3, id="x", origin="suggested", provenance={"suggestion": "q1"})
    after = triage.edited(span, replace(span, attrs={"type": "direct"}), NOW)
    assert after.origin == "suggested-edited" and after.provenance == {"suggestion": "q1"}
    assert triage.edited(span, replace(span, updated=NOW)).origin == "suggested"  # no visible change
    manual = replace(span, origin="manual")
    assert triage.edited(manual, replace(manual, start=1, text=TEXT[1:3])).origin == "manual"


def _accepted_ws(ws):
    _apply(ws, _accept(ws, "q1"))
    mine = ws.layer("d", "ali")
    return mine, _by_text(mine, "QUOTE", "أن الاتفاق سيوقع قريباً")


def _trace(ws, change):
    return triage.traced(change, lambda doc, who: ws.layers.get((doc, who)), NOW)


def test_every_kind_of_edit_of_an_accepted_record_is_traced(ws):
    mine, quote = _accepted_ws(ws)
    speaker = mine.linked(quote.id, "SAID_BY")[0]
    said_by = mine.outgoing(quote.id, "SAID_BY")[0]
    resized = UpdateSpan("d", "ali", quote, quote.with_range(TEXT, quote.start, quote.end - 1))
    manual_link = AddRelation("d", "ali", Relation("rx", "DATED", quote.id, speaker.id))  # type irrelevant here
    cases = {
        "range": resized,
        "unlink": RemoveRelation("d", "ali", said_by),
        "link by hand": manual_link,
        "delete a linked part": remove_span(mine, speaker.id),
    }
    for name, change in cases.items():
        out = _trace(ws, change)
        updates = [c for c in out.flat() if isinstance(c, UpdateSpan) and c.after.id == quote.id]
        assert updates and updates[-1].after.origin == "suggested-edited", name
        assert updates[-1].after.provenance["suggestion"] == "q1", name


def test_tracing_keeps_a_batch_consistent_when_it_edits_the_same_span_twice(ws):
    mine, quote = _accepted_ws(ws)
    said_by = mine.outgoing(quote.id, "SAID_BY")[0]
    retyped = replace(quote, attrs={"type": "direct"})
    # The author of this batch did not know the unlink would mark the quote: the update must still apply.
    change = Batch((RemoveRelation("d", "ali", said_by), UpdateSpan("d", "ali", quote, retyped)))
    out = _trace(ws, change)
    out.apply(ws)
    final = ws.layer("d", "ali").spans[quote.id]
    assert final.origin == "suggested-edited" and final.attrs == {"type": "direct"}
    out.inverse().apply(ws)
    assert ws.layer("d", "ali").spans[quote.id] == quote


def test_accepting_and_reviewing_are_not_edits(ws, sugg):
    change = _accept(ws, "q1")
    assert _trace(ws, change) is change
    rejecting = triage.reject(sugg, "q3", "ali", NOW)
    assert _trace(ws, rejecting) is rejecting
    manual = Span.of(TEXT, "CUE", 0, 3, id="m")
    ws2 = Workspace([Layer("d", "ali", spans=[manual])])
    edit = UpdateSpan("d", "ali", manual, manual.with_range(TEXT, 0, 2))
    assert triage.traced(edit, lambda doc, who: ws2.layers.get((doc, who))) is edit


# --- with the real store and the real engine ------------------------------------------------------------------------

@pytest.fixture
def seeded(store, seed_text):
    from app.core.jsonl import Record, make_document
    from app.core.suggest import suggest_document

    doc = make_document(seed_text, id="seed", meta={"date": "2024-01-26"})
    store.import_records([Record(doc, None, [], None)])
    result = suggest_document(doc, store.entities().values())
    store.put_suggestions("seed", result.layer, result.entities)
    return store


def _store_accept(store, span_id, who="ali"):
    return triage.accept(store.layer("seed", SUGGESTIONS), store.layer("seed", who), span_id, who,
                         store.entities(), store.suggested_entities("seed"))


def test_the_store_applies_an_accept_and_its_undo_takes_the_new_speaker_out_again(seeded):
    store = seeded
    quote = next(s for s in store.layer("seed", SUGGESTIONS).sorted_spans() if s.label == "QUOTE")
    change = _store_accept(store, quote.id)
    store.apply(change, actor="ali")
    mine = store.layer("seed", "ali")
    (speaker,) = mine.spans_by_label("SPEAKER")
    assert store.entity(speaker.entity).name == "المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف"
    assert speaker.entity not in store.suggested_entities("seed")
    store.apply(change.inverse(), actor="ali")
    assert store.layer("seed", "ali").empty and store.entities() == {}
    assert quote.id in {r.head.id for r in triage.pending(store.layer("seed", SUGGESTIONS), "ali")}


def test_rerunning_the_engine_after_decisions_brings_nothing_decided_back(seeded):
    from app.core.suggest import suggest_document

    store = seeded
    sugg = store.layer("seed", SUGGESTIONS)
    quotes = [s for s in sugg.sorted_spans() if s.label == "QUOTE"]
    store.apply(_store_accept(store, quotes[0].id), actor="ali")
    store.apply(triage.reject(store.layer("seed", SUGGESTIONS), quotes[1].id, "ali"), actor="ali")
    before = triage.pending(store.layer("seed", SUGGESTIONS), "ali")
    decided = {k: s for k, s in store.layer("seed", SUGGESTIONS).spans.items() if s.provenance.get("decisions")}
    result = suggest_document(store.document("seed"), store.entities().values())
    store.put_suggestions("seed", result.layer, result.entities)
    after = store.layer("seed", SUGGESTIONS)
    assert {k: s for k, s in after.spans.items() if s.provenance.get("decisions")} == decided
    assert [r.head.id for r in triage.pending(after, "ali")] == [r.head.id for r in before]
    assert quotes[0].id not in {r.head.id for r in triage.pending(after, "ali")}


def test_accept_all_on_the_seed_is_one_valid_change_for_the_store(seeded):
    store = seeded
    change = triage.accept_all(store.layer("seed", SUGGESTIONS), store.layer("seed", "ali"), "ali",
                               store.entities(), store.suggested_entities("seed"))
    store.apply(change, actor="ali")
    mine, sugg = store.layer("seed", "ali"), store.layer("seed", SUGGESTIONS)
    assert len(mine.spans) == len(sugg.spans) and len(mine.relations) == len(sugg.relations)
    assert {(s.label, s.start, s.end) for s in mine.spans.values()} == \
        {(s.label, s.start, s.end) for s in sugg.spans.values()}
    # One registry speaker per proposed speaker, whatever the number of its mentions.
    names = sorted(e.name for e in store.entities().values())
    assert names == sorted(e.name for e in store.suggested_entities("seed").values()) and len(names) == 5
    store.schema.check_layer(mine)
    store.apply(change.inverse(), actor="ali")
    assert store.layer("seed", "ali").empty and store.entities() == {}


def test_a_change_says_what_it_decided(ws, sugg):
    assert triage.decisions_in(_accept(ws, "q1"))[:2] == ("accepted", 1)
    assert triage.decisions_in(_accept(ws, "q1"))[2].id == "q1"
    everything = triage.accept_all(sugg, Layer("d", "ali"), "ali", ws.entities, PROPOSED, NOW)
    assert triage.decisions_in(everything)[:2] == ("accepted", 4)
    assert triage.decisions_in(triage.reject(sugg, "q3", "ali", NOW))[:2] == ("rejected", 1)
    assert triage.decisions_in(UpdateSpan("d", "ali", sugg.spans["q1"], sugg.spans["q1"])) == (None, 0, None)

"""The pure decisions behind the window's keys: ranges, guesses, links, speakers (no Qt)."""

from __future__ import annotations

import subprocess
import sys

from app.core.workspace import Workspace
from app.core.model import Entity, Layer, Span
from app.core.schema import DEFAULT_SCHEMA
from app.ui import edits

TEXT = "قال الوزير “نحن مستعدون” يوم 18 كانون الثاني."


def _ws(layer: Layer, *entities: Entity) -> Workspace:
    return Workspace([layer], entities)


def test_clean_range_snaps_to_whole_letters_and_drops_spaces():
    text = "  كَتَبَ  "
    # Exact (Alt-drag): a selection ending between a letter and its fatha keeps the mark with its letter.
    assert edits.clean_range(text, 0, 3, snap=False) == (2, 4)
    assert edits.clean_range(text, 5, 9, snap=False) == (4, 8)
    assert edits.clean_range(text, 1, 9, snap=False) == (2, 8)
    assert edits.clean_range(text, 0, 2, snap=False) is None
    # Snapped (the default): the word the drag covers most, whole.
    assert edits.clean_range(text, 0, 3) == edits.clean_range(text, 5, 9) == (2, 8)


def test_clean_range_keeps_an_emoji_sequence_whole():
    text = "a 👩‍👩‍👧 b"
    assert edits.clean_range(text, 3, 4) == (2, 7)


def test_word_range_finds_the_word_with_its_harakat():
    text = "قالَ الوزيرُ"
    assert edits.word_range(text, 6) == (5, 12)
    assert edits.word_range(text, 12) == (5, 12)  # cursor just after the word
    assert edits.word_range(" ", 0) is None


def test_step_boundary_moves_by_whole_characters_and_never_empties():
    text = "كَتَبَ و"
    span = Span.of(text, "CUE", 0, 6)
    assert edits.step_boundary(text, span, "end", False) == (0, 4)
    assert edits.step_boundary(text, span, "end", True) == (0, 7)
    assert edits.step_boundary(text, span, "start", True) == (2, 6)
    one = Span.of(text, "CUE", 0, 2)
    assert edits.step_boundary(text, one, "end", False) is None
    assert edits.step_boundary(text, one, "start", True) is None


def test_visual_arrows_map_to_logical_order_by_direction():
    assert edits.visual_step("rtl", "left") is True
    assert edits.visual_step("rtl", "right") is False
    assert edits.visual_step("ltr", "right") is True


def test_quote_type_guess():
    assert edits.guess_quote_type("“نحن مستعدون”") == "direct"
    assert edits.guess_quote_type("«نحن مستعدون».") == "direct"
    assert edits.guess_quote_type("أن الحكومة ستدخل “في حوار لا بد منه” قريبا") == "mixed"
    assert edits.guess_quote_type("أن الحكومة ستدخل بحوار") == "indirect"


def test_match_entity_by_alias_or_unique_containment():
    a = Entity("e1", "ألكسندر لافرينتيف", ("لافرينتيف",))
    b = Entity("e2", "محمد شياع السوداني")
    assert edits.match_entity([a, b], "لافرينتيف") is a
    assert edits.match_entity([a, b], "المبعوث الروسي ألكسندر لافرينتيف") is a
    assert edits.match_entity([a, b], "السوداني") is b
    assert edits.match_entity([a, b], "الوزير") is None


def test_add_quote_guesses_type_and_marks_document_in_progress():
    layer = Layer("d", "ann")
    ws = _ws(layer)
    added = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "QUOTE", 11, 25)
    added.change.apply(ws)
    span = ws.layer("d", "ann").spans[added.span.id]
    assert span.text == TEXT[11:25] and span.attrs == {"type": "direct"}
    assert span.created and span.updated
    assert ws.layer("d", "ann").status == "in_progress"


def test_add_speaker_links_to_the_current_quote_and_creates_a_speaker():
    layer = Layer("d", "ann", "in_progress")
    ws = _ws(layer)
    q = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "QUOTE", 11, 25)
    q.change.apply(ws)
    s = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, ws.entities, "SPEAKER", 4, 10, record=q.span.id)
    s.change.apply(ws)
    assert s.linked_to == q.span.id and s.entity is not None and s.entity.name == "الوزير"
    assert layer.linked(q.span.id, "SAID_BY") == [layer.spans[s.span.id]]
    assert ws.entities[s.entity.id].name == "الوزير"
    # A second speaker mention of the same name joins the same registry speaker and is not linked twice.
    s2 = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, ws.entities, "SPEAKER", 4, 10, record=q.span.id)
    assert s2.entity is None and s2.span.entity == s.entity.id
    assert s2.linked_to is None and s2.not_linked_reason == "has-one"


def test_link_replaces_the_existing_link_of_that_type():
    layer = Layer("d", "ann", "in_progress")
    ws = _ws(layer)
    q = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "QUOTE", 11, 25)
    q.change.apply(ws)
    d1 = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "DATE", 30, 45, record=q.span.id)
    d1.change.apply(ws)
    d2 = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "DATE", 30, 32)
    d2.change.apply(ws)
    edits.link(layer, DEFAULT_SCHEMA, q.span.id, d2.span.id).apply(ws)
    assert [s.id for s in layer.linked(q.span.id, "DATED")] == [d2.span.id]
    assert edits.link(layer, DEFAULT_SCHEMA, q.span.id, d2.span.id) is None
    assert edits.link(layer, DEFAULT_SCHEMA, d2.span.id, q.span.id) is None  # no DATE -> QUOTE relation


def test_relabel_drops_links_that_no_longer_fit():
    layer = Layer("d", "ann", "in_progress")
    ws = _ws(layer)
    q = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "QUOTE", 11, 25)
    q.change.apply(ws)
    c = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, {}, "CUE", 0, 3, record=q.span.id)
    c.change.apply(ws)
    edits.relabel(layer, DEFAULT_SCHEMA, q.span.id, "CLAIM").apply(ws)
    claim = layer.spans[q.span.id]
    assert claim.label == "CLAIM" and "type" not in claim.attrs and not layer.relations
    DEFAULT_SCHEMA.check_layer(layer)


def test_rename_replaces_the_name_and_keeps_it_as_an_alias_only_when_asked():
    e = Entity("e1", "لافرنتيف")
    assert edits.rename_entity(e, "لافرينتيف").after == Entity("e1", "لافرينتيف")  # a typo fix is not an alias
    change = edits.rename_entity(e, " «ألكسندر  لافرينتيف»، ", keep_alias=True)
    assert change.after.name == "ألكسندر لافرينتيف" and change.after.aliases == ("لافرنتيف",)
    assert edits.set_aliases(e, ["أ، ب", " ", "«ج»", "أ، ب"]).after.aliases == ("أ، ب", "ج")


def test_records_show_speaker_entity_cue_and_date():
    layer = Layer("d", "ann", "in_progress")
    ws = _ws(layer, Entity("e1", "الوزير"))
    q = edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, ws.entities, "QUOTE", 11, 25)
    q.change.apply(ws)
    for label, (s, e) in (("SPEAKER", (4, 10)), ("CUE", (0, 3)), ("DATE", (30, 45))):
        edits.add_annotation(TEXT, layer, DEFAULT_SCHEMA, ws.entities, label, s, e, record=q.span.id).change.apply(ws)
    rec = edits.record_of(layer, q.span.id, ws.entities)
    assert (rec.speaker.text, rec.entity.name, rec.cue.text, rec.date.text) == ("الوزير", "الوزير", "قال",
                                                                                TEXT[30:45])
    assert not rec.missing_speaker
    assert edits.records_dated_by(layer, rec.date.id) == [layer.spans[q.span.id]]


def test_edits_and_render_import_no_qt():
    code = "import sys, app.ui.edits, app.ui.render; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

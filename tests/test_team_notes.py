"""Notes travel through a team's repository: an annotator's note on a document and its "needs discussion" flag (in
the layer file's header, only when there is one: a layer without a note is written byte-for-byte as before) and the
notes on annotations (span attributes) — written on one computer, arriving on the others, undone likewise; a
teammate's change of them detected like any change of a layer."""

import pytest

from app.core.changes import document_note_change, span_note_change
from app.core.errors import QawlError
from app.core.jsonl import make_document
from app.core.model import Layer, Span
from app.core.schema import DEFAULT_SCHEMA
from app.core.team import files as tf
from app.core.team import layout
from app.core.team.registry import SPEAKERS, Registry
from app.operations.team.layers import _follow_merges

from team_support import Team, add_word, hand_edit, holdings, make_template, show


# --- the layer file (pure, fast) ---------------------------------------------------------------------------------------

TEXT = "قال الرئيس إن الاقتصاد بخير."


def _layer(note: str = "", discuss: bool = False) -> tuple[Layer, object]:
    doc = make_document(TEXT, id="d1")
    span = Span.of(TEXT, "CUE", 0, 3, id="s1")
    return Layer("d1", "ali", "in_progress", [span], note=note, discuss=discuss), doc


def test_a_layer_without_a_note_is_written_exactly_as_before_notes_existed():
    layer, doc = _layer()
    data = tf.layer_bytes(layer, "d1", doc.text_sha256, "qawl-quotes")
    head = data.split(b"\n", 1)[0]
    assert head == (b'{"schema":"qawl-layer/1","doc_id":"d1","annotator":"ali","status":"in_progress",'
                    b'"text_sha256":"' + doc.text_sha256.encode() + b'","label_schema":"qawl-quotes"}')


def test_the_note_on_the_document_and_its_flag_are_in_the_header_and_read_back():
    schema = DEFAULT_SCHEMA
    layer, doc = _layer("اسم المتحدث غير واضح", True)
    data = tf.layer_bytes(layer, "d1", doc.text_sha256, schema.name)
    head = data.split(b"\n", 1)[0]
    assert head.endswith(',"note":"اسم المتحدث غير واضح","discuss":true}'.encode())
    assert tf.layer_bytes(layer.copy(), "d1", doc.text_sha256, schema.name) == data  # the same bytes every time
    path = layout.layer_path("ali", "d1")
    back = tf.read_layer(path, data, doc, schema)
    assert (back.note, back.discuss) == ("اسم المتحدث غير واضح", True) and back == layer
    flag_only, _ = _layer("", True)
    back = tf.read_layer(path, tf.layer_bytes(flag_only, "d1", doc.text_sha256, schema.name), doc, schema)
    assert (back.note, back.discuss) == ("", True)


@pytest.mark.parametrize("field, value, message", [("note", "3", "a note must be text"),
                                                   ("discuss", '"yes"', "must be true or false")])
def test_a_bad_note_in_a_layer_file_is_a_clear_error(field, value, message):
    layer, doc = _layer()
    data = tf.layer_bytes(layer, "d1", doc.text_sha256, "qawl-quotes")
    data = data.replace(b'"label_schema":"qawl-quotes"}', b'"label_schema":"qawl-quotes","%s":%s}'
                        % (field.encode(), value.encode()), 1)
    path = layout.layer_path("ali", "d1")
    with pytest.raises(QawlError) as err:
        tf.read_layer(path, data, doc, DEFAULT_SCHEMA)
    assert str(err.value).startswith(f"{path}:1: {field}: {message}")


def test_links_following_a_merged_speaker_keep_the_note_on_the_document():
    # Regression: a teammate's layer whose speaker link followed a merge was rebuilt without its note and flag.
    doc = make_document(TEXT, id="d1")
    span = Span.of(TEXT, "SPEAKER", 4, 10, id="s1", attrs={"entity": "e-gone"})
    layer = Layer("d1", "bob", "done", [span], note="راجع الاسم", discuss=True)
    moved = _follow_merges(layer, {SPEAKERS.name: Registry(merged={"e-gone": "e-kept"})})
    assert moved.spans["s1"].attrs["entity"] == "e-kept"
    assert (moved.note, moved.discuss) == ("راجع الاسم", True)
    assert doc.text[4:10] == span.text


# --- through the repository ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("team-notes"), ("ali", "bob"))


@pytest.fixture
def crew(tmp_path, template):
    t = Team.copy(template, tmp_path, ("ali", "bob"))
    yield t
    t.close()


def note_document(store, who: str, doc: str, text: str | None = None, discuss: bool | None = None):
    change = document_note_change(store.layer(doc, who), text, discuss)
    store.apply(change, actor=who)
    return change


@pytest.mark.slow
def test_a_note_and_its_flag_written_on_one_computer_arrive_on_the_other_and_an_undo_follows(crew):
    s = crew.stores
    path = layout.layer_path("ali", "d1")
    span = add_word(s["ali"], "ali", "d1", "CUE", "قال")
    crew.sync("ali")
    before = show(crew.remote, path)
    assert b'"note"' not in before
    crew.sync("bob")
    # On ali's computer: a note on the document, its flag, and a note on the annotation.
    change = note_document(s["ali"], "ali", "d1", "هل هذا اقتباس مباشر؟", True)
    s["ali"].apply(span_note_change(s["ali"].layer("d1", "ali"), span.id, "الفعل غير واضح", True), actor="ali")
    report = crew.sync("ali")
    assert report.sent_layers == 1
    report = crew.sync("bob")
    assert report.arrived == {"ali": {"d1"}}
    there = s["bob"].layer("d1", "ali")
    assert (there.note, there.discuss) == ("هل هذا اقتباس مباشر؟", True)
    assert there.spans[span.id].attrs == {"note": "الفعل غير واضح", "discuss": True}
    assert holdings(s["bob"]) == holdings(s["ali"])
    assert any(n.doc_id == "d1" and n.span is None and n.discuss for n in s["bob"].notes(annotator="ali"))
    # The flag alone on a document not started (no span, status todo) goes out too.
    note_document(s["ali"], "ali", "d2", discuss=True)
    crew.sync("ali")
    crew.sync("bob")
    assert (s["bob"].layer("d2", "ali").note, s["bob"].layer("d2", "ali").discuss) == ("", True)
    # Undone on ali's computer: undone on bob's, and the file is byte-for-byte what it was before the note.
    s["ali"].apply(change.inverse(), actor="ali")
    s["ali"].apply(span_note_change(s["ali"].layer("d1", "ali"), span.id, "", False), actor="ali")
    crew.sync("ali")
    assert show(crew.remote, path) == before
    crew.sync("bob")
    there = s["bob"].layer("d1", "ali")
    assert (there.note, there.discuss) == ("", False) and there.spans[span.id].attrs == {}
    assert holdings(s["bob"]) == holdings(s["ali"])


@pytest.mark.slow
def test_a_change_of_my_note_made_elsewhere_is_taken_and_said_or_is_a_conflict(crew):
    s = crew.stores
    path = layout.layer_path("ali", "d1")
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    note_document(s["ali"], "ali", "d1", "أولى")
    crew.sync("ali")
    hand_edit(crew.remote, path, show(crew.remote, path).replace('"note":"أولى"'.encode(),
                                                               '"note":"ثانية","discuss":true'.encode()))
    report = crew.sync("ali")
    assert any("was changed in the repository, not by this computer" in n for n in report.notices)
    assert s["ali"].layer_note("d1", "ali") == ("ثانية", True)
    # Both change the note: nothing overwritten on either side.
    hand_edit(crew.remote, path, show(crew.remote, path).replace('"note":"ثانية"'.encode(), '"note":"ثالثة"'.encode()))
    note_document(s["ali"], "ali", "d1", "رابعة")
    report = crew.sync("ali")
    assert len(report.conflicts) == 1 and "qawl team resolve d1 --mine" in report.conflicts[0]
    assert s["ali"].layer_note("d1", "ali") == ("رابعة", True)
    assert '"note":"ثالثة"'.encode() in show(crew.remote, path)


@pytest.mark.slow
def test_a_teammates_note_changed_here_is_put_back(crew):
    s = crew.stores
    note_document(s["bob"], "bob", "d3", "check the date", True)
    add_word(s["bob"], "bob", "d3", "CUE", "said")
    crew.sync("bob")
    crew.sync("ali")
    note_document(s["ali"], "bob", "d3", "", False)  # bob's note, changed on ali's computer
    report = crew.sync("ali")
    assert any("bob's layer of 'd3' had been changed on this computer" in n for n in report.notices)
    assert s["ali"].layer_note("d3", "bob") == ("check the date", True)


@pytest.mark.slow
def test_a_teammates_note_arrives_in_the_notes_sidebar_after_team_sync(qtbot, crew):
    from app.operations.project import gui_api

    from ui_support import open_window

    s = crew.stores
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    note_document(s["bob"], "bob", "d1", "من المتحدث هنا؟", True)
    crew.sync("bob")
    win = open_window(qtbot, s["ali"], annotator="ali", doc="d1", api=gui_api())
    notes = win.notes
    notes.show()
    notes.refresh()
    assert notes.model.entries == []
    task = win.team.sync()
    assert task is not None
    qtbot.waitUntil(lambda: win.team.task is None, timeout=60_000)
    assert win.team.last_report.arrived == {"bob": {"d1"}}
    qtbot.waitUntil(lambda: [(e.annotator, e.text, e.discuss) for e in notes.model.entries]
                    == [("bob", "من المتحدث هنا؟", True)], timeout=5_000)
    win.team.report_box.close()

"""Claims in the window: the keys (W check-worthiness, R verdict, U fact-check URL, G link to the registry), the
claim fields of the Quotes sidebar, the Claims sidebar (edit, merge, mentions, jump), undo, and bad input refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.changes import AddClaim
from app.core.model import CanonicalClaim
from app.ui import claims as claims_ui
from app.ui import dialogs
from app.ui.claim_dialogs import ClaimPick, ClaimPicker, MergeClaimsDialog, VerdictMenu
from app.ui.claims_dock import ClaimsModel, MentionsModel
from ui_support import find, label, open_window, press, settle

K = Qt.Key
A = ("وقال وزير الصحة إن عدد المصابين بلغ 500 شخص في الرياض أمس. "
     "وأكدت الوزارة أن المستشفيات تعمل بكامل طاقتها.")
B = "وكرر المتحدث أن عدد المصابين وصل إلى 500 شخص في الرياض."


@pytest.fixture
def win(qtbot, make_store):
    store = make_store({"a": A, "b": B})
    return open_window(qtbot, store, doc="a")


def _claim(win, text, sub):
    label(win, *find(text, sub), K.Key_C)
    settle()
    return win.session.layer.spans[win.session.selected]


def _stored(win, doc="a"):
    return win.session.store.layer(doc, "amal")


def test_w_cycles_checkworthiness_and_undo_restores_it(win):
    span = _claim(win, A, "عدد المصابين بلغ 500 شخص في الرياض")
    press(win.view, K.Key_W)
    assert _stored(win).spans[span.id].attrs["checkworthy"] == "yes"
    press(win.view, K.Key_W)
    press(win.view, K.Key_W)
    assert _stored(win).spans[span.id].attrs["checkworthy"] == "unsure"
    press(win.view, K.Key_W)
    assert "checkworthy" not in _stored(win).spans[span.id].attrs
    press(win.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(win).spans[span.id].attrs["checkworthy"] == "unsure"
    assert win.session.layer.spans[span.id].attrs["checkworthy"] == "unsure"


def test_r_sets_the_verdict_from_the_projects_list(win, monkeypatch):
    span = _claim(win, A, "المستشفيات تعمل بكامل طاقتها")
    offered = []
    monkeypatch.setattr(VerdictMenu, "ask", lambda parent, verdicts, current, pos: offered.append(verdicts) or "false")
    press(win.view, K.Key_R)
    assert offered[0] == ("true", "mostly true", "misleading", "false", "unverifiable", "not checked")
    assert _stored(win).spans[span.id].attrs["verdict"] == "false"
    settle()
    fields = win.findChild(claims_ui.ClaimFields)
    assert fields.isVisible() and fields.verdict.currentData() == "false"
    # The Quotes sidebar shows it on the claim's row, and a claim with no speaker is the article's, not a warning.
    row = win.quotes.model.row_of("amal", span.id)
    assert "false" in win.quotes.model.index(row, 0).data()
    assert win.quotes.model.index(row, 2).data() == "(the article)"
    assert win.quotes.missing.text() == ""


def test_a_malformed_fact_check_url_is_refused_and_changes_nothing(win, monkeypatch):
    span = _claim(win, A, "المستشفيات تعمل بكامل طاقتها")
    before = len(win.session.store.history())
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "fatabyyano.net/x")
    press(win.view, K.Key_U)
    assert "Fact-check URL" in win.message.text() and "http" in win.message.text()
    assert "factcheck" not in _stored(win).spans[span.id].attrs and len(win.session.store.history()) == before
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "https://fatabyyano.net/x")
    press(win.view, K.Key_U)
    assert _stored(win).spans[span.id].attrs["factcheck"] == "https://fatabyyano.net/x"
    # Typed in the sidebar: refused the same way.
    fields = win.findChild(claims_ui.ClaimFields)
    settle()
    fields.factcheck.setText("not-a-url")
    fields._edit_factcheck()
    assert _stored(win).spans[span.id].attrs["factcheck"] == "https://fatabyyano.net/x"
    assert "not a web address" in win.message.text()


def test_a_claim_inside_a_quote_shows_the_quotes_speaker_as_claimant(win):
    label(win, *find(A, "إن عدد المصابين بلغ 500 شخص في الرياض أمس"), K.Key_Q)
    label(win, *find(A, "وزير الصحة"), K.Key_S)
    span = _claim(win, A, "عدد المصابين بلغ 500 شخص")
    settle()
    assert "وزير الصحة" in win.quotes.editor.entity.text() and "from the quote" in win.quotes.editor.entity.text()
    row = win.quotes.model.row_of("amal", span.id)
    assert "وزير الصحة" in win.quotes.model.index(row, 2).data()


def test_g_links_a_claim_to_the_registry_and_the_next_article_is_offered_it(win, qtbot, monkeypatch):
    span = _claim(win, A, "عدد المصابين بلغ 500 شخص في الرياض")
    win.claim_commands.set_attr(span.id, "verdict", "false")
    monkeypatch.setattr(ClaimPicker, "ask", lambda parent, span, claims, proposals, index: ClaimPick(new_text=None))
    press(win.view, K.Key_G)
    store = win.session.store
    (claim,) = store.claims().values()
    assert claim.text == "عدد المصابين بلغ 500 شخص في الرياض" and claim.verdict == "false"
    assert claim.source["doc_id"] == "a" and claim.source["annotator"] == "amal"
    assert _stored(win).spans[span.id].attrs["claim"] == claim.id
    # In the other article, tagging the same claim proposes it; linking sets the verdict from it.
    win.open_document("b")
    other = _claim(win, B, "عدد المصابين وصل إلى 500 شخص في الرياض")
    qtbot.waitUntil(lambda: "Similar claim in the registry" in win.message.text(), timeout=2000)
    proposals = win.claim_commands.proposals(other)
    assert proposals and proposals[0][0] == claim.id
    seen = {}

    def pick(parent, span, claims, proposals, index):
        seen["proposals"] = proposals
        return ClaimPick(claim_id=proposals[0][0])

    monkeypatch.setattr(ClaimPicker, "ask", pick)
    press(win.view, K.Key_G)
    assert seen["proposals"][0][0] == claim.id
    linked = _stored(win, "b").spans[other.id]
    assert linked.attrs["claim"] == claim.id and linked.attrs["verdict"] == "false"
    press(win.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "claim" not in _stored(win, "b").spans[other.id].attrs


def test_the_claims_sidebar_edits_merges_and_jumps(win, qtbot, qtmodeltester, monkeypatch):
    store = win.session.store
    first = _claim(win, A, "عدد المصابين بلغ 500 شخص في الرياض")
    win.claim_commands.new_claim(first.id)
    second = _claim(win, A, "المستشفيات تعمل بكامل طاقتها")
    win.claim_commands.new_claim(second.id)
    settle()
    dock = win.claims
    model = dock.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    k1 = _stored(win).spans[first.id].attrs["claim"]
    k2 = _stored(win).spans[second.id].attrs["claim"]
    row = model.row_of(k1)
    # Verdict in the registry: my mention that followed the claim follows it; the source says who set it.
    assert model.setData(model.index(row, ClaimsModel.VERDICT), "misleading")
    assert store.claim(k1).verdict == "misleading" and _stored(win).spans[first.id].attrs["verdict"] == "misleading"
    settle()
    assert "set by amal" in model.index(row, ClaimsModel.SOURCE).data()
    # Bad input in the table: refused, nothing changes.
    before = store.claim(k1)
    assert not model.setData(model.index(row, ClaimsModel.FACTCHECK), "www.example.org")
    assert not model.setData(model.index(row, ClaimsModel.VERDICT), "pants on fire")
    assert store.claim(k1) == before
    # Mentions of the selected claim, and a jump to one.
    dock.select_ids([k1])
    settle()
    qtmodeltester.check(dock.mentions)
    assert dock.mentions.rowCount() == 1
    win.session.select(None)
    dock._jump(dock.mentions.index(0, 0))
    assert win.session.selected == first.id
    settle()
    assert dock.selected_ids() == [k1]  # the sidebar follows the current claim
    # Merge: the other claim's mention follows; one undo step brings both back.
    monkeypatch.setattr(MergeClaimsDialog, "ask", lambda parent, a, b, counts: (store.claim(k1), store.claim(k2)))
    dock.select_ids([k1, k2])
    settle()
    assert dock.merge.isEnabled()
    dock.merge.click()
    settle()
    assert set(store.claims()) == {k1} and _stored(win).spans[second.id].attrs["claim"] == k1
    assert model.rowCount() == 1 and model.counts()[k1] == 2
    press(win.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert set(store.claims()) == {k1, k2} and model.rowCount() == 2


def test_a_verdict_outside_the_list_is_refused_by_the_sidebar(win):
    span = _claim(win, A, "المستشفيات تعمل بكامل طاقتها")
    before = len(win.session.store.history())
    assert not win.claim_commands.set_attr(span.id, "verdict", "pants on fire")
    assert "not one of this project's verdicts" in win.message.text()
    assert len(win.session.store.history()) == before


def test_claim_keys_without_a_claim_say_what_to_do(win):
    for key in (K.Key_W, K.Key_R, K.Key_U, K.Key_G):
        win.message.setText("")
        press(win.view, key)
        assert "Select a claim" in win.message.text()
    assert win.session.store.claims() == {}


def test_the_window_exports_claim_reviews_in_the_background(qtbot, make_store, tmp_path, monkeypatch):
    from app.operations.project import gui_api
    from app.ui.transfer import ExportRequest, export_formats

    win = open_window(qtbot, make_store({"a": A}), doc="a", api=gui_api())
    assert {c.key: c.folder for c in export_formats(win.api.export_formats)}["claimreview"] is False
    span = _claim(win, A, "المستشفيات تعمل بكامل طاقتها")
    win.claim_commands.set_attr(span.id, "verdict", "misleading")
    out = tmp_path / "reviews.jsonld"
    win.start_export(ExportRequest(str(out), "claimreview", "amal"))
    qtbot.waitUntil(lambda: "Wrote" in win.message.text(), timeout=20000)
    import orjson

    (review,) = orjson.loads(out.read_bytes())
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "misleading"


def test_the_verdict_list_is_edited_in_the_window_and_a_used_verdict_cannot_go(qtbot, make_store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.operations.project import gui_api
    from app.ui.claim_dialogs import edit_verdicts

    win = open_window(qtbot, make_store({"a": A}), doc="a", api=gui_api())
    span = _claim(win, A, "المستشفيات تعمل بكامل طاقتها")
    win.claim_commands.set_attr(span.id, "verdict", "misleading")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("صحيح\nزائف", True))
    assert not edit_verdicts(win)
    assert "misleading" in win.message.text() and "verdicts:" in win.message.text()
    assert win.session.store.schema.label("CLAIM").attr("verdict").choices[2] == "misleading"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("صحيح\nمضلل\nmisleading\nزائف", True))
    assert edit_verdicts(win)
    assert win.claim_commands.verdicts() == ("صحيح", "مضلل", "misleading", "زائف")
    assert win.claim_commands.set_attr(span.id, "verdict", "مضلل")
    assert not win.claim_commands.set_attr(span.id, "verdict", "false")

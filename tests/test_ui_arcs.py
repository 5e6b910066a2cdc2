"""Attribution at a glance (#13 part 5): the current quote's speaker, cue and date joined to it by lines drawn
between the spans' nearest edges (right-to-left, left-to-right, wrapped lines, far apart, off screen), View ▸ Show
all links (Ctrl+Shift+L), geometry cached between paints, and no letter hidden."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.core.changes import AddSpan
from app.core.jsonl import Record, make_document
from app.core.model import Layer, Relation, Span

from ui_support import find, open_window, press, settle

K = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

LINE = "قال الرئيس يوم الأحد إن الوضع جيد. وأضاف الوزير أن الأمر مهم."
FILLER = "وتحدثت التقارير عن تطورات كثيرة في المنطقة خلال الأسابيع الماضية دون أن تتضح الصورة بعد. "


def _import(store, doc_id: str, text: str, parts: list[tuple[str, str, str, int]], relations, **meta):
    spans = []
    for label, sub, span_id, occurrence in parts:
        attrs = {"type": "indirect"} if label == "QUOTE" else {}
        spans.append(Span.of(text, label, *find(text, sub, occurrence), id=span_id, attrs=attrs))
    rels = [Relation(f"r{i}", rtype, head, tail) for i, (rtype, head, tail) in enumerate(relations)]
    doc = make_document(text, id=doc_id, meta={"title": doc_id, **meta})
    store.import_records([Record(doc, Layer(doc_id, "amal", "in_progress", spans, rels), [], None)])


@pytest.fixture
def win(qtbot, make_store):
    store = make_store()
    _import(store, "line", LINE,
            [("QUOTE", "إن الوضع جيد", "q", 0), ("SPEAKER", "الرئيس", "s", 0), ("CUE", "قال", "k", 0),
             ("DATE", "يوم الأحد", "d", 0), ("QUOTE", "أن الأمر مهم", "q2", 0), ("SPEAKER", "الوزير", "s2", 0)],
            [("SAID_BY", "q", "s"), ("CUE", "q", "k"), ("DATED", "q", "d"), ("SAID_BY", "q2", "s2")])
    english = "The minister said on Sunday that the plan works well."
    _import(store, "ltr", english, [("QUOTE", "the plan works well", "q", 0), ("SPEAKER", "The minister", "s", 0)],
            [("SAID_BY", "q", "s")])
    # A quote over wrapped lines, its speaker two sentences later (a few lines below), its date far below.
    wrapped = ("أكد المسؤول أن " + FILLER * 2 + "وهو ما قاله الوزير أمس. " + FILLER * 12 + "في يوم الخميس.")
    quote = "أن " + FILLER * 2
    _import(store, "wrapped", wrapped,
            [("QUOTE", quote.strip(), "q", 0), ("SPEAKER", "الوزير", "s", 0), ("DATE", "يوم الخميس", "d", 0)],
            [("SAID_BY", "q", "s"), ("DATED", "q", "d")])
    return open_window(qtbot, store, doc="line")


def _links(win, **filters):
    settle()
    return [link for link in win.links.links() if all(getattr(link, k) == v for k, v in filters.items())]


def _rects(win, text: str, sub: str):
    return win.view.span_rects(*find(text, sub))


def test_a_current_quote_is_joined_to_its_speaker_cue_and_date_between_nearest_edges_rtl(win):
    assert _links(win) == []  # nothing is current yet
    win.session.select("q")
    links = {link.rtype: link for link in _links(win)}
    assert set(links) == {"SAID_BY", "CUE", "DATED"} and all(l.current and l.route == "line"
                                                           for l in links.values())
    (q,) = _rects(win, LINE, "إن الوضع جيد")
    for rtype, sub in (("SAID_BY", "الرئيس"), ("CUE", "قال"), ("DATED", "يوم الأحد")):
        (part,) = _rects(win, LINE, sub)
        assert part.left() > q.right()  # right-to-left: what was read before the quote is on its right
        link = links[rtype]
        # From the quote's edge facing the part (its right) to the part's edge facing the quote (its left).
        assert (link.a.x(), link.a.y()) == (q.right() + 1, q.top()), rtype
        assert (link.b.x(), link.b.y()) == (part.left(), part.top()), rtype
        # A staple in the gap above the line, between the two edges only.
        box = link.path.boundingRect()
        assert box.bottom() <= q.top() + 2 and box.top() < q.top()
        assert q.right() + 1 <= box.left() + 0.01 and box.right() <= part.left() + 0.01
    # The speaker's, the cue's and the date's staples stand at different heights.
    assert len({l.path.boundingRect().top() for l in links.values()}) == 3


def test_left_to_right_text_joins_the_left_edge_of_the_quote(win):
    win.open_document("ltr")
    win.session.select("q")
    (link,) = _links(win)
    text = win.session.document.text
    (q,) = _rects(win, text, "the plan works well")
    (s,) = _rects(win, text, "The minister")
    assert s.right() < q.left()
    assert (link.a.x(), link.b.x()) == (q.left(), s.right() + 1) and link.route == "line"


def test_wrapped_lines_far_parts_and_parts_off_screen(win, qtbot):
    win.open_document("wrapped")
    win.view.setFixedWidth(420)
    win.view.setFixedHeight(300)
    settle()
    win.session.select("q")
    text = win.session.document.text
    quote = _rects(win, text, ("أن " + FILLER * 2).strip())
    assert len(quote) >= 3  # wrapped
    lines = sorted({r.top() for r in quote})
    speaker = _rects(win, text, "الوزير")
    (said,) = _links(win, rtype="SAID_BY")
    last = [r for r in quote if r.top() == lines[-1]][0]
    if speaker[0].top() == last.top():
        pytest.skip("the speaker landed on the quote's last line at this font")
    # Leaves the quote's last line from its lower boundary, reaches the speaker's line at its upper one, each at
    # the edge nearest the other.
    assert said.route == "curve"
    assert said.a.y() == last.bottom() + 1 and said.b.y() == speaker[0].top()
    s = speaker[0]
    edges = [(abs(ax - bx), ax, bx) for ax in (last.left(), last.right() + 1) for bx in (s.left(), s.right() + 1)]
    assert (said.a.x(), said.b.x()) in {(ax, bx) for d, ax, bx in edges if d == min(edges)[0]}
    # The date is off screen below: its link runs down the margin out of the view, with an arrowhead.
    (dated,) = _links(win, rtype="DATED")
    assert dated.route == "below" and dated.b.y() > win.view.viewport().height()
    box = dated.path.boundingRect()
    margin = win.view.document().documentMargin()
    assert box.left() < margin or box.right() > win.view.viewport().width() - margin
    # Scrolled so that both are on screen but far apart: through the margin.
    win.view.setFixedHeight(900)
    settle()
    (dated,) = _links(win, rtype="DATED")
    date = _rects(win, text, "يوم الخميس")
    if dated.route == "below":
        pytest.skip("the date is still below the view at this font")
    assert dated.route == "margin" and dated.a.y() == last.bottom() + 1 and dated.b.y() == date[0].top()
    box = dated.path.boundingRect()
    assert box.left() < margin or box.right() > win.view.viewport().width() - margin


def test_edges_one_above_the_other_are_joined_by_an_arc_bowed_into_the_margin(win, make_store, qtbot):
    """Two paragraphs starting at the right margin (right-to-left): the edges are one above the other, and a
    straight line between them would cross the paragraph between like an alef."""
    text = "إن الوضع جيد جدا.\nوتحدثت التقارير عن تطورات كثيرة.\nالرئيس قال ذلك أمس."
    _import(win.session.store, "stack", text, [("QUOTE", "إن الوضع جيد", "q", 0), ("SPEAKER", "الرئيس", "s", 0)],
            [("SAID_BY", "q", "s")])
    win.documents.model.refresh()
    win.open_document("stack")
    win.session.select("q")
    (link,) = _links(win)
    (q,) = _rects(win, text, "إن الوضع جيد")
    (s,) = _rects(win, text, "الرئيس")
    assert link.route == "curve" and link.a.x() == link.b.x() == q.right() + 1 == s.right() + 1
    assert (link.a.y(), link.b.y()) == (q.bottom() + 1, s.top())
    box = link.path.boundingRect()
    assert box.right() > q.right() + 4  # bowed out towards the right margin, beside the middle line's text


def test_show_all_links_toggles_with_its_key_and_is_remembered(win, qtbot, make_store):
    win.view.setFocus()
    assert _links(win) == []
    press(win.view, K.Key_L, CTRL_SHIFT)
    action = win.registry["show_links"]
    assert action.isChecked() and win.links.show_all
    shown = _links(win)
    assert {(l.head, l.tail) for l in shown} == {("q", "s"), ("q", "k"), ("q", "d"), ("q2", "s2")}
    assert not any(l.current for l in shown)
    win.session.select("q2")
    assert {(l.head, l.current) for l in _links(win)} == {("q", False), ("q2", True)}
    assert win.settings.value("view/links") == "true"
    assert action in win.menus["view"].actions()
    press(win.view, K.Key_L, CTRL_SHIFT)
    assert not win.links.show_all and [l.head for l in _links(win)] == ["q2"]


def test_geometry_is_computed_once_per_view_state(win):
    win.links.set_show_all(True)
    view = win.view
    view.viewport().repaint()
    done = win.links.computed
    for _ in range(3):
        view.viewport().repaint()  # a caret blink, a hover: nothing moved
    assert win.links.computed == done
    win.session.apply(AddSpan("line", "amal", Span.of(LINE, "CLAIM", *find(LINE, "الأمر مهم"), id="c")))
    settle()
    view.viewport().repaint()
    assert win.links.computed == done + 1  # an edit (the formats moved letters)
    view.setFixedWidth(view.width() - 40)
    settle()
    view.viewport().repaint()
    assert win.links.computed == done + 2  # a new layout


def _gray(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    array = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return array[:, : image.width(), :3].mean(axis=2)


def test_links_never_hide_a_letter(win):
    """Every pixel of a letter (dark ink) drawn without the links is still dark with them: the lines are thin,
    translucent and drawn between the lines or beside the text."""
    win.open_document("wrapped")
    win.view.setFixedWidth(420)
    win.links.set_show_all(True)
    win.session.select("q")
    settle()
    view = win.view
    with_links = _gray(view.viewport().grab().toImage())
    view.overlays.remove(win.links.paint)
    try:
        without = _gray(view.viewport().grab().toImage())
    finally:
        view.overlays.append(win.links.paint)
    drawn = np.abs(with_links - without) > 20
    assert drawn.sum() > 100  # the links are there
    ink = without < 90
    # Where a line crosses a letter, the letter stays darker than the line by far: the line is translucent over
    # the paper, so the letter's strokes still stand out of it.
    line = with_links[drawn & ~ink]
    assert np.median(line) > np.median(without[ink]) + 150
    assert (with_links[ink] <= without[ink] + 25).all()  # no letter pixel is washed out


def test_the_links_benchmark_measures_beside_its_floor(corpus, tmp_path, monkeypatch):
    """`qawl bench ui --only arcs` paints the 5,000-word article with and without the links (a short run)."""
    from app.bench.ui_arcs import measure_arcs

    monkeypatch.setenv("QAWL_SETTINGS_DIR", str(tmp_path / "settings"))
    lines, verdicts = [], []
    measure_arcs(tmp_path, lines, verdicts, runs=3)
    assert len(verdicts) == 1 and len(lines) == 5
    assert all("floor" in line for line in lines[1:])
    assert int(lines[2].split("all ")[1].split()[0]) >= 9  # every quote on screen with its three links

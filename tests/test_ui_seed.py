"""The seed article annotated completely through the real window with the keyboard (tests/ui_seed_script.py):
every quote gets its speaker, cue and date, every date its value, and the result is a valid layer."""

from __future__ import annotations

from app.core.jsonl import quote_rows
from app.core.sources import read_sources
from ui_seed_script import SEED, STEPS, annotate, find
from ui_support import open_window


def test_the_seed_article_is_annotated_completely_with_the_keyboard(qtbot, make_store):
    store = make_store()
    store.import_records(read_sources([SEED]))
    win = open_window(qtbot, store)
    annotate(win)
    doc = win.session.document
    layer = store.layer(doc.id, "amal")
    assert layer == win.session.layer
    win.session.schema.check_layer(layer)
    labels = [s.label for s in layer.spans.values()]
    assert labels.count("QUOTE") == sum(1 for s in STEPS if s[0] == "Q") == 11
    assert labels.count("CLAIM") == 3 and labels.count("DATE") == 4
    for step in STEPS:
        if step[0] in "QCSKD":
            start, end = find(doc.text, step[1], step[2])
            assert any((s.start, s.end) == (start, end) for s in layer.spans.values()), step
    rows = list(quote_rows(doc, layer, store.entities()))
    assert all(r["speaker"] and r["cue"] for r in rows), [r["quote"][:30] for r in rows if not r["speaker"]]
    assert all(s.attrs.get("value") for s in layer.spans.values() if s.label == "DATE")
    dated = {r["quote"][:12]: r["date_value"] for r in rows if r["date_value"]}
    assert sorted(set(dated.values())) == ["2023-10-18", "2024-01-18"]
    lav = next(e for e in store.entities().values() if "لافرينتيف" in e.name)
    assert "المبعوث الرئاسي الروسي" in lav.aliases
    assert sum(1 for r in rows if r["speaker_id"] == lav.id) == 4
    assert layer.status == "done"
    # Only the outlet's own claim (the strike on al-Qaim) has no speaker in the text.
    said = {r.head for r in layer.relations.values() if r.type in ("SAID_BY", "CLAIMED_BY")}
    unsaid = [s.text[:20] for s in layer.spans.values() if s.label in ("QUOTE", "CLAIM") and s.id not in said]
    assert unsaid == ["استهدفت مقرات للمقاو"]
    # The claim inside a quote is nested, and both are drawn.
    claim = next(s for s in layer.spans.values() if s.text.startswith("شرع مجاهدونا"))
    assert any(s.label == "QUOTE" and s.start < claim.start and claim.end <= s.end for s in layer.spans.values())

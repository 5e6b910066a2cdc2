"""The seed article (the first thing users see): every attribution with the right speaker entity, no quoted
name suggested as a quote, every date normalised against the article date (2024-01-25, from the sidecar)."""

from __future__ import annotations

import json

from app.core.jsonl import make_document
from app.core.schema import DEFAULT_SCHEMA
from app.core.suggest import suggest_document
from tests.test_suggest_support import REPO, records

SEED = REPO / "seeds" / "000_615554193b62eb79"

# (how the quote starts, its type, the speaker group it belongs to, its DATED values) in reading order
ATTRIBUTIONS = [
    ("أن سحب القوات الأمريكية", "indirect", "lavrentiev", []),
    ("أنه سيكون من المستحيل", "indirect", "lavrentiev", []),
    ("إذا تم انسحاب القوات", "direct", "lavrentiev", []),
    ("أن العراق أبلغ الجانب الروسي", "indirect", "lavrentiev", []),
    ("الإدارة الأمريكية بضرورة انسحابها", "indirect", "iraqi-authorities", []),  # (whom the demand addresses)
    ("أن الحكومة العراقية ستدخل", "indirect", "sudani", ["2024-01-18"]),
    ("بعد الاعتداءات التي تطال", "direct", "sudani", []),
    ("هذا الأمر مطلب شعبي رسمي", "direct", "sudani", []),
    ("فيما يعاود الأمريكي", "direct", "walaei", []),
    ("المرحلة الثانية تتضمن", "direct", "walaei", []),
    ("أنها ستبدأ عملياً", "indirect", "resistance", ["2023-10-18"]),
]
QUOTED_NAMES = ["“نيوزميكر”", "“روسيا اليوم”", "“التحالف الدولي”", "“سيد الشهداء”", "“X”"]
DATES = [("18 كانون الثاني الجاري", "2024-01-18"), ("كانون الثاني 2020", "2020-01"),
         ("يوم الأربعاء 24 كانون الثاني الجاري", "2024-01-24"), ("18 تشرين الأول الفائت", "2023-10-18")]


def _seed():
    meta = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    doc = make_document(SEED.with_suffix(".txt").read_text(encoding="utf-8"), id=meta["id"], meta=meta)
    return doc, suggest_document(doc)


def test_seed_layer_is_valid_and_traceable():
    doc, result = _seed()
    DEFAULT_SCHEMA.check_layer(result.layer)
    result.layer.check_against(doc.text)
    assert doc.date == "2024-01-25"


def test_seed_every_attribution_found_with_the_right_speaker_entity():
    _, result = _seed()
    recs = records(result)
    assert len(recs) == len(ATTRIBUTIONS)
    for rec, (start, qtype, _, dated) in zip(recs, ATTRIBUTIONS):
        assert (rec["text"][:len(start)], rec["type"], rec["dated"]) == (start, qtype, dated)
    groups: dict[str, set[str]] = {}
    for rec, (_, _, group, _) in zip(recs, ATTRIBUTIONS):
        assert len(rec["entities"]) == 1, rec
        groups.setdefault(group, set()).update(rec["entities"])
    # one entity per speaker, and different speakers never share one
    assert all(len(ids) == 1 for ids in groups.values()), groups
    assert len({next(iter(ids)) for ids in groups.values()}) == len(groups)
    lavrentiev = next(iter(groups["lavrentiev"]))
    names = {e.id: e for e in result.entities}[lavrentiev]
    assert {"لافرينتيف", "المبعوث الرئاسي الروسي"} <= set(names.aliases) | {names.name}
    assert "ألكسندر لافرينتيف" in names.name


def test_seed_quoted_names_are_not_quotes():
    doc, result = _seed()
    quotes = result.layer.spans_by_label("QUOTE")
    for name in QUOTED_NAMES:
        start = doc.text.index(name)
        end = start + len(name)
        assert not any(start <= q.start and q.end <= end for q in quotes), name


def test_seed_every_date_normalised_given_the_article_date():
    _, result = _seed()
    spans = result.layer.spans_by_label("DATE")
    assert [(s.text, s.attrs["value"]) for s in spans] == DATES
    assert all(s.attrs.get("resolved", True) for s in spans)

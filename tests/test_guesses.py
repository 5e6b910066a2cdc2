"""First guesses for hand-made spans, pure: the quote type and the date value by the suggestion engine's rules
(app/core/suggest/kinds.py), and which registry speaker a name means (app/core/registry.py)."""

from __future__ import annotations

import json

import pytest

from app.core.jsonl import make_document
from app.core.model import Entity, Span
from app.core.registry import match
from app.core.suggest import suggest_document
from app.core.suggest.kinds import date_value, quote_type


def _find(text: str, sub: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


# --- quote type -------------------------------------------------------------------------------------------------

def test_direct_when_the_marks_enclose_the_span_even_just_outside_it(seed_text):
    inner = "هذا الأمر مطلب شعبي رسمي، وجادون به"
    assert quote_type(seed_text, *_find(seed_text, inner)) == "direct"  # marks just outside
    assert quote_type(seed_text, *_find(seed_text, f"“{inner}”")) == "direct"  # marks inside
    assert quote_type(seed_text, *_find(seed_text, f"أن “{inner}”")) == "direct"  # a complementizer before them


def test_a_quoted_name_inside_does_not_make_a_quote_mixed(seed_text):
    span = _find(seed_text, "أن الحكومة العراقية ستدخل بحوار لترتيب جدول لانتهاء مهام “التحالف الدولي” في العراق")
    assert quote_type(seed_text, *span) == "indirect"


def test_a_quoted_fragment_of_speech_makes_it_mixed():
    text = "وقال الوزير إن الحكومة «لن تتراجع عن قرارها مهما كانت الضغوط» في الأيام المقبلة."
    assert quote_type(text, *_find(text, "إن الحكومة «لن تتراجع عن قرارها مهما كانت الضغوط» في الأيام المقبلة")) \
        == "mixed"
    assert quote_type(text, *_find(text, "الأيام المقبلة")) == "indirect"


@pytest.mark.corpus
def test_the_guess_gives_every_hand_made_gold_type(corpus):
    """The development gold's 53 quotes, each typed by hand following the guidelines."""
    wrong, total = [], 0
    for line in (corpus / "quote-gold-dev" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text = (corpus / "arabic_articles" / f"{gold['file']}.txt").read_text(encoding="utf-8")
        for s in gold["spans"]:
            if s["label"] == "QUOTE":
                total += 1
                if quote_type(text, s["start"], s["end"]) != s["attrs"]["type"]:
                    wrong.append((gold["file"], s["text"][:40]))
    assert total == 53 and not wrong


@pytest.mark.corpus
@pytest.mark.slow
def test_the_guess_agrees_with_the_engines_own_types(corpus):
    """One implementation: on the engine's quotes over the 200 corpus articles, the hand guess agrees except
    where the engine reads context the issue's rule leaves out (speech after a colon without marks, parentheses
    used as marks after a colon, a mark left unclosed)."""
    colon_rules = {"direct-colon", "direct-colon-unmarked", "indirect-colon-unmarked", "direct-after-cue",
                   "direct-split-writer-cue"}
    agree = total = other_wrong = 0
    for path in sorted((corpus / "arabic_articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for s in suggest_document(make_document(text, id=path.stem)).layer.spans.values():
            if s.label != "QUOTE":
                continue
            total += 1
            same = quote_type(text, s.start, s.end) == s.attrs["type"]
            agree += same
            other_wrong += not same and s.provenance["rule"] not in colon_rules
    assert total > 1000 and agree / total > 0.93 and other_wrong == 0, (agree, total, other_wrong)


# --- date value ------------------------------------------------------------------------------------------------

def test_the_date_value_is_the_engines_resolved_against_the_article_date(seed_text):
    assert date_value(seed_text, *_find(seed_text, "18 كانون الثاني الجاري"), "2024-01-25") == "2024-01-18"
    assert date_value(seed_text, *_find(seed_text, "18 تشرين الأول الفائت"), "2024-01-25") == "2023-10-18"
    assert date_value(seed_text, *_find(seed_text, "كانون الثاني 2020"), "2024-01-25") == "2020-01"
    assert date_value(seed_text, *_find(seed_text, "18 كانون الثاني الجاري"), None) == "XXXX-01-18"
    assert date_value(seed_text, *_find(seed_text, "العراقية"), "2024-01-25") is None


# --- registry -----------------------------------------------------------------------------------------------------

REGISTRY = [Entity("sud", "محمد شياع السوداني"), Entity("par", "مجلس النواب العراقي"),
            Entity("lav", "لافرينتيف", ("المبعوث الرئاسي الروسي",)), Entity("min", "أحمد سالم", ("الوزير",))]


@pytest.mark.parametrize("name, expected", [
    ("رئيس مجلس الوزراء العراقي محمد شياع السوداني", "sud"),  # the example: a title before the name
    ("محمّد شياع السوداني،", "sud"),  # harakat and a comma do not matter
    ("السوداني", "sud"),  # a surname
    ("المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف", "lav"),
    ("المبعوث الرئاسي الروسي", "lav"),  # an alias
    ("رئيس مجلس النواب العراقي", None),  # the head of parliament is not parliament
    ("الوزير", None),  # a bare title names nobody in particular across articles
    ("مجلس الوزراء", None),
])
def test_which_registry_speaker_a_name_means(name, expected):
    found = match(REGISTRY, [name])
    assert (found.id if found else None) == expected


def test_in_article_mentions_come_first():
    text = "قال الوزير علي حسن إن ..."
    mention = Span.of(text, "SPEAKER", 4, 18, id="m1", attrs={"entity": "ali"})
    registry = [*REGISTRY, Entity("ali", "علي حسن")]
    assert match(registry, ["الوزير"], [mention]).id == "ali"  # this article's minister
    assert match(registry, ["حسن"], [mention]).id == "ali"


def test_several_speakers_at_the_same_rule_is_none():
    twins = [Entity("a", "أحمد محمد السالم"), Entity("b", "خالد محمد السالم")]
    assert match(twins, ["السالم"]) is None

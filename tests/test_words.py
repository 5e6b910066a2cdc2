"""Clean spans from loose selections (app/core/text/words.py), pure: the issue's examples on the seed article, real
corpus sentences (punctuation, clitics, tashkeel, tatweel, Latin and digits), emoji, and a sweep of seeded random
drags over every corpus article checking that no span splits a word or keeps stray punctuation at an edge."""

from __future__ import annotations

import random

import pytest

from app.core.text.words import (clean_name, is_word_char, paragraph_of, sentence_of, snap_span, step,
                                 toggle_proclitic, word_at)


def _snap(text: str, loose: str, occurrence: int = 0, **kw) -> str | None:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(loose, i + 1)
    found = snap_span(text, i, i + len(loose), **kw)
    return text[found[0]:found[1]] if found else None


# --- the examples, on the seed article ----------------------------------------------------------------

def test_a_drag_over_parts_of_two_words_takes_the_words_it_mostly_covers(seed_text):
    assert _snap(seed_text, "ا ألكسندر لاف") == "ألكسندر"
    assert _snap(seed_text, "وريا ألكسندر لافرينتي") == "سوريا ألكسندر لافرينتيف"


def test_trailing_punctuation_goes(seed_text):
    assert _snap(seed_text, "محمد شياع السوداني،") == "محمد شياع السوداني"
    assert _snap(seed_text, "من سوريا.\n") == "من سوريا"


def test_a_direct_quote_starts_after_its_mark_and_ends_before_the_closing_one(seed_text):
    assert _snap(seed_text, ": “فيما يعاود") == "فيما يعاود"
    whole = _snap(seed_text, "“هذا الأمر مطلب شعبي رسمي، وجادون به”.")
    assert whole == "هذا الأمر مطلب شعبي رسمي، وجادون به"


def test_a_quoted_name_inside_an_indirect_quote_keeps_its_marks(seed_text):
    loose = "أن الحكومة العراقية ستدخل بحوار لترتيب جدول لانتهاء مهام “التحالف الدولي” في العراق،"
    assert _snap(seed_text, loose) == loose[:-1]
    assert _snap(seed_text, "“التحالف الدولي” في") == "“التحالف الدولي” في"


def test_double_click_on_a_word_after_a_quotation_mark_takes_the_word(seed_text):
    i = seed_text.index("“بعد")
    assert word_at(seed_text, i + 2) == (i + 1, i + 4)
    assert word_at(seed_text, i) is None  # on the mark itself: no word


def test_a_drag_inside_one_word_takes_that_word(seed_text):
    i = seed_text.index("لافرينتيف")
    assert seed_text[slice(*snap_span(seed_text, i + 2, i + 4))] == "لافرينتيف"


def test_only_punctuation_or_space_is_nothing():
    assert snap_span("قال: «", 3, 6) is None
    assert snap_span("  ", 0, 2) is None


# --- real corpus sentences ----------------------------------------------------------------------------------------

def _article(corpus, name: str) -> str:
    return (corpus / "arabic_articles" / f"{name}.txt").read_text(encoding="utf-8")


def test_tatweel_and_harakat_stay_with_their_word(corpus):
    tatweel = _article(corpus, "ar_snn_0007")
    i = tatweel.index("الـسابعة")
    assert tatweel[slice(*snap_span(tatweel, i + 1, i + 4))] == "الـسابعة"  # the drag ends on the tatweel
    harakat = _article(corpus, "ar_snn_0003")
    i = harakat.index("بدءًا")
    assert harakat[slice(*snap_span(harakat, i, i + 4))] == "بدءًا"  # not split before the tanween


def test_latin_words_keep_their_inner_dots_and_lose_the_final_one(corpus):
    text = _article(corpus, "ar_snn_0024")
    assert _snap(text, "MICONLINE.GOV.SA.") == "MICONLINE.GOV.SA"


def test_numbers_dates_and_percentages_are_whole():
    text = "ارتفع بنسبة 3.5% في 18-01-2024، أي نحو 1,000 دولار."
    assert _snap(text, "3.5%") == "3.5%"
    assert _snap(text, "-01-2024،") == "18-01-2024"
    assert _snap(text, ",000 دولار.") == "1,000 دولار"


def test_an_emoji_sequence_is_a_word_of_its_own():
    text = "قال الوزير 👩‍👩‍👧 رائع 👍🏽!"
    assert _snap(text, "👍🏽!") == "👍🏽"
    i = text.index("👩")
    assert text[slice(*snap_span(text, i + 1, i + 2))] == "👩‍👩‍👧"


def test_snapping_off_keeps_the_characters_selected_but_never_splits_a_letter_from_its_marks():
    text = "الســوداني، قالَ"
    assert _snap(text, "السوداني،"[:3], words_only=False) == "الســ"  # the tatweel goes with its letter
    i = text.index("قالَ")
    assert text[slice(*snap_span(text, i, i + 3, words_only=False))] == "قالَ"
    assert _snap(text, "الســوداني،", words_only=False) == "الســوداني،"


def test_a_step_moves_one_whole_letter_with_its_harakat_and_tatweel():
    text = "لـقالَ"
    assert step(text, 0, True) == 2  # ل with its tatweel
    assert step(text, 6, False) == 4  # لَ with its fatha
    assert step(text, 2, False) == 0


def test_the_proclitic_key_leaves_out_one_clitic_at_a_time_then_puts_them_back():
    text = "والرئيس وقال لبنان بالـبيان"
    assert toggle_proclitic(text, 0, 7) == (1, 7)  # و
    assert toggle_proclitic(text, 1, 7) == (3, 7)  # ال
    assert toggle_proclitic(text, 3, 7) == (0, 7)  # nothing left to drop: back to the whole word
    i = text.index("وقال")
    assert toggle_proclitic(text, i, i + 4) == (i + 1, i + 4)
    i = text.index("بالـبيان")
    assert toggle_proclitic(text, i, i + 8) == (i + 1, i + 8)
    assert toggle_proclitic("قال", 0, 3) is None


def test_sentences_end_at_periods_but_not_at_abbreviations():
    text = "قال د. الجهني إن الأمر مهم. ثم غادر.\nسطر آخر"
    s, e = sentence_of(text, text.index("إن"))
    assert text[s:e] == "قال د. الجهني إن الأمر مهم"
    assert text[slice(*sentence_of(text, text.index("غادر")))] == " ثم غادر"
    assert text[slice(*paragraph_of(text, 3))] == "قال د. الجهني إن الأمر مهم. ثم غادر."


def test_a_registry_name_is_never_made_from_untrimmed_text():
    assert clean_name(" «محمد  شياع\nالسوداني»، ") == "محمد شياع السوداني"
    assert clean_name("الســوداني\u200f") == "السوداني"
    assert clean_name("(أبو آلاء) الولائي") == "(أبو آلاء) الولائي"


# --- every corpus article -------------------------------------------------------------------------------------

def _bad_edge(text: str, pos: int, inside: str) -> bool:
    """An edge that splits a word (a word character on both sides)."""
    return 0 < pos < len(text) and is_word_char(text[pos - 1]) and is_word_char(text[pos])


@pytest.mark.corpus
def test_random_drags_over_every_article_give_whole_words_without_stray_edges(corpus):
    rng = random.Random(12)
    checked = 0
    for path in sorted((corpus / "arabic_articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for _ in range(25):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.randrange(1, 120))
            found = snap_span(text, a, b)
            if found is None:
                assert not any(is_word_char(c) for c in text[a:b]) or b - a < 3
                continue
            s, e = found
            span = text[s:e]
            checked += 1
            assert not _bad_edge(text, s, span) and not _bad_edge(text, e, span), (path.name, a, b, span)
            assert is_word_char(span[0]) or span[0] in "«“„‘‹\"(["  # starts on a word or a mark paired inside
            assert not span[0].isspace() and not span[-1].isspace()
            assert span[-1] not in "،,؛;:", (path.name, span)
            # a period stays only inside a quotation that closes right after the span
            assert span[-1] != "." or text[e:e + 1] in "»”\"", (path.name, span[-30:], text[e:e + 3])
            # never more than a word beyond the drag on each side
            assert s >= a - 40 and e <= b + 40
    assert checked > 4000


@pytest.mark.corpus
def test_a_drag_one_letter_short_at_both_ends_gives_each_gold_cue_and_speaker(corpus):
    """The hand-made gold's cues (with their clitics: وأوضح، وأكد) and speakers: a drag that starts one letter in
    and stops one letter short still gives the gold span (its edge words are 3 letters or more) — or, where the
    gold leaves a proclitic out (ومنظمة -> منظمة الصليب الأحمر), the whole word, and one proclitic key the gold."""
    import json

    checked = 0
    for line in (corpus / "quote-gold-dev" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text = (corpus / "arabic_articles" / f"{gold['file']}.txt").read_text(encoding="utf-8")
        for s in gold["spans"]:
            if s["label"] not in ("CUE", "SPEAKER"):
                continue
            edge_words = [w for w in (s["text"].split()[0], s["text"].split()[-1])]
            if any(sum(c.isalpha() for c in w) < 3 for w in edge_words) or not is_word_char(s["text"][-1]):
                continue
            start = step(text, s["start"], True)
            end = step(text, s["end"], False)
            got = snap_span(text, start, end)
            if s["start"] > 0 and is_word_char(text[s["start"] - 1]):  # the gold left a proclitic out
                got = toggle_proclitic(text, *got)
            assert got == (s["start"], s["end"]), (gold["file"], s["text"])
            checked += 1
    assert checked > 40

"""The one Arabic folding and the one set of quotation marks (app.core.text.arabic), shared by the suggestions,
the review's mention keys and the window."""

from __future__ import annotations

from app.core.review.matching import normalise_mention
from app.core.text.arabic import CLOSERS, CLOSE_MARKS, OPEN_MARKS, OPENERS, PAIRS, QUOTE_MARKS, fold, mention_key


def test_folding_reads_spelling_variants_as_one_word():
    assert fold("أكّد") == fold("اكد") == fold("أكـد") == "اكد"
    assert fold("مصطفى") == fold("مصطفي")
    assert fold("٢٠١٥") == "2015"
    assert fold("\ufefb") == "\ufefb"  # a lam-alef ligature shows two letters: kept as it is
    assert fold("\ufe8d") == "ا"  # presentation form of alef
    assert fold("\u200fقال\u200e") == "قال"  # bidi marks are invisible to the rules


def test_a_mention_key_is_the_folded_mention_without_edge_punctuation_or_extra_space():
    assert mention_key("  «أحمدُ  الجبيرْ»، ") == mention_key("احمد الجبير") == "احمد الجبير"
    assert mention_key("Robby  Mook") == "robby mook"
    assert mention_key("موسى") == mention_key("موسي")  # the review and the suggestions fold alike
    assert normalise_mention is mention_key


def test_every_pair_of_quotation_marks_is_known_as_opening_and_closing():
    assert set(OPEN_MARKS) == set(PAIRS)
    assert set(PAIRS.values()) <= set(CLOSE_MARKS) | {"“"}
    assert set(OPENERS) | set(CLOSERS) == set(QUOTE_MARKS)

"""The dev2 / blind gold of tests/data/suggest_blind: the split is the seeded random draw its README describes, every
span points at the article's own characters, and the engine does not drop below the quality measured on it.

Floors are a little below the figures measured when the rules were frozen (commit "suggest: ووسط opens no verb");
the blind figures were measured once, after the rules were written on dev2 and quote-gold-dev only."""

from __future__ import annotations

import json
import random

import pytest

from app.bench.suggest_eval import eval_quotes
from app.bench.suggest_gold import BLIND_DIR, load_gold
from tests.test_suggest_support import corpus_dir

pytestmark = pytest.mark.corpus

SPLIT = json.loads((BLIND_DIR / "split.json").read_text(encoding="utf-8"))
QUOTE_GOLD_DEV = {"ar_snn_0224", "ar_snn_0189", "ar_snn_0289", "ar_snn_0174", "ar_snn_0060", "ar_snn_0004",
                  "ar_snn_0287", "ar_snn_0097", "ar_snn_0158", "ar_snn_0035"}
SEEN_BY_ENGINE_AUTHOR = {f"ar_snn_{n:04d}" for n in (31, 41, 56, 91, 93, 98, 100, 105, 122, 133, 136, 148, 149,
                                                      151, 156, 179, 185, 195, 255, 280, 297)}


def test_the_split_is_the_seeded_draw_from_the_described_pool():
    pool = []
    for path in sorted((corpus_dir() / "arabic_articles").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        if ("speech_verb" in meta["features"] and meta["id"] not in QUOTE_GOLD_DEV
                and meta["id"] not in SEEN_BY_ENGINE_AUTHOR and meta["chars"] <= 4000):
            pool.append(meta["id"])
    assert len(pool) == SPLIT["pool_size"] == 84
    chosen = random.Random(SPLIT["seed"]).sample(pool, 40)
    assert SPLIT["dev2"] == sorted(chosen[:20]) and SPLIT["blind"] == sorted(chosen[20:])


@pytest.mark.parametrize("gold", ["dev2", "blind"])
def test_gold_spans_are_the_articles_own_characters_and_relations_are_consistent(gold):
    lines = load_gold(corpus_dir(), gold)  # reads truncated span texts back and checks their hashes
    assert sorted(g.id for g in lines) == SPLIT[gold]
    for g in lines:
        text = (corpus_dir() / "arabic_articles" / f"{g.id}.txt").read_text(encoding="utf-8")
        for s in g.layer.spans.values():
            assert text[s.start:s.end] == s.text, (g.id, s.id)
        for nq in g.line["quoted_names_not_quotes"]:
            assert text[nq["start"]:nq["end"]] == nq["text"]
        for r in g.layer.relations.values():
            head, tail = g.layer.spans[r.head], g.layer.spans[r.tail]
            assert head.label == "QUOTE"
            assert tail.label == {"SAID_BY": "SPEAKER", "CUE": "CUE", "DATED": "DATE"}[r.type]
    stored = (BLIND_DIR / f"{gold}.jsonl").read_text(encoding="utf-8")
    assert all(len(s["text"]) <= 80 for line in stored.splitlines() for s in json.loads(line)["spans"])


def test_dev2_does_not_drop_below_the_measured_floor():
    s = eval_quotes(corpus_dir(), None, "dev2").summary()
    # measured: QUOTE 0.980, SPEAKER 0.978, CUE 0.966, DATE 0.958 (overlap F1); type 0.980; attribution 1.000
    # (recall over all gold quotes 0.961); speaker coreference 0.911; date values 0.971
    assert s["overlap"]["QUOTE"][2] >= 0.95
    assert s["overlap"]["SPEAKER"][2] >= 0.95
    assert s["overlap"]["CUE"][2] >= 0.94
    assert s["overlap"]["DATE"][2] >= 0.93
    assert s["type_accuracy"] >= 0.95
    assert s["attribution_accuracy"] >= 0.97
    assert s["attribution_recall"] >= 0.93
    assert s["speaker_coreference"][2] >= 0.88
    assert s["date_value_accuracy"] >= 0.94
    assert s["quoted_name_fp"] == 0


def test_blind_does_not_drop_below_the_measured_floor():
    """The old blind set was measured once blind (figures in the comment below); it has been read since (issue 14)
    and is development data now: these floors guard what was fixed on it. The honest estimate is the fresh blind
    sets of tests/data/suggest_blind2 and suggest_blind3 (see test_suggest_blind_rounds.py)."""
    s = eval_quotes(corpus_dir(), None, "blind").summary()
    # measured once blind, v1: QUOTE 0.919, SPEAKER 0.780, CUE 0.914, DATE 0.891 (overlap F1); type 0.929;
    # attribution 0.714 (recall 0.615); speaker coreference 0.898; date values 0.836.
    # measured as development data after issue 14's root fixes (rules alone): SPEAKER 0.828, type 0.920 (أفتخر
    # removed), attribution 0.875 (recall 0.754), coreference 0.844 (two more mentions found, two pairs fewer)
    assert s["overlap"]["QUOTE"][2] >= 0.90
    assert s["overlap"]["SPEAKER"][2] >= 0.80
    assert s["overlap"]["CUE"][2] >= 0.89
    assert s["overlap"]["DATE"][2] >= 0.87
    assert s["type_accuracy"] >= 0.90
    assert s["attribution_accuracy"] >= 0.85
    assert s["attribution_recall"] >= 0.73
    assert s["speaker_coreference"][2] >= 0.82
    assert s["date_value_accuracy"] >= 0.82
    assert s["quoted_name_fp"] == 0

"""The agreement benchmark runs end to end (on a few documents; the full run is ``qawl bench agree``)."""

from __future__ import annotations

import json

import pytest

from app.bench import agree_speed

pytestmark = pytest.mark.corpus


def test_the_benchmark_prints_its_figures_next_to_the_floor(capsys):
    if agree_speed.corpus_dir() is None:
        pytest.skip("the shared corpus is not here (../shared/corpus or $QAWL_CORPUS)")
    assert agree_speed.main(["--docs", "40", "--repeat", "1", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 40 and figures["annotators"] == 2
    assert 25 <= figures["spans_per_layer"] <= 40
    assert figures["report_s"] > figures["floor_s"] > 0 and figures["ratio"] > 1
    assert 0.5 < figures["overlap_f1"] < 1.0  # the synthetic second annotator disagrees, but not wildly


def test_the_synthetic_layers_are_true_to_the_text():
    corpus = agree_speed.corpus_dir()
    if corpus is None:
        pytest.skip("the shared corpus is not here (../shared/corpus or $QAWL_CORPUS)")
    for text, layers in agree_speed.make_items(corpus, 10, seed=1):
        for layer in layers:
            layer.check_against(text)
            assert all(r.head in layer.spans and r.tail in layer.spans for r in layer.relations.values())


def test_a_missing_corpus_is_reported_not_crashed(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(agree_speed, "corpus_dir", lambda given=None: None)
    assert agree_speed.main(["--docs", "1"]) == 2
    assert "corpus" in capsys.readouterr().err

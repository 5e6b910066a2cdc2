"""`qawl bench team` runs end to end on a small team (the full 10 x 10,000 run takes many minutes)."""

import pytest

from app.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.corpus]


def test_the_team_benchmark_prints_every_figure_beside_its_floor(corpus, capsys, monkeypatch):
    monkeypatch.setenv("QAWL_CORPUS", str(corpus))
    assert main(["bench", "team", "--docs", "30", "--annotators", "2", "--edits", "5", "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    for figure in ("join (a new computer, everything)", "sync after 5 edits: send", "sync after 5 edits: receive",
                   "repository size"):
        line = next(l for l in out.splitlines() if l.startswith(figure))
        assert "floor" in line and "ratio" in line
    assert "sent 5 layers" in out and "a01 (5 documents)" in out

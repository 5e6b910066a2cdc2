"""The multi-process soak, bounded (about a minute): one process edits through the window's edit path while others
import, export in every format, suggest, compute agreement and count, and a supervisor kills them at random.
Nothing told as committed may be lost (see app/bench/soak.py; ``qawl bench soak --minutes N`` runs it longer)."""

from __future__ import annotations

import pytest

from app.bench.soak import Soak, report


@pytest.mark.slow
def test_many_processes_and_random_kills_lose_nothing(tmp_path):
    result = Soak(tmp_path / "soak", seconds=40, seed=7).run()
    print(report(result))
    assert result.integrity == "ok"
    assert result.losses == [], f"{len(result.losses)} edits told as committed are missing"
    assert result.bad_outputs == []
    assert result.broken_exports == [] and result.leftovers == []
    assert result.edits_committed >= 100 and sum(result.kills.values()) >= 10
    assert {"import", "export", "suggest", "agree", "stats"} <= set(result.started)
    assert {"import", "export"} <= set(result.commands)  # under load the slower ones may be killed every time

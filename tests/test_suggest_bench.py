"""The suggestion benchmarks take the gold to score on from the command line: a set name, a file, or a folder of
files in the blind sets' line format (a set annotated in parts: part_a.jsonl, part_b.jsonl); a bad line is named
and nothing is scored. The learning curve never does worse than the rules alone."""

from __future__ import annotations

import json

import pytest

from app.bench import suggest_eval, suggest_learn
from app.bench.suggest_gold import BLIND_DIR, load_gold
from tests.test_suggest_support import corpus_dir

pytestmark = pytest.mark.corpus


def _parts(tmp_path, lines: list[str]):
    folder = tmp_path / "fresh"
    folder.mkdir()
    half = len(lines) // 2
    (folder / "part_a.jsonl").write_text("".join(lines[:half]), encoding="utf-8")
    (folder / "part_b.jsonl").write_text("".join(lines[half:]), encoding="utf-8")
    return folder


def test_a_gold_folder_in_parts_scores_like_the_whole_file(tmp_path, capsys):
    lines = (BLIND_DIR / "dev2.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    folder = _parts(tmp_path, lines)
    assert [g.id for g in load_gold(corpus_dir(), folder)] == [g.id for g in load_gold(corpus_dir(), "dev2")]
    whole = suggest_eval.eval_quotes(corpus_dir(), None, "dev2").summary()
    assert suggest_eval.eval_quotes(corpus_dir(), None, folder).summary() == whole
    code = suggest_eval.main(["--corpus", str(corpus_dir()), "--gold", str(folder), "--no-dates", "--model", "rules"])
    out = capsys.readouterr().out
    assert code == 0 and "fresh (20)" in out and "per quote type" in out


def test_a_bad_gold_line_is_named_and_nothing_is_scored(tmp_path, capsys):
    lines = (BLIND_DIR / "dev2.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    bad = json.loads(lines[3])
    bad["spans"][0]["start"] += 1
    lines[3] = json.dumps(bad, ensure_ascii=False) + "\n"
    folder = _parts(tmp_path, lines)
    code = suggest_eval.main(["--corpus", str(corpus_dir()), "--gold", str(folder), "--no-dates"])
    err = capsys.readouterr().err
    assert code == 2 and f"qawl: {folder / 'part_a.jsonl'}:4: spans[0]" in err
    code = suggest_eval.main(["--corpus", str(corpus_dir()), "--gold", str(tmp_path / "nope"), "--no-dates"])
    assert code == 2 and "no such gold file or folder" in capsys.readouterr().err


@pytest.mark.slow
def test_the_learning_curve_is_never_worse_than_the_rules(capsys):
    rows = suggest_learn.curve(corpus_dir(), "dev2", ["dev", "blind"], [10, 20], seed=14)
    assert [r["articles"] for r in rows] == [0, 10, 20]
    for r in rows:
        assert r["speaker"].value >= r["rules"].value and r["seconds"] < 30
    code = suggest_learn.main(["--corpus", str(corpus_dir()), "--gold", "dev", "--sizes", "10"])
    assert code == 0 and "held out dev" in capsys.readouterr().out

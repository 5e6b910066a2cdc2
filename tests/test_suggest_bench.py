"""The suggestion benchmarks take the gold to score on from the command line: a set name, a file, or a folder of
files in the blind sets' line format (a set annotated in parts: part_a.jsonl, part_b.jsonl); a bad line is named
and nothing is scored. The learning curve never does worse than the rules alone."""

from __future__ import annotations

import json

import pytest

from app.bench import suggest_eval, suggest_learn
from app.bench.suggest_gold import BLIND_DIR, load_gold
from app.core.errors import QawlError
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


def test_a_gold_folder_may_bring_its_own_articles(tmp_path):
    """blind4's articles are not in the shared corpus: a folder's ``articles/`` is read first, checked by hash."""
    line = json.loads((BLIND_DIR / "dev2.jsonl").read_text(encoding="utf-8").splitlines()[0])
    corpus_art = corpus_dir() / "arabic_articles" / line["file"]
    folder = tmp_path / "own"
    (folder / "articles").mkdir(parents=True)
    for ext in (".txt", ".json"):
        (folder / "articles" / ("own_01" + ext)).write_bytes(corpus_art.with_suffix(ext).read_bytes())
    line["file"] = "own_01"
    (folder / "part_1.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [gold] = load_gold(corpus_dir(), folder)
    assert gold.id == "own_01" and gold.doc.text == corpus_art.with_suffix(".txt").read_text(encoding="utf-8")
    assert len(gold.layer.spans) == len(line["spans"])
    line["file"] = "own_02"
    (folder / "part_1.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(QawlError, match="no article 'own_02' in .*articles"):
        load_gold(corpus_dir(), folder)


@pytest.mark.slow
def test_the_learning_curve_is_never_worse_than_the_rules(capsys):
    rows = suggest_learn.curve(corpus_dir(), "dev2", ["dev", "blind"], [10, 20], seed=14)
    assert [r["articles"] for r in rows] == [0, 10, 20]
    for r in rows:
        assert r["speaker"].value >= r["rules"].value and r["seconds"] < 30
    code = suggest_learn.main(["--corpus", str(corpus_dir()), "--gold", "dev", "--sizes", "10"])
    assert code == 0 and "held out dev" in capsys.readouterr().out

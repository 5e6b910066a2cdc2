"""``qawl bench gold-agree``: a second annotation scored as suggestions against the first, both ways, beside the
engine on the same articles (blind4's seven doubly annotated articles ship in the repository)."""

import json
from pathlib import Path

import pytest

from app.bench import gold_agree
from app.core.errors import QawlError

SECOND = Path(__file__).parent / "data" / "suggest_blind4" / "second"
NOWHERE = Path("/nonexistent-corpus")  # blind4 ships its own texts: no corpus is read


def test_both_directions_are_the_same_pairs_seen_from_each_side():
    out = gold_agree.report(NOWHERE, "blind4", str(SECOND), ["rules"])
    assert out["counts"] == {"articles": 7, "first quotes": 28, "second quotes": 30}
    one, two = out["rows"]["second as suggestions, first as gold"], out["rows"]["first as suggestions, second as gold"]
    assert one["quote P"] == pytest.approx(two["quote R"]) and one["quote R"] == pytest.approx(two["quote P"])
    assert (one["quote P"], one["quote R"]) == (pytest.approx(26 / 30), pytest.approx(26 / 28))
    assert one["date F1"] == 1.0
    assert "engine (rules), first as gold" in out["rows"] and "engine (rules), second as gold" in out["rows"]


def test_an_annotation_agrees_fully_with_itself():
    out = gold_agree.report(NOWHERE, "blind4", "blind4", [])
    row = out["rows"]["second as suggestions, first as gold"]
    assert all(v == 1.0 for v in row.values()), row


def test_different_texts_or_no_shared_article_are_clear_errors(tmp_path):
    line = json.loads((SECOND / "annotator_1b.jsonl").read_text(encoding="utf-8").splitlines()[0])
    arts = tmp_path / "articles"
    arts.mkdir()
    src = Path(__file__).parent / "data" / "suggest_blind4" / "articles"
    (arts / f"{line['file']}.txt").write_text((src / f"{line['file']}.txt").read_text(encoding="utf-8") + "x",
                                              encoding="utf-8")
    (arts / f"{line['file']}.json").write_text((src / f"{line['file']}.json").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    line["text_sha256"] = None
    (tmp_path / "other.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(QawlError, match="text_sha256"):  # the second line's hash names the changed text
        gold_agree.report(NOWHERE, str(tmp_path), str(SECOND), [])
    line["file"] = "ar_snn_0001"  # not among blind4's texts, and no corpus here
    (tmp_path / "other.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(QawlError, match="no article 'ar_snn_0001'"):
        gold_agree.report(NOWHERE, "blind4", str(tmp_path / "other.jsonl"), [])


def test_the_command_prints_the_table_and_names_a_bad_path(capsys):
    assert gold_agree.main(["--corpus", str(NOWHERE), "--first", "blind4", "--second", str(SECOND),
                            "--model", "rules"]) == 0
    out = capsys.readouterr().out
    assert "two annotations of 7 articles" in out and "engine (rules), second as gold" in out
    assert gold_agree.main(["--first", "blind4", "--second", "no/such/folder"]) == 2
    assert "no/such/folder" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["blind20", "blind21"])
def test_two_annotators_of_a_whole_blind_set_agree_far_above_the_engine(name):
    """The second annotations of blind20 and blind21 (32 articles each, their READMEs say how they were made and
    what leaked): quote F1 0.978 / 0.985 and the right speaker for 0.96–0.99 of each other's quotes — the issue's
    targets are well inside what annotators reach; the engine is the gap."""
    out = gold_agree.report(NOWHERE, name, str(Path(__file__).parent / "data" / f"suggest_{name}" / "second"), [])
    assert out["counts"]["articles"] == 32
    for row in ("second as suggestions, first as gold", "first as suggestions, second as gold"):
        figures = out["rows"][row]
        assert figures["quote F1"] >= 0.97 and figures["spk/gold"] >= 0.96 and figures["date F1"] >= 0.98, figures

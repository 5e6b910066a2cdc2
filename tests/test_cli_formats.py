"""qawl import/export with other tools' formats, and qawl agree, end to end through the CLI."""

import orjson
import pytest

from app.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.corpus
def test_brat_folder_imports_by_auto_detection_and_exports_back(tmp_path, capsys, corpus):
    db = tmp_path / "p.db"
    src = corpus / "english_quote_attribution" / "polnear_brat" / "dev_sample"
    code, _, err = run(capsys, "import", "--db", db, src)
    assert code == 1 and "unknown label 'Discard'" in err  # PolNeAR's own labels need a mapping
    code, out, err = run(capsys, "import", "--db", db, "--map", "Discard=", "--map", "Discuss=", src)
    assert code == 0, err
    assert "(brat)" in out
    target = tmp_path / "brat-out"
    code, out, err = run(capsys, "export", "--db", db, "--format", "brat", "--annotated-only", "-o", target)
    assert code == 0, err
    anns = sorted(target.rglob("*.ann"))
    assert len(anns) == 30
    # Our own files may be replaced on the next export; a stranger's file in the way is never overwritten.
    assert run(capsys, "export", "--db", db, "--format", "brat", "--annotated-only", "-o", target)[0] == 0
    anns[0].write_text("T1\tSource 0 3\tsomebody else's work\n")
    code, _, err = run(capsys, "export", "--db", db, "--format", "brat", "--annotated-only", "-o", target)
    assert code == 1 and "not written by Qawl" in err
    assert anns[0].read_text() == "T1\tSource 0 3\tsomebody else's work\n"


@pytest.mark.corpus
def test_wrong_format_flag_and_unknown_labels_change_nothing(tmp_path, capsys, corpus):
    db = tmp_path / "p.db"
    doccano = corpus / "peer-formats" / "doccano" / "doccano_export_sequence_labeling.jsonl"
    code, _, err = run(capsys, "import", "--db", db, "--format", "prodigy", doccano)
    assert code == 1 and "doccano" in err
    code, _, err = run(capsys, "import", "--db", db, doccano)
    assert code == 1 and "unknown label" in err and "nothing was imported" in err
    code, out, err = run(capsys, "import", "--db", db, "--add-labels", doccano)
    assert code == 0, err
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    assert orjson.loads(out)["documents"] > 0


@pytest.mark.corpus
def test_agree_on_the_six_annotator_article_from_files_and_from_the_project(tmp_path, capsys, corpus):
    folder = corpus / "english_quote_attribution" / "polnear_brat" / "multi_annotator"
    code, out, err = run(capsys, "agree", "--map", "Discuss=", folder, "--json")
    assert code == 0, err
    from_files = orjson.loads(out)
    assert from_files["format"] == "qawl-agreement/1" and len(from_files["annotators"]) == 6
    assert len(from_files["pairs"]) == 15
    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, "--map", "Discuss=", folder)[0] == 0
    html = tmp_path / "report.html"
    code, out, err = run(capsys, "agree", "--db", db, "--json", "--html", html)
    assert code == 0, err
    from_project = orjson.loads(out)
    assert from_project["all"]["overall"] == from_files["all"]["overall"]
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "QUOTE" in page
    # A page that is not ours is never overwritten.
    html.write_text("<html>mine</html>")
    code, _, err = run(capsys, "agree", "--db", db, "--html", html)
    assert code == 1 and "not a Qawl report" in err and html.read_text() == "<html>mine</html>"


def test_agree_needs_two_annotators(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "قال", "annotator": "ali", "spans": [{"label": "CUE", "start": 0, "end": 3}]}\n')
    code, _, err = run(capsys, "agree", src)
    assert code == 1 and "two annotators" in err

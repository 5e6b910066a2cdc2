"""qawl suggest: filling the project's suggestion layer (keeping decided suggestions) and the file mode."""

from dataclasses import replace

import orjson

from app.cli import main
from app.core.changes import UpdateSpan
from app.core.model import SUGGESTIONS
from app.store import Store


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_fills_the_suggestion_layer_and_keeps_what_was_decided(tmp_path, capsys, seed_path):
    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, seed_path.parent)[0] == 0
    code, out, err = run(capsys, "suggest", "--db", db)
    assert code == 0, err
    with Store.open(db) as store:
        doc_id = store.document_ids()[0]
        layer = store.layer(doc_id, SUGGESTIONS)
        quotes = layer.spans_by_label("QUOTE")
        assert quotes and all(s.origin == "suggested" and s.provenance.get("rule") for s in layer.spans.values())
        assert store.entities() == {}  # proposed speakers wait outside the registry
        assert store.suggested_entities(doc_id)
        stats = store.stats()
        assert stats["spans_by_label"] == {} and stats["suggestions_by_label"]["QUOTE"] == len(quotes)
        # An annotator rejects the first quote: a decision recorded on the suggestion itself.
        first = quotes[0]
        decided = replace(first, provenance={**first.provenance, "decisions": {"ali": "rejected"}})
        store.apply(UpdateSpan(doc_id, SUGGESTIONS, first, decided), actor="ali")
        n_before = len(layer.spans)
    assert run(capsys, "suggest", "--db", db)[0] == 0  # re-running never brings back the decision
    with Store.open(db) as store:
        layer = store.layer(doc_id, SUGGESTIONS)
        assert layer.spans[first.id].provenance["decisions"] == {"ali": "rejected"}
        assert len(layer.spans) == n_before
        assert sum(1 for s in layer.spans.values() if (s.label, s.start, s.end) == (first.label, first.start,
                                                                                       first.end)) == 1


def test_suggest_for_files_writes_export_lines_without_a_project(tmp_path, capsys, seed_path, monkeypatch):
    monkeypatch.setenv("QAWL_DB", str(tmp_path / "must-not-exist.db"))
    out = tmp_path / "s.jsonl"
    code, text, err = run(capsys, "suggest", seed_path, "-o", out)
    assert code == 0, err
    [line] = [orjson.loads(l) for l in out.read_bytes().splitlines()]
    assert line["annotator"] == "suggestions" and line["schema"] == "qawl-export/1"
    for span in line["spans"]:
        assert line["text"][span["start"]:span["end"]] == span["text"]
    speakers = {s["attrs"]["entity"] for s in line["spans"] if s["label"] == "SPEAKER"}
    assert speakers <= {e["id"] for e in line["entities"]}
    assert not (tmp_path / "must-not-exist.db").exists()
    # The output can be imported back as a suggestion layer.
    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, out)[0] == 0
    with Store.open(db) as store:
        assert store.entities() == {} and store.suggested_entities()


def test_suggest_needs_an_output_for_files(tmp_path, capsys, seed_path):
    code, _, err = run(capsys, "suggest", seed_path)
    assert code == 1 and "-o OUT.jsonl" in err


def test_suggesting_a_document_the_project_lacks_changes_nothing(tmp_path, capsys, seed_path):
    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, seed_path.parent)[0] == 0
    with Store.open(db) as store:
        doc_id = store.document_ids()[0]
    code, _, err = run(capsys, "suggest", "--db", db, "--doc", doc_id, "--doc", "nope")
    assert code == 1 and "--doc" in err and "'nope'" in err
    with Store.open(db) as store:
        assert store.layer(doc_id, SUGGESTIONS).empty


def test_one_suggest_operation_serves_the_command_line_and_the_window(tmp_path, capsys, seed_path):
    """The window's Document ▸ Suggest reaches the same operation as qawl suggest, through ProjectApi."""
    from app.operations.project import gui_api
    from app.operations.suggesting import suggest_project

    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, seed_path.parent)[0] == 0
    with Store.open(db) as store:
        report = gui_api().suggest(store, None, actor="amal")
        layer = store.layer(store.document_ids()[0], SUGGESTIONS)
        assert report.documents == 1 and report.added == len(layer.spans) > 0
        assert suggest_project(store).added == report.added  # undecided suggestions are replaced by the same
        again = store.layer(store.document_ids()[0], SUGGESTIONS)
        assert {(s.id, s.label, s.start, s.end) for s in again.spans.values()} == \
            {(s.id, s.label, s.start, s.end) for s in layer.spans.values()}
        assert [h.kind for h in store.history()][-2:] == ["suggest", "suggest"]

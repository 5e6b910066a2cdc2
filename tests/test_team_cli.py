"""`qawl team ...` end to end: publish, join, annotate, sync, status, assign, remove, resolve; errors in words."""

import pytest

from app.cli import main
from app.core.team import layout
from app.store import Store

from team_support import TEXTS, add_word, hand_edit, mark, show

pytestmark = pytest.mark.slow


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_team_from_the_command_line(tmp_path, capsys, articles):
    lead, ali, remote = tmp_path / "lead.db", tmp_path / "ali.db", tmp_path / "shared" / "team.git"
    assert run(capsys, "import", "--db", lead, articles)[0] == 0
    code, out, err = run(capsys, "team", "init", "--db", lead, remote, "--annotator", "lead")
    assert code == 0, err
    assert "Published to" in out and "5 new documents" in out and "qawl team join" in out
    assert (remote / "HEAD").exists()  # a new bare repository where there was none
    code, out, err = run(capsys, "team", "join", remote, "--annotator", "ali", "--db", ali)
    assert code == 0, err
    assert "Joined as ali" in out and "5 new documents" in out
    code, out, _ = run(capsys, "team", "assign", "--db", lead, "ali", "--next", "2")
    assert code == 0 and "Assigned 2 document(s) to ali" in out
    assert run(capsys, "team", "assign", "--db", lead, "carol", "d5", "--review")[0] == 0
    assert run(capsys, "team", "sync", "--db", lead)[0] == 0
    with Store.open(ali) as store:
        add_word(store, "ali", "d1", "CUE", "قال")
        mark(store, "ali", "d1", "in_progress")  # as the window does at the first annotation
    code, out, _ = run(capsys, "team", "sync", "--db", ali)
    assert code == 0 and "sent 1 layer" in out and "assignments updated by the lead (2 document(s)" in out
    code, out, _ = run(capsys, "team", "sync", "--db", lead)
    assert code == 0 and "teammates' work arrived: ali (1 document)" in out
    code, out, _ = run(capsys, "team", "status", "--db", lead)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Team at ") and "lead: lead" in lines[0]
    ali_row = next(l for l in lines if l.strip().startswith("ali "))
    assert ali_row.split()[:5] == ["ali", "annotator", "2", "1", "1"]  # assigned 2, one not started, 1 going
    assert "carol: 1 to review, 0 in progress, 0 done" in out
    code, out, _ = run(capsys, "team", "status", "--db", ali, "--json")
    assert code == 0 and '"me": "ali"' in out
    # only the lead assigns and removes
    code, _out, err = run(capsys, "team", "assign", "--db", ali, "ali", "d3")
    assert code == 1 and err.startswith("qawl: only the lead (lead) assigns")
    code, out, _ = run(capsys, "team", "remove", "--db", lead, "d5")
    assert code == 0 and "Removed 1 document(s)" in out
    assert run(capsys, "team", "sync", "--db", lead)[0] == 0
    code, out, _ = run(capsys, "team", "sync", "--db", ali)
    assert code == 0 and "1 document(s) removed by the lead" in out
    # a conflict: exit status 1, said, decided
    path = layout.layer_path("ali", "d1")
    hand_edit(remote, path, show(remote, path).replace(b'"status":"in_progress"', b'"status":"done"'))
    with Store.open(ali) as store:
        add_word(store, "ali", "d1", "CUE", "وأضاف")
    code, out, _ = run(capsys, "team", "sync", "--db", ali)
    assert code == 1 and "conflict:" in out and "qawl team resolve d1 --mine" in out
    code, out, _ = run(capsys, "team", "resolve", "--db", ali, "--mine")
    assert code == 0 and "Keeping this computer's version of 1 layer" in out
    code, out, _ = run(capsys, "team", "sync", "--db", ali)
    assert code == 0 and "sent 1 layer" in out


def test_errors_are_said_and_change_nothing(tmp_path, capsys, articles):
    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, articles)[0] == 0
    code, _out, err = run(capsys, "team", "sync", "--db", db)
    assert code == 1 and "not part of a team" in err and "qawl team init" in err
    code, _out, err = run(capsys, "team", "join", tmp_path / "nowhere.git", "--annotator", "x", "--db",
                          tmp_path / "x.db")
    assert code == 1 and "nowhere.git: no repository there" in err
    code, _out, err = run(capsys, "team", "init", "--db", db, "https://u:pw@example.org/x.git")
    assert code == 1 and "never stores passwords" in err
    for usage in (["team", "join", "x", "--db", tmp_path / "y.db"], ["team", "resolve", "--db", db]):
        with pytest.raises(SystemExit) as info:  # argparse: a required option is missing
            main([str(a) for a in usage])
        assert info.value.code == 2
    assert "--annotator" in capsys.readouterr().err


def test_help_names_every_team_command(capsys):
    with pytest.raises(SystemExit):
        main(["team", "--help"])
    out = capsys.readouterr().out
    for cmd in ("init", "join", "sync", "status", "assign", "remove", "resolve"):
        assert cmd in out

"""The command line end to end: round trips over the real corpus, and every kind of bad input refused with a
message naming the file, line or field, a non-zero exit and an unchanged project."""

import hashlib
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from app.cli import main
from app.core.text.normalise import normalise


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(db: Path) -> str:
    """What is in a project (not its bytes: WAL files may be checkpointed without any change of content)."""
    from app.store import Store

    with Store.open(db) as s:
        return hashlib.sha256(orjson.dumps([list(s.export_records(include_suggestions=True)), s.stats()["changes"],
                                            sorted(s.entities())])).hexdigest()


def read_lines(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


@pytest.mark.corpus
def test_corpus_round_trip_keeps_every_text_and_reimport_reproduces_the_records(tmp_path, capsys, corpus):
    articles = corpus / "arabic_articles"
    db1, db2 = tmp_path / "one.db", tmp_path / "two.db"
    assert run(capsys, "import", "--db", db1, articles)[0] == 0
    out1 = tmp_path / "one.jsonl"
    assert run(capsys, "export", "--db", db1, "-o", out1)[0] == 0
    lines = read_lines(out1)
    assert len(lines) == 200
    for line in lines:
        source = (articles / f"{line['doc_id']}.txt").read_bytes().decode("utf-8")
        assert line["text"] == normalise(source)[0]
        assert line["text"].encode() == source.encode() or line["normalisation"] != {"bom": False, "crlf": 0, "cr": 0}
        assert hashlib.sha256(line["text"].encode()).hexdigest() == line["text_sha256"]
        sidecar = orjson.loads((articles / f"{line['doc_id']}.json").read_bytes())
        assert line["meta"]["date"] == sidecar["date"] and line["meta"]["url"] == sidecar["url"]
        assert line["annotator"] is None and line["status"] == "todo" and line["spans"] == []
    assert run(capsys, "import", "--db", db2, out1)[0] == 0
    out2 = tmp_path / "two.jsonl"
    assert run(capsys, "export", "--db", db2, "-o", out2)[0] == 0
    assert read_lines(out2) == lines


def test_annotations_round_trip_through_export_and_import(tmp_path, capsys):
    text = "أكد المبعوث الروسي ألكسندر لافرينتيف أن «الانسحاب قادم» 😀 يوم 24 كانون الثاني"
    at = lambda s: (text.index(s), text.index(s) + len(s))
    src = tmp_path / "in.jsonl"
    src.write_bytes(orjson.dumps({
        "id": "seed", "text": text, "meta": {"date": "2024-01-25"}, "annotator": "ali", "status": "done",
        "spans": [
            {"id": "c1", "label": "CUE", "start": 0, "end": 3},
            {"id": "s1", "label": "SPEAKER", "start": at("المبعوث الروسي ألكسندر لافرينتيف")[0],
             "end": at("المبعوث الروسي ألكسندر لافرينتيف")[1], "attrs": {"entity": "lav"}},
            {"id": "q1", "label": "QUOTE", "start": at("الانسحاب قادم")[0], "end": at("الانسحاب قادم")[1],
             "attrs": {"type": "direct"}},
            {"id": "d1", "label": "DATE", "start": at("24 كانون الثاني")[0], "end": at("24 كانون الثاني")[1],
             "attrs": {"value": "2024-01-24"}}],
        "relations": [{"id": "r1", "type": "SAID_BY", "head": "q1", "tail": "s1"},
                      {"id": "r2", "type": "CUE", "head": "q1", "tail": "c1"},
                      {"id": "r3", "type": "DATED", "head": "q1", "tail": "d1"}],
        "entities": [{"id": "lav", "name": "Alexander Lavrentiev", "aliases": ["لافرينتيف"]}]}) + b"\n")
    db = tmp_path / "p.db"
    assert run(capsys, "import", "--db", db, src)[0] == 0
    out = tmp_path / "out.jsonl"
    assert run(capsys, "export", "--db", db, "-o", out)[0] == 0
    [line] = read_lines(out)
    assert [(s["id"], s["text"]) for s in line["spans"]] == [
        ("c1", "أكد"), ("s1", "المبعوث الروسي ألكسندر لافرينتيف"), ("q1", "الانسحاب قادم"), ("d1", "24 كانون الثاني")]
    assert line["entities"] == [{"id": "lav", "name": "Alexander Lavrentiev", "aliases": ["لافرينتيف"]}]
    quotes = tmp_path / "quotes.jsonl"
    assert run(capsys, "export", "--db", db, "--format", "quotes", "-o", quotes)[0] == 0
    [q] = read_lines(quotes)
    assert (q["quote"], q["speaker"], q["cue"], q["date_value"]) == (
        "الانسحاب قادم", "Alexander Lavrentiev", "أكد", "2024-01-24")
    # Importing our own export again changes nothing.
    before = fingerprint(db)
    code, out_text, _ = run(capsys, "import", "--db", db, out)
    assert code == 0 and "1 layers unchanged" in out_text and fingerprint(db) == before


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    files = {}

    def put(name, data, expect):
        path = tmp / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        files[name] = (path, expect)

    put("latin1.txt", "café au lait".encode("latin-1"), "latin1.txt:1: not UTF-8")
    put("empty.txt", b"", "empty.txt: the file is empty")
    put("blank.jsonl", b"\n\n  \n", "blank.jsonl: the file is empty")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt: looks like a binary file")
    put("broken.jsonl", '{"text": "نص"}\n{"text": "نص آخر"\n', "broken.jsonl:2: not valid JSON")
    put("range.jsonl", '{"text": "قال", "annotator": "a", "spans": [{"label": "CUE", "start": 0, "end": 40}]}\n',
        "range.jsonl:1: spans[0].end: 40 is past the end of the text")
    put("mismatch.jsonl", '{"text": "قال", "annotator": "a", "spans": '
        '[{"label": "CUE", "start": 0, "end": 3, "text": "أكد"}]}\n', "mismatch.jsonl:1: spans[0].text")
    put("pretty.jsonl", '{\n  "text": "نص"\n}\n', "pretty.jsonl:1: not valid JSON: a pretty-printed JSON")
    put("label.jsonl", '{"text": "قال", "annotator": "a", "spans": [{"label": "PERSON", "start": 0, "end": 3}]}\n',
        "label.jsonl:1: spans[T1].label: unknown label 'PERSON'")
    return files


def test_every_bad_input_is_refused_with_its_location_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "p.db"
    good = tmp_path / "good.txt"
    good.write_text("قال الوزير")
    assert run(capsys, "import", "--db", db, good)[0] == 0
    before = fingerprint(db)
    for name, (path, expect) in bad_inputs(tmp_path).items():
        code, _, err = run(capsys, "import", "--db", db, path)
        assert code == 1, name
        assert expect in err, (name, err)
        # A bad file among good ones: still nothing imported.
        other = tmp_path / f"other-{name}.txt"
        other.write_text(f"نص سليم {name}")
        assert run(capsys, "import", "--db", db, other, path)[0] == 1
        assert fingerprint(db) == before, name


def test_same_id_with_different_text_is_refused(tmp_path, capsys):
    db = tmp_path / "p.db"
    a = tmp_path / "a" / "doc.txt"
    b = tmp_path / "b" / "doc.txt"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text("النص الأول")
    b.write_text("النص الثاني")
    assert run(capsys, "import", "--db", db, a)[0] == 0
    before = fingerprint(db)
    code, _, err = run(capsys, "import", "--db", db, b)
    assert code == 1 and "doc.txt" in err and "doc_id: document 'doc' is already in the project with a different" in err
    assert fingerprint(db) == before


def test_a_database_that_is_not_ours_or_is_newer_is_refused_untouched(tmp_path, capsys):
    import sqlite3

    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    code, _, err = run(capsys, "stats", "--db", notes)
    assert code == 1 and "notes.db: is not a Qawl project" in err and notes.read_text() == "not a database"
    newer = tmp_path / "newer.db"
    (tmp_path / "first.txt").write_text("نص")
    assert run(capsys, "import", "--db", newer, tmp_path / "first.txt")[0] == 0
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('qawl', '900_x', 'x')")
    conn.commit()
    conn.close()
    data = newer.read_bytes()
    (tmp_path / "a.txt").write_text("قال")
    code, _, err = run(capsys, "import", "--db", newer, tmp_path / "a.txt")
    assert code == 1 and "newer Qawl" in err and newer.read_bytes() == data


def test_export_targets_that_cannot_or_must_not_be_written(tmp_path, capsys):
    db = tmp_path / "p.db"
    (tmp_path / "a.txt").write_text("قال الوزير")
    run(capsys, "import", "--db", db, tmp_path / "a.txt")
    mine = tmp_path / "mine.csv"
    mine.write_text("id,amount\n1,2\n")
    code, _, err = run(capsys, "export", "--db", db, "-o", mine)
    assert code == 1 and "mine.csv: exists and is not a Qawl export" in err and mine.read_text() == "id,amount\n1,2\n"
    code, _, err = run(capsys, "export", "--db", db, "-o", tmp_path / "missing" / "x.jsonl")
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "export", "--db", db, "-o", tmp_path)
    assert code == 1 and "is a folder" in err
    ours = tmp_path / "ours.jsonl"
    assert run(capsys, "export", "--db", db, "-o", ours)[0] == 0
    assert run(capsys, "export", "--db", db, "-o", ours)[0] == 0  # our own export may be replaced
    assert not list(tmp_path.glob(".*.part"))


def test_export_filters_unannotated_documents_and_by_status(tmp_path, capsys):
    db = tmp_path / "p.db"
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "قال", "annotator": "ali", "status": "done", '
                   '"spans": [{"label": "CUE", "start": 0, "end": 3}]}\n{"id": "b", "text": "نص"}\n')
    run(capsys, "import", "--db", db, src)
    out = tmp_path / "o.jsonl"
    run(capsys, "export", "--db", db, "-o", out)
    assert [(l["doc_id"], l["annotator"], l["status"]) for l in read_lines(out)] == [("a", "ali", "done"),
                                                                                     ("b", None, "todo")]
    run(capsys, "export", "--db", db, "-o", out, "--annotated-only")
    assert [l["doc_id"] for l in read_lines(out)] == ["a"]
    run(capsys, "export", "--db", db, "-o", out, "--status", "todo")
    assert [l["doc_id"] for l in read_lines(out)] == ["b"]


def test_stats_prints_counts(tmp_path, capsys):
    db = tmp_path / "p.db"
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "قال", "annotator": "ali", "status": "done", '
                   '"spans": [{"label": "CUE", "start": 0, "end": 3}]}\n')
    run(capsys, "import", "--db", db, src)
    code, out, _ = run(capsys, "stats", "--db", db)
    assert code == 0 and "Documents 1" in out and "CUE" in out and "ali" in out and "done" in out
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    assert orjson.loads(out)["spans_by_label"] == {"CUE": 1}


def test_env_variable_selects_the_project_and_default_is_seeded(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("QAWL_DB", str(tmp_path / "env.db"))
    code, _, err = run(capsys, "stats")  # a project chosen by name is never created by stats: a typo is an error
    assert code == 1 and f"{tmp_path / 'env.db'}: no such project file" in err and not (tmp_path / "env.db").exists()
    (tmp_path / "a.txt").write_text("قال")
    assert run(capsys, "import", tmp_path / "a.txt")[0] == 0
    code, out, _ = run(capsys, "stats")
    assert code == 0 and str(tmp_path / "env.db") in out
    monkeypatch.delenv("QAWL_DB")
    code, out, _ = run(capsys, "stats", "--json")
    stats = orjson.loads(out)
    assert stats["documents"] == 1 and "qawl" in stats["project"]  # the seed article, in the user data dir


def test_help_explains_every_command():
    out = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("import", "export", "stats", "gui"):
        assert command in out
    out = subprocess.run([sys.executable, "-m", "app", "export", "--help"], capture_output=True, text=True,
                         check=True).stdout
    assert "--annotated-only" in out and "quotes" in out


def test_progress_is_shown_only_for_long_work(monkeypatch):
    import io

    from app.cli import common as cli

    clock = iter([0.0, 0.5, 2.0, 8.0, 9.0])
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    progress = cli.Progress("Importing", stream)  # started at t=0
    progress(10, 100)   # t=0.5: too early to bother anyone
    progress(50, 100)   # t=2.0: shown
    progress(90, 100)   # t=8.0: shown (a non-terminal gets a line every 5 s)
    assert stream.getvalue().splitlines() == ["Importing: 50/100 (50%)", "Importing: 90/100 (90%)"]

"""Every failure is told as ``qawl: FILE:LINE: FIELD: what`` and changes nothing (defects 7 and 10 of issue 9):
odd values in files, a full disk, a read-only, busy or damaged project, a mistyped --db, names with terminal
escapes, symbolic links in folders; --skip-invalid skips whole documents and the exit status means the same in
every format."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import orjson
import pytest

from app.core.jsonl import Record, make_document
from app.store import Store
from integrity_support import device, digest, fill, mountable, qawl, remount_read_only, run, small_disk

TEXT = "قال الوزير إن الاتفاق سيوقع غدا"


def nest(depth: int) -> dict:
    value: object = 1
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.fixture
def project(tmp_path):
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.import_records([Record(make_document("نص موجود", id="old"))])
    return db


def line_with(**fields) -> dict:
    return {"id": "d", "text": TEXT, **fields}


SPAN = {"label": "CUE", "start": 0, "end": 3}
BAD_LINES = {
    "created is a list": (line_with(annotator="ali", spans=[{**SPAN, "created": [1, 2]}]),
                          "spans[0].created: must be a timestamp string"),
    "created is a huge integer": ('{"id":"d","text":"%s","annotator":"ali","spans":[{"label":"CUE","start":0,"end":3,'
                                  '"created":18446744073709551616}]}' % TEXT, "spans[0].created: must be a timestamp"),
    "relation created is an object": (line_with(annotator="ali", spans=[
        {"id": "q", "label": "QUOTE", "start": 0, "end": 3, "attrs": {"type": "direct"}},
        {"id": "s", "label": "SPEAKER", "start": 4, "end": 10}],
        relations=[{"type": "SAID_BY", "head": "q", "tail": "s", "created": {"x": 1}}]),
        "relations[0].created: must be a timestamp"),
    "meta nested 300 levels": (line_with(meta=nest(300)), "meta: is nested too deeply"),
    "meta nested 900 levels": (line_with(meta=nest(900)), "meta: is nested too deeply"),
    "provenance nested": (line_with(annotator="ali", spans=[{**SPAN, "provenance": nest(400)}]),
                          "spans[0].provenance: is nested too deeply"),
    "meta holds 2^64": ('{"id":"d","text":"%s","meta":{"n":18446744073709551616}}' % TEXT,
                        "meta: holds an integer too large"),
    "attrs hold -2^63-1": ('{"id":"d","text":"%s","annotator":"ali","spans":[{"label":"CUE","start":0,"end":3,'
                           '"attrs":{"n":-9223372036854775809}}]}' % TEXT, "spans[0].attrs: holds an integer too large"),
    "meta holds 5,000 digits": ('{"id":"d","text":"%s","meta":{"n":%s}}' % (TEXT, "7" * 5000),
                                "not valid JSON: a number of 5000 digits is too large"),
    "normalisation is not counts": (line_with(normalisation={"bom": False, "crlf": "many"}),
                                    "normalisation.crlf: must be a count"),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
@pytest.mark.parametrize("fmt", ["auto", "qawl"])
def test_odd_values_are_refused_with_the_field_and_change_nothing(project, tmp_path, capsys, case, fmt):
    line, expected = BAD_LINES[case]
    path = tmp_path / "in.jsonl"
    path.write_text((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n", "utf-8")
    before = digest(project)
    code, _, err = run(capsys, "import", "--db", project, "--format", fmt, path)
    assert code == 1 and "Traceback" not in err
    assert f"in.jsonl:1: {expected}" in err
    assert digest(project) == before


PEER_BAD = {
    "doccano": ("a.jsonl", '{"id": 1, "text": "%s", "label": [[0, 3, "CUE"]], "meta": {"n": %s}}\n' % (TEXT, "9" * 5000)),
    "labelstudio": ("tasks.json", '[{"id": 1, "data": {"text": "%s"}, "meta": NaN, "annotations": []}]' % TEXT),
    "prodigy": ("p.jsonl", '{"text": "%s", "meta": {"n": 18446744073709551616}, "answer": "accept", '
                           '"spans": [{"start": 0, "end": 3, "label": "CUE"}]}\n' % TEXT),
}


@pytest.mark.parametrize("fmt", sorted(PEER_BAD))
def test_odd_numbers_in_other_tools_files_are_refused_not_crashed_on(project, tmp_path, capsys, fmt):
    name, data = PEER_BAD[fmt]
    path = tmp_path / name
    path.write_text(data, "utf-8")
    before = digest(project)
    for chosen in (fmt, "auto"):
        code, _, err = run(capsys, "import", "--db", project, "--format", chosen, path)
        assert code == 1 and "Traceback" not in err and name in err, err
        assert digest(project) == before


def test_brat_offsets_in_other_digits_are_refused(project, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "a.ann").write_text("T1\tCUE 0 ³\tقال\nT2\tCUE 0 " + "9" * 5000 + "\tقال\n", "utf-8")
    code, _, err = run(capsys, "import", "--db", project, "--format", "brat", tmp_path / "a.ann", tmp_path / "a.txt")
    assert code == 1 and "a.ann:1" in err and "Traceback" not in err


# --- the project itself failing ----------------------------------------------------------------------------------

def test_a_full_disk_is_said_and_changes_nothing_simulated(project, tmp_path, capsys, monkeypatch):
    """SQLite's own limit on the number of pages gives the same SQLITE_FULL a full disk gives."""
    real_open = Store.open.__func__

    def full(cls, *args, **kwargs):
        store = real_open(cls, *args, **kwargs)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        return store

    monkeypatch.setattr(Store, "open", classmethod(full))
    lines = [{"id": f"d{i}", "text": f"{TEXT} {i} " + "كلمة " * 400} for i in range(50)]
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    before = digest(project)
    code, _, err = run(capsys, "import", "--db", project, tmp_path / "in.jsonl")
    assert code == 1 and "the disk is full" in err and "nothing was changed" in err and "Traceback" not in err
    monkeypatch.undo()
    assert digest(project) == before


@pytest.mark.slow
def test_a_really_full_disk_is_said_and_changes_nothing(tmp_path):
    with small_disk("2m") as disk:
        db = disk / "p.db"
        (tmp_path / "a.txt").write_text(TEXT, "utf-8")
        assert qawl("import", "--db", db, tmp_path / "a.txt").returncode == 0
        fill(disk)
        lines = [{"id": f"d{i}", "text": f"{TEXT} {i} " + "كلمة " * 400} for i in range(200)]
        (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
        before = digest(db)
        done = qawl("import", "--db", db, tmp_path / "in.jsonl")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "disk is full" in done.stderr or "could not be read or written" in done.stderr, done.stderr
        (disk / "filler").unlink()
        assert digest(db) == before
        with Store.open(db) as store:
            assert store.count_documents() == 1
        out = disk / "out.jsonl"
        fill(disk)
        done = qawl("export", "--db", db, "-o", out)
        assert done.returncode == 1 and "disk is full" in done.stderr and not out.exists()
        assert not [p for p in disk.iterdir() if p.name.endswith(".part")]


def test_exporting_into_a_full_device_is_said(project, tmp_path, capsys):
    full = device(tmp_path, "full")
    code, _, err = run(capsys, "export", "--db", project, "-o", full)
    assert code == 1 and f"{full}: cannot be written: the disk is full" in err
    assert full.is_char_device()


@pytest.mark.slow
def test_a_read_only_project_is_said_and_reading_still_works(tmp_path):
    if not mountable():
        pytest.skip("needs root to mount a read-only file system")
    with small_disk("4m") as disk:
        db = disk / "p.db"
        (tmp_path / "a.txt").write_text(TEXT, "utf-8")
        assert qawl("import", "--db", db, tmp_path / "a.txt").returncode == 0
        remount_read_only(disk)
        (tmp_path / "b.txt").write_text(TEXT + " آخر", "utf-8")
        done = qawl("import", "--db", db, tmp_path / "b.txt")
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "read-only" in done.stderr, done.stderr
        stats = qawl("stats", "--db", db, "--json")
        assert stats.returncode == 0 or ("read-only" in stats.stderr and "Traceback" not in stats.stderr)


def test_a_project_kept_busy_too_long_is_said(project, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(30)"), str(project)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        (tmp_path / "a.txt").write_text(TEXT, "utf-8")
        started = time.monotonic()
        done = qawl("import", "--db", project, tmp_path / "a.txt", env={"QAWL_BUSY_TIMEOUT": "0.5"})
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "the project is busy" in done.stderr and "nothing was changed" in done.stderr
        assert time.monotonic() - started < 20
    finally:
        holder.kill()
        holder.wait()


def test_a_damaged_project_is_refused_at_open_pointing_to_recovery(project, capsys):
    with sqlite3.connect(project) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(project, "r+b") as fh:  # no connection is open: garble the header of every page after the first
        for n in range(1, pages):
            fh.seek(n * page)
            fh.write(b"\x07" + os.urandom(11))
    before = digest(project)
    for command in (["stats"], ["export", "-o", project.parent / "out.jsonl"]):
        code, _, err = run(capsys, *command, "--db", project)
        assert code == 1 and "Traceback" not in err
        assert "damaged" in err and ".recover" in err, err
    assert digest(project) == before and not (project.parent / "out.jsonl").exists()


# --- a mistyped --db, names with escapes, links --------------------------------------------------------------------

@pytest.mark.parametrize("command", [["stats"], ["export", "-o", "OUT"], ["suggest"], ["agree"], ["export", "--format",
                                                                                                    "brat", "-o", "OUT"]])
def test_a_mistyped_project_name_is_an_error_not_a_new_empty_project(tmp_path, capsys, command):
    typo = tmp_path / "projcet.db"
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    code, _, err = run(capsys, *args, "--db", typo)
    assert code == 1 and f"{typo}: no such project file" in err
    assert not typo.exists() and not (tmp_path / "out").exists()


def test_only_import_creates_a_project(tmp_path, capsys):
    db = tmp_path / "new.db"
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    assert run(capsys, "import", "--db", db, tmp_path / "a.txt")[0] == 0 and db.exists()


def test_terminal_escapes_in_names_are_spelled_out(project, tmp_path, capsys):
    evil = "ali\x1b]0;pwned\x07\x1b[2J\u202e"
    lines = [{"id": "d", "text": TEXT, "annotator": evil, "spans": [SPAN]},
             {"id": "d", "text": TEXT, "annotator": "sara\x1b[31m", "spans": [SPAN]}]
    (tmp_path / "in.jsonl").write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    assert run(capsys, "import", "--db", project, tmp_path / "in.jsonl")[0] == 0
    for command in (["stats"], ["agree"]):
        code, out, err = run(capsys, *command, "--db", project)
        assert code == 0, err
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "\\x1b" in out and "ali" in out
    code, out, _ = run(capsys, "stats", "--db", project, "--json")
    assert orjson.loads(out)["spans_by_annotator"][evil] == 1  # JSON for programs keeps the name exactly


def test_symbolic_links_inside_imported_folders_are_not_followed(project, tmp_path, capsys):
    folder, elsewhere = tmp_path / "articles", tmp_path / "private"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "a.txt").write_text(TEXT, "utf-8")
    (elsewhere / "secret.txt").write_text("سر لا يخص المشروع", "utf-8")
    (folder / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (folder / "more").symlink_to(elsewhere, target_is_directory=True)
    code, out, _ = run(capsys, "import", "--db", project, folder)
    assert code == 0 and "2 symbolic link(s) inside the folders were not followed" in out
    with Store.open(project) as store:
        assert store.count_documents() == 2 and not store.search("سر")
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "a.txt").write_text(TEXT, "utf-8")
    (brat / "a.ann").write_text("T1\tCUE 0 3\tقال\n", "utf-8")
    (brat / "b.txt").symlink_to(elsewhere / "secret.txt")
    code, out, _ = run(capsys, "import", "--db", project, "--format", "brat", brat)
    assert code == 0 and "1 symbolic link(s)" in out


# --- --skip-invalid and exit codes --------------------------------------------------------------------------------

def test_skip_invalid_skips_a_bad_line_of_a_qawl_file_and_the_rest_of_its_document(project, tmp_path, capsys):
    other = "نص آخر سليم تماما"
    lines = [json.dumps({"id": "d", "text": TEXT, "annotator": "sara", "spans": [SPAN]}, ensure_ascii=False),
             '{"id": "broken", "text": ',  # not JSON: only this line is known to be bad
             json.dumps({"id": "d", "text": TEXT, "annotator": "ali", "spans": [{**SPAN, "label": "OPINION"}]},
                        ensure_ascii=False),
             json.dumps({"id": "ok", "text": other, "annotator": "ali", "spans": [{**SPAN, "end": 2}]},
                        ensure_ascii=False)]
    path = tmp_path / "team.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    before = digest(project)
    code, _, err = run(capsys, "import", "--db", project, path)
    assert code == 1 and "team.jsonl:2" in err and digest(project) == before
    code, out, _ = run(capsys, "import", "--db", project, "--skip-invalid", path)
    assert code == 3, out
    assert "skipped: " in out and "team.jsonl:2" in out and "team.jsonl:3" in out and "team.jsonl:1" in out
    with Store.open(project) as store:
        assert not store.has_document("d")  # sara's good line went with ali's bad one: whole or not at all
        assert store.layer("ok", "ali").spans


def test_exit_codes_mean_the_same_in_every_format(tmp_path, capsys):
    from app.core import formats
    from app.core.model import Layer, Span

    good = Record(make_document(TEXT, id="g"), Layer("g", "ali", "done", [Span.of(TEXT, "CUE", 0, 3, id="k")]))
    bad = Record(make_document("نص ثان للتجربة", id="b"), Layer("b", "ali", "done",
                                                                 [Span.of("نص ثان للتجربة", "OPINION", 0, 2, id="o")]))
    for fmt in ("qawl", *formats.FORMATS):
        folder = tmp_path / fmt
        folder.mkdir()
        if fmt == "qawl":
            from app.core.jsonl import export_record

            data = {"both.jsonl": b"".join(orjson.dumps(export_record(r.document, r.layer, {}, "quotes-claims"))
                                           + b"\n" for r in (good, bad))}
        else:
            data = formats.write(fmt, [good, bad])
        for name, content in data.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(content)
        db = tmp_path / f"{fmt}.db"
        Store.open(db).close()
        paths = [folder / n for n in data if not n.endswith((".conf", ".xml"))]
        good_only = [p for p in paths if p.name != "both.jsonl"] if fmt == "qawl" else None
        codes = [run(capsys, "import", "--db", db, "--format", fmt, *paths)[0],
                 run(capsys, "import", "--db", db, "--format", fmt, "--skip-invalid", *paths)[0]]
        assert codes == [1, 3], (fmt, codes)
        with Store.open(db) as store:
            assert store.count_documents() == 1, fmt
        assert good_only is None or not good_only

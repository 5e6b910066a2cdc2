"""Exports put whole, exact and never over what is not Qawl's (defects 3, 4, 5 and the file parts of 10 of issue 9):
file names that cannot collide and come back as they were, streams and devices written into (never replaced), a
folder of files that is the old export or the new one even when the process is killed or the disk fills, modes
that follow the umask, a record of written files that holds only what exists."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core import formats
from app.core.errors import QawlError
from app.core.jsonl import Record, make_document
from app.core.model import Layer, Span
from app.store import Store
from integrity_support import REPO, device, digest, fill, qawl, run, small_disk

TEXT = "قال الوزير إن الاتفاق سيوقع غدا في العاصمة"
NASTY_IDS = ["ok/1", "ok_1", "ok 1", "..", ".", "100%", "con", "all"]
NASTY_ANNOTATORS = ["a/b", "a_b"]


def layer(doc_id: str, text: str, who: str) -> Layer:
    return Layer(doc_id, who, "done", [Span.of(text, "CUE", 0, 3, id="k"), Span.of(text, "SPEAKER", 4, 10, id="s")])


@pytest.fixture
def nasty(tmp_path):
    """Documents and annotators whose names a careless file naming would merge."""
    db = tmp_path / "nasty.db"
    with Store.open(db) as store:
        records = []
        for i, doc_id in enumerate(NASTY_IDS):
            text = f"{TEXT} {i}"
            for who in NASTY_ANNOTATORS:
                records.append(Record(make_document(text, id=doc_id), layer(doc_id, text, who)))
        store.import_records(records)
    return db


def layers_of(db: Path) -> set[tuple[str, str, int]]:
    with Store.open(db) as store:
        return {(doc_id, who, len(store.layer(doc_id, who).spans)) for doc_id in store.document_ids()
                for who in store.layer_annotators(doc_id)}


@pytest.mark.parametrize("fmt", ["brat", "doccano", "labelstudio", "prodigy", "jsonl"])
def test_names_that_look_alike_never_overwrite_each_other_and_come_back_as_they_were(nasty, tmp_path, capsys, fmt):
    out = tmp_path / ("out.jsonl" if fmt in ("jsonl", "prodigy") else "out")
    code, _, err = run(capsys, "export", "--db", nasty, "--format", fmt, "-o", out)
    assert code == 0, err
    if fmt == "brat":
        assert len(list(out.rglob("*.ann"))) == len(NASTY_IDS) * len(NASTY_ANNOTATORS)
    if fmt == "doccano":
        assert len(list(out.glob("*.jsonl"))) == len(NASTY_ANNOTATORS)
    again = tmp_path / "again.db"
    paths = [out] if out.is_file() else [p for p in out.rglob("*") if p.is_file() and p.suffix != ".conf"
                                          and p.suffix != ".xml"]
    code, _, err = run(capsys, "import", "--db", again, "--format", "qawl" if fmt == "jsonl" else fmt, *paths)
    assert code == 0, err
    want = layers_of(nasty)
    got = layers_of(again)
    if fmt in ("labelstudio", "prodigy"):  # these tools name an annotator by e-mail or id: compare documents
        assert {d for d, _, _ in got} == {d for d, _, _ in want}
    else:
        assert got == want


def test_names_one_file_system_cannot_tell_apart_are_refused_naming_them(tmp_path, capsys, monkeypatch):
    from app.operations import folders

    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.import_records([Record(make_document(TEXT, id="d"), layer("d", TEXT, who)) for who in ("Ali", "ali")])
    monkeypatch.setattr(folders, "_folds", lambda folder: True)  # as on macOS or Windows
    code, _, err = run(capsys, "export", "--db", db, "--format", "doccano", "-o", tmp_path / "out")
    assert code == 1 and "'Ali.jsonl', 'ali.jsonl'" in err and "would be one file" in err
    assert not (tmp_path / "out").exists()


def test_an_id_longer_than_a_file_name_can_be_is_refused_before_anything_is_written(tmp_path, capsys):
    db = tmp_path / "p.db"
    long_id = "مقال-" + "ا" * 200  # 405 bytes of UTF-8
    with Store.open(db) as store:
        store.import_records([Record(make_document(TEXT, id=long_id), layer(long_id, TEXT, "ali")),
                              Record(make_document(TEXT + " 2", id="short"), layer("short", TEXT + " 2", "ali"))])
    out = tmp_path / "out"
    code, _, err = run(capsys, "export", "--db", db, "--format", "brat", "-o", out)
    assert code == 1 and "Traceback" not in err and "file system allows 255" in err and "مقال-" in err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if ".qawl-" in p.name]


# --- targets that are not regular files ----------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.import_records([Record(make_document(TEXT, id="d"), layer("d", TEXT, "ali"))])
    return db


@pytest.mark.parametrize("fmt", ["jsonl", "quotes", "prodigy"])
def test_standard_output_gets_exactly_the_export(project, tmp_path, fmt):
    reference = tmp_path / "ref.jsonl"
    assert qawl("export", "--db", project, "--format", fmt, "-o", reference).returncode == 0
    done = qawl("export", "--db", project, "--format", fmt, "-o", "-")
    assert done.returncode == 0 and done.stdout.encode() == reference.read_bytes()
    assert "Wrote" in done.stderr
    own = tmp_path / "stdout"  # what /dev/stdout is, made here so that no test can ever replace the system's
    own.symlink_to("/proc/self/fd/1")
    done = qawl("export", "--db", project, "--format", fmt, "-o", own)
    assert done.returncode == 0 and done.stdout.encode() == reference.read_bytes()
    assert own.is_symlink()


def test_a_multi_file_format_to_standard_output_is_refused(project, capsys):
    code, _, err = run(capsys, "export", "--db", project, "--format", "brat", "-o", "-")
    assert code == 1 and "give a folder" in err


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy"])
def test_a_fifo_is_streamed_into_not_replaced(project, tmp_path, fmt):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    done = qawl("export", "--db", project, "--format", fmt, "-o", fifo)
    data = reader.communicate(timeout=60)[0]
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode) and data.count(b"\n") >= 1 and b'"d"' in data


def test_a_device_is_written_into_not_replaced(project, tmp_path, capsys):
    null = device(tmp_path, "null")
    for fmt in ("jsonl", "quotes", "prodigy"):
        code, _, err = run(capsys, "export", "--db", project, "--format", fmt, "-o", null)
        assert code == 0, err
        assert null.is_char_device()


def test_a_link_to_an_export_replaces_the_file_and_keeps_the_link(project, tmp_path, capsys):
    real = tmp_path / "real.jsonl"
    assert run(capsys, "export", "--db", project, "-o", real)[0] == 0
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    assert run(capsys, "export", "--db", project, "--annotated-only", "-o", link)[0] == 0
    assert link.is_symlink() and real.is_file() and real.read_bytes().count(b"\n") == 1


# --- all or nothing --------------------------------------------------------------------------------------------------

@pytest.fixture
def big(tmp_path):
    """Enough documents that a folder export takes a moment (to be killed in)."""
    db = tmp_path / "big.db"
    with Store.open(db) as store:
        records = []
        for i in range(200):
            text = f"{TEXT} {i} " + "كلمة " * 300
            for who in ("ali", "sara"):
                records.append(Record(make_document(text, id=f"d{i}"), layer(f"d{i}", text, who)))
        store.import_records(records)
    return db


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["brat", "doccano"])
def test_a_killed_export_leaves_the_old_export_or_the_new_one_and_the_next_one_replaces_it(big, tmp_path, fmt):
    reference = tmp_path / "reference"
    assert qawl("export", "--db", big, "--format", fmt, "-o", reference).returncode == 0
    expected = snapshot(reference)
    out = tmp_path / "out"
    rng = random.Random(9)
    states = set()
    for attempt in range(6):
        proc = subprocess.Popen([sys.executable, "-m", "app", "export", "--db", str(big), "--format", fmt, "-o",
                                 str(out)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = snapshot(out) if out.exists() else None
        assert now is None or now == expected, f"attempt {attempt}: a half-written export is visible"
        states.add("none" if now is None else "whole")
        if attempt % 2:  # the next export always goes through, over what the killed one left
            done = qawl("export", "--db", big, "--format", fmt, "-o", out)
            assert done.returncode == 0, done.stderr
            assert snapshot(out) == expected
    leftovers = [p.name for p in tmp_path.iterdir() if ".qawl-" in p.name]
    assert qawl("export", "--db", big, "--format", fmt, "-o", out).returncode == 0
    assert not [p.name for p in tmp_path.iterdir() if ".qawl-" in p.name], leftovers
    assert not [p for p in out.rglob("*") if ".qawl-" in p.name or p.name.endswith(".part")]


@pytest.mark.slow
def test_a_full_disk_midway_leaves_the_old_export_whole_and_replaceable(tmp_path, capsys):
    with small_disk("2m") as disk:
        db = tmp_path / "p.db"
        with Store.open(db) as store:
            store.import_records([Record(make_document(f"{TEXT} {i}", id=f"d{i}"),
                                         layer(f"d{i}", f"{TEXT} {i}", "ali")) for i in range(20)])
        out = disk / "out"
        assert run(capsys, "export", "--db", db, "--format", "brat", "-o", out)[0] == 0
        before = snapshot(out)
        with Store.open(db) as store:  # more to export: a longer text per document
            store.import_records([Record(make_document(f"{TEXT} {i} " + "كلمة " * 2000, id=f"x{i}"),
                                         layer(f"x{i}", f"{TEXT} {i} " + "كلمة " * 2000, "ali")) for i in range(20)])
        fill(disk)
        code, _, err = run(capsys, "export", "--db", db, "--format", "brat", "-o", out)
        assert code == 1 and "disk is full" in err and "nothing in the folder was changed" in err
        assert snapshot(out) == before
        assert not [p for p in disk.iterdir() if ".qawl-" in p.name]
        (disk / "filler").unlink()
        assert run(capsys, "export", "--db", db, "--format", "brat", "-o", out)[0] == 0
        assert len(snapshot(out)) > len(before)


def test_other_peoples_files_in_the_folder_are_kept_and_never_overwritten(project, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "export", "--db", project, "--format", "brat", "-o", out)[0] == 0
    (out / "README").write_text("my notes", "utf-8")
    assert run(capsys, "export", "--db", project, "--format", "brat", "-o", out)[0] == 0
    assert (out / "README").read_text("utf-8") == "my notes"
    (out / "d.ann").write_text("T1\tCUE 0 3\tقال\n# edited by hand\n", "utf-8")
    before = digest(out / "d.ann")
    code, _, err = run(capsys, "export", "--db", project, "--format", "brat", "-o", out)
    assert code == 1 and "d.ann: exists and was not written by Qawl" in err and digest(out / "d.ann") == before


# --- modes and the record ----------------------------------------------------------------------------------------------

def _with_umask(mask: int):
    def preexec() -> None:
        os.umask(mask)
    return preexec


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_exported_files_and_folders_follow_the_umask(project, tmp_path, mask):
    for fmt, name in (("jsonl", "out.jsonl"), ("brat", "brat"), ("doccano", "doccano")):
        target = tmp_path / f"{mask:o}-{name}"
        done = subprocess.run([sys.executable, "-m", "app", "export", "--db", str(project), "--format", fmt, "-o",
                               str(target)], cwd=REPO, capture_output=True, text=True, preexec_fn=_with_umask(mask))
        assert done.returncode == 0, done.stderr
        for path in [target, *target.rglob("*")] if target.is_dir() else [target]:
            want = (0o777 if path.is_dir() else 0o666) & ~mask
            assert stat.S_IMODE(path.stat().st_mode) == want, (fmt, path, oct(path.stat().st_mode))


def test_a_replaced_export_keeps_its_mode(project, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert run(capsys, "export", "--db", project, "-o", out)[0] == 0
    out.chmod(0o640)
    assert run(capsys, "export", "--db", project, "-o", out)[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_the_record_of_written_files_holds_only_what_exists(project, tmp_path, capsys):
    for n in range(6):
        assert run(capsys, "export", "--db", project, "--format", "brat", "-o", tmp_path / f"out{n % 3}")[0] == 0
    with Store.open(project) as store:
        files = [p for n in range(3) for p in (tmp_path / f"out{n}").rglob("*") if p.is_file()]
        assert store.written_count() == len(files)
    import shutil

    shutil.rmtree(tmp_path / "out0")
    shutil.rmtree(tmp_path / "out1")
    assert run(capsys, "export", "--db", project, "--format", "brat", "-o", tmp_path / "out2")[0] == 0
    with Store.open(project) as store:
        assert store.written_count() == len([p for p in (tmp_path / "out2").rglob("*") if p.is_file()])
        assert store.meta("written_files") is None


def test_a_folder_export_never_writes_into_the_project(project, tmp_path, capsys):
    code, _, err = run(capsys, "export", "--db", project, "--format", "brat", "-o", project)
    assert code == 1 and "Traceback" not in err
    with Store.open(project) as store:
        assert store.count_documents() == 1


def test_write_folder_refuses_names_that_leave_the_folder(tmp_path):
    from app.operations.folders import check_names

    for bad in ("../x.txt", "/etc/x", "a/../../b", "", "a/\x00b"):
        with pytest.raises(QawlError):
            check_names([bad], tmp_path)
    check_names(["a%2Fb/ok%201.txt"], tmp_path)
    assert formats  # the writers' names are checked by the export tests above

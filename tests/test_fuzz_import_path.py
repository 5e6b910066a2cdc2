"""Import fuzzing through the WHOLE ``qawl import`` path (issue 9): the command line, format detection (``--format
auto``), our own JSONL and .txt readers, the other tools' readers, the store's checks and its one transaction.

For each format (qawl, doccano, labelstudio, prodigy, brat) and for ``--format auto`` over all of them, at least
10,000 distinct mutated inputs (the mutations of tests/test_fuzz_importers.py: truncation, flipped and inserted
bytes, values of the wrong type, huge and negative offsets, duplicated ids, garbled brat lines, odd numbers,
deep nesting) are written as files and imported with ``qawl import`` (in-process ``app.cli.main``) into a real
project file, with random options (--skip-invalid, --add-labels, --replace, --offset-unit). The only outcomes
allowed: exit 0, exit 3 (documents skipped, listed), or exit 1 with a ``qawl: ...`` message and the project
byte-identical to before. Never a traceback, never an "unexpected error" (a bug).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.jsonl import FORMAT, export_record
from app.store import Store
from test_fuzz_importers import PEER, arabic_record, mutate_ann, mutate_bytes, mutate_json, mutated

INPUTS = int(os.environ.get("QAWL_FUZZ_INPUTS", "10000"))
BATCH = 10
pytestmark = [pytest.mark.slow, pytest.mark.corpus,
              pytest.mark.skipif(not PEER.exists(), reason="the shared corpus is not available")]
FUZZ = settings(max_examples=INPUTS // BATCH, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
TEXT = "قال 😀 الوزيرُ: «نعم» 👨‍👩‍👧\r\nانتهى"


def qawl_seeds() -> list[list[tuple[str, bytes]]]:
    """Our own format: an export of an Arabic record (spans, relations, entities, normalisation, meta), plain
    document lines, a .txt article with its .json sidecar."""
    rec = arabic_record()
    line = export_record(rec.document, rec.layer, {}, "quotes-claims")
    line["meta"] = {"title": "عنوان", "date": "2024-01-18", "n": 12, "tags": ["a", {"b": [1, 2.5, None]}]}
    line["entities"] = [{"id": "e1", "name": "الوزير", "aliases": ["وزير الخارجية"]}]
    line["spans"][1]["attrs"] = {"entity": "e1"}
    plain = [{"id": f"p{i}", "text": f"نص رقم {i} 😀", "meta": {"i": i}} for i in range(3)]
    assert line["schema"] == FORMAT
    return [[("team.jsonl", json.dumps(line, ensure_ascii=False).encode() + b"\n")],
            [("docs.jsonl", b"".join(json.dumps(p, ensure_ascii=False).encode() + b"\n" for p in plain))],
            [("article.txt", TEXT.encode()), ("article.json", json.dumps({"id": "a1", "title": "ت",
                                                                         "date": "2024-01-01"}).encode())]]


QAWL_SEEDS = qawl_seeds() if PEER.exists() else []


def mutated_qawl(rng: random.Random) -> list[tuple[str, bytes]]:
    items = [list(x) for x in rng.choice(QAWL_SEEDS)]
    for item in items:
        name, data = item
        if rng.random() < 0.35:
            item[1] = mutate_bytes(rng, data)
        elif name.endswith(".txt"):
            item[1] = mutate_bytes(rng, data) if rng.random() < 0.5 else data
        else:
            try:
                lines = [json.loads(x) for x in data.decode().splitlines() if x.strip()]
            except ValueError:
                item[1] = mutate_bytes(rng, data)
                continue
            i = rng.randrange(len(lines))
            lines[i] = mutate_json(rng, copy.deepcopy(lines[i]))
            if rng.random() < 0.1:  # numbers and nesting the stores cannot keep exactly
                lines[i] = {"wrap": lines[i], "n": rng.choice([2 ** 64, -2 ** 63 - 1, 10 ** 30])} \
                    if not isinstance(lines[i], dict) else {**lines[i], "meta": rng.choice(
                        [{"n": 2 ** 64}, _deep(300), {"x": float("nan")}])}
            text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
            if rng.random() < 0.05:
                text = text.replace("18446744073709551616", "9" * rng.choice([25, 5000]), 1)
            item[1] = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.05:
        items = [i for i in items if not i[0].endswith(".txt")] or items
    return [tuple(i) for i in items]


def _deep(n: int) -> dict:
    value: object = 1
    for _ in range(n):
        value = {"a": value}
    return value


class Project:
    """A small real project (on a RAM disk where there is one) and the pristine bytes it is reset to."""

    def __init__(self) -> None:
        base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        self.folder = Path(tempfile.mkdtemp(prefix="qawl-fuzz-", dir=base))
        self.db = self.folder / "p.db"
        with Store.open(self.db) as store:
            from app.core.sources import read_sources

            seed = Path(__file__).resolve().parents[1] / "seeds"
            store.import_records(read_sources(sorted(seed.glob("*.txt"))))
            rec = arabic_record()
            store.import_records([rec])  # a layer the mutated copies of it collide with
        self.pristine = self.db.read_bytes()
        self.digest = hashlib.sha256(self.pristine).hexdigest()
        self.inputs = self.folder / "in"

    def reset(self) -> None:
        for extra in ("-wal", "-shm"):
            Path(f"{self.db}{extra}").unlink(missing_ok=True)
        self.db.write_bytes(self.pristine)

    def write(self, items: list[tuple[str, bytes]]) -> list[str]:
        shutil.rmtree(self.inputs, ignore_errors=True)
        self.inputs.mkdir()
        paths = []
        for name, data in items:
            path = self.inputs / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            if not name.endswith(".json") or not any(n == name[:-5] + ".txt" for n, _ in items):
                paths.append(str(path))  # a sidecar is read with its article
        return paths


def run_import(project: Project, fmt: str, items: list[tuple[str, bytes]], rng: random.Random) -> None:
    from app.cli import main

    paths = project.write(items)
    options = []
    if rng.random() < 0.3:
        options.append("--skip-invalid")
    if rng.random() < 0.3 and fmt != "qawl":
        options.append("--add-labels")
    if rng.random() < 0.1:
        options.append("--replace")
    if fmt not in ("qawl", "auto") and rng.random() < 0.3:
        options += ["--offset-unit", rng.choice(["codepoint", "utf16", "grapheme"])]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["import", "--db", str(project.db), "--format", fmt, *options, *paths])
    said = out.getvalue() + err.getvalue()
    assert "Traceback" not in said and "unexpected error" not in said, (fmt, items, said[-2000:])
    assert code in (0, 1, 3), (fmt, code, said[-2000:])
    if code == 1:
        assert err.getvalue().startswith("qawl: "), (fmt, said[-1000:])
        now = hashlib.sha256(project.db.read_bytes()).hexdigest()
        assert now == project.digest, (fmt, "a refused import changed the project", items, said[-1000:])
        assert not Path(f"{project.db}-wal").exists()
    else:
        project.reset()


def _inputs_of(fmt: str, rng: random.Random) -> tuple[str, list[tuple[str, bytes]]]:
    if fmt == "auto":
        fmt_ = rng.choice(["qawl", "qawl", "doccano", "labelstudio", "prodigy", "brat"])
        return "auto", (mutated_qawl(rng) if fmt_ == "qawl" else mutated(fmt_, rng))
    return fmt, (mutated_qawl(rng) if fmt == "qawl" else mutated(fmt, rng))


@pytest.mark.parametrize("fmt", ["qawl", "doccano", "labelstudio", "prodigy", "brat", "auto"])
def test_the_whole_import_path_only_ever_says_what_is_wrong_and_changes_nothing(fmt):
    project = Project()
    seen: set[int] = set()
    try:
        @FUZZ
        @given(st.integers(min_value=0, max_value=2 ** 60))
        def run(seed):
            new = tries = 0
            while new < BATCH and tries < 20 * BATCH:
                rng = random.Random(seed * 1000 + tries)
                chosen, items = _inputs_of(fmt, rng)
                tries += 1
                key = hash((chosen, tuple(items)))
                if key in seen:
                    continue
                seen.add(key)
                new += 1
                run_import(project, chosen, items, rng)

        run()
        assert len(seen) >= INPUTS
    finally:
        shutil.rmtree(project.folder, ignore_errors=True)


def test_the_seeds_of_our_own_format_import(tmp_path, capsys):
    from app.cli import main

    for items in QAWL_SEEDS:
        project = Project()
        try:
            paths = project.write(items)
            assert main(["import", "--db", str(project.db), "--replace", *paths]) == 0, capsys.readouterr().err
        finally:
            shutil.rmtree(project.folder, ignore_errors=True)
    assert mutate_ann  # brat lines are mutated by the peer seeds' mutator (test_fuzz_importers)

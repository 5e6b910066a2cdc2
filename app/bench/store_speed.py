"""Foundation speed: import of 10,000 articles and export of 1,000,000 spans, each beside a raw floor.

- Import: ``qawl import`` of 10,000 real articles (the 200 corpus articles, each repeated with a distinct id)
  from one JSONL file and from 10,000 .txt files, through the whole pipeline (read, decode, normalise, hash,
  detect direction, validate, write in one transaction). Floor: raw ``sqlite3.executemany`` of the same
  (id, text) pairs into a fresh file database, in one transaction. Target: rate >= 0.5x the floor.
- Export: ``qawl export`` (jsonl) of a project with 1,000,000 spans (10,000 documents x 100 spans). Floor: a raw
  ``SELECT`` of the span rows -> dict -> ``orjson.dumps`` -> file writer over the same rows. Target: >= 0.5x.

Run: ``qawl bench store`` (or ``python -m app.bench.store_speed``).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import tempfile
import time
from pathlib import Path

import orjson

from ..core.sources import read_sources
from ..operations.writing import export_to
from ..store import Store
from .common import corpus_texts, row


def _articles(n: int) -> list[tuple[str, str]]:
    texts = corpus_texts()
    # A distinct suffix keeps every text (and so every hash) unique, as in a real corpus.
    return [(f"a{i:05d}", texts[i % len(texts)] + f"\n[{i}]") for i in range(n)]


def floor_executemany(rows: list[tuple[str, str]], tmp: Path) -> float:
    path = tmp / "floor.db"
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT NOT NULL)")
    t = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO documents VALUES (?, ?)", rows)
    elapsed = time.perf_counter() - t
    conn.close()
    return elapsed


def ours_import(paths: list[Path], tmp: Path) -> tuple[float, float]:
    """Seconds to (committed: every document readable by any connection, as ``qawl import`` reports success;
    and that plus the WAL checkpoint that ``qawl import`` runs when it closes the project)."""
    db = tmp / "ours.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    store = Store.open(db)
    t = time.perf_counter()
    records = read_sources(paths)
    store.import_records(records)
    committed = time.perf_counter() - t
    store.close()
    return committed, time.perf_counter() - t


def bench_import(n: int, tmp: Path, repeat: int) -> list[str]:
    rows = _articles(n)
    jsonl = tmp / "articles.jsonl"
    with open(jsonl, "wb") as fh:
        for doc_id, text in rows:
            fh.write(orjson.dumps({"id": doc_id, "text": text, "meta": {"date": "2015-07-24"}}) + b"\n")
    txt_dir = tmp / "txt"
    txt_dir.mkdir(exist_ok=True)
    for doc_id, text in rows:
        (txt_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    floor = min(floor_executemany(rows, tmp) for _ in range(repeat))
    jsonl_runs = [ours_import([jsonl], tmp) for _ in range(repeat)]
    txt_runs = [ours_import([txt_dir], tmp) for _ in range(repeat)]
    j_commit, j_close = min(r[0] for r in jsonl_runs), min(r[1] for r in jsonl_runs)
    t_commit, t_close = min(r[0] for r in txt_runs), min(r[1] for r in txt_runs)
    return [
        row(f"import {n:,} articles, one JSONL (committed)", n / j_commit, n / floor, "docs/s", 0.5),
        row("  ... + WAL checkpoint at close", n / j_close, n / floor, "docs/s", 0.5),
        row(f"import {n:,} articles, .txt files (committed)", n / t_commit, n / floor, "docs/s", 0.5),
        row("  ... + WAL checkpoint at close", n / t_close, n / floor, "docs/s", 0.5),
    ]


def _span_project(tmp: Path, docs: int, per_doc: int) -> Path:
    db = tmp / "spans.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    rng = random.Random(7)
    texts = _articles(docs)
    labels = ("QUOTE", "SPEAKER", "CUE", "DATE", "CLAIM")
    lines = []
    for doc_id, text in texts:
        spans = []
        for k in range(per_doc):
            start = rng.randrange(0, len(text) - 12)
            end = start + rng.randrange(1, 12)
            label = labels[k % len(labels)]
            attrs = {"type": "direct"} if label == "QUOTE" else {"value": "2015-07-24"} if label == "DATE" else {}
            spans.append({"id": f"s{k}", "label": label, "start": start, "end": end, "text": text[start:end],
                          "attrs": attrs})
        lines.append({"id": doc_id, "text": text, "annotator": "ali", "status": "in_progress", "spans": spans})
    from ..core.jsonl import parse_record

    store = Store.open(db)
    store.import_records([parse_record(obj) for obj in lines])
    store.close()
    return db


def floor_select_orjson(db: Path, out: Path) -> float:
    conn = sqlite3.connect(db)
    cols = ["doc_id", "annotator", "id", "label", "start", "end", "text", "attrs", "origin", "provenance",
            "created", "updated"]
    t = time.perf_counter()
    with open(out, "wb", buffering=1 << 20) as fh:
        for r in conn.execute("SELECT doc_id, annotator, id, label, start, \"end\", text, attrs, origin, "
                              "provenance, created, updated FROM spans"):
            fh.write(orjson.dumps(dict(zip(cols, r))))
            fh.write(b"\n")
    elapsed = time.perf_counter() - t
    conn.close()
    return elapsed


def ours_export(db: Path, out: Path) -> float:
    store = Store.open(db)
    out.unlink(missing_ok=True)
    t = time.perf_counter()
    export_to(store, out)
    elapsed = time.perf_counter() - t
    store.close()
    return elapsed


def bench_export(docs: int, per_doc: int, tmp: Path, repeat: int) -> list[str]:
    db = _span_project(tmp, docs, per_doc)
    n = docs * per_doc
    floor = min(floor_select_orjson(db, tmp / "floor.jsonl") for _ in range(repeat))
    ours = min(ours_export(db, tmp / "ours.jsonl") for _ in range(repeat))
    return [row(f"export {n:,} spans as JSONL", n / ours, n / floor, "spans/s", 0.5)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qawl bench store", description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the export project")
    parser.add_argument("--spans-per-doc", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs for each figure")
    parser.add_argument("--only", choices=("import", "export"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="qawl-bench-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"Qawl foundation benchmark (best of {args.repeat}; {os.cpu_count()} CPUs)")
        if args.only in (None, "import"):
            for line in bench_import(args.articles, tmp, args.repeat):
                print(line, flush=True)
        if args.only in (None, "export"):
            for line in bench_export(args.docs, args.spans_per_doc, tmp, args.repeat):
                print(line, flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

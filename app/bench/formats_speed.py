"""``qawl bench formats``: every peer format's import and export beside our native JSONL path, on the same
annotations, in one run; and the memory an export takes, at two project sizes.

The project: ``--docs`` Arabic articles of the shared corpus (repeated with a suffix, so each text is its own
document), ``--spans`` spans per document (QUOTE with ``type``, SPEAKER with a registry speaker, CUE, DATE with
``value``) on word boundaries and linked as records (SAID_BY, CUE, DATED), one annotator, every layer done.

* export: ``qawl export`` of the whole project (``export_paths``) in the format, against ``--format jsonl``;
* import: the file(s) that export wrote, into a fresh project (``import_paths``), against importing the JSONL export.

Each figure is the median of ``--repeat`` runs; the ratio (target >= 0.8x) is the median of native time ÷ format
time over pairs run back to back (so that both sides of a ratio see the same load on a shared machine). Memory:
the peak of Python allocations (tracemalloc) during the export, at ``--docs`` and at four times as many documents;
flat means the peak does not grow with the number of documents.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import regex

from ..core.jsonl import Record, make_document
from ..core.model import Entity, Layer, Relation, Span
from .common import corpus_texts

FORMATS = ("labelstudio", "doccano", "prodigy", "brat")
TARGET = 0.8
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def build_records(texts: list[str], docs: int, per_doc: int) -> list[Record]:
    """``docs`` documents with ``per_doc`` spans each, as records of one annotator."""
    out = []
    for n in range(docs):
        raw = texts[n % len(texts)] + f"\n({n})"
        doc = make_document(raw, id=f"bench-{n:05d}", meta={"title": f"article {n}", "date": "2015-07-31"})
        words = [(m.start(), m.end()) for m in _WORD.finditer(doc.text)]
        spans, rels = [], []
        step = max(1, len(words) // per_doc)
        picks = words[::step][:per_doc]
        for k in range(0, len(picks) - 3, 4):
            (qs, _), (_, qe) = picks[k], picks[min(k + 1, len(picks) - 1)]
            q = Span.of(doc.text, "QUOTE", qs, qe, id=f"q{k}", attrs={"type": "direct"})
            s = Span.of(doc.text, "SPEAKER", *picks[k + 2], id=f"s{k}", attrs={"entity": f"e{n % 50}"})
            c = Span.of(doc.text, "CUE", *picks[k + 3], id=f"c{k}")
            d = Span.of(doc.text, "DATE", *picks[k + 1], id=f"d{k}", attrs={"value": "2015-07-31"})
            spans += [q, s, c, d]
            rels += [Relation(f"r{k}a", "SAID_BY", q.id, s.id), Relation(f"r{k}b", "CUE", q.id, c.id),
                     Relation(f"r{k}c", "DATED", q.id, d.id)]
        ents = [Entity(f"e{n % 50}", f"Speaker {n % 50}", (f"alias {n % 50}",))]
        out.append(Record(doc, Layer(doc.id, "ali", "done", spans, rels), ents))
    return out


def median_time(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None,
                clock: Callable[[], float] = time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        if before:
            before()
        gc.collect()
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times)


def paired(ours: Callable[[], object], native: Callable[[], object], repeat: int,
           before: Callable[[], None] | None = None) -> tuple[float, float, float, float]:
    """(median time of ours, median native time, median of the per-pair ratios native / ours, the same ratio in
    CPU time of this process — steadier than wall time when other work shares the machine)."""
    mine, theirs, ratios, cpu = [], [], [], []
    for _ in range(repeat):
        c0 = time.process_time()
        t_native = median_time(native, 1)
        c1 = time.process_time()
        t_ours = median_time(ours, 1, before=before)
        c2 = time.process_time()
        mine.append(t_ours)
        theirs.append(t_native)
        ratios.append(t_native / t_ours)
        cpu.append((c1 - c0) / (c2 - c1))
    return statistics.median(mine), statistics.median(theirs), statistics.median(ratios), statistics.median(cpu)


def peak_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    from ..operations.transfer import export_paths, import_paths
    from ..store import Store

    parser = argparse.ArgumentParser(prog="qawl bench formats", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--spans", type=int, default=40, help="spans per document")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--no-memory", action="store_true", help="skip the memory figures")
    args = parser.parse_args(argv)
    wanted = [f for f in args.formats.split(",") if f]
    texts = corpus_texts()
    root = Path(tempfile.mkdtemp(prefix="qawl-bench-formats-"))
    try:
        records = build_records(texts, args.docs, args.spans)
        store = Store.open(root / "project.db")
        store.import_records(records)
        spans = sum(len(r.layer.spans) for r in records)
        print(f"{args.docs} documents, {spans} spans, one annotator; median of {args.repeat}; "
              f"ratio = native JSONL time / format time (target >= {TARGET}x)")
        native = root / "native.jsonl"

        def fresh(name: str):
            path = root / f"{name}.db"
            for p in root.glob(f"{name}.db*"):
                p.unlink()
            return path

        # Native and format runs alternate, and each ratio is of a pair run back to back: on a shared machine the
        # load drifts between runs, and a pair sees the same load.
        export_native = lambda: export_paths(store, native, "jsonl")  # noqa: E731
        export_native()
        import_native = lambda: _import(Store, fresh("in"), native, "qawl", import_paths)  # noqa: E731
        print(f"{'format':<12} {'what':<7} {'ours s':>8} {'native s':>9} {'ratio':>7} {'CPU ratio':>10}  verdict")
        sizes: list[str] = []
        for fmt in wanted:
            target = root / (f"out-{fmt}.jsonl" if fmt == "prodigy" else f"out-{fmt}")
            clear = (lambda t=target: shutil.rmtree(t, ignore_errors=True) if t.is_dir() else None)
            out = paired(lambda: export_paths(store, target, fmt), export_native, args.repeat, before=clear)
            back = paired(lambda: _import(Store, fresh("in"), target, fmt, import_paths), import_native,
                          args.repeat)
            for what, (ours, floor, ratio, cpu) in (("export", out), ("import", back)):
                verdict = "MET" if ratio >= TARGET else "MISSED"
                print(f"{fmt:<12} {what:<7} {ours:>8.3f} {floor:>9.3f} {ratio:>6.2f}x {cpu:>9.2f}x  {verdict}")
            sizes.append(_what_is_written(fmt, target, native, root, args.repeat, out[1]))
        print("what each export writes, beside the native JSONL file (same run):")
        for line in sizes:
            print(f"  {line}")
        store.close()
        if not args.no_memory:
            _memory(root, texts, args, wanted, Store, export_paths)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def _what_is_written(fmt: str, target: Path, native: Path, root: Path, repeat: int, native_time: float) -> str:
    """The files and bytes an export wrote, against the native file; and the floor of writing those same files
    with bare ``open``/``write``/``close`` into a fresh folder (no Qawl code), to set beside the native export."""
    files = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
    data = [(p.relative_to(target.parent if target.is_file() else target), p.read_bytes()) for p in files]
    size = sum(len(b) for _, b in data)
    bare_root = root / f"bare-{fmt}"

    def clear() -> None:
        shutil.rmtree(bare_root, ignore_errors=True)
        bare_root.mkdir()

    def bare() -> None:
        for name, chunk in data:
            path = bare_root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as out:
                out.write(chunk)

    floor = median_time(bare, repeat, before=clear)
    shutil.rmtree(bare_root, ignore_errors=True)
    return (f"{fmt:<12} {len(files):>5} file(s) {size / 2**20:7.1f} MiB ({size / native.stat().st_size:4.2f}x the "
            f"native {native.stat().st_size / 2**20:.1f} MiB); writing them bare takes {floor:.3f} s = "
            f"{floor / native_time:.2f}x the whole native export")


def _import(Store, path: Path, source: Path, fmt: str, import_paths) -> None:
    store = Store.open(path)
    try:
        import_paths(store, [source], fmt, annotator="ali" if fmt == "brat" else None)
    finally:
        store.close()


def _memory(root: Path, texts, args, wanted, Store, export_paths) -> None:
    sizes = (max(1, args.docs // 4), args.docs)
    peaks: dict[str, list[int]] = {}
    for size in sizes:
        db = root / f"mem-{size}.db"
        store = Store.open(db)
        store.import_records(build_records(texts, size, args.spans))
        for fmt in ("jsonl", *wanted):
            target = root / (f"mem-{fmt}-{size}.jsonl" if fmt in ("jsonl", "prodigy") else f"mem-{fmt}-{size}")
            peaks.setdefault(fmt, []).append(peak_memory(lambda: export_paths(store, target, fmt)))
        store.close()
    print(f"export memory (peak of Python allocations) at {sizes[0]} and {sizes[1]} documents:")
    for fmt, (small, large) in peaks.items():
        print(f"  {fmt:<12} {small / 2**20:7.1f} MiB  {large / 2**20:7.1f} MiB  growth {large / small:4.2f}x "
              f"for {sizes[1] / sizes[0]:.0f}x the documents")


if __name__ == "__main__":
    raise SystemExit(main())

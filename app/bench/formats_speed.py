"""Peer-format import / export speed on the real files of the shared corpus, each next to a floor.

For every format the real files are read ``--scale`` times over (as one batch) and written back:

* import: ``formats.read`` (parse, offset-unit proof, exact conversion, label mapping, layer and schema checks)
  against the floor of only parsing the same bytes (``json.loads`` per record; for brat, decoding and splitting
  the .ann lines);
* export: ``formats.write`` against the floor of dumping the same records as Qawl's own JSONL export
  (``export_record`` + ``json.dumps``).

Run: ``python -m app.bench.formats_speed [--scale N] [--repeat R]`` (the lead wires it as ``qawl bench formats``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Callable

from app.core import formats
from app.core.formats import LabelMapping
from app.core.jsonl import export_record

from .common import NO_CORPUS, corpus_dir


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def inputs(root: Path, scale: int) -> dict[str, tuple[list[tuple[str, bytes]], dict]]:
    peer = root / "peer-formats"
    polnear = root / "english_quote_attribution" / "polnear_brat" / "dev_sample"

    def files(paths: list[Path]) -> list[tuple[str, bytes]]:
        return [(f"{k}/{p.name}", p.read_bytes()) for k in range(scale) for p in paths]

    return {
        "doccano": (files(sorted((peer / "doccano").glob("doccano_[ev]*.jsonl"))), {"add_labels": True}),
        "labelstudio": (files([peer / "label-studio" / "real_user_export_labels_relations_zh_part1.json"]),
                        {"add_labels": True}),
        "prodigy": (files(sorted((peer / "prodigy").glob("*.jsonl"))), {"add_labels": True}),
        "brat": (files(sorted(polnear.glob("*.txt")) + sorted(polnear.glob("*.ann"))),
                 {"mapping": LabelMapping.parc(), "add_labels": True}),
    }


def parse_floor(fmt: str, items: list[tuple[str, bytes]]) -> None:
    for name, data in items:
        text = data.decode("utf-8")
        if fmt == "brat":
            [line.split("\t") for line in text.split("\n")]
        elif text.lstrip().startswith("[") or fmt == "doccano" and "PRETTY" in name:
            json.loads(text)
        else:
            [json.loads(line) for line in text.split("\n") if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1,
                        help="copies of the real files read at once (copies share document ids and are merged)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (the median is reported)")
    args = parser.parse_args(argv)
    root = corpus_dir()
    if root is None:
        print(NO_CORPUS)
        return 2
    print(f"{'format':<12} {'what':<7} {'docs':>6} {'spans':>7} {'ours ms':>9} {'floor ms':>9} {'ratio':>7}")
    for fmt, (items, options) in inputs(root, args.scale).items():
        result = formats.read(fmt, items, **options)
        if result.problems:
            print(f"{fmt}: {len(result.problems)} problems, e.g. {result.problems[0]}")
            return 1
        docs = len({r.document.id for r in result.records})
        spans = sum(len(r.layer.spans) for r in result.records if r.layer)
        read_t = median_time(lambda: formats.read(fmt, items, **options), args.repeat)
        floor_t = median_time(lambda: parse_floor(fmt, items), args.repeat)
        print(f"{fmt:<12} {'import':<7} {docs:>6} {spans:>7} {read_t * 1e3:>9.1f} {floor_t * 1e3:>9.1f} "
              f"{read_t / floor_t:>6.1f}x")
        write_t = median_time(lambda: formats.write(fmt, result.records, schema=result.schema,
                                                    **({"mapping": options["mapping"]} if "mapping" in options
                                                       else {})), args.repeat)
        floor_w = median_time(lambda: [json.dumps(export_record(r.document, r.layer, {}, result.schema.name),
                                                  ensure_ascii=False) for r in result.records], args.repeat)
        print(f"{fmt:<12} {'export':<7} {docs:>6} {spans:>7} {write_t * 1e3:>9.1f} {floor_w * 1e3:>9.1f} "
              f"{write_t / floor_w:>6.1f}x")
    print("floors: import = only parsing the same bytes (json.loads / splitting .ann lines); "
          "export = Qawl's own JSONL export of the same records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

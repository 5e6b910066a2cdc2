"""Teammates' exports of the seed article for the review tests (not a test module): ali's is the seed annotated
completely through the real window (tests/ui_seed_script.py); sara's is ali's with the disagreements a second
annotator makes, one of each kind; a third file carries problems a teammate's file can have."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import orjson
from PySide6.QtWidgets import QApplication

from app.core.sources import read_sources
from app.store import Store
from ui_seed_script import SEED, annotate, find

# The disagreements in sara's file, by the text of the span concerned.
MOVED = "أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا"  # starts 3 later
DROPPED = "بضرورة انسحابها من أراضيها"  # sara has no such quote (nor its links)
RELABELLED = ("صوت مجلس النواب العراقي بالأغلبية على قرار يقضي بإلزام الحكومة العراقية المطالبة بإخراج القوات "
              "الأمريكية من البلاد")  # a CLAIM for ali, an indirect QUOTE for sara
RETYPED = "هذا الأمر مطلب شعبي رسمي، وجادون به"  # direct for ali, mixed for sara
EXTRA = "الجانب الروسي"  # a SPEAKER only sara marked


def annotate_seed(folder: Path, annotator: str = "ali") -> dict:
    """The seed annotated through the real window as ``annotator``; returns that layer's export line."""
    app = QApplication.instance()
    old = os.environ.get("QAWL_SETTINGS_DIR")
    os.environ["QAWL_SETTINGS_DIR"] = str(folder / f"{annotator}-settings")  # never the real ones, nor the reviewer's
    try:
        from app.ui import settings as cfg
        from app.ui.main import build_window

        store = Store.open(folder / f"{annotator}.db")
        store.import_records(read_sources([SEED]))
        window = build_window(store, annotator, cfg.make_settings())
        window.show()
        window.activateWindow()
        for _ in range(100):
            app.processEvents()
            if QApplication.activeWindow() is window:
                break
        annotate(window)
        window.close()
        line = orjson.loads(orjson.dumps(next(store.export_records(annotator=annotator))))
        store.close()
        window.deleteLater()
        app.processEvents()
        return line
    finally:
        if old is None:
            os.environ.pop("QAWL_SETTINGS_DIR", None)
        else:
            os.environ["QAWL_SETTINGS_DIR"] = old


def _span(line: dict, text: str, label: str | None = None) -> dict:
    return next(s for s in line["spans"] if s["text"] == text and (label is None or s["label"] == label))


def sara_from(ali: dict) -> dict:
    sara = copy.deepcopy(ali)
    sara["annotator"] = "sara"
    doc = sara["text"]
    moved = _span(sara, MOVED, "QUOTE")
    moved["start"] += 3
    moved["text"] = doc[moved["start"]:moved["end"]]
    dropped = _span(sara, DROPPED, "QUOTE")
    sara["spans"].remove(dropped)
    sara["relations"] = [r for r in sara["relations"] if dropped["id"] not in (r["head"], r["tail"])]
    claim = _span(sara, RELABELLED, "CLAIM")
    claim["label"], claim["attrs"] = "QUOTE", {"type": "indirect"}
    for rel in sara["relations"]:
        if rel["head"] == claim["id"] and rel["type"] == "CLAIMED_BY":
            rel["type"] = "SAID_BY"
    _span(sara, RETYPED, "QUOTE")["attrs"]["type"] = "mixed"
    start, end = find(doc, EXTRA, 0)
    sara["spans"].append({"id": "sara-extra", "label": "SPEAKER", "start": start, "end": end, "text": EXTRA,
                          "attrs": {}, "origin": "manual", "provenance": {}, "created": None, "updated": None})
    return sara


def bad_lines(ali: dict) -> list[dict]:
    """omar's file: his copy of the seed has a changed text (reported, never merged), and a second article of
    his uses a label the project does not know (skipped wholly)."""
    changed = copy.deepcopy(ali)
    changed["annotator"] = "omar"
    changed["text"] = changed["text"].replace("لافرينتيف", "لافرنتييف", 1)
    changed.pop("text_sha256", None)
    changed["spans"], changed["relations"], changed["entities"] = [], [], []
    unknown = {"doc_id": "omar-2", "text": "قال الوزير إن الأمر مهم.", "annotator": "omar",
               "spans": [{"id": "o1", "label": "OPINION", "start": 11, "end": 23, "text": "إن الأمر مهم"}]}
    return [changed, unknown]


def write_jsonl(path: Path, lines: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


def teammates_files(folder: Path) -> tuple[Path, Path, Path]:
    ali = annotate_seed(folder)
    return (write_jsonl(folder / "ali.jsonl", [ali]), write_jsonl(folder / "sara.jsonl", [sara_from(ali)]),
            write_jsonl(folder / "omar.jsonl", bad_lines(ali)))

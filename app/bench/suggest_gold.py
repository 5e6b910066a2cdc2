"""Hand-made gold for the suggestion engine: named sets, files and folders of them, read as documents and layers.

The format is quote-gold-dev's (``shared/corpus/quote-gold-dev/README.md``): one JSON line per article, ``{"file",
"text_sha256", "document_date", "spans": [{"id", "label", "start", "end", "text", "attrs"}], "relations":
[{"head", "tail", "type"}], "quoted_names_not_quotes", "notes"}``, offsets into ``arabic_articles/<file>.txt``.
A span text longer than 80 characters may be stored as head and tail (``text_truncated`` with ``text_sha256`` of
the whole); it is read back from the article and checked. SPEAKER ``attrs.entity`` names the speaker entity.

Named sets: ``dev`` (quote-gold-dev, 10 articles), ``dev2`` and ``blind`` (``tests/data/suggest_blind``, 20 + 20),
``blind2`` (``tests/data/suggest_blind2``, 32: measured once blind, development data since), ``blind3``
(``tests/data/suggest_blind3``, 32, the blind set of the second round) and ``blind4`` (``tests/data/suggest_blind4``,
32 SaudiNewsNet articles from outside the shared corpus, the blind set of round 4).
A gold folder may hold its own articles (``articles/<file>.txt`` with a ``<file>.json`` sidecar, as blind4 does);
a line's ``file`` is looked up there first, then in the corpus.
Anything else is a path: a ``.jsonl`` file, or a folder whose ``*.jsonl`` files are read in name order (a set
annotated in parts: ``part_a.jsonl``, ``part_b.jsonl``). A line that is not of this format is reported as
``FILE:LINE: FIELD: what is wrong`` and nothing is scored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import QawlError
from app.core.jsonl import make_document
from app.core.model import GOLD, Document, Layer, Relation, Span, Status

BLIND_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "suggest_blind"
DATA = BLIND_DIR.parent
GOLD_SETS = {"dev": None, "dev2": BLIND_DIR / "dev2.jsonl", "blind": BLIND_DIR / "blind.jsonl",
             "blind2": DATA / "suggest_blind2", "blind3": DATA / "suggest_blind3", "blind4": DATA / "suggest_blind4",
             "blind5": DATA / "suggest_blind5", "blind6": DATA / "suggest_blind6", "blind7": DATA / "suggest_blind7",
             "blind8": DATA / "suggest_blind8", "blind9": DATA / "suggest_blind9",
             "blind10": DATA / "suggest_blind10", "blind11": DATA / "suggest_blind11",
             "blind12": DATA / "suggest_blind12", "blind13": DATA / "suggest_blind13",
             "blind14": DATA / "suggest_blind14", "blind15": DATA / "suggest_blind15",
             "blind16": DATA / "suggest_blind16", "blind17": DATA / "suggest_blind17",
             "blind18": DATA / "suggest_blind18", "blind19": DATA / "suggest_blind19",
             "blind20": DATA / "suggest_blind20", "blind21": DATA / "suggest_blind21",
             "blind22": DATA / "suggest_blind22", "blind23": DATA / "suggest_blind23",
             "blind24": DATA / "suggest_blind24", "blind25": DATA / "suggest_blind25",
             "blind26": DATA / "suggest_blind26", "blind27": DATA / "suggest_blind27",
             "blind28": DATA / "suggest_blind28", "blind29": DATA / "suggest_blind29",
             "blind30": DATA / "suggest_blind30"}
# quote-gold-dev's original split: rules were first tuned looking at errors on TUNE only.
TUNE = ("ar_snn_0224", "ar_snn_0189", "ar_snn_0174", "ar_snn_0004", "ar_snn_0097")
HELD_OUT = ("ar_snn_0289", "ar_snn_0060", "ar_snn_0287", "ar_snn_0158", "ar_snn_0035")
LABELS = ("QUOTE", "SPEAKER", "CUE", "DATE")
RELATIONS = {"SAID_BY": "SPEAKER", "CUE": "CUE", "DATED": "DATE"}


@dataclass(frozen=True)
class GoldDoc:
    """One annotated article: the document (with its sidecar date), the gold as a layer, and the raw line."""

    doc: Document
    layer: Layer
    line: dict

    @property
    def id(self) -> str:
        return self.doc.id


def gold_files(corpus: Path, spec: str | Path) -> list[Path]:
    """The files of a named set, a file, or a folder of ``*.jsonl`` files (in name order)."""
    path = Path(spec)
    if isinstance(spec, str) and spec in GOLD_SETS:
        path = GOLD_SETS[spec] or corpus / "quote-gold-dev" / "dev.jsonl"
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise QawlError("no .jsonl gold files in this folder", file=str(path))
        return files
    if not path.is_file():
        raise QawlError("no such gold file or folder (or a set name: " + ", ".join(GOLD_SETS) + ")", file=str(path))
    return [path]


def set_name(spec: str | Path) -> str:
    return spec if isinstance(spec, str) and spec in GOLD_SETS else Path(spec).stem


def article(corpus: Path, name: str, own: Path | None = None) -> Document:
    """An article as a Document with its sidecar date (its text exactly as read: gold offsets apply), from a gold
    folder's own ``articles/`` when it has the file, else from the corpus."""
    base = own if own is not None and (own / f"{name}.txt").is_file() else corpus / "arabic_articles"
    text = (base / f"{name}.txt").read_text(encoding="utf-8")
    meta = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
    doc = make_document(text, id=name, meta={"date": meta.get("date")})
    if doc.text != text:
        raise QawlError("the import normalisation changed the article text; gold offsets would not apply",
                        file=str(base / f"{name}.txt"))
    return doc


def load_gold(corpus: Path, spec: str | Path = "dev", articles: Path | None = None) -> list[GoldDoc]:
    """Every annotated article of a set, file or folder (see the module doc), checked against the corpus.
    ``articles``: where the texts are when not beside the gold (a second annotation in a set's ``second/``)."""
    out: list[GoldDoc] = []
    for path in gold_files(corpus, spec):
        with open(path, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                if raw.strip():
                    try:
                        out.append(_gold_doc(corpus, raw, articles or path.parent / "articles"))
                    except QawlError as exc:
                        raise exc.located(file=str(path), line=n) from None
    return out


def _gold_doc(corpus: Path, raw: str, own: Path) -> GoldDoc:
    try:
        line = json.loads(raw)
    except ValueError as exc:
        raise QawlError(f"not JSON: {exc}") from None
    for key, kind in (("file", str), ("spans", list), ("relations", list)):
        if not isinstance(line.get(key), kind):
            raise QawlError(f"missing or not a {kind.__name__}", field=key)
    name = line["file"]
    if not isinstance(name, str) or not any((base / f"{name}.txt").is_file() for base in (own, corpus / "arabic_articles")):
        raise QawlError(f"no article {name!r} in {own} or {corpus / 'arabic_articles'}", field="file")
    doc = article(corpus, name, own)
    sha = line.get("text_sha256")
    if sha and hashlib.sha256(doc.text.encode("utf-8")).hexdigest() != sha:
        raise QawlError("the article text does not match the line's hash (corpus changed?)", field="text_sha256")
    spans = [_span(doc.text, s, f"spans[{i}]") for i, s in enumerate(line["spans"])]
    ids = {s.id: s for s in spans}
    relations = []
    for i, r in enumerate(line["relations"]):
        where = f"relations[{i}]"
        if not isinstance(r, dict) or r.get("type") not in RELATIONS:
            raise QawlError(f"type must be one of {', '.join(RELATIONS)}", field=f"{where}.type")
        head, tail = ids.get(r.get("head")), ids.get(r.get("tail"))
        if head is None or head.label != "QUOTE":
            raise QawlError(f"{r.get('head')!r} is not a QUOTE span of this line", field=f"{where}.head")
        if tail is None or tail.label != RELATIONS[r["type"]]:
            raise QawlError(f"{r.get('tail')!r} is not a {RELATIONS[r['type']]} span of this line",
                            field=f"{where}.tail")
        relations.append(Relation(f"r{i + 1}", r["type"], head.id, tail.id))
    for i, q in enumerate(line.get("quoted_names_not_quotes") or ()):
        if not _stored_text_matches(doc.text[q["start"]:q["end"]], q):
            raise QawlError("text does not match the article", field=f"quoted_names_not_quotes[{i}].text")
    return GoldDoc(doc, Layer(doc.id, GOLD, Status.DONE.value, spans, relations), line)


def _stored_text_matches(full: str, stored: dict) -> bool:
    """The article's text at a stored range is the stored text, or, for a long one kept as head and tail
    (``text_truncated``), has the stored hash."""
    if stored.get("text_truncated"):
        return hashlib.sha256(full.encode("utf-8")).hexdigest() == stored.get("text_sha256")
    return stored.get("text") == full


def _span(text: str, s: dict, where: str) -> Span:
    if not isinstance(s, dict) or s.get("label") not in LABELS:
        raise QawlError(f"label must be one of {', '.join(LABELS)}", field=f"{where}.label")
    start, end = s.get("start"), s.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise QawlError(f"range {start!r}..{end!r} is not inside the article (0..{len(text)})", field=where)
    full = text[start:end]
    if not _stored_text_matches(full, s):
        if s.get("text_truncated"):
            raise QawlError("the article text at this range does not match the stored hash", field=f"{where}.text")
        raise QawlError(f"{s.get('text')!r} does not match the article ({full!r})", field=f"{where}.text")
    attrs = s.get("attrs") or {}
    if s["label"] == "SPEAKER" and not attrs.get("entity"):
        raise QawlError("a SPEAKER needs attrs.entity (the speaker's name)", field=f"{where}.attrs.entity")
    return Span(str(s.get("id") or f"s{start}"), s["label"], start, end, full, dict(attrs))

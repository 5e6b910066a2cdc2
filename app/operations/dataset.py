"""``qawl export --format dataset DIR``: a folder a researcher can publish, loaded as it is by Hugging Face
``datasets.load_dataset(DIR)`` and by pandas.

What is written (streamed, each file complete only when the whole export is; see :class:`.transfer.FileSink`):

* ``data/documents-<split>.jsonl`` and ``.parquet`` — one row per document per annotator whose work it is (or one
  unannotated row per document nobody worked on, unless ``--annotated-only``): ``doc_id``, ``text``, ``title``,
  ``url``, ``article_date``, ``source``, ``licence``, ``meta`` (the document's whole metadata, as a JSON string: its
  keys differ between documents), ``direction``, ``annotator``, ``status``, ``spans`` (``id``, ``label``, ``start``,
  ``end``, ``text``, ``attrs`` as a JSON string, ``origin``), ``relations`` (``id``, ``type``, ``head``, ``tail``),
  ``speakers`` (``id``, ``name``, ``aliases``). Offsets are code points: ``text[start:end] == span text``.
* ``data/quotes-<split>.jsonl`` and ``.parquet`` — the ``quotes`` format (one row per quote with speaker, cue, date).
* ``README.md`` — the dataset card: the YAML header the Hub reads (``configs`` with the data files per split,
  ``dataset_info`` with the features and split sizes, language, licence, size category), then the label schema and
  its guidelines, counts per label, annotator and split, the inter-annotator agreement from our own report, the
  sources' licences from the documents' ``meta``, and how the dataset was made.

The configurations point at the Parquet files: they carry their schema, whereas from JSON Lines pyarrow (and so
``load_dataset``) turns a column of ISO dates (``2024-01-18``) into timestamps and gives them back as
``2024-01-18 00:00:00``. The JSON Lines files hold the same rows for every other reader.

Splits are by document (every layer of a document falls in the same split), drawn with a seeded shuffle of the
sorted document ids, so the same project, selection and seed always give the same split.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import orjson

from .. import __version__
from ..core.errors import Cancelled, QawlError
from ..core.formats.out import speakers
from ..core.jsonl import parse_record, quote_rows
from ..core.model import GOLD, SUGGESTIONS, Entity
from ..store import Store

FEATURES_DOCUMENTS = [
    ("doc_id", "string"), ("text", "string"), ("title", "string"), ("url", "string"), ("article_date", "string"),
    ("source", "string"), ("licence", "string"), ("meta", "string"), ("direction", "string"),
    ("annotator", "string"), ("status", "string"),
    ("spans", [("id", "string"), ("label", "string"), ("start", "int64"), ("end", "int64"), ("text", "string"),
               ("attrs", "string"), ("origin", "string")]),
    ("relations", [("id", "string"), ("type", "string"), ("head", "string"), ("tail", "string")]),
    ("speakers", [("id", "string"), ("name", "string"), ("aliases", ["string"])]),
]
FEATURES_QUOTES = [
    ("doc_id", "string"), ("annotator", "string"), ("status", "string"), ("quote_id", "string"),
    ("quote", "string"), ("start", "int64"), ("end", "int64"), ("type", "string"), ("origin", "string"),
    ("speaker", "string"), ("speaker_id", "string"), ("speaker_mention", "string"), ("speaker_start", "int64"),
    ("speaker_end", "int64"), ("cue", "string"), ("cue_start", "int64"), ("cue_end", "int64"), ("date", "string"),
    ("date_value", "string"), ("date_start", "int64"), ("date_end", "int64"),
    ("speakers", [("name", "string"), ("id", "string"), ("mention", "string"), ("start", "int64"),
                  ("end", "int64")]),
    ("cues", [("text", "string"), ("start", "int64"), ("end", "int64")]),
    ("dates", [("text", "string"), ("value", "string"), ("start", "int64"), ("end", "int64")]),
]
_LICENCE_KEYS = ("licence", "license")
_SOURCE_KEYS = ("source", "outlet_name", "outlet", "publisher")


def split_plan(doc_ids: Iterable[str], split: str | None, seed: int) -> dict[str, str]:
    """doc id -> split name. ``split``: ``None`` (all train) or ``"80,10,10"`` (train, dev, test percentages; two
    numbers give train and test)."""
    ids = sorted(doc_ids)
    if not split:
        return {d: "train" for d in ids}
    try:
        parts = [float(p) for p in split.split(",")]
    except ValueError:
        raise QawlError(f"must be percentages like 80,10,10, got {split!r}", field="--split") from None
    if len(parts) not in (2, 3) or any(p < 0 for p in parts) or not sum(parts):
        raise QawlError(f"must be two or three non-negative percentages like 80,10,10, got {split!r}",
                        field="--split")
    names = ("train", "test") if len(parts) == 2 else ("train", "dev", "test")
    random.Random(seed).shuffle(ids)
    total, out, start = sum(parts), {}, 0
    for k, (name, share) in enumerate(zip(names, parts)):
        end = len(ids) if k == len(parts) - 1 else start + round(len(ids) * share / total)
        for d in ids[start:end]:
            out[d] = name
        start = end
    return out


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else orjson.dumps(value).decode()


def _row(line: dict) -> dict:
    meta = line.get("meta") or {}
    return {
        "doc_id": line["doc_id"], "text": line["text"], "title": _text(meta.get("title")),
        "url": _text(meta.get("url")), "article_date": _text(meta.get("date")),
        "source": next((_text(meta[k]) for k in _SOURCE_KEYS if meta.get(k)), None),
        "licence": next((_text(meta[k]) for k in _LICENCE_KEYS if meta.get(k)), None),
        "meta": orjson.dumps(meta).decode(), "direction": line.get("direction"),
        "annotator": line.get("annotator"), "status": line.get("status"),
        "spans": [{"id": s["id"], "label": s["label"], "start": s["start"], "end": s["end"], "text": s["text"],
                   "attrs": orjson.dumps(s.get("attrs") or {}).decode(), "origin": s.get("origin")}
                  for s in line.get("spans") or []],
        "relations": [{"id": r["id"], "type": r["type"], "head": r["head"], "tail": r["tail"]}
                      for r in line.get("relations") or []],
        "speakers": speakers([line]),
    }


def _arrow_type(kind):
    import pyarrow as pa

    if isinstance(kind, str):
        return {"string": pa.string(), "int64": pa.int64()}[kind]
    if isinstance(kind[0], str):
        return pa.list_(_arrow_type(kind[0]))
    return pa.list_(pa.struct([(name, _arrow_type(sub)) for name, sub in kind]))


class _Parquet:
    """One Parquet file written in row groups as rows come (memory flat), into the export's sink. Parquet carries
    its schema, so every string stays a string: from JSON Lines, pyarrow (and so ``load_dataset``) would turn a
    column of ISO dates such as ``2024-01-18`` into timestamps and give them back as ``2024-01-18 00:00:00``."""

    ROWS = 2000

    def __init__(self, sink, name: str, features: list) -> None:
        import pyarrow as pa

        self.sink, self.name = sink, name
        self.schema = pa.schema([(n, _arrow_type(k)) for n, k in features])
        self.rows: list[dict] = []
        self.writer = None
        self.closed = False

    # the file-like side pyarrow writes to
    def write(self, data) -> int:
        self.sink.write(self.name, bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def tell(self) -> int:  # pragma: no cover - asked for by some pyarrow versions
        return 0

    def add(self, row: dict) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.ROWS:
            self._flush_rows()

    def _flush_rows(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None:
            self.writer = pq.ParquetWriter(self, self.schema, compression="zstd")
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush_rows()
        self.writer.close()


def export_dataset(store: Store, target: Path, *, split: str | None = None, seed: int = 13,
                   cancel: Callable[[], bool] | None = None, progress=None, notes: list[str] | None = None,
                   **selection) -> list[Path]:
    from .transfer import FileSink, lines_for_export

    target = Path(target)
    plan = split_plan(store.document_ids(), split, seed)
    sink = FileSink(store, target, folder=True, fmt="dataset", extensions=(".jsonl", ".json", ".md"))
    stats = _Stats()
    registry: dict[str, Entity] = {**store.suggested_entities(), **store.entities()}
    total = store.count_documents() if progress else 0
    try:
        import pyarrow  # noqa: F401  (the Parquet files Hugging Face datasets load)
    except ImportError:
        raise QawlError("the dataset format writes Parquet beside JSON Lines and needs pyarrow: "
                        "pip install 'qawl[dataset]' (or pyarrow)", field="--format") from None
    parquet: dict[str, _Parquet] = {}

    def table(config: str, split_name: str) -> _Parquet:
        key = f"data/{config}-{split_name}.parquet"
        if key not in parquet:
            parquet[key] = _Parquet(sink, key, FEATURES_DOCUMENTS if config == "documents" else FEATURES_QUOTES)
        return parquet[key]

    try:
        last, seen = None, 0
        for line in lines_for_export(store, **selection):
            if line["doc_id"] != last:
                last, seen = line["doc_id"], seen + 1
                if cancel and seen % 200 == 0 and cancel():
                    raise Cancelled()
                if progress and seen % 200 == 0:
                    progress(seen, total)
            name = plan.get(line["doc_id"], "train")
            row = _row(line)
            stats.add(name, row)
            data = orjson.dumps(row) + b"\n"
            stats.bytes["documents"][name] += len(data)
            sink.write(f"data/documents-{name}.jsonl", data)
            table("documents", name).add(row)
            if line.get("annotator") is not None:
                rec = parse_record(line)
                for q in quote_rows(rec.document, rec.layer, registry):
                    data = orjson.dumps(q) + b"\n"
                    stats.bytes["quotes"][name] += len(data)
                    sink.write(f"data/quotes-{name}.jsonl", data)
                    table("quotes", name).add(q)
                    stats.quotes[name] += 1
        if not stats.rows:
            raise QawlError("nothing to export: the selection has no documents")
        for part in parquet.values():
            part.close()
        agreement = _agreement(store)
        sink.write("README.md", card(store, stats, agreement, split=split, seed=seed, selection=selection)
                   .encode("utf-8"))
    except BaseException:
        sink.abort()
        raise
    if not sum(stats.quotes.values()) and notes is not None:
        notes.append("no quotes in the selection: the quotes configuration is empty")
    return sink.commit()


class _Stats:
    def __init__(self) -> None:
        self.rows: Counter = Counter()
        self.quotes: Counter = Counter()
        self.bytes: dict[str, Counter] = {"documents": Counter(), "quotes": Counter()}
        self.docs: dict[str, set] = {}
        self.labels: Counter = Counter()
        self.labels_by_annotator: dict[str, Counter] = {}
        self.layers_by_annotator: Counter = Counter()
        self.relations: Counter = Counter()
        self.licences: Counter = Counter()
        self.sources: Counter = Counter()
        self.languages: Counter = Counter()
        self.speakers: set = set()
        self._licensed: set = set()

    def add(self, split: str, row: dict) -> None:
        self.rows[split] += 1
        self.docs.setdefault(split, set()).add(row["doc_id"])
        if row["doc_id"] not in self._licensed:
            self._licensed.add(row["doc_id"])
            self.licences[row["licence"] or "not stated"] += 1
            self.sources[row["source"] or "not stated"] += 1
            self.languages["ar" if _arabic(row["text"]) else "other"] += 1
        who = row["annotator"]
        if who is None:
            return
        self.layers_by_annotator[who] += 1
        per = self.labels_by_annotator.setdefault(who, Counter())
        for s in row["spans"]:
            self.labels[s["label"]] += 1
            per[s["label"]] += 1
        for r in row["relations"]:
            self.relations[r["type"]] += 1
        self.speakers.update(s["id"] for s in row["speakers"])


def _arabic(text: str) -> bool:
    letters = [c for c in text[:2000] if c.isalpha()]
    return bool(letters) and sum("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in letters) * 2 > \
        len(letters)


def _agreement(store: Store) -> dict | None:
    """Our own agreement report over the documents two or more people annotated (not suggestions, not gold)."""
    from ..core.review.agreement import agreement_report
    from ..core.review.report import report_to_json

    items = []
    for doc_id in store.document_ids():
        layers = [lay for lay in store.layers(doc_id) if lay.annotator not in (SUGGESTIONS, GOLD) and
                  (lay.spans or lay.status == "done")]
        if len(layers) >= 2:
            items.append((store.document(doc_id), layers))
    if not items:
        return None
    return report_to_json(agreement_report(items, title="Inter-annotator agreement"))


def _yaml_features(features: list) -> list[str]:
    out = []
    for name, kind in features:
        if isinstance(kind, str):
            out += [f"    - name: {name}", f"      dtype: {kind}"]
        elif isinstance(kind[0], str):  # a list of a plain type
            out += [f"    - name: {name}", "      sequence: " + kind[0]]
        else:
            out += [f"    - name: {name}", "      list:"]
            for sub, sub_kind in kind:
                if isinstance(sub_kind, list):
                    out += [f"      - name: {sub}", f"        sequence: {sub_kind[0]}"]
                else:
                    out += [f"      - name: {sub}", f"        dtype: {sub_kind}"]
    return out


def _size_category(n: int) -> str:
    for limit, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "n>1M"


def _licence_id(stats: _Stats) -> str:
    known = {"cc by-nc-sa 4.0": "cc-by-nc-sa-4.0", "cc-by-nc-sa-4.0": "cc-by-nc-sa-4.0", "cc by 4.0": "cc-by-4.0",
             "cc-by-4.0": "cc-by-4.0", "cc by-sa 4.0": "cc-by-sa-4.0", "cc-by-sa-4.0": "cc-by-sa-4.0",
             "mit": "mit", "apache-2.0": "apache-2.0", "cc0": "cc0-1.0", "cc0-1.0": "cc0-1.0"}
    found = {known.get(name.lower().strip()) for name in stats.licences if name != "not stated"}
    if len(found) == 1 and None not in found and "not stated" not in stats.licences:
        return found.pop()
    return "other"


def card(store: Store, stats: _Stats, agreement: dict | None, *, split: str | None, seed: int,
         selection: dict) -> str:
    """The dataset card: the Hub's YAML header, then what a reader of the dataset needs to know."""
    splits = list(stats.rows)
    schema = store.schema
    languages = ["ar"] if stats.languages.get("ar") else []
    lines = ["---", f"license: {_licence_id(stats)}"]
    if languages:
        lines += ["language:", "- ar"]
    lines += ["pretty_name: " + _yaml_str(f"{store.path.stem if store.path else 'Qawl'} quotes and claims"),
              "task_categories:", "- token-classification", "tags:", "- quote-attribution", "- claims", "- qawl",
              "size_categories:", f"- {_size_category(len(stats._licensed))}", "configs:"]
    # A split with no rows has no file (the Hub and load_dataset refuse an empty one); no quotes, no quotes config.
    configs = [("documents", FEATURES_DOCUMENTS, stats.rows), ("quotes", FEATURES_QUOTES, stats.quotes)]
    configs = [(c, f, counts) for c, f, counts in configs if any(counts[n] for n in splits)]
    for config, _, counts in configs:
        lines += [f"- config_name: {config}"] + (["  default: true"] if config == "documents" else [])
        lines.append("  data_files:")
        for name in splits:
            if counts[name]:
                lines += [f"  - split: {name}", f"    path: data/{config}-{name}.parquet"]
    lines.append("dataset_info:")
    for config, features, counts in configs:
        lines += [f"- config_name: {config}", "  features:"]
        lines += [f"  {x}" for x in _yaml_features(features)]
        lines.append("  splits:")
        for name in (n for n in splits if counts[n]):
            lines += [f"  - name: {name}", f"    num_bytes: {stats.bytes[config][name]}",
                      f"    num_examples: {counts[name]}"]
    lines += ["---", ""]

    title = f"{store.path.stem if store.path else 'Qawl'}: quotes, claims, speakers, cues and dates"
    docs = len(stats._licensed)
    body = [f"# {title}", "",
            f"Hand annotations of {docs} news article(s) made with [Qawl](https://pypi.org/project/qawl/) "
            f"(قول): quotes (direct, indirect, mixed) and claims, the speaker of each quote (linked to a speaker "
            f"registry), the cue (reporting verb) and the dates of what was said.", "",
            "## Loading", "", "```python", "from datasets import load_dataset",
            "docs = load_dataset(\"path/to/this/folder\")            # config 'documents'",
            "quotes = load_dataset(\"path/to/this/folder\", \"quotes\")", "",
            "import pandas as pd",
            f"df = pd.read_parquet(\"data/documents-{splits[0]}.parquet\")",
            f"df = pd.read_json(\"data/documents-{splits[0]}.jsonl\", lines=True, dtype=False)",
            "```", "",
            "Each table is there twice with the same rows: Parquet (what `load_dataset` reads: it keeps its types, so "
            "a date such as `2024-01-18` stays a string) and JSON Lines (readable anywhere; give pandas "
            "`dtype=False` so it leaves ids and dates as they are).", "",
            "Offsets are Unicode code points (Python `str` indices): `text[start:end]` is the span's text. "
            "`attrs` and `meta` are JSON strings (their keys differ between spans and between documents): "
            "`json.loads` them.", "",
            "## Splits", "",
            (f"By document, with a seeded shuffle of the sorted document ids (`--split {split} --seed {seed}`): "
             "every annotator's layer of a document is in the same split." if split else
             "One split, `train` (export with `--split 80,10,10 --seed N` for train/dev/test by document)."), "",
            "| split | rows (document × annotator) | documents | quotes |", "|---|---|---|---|"]
    body += [f"| {name} | {stats.rows[name]} | {len(stats.docs[name])} | {stats.quotes[name]} |" for name in splits]
    body += ["", "## Label schema and guidelines", "",
             f"Schema `{schema.name}` (version {schema.version}). {schema.description}".rstrip(), "",
             "| label | attributes | meaning |", "|---|---|---|"]
    for label in schema.span_labels:
        attrs = "; ".join(f"`{a.name}`" + (f": {' / '.join(a.choices)}" if a.choices else f" ({a.kind})")
                          for a in label.attrs)
        body.append(f"| {label.name} | {attrs} | {label.description or _MEANING.get(label.name, '')} |")
    body += ["", "| relation | from | to | meaning |", "|---|---|---|---|"]
    for rel in schema.relation_types:
        body.append(f"| {rel.name} | {' / '.join(rel.heads)} | {' / '.join(rel.tails)} | "
                    f"{rel.description or _REL_MEANING.get(rel.name, '')} |")
    body += ["", *_guidelines_md(schema), "", "## Counts", "",
             "| label | spans |", "|---|---|"]
    body += [f"| {label} | {n} |" for label, n in sorted(stats.labels.items())] or ["| (none) | 0 |"]
    body += ["", "| relation | count |", "|---|---|"]
    body += [f"| {rel} | {n} |" for rel, n in sorted(stats.relations.items())] or ["| (none) | 0 |"]
    labels = sorted(stats.labels)
    body += ["", "| annotator | documents | " + " | ".join(labels) + " |",
             "|---|---|" + "---|" * len(labels)]
    for who, n in sorted(stats.layers_by_annotator.items()):
        per = stats.labels_by_annotator.get(who, Counter())
        body.append(f"| {who} | {n} | " + " | ".join(str(per[label]) for label in labels) + " |")
    body += ["", f"Speakers in the registry named by these annotations: {len(stats.speakers)}.", "",
             "## Inter-annotator agreement", ""]
    body += _agreement_text(agreement)
    body += ["", "## Sources and licences", "",
             "Each document's licence as its metadata states it (`meta.licence`); the annotations are released "
             "under the licence in the header only where the texts allow it.", "",
             "| licence | documents |", "|---|---|"]
    body += [f"| {name} | {n} |" for name, n in stats.licences.most_common()]
    body += ["", "| source | documents |", "|---|---|"]
    body += [f"| {name} | {n} |" for name, n in stats.sources.most_common(20)]
    chosen = ", ".join(f"{k}={v}" for k, v in selection.items() if v not in (None, False, [], ())) or "everything"
    body += ["", "## How it was made", "",
             f"Annotated by hand in Qawl {__version__}; exported on "
             f"{datetime.now(timezone.utc).strftime('%Y-%m-%d')} with `qawl export --format dataset` "
             f"(selection: {chosen}). Only what an annotator did is their row: documents they never worked on are "
             "not theirs; machine suggestions nobody accepted are left out unless asked for (annotator "
             "`suggestions`). Spans accepted from suggestions have `origin` `suggested` or `suggested-edited`.", ""]
    return "\n".join(lines + body)


_MEANING = {"QUOTE": "reported speech", "CLAIM": "a check-worthy assertion", "SPEAKER": "a mention of the source",
            "CUE": "the reporting verb or expression", "DATE": "a calendar date expression"}
_REL_MEANING = {"SAID_BY": "who said the quote", "CUE": "the quote's reporting verb", "DATED": "when it was said",
                "CLAIMED_BY": "who made the claim"}
_GUIDELINES = (
    "Guidelines in short: a QUOTE is the reported content only (for direct quotes the words between the quotation "
    "marks, marks excluded; for indirect ones from the complementizer to the end of the reported clause); `type` "
    "says direct, indirect or mixed. The SPEAKER is the mention that names the source, linked to its registry "
    "entry (`attrs.entity`, with the canonical name and aliases in `speakers`); the CUE is the reporting verb as "
    "written, with its clitics; a DATE carries its ISO-8601 / TIMEX3 `value` (X for unknown parts, "
    "`calendar: hijri` with the Hijri date when the text gives one). Quotation marks around names of programmes "
    "or groups are not quotes.")


def _guidelines_md(schema) -> list[str]:
    """The project's own guidelines (kept in its label schema), per label and value, in English then Arabic; the
    short text above when the schema has none."""
    if not schema.guidelines:
        return [_GUIDELINES]
    out = ["### Guidelines", "",
           "The guidelines the annotators had in the window, per label (and per value of an attribute), as stored in "
           "the project's label schema. In an example the span is in [square brackets].", ""]
    for lang, title in (("en", None), ("ar", "### الإرشادات بالعربية")):
        keys = [k for k in schema.guidelines.targets() if schema.guidelines.get(k, lang)]
        if not keys:
            continue
        if title:
            out += [title, ""]
        for key in keys:
            g = schema.guidelines.get(key, lang)
            out.append(f"- **{key}** — {g.meaning}".rstrip(" —"))
            for word, rules in ((("Include", "يشمل"), g.include), (("Leave out", "لا يشمل"), g.exclude)):
                if rules:
                    out.append(f"  - {word[lang == 'ar']}:")
                    out += [f"    - {rule}" for rule in rules]
            if g.example:
                out.append(f"  - {'مثال' if lang == 'ar' else 'Example'}: {g.example}")
        out.append("")
    return out[:-1]


def _agreement_text(data: dict | None) -> list[str]:
    if data is None:
        return ["No document was annotated by two or more people, so there is no agreement figure."]

    def fmt(x) -> str:
        return "—" if x is None else f"{x:.3f}"

    out = [f"From Qawl's own agreement report (`qawl agree`) over the {len(data['documents'])} document(s) that "
           f"two or more of {', '.join(data['annotators'])} annotated (the suggestion and gold layers are not "
           "counted). κ: Cohen's kappa (mean over pairs), α: Krippendorff's alpha; units are characters and tokens.",
           "", "| label | exact F1 | overlap F1 | κ chars | α chars | κ tokens | α tokens |",
           "|---|---|---|---|---|---|---|"]
    rows = list(data["all"]["labels"].items()) + [("overall", data["all"]["overall"])]
    for label, f in rows:
        out.append(f"| {label} | {fmt(f['exact']['f1'])} | {fmt(f['overlap']['f1'])} | {fmt(f['char']['kappa'])} | "
                   f"{fmt(f['char']['alpha'])} | {fmt(f['token']['kappa'])} | {fmt(f['token']['alpha'])} |")
    return out


def _yaml_str(text: str) -> str:
    return orjson.dumps(text).decode()  # a JSON string is a valid YAML scalar

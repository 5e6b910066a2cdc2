"""Peer-format exports are byte-for-byte what they were before the writers were made fast (issue 16).

A fixed project (several annotators, suggestions, an untouched document, a finished empty layer, Arabic, emoji,
flags, CRLF, discontinuous brat spans, speakers with aliases, a linked canonical claim, span notes, attributes brat
cannot hold in an ``A`` line) is exported in every peer format with several selections and options; every file must
equal the one under tests/data/golden/, written by the export code before the speed work (main at a8a2a00). Two
changes since were intended: Label Studio's label_config.xml declares the note on the document and gives each
label its guideline as a hint (issue 13).

Regenerate (only when an output change is intended, and say why in the commit)::

    .venv/bin/python tests/test_formats_golden.py tests/data/golden
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "data" / "golden"

TEXT = "قال الوزير سيرغي لافروف إن «الاتفاق قريب» يوم 2024-01-18.\nوأضاف: «لن نتراجع» 👍🏽 🇸🇦."
EMOJI = "He said \"hi 👍🏽 there\" 🇸🇦 today,\r\nand \"we\u200dwill\" stay.\r\nThe minister — said so."
CLAIM = "Inflation will fall to 3% next year, the minister claimed on 2024-02-01."

# (variant name, format, export_paths selection and options)
VARIANTS = [
    ("all", fmt, {}) for fmt in ("labelstudio", "doccano", "prodigy", "brat")
] + [
    ("ali-suggestions", fmt, {"annotator": "ali", "include_suggestions": True})
    for fmt in ("labelstudio", "doccano", "prodigy", "brat")
] + [
    ("annotated-only", fmt, {"include_unannotated": False}) for fmt in ("labelstudio", "doccano", "prodigy", "brat")
] + [
    ("done", fmt, {"statuses": ["done"]}) for fmt in ("labelstudio", "doccano", "prodigy", "brat")
] + [
    ("suggestions", "labelstudio", {"include_suggestions": True, "options": {"annotator_map": {"ali": "ali@lab.org"}}}),
    ("suggestions", "prodigy", {"include_suggestions": True}),
    ("label-form", "doccano", {"options": {"form": "label", "offset_unit": "codepoint"}}),
    ("parc", "brat", {"mapping": "parc"}),
    ("mapped", "labelstudio", {"mapping": "spaces"}),
    ("mapped", "brat", {"mapping": "spaces"}),
]


def build_project(path: Path):
    """The fixed project (ids, texts and attributes never change: the golden files depend on them)."""
    from app.core.jsonl import Record, make_document
    from app.core.model import SUGGESTIONS, CanonicalClaim, Entity, Layer, Relation, Span
    from app.store import Store

    store = Store.open(path)
    lavrov = Entity("e1", "Sergei Lavrov", ("لافروف", "وزير الخارجية الروسي"))
    other = Entity("e2", "The minister", ())
    d1 = make_document(TEXT, id="d1", meta={"title": "one", "licence": "CC BY-NC-SA 4.0"})
    d2 = make_document(EMOJI, id="d2/emoji", meta={"url": "http://example.org/2", "tags": ["a", "b c"]})
    d3 = make_document("قالت المتحدثة إن الوضع «هادئ».", id="d3", meta={})
    d4 = make_document("Nothing to see here, said nobody.", id="d 4")
    d5 = make_document(CLAIM, id="d5", meta={"source": {"name": "x", "n": 3}})
    t = d1.text
    q = t.index("«")
    q2 = t.index("«", q + 1)
    ali1 = [Span.of(t, "CUE", 0, 3, id="k"),
            Span.of(t, "SPEAKER", 4, 23, id="s", attrs={"entity": "e1"}),
            Span.of(t, "QUOTE", q + 1, t.index("»"), id="q",
                    attrs={"type": "direct", "note": "check the wording\nsecond line", "discuss": True}),
            Span.of(t, "DATE", t.index("2024"), t.index("2024") + 10, id="d",
                    attrs={"value": "2024-01-18", "resolved": False, "calendar": "hijri", "hijri": "1445-07-07"}),
            Span.of(t, "QUOTE", q2 + 1, t.index("»", q2), id="q2", attrs={"type": "mixed"}),
            Span.of(t, "SPEAKER", t.index("👍"), t.index("👍") + 4, id="s2", attrs={"entity": "e2"})]
    ali1_rels = [Relation("r1", "SAID_BY", "q", "s"), Relation("r2", "CUE", "q", "k"),
                 Relation("r3", "DATED", "q", "d"), Relation("r4", "SAID_BY", "q2", "s")]
    sara1 = [Span.of(t, "QUOTE", q, t.index("»") + 1, id="sq", attrs={"type": "indirect"})]
    sugg1 = [Span.of(t, "QUOTE", q2 + 1, t.index("»", q2), id="x", origin="suggested",
                     provenance={"model": "rules", "score": 0.75}),
             Span.of(t, "SPEAKER", 4, 23, id="xs", origin="suggested", attrs={"entity": "e1"})]
    e = d2.text
    said = e.index("said")
    brat = {"source": "brat", "id": "T7"}
    sara2 = [Span.of(e, "CUE", said, said + 4, id="c"),
             Span.of(e, "QUOTE", e.index("hi"), e.index("there") + 5, id="qa",
                     attrs={"type": "direct", "tags": ["x y", "z"], "flag": False, "n": 3}),
             Span.of(e, "SPEAKER", 0, 2, id="sp", attrs={"entity": "e2"}),
             Span.of(e, "QUOTE", e.index("we"), e.index("will") + 4, id="f0", provenance={**brat, "fragment": 0}),
             Span.of(e, "QUOTE", e.index("stay"), e.index("stay") + 4, id="f1", provenance={**brat, "fragment": 1}),
             Span.of(e, "SPEAKER", e.index("The minister"), e.index("The minister") + 12, id="m",
                     attrs={"entity": "e2", "note": "a note"})]
    sara2_rels = [Relation("ra", "SAID_BY", "qa", "sp"), Relation("rb", "CUE", "qa", "c"),
                  Relation("rc", "SAID_BY", "f0", "m"), Relation("rd", "SAID_BY", "f1", "m")]
    c = d5.text
    registry = CanonicalClaim("k1", "Inflation will fall to 3%", verdict="mostly true", note="IMF figures")
    ali5 = [Span.of(c, "CLAIM", 0, c.index(","), id="cl",
                    attrs={"claim": "k1", "checkworthy": "yes", "verdict": "mostly true"}),
            Span.of(c, "SPEAKER", c.index("the minister"), c.index("the minister") + 12, id="cs",
                    attrs={"entity": "e2"}),
            Span.of(c, "DATE", c.index("2024"), c.index("2024") + 10, id="cd", attrs={"value": "2024-02-01"})]
    ali5_rels = [Relation("cr1", "CLAIMED_BY", "cl", "cs"), Relation("cr2", "DATED", "cl", "cd")]
    store.import_records([
        Record(d1, Layer("d1", "ali", "done", ali1, ali1_rels), [lavrov, other]),
        Record(d1, Layer("d1", "sara", "in_progress", sara1)),
        Record(d1, Layer("d1", SUGGESTIONS, "todo", sugg1), [lavrov]),
        Record(d2, Layer(d2.id, "sara", "done", sara2, sara2_rels), [other]),
        Record(d2, Layer(d2.id, "ali", "todo", [])),
        Record(d3),
        Record(d4, Layer(d4.id, "ali", "done", [])),
        Record(d5, Layer("d5", "ali", "done", ali5, ali5_rels), [other], claims=[registry]),
    ])
    return store


def _mapping(name):
    from app.core.formats import LabelMapping

    if name is None:
        return None
    if name == "parc":
        return LabelMapping.parc()
    return LabelMapping.load(b"Direct Quote=QUOTE\nThe Speaker=SPEAKER\nrel:said by=SAID_BY\n", name="map")


def export_all(store, out: Path) -> dict[str, bytes]:
    """Every variant exported under ``out``; ``{variant/format/file: bytes}``."""
    from app.operations.transfer import export_paths

    files = {}
    for variant, fmt, selection in VARIANTS:
        selection = dict(selection)
        options = selection.pop("options", None)
        mapping = _mapping(selection.pop("mapping", None))
        target = out / variant / (f"{fmt}.jsonl" if fmt == "prodigy" else fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        export_paths(store, target, fmt, mapping=mapping, options=options, **selection)
        paths = [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
        for path in paths:
            files[path.relative_to(out).as_posix()] = path.read_bytes()
    return files


def test_every_peer_export_is_byte_identical_to_the_golden_files(tmp_path):
    store = build_project(tmp_path / "p.db")
    try:
        files = export_all(store, tmp_path / "out")
    finally:
        store.close()
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(golden)
    different = [name for name in files if files[name] != golden[name]]
    assert not different, f"exports differ from the golden files: {different}"


if __name__ == "__main__":
    import tempfile

    target = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        store = build_project(Path(tmp) / "p.db")
        written = export_all(store, Path(tmp) / "out")
        store.close()
        shutil.rmtree(target, ignore_errors=True)
        for name, data in written.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    print(f"{len(written)} files written under {target}")


def test_a_long_integer_is_still_found_by_the_quick_check():
    """jsontext.needs_exact's quick check (19 ASCII digits in a row) never hides a number orjson would change."""
    from app.core.jsontext import needs_exact

    for raw in ('{"a": 18446744073709551616}', '[-1234567890123456789]', '{"x":1,"n":12345678901234567890}'):
        assert needs_exact(raw) and needs_exact(raw.encode())
    for raw in ('{"a": 184467440737095516}', '{"t": "1234567890123456789012"}', '{"a": "٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣"}',
                '{"f": 1.2345678901234567890}', "\\ud800 12"):
        assert not needs_exact(raw) and not needs_exact(raw.encode("utf-8", "surrogatepass"))

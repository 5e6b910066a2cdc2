"""brat: brat's tutorial and PolNeAR's PARC attributions import and write back to the same facts; our exports parse
with a third-party brat parser (bratly); bad .ann files are refused with file and line."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from app.core import formats
from app.core.formats import LabelMapping, brat
from app.core.jsonl import Record, make_document
from app.core.model import Entity, Layer, Relation, Span

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
TUTORIAL = CORPUS / "peer-formats" / "brat" / "tutorial_news"
POLNEAR = CORPUS / "english_quote_attribution" / "polnear_brat"
needs_corpus = pytest.mark.skipif(not TUTORIAL.exists(), reason=f"the shared corpus is not at {CORPUS}")


def ann_facts(ann: str) -> set:
    """A .ann file as facts with every id replaced by what it points at (ids may be renumbered)."""
    t, lines = {}, []
    for line in ann.split("\n"):
        if not line.strip():
            continue
        fields = line.split("\t")
        lines.append(fields)
        if fields[0].startswith("T"):
            label, ranges = fields[1].split(" ", 1)
            t[fields[0]] = (label, tuple(tuple(map(int, p.split())) for p in ranges.split(";")), fields[2])
    by_id = {f[0]: f for f in lines}

    def desc(ident: str):
        if ident.startswith("T"):
            return t[ident]
        parts = by_id[ident][1].split()
        if ident.startswith("E"):
            return ("E", parts[0].split(":")[0], t[parts[0].split(":")[1]])
        return ("R", parts[0], tuple(desc(p.split(":")[1]) for p in parts[1:]))

    facts = {("T",) + v for v in t.values()}
    for f in lines:
        kind, parts = f[0][0], f[1].split()
        if kind == "E":
            etype, trig = parts[0].split(":")
            roles = tuple(sorted((re.sub(r"\d+$", "", p.split(":")[0]), desc(p.split(":")[1])) for p in parts[1:]))
            facts.add(("E", etype, t[trig], roles))
        elif kind == "R":
            facts.add(("R", parts[0], tuple(sorted((p.split(":")[0], desc(p.split(":")[1])) for p in parts[1:]))))
        elif kind in "AM":
            facts.add(("A", parts[0], desc(parts[1]), parts[2] if len(parts) > 2 else True))
        elif kind == "N":
            facts.add(("N", parts[0], desc(parts[1]), parts[2], f[2] if len(f) > 2 else ""))
        elif kind == "#":
            facts.add(("#", parts[0], desc(parts[1]), f[2] if len(f) > 2 else ""))
        elif kind == "*":
            facts.add(("*", parts[0], frozenset(desc(i) for i in parts[1:])))
    return facts


@needs_corpus
@pytest.mark.parametrize("folder,mapping", [(TUTORIAL, LabelMapping()), (POLNEAR / "dev_sample", LabelMapping.parc())],
                         ids=["tutorial", "polnear"])
def test_real_collections_write_back_to_the_same_facts(folder, mapping):
    result = brat.read(folder, mapping=mapping, add_labels=True)
    assert result.ok, result.problems[:3]
    files = formats.write("brat", result.records, mapping=mapping, schema=result.schema)
    for rec in result.records:
        original = folder / f"{rec.document.id}.ann"
        assert ann_facts(files[f"{rec.document.id}.ann"].decode()) == ann_facts(original.read_text("utf-8"))
        assert files[f"{rec.document.id}.txt"] == (folder / f"{rec.document.id}.txt").read_bytes()
    again = formats.read("brat", list(files.items()), mapping=mapping, add_labels=True)
    assert again.ok


@needs_corpus
def test_parc_attributions_become_quotes_said_by_speakers_with_cues():
    folder = POLNEAR / "dev_sample"
    result = brat.read(folder, mapping=LabelMapping.from_flags(["Discard=", "Discuss="]))
    assert result.ok, result.problems[:3]
    expected = {"SAID_BY": set(), "CUE": set()}  # (document, event, content T, role) pairs brat states
    for path in folder.glob("*.ann"):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("E"):
                ident, body = line.split("\t")[:2]
                args = [a.split(":") for a in body.split()[1:]]
                for role, target in args:
                    for content_role, content in args:
                        if content_role.startswith("Content") and role[:3] in ("Sou", "Cue"):
                            kind = "SAID_BY" if role.startswith("Source") else "CUE"
                            expected[kind].add((path.stem, ident, content, role))
    layers = [r.layer for r in result.records]
    for kind in ("SAID_BY", "CUE"):
        got = {(lay.doc_id, r.provenance["event"], lay.spans[r.head].provenance["id"], r.provenance["role"])
               for lay in layers for r in lay.relations.values() if r.type == kind}
        assert got == expected[kind]
        pairs = {(lay.spans[r.head].label, lay.spans[r.tail].label) for lay in layers
                 for r in lay.relations.values() if r.type == kind}
        assert pairs == {("QUOTE", "SPEAKER" if kind == "SAID_BY" else "CUE")}
    assert len(expected["SAID_BY"]) == 774 and len(expected["CUE"]) == 811
    labels = {s.label for lay in layers for s in lay.spans.values()}
    assert labels == {"QUOTE", "SPEAKER", "CUE"}  # triggers and the Discard/Discuss labels are left out
    assert any("left out by the mapping" in n for n in result.notes)


@needs_corpus
def test_discontinuous_content_is_one_span_per_fragment_and_joins_on_export():
    folder = POLNEAR / "dev_sample"
    name = "politico_2016-09-08_flynn-says-trump-absolutely-righ"
    result = brat.read([folder / f"{name}.txt", folder / f"{name}.ann"], mapping=LabelMapping.parc())
    layer = result.records[0].layer
    t11 = sorted((s for s in layer.spans.values() if s.provenance.get("id") == "T11"), key=lambda s: s.start)
    assert [(s.start, s.end, s.provenance["fragment"]) for s in t11] == [(256, 377, 0), (463, 616, 1)]
    for frag in t11:
        assert {layer.spans[t].text for t in (r.tail for r in layer.outgoing(frag.id))} == \
            {"Flynn, a top Trump surrogate,", "said Thursday morning"}
    ann = formats.write("brat", result.records, mapping=LabelMapping.parc())[f"{name}.ann"].decode()
    assert re.search(r"^T\d+\tContent 256 377;463 616\t", ann, re.M)


@needs_corpus
def test_several_annotators_of_one_text_are_paired_by_their_suffix():
    result = brat.read(POLNEAR / "multi_annotator", mapping=LabelMapping.from_flags(["Discard=", "Discuss="]))
    assert result.ok
    assert sorted(r.layer.annotator for r in result.records) == ["4b22", "4e07", "5fec", "6b86", "d473", "ef2d"]
    assert len({r.document.id for r in result.records}) == 1


@needs_corpus
def test_several_annotators_go_out_in_one_folder_each_and_come_back_as_themselves():
    folder = POLNEAR / "multi_annotator"
    result = brat.read(folder, mapping=LabelMapping.parc(), add_labels=True)
    files = formats.write("brat", result.records, mapping=LabelMapping.parc(), schema=result.schema)
    name = "politico_2016-09-08_flynn-says-trump-absolutely-righ"
    for rec in result.records:
        who = rec.layer.annotator
        assert f"{who}/annotation.conf" in files and f"{who}/{name}.txt" in files
        original = (folder / f"{name}_{who}.ann").read_text("utf-8")
        assert ann_facts(files[f"{who}/{name}.ann"].decode()) == ann_facts(original)
    back = formats.read("brat", list(files.items()), mapping=LabelMapping.parc(), add_labels=True)
    assert back.ok and sorted(r.layer.annotator for r in back.records) == sorted(r.layer.annotator
                                                                                 for r in result.records)


@needs_corpus
def test_labels_outside_the_schema_need_a_mapping_or_add_labels():
    result = brat.read(POLNEAR / "dev_sample")
    assert not result.ok
    assert all("unknown label 'Discard'" in p.message or "unknown label 'Discuss'" in p.message
               for p in result.problems)
    assert all(p.file.endswith(".ann") and p.line is None and p.field.startswith("T") for p in result.problems)
    assert len(result.records) == 30 - len({p.file for p in result.problems})


def quote_record() -> Record:
    text = "قال الوزير أحمد:\n«سنبدأ غداً.\nوالعمل مستمر»\nوأضاف: لا تعليق."
    doc = make_document(text, id="ar-multi-line")
    q = text.index("«")
    quote = Span.of(doc.text, "QUOTE", q, text.index("»") + 1, id="q", attrs={"type": "direct"})
    speaker = Span.of(doc.text, "SPEAKER", 4, 15, id="s", attrs={"entity": "e1"})
    cue = Span.of(doc.text, "CUE", 0, 3, id="k")
    date = Span.of(doc.text, "DATE", text.index("غداً"), text.index("غداً") + 4, id="d",
                   attrs={"value": "2024-01-19", "note": "relative to the article date"})
    rels = [Relation("r1", "SAID_BY", "q", "s"), Relation("r2", "CUE", "q", "k"), Relation("r3", "DATED", "q", "d")]
    return Record(doc, Layer(doc.id, "alice", "done", [quote, speaker, cue, date], rels),
                  [Entity("e1", "أحمد الخطيب", ("الوزير",))])


def test_a_multi_line_quote_is_cut_at_line_breaks_for_brat_and_whole_again_on_import():
    rec = quote_record()
    files = formats.write("brat", [rec])
    ann = files["ar-multi-line.ann"].decode()
    (quote_line,) = [line for line in ann.splitlines() if "\tQUOTE " in line]
    assert ";" in quote_line and "\n" not in quote_line.split("\t")[2]
    assert re.search(r"^E\d+\tAttribution:T\d+ Source:T\d+ Cue:T\d+ Content:T\d+$", ann, re.M)
    assert "Qawl:e1\tأحمد الخطيب" in ann and re.search(r"^A\d+\ttype T\d+ direct$", ann, re.M)
    back = formats.read("brat", list(files.items()), default_annotator="alice")
    assert back.ok, back.problems
    layer = back.records[0].layer
    got = sorted((s.label, s.start, s.end, tuple(sorted(s.attrs.items()))) for s in layer.spans.values())
    want = sorted((s.label, s.start, s.end, tuple(sorted(s.attrs.items()))) for s in rec.layer.spans.values())
    assert got == want
    rels = sorted((r.type, layer.spans[r.head].label, layer.spans[r.tail].label) for r in layer.relations.values())
    assert rels == [("CUE", "QUOTE", "CUE"), ("DATED", "QUOTE", "DATE"), ("SAID_BY", "QUOTE", "SPEAKER")]
    assert [e.name for e in back.records[0].entities] == ["أحمد الخطيب"]


def parse_with_bratly(ann: str):
    parser = pytest.importorskip("bratly.io.file_read_src", reason="bratly (test dependency) is not installed")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):  # bratly prints what it cannot parse and drops it
        collection = parser.parse_ann_file(ann, "x.ann", no_duplicates=False, sorting=False, renumerotize=False)
    return collection, printed.getvalue()


@needs_corpus
def test_our_exports_parse_with_a_third_party_brat_parser():
    result = brat.read(POLNEAR / "dev_sample", mapping=LabelMapping.parc(), add_labels=True)
    files = formats.write("brat", result.records + [quote_record()], mapping=LabelMapping.parc(),
                          schema=result.schema)
    for name, data in files.items():
        if not name.endswith(".ann"):
            continue
        ann = data.decode()
        collection, printed = parse_with_bratly(ann)
        assert printed == "", f"{name}: {printed[:300]}"
        assert len(collection.annotations) == len([line for line in ann.splitlines() if line.strip()])


BAD = {
    "no-txt": ({"only.ann": b"T1\tQUOTE 0 3\tabc\n"}, "only.ann", None, "no only.txt next to this .ann"),
    "duplicate-T": ({"d.txt": b"abc def", "d.ann": b"T1\tQUOTE 0 3\tabc\nT1\tCUE 4 7\tdef\n"}, "d.ann", 2,
                    "duplicate id T1 (first on line 1)"),
    "missing-target": ({"d.txt": b"abc def", "d.ann": b"T1\tQUOTE 0 3\tabc\nR1\tSAID_BY Arg1:T1 Arg2:T9\n"},
                       "d.ann", 2, "refers to 'T9'"),
    "bad-offsets": ({"d.txt": b"abc def", "d.ann": b"T1\tQUOTE 0 x\tabc\n"}, "d.ann", 1, "offsets must be"),
    "truncated": ({"d.txt": b"abc def", "d.ann": b"T1\tQUOTE 0 3\tabc\nT2\tCUE 4"}, "d.ann", 2, "text-bound line"),
    "not-brat": ({"d.txt": b"abc def", "d.ann": b"hello world\n"}, "d.ann", 1, "not a brat annotation line"),
    "text-mismatch": ({"d.txt": b"abc def", "d.ann": b"T1\tQUOTE 0 3\tabd\n"}, "d.ann", None, "does not match"),
    "past-the-end": ({"d.txt": b"abc def", "d.ann": b"T1\tQUOTE 4 70\tdef\n"}, "d.ann", None, "outside the text"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_ann_files_are_refused_with_file_and_line(case):
    files, file, line, message = BAD[case]
    result = formats.read("brat", list(files.items()))
    assert not result.ok and not [r for r in result.records if r.layer is not None]
    (problem,) = result.problems
    assert (problem.file, problem.line) == (file, line) and message in problem.message, str(problem)


def test_utf16_offsets_of_a_narrow_python_build_are_proven_by_the_t_texts():
    text = "🙂 قال الوزير"
    files = {"u.txt": text.encode(), "u.ann": "T1\tSPEAKER 7 13\tالوزير\n".encode()}  # 7 = 6 code points + 1
    result = formats.read("brat", list(files.items()))
    assert result.ok and result.offset_units == {"u.ann": "utf16"}
    assert [s.text for s in result.records[0].layer.spans.values()] == ["الوزير"]


def test_crlf_text_offsets_are_converted_exactly():
    raw = "first line\r\nقال الوزير\r\nend"
    files = {"c.txt": raw.encode(), "c.ann": "T1\tSPEAKER 16 22\tالوزير\n".encode()}
    result = formats.read("brat", list(files.items()))
    assert result.ok
    rec = result.records[0]
    (span,) = rec.layer.spans.values()
    assert rec.document.text == raw.replace("\r\n", "\n") and (span.start, span.end) == (15, 21)
    assert rec.document.normalisation.crlf == 2


def test_line_separators_other_than_newline_also_cut_fragments_and_join_back():
    text = "قال:\u2028«أولاً\u2029ثانياً»"
    doc = make_document(text, id="ls")
    quote = Span.of(doc.text, "QUOTE", text.index("«"), len(text), id="q")
    files = formats.write("brat", [Record(doc, Layer("ls", "a", "done", [quote]))])
    ann = files["ls.ann"].decode()
    assert len(ann.splitlines()) == 1 and ";" in ann  # one line even for readers that split at U+2029
    back = formats.read("brat", list(files.items()), default_annotator="a")
    assert back.ok and [(s.start, s.end) for s in back.records[0].layer.spans.values()] == [(quote.start, quote.end)]


def test_a_written_multi_annotator_folder_reads_back_from_disk(tmp_path):
    rec = quote_record()
    bob = Record(rec.document, Layer(rec.document.id, "bob", "done", list(rec.layer.spans.values())[:2]))
    for name, data in formats.write("brat", [rec, bob]).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    back = formats.read("auto", tmp_path)
    assert back.ok and sorted(r.layer.annotator for r in back.records) == ["alice", "bob"]

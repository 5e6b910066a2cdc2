"""Throw at least 10,000 malformed inputs at each importer: the only failure allowed is our own clear error.

Inputs are real files (small excerpts of the shared corpus' peer-format files, and our own export of an Arabic
record with emoji and harakat) mutated at random: truncated, bytes flipped / inserted / deleted, JSON values swapped
for wrong types, keys removed, offsets made huge or negative, brat lines dropped, duplicated or garbled, the .txt
removed or changed. Hypothesis draws the mutation seeds (derandomised, so CI runs the same inputs each time); each
seed gives a batch of inputs, and the test counts that 10,000 distinct inputs really reached each importer.
"""

from __future__ import annotations

import copy
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import formats
from app.core.errors import QawlError
from app.core.jsonl import Record, make_document
from app.core.model import Layer, Relation, Span

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
PEER = CORPUS / "peer-formats"
POLNEAR = CORPUS / "english_quote_attribution" / "polnear_brat" / "dev_sample"
INPUTS = 10_000  # malformed inputs per importer
BATCH = 10  # inputs per Hypothesis example: its per-example bookkeeping costs more than one small import
pytestmark = [pytest.mark.slow, pytest.mark.corpus,
              pytest.mark.skipif(not PEER.exists(), reason=f"the shared corpus is not at {CORPUS}")]

FUZZ = settings(max_examples=INPUTS // BATCH, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
WEIRD = [None, True, False, 0, -1, -(2 ** 63), 2 ** 63, 10 ** 30, 1.5, float("inf"), "", "x", "😀", "\ud800",
         [], [[]], [0, 1], [0, 1, "X"], {}, {"start": 0}, "0", "T1", "E1"]


def arabic_record() -> Record:
    doc = make_document("قال 😀 الوزيرُ: «نعم» 👨‍👩‍👧\r\nانتهى", id="ar")
    q = doc.text.index("«")
    spans = [Span.of(doc.text, "CUE", 0, 3, id="k"), Span.of(doc.text, "SPEAKER", 6, 13, id="s"),
             Span.of(doc.text, "QUOTE", q, q + 5, id="q", attrs={"type": "direct"})]
    rels = [Relation("r1", "SAID_BY", "q", "s"), Relation("r2", "CUE", "q", "k")]
    return Record(doc, Layer("ar", "alice", "done", spans, rels))


def head_lines(path: Path, n: int) -> bytes:
    return "\n".join(path.read_text(encoding="utf-8").splitlines()[:n]).encode() + b"\n"


def seeds() -> dict[str, list[list[tuple[str, bytes]]]]:
    own = {fmt: formats.write(fmt, [arabic_record()]) for fmt in formats.FORMATS}
    ls = json.loads((PEER / "label-studio" / "real_user_export_labels_relations_zh_part1.json").read_text("utf-8"))
    ls_tests = (PEER / "label-studio" / "converter_tests_csv_test_choices_reviews.json").read_bytes()
    polnear = sorted(POLNEAR.glob("*.ann"))[0] if POLNEAR.exists() else None
    brat_seeds = [[(k, v) for k, v in own["brat"].items() if not k.endswith(".conf")]]
    tutorial = PEER / "brat" / "tutorial_news"
    for name in ("000-introduction", "100-attribute_annotation"):
        brat_seeds.append([(f"{name}.txt", (tutorial / f"{name}.txt").read_bytes()),
                           (f"{name}.ann", (tutorial / f"{name}.ann").read_bytes())])
    if polnear:
        brat_seeds.append([(polnear.name[:-4] + ".txt", polnear.with_suffix(".txt").read_bytes()),
                           (polnear.name, head_lines(polnear, 12))])
    return {
        "doccano": [[("alice.jsonl", own["doccano"]["alice.jsonl"])],
                    [("a.jsonl", head_lines(PEER / "doccano" / "doccano_v1_export_labels_key.jsonl", 2))],
                    [("b.jsonl", (PEER / "doccano" / "doccano_export_relation_extraction_PRETTY_PRINTED.jsonl")
                      .read_bytes())],
                    [("c.jsonl", (PEER / "doccano" / "doccano_tests_sequence_labeling_missing_text.jsonl")
                      .read_bytes())]],
        "labelstudio": [[("tasks.json", own["labelstudio"]["tasks.json"])],
                        [("zh.json", json.dumps(ls[:2], ensure_ascii=False).encode())],
                        [("tests.json", ls_tests)]],
        "prodigy": [[("prodigy.jsonl", own["prodigy"]["prodigy.jsonl"])],
                    [("n.jsonl", head_lines(PEER / "prodigy" / "ner_manual_news_headlines_ORG_PERSON_LOCATION.jsonl",
                                            2))],
                    [("r.jsonl", head_lines(PEER / "prodigy" / "relations_rel_component_part1.jsonl", 1))]],
        "brat": brat_seeds,
    }


SEEDS = seeds() if PEER.exists() else {}


# --- mutations --------------------------------------------------------------------------------------------------

def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(5)
        pos = rng.randrange(len(data) + 1)
        if op == 0:
            del data[pos:]  # truncation
        elif op == 1 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op == 2:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        elif op == 3:
            del data[pos:pos + rng.randint(1, 16)]
        else:
            data[pos:pos] = rng.choice([b"{", b"}", b"[", b"]", b'"', b",", b"\n", b"\r\n", b"\t", b";", b":",
                                        b"\xef\xbb\xbf", b"\\u"])
    return bytes(data)


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


def mutate_json(rng: random.Random, value):
    for _ in range(rng.randint(1, 3)):
        all_paths = [p for p in paths(value) if p]
        if not all_paths:
            return copy.deepcopy(rng.choice(WEIRD))
        path = rng.choice(all_paths)
        parent = value
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        op = rng.randrange(4)
        if op == 0:
            del parent[key]
        elif op == 1 and isinstance(parent[key], int) and not isinstance(parent[key], bool):
            parent[key] = rng.choice([-1, -parent[key], parent[key] + 1, parent[key] - 1, 2 ** 40, 10 ** 100])
        elif op == 2 and isinstance(parent, list) and parent:
            parent.append(copy.deepcopy(parent[rng.randrange(len(parent))]))  # duplicate an item (ids collide)
        else:
            parent[key] = copy.deepcopy(rng.choice(WEIRD))
    return value


def mutate_json_file(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8")
    try:
        whole = json.loads(text)
        return json.dumps(mutate_json(rng, whole), ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    except json.JSONDecodeError:
        lines = [json.loads(line) for line in text.splitlines() if line.strip()]
        i = rng.randrange(len(lines))
        lines[i] = mutate_json(rng, lines[i])
        return "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode("utf-8", "surrogatepass")


def mutate_ann(rng: random.Random, data: bytes) -> bytes:
    lines = data.decode("utf-8", "replace").split("\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])  # duplicate ids
        elif op == 2:
            fields = lines[i].split("\t")
            j = rng.randrange(len(fields))
            fields[j] = rng.choice(["", "T1", "E1", "R1", "X", "Arg1:T999", "Label 0 99999", "Label -1 2",
                                    "Label 3 1", "Label 0 2;1", "Attribution:T1 Source:T2", "😀"])
            lines[i] = "\t".join(fields)
        elif op == 3:
            lines[i] = lines[i].replace(str(rng.randrange(10)), str(rng.choice([0, 9, 99999, -1])), 1)
        elif op == 4:
            lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)]
        else:
            lines.insert(i, rng.choice(["*\tAlias T1 T99", "A1\tNeg E9", "#1\tAnnotatorNotes R7\tx",
                                        "N1\tReference T1 Wikipedia", "E99\tAttribution:T1 Content:E99",
                                        "R9\tX Arg1:T1", "T99\tQUOTE 0 1;1 2\tx y"]))
    return "\n".join(lines).encode("utf-8")


def mutated(fmt: str, rng: random.Random) -> list[tuple[str, bytes]]:
    items = [list(x) for x in rng.choice(SEEDS[fmt])]
    kind = rng.randrange(3)
    for item in items:
        name, data = item
        if fmt == "brat" and kind == 2 and rng.random() < 0.2:
            continue
        if kind == 0 or not data.strip():
            item[1] = mutate_bytes(rng, data)
        elif fmt == "brat":
            item[1] = mutate_ann(rng, data) if name.endswith(".ann") else mutate_bytes(rng, data)
        else:
            item[1] = mutate_json_file(rng, data)
    if fmt == "brat" and rng.random() < 0.05:
        items = [i for i in items if not i[0].endswith(".txt")]  # an .ann without its .txt
    return [tuple(i) for i in items]


def check(fmt: str, seed: int, seen: set | None = None) -> None:
    rng = random.Random(seed)
    items = mutated(fmt, rng)
    if seen is not None:
        seen.add(hash(tuple(items)))
    unit = rng.choice(["auto", "auto", "codepoint", "utf16", "grapheme"])
    try:
        result = formats.read(fmt, items, add_labels=rng.random() < 0.5, offset_unit=unit)
    except QawlError:
        return
    for problem in result.problems:
        assert isinstance(problem, QawlError) and problem.file and problem.message
    for rec in result.records:  # whatever was accepted is exact
        if rec.layer is not None:
            rec.layer.check_against(rec.document.text)
            result.schema.check_layer(rec.layer)


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "prodigy", "brat"])
def test_malformed_inputs_only_ever_give_our_own_errors(fmt):
    seen: set[int] = set()

    @FUZZ
    @given(st.integers(min_value=0, max_value=2 ** 60))
    def run(seed):
        new = tries = 0
        while new < BATCH and tries < 20 * BATCH:  # mutations can coincide: go on until BATCH new inputs
            before = len(seen)
            check(fmt, seed * 1000 + tries, seen)
            tries += 1
            new += len(seen) > before

    run()
    assert len(seen) >= INPUTS  # distinct malformed inputs that reached the importer


def test_the_seeds_themselves_import_cleanly():
    for fmt, groups in SEEDS.items():
        for items in groups:
            result = formats.read(fmt, items, add_labels=True)
            bad = [p for p in result.problems if "no text" not in p.message]
            assert bad == [], (fmt, [i[0] for i in items], bad[:2])

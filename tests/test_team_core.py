"""The team repository's pure parts: paths that never collide, files every computer writes byte-for-byte the same,
readers that say FILE:LINE: FIELD, and the speaker registry's events folding the same way everywhere."""

import itertools
import random

import orjson
import pytest

from app.core.errors import QawlError
from app.core.jsonl import make_document
from app.core.model import CanonicalClaim, Entity, Layer, Relation, Span
from app.core.schema import DEFAULT_SCHEMA
from app.core.team import files as tf
from app.core.team import layout
from app.core.team.registry import CLAIMS, SPEAKERS, Event, diff, fold, log_bytes, read_log

TEXT = "قال الرئيس إن الاقتصاد بخير، وأضاف أن الأمور تتحسن."


def test_file_names_are_the_id_when_safe_and_never_collide_otherwise():
    assert layout.file_name("ar_snn_0004") == "ar_snn_0004"
    assert layout.file_name("علي") == "علي"  # letters of any script
    names = ["Ali", "ali", "ALI", "a/b", "a_b", "con", "Con", ".hidden", "x" * 300, "a b", "e\u0301", "\u00e9"]
    files = [layout.file_name(n) for n in names]
    assert len({f.casefold() for f in files}) == len(files)  # distinct even on a case-insensitive disk
    for f in files:
        assert "/" not in f and not f.startswith(".") and len(f) <= 100
    assert layout.file_name("Ali").startswith("ali~")


def test_paths_are_classified_back():
    assert layout.place(layout.layer_path("Ali", "d1")) == layout.Place("layer", layout.file_name("Ali"))
    assert layout.place(layout.document_path("d1")).kind == "document"
    assert layout.place(layout.registry_path("bob")) == layout.Place("registry", "bob", "speakers")
    assert layout.place(layout.member_path("bob")) == layout.Place("member", "bob")
    assert layout.place("schema.json").kind == "schema"
    assert layout.place("notes.txt").kind == "other"


def _layer(doc, who="ali"):
    q = Span.of(doc.text, "QUOTE", 11, 22, id="q1", attrs={"type": "indirect"}, created="2026-01-01T00:00:00.000Z")
    s = Span.of(doc.text, "SPEAKER", 4, 10, id="s1", attrs={"entity": "e1"})
    c = Span.of(doc.text, "CUE", 0, 3, id="c1")
    return Layer(doc.id, who, "in_progress", [s, q, c], [Relation("r2", "CUE", "q1", "c1"),
                                                         Relation("r1", "SAID_BY", "q1", "s1")])


def test_a_layer_file_has_one_line_per_span_in_text_order_and_reads_back():
    doc = make_document(TEXT, id="d1")
    layer = _layer(doc)
    data = tf.layer_bytes(layer, doc.id, doc.text_sha256, "quotes-claims")
    lines = data.decode().splitlines()
    assert len(lines) == 1 + 3 + 2
    assert [orjson.loads(l)["span"]["id"] for l in lines[1:4]] == ["c1", "s1", "q1"]
    assert lines[1].startswith('{"span":{"id":"c1","label":"CUE","start":0,"end":3,')  # readable key order
    assert [orjson.loads(l)["relation"]["id"] for l in lines[4:]] == ["r1", "r2"]
    path = layout.layer_path("ali", "d1")
    back = tf.read_layer(path, data, doc, DEFAULT_SCHEMA, {"e1"})
    assert back == layer
    # Byte-for-byte the same whoever writes it, whatever order spans were added in.
    shuffled = Layer(doc.id, "ali", "in_progress", reversed(list(layer.spans.values())),
                     reversed(list(layer.relations.values())))
    assert tf.layer_bytes(shuffled, doc.id, doc.text_sha256, "quotes-claims") == data


@pytest.mark.parametrize("edit, where", [
    (lambda ls: ls.__setitem__(2, ls[2].replace('"end":10', '"end":11')), (3, "span.text")),
    (lambda ls: ls.__setitem__(3, ls[3].replace('"QUOTE"', '"QUOTA"')), (4, "span.label")),
    (lambda ls: ls.__setitem__(2, ls[2][:-3]), (3, None)),
    (lambda ls: ls.__setitem__(4, ls[4].replace('"tail":"s1"', '"tail":"s9"')), (5, "relation.tail")),
    (lambda ls: ls.__setitem__(0, ls[0].replace('"status":"in_progress"', '"status":"finished"')), (1, "status")),
    (lambda ls: ls.__setitem__(2, ls[2].replace('"entity":"e1"', '"entity":"e7"')), (3, "span.attrs.entity")),
])
def test_a_bad_layer_file_is_reported_with_its_line_and_field(edit, where):
    doc = make_document(TEXT, id="d1")
    lines = tf.layer_bytes(_layer(doc), doc.id, doc.text_sha256, "quotes-claims").decode().splitlines()
    edit(lines)
    path = layout.layer_path("ali", "d1")
    with pytest.raises(QawlError) as info:
        tf.read_layer(path, ("\n".join(lines) + "\n").encode(), doc, DEFAULT_SCHEMA, {"e1"})
    line, field = where
    assert info.value.file == path and info.value.line == line
    if field:
        assert info.value.field == field
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_a_layer_made_on_another_text_or_put_in_the_wrong_place_is_refused():
    doc = make_document(TEXT, id="d1")
    other = make_document(TEXT + " ", id="d1")
    data = tf.layer_bytes(_layer(doc), doc.id, doc.text_sha256, "quotes-claims")
    with pytest.raises(QawlError, match="different text") as info:
        tf.read_layer(layout.layer_path("ali", "d1"), data, other, DEFAULT_SCHEMA)
    assert info.value.field == "text_sha256"
    with pytest.raises(QawlError, match="belongs in") as info:
        tf.read_layer(layout.layer_path("bob", "d1"), data, doc, DEFAULT_SCHEMA)
    assert info.value.line == 1


def test_a_document_file_is_an_importable_export_line_checked_by_hash():
    doc = make_document("Hello\r\nworld", id="D 1", meta={"title": "T", "b": {"z": 1, "a": 2}})
    path = layout.document_path(doc.id)
    data = tf.document_bytes(doc, "quotes-claims")
    assert data.count(b"\n") == 1
    back = tf.read_document(path, data)
    assert (back.id, back.text, back.meta, back.text_sha256, back.normalisation) == \
        (doc.id, doc.text, doc.meta, doc.text_sha256, doc.normalisation)
    tampered = data.replace(b"world", b"World")
    with pytest.raises(QawlError, match="text_sha256") as info:
        tf.read_document(path, tampered)
    assert (info.value.file, info.value.line) == (path, 1)
    with pytest.raises(QawlError, match="belongs in"):
        tf.read_document(layout.document_path("other"), data)


def test_assignments_removals_members_round_trip_and_bad_lines_are_located():
    items = [tf.Assignment("d2", "bob", "review", "lead", "t"), tf.Assignment("d1", "ali")]
    data = tf.assignments_bytes(items)
    assert tf.read_assignments("assignments.jsonl", data) == sorted(items, key=lambda a: a.doc_id)
    bad = data + b'{"doc_id": "d3", "annotator": "ali", "role": "boss"}\n'
    with pytest.raises(QawlError) as info:
        tf.read_assignments("assignments.jsonl", bad)
    assert (info.value.line, info.value.field) == (3, "role")
    member = tf.Member("ali", "2026-01-01", "c0ffee", "laptop")
    assert tf.read_member(layout.member_path("ali"), tf.member_bytes(member)) == member
    with pytest.raises(QawlError, match="newer Qawl"):
        tf.read_team("qawl-team.json", b'{"format": "qawl-team/9", "lead": "x"}')


# --- the registries --------------------------------------------------------------------------------------------------------

def ev(n, by, op, item, fields=None, added=None, removed=None, into=None):
    return Event(f"{by}{n}", f"2026-01-01T00:00:{n:02d}.000Z", by, op, item, fields or {}, added or {},
                 removed or {}, into)


def add(n, by, item, name, *aliases):
    return ev(n, by, "add", item, {"name": name}, {"aliases": list(aliases)} if aliases else None)


def test_diff_describes_edits_and_a_merge_as_events():
    before = {"e1": Entity("e1", "Putin", ("بوتين",)), "e2": Entity("e2", "V. Putin"), "e3": Entity("e3", "X")}
    after = {"e1": Entity("e1", "Vladimir Putin", ("بوتين", "Putin", "V. Putin")), "e4": Entity("e4", "New")}
    events = diff(before, after, SPEAKERS, by="ali", at="t")
    ops = sorted((e.op, e.item, e.into) for e in events)
    assert ops == [("add", "e4", None), ("delete", "e3", None), ("merge", "e2", "e1"), ("set", "e1", None)]
    # Folding base + events gives the edited registry back.
    base = [add(i, "lead", e.id, e.name, *e.aliases) for i, e in enumerate(before.values())]
    assert fold(base + events).items == after


def test_fold_merges_concurrent_edits_the_same_way_in_any_order():
    events = [
        add(1, "lead", "e1", "Putin"), add(2, "lead", "e2", "بوتين"),
        ev(3, "ali", "set", "e1", {"name": "Vladimir Putin"}),  # ali renames ...
        ev(4, "bob", "merge", "e2", into="e1"),  # ... while bob merges the Arabic name into it
        ev(5, "bob", "set", "e1", added={"aliases": ["الرئيس الروسي"]}),
        ev(6, "ali", "set", "e1", added={"aliases": ["Путин"]}),  # both add aliases: both kept
        ev(7, "ali", "set", "e2", {"name": "فلاديمير بوتين"}),  # a rename of the merged one becomes an alias
        ev(7, "carol", "set", "e2", added={"aliases": ["بوتن"]}),  # an alias of the merged one follows it
        add(8, "ali", "e9", "Trump"), add(8, "bob", "e8", "trump"),  # the same speaker twice
    ]
    results = set()
    for order in itertools.islice(itertools.permutations(events), 0, 2000, 97):
        reg = fold(order)
        results.add(orjson.dumps({k: [e.name, e.aliases] for k, e in sorted(reg.items.items())}))
    assert len(results) == 1
    reg = fold(events)
    assert set(reg.items) == {"e1", "e9"}
    putin = reg.items["e1"]
    assert putin.name == "Vladimir Putin"
    assert set(putin.aliases) == {"بوتين", "الرئيس الروسي", "Путин", "فلاديمير بوتين", "بوتن"}
    assert reg.resolve("e2") == "e1"
    assert reg.resolve("e8") == "e9"  # ali's "Trump" came first (same time: by name order)


def test_two_members_merging_each_into_the_other_end_with_one_speaker():
    base = [add(1, "lead", "a", "A"), add(2, "lead", "b", "B")]
    reg = fold(base + [ev(5, "ali", "merge", "a", into="b"), ev(5, "bob", "merge", "b", into="a")])
    assert len(reg.items) == 1
    (only,) = reg.items
    assert reg.resolve("a") == reg.resolve("b") == only


def test_a_delete_loses_to_a_later_edit_and_a_members_own_same_names_stay_two():
    events = [add(1, "lead", "e1", "X"), ev(2, "ali", "delete", "e1"),
              ev(3, "bob", "set", "e1", added={"aliases": ["Ex"]})]
    assert fold(events).items["e1"].aliases == ("Ex",)
    assert "e1" in fold(events[:2]).deleted
    same = [add(1, "ali", "e1", "Mohammed Ali"), add(2, "ali", "e2", "Mohammed Ali")]
    assert set(fold(same).items) == {"e1", "e2"}


def test_claims_fold_the_same_way_fields_last_wins_and_a_merge_keeps_findings():
    claim = lambda n, by, item, text, **f: ev(n, by, "add", item, {"text": text, **f})  # noqa: E731
    events = [claim(1, "lead", "c1", "النمو بلغ 5 في المئة"), claim(2, "ali", "c2", "Growth reached 5%"),
              ev(3, "ali", "set", "c1", {"verdict": "false", "source": {"by": "ali"}}),
              ev(4, "bob", "set", "c1", {"verdict": "misleading", "note": "partial data"}),  # later: wins
              ev(5, "bob", "set", "c2", {"factcheck": "https://example.org/check"}),
              ev(6, "lead", "merge", "c2", into="c1"),
              ev(7, "ali", "set", "c2", {"note": "seen again"}),  # about the merged claim: goes to c1
              claim(8, "bob", "c3", "growth  reached 5%"), claim(9, "lead", "c4", "Growth reached 5%")]
    reg = fold(events, CLAIMS, key=lambda t: " ".join(t.split()).casefold())
    c1 = reg.items["c1"]
    assert (c1.verdict, c1.factcheck, c1.note) == ("misleading", "https://example.org/check", "seen again")
    assert reg.resolve("c2") == "c1"
    # bob's c3 and lead's c4 have one wording (spacing, case apart) that is nobody's now: they are one claim
    assert reg.resolve("c4") == "c3" and "c3" in reg.items
    assert isinstance(c1, CanonicalClaim)
    with pytest.raises(QawlError, match="claims have no field 'name'"):
        read_log("r.jsonl", log_bytes([ev(1, "ali", "add", "c9", {"name": "x"})]), CLAIMS)


def test_a_log_appends_and_reads_back_and_its_bad_lines_are_located():
    events = [add(2, "ali", "e2", "B"), add(1, "ali", "e1", "A")]
    data = log_bytes(events + events)
    assert [e.id for e in read_log("r.jsonl", data, SPEAKERS)] == ["ali1", "ali2"]
    longer = log_bytes(events + [ev(3, "ali", "set", "e1", {"name": "AA"})])
    assert longer.startswith(data)  # appending keeps every earlier line: diffs are additions
    with pytest.raises(QawlError) as info:
        read_log("r.jsonl", data + b'{"id": "x", "at": "t", "by": "ali", "op": "explode", "item": "e1"}\n', SPEAKERS)
    assert (info.value.line, info.value.field) == (3, "op")


def test_random_concurrent_histories_converge():
    rng = random.Random(7)
    for _ in range(30):
        events = [add(0, "lead", f"e{i}", f"S{i}") for i in range(6)]
        for n in range(1, 40):
            by = rng.choice(["ali", "bob", "carol"])
            op = rng.choice(["rename", "aliases", "merge", "delete", "add"])
            a, b = rng.sample(range(8), 2)
            at = f"2026-01-01T00:00:{rng.randint(0, 59):02d}.000Z"
            if op == "rename":
                e = Event(f"{by}-{n}", at, by, "set", f"e{a}", {"name": f"N{n}"})
            elif op == "aliases":
                e = Event(f"{by}-{n}", at, by, "set", f"e{a}", added={"aliases": [f"A{n}"]})
            elif op == "merge":
                e = Event(f"{by}-{n}", at, by, "merge", f"e{a}", into=f"e{b}")
            elif op == "delete":
                e = Event(f"{by}-{n}", at, by, "delete", f"e{a}")
            else:
                e = Event(f"{by}-{n}", at, by, "add", f"e{a}", {"name": f"S{b}"})
            events.append(e)
        first = fold(events)
        for _ in range(5):
            rng.shuffle(events)
            again = fold(events)
            assert again.items == first.items and again.merged == first.merged
        for gone, into in first.merged.items():
            assert into in first.items or into in first.deleted

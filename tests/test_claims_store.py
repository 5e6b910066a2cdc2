"""The claim registry in the store: migration 008 on an existing project, every registry change one transaction
with its history row, bad values refused without changing anything, export and import of canonical claims."""

import sqlite3

import orjson
import pytest

from app.core.changes import AddClaim, Batch, RemoveClaim, UpdateClaim, UpdateSpan
from app.core.claims import registry
from app.core.errors import ConflictError, QawlError
from app.core.jsonl import Record, export_record, make_document, parse_record
from app.core.model import CanonicalClaim, Span
from app.core.schema import DEFAULT_SCHEMA
from app.store import Store
from app.store.migrations import MIGRATIONS

TEXT = "وقال وزير الصحة إن عدد المصابين بلغ 500 شخص في الرياض. وأكدت الوزارة أن المستشفيات تعمل بكامل طاقتها."


def sp(label, sub, id, **kw):
    start = TEXT.index(sub)
    return Span.of(TEXT, label, start, start + len(sub), id=id, **kw)


@pytest.fixture
def store():
    s = Store.open(":memory:")
    s.import_records([Record(make_document(TEXT, id="d1", meta={"title": "t", "url": "https://news.example/a"})),
                      Record(make_document(TEXT + " ثم", id="d2"))])
    return s


def counts(store):
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("canonical_claims", "spans", "changes")}


def test_a_project_made_before_the_claim_registry_is_upgraded_and_keeps_its_values(tmp_path):
    path = tmp_path / "old.db"
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    old = Migrations("qawl")
    for name, fn in MIGRATIONS:
        if name < "005":
            old(name=name)(fn)
    db = Database(path)
    old.apply(db)
    # The schema as v1 stored it: CLAIM without attributes.
    v1 = DEFAULT_SCHEMA.to_dict()
    next(label for label in v1["span_labels"] if label["name"] == "CLAIM")["attrs"] = []
    db.execute("UPDATE qawl_meta SET value = ? WHERE key = 'label_schema'", [orjson.dumps(v1).decode()])
    db.execute("INSERT INTO documents (id, title, text, text_sha256, chars, direction, imported) VALUES "
               "('d1', '', ?, ?, ?, 'rtl', 'now')", [TEXT, make_document(TEXT).text_sha256, len(TEXT)])
    db.execute("INSERT INTO annotators VALUES ('ali', 'now')")
    db.execute("INSERT INTO layers VALUES ('d1', 'ali', 'todo', 'now')")
    start = TEXT.index("عدد")
    for i, attrs in enumerate(({"verdict": "Pants on fire"}, {"factcheck": "see my notes"}, {"checkworthy": "yes"})):
        db.execute("INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs) VALUES "
                   "('d1', 'ali', ?, 'CLAIM', ?, ?, ?, ?)", [f"c{i}", start, start + 3, TEXT[start:start + 3],
                                                            orjson.dumps(attrs).decode()])
    db.conn.commit()
    db.conn.close()
    with Store.open(path) as s:
        assert "008_claims" in s.applied_migrations()
        claim = s.schema.label("CLAIM")
        assert claim.attr("verdict").choices[-1] == "Pants on fire"  # an existing value stays valid
        assert claim.attr("factcheck") is None  # existing values the URL rule would refuse: left undeclared
        assert claim.attr("checkworthy") is not None and claim.attr("note") is not None
        span = s.layer("d1", "ali").spans["c0"]
        s.apply(UpdateSpan("d1", "ali", span, Span(**{**span.__dict__, "attrs": {"verdict": "false"}})))
        assert s.claims() == {}


def test_registry_changes_are_transactions_with_history_and_refuse_bad_values(store):
    claim = CanonicalClaim("k1", "عدد المصابين 500", "false", "https://fatabyyano.net/a")
    store.apply(AddClaim(claim), actor="ali")
    assert store.claims() == {"k1": claim}
    assert store.history()[-1].kind == "add_claim"
    before = counts(store)
    with pytest.raises(QawlError) as exc:
        store.apply(UpdateClaim(claim, CanonicalClaim("k1", "x", "pants on fire")))
    assert exc.value.field == "verdict"
    with pytest.raises(QawlError) as exc:
        store.apply(UpdateClaim(claim, CanonicalClaim("k1", "x", "false", "fatabyyano.net/a")))
    assert exc.value.field == "factcheck"
    with pytest.raises(QawlError):
        store.apply(AddClaim(CanonicalClaim("k2", "y", "nonsense")))
    assert counts(store) == before and store.claim("k1") == claim


def test_a_span_can_only_link_to_a_registered_claim_and_a_linked_claim_cannot_be_removed(store):
    span = sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1", attrs={"claim": "nowhere"})
    from app.core.changes import AddSpan

    with pytest.raises(QawlError) as exc:
        store.apply(AddSpan("d1", "ali", span))
    assert "claim registry" in str(exc.value)
    claim = CanonicalClaim("k1", "500 مصاب")
    store.apply(Batch((AddClaim(claim), AddSpan("d1", "ali", Span(**{**span.__dict__, "attrs": {"claim": "k1"}})))))
    assert store.claim_mention_counts() == {"k1": 1}
    assert [(d, a, s.id) for d, a, s in store.claim_mentions("k1")] == [("d1", "ali", "c1")]
    with pytest.raises(ConflictError, match="still linked"):
        store.apply(RemoveClaim(claim))
    assert store.claim("k1") == claim


def test_a_bad_verdict_set_on_a_span_changes_nothing(store):
    from app.core.changes import AddSpan

    span = sp("CLAIM", "المستشفيات تعمل", "c1")
    store.apply(AddSpan("d1", "ali", span))
    before = counts(store)
    for attrs in ({"verdict": "maybe"}, {"factcheck": "not a url"}, {"checkworthy": "perhaps"}):
        with pytest.raises(QawlError):
            store.apply(UpdateSpan("d1", "ali", span, Span(**{**span.__dict__, "attrs": attrs})))
    assert counts(store) == before and store.layer("d1", "ali").spans["c1"].attrs == {}


def _linked_project(store):
    from app.core.changes import AddSpan

    span = sp("CLAIM", "عدد المصابين بلغ 500 شخص", "c1", attrs={"verdict": "false", "checkworthy": "yes"})
    store.apply(AddSpan("d1", "ali", span))
    batch, claim = registry.new_claim(store.layer("d1", "ali"), "c1", "ali")
    store.apply(batch)
    return claim


def test_exports_carry_the_canonical_claims_a_layer_links_to_and_both_paths_agree(store):
    claim = _linked_project(store)
    rows = list(store.export_records(annotator="ali", doc_ids=["d1"]))
    line = orjson.loads(orjson.dumps(rows[0]))
    expected = export_record(store.document("d1"), store.layer("d1", "ali"), store.entities(), "quotes-claims",
                             store.claims())
    assert line == orjson.loads(orjson.dumps(expected))
    assert line["claims"] == [{"id": claim.id, "text": claim.text, "verdict": "false", "factcheck": None,
                               "note": "", "source": claim.source}]
    unlinked = orjson.loads(orjson.dumps(next(store.export_records(annotator="ali", doc_ids=["d2"]))))
    assert unlinked["claims"] == []


def test_an_export_imports_back_with_its_claims_and_matches_a_registry_claim_by_wording(store):
    claim = _linked_project(store)
    line = orjson.loads(orjson.dumps(next(store.export_records(annotator="ali", doc_ids=["d1"]))))
    other = Store.open(":memory:")
    summary = other.import_records([parse_record(line)])
    assert summary.claims_added == 1 and other.claims() == {claim.id: claim}
    assert other.layer("d1", "ali").spans["c1"].attrs["claim"] == claim.id
    # A teammate's file naming the same claim under another id lands on our claim (same wording).
    third = Store.open(":memory:")
    third.import_records([Record(make_document(TEXT, id="d1"))])
    third.apply(AddClaim(CanonicalClaim("ours", "عدد  المصابين بلغ 500 شخص")))
    line2 = {**line, "claims": [{**line["claims"][0], "id": "theirs"}],
             "spans": [{**line["spans"][0], "attrs": {**line["spans"][0]["attrs"], "claim": "theirs"}}]}
    summary = third.import_records([parse_record(line2)])
    assert summary.claims_added == 0 and set(third.claims()) == {"ours"}
    assert third.layer("d1", "ali").spans["c1"].attrs["claim"] == "ours"


@pytest.mark.parametrize("change, field", [
    (lambda l: {**l, "claims": [{**l["claims"][0], "verdict": "pants on fire"}]}, "claims[0].verdict"),
    (lambda l: {**l, "claims": [{**l["claims"][0], "factcheck": "www.example.org"}]}, "claims[0].factcheck"),
    (lambda l: {**l, "spans": [{**l["spans"][0], "attrs": {**l["spans"][0]["attrs"], "verdict": "maybe"}}]},
     "attrs.verdict"),
    (lambda l: {**l, "claims": []}, "attrs.claim"),
])
def test_an_import_with_a_bad_claim_names_the_field_and_imports_nothing(store, change, field):
    _linked_project(store)
    line = orjson.loads(orjson.dumps(next(store.export_records(annotator="ali", doc_ids=["d1"]))))
    other = Store.open(":memory:")
    with pytest.raises(QawlError) as exc:
        other.import_records([parse_record(change(line), source="teammate.jsonl")])
    assert field in str(exc.value)
    assert other.count_documents() == 0 and other.claims() == {}

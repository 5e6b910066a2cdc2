"""The claim exports end to end (``qawl export --format claims | claimreview``), checked against schema.org's
definitions; ``qawl stats`` counts of claims; ``qawl claims``; bad claim input refused, naming the field."""

import csv
import hashlib
import os
from pathlib import Path

import orjson
import pytest

from app.cli import main
from app.core.changes import AddClaim, AddSpan, Batch
from app.core.claims import registry
from app.core.claims.export import claim_reviews
from app.core.jsonl import Record, make_document
from app.core.model import CanonicalClaim, Relation, Span
from app.store import Store

A = ("وقال وزير الصحة إن عدد المصابين بلغ 500 شخص في الرياض يوم 18 كانون الثاني. "
     "وأكدت الوزارة أن المستشفيات تعمل بكامل طاقتها. وارتفعت الأسعار 3%.")
B = "وكرر المتحدث أن عدد المصابين وصل إلى 500 شخص في الرياض، بحسب الصحيفة."


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def sp(text, label, sub, id, **kw):
    start = text.index(sub)
    return Span.of(text, label, start, start + len(sub), id=id, **kw)


@pytest.fixture
def project(tmp_path):
    """Two articles by one annotator: a claim inside a quote (claimant from the quote), a claim with its own
    CLAIMED_BY and a DATED date, the article's own claim; one canonical claim mentioned in both articles."""
    db = tmp_path / "p.db"
    with Store.open(db) as s:
        s.import_records([
            Record(make_document(A, id="a", meta={"title": "عنوان أ", "url": "https://news.example/a",
                                                 "date": "2015-07-21", "outlet_name": "Al-Madina"})),
            Record(make_document(B, id="b", meta={"title": "عنوان ب", "url": "https://news.example/b",
                                                 "date": "2015-07-25"})),
            Record(make_document("نص بلا ادعاءات.", id="c"))])
        quote = sp(A, "QUOTE", "إن عدد المصابين بلغ 500 شخص في الرياض", "q1", attrs={"type": "indirect"})
        minister = sp(A, "SPEAKER", "وزير الصحة", "s1", attrs={"entity": "e1"})
        ministry = sp(A, "SPEAKER", "الوزارة", "s2", attrs={"entity": "e2"})
        date = sp(A, "DATE", "18 كانون الثاني", "d1", attrs={"value": "2015-01-18"})
        c1 = sp(A, "CLAIM", "عدد المصابين بلغ 500 شخص في الرياض", "c1",
                attrs={"checkworthy": "yes", "verdict": "false", "factcheck": "https://fatabyyano.net/x"})
        c2 = sp(A, "CLAIM", "المستشفيات تعمل بكامل طاقتها", "c2", attrs={"checkworthy": "unsure",
                                                                       "verdict": "misleading"})
        c3 = sp(A, "CLAIM", "وارتفعت الأسعار 3%", "c3", attrs={"checkworthy": "no", "verdict": "not checked"})
        from app.core.changes import AddEntity
        from app.core.model import Entity

        s.apply(Batch((AddEntity(Entity("e1", "Saudi Minister of Health")), AddEntity(Entity("e2", "وزارة الصحة")),
                       *(AddSpan("a", "ali", x) for x in (quote, minister, ministry, date, c1, c2, c3)))))
        from app.core.changes import AddRelation

        s.apply(Batch((AddRelation("a", "ali", Relation("r1", "SAID_BY", "q1", "s1")),
                       AddRelation("a", "ali", Relation("r2", "CLAIMED_BY", "c2", "s2")),
                       AddRelation("a", "ali", Relation("r3", "DATED", "c1", "d1")))))
        batch, claim = registry.new_claim(s.layer("a", "ali"), "c1", "ali")
        s.apply(batch)
        b1 = sp(B, "CLAIM", "عدد المصابين وصل إلى 500 شخص في الرياض", "c9", attrs={"checkworthy": "yes"})
        s.apply(AddSpan("b", "ali", b1))
        s.apply(registry.link(s.layer("b", "ali"), "c9", s.claim(claim.id), "ali"))
        # A suggestion is nobody's work: never exported as a claim.
        s.put_suggestions("c", __import__("app.core.model", fromlist=["Layer"]).Layer(
            "c", "suggestions", spans=[Span.of("نص بلا ادعاءات.", "CLAIM", 0, 3, id="x1", origin="suggested")]))
    return db, claim.id


def test_the_claims_export_has_one_line_per_claim_with_claimant_date_verdict_and_canonical_claim(project,
                                                                                                  tmp_path, capsys):
    db, claim_id = project
    out = tmp_path / "claims.jsonl"
    code, said, err = run(capsys, "export", "--db", db, "--format", "claims", "-o", out)
    assert code == 0, err
    assert "Wrote 4 claims" in said
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    by_id = {r["claim_id"]: r for r in rows}
    assert set(by_id) == {"c1", "c2", "c3", "c9"}
    texts = {"a": A, "b": B}
    for row in rows:
        assert row["schema"] == "qawl-claims/1" and row["annotator"] == "ali"
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["claim"]
    c1 = by_id["c1"]
    assert (c1["claimant"], c1["claimant_mention"], c1["claimant_from"], c1["quote_id"]) == \
        ("Saudi Minister of Health", "وزير الصحة", "quote", "q1")
    assert A[c1["claimant_start"]:c1["claimant_end"]] == "وزير الصحة"
    assert (c1["date"], c1["date_value"], c1["checkworthy"], c1["verdict"], c1["factcheck"]) == \
        ("18 كانون الثاني", "2015-01-18", "yes", "false", "https://fatabyyano.net/x")
    assert c1["canonical_claim_id"] == claim_id and c1["canonical_verdict"] == "false"
    assert (by_id["c2"]["claimant"], by_id["c2"]["claimant_from"]) == ("وزارة الصحة", "claim")
    assert by_id["c3"]["claimant"] is None and by_id["c3"]["claimant_from"] is None
    assert by_id["c9"]["verdict"] == "false"  # linking set it from the canonical claim
    assert by_id["c9"]["article_url"] == "https://news.example/b"
    # Exporting again replaces our own file; a file that is not ours is never overwritten.
    assert run(capsys, "export", "--db", db, "--format", "claims", "-o", out)[0] == 0
    foreign = tmp_path / "mine.jsonl"
    foreign.write_text('{"my": "data"}\n')
    code, _out, err = run(capsys, "export", "--db", db, "--format", "claims", "-o", foreign)
    assert code == 1 and "not a Qawl export" in err and foreign.read_text() == '{"my": "data"}\n'


# schema.org's definitions of the terms the ClaimReview export uses, as published in the schema.org vocabulary
# release 30.0 (schemaorg-current-https-types.csv / -properties.csv: subTypeOf, domainIncludes, rangeIncludes).
# test_the_table_is_schema_orgs checks this table against those files when $QAWL_SCHEMAORG points at them.
TYPES = {"Thing": None, "CreativeWork": "Thing", "Review": "CreativeWork", "ClaimReview": "Review",
         "Claim": "CreativeWork", "Intangible": "Thing", "Rating": "Intangible", "Person": "Thing",
         "Organization": "Thing"}
PROPERTIES = {
    "claimReviewed": (("ClaimReview",), ("Text",)),
    "itemReviewed": (("AggregateRating", "Review"), ("Thing",)),
    "reviewRating": (("Review",), ("Rating",)),
    "url": (("Thing",), ("URL",)),
    "author": (("CreativeWork", "Rating"), ("Organization", "Person")),
    "datePublished": (("Certification", "CreativeWork"), ("Date", "DateTime")),
    "appearance": (("Claim",), ("CreativeWork",)),
    "alternateName": (("Thing",), ("Text",)),
    "name": (("Thing",), ("Text",)),
    "headline": (("CreativeWork",), ("Text",)),
}


def _ancestors(t):
    while t:
        yield t
        t = TYPES[t]


def _literal_ok(value, ranges):
    if not isinstance(value, str) or not value:
        return False
    if "URL" in ranges:
        return value.startswith(("http://", "https://"))
    if "Date" in ranges:
        import re

        return bool(re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", value))
    return "Text" in ranges


def check_node(node, where="$"):
    """A node object is valid when its type is a schema.org class, each property's domain includes the type (or
    an ancestor) and each value is in the property's range: a typed node of a subclass of a range class, or a
    literal of the right kind. An untyped node is read as any class of the range: its properties must then be
    valid on every class of the range."""
    types = [node["@type"]] if "@type" in node else None
    if types:
        assert types[0] in TYPES, f"{where}: unknown type {types[0]}"
    for key, value in node.items():
        if key in ("@context", "@type"):
            continue
        assert key in PROPERTIES, f"{where}: {key} is not a property this test knows"
        domain, ranges = PROPERTIES[key]
        if types:
            assert set(_ancestors(types[0])) & set(domain), f"{where}: {key} is not a property of {types[0]}"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if "@type" in item:
                    assert set(_ancestors(item["@type"])) & set(ranges), f"{where}.{key}: {item['@type']} ∉ {ranges}"
                    check_node(item, f"{where}.{key}")
                else:
                    for cls in ranges:
                        check_node({**item, "@type": cls}, f"{where}.{key}")
            else:
                assert _literal_ok(item, ranges), f"{where}.{key}: {item!r} is not a {ranges}"


def test_the_claimreview_export_is_schema_org_claimreview_json_ld(project, tmp_path, capsys):
    db, claim_id = project
    out = tmp_path / "reviews.jsonld"
    code, said, err = run(capsys, "export", "--db", db, "--format", "claimreview", "-o", out)
    assert code == 0, err
    reviews = orjson.loads(out.read_bytes())
    assert "Wrote 2 claim reviews" in said
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        check_node(review)
    linked, own = sorted(reviews, key=lambda r: r["reviewRating"]["alternateName"])
    # One review for the canonical claim mentioned in two articles.
    assert linked["claimReviewed"] == "عدد المصابين بلغ 500 شخص في الرياض"
    assert linked["url"] == "https://fatabyyano.net/x"
    assert linked["reviewRating"] == {"@type": "Rating", "alternateName": "false"}
    item = linked["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"name": "Saudi Minister of Health"}
    assert item["datePublished"] == "2015-01-18"  # when it was said (DATED), not the article date
    assert [a["url"] for a in item["appearance"]] == ["https://news.example/a", "https://news.example/b"]
    assert item["appearance"][0] == {"@type": "CreativeWork", "url": "https://news.example/a",
                                     "headline": "عنوان أ", "datePublished": "2015-07-21"}
    # The ministry's claim: its own claimant, the article's date, no fact-check URL (said in a note).
    assert own["reviewRating"]["alternateName"] == "misleading" and "url" not in own
    assert own["itemReviewed"]["author"] == {"name": "وزارة الصحة"}
    assert own["itemReviewed"]["datePublished"] == "2015-07-21"
    assert "no fact-check URL" in said
    # "not checked" is not a review: the third claim is not published.
    assert all("الأسعار" not in r["claimReviewed"] for r in reviews)


def test_reviews_of_the_articles_own_claims_name_the_outlet_and_disagreeing_mentions_are_not_published():
    base = {"doc_id": "a", "annotator": "ali", "start": 0, "end": 5, "claim": "x", "claimant": None,
            "outlet": "Al-Madina", "article_date": "2015-07-21", "article_url": None, "article_title": "t",
            "date_value": None, "factcheck": None, "canonical_claim_id": None}
    reviews, notes = claim_reviews([{**base, "verdict": "true"}])
    assert reviews[0]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Al-Madina"}
    check_node(reviews[0])
    linked = {**base, "canonical_claim_id": "k1", "canonical_claim": "x", "canonical_verdict": None,
              "canonical_factcheck": None}
    reviews, notes = claim_reviews([{**linked, "verdict": "true"}, {**linked, "doc_id": "b", "verdict": "false"}])
    assert reviews == [] and "different verdicts" in notes[0]


def test_the_table_is_schema_orgs():
    folder = os.environ.get("QAWL_SCHEMAORG")
    if not folder:
        pytest.skip("set QAWL_SCHEMAORG to a folder with schema.org's release CSVs to check the table")
    folder = Path(folder)
    types = {r["label"]: r for r in csv.DictReader(open(next(folder.glob("*types.csv")), encoding="utf-8"))}
    props = {r["label"]: r for r in csv.DictReader(open(next(folder.glob("*properties.csv")), encoding="utf-8"))}
    short = lambda v: tuple(sorted(x.strip().rsplit("/", 1)[-1] for x in v.split(",") if x.strip()))
    for name, parent in TYPES.items():
        assert (short(types[name]["subTypeOf"]) or (None,))[0] == parent, name
    for name, (domain, ranges) in PROPERTIES.items():
        assert short(props[name]["domainIncludes"]) == tuple(sorted(domain)), name
        assert short(props[name]["rangeIncludes"]) == tuple(sorted(ranges)), name


def test_stats_count_claims_by_verdict_and_checkworthiness(project, capsys):
    db, _ = project
    code, out, _err = run(capsys, "stats", "--db", db, "--json")
    claims = orjson.loads(out)["claims"]
    assert claims["claims"] == 4 and claims["claims_linked"] == 2
    assert claims["claims_by_verdict"] == {"false": 2, "misleading": 1, "not checked": 1}
    assert claims["claims_by_checkworthy"] == {"yes": 2, "no": 1, "unsure": 1}
    assert claims["canonical_claims"] == 1 and claims["canonical_claims_by_verdict"] == {"false": 1}
    assert claims["claims_reviewed"] == 3
    code, out, _err = run(capsys, "stats", "--db", db)
    assert "Claims per verdict (4 claims, 2 linked to the registry)" in out and "misleading" in out


def _fingerprint(db):
    with Store.open(db) as s:
        return hashlib.sha256(orjson.dumps([list(s.export_records(include_suggestions=True)),
                                            s.schema.to_dict(), s.stats()["changes"]])).hexdigest()


def test_the_verdict_list_can_be_changed_but_not_under_a_claim_that_uses_it(project, capsys):
    db, _ = project
    before = _fingerprint(db)
    code, _out, err = run(capsys, "claims", "verdicts", "--db", db, "--set", "true", "false")
    assert code == 1 and "verdicts:" in err and "misleading" in err and "not checked" in err
    assert _fingerprint(db) == before
    code, out, _ = run(capsys, "claims", "verdicts", "--db", db, "--set", "true", "mostly true", "misleading",
                       "false", "not checked", "satire")
    assert code == 0 and "satire" in out
    assert run(capsys, "claims", "verdicts", "--db", db)[1].strip().endswith("satire")
    code, out, _ = run(capsys, "claims", "list", "--db", db, "--json")
    listed = [orjson.loads(line) for line in out.splitlines()]
    assert listed[0]["mentions"] == 2 and listed[0]["verdict"] == "false"


@pytest.mark.parametrize("attrs, field", [({"verdict": "pants on fire"}, "attrs.verdict"),
                                          ({"factcheck": "fatabyyano.net/x"}, "attrs.factcheck"),
                                          ({"checkworthy": "perhaps"}, "attrs.checkworthy")])
def test_an_import_with_a_bad_claim_value_names_the_line_and_field_and_changes_nothing(project, tmp_path, capsys,
                                                                                       attrs, field):
    db, _ = project
    before = _fingerprint(db)
    bad = tmp_path / "bad.jsonl"
    line = {"text": "الوزير قال إن الأسعار ارتفعت.", "annotator": "sara",
            "spans": [{"label": "CLAIM", "start": 11, "end": 28, "attrs": attrs}]}
    bad.write_bytes(b'{"text": "ok"}\n' + orjson.dumps(line) + b"\n")
    code, _out, err = run(capsys, "import", "--db", db, bad)
    assert code == 1
    assert f"bad.jsonl:2: spans[T1].{field}:" in err
    assert _fingerprint(db) == before

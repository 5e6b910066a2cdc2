"""Per-label guidelines in the label schema (#13 part 2): the defaults in English and Arabic, kept in the stored
schema (no migration), old projects given the defaults, edits in one transaction, bad input refused by field,
exported with the schema (team schema.json, dataset card, Label Studio config), and ``qawl guidelines``."""

from __future__ import annotations

import sqlite3

import orjson
import pytest

from app.cli import main
from app.core.errors import QawlError
from app.core.guidelines import Guideline, Guidelines, schema_targets
from app.core.schema import DEFAULT_SCHEMA, LabelSchema
from app.operations import guidelines as ops
from app.store import Store


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_default_schema_has_guidelines_for_every_label_and_value_in_english_and_arabic():
    g = DEFAULT_SCHEMA.guidelines
    for key in ("QUOTE", "SPEAKER", "CUE", "DATE", "CLAIM", "QUOTE.type=direct", "QUOTE.type=indirect",
                "QUOTE.type=mixed", "CLAIM.checkworthy=yes", "CLAIM.checkworthy=no", "CLAIM.checkworthy=unsure"):
        for lang in ("en", "ar"):
            assert g.get(key, lang) and g.get(key, lang).meaning, (key, lang)
    for label in DEFAULT_SCHEMA.label_names:  # a label's guideline: meaning, rules both ways, an example
        for lang in ("en", "ar"):
            one = g.get(label, lang)
            assert one.include and one.exclude and "[" in one.example, (label, lang)
        assert len(g.get(label, "en").include) == len(g.get(label, "ar").include)  # the two say the same
    assert any("ال" in r for r in g.get("QUOTE", "ar").include)  # Arabic is Arabic
    g.check(DEFAULT_SCHEMA)


def test_guidelines_travel_inside_the_schema_dict_and_come_back_equal():
    data = DEFAULT_SCHEMA.to_dict()
    assert data["guidelines"]["QUOTE"]["ar"]["meaning"].startswith("الاقتباس")
    again = LabelSchema.from_dict(orjson.loads(orjson.dumps(data)))
    assert again == DEFAULT_SCHEMA and again.guidelines == DEFAULT_SCHEMA.guidelines


def test_a_schema_stored_before_guidelines_gets_the_defaults_and_one_with_its_own_keeps_them():
    old = {k: v for k, v in DEFAULT_SCHEMA.to_dict().items() if k != "guidelines"}
    assert LabelSchema.from_dict(old).guidelines == DEFAULT_SCHEMA.guidelines
    # A schema of other labels gets defaults only for the labels it shares with ours.
    other = {"name": "x", "span_labels": [{"name": "QUOTE"}, {"name": "PERSON"}]}
    assert LabelSchema.from_dict(other).guidelines.targets() == ["QUOTE"]
    assert not LabelSchema.from_dict({**old, "guidelines": {}}).guidelines  # none on purpose stays none


def test_an_old_project_opens_with_the_default_guidelines_without_a_migration(tmp_path):
    db = tmp_path / "old.db"
    Store.open(db).close()
    old = {k: v for k, v in DEFAULT_SCHEMA.to_dict().items() if k != "guidelines"}
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE qawl_meta SET value = ? WHERE key = 'label_schema'", [orjson.dumps(old).decode()])
        migrations = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] \
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchone() else None
    with Store.open(db) as store:
        assert store.schema.guidelines == DEFAULT_SCHEMA.guidelines
        # ... and an edit stores the whole schema, guidelines included, from then on.
        ops.set_guideline(store, "CUE", {"en": Guideline("The verb.")})
    with Store.open(db) as store:
        assert store.schema.guidelines.get("CUE", "en").meaning == "The verb."
        assert store.schema.guidelines.get("CUE", "ar") == DEFAULT_SCHEMA.guidelines.get("CUE", "ar")
    if migrations is not None:
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == migrations


@pytest.mark.parametrize("data, field", [
    ({"QUOTE": {"en": {"meaning": 3}}}, "guidelines.QUOTE.en.meaning"),
    ({"QUOTE": {"en": {"include": "one rule"}}}, "guidelines.QUOTE.en.include"),
    ({"QUOTE": {"en": {"include": ["ok", 4]}}}, "guidelines.QUOTE.en.include[1]"),
    ({"QUOTE": {"en": {"meaning": "x", "colour": "red"}}}, "guidelines.QUOTE.en"),
    ({"QUOTE": {"english": {"meaning": "x"}}}, "guidelines.QUOTE"),
    ({"QUOTE": ["x"]}, "guidelines.QUOTE"),
    ({"QUOTE": {"en": {"meaning": "x" * 5000}}}, "guidelines.QUOTE.en.meaning"),
])
def test_bad_guidelines_are_refused_naming_the_field(data, field):
    with pytest.raises(QawlError) as err:
        Guidelines.from_dict(data)
    assert err.value.field == field


def test_a_guideline_for_a_label_or_value_the_schema_lacks_is_refused_and_changes_nothing(make_store):
    store = make_store()
    before = store.meta("label_schema")
    for key, words in (("PERSON", "not a label"), ("QUOTE.type=reported", "not a value"),
                       ("QUOTE.tone=x", "no attribute")):
        with pytest.raises(QawlError) as err:
            ops.set_guideline(store, key, {"en": Guideline("x")})
        assert words in str(err.value) and key in str(err.value)
    assert store.meta("label_schema") == before


def test_an_edit_is_one_transaction_on_the_stored_schema_and_keeps_what_another_process_changed(make_store, tmp_path):
    store = make_store()
    assert store.schema.label("CLAIM")  # read (and cached) before another process changes it
    other = Store.open(store.path)
    from app.operations.claims import set_verdicts

    set_verdicts(other, ["true", "false", "satire"])  # another process, after this one read its schema
    assert store.schema.label("CLAIM").attr("verdict").choices != ("true", "false", "satire")  # cached, stale
    new = ops.set_guideline(store, "QUOTE", {"en": Guideline("Speech.", ("a",), ("b",), "[x]"), "ar": Guideline()})
    other.close()
    assert new.label("CLAIM").attr("verdict").choices == ("true", "false", "satire")  # not overwritten
    stored = LabelSchema.from_dict(orjson.loads(store.meta("label_schema")))
    assert stored.guidelines.get("QUOTE", "en") == Guideline("Speech.", ("a",), ("b",), "[x]")
    assert stored.guidelines.get("QUOTE", "ar") is None  # an empty guideline removes that language's
    assert stored.version == new.version == DEFAULT_SCHEMA.version + 2
    assert stored.guidelines.targets()[0] == "QUOTE"  # the schema's order is kept
    ops.reset_guidelines(store, "QUOTE")
    assert store.schema.guidelines == DEFAULT_SCHEMA.guidelines


def test_guidelines_are_exported_with_the_schema(make_store, tmp_path):
    from app.core.formats.labelstudio_write import label_config
    from app.core.team.files import schema_bytes
    from app.operations.dataset import _guidelines_md

    store = make_store()
    ops.set_guideline(store, "DATE", {"en": Guideline("When it was said.", example="[أمس]"),
                                      "ar": Guideline("متى قيل.")})
    schema = store.schema
    team = orjson.loads(schema_bytes(schema))  # a team's schema.json: the lead's guidelines go to every member
    assert team["guidelines"]["DATE"]["ar"]["meaning"] == "متى قيل."
    assert LabelSchema.from_dict(team) == schema
    card = "\n".join(_guidelines_md(schema))
    assert "**DATE** — When it was said." in card and "**DATE** — متى قيل." in card and "Example: [أمس]" in card
    config = label_config(["QUOTE", "DATE"], ["SAID_BY"], schema=schema)
    assert 'value="DATE" hint="When it was said."' in config
    assert 'hint="Reported speech' in config


def test_qawl_guidelines_prints_replaces_and_resets(make_store, tmp_path, capsys):
    store = make_store({"d1": "قال الوزير إن الأمر مهم."})
    db = store.path
    store.close()
    code, out, _ = run(capsys, "guidelines", "--db", db)
    assert code == 0 and out.startswith("QUOTE\n  Reported speech") and "QUOTE.type=mixed" in out
    code, out, _ = run(capsys, "guidelines", "--db", db, "--lang", "ar")
    assert code == 0 and "الاقتباس" in out and "يشمل:" in out
    code, out, _ = run(capsys, "guidelines", "--db", db, "--json")
    data = orjson.loads(out)
    assert data == DEFAULT_SCHEMA.guidelines.to_dict()
    data["CUE"]["en"]["meaning"] = "Changed."
    good = tmp_path / "good.json"
    good.write_bytes(orjson.dumps(data))
    code, out, _ = run(capsys, "guidelines", "--db", db, "--set", good)
    assert code == 0 and "Guidelines set" in out
    with Store.open(db) as s:
        assert s.schema.guidelines.get("CUE", "en").meaning == "Changed."
        before = s.meta("label_schema")
    bad = tmp_path / "bad.json"
    bad.write_bytes(orjson.dumps({**data, "PERSON": {"en": {"meaning": "x"}}}))
    code, _, err = run(capsys, "guidelines", "--db", db, "--set", bad)
    assert code == 1 and f"qawl: {bad}: guidelines.PERSON: 'PERSON' is not a label" in err
    bad.write_text("{not json", "utf-8")
    code, _, err = run(capsys, "guidelines", "--db", db, "--set", bad)
    assert code == 1 and f"qawl: {bad}: not JSON" in err and "Traceback" not in err
    with Store.open(db) as s:
        assert s.meta("label_schema") == before  # nothing changed
    schema_file = tmp_path / "schema.json"  # a whole schema (a team's schema.json) is read for its guidelines
    schema_file.write_bytes(orjson.dumps(DEFAULT_SCHEMA.to_dict()))
    assert run(capsys, "guidelines", "--db", db, "--set", schema_file)[0] == 0
    code, out, _ = run(capsys, "guidelines", "--db", db, "--reset")
    assert code == 0 and "Default guidelines restored" in out
    with Store.open(db) as s:
        assert s.schema.guidelines == DEFAULT_SCHEMA.guidelines


def test_schema_targets_cover_labels_and_choice_values():
    targets = schema_targets(DEFAULT_SCHEMA)
    assert targets[:4] == ["QUOTE", "QUOTE.type=direct", "QUOTE.type=indirect", "QUOTE.type=mixed"]
    assert "CLAIM.verdict=false" in targets and "DATE" in targets

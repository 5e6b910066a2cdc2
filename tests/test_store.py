import hashlib
import sqlite3

import pytest
from sqlite_utils import Database

from app.core.errors import NotOurDatabase, QawlError, StorageError
from app.core.jsonl import parse_record
from app.store import KNOWN_MIGRATIONS, Store, migrations


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def doc_line(id, text, **kw):
    return {"id": id, "text": text, **kw}


def test_a_new_project_has_readable_tables_and_the_default_schema(tmp_path):
    path = tmp_path / "p.db"
    with Store.open(path) as s:
        assert s.schema.name == "quotes-claims"
        assert s.applied_migrations()[:4] == ["001_initial", "002_review", "003_suggested_entities",
                                            "004_drop_reviews"]
        assert s.applied_migrations() == list(KNOWN_MIGRATIONS)
    db = Database(path)
    assert {"documents", "layers", "spans", "relations", "entities", "changes", "annotators", "qawl_meta",
            "suggested_entities", "canonical_claims"} <= set(db.table_names())
    assert "reviews" not in db.table_names()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database")
    before = digest(path)
    with pytest.raises(NotOurDatabase, match="not a Qawl project"):
        Store.open(path)
    assert digest(path) == before


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotOurDatabase, match="another program.*invoices"):
        Store.open(path)
    assert digest(path) == before and not (tmp_path / "other.db-wal").exists()


def test_a_project_from_a_newer_qawl_is_refused_untouched(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('qawl', '099_future', 'x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotOurDatabase, match="newer Qawl"):
        Store.open(path)
    assert digest(path) == before


def test_migrates_a_project_made_with_the_first_schema(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations().apply(db, stop_before="002_review")
    db.execute("INSERT INTO documents (id, title, text, text_sha256, chars, direction, imported) VALUES "
               "('d1', 't', 'قال', ?, 3, 'rtl', 'now')", [hashlib.sha256("قال".encode()).hexdigest()])
    db.execute("INSERT INTO annotators VALUES ('ali', 'now')")
    db.execute("INSERT INTO layers VALUES ('d1', 'ali', 'done', 'now')")
    db.execute("INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs) VALUES "
               "('d1', 'ali', 's1', 'SPEAKER', 0, 3, 'قال', '{\"entity\": \"e1\"}')")
    db.conn.commit()
    db.close()
    with Store.open(path) as s:
        assert s.applied_migrations()[:4] == ["001_initial", "002_review", "003_suggested_entities",
                                            "004_drop_reviews"]
        assert s.applied_migrations() == list(KNOWN_MIGRATIONS)
        assert s.layer("d1", "ali").status == "done"
        assert s.mention_counts() == {"e1": 1}


def test_import_is_all_or_nothing_when_a_late_record_is_bad(store):
    good = [parse_record(doc_line(f"d{i}", f"نص رقم {i}")) for i in range(5)]
    bad = parse_record(doc_line("d9", "قال", annotator="ali", spans=[{"label": "PERSON", "start": 0, "end": 3}]))
    with pytest.raises(QawlError, match="unknown label"):
        store.import_records(good + [bad])
    assert store.count_documents() == 0 and store.history() == []


def test_import_is_all_or_nothing_when_writing_fails_midway(store, monkeypatch):
    records = [parse_record(doc_line(f"d{i}", f"نص رقم {i}", annotator="ali",
                                     spans=[{"label": "CUE", "start": 0, "end": 2}])) for i in range(5)]
    real = store.conn

    class Failing:
        """Let the documents in, then fail on the spans: the transaction must roll back."""

        def __getattr__(self, name):
            return getattr(real, name)

        def executemany(self, sql, rows):
            if "INSERT INTO spans" in sql:
                raise sqlite3.OperationalError("disk I/O error")
            return real.executemany(sql, rows)

    monkeypatch.setattr(store.file, "conn", Failing())
    with pytest.raises(StorageError, match="could not be read or written.*nothing was changed"):
        store.import_records(records)
    monkeypatch.undo()
    assert store.count_documents() == 0 and store.annotators() == []


def test_same_id_different_text_is_refused(store):
    store.import_records([parse_record(doc_line("d1", "النص الأول"))])
    with pytest.raises(QawlError, match="different text"):
        store.import_records([parse_record(doc_line("d1", "نص آخر"))])
    assert store.document("d1").text == "النص الأول"


def test_a_teammates_copy_is_matched_by_text_hash(store):
    store.import_records([parse_record(doc_line("ours", "قال الوزير"))])
    rec = parse_record(doc_line("theirs", "قال الوزير", annotator="sara",
                                spans=[{"label": "CUE", "start": 0, "end": 3}]))
    summary = store.import_records([rec])
    assert summary.remapped_ids == {"theirs": "ours"} and store.count_documents() == 1
    assert list(store.layer("ours", "sara").spans.values())[0].text == "قال"


def test_reimporting_the_same_layer_changes_nothing_but_a_different_one_needs_replace(store):
    line = doc_line("d1", "قال الوزير", annotator="ali", spans=[{"id": "c", "label": "CUE", "start": 0, "end": 3}])
    store.import_records([parse_record(line)])
    n = len(store.history())
    assert store.import_records([parse_record(line)]).layers_unchanged == 1
    assert len(store.history()) == n
    other = {**line, "spans": [{"id": "c", "label": "SPEAKER", "start": 4, "end": 10}]}
    with pytest.raises(QawlError, match="--replace"):
        store.import_records([parse_record(other)])
    store.import_records([parse_record(other)], replace_layers=True)
    assert store.layer("d1", "ali").spans["c"].label == "SPEAKER"


def test_speakers_are_matched_to_the_registry_by_name(store):
    text = "قال لافرينتيف"
    line = lambda who, eid: doc_line("d1", text, annotator=who, spans=[
        {"id": "s", "label": "SPEAKER", "start": 4, "end": 13, "attrs": {"entity": eid}}],
        entities=[{"id": eid, "name": "لافرينتيف", "aliases": []}])
    store.import_records([parse_record(line("ali", "e-ali"))])
    store.import_records([parse_record(line("sara", "e-sara"))])
    assert list(store.entities()) == ["e-ali"]
    assert store.layer("d1", "sara").spans["s"].entity == "e-ali"


def test_a_speaker_id_that_is_nowhere_is_an_error(store):
    line = doc_line("d1", "قال لافرينتيف", annotator="ali",
                    spans=[{"label": "SPEAKER", "start": 4, "end": 13, "attrs": {"entity": "ghost"}}])
    with pytest.raises(QawlError, match="ghost"):
        store.import_records([parse_record(line)])


def test_export_rows_equal_the_core_export_of_each_layer(store):
    from app.core.jsonl import export_record
    import orjson

    text = "أكد الوزير أن «الاتفاق سيوقع» غداً"
    q0 = text.index("الاتفاق")
    line = doc_line("d1", text, meta={"date": "2024-01-25"}, annotator="ali", status="done", spans=[
        {"id": "c", "label": "CUE", "start": 0, "end": 3},
        {"id": "s", "label": "SPEAKER", "start": 4, "end": 10, "attrs": {"entity": "e1"}},
        {"id": "q", "label": "QUOTE", "start": q0, "end": q0 + 13, "attrs": {"type": "direct"}}],
        relations=[{"id": "r1", "type": "SAID_BY", "head": "q", "tail": "s"},
                   {"id": "r2", "type": "CUE", "head": "q", "tail": "c"}],
        entities=[{"id": "e1", "name": "الوزير", "aliases": ["وزير الخارجية"]}])
    store.import_records([parse_record(line), parse_record(doc_line("d2", "نص آخر"))])
    rows = [orjson.loads(orjson.dumps(r)) for r in store.export_records()]
    expected = export_record(store.document("d1"), store.layer("d1", "ali"), store.entities(), "quotes-claims")
    assert rows[0] == orjson.loads(orjson.dumps(expected))
    assert rows[1]["annotator"] is None and rows[1]["spans"] == [] and rows[1]["status"] == "todo"
    assert [r["doc_id"] for r in store.export_records(include_unannotated=False)] == ["d1"]
    assert [r["annotator"] for r in store.export_records(annotator="sara")] == ["sara", "sara"]
    assert list(store.export_records(statuses=["in_progress"])) == []


def test_stats_count_per_label_annotator_and_status(store):
    store.import_records([parse_record(doc_line("d1", "قال الوزير", annotator="ali", status="done",
                                                spans=[{"label": "CUE", "start": 0, "end": 3}])),
                          parse_record(doc_line("d2", "نص"))])
    stats = store.stats()
    assert stats["documents"] == 2 and stats["spans_by_label"] == {"CUE": 1}
    assert stats["spans_by_annotator"] == {"ali": 1} and stats["layers_by_status"] == {"done": 1}
    assert stats["documents_not_started"] == 1


def test_skip_invalid_skips_bad_records_wholly_and_reports_why(store):
    store.import_records([parse_record(doc_line("d1", "قال الوزير"))])
    records = [
        parse_record(doc_line("d1", "نص مختلف", annotator="sara")),  # same id, different text: never merged
        parse_record(doc_line("d2", "قال السفير", annotator="sara", spans=[{"label": "PERSON", "start": 0, "end": 3}])),
        parse_record(doc_line("d3", "أكد المتحدث", annotator="sara", spans=[{"label": "CUE", "start": 0, "end": 3}])),
    ]
    summary = store.import_records(records, skip_invalid=True)
    assert len(summary.skipped) == 2
    assert "different text" in summary.skipped[0] and "unknown label 'PERSON'" in summary.skipped[1]
    assert sorted(store.document_ids()) == ["d1", "d3"]  # d2 skipped wholly: not even its document
    assert store.document("d1").text == "قال الوزير" and store.layer_annotators("d1") == []
    assert [s.text for s in store.layer("d3", "sara").spans.values()] == ["أكد"]


def test_opening_a_migrated_project_does_not_import_sqlite_utils(tmp_path):
    """sqlite-utils (and numpy, which it imports when present) cost ~100 ms of the window's start-up."""
    import subprocess
    import sys

    path = tmp_path / "p.db"
    Store.open(path).close()
    code = ("import sys; from app.store import Store; s = Store.open(sys.argv[1]); s.summaries(); "
            "s.set_meta('x', '1'); s.close(); print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

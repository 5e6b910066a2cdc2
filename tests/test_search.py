"""Finding things (#13 parts 1 and 8): Arabic-aware matching with exact offsets, the project's full-text index kept
in sync by the store, the document list filtered and sorted in SQL and read lazily."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.changes import AddSpan, SetStatus
from app.core.jsonl import Record, make_document
from app.core.model import Span
from app.core.text.search import (ARABIC, EXACT, FoldOptions, Folded, context, find_all, fold_for_index, fts_query,
                                   word_forms)

ARTICLE = "قالَ الرئيـسُ إنّ «الأمرَ» مهمٌّ، وأضاف للرئيس أحمد: إن الإتفاق سيُوقَّع في ٢٠١٥. Lavrentiev said."


# --- matching ------------------------------------------------------------------------------------------------------

def test_exact_matching_is_exact():
    assert find_all(ARTICLE, "الرئيس", EXACT) == []  # الرئيـسُ has a tatweel and a damma
    assert find_all(ARTICLE, "رئيس", EXACT) == [(ARTICLE.index("للرئيس") + 2, ARTICLE.index("للرئيس") + 6)]
    assert find_all(ARTICLE, "lavrentiev", EXACT) == []


def test_harakat_and_tatweel_are_ignored_on_request_and_the_match_keeps_the_letters_marks():
    hits = find_all(ARTICLE, "الرئيس", FoldOptions(marks=True, letters=False, case=False))
    assert [ARTICLE[a:b] for a, b in hits] == ["الرئيـسُ"]
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "رئيس", ARABIC)] == ["رئيـسُ", "رئيس"]
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "مهم", ARABIC)] == ["مهمٌّ"]


def test_letter_variants_and_digits_match_each_other_on_request():
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "احمد", ARABIC)] == ["أحمد"]
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "الاتفاق", ARABIC)] == ["الإتفاق"]
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "2015", ARABIC)] == ["٢٠١٥"]
    assert find_all(ARTICLE, "احمد", FoldOptions(marks=True, letters=False)) == []
    school = "مدرسة المدرسه"
    assert [school[a:b] for a, b in find_all(school, "مدرسه", ARABIC)] == ["مدرسة", "مدرسه"]
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "LAVRENTIEV", ARABIC)] == ["Lavrentiev"]


def test_a_query_with_harakat_finds_the_plain_word():
    assert [ARTICLE[a:b] for a, b in find_all(ARTICLE, "الرَّئيس", ARABIC)] == ["الرئيـسُ"]


_ARABIC_CHARS = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةء ") + ["\u064e", "\u0651", "\u0640",
                                                                             "\u0650", "\u200f", "\u064b"])


@given(st.text(_ARABIC_CHARS, min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 8))
def test_every_folded_match_maps_back_to_a_range_that_folds_to_the_query(text, start, length):
    folded = Folded(text, ARABIC)
    if not folded.text:
        return
    start = min(start, len(folded.text) - 1)
    needle = folded.text[start:start + length]
    if not needle.strip():
        return
    for a, b in find_all(text, needle, ARABIC):
        assert Folded(text[a:b], ARABIC).text == needle  # exactly the letters of the match, with their marks
        assert b == len(text) or text[b] not in "\u064e\u0651\u0650\u064b\u0640"  # never inside a letter's marks


def test_the_search_looks_for_each_word_with_its_proclitics():
    assert {"والرئيس", "بالرئيس", "للرئيس", "فللرئيس"} <= set(word_forms("الرئيس"))
    assert "رئيس" not in word_forms("الرئيس")
    assert {"رئيس", "الرئيس", "لرئيس", "للرئيس", "ورئيس"} <= set(word_forms("رئيس"))
    assert word_forms("lavrentiev") == ["lavrentiev"]
    assert fts_query("  ،  ") is None
    assert fts_query('a"b') == '("a"*) AND ("b"*)'


def test_context_is_one_line_around_the_match_cut_at_words():
    text = "سطر أول\n" + "كلمة " * 30 + "الهدف " + "كلمة " * 30
    start = text.index("الهدف")
    snippet, a, b = context(text, start, start + 5, width=20)
    assert snippet[a:b] == "الهدف" and "\n" not in snippet and snippet.startswith("…") and snippet.endswith("…")


# --- the project's index ----------------------------------------------------------------------------------------------

def _docs(store, docs: dict[str, str]) -> None:
    store.import_records([Record(make_document(t, id=i, meta={"title": f"عنوان {i}"})) for i, t in docs.items()])


def test_the_search_finds_words_whatever_their_harakat_letters_and_clitics(store):
    _docs(store, {"d1": "قالَ الرئيسُ إنّ الوضع جيد", "d2": "وأضاف الوزير للرئيس أن الأمر مهم", "d3": "نص آخر"})
    assert sorted(store.search("الرئيس")) == ["d1", "d2"]
    assert store.search("قال الوضع") == ["d1"]
    assert store.search("اخر") == ["d3"]  # آخر
    assert store.search("عنوان d3") == ["d3"]  # titles are searched too
    found = store.search_documents("الرئيس")
    assert found.ranked and store.ids_of(found.rows)[0] in ("d1", "d2")
    assert store.search("") == []


def test_the_index_follows_deletions_and_documents_written_without_the_store(store):
    _docs(store, {"d1": "قال الرئيس", "d2": "قال الوزير"})
    store.conn.execute("DELETE FROM documents WHERE id = 'd1'")  # e.g. another program, a team sync
    store.conn.execute("INSERT INTO documents (id, title, text, text_sha256, chars, direction, imported) "
                       "VALUES ('d9', 'raw', 'وصرح الرئيس', 'x', 11, 'rtl', 'now')")
    store.conn.commit()
    assert store.search("الرئيس") == ["d9"]
    assert store.search("الوزير") == ["d2"]
    store.conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    assert store.conn.execute("SELECT count(*) FROM search_added").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM search_removed").fetchone()[0] == 0
    # A rowid used again after a deletion does not bring the old words back.
    store.conn.execute("DELETE FROM documents WHERE id = 'd9'")
    store.conn.execute("INSERT INTO documents (id, title, text, text_sha256, chars, direction, imported) "
                       "VALUES ('d10', 'raw', 'نص جديد', 'y', 7, 'rtl', 'now')")
    store.conn.commit()
    assert store.search("الرئيس") == [] and store.search("جديد") == ["d10"]


def test_an_import_indexes_its_documents_in_its_own_transaction(make_store):
    store = make_store({"d1": "قال الرئيس"})
    assert store.conn.execute("SELECT count(*) FROM search_added").fetchone()[0] == 0  # nothing left for later
    assert store.conn.execute("SELECT count(*) FROM search_list").fetchone()[0] == 1


def test_migration_011_indexes_the_documents_a_project_already_has(tmp_path):
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from app.store import MIGRATIONS, Store

    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    older = Migrations("qawl")
    for name, fn in MIGRATIONS:
        if name.startswith("011"):
            break
        older(name=name)(fn)
    older.apply(db)
    db.conn.execute("INSERT INTO documents (id, title, text, text_sha256, chars, direction, imported) "
                    "VALUES ('old', 'قديم', 'قالت الوزيرة', 'x', 12, 'rtl', 'now')")
    db.conn.execute("INSERT INTO annotators VALUES ('ali', 'now')")
    db.conn.execute("INSERT INTO layers (doc_id, annotator, status, updated) VALUES ('old', 'ali', 'done', 'now')")
    db.conn.commit()
    db.conn.close()
    store = Store.open(path)
    try:
        assert store.search("الوزيرة") == ["old"]
        assert store.layer("old", "ali").status == "done" and store.layer("old", "ali").note == ""
    finally:
        store.close()


# --- the document list -----------------------------------------------------------------------------------------------

def test_the_document_list_filters_by_folded_title_and_id_and_sorts_by_any_column(store):
    store.import_records([Record(make_document(f"نص رقم {i}", id=f"doc{i:03}", meta={"title": t}))
                          for i, t in enumerate(["أخبار الاقتصاد", "Sports today", "الأخبار العاجلة"])])
    text = "نص رقم 2"
    start = text.index("رقم")
    store.apply(AddSpan("doc002", "ali", Span.of(text, "CUE", start, start + 3)))
    store.apply(SetStatus("doc002", "ali", "todo", "done"))
    keys = lambda order="import", descending=False: store.document_keys("ali", order, descending)
    ids = lambda pairs: [store.document_page([k for k, _ in pairs])[k].id for k, _ in pairs]
    matching = lambda query: [(k, f) for k, f in keys() if fold_for_index(query) in f]
    assert ids(matching("اخبار")) == ["doc000", "doc002"]
    assert ids(matching("SPORTS")) == ["doc001"]
    assert ids(matching("doc00")) == ["doc000", "doc001", "doc002"]
    # By the folded title: Latin first (code point order), أخبار with اخبار, without case.
    assert ids(keys("title")) == ["doc001", "doc000", "doc002"]
    assert ids(keys("status", True))[0] == "doc002"
    assert ids(keys("count", True))[0] == "doc002"
    assert store.search("رقم") == ["doc000", "doc001", "doc002"]
    assert store.status_counts("ali") == {"todo": 2, "in_progress": 0, "done": 1}
    page = store.document_page([k for k, _ in keys()])
    assert [s.counts.get("ali", 0) for s in page.values()] == [0, 0, 1]

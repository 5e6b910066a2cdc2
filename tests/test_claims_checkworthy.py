"""Check-worthiness suggestions: sentences, cues and extents; the CLAIM suggestions in the suggestion layer, accepted
and rejected like quote suggestions, never brought back; qawl suggest; the evaluation harness on the dev gold."""

import orjson
import pytest

from app.cli import main
from app.core.claims.checkworthy import THRESHOLD, claim_range, cues, score, score_document, sentences
from app.core.claims.suggest import claim_suggestions, with_claims
from app.core.jsonl import Record, make_document
from app.core.model import SUGGESTIONS, Layer
from app.core.review import triage
from app.store import Store

NEWS = ("أعلنت وزارة الصحة أمس ارتفاع عدد المصابين إلى 500 شخص في الرياض بنسبة 12% مقارنة بالأسبوع الماضي. "
        "هل نحن مستعدون لما هو قادم؟ "
        "نتمنى للجميع دوام الصحة والعافية. "
        "وقال المتحدث باسم الوزارة إن المستشفيات استقبلت 120 حالة جديدة بسبب التلوث.\n"
        "رابط الخبر بصحيفة الوئام: www.alweeam.com.sa")


def test_sentences_split_at_ends_but_not_inside_numbers_or_abbreviations():
    text = "بلغ المؤشر 3.2% أمس. وقال د. أحمد إن السوق تراجعت!\nسطر جديد بلا نقطة"
    got = [text[a:z] for a, z in sentences(text)]
    assert got == ["بلغ المؤشر 3.2% أمس.", "وقال د. أحمد إن السوق تراجعت!", "سطر جديد بلا نقطة"]


def test_figures_authorities_and_attribution_raise_the_score_questions_wishes_and_debris_lower_it():
    scored = score_document(NEWS)
    texts = {NEWS[s.start:s.end][:12]: s for s in scored}
    first = next(s for s in scored if NEWS[s.start:].startswith("أعلنت"))
    assert first.suggested and {"figure", "percent", "authority", "compare"} <= set(first.cues)
    assert first.kind == "statistic"
    question = next(s for s in scored if "هل نحن" in NEWS[s.start:s.end])
    wish = next(s for s in scored if "نتمنى" in NEWS[s.start:s.end])
    debris = next(s for s in scored if "رابط" in NEWS[s.start:s.end])
    assert not question.suggested and not wish.suggested and not debris.suggested
    assert "question" in question.cues and "call" in wish.cues and "debris" in debris.cues
    assert len(texts) == len(scored)
    assert score(cues("فاز الفريق بالمباراة 2-1 في الدوري أمس")) < THRESHOLD  # sports, no public stake


def test_a_claim_in_reported_speech_starts_at_the_complementizer_and_ends_before_the_full_stop():
    a, z = next((s.claim_start, s.claim_end) for s in score_document(NEWS) if "المتحدث" in NEWS[s.start:s.end])
    assert NEWS[a:z] == "إن المستشفيات استقبلت 120 حالة جديدة بسبب التلوث"
    text = "وأضاف الوزير: «ارتفع عدد المصابين إلى 500 شخص»."
    a, z = claim_range(text, 0, len(text))
    assert text[a:z] == "ارتفع عدد المصابين إلى 500 شخص"


def test_claim_suggestions_are_stable_valid_spans_with_their_reasons():
    doc = make_document(NEWS, id="n1")
    spans = claim_suggestions(doc)
    assert [s.text for s in spans] == [
        "أعلنت وزارة الصحة أمس ارتفاع عدد المصابين إلى 500 شخص في الرياض بنسبة 12% مقارنة بالأسبوع الماضي",
        "إن المستشفيات استقبلت 120 حالة جديدة بسبب التلوث"]
    for span in spans:
        assert doc.text[span.start:span.end] == span.text
        assert span.label == "CLAIM" and span.origin == "suggested" and span.attrs["checkworthy"] == "yes"
        assert span.provenance["rule"] == "checkworthy" and span.provenance["score"] >= THRESHOLD
    assert [s.id for s in claim_suggestions(doc)] == [s.id for s in spans]
    layer = with_claims(doc, Layer("n1", SUGGESTIONS))
    assert len(layer.spans) == 2 and len(with_claims(doc, layer).spans) == 2


def test_claim_suggestions_are_accepted_and_rejected_like_quote_suggestions_and_never_come_back():
    store = Store.open(":memory:")
    doc = make_document(NEWS, id="n1")
    store.import_records([Record(doc)])
    store.put_suggestions("n1", with_claims(doc))
    sugg = store.layer("n1", SUGGESTIONS)
    first, second = sorted(sugg.spans.values(), key=lambda s: s.start)
    batch = triage.accept(sugg, store.layer("n1", "amal"), first.id, "amal", store.entities())
    store.apply(batch, actor="amal")
    (copy,) = store.layer("n1", "amal").spans.values()
    assert (copy.label, copy.text, copy.origin) == ("CLAIM", first.text, "suggested")
    assert copy.attrs["checkworthy"] == "yes" and copy.provenance["suggestion"] == first.id
    store.apply(triage.reject(store.layer("n1", SUGGESTIONS), second.id, "amal"), actor="amal")
    kept, added = store.put_suggestions("n1", with_claims(doc))  # a re-run
    assert (kept, added) == (2, 0)
    assert triage.pending(store.layer("n1", SUGGESTIONS), "amal") == []


def test_qawl_suggest_puts_claim_suggestions_in_the_project_and_exports_never_call_them_anyones_claims(tmp_path,
                                                                                                    capsys):
    src = tmp_path / "a.txt"
    src.write_text(NEWS, encoding="utf-8")
    db = tmp_path / "p.db"
    assert main(["import", "--db", str(db), str(src)]) == 0
    assert main(["suggest", "--db", str(db)]) == 0
    with Store.open(db) as s:
        labels = [sp.label for sp in s.layer(s.document_ids()[0], SUGGESTIONS).spans.values()]
    assert labels.count("CLAIM") == 2
    out = tmp_path / "claims.jsonl"
    assert main(["export", "--db", str(db), "--format", "claims", "-o", str(out)]) == 0
    assert out.read_bytes() == b""
    # Files in, suggestions out (no project): the CLAIM suggestions are in the export line.
    lines = tmp_path / "sugg.jsonl"
    assert main(["suggest", str(src), "-o", str(lines)]) == 0
    line = orjson.loads(lines.read_bytes().splitlines()[0])
    assert sum(sp["label"] == "CLAIM" for sp in line["spans"]) == 2
    capsys.readouterr()


@pytest.mark.corpus
def test_the_evaluation_runs_on_the_dev_gold_and_beats_its_floor(corpus, capsys):
    from app.bench import claims_eval

    report = claims_eval.evaluate(claims_eval.load(claims_eval.GOLD_DIR / "dev.jsonl", corpus))
    assert report.articles == 25 and report.gold_claims == 185
    assert report.overlap["yes"].f > report.baseline["yes"].f
    with pytest.raises(SystemExit, match="never read"):
        claims_eval.main(["--gold", "blind", "--show", "--corpus", str(corpus)])

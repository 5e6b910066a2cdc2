"""Who said it, eighth round (issue #14): errors read on blind6 after its one measurement (development data since),
fixed at their root, before blind7 — drawn and annotated meanwhile — is measured once."""

from __future__ import annotations

from tests.test_suggest_support import records, suggest  # noqa: F401 (used by the tests below)


def _dates(text: str, date: str) -> list[tuple[str, str]]:
    from app.core.model import Document
    from app.core.suggest import suggest_document
    layer = suggest_document(Document(id="x", text=text, meta={"date": date}), ()).layer
    return [(s.text, s.attrs.get("value")) for s in layer.spans_by_label("DATE")]


def test_dates_read_on_blind6():
    """أول أغسطس is the 1st (it gave the month); a vague count (منذ عدة سنوات) names no date (it gave 2012);
    عالم اليوم is today's world, not the article's day; a future verb before a weekday looks forward."""
    assert _dates("وسيتم رفع أسعار البنزين من أول أغسطس آب.", "2015-07-25") == [("أول أغسطس آب", "2015-08-01")]
    assert _dates("أصبحت منذ عدة سنوات مقرا للمخالفين، وقبل بضعة أيام أغلقت.", "2015-07-25") == []
    assert _dates("فعالم اليوم تتقدم فيه المصالح.", "2015-08-11") == []
    assert _dates("وقال: «كرة القدم الحقيقية ستبدأ يوم السبت».", "2015-08-07") == [("يوم السبت", "2015-08-08")]
    assert _dates("وأقيمت المباراة يوم السبت.", "2015-08-07") == [("يوم السبت", "2015-08-01")]
    # (العالم اليوم stays the article's day: the TimeML silver annotates حديث العالم اليوم so)
    assert _dates("وأصبحت حديث العالم اليوم.", "2015-12-24") == [("اليوم", "2015-12-24")]

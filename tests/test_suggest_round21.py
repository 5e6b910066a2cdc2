"""Who said it, twenty-first round (issue #14): found on blind19 after its one measurement and counted over every
measured set (blind19 included) before each rule was kept (blind20 was drawn and annotated, not read, meanwhile)."""

from __future__ import annotations

from tests.test_suggest_support import records, suggest


def test_this_noun_shows_is_the_writers_inference():
    """لكن هذا التزامن يؤكد أنها بصدد …: "this coincidence shows" — like "this shows" (هذا يؤكد), the writer infers;
    nobody is reported. A source after "this" (هذه الدراسة تؤكد أن) still reports."""
    text = ("وبدأت إيران في بناء مفاعلات نووية، لكن هذا التزامن يؤكد أنها بصدد تطوير رؤوس نووية. وقال الخبير إن هذه "
            "الدراسة تؤكد أن الخطر قائم.")
    assert [r["text"] for r in records(suggest(text, "2015-08-01"))] == [
        "إن هذه الدراسة تؤكد أن الخطر قائم", "أن الخطر قائم"]


def test_a_count_after_a_four_digit_number_is_no_year():
    """ارتفع عدد القتلى إلى 1916 قتيلا: a count of people or things after the number, like a unit of measure
    (1107.6 مليون متر), makes it a quantity; عام 1916 is still the year."""
    layer = suggest("وارتفع عدد القتلى إلى 1916 قتيلا، بينما أصيب 4186 آخرون. وفي عام 1916 وقعت الحرب.",
                    "2015-08-01").layer
    assert [s.text for s in layer.spans_by_label("DATE")] == ["عام 1916"]


def test_a_thing_set_off_by_quotation_marks_is_no_one_the_narrative_is_about():
    """مد "كُم" جلبابه وقال له: … / عصا ”مكنسة” / نظريته "لمسة الجنون المقدس": a name between marks was offered as the
    one the narrative is about (مثل «الدرناوي» ... ويقول) whatever it named, and chosen — "sleeve", "broom" and a
    theory became speakers. A quoted word with the article (but a surname's nisba), a feminine ending or three
    letters or fewer is a thing or a term; a given name opening the phrase (“عبدالله الحكيم”) is still someone."""
    from app.core.model import Document
    from app.core.suggest.engine import analyse
    from app.core.suggest.model import RULES

    text = ('وحين جلس على المائدة مد "كُم" جلبابه وقال له: كل فأنت المنوط بهذا الاحتفال. ووقفت الفتاة تحمل عصا ”مكنسة” '
            'طويلة. والتقينا العم "عبدالله الحكيم" في دكانه. ويقول إن المهنة تشهد عزوفا.')
    ctx, records = analyse(Document(id="x", text=text, meta={"date": "2015-08-01"}), RULES)
    offered = {ctx.an.text[slice(*ctx.an.token_span(*c.mention))] for r in records for c in r.candidates
               if c.mention and "recent" in c.rules}
    assert "عبدالله الحكيم" in offered and not offered & {"كُم", "مكنسة"}

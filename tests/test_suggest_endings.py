"""Where content ends as a learned choice (issue 14, part 1: "decide quote extents where rules disagree"): the
places the rules could stop are candidates, a model's ``extent`` weights choose among them, the rules' own end
stands without weights; the weights are learned from annotated quotes, kept only on a clear cross-validated win,
stored in the model file, and a project learns them with ``qawl suggest --learn``."""

from __future__ import annotations

import json

import pytest

from app.core.errors import QawlError
from app.core.jsonl import make_document
from app.core.model import GOLD, Layer, Relation, Span, Status
from app.core.suggest import RULES, Model, suggest_document
from app.core.suggest.endings import RULE, Neighbours, candidates, eligible
from app.core.suggest.engine import analyse
from app.core.suggest.learn import all_examples, fit, truth_of_layer

# The rules end the minister's words before "، وذلك" (the writer's circumstance); some teams run them on.
TEXT = "وقال الوزير إن المشروع سينتهي في العام المقبل، وذلك بعد اكتمال التمويل. وبدأت الجلسة بعد ذلك."
RUN_ON = Model(RULES.weights, "run-on", {}, {RULE: 1.0, "end:sentence-end": 2.0})


def quotes(text: str, model: Model = RULES) -> list[str]:
    return [s.text for s in suggest_document(make_document(text, id="t"), (), model).layer.spans_by_label("QUOTE")]


def test_without_learned_ends_the_rules_end_stands():
    assert quotes(TEXT) == ["إن المشروع سينتهي في العام المقبل"]
    assert quotes(TEXT, Model({"rules-choice": 1.0}, "m", {}, {})) == quotes(TEXT)


def test_learned_weights_choose_another_of_the_rules_stops():
    assert quotes(TEXT, RUN_ON) == ["إن المشروع سينتهي في العام المقبل، وذلك بعد اكتمال التمويل"]


def test_an_end_never_runs_into_the_next_attribution_nor_stops_inside_quotation_marks():
    two = "وقال الوزير إن المشروع سينتهي قريبا، وأضاف أن التمويل اكتمل في الشهر الماضي."
    assert quotes(two, RUN_ON) == ["إن المشروع سينتهي قريبا", "أن التمويل اكتمل في الشهر الماضي"]
    marked = 'وأكد المدير أن "الخطة، كما قلنا مرارا، ستنجح" في النهاية، وذلك رغم الصعوبات.'
    short = Model(RULES.weights, "short", {}, {"end:shorter": 5.0})
    got = quotes(marked, short)
    assert len(got) == 1 and got[0].count('"') % 2 == 0  # (no end between the marks)
    ctx, records = analyse(make_document(marked, id="t"))
    rec = next(r for r in records if eligible(r))
    ends = candidates(ctx, rec, Neighbours(records))
    assert len(ends) > 1 and all(not (k in ctx.inside and ctx.inside[k].close > k) for k in ends[1:])


def _gold(doc) -> Layer:
    """An annotator who runs the minister's words to the end of the sentence."""
    s = doc.text.index("إن المشروع")
    e = doc.text.index("التمويل") + len("التمويل")
    w = doc.text.index("الوزير")
    spans = [Span.of(doc.text, "QUOTE", s, e, id="q1", attrs={"type": "indirect"}),
             Span.of(doc.text, "SPEAKER", w, w + len("الوزير"), id="s1", attrs={"entity": "minister"})]
    return Layer(doc.id, GOLD, Status.DONE.value, spans, [Relation("r1", "SAID_BY", "q1", "s1")])


def test_ends_are_learned_from_annotated_quotes_and_kept_on_a_clear_win():
    docs = [make_document(TEXT.replace("المشروع", f"المشروع {i}"), id=f"d{i}") for i in range(30)]
    truths = [truth_of_layer(d, _gold(d)) for d in docs]
    _, _, ends, missed = all_examples(truths)
    assert len(ends) == 30 and missed == 0 and all(0 not in ex.right for ex in ends)
    model = fit(truths, "project/30", "made up")
    assert model.trained_on["ends"]["kept"] == "model" and model.trained_on["ends"]["cross_validated"]["wins"] == 30
    assert model.extent and model.weights == RULES.weights  # (no speaker choice to learn here: the rules' stay)
    assert quotes(TEXT, model) == ["إن المشروع سينتهي في العام المقبل، وذلك بعد اكتمال التمويل"]
    assert Model.loads(json.dumps(model.to_json())).to_json() == model.to_json()  # (weights rounded to 6 places)
    few = fit(truths[:5], "project/5", "too few")  # five choices: not worth a cross-validation
    assert not few.extent and few.trained_on["refit"]["ends"]["kept"] == "rules"


def test_the_model_file_keeps_its_ends_and_refuses_bad_ones_saying_where():
    assert Model.loads(json.dumps(RUN_ON.to_json())) == RUN_ON
    old = {"format": "qawl-speaker-model/1", "name": "old", "weights": {"rules-choice": 2.0}}
    assert Model.loads(json.dumps(old)).extent == {}  # a model file from before learned ends: the rules' ends
    with pytest.raises(QawlError, match="m.json: extent_weights"):
        Model.loads(json.dumps({**old, "extent_weights": {"end:rule": "x"}}), "m.json")

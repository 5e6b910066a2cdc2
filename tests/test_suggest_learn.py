"""Who said it as a learned choice (issue 14, parts 1 and 2): the model format, the default model shipped in the
package, training (deterministic, never kept when it does not beat what it starts from), learning from a project's
gold, finished layers and decisions, and the benchmarks that measure it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from app.cli import main
from app.core.errors import QawlError
from app.core.jsonl import make_document
from app.core.model import GOLD, SUGGESTIONS, Layer, Relation, Span, Status
from app.core.suggest import RULES, Model, default_model, suggest_document
from app.core.suggest.learn import Example, accuracy, examples, fit, train, truth_of_decisions, truth_of_layer
from app.store import Store

# A made-up article: a minister speaks, then a spokesman, then a subject-less وأضاف.
TEXT = ("قال وزير المالية خالد العمري إن الميزانية متوازنة. وقال المتحدث باسم الوزارة سامي النجار إن الأرقام دقيقة. "
        "وأضاف أن العجز تراجع.")


def _gold(doc, speakers: list[str]) -> Layer:
    """A gold layer: each engine-found quote of ``doc`` said by the mention ``speakers[i]`` (text in the article)."""
    found = suggest_document(doc, (), RULES).layer.spans_by_label("QUOTE")
    spans, rels = [], []
    for i, (q, who) in enumerate(zip(found, speakers)):
        s = doc.text.index(who)
        spans += [Span.of(doc.text, "QUOTE", q.start, q.end, id=f"q{i}", attrs={"type": "indirect"})]
        if not any(sp.start == s for sp in spans if sp.label == "SPEAKER"):
            spans.append(Span.of(doc.text, "SPEAKER", s, s + len(who), id=f"s{s}", attrs={"entity": who}))
        rels.append(Relation(f"r{i}", "SAID_BY", f"q{i}", f"s{s}"))
    return Layer(doc.id, GOLD, Status.DONE.value, spans, rels)


def test_a_model_is_json_and_bad_model_files_are_refused_saying_where():
    model = Model({"rules-choice": 2.0, "previous-speaker": -0.5}, "m", {"description": "made up"})
    assert Model.loads(json.dumps(model.to_json())) == model
    with pytest.raises(QawlError, match="m.json: format"):
        Model.loads('{"weights": {}}', "m.json")
    with pytest.raises(QawlError, match="m.json: weights"):
        Model.loads('{"format": "qawl-speaker-model/1", "weights": {"a": "x"}}', "m.json")
    with pytest.raises(QawlError, match="m.json: not JSON"):
        Model.loads("{", "m.json")


def test_the_default_model_ships_in_the_package_with_its_training_data_described():
    model = default_model()
    assert model.name.startswith("default/") and model.weights["rules-choice"] > 0
    about = model.trained_on
    assert about["documents"] == 946 and "blind29" in about["description"]  # (blind30: measured once with it, unseen)
    assert about["kept"].startswith("model") and about["cross_validated"]["wins"] > about["cross_validated"]["losses"]


def test_the_rules_alone_take_the_rules_own_choice():
    doc = make_document(TEXT, id="t")
    layer = suggest_document(doc, (), RULES).layer
    added = layer.spans_by_label("QUOTE")[-1]
    assert [s.text for s in layer.linked(added.id, "SAID_BY")] == ["المتحدث باسم الوزارة سامي النجار"]
    assert all("model" not in r.provenance for r in layer.relations.values())
    learned = suggest_document(doc).layer  # the default model names itself in the SAID_BY provenance
    assert {r.provenance.get("model") for r in learned.relations.values() if r.type == "SAID_BY"} == {"default/20"}


def test_training_is_deterministic_and_learns_what_the_examples_say():
    data = [Example(f"d{i % 5}", (("rules-choice", "near"), ("far", "titled")), frozenset({1})) for i in range(20)]
    weights = train(data)
    assert weights == train(data)
    assert accuracy(weights, data) == 1.0 and accuracy({"rules-choice": 1.0}, data) == 0.0


def test_a_model_that_does_not_beat_what_it_starts_from_is_not_kept():
    doc = make_document(TEXT, id="t")
    truth = truth_of_layer(doc, _gold(doc, ["وزير المالية خالد العمري", "المتحدث باسم الوزارة سامي النجار",
                                            "المتحدث باسم الوزارة سامي النجار"]))
    model = fit([truth], "project/1", "one document")
    assert model is not None and model.name == RULES.name and model.trained_on["refit"]["kept"] == "rules"


def test_a_project_convention_is_learned_from_its_gold():
    """A team that attributes the subject-less وأضاف to the first speaker of the article (say, the one its
    reports are about): after training on such articles the model follows it on a new article, the rules don't."""
    docs = [make_document(TEXT.replace("العمري", f"العمري{i}"), id=f"d{i}") for i in range(12)]
    truths = [truth_of_layer(d, _gold(d, [f"وزير المالية خالد العمري{i}", "المتحدث باسم الوزارة سامي النجار",
                                          f"وزير المالية خالد العمري{i}"])) for i, d in enumerate(docs)]
    data, _ = examples(truths)
    assert sum(0 not in ex.right for ex in data) == 12  # one choice per article where the rules disagree
    model = fit(truths, "project/12", "made up")
    assert model.name == "project/12"
    new = make_document(TEXT, id="new")
    layer = suggest_document(new, (), model).layer
    added = layer.spans_by_label("QUOTE")[-1]
    assert [s.text for s in layer.linked(added.id, "SAID_BY")] == ["وزير المالية خالد العمري"]


def test_decisions_on_suggestions_say_who_was_right_and_wrong():
    doc = make_document(TEXT, id="t")
    layer = suggest_document(doc, (), RULES).layer
    q1, q2, q3 = layer.spans_by_label("QUOTE")
    minister, spokesman = layer.spans_by_label("SPEAKER")

    def decided(span, what):
        return replace(span, provenance={**span.provenance, "decisions": {"amal": what}})

    for span in (decided(q1, "accepted"), decided(q3, "accepted"), decided(spokesman, "rejected")):
        layer.replace_span(span)
    truth = truth_of_decisions(doc, layer, "amal")
    assert [(q.start, q.right, q.wrong) for q in truth.quotes] == [
        (q1.start, ((minister.start, minister.end, minister.text),), ()),
        (q2.start, (), ((spokesman.start, spokesman.end),)),  # the rejected speaker is wrong wherever it is linked
        (q3.start, (), ((spokesman.start, spokesman.end),))]


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_learn_retrains_from_the_project_and_keeps_the_model_for_later_runs(tmp_path, capsys):
    db = tmp_path / "p.db"
    lines = []
    for i in range(12):
        doc = make_document(TEXT.replace("العمري", f"العمري{i}"), id=f"d{i}")
        gold = _gold(doc, [f"وزير المالية خالد العمري{i}", "المتحدث باسم الوزارة سامي النجار",
                           f"وزير المالية خالد العمري{i}"])
        lines.append({"id": doc.id, "text": doc.text, "annotator": "gold", "status": "done",
                      "spans": [{"id": s.id, "label": s.label, "start": s.start, "end": s.end, "text": s.text,
                                 "attrs": s.attrs} for s in gold.spans.values()],
                      "relations": [{"id": r.id, "type": r.type, "head": r.head, "tail": r.tail}
                                    for r in gold.relations.values()],
                      "entities": [{"id": s.entity, "name": s.entity} for s in gold.spans_by_label("SPEAKER")]})
    lines.append({"id": "new", "text": TEXT})
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    code, _, err = _run(capsys, "import", "--db", db, src)
    assert code == 0, err
    code, out, err = _run(capsys, "suggest", "--db", db, "--doc", "new", "--learn")
    assert code == 0, err
    assert "Learned from 12 annotated documents" in out and "speakers chosen by project/12" in out
    with Store.open(db) as store:
        assert Model.loads(store.meta("suggest_model")).name == "project/12"
        layer = store.layer("new", SUGGESTIONS)
        added = layer.spans_by_label("QUOTE")[-1]
        assert [s.text for s in layer.linked(added.id, "SAID_BY")] == ["وزير المالية خالد العمري"]
        assert store.history()[-1].change["learned"]["documents"] == 12
    code, out, _ = _run(capsys, "suggest", "--db", db, "--doc", "new")  # later runs use the project's model
    assert code == 0 and "speakers chosen by project/12" in out and "Learned" not in out


def test_a_learned_model_is_kept_only_when_it_wins_clearly_held_out():
    """A narrow cross-validated win is noise: trained on 10–40 articles and tested on a held-out set of other
    articles, models kept on "at least as good as the rules" were worse than the rules in 20 of 45 runs (README)."""
    from app.core.suggest.learn import Duel

    assert not Duel(0.9, 0.88, wins=7, losses=5).clear_win
    assert not Duel(0.9, 0.9, wins=0, losses=0).clear_win
    assert not Duel(0.9, 0.85, wins=3, losses=0).clear_win  # 3 < 2·√3
    assert Duel(0.9, 0.85, wins=12, losses=0).clear_win
    assert Duel(0.89, 0.85, wins=26, losses=6).clear_win

"""Issue 16: exports that tell the truth and files the real tools wrote coming back whole.

The files under tests/data/peer/ were written by the real tools (see tests/data/peer/README.md): Label Studio
1.23.2's JSON / JSON_MIN / CSV / CONLL exports of a project imported from our export, doccano 1.8.4's export of our
doccano files, and a brat collection as the brat server saved it after viewing (its ``N`` lines with the extra tab).
Each test names the defect of the issue it covers."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.cli import main
from app.core import formats
from app.core.formats import brat_write, labelstudio
from app.core.jsonl import Record, make_document
from app.core.model import SUGGESTIONS, Entity, Layer, Relation, Span
from app.core.schema import DEFAULT_SCHEMA
from app.operations.transfer import export_paths, import_paths
from app.store import Store

PEER = Path(__file__).parent / "data" / "peer"
LS_JSON = PEER / "labelstudio" / "ls-1.23.2-export.json"
LS_MIN = PEER / "labelstudio" / "ls-1.23.2-export-min.json"
LS_CSV = PEER / "labelstudio" / "ls-1.23.2-export.csv"
LS_CONLL = PEER / "labelstudio" / "ls-1.23.2-export.conll"
DOCCANO = PEER / "doccano" / "doccano-1.8.4-export.jsonl"
BRAT = PEER / "brat" / "collection"

TEXT = "قال الوزير سيرغي لافروف إن «الاتفاق قريب» يوم 2024-01-18."
LAVROV = Entity("e1", "Sergei Lavrov", ("لافروف", "وزير الخارجية الروسي"))


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def ali_layer(doc_id: str = "d1", status: str = "done", annotator: str = "ali") -> Layer:
    q = TEXT.index("«")
    spans = [Span.of(TEXT, "CUE", 0, 3, id="k"), Span.of(TEXT, "SPEAKER", 4, 23, id="s", attrs={"entity": "e1"}),
             Span.of(TEXT, "QUOTE", q + 1, TEXT.index("»"), id="q", attrs={"type": "direct"}),
             Span.of(TEXT, "DATE", TEXT.index("2024"), TEXT.index("2024") + 10, id="d",
                     attrs={"value": "2024-01-18", "resolved": False, "calendar": "hijri", "hijri": "1445-07-07"})]
    rels = [Relation("r1", "SAID_BY", "q", "s"), Relation("r2", "CUE", "q", "k"), Relation("r3", "DATED", "q", "d")]
    return Layer(doc_id, annotator, status, spans, rels)


@pytest.fixture
def project(tmp_path):
    """d1 annotated by ali (done) and suggested; d2 and d3 never opened by anyone."""
    store = Store.open(tmp_path / "p.db")
    d1 = make_document(TEXT, id="d1", meta={"title": "one", "licence": "CC BY-NC-SA 4.0"})
    d2 = make_document("قالت المتحدثة إن الوضع «هادئ».", id="d2", meta={"url": "http://example.org/2"})
    d3 = make_document("Nobody said anything here.", id="d3")
    sugg = Layer("d1", SUGGESTIONS, "todo", [Span.of(TEXT, "QUOTE", 28, 40, id="x", origin="suggested")])
    store.import_records([Record(d1, ali_layer(), [LAVROV]), Record(d2), Record(d3), Record(d1, sugg)])
    yield store
    store.close()


def fresh(tmp_path, name: str) -> Store:
    return Store.open(tmp_path / f"{name}.db")


# --- defect 1: untouched documents are not finished work -------------------------------------------------------

def test_prodigy_export_of_one_annotator_answers_only_what_they_did(project, tmp_path):
    out = tmp_path / "ali.jsonl"
    export_paths(project, out, "prodigy", annotator="ali")
    tasks = [json.loads(line) for line in out.read_text().splitlines()]
    by_doc = {t["meta"]["doc_id"]: t for t in tasks}
    assert set(by_doc) == {"d1", "d2", "d3"}
    assert by_doc["d1"]["answer"] == "accept" and by_doc["d1"]["_annotator_id"] == "ali"
    for untouched in ("d2", "d3"):  # never opened by ali: plain input tasks, no accepted empty answer
        task = by_doc[untouched]
        assert "answer" not in task and "_annotator_id" not in task and "spans" not in task
    # Re-importing the file creates no empty "done" layers.
    store = fresh(tmp_path, "back")
    import_paths(store, [out], "prodigy")
    assert [(l.doc_id, l.annotator, l.status) for d in ("d1", "d2", "d3") for l in store.layers(d)] == \
        [("d1", "ali", "done")]


def test_untouched_documents_can_be_left_out(project, tmp_path):
    out = tmp_path / "ali.jsonl"
    export_paths(project, out, "prodigy", annotator="ali", include_unannotated=False)
    assert [json.loads(line)["meta"]["doc_id"] for line in out.read_text().splitlines()] == ["d1"]


def test_label_studio_gets_no_empty_submitted_annotations(project, tmp_path):
    out = tmp_path / "ls"
    export_paths(project, out, "labelstudio", annotator="ali")
    tasks = json.loads((out / "tasks.json").read_text())
    assert [len(t["annotations"]) for t in tasks] == [1, 0, 0]


def test_unreviewed_suggestions_are_never_an_accepted_answer(project, tmp_path):
    out = tmp_path / "all.jsonl"
    export_paths(project, out, "prodigy", include_suggestions=True)
    tasks = [json.loads(line) for line in out.read_text().splitlines()]
    suggested = [t for t in tasks if t["meta"].get("qawl_annotator") == SUGGESTIONS]
    assert len(suggested) == 1 and "answer" not in suggested[0] and "_annotator_id" not in suggested[0]
    store = fresh(tmp_path, "back")
    import_paths(store, [out], "prodigy")
    layer = store.layer("d1", SUGGESTIONS)
    assert layer.status == "todo" and {s.origin for s in layer.spans.values()} == {"suggested"}
    ls = tmp_path / "ls"
    export_paths(project, ls, "labelstudio", include_suggestions=True)
    task = json.loads((ls / "tasks.json").read_text())[0]
    assert len(task["predictions"]) == 1 and [a["qawl_annotator"] for a in task["annotations"]] == ["ali"]


def test_an_unfinished_layer_is_not_an_accepted_answer(tmp_path):
    doc = make_document(TEXT, id="d1")
    files = formats.write("prodigy", [Record(doc, ali_layer(status="in_progress"), [LAVROV])])
    (task,) = [json.loads(x) for x in files["prodigy.jsonl"].decode().splitlines()]
    assert "answer" not in task and task["meta"]["qawl_status"] == "in_progress"
    back = formats.read("prodigy", list(files.items()))
    assert back.ok and back.records[0].layer.status == "in_progress"


# --- defect 2 and 3: Label Studio 1.23's own export ---------------------------------------------------------------

def test_label_studio_predictions_given_as_ids_do_not_refuse_the_file():
    raw = json.loads(LS_JSON.read_text())
    assert all(isinstance(p, int) for t in raw for p in t["predictions"])  # how 1.23 writes them
    result = labelstudio.read(LS_JSON)
    assert result.ok, result.problems
    assert any("only as ids" in n for n in result.notes)


def test_two_annotations_by_one_user_stay_two_layers_named_by_annotation_id():
    raw = json.loads(LS_JSON.read_text())
    task = next(t for t in raw if len(t["annotations"]) == 2)
    assert {a["completed_by"] for a in task["annotations"]} == {1}
    result = labelstudio.read(LS_JSON)
    layers = [r.layer for r in result.records if r.document.id == task["data"]["doc_id"]]
    second = task["annotations"][1]["id"]
    assert sorted(l.annotator for l in layers) == ["user-1", f"user-1#{second}"]
    assert sorted(len(l.spans) for l in layers) == sorted(
        len([r for r in a["result"] if r["type"] == "labels"]) for a in task["annotations"])


# --- defect 4: JSON_MIN, CSV, CONLL ------------------------------------------------------------------------------

def test_json_min_with_the_label_studio_format_imports_its_spans():
    full = labelstudio.read(LS_JSON)
    minimal = formats.read("labelstudio", LS_MIN)
    assert minimal.ok, minimal.problems
    spans = sorted((r.document.id, s.label, s.start, s.end, s.text) for r in minimal.records
                   for s in r.layer.spans.values())
    assert spans == sorted((r.document.id, s.label, s.start, s.end, s.text) for r in full.records
                           for s in r.layer.spans.values())
    assert all("entity" not in r.document.meta and "type" not in r.document.meta for r in minimal.records)
    assert any("JSON_MIN" in n and "relations" in n for n in minimal.notes)
    assert formats.detect_format(LS_MIN) == "labelstudio"


@pytest.mark.parametrize("path,name", [(LS_CSV, "CSV"), (LS_CONLL, "CONLL2003")])
def test_label_studio_csv_and_conll_exports_are_refused_naming_the_json_export(path, name, tmp_path, capsys):
    db = tmp_path / "p.db"
    for fmt in ("auto", "labelstudio"):
        code, _, err = run(capsys, "import", "--db", db, "--format", fmt, path)
        assert code == 1 and f"Label Studio's {name} export" in err and "JSON" in err
    assert not db.exists() or Store.open(db).count_documents() == 0


# --- defect 5: speakers travel with every format -------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["labelstudio", "prodigy", "doccano", "brat"])
def test_every_export_reimports_into_a_fresh_project_with_its_speakers(project, tmp_path, fmt):
    out = tmp_path / ("out.jsonl" if fmt == "prodigy" else "out")
    export_paths(project, out, fmt, annotator="ali")
    store = fresh(tmp_path, "fresh")
    import_paths(store, [out], fmt, annotator="ali")  # brat files do not name their annotator
    (speaker,) = [s for s in store.layer("d1", "ali").spans.values() if s.label == "SPEAKER"]
    entity = store.entities()[speaker.entity]
    assert (entity.name, entity.aliases) == (LAVROV.name, LAVROV.aliases)


def test_a_missing_speaker_is_reported_with_the_file_and_the_mention_not_our_ids(tmp_path):
    doc = make_document(TEXT, id="d1")
    files = formats.write("labelstudio", [Record(doc, ali_layer(), [])])  # no speakers carried
    path = tmp_path / "tasks.json"
    path.write_bytes(files["tasks.json"])
    with pytest.raises(Exception) as err:
        import_paths(fresh(tmp_path, "p"), [path], "labelstudio")
    message = str(err.value)
    assert "tasks.json:2" in message and "الوزير سيرغي لافروف" in message and "spans[" not in message


# --- defect 6: annotator identity ----------------------------------------------------------------------------------

def test_label_studio_user_ids_map_onto_our_annotators(tmp_path, capsys):
    db = tmp_path / "p.db"
    code, out, err = run(capsys, "import", "--db", db, "--format", "labelstudio", "--annotator-map", "1=ali",
                         LS_JSON)
    assert code == 0, err
    store = Store.open(db)
    names = {l.annotator for d in store.document_ids() for l in store.layers(d)}
    assert "ali" in names and not any(n.startswith("user-1") and "#" not in n for n in names)


def test_completed_by_is_written_only_for_members_the_user_names(tmp_path):
    doc = make_document(TEXT, id="d1")
    records = [Record(doc, ali_layer(), [LAVROV]), Record(doc, ali_layer(annotator="sara@lab.org"), [LAVROV])]
    plain = json.loads(formats.write("labelstudio", records)["tasks.json"])[0]
    assert all("completed_by" not in a for a in plain["annotations"])  # an unknown e-mail refuses the import
    mapped = json.loads(formats.write("labelstudio", records, annotator_map={"ali": "ali@lab.org", "sara@lab.org": "7"})
                        ["tasks.json"])[0]
    assert [a["completed_by"] for a in mapped["annotations"]] == [{"email": "ali@lab.org"}, 7]


def test_the_email_of_an_expanded_completed_by_names_the_layer():
    raw = json.loads(LS_JSON.read_text())
    for task in raw:
        for ann in task["annotations"]:
            ann["completed_by"] = {"id": 1, "email": "admin@qawl.test"}
    result = labelstudio.read(("x.json", json.dumps(raw).encode()))
    assert {r.layer.annotator.split("#")[0] for r in result.records} == {"admin@qawl.test"}


# --- defect 7: doccano accepts our file ----------------------------------------------------------------------------

def doccano_meta_rows(data: bytes) -> list[dict]:
    """What doccano 1.8.4's importer stores as each example's ``meta`` (data_import/pipeline: the lines of a file
    go into one pandas DataFrame; every key but text and the label columns becomes meta), checked the way its
    database checks it (JSON_VALID: no NaN)."""
    pd = pytest.importorskip("pandas")
    rows = [json.loads(line) for line in data.decode().splitlines()]
    frame = pd.DataFrame(rows)
    metas = []
    for row in frame.to_dict(orient="records"):
        meta = {k: v for k, v in row.items() if k not in ("text", "label", "entities", "relations")}
        json.dumps(meta, allow_nan=False)  # ValueError: what doccano's CHECK constraint refuses
        metas.append(meta)
    return metas


def test_doccano_lines_all_have_the_same_keys_whatever_the_metadata(project, tmp_path):
    out = tmp_path / "dc"
    export_paths(project, out, "doccano")
    for path in out.glob("*.jsonl"):
        lines = [json.loads(x) for x in path.read_text().splitlines()]
        assert len({tuple(sorted(line)) for line in lines}) == 1
        metas = doccano_meta_rows(path.read_bytes())
        assert [m["doc_id"] for m in metas] == ["d1", "d2", "d3"]


def test_doccano_export_of_our_file_comes_back_with_ids_speakers_and_attributes(tmp_path):
    result = formats.read("doccano", [("admin.jsonl", DOCCANO.read_bytes())])  # doccano names it by member
    assert result.ok, result.problems
    ids = {r.document.id for r in result.records}
    assert ids == {"d1", "d2", "d3"}  # our doc_id, not doccano's example ids
    # The labels in doccano's per-member file are that member's (admin uploaded both of our files).
    (admin,) = [r for r in result.records if r.layer and r.document.id == "d1"]
    assert admin.layer.annotator == "admin"
    by_label = {s.label: s for s in admin.layer.spans.values()}
    assert by_label["DATE"].attrs["resolved"] is False and by_label["QUOTE"].attrs == {"type": "direct"}
    assert [e.name for e in admin.entities] == ["Sergei Lavrov"]


def test_a_doccano_member_file_is_the_members_work_whatever_layer_we_sent():
    line = json.loads(DOCCANO.read_text().splitlines()[0])
    assert line["qawl"]["annotator"] == "ali" and isinstance(line["id"], int)
    result = formats.read("doccano", [("bob.jsonl", json.dumps(line, ensure_ascii=False).encode())])
    assert result.ok and result.records[0].layer.annotator == "bob"


# --- defect 8: brat collections as brat keeps them -----------------------------------------------------------------

def brat_collection(tmp_path) -> Path:
    folder = tmp_path / "collection"
    shutil.copytree(BRAT, folder)
    (folder / "README.md").write_text("# A collection\n")
    (folder / "LICENSE").write_text("MIT\n")
    (folder / "tools.conf").write_text("[options]\n")
    return folder


def test_a_brat_collection_with_readme_licence_and_confs_imports_its_pairs(tmp_path):
    folder = brat_collection(tmp_path)
    assert "\t\tSergei Lavrov" in (folder / "d1.ann").read_text()  # how the brat server saved it
    result = formats.read("brat", [folder])
    assert result.ok, result.problems
    assert {r.document.id for r in result.records} == {"d1", "d2", "d3"}
    assert any("README.md" in n and "LICENSE" in n for n in result.notes)
    (ali,) = [r for r in result.records if r.layer is not None]
    assert [(e.name, e.aliases) for e in ali.entities] == [(LAVROV.name, LAVROV.aliases)]


def test_brat_n_lines_with_any_number_of_tabs_keep_the_speaker_name():
    for tabs in ("\t", "\t\t", "\t\t\t"):
        ann = f"T1\tSPEAKER 0 3\tقال\nN1\tReference T1 Qawl:e9{tabs}Ahmed Ali\n"
        result = formats.read("brat", [("x.txt", "قال".encode()), ("x.ann", ann.encode())])
        assert result.ok and result.records[0].entities == [Entity("e9", "Ahmed Ali")]


def test_brat_labels_with_spaces_become_type_names_and_come_back():
    doc = make_document(TEXT, id="d1")
    layer = Layer("d1", "ali", "done", [Span.of(TEXT, "Direct Quote", 28, 40, id="q")])
    schema = DEFAULT_SCHEMA.with_labels(["Direct Quote"], [])
    files = brat_write.write([Record(doc, layer)], schema=schema)
    ann = files["d1.ann"].decode()
    assert ann.startswith("T1\tDirect_Quote 28 40\t")
    assert "Direct_Quote | Direct Quote" in files["visual.conf"].decode()
    back = formats.read("brat", list(files.items()), schema=schema)
    assert back.ok and [s.label for s in back.records[0].layer.spans.values()] == ["Direct Quote"]


def test_brat_annotation_conf_labels_are_added_with_add_labels(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Ahmed said it.")
    (folder / "a.ann").write_text("T1\tPerson 0 5\tAhmed\n")
    (folder / "annotation.conf").write_text("[entities]\nPerson\n!Things\n\tOrganization\n[relations]\n"
                                            "Works_for\tArg1:Person, Arg2:Organization\n[events]\n[attributes]\n")
    result = formats.read("brat", [folder], add_labels=True)
    assert result.ok and {"Person", "Things", "Organization"} <= set(result.schema.label_names)
    assert "Works_for" in result.schema.relation_names


# --- defect 9: configs that can label the whole schema, in the text's direction ------------------------------------

def test_label_studio_config_wraps_rtl_text_and_declares_every_label(project, tmp_path):
    out = tmp_path / "ls"
    export_paths(project, out, "labelstudio", annotator="ali", include_unannotated=False)
    config = ET.fromstring((out / "label_config.xml").read_text())
    views = [v for v in config.iter("View") if v.find("Text") is not None]
    assert views and "direction: rtl" in views[0].get("style")
    assert {e.get("value") for e in config.iter("Label")} == set(DEFAULT_SCHEMA.label_names)
    assert {e.get("value") for e in config.iter("Relation")} == set(DEFAULT_SCHEMA.relation_names)
    mixed = ET.fromstring(formats.write("labelstudio", [Record(make_document(TEXT, id="a")),
                                                        Record(make_document("English.", id="b"))])
                          ["label_config.xml"])
    view = next(v for v in mixed.iter("View") if v.find("Text") is not None)
    assert "direction: rtl" in view.get("style") and view.get("className") == "qawl-text"
    assert "unicode-bidi: plaintext" in mixed.find("Style").text  # each paragraph in its own direction


def test_an_empty_project_exports_configs_with_every_label(tmp_path):
    store = fresh(tmp_path, "empty")
    store.import_records([Record(make_document("Just text.", id="t"))])
    export_paths(store, tmp_path / "ls", "labelstudio")
    export_paths(store, tmp_path / "brat", "brat")
    config = ET.fromstring((tmp_path / "ls" / "label_config.xml").read_text())
    assert {e.get("value") for e in config.iter("Label")} == set(DEFAULT_SCHEMA.label_names)
    conf = (tmp_path / "brat" / "annotation.conf").read_text()
    entities = conf.split("[entities]")[1].split("[relations]")[0].split()
    assert set(entities) == set(DEFAULT_SCHEMA.label_names) and "CLAIM" in entities
    assert "Attribution" in conf and "DATED\tArg1:QUOTE|CLAIM, Arg2:DATE" in conf


# --- defect 10 ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["labelstudio", "prodigy", "doccano", "brat"])
def test_reimporting_an_unchanged_export_changes_nothing(project, tmp_path, fmt):
    out = tmp_path / ("out.jsonl" if fmt == "prodigy" else "out")
    export_paths(project, out, fmt, annotator="ali")
    before = project.layer("d1", "ali")
    report = import_paths(project, [out], fmt, annotator="ali")  # brat files do not name their annotator
    assert report.summary.layers_added == 0 and report.summary.layers_replaced == 0
    assert project.layer("d1", "ali") == before


def test_a_different_reimport_says_what_differs(project, tmp_path):
    out = tmp_path / "ls"
    export_paths(project, out, "labelstudio", annotator="ali")
    tasks = json.loads((out / "tasks.json").read_text())
    tasks[0]["annotations"][0]["result"] = [r for r in tasks[0]["annotations"][0]["result"]
                                            if r.get("value", {}).get("labels") != ["CUE"]
                                            and "k" not in (r.get("id"), r.get("to_id"))]
    (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False))
    with pytest.raises(Exception) as err:
        import_paths(project, [out / "tasks.json"], "labelstudio")
    assert "1 span(s) only here" in str(err.value) and "relations differ" in str(err.value)


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "brat", "dataset"])
def test_folder_formats_always_write_a_folder_and_refuse_a_file_name(project, tmp_path, capsys, fmt):
    code, _, err = run(capsys, "export", "--db", project.path, "--format", fmt, "-o", tmp_path / "name.jsonl")
    assert code == 1 and "writes a folder" in err and not (tmp_path / "name.jsonl").exists()
    code, out, err = run(capsys, "export", "--db", project.path, "--format", fmt, "--annotator", "ali",
                         "-o", tmp_path / "one")
    assert code == 0, err
    assert (tmp_path / "one").is_dir()


def test_export_help_says_which_formats_write_a_folder(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "a FOLDER for doccano, labelstudio, brat, dataset (always" in help_text


def test_quotes_export_says_what_the_suggestions_hold(project, tmp_path, capsys):
    code, out, err = run(capsys, "export", "--db", project.path, "--format", "quotes", "--annotator", "nobody",
                         "-o", tmp_path / "q.jsonl")
    assert code == 0 and "Wrote 0 quotes" in out
    assert "1 suggested quotes nobody has accepted yet were not exported" in out and "--include-suggestions" in out


@pytest.mark.parametrize("fmt", ["labelstudio", "prodigy", "doccano", "brat"])
def test_date_attributes_survive_every_format(fmt):
    doc = make_document(TEXT, id="d1")
    files = formats.write(fmt, [Record(doc, ali_layer(), [LAVROV])])
    back = formats.read(fmt, list(files.items()), default_annotator="ali")
    assert back.ok, back.problems
    (date,) = [s for r in back.records if r.layer for s in r.layer.spans.values() if s.label == "DATE"]
    assert date.attrs == {"value": "2024-01-18", "resolved": False, "calendar": "hijri", "hijri": "1445-07-07"}


def test_doccano_label_form_says_which_relations_it_leaves_out(project, tmp_path):
    notes: list[str] = []
    export_paths(project, tmp_path / "dc", "doccano", options={"form": "label"}, notes=notes)
    assert any("3 relation(s) left out" in n for n in notes)
    assert all("label" in json.loads(x) for x in (tmp_path / "dc" / "ali.jsonl").read_text().splitlines())


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "brat"])
def test_an_export_folder_imports_back_with_the_format_detected(project, tmp_path, capsys, fmt):
    export_paths(project, tmp_path / "out", fmt, annotator="ali")
    code, out, err = run(capsys, "import", "--db", tmp_path / "fresh.db", tmp_path / "out")
    assert code == 0, err
    assert f"({fmt})" in out


@pytest.mark.parametrize("fmt", ["labelstudio", "prodigy", "doccano", "brat"])
def test_canonical_claims_travel_with_every_export(tmp_path, fmt):
    """A CLAIM linked to the claim registry re-imports into a fresh project with its registry entry (the way
    speakers do), or the fresh project refuses it."""
    from app.core.model import CanonicalClaim

    text = "قال الوزير إن التضخم سينخفض إلى 3% العام المقبل."
    doc = make_document(text, id="c1")
    start = text.index("التضخم")
    claim = Span.of(text, "CLAIM", start, len(text) - 1, id="cl",
                    attrs={"claim": "k1", "checkworthy": "yes", "verdict": "mostly true"})
    registry = CanonicalClaim("k1", "التضخم سينخفض إلى 3%", verdict="mostly true")
    store = fresh(tmp_path, "src")
    store.import_records([Record(doc, Layer("c1", "ali", "done", [claim]), [], claims=[registry])])
    out = tmp_path / ("out.jsonl" if fmt == "prodigy" else "out")
    export_paths(store, out, fmt, annotator="ali")
    back = fresh(tmp_path, "back")
    import_paths(back, [out], fmt, annotator="ali")
    (span,) = back.layer("c1", "ali").spans.values()
    assert span.attrs == {"claim": "k1", "checkworthy": "yes", "verdict": "mostly true"}
    assert back.claims()["k1"].text == registry.text

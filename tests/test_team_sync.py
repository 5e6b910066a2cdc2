"""Team projects over local bare repositories: a lead and three annotators syncing in turns, at the same time,
offline; the registry merging concurrent edits; a removed document; files from the repository that are broken,
hand-edited or written by another computer — detected, reported, never overwritten silently."""

import subprocess
import threading

import pytest

from app.core.changes import merge_entities
from app.core.errors import QawlError
from app.core.model import GOLD
from app.core.team import layout
from app.operations import team
from app.operations.team import repo as repo_module
from app.store import TeamStore

from team_support import (Team, add, add_word, find, git, hand_edit, holdings, make_template, mark, new_speaker,
                          remove, rename_speaker, show, state)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("team-template"))


@pytest.fixture
def crew(tmp_path, template):
    t = Team.copy(template, tmp_path, ("ali", "bob", "carol"))
    yield t
    t.close()


def sync_all(crew, rounds: int = 2) -> None:
    for _ in range(rounds):
        for name in ("lead", "ali", "bob", "carol"):
            crew.sync(name)


def test_a_lead_and_three_annotators_interleaved_syncs_converge_and_each_writes_only_their_files(crew):
    s = crew.stores
    assert sorted(s["ali"].document_ids()) == ["d1", "d2", "d3", "d4", "d5"]
    assert s["bob"].entities()["e-putin"].name == "Putin"
    # Interleaved: each annotates, syncs at a different moment, annotates again.
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    crew.sync("ali")
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    add_word(s["bob"], "bob", "d3", "SPEAKER", "Putin", entity="e-putin")
    report = crew.sync("bob")
    assert report.arrived == {"ali": {"d1"}}
    add_word(s["carol"], "carol", "d2", "CUE", "أكد")
    mark(s["carol"], "carol", "d2", "done")
    add_word(s["ali"], "ali", "d2", "CUE", "أكد")
    crew.sync("carol")
    add_word(s["lead"], "lead", "d5", "CUE", "told")
    report = crew.sync("lead")
    assert report.arrived == {"ali": {"d1"}, "bob": {"d1", "d3"}, "carol": {"d2"}}
    crew.sync("ali")
    sync_all(crew)
    first = holdings(s["lead"])
    assert {k for k in first["layers"]} == {("d1", "ali"), ("d2", "ali"), ("d1", "bob"), ("d3", "bob"),
                                            ("d2", "carol"), ("d5", "lead")}
    assert first["layers"][("d2", "carol")][0] == "done"
    for name in ("ali", "bob", "carol"):
        assert holdings(s[name]) == first
    # Each commit touches only its author's files (the lead's at the start).
    log = git(crew.remote, "log", "--format=%x00%an", "--name-only", "main")
    for entry in log.split("\x00")[1:]:
        author, *paths = [l for l in entry.splitlines() if l.strip()]
        for path in paths:
            where = layout.place(path)
            if where.kind in ("layer", "registry", "member"):
                assert where.owner == author, (author, path)
            elif author != "lead":
                assert where.kind == "document", (author, path)
    # Nothing to do when nothing changed: no new commit.
    head = git(crew.remote, "rev-parse", "main")
    report = crew.sync("bob")
    assert not report.sent and git(crew.remote, "rev-parse", "main") == head


def test_a_push_rejected_because_someone_pushed_first_is_retried(crew, monkeypatch):
    s = crew.stores
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    add_word(s["bob"], "bob", "d4", "CUE", "صرح")
    real_push = repo_module.LocalRepo.push
    calls = []

    def push_after_bob(self, commit):
        if not calls:  # bob gets in between ali's fetch and ali's push
            calls.append(commit)
            crew.sync("bob")
        return real_push(self, commit)

    monkeypatch.setattr(repo_module.LocalRepo, "push", push_after_bob)
    report = crew.sync("ali")
    monkeypatch.setattr(repo_module.LocalRepo, "push", real_push)
    assert report.retries == 1 and report.sent_layers == 1
    assert report.arrived == {"bob": {"d4"}}
    crew.sync("bob")
    assert holdings(s["ali"]) == holdings(s["bob"])


def test_concurrent_syncs_from_several_processes_all_land(crew, tmp_path):
    s = crew.stores
    for name, doc, word in (("ali", "d1", "قال"), ("bob", "d2", "أكد"), ("carol", "d4", "صرح"),
                            ("lead", "d3", "said")):
        add_word(s[name], name, doc, "CUE", word)
    for store in s.values():
        store.close()
    procs = [subprocess.Popen(["qawl" if False else _qawl(), "team", "sync", "--db", str(tmp_path / f"{n}.db")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for n in ("ali", "bob", "carol", "lead")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], outs
    for n in ("ali", "bob", "carol", "lead"):
        crew.open(n)
    sync_all(crew)
    first = holdings(crew.stores["lead"])
    assert len(first["layers"]) == 4
    for n in ("ali", "bob", "carol"):
        assert holdings(crew.stores[n]) == first


def _qawl() -> str:
    import shutil
    import sys
    from pathlib import Path

    return shutil.which("qawl") or str(Path(sys.executable).with_name("qawl"))


def test_offline_work_waits_in_the_project_and_goes_out_at_the_next_sync(crew, tmp_path):
    s = crew.stores
    away = tmp_path / "away.git"
    crew.remote.rename(away)  # the shared drive is not mounted
    span = add_word(s["ali"], "ali", "d1", "CUE", "قال")
    before = holdings(s["ali"])
    with pytest.raises(QawlError, match="cannot fetch.*Nothing was sent or changed"):
        crew.sync("ali")
    assert holdings(s["ali"]) == before
    add_word(s["ali"], "ali", "d2", "CUE", "أكد")
    remove(s["ali"], "ali", "d1", span)
    add_word(s["ali"], "ali", "d1", "CUE", "وأضاف")
    away.rename(crew.remote)
    report = crew.sync("ali")
    assert report.sent_layers == 2
    report = crew.sync("bob")
    assert report.arrived == {"ali": {"d1", "d2"}}
    assert [sp.text for sp in s["bob"].layer("d1", "ali").sorted_spans()] == ["وأضاف"]


def test_speaker_edits_from_two_people_merge(crew):
    s = crew.stores
    new_speaker(s["ali"], "e-min", "وزير الخارجية")
    add_word(s["ali"], "ali", "d2", "SPEAKER", "الوزير", entity="e-min")
    crew.sync("ali")
    crew.sync("bob")
    # At the same time: bob merges ali's speaker into Putin's (wrongly, or rightly: it is his call) and renames
    # Putin; carol adds an alias to the minister and a new mention of him; lead adds a speaker ali also adds.
    keep, gone = s["bob"].entity("e-putin"), s["bob"].entity("e-min")
    s["bob"].apply(merge_entities(keep, gone, s["bob"].layers_mentioning("e-min")))
    rename_speaker(s["bob"], "e-putin", "Vladimir Putin")
    crew.sync("carol")
    before = s["carol"].entity("e-min")
    s["carol"].apply(__import__("app.core.changes", fromlist=["UpdateEntity"]).UpdateEntity(
        before, type(before)(before.id, before.name, ("الوزير",))))
    add_word(s["carol"], "carol", "d2", "SPEAKER", "المتحدث", entity="e-min")
    new_speaker(s["lead"], "e-lead-trump", "Trump")
    new_speaker(s["ali"], "e-ali-trump", "trump")
    add_word(s["ali"], "ali", "d5", "SPEAKER", "minister", entity="e-ali-trump")
    for name in ("bob", "carol", "lead", "ali"):
        crew.sync(name)
    sync_all(crew)
    first = holdings(s["lead"])
    for name in ("ali", "bob", "carol"):
        assert holdings(s[name]) == first
    reg = s["lead"].entities()
    assert "e-min" not in reg
    putin = reg["e-putin"]
    assert putin.name == "Vladimir Putin"
    assert {"وزير الخارجية", "الوزير"} <= set(putin.aliases)  # carol's alias followed the merge
    # carol's new mention of the merged speaker follows it too, on every computer
    (mention,) = [sp for sp in s["ali"].layer("d2", "carol").spans.values() if sp.label == "SPEAKER"]
    assert mention.entity == "e-putin"
    # the same name added on two computers is one speaker; ali's mention points at the one that remains
    trumps = [e for e in reg.values() if e.name.casefold() == "trump"]
    assert len(trumps) == 1
    (m,) = [sp for sp in s["bob"].layer("d5", "ali").spans.values()]
    assert m.entity == trumps[0].id


def test_a_removed_document_leaves_every_project_but_nobody_loses_work(crew):
    s = crew.stores
    add_word(s["ali"], "ali", "d4", "CUE", "صرح")  # ali works on d4, not synced yet
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    crew.sync("bob")
    team.remove(s["lead"], ["d4"])
    assert "d4" not in s["lead"].document_ids()
    report = crew.sync("lead")
    assert "1 removal(s)" in report.sent_other
    report = crew.sync("ali")
    assert report.sent_layers == 1 and report.documents_removed == ["d4"]
    assert not report.notices  # a removal is not "deleted from the repository by hand"
    assert "d4" not in s["ali"].document_ids()
    # ali's work on it is in the repository (and its history), never deleted
    assert b"\xd8\xb5\xd8\xb1\xd8\xad" in show(crew.remote, layout.layer_path("ali", "d4"))
    crew.sync("bob")
    assert "d4" not in s["bob"].document_ids() and s["bob"].layer("d1", "bob").spans
    # and it is not sent back by anyone
    sync_all(crew)
    assert all("d4" not in st.document_ids() for st in s.values())
    assert layout.document_path("d4") not in git(crew.remote, "ls-tree", "-r", "--name-only", "main")


def test_a_corrupted_file_in_the_repository_is_reported_and_changes_nothing(crew):
    s = crew.stores
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    add_word(s["bob"], "bob", "d3", "CUE", "said")
    crew.sync("bob")
    crew.sync("ali")
    before = holdings(s["ali"])
    good = show(crew.remote, layout.layer_path("bob", "d1"))
    lines = good.decode().splitlines()
    lines[1] = lines[1].replace('"end":3', '"end":5')  # the span no longer matches its text
    hand_edit(crew.remote, layout.layer_path("bob", "d1"), ("\n".join(lines) + "\n").encode())
    add_word(s["carol"], "carol", "d2", "CUE", "أكد")
    crew.sync("carol")
    report = crew.sync("ali")
    path = layout.layer_path("bob", "d1")
    assert report.problems == [f"{path}:2: span.text: 'قال ا' does not match the document text at 0..5 ('قال ا')"] \
        or report.problems[0].startswith(f"{path}:2: span.")
    assert report.arrived == {"carol": {"d2"}}  # the rest came in
    after = holdings(s["ali"])
    assert after["layers"][("d1", "bob")] == before["layers"][("d1", "bob")]  # bob's layer here: untouched
    assert any(p[0] == path for p in TeamStore(s["ali"]).problems())
    st = team.status(s["ali"])
    assert st.problems and st.problems[0].startswith(path)
    # Bob's computer sees its file damaged and sends its own version again; the problem goes away everywhere.
    add_word(s["bob"], "bob", "d1", "CUE", "وأضاف")
    report = crew.sync("bob")
    assert report.problems[0].startswith(f"{path}:2: span.")
    assert any("was damaged in the repository" in n and "sent again" in n for n in report.notices)
    assert report.sent_layers == 1 and not report.conflicts
    report = crew.sync("ali")
    assert not report.problems and report.arrived == {"bob": {"d1"}}
    assert not TeamStore(s["ali"]).problems()
    assert len(s["ali"].layer("d1", "bob").spans) == 2


def test_a_teammates_layer_made_on_a_different_text_is_refused(crew):
    s = crew.stores
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    crew.sync("bob")
    data = show(crew.remote, layout.layer_path("bob", "d1"))
    head, rest = data.split(b"\n", 1)
    sha = state(s["bob"]) and s["bob"].document("d1").text_sha256
    hand_edit(crew.remote, layout.layer_path("bob", "d1"), head.replace(sha.encode(), b"0" * 64) + b"\n" + rest)
    report = crew.sync("ali")
    assert report.problems and ":1: text_sha256: the layer was made on a different text" in report.problems[0]
    assert ("d1", "bob") not in holdings(s["ali"])["layers"]


def test_a_hand_edit_of_my_file_is_taken_only_if_nothing_changed_here_and_said(crew):
    s = crew.stores
    span = add_word(s["ali"], "ali", "d1", "CUE", "قال")
    crew.sync("ali")
    path = layout.layer_path("ali", "d1")
    edited = show(crew.remote, path).replace(b'"origin":"manual"', b'"origin":"manual","attrs2":1', 1)
    edited = show(crew.remote, path).replace(b'"status":"todo"', b'"status":"done"')
    hand_edit(crew.remote, path, edited)
    report = crew.sync("ali")
    assert any("was changed in the repository, not by this computer" in n and "someone (not through Qawl)" in n
               for n in report.notices)
    assert s["ali"].status("d1", "ali") == "done"
    # Now both change it: nothing is overwritten, the conflict is said and waits for a decision.
    hand_edit(crew.remote, path, show(crew.remote, path).replace(b'"status":"done"', b'"status":"in_progress"'))
    remove(s["ali"], "ali", "d1", span)
    report = crew.sync("ali")
    assert len(report.conflicts) == 1 and "qawl team resolve d1 --mine" in report.conflicts[0]
    assert s["ali"].layer("d1", "ali").spans == {}  # mine kept here
    assert b'"status":"in_progress"' in show(crew.remote, path)  # theirs kept there
    report = crew.sync("ali")  # still undecided: still nothing overwritten
    assert b"\xd9\x82\xd8\xa7\xd9\x84" in show(crew.remote, path)
    team.resolve(s["ali"], ["d1"], keep="mine")
    report = crew.sync("ali")
    assert report.sent_layers == 1 and not TeamStore(s["ali"]).conflicts()
    assert b'"span"' not in show(crew.remote, path)


def test_resolving_a_conflict_with_theirs_takes_the_repositorys_version(crew):
    s = crew.stores
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    crew.sync("ali")
    path = layout.layer_path("ali", "d1")
    hand_edit(crew.remote, path, show(crew.remote, path).replace(b'"status":"todo"', b'"status":"done"'))
    add_word(s["ali"], "ali", "d2", "CUE", "أكد")
    add_word(s["ali"], "ali", "d1", "CUE", "وأضاف")
    report = crew.sync("ali")
    assert len(report.conflicts) == 1 and report.sent_layers == 1  # d2 went out, d1 waits
    team.resolve(s["ali"], [], keep="theirs")
    layer = s["ali"].layer("d1", "ali")
    assert layer.status == "done" and [sp.text for sp in layer.sorted_spans()] == ["قال"]
    report = crew.sync("ali")
    assert not report.sent and not report.conflicts


def test_the_same_annotator_on_two_computers_is_detected(crew, tmp_path):
    s = crew.stores
    with pytest.raises(QawlError, match="already works in this team from another computer"):
        crew.join("ali2") if False else team.join(crew.open("ali-laptop"), str(crew.remote), "ali")
    crew.stores.pop("ali-laptop").close()
    (tmp_path / "ali-laptop.db").unlink()
    for extra in tmp_path.glob("ali-laptop.db*"):
        extra.unlink()
    add_word(s["ali"], "ali", "d1", "CUE", "قال")  # on the old computer, not synced
    laptop = crew.open("ali-new")
    team.join(laptop, str(crew.remote), "ali", new_computer=True)
    with pytest.raises(QawlError, match="now works from another computer.*nothing was changed"):
        crew.sync("ali")
    assert s["ali"].layer("d1", "ali").spans  # the old computer's work is still there, unsent


def test_a_copy_of_a_project_file_syncing_from_elsewhere_is_reported(crew, tmp_path):
    import shutil

    s = crew.stores
    s["bob"].close()
    shutil.copy(tmp_path / "bob.db", tmp_path / "bob-copy.db")
    shutil.copytree(tmp_path / "bob.team.git", tmp_path / "bob-copy.team.git")
    crew.open("bob")
    copy = crew.open("bob-copy")
    add_word(copy, "bob", "d1", "CUE", "قال")
    team.sync(copy)
    add_word(s["bob"], "bob", "d1", "CUE", "وأضاف")
    report = crew.sync("bob")
    assert any("another copy of this project" in n for n in report.notices)
    assert len(report.conflicts) == 1  # both wrote bob's layer of d1: nothing overwritten


def test_gold_goes_back_through_the_repository(crew):
    s = crew.stores
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    crew.sync("ali")
    crew.sync("bob")
    team.assign(s["lead"], "carol", ["d1"], role="review")
    crew.sync("lead")
    crew.sync("carol")
    assert team.status(s["carol"]).reviews[0].reviewer == "carol"
    from app.core.review.adjudicate import accept_all_agreed

    layers = [s["carol"].layer("d1", a) for a in ("ali", "bob")]
    change = accept_all_agreed(None, layers, s["carol"].text("d1"), by="carol")
    s["carol"].apply(change, actor="carol")
    mark(s["carol"], GOLD, "d1", "done")
    crew.sync("carol")
    report = crew.sync("lead")
    assert report.arrived == {GOLD: {"d1"}}
    gold = s["lead"].layer("d1", GOLD)
    assert gold.status == "done" and [sp.text for sp in gold.spans.values()] == ["قال"]
    assert team.status(s["lead"]).reviews[0].done == 1


def test_assignments_come_from_the_lead_and_only_the_lead(crew):
    s = crew.stores
    team.assign(s["lead"], "bob", ["d3", "d1"])
    team.assign(s["lead"], "ali", next_n=2)
    crew.sync("lead")
    crew.sync("bob")
    assert [a.doc_id for a in team.assignments(s["bob"], "bob")] == ["d1", "d3"] or \
        sorted(a.doc_id for a in team.assignments(s["bob"], "bob")) == ["d1", "d3"]
    assert sorted(a.doc_id for a in team.assignments(s["bob"], "ali")) == ["d2", "d4"] or \
        len(team.assignments(s["bob"], "ali")) == 2
    with pytest.raises(QawlError, match="only the lead"):
        team.assign(s["bob"], "bob", ["d5"])
    st = team.status(s["bob"])
    row = next(a for a in st.annotators if a.name == "bob")
    assert (row.assigned, row.todo) == (2, 2)


def test_git_missing_says_so(tmp_path, monkeypatch):
    from app.store import Store

    monkeypatch.setenv("QAWL_GIT", "git-that-is-not-installed")
    store = Store.open(tmp_path / "p.db")
    with pytest.raises(QawlError, match="the git command was not found"):
        team.init(store, str(tmp_path / "r.git"), annotator="lead")
    assert TeamStore(store).state() is None
    store.close()


def test_no_password_is_ever_stored_and_foreign_repositories_are_never_written(tmp_path):
    from app.store import Store

    store = Store.open(tmp_path / "p.db")
    with pytest.raises(QawlError, match="never stores passwords"):
        team.init(store, "https://ali:secret@example.org/team.git", annotator="lead")
    other = tmp_path / "other.git"
    subprocess.run(["git", "init", "-q", "--bare", str(other)], check=True)
    hand_edit_target = other
    git(hand_edit_target, "config", "user.name", "x")
    # A repository with someone else's history
    subprocess.run(["git", "--git-dir", str(other), "fast-import", "--quiet"], check=True,
                   input=b"commit refs/heads/main\ncommitter x <x@x> 1 +0000\ndata 2\nx\nM 100644 inline a.txt\n"
                         b"data 2\nhi\n\n")
    with pytest.raises(QawlError, match="not a Qawl team; Qawl never writes into another repository"):
        team.init(store, str(other), annotator="lead")
    assert git(other, "ls-tree", "-r", "--name-only", "main").split() == ["a.txt"]
    assert TeamStore(store).state() is None
    store.close()


def test_joining_needs_a_new_project(crew, tmp_path):
    from app.core.jsonl import Record, make_document

    busy = crew.open("busy")
    busy.import_records([Record(make_document("some text", id="x"), None, [])])
    with pytest.raises(QawlError, match="already holds 1 document"):
        team.join(busy, str(crew.remote), "dave")
    with pytest.raises(QawlError, match="reserved layer name"):
        team.join(crew.open("g"), str(crew.remote), "gold")


def test_a_teammates_layer_changed_here_is_put_back(crew):
    s = crew.stores
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    crew.sync("bob")
    crew.sync("ali")
    # someone imports an old mailed file of bob's into ali's project
    add(s["ali"], "bob", "d1", "QUOTE", *find(s["ali"], "d1", "الاقتصاد بخير"), type="indirect")
    report = crew.sync("ali")
    assert any("had been changed on this computer" in n for n in report.notices)
    assert [sp.label for sp in s["ali"].layer("d1", "bob").spans.values()] == ["CUE"]
    assert not report.sent  # never sent as bob's


def test_concurrent_threads_in_one_process_take_turns(crew):
    s = crew.stores
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    errors = []
    start = threading.Barrier(4)

    def go():
        # Regression: the lock file existed for a moment before it named its owner, and a second sync that read
        # it then took it as left by a killed sync: both ran ("cannot lock ref" from git).
        from app.store import Store

        st = Store.open(s["ali"].path)
        try:
            start.wait()
            team.sync(st)
        except QawlError as exc:
            errors.append(str(exc))
        finally:
            st.close()

    threads = [threading.Thread(target=go) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all("already running" in e for e in errors), errors
    assert show(crew.remote, layout.layer_path("ali", "d1"))


def test_status_counts_what_this_computer_has_not_sent(crew):
    # Regression: a speaker added and not yet sent made `status` fail ("at: is missing"), and with it the window.
    s = crew.stores
    new_speaker(s["ali"], "e-new", "المتحدث الجديد")
    add_word(s["ali"], "ali", "d1", "CUE", "قال")
    st = team.status(s["ali"])
    assert (st.unsent_layers, st.unsent_speaker_changes) == (1, 1)
    crew.sync("ali")
    st = team.status(s["ali"])
    assert (st.unsent_layers, st.unsent_speaker_changes) == (0, 0)


def test_an_edit_undone_sends_nothing_and_is_not_left_as_unsent(crew):
    s = crew.stores
    add_word(s["ali"], "ali", "d2", "CUE", "أكد")
    crew.sync("ali")
    mark(s["ali"], "ali", "d2", "done")  # an edit ...
    mark(s["ali"], "ali", "d2", "todo")  # ... undone
    add_word(s["ali"], "ali", "d1", "CUE", "قال")  # and another one kept
    report = crew.sync("ali")
    assert report.sent_layers == 1  # d1 only: d2's bytes are what the repository has
    st = team.status(s["ali"])
    assert st.unsent_layers == 0
    assert not crew.sync("ali").sent


def test_the_claim_registry_travels_and_merges_like_the_speakers(crew):
    from dataclasses import replace as _replace

    from app.core.changes import AddClaim, UpdateClaim, merge_claims
    from app.core.model import CanonicalClaim

    s = crew.stores
    s["lead"].apply(AddClaim(CanonicalClaim("c-economy", "الاقتصاد بخير")))
    add_word(s["lead"], "lead", "d1", "CLAIM", "الاقتصاد بخير", claim="c-economy")
    crew.sync("lead")
    for name in ("ali", "bob", "carol"):
        crew.sync(name)
    assert s["ali"].claims()["c-economy"].text == "الاقتصاد بخير"
    (link,) = s["ali"].layer("d1", "lead").spans.values()
    assert link.attrs["claim"] == "c-economy"  # a teammate's link to a canonical claim comes in (it was refused)
    # At the same time: ali gives it a verdict; bob adds the same claim under another id and merges it into the
    # first; carol links a new span to bob's claim before she knows of the merge.
    s["ali"].apply(UpdateClaim(s["ali"].claim("c-economy"), _replace(s["ali"].claim("c-economy"), verdict="false")))
    s["bob"].apply(AddClaim(CanonicalClaim("c-bob", "الأمور تتحسن")))
    add_word(s["bob"], "bob", "d1", "CLAIM", "الأمور تتحسن", claim="c-bob")
    crew.sync("bob")
    crew.sync("carol")
    add_word(s["carol"], "carol", "d1", "CLAIM", "تتحسن", claim="c-bob")
    keep, gone = s["bob"].claim("c-economy"), s["bob"].claim("c-bob")
    s["bob"].apply(merge_claims(keep, gone, s["bob"].layers_linking_claim("c-bob")))
    for name in ("ali", "carol", "bob", "lead"):
        crew.sync(name)
    sync_all(crew)
    first = holdings(s["lead"])
    for name in ("ali", "bob", "carol"):
        assert holdings(s[name]) == first
        assert set(s[name].claims()) == {"c-economy"}
        assert s[name].claims()["c-economy"].verdict == "false"
    links = {sp.attrs["claim"] for st in s.values() for layer in st.layers("d1") for sp in layer.spans.values()
             if sp.label == "CLAIM"}
    assert links == {"c-economy"}  # carol's link followed bob's merge on every computer


def test_a_problem_found_by_the_import_names_the_layer_file(crew):
    # Regression: a problem only the store's import finds (here a link to a claim nobody has) was reported under
    # the document's file, and the layer was counted as brought in.
    s = crew.stores
    span = add_word(s["bob"], "bob", "d1", "CLAIM", "الاقتصاد بخير")
    crew.sync("bob")
    path = layout.layer_path("bob", "d1")
    data = show(crew.remote, path).replace(b'"attrs":{}', b'"attrs":{"claim":"c-nowhere"}', 1)
    hand_edit(crew.remote, path, data)
    report = crew.sync("ali")
    assert len(report.problems) == 1 and report.problems[0].startswith(path + ":2: span.attrs.claim: ")
    assert "c-nowhere" in report.problems[0] and not report.arrived
    assert ("d1", "bob") not in holdings(s["ali"])["layers"] or \
        s["ali"].layer("d1", "bob").spans[span.id].attrs.get("claim") is None

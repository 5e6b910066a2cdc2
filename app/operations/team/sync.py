"""Publishing a project (``qawl team init``), joining a team (``qawl team join``) and syncing (``qawl team sync``).

A sync is ``git pull --rebase`` + ``git push`` done file by file:

1. fetch the repository's head;
2. bring the project in step with it (:mod:`.incoming`: one transaction);
3. write this computer's changed files on top of it as one new commit (:mod:`.outgoing`), note in the project
   what that commit holds (``pending``), and push it — never forced. If someone pushed first, start again at 1;
4. once pushed, step 2 again for the new head (it only notes that this computer's files are in).

The project records the commit it is in step with only in the transaction that brings it there, and the
repository only ever gets whole commits: a kill at any point leaves both consistent, and the next sync finishes
the job (a commit that was pushed just before the kill is recognised by ``pending``).
"""

from __future__ import annotations

import uuid
from typing import Callable, Iterator

from ...core.errors import Cancelled, QawlError
from ...core.model import GOLD, SUGGESTIONS
from ...core.team import files as tf
from ...core.team import layout
from ...core.team.registry import KINDS, diff, log_bytes
from ...store import Store, TeamStore
from ...store.rows import now_utc
from .context import Team, check_name, git_dir_for, host_name, login_name
from .git import GitError, wait_a_little
from .incoming import Incoming
from .outgoing import Outgoing, prepare
from .repo import LocalRepo, prepare_remote
from .report import SyncReport

MAX_ATTEMPTS = 12
Stage = Callable[[str], None]
Progress = Callable[[int, int], None]


def _noop(*_args) -> None:
    pass


def sync(store: Store, *, interactive: bool = True, progress: Progress | None = None,
         cancel: Callable[[], bool] | None = None, stage: Stage | None = None, team: Team | None = None,
         joining: bool = False) -> SyncReport:
    """Send this computer's work and bring in the team's (see the module's note)."""
    t = team or Team(store, interactive=interactive, cancel=cancel)
    stage = stage or _noop
    report = SyncReport()
    with t.repo.lock():
        for attempt in range(MAX_ATTEMPTS):
            t.check_cancel()
            stage("fetch")
            try:
                head = t.repo.fetch()
            except GitError as exc:
                report.offline = str(exc)
                raise QawlError(f"{exc}. Nothing was sent or changed: your work is safe in this project and goes "
                                "out at the next sync") from None
            if head is None:
                raise QawlError("the team repository is empty (was it reset?); nothing was changed. The lead can "
                                "publish the project again with 'qawl team init'")
            t.check_cancel()
            stage("receive")
            Incoming(t, head, report, joining=joining).run(progress)
            stage("prepare")
            out = prepare(t, head)
            if not out.files:
                _in_step(t, out)
                break
            commit = t.repo.commit(head, out.files, out.message(t.me), annotator=t.me,
                                   computer=t.state.computer, host=t.state.host)
            _note_pending(t, commit, out)
            t.check_cancel()  # the last moment a Cancel changes nothing: once sending, the sync finishes
            stage("send")
            if _push(t, commit):
                stage("finish")
                Incoming(t, commit, report).run()
                report.sent_layers += out.layers
                report.sent_documents += out.documents
                report.sent_events += out.events
                report.sent_other += out.other
                break
            report.retries += 1
            wait_a_little(attempt)
        else:
            raise QawlError(f"the repository changed {MAX_ATTEMPTS} times while this sync was sending (others are "
                            "syncing right now); nothing was lost: sync again in a moment")
    if report.sent or report.arrived or report.documents_added:
        t.repo.tidy()  # new objects: let git pack them when there are many
    return report


def _push(t: Team, commit: str) -> bool:
    """Push without Cancel: stopping git halfway would leave the person unsure whether their work went out."""
    cancel, t.repo.git.cancel = t.repo.git.cancel, None
    try:
        return t.repo.push(commit)
    finally:
        t.repo.git.cancel = cancel


def _note_pending(t: Team, commit: str, out: Outgoing) -> None:
    blobs = {p: (t.repo.blob_id(d) if d is not None else None) for p, d in out.files.items()}
    with t.store.atomic():
        t.tables.update(pending={"commit": commit, "files": blobs, "stamps": out.stamps, "seq": out.seq,
                                 "removals": out.removals})


def _in_step(t: Team, out: Outgoing) -> None:
    """Nothing to send: the layers looked at are in step with the repository as they are."""
    stamps = {tuple(k.split("\x1f")): v for k, v in out.stamps.items()}
    gone = {r["doc_id"] for r in out.removals}  # already listed in the repository
    with t.store.atomic():
        t.tables.record_layers(stamps)
        t.tables.update(synced_seq=out.seq, pending=None,
                        removals=[r for r in t.reload().removals if r["doc_id"] not in gone])


# --- publishing a project ------------------------------------------------------------------------------------------------

def init(store: Store, remote: str, *, annotator: str | None = None, interactive: bool = True,
         progress: Progress | None = None, cancel: Callable[[], bool] | None = None) -> SyncReport:
    """Publish this project to ``remote`` (a git URL, or a local path: a new bare repository if missing): its
    documents, label schema with guidelines, speaker registry, assignments, and the layers it already has (a
    teammate's imported layers go under their name). This project's annotator becomes the lead."""
    tables = TeamStore(store)
    if store.path is None:
        raise QawlError("a team project needs a project file (not an in-memory project)")
    if tables.state() is not None:
        raise QawlError(f"this project is already in a team ({tables.state().remote}); use 'qawl team sync'",
                        file=str(store.path))
    me = check_name(annotator or _lead_name(store))
    remote = prepare_remote(remote, create=True)
    git_dir = git_dir_for(store.path)
    repo = LocalRepo.create(git_dir, remote, lambda d: Team.git_for(d, me, interactive, cancel))
    head = repo.fetch()
    if head is not None:
        tree = repo.tree(head, [layout.TEAM_FILE])
        if tree:
            raise QawlError("already holds a Qawl team; join it with 'qawl team join REMOTE --annotator NAME'",
                            field="REMOTE")
        raise QawlError("holds a git history that is not a Qawl team; Qawl never writes into another repository: "
                        "give an empty repository or a new path", field="REMOTE")
    computer = uuid.uuid4().hex
    with store.atomic():
        tables.create(remote=remote, branch="main", git_dir=git_dir.name, annotator=me, lead=me, computer=computer,
                      host=host_name())
    t = Team(store, interactive=interactive, cancel=cancel)
    counts: dict[str, int] = {"documents": 0, "layers": 0, "speakers": 0, "claims": 0}
    try:
        commit = repo.commit(None, _everything(t, counts), f"{me} starts the team", annotator=me,
                             computer=computer, host=t.state.host)
        t.check_cancel()
        if not repo.push(commit):
            raise QawlError("someone else published a team to this repository at the same moment; nothing was "
                            "changed here", field="REMOTE")
    except BaseException:
        with store.atomic():
            store.conn.execute("DELETE FROM team")
        raise
    report = SyncReport(commit=commit)
    _adopt(t, commit)
    report.sent_documents = counts["documents"]
    report.sent_layers = counts["layers"]
    report.sent_events = counts["speakers"] + counts["claims"]
    report.sent_other.append(f"the label schema, the team file and {me} as the lead")
    return report


def _lead_name(store: Store) -> str:
    people = [a for a in store.annotators() if a not in (GOLD, SUGGESTIONS)]
    return people[0] if len(people) == 1 else login_name()


def _everything(t: Team, counts: dict[str, int]) -> Iterator[tuple[str, bytes]]:
    """Every file of the first commit, one at a time (a project of 10,000 documents is never all in memory)."""
    store, state = t.store, t.state
    schema = store.schema
    yield layout.TEAM_FILE, tf.team_bytes(tf.TeamFile(state.annotator, now_utc(), state.branch))
    yield layout.README, tf.README_TEXT.encode("utf-8")
    yield layout.SCHEMA_FILE, tf.schema_bytes(schema)
    yield layout.member_path(state.annotator), tf.member_bytes(tf.Member(state.annotator, state.joined,
                                                                         state.computer, state.host, "lead"))
    texts: dict[str, str] = {}
    for doc_id in store.document_ids():
        doc = store.document(doc_id)
        texts[doc_id] = doc.text_sha256
        counts["documents"] += 1
        yield layout.document_path(doc_id), tf.document_bytes(doc, schema.name)
    keys = store.conn.execute("SELECT doc_id, annotator FROM layers WHERE annotator != ? ORDER BY rowid",
                              [SUGGESTIONS]).fetchall()
    for doc_id, who in keys:
        counts["layers"] += 1
        yield layout.layer_path(who, doc_id), tf.layer_bytes(store.layer(doc_id, who), doc_id, texts[doc_id],
                                                            schema.name)
    for kind in KINDS.values():  # the registries as this member's first events
        events = diff({}, t.tables.registry(kind), kind, by=state.annotator, at=now_utc())
        counts[kind.name] = len(events)
        if events:
            yield layout.registry_path(state.annotator, kind.name), log_bytes(events)
    assignments = TeamStore(store).assignments()
    if assignments:
        yield layout.ASSIGNMENTS_FILE, tf.assignments_bytes(assignments)


def _adopt(t: Team, commit: str) -> None:
    """After publishing: everything here is in step with the first commit."""
    base = {kind.name: {k: list(kind.parts(item)) for k, item in t.tables.registry(kind).items()}
            for kind in KINDS.values()}
    with t.store.atomic():
        t.tables.map_documents((d, d) for d in t.store.document_ids())
        t.tables.record_all_layers()
        t.tables.set_member(t.me, role="lead", joined=t.state.joined, computer=t.state.computer, host=t.state.host,
                            last_commit=commit, last_commit_at=now_utc())
        t.tables.update(synced_commit=commit, synced_at=now_utc(), synced_seq=t.tables.max_seq(),
                        registry_base=base, outbox={})


# --- joining a team ----------------------------------------------------------------------------------------------------------

def join(store: Store, remote: str, annotator: str, *, new_computer: bool = False, interactive: bool = True,
         progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
         stage: Stage | None = None) -> SyncReport:
    """Make this (new, empty) project a member's copy of the team at ``remote``, working as ``annotator``."""
    me = check_name(annotator)
    tables = TeamStore(store)
    if store.path is None:
        raise QawlError("a team project needs a project file (not an in-memory project)")
    if tables.state() is not None:
        raise QawlError(f"this project is already in a team ({tables.state().remote})", file=str(store.path))
    _check_empty(store)
    remote = prepare_remote(remote, create=False)
    git_dir = git_dir_for(store.path)
    repo = LocalRepo.create(git_dir, remote, lambda d: Team.git_for(d, me, interactive, cancel))
    (stage or _noop)("fetch")
    head = repo.fetch()
    if head is None:
        raise QawlError("the repository is empty: the lead has not published the project yet ('qawl team init')",
                        field="REMOTE")
    tree = repo.tree(head, [layout.TEAM_FILE, layout.member_path(me)])
    if layout.TEAM_FILE not in tree:
        raise QawlError("is a git repository but not a Qawl team (no qawl-team.json)", field="REMOTE")
    blobs = repo.blobs(tree.values())
    team_file = tf.read_team(layout.TEAM_FILE, blobs[tree[layout.TEAM_FILE]])
    member_at = tree.get(layout.member_path(me))
    if member_at is not None and not new_computer:
        other = tf.read_member(layout.member_path(me), blobs[member_at])
        raise QawlError(f"{me} already works in this team from another computer ({other.host or other.computer}, "
                        f"joined {other.joined}). One annotator, one computer: if {me} has moved to this computer, "
                        f"join again with --new-computer (the other computer then stops sending {me}'s work); "
                        "otherwise choose your own annotator name", field="--annotator")
    if team_file.branch != "main":
        repo.branch = team_file.branch
        repo.git.run("config", "remote.origin.fetch",
                     f"+refs/heads/{team_file.branch}:refs/remotes/origin/{team_file.branch}")
        head = repo.fetch()
    report = SyncReport()
    with store.atomic():
        tables.create(remote=remote, branch=team_file.branch, git_dir=git_dir.name, annotator=me,
                      lead=team_file.lead, computer=uuid.uuid4().hex, host=host_name())
        t = Team(store, interactive=interactive, cancel=cancel)
        with t.repo.lock():
            (stage or _noop)("receive")
            Incoming(t, head, report, joining=True).run(progress)
    t = Team(store, interactive=interactive, cancel=cancel)
    final = sync(store, team=t, stage=stage, joining=True)
    final.arrived = report.arrived
    final.documents_added = len(store.document_ids())
    final.problems[:0] = report.problems
    final.notices[:0] = report.notices
    return final


def _check_empty(store: Store) -> None:
    """A member's copy starts empty (or with only the untouched sample article of a new default project)."""
    n = store.count_documents()
    if n == 0:
        return
    seeds_only = store.conn.execute("SELECT count(*) FROM documents WHERE source IS NOT 'seeds'").fetchone()[0] == 0
    layers = store.conn.execute("SELECT count(*) FROM layers").fetchone()[0]
    if seeds_only and layers == 0:
        with store.atomic():
            TeamStore(store).delete_documents(store.document_ids())
        return
    raise QawlError(f"this project already holds {n} document(s); join a team in a new project (--db NEW.db)",
                    file=str(store.path))


def open_for_join(db) -> Store:
    """The project a member joins into (made if it does not exist; the default one is not seeded)."""
    from ..project import resolve_db_path

    path, _default = resolve_db_path(db)
    store = Store.open(path)
    if store.meta("seeded") is None and store.count_documents() == 0:
        store.set_meta("seeded", "1")  # a team's copy never gets the sample article
    return store


__all__ = ["sync", "init", "join", "Cancelled"]

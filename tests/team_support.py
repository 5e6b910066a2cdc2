"""Helpers for team tests: a lead and members on local bare repositories, edits as the window makes them, and
what a project holds (to compare computers)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from app.core.changes import AddEntity, AddSpan, RemoveSpan, SetStatus, UpdateEntity
from app.core.jsonl import Record, make_document
from app.core.model import Entity, Span
from app.operations import team
from app.store import Store, TeamStore

TEXTS = {
    "d1": "قال الرئيس إن الاقتصاد بخير، وأضاف أن الأمور تتحسن يوماً بعد يوم.",
    "d2": "أكد الوزير أن المفاوضات مستمرة. وقال المتحدث باسم الوزارة إن الاجتماع المقبل سيعقد في الرياض.",
    "d3": "Putin said on Monday that the talks would continue, according to the Kremlin.",
    "d4": "صرح المدير بأن الشركة ستفتتح فرعاً جديداً في جدة خلال الشهر المقبل.",
    "d5": "The minister told reporters that no decision had been taken yet.",
}


class Team:
    """A lead and members, each with their own project file, sharing one bare repository."""

    def __init__(self, root: Path, texts: dict[str, str] | None = None, *, publish: bool = True) -> None:
        self.root = root
        self.remote = root / "team.git"
        self.stores: dict[str, Store] = {}
        if publish:
            self._publish(texts)

    @classmethod
    def copy(cls, template: Path, root: Path, names: tuple[str, ...]) -> "Team":
        """A copy of a team made once (publishing and joining cost seconds; copying, milliseconds): the same
        projects and repositories in another folder, pointing at the copy of the repository."""
        shutil.copytree(template, root, dirs_exist_ok=True)
        team = cls(root, publish=False)
        for name in ("lead", *names):
            store = team.open(name)
            with store.atomic():
                store.conn.execute("UPDATE team SET remote = ?", [str(team.remote)])
            git(root / f"{name}.team.git", "config", "remote.origin.url", str(team.remote))
        return team

    def _publish(self, texts) -> None:
        lead = self.open("lead")
        lead.import_records([Record(make_document(t, id=i, meta={"title": f"Title {i}"}), None, [])
                             for i, t in (texts or TEXTS).items()], source="test")
        lead.apply(AddEntity(Entity("e-putin", "Putin")))
        self.init_report = team.init(lead, str(self.remote), annotator="lead")

    def open(self, name: str) -> Store:
        store = Store.open(self.root / f"{name}.db")
        self.stores[name] = store
        return store

    def join(self, name: str, **kw) -> team.SyncReport:
        return team.join(self.open(name), str(self.remote), name, **kw)

    def sync(self, name: str) -> team.SyncReport:
        return team.sync(self.stores[name])

    def close(self) -> None:
        for s in self.stores.values():
            s.close()


def add(store: Store, who: str, doc: str, label: str, start: int, end: int, **attrs) -> Span:
    text = store.text(doc)
    span = Span.of(text, label, start, end, attrs=attrs)
    store.apply(AddSpan(doc, who, span), actor=who)
    return span


def find(store: Store, doc: str, word: str) -> tuple[int, int]:
    text = store.text(doc)
    i = text.index(word)
    return i, i + len(word)


def add_word(store: Store, who: str, doc: str, label: str, word: str, **attrs) -> Span:
    return add(store, who, doc, label, *find(store, doc, word), **attrs)


def remove(store: Store, who: str, doc: str, span: Span) -> None:
    store.apply(RemoveSpan(doc, who, store.layer(doc, who).spans[span.id]), actor=who)


def mark(store: Store, who: str, doc: str, status: str) -> None:
    store.apply(SetStatus(doc, who, store.status(doc, who), status), actor=who)


def new_speaker(store: Store, eid: str, name: str, *aliases: str) -> Entity:
    e = Entity(eid, name, aliases)
    store.apply(AddEntity(e))
    return e


def rename_speaker(store: Store, eid: str, name: str) -> None:
    before = store.entity(eid)
    store.apply(UpdateEntity(before, Entity(eid, name, before.aliases)))


def holdings(store: Store) -> dict:
    """What a project holds that the team shares: documents (by text), every person's and gold's layers (with
    their notes on the document; without bookkeeping timestamps), and the speaker registry."""
    docs = {d: store.document(d).text_sha256 for d in store.document_ids()}
    layers = {}
    for d in docs:
        for layer in store.layers(d):
            if layer.annotator == "suggestions":
                continue
            layers[(d, layer.annotator)] = (layer.status, layer.note, layer.discuss, sorted(
                (s.id, s.label, s.start, s.end, tuple(sorted(s.attrs.items()))) for s in layer.spans.values()),
                sorted((r.id, r.type, r.head, r.tail) for r in layer.relations.values()))
    registry = {k: (e.name, tuple(sorted(e.aliases))) for k, e in store.entities().items()}
    return {"documents": docs, "layers": layers, "registry": registry}


def git(remote: Path, *args: str, input: bytes | None = None) -> str:
    return subprocess.run(["git", "--git-dir", str(remote), *args], input=input, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env={"GIT_AUTHOR_NAME": "someone", "GIT_AUTHOR_EMAIL": "s@x",
                               "GIT_COMMITTER_NAME": "someone", "GIT_COMMITTER_EMAIL": "s@x",
                               "PATH": "/usr/bin:/bin", "HOME": str(remote.parent)}).stdout.decode()


def hand_edit(remote: Path, path: str, content: bytes | None) -> str:
    """Commit a change to one file straight into the bare repository, as a person with plain git would."""
    head = git(remote, "rev-parse", "refs/heads/main").strip()
    body = [b"commit refs/heads/main\n", b"committer someone <s@x> 1800000000 +0000\n", b"data 9\nhand edit\n",
            f"from {head}\n".encode()]
    if content is None:
        body.append(f"D {path}\n".encode())
    else:
        body += [f"M 100644 inline {path}\n".encode(), b"data %d\n" % len(content), content, b"\n"]
    git(remote, "fast-import", "--quiet", input=b"".join(body) + b"\n")
    return git(remote, "rev-parse", "refs/heads/main").strip()


def show(remote: Path, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(remote), "show", f"main:{path}"], check=True,
                          stdout=subprocess.PIPE).stdout


def state(store: Store):
    return TeamStore(store).state()


def make_template(root: Path, names: tuple[str, ...] = ("ali", "bob", "carol")) -> Path:
    team = Team(root)
    for name in names:
        team.join(name)
    team.close()
    return root

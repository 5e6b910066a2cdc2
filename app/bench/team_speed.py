"""Team projects over git: 10 annotators x 10,000 documents, each figure beside plain ``git`` doing the same.

- The project: 10,000 documents generated from the corpus (each joins two corpus articles, a distinct pair per
  document), and a layer of every annotator on every document (about 10 spans with links, at word boundaries):
  110,000 files in the repository. The lead publishes it (``qawl team init``).
- **Join**: a new computer gets annotator a01's project (``qawl team join``). Floor: ``git clone`` of the same
  repository (the same files fetched and written out).
- **Incremental sync after 100 edits**: a01 adds a span in 100 documents (as the window does), then syncs.
  Floor: in a plain clone, the same 100 files written, ``git add`` + ``git commit`` + ``git push``.
  Then the lead syncs and takes those 100 layers in. Floor: ``git pull`` of the same commit in another clone.
  Three rounds; the medians are compared. Target: within 3x of the floor.
- **Repository size**: the team repository after publishing, beside the same files committed with plain git and
  packed (``git gc``).

Run: ``qawl bench team [--docs N] [--annotators N] [--edits N]``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from ..core.changes import AddSpan
from ..core.jsonl import Record, make_document
from ..core.model import Layer, Relation, Span
from ..operations import team
from ..store import Store
from .common import corpus_texts, row

GIT_ENV = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "gc.auto", "GIT_CONFIG_VALUE_0": "0",
           "GIT_AUTHOR_NAME": "floor", "GIT_AUTHOR_EMAIL": "floor@qawl.invalid", "GIT_COMMITTER_NAME": "floor",
           "GIT_COMMITTER_EMAIL": "floor@qawl.invalid"}


def documents(n: int) -> list[tuple[str, str]]:
    texts = [t.strip() for t in corpus_texts()]
    k = len(texts)
    out = []
    for i in range(n):
        q, r = divmod(i, k)
        out.append((f"doc{i:05d}", texts[r] + "\n\n" + texts[(q + r + 1) % k]))
    return out


def words(text: str) -> list[tuple[int, int]]:
    out, start = [], None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                out.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(text)))
    return out


def layer(doc_id: str, text: str, who: str, rng: random.Random, spans_per_layer: int = 10) -> Layer:
    ws = words(text)
    spans, rels = [], []
    step = max(1, len(ws) // (spans_per_layer // 2 + 1))
    for j in range(spans_per_layer // 2):
        i = min(len(ws) - 1, j * step + rng.randrange(step))
        end = ws[min(len(ws) - 1, i + rng.randint(3, 12))][1]
        cue = ws[max(0, i - 1)]
        if cue[1] > ws[i][0]:
            continue
        q = Span(f"q{j}", "QUOTE", ws[i][0], end, text[ws[i][0]:end], {"type": rng.choice(["direct", "indirect"])},
                 created="2026-11-01T10:00:00.000Z", updated="2026-11-01T10:00:00.000Z")
        c = Span(f"c{j}", "CUE", cue[0], cue[1], text[cue[0]:cue[1]], created="2026-11-01T10:00:00.000Z",
                 updated="2026-11-01T10:00:00.000Z")
        spans += [q, c]
        rels.append(Relation(f"r{j}", "CUE", q.id, c.id, created="2026-11-01T10:00:00.000Z"))
    return Layer(doc_id, who, rng.choice(["in_progress", "done"]), spans, rels)


def build_lead(db: Path, n_docs: int, n_annotators: int) -> None:
    rng = random.Random(15)
    store = Store.open(db)
    docs = documents(n_docs)
    store.import_records([Record(make_document(t, id=i), None, []) for i, t in docs], source="bench")
    names = [f"a{k:02d}" for k in range(1, n_annotators + 1)]
    batch: list[Record] = []
    for doc_id, _ in docs:
        doc = store.document(doc_id)
        for who in names:
            batch.append(Record(doc, layer(doc_id, doc.text, who, rng), []))
        if len(batch) >= 5000:
            store.import_records(batch, source="bench")
            batch = []
    if batch:
        store.import_records(batch, source="bench")
    store.checkpoint()
    store.close()


def git(*args: str, cwd: Path | None = None) -> str:
    import os

    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          env={**os.environ, **GIT_ENV}).stdout.decode()


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench team", description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--annotators", type=int, default=10)
    ap.add_argument("--edits", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of edits, send, receive (medians are reported)")
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = ap.parse_args(argv)
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="qawl-bench-team-"))
    if args.keep and tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        return run(tmp, args.docs, args.annotators, args.edits, args.rounds)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def run(tmp: Path, n_docs: int, n_annotators: int, n_edits: int, rounds: int = 3) -> int:
    remote = tmp / "team.git"
    print(f"Team: {n_annotators} annotators x {n_docs:,} documents ({n_docs * (n_annotators + 1):,} files), "
          f"{n_edits} edits; in {tmp}")
    t_build, _ = timed(lambda: build_lead(tmp / "lead.db", n_docs, n_annotators))
    print(f"  (built the lead's project in {t_build:.1f} s)")
    lead = Store.open(tmp / "lead.db")
    t_init, report = timed(lambda: team.init(lead, str(remote), annotator="lead"))
    print(f"  qawl team init: {t_init:.1f} s ({report.describe()})")

    # Join, beside git clone of the same repository.
    t_clone, _ = timed(lambda: git("clone", "--quiet", str(remote), str(tmp / "floor-a01")))
    git("clone", "--quiet", "--bare", str(remote), str(tmp / "floor.git"))  # the floor's own remote
    git("remote", "set-url", "origin", str(tmp / "floor.git"), cwd=tmp / "floor-a01")
    git("clone", "--quiet", str(tmp / "floor.git"), str(tmp / "floor-lead"))
    a01 = Store.open(tmp / "a01.db")
    t_join, report = timed(lambda: team.join(a01, str(remote), "a01"))
    print(f"  qawl team join: {report.describe()}")

    # Rounds of: 100 edits in 100 documents (as the window makes them), a01 sends, the lead receives; each beside
    # plain git doing the same with the same files (medians: a loaded machine makes single runs noisy).
    rng = random.Random(16)
    sends, floor_sends, receives, floor_receives = [], [], [], []
    for round_ in range(rounds):
        for doc_id in rng.sample(a01.document_ids(), n_edits):
            text = a01.text(doc_id)
            taken = {(s.start, s.end) for s in a01.layer(doc_id, "a01").spans.values()}
            start, end = rng.choice([w for w in words(text) if w not in taken])
            a01.apply(AddSpan(doc_id, "a01", Span.of(text, "DATE", start, end)), actor="a01")
        t_send, report = timed(lambda: team.sync(a01))
        print(f"  round {round_ + 1}: qawl team sync (a01 sends): {report.describe()}")
        head = report.commit
        changed = [ln.split("\t", 1)[1] for ln in git("--git-dir", str(remote), "diff-tree", "-r", "--no-renames",
                                                       "--no-commit-id", f"{head}^", head).splitlines()]
        contents = {p: subprocess.run(["git", "--git-dir", str(remote), "show", f"{head}:{p}"], check=True,
                                      capture_output=True).stdout for p in changed}
        work = tmp / "floor-a01"

        def floor_send() -> None:
            for p, data in contents.items():
                (work / p).parent.mkdir(parents=True, exist_ok=True)
                (work / p).write_bytes(data)
            git("add", "--", *changed, cwd=work)
            git("commit", "--quiet", "-m", "a01: edits", cwd=work)
            git("push", "--quiet", "origin", "HEAD", cwd=work)

        t_floor_send, _ = timed(floor_send)
        t_recv, report = timed(lambda: team.sync(lead))
        print(f"  round {round_ + 1}: qawl team sync (the lead receives): {report.describe()}")
        t_floor_recv, _ = timed(lambda: git("pull", "--quiet", "--ff-only", cwd=tmp / "floor-lead"))
        print(f"  round {round_ + 1}: send {t_send * 1000:,.0f} ms (git {t_floor_send * 1000:,.0f} ms), receive "
              f"{t_recv * 1000:,.0f} ms (git {t_floor_recv * 1000:,.0f} ms)")
        sends.append(t_send)
        floor_sends.append(t_floor_send)
        receives.append(t_recv)
        floor_receives.append(t_floor_recv)
    t_send, t_floor_send = statistics.median(sends), statistics.median(floor_sends)
    t_recv, t_floor_recv = statistics.median(receives), statistics.median(floor_receives)

    # Repository size: ours after publishing + one sync, beside the same files committed with plain git.
    plain = tmp / "plain"
    git("init", "--quiet", str(plain))
    for p in (tmp / "floor-a01").iterdir():
        if p.name != ".git":
            (shutil.copytree if p.is_dir() else shutil.copy2)(p, plain / p.name)
    git("add", "-A", cwd=plain)
    git("commit", "--quiet", "-m", "the same files", cwd=plain)
    git("gc", "--quiet", cwd=plain)
    ours_size, plain_size = size(remote), size(plain / ".git")
    files_size = sum(f.stat().st_size for f in (tmp / "floor-a01").rglob("*") if f.is_file() and ".git" not in f.parts)

    print()
    print(row("join (a new computer, everything)", t_join * 1000, t_clone * 1000, "ms", None))
    print(row(f"sync after {n_edits} edits: send (median of {rounds})", t_send * 1000, t_floor_send * 1000, "ms",
              3, False))
    print(row(f"sync after {n_edits} edits: receive (median of {rounds})", t_recv * 1000, t_floor_recv * 1000, "ms",
              3, False))
    print(row("repository size", ours_size / 2**20, plain_size / 2**20, "MB", None))
    print(f"{'(the files themselves)':<44} {files_size / 2**20:>12,.0f} MB")
    print(f"{'(publishing: qawl team init)':<44} {t_init * 1000:>12,.0f} ms")
    lead.close()
    a01.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""Run `qawl team sync` on a project and kill this very process with SIGKILL at a chosen point:
python team_child.py DB POINT. Points: received (the incoming transaction, just before it commits), committed
(the new commit made, not noted), noted (pending noted, not pushed), pushed (pushed, the final step not done),
finishing (inside the final step's transaction), none (no kill)."""

import importlib
import os
import signal
import sys

from app.store import Store, TeamStore

repo = importlib.import_module("app.operations.team.repo")
sync = importlib.import_module("app.operations.team.sync")


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    db, point = sys.argv[1], sys.argv[2]
    calls = {"record": 0}
    real_record = TeamStore.record_layers

    def record(self, stamps):
        calls["record"] += 1
        real_record(self, stamps)
        if (point == "received" and calls["record"] == 1) or (point == "finishing" and calls["record"] == 2):
            die()

    TeamStore.record_layers = record
    real_commit = repo.LocalRepo.commit

    def commit(self, *a, **kw):
        sha = real_commit(self, *a, **kw)
        if point == "committed":
            die()
        return sha

    repo.LocalRepo.commit = commit
    real_note = sync._note_pending

    def note(*a, **kw):
        real_note(*a, **kw)
        if point == "noted":
            die()

    sync._note_pending = note
    real_push = repo.LocalRepo.push

    def push(self, c):
        ok = real_push(self, c)
        if point == "pushed" and ok:
            die()
        return ok

    repo.LocalRepo.push = push
    store = Store.open(db)
    report = sync.sync(store)
    print(report.describe())


if __name__ == "__main__":
    main()

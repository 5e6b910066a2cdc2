"""``qawl team ...``: team projects over git (init, join, sync, status, assign, remove, resolve)."""

from __future__ import annotations

from .common import EXIT_ERROR, EXIT_OK, Progress, db_option, open_project


def add_parser(sub) -> None:
    p = sub.add_parser(
        "team", help="share a project with a team through a git repository",
        description="Team projects: each annotator works in their own project on their own computer; one git "
                    "repository (GitHub, GitLab, or a bare repository on a shared drive) carries the work between "
                    "them. Credentials are git's own (SSH keys, credential helpers); Qawl never stores a password.")
    team = p.add_subparsers(dest="team_command", metavar="COMMAND", required=True)

    q = team.add_parser("init", help="publish this project to a git repository (you become the lead)",
                        description="Publish the project: documents, label schema with guidelines, speaker registry, "
                                    "assignments, and the layers it has. REMOTE is any git URL, or a local path to a "
                                    "bare repository (created if it does not exist). It must be empty.")
    db_option(q)
    q.add_argument("remote", metavar="REMOTE", help="git URL or path of the team repository")
    q.add_argument("--annotator", metavar="NAME",
                   help="your annotator name (default: the project's only annotator, else your login name)")
    q.set_defaults(handler=run_init)

    q = team.add_parser("join", help="get your own copy of a team's project",
                        description="Join a team: this (new) project becomes your copy of the team's project, "
                                    "working as NAME. Run 'qawl team sync' to send your work and get the others'.")
    db_option(q)
    q.add_argument("remote", metavar="REMOTE", help="git URL or path of the team repository")
    q.add_argument("--annotator", metavar="NAME", required=True, help="your annotator name in the team")
    q.add_argument("--new-computer", action="store_true",
                   help="you joined before from another computer and now work from this one")
    q.set_defaults(handler=run_join)

    q = team.add_parser("sync", help="send your work and bring in your teammates'",
                        description="Commit your changed layers and speaker edits, bring in teammates' layers, new "
                                    "documents, registry changes, the lead's schema and assignments, and push; "
                                    "retried when someone pushed first. Offline, nothing happens: your work waits "
                                    "in the project for the next sync.")
    db_option(q)
    q.set_defaults(handler=run_sync)

    q = team.add_parser("status", help="who is where: assigned, in progress, done, last sync, reviews",
                        description="Per annotator: documents assigned, not started, in progress, done, and the "
                                    "last time their work reached the repository; who reviews what; what this "
                                    "computer has not sent yet, conflicts and problems. As of the last sync.")
    db_option(q)
    q.add_argument("--json", action="store_true", help="machine-readable output")
    q.set_defaults(handler=run_status)

    q = team.add_parser("assign", help="(lead) give documents to an annotator or a reviewer",
                        description="Give documents to ANNOTATOR to annotate (or with --review, to review: build "
                                    "gold). Sent at the next sync; each annotator sees theirs first.")
    db_option(q)
    q.add_argument("annotator", metavar="ANNOTATOR")
    q.add_argument("docs", nargs="*", metavar="DOC", help="document ids")
    q.add_argument("--next", type=int, metavar="N", help="also the next N documents nobody has been given yet")
    q.add_argument("--review", action="store_true", help="to review (gold) rather than to annotate")
    q.add_argument("--remove", action="store_true", help="take these documents back")
    q.set_defaults(handler=run_assign)

    q = team.add_parser("remove", help="(lead) take documents out of the team",
                        description="Remove documents from the team: from this project now, from everyone's at "
                                    "their next sync. Annotators' layers of them stay in the repository.")
    db_option(q)
    q.add_argument("docs", nargs="+", metavar="DOC")
    q.set_defaults(handler=run_remove)

    q = team.add_parser("resolve", help="decide a conflict on one of your layers",
                        description="A layer you write changed in the repository (another computer, a hand edit) "
                                    "while it also changed here: keep yours (--mine, sent at the next sync) or take "
                                    "the repository's (--theirs, now).")
    db_option(q)
    q.add_argument("docs", nargs="*", metavar="DOC", help="documents (default: every conflict)")
    which = q.add_mutually_exclusive_group(required=True)
    which.add_argument("--mine", action="store_const", const="mine", dest="keep")
    which.add_argument("--theirs", action="store_const", const="theirs", dest="keep")
    q.set_defaults(handler=run_resolve)


def _print_report(report, *, verb: str) -> int:
    print(f"{verb}: {report.describe()}.")
    for line in report.details():
        print(f"  {line}")
    if report.local_only:
        print(f"  note: {report.local_only} document(s) here are not the team's")
    return EXIT_ERROR if report.problems or report.conflicts else EXIT_OK


def run_init(args) -> int:
    from ..operations.team import init

    store = open_project(args)
    try:
        progress = Progress("Publishing")
        report = init(store, args.remote, annotator=args.annotator, progress=progress)
        progress.done()
        from ..store import TeamStore

        state = TeamStore(store).state()
    finally:
        store.close()
    print(f"Published to {state.remote} (you are the lead, annotator {state.annotator!r}).")
    print(f"  {report.describe()}.")
    print(f"Annotators join with: qawl team join {state.remote} --annotator NAME")
    return EXIT_OK


def run_join(args) -> int:
    from ..operations.team.sync import join, open_for_join

    store = open_for_join(getattr(args, "db", None))
    try:
        progress = Progress("Bringing in the team's project")
        report = join(store, args.remote, args.annotator, new_computer=args.new_computer, progress=progress)
        progress.done()
        where = store.path
    finally:
        store.close()
    code = _print_report(report, verb=f"Joined as {args.annotator}")
    print(f"Your project: {where}. Annotate with 'qawl gui --db {where}', then 'qawl team sync --db {where}'.")
    return code


def run_sync(args) -> int:
    from ..operations.team import sync

    store = open_project(args)
    try:
        progress = Progress("Syncing")
        report = sync(store, progress=progress)
        progress.done()
    finally:
        store.close()
    return _print_report(report, verb="Synced")


def run_status(args) -> int:
    from ..operations.team import status

    store = open_project(args)
    try:
        st = status(store)
    finally:
        store.close()
    if args.json:
        import dataclasses

        import orjson

        print(orjson.dumps(dataclasses.asdict(st), option=orjson.OPT_INDENT_2).decode())
        return EXIT_OK
    print(f"Team at {st.remote} · lead: {st.lead} · you: {st.me} · last sync: "
          f"{st.synced_at or 'never'}{' (' + st.synced_commit[:10] + ')' if st.synced_commit else ''}")
    rows = [("annotator", "role", "assigned", "not started", "in progress", "done", "last sync")]
    for a in st.annotators:
        rows.append((a.name, a.role, str(a.assigned), str(a.todo), str(a.in_progress), str(a.done),
                     a.last_sync or "—"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  " + "  ".join(c.ljust(w) if i in (0, 1, 6) else c.rjust(w) for i, (c, w) in
                               enumerate(zip(r, widths))))
    if st.reviews:
        print("Reviews (gold):")
        for r in st.reviews:
            print(f"  {r.reviewer}: {r.assigned} to review, {r.in_progress} in progress, {r.done} done")
    if st.gold:
        print("Gold layers: " + ", ".join(f"{n} {s}" for s, n in sorted(st.gold.items())))
    if st.mine:
        print(f"Assigned to you: {len(st.mine)} document(s)")
    if st.unsent_layers or st.unsent_speaker_changes or st.unsent_claim_changes:
        print(f"Not sent yet: {st.unsent_layers} layer(s), {st.unsent_speaker_changes} speaker change(s), "
              f"{st.unsent_claim_changes} claim registry change(s)")
    if st.local_documents:
        print(f"Documents only here (sent at the next sync): {st.local_documents}")
    for c in st.conflicts:
        print(f"  conflict: {c}")
    for p in st.problems:
        print(f"  problem: {p}")
    return EXIT_OK


def run_assign(args) -> int:
    from ..operations.team import assign

    store = open_project(args)
    try:
        role = "review" if args.review else "annotate"
        ids = assign(store, args.annotator, args.docs, role=role, remove=args.remove, next_n=args.next)
    finally:
        store.close()
    verb = "Took back" if args.remove else "Assigned"
    what = "to review" if args.review else "to annotate"
    print(f"{verb} {len(ids)} document(s) {'from' if args.remove else 'to'} {args.annotator} ({what}); sent at the "
          "next sync.")
    return EXIT_OK


def run_remove(args) -> int:
    from ..operations.team import remove

    store = open_project(args)
    try:
        ids = remove(store, args.docs)
    finally:
        store.close()
    print(f"Removed {len(ids)} document(s) from the team; everyone's copy follows at their next sync.")
    return EXIT_OK


def run_resolve(args) -> int:
    from ..operations.team import resolve

    store = open_project(args)
    try:
        ids = resolve(store, args.docs, keep=args.keep)
    finally:
        store.close()
    if args.keep == "mine":
        print(f"Keeping this computer's version of {len(ids)} layer(s); sent at the next sync.")
    else:
        print(f"Took the repository's version of {len(ids)} layer(s).")
    return EXIT_OK


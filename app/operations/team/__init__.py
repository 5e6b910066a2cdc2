"""Team projects over git: every annotator works in their own project on their own computer, and one shared git
repository (GitHub, GitLab, or a bare repository on a shared drive) carries the work between them.

- :mod:`.sync` — ``init`` (the lead publishes a project), ``join`` (an annotator gets a copy), ``sync``;
- :mod:`.incoming` (with :mod:`.layers`) / :mod:`.outgoing` — bringing the team's changes in, sending this
  computer's out;
- :mod:`.manage` — status, assignments, removing documents, deciding conflicts;
- :mod:`.repo` / :mod:`.git` — this computer's copy of the repository, and running ``git``;
- :mod:`.report` — what an operation did, in words.

The repository's layout and file formats are pure and live in ``app.core.team``.
"""

from .manage import assign, assignments, remove, resolve, status
from .report import SyncReport
from .sync import init, join, sync

__all__ = ["init", "join", "sync", "status", "assign", "assignments", "remove", "resolve", "SyncReport"]

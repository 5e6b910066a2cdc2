"""The team repository's layout: one path per thing, chosen so that two members never write the same file.

::

    qawl-team.json                        the team: format, lead, branch (the lead's, written once)
    README.md                             what this repository is, for people browsing it (the lead's)
    schema.json                           the label schema with its guidelines (the lead's)
    assignments.jsonl                     who annotates / reviews which document (the lead's)
    removed.jsonl                         documents the lead removed from the team (the lead's)
    members/<name>.json                   one per member: joined when, from which computer (the member's)
    documents/<xx>/<doc>.jsonl            one per document, written once by whoever added it; never changes
    layers/<name>/<xx>/<doc>.jsonl        one per document per annotator (gold: whoever reviews)
    registry/speakers/<name>.jsonl        each member's speaker events (add, rename, aliases, merge, delete)

``<xx>`` is the first two hex digits of the SHA-256 of the document id (a folder of thousands of files is slow to
browse); ``<doc>`` and ``<name>`` are the id and the name themselves when they are safe as file names on every
system (lower case, letters of any script, digits, ``.``, ``_``, ``-``), else a safe form plus ``~`` and a hash, so
two ids can never meet in one file name even on a case-insensitive disk. The file's content always names the id.

Another registry (claims) follows the same pattern: ``registry/<kind>/<name>.jsonl``.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

TEAM_FILE = "qawl-team.json"
README = "README.md"
SCHEMA_FILE = "schema.json"
ASSIGNMENTS_FILE = "assignments.jsonl"
REMOVED_FILE = "removed.jsonl"
MEMBERS = "members"
DOCUMENTS = "documents"
LAYERS = "layers"
REGISTRY = "registry"
SPEAKERS = "speakers"  # the registry kind of the speaker registry
SUFFIX = ".jsonl"

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_MAX = 100


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def file_name(value: str) -> str:
    """A file name for an id or a person's name: itself when safe everywhere, else a safe form + ``~`` + hash."""
    if _safe(value):
        return value
    clean = "".join(c if c.isalnum() or c in "._-" else "_" for c in unicodedata.normalize("NFC", value).lower())
    clean = clean.lstrip(".")[:80] or "_"
    return f"{clean}~{_digest(value)[:10]}"


def _safe(value: str) -> bool:
    return (0 < len(value) <= _MAX and not value.startswith((".", "-")) and value == value.lower()
            and value == unicodedata.normalize("NFC", value) and all(c.isalnum() or c in "._-" for c in value)
            and value.split(".")[0] not in _WINDOWS_RESERVED and "~" not in value)


def shard(doc_id: str) -> str:
    return _digest(doc_id)[:2]


def document_path(doc_id: str) -> str:
    return f"{DOCUMENTS}/{shard(doc_id)}/{file_name(doc_id)}{SUFFIX}"


def layer_path(annotator: str, doc_id: str) -> str:
    return f"{LAYERS}/{file_name(annotator)}/{shard(doc_id)}/{file_name(doc_id)}{SUFFIX}"


def registry_path(annotator: str, kind: str = SPEAKERS) -> str:
    return f"{REGISTRY}/{kind}/{file_name(annotator)}{SUFFIX}"


def member_path(annotator: str) -> str:
    return f"{MEMBERS}/{file_name(annotator)}.json"


@dataclass(frozen=True)
class Place:
    """What a repository path holds: ``kind`` is document, layer, registry, member, or one of the lead's files
    (team, readme, schema, assignments, removed); ``owner`` is the file-name form of the annotator (layers,
    registry logs, members) or the registry kind's log owner; ``other`` anything this version does not know."""

    kind: str
    owner: str | None = None
    registry: str | None = None  # the registry kind (speakers, ...)


_LEAD_FILES = {TEAM_FILE: "team", README: "readme", SCHEMA_FILE: "schema", ASSIGNMENTS_FILE: "assignments",
               REMOVED_FILE: "removed"}


def place(path: str) -> Place:
    """Classify a repository path (the owner is a file-name form: compare with :func:`file_name` of a name)."""
    if path in _LEAD_FILES:
        return Place(_LEAD_FILES[path])
    parts = path.split("/")
    if parts[0] == DOCUMENTS and len(parts) == 3 and parts[2].endswith(SUFFIX):
        return Place("document")
    if parts[0] == LAYERS and len(parts) == 4 and parts[3].endswith(SUFFIX):
        return Place("layer", parts[1])
    if parts[0] == REGISTRY and len(parts) == 3 and parts[2].endswith(SUFFIX):
        return Place("registry", parts[2][:-len(SUFFIX)], parts[1])
    if parts[0] == MEMBERS and len(parts) == 2 and parts[1].endswith(".json"):
        return Place("member", parts[1][:-len(".json")])
    return Place("other")

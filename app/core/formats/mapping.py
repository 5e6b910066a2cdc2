"""Label mapping between a peer tool's label names and the project's label schema, used by every format both ways.

A :class:`LabelMapping` has two tables, one for span labels and one for relation types, each ``peer name -> our
name``. Import reads them forwards; export reads them backwards (the first peer name listed for one of our names
wins). Mapping a peer name to the empty string drops what carries it (with a note, never silently).

Sources of a mapping:

* a JSON file: ``{"labels": {"Source": "SPEAKER"}, "relations": {"foundedBy": "SAID_BY"}}`` or a flat object
  ``{"Source": "SPEAKER"}`` (labels only);
* a text file of ``FROM=TO`` lines, ``rel:FROM=TO`` for relation types, ``#`` comments, ``FROM=`` to drop;
* command-line flags in the same ``FROM=TO`` / ``rel:FROM=TO`` form (:meth:`LabelMapping.from_flags`).

Default: the PARC attribution names (brat's ``Source`` / ``Cue`` / ``Content``, PolNeAR's corpus) are recognised on
import as SPEAKER / CUE / QUOTE when the schema does not have labels of those names and the mapping says nothing
about them. They are import aliases only: exporting QUOTE stays QUOTE unless the mapping says otherwise. Use
:meth:`LabelMapping.parc` to map both ways (e.g. to give a PARC corpus back in its own names). brat events whose type
is in :attr:`LabelMapping.attribution_events` (``Attribution``, ``Attribution-no-source``) are read as attributions:
QUOTE (Content) --SAID_BY--> SPEAKER (Source) and QUOTE --CUE--> CUE (Cue).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from .. import files
from ..errors import QawlError
from ..jsontext import loads as exact_loads

DROP = ""  # a mapping target meaning "leave this out"

PARC_LABELS = {"Source": "SPEAKER", "Cue": "CUE", "Content": "QUOTE"}
ATTRIBUTION_EVENTS = ("Attribution", "Attribution-no-source")


@dataclass(frozen=True)
class LabelMapping:
    """``peer name -> our name`` for span labels and relation types (see the module docstring)."""

    labels: Mapping[str, str] = field(default_factory=dict)
    relations: Mapping[str, str] = field(default_factory=dict)
    import_aliases: Mapping[str, str] = field(default_factory=lambda: dict(PARC_LABELS))
    attribution_events: tuple[str, ...] = ATTRIBUTION_EVENTS

    def __post_init__(self) -> None:
        for table_name in ("labels", "relations", "import_aliases"):
            table = getattr(self, table_name)
            if not isinstance(table, Mapping):
                raise QawlError("must be an object of FROM: TO names", field=table_name)
            for key, value in table.items():
                if not isinstance(key, str) or not key.strip():
                    raise QawlError(f"a label name must be a non-empty string, got {key!r}", field=table_name)
                if not isinstance(value, str):
                    raise QawlError(f"{key!r} must map to a label name (or \"\" to drop it), got {value!r}",
                                    field=f"{table_name}.{key}")
            object.__setattr__(self, table_name, dict(table))

    # --- construction ---------------------------------------------------------------------------------------

    @classmethod
    def parc(cls) -> "LabelMapping":
        """PARC names both ways: Source <-> SPEAKER, Cue <-> CUE, Content <-> QUOTE."""
        return cls(labels=dict(PARC_LABELS))

    @classmethod
    def from_flags(cls, flags: Iterable[str], *, base: "LabelMapping | None" = None,
                   file: str | None = None) -> "LabelMapping":
        """``["Source=SPEAKER", "rel:foundedBy=SAID_BY", "Discard="]`` on top of ``base`` (default: the default)."""
        labels = dict(base.labels) if base else {}
        relations = dict(base.relations) if base else {}
        for i, flag in enumerate(flags, 1):
            if not isinstance(flag, str) or "=" not in flag:
                raise QawlError(f"expected FROM=TO (or rel:FROM=TO), got {flag!r}", file=file,
                                line=i if file else None, field=None if file else "--map")
            source, target = (part.strip() for part in flag.split("=", 1))
            table = labels
            if source.startswith("rel:"):
                source, table = source[4:].strip(), relations
            elif source.startswith("label:"):
                source = source[6:].strip()
            if not source:
                raise QawlError(f"the name before '=' is empty in {flag!r}", file=file,
                                line=i if file else None, field=None if file else "--map")
            table[source] = target
        kwargs = {}
        if base is not None:
            kwargs = {"import_aliases": base.import_aliases, "attribution_events": base.attribution_events}
        return cls(labels=labels, relations=relations, **kwargs)

    @classmethod
    def load(cls, data: bytes, *, name: str = "mapping") -> "LabelMapping":
        """A mapping file's bytes: JSON (an object) or ``FROM=TO`` lines."""
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise QawlError("a mapping file must be UTF-8 text", file=name) from None
        stripped = text.strip()
        if stripped.startswith("{"):
            try:
                obj = exact_loads(stripped)
            except json.JSONDecodeError as exc:
                raise QawlError(f"not valid JSON: {exc.msg}", file=name, line=exc.lineno) from None
            except ValueError as exc:
                raise QawlError(f"not valid JSON: {exc}", file=name) from None
            if not isinstance(obj, dict):
                raise QawlError("a JSON mapping file holds one object", file=name)
            if "labels" in obj or "relations" in obj:
                extra = set(obj) - {"labels", "relations"}
                if extra:
                    raise QawlError(f"unknown keys {sorted(extra)}; expected labels and relations", file=name)
                try:
                    return cls(labels=obj.get("labels") or {}, relations=obj.get("relations") or {})
                except QawlError as exc:
                    raise exc.located(file=name) from None
            try:
                return cls(labels=obj)
            except QawlError as exc:
                raise exc.located(file=name) from None
        labels: dict[str, str] = {}
        relations: dict[str, str] = {}
        for number, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                one = cls.from_flags([line])
            except QawlError as exc:
                raise QawlError(exc.message, file=name, line=number) from None
            labels.update(one.labels)
            relations.update(one.relations)
        return cls(labels=labels, relations=relations)

    @classmethod
    def from_file(cls, path: str | Path) -> "LabelMapping":
        path = Path(path)
        try:
            data = files.read_bytes(path)
        except OSError as exc:
            raise QawlError(f"cannot read the mapping file ({exc.strerror})", file=str(path)) from None
        return cls.load(data, name=str(path))

    # --- lookups --------------------------------------------------------------------------------------------

    def label_in(self, name: str, known: Iterable[str]) -> str | None:
        """Our label for a peer label: the mapped name, ``DROP``, or ``None`` when nothing says (unknown)."""
        if name in self.labels:
            return self.labels[name]
        known = set(known)
        if name in known:
            return name
        alias = self.import_aliases.get(name)
        if alias is not None and alias in known:
            return alias
        return None

    def relation_in(self, name: str, known: Iterable[str]) -> str | None:
        if name in self.relations:
            return self.relations[name]
        return name if name in set(known) else None

    def label_out(self, ours: str) -> str:
        """The peer name for one of our labels (first explicit entry mapping to it, else the same name)."""
        return _reverse(self.labels, ours)

    def relation_out(self, ours: str) -> str:
        return _reverse(self.relations, ours)

    def is_attribution(self, event_type: str) -> bool:
        return event_type in self.attribution_events


def _reverse(table: Mapping[str, str], ours: str) -> str:
    for peer, target in table.items():
        if target == ours:
            return peer
    return ours

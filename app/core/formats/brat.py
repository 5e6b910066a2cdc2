"""brat standoff: ``NAME.txt`` + ``NAME.ann`` pairs (reading; writing is in :mod:`.brat_write`).

Lines read (tab-separated, as brat writes them):

* ``T`` text-bound annotations ``T1<TAB>Label start end[;start end...]<TAB>text``: the text is checked against the
  .txt. A discontinuous annotation (several fragments) becomes one span per fragment, each with provenance
  ``{"source": "brat", "id": "T9", "fragment": k}``; relations of T9 are copied to every fragment, and
  :mod:`.brat_write` joins the fragments again. Fragments separated only by line breaks are joined into one span
  at once (brat cuts a selection at line breaks; a multi-line quote is one span to us).
* ``R`` relations ``R1<TAB>Type Arg1:T1 Arg2:T2``.
* ``E`` events. PARC-style attributions (an event type listed in ``LabelMapping.attribution_events``, by default
  ``Attribution`` and ``Attribution-no-source``, as in PolNeAR) with roles ``Source`` / ``Cue`` / ``Content``
  (``Content2``... for more) become QUOTE(Content) --SAID_BY--> SPEAKER(Source) (CLAIMED_BY when the content is a
  CLAIM) and QUOTE --CUE--> CUE(Cue); the trigger (in PolNeAR a copy of the cue) is checked and not kept as a span;
  the event is remembered in the content span's provenance (``events``) so it can be written back. Any other event
  keeps its trigger as a span and becomes one relation per argument, trigger --role--> argument (role names without
  their number, ``Org-Arg2`` -> ``Org-Arg``; map them with ``rel:ROLE=TYPE`` or ``add_labels``).
* ``A`` / ``M`` attributes -> span ``attrs`` (binary ones are ``True``); ``N`` normalisations -> ``attrs["norm"]``
  (``Qawl:<id>`` references, which our writer uses for speakers, -> ``attrs["entity"]`` and a speaker entity);
  ``#`` notes -> ``attrs["note"]``; on relations and events they are kept in provenance.
* ``*`` equivalences ``*<TAB>Type T1 T2 T3`` -> relations T1->T2, T2->T3 of that type (provenance ``equiv``).

Errors (the whole .ann is rejected, as brat itself would refuse it): a .ann without its .txt, a line that is not
one of the above, a duplicate id, a reference to an id that is not in the file.

Pairing: ``X.ann`` goes with ``X.txt``; ``X_<annotator>.ann`` with ``X.txt`` when there is no ``X_<annotator>.txt``
(PolNeAR's layout for several annotators; the suffix names the annotator). When the same .ann name is in several
folders (our writer's layout for several annotators), the folder names the annotator. Otherwise the annotator is
``default_annotator`` or ``brat`` (a name the files give always wins). brat's Python server counts code points; ``offset_unit="auto"`` also accepts
UTF-16 units (a narrow Python 2 build), proven by the T texts.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Iterable

from ..errors import QawlError
from ..model import Entity, Status, claim_from_dict
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .build import build
from .peer import (ImportResult, PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, Source, decode_text,
                   load_sources)
from .mapping import LabelMapping

NAME = "brat"
UNITS = ("codepoint", "utf16")
QAWL_REF = "Qawl"  # the normalisation resource our writer uses for speaker entities
QAWL_NOTE = "qawl:"  # our notes for values brat has no line for: "qawl:NAME=<JSON>"
_ID = re.compile(r"^[TREAMN#]\d+$|^\*$")
_NUMBERED = re.compile(r"^(.*?)(\d+)$")
_CONF = (".conf",)


def read(sources: Iterable[Source] | Source, *, mapping: LabelMapping | None = None,
         schema: LabelSchema = DEFAULT_SCHEMA, add_labels: bool = False, offset_unit: str = "auto",
         default_annotator: str | None = None) -> ImportResult:
    mapping = mapping or LabelMapping()
    files = parse_files(load_sources(sources), mapping, schema, default_annotator)
    return build(files, fmt=NAME, units=UNITS, mapping=mapping, schema=schema, add_labels=add_labels,
                 offset_unit=offset_unit)


def parse_files(items: list[tuple[str, bytes]], mapping: LabelMapping, schema: LabelSchema,
                default_annotator: str | None) -> list[PeerFile]:
    texts: dict[str, tuple[str, bytes]] = {}
    anns: list[tuple[str, bytes]] = []
    confs: dict[str, bytes] = {}
    skipped: list[str] = []
    for name, data in items:
        suffix = PurePath(name).suffix.lower()
        if suffix == ".txt":
            texts[name[:-4]] = (name, data)
        elif suffix == ".ann":
            anns.append((name, data))
        elif suffix in _CONF:
            confs[name] = data
        else:  # a collection's README, LICENSE, ...: not documents
            skipped.append(name)
    if anns:  # a README.txt or LICENSE.txt beside annotated documents is the collection's, not an article
        for stem in [t for t in texts if PurePath(t).name.upper().split(".")[0] in _NOT_DOCUMENTS
                     and not any(a[:-4] == t for a, _ in anns)]:
            skipped.append(texts.pop(stem)[0])
    declared, names = _read_confs(confs)
    out: list[PeerFile] = []
    paired: set[str] = set()
    # The same document in several folders: one folder per annotator (how brat_write lays out several layers).
    folders: dict[str, set[str]] = {}
    for name, _ in anns:
        folders.setdefault(PurePath(name).name, set()).add(str(PurePath(name).parent))
    for name, data in anns:
        stem = name[:-4]
        # What the files themselves say (folder or suffix) wins; default_annotator is for files that say nothing.
        annotator = default_annotator or "brat"
        if len(folders[PurePath(name).name]) > 1:
            annotator = PurePath(name).parent.name or annotator
        txt = texts.get(stem)
        if txt is None:
            base = max((t for t in texts if stem.startswith(t + "_")), key=len, default=None)
            if base is not None:
                txt = texts[base]
                annotator = stem[len(base) + 1:] or annotator
        if txt is None:
            pf = PeerFile(name)
            pf.problems.append(QawlError(f"no {PurePath(stem).name}.txt next to this .ann: brat needs the text "
                                         f"file of every annotation file", file=name))
            out.append(pf)
            continue
        paired.add(txt[0])
        out.append(parse_pair(txt[0], txt[1], name, data, annotator, mapping, schema, names))
    for stem, (name, data) in texts.items():
        if name in paired:
            continue
        pf = PeerFile(name)
        try:
            raw = decode_text(name, data)
            pf.docs.append(PeerDoc(name, None, raw, doc_id=PurePath(stem).name))
        except QawlError as exc:
            pf.problems.append(exc)
        out.append(pf)
    if not out and items:
        pf = PeerFile(items[0][0])
        pf.problems.append(QawlError("no brat documents here (expected .txt files, with .ann files beside them)",
                                     file=pf.name))
        return [pf]
    if not out:
        return out
    out[0].declared_labels = [names.get(label, label) for label in declared["labels"]]
    out[0].declared_relations = [names.get(rel, rel) for rel in declared["relations"]]
    if confs:
        out[0].notes.append("brat configuration read for the labels: " + ", ".join(
            sorted({PurePath(n).name for n in confs})))
    if skipped:
        out[0].notes.append(f"skipped {len(skipped)} file(s) that are not brat documents: " + ", ".join(
            sorted(PurePath(n).name for n in skipped)[:10]) + (" ..." if len(skipped) > 10 else ""))
    return out


# A collection's own files, never articles, when they come as .txt beside annotated documents.
_NOT_DOCUMENTS = {"README", "LICENSE", "LICENCE", "COPYING", "CHANGES", "CHANGELOG", "AUTHORS", "NOTICE", "CITATION"}


def _read_confs(confs: dict[str, bytes]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Labels and relation types ``annotation.conf`` declares, and brat type -> label name from ``visual.conf``
    where the name is the label brat could not hold (``Direct_Quote | Direct Quote``: our writer's renaming)."""
    declared: dict[str, list[str]] = {"labels": [], "relations": []}
    names: dict[str, str] = {}
    for name, data in sorted(confs.items()):
        base = PurePath(name).name.lower()
        text = data.decode("utf-8", "replace")
        section = None
        for raw in text.splitlines():
            line = raw.split("#", 1)[0] if not raw.lstrip().startswith("#") else ""
            if not line.strip():
                continue
            stripped = line.strip()
            if stripped.startswith("[") and stripped.endswith("]"):
                section = stripped[1:-1].strip().lower()
                continue
            first = stripped.split("\t")[0].split()[0] if stripped.split() else ""
            if base == "annotation.conf" and first and not first.startswith("<") and first != "<ENTITY>":
                first = first.lstrip("!")  # "!Type": an abstract type, a heading in brat's menus
                if section in ("entities", "events") and first and first not in declared["labels"]:
                    declared["labels"].append(first)
                elif section == "relations" and first and first not in declared["relations"] and "<" not in first:
                    declared["relations"].append(first)
            elif base == "visual.conf" and section == "labels" and "|" in stripped:
                parts = [p.strip() for p in stripped.split("|")]
                if len(parts) > 1 and parts[1] != parts[0] and _brat_type(parts[1]) == parts[0]:
                    names[parts[0]] = parts[1]
    return declared, names


def _brat_type(name: str) -> str:
    return re.sub(r"[^\w\-.]", "_", name.strip()) or "_"


def parse_pair(txt_name: str, txt_data: bytes, ann_name: str, ann_data: bytes, annotator: str,
               mapping: LabelMapping, schema: LabelSchema, names: dict[str, str] | None = None) -> PeerFile:
    pf = PeerFile(ann_name)
    try:
        raw = decode_text(txt_name, txt_data)
    except QawlError as exc:
        pf.problems.append(exc)
        return pf
    try:
        ann = ann_data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        pf.problems.append(QawlError(f"not UTF-8 text (byte at offset {exc.start})", file=ann_name,
                                     line=ann_data.count(b"\n", 0, exc.start) + 1))
        return pf
    doc = PeerDoc(ann_name, None, raw, doc_id=PurePath(txt_name).stem)
    pf.docs.append(doc)
    try:
        reader = _Ann(ann_name, mapping, schema, names or {})
        layer, entities = reader.parse(ann, annotator)
        doc.claims = reader.claims
    except QawlError as exc:
        pf.problems.append(exc)
        pf.docs.clear()
        return pf
    if layer.spans or layer.relations:  # an empty .ann is a document nobody annotated (brat makes one on view)
        doc.layers.append(layer)
    doc.entities = entities
    return pf


class _Ann:
    """One .ann file: lines collected first (brat allows any order), then turned into spans and relations."""

    def __init__(self, name: str, mapping: LabelMapping, schema: LabelSchema, names: dict[str, str]) -> None:
        self.name = name
        self.names = names  # brat type -> our label name (visual.conf)
        self._label_names: tuple[str, ...] | None = None
        self.claims: list = []  # canonical claims our notes carry (qawl:canonical=...)
        self.mapping = mapping
        self.schema = schema
        self.t: dict[str, dict] = {}
        self.r: dict[str, dict] = {}
        self.e: dict[str, dict] = {}
        self.a: list[dict] = []
        self.n: list[dict] = []
        self.notes: list[dict] = []
        self.eq: list[dict] = []
        self.ids: dict[str, int] = {}

    def err(self, message: str, line: int, field: str | None = None) -> QawlError:
        return QawlError(message, file=self.name, line=line, field=field)

    def parse(self, text: str, annotator: str) -> tuple[PeerLayer, list[Entity]]:
        for number, line in enumerate(text.split("\n"), 1):
            line = line.rstrip("\r")
            if line.strip():
                self._line(line, number)
        return self._layer(annotator)

    # --- lines -------------------------------------------------------------------------------------------------

    def _line(self, line: str, number: int) -> None:
        fields = line.split("\t")
        ident = fields[0].strip()
        if not _ID.match(ident):
            raise self.err(f"not a brat annotation line (it starts with {ident[:20]!r}; expected T, R, E, A, M, N, "
                           f"# or * and a number)", number)
        if ident != "*":
            if ident in self.ids:
                raise self.err(f"duplicate id {ident} (first on line {self.ids[ident]})", number, ident)
            self.ids[ident] = number
        kind = ident[0]
        if len(fields) < 2 or not fields[1].strip():
            raise self.err("the line has no annotation after its id", number, ident)
        parts = fields[1].split()
        if kind == "T":
            self._t(ident, fields, parts, number)
        elif kind == "R":
            args = [self._arg(p, number, ident) for p in parts[1:]]
            if len(args) != 2:
                raise self.err(f"a relation needs two arguments (Arg1:T.. Arg2:T..), got {len(args)}", number, ident)
            self.r[ident] = {"type": self.names.get(parts[0], parts[0]), "args": args, "line": number}
        elif kind == "E":
            if ":" not in parts[0]:
                raise self.err("an event starts with Type:Trigger (e.g. Attribution:T4)", number, ident)
            etype, trigger = parts[0].split(":", 1)
            if not etype or not trigger.startswith("T"):
                raise self.err(f"an event's trigger must be a T id, got {parts[0]!r}", number, ident)
            self.e[ident] = {"type": etype, "trigger": trigger,
                             "args": [self._arg(p, number, ident) for p in parts[1:]], "line": number}
        elif kind in "AM":
            if len(parts) not in (2, 3):
                raise self.err("an attribute line is: Name Target [Value]", number, ident)
            self.a.append({"name": parts[0], "target": parts[1], "value": parts[2] if len(parts) == 3 else True,
                           "line": number, "id": ident})
        elif kind == "N":
            if len(parts) != 3 or ":" not in parts[2]:
                raise self.err("a normalisation line is: Type Target Resource:Id<TAB>text", number, ident)
            resource, ref = parts[2].split(":", 1)
            # brat writes the text after the tab it read with it: every save adds one (viewing saves too).
            self.n.append({"type": parts[0], "target": parts[1], "resource": resource, "ref": ref,
                           "text": "\t".join(fields[2:]).strip(), "line": number})
        elif kind == "#":
            if len(parts) != 2:
                raise self.err("a note line is: Type Target<TAB>note", number, ident)
            self.notes.append({"type": parts[0], "target": parts[1],
                               "text": "\t".join(fields[2:]), "line": number})
        else:  # "*"
            if len(parts) < 3:
                raise self.err("an equivalence line is: Type T1 T2 [T3...]", number)
            self.eq.append({"type": parts[0], "ids": parts[1:], "line": number})

    def _t(self, ident: str, fields: list[str], parts: list[str], number: int) -> None:
        if len(fields) < 3:
            raise self.err("a text-bound line is: T1<TAB>Label start end<TAB>text", number, ident)
        label, _, ranges = fields[1].partition(" ")
        fragments = []
        for piece in ranges.split(";"):
            bounds = piece.split()
            if len(bounds) != 2 or not all(b.isdigit() for b in bounds):
                raise self.err(f"offsets must be 'start end' pairs separated by ';', got {ranges!r}", number, ident)
            start, end = int(bounds[0]), int(bounds[1])
            if end <= start:
                raise self.err(f"the range {start}..{end} is empty or reversed", number, ident)
            fragments.append((start, end))
        if not label:
            raise self.err("the annotation has no label", number, ident)
        self.t[ident] = {"label": self.names.get(label, label), "fragments": fragments, "text": "\t".join(fields[2:]),
                         "line": number}

    def _arg(self, part: str, number: int, ident: str) -> tuple[str, str]:
        role, sep, target = part.partition(":")
        if not sep or not role or not target:
            raise self.err(f"an argument is Role:Id, got {part!r}", number, ident)
        return role, target

    # --- annotations ---------------------------------------------------------------------------------------------

    def _layer(self, annotator: str) -> tuple[PeerLayer, list[Entity]]:
        layer = PeerLayer(annotator, Status.IN_PROGRESS.value, status_known=False)
        for ident, ev in self.e.items():
            self._need(ev["trigger"], ev["line"], ident, "T")
            for role, target in ev["args"]:
                self._need(target, ev["line"], ident, "TE")
        for ident, rel in self.r.items():
            for role, target in rel["args"]:
                self._need(target, rel["line"], ident, "TE")
        attribution = {i: ev for i, ev in self.e.items() if self.mapping.is_attribution(ev["type"])}
        for ident, ev in attribution.items():
            bases = [_base(role) for role, _ in ev["args"]]
            wrong = next((role for role, _ in ev["args"] if _base(role) not in ("Source", "Cue", "Content")), None)
            if wrong:
                raise self.err(f"an attribution's roles are Source, Cue and Content, got {wrong!r}", ev["line"], ident)
            if "Content" not in bases:
                raise self.err("an attribution needs a Content", ev["line"], ident)
        used_as_arg = {t for ev in self.e.values() for _, t in ev["args"]} | \
            {t for rel in self.r.values() for _, t in rel["args"]} | {t for eq in self.eq for t in eq["ids"]}
        hidden = {ev["trigger"] for ev in attribution.values()} - used_as_arg
        span_attrs: dict[str, dict] = {i: {} for i in self.t}
        prov_extra: dict[str, dict] = {}  # relation / event id -> {"attrs": ..., "note": ...}
        entities: dict[str, Entity] = {}
        for a in self.a:
            self._need(a["target"], a["line"], a["id"], "TRE")
            bucket = span_attrs.get(a["target"]) if a["target"] in self.t else \
                prov_extra.setdefault(a["target"], {}).setdefault("attrs", {})
            bucket[a["name"]] = a["value"]
        for n in self.n:
            self._need(n["target"], n["line"], "N", "T")
            if n["resource"] == QAWL_REF:
                span_attrs[n["target"]]["entity"] = n["ref"]
                if n["text"].strip():
                    entities.setdefault(n["ref"], Entity(n["ref"], n["text"].strip()))
                continue
            span_attrs[n["target"]].setdefault("norm", []).append(
                {"type": n["type"], "resource": n["resource"], "id": n["ref"], "text": n["text"]})
        aliases: dict[str, tuple[str, ...]] = {}  # T -> the aliases of its speaker
        for note in self.notes:
            self._need(note["target"], note["line"], "#", "TRE")
            ours = _qawl_note(note["text"])
            if ours is not None and note["target"] in self.t:
                key, value = ours
                if key == "aliases" and isinstance(value, list):
                    aliases[note["target"]] = tuple(a for a in value if isinstance(a, str))
                elif key == "canonical":
                    try:
                        self.claims.append(claim_from_dict(value))
                    except QawlError as exc:
                        raise self.err(f"a canonical claim note: {exc}", note["line"], "#") from None
                else:
                    span_attrs[note["target"]][key] = value
                continue
            if ours is not None:
                prov_extra.setdefault(note["target"], {}).setdefault("attrs", {})[ours[0]] = ours[1]
                continue
            if note["target"] in self.t:
                old = span_attrs[note["target"]].get("note")
                span_attrs[note["target"]]["note"] = f"{old}\n{note['text']}" if old else note["text"]
            else:
                prov_extra.setdefault(note["target"], {})["note"] = note["text"]
        for target, names in aliases.items():
            ref = span_attrs[target].get("entity")
            if ref in entities:
                entities[ref] = Entity(ref, entities[ref].name, names)
        events_of: dict[str, list[dict]] = {}
        for ident, ev in self.e.items():
            info = {"id": ident, "type": ev["type"], **prov_extra.get(ident, {})}
            if ident in attribution:
                info.update(self._trigger_info(ev))
                for role, target in ev["args"]:
                    if _base(role) == "Content":
                        events_of.setdefault(self._anchor(target), []).append(info)
            else:
                events_of.setdefault(ev["trigger"], []).append(info)
        for ident, t in self.t.items():
            many = len(t["fragments"]) > 1
            for k, (start, end) in enumerate(t["fragments"]):
                prov = {"source": NAME, "id": ident}
                if many:
                    prov["fragment"] = k
                if k == 0 and ident in events_of:
                    prov["events"] = events_of[ident]
                layer.spans.append(PeerSpan(ident, t["label"], start, end, f"{ident} (line {t['line']})",
                                            text=None if many else t["text"], attrs=dict(span_attrs[ident]),
                                            provenance=prov, group=ident if many else None,
                                            group_text=t["text"] if many else None, keep=ident not in hidden))
        for ident, rel in self.r.items():
            (r1, a1), (r2, a2) = rel["args"]
            prov = {"source": NAME, "id": ident, **prov_extra.get(ident, {})}
            if (r1, r2) != ("Arg1", "Arg2"):
                prov["roles"] = [r1, r2]
            layer.relations.append(PeerRelation(rel["type"], self._anchor(a1), self._anchor(a2),
                                                f"{ident} (line {rel['line']})", prov))
        for ident, ev in self.e.items():
            where = f"{ident} (line {ev['line']})"
            if ident in attribution:
                self._attribution(ident, ev, layer, where)
                continue
            for role, target in ev["args"]:
                prov = {"source": NAME, "event": ident, "role": role}
                if target.startswith("E"):
                    prov["arg_event"] = target
                layer.relations.append(PeerRelation(_base(role), ev["trigger"], self._anchor(target), where, prov))
        for k, eq in enumerate(self.eq):
            for target in eq["ids"]:
                self._need(target, eq["line"], "*", "T")
            for a, b in zip(eq["ids"], eq["ids"][1:]):
                layer.relations.append(PeerRelation(eq["type"], a, b, f"* (line {eq['line']})",
                                                    {"source": NAME, "equiv": k}))
        return layer, list(entities.values())

    def _attribution(self, ident: str, ev: dict, layer: PeerLayer, where: str) -> None:
        roles: dict[str, list[tuple[str, str]]] = {"Source": [], "Cue": [], "Content": []}
        for role, target in ev["args"]:
            base = _base(role)
            if base not in roles:
                raise self.err(f"an attribution's roles are Source, Cue and Content, got {role!r}", ev["line"], ident)
            roles[base].append((role, self._anchor(target)))
        if not roles["Content"]:
            raise self.err("an attribution needs a Content", ev["line"], ident)
        for _, content in roles["Content"]:
            said = "CLAIMED_BY" if self._our_label(content) == "CLAIM" else "SAID_BY"
            for role, source in roles["Source"]:
                layer.relations.append(PeerRelation(said, content, source, where,
                                                    {"source": NAME, "event": ident, "role": role}))
            for role, cue in roles["Cue"]:
                layer.relations.append(PeerRelation("CUE", content, cue, where,
                                                    {"source": NAME, "event": ident, "role": role}))

    def _trigger_info(self, ev: dict) -> dict:
        """Where the trigger is, relative to the first cue (or the content): PolNeAR's triggers copy the cue."""
        trig = self.t[ev["trigger"]]
        anchor_role = "Cue" if any(_base(r) == "Cue" for r, _ in ev["args"]) else "Content"
        anchor = next(self._anchor(t) for r, t in ev["args"] if _base(r) == anchor_role)
        a_start, a_end = self.t[anchor]["fragments"][0][0], self.t[anchor]["fragments"][-1][1]
        t_start, t_end = trig["fragments"][0][0], trig["fragments"][-1][1]
        return {"trigger": {"label": trig["label"], "anchor": anchor_role,
                            "delta": [t_start - a_start, t_end - a_end]}}

    def _our_label(self, t_id: str) -> str | None:
        if self._label_names is None:
            self._label_names = self.schema.label_names
        return self.mapping.label_in(self.t[t_id]["label"], self._label_names)

    def _anchor(self, target: str) -> str:
        """The T that stands for ``target``: itself, or an event's trigger (chains of events are followed)."""
        seen = set()
        while target.startswith("E") and target not in seen:
            seen.add(target)
            target = self.e[target]["trigger"]
        return target

    def _need(self, target: str, line: int, ident: str, kinds: str) -> None:
        table = {"T": self.t, "R": self.r, "E": self.e}
        if not target or target[0] not in kinds or target not in table.get(target[0], {}):
            raise self.err(f"refers to {target!r}, which is not an annotation in this file", line, ident)


def _qawl_note(text: str) -> tuple[str, object] | None:
    """``qawl:NAME=<JSON>`` (a value our writer kept in a note) -> (NAME, value); other notes -> None."""
    if not text.startswith(QAWL_NOTE) or "=" not in text:
        return None
    key, _, value = text[len(QAWL_NOTE):].partition("=")
    try:
        return key, json.loads(value)
    except ValueError:
        return None


def _base(role: str) -> str:
    """A role without its repeat number: Org-Arg2 -> Org-Arg, Content2 -> Content (Arg1/Arg2 stay)."""
    m = _NUMBERED.match(role)
    return m.group(1) if m and not role.startswith("Arg") else role

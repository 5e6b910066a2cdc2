"""brat standoff writing: ``NAME.txt`` + ``NAME.ann`` per document and an ``annotation.conf`` brat can load.

One annotator: files at the top level; several: one folder per annotator (a brat collection each, with its own
``annotation.conf``). Offsets are code points into the (normalised) text, as brat's server counts them.

* spans -> ``T`` lines; a span that covers a line break (``\n``, or U+2028 and the other characters
  line-based readers split at) is written as fragments cut there (brat cannot show a span across lines), and fragments of one brat annotation (provenance ``id`` + ``fragment``) are
  joined again into one ``T``;
* SAID_BY / CLAIMED_BY / CUE relations of a span -> one PARC attribution event per span (or per original event
  when the span's provenance remembers it): ``T`` trigger (``Attribution``, on the cue), ``E`` with ``Source`` /
  ``Cue`` / ``Content`` roles; other relations that came from brat events become those events again; equivalence
  relations become ``*`` lines; every other relation an ``R`` line;
* attrs -> ``A`` lines (strings without white space, ``True`` for binary), ``note`` -> ``#`` AnnotatorNotes,
  ``norm`` -> ``N`` lines, ``entity`` (a speaker) -> ``N<TAB>Reference T Qawl:<id><TAB><name>`` and, once per
  document, a note ``qawl:aliases=<JSON>``. Attribute values brat cannot hold (``false``, white space, lists,
  objects) are written as notes ``qawl:name=<JSON>``, which the reader turns back into attributes;
* label, relation and attribute names brat cannot hold (``Direct Quote``) become type names (``Direct_Quote``);
  ``visual.conf`` shows the original names and the reader maps them back; ``annotation.conf`` declares the whole
  schema (every label, relation type, attribution event and choice attribute) and everything the files use.

Streaming: each document's ``.txt`` / ``.ann`` is written (and closed) as soon as its lines are read; the
configuration files come last.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Iterable

from ..model import Entity, claim_from_dict, claim_to_dict
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .brat import QAWL_NOTE, QAWL_REF
from .peer import safe_name
from .mapping import LabelMapping
from .out import Doc, MemorySink, Sink, Work, annotators_of, as_lines, documents

ATTRIBUTION_RELATIONS = ("SAID_BY", "CLAIMED_BY", "CUE")
_ROLE = {"SAID_BY": "Source", "CLAIMED_BY": "Source", "CUE": "Cue"}
_NUM = re.compile(r"\d+$")
# Characters that end a line for line-based readers (Python's splitlines): a T line's text must not hold them.
LINE_BREAKS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_NOT_BREAK = re.compile(f"[^{LINE_BREAKS}]+")
_BREAK = re.compile(f"[{LINE_BREAKS}]")


def stream(docs: Iterable[Doc], sink: Sink, *, mapping: LabelMapping | None = None,
           schema: LabelSchema = DEFAULT_SCHEMA, annotators: Iterable[str] | None = None, **_) -> None:
    """Documents -> ``.txt`` / ``.ann`` pairs (each written as soon as its document is read), then one
    ``annotation.conf`` and ``visual.conf`` per collection. ``annotators``: the annotator names in ``docs`` (else
    the documents are read twice, in memory)."""
    mapping = mapping or LabelMapping()
    if annotators is None:
        docs, annotators = annotators_of(docs)
    annotators = list(annotators)
    folders = {a: (f"{safe_name(a)}/" if len(annotators) > 1 else "") for a in annotators} or {None: ""}
    types = _Types()
    confs = {folder: _Conf(types) for folder in folders.values()}
    names = _Names(mapping, types)
    for doc in docs:
        by_who = {work.annotator: work for work in doc.layers}
        name = safe_name(doc.id)
        text = doc.text.encode("utf-8")
        for who, folder in folders.items():
            work = by_who.get(who)
            sink.write(f"{folder}{name}.txt", text)
            ann = _Writer(doc.text, work, names, confs[folder]).ann() if work is not None else ""
            sink.write(f"{folder}{name}.ann", ann.encode("utf-8"))
            sink.close(f"{folder}{name}.txt")
            sink.close(f"{folder}{name}.ann")
    for folder, conf in confs.items():
        conf.declare(schema, mapping)
        sink.write(f"{folder}annotation.conf", conf.text().encode("utf-8"))
        sink.write(f"{folder}visual.conf", types.visual().encode("utf-8"))


def write(records, **options) -> dict[str, bytes]:
    """Records (or export lines) -> ``{path: bytes}`` (in memory)."""
    sink = MemorySink()
    stream(documents(as_lines(records)), sink, **options)
    return sink.files


_BAD_TYPE = re.compile(r"[^\w\-.]")


def brat_type(name: str) -> str:
    """A name brat can hold as a type, role or attribute name (no white space or configuration punctuation)."""
    return _BAD_TYPE.sub("_", name.strip()) or "_"


@lru_cache(maxsize=4096)
def _is_type(name: str) -> bool:
    """True when ``name`` is already a brat type name (:func:`brat_type` leaves it as it is)."""
    return bool(name) and not _BAD_TYPE.search(name) and name == name.strip()


class _Types:
    """Our label names -> brat type names (``Direct Quote`` -> ``Direct_Quote``), told apart when two collide;
    ``visual.conf`` shows the original names, and the reader maps them back."""

    def __init__(self) -> None:
        self.out: dict[str, str] = {}
        self.taken: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        found = self.out.get(name)
        if found is None:
            found = base = brat_type(name)
            k = 2
            while found in self.taken and self.taken[found] != name:
                found, k = f"{base}_{k}", k + 1
            self.out[name], self.taken[found] = found, name
        return found

    def visual(self) -> str:
        lines = ["# written by Qawl: brat type | the label's own name", "[labels]"]
        lines += [f"{t} | {name}" for name, t in self.out.items() if t != name]
        return "\n".join(lines + ["", "[drawing]", ""])


class _Names:
    """Our label and relation type names -> brat type names through the mapping, found once per export."""

    def __init__(self, mapping: LabelMapping, types: _Types) -> None:
        self.mapping, self.types = mapping, types
        self._labels: dict[str, str] = {}
        self._relations: dict[str, str] = {}

    def label(self, name: str) -> str:
        found = self._labels.get(name)
        if found is None:
            found = self._labels[name] = self.types(self.mapping.label_out(name))
        return found

    def relation(self, name: str) -> str:
        found = self._relations.get(name)
        if found is None:
            found = self._relations[name] = self.types(self.mapping.relation_out(name))
        return found


class _Conf:
    """What the written files use, and the whole schema, declared so brat accepts every line and a brat set up from
    this file can label everything the schema has."""

    def __init__(self, types: "_Types | None" = None) -> None:
        self.types = types or _Types()
        self.entities: list[str] = []
        self.entity_set: set[str] = set()  # the same names, for the check made once per span
        self.relations: dict[str, tuple[str, str]] = {}
        self.relation_args: dict[str, tuple[str, str]] = {}  # relation -> (Arg1 types, Arg2 types) from the schema
        self.equivs: list[str] = []
        self.events: dict[str, dict[str, str]] = {}  # event type -> role -> <ENTITY> / <EVENT>
        self.attributes: dict[str, tuple[set, set]] = {}  # name -> (values, what it is on)

    def declare(self, schema: LabelSchema, mapping: LabelMapping) -> None:
        """Every label, relation type and choice attribute of the schema, in brat's names."""
        name = {s.name: self.types(mapping.label_out(s.name)) for s in schema.span_labels if mapping.label_out(s.name)}
        for label in schema.span_labels:
            if label.name in name:
                self.add(self.entities, name[label.name])
                for attr in label.attrs:
                    # brat holds a choice only as a value without spaces; the others go as notes (see _attr)
                    safe = [c for c in attr.choices if brat_type(c) == c]
                    if attr.kind == "choice" and safe and brat_type(attr.name) == attr.name:
                        values, on = self.attributes.setdefault(attr.name, (set(), set()))
                        values.update(safe)
                        on.add(name[label.name])
        if any(r.name in ATTRIBUTION_RELATIONS for r in schema.relation_types):
            for event in ("Attribution", "Attribution-no-source"):
                self.events.setdefault(event, {"Source": "<ENTITY>", "Cue": "<ENTITY>", "Content": "<ENTITY>"})
        for rel in schema.relation_types:
            out = mapping.relation_out(rel.name)
            if not out or rel.name in ATTRIBUTION_RELATIONS:
                continue
            heads = "|".join(name[h] for h in rel.heads if h in name) or "<ENTITY>"
            tails = "|".join(name[t] for t in rel.tails if t in name) or "<ENTITY>"
            self.relation_args.setdefault(self.types(out), (heads, tails))

    def add(self, table: list | dict, key: str, value=None) -> None:
        if isinstance(table, list):
            if key not in table:
                table.append(key)
        elif key not in table:
            table[key] = value

    def text(self) -> str:
        lines = ["# written by Qawl", "[entities]"] + [e for e in self.entities if e not in self.events]
        lines += ["", "[relations]"]
        for name, (a1, a2) in self.relation_args.items():
            if name not in self.relations:
                lines.append(f"{name}\tArg1:{a1}, Arg2:{a2}")
        for name, (r1, r2) in self.relations.items():
            a1, a2 = self.relation_args.get(name, ("<ENTITY>", "<ENTITY>"))
            lines.append(f"{name}\t{r1}:{a1}, {r2}:{a2}")
        for name in self.equivs:
            lines.append(f"{name}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive")
        lines += ["", "[events]"]
        for name, roles in self.events.items():
            lines.append(f"{name}\t" + ", ".join(f"{r}*:{t}" for r, t in sorted(roles.items())) if roles else name)
        lines += ["", "[attributes]"]
        for name, (values, on) in self.attributes.items():
            vals = sorted(v for v in values if v is not True)
            lines.append(f"{name}\tArg:{'|'.join(sorted(on))}" + (f", Value:{'|'.join(vals)}" if vals else ""))
        return "\n".join(lines) + "\n"


# A span and a relation as documents hold them (see :class:`~.out.Work`).
_ID, _LABEL, _START, _END, _TEXT, _ATTRS, _ORIGIN, _PROV = range(8)
_HEAD, _TAIL = 2, 3


class _Writer:
    """One document's ``.ann`` (one annotator's layer)."""

    def __init__(self, text: str, work: Work, names: _Names, conf: _Conf) -> None:
        self.text, self.work, self.names, self.conf = text, work, names, conf
        self.spans = {span[_ID]: span for span in work.spans}
        self.entities = {e["id"]: Entity(e["id"], e["name"], tuple(e.get("aliases") or ())) for e in work.entities}
        self.claims = {c["id"]: c for c in work.claims}
        self.lines: list[str] = []
        self.count = {"T": 0, "R": 0, "E": 0, "A": 0, "N": 0, "#": 0}
        self.tid: dict[str, str] = {}  # our span id -> T id
        self.aliased: set[str] = set()

    def new(self, kind: str) -> str:
        self.count[kind] += 1
        return f"{kind}{self.count[kind]}"

    def ann(self) -> str:
        spans = self.work.spans
        groups: dict[object, list[tuple]] = {}
        for span in spans:
            prov = span[_PROV]
            key = ("brat", prov.get("id")) if prov and prov.get("source") == "brat" and "fragment" in prov \
                else span[_ID]
            group = groups.get(key)
            if group is None:
                groups[key] = [span]
            else:
                group.append(span)
        for members in groups.values():
            self._t(members)
        tid = self.tid
        event_ids: dict[str, str] = {}
        attribution: dict[object, list] = {}
        generic: dict[str, list] = {}
        equiv: dict[tuple, list] = {}
        plain = []
        done: set[tuple] = set()
        for rel in sorted(self.work.relations, key=lambda r: (tid[r[_HEAD]], tid[r[_TAIL]], r[1])):
            key = (rel[1], tid[rel[_HEAD]], tid[rel[_TAIL]])
            if key in done:
                continue  # a relation copied to every fragment of a discontinuous span
            done.add(key)
            prov = rel[5]
            if rel[1] in ATTRIBUTION_RELATIONS and (prov.get("event") is None or prov.get("role")):
                attribution.setdefault(prov.get("event") or ("content", tid[rel[_HEAD]]), []).append(rel)
            elif prov.get("event"):
                generic.setdefault(prov["event"], []).append(rel)
            elif "equiv" in prov:
                equiv.setdefault((rel[1], prov["equiv"]), []).append(rel)
            else:
                plain.append(rel)
        for event, rels in attribution.items():
            self._attribution(event, rels, event_ids)
        for span in spans:  # attribution events remembered on a content span but with no relation left
            for info in (span[_PROV].get("events") or []) if span[_PROV] else ():
                if info.get("trigger") and info["id"] not in event_ids and span[_ID] in tid:
                    self._attribution(info["id"], [], event_ids, content=span, info=info)
        self._generic(generic, spans, event_ids)
        for (rtype, _), rels in equiv.items():
            name = self.names.relation(rtype)
            self.conf.add(self.conf.equivs, name)
            chain = []
            for rel in rels:
                for end in (tid[rel[_HEAD]], tid[rel[_TAIL]]):
                    if end not in chain:
                        chain.append(end)
            self.lines.append(f"*\t{name} {' '.join(chain)}")
        for rel in plain:
            name = self.names.relation(rel[1])
            roles = rel[5].get("roles") or ["Arg1", "Arg2"]
            self.conf.add(self.conf.relations, name, tuple(roles))
            rid = self.new("R")
            self.lines.append(f"{rid}\t{name} {roles[0]}:{tid[rel[_HEAD]]} {roles[1]}:{tid[rel[_TAIL]]}")
            self._extras(rid, rel[5])
        return "\n".join(self.lines) + ("\n" if self.lines else "")

    def _t(self, members: list[tuple]) -> None:
        text = self.text
        first = members[0]
        start, end = first[_START], first[_END]
        if len(members) == 1 and not _BREAK.search(text, start, end):
            ranges, shown = f"{start} {end}", text[start:end]  # the usual case: one span on one line
        else:
            fragments = []
            # Fragments keep the order brat listed them in (it joins their texts in that order).
            for span in sorted(members, key=lambda s: (s[_PROV].get("fragment", 0), s[_START])):
                for m in _NOT_BREAK.finditer(text, span[_START], span[_END]):  # cut at line breaks
                    fragments.append((m.start(), m.end()))
            if not fragments:  # a span of line breaks only: brat cannot hold it; keep it whole
                fragments = [(start, end)]
            ranges = ";".join(f"{s} {e}" for s, e in fragments)
            shown = " ".join(text[s:e] for s, e in fragments)
        label = self.names.label(first[_LABEL])
        if label not in self.conf.entity_set:
            self.conf.add(self.conf.entities, label)
            self.conf.entity_set.add(label)
        tid = self.new("T")
        for span in members:
            self.tid[span[_ID]] = tid
        self.lines.append(f"{tid}\t{label} {ranges}\t{shown}")
        if len(members) == 1:
            attrs = first[_ATTRS]
        else:
            attrs = {}
            for span in members:
                attrs.update(span[_ATTRS])
        for name, value in attrs.items():
            if name == "note" and isinstance(value, str):
                for note in value.split("\n"):
                    self.lines.append(f"{self.new('#')}\tAnnotatorNotes {tid}\t{note}")
            elif name == "entity" and isinstance(value, str) and value and not any(c.isspace() for c in value):
                ent = self.entities.get(value)
                self.lines.append(f"{self.new('N')}\tReference {tid} {QAWL_REF}:{value}\t"
                                  f"{_one_line(ent.name) if ent else _one_line(first[_TEXT])}")
                if ent is not None and ent.aliases and value not in self.aliased:
                    self.aliased.add(value)  # the speaker's other names, once per document
                    self._note(tid, "aliases", list(ent.aliases))
            elif name == "claim" and isinstance(value, str) and value in self.claims:
                self._attr(tid, name, value)
                if value not in self.aliased:  # the canonical claim's registry entry, once per document
                    self.aliased.add(value)
                    self._note(tid, "canonical", claim_to_dict(claim_from_dict(self.claims[value])))
            elif name == "norm" and isinstance(value, list) and all(isinstance(n, dict) for n in value):
                for n in value:
                    self.lines.append(f"{self.new('N')}\t{n.get('type', 'Reference')} {tid} "
                                      f"{n.get('resource')}:{n.get('id')}\t{n.get('text', '')}")
            else:
                self._attr(tid, name, value)

    def _attr(self, target: str, name: str, value) -> None:
        if (value is True or (isinstance(value, str) and value and _is_type(value))) and _is_type(name):
            values, on = self.conf.attributes.setdefault(name, (set(), set()))
            values.add(value)
            on.add(_ON[target[0]])
            self.lines.append(f"{self.new('A')}\t{name} {target}" + ("" if value is True else f" {value}"))
        elif value is not None:
            self._note(target, name, value)  # what an A line cannot hold (false, text with spaces, lists...)

    def _note(self, target: str, name: str, value) -> None:
        """A value brat has no line for, as a note Qawl reads back: ``qawl:NAME=<JSON>``."""
        shown = json.dumps(value, ensure_ascii=False)
        self.lines.append(f"{self.new('#')}\tAnnotatorNotes {target}\t{QAWL_NOTE}{name}={shown}")

    def _extras(self, target: str, prov: dict) -> None:
        for name, value in (prov.get("attrs") or {}).items():
            self._attr(target, name, value)
        if isinstance(prov.get("note"), str):
            self.lines.append(f"{self.new('#')}\tAnnotatorNotes {target}\t{prov['note']}")

    def _attribution(self, event, rels: list, event_ids: dict, content: tuple | None = None,
                     info: dict | None = None) -> None:
        tid = self.tid
        heads = [self.spans[r[_HEAD]] for r in rels]
        content_spans = list({tid[s[_ID]]: s for s in heads}.values()) or [content]
        if info is None:
            info = next((i for s in content_spans for i in ((s[_PROV].get("events") or []) if s[_PROV] else ())
                         if i.get("id") == event), {})
        sources = [r for r in rels if _ROLE[r[1]] == "Source"]
        cues = [r for r in rels if _ROLE[r[1]] == "Cue"]
        trig = info.get("trigger") or {}
        etype = info.get("type") or ("Attribution" if sources else "Attribution-no-source")
        anchor = self.spans[cues[0][_TAIL]] if cues and trig.get("anchor", "Cue") == "Cue" else content_spans[0]
        delta = trig.get("delta") or [0, 0]
        text = self.text
        start = min(max(0, anchor[_START] + delta[0]), len(text) - 1)
        end = max(start + 1, min(len(text), anchor[_END] + delta[1]))
        t = self.new("T")
        label = trig.get("label") or etype
        self.lines.append(f"{t}\t{label} {start} {end}\t{text[start:end]}".replace("\n", " "))
        args = []
        for role_base, group in (("Source", sources), ("Cue", cues)):
            for k, rel in enumerate(group):
                role = rel[5].get("role") or (role_base if k == 0 else f"{role_base}{k + 1}")
                args.append(f"{role}:{tid[rel[_TAIL]]}")
        for k, span in enumerate(content_spans):
            args.append(f"{'Content' if k == 0 else f'Content{k + 1}'}:{tid[span[_ID]]}")
        eid = self.new("E")
        event_ids[str(event)] = eid
        self.conf.add(self.conf.events, label, {"Source": "<ENTITY>", "Cue": "<ENTITY>", "Content": "<ENTITY>"})
        self.lines.append(f"{eid}\t{label}:{t} {' '.join(_unique(args))}")
        self._extras(eid, info)

    def _generic(self, generic: dict, spans: list[tuple], event_ids: dict) -> None:
        tid = self.tid
        triggers: dict[str, tuple] = {}
        infos: dict[str, dict] = {}
        for span in spans:
            for info in (span[_PROV].get("events") or []) if span[_PROV] else ():
                if not info.get("trigger"):
                    triggers.setdefault(info["id"], span)
                    infos[info["id"]] = info
        order = list(dict.fromkeys([*triggers, *generic]))
        for event in order:  # ids first, so that events can name each other
            event_ids.setdefault(event, self.new("E"))
        for event in order:
            rels = generic.get(event, [])
            trigger = triggers.get(event) or self.spans[rels[0][_HEAD]]
            label = self.names.label(trigger[_LABEL])
            args = []
            for rel in rels:
                target = rel[5].get("arg_event")
                target = event_ids.get(target, tid[rel[_TAIL]]) if target else tid[rel[_TAIL]]
                args.append(f"{rel[5].get('role') or self.names.relation(rel[1])}:{target}")
            roles = self.conf.events.setdefault(label, {})
            for arg in args:
                role, target = arg.split(":", 1)
                roles[_NUM.sub("", role) or role] = "<EVENT>" if target.startswith("E") else "<ENTITY>"
            self.lines.append(f"{event_ids[event]}\t{label}:{tid[trigger[_ID]]}" +
                              (" " + " ".join(args) if args else ""))
            self._extras(event_ids[event], infos.get(event, {}))


_ON = {"T": "<ENTITY>", "E": "<EVENT>", "R": "<RELATION>"}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))

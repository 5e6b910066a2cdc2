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
  ``norm`` -> ``N`` lines, ``entity`` (a speaker) -> ``N<TAB>Reference T Qawl:<id><TAB><name>``. Attribute values
  brat cannot hold (with white space, lists, objects) are written as notes ``name=value``.
"""

from __future__ import annotations

import json
import re
from typing import Iterable

from ..jsonl import Record
from ..model import Span
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .brat import QAWL_REF
from .peer import safe_name
from .mapping import LabelMapping

ATTRIBUTION_RELATIONS = ("SAID_BY", "CLAIMED_BY", "CUE")
_ROLE = {"SAID_BY": "Source", "CLAIMED_BY": "Source", "CUE": "Cue"}
_NUM = re.compile(r"\d+$")
# Characters that end a line for line-based readers (Python's splitlines): a T line's text must not hold them.
LINE_BREAKS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_NOT_BREAK = re.compile(f"[^{LINE_BREAKS}]+")


def write(records: Iterable[Record], *, mapping: LabelMapping | None = None,
          schema: LabelSchema = DEFAULT_SCHEMA) -> dict[str, bytes]:
    mapping = mapping or LabelMapping()
    records = list(records)
    annotators = sorted({r.layer.annotator for r in records if r.layer is not None})
    out: dict[str, bytes] = {}
    confs: dict[str, _Conf] = {}
    for rec in records:
        folder = f"{safe_name(rec.layer.annotator)}/" if rec.layer is not None and len(annotators) > 1 else ""
        conf = confs.setdefault(folder, _Conf())
        name = safe_name(rec.document.id)
        out[f"{folder}{name}.txt"] = rec.document.text.encode("utf-8")
        ann = _Writer(rec, mapping, conf).ann() if rec.layer is not None else ""
        out[f"{folder}{name}.ann"] = ann.encode("utf-8")
    for folder, conf in confs.items():
        out[f"{folder}annotation.conf"] = conf.text().encode("utf-8")
    return out


class _Conf:
    """What the written files use, declared so brat accepts every line."""

    def __init__(self) -> None:
        self.entities: list[str] = []
        self.relations: dict[str, tuple[str, str]] = {}
        self.equivs: list[str] = []
        self.events: dict[str, dict[str, str]] = {}  # event type -> role -> <ENTITY> / <EVENT>
        self.attributes: dict[str, tuple[set, set]] = {}  # name -> (values, what it is on)

    def add(self, table: list | dict, key: str, value=None) -> None:
        if isinstance(table, list):
            if key not in table:
                table.append(key)
        elif key not in table:
            table[key] = value

    def text(self) -> str:
        lines = ["# written by Qawl", "[entities]"] + [e for e in self.entities if e not in self.events]
        lines += ["", "[relations]"]
        for name, (r1, r2) in self.relations.items():
            lines.append(f"{name}\t{r1}:<ENTITY>, {r2}:<ENTITY>")
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


class _Writer:
    def __init__(self, rec: Record, mapping: LabelMapping, conf: _Conf) -> None:
        self.doc, self.layer, self.mapping, self.conf = rec.document, rec.layer, mapping, conf
        self.entities = {e.id: e for e in rec.entities}
        self.lines: list[str] = []
        self.count = {"T": 0, "R": 0, "E": 0, "A": 0, "N": 0, "#": 0}
        self.tid: dict[str, str] = {}  # our span id -> T id

    def new(self, kind: str) -> str:
        self.count[kind] += 1
        return f"{kind}{self.count[kind]}"

    def ann(self) -> str:
        spans = self.layer.sorted_spans()
        groups: dict[object, list[Span]] = {}
        for span in spans:
            prov = span.provenance
            key = ("brat", prov.get("id")) if prov.get("source") == "brat" and "fragment" in prov else span.id
            groups.setdefault(key, []).append(span)
        for members in groups.values():
            self._t(members)
        event_ids: dict[str, str] = {}
        attribution: dict[object, list] = {}
        generic: dict[str, list] = {}
        equiv: dict[tuple, list] = {}
        plain = []
        done: set[tuple] = set()
        for rel in sorted(self.layer.relations.values(), key=lambda r: (self.tid[r.head], self.tid[r.tail], r.type)):
            key = (rel.type, self.tid[rel.head], self.tid[rel.tail])
            if key in done:
                continue  # a relation copied to every fragment of a discontinuous span
            done.add(key)
            prov = rel.provenance
            if rel.type in ATTRIBUTION_RELATIONS and (prov.get("event") is None or prov.get("role")):
                attribution.setdefault(prov.get("event") or ("content", self.tid[rel.head]), []).append(rel)
            elif prov.get("event"):
                generic.setdefault(prov["event"], []).append(rel)
            elif "equiv" in prov:
                equiv.setdefault((rel.type, prov["equiv"]), []).append(rel)
            else:
                plain.append(rel)
        for event, rels in attribution.items():
            self._attribution(event, rels, event_ids)
        for span in spans:  # attribution events remembered on a content span but with no relation left
            for info in span.provenance.get("events") or []:
                if info.get("trigger") and info["id"] not in event_ids and span.id in self.tid:
                    self._attribution(info["id"], [], event_ids, content=span, info=info)
        self._generic(generic, spans, event_ids)
        for (rtype, _), rels in equiv.items():
            name = self.mapping.relation_out(rtype)
            self.conf.add(self.conf.equivs, name)
            chain = []
            for rel in rels:
                for end in (self.tid[rel.head], self.tid[rel.tail]):
                    if end not in chain:
                        chain.append(end)
            self.lines.append(f"*\t{name} {' '.join(chain)}")
        for rel in plain:
            name = self.mapping.relation_out(rel.type)
            roles = rel.provenance.get("roles") or ["Arg1", "Arg2"]
            self.conf.add(self.conf.relations, name, tuple(roles))
            rid = self.new("R")
            self.lines.append(f"{rid}\t{name} {roles[0]}:{self.tid[rel.head]} {roles[1]}:{self.tid[rel.tail]}")
            self._extras(rid, rel.provenance)
        return "\n".join(self.lines) + ("\n" if self.lines else "")

    def _t(self, members: list[Span]) -> None:
        text = self.doc.text
        fragments: list[tuple[int, int]] = []
        # Fragments keep the order brat listed them in (it joins their texts in that order).
        for span in sorted(members, key=lambda s: (s.provenance.get("fragment", 0), s.start)):
            for m in _NOT_BREAK.finditer(text, span.start, span.end):  # cut at line breaks
                fragments.append((m.start(), m.end()))
        if not fragments:  # a span of line breaks only: brat cannot hold it; keep it whole
            fragments = [(members[0].start, members[0].end)]
        first = members[0]
        label = self.mapping.label_out(first.label)
        self.conf.add(self.conf.entities, label)
        tid = self.new("T")
        for span in members:
            self.tid[span.id] = tid
        ranges = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(text[s:e] for s, e in fragments)
        self.lines.append(f"{tid}\t{label} {ranges}\t{shown}")
        attrs = {}
        for span in members:
            attrs.update(span.attrs)
        for name, value in attrs.items():
            if name == "note" and isinstance(value, str):
                for note in value.split("\n"):
                    self.lines.append(f"{self.new('#')}\tAnnotatorNotes {tid}\t{note}")
            elif name == "entity" and isinstance(value, str) and value and not any(c.isspace() for c in value):
                ent = self.entities.get(value)
                self.lines.append(f"{self.new('N')}\tReference {tid} {QAWL_REF}:{value}\t"
                                  f"{ent.name if ent else first.text}")
            elif name == "norm" and isinstance(value, list) and all(isinstance(n, dict) for n in value):
                for n in value:
                    self.lines.append(f"{self.new('N')}\t{n.get('type', 'Reference')} {tid} "
                                      f"{n.get('resource')}:{n.get('id')}\t{n.get('text', '')}")
            else:
                self._attr(tid, name, value)

    def _attr(self, target: str, name: str, value) -> None:
        if value is True or (isinstance(value, str) and value and not any(c.isspace() for c in value)
                             and not any(c.isspace() for c in name)):
            values, on = self.conf.attributes.setdefault(name, (set(), set()))
            values.add(value)
            on.add({"T": "<ENTITY>", "E": "<EVENT>", "R": "<RELATION>"}[target[0]])
            self.lines.append(f"{self.new('A')}\t{name} {target}" + ("" if value is True else f" {value}"))
        elif value not in (None, False, ""):
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            self.lines.append(f"{self.new('#')}\tAnnotatorNotes {target}\t{name}={shown}".replace("\n", " "))

    def _extras(self, target: str, prov: dict) -> None:
        for name, value in (prov.get("attrs") or {}).items():
            self._attr(target, name, value)
        if isinstance(prov.get("note"), str):
            self.lines.append(f"{self.new('#')}\tAnnotatorNotes {target}\t{prov['note']}")

    def _attribution(self, event, rels: list, event_ids: dict, content: Span | None = None,
                     info: dict | None = None) -> None:
        heads = [self.layer.spans[r.head] for r in rels]
        content_spans = list({self.tid[s.id]: s for s in heads}.values()) or [content]
        if info is None:
            info = next((i for s in content_spans for i in (s.provenance.get("events") or [])
                         if i.get("id") == event), {})
        sources = [r for r in rels if _ROLE[r.type] == "Source"]
        cues = [r for r in rels if _ROLE[r.type] == "Cue"]
        trig = info.get("trigger") or {}
        etype = info.get("type") or ("Attribution" if sources else "Attribution-no-source")
        anchor = self.layer.spans[cues[0].tail] if cues and trig.get("anchor", "Cue") == "Cue" else content_spans[0]
        delta = trig.get("delta") or [0, 0]
        start = min(max(0, anchor.start + delta[0]), len(self.doc.text) - 1)
        end = max(start + 1, min(len(self.doc.text), anchor.end + delta[1]))
        tid = self.new("T")
        label = trig.get("label") or etype
        self.lines.append(f"{tid}\t{label} {start} {end}\t{self.doc.text[start:end]}".replace("\n", " "))
        args = []
        for role_base, group in (("Source", sources), ("Cue", cues)):
            for k, rel in enumerate(group):
                role = rel.provenance.get("role") or (role_base if k == 0 else f"{role_base}{k + 1}")
                args.append(f"{role}:{self.tid[rel.tail]}")
        for k, span in enumerate(content_spans):
            args.append(f"{'Content' if k == 0 else f'Content{k + 1}'}:{self.tid[span.id]}")
        eid = self.new("E")
        event_ids[str(event)] = eid
        self.conf.add(self.conf.events, label, {"Source": "<ENTITY>", "Cue": "<ENTITY>", "Content": "<ENTITY>"})
        self.lines.append(f"{eid}\t{label}:{tid} {' '.join(_unique(args))}")
        self._extras(eid, info)

    def _generic(self, generic: dict, spans: list[Span], event_ids: dict) -> None:
        triggers: dict[str, Span] = {}
        infos: dict[str, dict] = {}
        for span in spans:
            for info in span.provenance.get("events") or []:
                if not info.get("trigger"):
                    triggers.setdefault(info["id"], span)
                    infos[info["id"]] = info
        order = list(dict.fromkeys([*triggers, *generic]))
        for event in order:  # ids first, so that events can name each other
            event_ids.setdefault(event, self.new("E"))
        for event in order:
            rels = generic.get(event, [])
            trigger = triggers.get(event) or self.layer.spans[rels[0].head]
            label = self.mapping.label_out(trigger.label)
            args = []
            for rel in rels:
                target = rel.provenance.get("arg_event")
                target = event_ids.get(target, self.tid[rel.tail]) if target else self.tid[rel.tail]
                args.append(f"{rel.provenance.get('role') or self.mapping.relation_out(rel.type)}:{target}")
            roles = self.conf.events.setdefault(label, {})
            for arg in args:
                role, target = arg.split(":", 1)
                roles[_NUM.sub("", role) or role] = "<EVENT>" if target.startswith("E") else "<ENTITY>"
            self.lines.append(f"{event_ids[event]}\t{label}:{self.tid[trigger.id]}" +
                              (" " + " ".join(args) if args else ""))
            self._extras(event_ids[event], infos.get(event, {}))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))

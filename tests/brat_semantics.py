"""A brat .ann file as a set of facts with ids replaced by what they point at (for round-trip comparisons)."""

from __future__ import annotations

import re


def ann_facts(ann: str, *, skip_triggers_of: tuple[str, ...] = ()) -> set:
    t, lines = {}, []
    for line in ann.split("\n"):
        if not line.strip():
            continue
        fields = line.split("\t")
        lines.append(fields)
        if fields[0].startswith("T"):
            label, ranges = fields[1].split(" ", 1)
            frags = tuple(tuple(map(int, p.split())) for p in ranges.split(";"))
            t[fields[0]] = (label, frags, fields[2])
    events = {f[0]: f for f in lines if f[0].startswith("E")}
    rels = {f[0]: f for f in lines if f[0].startswith("R")}

    def desc(ident: str):
        if ident.startswith("T"):
            return t[ident]
        if ident.startswith("E"):
            parts = events[ident][1].split()
            etype, trig = parts[0].split(":")
            return ("E", etype, t[trig])
        if ident.startswith("R"):
            parts = rels[ident][1].split()
            return ("R", parts[0], tuple(desc(p.split(":")[1]) for p in parts[1:]))
        return ident

    facts = set()
    for f in lines:
        kind = f[0][0]
        if kind == "T":
            continue
        parts = f[1].split()
        if kind == "E":
            etype, trig = parts[0].split(":")
            roles = tuple(sorted((re.sub(r"\d+$", "", r.split(":")[0]), desc(r.split(":")[1])) for r in parts[1:]))
            facts.add(("E", etype, t[trig], roles))
        elif kind == "R":
            facts.add(("R", parts[0], tuple(sorted((p.split(":")[0], desc(p.split(":")[1])) for p in parts[1:]))))
        elif kind in "AM":
            facts.add(("A", parts[0], desc(parts[1]), parts[2] if len(parts) > 2 else True))
        elif kind == "N":
            facts.add(("N", parts[0], desc(parts[1]), parts[2], f[2] if len(f) > 2 else ""))
        elif kind == "#":
            facts.add(("#", parts[0], desc(parts[1]), f[2] if len(f) > 2 else ""))
        elif kind == "*":
            facts.add(("*", parts[0], frozenset(desc(i) for i in parts[1:])))
    used_triggers = {fact[2] for fact in facts if fact[0] == "E" and fact[1] in skip_triggers_of}
    facts |= {("T",) + v for v in t.values() if v not in used_triggers or not skip_triggers_of}
    return facts

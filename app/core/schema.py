"""The label schema: which span labels and relation types a project uses, their attributes, keys and colours.

A schema is plain data (``to_dict`` / ``from_dict``) stored in the project and named in every export line.
Attributes declared here are validated; attributes a schema does not declare are kept as they are (a teammate's
extra attribute is never dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from .errors import QawlError
from .guidelines import Guidelines, defaults_for
from .model import Relation, Span
from .notes import check_note_attrs

ATTR_KINDS = ("choice", "text", "date", "entity", "url", "claim")

# TIMEX3-style values: 2024-01-18, 2020-01, 2020, 2024-W03, XXXX-01-18 (year unknown), 2024-01-18T10:00,
# and the TIMEX3 reference tokens.
TIMEX_VALUE = re.compile(
    r"^(?:(?:[0-9X]{4}|[0-9X]{2}XX|[0-9]{2}|[0-9]{3})"
    r"(?:-(?:[0-9X]{2}|W[0-9X]{2}|Q[1-4X]|H[12X]|SP|SU|FA|WI)"
    r"(?:-(?:[0-9X]{2}|WE|[1-7]))?(?:T[0-9X:]{2,8}|T(?:MO|AF|EV|NI|DT))?)?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF)$")

_URL_HOST = re.compile(r"^(?:localhost|\[[0-9a-fA-F:.]+\]|(?:[^\s./:@]+\.)+[^\s./:@\d][^\s./:@]*|[\d.]+)$")


def url_problem(value: object) -> str | None:
    """What is wrong with a link given for a fact-check (None when it is a usable http(s) URL): a published
    fact-check is a web page, so the scheme is http or https, a host is named, and nothing invisible is inside."""
    if not isinstance(value, str):
        return f"must be a URL (text), got {value!r}"
    if value != value.strip() or any(ch.isspace() or ord(ch) < 32 or ch in "\u200e\u200f\u202a\u202b\u202c\u202d"
                                     "\u202e\u2066\u2067\u2068\u2069" for ch in value):
        return f"{value!r} is not a URL: it contains spaces or invisible characters"
    if len(value) > 2048:
        return "is longer than 2,048 characters"
    try:
        parts = urlsplit(value)
        port = parts.port  # raises on a port that is not a number
    except ValueError:
        return f"{value!r} is not a URL"
    if parts.scheme.lower() not in ("http", "https"):
        return f"{value!r} is not a web address: it must start with http:// or https://"
    host = parts.hostname or ""
    if not host or not _URL_HOST.match(host) or port == 0:
        return f"{value!r} names no valid host (e.g. https://example.org/fact-check/1)"
    return None


@dataclass(frozen=True)
class AttrDef:
    name: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    required: bool = False
    description: str = ""

    def check(self, value: object) -> None:
        if value is None or value == "":
            if self.required:
                raise QawlError("is required", field=f"attrs.{self.name}")
            return
        if self.kind == "choice" and value not in self.choices:
            raise QawlError(f"must be one of {', '.join(self.choices)}, got {value!r}", field=f"attrs.{self.name}")
        if self.kind in ("text", "entity", "claim") and not isinstance(value, str):
            raise QawlError(f"must be a string, got {value!r}", field=f"attrs.{self.name}")
        if self.kind == "url":
            problem = url_problem(value)
            if problem:
                raise QawlError(problem, field=f"attrs.{self.name}")
        if self.kind == "date" and (not isinstance(value, str) or not TIMEX_VALUE.match(value)):
            raise QawlError(f"must be an ISO-8601 / TIMEX3 value such as 2024-01-18, 2020-01 or XXXX-01-18, "
                            f"got {value!r}", field=f"attrs.{self.name}")


@dataclass(frozen=True)
class SpanLabel:
    name: str
    key: str = ""
    color: str = "#cccccc"
    attrs: tuple[AttrDef, ...] = ()
    description: str = ""

    def attr(self, name: str) -> AttrDef | None:
        return next((a for a in self.attrs if a.name == name), None)


@dataclass(frozen=True)
class RelationType:
    name: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class LabelSchema:
    name: str
    span_labels: tuple[SpanLabel, ...]
    relation_types: tuple[RelationType, ...] = ()
    version: int = 1
    description: str = ""
    guidelines: Guidelines = Guidelines()  # per label (and attribute value), per language: app.core.guidelines
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        names = [s.name for s in self.span_labels]
        if len(set(names)) != len(names):
            raise QawlError(f"duplicate span label in schema {self.name!r}", field="span_labels")
        for rel in self.relation_types:
            for end in (*rel.heads, *rel.tails):
                if end not in names:
                    raise QawlError(f"relation {rel.name} refers to unknown label {end!r}", field="relation_types")
        self._index.update({("span", s.name): s for s in self.span_labels})
        self._index.update({("rel", r.name): r for r in self.relation_types})

    def label(self, name: str) -> SpanLabel | None:
        return self._index.get(("span", name))

    def relation(self, name: str) -> RelationType | None:
        return self._index.get(("rel", name))

    @property
    def label_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.span_labels)

    @property
    def relation_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.relation_types)

    def check_span(self, span: Span) -> None:
        label = self.label(span.label)
        if label is None:
            raise QawlError(f"unknown label {span.label!r} (schema {self.name!r} has "
                            f"{', '.join(self.label_names)})", field="label")
        for attr in label.attrs:
            attr.check(span.attrs.get(attr.name))
        check_note_attrs(span.attrs)

    def check_relation(self, rel: Relation, head: Span, tail: Span) -> None:
        rtype = self.relation(rel.type)
        if rtype is None:
            raise QawlError(f"unknown relation type {rel.type!r} (schema {self.name!r} has "
                            f"{', '.join(self.relation_names)})", field="type")
        if head.label not in rtype.heads:
            raise QawlError(f"{rel.type} goes from {'/'.join(rtype.heads)}, not from {head.label}", field="head")
        if tail.label not in rtype.tails:
            raise QawlError(f"{rel.type} goes to {'/'.join(rtype.tails)}, not to {tail.label}", field="tail")

    def check_layer(self, layer) -> None:
        for span in layer.sorted_spans():
            try:
                self.check_span(span)
            except QawlError as exc:
                raise exc.located(field_prefix=f"spans[{span.id}]") from None
        for rel in layer.relations.values():
            try:
                self.check_relation(rel, layer.spans[rel.head], layer.spans[rel.tail])
            except QawlError as exc:
                raise exc.located(field_prefix=f"relations[{rel.id}]") from None

    def with_labels(self, labels: list[str], relation_types: list[str] = ()) -> "LabelSchema":
        """This schema plus plain labels / relation types (any head, any tail) it does not have yet."""
        extra = tuple(SpanLabel(name=n, color=_color_for(n)) for n in labels if self.label(n) is None)
        spans = self.span_labels + extra
        names = tuple(s.name for s in spans)
        rels = self.relation_types + tuple(RelationType(n, names, names) for n in relation_types
                                           if self.relation(n) is None)
        if not extra and len(rels) == len(self.relation_types):
            return self
        return replace(self, span_labels=spans, relation_types=rels, version=self.version + 1, _index={})

    def with_choices(self, label: str, attr: str, choices: tuple[str, ...]) -> "LabelSchema":
        """This schema with the choice list of ``label``.``attr`` replaced (the project's verdict list)."""
        found = self.label(label)
        definition = found.attr(attr) if found else None
        if definition is None or definition.kind != "choice":
            raise QawlError(f"{label} has no choice attribute {attr!r}", field="schema")
        clean = tuple(dict.fromkeys(" ".join(c.split()) for c in choices if c.strip()))
        if not clean:
            raise QawlError("needs at least one value", field=f"{label}.{attr}")
        if clean == definition.choices:
            return self
        attrs = tuple(replace(a, choices=clean) if a.name == attr else a for a in found.attrs)
        labels = tuple(replace(s, attrs=attrs) if s.name == label else s for s in self.span_labels)
        return replace(self, span_labels=labels, version=self.version + 1, _index={})

    def check_claim(self, claim) -> None:
        """A canonical claim's verdict and fact-check link follow the CLAIM label's ``verdict`` and ``factcheck``
        definitions (the one verdict list of the project)."""
        label = self.label("CLAIM")
        for name in ("verdict", "factcheck"):
            definition = label.attr(name) if label else None
            value = getattr(claim, name)
            if definition is not None:
                try:
                    definition.check(value)
                except QawlError as exc:
                    raise QawlError(exc.message, field=name) from None

    def to_dict(self) -> dict:
        return {
            "name": self.name, "version": self.version, "description": self.description,
            "span_labels": [{"name": s.name, "key": s.key, "color": s.color, "description": s.description,
                             "attrs": [{"name": a.name, "kind": a.kind, "choices": list(a.choices),
                                        "required": a.required, "description": a.description} for a in s.attrs]}
                            for s in self.span_labels],
            "relation_types": [{"name": r.name, "heads": list(r.heads), "tails": list(r.tails),
                                "description": r.description} for r in self.relation_types],
            "guidelines": self.guidelines.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict) -> "LabelSchema":
        try:
            labels = []
            for i, s in enumerate(data["span_labels"]):
                attrs = []
                for a in s.get("attrs", []):
                    if a.get("kind", "text") not in ATTR_KINDS:
                        raise QawlError(f"unknown attribute kind {a.get('kind')!r}",
                                        field=f"span_labels[{i}].attrs")
                    attrs.append(AttrDef(a["name"], a.get("kind", "text"), tuple(a.get("choices", ())),
                                         bool(a.get("required", False)), a.get("description", "")))
                labels.append(SpanLabel(s["name"], s.get("key", ""), s.get("color", _color_for(s["name"])),
                                        tuple(attrs), s.get("description", "")))
            rels = tuple(RelationType(r["name"], tuple(r["heads"]), tuple(r["tails"]), r.get("description", ""))
                         for r in data.get("relation_types", []))
            plain = cls(data["name"], tuple(labels), rels, int(data.get("version", 1)), data.get("description", ""))
        except (KeyError, TypeError, ValueError) as exc:
            raise QawlError(f"not a valid label schema ({exc!r})", field="schema") from None
        # A schema stored before guidelines existed gets the default ones for its labels; one that has its own
        # (even none at all) keeps them.
        guides = Guidelines.from_dict(data["guidelines"]) if "guidelines" in data else defaults_for(plain)
        return replace(plain, guidelines=guides, _index={}) if guides else plain


_PALETTE = ("#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69", "#fccde5", "#bc80bd", "#ccebc5")


def _color_for(name: str) -> str:
    return _PALETTE[sum(map(ord, name)) % len(_PALETTE)]


QUOTE_TYPES = ("direct", "indirect", "mixed")
# Claims (see README "Claims"): whether a claim is worth checking, the fact-checker's verdict (the default list; a
# project can set its own), and the coarse kind of assertion of the claims guidelines.
CHECKWORTHY = ("yes", "no", "unsure")
VERDICTS = ("true", "mostly true", "misleading", "false", "unverifiable", "not checked")
NOT_CHECKED = "not checked"  # a verdict that says no review was done: never published as a ClaimReview
CLAIM_KINDS = ("prediction", "statistic", "comparison", "causal", "rule", "attributed", "event", "other")
CLAIM_ATTRS = (
    AttrDef("checkworthy", "choice", CHECKWORTHY, False,
            "yes: specific, of public interest or harmful if false, not settled or routine; no: otherwise; "
            "unsure: the claimant's own reading without data, a hedged forecast, a vague quantity"),
    AttrDef("verdict", "choice", VERDICTS, False, "the fact-checker's verdict (the project's list)"),
    AttrDef("factcheck", "url", (), False, "the URL of the published fact-check"),
    AttrDef("note", "text", (), False, "free text: sources, reasoning"),
    AttrDef("claim", "claim", (), False, "the canonical claim in the project's claim registry"),
    AttrDef("kind", "choice", CLAIM_KINDS, False,
            "the main assertion: prediction, statistic, comparison, causal, rule, attributed, event, other"),
)

_PLAIN_DEFAULT = LabelSchema(
    name="quotes-claims",
    description="Reported speech (quotes) and claims, with who said them, the reporting verb and when.",
    span_labels=(
        SpanLabel("QUOTE", "Q", "#7fb3f5",
                  (AttrDef("type", "choice", QUOTE_TYPES, False,
                           "direct: the words as said, inside quotation marks; indirect: reported content; "
                           "mixed: indirect content with a quoted fragment"),),
                  "Direct or indirect reported speech"),
        SpanLabel("CLAIM", "C", "#f5b971", CLAIM_ATTRS, "A verifiable assertion of fact"),
        SpanLabel("SPEAKER", "S", "#8fd694",
                  (AttrDef("entity", "entity", (), False, "the speaker entity in the project registry"),),
                  "A mention of the source of a quote or claim"),
        SpanLabel("CUE", "K", "#d5a6f2", (), "The reporting verb or expression (قال، أكد، وفقاً لـ ...)"),
        SpanLabel("DATE", "D", "#f2e27a",
                  (AttrDef("value", "date", (), False, "ISO-8601 / TIMEX3 value, e.g. 2024-01-18 or 2020-01"),),
                  "A calendar date expression"),
    ),
    relation_types=(
        RelationType("SAID_BY", ("QUOTE",), ("SPEAKER",), "who said the quote"),
        RelationType("CUE", ("QUOTE",), ("CUE",), "the reporting verb of the quote"),
        RelationType("DATED", ("QUOTE", "CLAIM"), ("DATE",), "when the quote or claim was made"),
        RelationType("CLAIMED_BY", ("CLAIM",), ("SPEAKER",), "who made the claim"),
    ),
)
DEFAULT_SCHEMA = replace(_PLAIN_DEFAULT, guidelines=defaults_for(_PLAIN_DEFAULT), _index={})

"""Per-label guidelines: what a label means, what it includes and excludes, and an example — per language.

Guidelines are part of the label schema (``LabelSchema.guidelines``), so they are stored with it in the project
(``qawl_meta.label_schema``, no table of their own), travel with it (a team's ``schema.json``, the dataset card,
Label Studio's ``label_config.xml``) and are edited like it: a whole new schema written in one transaction.

A guideline is kept for a **target**: a span label (``QUOTE``) or one value of a choice attribute
(``QUOTE.type=direct``, ``CLAIM.checkworthy=unsure``). In the stored schema they read::

    "guidelines": {"QUOTE": {"en": {"meaning": "...", "include": ["..."], "exclude": ["..."], "example": "..."},
                             "ar": {...}},
                   "QUOTE.type=direct": {...}}

An example marks the span it shows with square brackets: ``وقال [وزير الخارجية] إن …``.
A schema stored without ``guidelines`` (every project made before them) gets the default ones for its labels
(:func:`defaults_for`); a stored ``guidelines`` object, even an empty one, is the project's own and is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import QawlError

LANGS = ("en", "ar")  # the languages of the interface; a schema may hold others (kept, exported)
PARTS = ("meaning", "include", "exclude", "example")
MAX_TEXT = 4000  # characters in one meaning, rule or example: a guideline, not a manual
MAX_RULES = 40
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")
_TARGET = re.compile(r"^([^.=\s]+)(?:\.([^.=\s]+)=(.+))?$")


def target(label: str, attr: str | None = None, value: str | None = None) -> str:
    """The key of a label's guideline (``QUOTE``) or of one attribute value's (``QUOTE.type=direct``)."""
    return f"{label}.{attr}={value}" if attr else label


def split_target(key: str) -> tuple[str, str | None, str | None]:
    """``QUOTE.type=direct`` → ("QUOTE", "type", "direct"); ``QUOTE`` → ("QUOTE", None, None)."""
    m = _TARGET.match(key)
    if not m:
        raise QawlError(f"{key!r} is not a label or LABEL.attribute=value", field="guidelines")
    return m.group(1), m.group(2), m.group(3)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise QawlError(f"must be text, got {value!r}", field=where)
    text = value.strip()
    if len(text) > MAX_TEXT:
        raise QawlError(f"is longer than {MAX_TEXT:,} characters", field=where)
    return text


@dataclass(frozen=True)
class Guideline:
    """One target's guideline in one language."""

    meaning: str = ""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    example: str = ""

    def __bool__(self) -> bool:
        return bool(self.meaning or self.include or self.exclude or self.example)

    def to_dict(self) -> dict:
        return {"meaning": self.meaning, "include": list(self.include), "exclude": list(self.exclude),
                "example": self.example}

    @classmethod
    def from_dict(cls, data: object, where: str = "guideline") -> "Guideline":
        if not isinstance(data, dict):
            raise QawlError(f"must be an object with {', '.join(PARTS)}, got {data!r}", field=where)
        unknown = sorted(set(data) - set(PARTS))
        if unknown:
            raise QawlError(f"unknown part {unknown[0]!r} (a guideline has {', '.join(PARTS)})", field=where)
        rules = {}
        for part in ("include", "exclude"):
            value = data.get(part, [])
            if not isinstance(value, list):
                raise QawlError(f"must be a list of rules, got {value!r}", field=f"{where}.{part}")
            if len(value) > MAX_RULES:
                raise QawlError(f"has more than {MAX_RULES} rules", field=f"{where}.{part}")
            rules[part] = tuple(t for i, v in enumerate(value) if (t := _text(v, f"{where}.{part}[{i}]")))
        return cls(_text(data.get("meaning", ""), f"{where}.meaning"), rules["include"], rules["exclude"],
                   _text(data.get("example", ""), f"{where}.example"))

    def to_text(self, words: dict[str, str] | None = None) -> str:
        """Plain text, one part a paragraph (``words`` names the parts in the reader's language)."""
        w = {"include": "Include", "exclude": "Exclude", "example": "Example", **(words or {})}
        out = [self.meaning] if self.meaning else []
        for part in ("include", "exclude"):
            rules = getattr(self, part)
            if rules:
                out.append(f"{w[part]}:\n" + "\n".join(f"• {r}" for r in rules))
        if self.example:
            out.append(f"{w['example']}: {self.example}")
        return "\n\n".join(out)

    @classmethod
    def from_text(cls, meaning: str, include: str, exclude: str, example: str) -> "Guideline":
        """From the editor's fields: a rule a line (bullets and blank lines dropped)."""
        def rules(text: str) -> list[str]:
            return [line.strip().lstrip("•-*·").strip() for line in text.splitlines() if line.strip()]

        return cls.from_dict({"meaning": meaning, "include": rules(include), "exclude": rules(exclude),
                              "example": example})


@dataclass(frozen=True)
class Guidelines:
    """Every guideline of a schema: (target, language) → :class:`Guideline`, kept in a fixed order."""

    entries: tuple[tuple[str, str, Guideline], ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({(t, lang): g for t, lang, g in self.entries})

    def __bool__(self) -> bool:
        return bool(self.entries)

    def get(self, key: str, lang: str) -> Guideline | None:
        """The guideline of ``key`` in ``lang`` exactly (None when there is none)."""
        return self._index.get((key, lang))

    def best(self, key: str, lang: str) -> tuple[Guideline, str] | None:
        """The guideline of ``key`` in ``lang``, else in English, else in any language it has; with its language."""
        for want in (lang, "en", *[l for t, l, _ in self.entries if t == key]):
            found = self._index.get((key, want))
            if found:
                return found, want
        return None

    def targets(self) -> list[str]:
        return list(dict.fromkeys(t for t, _, _ in self.entries))

    def languages(self, key: str) -> list[str]:
        return [lang for t, lang, _ in self.entries if t == key]

    def with_guideline(self, key: str, lang: str, guideline: Guideline) -> "Guidelines":
        """These guidelines with ``key`` in ``lang`` replaced (an empty guideline removes it)."""
        entries, done = [], False
        for t, l, g in self.entries:
            if (t, l) == (key, lang):
                done = True
                if guideline:
                    entries.append((t, l, guideline))
            else:
                entries.append((t, l, g))
        if not done and guideline:
            entries.append((key, lang, guideline))
        return Guidelines(_ordered(entries))

    def in_order(self, keys) -> "Guidelines":
        """The same guidelines with their targets in the order of ``keys`` (the schema's), others after."""
        rank = {k: i for i, k in enumerate(keys)}
        first = {t: i for i, (t, _, _) in reversed(list(enumerate(self.entries)))}
        return Guidelines(_ordered(sorted(self.entries, key=lambda e: (rank.get(e[0], len(rank)), first[e[0]]))))

    def only(self, keys) -> "Guidelines":
        keep = set(keys)
        return Guidelines(tuple(e for e in self.entries if e[0] in keep))

    def to_dict(self) -> dict:
        out: dict[str, dict] = {}
        for t, lang, g in self.entries:
            out.setdefault(t, {})[lang] = g.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: object, where: str = "guidelines") -> "Guidelines":
        if not isinstance(data, dict):
            raise QawlError(f"must be an object of label → language → guideline, got {data!r}", field=where)
        entries = []
        for key, langs in data.items():
            split_target(str(key))
            if not isinstance(langs, dict):
                raise QawlError(f"must be an object of language → guideline, got {langs!r}", field=f"{where}.{key}")
            for lang, body in langs.items():
                if not isinstance(lang, str) or not _LANG.match(lang):
                    raise QawlError(f"{lang!r} is not a language code (en, ar, fr …)", field=f"{where}.{key}")
                guideline = Guideline.from_dict(body, f"{where}.{key}.{lang}")
                if guideline:
                    entries.append((str(key), lang, guideline))
        return cls(_ordered(entries))

    def check(self, schema, where: str = "guidelines") -> None:
        """Every target names a label of ``schema`` (and a choice value of one of its attributes)."""
        for key in self.targets():
            label_name, attr_name, value = split_target(key)
            label = schema.label(label_name)
            if label is None:
                raise QawlError(f"{label_name!r} is not a label of the schema ({', '.join(schema.label_names)})",
                                field=f"{where}.{key}")
            if attr_name is not None:
                attr = label.attr(attr_name)
                if attr is None:
                    raise QawlError(f"{label_name} has no attribute {attr_name!r}", field=f"{where}.{key}")
                if attr.kind == "choice" and value not in attr.choices:
                    raise QawlError(f"{value!r} is not a value of {label_name}.{attr_name} "
                                    f"({', '.join(attr.choices)})", field=f"{where}.{key}")


def _ordered(entries) -> tuple[tuple[str, str, Guideline], ...]:
    """Targets in their first order; within a target, the interface's languages first."""
    first = {t: i for i, (t, _, _) in reversed(list(enumerate(entries)))}
    return tuple(sorted(entries, key=lambda e: (first[e[0]], LANGS.index(e[1]) if e[1] in LANGS else 9, e[1])))


def schema_targets(schema) -> list[str]:
    """Every target a schema can have a guideline for: its labels and the values of their choice attributes."""
    out = []
    for label in schema.span_labels:
        out.append(label.name)
        for attr in label.attrs:
            if attr.kind == "choice":
                out.extend(target(label.name, attr.name, v) for v in attr.choices)
    return out


def defaults_for(schema) -> Guidelines:
    """The default guidelines of the targets ``schema`` has (an old project's schema, or a teammate's)."""
    from .guide_texts import DEFAULT_GUIDELINES

    return DEFAULT_GUIDELINES.only(schema_targets(schema))

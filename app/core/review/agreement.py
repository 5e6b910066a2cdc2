"""Inter-annotator agreement for a document, a selection or a whole project.

:func:`agreement_report` takes documents with their annotators' layers and returns an :class:`AgreementReport`:
figures per label and overall, for every pair of annotators and across all annotators, plus a short summary per
document. :mod:`app.core.review.report` turns it into JSON and HTML.

Span agreement (P/R/F1)
    Computed per label and summed over labels for "overall" (spans only match spans of their own label). For the
    pair ``(a, b)``, ``a`` (the first) is the reference: ``precision = matched / spans of b``, ``recall =
    matched / spans of a``, ``F1 = 2 * matched / (spans of a + spans of b)``, which is symmetric. *Exact*: same
    label, ``start`` and ``end``. *Overlap*: same label, at least one shared code point, paired one-to-one by the
    greedy rule of :mod:`app.core.review.matching` (larger overlap first). Counts are summed over documents before
    dividing (micro average). Across all annotators the counts of all pairs are summed (pairwise micro F1).
    A figure with a zero denominator is ``None`` (no spans to compare), never 0 or 1.

Unit agreement (kappa, alpha)
    On character units and on token units, per label (binary: the label vs ``none``) and overall (multi-class,
    by precedence); see :mod:`app.core.review.units` for the exact unit, category and formula definitions.
    A pair's figures use the documents both annotated: ``kappa`` is Cohen's, ``alpha`` Krippendorff's of the two,
    ``observed`` the share of units with the same category. Across all annotators ``alpha`` is Krippendorff's
    over every annotator (an annotator without a layer of a document is missing data there), ``observed`` is the
    share of agreeing pairable value pairs, and ``kappa`` is Light's kappa: the mean of the pairs' Cohen's
    kappas (pairs whose kappa is undefined are left out; ``None`` if all are). Units are pooled over documents.

Attribution agreement
    For every overlap-matched pair of QUOTE spans (and CLAIM spans), each field (speaker, cue, date, type; claims:
    speaker, date) is compared as :func:`app.core.review.matching.compare_attribution` defines. ``matched`` counts the
    span pairs, ``compared`` those where at least one side has the field, ``agreed`` those that agree;
    ``proportion = agreed / compared`` (``None`` when nothing was compared).

Which layers
    By default every annotator found except the reserved ``suggestions`` and ``gold`` layers, in name order;
    pass ``annotators`` to choose (and order: it fixes which side of a pair is the reference, so put ``gold``
    first to score annotators against gold). Labels default to all labels found, schema order first.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Iterable, Mapping, Sequence

from .units import (DEFAULT_PRECEDENCE, NONE, UNITS, Coincidence, Confusion, add_coincidences,
                    labels_of, precedence_for, tally)
from ..errors import QawlError
from ..jsonl import Record
from .matching import (EntityKey, attribution_of, compare_attribution, default_entity_key, exact_count,
                       fields_for, greedy_pairs, outgoing_index)
from ..model import GOLD, SUGGESTIONS, Document, Layer, Span
from ..schema import DEFAULT_SCHEMA

OVERALL = "overall"


@dataclass(frozen=True)
class SpanMatch:
    """Span counts of a pair (summed over documents and, where said, over pairs or labels)."""

    matched: int = 0
    a: int = 0  # spans of the reference (first) annotator
    b: int = 0  # spans of the other annotator

    @property
    def precision(self) -> float | None:
        return self.matched / self.b if self.b else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.a if self.a else None

    @property
    def f1(self) -> float | None:
        return 2 * self.matched / (self.a + self.b) if self.a + self.b else None

    def __add__(self, other: "SpanMatch") -> "SpanMatch":
        return SpanMatch(self.matched + other.matched, self.a + other.a, self.b + other.b)


@dataclass(frozen=True)
class UnitAgreement:
    """Chance-corrected agreement on one kind of unit. ``units``: units compared (for all annotators: units that
    at least two annotators categorised)."""

    units: int
    observed: float | None
    kappa: float | None
    alpha: float | None


@dataclass(frozen=True)
class Figures:
    exact: SpanMatch
    overlap: SpanMatch
    char: UnitAgreement
    token: UnitAgreement

    def unit(self, name: str) -> UnitAgreement:
        return self.char if name == "char" else self.token


@dataclass(frozen=True)
class FieldAgreement:
    """Attribution agreement on one field over matched span pairs."""

    matched: int = 0
    compared: int = 0
    agreed: int = 0

    @property
    def proportion(self) -> float | None:
        return self.agreed / self.compared if self.compared else None

    def __add__(self, other: "FieldAgreement") -> "FieldAgreement":
        return FieldAgreement(self.matched + other.matched, self.compared + other.compared,
                              self.agreed + other.agreed)


@dataclass(frozen=True)
class Comparison:
    """The figures of one pair of annotators, or of all annotators together."""

    annotators: tuple[str, ...]
    documents: int  # documents that at least two of ``annotators`` annotated
    overall: Figures
    labels: Mapping[str, Figures]
    attribution: Mapping[str, Mapping[str, FieldAgreement]]  # label (QUOTE, CLAIM) -> field -> counts


@dataclass(frozen=True)
class DocumentSummary:
    doc_id: str
    annotators: tuple[str, ...]
    spans: Mapping[str, int]  # spans per annotator (of the labels in the report)
    overlap_f1: float | None  # overall overlap F1, pooled over the pairs that annotated this document
    char_alpha: float | None  # overall Krippendorff's alpha on character units, this document alone


@dataclass(frozen=True)
class AgreementReport:
    title: str
    documents: tuple[str, ...]
    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    precedence: tuple[str, ...]
    all: Comparison
    pairs: tuple[Comparison, ...]
    per_document: tuple[DocumentSummary, ...]

    def pair(self, a: str, b: str) -> Comparison:
        """The comparison of ``a`` and ``b`` as computed (the first of the pair in ``annotators`` order is the
        reference; F1, kappa and alpha do not depend on the order)."""
        for c in self.pairs:
            if set(c.annotators) == {a, b}:
                return c
        raise QawlError(f"no pair {a!r} / {b!r} in this report", field="annotators")


# --- input -----------------------------------------------------------------------------------------------------

def _label_order(labels: Iterable[str]) -> tuple[str, ...]:
    labels = set(labels)
    first = [l for l in DEFAULT_SCHEMA.label_names if l in labels]
    return tuple(first + sorted(labels - set(first)))


_span_order = attrgetter("start", "end", "id")


def _check_layer(text: str, layer: Layer, where: str) -> None:
    n = len(text)
    for span in layer.spans.values():
        if span.end > n or text[span.start:span.end] != span.text:
            try:
                span.check_against(text)
            except QawlError as exc:
                raise exc.located(field_prefix=f"{where}.spans[{span.id}]") from None


def _prepare(items, annotators):
    docs = []
    seen_docs: set[str] = set()
    for n, item in enumerate(items):
        try:
            doc, layers = item
        except (TypeError, ValueError):
            raise QawlError("each item must be (document or text, layers)", field=f"documents[{n}]") from None
        layers = list(layers)
        if isinstance(doc, Document):
            doc_id, text = doc.id, doc.text
        elif isinstance(doc, str):
            text = doc
            ids = {l.doc_id for l in layers}
            doc_id = ids.pop() if len(ids) == 1 else f"#{n}"
        else:
            raise QawlError(f"must be a Document or its text, got {type(doc).__name__}", field=f"documents[{n}]")
        if doc_id in seen_docs:
            raise QawlError(f"document {doc_id!r} is given twice", field=f"documents[{n}]")
        seen_docs.add(doc_id)
        by_name: dict[str, Layer] = {}
        for layer in layers:
            where = f"documents[{doc_id}].layers[{layer.annotator}]"
            if layer.doc_id != doc_id:
                raise QawlError(f"is a layer of document {layer.doc_id!r}", field=where)
            if layer.annotator in by_name:
                raise QawlError("this annotator has two layers of the document", field=where)
            if annotators is None and layer.annotator in (SUGGESTIONS, GOLD):
                continue
            if annotators is not None and layer.annotator not in annotators:
                continue
            _check_layer(text, layer, where)
            by_name[layer.annotator] = layer
        docs.append((doc_id, text, by_name))
    return docs


def group_records(records: Iterable[Record]) -> list[tuple[Document, list[Layer]]]:
    """Records (e.g. parsed from teammates' JSONL exports) as :func:`agreement_report` items: one item per distinct
    document text, matched by ``text_sha256`` as review matches documents, in order of first appearance.

    Teammates may know one text under different ids: every layer is moved to the id of the first record of that
    text. Two layers of one annotator for one text are refused (naming both lines): nothing is merged."""
    docs: dict[str, tuple[Document, dict[str, tuple[Layer, int | None]]]] = {}
    for record in records:
        doc = record.document
        doc_layers = docs.setdefault(doc.text_sha256, (doc, {}))[1]
        layer = record.layer
        if layer is None:
            continue
        first = docs[doc.text_sha256][0]
        if layer.annotator in doc_layers:
            seen_line = doc_layers[layer.annotator][1]
            raise QawlError(f"{layer.annotator!r} annotated document {first.id!r} twice (also at line "
                            f"{seen_line if seen_line is not None else '?'}); keep one", line=record.line,
                            field="annotator")
        if layer.doc_id != first.id:
            layer = Layer(first.id, layer.annotator, layer.status, layer.spans.values(), layer.relations.values())
        doc_layers[layer.annotator] = (layer, record.line)
    return [(doc, [layer for layer, _ in layers.values()]) for doc, layers in docs.values()]


# --- computing -------------------------------------------------------------------------------------------------

def agreement_report(items: Iterable[tuple[Document | str, Sequence[Layer]]], *,
                     annotators: Sequence[str] | None = None, labels: Sequence[str] | None = None,
                     precedence: Sequence[str] = DEFAULT_PRECEDENCE, entity_key: EntityKey = default_entity_key,
                     title: str = "Agreement") -> AgreementReport:
    """The agreement report over ``items``: ``(document or its text, layers of that document)``.

    One document gives a document report; any selection of documents a selection or project report. Raises
    :class:`QawlError` for a layer of another document, two layers of one annotator, a span that does not fit the
    text, or a document given twice."""
    if annotators is not None:
        annotators = list(dict.fromkeys(annotators))
    docs = _prepare(items, annotators)
    if annotators is None:
        annotators = sorted({a for _, _, by_name in docs for a in by_name})
    if labels is None:
        labels = _label_order(s.label for _, _, by_name in docs for l in by_name.values() for s in l.spans.values())
    else:
        labels = tuple(dict.fromkeys(labels))
    acc = _Accumulator(tuple(annotators), tuple(labels), precedence_for(labels, precedence), entity_key)
    for doc in docs:
        acc.add(*doc)
    return acc.report(title)


class _Accumulator:
    def __init__(self, annotators: tuple[str, ...], labels: tuple[str, ...], precedence: tuple[str, ...],
                 entity_key: EntityKey) -> None:
        self.annotators = annotators
        self.labels = labels
        self.label_set = frozenset(labels)
        self.precedence = precedence
        self.entity_key = entity_key
        self.scopes = (OVERALL, *labels)
        self.pairs = [(i, j) for i in range(len(annotators)) for j in range(i + 1, len(annotators))]
        self.attr_labels = [l for l in labels if fields_for(l)]
        # pair -> label -> [matched, a, b]
        self.exact = {p: {l: [0, 0, 0] for l in labels} for p in self.pairs}
        self.overlap = {p: {l: [0, 0, 0] for l in labels} for p in self.pairs}
        self.attr = {p: {l: {f: [0, 0, 0] for f in fields_for(l)} for l in self.attr_labels} for p in self.pairs}
        self.pair_docs = {p: 0 for p in self.pairs}
        # unit -> (annotator indexes present, tally state) -> units, summed over documents
        self.raw: dict[str, dict[tuple[tuple[int, ...], int], int]] = {u: {} for u in UNITS}
        self._values: dict[tuple[int, int], tuple[str, ...]] = {}
        self.multi_docs = 0
        self.doc_ids: list[str] = []
        self.summaries: list[DocumentSummary] = []
        self.label_index = {l: k for k, l in enumerate(labels)}
        self._cats: dict[int, tuple[str, ...]] = {}

    def categories(self, labels: int) -> tuple[str, ...]:
        """The category, for each scope (overall first), of a unit an annotator covers with the spans whose label
        indexes are the bits of ``labels``."""
        cats = self._cats.get(labels)
        if cats is None:
            top = next((l for l in self.precedence if labels >> self.label_index[l] & 1), NONE)
            cats = self._cats[labels] = (top, *(l if labels >> k & 1 else NONE for k, l in enumerate(self.labels)))
        return cats

    def add(self, doc_id: str, text: str, by_name: Mapping[str, Layer]) -> None:
        self.doc_ids.append(doc_id)
        present = [i for i, a in enumerate(self.annotators) if a in by_name]
        layers = {i: by_name[self.annotators[i]] for i in present}
        spans: dict[int, dict[str, list[Span]]] = {}
        label_set = self.label_set
        for i in present:
            grouped: dict[str, list[Span]] = {}
            for s in layers[i].spans.values():
                if s.label in label_set:
                    if s.label in grouped:
                        grouped[s.label].append(s)
                    else:
                        grouped[s.label] = [s]
            for group in grouped.values():
                group.sort(key=_span_order)
            spans[i] = grouped
        doc_matched = doc_a = doc_b = 0
        pos = {g: k for k, g in enumerate(present)}
        indexes: dict[int, dict] = {}
        for p in self.pairs:
            i, j = p
            if i not in pos or j not in pos:
                continue
            self.pair_docs[p] += 1
            for label in self.labels:
                sa, sb = spans[i].get(label, ()), spans[j].get(label, ())
                if not sa and not sb:
                    continue
                ra = [(s.start, s.end) for s in sa]
                rb = [(s.start, s.end) for s in sb]
                n_exact = exact_count(ra, rb)
                matched = [(k, k) for k in range(len(ra))] if ra == rb else greedy_pairs(ra, rb)
                ex = self.exact[p][label]
                ov = self.overlap[p][label]
                ex[0] += n_exact
                ov[0] += len(matched)
                ex[1] += len(ra)
                ov[1] += len(ra)
                ex[2] += len(rb)
                ov[2] += len(rb)
                doc_matched += len(matched)
                doc_a += len(ra)
                doc_b += len(rb)
                if matched and label in self.attr[p]:
                    for k in (i, j):
                        if k not in indexes:
                            indexes[k] = outgoing_index(layers[k])
                    counts = self.attr[p][label]
                    for x, y in matched:
                        a1 = attribution_of(layers[i], sa[x], self.entity_key, indexes[i])
                        a2 = attribution_of(layers[j], sb[y], self.entity_key, indexes[j])
                        for fld, ok in compare_attribution(label, a1, a2).items():
                            c = counts[fld]
                            c[0] += 1
                            if ok is not None:
                                c[1] += 1
                                c[2] += ok
        n_labels = len(self.labels)
        index = self.label_index
        ranges = [[(s.start, s.end, index[label]) for label, group in spans[i].items() for s in group]
                  for i in present]
        doc_alpha = None
        multi = len(present) >= 2
        if multi:
            self.multi_docs += 1
        present_key = tuple(present)
        if multi:  # a document only one annotator has adds no pairable units
            for unit, t in zip(UNITS, tally(text, ranges, n_labels)):
                # Tallies of all documents with the same annotators share keys: decomposed once, in report().
                raw = self.raw[unit]
                for state, n in t.items():
                    key = (present_key, state)
                    raw[key] = raw.get(key, 0) + n
                if unit == "char":
                    doc_alpha = self._doc_alpha(present_key, t)
        self.summaries.append(DocumentSummary(
            doc_id, tuple(self.annotators[i] for i in present),
            {self.annotators[i]: sum(len(g) for g in spans[i].values()) for i in present},
            SpanMatch(doc_matched, doc_a, doc_b).f1, doc_alpha))

    def _parts(self, present: tuple[int, ...], state: int) -> list[int | None]:
        """A tally state as one label mask per annotator of the report (``None``: no layer of the document)."""
        n_labels = len(self.labels)
        full: list[int | None] = [None] * len(self.annotators)
        for k, g in enumerate(present):
            full[g] = labels_of(state, k, n_labels)
        return full

    def _doc_alpha(self, present: tuple[int, ...], t: Mapping[int, int]) -> float | None:
        """Overall alpha on character units of one document (for the per-document summary)."""
        by_values: dict[tuple[str, ...], int] = {}
        n_labels = len(self.labels)
        for state, n in t.items():
            values = self._values.get((len(present), state))
            if values is None:
                values = self._values[(len(present), state)] = tuple(
                    self.categories(labels_of(state, k, n_labels))[0] for k in range(len(present)))
            by_values[values] = by_values.get(values, 0) + n
        if len(present) == 2:  # the common case, exactly and without a coincidence matrix
            return Confusion(by_values).alpha
        o: dict[tuple[str, str], float] = {}
        for values, n in by_values.items():
            add_coincidences(o, values, n)
        return Coincidence.of(o).alpha

    def report(self, title: str) -> AgreementReport:
        n_scopes = len(self.scopes)
        pair_units: dict[tuple, dict[str, list[Confusion]]] = {}
        parts = {unit: [(self._parts(present, state), n) for (present, state), n in self.raw[unit].items()]
                 for unit in UNITS}
        for p in self.pairs:
            pair_units[p] = {}
            i, j = p
            for unit in UNITS:
                conf: list[dict] = [{} for _ in range(n_scopes)]
                for full, n in parts[unit]:
                    if full[i] is None or full[j] is None:
                        continue
                    ca, cb = self.categories(full[i]), self.categories(full[j])
                    for s in range(n_scopes):
                        key = (ca[s], cb[s])
                        conf[s][key] = conf[s].get(key, 0) + n
                pair_units[p][unit] = [Confusion(c) for c in conf]

        def pair_unit(p, unit, s) -> UnitAgreement:
            c = pair_units[p][unit][s]
            return UnitAgreement(c.units, c.observed, c.kappa, c.alpha)

        def matches(table, p, label) -> SpanMatch:
            return SpanMatch(*table[p][label])

        comparisons = []
        for p in self.pairs:
            per_label = {}
            for s, label in enumerate(self.labels, start=1):
                per_label[label] = Figures(matches(self.exact, p, label), matches(self.overlap, p, label),
                                           pair_unit(p, "char", s), pair_unit(p, "token", s))
            overall = Figures(sum((f.exact for f in per_label.values()), SpanMatch()),
                              sum((f.overlap for f in per_label.values()), SpanMatch()),
                              pair_unit(p, "char", 0), pair_unit(p, "token", 0))
            attribution = {l: {f: FieldAgreement(*c) for f, c in fields.items()}
                           for l, fields in self.attr[p].items()}
            comparisons.append(Comparison((self.annotators[p[0]], self.annotators[p[1]]), self.pair_docs[p],
                                          overall, per_label, attribution))

        all_units: dict[str, list[UnitAgreement]] = {}
        for unit in UNITS:
            coinc: list[dict] = [{} for _ in range(n_scopes)]
            units = 0
            for full, n in parts[unit]:
                cats = [self.categories(g) for g in full if g is not None]
                units += n
                for s in range(n_scopes):
                    add_coincidences(coinc[s], [c[s] for c in cats], n)
            all_units[unit] = []
            for s in range(n_scopes):
                c = Coincidence.of(coinc[s])
                kappas = [k for p in self.pairs if (k := pair_units[p][unit][s].kappa) is not None]
                light = sum(kappas) / len(kappas) if kappas else None
                all_units[unit].append(UnitAgreement(units, c.observed, light, c.alpha))

        def pooled(label: str | None, attr: str) -> SpanMatch:
            total = SpanMatch()
            for c in comparisons:
                figs = c.overall if label is None else c.labels[label]
                total = total + getattr(figs, attr)
            return total

        all_labels = {label: Figures(pooled(label, "exact"), pooled(label, "overlap"), all_units["char"][s],
                                     all_units["token"][s])
                      for s, label in enumerate(self.labels, start=1)}
        all_overall = Figures(pooled(None, "exact"), pooled(None, "overlap"), all_units["char"][0],
                              all_units["token"][0])
        all_attr: dict[str, dict[str, FieldAgreement]] = {}
        for label in self.attr_labels:
            all_attr[label] = {f: sum((c.attribution[label][f] for c in comparisons), FieldAgreement())
                               for f in fields_for(label)}
        together = Comparison(self.annotators, self.multi_docs, all_overall, all_labels, all_attr)
        return AgreementReport(title, tuple(self.doc_ids), self.annotators, self.labels, self.precedence,
                               together, tuple(comparisons), tuple(self.summaries))

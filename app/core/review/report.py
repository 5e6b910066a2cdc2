"""An :class:`~app.core.review.agreement.AgreementReport` as JSON (for ``qawl agree --json`` and files) and as one
self-contained HTML page (inline CSS and SVG, no scripts, no external files) that reads well with Arabic names.

JSON (``format: "qawl-agreement/1"``; keys are always present, undefined figures are ``null``)::

    {format, title, documents: [doc_id], annotators: [name], labels: [label], precedence: [label],
     all: COMPARISON, pairs: [COMPARISON], per_document: [{doc_id, annotators, spans: {name: n},
                                                           overlap_f1, char_alpha}]}
    COMPARISON = {annotators: [name], documents: n, overall: FIGURES, labels: {label: FIGURES},
                  attribution: {label: {field: {matched, compared, agreed, proportion}}}}
    FIGURES    = {exact: MATCH, overlap: MATCH, char: UNITS, token: UNITS}
    MATCH      = {matched, a, b, precision, recall, f1}          (a: spans of the first annotator of the pair)
    UNITS      = {units, observed, kappa, alpha}                 (all annotators: kappa is Light's mean kappa)
"""

from __future__ import annotations

from html import escape

from .agreement import (AgreementReport, Comparison, DocumentSummary, FieldAgreement, Figures, SpanMatch,
                        UnitAgreement)

FORMAT = "qawl-agreement/1"


# --- JSON ------------------------------------------------------------------------------------------------------

def _match(m: SpanMatch) -> dict:
    return {"matched": m.matched, "a": m.a, "b": m.b, "precision": m.precision, "recall": m.recall, "f1": m.f1}


def _units(u: UnitAgreement) -> dict:
    return {"units": u.units, "observed": u.observed, "kappa": u.kappa, "alpha": u.alpha}


def _figures(f: Figures) -> dict:
    return {"exact": _match(f.exact), "overlap": _match(f.overlap), "char": _units(f.char),
            "token": _units(f.token)}


def _field(f: FieldAgreement) -> dict:
    return {"matched": f.matched, "compared": f.compared, "agreed": f.agreed, "proportion": f.proportion}


def _comparison(c: Comparison) -> dict:
    return {"annotators": list(c.annotators), "documents": c.documents, "overall": _figures(c.overall),
            "labels": {label: _figures(f) for label, f in c.labels.items()},
            "attribution": {label: {name: _field(f) for name, f in fields.items()}
                            for label, fields in c.attribution.items()}}


def _doc(d: DocumentSummary) -> dict:
    return {"doc_id": d.doc_id, "annotators": list(d.annotators), "spans": dict(d.spans),
            "overlap_f1": d.overlap_f1, "char_alpha": d.char_alpha}


def report_to_json(report: AgreementReport) -> dict:
    """The report as plain JSON data (see the module doc for the keys)."""
    return {"format": FORMAT, "title": report.title, "documents": list(report.documents),
            "annotators": list(report.annotators), "labels": list(report.labels),
            "precedence": list(report.precedence), "all": _comparison(report.all),
            "pairs": [_comparison(c) for c in report.pairs], "per_document": [_doc(d) for d in report.per_document]}


# --- HTML ------------------------------------------------------------------------------------------------------

_CSS = """
body{font-family:"DejaVu Sans","Noto Sans Arabic","Segoe UI",sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em}
th{background:#f3f3f3;text-align:start}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.na{color:#999;text-align:center}tr.overall td{font-weight:bold}
dl dt{font-weight:bold;margin-top:.5em}dl dd{margin-left:1.5em}
.meta{color:#555}svg text{font-size:12px}details{margin:.4em 0}summary{cursor:pointer}
"""

_SERIES = (("exact F1", "#9ecae1", lambda f: f.exact.f1), ("overlap F1", "#3182bd", lambda f: f.overlap.f1),
           ("alpha (characters)", "#fdae6b", lambda f: f.char.alpha),
           ("alpha (tokens)", "#e6550d", lambda f: f.token.alpha))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _bdi(name: str) -> str:
    return f"<bdi>{escape(name)}</bdi>"


def _num(value: float | None, digits: int = 3) -> str:
    if value is None:
        return '<td class="na" title="not defined: nothing to compare">–</td>'
    return f'<td class="n">{value:.{digits}f}</td>'


def _int(value: int) -> str:
    return f'<td class="n">{value}</td>'


def _svg_text(x: float, y: float, text: str, anchor: str = "end", extra: str = "") -> str:
    """A text that ends (or starts) at ``x``. No ``direction`` attribute: the anchor then means the same side in
    every renderer, and the bidi algorithm still lays out an Arabic name right to left within its box."""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(text)}</text>'


def chart_svg(report: AgreementReport) -> str:
    """Horizontal bars per label (and overall), all annotators: exact F1, overlap F1, alpha on characters and on
    tokens. Scale 0..1; a negative alpha is drawn as an empty bar and its value is printed."""
    rows = [(label, report.all.labels[label]) for label in report.labels] + [("overall", report.all.overall)]
    left, width, bar, gap = 150, 420, 11, 14
    group = bar * len(_SERIES) + gap
    legend_h = 24
    height = legend_h + group * len(rows) + 20
    total_w = left + width + 70
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w}" height="{height}" '
           f'viewBox="0 0 {total_w} {height}" role="img" aria-label="agreement per label">']
    x = left
    for name, colour, _ in _SERIES:
        out.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>')
        out.append(_svg_text(x + 16, 14, name, anchor="start"))
        x += 30 + 7 * len(name)
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        tx = left + tick * width
        out.append(f'<line x1="{tx:.1f}" y1="{legend_h}" x2="{tx:.1f}" y2="{height - 16}" stroke="#ddd"/>')
        out.append(f'<text x="{tx:.1f}" y="{height - 4}" text-anchor="middle" fill="#666">{tick:g}</text>')
    y = legend_h
    for label, figures in rows:
        out.append(_svg_text(left - 8, y + group / 2, label, extra=' font-weight="bold"' if label == "overall"
                             else ""))
        for k, (name, colour, get) in enumerate(_SERIES):
            value = get(figures)
            by = y + k * bar
            if value is None:
                out.append(f'<text x="{left + 4}" y="{by + bar - 2}" fill="#999">n/a</text>')
                continue
            w = max(0.0, min(1.0, value)) * width
            out.append(f'<rect x="{left}" y="{by}" width="{w:.1f}" height="{bar - 1}" fill="{colour}">'
                       f'<title>{escape(label)} {escape(name)}: {value:.3f}</title></rect>')
            out.append(f'<text x="{left + w + 4:.1f}" y="{by + bar - 2}" fill="#333">{value:.3f}</text>')
        y += group
    out.append(f'<line x1="{left}" y1="{legend_h}" x2="{left}" y2="{height - 16}" stroke="#444"/>')
    out.append("</svg>")
    return "".join(out)


def figure_values(f: Figures, with_precision_recall: bool) -> list[float | None]:
    """The figures of a table row, in the column order the HTML page and the window both use: [exact P, R,] exact
    F1, [overlap P, R,] overlap F1, kappa and alpha on characters, kappa and alpha on tokens."""
    values: list[float | None] = []
    if with_precision_recall:
        values += [f.exact.precision, f.exact.recall]
    values.append(f.exact.f1)
    if with_precision_recall:
        values += [f.overlap.precision, f.overlap.recall]
    values += [f.overlap.f1, f.char.kappa, f.char.alpha, f.token.kappa, f.token.alpha]
    return values


def _figure_cells(f: Figures, reference: bool) -> str:
    return "".join(_num(v) for v in figure_values(f, reference))


def _figure_table(c: Comparison, report: AgreementReport, pair: bool) -> str:
    head = ["label", "spans"]
    if pair:
        head += ["exact P", "exact R"]
    head += ["exact F1"]
    if pair:
        head += ["overlap P", "overlap R"]
    head += ["overlap F1", "κ chars" if pair else "mean κ chars", "α chars",
             "κ tokens" if pair else "mean κ tokens", "α tokens"]
    rows = ["<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for label in report.labels:
        f = c.labels[label]
        spans = f"{f.exact.a} / {f.exact.b}" if pair else str(f.exact.a + f.exact.b)
        rows.append(f"<tr><td>{_bdi(label)}</td><td class=\"n\">{spans}</td>{_figure_cells(f, pair)}</tr>")
    f = c.overall
    spans = f"{f.exact.a} / {f.exact.b}" if pair else str(f.exact.a + f.exact.b)
    rows.append(f"<tr class=\"overall\"><td>overall</td><td class=\"n\">{spans}</td>{_figure_cells(f, pair)}</tr>")
    rows.append("</table>")
    return "".join(rows)


def _attribution_table(c: Comparison) -> str:
    if not c.attribution:
        return "<p class=\"meta\">No QUOTE or CLAIM spans to compare.</p>"
    rows = ["<table><tr><th>label</th><th>field</th><th>matched pairs</th><th>compared</th><th>agreed</th>"
            "<th>proportion</th></tr>"]
    for label, fields in c.attribution.items():
        for name, f in fields.items():
            rows.append(f"<tr><td>{_bdi(label)}</td><td>{escape(name)}</td>{_int(f.matched)}{_int(f.compared)}"
                        f"{_int(f.agreed)}{_num(f.proportion)}</tr>")
    rows.append("</table>")
    return "".join(rows)


_DEFINITIONS = """
<dl>
<dt>Exact / overlap F1</dt><dd>Spans match when they have the same label and the same start and end (exact), or
the same label and at least one shared character (overlap; paired one-to-one, larger overlap first).
F1 = 2 × matched / (spans of both annotators); for a pair, precision and recall take the first annotator as
reference. Counts are summed over documents (and, for all annotators, over pairs) before dividing.</dd>
<dt>Units</dt><dd>Characters: every character except whitespace and invisible format marks. Tokens: runs of
letters, marks and digits, and each punctuation mark on its own; a span covers a token it touches.</dd>
<dt>Categories</dt><dd>Per label: the label if one of the annotator's spans of that label covers the unit, else
none. Overall: the first covering label in the order <PRECEDENCE>, else none.</dd>
<dt>κ (Cohen's kappa)</dt><dd>(p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>) for a pair over the units of
the documents both annotated. For all annotators: the mean of the pairs' kappas (Light's kappa).</dd>
<dt>α (Krippendorff's alpha, nominal)</dt><dd>1 − observed / expected disagreement over all annotators; an
annotator who did not annotate a document is missing data there.</dd>
<dt>Attribution</dt><dd>For overlap-matched QUOTE (and CLAIM) pairs: same speaker entity, same cue (the cues
overlap), same date value, same quote type. Proportion = agreed / compared; pairs where neither side has the field
are not compared.</dd>
<dt>–</dt><dd>Not defined: nothing to compare (no spans, no units, or every unit in one category).</dd>
</dl>
"""


def report_to_html(report: AgreementReport) -> str:
    """A readable, self-contained HTML page of the report (UTF-8; no scripts; names isolated for RTL)."""
    parts = ["<!DOCTYPE html>", '<html lang="en" dir="ltr"><head><meta charset="utf-8">',
             f"<title>{escape(report.title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{escape(report.title)}</h1>",
             f"<p class=\"meta\">{_plural(len(report.documents), 'document')}; "
             f"{len(report.annotators)} annotators: {', '.join(_bdi(a) for a in report.annotators) or '–'}; "
             f"labels: {', '.join(_bdi(l) for l in report.labels) or '–'}.</p>"]
    if len(report.annotators) < 2 or not report.all.documents:
        parts.append("<p><strong>No document was annotated by two annotators: there is nothing to compare.</strong>"
                     "</p>")
    parts.append("<h2>Agreement per label (all annotators)</h2>")
    parts.append(chart_svg(report))
    parts.append(f"<p class=\"meta\">{_plural(report.all.documents, 'document')} with at least two annotators."
                 "</p>")
    parts.append(_figure_table(report.all, report, pair=False))
    parts.append("<h2>Attribution of matched quotes and claims (all pairs)</h2>")
    parts.append(_attribution_table(report.all))
    parts.append("<h2>Pairs of annotators</h2>")
    for c in report.pairs:
        a, b = c.annotators
        f = c.overall
        parts.append(f"<details{' open' if len(report.pairs) <= 3 else ''}><summary>{_bdi(a)} (reference) / "
                     f"{_bdi(b)}: {_plural(c.documents, 'document')}, overlap F1 "
                     f"{'–' if f.overlap.f1 is None else f'{f.overlap.f1:.3f}'}, κ chars "
                     f"{'–' if f.char.kappa is None else f'{f.char.kappa:.3f}'}</summary>")
        parts.append(_figure_table(c, report, pair=True))
        parts.append(_attribution_table(c))
        parts.append("</details>")
    parts.append("<h2>Documents</h2>")
    parts.append(f"<details{' open' if len(report.per_document) <= 20 else ''}><summary>"
                 f"{_plural(len(report.per_document), 'document')}</summary>"
                 "<table><tr><th>document</th><th>annotators</th>"
                 "<th>spans</th><th>overlap F1</th><th>α chars</th></tr>")
    for d in report.per_document:
        spans = ", ".join(f"{_bdi(a)} {n}" for a, n in d.spans.items())
        parts.append(f"<tr><td>{_bdi(d.doc_id)}</td><td class=\"n\">{len(d.annotators)}</td><td>{spans}</td>"
                     f"{_num(d.overlap_f1)}{_num(d.char_alpha)}</tr>")
    parts.append("</table></details>")
    parts.append("<h2>How the figures are defined</h2>")
    parts.append(_DEFINITIONS.replace("<PRECEDENCE>", " › ".join(_bdi(l) for l in report.precedence) or "–"))
    parts.append("</body></html>")
    return "\n".join(parts)

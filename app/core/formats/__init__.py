"""Other annotation tools' formats: doccano, Label Studio, Prodigy and brat, read and written.

Entry points (the CLI's ``qawl import/export --format`` and the GUI dialogs call these):

* :func:`read` ``(fmt, sources, *, mapping, schema, add_labels, offset_unit, default_annotator) -> ImportResult``
  with ``fmt`` one of :data:`FORMATS` or ``"auto"``; ``sources`` are paths (folders are read with their sub-folders) or
  ``(name, bytes)`` pairs. See :mod:`.common` for the all-or-nothing policy and what :class:`ImportResult` holds.
* :func:`write` ``(fmt, records, *, mapping, schema, **options) -> dict[str, bytes]``: file name -> content; the
  caller writes them (atomically).
* :class:`LabelMapping` (:mod:`.mapping`): the one label mapping used by every format both ways.

Each format module documents what it reads and writes, and the offset unit of its tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..errors import QawlError
from ..files import links_note
from ..jsonl import Record
from ..schema import DEFAULT_SCHEMA, LabelSchema
from . import brat, brat_write, doccano, labelstudio, prodigy
from .build import build
from .peer import ImportResult, PeerFile, Source, load_sources
from .detect import detect, mismatch
from .mapping import DROP, LabelMapping
from .units import UNITS

__all__ = ["FORMATS", "Format", "ImportResult", "LabelMapping", "DROP", "UNITS", "read", "write", "detect_format"]


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    units: tuple[str, ...]  # offset units its files may use; the first is the tool's own
    parse: Callable[..., list[PeerFile]]  # (items, mapping, schema, default_annotator) -> parsed files
    write: Callable[..., dict[str, bytes]]
    extensions: tuple[str, ...]


def _per_file(module) -> Callable[..., list[PeerFile]]:
    def parse(items, mapping, schema, default_annotator):
        return [module.parse_file(name, data, default_annotator) for name, data in items]
    return parse


FORMATS: dict[str, Format] = {
    "doccano": Format("doccano", "doccano JSONL", doccano.UNITS, _per_file(doccano), doccano.write,
                      (".jsonl", ".json")),
    "labelstudio": Format("labelstudio", "Label Studio JSON", labelstudio.UNITS, _per_file(labelstudio),
                          labelstudio.write, (".json",)),
    "prodigy": Format("prodigy", "Prodigy JSONL", prodigy.UNITS, _per_file(prodigy), prodigy.write, (".jsonl",)),
    "brat": Format("brat", "brat standoff", brat.UNITS, brat.parse_files, brat_write.write,
                   (".txt", ".ann")),
}


def detect_format(sources: Iterable[Source] | Source) -> str:
    return detect(load_sources(sources))


def read(fmt: str, sources: Iterable[Source] | Source, *, mapping: LabelMapping | None = None,
         schema: LabelSchema = DEFAULT_SCHEMA, add_labels: bool = False, offset_unit: str = "auto",
         default_annotator: str | None = None) -> ImportResult:
    """Read peer files (see the module docstring). Problems come back in the result, never half-imported."""
    links: list[str] = []
    items = load_sources(sources, links)
    mapping = mapping or LabelMapping()
    if fmt == "auto":
        fmt = detect(items)
    spec = FORMATS.get(fmt)
    if spec is None:
        raise QawlError(f"unknown format {fmt!r}; use auto or one of {', '.join(FORMATS)}", field="format")
    wrong = [mismatch(fmt, name, data) for name, data in items]
    refused = [PeerFile(name, problems=[err]) for (name, _), err in zip(items, wrong) if err]
    files = refused + spec.parse([item for item, err in zip(items, wrong) if not err], mapping, schema,
                                 default_annotator)
    result = build(files, fmt=fmt, units=spec.units, mapping=mapping, schema=schema, add_labels=add_labels,
                   offset_unit=offset_unit)
    if links:
        result.notes.append(links_note(links))
    return result


def write(fmt: str, records: Iterable[Record], *, mapping: LabelMapping | None = None,
          schema: LabelSchema = DEFAULT_SCHEMA, **options) -> dict[str, bytes]:
    """Records -> ``{file name: bytes}`` in ``fmt`` (format-specific ``options`` are in each module)."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise QawlError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", field="format")
    return spec.write(list(records), mapping=mapping or LabelMapping(), schema=schema, **options)

"""Other annotation tools' formats: doccano, Label Studio, Prodigy and brat, read and written.

Entry points (the CLI's ``qawl import/export --format`` and the GUI dialogs call these):

* :func:`read` ``(fmt, sources, *, mapping, schema, add_labels, offset_unit, default_annotator) -> ImportResult``
  with ``fmt`` one of :data:`FORMATS` or ``"auto"``; ``sources`` are paths (folders are read with their sub-folders) or
  ``(name, bytes)`` pairs. See :mod:`.common` for the all-or-nothing policy and what :class:`ImportResult` holds.
* :func:`stream` ``(fmt, docs, sink, *, mapping, schema, **options)``: documents (:class:`~.out.Doc`, read from
  the project by :func:`~.out.documents_from_rows` or made from export lines by :func:`~.out.documents`) -> the
  format's files, handed to ``sink`` chunk by chunk (see :mod:`.out`); :func:`write` is the same into memory
  (``{file name: bytes}``), from export lines or core records.
* :data:`FOLDER_FORMATS`: the formats that write a folder (several files), whatever the number of annotators.
* :class:`LabelMapping` (:mod:`.mapping`): the one label mapping used by every format both ways.

Each format module documents what it reads and writes, and the offset unit of its tool.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..errors import QawlError
from ..files import links_note
from ..jsonl import Record
from ..memory import paused_gc
from ..schema import DEFAULT_SCHEMA, LabelSchema
from . import brat, brat_write, doccano, labelstudio, labelstudio_write, prodigy
from .build import build
from .peer import ImportResult, PeerFile, Source, load_sources
from .detect import detect, mismatch
from .mapping import DROP, LabelMapping
from .out import Doc, MemorySink, Sink, as_lines, documents, documents_from_rows, worked
from .units import UNITS

__all__ = ["FORMATS", "FOLDER_FORMATS", "Format", "ImportResult", "LabelMapping", "DROP", "UNITS", "MemorySink",
           "Sink", "Doc", "read", "stream", "write", "worked", "documents", "documents_from_rows", "detect_format",
           "rename_annotator"]


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    units: tuple[str, ...]  # offset units its files may use; the first is the tool's own
    parse: Callable[..., list[PeerFile]]  # (items, mapping, schema, default_annotator) -> parsed files
    stream: Callable[..., None]  # (docs, sink, *, mapping, schema, **options)
    extensions: tuple[str, ...]
    folder: bool  # writes a folder of files (else one file)


def _per_file(module) -> Callable[..., list[PeerFile]]:
    def parse(items, mapping, schema, default_annotator):
        return [module.parse_file(name, data, default_annotator) for name, data in items]
    return parse


FORMATS: dict[str, Format] = {
    "doccano": Format("doccano", "doccano JSONL", doccano.UNITS, _per_file(doccano), doccano.stream,
                      (".jsonl", ".json"), True),
    "labelstudio": Format("labelstudio", "Label Studio JSON", labelstudio.UNITS, _per_file(labelstudio),
                          labelstudio_write.stream, (".json",), True),
    "prodigy": Format("prodigy", "Prodigy JSONL", prodigy.UNITS, _per_file(prodigy), prodigy.stream, (".jsonl",),
                      False),
    "brat": Format("brat", "brat standoff", brat.UNITS, brat.parse_files, brat_write.stream,
                   (".txt", ".ann"), True),
}
FOLDER_FORMATS = tuple(name for name, spec in FORMATS.items() if spec.folder)


def detect_format(sources: Iterable[Source] | Source) -> str:
    return detect(load_sources(sources))


def read(fmt: str, sources: Iterable[Source] | Source, *, mapping: LabelMapping | None = None,
         schema: LabelSchema = DEFAULT_SCHEMA, add_labels: bool = False, offset_unit: str = "auto",
         default_annotator: str | None = None, annotator_map: dict[str, str] | None = None) -> ImportResult:
    """Read peer files (see the module docstring). Problems come back in the result, never half-imported.
    ``annotator_map`` renames the files' annotators (``{"user-1": "ali", "sara@lab.org": "sara"}``; a Label Studio
    user id may be given bare: ``{"1": "ali"}``)."""
    links: list[str] = []
    with paused_gc():
        result = _read(fmt, load_sources(sources, links), mapping or LabelMapping(), schema, add_labels,
                       offset_unit, default_annotator, annotator_map)
    if links:  # symbolic links inside the folders read, not followed
        result.notes.append(links_note(links))
    return result


def _read(fmt, items, mapping, schema, add_labels, offset_unit, default_annotator, annotator_map) -> ImportResult:
    if fmt == "auto":
        fmt = detect(items)
    spec = FORMATS.get(fmt)
    if spec is None:
        raise QawlError(f"unknown format {fmt!r}; use auto or one of {', '.join(FORMATS)}", field="format")
    wrong = [mismatch(fmt, name, data) for name, data in items]
    refused = [PeerFile(name, problems=[err]) for (name, _), err in zip(items, wrong) if err]
    files = refused + spec.parse([item for item, err in zip(items, wrong) if not err], mapping, schema,
                                 default_annotator)
    if annotator_map:
        for pf in files:
            for doc in pf.docs:
                for layer in doc.layers:
                    layer.annotator = rename_annotator(layer.annotator, annotator_map)
    return build(files, fmt=fmt, units=spec.units, mapping=mapping, schema=schema, add_labels=add_labels,
                 offset_unit=offset_unit)


def rename_annotator(name: str, annotator_map: dict[str, str]) -> str:
    """``name`` through the map; ``user-7`` also matches ``7``; ``NAME#id`` (a second annotation) keeps its id."""
    base, sep, tail = name.partition("#")
    for key in (name, base, base[5:] if base.startswith("user-") else None):
        if key and key in annotator_map:
            return annotator_map[key] + (sep + tail if key != name else "")
    return name


def stream(fmt: str, docs: Iterable[Doc], sink: Sink, *, mapping: LabelMapping | None = None,
           schema: LabelSchema = DEFAULT_SCHEMA, **options) -> None:
    """Documents -> ``fmt``'s files, chunk by chunk into ``sink`` (format-specific ``options`` are in each
    module; every writer takes ``annotators``, the annotator names the documents hold, when the caller knows
    them)."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise QawlError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", field="format")
    spec.stream(docs, sink, mapping=mapping or LabelMapping(), schema=schema, **options)


def write(fmt: str, records: Iterable[Record | dict], *, mapping: LabelMapping | None = None,
          schema: LabelSchema = DEFAULT_SCHEMA, **options) -> dict[str, bytes]:
    """Records or export lines -> ``{file name: bytes}`` in ``fmt``, in memory (tests, small exports)."""
    sink = MemorySink()
    stream(fmt, documents(as_lines(records, schema.name)), sink, mapping=mapping, schema=schema, **options)
    return sink.files

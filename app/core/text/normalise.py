"""Article text: decoding, the one documented normalisation, hashing and direction.

Text is sacred. The only change Qawl ever makes to an article's characters is done here, once, at import:
a leading byte-order mark is removed and CRLF / lone CR line endings become LF. What was done is returned as a
:class:`Normalisation` and stored with the document, so the source bytes can be reproduced exactly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import regex

from ..errors import QawlError

BOM = "\ufeff"

# Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, ... and the presentation forms).
_RTL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_LTR = regex.compile(r"\p{Bidi_Class=L}")
_RTL_RUN = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]+")
_LTR_RUN = regex.compile(r"\p{Bidi_Class=L}+")
# Control characters that are never in a text file (NUL and C0 controls other than tab/LF/VT/FF/CR/ESC).
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1B)) + bytes(range(0x1C, 0x20))
_DELETE_ALL_BUT_CONTROLS = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

DIRECTIONS = ("rtl", "ltr")


@dataclass(frozen=True)
class Normalisation:
    """What import changed: a removed leading BOM and the number of CRLF / lone-CR line endings turned into LF."""

    bom: bool = False
    crlf: int = 0
    cr: int = 0

    @property
    def changed(self) -> bool:
        return self.bom or bool(self.crlf) or bool(self.cr)

    def to_dict(self) -> dict:
        return {"bom": self.bom, "crlf": self.crlf, "cr": self.cr}

    @classmethod
    def from_dict(cls, data: dict | None) -> "Normalisation":
        data = data or {}
        if not isinstance(data, dict):
            raise QawlError(f"must be an object, got {type(data).__name__}", field="normalisation")
        bom, crlf, cr = data.get("bom", False), data.get("crlf", 0), data.get("cr", 0)
        if not isinstance(bom, bool):
            raise QawlError(f"must be true or false, got {bom!r}"[:120], field="normalisation.bom")
        for key, value in (("crlf", crlf), ("cr", cr)):
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 1 << 62:
                raise QawlError(f"must be a count (a non-negative integer), got {value!r}"[:120],
                                field=f"normalisation.{key}")
        return cls(bom, crlf, cr)

    def restore(self, text: str) -> str:
        """The source text, as far as it can be rebuilt: exact when the file used one line-ending style."""
        if self.crlf and not self.cr:
            text = text.replace("\n", "\r\n")
        elif self.cr and not self.crlf:
            text = text.replace("\n", "\r")
        return (BOM + text) if self.bom else text


def normalise(raw: str) -> tuple[str, Normalisation]:
    """Apply the one normalisation Qawl does (leading BOM, line endings) and say what it did."""
    bom = raw.startswith(BOM)
    if bom:
        raw = raw[1:]
    crlf = cr = 0
    if "\r" in raw:
        crlf = raw.count("\r\n")
        raw = raw.replace("\r\n", "\n")
        cr = raw.count("\r")
        raw = raw.replace("\r", "\n")
    return raw, Normalisation(bom, crlf, cr)


def removed_positions(raw: str, norm: Normalisation) -> list[int]:
    """Where in ``raw`` the normalisation removed a character (the leading BOM, the CR of each CRLF), sorted.

    An offset ``o`` into ``raw`` is ``o - bisect_left(removed, o)`` in the normalised text (a lone CR becomes LF in
    place and shifts nothing). Used wherever offsets into a source's raw text must follow the normalisation.
    """
    removed = [0] if norm.bom else []
    if norm.crlf:
        i = raw.find("\r\n")
        while i != -1:
            removed.append(i)
            i = raw.find("\r\n", i + 2)
    return removed


def decode(data: bytes, *, file: str | None = None) -> str:
    """UTF-8 bytes to text, refusing empty, binary and non-UTF-8 input with a message that says where."""
    if not data or data.isspace():
        raise QawlError("the file is empty", file=file)
    nul = data.find(b"\x00", 0, 65536)
    if nul != -1:
        raise QawlError("looks like a binary file, not text (it contains NUL bytes)", file=file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QawlError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "save the file as UTF-8 and import it again", file=file, line=line) from None
    # Real articles contain stray control characters (e.g. U+001A in the SaudiNewsNet corpus) and they are kept;
    # a NUL, or control characters making up more than 1% of the text, means this is not a text file.
    # (In UTF-8 these characters are exactly the bytes below 0x20, so counting bytes is exact and fast.)
    head = data[:65536]
    controls = len(head.translate(None, _DELETE_ALL_BUT_CONTROLS))
    if controls and (b"\x00" in data or controls > max(8, len(head) // 100)):
        at = data.find(b"\x00")
        if at == -1:
            at = next(i for i, b in enumerate(head) if b in _CONTROL_BYTES)
        line = data.count(b"\n", 0, at) + 1
        raise QawlError(f"looks like a binary file, not text (control character U+{data[at]:04X})",
                        file=file, line=line)
    return text


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 encoding: how documents are matched across machines."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Fast counting on UTF-8 bytes (one C pass each): lead bytes 0xD6-0xDF start U+0580-U+07FF (Hebrew, Arabic,
# Syriac, Thaana, NKo); ASCII letters and lead bytes 0xC3-0xD4 (Latin-1 .. Cyrillic) count as left-to-right.
_KEEP_RTL = bytes(range(0xD6, 0xE0))
_KEEP_LTR = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B)) + bytes(range(0xC3, 0xD5))
_DELETE_ALL_BUT_RTL = bytes(b for b in range(256) if b not in _KEEP_RTL)
_DELETE_ALL_BUT_LTR = bytes(b for b in range(256) if b not in _KEEP_LTR)


def detect_direction(text: str, sample: int = 2048) -> str:
    """'rtl' when most strong letters (in the first ``sample`` characters) are right-to-left, else 'ltr'.

    A byte-counting pass decides clear cases in microseconds (import speed matters: 10,000 articles); close or
    unusual cases (other scripts, near ties) are decided exactly with the Unicode bidi classes, and ties go to the
    first strong letter, as in the Unicode bidi algorithm (rules P2/P3).
    """
    head = text[:sample]
    return _decide(head, head.encode("utf-8"))


def detect_direction_utf8(text: str, data: bytes, sample: int = 2048) -> str:
    """:func:`detect_direction` when the UTF-8 encoding of ``text`` is at hand (import encodes it anyway)."""
    head = text[:sample]
    return _decide(head, data[: 4 * sample])


def _decide(head: str, raw: bytes) -> str:
    rtl = len(raw.translate(None, _DELETE_ALL_BUT_RTL))
    if rtl * 4 > len(raw):  # more than half the bytes are RTL letters (2 bytes each): clearly right-to-left
        return "rtl"
    ltr = len(raw.translate(None, _DELETE_ALL_BUT_LTR))
    if rtl + ltr >= 16 and abs(rtl - ltr) > 0.25 * (rtl + ltr):
        return "rtl" if rtl > ltr else "ltr"
    rtl = sum(map(len, _RTL_RUN.findall(head)))
    ltr = sum(map(len, _LTR_RUN.findall(head)))
    if rtl != ltr:
        return "rtl" if rtl > ltr else "ltr"
    return direction_of(head)


def direction_of(text: str) -> str:
    """Direction of a short piece of text (a span, a name): its first strong letter decides."""
    first_r = _RTL.search(text)
    first_l = _LTR.search(text)
    if first_r and (not first_l or first_r.start() < first_l.start()):
        return "rtl"
    return "ltr"

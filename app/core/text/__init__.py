"""The text substrate: what an article's characters are and how positions in them are counted.

- :mod:`.normalise` — decoding, the one normalisation (leading BOM, CRLF/CR), hashing, direction detection;
- :mod:`.offsets` — code points <-> UTF-16 code units (exact, O(log n)), grapheme-cluster snapping.
"""

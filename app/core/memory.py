"""Pausing Python's cycle collector around work that makes very many small objects and no reference cycles."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading a parsed export (one large tree of small objects: most of the
    time of reading a Label Studio export, measured) or suggesting for a document (hundreds of thousands of small
    objects: a sixth of the time on a long article, growing faster than the text) makes no cycles to collect, and
    each collection would walk everything again. Everything is still freed by reference counting."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()

"""How many bytes a PDF's compressed streams unpack to, counted before PDFium reads it.

PDFium unpacks a page's content whole when the page loads, with no limit of its own: a 1 MB
file can describe a page in 1 GB (2 GB of memory and 11 s before this check). The streams are
found in the raw bytes and inflated in small steps, output thrown away, until the limit.
"""

from __future__ import annotations

import re
import zlib

_STREAM_START = re.compile(rb"stream\r?\n")
_STEP = 1024 * 1024


def unpacks_beyond(data: bytes, limit: int) -> bool:
    """Whether the file's Flate (zlib) streams together unpack to more than ``limit`` bytes."""
    view = memoryview(data)
    total = 0
    for match in _STREAM_START.finditer(data):
        inflater = zlib.decompressobj()
        pending = view[match.end():]
        try:
            while pending and not inflater.eof:
                total += len(inflater.decompress(pending, _STEP))
                if total > limit:
                    return True
                pending = inflater.unconsumed_tail
        except zlib.error:
            continue  # not zlib data (another filter, or "stream" inside other bytes)
    return False

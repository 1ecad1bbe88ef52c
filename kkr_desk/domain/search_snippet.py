"""A hit's snippet made here from the matched text, not by FTS5's snippet().

snippet() tokenizes a whole body and scores every window of it for every hit: about 0.3 ms
a long Sagsfremstilling, so 100 hits spent most of a search's time on it. Here the words
searched for are found by one regular expression and only a window around the first one is
cut out. The words are found the way the index's tokenizer (unicode61, case folded, no
diacritics removed) splits text: a word is a run of letters and digits. The store decides
which texts match; when this finds none of the words in a text (a tokenizer corner this
does not know), it returns None and the store asks FTS5 for that one snippet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .search_query import HIT_END, HIT_START, Term

WORD = re.compile(r"[^\W_]+")
ELLIPSIS = "…"
BEFORE = 4
"""Words shown before the first hit, so that it reads in its sentence."""


def hits_pattern(terms: Iterable[Term]) -> re.Pattern[str] | None:
    """One expression matching any of the terms as whole words (a phrase's words in a row)."""
    alternatives = []
    for term in terms:
        words = [re.escape(word) for word in term.text.split()]
        if not words:
            continue
        pattern = r"[\W_]+".join(words) + (r"[^\W_]*" if term.prefix else "")
        alternatives.append(rf"(?<![^\W_])(?:{pattern})(?![^\W_])")
    if not alternatives:
        return None
    # Longest first, so "lærepladser" wins over a shorter term that is its prefix.
    alternatives.sort(key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def mark_snippet(text: str, pattern: re.Pattern[str] | None, tokens: int) -> str | None:
    """About ``tokens`` words of ``text`` from just before its first hit, hits between
    HIT_START and HIT_END, '…' where text is left out; None if no hit is found."""
    if pattern is None:
        return None
    first = pattern.search(text)
    if first is None:
        return None
    region = max(0, first.start() - 200)
    before = [match.start() for match in WORD.finditer(text, region, first.start())]
    if region:
        before = before[1:]  # the first may be a word cut by the region's edge
    start = before[-min(BEFORE, len(before))] if before else first.start()
    end = start
    counted = 0
    for match in WORD.finditer(text, start):
        end = match.end()
        counted += 1
        if counted >= tokens:
            break
    end = max(end, first.end())
    more = WORD.search(text, end) is not None
    if not more:
        end = len(text)  # the text's last word: its closing punctuation too
    pieces = [ELLIPSIS] if WORD.search(text, 0, start) else []
    position = start
    for hit in pattern.finditer(text, start, end):
        pieces += [text[position : hit.start()], HIT_START, hit.group(), HIT_END]
        position = hit.end()
    pieces.append(text[position:end])
    if more:
        pieces.append(ELLIPSIS)
    return "".join(pieces)

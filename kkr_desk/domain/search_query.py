"""What a user types into a search box, made into a safe SQLite FTS5 MATCH expression.

User text never reaches MATCH as it is: every word and phrase becomes an FTS5 string in
double quotes (so ``col:``, ``NEAR(``, ``^``, ``+``, brackets and stray quotes are just
text), and only the operators OR, AND and NOT written in capitals between two search words
are kept as operators. Hyphenated case numbers (SAG-2024-02547) become one phrase, because
the tokenizer splits them at the hyphens. Free of SQL: the store runs the expression.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 500
MAX_TERMS = 30
OPERATORS = frozenset({"OR", "AND", "NOT"})

HIT_START = "\x02"
HIT_END = "\x03"
"""The markers the store asks FTS5 to put around matched words in a snippet."""


class SearchQueryError(ValueError):
    """The search text cannot be searched for; ``str(error)`` is a Danish sentence."""


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: the FTS5 expression and the words searched for."""

    match: str
    terms: tuple[Term, ...]


def parse_query(text: str, *, prefix_last: bool = False) -> SearchQuery:
    """Words, "phrases", prefix* and OR/AND/NOT between words → a SearchQuery.

    ``prefix_last`` treats the last word as a prefix, for a search box that searches while
    the user is still typing the word. Raises SearchQueryError when nothing is left to
    search for, an operator stands without a word on both sides, or the text is too long.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise SearchQueryError(f"søgningen er for lang (højst {MAX_QUERY_CHARS} tegn)")
    parts = _split(_clean(text))
    if prefix_last and parts and isinstance(parts[-1], Term):
        parts[-1] = Term(parts[-1].text, prefix=True)
    terms = [part for part in parts if isinstance(part, Term)]
    if not terms:
        raise SearchQueryError("søgningen er tom; skriv et eller flere ord")
    if len(terms) > MAX_TERMS:
        raise SearchQueryError(f"søgningen har for mange ord (højst {MAX_TERMS})")
    pieces: list[str] = []
    for index, part in enumerate(parts):
        if isinstance(part, Term):
            pieces.append(part.fts())
            continue
        before = parts[index - 1] if index else None
        after = parts[index + 1] if index + 1 < len(parts) else None
        if not isinstance(before, Term) or not isinstance(after, Term):
            raise SearchQueryError(f"{part} skal stå mellem to søgeord")
        if part != "AND":  # AND is what two words next to each other mean anyway
            pieces.append(part)
    return SearchQuery(" ".join(pieces), tuple(terms))


def _clean(text: str) -> str:
    """Control characters and lone surrogates out: they are never part of a word."""
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs") else char for char in text
    )


def _split(text: str) -> list[Term | str]:
    """Terms and operators in the order typed; a quote left open runs to the end."""
    parts: list[Term | str] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char == '"':
            end = text.find('"', position + 1)
            end = len(text) if end == -1 else end
            phrase = text[position + 1 : end]
            position = end + 1
            prefix = text.startswith("*", position)
            while text.startswith("*", position):
                position += 1
            _add_term(parts, phrase, prefix)
            continue
        end = position
        while end < len(text) and not text[end].isspace() and text[end] != '"':
            end += 1
        word = text[position:end]
        position = end
        if word in OPERATORS:
            parts.append(word)
        else:
            _add_term(parts, word.rstrip("*"), word.endswith("*"))
    return parts


def _add_term(parts: list[Term | str], text: str, prefix: bool) -> None:
    # Only letters and digits make words for the tokenizer; the rest separates them.
    words = "".join(char if char.isalnum() else " " for char in text).split()
    if words:
        parts.append(Term(" ".join(words), prefix))


def snippet_runs(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet with HIT_START/HIT_END markers → (text, is_hit) runs, markup noise removed."""
    runs: list[tuple[str, bool]] = []
    hit = False
    text = _plain(snippet)
    start = 0
    for index, char in enumerate(text + HIT_START):
        if char in (HIT_START, HIT_END):
            if index > start:
                runs.append((text[start:index], hit))
            hit = char == HIT_START
            start = index + 1
    return tuple(runs)


def _plain(snippet: str) -> str:
    """Bodies are Markdown: drop emphasis marks, heading hashes and table bars, one line."""
    for mark in ("**", "__", "`"):
        snippet = snippet.replace(mark, "")
    words = []
    for word in snippet.split():
        if set(word) <= {"#", "|", "-", ":"}:
            continue  # a heading's hashes, a table's bars and rule
        words.append(word)
    return " ".join(words)

"""Undo the hyphenation a line break introduced, and keep every hyphen that is real.

A PDF's line ends split words: "læ-" + "repladser" is "lærepladser". But Danish writes real
hyphens at line ends too: a compound with an abbreviation or a number ("SOSU-" + "skolerne",
"2022-" + "2032"), a proper name ("Azad-" + "Ahmad") and the suspended compound
("social-" + "og sundhedsassistenter"). The rules, in order:

1. a following conjunction ("og", "eller", "samt", "til") keeps hyphen and space;
2. a digit or capital on either side of the break keeps the hyphen;
3. the document's own words decide when it used the word elsewhere, whole or hyphenated;
4. otherwise the break was the typesetter's: join without the hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SUSPENDED_COMPOUND_WORDS = frozenset({"og", "eller", "samt", "til", "&", "and", "or"})
_WORD = re.compile(r"[\wÆØÅæøåé]+(?:-[\wÆØÅæøåé]+)*", re.UNICODE)
_TRAILING_FRAGMENT = re.compile(r"(?P<fragment>[\wÆØÅæøåéü]+)-$")
_LEADING_FRAGMENT = re.compile(r"^(?P<fragment>[\wÆØÅæøåéü]+)")


class Vocabulary:
    """The words a document uses inside its lines, to settle doubtful line-end hyphens."""

    def __init__(self, lines: Iterable[str] = ()):
        self.whole: set[str] = set()
        self.hyphenated: set[str] = set()
        for line in lines:
            self.add(line)

    def add(self, line: str) -> None:
        # The last word of a line may be half a word: leave it out.
        words = _WORD.findall(line.rstrip("-").rsplit(" ", 1)[0] if line.endswith("-") else line)
        for word in words:
            lowered = word.lower()
            if "-" in lowered:
                self.hyphenated.add(lowered)
            else:
                self.whole.add(lowered)


def ends_with_split(line: str) -> bool:
    """Whether the line ends in a hyphen directly after a word fragment ("læ-", "2022-")."""
    return bool(_TRAILING_FRAGMENT.search(line))


WORD_WINDOW = 200
"""How much of the text before a line break is looked at: more than any real word."""


def join_lines(first: str, second: str, vocabulary: Vocabulary | None = None) -> str:
    """Join two consecutive printed lines of one paragraph into one line of text."""
    first = first.rstrip()
    second = second.lstrip()
    if not first:
        return second
    if not second:
        return first
    separator = _joint(first[-WORD_WINDOW:], second, vocabulary)
    if separator is None:
        return first[:-1] + second
    return first + separator + second


def join_all(lines: list[str], vocabulary: Vocabulary | None = None) -> str:
    """``join_lines`` over all of a paragraph's lines, in time linear in its length.

    Joining each line onto the paragraph so far copied the paragraph at every line, which
    made a 20 MB text of long paragraphs take minutes; here each break looks only at the
    end of the text before it.
    """
    parts: list[str] = []
    tail = ""  # the last WORD_WINDOW characters of the text so far
    for line in lines:
        second = line.lstrip()
        if parts:
            parts[-1] = parts[-1].rstrip()
            tail = tail.rstrip()
        if not tail:
            parts, tail = [second], second[-WORD_WINDOW:]
            continue
        if not second:
            continue
        separator = _joint(tail, second, vocabulary)
        if separator is None:  # the hyphen was the typesetter's
            parts[-1], tail, separator = parts[-1][:-1], tail[:-1], ""
        parts.append(separator + second)
        tail = (tail + separator + second)[-WORD_WINDOW:]
    return "".join(parts)


def _joint(before: str, second: str, vocabulary: Vocabulary | None) -> str | None:
    """What goes between the end of a line and the next: " ", "" (a real hyphen), or None
    (drop the line-end hyphen). ``before`` is the end of the first line, stripped."""
    # Only the last word can end in a split; searching the whole growing paragraph at every
    # line made long paragraphs quadratic (docs/performance.md).
    split = _TRAILING_FRAGMENT.search(before, before.rfind(" ") + 1)
    if not split:
        return " "
    after = _LEADING_FRAGMENT.match(second)
    next_word = second.split(" ", 1)[0].lower()
    if next_word in SUSPENDED_COMPOUND_WORDS or not after:
        return " "
    if keeps_hyphen(split.group("fragment"), after.group("fragment"), vocabulary):
        return ""
    return None


def keeps_hyphen(head: str, tail: str, vocabulary: Vocabulary | None = None) -> bool:
    """Whether "head-" at a line end and "tail" on the next line form a hyphenated word."""
    if tail[0].isdigit() or tail[0].isupper() or head[-1].isdigit():
        return True
    if len(head) > 1 and head.isupper():
        return True  # an abbreviation: "SOSU-skolerne", "KD-net"
    if vocabulary is not None:
        hyphenated = f"{head}-{tail}".lower()
        whole = f"{head}{tail}".lower()
        if hyphenated in vocabulary.hyphenated and whole not in vocabulary.whole:
            return True
    return False

"""What changed between two versions of a text, word by word, and which blocks belong together.

The formand reads the referat as tracked changes against the version sent for approval
(docs/referat.md). Two rules make such a diff readable, and both live here, free of Word:

* ``diff_tokens`` compares words (a word, a run of spaces, one punctuation mark each), and a
  lone space between two changes is taken into the change, so "a b" → "x y" reads as one
  deletion and one insertion, not four.
* ``pair_blocks`` decides which paragraph, list item or table row of the old version became
  which of the new one: equal blocks pair, and among the blocks in between the most similar
  of the same kind pair in order; the rest were inserted or deleted whole. A block is never
  split or merged, so the structure stays intact.

Everything takes any hashable keys, so the Word writer can compare formatted runs and the
window plain text with the same rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, TypeVar

Op = Literal["equal", "insert", "delete"]
T = TypeVar("T")
U = TypeVar("U")

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def word_tokens(text: str) -> list[str]:
    """``text`` as words, whitespace runs and single punctuation marks; they join back to it."""
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class Edit:
    """One stretch of the comparison: ``old[old_start:old_end]`` → ``new[new_start:new_end]``.

    "equal" covers the same number of tokens on both sides, "delete" only old ones,
    "insert" only new ones. A replacement is a delete followed by an insert.
    """

    op: Op
    old_start: int
    old_end: int
    new_start: int
    new_end: int


def diff_tokens(
    old: Sequence[Hashable],
    new: Sequence[Hashable],
    *,
    is_blank: Callable[[Hashable], bool] = lambda token: str(token).isspace(),
) -> list[Edit]:
    """The edits that turn ``old`` into ``new``: equal, delete and insert stretches in order.

    ``is_blank`` says which tokens are only space; an equal stretch of nothing but space
    between two changes becomes part of them.
    """
    old_ids, new_ids = _numbered(old, new)
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    # Drop blank-only matches that have a change on both sides: they only chop the change.
    kept = []
    old_at = new_at = 0
    for index, block in enumerate(blocks):
        changed_before = block.a > old_at or block.b > new_at
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        end_a, end_b = block.a + block.size, block.b + block.size
        changed_after = (
            (following.a > end_a or following.b > end_b)
            if following
            else (end_a < len(old) or end_b < len(new))
        )
        blank = all(is_blank(token) for token in old[block.a : end_a])
        if not (blank and changed_before and changed_after):
            kept.append(block)
            old_at, new_at = end_a, end_b
    edits: list[Edit] = []
    old_at = new_at = 0
    for block in [*kept, None]:
        a = block.a if block else len(old)
        b = block.b if block else len(new)
        if a > old_at:
            edits.append(Edit("delete", old_at, a, new_at, new_at))
        if b > new_at:
            edits.append(Edit("insert", a, a, new_at, b))
        if block:
            edits.append(Edit("equal", a, a + block.size, b, b + block.size))
            old_at, new_at = a + block.size, b + block.size
    return edits


def _numbered(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[list[int], list[int]]:
    """Each distinct token as a small number: difflib hashes its elements again and again,
    and a Word paragraph's key is a long tuple."""
    numbers: dict[Hashable, int] = {}
    return (
        [numbers.setdefault(token, len(numbers)) for token in old],
        [numbers.setdefault(token, len(numbers)) for token in new],
    )


@dataclass(frozen=True)
class Piece:
    """A stretch of text that is unchanged, inserted or deleted."""

    op: Op
    text: str


def diff_words(old: str, new: str) -> list[Piece]:
    """The word-level changes from ``old`` to ``new``; the equal and deleted pieces join to
    ``old``, the equal and inserted ones to ``new``."""
    old_tokens, new_tokens = word_tokens(old), word_tokens(new)
    pieces = []
    for edit in diff_tokens(old_tokens, new_tokens):
        if edit.op == "insert":
            text = "".join(new_tokens[edit.new_start : edit.new_end])
        else:
            text = "".join(old_tokens[edit.old_start : edit.old_end])
        pieces.append(Piece(edit.op, text))
    return pieces


def similarity(old: Sequence[Hashable], new: Sequence[Hashable]) -> float:
    """How many tokens two blocks share, in any order: 0 for none, 1 for the same ones.

    Order is left out on purpose: it is what pairs blocks, not what marks words, and it
    keeps a referat rewritten throughout from comparing every paragraph word by word.
    """
    return _overlap(Counter(old), Counter(new))


def _overlap(old: Counter, new: Counter) -> float:
    total = old.total() + new.total()
    if not total:
        return 1.0
    return 2 * (old & new).total() / total


PAIRING_THRESHOLD = 0.3
"""How alike two blocks must be to count as one edited block rather than a deleted one and
an inserted one; a lone block replaced by a lone block of its kind always pairs."""


MAX_ALIGNMENT = 10_000
"""Old × new blocks between two equal ones beyond which none pair (time grows with it)."""


def pair_blocks(
    old: Sequence[T],
    new: Sequence[U],
    *,
    key: Callable[[T | U], Hashable],
    kind: Callable[[T | U], Hashable],
    tokens: Callable[[T | U], Sequence[Hashable]],
) -> list[tuple[T | None, U | None]]:
    """Old and new blocks side by side, in document order: (old, new) for one block kept or
    edited, (old, None) for one deleted, (None, new) for one inserted.

    ``key`` is what makes two blocks equal, ``kind`` what must agree for them to pair (a
    heading never pairs with a list item), ``tokens`` what their likeness is measured on.
    """
    old_ids, new_ids = _numbered([key(b) for b in old], [key(b) for b in new])
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    pairs: list[tuple[T | None, U | None]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            pairs.extend(zip(old[a0:a1], new[b0:b1]))
        else:
            pairs.extend(_pair_changed(old[a0:a1], new[b0:b1], kind, tokens))
    return pairs


def _pair_changed(old, new, kind, tokens) -> list:
    """Pairs in order that make the blocks most alike in total (a small alignment table)."""
    n, m = len(old), len(new)
    if n * m > MAX_ALIGNMENT:
        return [*((block, None) for block in old), *((None, block) for block in new)]
    old_counts = [Counter(tokens(b)) for b in old]
    new_counts = [Counter(tokens(b)) for b in new]
    scores: dict[tuple[int, int], float | None] = {}

    def score(i: int, j: int) -> float | None:
        if (i, j) not in scores:
            scores[i, j] = None
            if kind(old[i]) == kind(new[j]):
                alike = _overlap(old_counts[i], new_counts[j])
                if alike >= PAIRING_THRESHOLD or (n == 1 and m == 1):
                    scores[i, j] = alike + 1.0  # a pair always beats leaving both unpaired
        return scores[i, j]

    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            paired = score(i, j)
            if paired is not None:
                options.append(paired + best[i + 1][j + 1])
            best[i][j] = max(options)
    pairs: list = []
    i = j = 0
    while i < n and j < m:
        paired = score(i, j)
        if paired is not None and best[i][j] == paired + best[i + 1][j + 1]:
            pairs.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((old[i], None))
            i += 1
        else:
            pairs.append((None, new[j]))
            j += 1
    pairs.extend((block, None) for block in old[i:])
    pairs.extend((None, block) for block in new[j:])
    return pairs

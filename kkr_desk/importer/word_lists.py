"""Word's list numbering: which paragraphs are bullets or numbers, and which number.

A Word list keeps its marks out of the text: the paragraph (or its style) names a numbering
(``w:numPr``: numId and level), whose definition says bullet or decimal, the delimiter
("%1)" or "%1.") and where counting starts. This reads that back, counting the way Word does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .word_xml import (
    W_ABSTRACT_NUM,
    W_ABSTRACT_NUM_ID,
    W_ILVL,
    W_LVL,
    W_LVL_OVERRIDE,
    W_LVL_TEXT,
    W_NUM,
    W_NUM_FMT,
    W_NUM_ID,
    W_NUM_PR,
    W_START,
    W_START_OVERRIDE,
    W_VAL,
)


@dataclass(frozen=True)
class ListMark:
    """A list paragraph's kind and mark: ("bullet", "", "") or ("numbered", "3", ")")."""

    kind: str
    number: str = ""
    delimiter: str = ""
    level: int = 0


class WordLists:
    """Numbering definitions of one document and the running counters of its lists."""

    def __init__(self, document):
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_numbering: dict[int, tuple[object, object]] = {}  # id → (style, its w:numPr)
        self._abstracts: dict[str | None, object] = {}
        self._nums: dict[str | None, list] = {}  # numId → its w:num elements, in order
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is None:
            return
        self._abstracts = {
            abstract.get(W_ABSTRACT_NUM_ID): abstract
            for abstract in root.iterchildren(W_ABSTRACT_NUM)
        }
        for num in root.iterchildren(W_NUM):
            self._nums.setdefault(num.get(W_NUM_ID), []).append(num)

    def _read_levels(self, num_id: str) -> None:
        """The levels of one numbering (format, level text, start), read when first used.

        A writer may give every list its own numbering (our referat does, ~700 for 100
        items); reading all of them up front cost more than reading the paragraphs.
        """
        for num in self._nums.pop(num_id, ()):
            abstract_ref = num.find(W_ABSTRACT_NUM_ID)
            abstract = self._abstracts.get(
                abstract_ref.get(W_VAL) if abstract_ref is not None else None
            )
            if abstract is None:
                continue
            overrides = {
                _int(override.get(W_ILVL)): _int(start.get(W_VAL), 1)
                for override in num.findall(W_LVL_OVERRIDE)
                if (start := override.find(W_START_OVERRIDE)) is not None
            }
            for level in abstract.findall(W_LVL):
                ilvl = _int(level.get(W_ILVL))
                fmt = _val(level.find(W_NUM_FMT)) or "decimal"
                text = _val(level.find(W_LVL_TEXT)) or ""
                start = overrides.get(ilvl, _int(_val(level.find(W_START)), 1))
                self._levels[(num_id, ilvl)] = (fmt, text, start)

    def mark(self, p_pr, style) -> ListMark | None:
        """The list mark of a paragraph, counting it; None when it is not in a list.

        ``p_pr`` is the paragraph's ``w:pPr`` element (None when it has none), ``style`` its
        paragraph style (None when the document has no default one).
        """
        num_pr = self._num_pr(p_pr, style)
        if num_pr is None:
            return None
        num_id = _val(num_pr.find(W_NUM_ID))
        level = _int(_val(num_pr.find(W_ILVL)))
        if num_id in self._nums:
            self._read_levels(num_id)
        if not num_id or num_id == "0" or (num_id, level) not in self._levels:
            return None
        fmt, text, start = self._levels[(num_id, level)]
        counters = self._counters.setdefault(num_id, {})
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]  # a higher level restarts the levels below it
        counters[level] = counters.get(level, start - 1) + 1
        if fmt in ("bullet", "none"):
            return ListMark("bullet", level=level)
        delimiter = ")" if text.endswith(")") else "."
        return ListMark("numbered", str(counters[level]), delimiter, level)

    def _num_pr(self, p_pr, style):
        num_pr = p_pr.find(W_NUM_PR) if p_pr is not None else None
        if num_pr is not None:
            return num_pr
        if style is None:
            return None
        known = self._style_numbering.get(id(style))  # one walk up the chain per style
        if known is None:
            known = self._style_numbering[id(style)] = (style, _style_num_pr(style))
        return known[1]


def _style_num_pr(style):
    while style is not None:  # a list style ("List Bullet") carries the numbering itself
        style_p_pr = style.element.pPr
        if style_p_pr is not None and style_p_pr.numPr is not None:
            return style_p_pr.numPr
        style = style.base_style
    return None


def _val(element) -> str | None:
    return element.get(W_VAL) if element is not None else None


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default

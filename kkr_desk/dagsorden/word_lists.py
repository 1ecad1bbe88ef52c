"""Word's list numbering: which paragraphs are bullets or numbers, and which number.

A Word list keeps its marks out of the text: the paragraph (or its style) names a numbering
(``w:numPr``: numId and level), whose definition says bullet or decimal, the delimiter
("%1)" or "%1.") and where counting starts. This reads that back, counting the way Word does.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn


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
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is None:
            return
        abstracts = {
            abstract.get(qn("w:abstractNumId")): abstract
            for abstract in root.findall(qn("w:abstractNum"))
        }
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract_ref = num.find(qn("w:abstractNumId"))
            abstract = abstracts.get(abstract_ref.get(qn("w:val")) if abstract_ref is not None else None)
            if abstract is None:
                continue
            overrides = {
                _int(override.get(qn("w:ilvl"))): _int(start.get(qn("w:val")), 1)
                for override in num.findall(qn("w:lvlOverride"))
                if (start := override.find(qn("w:startOverride"))) is not None
            }
            for level in abstract.findall(qn("w:lvl")):
                ilvl = _int(level.get(qn("w:ilvl")))
                fmt = _val(level.find(qn("w:numFmt"))) or "decimal"
                text = _val(level.find(qn("w:lvlText"))) or ""
                start = overrides.get(ilvl, _int(_val(level.find(qn("w:start"))), 1))
                self._levels[(num_id, ilvl)] = (fmt, text, start)

    def mark(self, paragraph) -> ListMark | None:
        """The list mark of a paragraph, counting it; None when it is not in a list."""
        num_pr = _num_pr(paragraph)
        if num_pr is None:
            return None
        num_id = _val(num_pr.find(qn("w:numId")))
        level = _int(_val(num_pr.find(qn("w:ilvl"))))
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


def _num_pr(paragraph):
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return p_pr.numPr
    style = paragraph.style
    while style is not None:  # a list style ("List Bullet") carries the numbering itself
        style_p_pr = style.element.pPr
        if style_p_pr is not None and style_p_pr.numPr is not None:
            return style_p_pr.numPr
        style = style.base_style
    return None


def _val(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default

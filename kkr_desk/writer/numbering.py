"""Real Word lists: bullets and numbers that Word continues when the secretary edits.

python-docx has no list API. Each Markdown list becomes its own ``w:num`` (so numbered
lists restart, at the author's own first number), pointing at one of a few abstract
definitions added to the document's numbering part: an en dash bullet, "1)" and "1.".
A template's own numbering definitions are left alone; ours take the next free ids.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

from ..markdown_form import BULLET
from .oxml import element

LEVELS = 9


class Lists:
    """Hands out numbering instances for the lists of one document."""

    def __init__(self, document: Document, *, indent: int, hanging: int, font: str | None):
        self._root = _numbering_part(document).element
        self._indent = indent
        self._hanging = hanging
        self._font = font
        self._abstract: dict[str, str] = {}
        self._next_abstract = 1 + max(
            [int(n.get(qn("w:abstractNumId"))) for n in self._root.findall(qn("w:abstractNum"))],
            default=-1,
        )
        self._next_num = 1 + max(
            [int(n.get(qn("w:numId"))) for n in self._root.findall(qn("w:num"))], default=0
        )
        # Found once: searching the growing list of w:num for it made long referats quadratic.
        self._cleanup = self._root.find(qn("w:numIdMacAtCleanup"))

    def new_list(self, delimiter: str, start: int = 1, level: int = 0) -> str:
        """A numId for one list: ``delimiter`` "" for bullets, ")" or "." for numbers.

        ``level`` is the list's nesting depth; its paragraphs use it as their ``w:ilvl``.
        """
        abstract_id = self._abstract_for(delimiter)
        num_id = str(self._next_num)
        self._next_num += 1
        num = element(
            "w:num", {"w:numId": num_id}, element("w:abstractNumId", {"w:val": abstract_id})
        )
        if delimiter:
            override = element(
                "w:lvlOverride",
                {"w:ilvl": str(level)},
                element("w:startOverride", {"w:val": str(start)}),
            )
            num.append(override)
        if self._cleanup is not None:
            self._cleanup.addprevious(num)
        else:
            self._root.append(num)
        return num_id

    def _abstract_for(self, delimiter: str) -> str:
        if delimiter not in self._abstract:
            abstract_id = str(self._next_abstract)
            self._next_abstract += 1
            abstract = element(
                "w:abstractNum",
                {"w:abstractNumId": abstract_id},
                element("w:multiLevelType", {"w:val": "hybridMultilevel"}),
            )
            for level in range(LEVELS):
                abstract.append(self._level(level, delimiter))
            first_num = self._root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                cleanup = self._root.find(qn("w:numIdMacAtCleanup"))
                if cleanup is not None:
                    cleanup.addprevious(abstract)
                else:
                    self._root.append(abstract)
            self._abstract[delimiter] = abstract_id
        return self._abstract[delimiter]

    def _level(self, level: int, delimiter: str):
        left = self._indent * (level + 1)
        made = element(
            "w:lvl",
            {"w:ilvl": str(level)},
            element("w:start", {"w:val": "1"}),
            element("w:numFmt", {"w:val": "decimal" if delimiter else "bullet"}),
            element("w:lvlText", {"w:val": f"%{level + 1}{delimiter}" if delimiter else BULLET}),
            element("w:lvlJc", {"w:val": "left"}),
        )
        made.append(
            element(
                "w:pPr",
                None,
                element("w:tabs", None, element("w:tab", {"w:val": "num", "w:pos": str(left)})),
                element("w:ind", {"w:left": str(left), "w:hanging": str(self._hanging)}),
            )
        )
        if self._font and not delimiter:
            fonts = {name: self._font for name in ("w:ascii", "w:hAnsi", "w:cs")}
            made.append(element("w:rPr", None, element("w:rFonts", fonts)))
        return made


def _numbering_part(document: Document) -> NumberingPart:
    """The document's numbering part; a template without one gets an empty one."""
    try:
        return document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        part = NumberingPart(
            PackURI("/word/numbering.xml"),
            CT.WML_NUMBERING,
            parse_xml(f"<w:numbering {nsdecls('w')}/>"),
            document.part.package,
        )
        document.part.relate_to(part, RT.NUMBERING)
        return part

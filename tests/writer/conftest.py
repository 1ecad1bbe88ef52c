"""The sample meeting, and reading an exported .docx back the way Word would see it."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from kkr_desk.domain import Meeting
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.resources import resource_path


@pytest.fixture
def sample() -> Meeting:
    return read_meeting_file(resource_path("sample-meeting.json"))


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def body_lines(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty body paragraph, tables included, in order.

    A paragraph of a Word list starts with its label ("–", "3)") as Word would print it,
    worked out from the numbering definitions.
    """
    document = docx.Document(str(path))
    styles = {style.style_id: style.name for style in document.styles}
    labels = _ListLabels(document)
    lines = []
    for p in document.element.body.iter(qn("w:p")):
        text = normalised(labels.label(p) + " " + "".join(_paragraph_text(p)))
        if not text:
            continue
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        lines.append((styles.get(style.get(qn("w:val"))) if style is not None else "Normal", text))
    return lines


def _paragraph_text(p):
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        yield node.text or "" if node.tag == qn("w:t") else " "


def texts(path: Path) -> list[str]:
    return [text for _style, text in body_lines(path)]


def assert_in_order(expected: list[str], actual: list[str]) -> None:
    """Every expected line is a whole paragraph of the document, in this order."""
    position = 0
    for line in expected:
        try:
            position = actual.index(line, position) + 1
        except ValueError:
            context = actual[max(0, position - 3) : position + 3]
            raise AssertionError(f"{line!r} not found after paragraph {position}: {context}")


class _ListLabels:
    """Counts list paragraphs the way Word does: per numId and level, from the start value."""

    def __init__(self, document):
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            root = None
        self.nums = {}
        self.abstracts = {}
        if root is not None:
            for abstract in root.findall(qn("w:abstractNum")):
                self.abstracts[abstract.get(qn("w:abstractNumId"))] = abstract
            for num in root.findall(qn("w:num")):
                self.nums[num.get(qn("w:numId"))] = num
        self.counters = {}

    def label(self, p) -> str:
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            return ""
        num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        level = num_pr.find(qn("w:ilvl")).get(qn("w:val"))
        num = self.nums[num_id]
        abstract = self.abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        lvl = next(l for l in abstract.findall(qn("w:lvl")) if l.get(qn("w:ilvl")) == level)
        text = lvl.find(qn("w:lvlText")).get(qn("w:val"))
        if lvl.find(qn("w:numFmt")).get(qn("w:val")) == "bullet":
            return text
        key = (num_id, level)
        if key in self.counters:
            self.counters[key] += 1
        else:
            start = int(lvl.find(qn("w:start")).get(qn("w:val")))
            for override in num.findall(qn("w:lvlOverride")):
                found = override.find(qn("w:startOverride"))
                if override.get(qn("w:ilvl")) == level and found is not None:
                    start = int(found.get(qn("w:val")))
            self.counters[key] = start
        return text.replace(f"%{int(level) + 1}", str(self.counters[key]))

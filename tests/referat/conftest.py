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
    """(style name, text) of every non-empty body paragraph, tables included, in order."""
    document = docx.Document(str(path))
    styles = {style.style_id: style.name for style in document.styles}
    lines = []
    for p in document.element.body.iter(qn("w:p")):
        text = normalised("".join(_paragraph_text(p)))
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

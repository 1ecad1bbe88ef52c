"""Reading tracked changes back: a document with every change accepted, or every one rejected.

This is what Word's "Accept All Changes" and "Reject All Changes" do to the body, written
with lxml from the schema, so a test can compare the outcome with a plain export.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

INS, DEL = qn("w:ins"), qn("w:del")


def body(source: Path | bytes):
    """The body element of a .docx file, or of a .docx file's bytes."""
    opened = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    return docx.Document(opened).element.body


def resolved(source: Path | bytes, *, accept: bool):
    """A copy of the body with every change accepted (or rejected)."""
    root = copy.deepcopy(body(source))
    keep, drop = (INS, DEL) if accept else (DEL, INS)
    # Rows that came (rejecting) or went (accepting) go.
    for row in list(root.iter(qn("w:tr"))):
        marks = row.find(qn("w:trPr"))
        if marks is not None and marks.find(drop) is not None:
            row.getparent().remove(row)
    for marks in root.iter(qn("w:trPr")):
        for mark in marks.findall(keep):
            marks.remove(mark)
    # Paragraph marks: a dropped one joins what is left of its paragraph to the next.
    for paragraph in list(root.iter(qn("w:p"))):
        mark_properties = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        if mark_properties is None:
            continue
        for mark in mark_properties.findall(keep):
            mark_properties.remove(mark)
        if mark_properties.find(drop) is not None:
            following = paragraph.getnext()
            content = [child for child in paragraph if child.tag != qn("w:pPr")]
            if following is not None and following.tag == qn("w:p"):
                at = 1 if following.find(qn("w:pPr")) is not None else 0
                for offset, child in enumerate(content):
                    following.insert(at + offset, child)
            paragraph.getparent().remove(paragraph)
    # Runs: dropped ones go, kept ones lose their wrapper.
    for mark in list(root.iter(drop)):
        if mark.getparent().tag != qn("w:rPr"):
            mark.getparent().remove(mark)
    for mark in list(root.iter(keep)):
        parent = mark.getparent()
        if parent.tag == qn("w:rPr"):
            continue
        position = parent.index(mark)
        for offset, child in enumerate(list(mark)):
            parent.insert(position + offset, child)
        parent.remove(mark)
    for node in root.iter(qn("w:delText")):
        node.tag = qn("w:t")
    for node in root.iter(qn("w:delInstrText")):
        node.tag = qn("w:instrText")
    return root


def paragraphs(root) -> list[tuple[str | None, str]]:
    """(style id, exact text) of every paragraph under ``root``, table cells included."""
    lines = []
    for paragraph in root.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        text = []
        for node in paragraph.iter(qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br")):
            if node.tag in (qn("w:t"), qn("w:delText")):
                text.append(node.text or "")
            else:
                text.append("\t" if node.tag == qn("w:tab") else "\n")
        lines.append((None if style is None else style.get(qn("w:val")), "".join(text)))
    return lines

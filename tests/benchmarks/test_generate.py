"""The benchmark generators make what the figures claim: size, shape and the seed's text form."""

from __future__ import annotations

import re

import docx

from benchmarks.docx_baseline import write_naive_docx
from benchmarks.generate import (
    big_meeting,
    markdown_blocks,
    meeting_blocks,
    paragraph_count,
    seed_form_text,
)
from kkr_desk.domain import STANDARD_SECTIONS, attachments

ITEM_HEADING = re.compile(r"^\d+\.\d+\. \S")
URL_LINE = re.compile(r"^https://\S+$")


def test_a_hundred_items_make_about_three_thousand_paragraphs():
    meeting = big_meeting(100)

    assert len(meeting.items) == 100
    assert len(meeting.groups) == 10
    assert 2_700 <= paragraph_count(meeting) <= 3_300
    for item in meeting.items:
        assert [section.heading for section in item.sections] == list(STANDARD_SECTIONS)
        assert attachments(item)
    kinds = {block.kind for block in meeting_blocks(meeting)}
    assert kinds == {"heading", "paragraph", "bullet", "numbered", "table"}
    bodies = "\n".join(section.body for item in meeting.items for section in item.sections)
    assert bodies.count("](https://") == 100
    assert bodies.count("|---|") == 100


def test_the_same_size_gives_the_same_meeting_and_sizes_scale():
    assert big_meeting(30) == big_meeting(30)
    assert big_meeting(30) != big_meeting(30, seed=8)
    ratio = paragraph_count(big_meeting(200)) / paragraph_count(big_meeting(20))
    assert 9 < ratio < 11


def test_markdown_blocks_reads_each_kind_and_keeps_link_text():
    body = (
        "### Status\n\nSe [linket](https://kl.dk/a) her.\n\n- en\n- to\n\n"
        "1) første\n2) anden\n\n| A | B |\n|---|---|\n| 1 | 2 |"
    )
    blocks = markdown_blocks(body)

    assert [b.kind for b in blocks] == [
        "heading", "paragraph", "bullet", "bullet", "numbered", "numbered", "table"
    ]
    assert blocks[1].text == "Se linket her."
    assert [b.level for b in blocks[4:6]] == [1, 2]
    assert blocks[-1].rows == (("A", "B"), ("1", "2"))


def test_seed_form_text_has_the_extraction_traits_of_the_seed():
    meeting = big_meeting(20)
    text = seed_form_text(meeting)
    lines = text.split("\n")

    item_lines = [line for line in lines if ITEM_HEADING.match(line.lstrip())]
    assert len(item_lines) == 20
    group_starts = [line for line in lines if re.match(r"^ \d+\. \S", line)]
    assert len(group_starts) == 2, "each group begins a new page, with a leading space"
    split_words = [line for line in lines if line.endswith("-")]
    assert len(split_words) > 50
    assert all(not line.endswith(" -") for line in split_words)
    urls = [i for i, line in enumerate(lines) if URL_LINE.match(line)]
    assert len(urls) == 2 * 20, "each link's URL follows its page twice"
    for first, second in zip(urls[::2], urls[1::2]):
        assert lines[first] == lines[second] and second == first + 1
        assert lines[second + 1].startswith(" "), "the next page starts with a space"
    for index, line in enumerate(lines[:-1]):
        if line and not URL_LINE.match(line) and not lines[index + 1].startswith(" "):
            assert line.endswith(" ") or line.endswith("-"), line
            assert lines[index + 1] == "", "an ordinary line is followed by an empty line"


def test_seed_form_keeps_the_words_of_every_section():
    meeting = big_meeting(3)
    flat = re.sub(r"-\n\n", "", seed_form_text(meeting))
    words = set(flat.split())
    decision = meeting.items[2].sections[-1].body
    assert set(decision.split()) <= words


def test_naive_baseline_writes_every_block(tmp_path):
    meeting = big_meeting(3)
    path = tmp_path / "naive.docx"

    write_naive_docx(meeting, path)

    document = docx.Document(str(path))
    blocks = meeting_blocks(meeting)
    tables = [block for block in blocks if block.kind == "table"]
    assert len(document.tables) == len(tables) == 3
    assert len(document.paragraphs) == 1 + len(blocks) - len(tables)
    assert document.tables[0].cell(0, 0).text == "KKR"

"""Plain text with list marks as Markdown lists (a paste of a mail or a PDF)."""

from __future__ import annotations

from kkr_desk.markdown_form import markdown_blocks, plain_lists_as_markdown
from kkr_desk.markdown_form.reading import ListEntry, Paragraph


def test_each_mark_becomes_a_list_entry_and_other_lines_stay_paragraphs():
    text = (
        "Det indstilles,\r\n• at godkende *planen*\n- at drøfte\n– at notere\n\n"
        "1) én\n2. to\nSlut"
    )
    markdown = plain_lists_as_markdown(text)
    blocks = markdown_blocks(markdown)
    kinds = [type(block) for block in blocks]
    assert kinds == [Paragraph] + [ListEntry] * 5 + [Paragraph]
    assert markdown.splitlines()[2] == "- at godkende \\*planen\\*"
    assert "1) én" in markdown and "2. to" in markdown


def test_text_without_marks_is_left_to_the_plain_paste():
    assert plain_lists_as_markdown("En linje - med bindestreg\n2025 var godt") is None
    assert plain_lists_as_markdown("-ikke en liste") is None

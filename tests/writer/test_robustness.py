"""Whatever the secretary typed, the export makes a document Word can open."""

from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkr_desk.domain import MeetingKind
from kkr_desk.writer import document_bytes
from kkr_desk.markdown_form.reading import markdown_blocks

from .conftest import normalised

MARKDOWN_BITS = st.sampled_from(
    [
        "- ",
        "1) ",
        "3. ",
        "### ",
        "| a | b |\n|---|--:|\n",
        "[x](",
        ")",
        "**",
        "*",
        "./. ",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "<b>",
        "`",
        "> ",
        "\x00",
        "\x0b",
        "\ud800",
        "\ufffe",
        "æøå",
        "https://kl.dk",
    ]
)
BODIES = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=12)), max_size=25).map("".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=BODIES, title=st.text(max_size=30))
def test_any_body_and_title_give_a_readable_document(meeting, body, title):
    item = meeting.groups[0].items[0]
    item.title = title
    item.sections[0].body = body
    data = document_bytes(meeting, MeetingKind.REFERAT, table_of_contents=True)
    document = docx.Document(io.BytesIO(data))
    texts = [normalised(p.text) for p in document.paragraphs]
    assert "Deltagerfortegnelse" in texts
    assert any(text.startswith("1.1.") for text in texts)


@given(body=BODIES)
def test_blocks_never_lose_plain_words(body):
    words = [word for word in body.split() if word.isalpha()]
    found = " ".join(
        span.text
        for block in markdown_blocks(body)
        for spans in _span_lists(block)
        for span in spans
    )
    for word in words:
        assert word in found


def _span_lists(block):
    if hasattr(block, "spans"):
        yield block.spans
    else:
        yield from block.header
        for row in block.rows:
            yield from row

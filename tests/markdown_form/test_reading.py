from kkr_desk.markdown_form.reading import (
    Attachment,
    ListEntry,
    Paragraph,
    Span,
    SubHeading,
    Table,
    markdown_blocks,
)


def test_paragraph_with_emphasis_and_link_becomes_spans():
    [block] = markdown_blocks("Se **her**: [referatet](https://kl.dk/r) og *mere*\nsiden.")
    assert block == Paragraph(
        [
            Span("Se "),
            Span("her", bold=True),
            Span(": "),
            Span("referatet", url="https://kl.dk/r"),
            Span(" og "),
            Span("mere", italic=True),
            Span(" siden."),
        ]
    )


def test_sub_headings_bullets_and_numbers_keep_their_markers():
    blocks = markdown_blocks("### Emner\n\n- a\n- b\n  - c\n\n1) én\n2) to\n\n3. tre")
    assert blocks[0] == SubHeading([Span("Emner")])
    assert [
        (b.marker, b.level, b.spans[0].text) for b in blocks[1:] if isinstance(b, ListEntry)
    ] == [
        ("–", 0, "a"),
        ("–", 0, "b"),
        ("–", 1, "c"),
        ("1)", 0, "én"),
        ("2)", 0, "to"),
        ("3.", 0, "tre"),
    ]


def test_loose_list_item_paragraphs_continue_without_a_marker():
    blocks = markdown_blocks("- første\n\n  mere om første\n- anden")
    assert [(b.marker, b.spans[0].text) for b in blocks] == [
        ("–", "første"),
        ("", "mere om første"),
        ("–", "anden"),
    ]


def test_attachment_lines_keep_their_marker_apart():
    blocks = markdown_blocks("./. Status er vedlagt.\n\n./.. Analyse, **COWI**\n\nIkke ./. her")
    assert blocks[0] == Attachment("./.", [Span("Status er vedlagt.")])
    assert blocks[1] == Attachment("./..", [Span("Analyse, "), Span("COWI", bold=True)])
    assert isinstance(blocks[2], Paragraph)


def test_pipe_table_with_alignment():
    [table] = markdown_blocks(
        "| KKR | 2025 |\n| --- | ---: |\n| Midt | 668 |\n| Nord | [313](https://x) |"
    )
    assert isinstance(table, Table)
    assert [cell[0].text for cell in table.header] == ["KKR", "2025"]
    assert table.aligns == [None, "right"]
    assert table.rows[1][1] == [Span("313", url="https://x")]


def test_raw_html_is_text_and_empty_body_has_no_blocks():
    assert markdown_blocks("  \n") == []
    [block] = markdown_blocks("a <b>fed</b> b")
    assert "".join(s.text for s in block.spans) == "a <b>fed</b> b"

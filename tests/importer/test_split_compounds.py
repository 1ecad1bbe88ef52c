"""A compound broken at a line end is one word again; a suspended hyphen stays (issue 14.10).

A soft hyphen where the line broke was dropped, so "Der" + "udover" became two words; in a
PDF the gap before a page number ended the paragraph inside "Der-" + "udover".
"""

from __future__ import annotations

import pytest

from kkr_desk.importer import import_document, import_text

from .documents import write_text_pdf

HEAD = ["1. Godkendelse", "", "1.1. Godkendelse af referat", "", "SAG-2024-02547 chbn", "", "Baggrund", ""]


def _baggrund(meeting) -> str:
    return meeting.items[0].section("Baggrund").body


@pytest.mark.parametrize("hyphen", ["-", "\u00ad", "\u2010"])
def test_text_import_joins_a_split_compound_and_keeps_a_suspended_hyphen(hyphen):
    body = (
        f"Det er aftalt. Der{hyphen}\nudover kommer mere i yder{hyphen}\nområderne, hvor "
        f"social{hyphen}\nog sundhedsassistenter mangler."
    )
    meeting = import_text("\n".join(HEAD) + "\n" + body + "\n").meeting
    assert _baggrund(meeting) == (
        "Det er aftalt. Derudover kommer mere i yderområderne, hvor "
        "social- og sundhedsassistenter mangler."
    )


def test_pdf_line_joining_across_a_page_number(tmp_path):
    pdf = write_text_pdf(
        tmp_path / "dagsorden.pdf",
        [
            [*HEAD, "Det er aftalt. Der-", "", "2"],
            ["udover kommer mere i yder-", "områderne, hvor social-", "og sundhedsassistenter mangler.",
             "", "Her slutter afsnittet.", "", "3"],
            ["et nyt afsnit begynder."],
        ],
    )
    assert _baggrund(import_document(pdf).meeting) == (
        "Det er aftalt. Derudover kommer mere i yderområderne, hvor "
        "social- og sundhedsassistenter mangler.\n\nHer slutter afsnittet.\n\net nyt afsnit begynder."
    )

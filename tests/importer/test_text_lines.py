"""The PDF-extraction form: empty lines, page starts, URL lines."""

from __future__ import annotations

from kkr_desk.importer.text_lines import lines_from_text


def test_empty_lines_go_page_starts_and_urls_are_found():
    text = (
        " Første side \n\nanden linje \n\ntredje linje \n\n \n\nsidste linje\nhttps://www.kl.dk/a-b-c\n"
        " Ny side \n\nmere tekst \n\nog mere \n\nog endnu mere \n\nslut"
    )
    source = lines_from_text(text)
    texts = [(line.text, line.page, line.page_start) for line in source.lines]
    assert texts == [
        ("Første side", 0, True),
        ("anden linje", 0, False),
        ("tredje linje", 0, False),
        ("", 0, False),
        ("sidste linje", 0, False),
        ("Ny side", 1, True),
        ("mere tekst", 1, False),
        ("og mere", 1, False),
        ("og endnu mere", 1, False),
        ("slut", 1, False),
    ]
    assert source.page_urls == {0: ["https://www.kl.dk/a-b-c"]}


def test_a_wrapped_heading_keeps_its_lines_together():
    text = " 1. Gruppe \n\n1.1. En lang titel der \nfortsætter her \n\nSAG-2024-00001 ab \n\nBaggrund \n\nTekst."
    source = lines_from_text(text)
    by_text = {line.text: line for line in source.lines}
    assert by_text["fortsætter her"].joined
    assert not by_text["fortsætter her"].page_start
    assert not by_text["SAG-2024-00001 ab"].joined


def test_plain_text_without_empty_lines_keeps_its_blank_lines_as_paragraph_breaks():
    source = lines_from_text("Linje et\nLinje to\n\nNyt afsnit\n\fNy side")
    assert [line.text for line in source.lines] == ["Linje et", "Linje to", "", "Nyt afsnit", "", "Ny side"]
    assert source.lines[-1].page == 1 and source.lines[-1].page_start

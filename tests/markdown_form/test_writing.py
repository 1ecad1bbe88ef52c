"""The importer's links go through domain.links, and the Word writer's reading is the gate."""

from __future__ import annotations

from kkr_desk.importer.blocks import Block
from kkr_desk.importer.markdown import render
from kkr_desk.markdown_form import DroppedLink, Span, link, markdown_blocks


def test_web_and_mail_addresses_are_written_as_links():
    assert link("KL", "https://www.kl.dk/a(b)") == "[KL](https://www.kl.dk/a%28b%29)"
    assert link("KL", "www.kl.dk/kkr") == "[KL](https://www.kl.dk/kkr)"
    assert link("KL", "kl.dk/kkr") == "[KL](https://kl.dk/kkr)"
    # Before, a mail address became "https://mailto:…", a dead link.
    assert link("skriv", "mailto:kkr@kl.dk") == "[skriv](mailto:kkr@kl.dk)"


def test_an_imported_refused_address_is_kept_for_the_export_to_warn_about_and_never_live():
    block = Block("paragraph", "Se mappen nu", links=[(3, 9, "smb://10.0.0.7/bi lag")])
    body = render([block])
    assert body == "Se [mappen](<smb://10.0.0.7/bi%20lag>) nu"
    dropped: list[DroppedLink] = []
    [paragraph] = markdown_blocks(body, dropped)
    assert paragraph.spans == [Span("Se mappen nu")]
    assert dropped == [DroppedLink("mappen", "smb://10.0.0.7/bi%20lag")]


def test_a_refused_link_inside_emphasis_keeps_its_look_and_whole_text():
    dropped: list[DroppedLink] = []
    [paragraph] = markdown_blocks("[**fed** og *kursiv*](file:///c:/x) slut", dropped)
    assert [span.url for span in paragraph.spans] == [None, None, None, None]
    assert "".join(span.text for span in paragraph.spans) == "fed og kursiv slut"
    assert dropped == [DroppedLink("fed og kursiv", "file:///c:/x")]

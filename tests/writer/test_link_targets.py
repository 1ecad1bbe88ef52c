"""Only http, https and mailto addresses become live links in the referat.

A referat is opened by people who trust it, so a ``file:``, ``smb:`` (a Windows login sent
to a stranger's server), ``ms-msdt:`` or ``search-ms:`` (the Follina family) address must
never be clickable. Such a link keeps its text, loses its address and is named in the
export's warnings; the raw Markdown never reaches the page.
"""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from kkr_desk.importer import import_document
from kkr_desk.writer import export_meeting
from tests.conftest import make_meeting
from tests.importer.documents import add_hyperlink, write_agenda_docx

from .conftest import texts

HOSTILE_BODY = "\n\n".join(
    [
        "Se [passwd](file:///etc/passwd) her.",
        "Bilagene ligger i [den delte mappe](smb://10.0.0.7/bilag) og <smb://10.0.0.7/x>.",
        "Får du en fejl, så [kør fejlfinding](<ms-msdt:/id PCWDiagnostic /skip force>).",
        "[Søg i referaterne](search-ms:query=referat&crumb=location:%5C%5C10.0.0.7%5Cs).",
        "- [Et script](javascript:alert(1)) i en liste",
        "Godt: [KL](https://www.kl.dk/kkr), [skriv](mailto:kkr@kl.dk) og [her](www.kl.dk/a).",
    ]
)
SAFE_TARGETS = {"https://www.kl.dk/kkr", "mailto:kkr@kl.dk", "https://www.kl.dk/a"}
REFUSED = ["file:", "smb:", "ms-msdt:", "search-ms:", "javascript:"]


def hyperlinks(path) -> dict[str, str]:
    """Visible text → target of every w:hyperlink in the body, headers and footers."""
    document = docx.Document(str(path))
    parts = [(document.element.body, document.part)]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            parts.append((part._element, part.part))
    found = {}
    for root, part in parts:
        for link in root.iter(qn("w:hyperlink")):
            rel = part.rels[link.get(qn("r:id"))]
            found["".join(t.text for t in link.iter(qn("w:t")))] = rel.target_ref
    return found


def every_external_target(path) -> list[str]:
    document = docx.Document(str(path))
    return [
        rel.target_ref
        for part in document.part.package.iter_parts()
        for rel in part.rels.values()
        if rel.is_external
    ]


def test_a_link_to_a_refused_address_keeps_its_text_and_loses_its_address(tmp_path):
    meeting = make_meeting()
    item = meeting.groups[0].items[0]
    item.sections[-1].body = HOSTILE_BODY
    path = tmp_path / "referat.docx"
    warnings = export_meeting(meeting, path)

    links = hyperlinks(path)
    assert {text: links.get(text) for text in ("KL", "skriv", "her")} == {
        "KL": "https://www.kl.dk/kkr",
        "skriv": "mailto:kkr@kl.dk",
        "her": "https://www.kl.dk/a",
    }
    assert "passwd" not in links and "den delte mappe" not in links
    targets = every_external_target(path)
    assert SAFE_TARGETS <= set(targets)
    assert all(target.startswith(("https://", "mailto:")) for target in targets), targets
    lines = texts(path)
    for expected in [
        "Se passwd her.",
        "Bilagene ligger i den delte mappe og smb://10.0.0.7/x.",
        "Får du en fejl, så kør fejlfinding.",
        "Søg i referaterne.",
        "– Et script i en liste",
        "Godt: KL, skriv og her.",
    ]:
        assert expected in lines, (expected, lines)
    assert not any("](" in line or "<smb" in line for line in lines)
    link_warnings = [w for w in warnings if "uden link" in w.message]
    assert len(link_warnings) == 6
    for refused in REFUSED:
        assert any(refused in w.message for w in link_warnings), refused
    assert link_warnings[0].message.startswith("Punkt 1.1, ")
    assert "»passwd«" in link_warnings[0].message and link_warnings[0].item == "1.1."


def test_a_refused_link_in_an_imported_word_file_is_not_live_in_the_referat(tmp_path):
    source = write_agenda_docx(tmp_path / "dagsorden.docx")
    document = docx.Document(str(source))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Det indstilles"))
    paragraph.add_run(" Se ")
    add_hyperlink(paragraph, "bilagsmappen", "smb://10.0.0.7/bilag")
    add_hyperlink(paragraph, " og skrivning", "mailto:kkr@kl.dk")
    document.save(str(source))
    imported = import_document(source)
    # The importer drops the address where it reads it and says so; the writer's own
    # check then has nothing left to refuse.
    assert any("smb://10.0.0.7/bilag" in warning for warning in imported.warnings)

    path = tmp_path / "referat.docx"
    warnings = export_meeting(imported.meeting, path)
    targets = every_external_target(path)
    assert "mailto:kkr@kl.dk" in targets and "https://www.kl.dk/kkr-syddanmark" in targets
    assert not any(target.startswith("smb:") for target in targets)
    assert any("Se bilagsmappen og skrivning" in line for line in texts(path))
    assert not any("smb:" in w.message for w in warnings)


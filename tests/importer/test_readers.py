"""Real files through the readers: a Word file, a text PDF, and files that must be refused."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile

import pypdf
import pytest

from kkr_desk.importer import DocumentImportError, import_document
from kkr_desk.domain import AttendanceStatus, MeetingKind

from .documents import write_agenda_docx, write_text_pdf


def test_word_agenda(tmp_path):
    result = import_document(write_agenda_docx(tmp_path / "dagsorden.docx"))
    meeting = result.meeting
    assert (meeting.committee, result.kind, meeting.date) == (
        "KKR Syddanmark",
        MeetingKind.DAGSORDEN,
        dt.date(2025, 3, 14),
    )
    assert meeting.start_time == dt.time(9, 30)
    assert meeting.place == "Rådhuset, Vejle"
    assert [(a.person.name, a.status, a.person.organisation) for a in meeting.attendance] == [
        ("Jens Ravn", AttendanceStatus.PRESENT, ""),
        ("Ane Holm", AttendanceStatus.APOLOGY, ""),
        ("Peter Berg", AttendanceStatus.PRESENT, "KL"),
    ]
    assert [group.title for group in meeting.groups] == ["Godkendelse af dagsorden", "Trafik"]
    first, second = meeting.items
    assert first.case_line == "SAG-2025-00101 pb"
    assert first.section("Baggrund").body == (
        "Dagsordenen findes her: [KKR Syddanmarks side](https://www.kl.dk/kkr-syddanmark) på kl.dk.\n\n"
        "### Forslag til dagsorden\n\n"
        "- Første punkt\n- Andet punkt"
    )
    assert second.case_line == "SAG-2025-00102 pb/ah"
    assert second.section("Sagsfremstilling").body == (
        "| Kommune | Ture |\n| --- | --- |\n| Vejle | 1.200 |\n| Kolding | 980 |\n\n"
        "2024\\. var et godt år."
    )
    assert result.warnings == []


AGENDA_PAGES = [
    ["K K R  S J Æ L L A N D", "Dato: 2. april 2025 kl. 13.00-15.30", "", "Deltagerfortegnelse",
     "Deltagere", "Lis Nord (A), Køge", "Fra KL", "Anna Vest, konsulent"],
    ["1. Meddelelser", "", "1.1. Nyt om trafikken", "SAG-2025-00200 av", "", "Baggrund",
     "Se Trafikplan for Sjælland 2025 for detaljer om planen og de nye lin-",
     "jer i regionen.", "", "Indstilling", "Det indstilles, at KKR tager orienteringen til",
     "efterretning."],
]


def test_text_pdf_with_a_link_annotation(tmp_path):
    path = write_text_pdf(
        tmp_path / "dagsorden.pdf",
        AGENDA_PAGES,
        links={1: ["https://www.kl.dk/media/abc/trafikplan-for-sjaelland-2025.pdf"]},
    )
    result = import_document(path)
    meeting = result.meeting
    assert (meeting.committee, meeting.date, meeting.start_time, meeting.end_time) == (
        "KKR Sjælland",
        dt.date(2025, 4, 2),
        dt.time(13, 0),
        dt.time(15, 30),
    )
    assert [a.person.name for a in meeting.attendance] == ["Lis Nord", "Anna Vest"]
    (item,) = meeting.items
    assert item.title == "Nyt om trafikken"
    assert item.section("Baggrund").body == (
        "Se [Trafikplan for Sjælland 2025](https://www.kl.dk/media/abc/trafikplan-for-sjaelland-2025.pdf)"
        " for detaljer om planen og de nye linjer i regionen."
    )
    assert item.section("Indstilling").body == "Det indstilles, at KKR tager orienteringen til efterretning."


def test_encrypted_pdf_is_refused_with_a_clear_message(tmp_path):
    plain = write_text_pdf(tmp_path / "plain.pdf", AGENDA_PAGES)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password="hemmelig", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentImportError, match="krypteret"):
        import_document(locked)


def test_pdf_with_only_an_owner_password_opens(tmp_path):
    plain = write_text_pdf(tmp_path / "plain.pdf", AGENDA_PAGES)
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password="", owner_password="ejer", algorithm="RC4-128")
    protected = tmp_path / "protected.pdf"
    with protected.open("wb") as handle:
        writer.write(handle)
    assert import_document(protected).meeting.items[0].title == "Nyt om trafikken"


def test_truncated_pdf_is_refused(tmp_path):
    data = write_text_pdf(tmp_path / "whole.pdf", AGENDA_PAGES).read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentImportError):
        import_document(broken)


def test_pdf_without_text_is_refused(tmp_path):
    with pytest.raises(DocumentImportError, match="ingen tekst"):
        import_document(write_text_pdf(tmp_path / "scan.pdf", [[]]))


def test_damaged_docx_is_refused(tmp_path):
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("word/document.xml", "<not-really-xml")
    with pytest.raises(DocumentImportError, match="Word"):
        import_document(damaged)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "tom"),
        ("empty.pdf", b"", "tom"),
        ("binary.txt", bytes(range(256)) * 8, "ikke en tekstfil"),
        ("old.doc", b"\xd0\xcf\x11\xe0 old word", ".doc"),
        ("letter.txt", "Kære alle\n\nTak for sidst.".encode(), "ligner ikke"),
    ],
)
def test_files_that_are_no_agenda(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentImportError, match=message):
        import_document(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocumentImportError, match="findes ikke"):
        import_document(tmp_path / "nowhere.pdf")
    with pytest.raises(DocumentImportError, match="mappe"):
        import_document(tmp_path)


def test_pdf_table_in_columns_and_paragraph_gaps(tmp_path):
    page = [
        "1. Trafik", "", "1.1. Kollektiv trafik", "SAG-2025-00300 av", "", "Sagsfremstilling",
        "Tabellen viser antallet af ture i de to",
        "kommuner.",
        "",
        [(56, "Kommune"), (250, "Ture 2024"), (400, "Ture 2025")],
        [(56, "Vejle"), (250, "1.200"), (400, "1.350")],
        [(56, "Kolding"), (250, "980"), (400, "1.010")],
        "",
        "Tallene er foreløbige.",
        "",
        "Beslutning",
        "Taget til efterretning.",
    ]
    result = import_document(write_text_pdf(tmp_path / "tabel.pdf", [page]))
    meeting = result.meeting
    (item,) = meeting.items
    assert item.section("Sagsfremstilling").body == (
        "Tabellen viser antallet af ture i de to kommuner.\n\n"
        "| Kommune | Ture 2024 | Ture 2025 |\n| --- | ---: | ---: |\n"
        "| Vejle | 1.200 | 1.350 |\n| Kolding | 980 | 1.010 |\n\n"
        "Tallene er foreløbige."
    )
    assert result.kind is MeetingKind.REFERAT


def test_word_numbered_list_counts_like_word(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("1. Meddelelser", level=1)
    document.add_heading("1.1. Status", level=2)
    document.add_paragraph("Baggrund")
    document.add_paragraph("Tre spor:")
    for text in ("Vejledning", "Praktik", "Fastholdelse"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("2024. blev et godt år.")
    path = tmp_path / "liste.docx"
    document.save(path)
    (item,) = import_document(path).meeting.items
    assert item.section("Baggrund").body == (
        "Tre spor:\n\n1. Vejledning\n2. Praktik\n3. Fastholdelse\n\n2024\\. blev et godt år."
    )


def test_word_bold_line_is_a_sub_heading(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("1. Meddelelser")
    document.add_paragraph("1.1. Status")
    document.add_paragraph("SAG-2025-00001 ab")
    document.add_paragraph("Sagsfremstilling")
    document.add_paragraph().add_run("Nyt fra formandskabet").bold = True
    document.add_paragraph("Formandskabet har holdt møde.")
    emphasis = document.add_paragraph("Det er ")
    emphasis.add_run("vigtigt").bold = True
    emphasis.add_run(" at huske")
    path = tmp_path / "fed.docx"
    document.save(path)
    (item,) = import_document(path).meeting.items
    assert item.section("Sagsfremstilling").body == (
        "### Nyt fra formandskabet\n\nFormandskabet har holdt møde.\n\nDet er vigtigt at huske"
    )


def test_pdf_is_read_by_pdfium_without_pypdf(tmp_path):
    """pypdf took 0.8 s of a 25-page referat's 1.1 s; the app no longer needs it at all."""
    path = write_text_pdf(tmp_path / "dagsorden.pdf", AGENDA_PAGES)
    code = (
        "import sys; from kkr_desk.importer import import_document; "
        f"result = import_document({str(path)!r}); "
        "print(result.meeting.items[0].title, 'pypdf' in sys.modules, 'pypdfium2' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["Nyt", "om", "trafikken", "False", "True"], done.stderr

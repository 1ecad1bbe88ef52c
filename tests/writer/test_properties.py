"""The .docx's document properties (Word's File ▸ Info), read back from the written file."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import docx

from kkr_desk.domain import MeetingKind
from kkr_desk.writer import export_meeting
from kkr_desk.writer.properties import set_core_properties

STALE_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.'
    b'org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    b"<dc:title>KL skabelon</dc:title><dc:creator>KL</dc:creator>"
    b"<cp:lastModifiedBy>KL</cp:lastModifiedBy><cp:keywords>skabelon; intern</cp:keywords>"
    b"<dc:description>Brug denne skabelon til referater</dc:description>"
    b"<cp:category>Skabeloner</cp:category><cp:contentStatus>Udkast</cp:contentStatus>"
    b"<cp:revision>57</cp:revision><cp:lastPrinted>2019-03-01T10:00:00Z</cp:lastPrinted>"
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2015-01-01T08:00:00Z</dcterms:created>'
    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2019-03-01T10:00:00Z</dcterms:modified>'
    b"</cp:coreProperties>"
)
STALE_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    b'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Template>KL Referat.dotx</Template><TotalTime>4312</TotalTime><Pages>3</Pages>"
    b"<Words>812</Words><Characters>4100</Characters><Application>Microsoft Office Word"
    b"</Application><Lines>40</Lines><Paragraphs>12</Paragraphs><TitlesOfParts><vt:vector "
    b'size="1" baseType="lpstr"><vt:lpstr>KL skabelon</vt:lpstr></vt:vector></TitlesOfParts>'
    b"<Manager>Jens Jensen</Manager><Company>KL</Company>"
    b"<HyperlinkBase>http://intranet.kl.dk/skabeloner/</HyperlinkBase>"
    b"<CharactersWithSpaces>4900</CharactersWithSpaces><AppVersion>16.0000</AppVersion>"
    b"</Properties>"
)


def stale_template(path):
    """A template as Word leaves it: its own author, title, dates, counts and comments."""
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts["docProps/core.xml"] = STALE_CORE
    parts["docProps/app.xml"] = STALE_APP
    with zipfile.ZipFile(path, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return path


def part_text(path, name) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode()


def test_a_templates_properties_give_way_to_the_referats(tmp_path, meeting):
    out = tmp_path / "referat.docx"
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    template = stale_template(tmp_path / "kl.docx")
    export_meeting(meeting, out, kind=MeetingKind.REFERAT, template=template, author="Mette Holm")
    after = dt.datetime.now(dt.timezone.utc)
    core = docx.Document(str(out)).core_properties
    assert core.title == "Referat – KKR Midtjylland 05-09-2024"
    assert (core.author, core.last_modified_by) == ("Mette Holm", "Mette Holm")
    assert core.revision == 1
    assert before <= core.created == core.modified <= after  # python-docx reads them as UTC
    assert core.comments == "" and core.content_status == "" and core.last_printed is None
    assert core.category == "Referat" and "skabelon" not in core.keywords
    raw = part_text(out, "docProps/core.xml")
    assert "KL skabelon" not in raw and "2019" not in raw and "2015" not in raw
    app = part_text(out, "docProps/app.xml")
    for stale in ("4312", "<Pages>", "<Words>", "Jens Jensen", "intranet", "KL skabelon"):
        assert stale not in app
    assert "<TotalTime>0</TotalTime>" in app
    assert "<Company>KL</Company>" in app and "KL Referat.dotx" in app  # the organisation's


def test_the_times_are_utc_whatever_the_clock_zone_and_nothing_is_left_from_before(sample):
    document = docx.Document()
    document.core_properties.last_printed = dt.datetime(2019, 3, 1)
    copenhagen = dt.timezone(dt.timedelta(hours=1))
    now = dt.datetime(2026, 12, 2, 9, 30, 15, 123456, tzinfo=copenhagen)
    set_core_properties(document, sample, MeetingKind.DAGSORDEN, "Lise", now)
    core = document.core_properties
    utc = dt.datetime(2026, 12, 2, 8, 30, 15, tzinfo=dt.timezone.utc)
    assert core.created == core.modified == utc and core.last_printed is None
    assert core.title == "Dagsorden – KKR Midtjylland 05-09-2024"


def test_a_long_or_odd_name_still_makes_a_document(tmp_path, sample):
    """Core properties are limited to 255 characters; control characters cannot be XML."""
    sample.committee = "KKR " + "Midtjylland " * 30
    out = tmp_path / "r.docx"
    export_meeting(sample, out, author="Lise\x07 Holm")
    core = docx.Document(str(out)).core_properties
    assert core.author == "Lise Holm" and len(core.title) == 255
    assert re.search(r"<dc:title>Referat – KKR Midtjylland", part_text(out, "docProps/core.xml"))

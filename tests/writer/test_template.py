"""An organisation's own template: its styles, page and header are used."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kkr_desk.writer import ReferatError, export_meeting
from kkr_desk.writer.template import MAX_TEMPLATE_BYTES, MAX_UNPACKED_BYTES
from tests.pipes import read_without_hanging

from .conftest import texts


def make_template(path, *, drop_style: str | None = None, as_dotx: bool = False):
    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"
    document.styles["Normal"].font.size = Pt(12)
    section = document.sections[0]
    section.left_margin = Cm(4)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Organisationens logo"
    document.add_paragraph("Skabelonens eksempeltekst, der skal væk")
    if drop_style:
        element = document.styles[drop_style].element
        element.getparent().remove(element)
    document.save(str(path))
    if as_dotx:
        data = {}
        with zipfile.ZipFile(path) as source:
            for info in source.infolist():
                data[info.filename] = source.read(info.filename)
        data["[Content_Types].xml"] = data["[Content_Types].xml"].replace(
            b"document.main+xml", b"template.main+xml"
        )
        with zipfile.ZipFile(path, "w") as target:
            for name, content in data.items():
                target.writestr(name, content)
    return path


def test_template_styles_page_and_header_are_used(tmp_path, meeting):
    template = make_template(tmp_path / "org.docx")
    out = tmp_path / "referat.docx"
    export_meeting(meeting, out, template=template)
    document = docx.Document(str(out))
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.styles["Normal"].font.size == Pt(12)
    assert round(document.sections[0].left_margin.cm) == 4
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["Organisationens logo", "KKR Midtjylland | 05-09-2024"]
    lines = texts(out)
    assert "Skabelonens eksempeltekst, der skal væk" not in lines
    assert "1.1. Godkendelse af referat fra mødet den 18. juni 2024" in lines
    # KKR styles the template lacks are added, based on its Normal so they take its font.
    case_line = document.styles["KKR Sagslinje"]
    assert case_line.base_style.name == "Normal" and case_line.font.name is None


def test_template_missing_a_heading_style_is_named(tmp_path, meeting):
    template = make_template(tmp_path / "org.docx", drop_style="Heading 2")
    out = tmp_path / "referat.docx"
    out.write_bytes(b"old")
    with pytest.raises(ReferatError, match="mangler typografien »Heading 2« .*Overskrift 2"):
        export_meeting(meeting, out, template=template)
    assert out.read_bytes() == b"old"


def test_dotx_template_is_accepted(tmp_path, meeting):
    template = make_template(tmp_path / "org.dotx", as_dotx=True)
    out = tmp_path / "referat.docx"
    export_meeting(meeting, out, template=template)
    assert docx.Document(str(out)).styles["Normal"].font.name == "Georgia"


def test_a_template_that_is_not_word(tmp_path, meeting):
    template = tmp_path / "noter.docx"
    template.write_text("ikke word", encoding="utf-8")
    with pytest.raises(ReferatError, match="ikke et Word-dokument"):
        export_meeting(meeting, tmp_path / "r.docx", template=template)


def test_a_template_with_its_own_page_number_gets_no_second_one(tmp_path, meeting):
    template = make_template(tmp_path / "org.docx")
    document = docx.Document(str(template))
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    field = footer.paragraphs[0]._p
    simple = field.makeelement(qn("w:fldSimple"), {qn("w:instr"): " PAGE "})
    field.append(simple)
    document.save(str(template))
    out = tmp_path / "r.docx"
    export_meeting(meeting, out, template=template)
    footer = docx.Document(str(out)).sections[0].footer._element
    assert len(list(footer.iter(qn("w:fldSimple")))) == 1


def test_template_header_stays_on_the_front_page_without_the_running_header(tmp_path, meeting):
    template = make_template(tmp_path / "org.docx")
    out = tmp_path / "referat.docx"
    export_meeting(meeting, out, template=template)
    section = docx.Document(str(out)).sections[0]
    assert [p.text for p in section.first_page_header.paragraphs] == ["Organisationens logo"]
    assert not "".join(p.text for p in section.first_page_footer.paragraphs).strip()


def test_template_logo_picture_is_copied_to_the_front_page(tmp_path, meeting):
    import base64

    png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    logo = tmp_path / "logo.png"
    logo.write_bytes(png)
    template = make_template(tmp_path / "org.docx")
    document = docx.Document(str(template))
    document.sections[0].header.paragraphs[0].add_run().add_picture(str(logo), width=Cm(3))
    document.save(str(template))
    out = tmp_path / "referat.docx"
    export_meeting(meeting, out, template=template)
    section = docx.Document(str(out)).sections[0]
    for header in (section.first_page_header, section.header):
        [blip] = header._element.iter(qn("a:blip"))
        image_part = header.part.related_parts[blip.get(qn("r:embed"))]
        assert image_part.blob == png


def test_template_without_a_numbering_part_gets_one(tmp_path, meeting):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    template = make_template(tmp_path / "org.docx")
    document = docx.Document(str(template))
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            document.part.drop_rel(rel_id)
    document.save(str(template))
    meeting.groups[0].items[0].sections[0].body = "- a\n- b\n\n1) c"
    out = tmp_path / "r.docx"
    export_meeting(meeting, out, template=template)
    lines = texts(out)
    wanted = ["– a", "– b", "1) c"]
    assert [line for line in lines if line in wanted] == wanted


def test_a_template_too_big_to_be_one_is_refused_before_it_is_opened(
    tmp_path, meeting, monkeypatch
):
    template = tmp_path / "stor.docx"
    with template.open("wb") as stream:
        stream.truncate(MAX_TEMPLATE_BYTES + 1)  # sparse: big by its size, cheap on the disk
    opened = []
    monkeypatch.setattr(type(template), "open", lambda *a, **k: opened.append(a) or 1 / 0)
    with pytest.raises(ReferatError, match="en Word-skabelon må højst fylde 25 MB"):
        export_meeting(meeting, tmp_path / "r.docx", template=template)
    assert opened == [] and not (tmp_path / "r.docx").exists()


def test_a_template_that_unpacks_to_too_much_is_refused(tmp_path, meeting):
    template = make_template(tmp_path / "bombe.docx")
    with zipfile.ZipFile(template, "a", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/media/image1.png", "w", force_zip64=True) as part:
            block = bytes(1024 * 1024)
            for _ in range(MAX_UNPACKED_BYTES // len(block) + 1):
                part.write(block)
    assert template.stat().st_size < 1024 * 1024  # small on disk, huge unpacked
    with pytest.raises(ReferatError, match="pakker sig ud til mere end 100 MB"):
        export_meeting(meeting, tmp_path / "r.docx", template=template)
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_as_template_is_refused_without_waiting(tmp_path, meeting):
    pipe = tmp_path / "skabelon.docx"
    os.mkfifo(pipe)
    with pytest.raises(ReferatError, match="ikke en almindelig fil"):
        read_without_hanging(
            lambda p: export_meeting(meeting, tmp_path / "r.docx", template=p), pipe
        )

"""Hostile but plausible documents, generated in the test: big, repetitive or lying files."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx

from tests.importer.documents import pdf_file

W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbered_agenda(groups: int, items: int) -> str:
    """A plain-text agenda of ``groups`` groups with ``items`` items each, every item decided."""
    lines = []
    for group in range(1, groups + 1):
        lines += [f"{group}. Gruppe {group}", ""]
        for item in range(1, items + 1):
            lines += [f"{group}.{item}. Punkt {group}.{item}", "", "Beslutning", "", "Godkendt.", ""]
    return "\n".join(lines)


def pdf_with_pages(path: Path, count: int) -> Path:
    """A PDF of ``count`` pages that share one content stream: small file, many pages."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    stream = b"BT /F1 11 Tf 56 790 Td (1. Punkt) Tj ET"
    content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    pages_id = len(objects) + count + 1
    kids = [
        add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
        )
        for _ in range(count)
    ]
    add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % kid for kid in kids) + b"] /Count %d >>" % count)
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_file(objects, catalog))
    return path


def small_agenda_docx() -> bytes:
    """A one-item dagsorden from python-docx whose body the tests then replace."""
    document = docx.Document()
    for text in ("1. Meddelelser", "1.1. Status", "Beslutning", "PLACEHOLDER"):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_document_xml(path: Path, rewrite) -> Path:
    """The small agenda with word/document.xml passed through ``rewrite(xml: str) -> str``."""
    source = zipfile.ZipFile(io.BytesIO(small_agenda_docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = rewrite(data.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, data)
    return path


def docx_bomb(path: Path, megabytes: int) -> Path:
    """The small agenda whose document.xml unpacks to ``megabytes`` MB of real paragraphs."""
    source = zipfile.ZipFile(io.BytesIO(small_agenda_docx()))
    paragraph = b"<w:p><w:r><w:t>Godkendt.</w:t></w:r></w:p>" * 1000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
                continue
            head, tail = source.read(info).split(b"<w:body>")
            with target.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                written = 0
                while written < megabytes << 20:
                    member.write(paragraph)
                    written += len(paragraph)
                member.write(tail)
    return path


def with_lying_directory(path: Path, member: str, declared: int) -> Path:
    """Change the unpacked size the zip directory gives for ``member`` (its data stays)."""
    raw = bytearray(path.read_bytes())
    name = member.encode()
    position = 0
    while (position := raw.find(b"PK\x01\x02", position)) >= 0:
        name_length = struct.unpack_from("<H", raw, position + 28)[0]
        if raw[position + 46 : position + 46 + name_length] == name:
            struct.pack_into("<L", raw, position + 24, declared)
        position += 4
    path.write_bytes(bytes(raw))
    return path


def pdf_content_bomb(path: Path, megabytes: int) -> Path:
    """A one-page PDF whose page description unpacks to ``megabytes`` MB (the file: ~1/1000)."""
    packer = zlib.compressobj(9)
    spaces = b" " * (1024 * 1024)
    packed = [packer.compress(b"BT /F1 11 Tf 56 790 Td (1. Punkt) Tj ET\n")]
    packed += [packer.compress(spaces) for _ in range(megabytes)]
    packed.append(packer.flush())
    body = b"".join(packed)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path.write_bytes(pdf_file(objects, catalog=1))
    return path

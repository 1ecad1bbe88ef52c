"""The document a referat is written into: python-docx's blank one set up as A4, or an
organisation's template (.docx or .dotx) with its body emptied.

python-docx cannot open a .dotx, which is the same package with another main content type,
so a .dotx is relabelled in memory. Emptying keeps the template's final ``w:sectPr``: its
page size, margins and header and footer references.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Twips

from ..bounded_file import FileTooLarge, NotARegularFile, read_at_most

A4 = (11906, 16838)  # twips
MARGIN = 1418  # 2.5 cm
HEADER_DISTANCE = 709  # 1.25 cm
MAX_TEMPLATE_BYTES = 25 * 1024 * 1024
"""A template is styles, a page setup and perhaps a logo: a few hundred kB. This bounds
what is read from a file someone else chose."""
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""The parts of the package, unpacked, together. python-docx reads every part into memory,
and a zip can declare a thousand times its own size (zipfile never unpacks more than a
part declares, so the declared sizes are the bound)."""
MAX_PARTS = 1000


class TemplateError(ValueError):
    """The template file cannot be used; the message is for the user."""


def open_template(path: Path) -> Document:
    """An organisation's .docx (or .dotx) with its body emptied; its sectPr stays."""
    data = _read_template(path)
    _check_package(path, data)
    try:
        document = docx.Document(io.BytesIO(_as_document_package(data)))
    except Exception:  # python-docx raises several kinds for a file that is not a .docx
        raise TemplateError(
            f"Skabelonen {path} er ikke et Word-dokument (.docx eller .dotx)."
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _read_template(path: Path) -> bytes:
    """The file's bytes: only a regular file, checked before it is opened (a pipe would
    never end and /dev/zero never stop), and never more than MAX_TEMPLATE_BYTES."""
    try:
        return read_at_most(path, MAX_TEMPLATE_BYTES)
    except NotARegularFile:
        raise TemplateError(
            f"Skabelonen {path} er ikke en almindelig fil. Vælg en Word-fil (.docx eller .dotx)."
        ) from None
    except FileTooLarge as error:
        raise _too_big(path, error.size) from None
    except OSError as error:
        raise TemplateError(
            f"Skabelonen {path} kan ikke læses: {error.strerror or error}"
        ) from None


def _too_big(path: Path, size: int) -> TemplateError:
    return TemplateError(
        f"Skabelonen {path} fylder {size / 1024 / 1024:.0f} MB; en Word-skabelon må højst "
        f"fylde {MAX_TEMPLATE_BYTES // 1024 // 1024} MB."
    )


def _check_package(path: Path, data: bytes) -> None:
    """Refuse a package that would unpack to more than MAX_UNPACKED_BYTES (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip at all: python-docx says so below
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise TemplateError(
            f"Skabelonen {path} pakker sig ud til mere end "
            f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB og er ikke en almindelig Word-skabelon."
        )


def _as_document_package(data: bytes) -> bytes:
    """A .dotx is a .docx with another main content type; python-docx only opens the latter."""
    template_type = b"wordprocessingml.template.main+xml"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if template_type not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    content = source.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(
                            template_type, b"wordprocessingml.document.main+xml"
                        )
                    target.writestr(info, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data


def blank_document() -> Document:
    """python-docx's built-in document as an empty A4 page (its default is US Letter)."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = section.footer_distance = Twips(HEADER_DISTANCE)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def copy_part_content(source, target) -> None:
    """Give a header or footer the content of another, pictures and links included."""
    if not has_content(source._element):
        return
    target.is_linked_to_previous = False
    source_part, target_part = source.part, target.part
    container = target._element
    for child in list(container):
        container.remove(child)
    relationship_attributes = [qn("r:id"), qn("r:embed"), qn("r:link")]
    for child in source._element:
        copied = deepcopy(child)
        for node in copied.iter():
            for attribute in relationship_attributes:
                old_id = node.get(attribute)
                if old_id is None or old_id not in source_part.rels:
                    continue
                rel = source_part.rels[old_id]
                if rel.is_external:
                    new_id = target_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
                else:
                    new_id = target_part.relate_to(rel.target_part, rel.reltype)
                node.set(attribute, new_id)
        container.append(copied)


def has_content(container) -> bool:
    """Whether a header or footer shows anything: text, a picture or a table."""
    if any((node.text or "").strip() for node in container.iter(qn("w:t"))):
        return True
    return any(True for _ in container.iter(qn("w:drawing"), qn("w:pict"), qn("w:tbl")))

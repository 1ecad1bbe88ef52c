"""Read a PDF, a Word file or a text file into the line form the parser reads.

Each reader turns the library's or the file's failures into DocumentImportError with a
Danish message: a damaged, encrypted or empty file is the user's problem to know about,
never a traceback.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from .errors import DocumentImportError
from .hyphenation import join_lines
from .word_lists import WordLists
from .markdown import LIST_INDENT
from .pdf_lines import PrintedTable, link_text, page_lines, paragraph_breaks, with_tables
from .text_lines import (
    SourceLine,
    SourceTable,
    SourceText,
    clean,
    drop_page_furniture,
    lines_from_text,
)

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
MAX_BYTES = 200 * 1024 * 1024
_SUB_HEADING_STYLE = re.compile(r"underoverskrift|subheading|sub heading|subtitle", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(heading|overskrift)\s*(?P<level>\d)", re.IGNORECASE)


def read_source(path: Path) -> SourceText:
    """The document at ``path`` as lines; the format is found from the content, then the name."""
    path = Path(path)
    if path.is_dir():
        raise DocumentImportError(f"{path.name} er en mappe, ikke et dokument")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentImportError(f"{path.name} er for stor til at være en dagsorden")
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise DocumentImportError(f"filen {path} findes ikke") from None
    except PermissionError:
        raise DocumentImportError(f"filen {path.name} kan ikke læses (ingen adgang)") from None
    except OSError as error:
        raise DocumentImportError(f"filen {path.name} kan ikke læses: {error.strerror or error}") from None
    if size == 0:
        raise DocumentImportError(f"{path.name} er tom")
    suffix = path.suffix.lower()
    if head.startswith(PDF_MAGIC) or suffix == ".pdf":
        return read_pdf(path)
    if head.startswith(ZIP_MAGIC) or suffix in (".docx", ".docm"):
        return read_docx(path)
    if suffix == ".doc":
        raise DocumentImportError(
            f"{path.name} er en gammel Word-fil (.doc); gem den som .docx og prøv igen"
        )
    return read_text_file(path)


def read_text_file(path: Path) -> SourceText:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise DocumentImportError(f"{path.name} er ikke en tekstfil, en PDF eller en Word-fil")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise DocumentImportError(f"{path.name} kan ikke læses som tekst")
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    if controls > max(10, len(text) // 100):
        raise DocumentImportError(f"{path.name} er ikke en tekstfil, en PDF eller en Word-fil")
    if not text.strip():
        raise DocumentImportError(f"{path.name} er tom")
    return lines_from_text(text)


def read_pdf(path: Path) -> SourceText:
    """Every page's lines by pypdf, with paragraph breaks from the line spacing and links."""
    import pypdf
    from pypdf.errors import FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    pages: list[list] = []
    page_urls: dict[int, list[str]] = {}
    link_texts: dict[int, dict[str, str]] = {}
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except (FileNotDecryptedError, NotImplementedError, DependencyMissing):
                unlocked = 0
            if not unlocked:
                raise DocumentImportError(
                    f"{path.name} er krypteret med adgangskode; gem en ukrypteret kopi og prøv igen"
                )
        for number, page in enumerate(reader.pages):
            lines = page_lines(page)
            pages.append(paragraph_breaks(with_tables(lines)))
            for url, rect in _page_links(page):
                page_urls.setdefault(number, []).append(url)
                words = link_text(lines, rect)
                known = link_texts.setdefault(number, {})
                if words:
                    known[url] = join_lines(known[url], words) if known.get(url) else words
    except DocumentImportError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files
        raise DocumentImportError(f"{path.name} er ikke en læsbar PDF (filen er beskadiget)") from error
    if not any(pages):
        raise DocumentImportError(
            f"{path.name} indeholder ingen tekst (måske en skannet PDF); en PDF med tekst kræves"
        )
    source = SourceText(page_urls=page_urls, link_texts=link_texts)
    for number, items in enumerate(pages):
        first = True
        for item in items:
            if isinstance(item, PrintedTable):
                source.lines.append(
                    SourceTable(item.rows, page=number, page_start=first, aligns=item.aligns)
                )
            elif item == "":
                source.lines.append(SourceLine("", page=number))
                continue
            else:
                source.lines.append(SourceLine(clean(item.text), page=number, page_start=first))
            first = False
    drop_page_furniture(source)
    return source


class DependencyMissing(Exception):
    """Stand-in so the except clause names something when pypdf lacks a crypto backend."""


try:  # pypdf raises this when AES needs the 'cryptography' package
    from pypdf.errors import DependencyError as DependencyMissing  # type: ignore[no-redef]  # noqa: F811
except ImportError:  # pragma: no cover
    pass


def _page_links(page) -> list[tuple[str, list]]:
    """(address, rectangle) of every web link on the page."""
    links = []
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link":
            continue
        action = annotation.get("/A")
        action = action.get_object() if action is not None else None
        if action is not None and action.get("/URI"):
            links.append((str(action["/URI"]), list(annotation.get("/Rect") or [0, 0, 0, 0])))
    return links


def read_docx(path: Path) -> SourceText:
    """Paragraphs, tables, links and list and heading styles of a Word file, in order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        return _docx_source(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise DocumentImportError(
            f"{path.name} er ikke en læsbar Word-fil (.docx); den kan være beskadiget"
        ) from error
    except DocumentImportError:
        raise
    except Exception as error:  # lxml and python-docx raise many kinds on damaged parts
        raise DocumentImportError(
            f"{path.name} er ikke en læsbar Word-fil (.docx); den kan være beskadiget"
        ) from error


def _docx_source(document) -> SourceText:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    source = SourceText(whole_paragraphs=True)
    lists = WordLists(document)
    page = 0
    page_start = True
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            if _breaks_page_before(paragraph):
                page, page_start = page + 1, True
            text, links = _paragraph_text(paragraph)
            text, links = clean_keeping_links(text, links)
            hint = _paragraph_hint(paragraph)
            mark = lists.mark(paragraph) if text else None
            if mark is not None:
                # The mark becomes text ("- ", "3) ") so the parser reads it as it reads print.
                prefix = "- " if mark.kind == "bullet" else f"{mark.number}{mark.delimiter} "
                prefix = LIST_INDENT * mark.level + prefix
                text = prefix + text
                links = [(start + len(prefix), end + len(prefix), url) for start, end, url in links]
                hint = mark.kind
            line = SourceLine(text, page=page, page_start=page_start, hint=hint, links=links)
            if line.text:
                source.lines.append(line)
                page_start = False
            source.lines.append(SourceLine("", page=page))
            if _breaks_page_after(child):
                page, page_start = page + 1, True
        elif tag == "tbl":
            table = Table(child, document)
            rows = [[clean(cell.text) for cell in row.cells] for row in table.rows]
            if rows:
                source.lines.append(
                    SourceTable(rows, page=page, page_start=page_start, aligns=_column_aligns(table))
                )
                page_start = False
    return source


def _column_aligns(table) -> list[str]:
    """Each column's alignment as its cells' paragraphs below the header say."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    names = {WD_ALIGN_PARAGRAPH.RIGHT: "right", WD_ALIGN_PARAGRAPH.CENTER: "center"}
    rows = list(table.rows)
    body = rows[1:] or rows
    aligns: list[str] = []
    for column in range(max((len(row.cells) for row in body), default=0)):
        found = {
            names.get(row.cells[column].paragraphs[0].alignment, "")
            for row in body
            if column < len(row.cells) and row.cells[column].paragraphs
        }
        aligns.append(found.pop() if len(found) == 1 else "")
    return aligns


def clean_keeping_links(text: str, links: list[tuple[int, int, str]]):
    """clean() a paragraph's text while moving its link spans along."""
    if not links:
        return clean(text), []
    parts, spans, position = [], [], 0
    for start, end, url in links:
        parts.append((text[position:start], None))
        parts.append((text[start:end], url))
        position = end
    parts.append((text[position:], None))
    out = ""
    for part, url in parts:
        piece = re.sub(r"[ \t\u00a0]+", " ", part)
        if out.endswith(" ") and piece.startswith(" "):
            piece = piece[1:]
        if url is not None:
            spans.append((len(out), len(out) + len(piece.strip()), url))
            lead = len(piece) - len(piece.lstrip())
            spans[-1] = (spans[-1][0] + lead, spans[-1][1] + lead, url)
        out += piece
    stripped = out.lstrip()
    shift = len(out) - len(stripped)
    stripped = stripped.rstrip()
    return stripped, [(start - shift, end - shift, url) for start, end, url in spans]


def _paragraph_text(paragraph) -> tuple[str, list[tuple[int, int, str]]]:
    from docx.text.hyperlink import Hyperlink

    text, links = "", []
    for part in paragraph.iter_inner_content():
        if isinstance(part, Hyperlink):
            piece = part.text
            address = part.url or part.address
            if address and piece.strip():
                links.append((len(text), len(text) + len(piece), address))
            text += piece
        else:
            text += part.text
    return text, links


def _paragraph_hint(paragraph) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.lower()
    match = _HEADING_STYLE.match(style)
    if (match and int(match.group("level")) >= 3) or _SUB_HEADING_STYLE.search(style):
        return "heading"
    if match:
        return "title"
    if "list bullet" in lowered or "punktopstilling" in lowered:
        return "bullet"
    if _is_bold_line(paragraph):
        return "heading"
    return ""


def _is_bold_line(paragraph) -> bool:
    """A short paragraph in bold without end punctuation: how Word users mark a sub-heading."""
    text = paragraph.text.strip()
    if not text or len(text.split()) > 12 or text[-1] in ".,:;!?":
        return False
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def _breaks_page_before(paragraph) -> bool:
    properties = paragraph.paragraph_format
    return bool(properties.page_break_before)


def _breaks_page_after(element) -> bool:
    from docx.oxml.ns import qn

    for br in element.iter(qn("w:br")):
        if br.get(qn("w:type")) == "page":
            return True
    return False

"""Read a PDF, a Word file or a text file into the line form the parser reads.

Each reader turns the library's failures on the file into DocumentImportError with a
Danish message: a damaged, encrypted, empty or oversized file is the user's problem to know
about, never a traceback. An exception from our own code is a bug and goes through as one
(errors.raised_by_library tells the two apart). Only web and mail addresses are kept as
link targets (domain/links.py); any other link keeps its text, loses its address, and is
reported.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..bounded_file import NotARegularFile, regular_file_size
from ..pdfium_lock import PDFIUM
from ..domain.links import safe_link_target
from ..markdown_form import merges
from .errors import DocumentImportError, raised_by_library
from .hyphenation import join_lines
from .limits import (
    MAX_FILE_BYTES,
    MAX_LINKS_PER_PAGE,
    MAX_PAGES,
    MAX_PDF_UNPACKED_BYTES,
    MAX_TEXT_CHARACTERS,
    MAX_TEXT_FILE_BYTES,
    megabytes,
    number,
    too_large,
)
from .markdown import LIST_INDENT
from .pdf_streams import unpacks_beyond
from .pdf_lines import (
    PrintedTable,
    TooMuchText,
    link_text,
    page_lines,
    paragraph_breaks,
    with_tables,
)
from .text_lines import (
    SourceLine,
    SourceTable,
    SourceText,
    clean,
    drop_page_furniture,
    lines_from_text,
    unsafe_link_warning,
)
from .word_package import bounded_package
from .word_lists import WordLists
from .word_xml import (
    R_ID,
    W_ANCHOR,
    W_B,
    W_BR,
    W_CR,
    W_GRID_SPAN,
    W_HYPERLINK,
    W_JC,
    W_NO_BREAK_HYPHEN,
    W_P,
    W_PAGE_BREAK_BEFORE,
    W_PPR,
    W_PSTYLE,
    W_PTAB,
    W_R,
    W_RPR,
    W_T,
    W_TAB,
    W_TBL,
    W_TC,
    W_TR,
    W_TYPE,
    W_V_MERGE,
    W_VAL,
)

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_SUB_HEADING_STYLE = re.compile(r"underoverskrift|subheading|sub heading|subtitle", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(heading|overskrift)\s*(?P<level>\d)", re.IGNORECASE)
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # not \t \n \f \r


def read_source(path: Path) -> SourceText:
    """The document at ``path`` as lines; the format is found from the content, then the name."""
    path = Path(path)
    if path.is_dir():
        raise DocumentImportError(f"{path.name} er en mappe, ikke et dokument")
    try:
        size = regular_file_size(path)  # a pipe or device would never end
        if size > MAX_FILE_BYTES:
            raise too_large(path.name, f"filen fylder {megabytes(size)}", megabytes(MAX_FILE_BYTES))
        with path.open("rb") as handle:
            head = handle.read(8)
    except NotARegularFile:
        raise DocumentImportError(f"{path.name} er ikke en almindelig fil") from None
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
    if size > MAX_TEXT_FILE_BYTES:
        raise too_large(path.name, f"teksten fylder {megabytes(size)}", megabytes(MAX_TEXT_FILE_BYTES))
    return read_text_file(path)


def read_text_file(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentImportError(f"filen {path.name} kan ikke læses: {error.strerror or error}") from None
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
    controls = len(_CONTROL_CHARACTER.findall(text))
    if controls > max(10, len(text) // 100):
        raise DocumentImportError(f"{path.name} er ikke en tekstfil, en PDF eller en Word-fil")
    if not text.strip():
        raise DocumentImportError(f"{path.name} er tom")
    return lines_from_text(text, name=path.name)


def read_pdf(path: Path) -> SourceText:
    """Every page's lines by PDFium, with paragraph breaks from the line spacing and links."""
    data = path.read_bytes()  # at most MAX_FILE_BYTES (read_source checked)
    if unpacks_beyond(data, MAX_PDF_UNPACKED_BYTES):
        raise too_large(
            path.name, f"over {megabytes(MAX_PDF_UNPACKED_BYTES)} udpakket", megabytes(MAX_PDF_UNPACKED_BYTES)
        )
    with PDFIUM:  # PDFium is not thread-safe; an export job may be in it too
        return _read_pdf(data, path)


def _read_pdf(data: bytes, path: Path) -> SourceText:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise DocumentImportError(
                f"{path.name} er krypteret med adgangskode; gem en ukrypteret kopi og prøv igen"
            ) from None
        raise DocumentImportError(f"{path.name} er ikke en læsbar PDF (filen er beskadiget)") from error
    try:
        return _pdf_source(document, path.name)
    except DocumentImportError:
        raise
    except Exception as error:
        if not raised_by_library(error):
            raise  # a bug of ours, not a damaged file
        raise DocumentImportError(f"{path.name} er ikke en læsbar PDF (filen er beskadiget)") from error
    finally:
        document.close()


def _pdf_source(document, name: str) -> SourceText:
    # PDFium counts the pages from the page tree without loading any page.
    page_count = len(document)
    if page_count > MAX_PAGES:
        raise too_large(name, f"{number(page_count)} sider", f"{number(MAX_PAGES)} sider")
    pages: list[list] = []
    source = SourceText()
    characters = 0
    for number_ in range(page_count):
        page = document[number_]
        try:
            try:
                lines = page_lines(page, MAX_TEXT_CHARACTERS - characters)
            except TooMuchText:
                raise too_large(
                    name, f"over {number(MAX_TEXT_CHARACTERS)} tegn tekst", f"{number(MAX_TEXT_CHARACTERS)} tegn"
                ) from None
            characters += sum(len(line.text) for line in lines)
            pages.append(paragraph_breaks(with_tables(lines)))
            _read_page_links(document, page, number_, lines, source)
        finally:
            page.close()
    if not any(pages):
        raise DocumentImportError(
            f"{name} indeholder ingen tekst (måske en skannet PDF); en PDF med tekst kræves"
        )
    for number_, items in enumerate(pages):
        first = True
        for item in items:
            if isinstance(item, PrintedTable):
                source.lines.append(
                    SourceTable(item.rows, page=number_, page_start=first, aligns=item.aligns)
                )
            elif item == "":
                source.lines.append(SourceLine("", page=number_))
                continue
            else:
                source.lines.append(SourceLine(clean(item.text), page=number_, page_start=first))
            first = False
    drop_page_furniture(source)
    return source


def _read_page_links(document, page, number_: int, lines: list, source: SourceText) -> None:
    """The page's safe link addresses, and the printed words inside each link's rectangle."""
    links = _page_links(document, page)
    if len(links) > MAX_LINKS_PER_PAGE:
        source.warnings.append(
            f"Side {number_ + 1} har {number(len(links))} links; kun de første "
            f"{MAX_LINKS_PER_PAGE} er læst, resten står som tekst uden adresse"
        )
        links = links[:MAX_LINKS_PER_PAGE]
    for address, rect in links:
        url = safe_link_target(address)
        if url is None:
            source.warnings.append(unsafe_link_warning(address))
            continue
        source.page_urls.setdefault(number_, []).append(url)
        words = link_text(lines, rect) if rect is not None else ""
        known = source.link_texts.setdefault(number_, {})
        if words:
            known[url] = join_lines(known[url], words) if known.get(url) else words


def _page_links(document, page) -> list[tuple[str, tuple[float, float, float, float] | None]]:
    """(address, rectangle) of every link annotation with a web-style (URI) action on the page.

    PDFium reads the annotations and their actions; an annotation of the wrong kind or
    without a usable rectangle reads as "no link" or "no rectangle", never as an error.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    links = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while pdfium_c.FPDFLink_Enumerate(page.raw, position, link):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(document.raw, action, None, 0)
        if size <= 1:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(document.raw, action, buffer, size)
        address = buffer.raw[: size - 1].decode("latin-1")
        corners = None
        if pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            corners = (rect.left, rect.bottom, rect.right, rect.top)
        links.append((address, corners))
    return links


def read_docx(path: Path) -> SourceText:
    """Paragraphs, tables, links and list and heading styles of a Word file, in order."""
    import docx

    try:
        document = docx.Document(bounded_package(path))
        return _docx_source(document)
    except UnreadableText as problem:
        raise DocumentImportError(f"{path.name} kan ikke læses hel: {problem}; filen er ikke importeret") from None
    except DocumentImportError:
        raise
    except Exception as error:
        if not (isinstance(error, DamagedWordFile) or raised_by_library(error)):
            raise  # a bug of ours, not a damaged file
        raise DocumentImportError(
            f"{path.name} er ikke en læsbar Word-fil (.docx); den kan være beskadiget"
        ) from error


class UnreadableText(Exception):
    """Text the reader cannot read whole (its message says what, in Danish)."""


class DamagedWordFile(Exception):
    """XML that python-docx accepted but no Word file holds."""


def _docx_source(document) -> SourceText:
    """The body read straight from its XML: python-docx's proxy objects cost most of an import.

    Every ``Paragraph``, ``Run`` and ``_Cell`` is a Python object over the XML, and each run's
    text an XPath query; for a 100-item referat that was ~11,000 queries. This walks the
    elements with lxml and gives the same text, links, styles and cells (python-docx 1.2's
    rules, written out in ``_run_text``; tests/importer/test_docx_reader.py compares the
    two on varied documents).
    """
    source = SourceText(whole_paragraphs=True)
    lists = WordLists(document)
    styles = _ParagraphStyles(document)
    rels = document.part.rels
    page = 0
    page_start = True
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            if child.tag != W_P:  # a "p" in another namespace: python-docx would fail on it
                raise DamagedWordFile(child.tag)
            p_pr = child.find(W_PPR)
            if _breaks_page_before(p_pr):
                page, page_start = page + 1, True
            raw_text, links, runs = _paragraph_content(child, rels)  # the same as paragraph.text
            links = _safe_links(links, source.warnings)
            text, links = clean_keeping_links(raw_text, links)
            style = styles.of(p_pr)
            hint = _paragraph_hint(styles, style, raw_text, runs)
            mark = lists.mark(p_pr, style) if text else None
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
            if child.tag != W_TBL:  # a "tbl" in another namespace
                raise DamagedWordFile(child.tag)
            cells = _table_cells(child, document)
            rows = _merged_rows(cells)
            if rows:
                source.lines.append(
                    SourceTable(rows, page=page, page_start=page_start, aligns=_column_aligns(cells))
                )
                page_start = False
    return source


def _safe_links(links: list[tuple[int, int, str]], warnings: list[str]) -> list[tuple[int, int, str]]:
    """The links whose address may be a live link; the others lose it (their text stays)."""
    kept = []
    for start, end, address in links:
        url = safe_link_target(address)
        if url is None:
            warnings.append(unsafe_link_warning(address))
        else:
            kept.append((start, end, url))
    return kept


class _ParagraphStyles:
    """The document's paragraph styles by id, and what each says about its paragraphs.

    python-docx's ``paragraph.style`` searches the styles part, and the package's
    relationships to find it, on every call; asked three times per paragraph, that made a
    100-item referat take seconds to read (docs/performance.md). Same answers: an unknown
    id or a style of another type gives the default paragraph style. A style's hint (from
    its name) and its bold font are found once per style.
    """

    def __init__(self, document):
        from docx.enum.style import WD_STYLE_TYPE

        self._by_id: dict[str, object] = {}
        for style in document.styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                self._by_id.setdefault(style.style_id, style)
        self._default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        # id(style) → (style, answer): the style is kept so its id cannot be reused
        self._hints: dict[int, tuple[object, str | None]] = {}
        self._bold: dict[int, tuple[object, bool]] = {}

    def of(self, p_pr):
        """The style of the paragraph whose ``w:pPr`` (or None) is given."""
        p_style = p_pr.find(W_PSTYLE) if p_pr is not None else None
        if p_style is None:  # no w:pStyle: the default style
            return self._default
        style_id = p_style.get(W_VAL)
        if style_id is None:
            style_id = p_style.val  # python-docx's error for the missing attribute
        return self._by_id.get(style_id, self._default)

    def hint(self, style) -> str | None:
        """The hint the style's name gives ("heading", "title", "bullet", ""); None: ask bold."""
        known = self._hints.get(id(style))
        if known is None:
            known = self._hints[id(style)] = (style, _style_hint(style))
        return known[1]

    def bold(self, style) -> bool:
        known = self._bold.get(id(style))
        if known is None:
            known = self._bold[id(style)] = (style, bool(style is not None and style.font.bold))
        return known[1]


def _table_cells(table, document) -> list[list]:
    """Each row's ``w:tc`` elements, one per grid column as python-docx's ``row.cells``.

    A cell spanning columns (``w:gridSpan``) or continuing a cell above (``w:vMerge``) is
    what python-docx resolves; tables without either are read directly.
    """
    if next(table.iter(W_GRID_SPAN, W_V_MERGE), None) is not None:
        from docx.table import Table

        return [[cell._tc for cell in row.cells] for row in Table(table, document).rows]
    return [list(tr.iterchildren(W_TC)) for tr in table.iterchildren(W_TR)]


def _merged_rows(cells: list[list]) -> list[list]:
    """Each cell's text, or the merge mark of a grid column a merged cell covers: python-docx
    repeats a cell over its ``w:gridSpan`` columns and its ``w:vMerge`` rows."""
    rows: list[list] = []
    for index, row in enumerate(cells):
        above = cells[index - 1] if index else []
        out: list = []
        for column, tc in enumerate(row):
            if column and tc is row[column - 1]:
                out.append(merges.LEFT)
            elif column < len(above) and tc is above[column]:
                out.append(merges.UP)
            else:
                out.append(clean(_cell_text(tc)))
        rows.append(out)
    return rows


def _cell_text(tc) -> str:
    """python-docx's ``cell.text``: its own paragraphs' text, a line each (no nested tables)."""
    return "\n".join(_paragraph_content(p)[0] for p in tc.iterchildren(W_P))


def _column_aligns(rows: list[list]) -> list[str]:
    """Each column's alignment as its cells' paragraphs below the header say."""
    body = rows[1:] or rows
    known: dict[str | None, str] = {}
    aligns: list[str] = []
    for column in range(max((len(row) for row in body), default=0)):
        found = {
            _first_paragraph_align(paragraph, known)
            for row in body
            if column < len(row) and (paragraph := row[column].find(W_P)) is not None
        }
        aligns.append(found.pop() if len(found) == 1 else "")
    return aligns


def _first_paragraph_align(p, known: dict[str | None, str]) -> str:
    """The paragraph's w:jc as "right", "center" or "" (python-docx's ``alignment``)."""
    p_pr = p.find(W_PPR)
    jc = p_pr.find(W_JC) if p_pr is not None else None
    if jc is None:
        return ""
    value = jc.get(W_VAL)
    if value not in known:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        names = {WD_ALIGN_PARAGRAPH.RIGHT: "right", WD_ALIGN_PARAGRAPH.CENTER: "center"}
        known[value] = names.get(jc.val, "")  # jc.val raises on a missing or unknown value
    return known[value]


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


# python-docx 1.2's text of a run's children (CT_R.text): w:t its text, w:tab and w:ptab a
# tab, w:cr a line break, w:noBreakHyphen a hyphen, w:br a line break unless it breaks a page
# or column; anything else (w:softHyphen, w:delText, w:fldChar, w:sym, w:drawing ...) nothing.
_RUN_CHARACTERS = {W_TAB: "\t", W_PTAB: "\t", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}


def _run_text(r) -> str:
    parts = []
    for element in r:
        tag = element.tag
        if tag == W_T:
            text = element.text
            if text:
                parts.append(text)
            if len(element):
                parts.append(_text_after_children(element))
        elif tag == W_BR:
            if element.get(W_TYPE, "textWrapping") == "textWrapping":
                parts.append("\n")
        else:
            character = _RUN_CHARACTERS.get(tag)
            if character:
                parts.append(character)
    return "".join(parts)


def _text_after_children(t) -> str:
    """The rest of a ``w:t`` whose text an XML comment or entity reference interrupts.

    lxml stops ``t.text`` at the first such node (python-docx loses the rest: "Godkendt &x;
    &y;." read as "Godkendt"). A comment is not text; an entity the file never defines
    cannot be read, so the file is refused rather than read with words missing.
    """
    from lxml import etree

    parts = []
    for child in t:
        if isinstance(child, etree._Entity):
            shown = "".join(t.itertext())[:60]
            raise UnreadableText(f"teksten »{shown}« bruger XML-entiteten {child.text}, som ikke kan læses")
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph_content(p, rels=None) -> tuple[str, list[tuple[int, int, str]], list]:
    """A paragraph's text (python-docx's ``paragraph.text``), link spans and own runs.

    Text comes from the paragraph's ``w:r`` and ``w:hyperlink`` children (and a link's own
    ``w:r``), as python-docx reads it: runs inside ``w:ins``, ``w:smartTag``, fields or
    content controls are not part of it. A link's address is its relationship's target with
    ``#fragment`` (``Hyperlink.url``); links are read only when ``rels`` is given. The runs
    are (``w:r``, text) of the paragraph's direct runs (``paragraph.runs``).
    """
    text = ""
    links: list[tuple[int, int, str]] = []
    runs: list[tuple[object, str]] = []
    for child in p:
        tag = child.tag
        if tag == W_R:
            piece = _run_text(child)
            runs.append((child, piece))
            text += piece
        elif tag == W_HYPERLINK:
            piece = "".join(_run_text(r) for r in child.iterchildren(W_R))
            if rels is not None:
                r_id = child.get(R_ID)
                relationship = rels.get(r_id) if r_id else None  # missing: a link without address
                address = relationship.target_ref if relationship is not None else ""
                fragment = child.get(W_ANCHOR)
                if address and fragment:
                    address = f"{address}#{fragment}"
                if address and piece.strip():
                    links.append((len(text), len(text) + len(piece), address))
            text += piece
    return text, links, runs


def _paragraph_hint(styles: _ParagraphStyles, style, text: str, runs: list) -> str:
    hint = styles.hint(style)
    if hint is not None:
        return hint
    return "heading" if _is_bold_line(styles, style, text, runs) else ""


def _style_hint(style) -> str | None:
    name = (style.name if style is not None else "") or ""
    lowered = name.lower()
    match = _HEADING_STYLE.match(name)
    if (match and int(match.group("level")) >= 3) or _SUB_HEADING_STYLE.search(name):
        return "heading"
    if match:
        return "title"
    if "list bullet" in lowered or "punktopstilling" in lowered:
        return "bullet"
    return None


def _is_bold_line(styles: _ParagraphStyles, style, text: str, runs: list) -> bool:
    """A short paragraph in bold without end punctuation: how Word users mark a sub-heading."""
    text = text.strip()
    if not text or len(text.split()) > 12 or text[-1] in ".,:;!?":
        return False
    runs = [r for r, run_text in runs if run_text.strip()]
    style_bold = styles.bold(style)
    return bool(runs) and all(
        bold or (bold is None and style_bold) for bold in map(_run_bold, runs)
    )


def _run_bold(r) -> bool | None:
    """``run.bold``: the run's own w:b (True, False), None when it has none."""
    r_pr = r.find(W_RPR)
    b = r_pr.find(W_B) if r_pr is not None else None
    return None if b is None else b.val


def _breaks_page_before(p_pr) -> bool:
    page_break = p_pr.find(W_PAGE_BREAK_BEFORE) if p_pr is not None else None
    return page_break is not None and bool(page_break.val)


def _breaks_page_after(element) -> bool:
    for br in element.iter(W_BR):
        if br.get(W_TYPE) == "page":
            return True
    return False

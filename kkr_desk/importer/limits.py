"""How big a document may be before the importer refuses it, and the Danish words it uses.

A real KL referat is 25–60 pages, a few MB as PDF, ~100 KB of text and 10–30 items. Every
limit here is many times that, and far below what would make an import slow or its memory
large; each is checked before the work it protects (docs/import.md, "Limits").
"""

from __future__ import annotations

from .errors import DocumentImportError

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A PDF or .docx file (pictures included)."""
MAX_TEXT_FILE_BYTES = 3 * 1024 * 1024
"""A text file: a 60-page referat's text is ~100 KB."""
MAX_TEXT_CHARACTERS = 3_000_000
"""The text of any document, however it was read."""
MAX_LINES = 200_000
"""Lines of text (a real referat has ~3,000; KL's extraction form doubles them)."""
MAX_PAGES = 500
MAX_PDF_UNPACKED_BYTES = 100 * 1024 * 1024
"""A PDF's zlib streams (pages, fonts, pictures) unpacked, together (our 71-page PDF: ~2 MB).

PDFium unpacks each page's content whole and needs about twice that in memory."""
MAX_LINKS_PER_PAGE = 100
MAX_DOCX_XML_BYTES = 10 * 1024 * 1024
"""A .docx's XML parts, decompressed, together (our 100-item referat: 2.4 MB)."""
MAX_DOCX_PARTS = 2_000
MAX_ITEMS = 1_000
MAX_PRINTED_NUMBER = 99
"""The highest group or item number read ("99." and "7.99."); a higher one is refused."""


def number(value: int) -> str:
    """A count the Danish way: 10.000."""
    return f"{value:,}".replace(",", ".")


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB"


def too_large(name: str, what: str, limit: str) -> DocumentImportError:
    """The refusal of a document over a limit: what it has, and the most a meeting has."""
    return DocumentImportError(
        f"{name} er for stor til at være en dagsorden eller et referat: {what} "
        f"(højst {limit}); filen er ikke importeret"
    )

"""Damaged and random input never crashes the importer: a meeting or DocumentImportError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkr_desk.importer import DocumentImportError, ImportResult, import_document, import_text

from .documents import REFERAT_TEXT, write_agenda_docx, write_text_pdf

FIXTURE = REFERAT_TEXT.read_text(encoding="utf-8")
FIXTURE_LINES = FIXTURE.split("\n")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

agenda_like_lines = st.one_of(
    st.sampled_from(FIXTURE_LINES),
    st.from_regex(r"\A ?\d{1,2}\.(\d{1,2}\.)? [A-ZÆØ][a-zæøå -]{0,30}\Z"),
    st.sampled_from(["", " ", "Baggrund", "Beslutning", "Deltagere", "Afbud", "Fra KL", "2024.",
                     "SAG-2024-02547 chbn", "- punkt", "1) et", "./. bilag", "https://www.kl.dk/a-b-c"]),
    st.text(max_size=40),
)


def _outcome(call) -> None:
    try:
        result = call()
    except DocumentImportError as error:
        assert str(error)
        return
    assert isinstance(result, ImportResult)
    assert result.meeting.items


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text(text):
    _outcome(lambda: import_text(text))


@SETTINGS
@given(st.lists(agenda_like_lines, max_size=80))
def test_agenda_like_line_soup(lines):
    _outcome(lambda: import_text("\n".join(lines)))


@SETTINGS
@given(st.data())
def test_fixture_with_lines_dropped_duplicated_or_shuffled(data):
    lines = list(FIXTURE_LINES)
    for _ in range(data.draw(st.integers(0, 12))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "swap", "cut"]))
        if action == "drop":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        elif action == "cut":
            lines[index] = lines[index][: len(lines[index]) // 2]
        if not lines:
            break
    _outcome(lambda: import_text("\n".join(lines)))


@SETTINGS
@given(content=st.binary(max_size=3000), suffix=st.sampled_from([".pdf", ".docx", ".txt", ""]))
def test_random_bytes_as_any_kind_of_file(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"dokument{suffix}"
        path.write_bytes(content)
        _outcome(lambda: import_document(path))


def _valid_files(folder: Path) -> list[bytes]:
    docx_bytes = write_agenda_docx(folder / "a.docx").read_bytes()
    pdf_bytes = write_text_pdf(
        folder / "a.pdf", [["1. Punkt", "", "1.1. Et punkt", "SAG-2025-00001 ab", "Baggrund", "Tekst."]]
    ).read_bytes()
    return [docx_bytes, pdf_bytes]


with tempfile.TemporaryDirectory() as _folder:
    VALID_DOCX, VALID_PDF = _valid_files(Path(_folder))


@SETTINGS
@given(
    which=st.sampled_from([("docx", VALID_DOCX), ("pdf", VALID_PDF)]),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=12),
    cut=st.floats(0.05, 1),
)
def test_damaged_pdf_and_docx(which, flips, cut):
    suffix, original = which
    damaged = bytearray(original[: max(1, int(len(original) * cut))])
    for where, value in flips:
        damaged[int(where * len(damaged))] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"damaged.{suffix}"
        path.write_bytes(bytes(damaged))
        _outcome(lambda: import_document(path))


piece_text = st.one_of(
    st.sampled_from(["Kommune", "Ture 2024", "1.200", "980", "KKR", "Vejle", "-", "./.", "Baggrund",
                     "1. Punkt", "1.1. Et punkt", "SAG-2025-00001 ab", "Beslutning", "Godkendt."]),
    st.text(alphabet="abcæøå ABC0123.,-()", min_size=1, max_size=20),
)
positioned_line = st.one_of(
    piece_text,
    st.lists(st.tuples(st.integers(20, 560), piece_text), min_size=1, max_size=5),
)


@SETTINGS
@given(st.lists(st.lists(positioned_line, max_size=30), min_size=1, max_size=3))
def test_random_pdf_layouts(pages):
    """Pieces of text anywhere on the page: tables, paragraphs or neither, never a crash."""
    start = [["1. Punkt", "", "1.1. Et punkt", "SAG-2025-00001 ab", "Baggrund"]]
    with tempfile.TemporaryDirectory() as folder:
        path = write_text_pdf(Path(folder) / "layout.pdf", start + pages)
        _outcome(lambda: import_document(path))

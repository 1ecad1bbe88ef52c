"""How much of a real KL referat survives import → export: a word-level match figure.

    python benchmarks/seed_word_match.py [SEED.txt]

Imports the seed (text extracted from KL's PDF; default ../shared/seeds/referat-kkr-
midtjylland-2024.txt), exports the meeting as a referat .docx with kkr_desk.writer, reads
the document's body text back (paragraphs and table cells in order) and compares the word
lists with difflib.SequenceMatcher. Both sides get the same normalisation: empty lines and
whitespace ignored, a word split at a line end ("læ-" + "repladser") joined. The export has
a front page the seed's extraction lacks (kind, committee, date, place), so the figure is
given for the whole document and from "Mission" on, where the seed starts.
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
from pathlib import Path

import docx

from kkr_desk.importer import import_document
from kkr_desk.domain import MeetingKind
from kkr_desk.writer import export_meeting

SEED_NAME = Path("shared") / "seeds" / "referat-kkr-midtjylland-2024.txt"


def default_seed() -> Path:
    """The seed next to the checkout (../shared), looked for in each folder above."""
    for folder in Path(__file__).resolve().parents:
        if (folder / SEED_NAME).is_file():
            return folder / SEED_NAME
    return Path("..") / SEED_NAME
_KEEP_SPACE_AFTER_HYPHEN = {"og", "eller", "samt", "til"}


def words(text: str) -> list[str]:
    """Whitespace-separated words, with words split at a line end joined again."""
    tokens = text.split()
    joined: list[str] = []
    for token in tokens:
        if (
            joined
            and re.search(r"\w-$", joined[-1])
            and token[:1].islower()
            and token not in _KEEP_SPACE_AFTER_HYPHEN
        ):
            joined[-1] = joined[-1][:-1] + token
        else:
            joined.append(token)
    return joined


def document_text(path: Path) -> str:
    """The body of a .docx as text: paragraphs (tabs as spaces) and table cells in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    parts = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(Paragraph(element, document).text)
        elif tag == "tbl":
            for row in Table(element, document).rows:
                parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def ratio(seed_words: list[str], export_words: list[str]) -> float:
    return difflib.SequenceMatcher(None, seed_words, export_words, autojunk=False).ratio()


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else default_seed()
    result = import_document(seed)
    meeting = result.meeting
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "referat.docx"
        export_meeting(meeting, target, kind=MeetingKind.REFERAT)
        exported = document_text(target)
    seed_words = words(seed.read_text(encoding="utf-8"))
    export_words = words(exported)
    from_mission = export_words[export_words.index("Mission"):] if "Mission" in export_words else export_words
    statuses = result.status_counts()
    print(f"groups {result.group_count}, items {result.item_count}, present {statuses['til stede']}, "
          f"afbud {statuses['afbud']}, organisations {dict(result.organisation_counts())}")
    print(f"seed words {len(seed_words)}, export words {len(export_words)}")
    print(f"word match, whole document:  {ratio(seed_words, export_words):.4f}")
    print(f"word match, from 'Mission':  {ratio(seed_words, from_mission):.4f}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

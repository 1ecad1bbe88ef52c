"""Search every meeting, and find a case's earlier treatments; the index is SQLite FTS5.

The index (table ``search_text``) and the triggers that keep it are made by the migration
0004_search (store/migrations.py): a rowid is the source row's id * 8 + its kind, so a hit is
joined back to its section, item or attendance row here, and a row that is gone simply
joins to nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.agenda import item_number
from ..domain.search_query import HIT_END, HIT_START, SearchQuery, parse_query, snippet_runs
from .database import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

SECTION, ITEM, PERSON, VOTE, PROTOCOL_REMARK = range(5)
"""Kinds of indexed text (rowid % 8). VOTE and PROTOCOL_REMARK have no tables yet: when
they do, a migration adds triggers writing rowid = id * 8 + kind, and a branch below."""

TITLE_SECTION = "Titel"
PEOPLE_SECTION = "Deltagere"
"""The section name of a hit in an item's title or case number, and in a name present."""

SNIPPET_TOKENS = 16
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class SearchHit:
    """One place a search matched; ``item_id`` is None for a person present at a meeting."""

    meeting_id: int
    committee: str
    date: dt.date
    item_id: int | None
    item_number: str  # "3.2"; "" for a person present
    title: str
    section: str  # a section heading, TITLE_SECTION or PEOPLE_SECTION
    snippet: tuple[tuple[str, bool], ...]  # (text, is_hit) runs

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)


@dataclass(frozen=True)
class EarlierTreatment:
    """Another item with the same case number: "KKR Midtjylland 18-06-2024, punkt 3.1"."""

    meeting_id: int
    committee: str
    date: dt.date
    item_number: str
    item_id: int


_HITS = f"""
WITH hits AS (SELECT rowid AS hit FROM search_text WHERE search_text MATCH :match),
found AS (
    SELECT hits.hit, section.item_id, section.heading AS section, section.position AS part
    FROM hits CROSS JOIN section ON hits.hit % 8 = {SECTION} AND section.id = hits.hit / 8
    UNION ALL
    SELECT hits.hit, agenda_item.id, '{TITLE_SECTION}', -1
    FROM hits CROSS JOIN agenda_item ON hits.hit % 8 = {ITEM} AND agenda_item.id = hits.hit / 8
),
placed AS (  -- CROSS JOIN keeps the hits the outer loop (SQLite's rule), so each
               -- hit is looked up by id instead of every row scanned for hits
    SELECT found.hit, found.item_id, found.section, found.part,
           agenda_item.title, agenda_item.position AS item_position,
           agenda_group.position AS group_position, meeting.id AS meeting_id,
           meeting.committee, meeting.date
    FROM found
    CROSS JOIN agenda_item ON agenda_item.id = found.item_id
    JOIN agenda_group ON agenda_group.id = agenda_item.group_id
    JOIN meeting ON meeting.id = agenda_group.meeting_id
    UNION ALL
    SELECT hits.hit, NULL, '{PEOPLE_SECTION}', -1, '', -1, -1, meeting.id,
           meeting.committee, meeting.date
    FROM hits
    CROSS JOIN attendance ON hits.hit % 8 = {PERSON} AND attendance.rowid = hits.hit / 8
    JOIN meeting ON meeting.id = attendance.meeting_id
)
SELECT * FROM placed
WHERE (:committee IS NULL OR committee = :committee COLLATE NOCASE)
  AND (:year IS NULL OR substr(date, 1, 4) = :year)
  AND (:section IS NULL OR section = :section COLLATE NOCASE)
ORDER BY date DESC, meeting_id DESC, group_position, item_position, part
LIMIT :limit
"""

_SNIPPET = f"""
SELECT rowid, snippet(search_text, 0, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_TOKENS})
    AS snippet
FROM search_text WHERE search_text MATCH ? AND rowid = ?
"""


class Search:
    """Reads the full-text index (kept by triggers, migration 0004) and the case history."""

    def __init__(self, db: Database):
        self.db = db

    def find(
        self,
        query: str | SearchQuery,
        committee: str | None = None,
        year: int | None = None,
        section: str | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[SearchHit]:
        """Every place in every meeting that matches ``query``, newest meeting first.

        ``query`` is what the user typed (parsed by domain.search_query; a SearchQueryError
        for text that cannot be searched) or an already parsed SearchQuery. Inside a
        meeting the hits follow the agenda. Filters compare without regard to case.
        """
        parsed = query if isinstance(query, SearchQuery) else parse_query(query)
        parameters = {
            "match": parsed.match,
            "committee": committee.strip() if committee else None,
            "year": f"{year:04d}" if year is not None else None,
            "section": section.strip() if section else None,
            "limit": max(0, limit),
        }
        try:
            rows = list(self.db.query(_HITS, parameters))
            snippets = self._snippets(parsed.match, [row["hit"] for row in rows])
        except sqlite3.OperationalError as error:
            if "fts5" in str(error):  # the parser should make this impossible: a bug
                raise RuntimeError(f"search expression {parsed.match!r}: {error}") from error
            raise
        return [
            SearchHit(
                meeting_id=row["meeting_id"],
                committee=row["committee"],
                date=dt.date.fromisoformat(row["date"]),
                item_id=row["item_id"],
                item_number=(
                    item_number(row["group_position"], row["item_position"]).rstrip(".")
                    if row["item_id"] is not None
                    else ""
                ),
                title=row["title"],
                section=row["section"],
                snippet=snippet_runs(snippets.get(row["hit"], "")),
            )
            for row in rows
        ]

    def _snippets(self, match: str, hits: list[int]) -> dict[int, str]:
        """Snippets for the hits shown only (FTS5 would make one for every match), one
        rowid at a time: FTS5 looks a rowid up directly, but scans for ``rowid IN``."""
        snippets: dict[int, str] = {}
        for hit in hits:
            for row in self.db.query(_SNIPPET, [match, hit]):
                snippets[hit] = row["snippet"]
        return snippets

    def earlier_treatments(self, item_id: int) -> list[EarlierTreatment]:
        """The other items with this item's case number, newest meeting first.

        An item without a case number has none. StoreError if the item is gone.
        """
        rows = list(
            self.db.query("SELECT case_number FROM agenda_item WHERE id = ?", [item_id])
        )
        if not rows:
            raise StoreError("punktet findes ikke længere; genindlæs mødet")
        case_number = rows[0]["case_number"].strip()
        if not case_number:
            return []
        return [
            EarlierTreatment(
                meeting_id=row["meeting_id"],
                committee=row["committee"],
                date=dt.date.fromisoformat(row["date"]),
                item_number=item_number(row["group_position"], row["position"]).rstrip("."),
                item_id=row["id"],
            )
            for row in self.db.query(
                """
                SELECT agenda_item.id, agenda_item.position,
                       agenda_group.position AS group_position,
                       meeting.id AS meeting_id, meeting.committee, meeting.date
                FROM agenda_item
                JOIN agenda_group ON agenda_group.id = agenda_item.group_id
                JOIN meeting ON meeting.id = agenda_group.meeting_id
                WHERE agenda_item.case_number = ? COLLATE NOCASE AND agenda_item.id != ?
                ORDER BY meeting.date DESC, meeting.id DESC,
                         agenda_group.position, agenda_item.position
                """,
                [case_number, item_id],
            )
        ]

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
from ..domain.search_snippet import hits_pattern, mark_snippet
from ..domain.search_query import HIT_END, HIT_START, SearchQuery, parse_query, snippet_runs
from .database import StoreError

if TYPE_CHECKING:
    from .connection import StoreDatabase

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
WITH hits AS MATERIALIZED (  -- the MATCH runs once, not once for each use below
    SELECT rowid AS hit FROM search_text WHERE search_text MATCH :match
),
found AS (  -- CROSS JOIN keeps the hits the outer loop (SQLite's rule), so each
            -- hit is looked up by id instead of every row scanned for hits
    SELECT hits.hit, section.item_id, section.position AS part
    FROM hits CROSS JOIN section ON section.id = hits.hit / 8
    WHERE hits.hit % 8 = {SECTION}
      AND (:section IS NULL OR section.heading = :section COLLATE NOCASE)
    UNION ALL
    SELECT hit, hit / 8, -1 FROM hits
    WHERE hit % 8 = {ITEM} AND (:section IS NULL OR :section = '{TITLE_SECTION}' COLLATE NOCASE)
),
ranked AS (  -- only the keys of the order, so the sort of every hit stays small
    SELECT found.hit, found.item_id, found.part, agenda_item.position AS item_position,
           agenda_group.position AS group_position, meeting.id AS meeting_id, meeting.date
    FROM found
    CROSS JOIN agenda_item ON agenda_item.id = found.item_id
    CROSS JOIN agenda_group ON agenda_group.id = agenda_item.group_id
    CROSS JOIN meeting ON meeting.id = agenda_group.meeting_id
    WHERE (:committee IS NULL OR meeting.committee = :committee COLLATE NOCASE)
      AND (:year IS NULL OR substr(meeting.date, 1, 4) = :year)
    UNION ALL
    SELECT hits.hit, NULL, -1, -1, -1, meeting.id, meeting.date
    FROM hits
    CROSS JOIN attendance ON attendance.rowid = hits.hit / 8
    CROSS JOIN meeting ON meeting.id = attendance.meeting_id
    WHERE hits.hit % 8 = {PERSON}
      AND (:section IS NULL OR :section = '{PEOPLE_SECTION}' COLLATE NOCASE)
      AND (:committee IS NULL OR meeting.committee = :committee COLLATE NOCASE)
      AND (:year IS NULL OR substr(meeting.date, 1, 4) = :year)
    ORDER BY date DESC, meeting_id DESC, group_position, item_position, part
    LIMIT :limit
)
SELECT ranked.*, meeting.committee, coalesce(agenda_item.title, '') AS title,
       CASE WHEN ranked.item_id IS NULL THEN '{PEOPLE_SECTION}'
            WHEN ranked.part = -1 THEN '{TITLE_SECTION}'
            ELSE section.heading END AS section,
       search_text.body AS text
FROM ranked
CROSS JOIN meeting ON meeting.id = ranked.meeting_id
LEFT JOIN agenda_item ON agenda_item.id = ranked.item_id
LEFT JOIN section ON ranked.hit % 8 = {SECTION} AND section.id = ranked.hit / 8
LEFT JOIN search_text ON search_text.rowid = ranked.hit
ORDER BY date DESC, meeting_id DESC, group_position, item_position, part
"""

_SNIPPET = f"""
SELECT snippet(search_text, 0, '{HIT_START}', '{HIT_END}', '…', {SNIPPET_TOKENS}) AS snippet
FROM search_text WHERE search_text MATCH ? AND rowid = ?
"""


class Search:
    """Reads the full-text index (kept by triggers, migration 0004) and the case history."""

    def __init__(self, db: StoreDatabase):
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
            pattern = hits_pattern(parsed.terms)
            snippets = [
                mark_snippet(row["text"] or "", pattern, SNIPPET_TOKENS)
                or self._fts_snippet(parsed.match, row["hit"])
                for row in rows
            ]
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
                snippet=snippet_runs(snippet),
            )
            for row, snippet in zip(rows, snippets)
        ]

    def _fts_snippet(self, match: str, hit: int) -> str:
        """FTS5's own snippet, for a text whose hit mark_snippet could not find."""
        for row in self.db.query(_SNIPPET, [match, hit]):
            return row["snippet"]
        return ""

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

"""The schema as a chain of small, named steps; a step once released is never edited.

sqlite-utils records each applied step in ``_sqlite_migrations``, so an old database is
brought forward one step at a time and a newer one is recognised by names we do not know.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

SCHEMA_MIGRATION_SET = "kkr_desk"
MIGRATIONS = Migrations(SCHEMA_MIGRATION_SET)


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    """Roster, meetings, attendance and the agenda with its sections."""
    db["person"].create(
        {
            "id": int,
            "name": str,
            "party": str,
            "municipality": str,
            "title": str,
            "organisation": str,
        },
        pk="id",
        not_null={"name", "party", "municipality", "title", "organisation"},
    )
    db["meeting"].create(
        {
            "id": int,
            "committee": str,
            "kind": str,
            "date": str,
            "start_time": str,
            "end_time": str,
            "place": str,
            "mission": str,
            "vision": str,
        },
        pk="id",
        not_null={"committee", "kind", "date", "place", "mission", "vision"},
    )
    db["attendance"].create(
        {
            "meeting_id": int,
            "person_id": int,
            "position": int,
            "status": str,
            "note": str,
            "arrived_at": str,
            "left_at": str,
            "substitute_for_id": int,
        },
        pk=("meeting_id", "person_id"),
        not_null={"position", "status", "note"},
        foreign_keys=[
            ("meeting_id", "meeting", "id"),
            ("person_id", "person", "id"),
            ("substitute_for_id", "person", "id"),
        ],
    )
    db["agenda_group"].create(
        {"id": int, "meeting_id": int, "position": int, "title": str},
        pk="id",
        not_null={"meeting_id", "position", "title"},
        foreign_keys=[("meeting_id", "meeting", "id")],
    )
    db["agenda_item"].create(
        {
            "id": int,
            "group_id": int,
            "position": int,
            "title": str,
            "case_number": str,
            "case_officers": str,
            "status": str,
        },
        pk="id",
        not_null={"group_id", "position", "title", "case_number", "case_officers", "status"},
        foreign_keys=[("group_id", "agenda_group", "id")],
    )
    db["section"].create(
        {"id": int, "item_id": int, "position": int, "heading": str, "body": str},
        pk="id",
        not_null={"item_id", "position", "heading", "body"},
        foreign_keys=[("item_id", "agenda_item", "id")],
    )
    for table, column in (
        ("attendance", "person_id"),
        ("agenda_group", "meeting_id"),
        ("agenda_item", "group_id"),
        ("section", "item_id"),
    ):
        db[table].create_index([column])
    _cascade_deletes(db)


def _cascade_deletes(db: Database) -> None:
    """Deleting a meeting removes its agenda and attendance, never the people."""
    for child, parent, column in (
        ("attendance", "meeting", "meeting_id"),
        ("agenda_group", "meeting", "meeting_id"),
        ("agenda_item", "agenda_group", "group_id"),
        ("section", "agenda_item", "item_id"),
    ):
        db.execute(
            f"""
            CREATE TRIGGER {child}_follows_{parent}
            BEFORE DELETE ON {parent}
            BEGIN
                DELETE FROM {child} WHERE {column} = OLD.id;
            END
            """
        )


@MIGRATIONS(name="0002_live_meeting")
def live_meeting(db: Database) -> None:
    """When each item was taken up and decided, and a key/value table for settings."""
    db["agenda_item"].add_column("taken_up_at", str)
    db["agenda_item"].add_column("decided_at", str)
    db["setting"].create({"key": str, "value": str}, pk="key", not_null={"value"})


@MIGRATIONS(name="0003_trash")
def trash(db: Database) -> None:
    """Deleted meetings and items, kept as meeting-file JSON so a delete can be undone."""
    db["trash"].create(
        {
            "id": int,
            "kind": str,
            "deleted_at": str,
            "label": str,
            "meeting_id": int,
            "group_id": int,
            "position": int,
            "payload": str,
        },
        pk="id",
        not_null={"kind", "deleted_at", "label", "payload"},
    )


KNOWN_MIGRATIONS = frozenset(
    step.name for step in MIGRATIONS.pending(Database(memory=True, execute_plugins=False))
)
"""Every step this version knows; a database with others was written by a newer version."""

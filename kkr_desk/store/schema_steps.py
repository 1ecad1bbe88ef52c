"""The names of the schema's steps, known without loading the steps themselves.

Opening an up-to-date database only compares these names with the ones recorded in it;
the steps (store/migrations.py, with sqlite-utils behind them) are loaded only when a step
is missing: a new file, or one from an older version. migrations.py checks on import that
its steps are exactly these, in this order, so the two cannot drift apart.
"""

from __future__ import annotations

SCHEMA_MIGRATION_SET = "kkr_desk"
MIGRATIONS_TABLE = "_sqlite_migrations"
"""Where sqlite-utils' Migrations records each applied step."""

SCHEMA_STEPS = (
    "0001_initial",
    "0002_live_meeting",
    "0003_trash",
    "0004_search",
    "0005_committee",
    "0006_meeting_life",
    "0007_item_record",
    "0008_attendance_details",
)
KNOWN_MIGRATIONS = frozenset(SCHEMA_STEPS)
"""Every step this version knows; a database with others was written by a newer version."""

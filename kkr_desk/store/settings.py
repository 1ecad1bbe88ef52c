"""User settings that belong with the meetings (decision phrases, the name written at
tracked changes), in the ``setting`` table.

Window geometry lives in QSettings; what the secretary types as a reusable phrase belongs in
the database, so it travels with the file.
"""

from __future__ import annotations

import json

from ..domain.phrases import DEFAULT_TEMPLATES
from typing import TYPE_CHECKING

from .database import write_transaction

if TYPE_CHECKING:
    from .connection import StoreDatabase

DECISION_PHRASES_KEY = "decision_phrases"
CHANGE_AUTHOR_KEY = "change_author"
"""The secretary's name at Word's tracked changes (Rediger ▸ Indstillinger); "" when unset."""


def read_setting(db, key: str) -> str | None:
    rows = list(db.query("SELECT value FROM setting WHERE key = ?", [key]))
    return rows[0]["value"] if rows else None


def write_setting(db, key: str, value: str) -> None:
    """One key's value, in a transaction of its own (plain SQL: start-up writes one)."""
    with write_transaction(db):
        db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


class Settings:
    """The ``setting`` table: one text value per key."""

    def __init__(self, db: StoreDatabase):
        self.db = db

    def setting(self, key: str) -> str | None:
        return read_setting(self.db, key)

    def set_setting(self, key: str, value: str) -> None:
        write_setting(self.db, key, value)

    def decision_templates(self) -> list[str]:
        """The user's phrase templates ("{udvalg} godkendte indstillingen."), or the defaults."""
        stored = self.setting(DECISION_PHRASES_KEY)
        if stored is None:
            return list(DEFAULT_TEMPLATES)
        try:
            value = json.loads(stored)
        except ValueError:
            return list(DEFAULT_TEMPLATES)
        if not isinstance(value, list):
            return list(DEFAULT_TEMPLATES)
        return [str(entry) for entry in value]

    def set_decision_templates(self, templates: list[str]) -> None:
        cleaned = [line.strip() for line in templates if line.strip()]
        self.set_setting(DECISION_PHRASES_KEY, json.dumps(cleaned, ensure_ascii=False))

    def change_author(self) -> str:
        """The name written at tracked changes, as stored; "" when none is set."""
        return self.setting(CHANGE_AUTHOR_KEY) or ""

    def set_change_author(self, name: str) -> None:
        self.set_setting(CHANGE_AUTHOR_KEY, name)

"""Opening files: new, upgraded from the first schema, foreign and damaged."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from kkr_desk.store import DatabaseOpenError, Store, default_database_path, open_store
from kkr_desk.store.migrations import KNOWN_MIGRATIONS, MIGRATIONS, SCHEMA_MIGRATION_SET


def test_upgrade_from_the_first_schema_keeps_the_data(db_path):
    old = Database(db_path, execute_plugins=False)
    MIGRATIONS.apply(old, stop_before="0002_live_meeting")
    assert "setting" not in old.table_names()
    meeting_id = old["meeting"].insert(
        {
            "committee": "KKR Nordjylland",
            "kind": "referat",
            "date": "2023-03-01",
            "place": "Aalborg",
            "mission": "",
            "vision": "",
        }
    ).last_pk
    group_id = old["agenda_group"].insert(
        {"meeting_id": meeting_id, "position": 0, "title": "Eventuelt"}
    ).last_pk
    old["agenda_item"].insert(
        {
            "group_id": group_id,
            "position": 0,
            "title": "Eventuelt",
            "case_number": "SAG-2023-1",
            "case_officers": "ab",
            "status": "afgjort",
        }
    )
    old.close()

    with Store(db_path) as store:
        assert not store.is_new
        meeting = store.meetings.load(meeting_id)
        assert "setting" in store.db.table_names()
        applied = {m.name for m in MIGRATIONS.applied(store.db)}
    assert applied == KNOWN_MIGRATIONS
    assert meeting.committee == "KKR Nordjylland"
    assert meeting.items[0].title == "Eventuelt"
    assert meeting.items[0].decided_at is None


def test_a_new_database_starts_with_the_sample_meeting(db_path):
    with open_store(db_path) as store:
        summaries = store.meetings.summaries()
    assert [(s.committee, s.date.isoformat(), s.item_count) for s in summaries] == [
        ("KKR Midtjylland", "2024-09-05", 10)
    ]
    with open_store(db_path) as store:  # reopening does not add it twice
        assert len(store.meetings.summaries()) == 1


def test_another_programs_database_is_refused_and_left_alone(db_path):
    foreign = sqlite3.connect(db_path)
    foreign.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    foreign.commit()
    foreign.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="andet program"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(db_path):
    Store(db_path).close()
    db = Database(db_path, execute_plugins=False)
    db[MIGRATIONS.migrations_table].insert(
        {"migration_set": SCHEMA_MIGRATION_SET, "name": "9999_future", "applied_at": "x"}
    )
    db.close()
    with pytest.raises(DatabaseOpenError, match="nyere udgave"):
        Store(db_path)


def test_random_bytes_and_folders_give_clear_messages(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 200)
    with pytest.raises(DatabaseOpenError, match="ikke en brugbar KKR Desk-database"):
        Store(junk)
    assert junk.read_bytes() == b"this is not sqlite at all" * 200
    with pytest.raises(DatabaseOpenError, match="er en mappe"):
        Store(tmp_path)
    with pytest.raises(DatabaseOpenError, match="findes ikke"):
        Store(tmp_path / "missing" / "x.db")


def test_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    path = default_database_path()
    assert path.name == "kkr-desk.db"
    assert "KKR Desk" in path.parts


def test_a_file_with_only_an_empty_migration_table_is_ours_and_new(db_path):
    """What a kill left while an older version created a new file: open it as new."""
    db = Database(db_path)
    MIGRATIONS.ensure_migrations_table(db)
    db.close()
    with open_store(db_path) as store:
        assert store.is_new
        assert [s.committee for s in store.meetings.summaries()] == ["KKR Midtjylland"]
        assert {m.name for m in MIGRATIONS.applied(store.db)} == KNOWN_MIGRATIONS


def test_a_migration_table_of_another_program_is_still_foreign(db_path):
    db = Database(db_path)
    MIGRATIONS.ensure_migrations_table(db)
    db[MIGRATIONS.migrations_table].insert(
        {"migration_set": "other_tool", "name": "0001", "applied_at": "x"}
    )
    db.close()
    with pytest.raises(DatabaseOpenError, match="andet program"):
        Store(db_path)


def test_the_first_schema_is_one_transaction_with_its_records(db_path, monkeypatch):
    """A failure (or kill) part-way through creating the schema leaves an empty file."""
    def broken(db):
        raise sqlite3.OperationalError("stop here, as a kill would")

    steps = MIGRATIONS._migrations
    monkeypatch.setattr(MIGRATIONS, "_migrations", [*steps[:1], type(steps[0])("x", broken)])
    with pytest.raises(DatabaseOpenError):
        Store(db_path)
    assert Database(db_path).table_names() == []

"""The schema as a chain of small, named steps; a step once released is never edited.

sqlite-utils records each applied step in ``_sqlite_migrations``, so an old database is
brought forward one step at a time and a newer one is recognised by names we do not know.

A step uses nothing that may change after its release: no domain code (``kkr_desk.domain``
moves on with the program); a rule a step needs is copied into this module as it was then,
so an old file is brought forward the same way by every later version.
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .schema_steps import KNOWN_MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_MIGRATION_SET, SCHEMA_STEPS

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



@MIGRATIONS(name="0004_search")
def search(db: Database) -> None:
    """The full-text index behind search (kkr_desk/store/search.py), kept by triggers.

    One FTS5 row per indexed text; its rowid is the source row's id * 8 + a kind: 0 a
    section body, 1 an item's title and case number, 2 the name of a person present (the
    attendance row's rowid). Kinds 3 (votes) and 4 (protocol remarks) are kept free for
    those texts once they have tables; a later step adds their triggers. The triggers run
    inside the edit's own transaction, whichever write path made it, so a word is found as
    soon as it is saved. Danish letters stay themselves (``remove_diacritics 0``: "æ" is
    not "ae"); case is folded. Bodies are indexed as the Markdown they are stored in: the
    tokenizer splits at the markup's punctuation, so only link addresses add words.
    """
    db.execute(
        "CREATE VIRTUAL TABLE search_text USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
    )
    present = "'til stede'"
    for statement in (
        # Sections: kind 0.
        """CREATE TRIGGER section_search_insert AFTER INSERT ON section BEGIN
            INSERT INTO search_text(rowid, body) VALUES (NEW.id * 8, NEW.body);
        END""",
        """CREATE TRIGGER section_search_update AFTER UPDATE OF body ON section BEGIN
            DELETE FROM search_text WHERE rowid = OLD.id * 8;
            INSERT INTO search_text(rowid, body) VALUES (NEW.id * 8, NEW.body);
        END""",
        """CREATE TRIGGER section_search_delete AFTER DELETE ON section BEGIN
            DELETE FROM search_text WHERE rowid = OLD.id * 8;
        END""",
        # Item heading line: kind 1.
        """CREATE TRIGGER item_search_insert AFTER INSERT ON agenda_item BEGIN
            INSERT INTO search_text(rowid, body)
            VALUES (NEW.id * 8 + 1, NEW.title || ' ' || NEW.case_number);
        END""",
        """CREATE TRIGGER item_search_update AFTER UPDATE OF title, case_number
        ON agenda_item BEGIN
            DELETE FROM search_text WHERE rowid = OLD.id * 8 + 1;
            INSERT INTO search_text(rowid, body)
            VALUES (NEW.id * 8 + 1, NEW.title || ' ' || NEW.case_number);
        END""",
        """CREATE TRIGGER item_search_delete AFTER DELETE ON agenda_item BEGIN
            DELETE FROM search_text WHERE rowid = OLD.id * 8 + 1;
        END""",
        # People present: kind 2.
        f"""CREATE TRIGGER attendance_search_insert AFTER INSERT ON attendance BEGIN
            INSERT INTO search_text(rowid, body)
            SELECT NEW.rowid * 8 + 2, name FROM person
            WHERE id = NEW.person_id AND NEW.status = {present};
        END""",
        f"""CREATE TRIGGER attendance_search_update AFTER UPDATE OF person_id, status
        ON attendance BEGIN
            DELETE FROM search_text WHERE rowid = OLD.rowid * 8 + 2;
            INSERT INTO search_text(rowid, body)
            SELECT NEW.rowid * 8 + 2, name FROM person
            WHERE id = NEW.person_id AND NEW.status = {present};
        END""",
        """CREATE TRIGGER attendance_search_delete AFTER DELETE ON attendance BEGIN
            DELETE FROM search_text WHERE rowid = OLD.rowid * 8 + 2;
        END""",
        f"""CREATE TRIGGER person_search_update AFTER UPDATE OF name ON person BEGIN
            DELETE FROM search_text WHERE rowid IN (
                SELECT rowid * 8 + 2 FROM attendance WHERE person_id = NEW.id);
            INSERT INTO search_text(rowid, body)
            SELECT attendance.rowid * 8 + 2, NEW.name FROM attendance
            WHERE person_id = NEW.id AND status = {present};
        END""",
        # What is already there.
        "INSERT INTO search_text(rowid, body) SELECT id * 8, body FROM section",
        """INSERT INTO search_text(rowid, body)
        SELECT id * 8 + 1, title || ' ' || case_number FROM agenda_item""",
        f"""INSERT INTO search_text(rowid, body)
        SELECT attendance.rowid * 8 + 2, person.name FROM attendance
        JOIN person ON person.id = attendance.person_id
        WHERE attendance.status = {present}""",
        # Earlier treatments of a case: items with the same case number.
        "CREATE INDEX agenda_item_case_number ON agenda_item(case_number COLLATE NOCASE)",
    ):
        db.execute(statement)

_STANDING_OPENINGS_0005 = (
    "godkendelse af referat",
    "siden sidst",
    "punkter til næste møde",
    "eventuelt",
)


def _standing_as_of_0005(title: str) -> bool:
    """Whether 0005 counts a group title as a standing item: the rule of
    ``domain.next_meeting.is_standing`` as it was when this step was released, copied here
    so that a later change of the domain's rule cannot change what this step makes of an
    old file (tests/store/test_committees.py holds it to that)."""
    lowered = title.strip().lower()
    return any(lowered.startswith(opening) for opening in _STANDING_OPENINGS_0005)


@MIGRATIONS(name="0005_committee")
def committee(db: Database) -> None:
    """Committees as data: a standing roster (members, then staff), place, standing items,
    decision phrases and the front page; every meeting points at its committee.

    An existing database gets one committee per distinct ``meeting.committee`` text, made
    from that committee's latest meeting (its people in list order, politicians as members,
    the rest as staff). ``meeting.committee`` stays: it is the name every reader uses.
    """
    db["committee"].create(
        {
            "id": int,
            "name": str,
            "place": str,
            "standing_items": str,
            "phrases": str,
            "mission": str,
            "vision": str,
        },
        pk="id",
        not_null={"name", "place", "standing_items", "phrases", "mission", "vision"},
    )
    db.execute("CREATE UNIQUE INDEX committee_name ON committee(name)")
    db["committee_member"].create(
        {
            "committee_id": int,
            "person_id": int,
            "position": int,
            "role": str,
            "substitute_id": int,
        },
        pk=("committee_id", "person_id"),
        not_null={"position", "role"},
        foreign_keys=[
            ("committee_id", "committee", "id"),
            ("person_id", "person", "id"),
            ("substitute_id", "person", "id"),
        ],
    )
    db["committee_staff"].create(
        {"committee_id": int, "person_id": int, "position": int},
        pk=("committee_id", "person_id"),
        not_null={"position"},
        foreign_keys=[("committee_id", "committee", "id"), ("person_id", "person", "id")],
    )
    for child in ("committee_member", "committee_staff"):
        db.execute(
            f"""
            CREATE TRIGGER {child}_follows_committee BEFORE DELETE ON committee
            BEGIN
                DELETE FROM {child} WHERE committee_id = OLD.id;
            END
            """
        )
    db.execute("ALTER TABLE meeting ADD COLUMN committee_id INTEGER REFERENCES committee(id)")
    db.execute("CREATE INDEX meeting_committee_id ON meeting(committee_id)")
    names = [row["committee"] for row in db.query("SELECT DISTINCT committee FROM meeting")]
    for name in names:
        latest = next(
            db.query(
                "SELECT * FROM meeting WHERE committee = ? ORDER BY date DESC, id DESC LIMIT 1",
                [name],
            )
        )
        standing = [
            row["title"]
            for row in db.query(
                "SELECT title FROM agenda_group WHERE meeting_id = ? ORDER BY position",
                [latest["id"]],
            )
            if _standing_as_of_0005(row["title"])
        ]
        committee_id = db["committee"].insert(
            {
                "name": name,
                "place": latest["place"],
                "standing_items": json.dumps(standing, ensure_ascii=False),
                "phrases": "[]",
                "mission": latest["mission"],
                "vision": latest["vision"],
            }
        ).last_pk
        people = db.query(
            """SELECT person.id, person.organisation FROM attendance
            JOIN person ON person.id = attendance.person_id
            WHERE attendance.meeting_id = ? ORDER BY attendance.position""",
            [latest["id"]],
        )
        members = staff = 0
        for person in people:
            if person["organisation"] == "":
                db["committee_member"].insert(
                    {
                        "committee_id": committee_id,
                        "person_id": person["id"],
                        "position": members,
                        "role": "medlem",
                    }
                )
                members += 1
            else:
                db["committee_staff"].insert(
                    {"committee_id": committee_id, "person_id": person["id"], "position": staff}
                )
                staff += 1
        db.execute("UPDATE meeting SET committee_id = ? WHERE committee = ?", [committee_id, name])

@MIGRATIONS(name="0006_meeting_life")
def meeting_life(db: Database) -> None:
    """The meeting's state with its history, the kept sent/approved versions, the time of
    the last change, and no stored kind (the document is chosen at export).

    A meeting stored as a referat was held, so it starts as "afholdt"; every other one as
    "planlagt". ``changed_at`` is kept by triggers in each edit's own transaction, whichever
    part of the meeting changed; meetings from before start without one.
    """
    db["meeting"].add_column("state", str, not_null_default="planlagt")
    db["meeting"].add_column("changed_at", str)
    db.execute("UPDATE meeting SET state = 'afholdt' WHERE kind = 'referat'")
    db.execute("ALTER TABLE meeting DROP COLUMN kind")
    db["meeting_state_change"].create(
        {
            "id": int,
            "meeting_id": int,
            "step": str,
            "at": str,
            "by_whom": str,
            "to_whom": str,
            "reason": str,
        },
        pk="id",
        not_null={"meeting_id", "step", "at", "by_whom", "to_whom", "reason"},
        foreign_keys=[("meeting_id", "meeting", "id")],
    )
    db["meeting_version"].create(
        {
            "id": int,
            "meeting_id": int,
            "purpose": str,
            "created_at": str,
            "by_whom": str,
            "content": str,
        },
        pk="id",
        not_null={"meeting_id", "purpose", "created_at", "by_whom", "content"},
        foreign_keys=[("meeting_id", "meeting", "id")],
    )
    db["meeting_state_change"].create_index(["meeting_id"])
    db["meeting_version"].create_index(["meeting_id", "purpose"])
    for child in ("meeting_state_change", "meeting_version"):
        db.execute(
            f"""CREATE TRIGGER {child}_follows_meeting BEFORE DELETE ON meeting BEGIN
                DELETE FROM {child} WHERE meeting_id = OLD.id;
            END"""
        )
    now = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"
    touch = f"UPDATE meeting SET changed_at = {now} WHERE id ="
    of_group = "(SELECT meeting_id FROM agenda_group WHERE id = {row}.group_id)"
    of_item = (
        "(SELECT agenda_group.meeting_id FROM agenda_item JOIN agenda_group "
        "ON agenda_group.id = agenda_item.group_id WHERE agenda_item.id = {row}.item_id)"
    )
    db.execute(
        f"""CREATE TRIGGER meeting_changed_insert AFTER INSERT ON meeting BEGIN
            {touch} NEW.id;
        END"""
    )
    db.execute(
        f"""CREATE TRIGGER meeting_changed_update AFTER UPDATE OF committee, date,
        start_time, end_time, place, mission, vision, state ON meeting BEGIN
            {touch} NEW.id;
        END"""
    )
    for table, where in (
        ("attendance", "{row}.meeting_id"),
        ("agenda_group", "{row}.meeting_id"),
        ("agenda_item", of_group),
        ("section", of_item),
    ):
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            db.execute(
                f"""CREATE TRIGGER {table}_changes_meeting_{event.lower()}
                AFTER {event} ON {table} BEGIN
                    {touch} {where.format(row=row)};
                END"""
            )


@MIGRATIONS(name="0007_item_record")
def item_record(db: Database) -> None:
    """Attendance over time and the record of each item (kkr_desk/store/item_record.py).

    A person's one arrival and one departure become their first events (with no item, as
    nothing said which); the two columns go. Deleting an item takes its record along and
    leaves an event that named it without an item; deleting a meeting takes its events.
    Like the rest of a meeting (0006_meeting_life), every change of these rows stamps the
    meeting's ``changed_at``; the copied times do not, as nothing was edited.
    """
    db["presence_event"].create(
        {"id": int, "meeting_id": int, "person_id": int, "position": int, "kind": str,
         "at": str, "item_id": int},
        pk="id",
        not_null={"meeting_id", "person_id", "position", "kind"},
        foreign_keys=[("meeting_id", "meeting", "id"), ("person_id", "person", "id"),
                      ("item_id", "agenda_item", "id")],
    )
    db["item_inhabil"].create(
        {"item_id": int, "person_id": int, "position": int},
        pk=("item_id", "person_id"),
        not_null={"position"},
        foreign_keys=[("item_id", "agenda_item", "id"), ("person_id", "person", "id")],
    )
    db["vote_line"].create(
        {"id": int, "item_id": int, "position": int, "choice": str, "party": str,
         "count": int, "person_id": int},
        pk="id",
        not_null={"item_id", "position", "choice", "party", "count"},
        foreign_keys=[("item_id", "agenda_item", "id"), ("person_id", "person", "id")],
    )
    db["protocol_remark"].create(
        {"id": int, "item_id": int, "position": int, "party": str, "person_id": int,
         "text": str},
        pk="id",
        not_null={"item_id", "position", "party", "text"},
        foreign_keys=[("item_id", "agenda_item", "id"), ("person_id", "person", "id")],
    )
    db["presence_event"].create_index(["meeting_id", "person_id"])
    for table in ("vote_line", "protocol_remark"):
        db[table].create_index(["item_id"])
    for statement in (
        """CREATE TRIGGER presence_event_follows_meeting BEFORE DELETE ON meeting BEGIN
            DELETE FROM presence_event WHERE meeting_id = OLD.id;
        END""",
        """CREATE TRIGGER item_record_follows_item BEFORE DELETE ON agenda_item BEGIN
            DELETE FROM item_inhabil WHERE item_id = OLD.id;
            DELETE FROM vote_line WHERE item_id = OLD.id;
            DELETE FROM protocol_remark WHERE item_id = OLD.id;
            UPDATE presence_event SET item_id = NULL WHERE item_id = OLD.id;
        END""",
        """INSERT INTO presence_event (meeting_id, person_id, position, kind, at)
        SELECT meeting_id, person_id, 0, 'ankom', arrived_at FROM attendance
        WHERE arrived_at IS NOT NULL""",
        """INSERT INTO presence_event (meeting_id, person_id, position, kind, at)
        SELECT meeting_id, person_id, 1, 'gik', left_at FROM attendance
        WHERE left_at IS NOT NULL""",
        "ALTER TABLE attendance DROP COLUMN arrived_at",
        "ALTER TABLE attendance DROP COLUMN left_at",
    ):
        db.execute(statement)
    touch = "UPDATE meeting SET changed_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"
    of_item = (
        touch + " WHERE id = (SELECT agenda_group.meeting_id FROM agenda_item JOIN agenda_group "
        "ON agenda_group.id = agenda_item.group_id WHERE agenda_item.id = {row}.item_id)"
    )
    for table, where in (
        ("presence_event", touch + " WHERE id = {row}.meeting_id"),
        ("item_inhabil", of_item),
        ("vote_line", of_item),
        ("protocol_remark", of_item),
    ):
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            db.execute(
                f"""CREATE TRIGGER {table}_changes_meeting_{event.lower()}
                AFTER {event} ON {table} BEGIN
                    {where.format(row=row)};
                END"""
            )


@MIGRATIONS(name="0008_attendance_details")
def attendance_details(db: Database) -> None:
    """Each attendance row keeps the party, municipality and title its person had at that
    meeting (kkr_desk/store/attendance.py), so a later change of the shared person row (an
    edit of the committee) leaves the referat of a held meeting as it was.

    Existing rows get what the person row holds now, the best there is. Copying is no edit:
    the meeting's ``changed_at`` (0006_meeting_life) is not stamped, so the trigger that
    stamps it is set aside for the copy and put back as it was.
    """
    for column in ("party", "municipality", "title"):
        db.execute(f"ALTER TABLE attendance ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    trigger = "attendance_changes_meeting_update"
    sql = [
        row["sql"]
        for row in db.query(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]
        )
    ]
    db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    db.execute(
        """UPDATE attendance SET
            party = (SELECT party FROM person WHERE person.id = attendance.person_id),
            municipality = (SELECT municipality FROM person WHERE person.id = attendance.person_id),
            title = (SELECT title FROM person WHERE person.id = attendance.person_id)
        WHERE person_id IN (SELECT id FROM person)"""
    )
    for statement in sql:
        db.execute(statement)


_REGISTERED = tuple(
    step.name for step in MIGRATIONS.pending(Database(memory=True, execute_plugins=False))
)
if _REGISTERED != SCHEMA_STEPS or MIGRATIONS.migrations_table != MIGRATIONS_TABLE:
    raise RuntimeError(
        f"store/schema_steps.py names {SCHEMA_STEPS}, but the registered steps are {_REGISTERED}"
    )

__all__ = ["KNOWN_MIGRATIONS", "MIGRATIONS", "SCHEMA_MIGRATION_SET"]

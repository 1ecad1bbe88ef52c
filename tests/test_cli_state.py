"""kkr-desk state, delete and export without --kind, as a user runs them."""

from __future__ import annotations

import docx

from tests.importer.documents import write_agenda_docx
from tests.test_cli import kkr_desk


def run_ok(*args: str) -> str:
    result = kkr_desk(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_export_without_kind_titles_a_held_imported_dagsorden_referat(tmp_path):
    db = str(tmp_path / "a.db")
    meeting_id = run_ok("import", str(write_agenda_docx(tmp_path / "d.docx")), "--db", db)
    meeting_id = meeting_id.splitlines()[-1]
    before = tmp_path / "before.docx"
    run_ok("export", meeting_id, "-o", str(before), "--db", db)
    assert docx.Document(str(before)).paragraphs[0].text.startswith("D A G S O R D E N")
    run_ok("state", meeting_id, "started", "--db", db)
    run_ok("state", meeting_id, "held", "--db", db)
    after = tmp_path / "after.docx"
    run_ok("export", meeting_id, "-o", str(after), "--db", db)
    assert docx.Document(str(after)).paragraphs[0].text.startswith("R E F E R A T")
    forced = tmp_path / "forced.docx"
    run_ok("export", meeting_id, "-o", str(forced), "--kind", "dagsorden", "--db", db)
    assert docx.Document(str(forced)).paragraphs[0].text.startswith("D A G S O R D E N")


def test_state_steps_print_the_state_and_the_history(tmp_path):
    db = str(tmp_path / "a.db")
    assert run_ok("state", "1", "--db", db).splitlines() == ["afholdt"]
    assert run_ok("state", "1", "sent", "--to", "Anders Kühnau", "--db", db) == (
        "sendt til godkendelse\n"
    )
    run_ok("state", "1", "approved", "--by", "formanden", "--db", db)
    lines = run_ok("state", "1", "--db", db).splitlines()
    assert lines[0] == "godkendt"
    assert lines[1].endswith("\tsendt til godkendelse\ttil Anders Kühnau")
    assert lines[2].endswith("\tgodkendt\taf formanden")
    assert "\tgodkendt\t" in run_ok("list", "--db", db)


def test_an_approved_meeting_refuses_in_the_cli_until_reopened(tmp_path):
    db = str(tmp_path / "a.db")
    run_ok("state", "1", "approved", "--by", "formanden", "--db", db)
    for args in (("delete", "1"), ("state", "1", "held"), ("state", "1", "reopen")):
        result = kkr_desk(*args, "--db", db)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1, result.stderr
        assert "godkendt" in result.stderr or "hvorfor" in result.stderr
    run_ok("state", "1", "reopen", "--reason", "forkert dato", "--db", db)
    assert "begrundelse: forkert dato" in run_ok("state", "1", "--db", db)
    assert "papirkurven" in run_ok("delete", "1", "--db", db)
    assert run_ok("list", "--db", db) == ""


def test_a_step_missing_what_it_needs_is_one_line(tmp_path):
    db = str(tmp_path / "a.db")
    result = kkr_desk("state", "1", "sent", "--db", db)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "sendes til godkendelse hos" in result.stderr
    unknown = kkr_desk("state", "99", "held", "--db", db)
    assert unknown.returncode == 2 and "99" in unknown.stderr


def test_a_meeting_deleted_in_the_cli_is_restored_with_its_history(tmp_path):
    db = str(tmp_path / "a.db")
    run_ok("state", "1", "sent", "--to", "Anders Kühnau", "--db", db)
    history = run_ok("state", "1", "--db", db).splitlines()
    said = run_ok("delete", "1", "--db", db)
    assert "kkr-desk trash --restore 1" in said
    [line] = run_ok("trash", "--db", db).splitlines()
    number, kind, _when, label = line.split("\t")
    assert (number, kind, label) == ("1", "møde", "KKR Midtjylland 05-09-2024")

    lines = run_ok("trash", "--restore", "1", "--db", db).splitlines()
    assert lines[0] == "mødet »KKR Midtjylland 05-09-2024« er gendannet"
    restored = lines[-1]
    assert run_ok("state", restored, "--db", db).splitlines() == history
    assert run_ok("trash", "--db", db) == ""
    again = kkr_desk("trash", "--restore", "1", "--db", db)
    assert again.returncode == 2 and "intet element 1" in again.stderr


def test_an_entry_from_an_older_version_is_restored_with_a_note_of_what_it_lacks(tmp_path):
    import json
    import sqlite3

    db = str(tmp_path / "a.db")
    run_ok("delete", "1", "--db", db)
    with sqlite3.connect(db) as conn:  # as a version before trash payloads had versions
        [payload] = conn.execute("SELECT payload FROM trash WHERE id = 1").fetchone()
        content = json.loads(payload)["content"]
        content["meeting"]["kind"] = "referat"
        conn.execute("UPDATE trash SET payload = ? WHERE id = 1", [json.dumps(content)])
    conn.close()

    lines = run_ok("trash", "--restore", "1", "--db", db).splitlines()
    assert lines[0] == "mødet »KKR Midtjylland 05-09-2024« er gendannet"
    assert lines[1].startswith("bemærk: mødet blev lagt i papirkurven af en ældre udgave")
    assert "som afholdt" in lines[1]
    assert run_ok("state", lines[-1], "--db", db).splitlines() == ["afholdt"]


def test_held_with_an_item_under_behandling_asks_for_open_items(tmp_path):
    import datetime as dt

    from kkr_desk.app import Desk
    from kkr_desk.domain import ItemStatus
    from kkr_desk.domain.meeting_life import StateStep
    from kkr_desk.store import open_store

    db = tmp_path / "a.db"
    with open_store(db) as store:
        desk = Desk(store)
        meeting_id = desk.create_empty_meeting("KKR Midtjylland", dt.date(2024, 11, 7))
        editor = desk.open_meeting(meeting_id)
        item = editor.add_item(editor.add_group("Sager"), "Lærepladser")
        editor.take_step(StateStep.START)
        editor.set_item_status(item, ItemStatus.IN_PROGRESS)
    result = kkr_desk("state", str(meeting_id), "held", "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Lærepladser er stadig under behandling" in result.stderr
    assert "--open-items" in result.stderr
    assert run_ok("state", str(meeting_id), "--db", str(db)).splitlines()[0] == "i gang"
    assert run_ok(
        "state", str(meeting_id), "held", "--open-items", "not-treated", "--db", str(db)
    ) == "afholdt\n"
    with open_store(db) as store:
        assert store.meetings.load(meeting_id).items[0].status is ItemStatus.NOT_STARTED

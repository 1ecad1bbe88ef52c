"""kkr-desk export --changes-since-sent: Word's tracked changes against the sent version."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from kkr_desk.app import Desk
from kkr_desk.domain.model import BESLUTNING
from kkr_desk.store import open_store

from .test_cli import kkr_desk

def test_the_document_author_is_the_name_set_in_the_window_or_author(tmp_path):
    """Word's File ▸ Info: author and last modified by, not the template's "KL"."""
    db = str(tmp_path / "a.db")
    out = tmp_path / "r.docx"
    assert kkr_desk("export", "1", "-o", str(out), "--db", db).returncode == 0
    core = docx.Document(str(out)).core_properties
    assert (core.author, core.last_modified_by) == ("KKR Desk", "KKR Desk")
    with open_store(tmp_path / "a.db") as store:
        Desk(store).set_change_author("Mette Holm")
    assert kkr_desk("export", "1", "-o", str(out), "--db", db).returncode == 0
    core = docx.Document(str(out)).core_properties
    assert (core.author, core.last_modified_by) == ("Mette Holm", "Mette Holm")
    result = kkr_desk("export", "1", "-o", str(out), "--author", "Lise", "--db", db)
    assert result.returncode == 0, result.stderr
    assert docx.Document(str(out)).core_properties.last_modified_by == "Lise"


def test_a_meeting_never_sent_has_nothing_to_compare_with(tmp_path):
    result = kkr_desk(
        "export", "1", "-o", str(tmp_path / "r.docx"), "--changes-since-sent",
        "--db", str(tmp_path / "a.db"),
    )
    assert result.returncode == 2
    assert "ikke sendt til godkendelse" in result.stderr and result.stderr.count("\n") == 1


def test_changes_after_sending_are_tracked_with_the_given_author(tmp_path):
    db = str(tmp_path / "a.db")
    for step in ("started", "held"):
        kkr_desk("state", "1", step, "--db", db)
    sent = kkr_desk("state", "1", "sent", "--to", "Formanden", "--db", db)
    assert sent.returncode == 0, sent.stderr
    with open_store(tmp_path / "a.db") as store:
        editor = Desk(store).open_meeting(1)
        decision = editor.meeting.items[1].section(BESLUTNING)
        editor.save_section(decision, decision.body.replace("tog orient", "godkendte orient"))
    out = tmp_path / "r.docx"
    result = kkr_desk(
        "export", "1", "-o", str(out), "--changes-since-sent", "--author", "Lise", "--db", db
    )
    assert result.returncode == 0, result.stderr
    body = docx.Document(str(out)).element.body
    inserted = {
        "".join(t.text for t in mark.iter(qn("w:t"))): mark.get(qn("w:author"))
        for mark in body.iter(qn("w:ins"))
    }
    deleted = [
        "".join(t.text for t in mark.iter(qn("w:delText"))) for mark in body.iter(qn("w:del"))
    ]
    assert inserted == {"godkendte": "Lise"} and deleted == ["tog"]


def test_without_author_the_name_set_in_the_window_is_used_and_author_overrides_it(tmp_path):
    db = str(tmp_path / "a.db")
    for step in ("started", "held"):
        kkr_desk("state", "1", step, "--db", db)
    assert kkr_desk("state", "1", "sent", "--to", "Formanden", "--db", db).returncode == 0
    with open_store(tmp_path / "a.db") as store:
        desk = Desk(store)
        desk.set_change_author("  Mette\tHolm  ")  # as Rediger ▸ Indstillinger saves it
        editor = desk.open_meeting(1)
        decision = editor.meeting.items[1].section(BESLUTNING)
        editor.save_section(decision, decision.body.replace("tog orient", "godkendte orient"))

    def authors(*extra):
        out = tmp_path / "r.docx"
        result = kkr_desk("export", "1", "-o", str(out), "--changes-since-sent", *extra, "--db", db)
        assert result.returncode == 0, result.stderr
        body = docx.Document(str(out)).element.body
        return {mark.get(qn("w:author")) for mark in body.iter(qn("w:ins"))}

    assert authors() == {"Mette Holm"}  # before: "KKR Desk"
    assert authors("--author", "Lise") == {"Lise"}

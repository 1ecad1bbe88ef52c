"""Filer ▸ Eksportér ▸ Referat med ændringer siden udsendelse: the formand's tracked changes
from the window, against the version kept when the referat was sent for approval."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from kkr_desk.domain import BESLUTNING
from kkr_desk.domain.meeting_life import StateStep


def test_before_sending_there_is_nothing_to_compare_with(qtbot, window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(window.export_flow, "ask_save_path", lambda *a: asked.append(a))
    assert window.export_flow.export("changes") is None
    assert not asked  # refused before the save dialog
    assert "ikke sendt til godkendelse" in window.statusBar().currentMessage()


def test_a_decision_changed_after_sending_is_a_tracked_change(
    qtbot, window, tmp_path, monkeypatch
):
    meeting_id = window.session.meeting.id
    window.desk.take_step(meeting_id, StateStep.SEND, to_whom="formanden")
    window.open_meeting(meeting_id)  # the window shows the state it is in now
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Enstemmigt vedtaget.")
    target = tmp_path / "referat.docx"
    suggested = []
    monkeypatch.setattr(
        window.export_flow,
        "ask_save_path",
        lambda caption, path, name_filter: suggested.append(path) or target,
    )
    window.actions_by_name["export_changes"].trigger()
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=60_000)

    assert "(ændringer)" in suggested[0].name
    body = docx.Document(target).element.body
    inserted = "".join(t.text for ins in body.iter(qn("w:ins")) for t in ins.iter(qn("w:t")))
    assert "Enstemmigt" in inserted and "vedtaget." in inserted
    authors = {ins.get(qn("w:author")) for ins in body.iter(qn("w:ins"))}
    assert authors == {"KKR Desk"}
    first = window.desk.load_meeting(meeting_id).items[0]
    assert next(s for s in first.sections if s.heading == BESLUTNING).body.endswith("vedtaget.")

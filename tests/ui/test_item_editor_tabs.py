"""Item switch reuses the section tabs' editors and gives each its text when it is shown."""

from __future__ import annotations


from kkr_desk.domain.model import SAGSFREMSTILLING


def select(window, item):
    window.agenda.select(window.agenda_model.index_of_item(item))
    assert window.editor.item is item


def tab_of(editor, heading):
    tabs = editor.tabs
    return next(i for i in range(tabs.count()) if tabs.tabText(i) == heading)


def test_switching_items_builds_no_editors_and_loads_a_tab_when_shown(qtbot, window, sample_store):
    first, second = window.session.meeting.items[2], window.session.meeting.items[3]
    select(window, first)
    editors = [window.editor.tabs.widget(i) for i in range(window.editor.tabs.count())]
    select(window, second)
    assert [window.editor.tabs.widget(i) for i in range(window.editor.tabs.count())] == editors

    position = tab_of(window.editor, SAGSFREMSTILLING)
    body = second.section(SAGSFREMSTILLING).body
    window.editor.tabs.setCurrentIndex(position)
    shown = window.editor.tabs.widget(position)
    assert shown.markdown().split()[:5] == body.split()[:5]

    # Typing there saves into the second item's section, not the first's.
    shown.setFocus()
    shown.moveCursor(shown.textCursor().MoveOperation.End)
    qtbot.keyClicks(shown, " Tilføjet.")
    window.autosaver.flush()
    stored = {s.id: s.body for s in sample_store.meetings.load(window.session.meeting.id).items[3].sections}
    assert stored[second.section(SAGSFREMSTILLING).id].endswith("Tilføjet.")
    before = {s.id: s.body for s in first.sections}
    after = {s.id: s.body for s in sample_store.meetings.load(window.session.meeting.id).items[2].sections}
    assert after == before


def test_an_item_with_fewer_sections_drops_the_extra_tabs(qtbot, window):
    items = window.session.meeting.items
    select(window, items[2])
    assert window.editor.tabs.count() == 3  # Baggrund, Indstilling, Sagsfremstilling
    select(window, items[0])  # Baggrund and Indstilling only
    assert [window.editor.tabs.tabText(i) for i in range(window.editor.tabs.count())] == [
        s.heading for s in items[0].sections if s.heading != "Beslutning"
    ]
    assert window.editor.tabs.currentWidget().accessibleName() == "Indstilling"

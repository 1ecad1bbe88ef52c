"""The one ordering rule for agenda rows, used by the store and the app layer alike."""

import datetime as dt

from kkr_desk.domain import AgendaGroup, AgendaItem, Meeting, agenda_order


def meeting() -> Meeting:
    return Meeting(
        committee="KKR",
        date=dt.date(2024, 9, 5),
        groups=[
            AgendaGroup("A", [AgendaItem("a1"), AgendaItem("a2"), AgendaItem("a3")]),
            AgendaGroup("B", [AgendaItem("b1")]),
        ],
    )


def test_positions_are_clamped_and_none_is_the_end():
    assert agenda_order.clamp_position(None, 3) == 3
    assert agenda_order.clamp_position(-4, 3) == 0
    assert agenda_order.clamp_position(9, 3) == 3
    assert agenda_order.placed([1, 2, 3], 1, 5) == [2, 3, 1]
    assert agenda_order.placed([1, 2, 3], 3, 0) == [3, 1, 2]


def test_a_move_is_counted_without_the_item_and_a_non_move_is_none():
    m = meeting()
    a, b = m.groups
    first = a.items[0]
    assert agenda_order.item_move_position(m, first, a, 0) is None
    assert agenda_order.item_move_position(m, first, a, 99) == 2
    assert agenda_order.item_move_position(m, first, b, 99) == 1
    agenda_order.move_item(m, first, b, 0)
    assert [i.title for i in b.items] == ["a1", "b1"]
    assert [i.title for i in a.items] == ["a2", "a3"]
    assert agenda_order.group_move_position(m, b, -3) == 0
    agenda_order.move_group(m, b, 0)
    assert [g.title for g in m.groups] == ["B", "A"]

import pytest

from kkr_desk.domain import MeetingKind, Section
from kkr_desk.domain.meeting_life import (
    MeetingState,
    StateRuleError,
    StateStep,
    check_step,
    default_kind,
    is_frozen,
)

S = MeetingState


@pytest.mark.parametrize(
    "current, step",
    [
        (S.PLANNED, StateStep.START),
        (S.STARTED, StateStep.HOLD),
        (S.PLANNED, StateStep.HOLD),
        (S.HELD, StateStep.SEND),
        (S.SENT, StateStep.SEND),
        (S.SENT, StateStep.APPROVE),
        (S.HELD, StateStep.APPROVE),
        (S.APPROVED, StateStep.REOPEN),
    ],
)
def test_the_steps_of_a_meetings_life(current, step):
    check_step(current, step, by_whom="formanden", to_whom="Anders Kühnau", reason="stavefejl")


@pytest.mark.parametrize(
    "current, step, words",
    [
        (S.HELD, StateStep.START, "kan ikke gå tilbage"),
        (S.PLANNED, StateStep.SEND, "afholdt først"),
        (S.STARTED, StateStep.APPROVE, "afholdt først"),
        (S.HELD, StateStep.REOPEN, "kun et godkendt møde"),
        (S.APPROVED, StateStep.HOLD, "genåbn det først"),
        (S.APPROVED, StateStep.SEND, "genåbn det først"),
    ],
)
def test_steps_out_of_order_are_refused_in_danish(current, step, words):
    with pytest.raises(StateRuleError, match=words):
        check_step(current, step, by_whom="x", to_whom="x", reason="x")


@pytest.mark.parametrize(
    "step, words",
    [
        (StateStep.SEND, "sendes til godkendelse hos"),
        (StateStep.APPROVE, "hvem der har godkendt"),
    ],
)
def test_sending_and_approving_must_say_to_and_by_whom(step, words):
    with pytest.raises(StateRuleError, match=words):
        check_step(S.HELD, step, by_whom="  ", to_whom="")


def test_reopening_needs_a_reason():
    with pytest.raises(StateRuleError, match="hvorfor"):
        check_step(S.APPROVED, StateStep.REOPEN, reason=" ")


def test_only_an_approved_meeting_is_frozen():
    assert [state for state in MeetingState if is_frozen(state)] == [S.APPROVED]


def test_the_default_kind_follows_the_state_and_the_decisions(meeting):
    for item in meeting.items:
        item.sections = [s for s in item.sections if s.heading != "Beslutning"]
    assert default_kind(meeting, S.PLANNED) is MeetingKind.DAGSORDEN
    assert default_kind(meeting, S.STARTED) is MeetingKind.REFERAT
    assert default_kind(meeting, S.APPROVED) is MeetingKind.REFERAT
    meeting.items[0].sections.append(Section("Beslutning", "  "))
    assert default_kind(meeting, S.PLANNED) is MeetingKind.DAGSORDEN
    meeting.items[0].sections[-1].body = "Godkendt."
    assert default_kind(meeting, S.PLANNED) is MeetingKind.REFERAT


def _meeting_with_items_under_way():
    from kkr_desk.domain import BESLUTNING, AgendaGroup, AgendaItem, ItemStatus, Meeting
    import datetime as dt

    decided = AgendaItem("Godkendelse", status=ItemStatus.DECIDED)
    drafted = AgendaItem("Lærepladser", sections=[Section(BESLUTNING, "Godkendt.")],
                         status=ItemStatus.IN_PROGRESS)
    empty = AgendaItem("Eventuelt", sections=[Section(BESLUTNING, "  ")],
                       status=ItemStatus.IN_PROGRESS)
    meeting = Meeting("KKR", dt.date(2024, 9, 5),
                      groups=[AgendaGroup("1", [decided]), AgendaGroup("2", [drafted, empty])])
    return meeting, drafted, empty


def test_ending_with_items_under_behandling_asks_and_names_them():
    from kkr_desk.domain import ItemStatus
    from kkr_desk.domain.meeting_life import OpenItems, items_closed_on_hold

    meeting, drafted, empty = _meeting_with_items_under_way()
    with pytest.raises(StateRuleError) as refused:
        items_closed_on_hold(meeting, None)
    assert str(refused.value).startswith(
        "punkterne 2.1 Lærepladser og 2.2 Eventuelt er stadig under behandling"
    )
    assert items_closed_on_hold(meeting, OpenItems.DECIDE) == [
        (drafted, ItemStatus.DECIDED), (empty, ItemStatus.NOT_STARTED)
    ]
    assert items_closed_on_hold(meeting, OpenItems.NOT_TREATED) == [
        (drafted, ItemStatus.NOT_STARTED), (empty, ItemStatus.NOT_STARTED)
    ]
    drafted.status = empty.status = ItemStatus.DECIDED
    assert items_closed_on_hold(meeting, None) == []

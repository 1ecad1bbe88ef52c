"""The meeting's life: planlagt → i gang → afholdt → sendt til godkendelse → godkendt.

Pure rules, kept once: which step may follow which, what each step must be told (to whom
it was sent, who approved it, why it is reopened), whether the meeting is frozen, and which
document an export writes when the secretary does not say. The store keeps the state and
its history; the app layer asks these rules before it writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .agenda import numbered_items
from .model import BESLUTNING, AgendaItem, ItemStatus, Meeting, MeetingKind


class MeetingState(str, Enum):
    """Where the meeting is in its life; the value is the Danish word the window shows."""

    PLANNED = "planlagt"
    STARTED = "i gang"
    HELD = "afholdt"
    SENT = "sendt til godkendelse"
    APPROVED = "godkendt"


class StateStep(str, Enum):
    """What the secretary does to move the meeting on; the value is the CLI's word."""

    START = "started"
    HOLD = "held"
    SEND = "sent"
    APPROVE = "approved"
    REOPEN = "reopen"


STEP_TARGET = {
    StateStep.START: MeetingState.STARTED,
    StateStep.HOLD: MeetingState.HELD,
    StateStep.SEND: MeetingState.SENT,
    StateStep.APPROVE: MeetingState.APPROVED,
    StateStep.REOPEN: MeetingState.HELD,
}
"""The state each step leads to; a reopened meeting is held again, open for edits."""

ALLOWED_FROM = {
    StateStep.START: {MeetingState.PLANNED, MeetingState.STARTED},
    StateStep.HOLD: {MeetingState.PLANNED, MeetingState.STARTED, MeetingState.HELD},
    StateStep.SEND: {MeetingState.HELD, MeetingState.SENT},
    StateStep.APPROVE: {MeetingState.HELD, MeetingState.SENT},
    StateStep.REOPEN: {MeetingState.APPROVED},
}
"""From where each step may be taken. Starting or ending again re-stamps the time; a
sent referat may be sent again (a new draft); only an approved meeting is reopened."""

APPROVED_BY_FORMAND = "formanden"
APPROVED_BY_NEXT_MEETING = "næste mødes punkt 1.1"
"""The two ways a referat is approved (the by-whom of an approval)."""


class StateRuleError(ValueError):
    """A step the meeting's life does not allow; ``str()`` is a Danish sentence."""


@dataclass(frozen=True)
class StateChange:
    """One step in a meeting's history, as the store keeps it."""

    step: StateStep
    at: dt.datetime
    by_whom: str = ""
    to_whom: str = ""
    reason: str = ""

    @property
    def state(self) -> MeetingState:
        return STEP_TARGET[self.step]


def check_step(
    current: MeetingState,
    step: StateStep,
    *,
    by_whom: str = "",
    to_whom: str = "",
    reason: str = "",
) -> None:
    """Raise StateRuleError when ``step`` may not be taken now, or lacks what it needs."""
    if current not in ALLOWED_FROM[step]:
        raise StateRuleError(_refusal(current, step))
    if step is StateStep.SEND and not to_whom.strip():
        raise StateRuleError("angiv hvem referatet sendes til godkendelse hos")
    if step is StateStep.APPROVE and not by_whom.strip():
        raise StateRuleError(
            f"angiv hvem der har godkendt referatet ({APPROVED_BY_FORMAND} eller "
            f"{APPROVED_BY_NEXT_MEETING})"
        )
    if step is StateStep.REOPEN and not reason.strip():
        raise StateRuleError("angiv hvorfor det godkendte møde genåbnes")


def may_take(current: MeetingState, step: StateStep) -> bool:
    """Whether ``step`` may follow ``current`` (what it must be told aside)."""
    return current in ALLOWED_FROM[step]


def _refusal(current: MeetingState, step: StateStep) -> str:
    if current is MeetingState.APPROVED:
        return "mødet er godkendt; genåbn det først (med en begrundelse)"
    if step is StateStep.REOPEN:
        return f"kun et godkendt møde kan genåbnes; mødet er {current.value}"
    if step in (StateStep.SEND, StateStep.APPROVE):
        return f"mødet skal være afholdt først; det er {current.value}"
    return f"mødet er {current.value} og kan ikke gå tilbage til {STEP_TARGET[step].value}"


def is_frozen(state: MeetingState) -> bool:
    """An approved meeting takes no edits until it is reopened."""
    return state is MeetingState.APPROVED


FROZEN_MESSAGE = (
    "mødet er godkendt og kan ikke ændres; genåbn det først (Møde ▸ Genåbn … med en begrundelse)"
)


class OpenItems(str, Enum):
    """What ending the meeting does with items still under behandling (a held meeting has
    none left); the value is the CLI's word."""

    DECIDE = "decided"
    """Afgjort when its Beslutning holds text; one without a decision is ikke behandlet."""
    NOT_TREATED = "not-treated"
    """Ikke behandlet (not reached, or put off to a later meeting)."""


def has_decision(item: AgendaItem) -> bool:
    decision = item.section(BESLUTNING)
    return decision is not None and bool(decision.body.strip())


def items_under_way(meeting: Meeting) -> list[tuple[str, AgendaItem]]:
    """The items still under behandling, with their numbers ("3.2."), in agenda order."""
    return [
        (number, item)
        for number, item in numbered_items(meeting)
        if item.status is ItemStatus.IN_PROGRESS
    ]


def open_items_text(open_items: list[tuple[str, AgendaItem]]) -> str:
    """"punkt 3.2 Titel er" / "punkterne 3.2 Titel og 4.1 Titel er": the items named."""
    names = [f"{number.rstrip('.')} {item.title}" for number, item in open_items]
    if len(names) == 1:
        return f"punkt {names[0]} er"
    return f"punkterne {', '.join(names[:-1])} og {names[-1]} er"


def items_closed_on_hold(
    meeting: Meeting, choice: OpenItems | None
) -> list[tuple[AgendaItem, ItemStatus]]:
    """The status each item under behandling gets when the meeting is ended, so a held
    meeting never keeps one under behandling. Without a choice while there are such items
    the ending is refused (StateRuleError naming them): it is never done silently."""
    open_items = items_under_way(meeting)
    if open_items and choice is None:
        raise StateRuleError(
            f"{open_items_text(open_items)} stadig under behandling; vælg om det er "
            "afgjort eller ikke behandlet"
        )
    return [
        (
            item,
            ItemStatus.DECIDED
            if choice is OpenItems.DECIDE and has_decision(item)
            else ItemStatus.NOT_STARTED,
        )
        for _, item in open_items
    ]


def has_decisions(meeting: Meeting) -> bool:
    """True when any item's Beslutning holds text."""
    for item in meeting.items:
        decision = item.section(BESLUTNING)
        if decision is not None and decision.body.strip():
            return True
    return False


def default_kind(meeting: Meeting, state: MeetingState = MeetingState.PLANNED) -> MeetingKind:
    """The document an export writes unless told: the referat once the meeting has begun
    or a decision is written, before that the dagsorden."""
    if state is not MeetingState.PLANNED or has_decisions(meeting):
        return MeetingKind.REFERAT
    return MeetingKind.DAGSORDEN

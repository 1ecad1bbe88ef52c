"""Møde → Send til godkendelse / Godkend / Genåbn: the steps' dialogs, and what the window
does with the state: the actions that fit it, and read-only panes while it is approved.

The rules are the domain's and the writes the app layer's (through the session); this
part asks the questions and shows the outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from ..domain.meeting_life import (
    APPROVED_BY_FORMAND,
    APPROVED_BY_NEXT_MEETING,
    StateStep,
    may_take,
)
from .autosave import Autosaver
from .freeze import set_frozen
from .session import MeetingSession

if TYPE_CHECKING:
    from .state_dialogs import StepDialog

EDIT_ACTIONS = (
    "start_meeting", "end_meeting", "all_present", "add_person", "arrived_now", "left_now",
    "decide", "in_progress", "new_item", "new_group", "move_up", "move_down", "delete",
)
"""Actions that change the meeting: off while it is approved."""

STEP_ACTIONS = {
    "start_meeting": StateStep.START,
    "end_meeting": StateStep.HOLD,
    "send_for_approval": StateStep.SEND,
    "approve": StateStep.APPROVE,
    "reopen": StateStep.REOPEN,
}
"""Each step's action, on only where the domain allows the step."""


class MeetingLifeFlow:
    def __init__(
        self,
        window: QMainWindow,
        autosaver: Autosaver,
        actions: dict[str, QAction],
        session: Callable[[], MeetingSession],
        panes: Callable[[], list[QWidget]],
        open_dialog: Callable[[object], None],
        show_status: Callable[[], None] = lambda: None,
    ):
        """``panes()`` are the open meeting's widgets that freeze while it is approved;
        ``show_status()`` shows the open item's status again (ending the meeting may
        have closed it)."""
        self.show_status = show_status
        self.window = window
        self.autosaver = autosaver
        self.actions = actions
        self.session = session
        self.panes = panes
        self.open_dialog = open_dialog

    def meeting_opened(self) -> None:
        self.session().stateChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Actions, panes and the meeting bar as the state asks."""
        session = self.session()
        state, frozen = session.state, session.frozen
        for name in EDIT_ACTIONS:
            self.actions[name].setEnabled(not frozen)
        for name, step in STEP_ACTIONS.items():
            self.actions[name].setEnabled(may_take(state, step))
        set_frozen(self.panes(), frozen)
        self.window.meeting_bar.show_state()
        self.show_status()

    def item_shown(self) -> None:
        """The item editor rebuilds its fields for each item: freeze the new ones too."""
        if self.session().frozen:
            set_frozen(self.panes(), True)

    # The steps' questions ----------------------------------------------------------------

    def ask_send(self) -> None:
        self._ask(
            StateStep.SEND,
            "to_whom",
            self.window.tr("Send til godkendelse"),
            self.window.tr(
                "Referatet, som det er nu, gemmes som den udsendte udgave. Senere rettelser "
                "kan vises som ændringer i forhold til den."
            ),
            self.window.tr("Sendt til"),
            self.window.tr("Send"),
            [self.window.tr("formanden")],
        )

    def ask_approve(self) -> None:
        self._ask(
            StateStep.APPROVE,
            "by_whom",
            self.window.tr("Godkend referatet"),
            self.window.tr(
                "Det godkendte referat gemmes, så det altid kan eksporteres præcis som "
                "godkendt. Mødet bliver skrivebeskyttet, indtil det genåbnes."
            ),
            self.window.tr("Godkendt af"),
            self.window.tr("Godkend"),
            [APPROVED_BY_FORMAND, APPROVED_BY_NEXT_MEETING],
        )

    def ask_reopen(self) -> None:
        self._ask(
            StateStep.REOPEN,
            "reason",
            self.window.tr("Genåbn mødet"),
            self.window.tr(
                "Mødet er godkendt. Skriv hvorfor det genåbnes; begrundelsen gemmes med "
                "datoen. Det godkendte referat bevares."
            ),
            self.window.tr("Begrundelse"),
            self.window.tr("Genåbn"),
        )

    def _ask(self, step, field, title, explanation, label, confirm, suggestions=()) -> StepDialog:
        self.autosaver.flush()  # a kept version holds what is typed
        from .state_dialogs import StepDialog  # dialogs load on first use

        dialog = StepDialog(title, explanation, label, confirm, list(suggestions), self.window)
        dialog.chosen.connect(lambda text: self.session().take_step(step, **{field: text}))
        self.open_dialog(dialog)
        return dialog

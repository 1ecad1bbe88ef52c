"""The meeting's life in the database: its state, the history of steps, the kept versions.

The state lives on the meeting row (``meeting.state``), each step in
``meeting_state_change`` and, when a referat is sent or approved, the meeting as it was
then in ``meeting_version`` (meeting-file JSON), so an approved referat exports the same
years later whatever changed in the roster or the agenda afterwards. The rules of which step
may follow which are the domain's (``domain/meeting_life.py``); this only keeps them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..domain import ItemStatus, Meeting
from ..domain.clock import datetime_text, parse_datetime
from ..domain.meeting_life import (
    MeetingState,
    StateChange,
    StateRuleError,
    StateStep,
    check_step,
)
from ..meeting_file import meeting_from_dict, meeting_to_dict
from .database import StoreError, write_transaction

if TYPE_CHECKING:
    from .connection import StoreDatabase

SENT = "sent"
APPROVED = "approved"
VERSION_PURPOSES = (SENT, APPROVED)
_PURPOSE_OF_STEP = {StateStep.SEND: SENT, StateStep.APPROVE: APPROVED}


class MeetingLife:
    """State, history and kept versions of meetings, over one database."""

    def __init__(
        self,
        db: StoreDatabase,
        load_meeting: Callable[[int], Meeting],
        set_item_status: Callable[..., None],
    ):
        """``load_meeting`` is the Store's: a kept version is read from the rows themselves;
        ``set_item_status`` the agenda's, for the items a step closes."""
        self.db = db
        self._load_meeting = load_meeting
        self._set_item_status = set_item_status

    def state(self, meeting_id: int) -> MeetingState:
        rows = list(self.db.query("SELECT state FROM meeting WHERE id = ?", [meeting_id]))
        if not rows:
            raise StoreError(f"der findes intet møde med id {meeting_id}")
        return MeetingState(rows[0]["state"])

    def history(self, meeting_id: int) -> list[StateChange]:
        """Every step taken, oldest first."""
        return [
            StateChange(
                step=StateStep(row["step"]),
                at=parse_datetime(row["at"]),
                by_whom=row["by_whom"],
                to_whom=row["to_whom"],
                reason=row["reason"],
            )
            for row in self.db.query(
                "SELECT * FROM meeting_state_change WHERE meeting_id = ? ORDER BY id",
                [meeting_id],
            )
        ]

    def take_step(
        self,
        meeting_id: int,
        step: StateStep,
        *,
        by_whom: str = "",
        to_whom: str = "",
        reason: str = "",
        at: dt.datetime | None = None,
        item_statuses: Sequence[tuple[int, ItemStatus]] = (),
    ) -> StateChange:
        """Move the meeting on, in one transaction with its history row, the items it
        closes (``item_statuses``: item id, status) and, when sent or approved, the
        version kept of it. Refused steps raise StoreError (Danish)."""
        change = StateChange(
            step=step,
            at=at or dt.datetime.now().replace(microsecond=0),
            by_whom=by_whom.strip(),
            to_whom=to_whom.strip(),
            reason=reason.strip(),
        )
        with write_transaction(self.db):
            try:
                check_step(
                    self.state(meeting_id),
                    step,
                    by_whom=change.by_whom,
                    to_whom=change.to_whom,
                    reason=change.reason,
                )
            except StateRuleError as error:
                raise StoreError(str(error)) from None
            for item_id, status in item_statuses:
                self._set_item_status(item_id, status, at=change.at)
            self.db["meeting_state_change"].insert(
                {
                    "meeting_id": meeting_id,
                    "step": step.value,
                    "at": datetime_text(change.at),
                    "by_whom": change.by_whom,
                    "to_whom": change.to_whom,
                    "reason": change.reason,
                }
            )
            self.db.execute(
                "UPDATE meeting SET state = ? WHERE id = ?", [change.state.value, meeting_id]
            )
            purpose = _PURPOSE_OF_STEP.get(step)
            if purpose is not None:
                self._keep_version(meeting_id, purpose, change)
        return change

    def version(self, meeting_id: int, purpose: str) -> Meeting | None:
        """The latest version kept when the meeting was sent ('sent') or approved
        ('approved'), or None when it never was."""
        if purpose not in VERSION_PURPOSES:
            raise ValueError(f"unknown version purpose {purpose!r}")
        rows = list(
            self.db.query(
                "SELECT content FROM meeting_version WHERE meeting_id = ? AND purpose = ? "
                "ORDER BY id DESC LIMIT 1",
                [meeting_id, purpose],
            )
        )
        if not rows:
            return None
        meeting = meeting_from_dict(json.loads(rows[0]["content"]))
        meeting.id = meeting_id
        return meeting

    def _keep_version(self, meeting_id: int, purpose: str, change: StateChange) -> None:
        meeting = self._load_meeting(meeting_id)
        self.db["meeting_version"].insert(
            {
                "meeting_id": meeting_id,
                "purpose": purpose,
                "created_at": datetime_text(change.at),
                "by_whom": change.by_whom or change.to_whom,
                "content": json.dumps(meeting_to_dict(meeting), ensure_ascii=False),
            }
        )

    # The trash ---------------------------------------------------------------------------

    def kept(self, meeting_id: int) -> dict[str, list[dict]]:
        """The meeting's history and kept versions as plain data, oldest first: what its
        trash entry keeps so that a restore brings them back (store/trash.py)."""
        history = [
            {column: row[column] for column in ("step", "at", "by_whom", "to_whom", "reason")}
            for row in self.db.query(
                "SELECT * FROM meeting_state_change WHERE meeting_id = ? ORDER BY id",
                [meeting_id],
            )
        ]
        versions = [
            {
                "purpose": row["purpose"],
                "created_at": row["created_at"],
                "by_whom": row["by_whom"],
                "content": json.loads(row["content"]),
            }
            for row in self.db.query(
                "SELECT * FROM meeting_version WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]
        return {"history": history, "versions": versions}

    def put_back(self, meeting_id: int, history: list[dict], versions: list[dict]) -> None:
        """Write what ``kept`` gave under a restored meeting's new id, in the old order
        (inside the caller's transaction). The steps are not checked again: they were taken."""
        steps = {step.value for step in StateStep}
        try:
            rows = [
                {
                    "meeting_id": meeting_id,
                    "step": _known(change["step"], steps),
                    "at": _moment(change["at"]),
                    "by_whom": str(change.get("by_whom", "")),
                    "to_whom": str(change.get("to_whom", "")),
                    "reason": str(change.get("reason", "")),
                }
                for change in history
            ]
            kept = [
                {
                    "meeting_id": meeting_id,
                    "purpose": _known(version["purpose"], set(VERSION_PURPOSES)),
                    "created_at": _moment(version["created_at"]),
                    "by_whom": str(version.get("by_whom", "")),
                    "content": _version_text(version["content"]),
                }
                for version in versions
            ]
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise StoreError(
                f"mødets historik i papirkurven er beskadiget ({error}); intet er gendannet"
            ) from error
        self.db["meeting_state_change"].insert_all(rows)
        self.db["meeting_version"].insert_all(kept)


def _moment(text: object) -> str:
    if not isinstance(text, str):
        raise ValueError(f"intet tidspunkt: {text!r}")
    return datetime_text(dt.datetime.fromisoformat(text))


def _version_text(content: object) -> str:
    """A kept version's meeting-file JSON as stored, once it is known to read as a meeting."""
    meeting_from_dict(content)  # MeetingFileError (a ValueError) for a damaged one
    return json.dumps(content, ensure_ascii=False)


def _known(value: object, known: set[str]) -> str:
    if value not in known:
        raise ValueError(f"ukendt værdi {value!r}")
    return value  # type: ignore[return-value]

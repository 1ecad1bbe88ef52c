"""Shared fixtures: a small meeting built in code, and fresh database files."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from pathlib import Path

import pytest

from kkr_desk.domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    Person,
    PresenceEvent,
    PresenceKind,
    Section,
)
from kkr_desk.logs import LOG_DIR_VARIABLE
from kkr_desk.store import Store


@pytest.fixture(autouse=True, scope="session")
def log_folder(tmp_path_factory) -> Path:
    """Every test, and every program a test starts, logs here, never in the user's folder."""
    folder = tmp_path_factory.mktemp("logs")
    os.environ[LOG_DIR_VARIABLE] = str(folder)
    return folder


@pytest.fixture(autouse=True)
def restored_excepthooks():
    """main() installs the program's exception hooks; each test gets the old ones back."""
    hooks = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = hooks


def make_meeting() -> Meeting:
    """A meeting with every kind of part: politicians, staff, a substitute, an empty group."""
    torben = Person("Torben Hansen", party="A", municipality="Randers")
    lone = Person("Lone Jakobi", party="A", municipality="Odder")
    jacob = Person("Jacob Bundsgaard", party="A", municipality="Aarhus")
    christian = Person("Christian Brincker Nordbek", title="chefkonsulent", organisation="KL")
    jesper = Person(
        "Jesper Kaas Schmidt",
        title="kommunaldirektør",
        municipality="Randers",
        organisation="KD-Net",
    )
    return Meeting(
        committee="KKR Midtjylland",
        date=dt.date(2024, 9, 5),
        start_time=dt.time(10, 0),
        end_time=dt.time(12, 25),
        place="Regionshuset Viborg",
        mission="KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati.",
        vision="KL opnår indflydelse og resultater på kommunernes vegne.",
        attendance=[
            Attendance(
                torben,
                AttendanceStatus.PRESENT,
                events=[PresenceEvent(PresenceKind.ARRIVED, dt.time(10, 25))],
            ),
            Attendance(lone, AttendanceStatus.PRESENT, note="deltog i stedet", substitute_for=jacob),
            Attendance(jacob, AttendanceStatus.APOLOGY),
            Attendance(christian, AttendanceStatus.PRESENT),
            Attendance(
                jesper,
                AttendanceStatus.UNREGISTERED,
                events=[PresenceEvent(PresenceKind.LEFT, dt.time(11, 40))],
            ),
        ],
        groups=[
            AgendaGroup(
                "Godkendelse af referat",
                [
                    AgendaItem(
                        "Godkendelse af referat fra mødet den 18. juni 2024",
                        case_number="SAG-2024-02547",
                        case_officers="chbn",
                        status=ItemStatus.DECIDED,
                        decided_at=dt.datetime(2024, 9, 5, 10, 5, 12),
                        sections=[
                            Section(
                                "Baggrund",
                                "Referatet kan ses via [dette link](https://www.kl.dk/x).",
                            ),
                            Section("Indstilling", "Det indstilles, at KKR godkender referatet."),
                            Section("Beslutning", "Godkendt."),
                        ],
                    )
                ],
            ),
            AgendaGroup("KKR"),
            AgendaGroup(
                "Regionalpolitiske sager",
                [
                    AgendaItem("Behovsanalyser", "SAG-2024-02547", "jhp"),
                    AgendaItem(
                        "Lærepladser",
                        "SAG-2024-02547",
                        "chbn/jhp",
                        sections=[
                            Section("Sagsfremstilling", "| KKR | 2025 |\n|---|---|\n| Midt | 668 |"),
                            Section("Beslutning", ""),
                        ],
                    ),
                ],
            ),
        ],
    )


@pytest.fixture
def meeting() -> Meeting:
    return make_meeting()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kkr.db"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened

"""The one reader and writer of clock times (domain/clock.py): what people type and print."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkr_desk.domain.clock import clock, parse_time, read_clock, time_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10.25", dt.time(10, 25)), ("10:25", dt.time(10, 25)), (" 9 ", dt.time(9, 0)), ("07.05", dt.time(7, 5))],
)
def test_clock_forms_people_type_and_documents_print(text, expected):
    assert read_clock(text) == expected


@pytest.mark.parametrize("text", ["", None, "25.00", "10.70", "10.5", "kl. 10", "10.25.30", "ti"])
def test_what_is_not_a_time_reads_as_none(text):
    assert read_clock(text) is None


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_printed_and_stored_forms_read_back(value):
    assert read_clock(clock(value)) == value
    assert parse_time(time_text(value)) == value

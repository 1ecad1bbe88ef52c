"""Search over ten years of five KKR (250 meetings of 12 items) and its cost to an edit.

Runs in this process on a generated database: the search is SQL only, no window.
"""

from __future__ import annotations

import datetime as dt
import time

from .generate import big_meeting
from .report import Row, failed, millis, verdict
from .stats import percentile
from .workspace import Workspace

COMMITTEES = ("KKR Hovedstaden", "KKR Sjælland", "KKR Syddanmark", "KKR Midtjylland", "KKR Nordjylland")
QUERIES = ("lærepladser", "kommunerne", "lærep*", '"kollektiv trafik"', "SAG-2031-00007",
           "vandopland OR letbane", "Jensen", "psykiatri sygehus")
SEARCH_TARGET = 0.050
EDIT_TARGET = 0.002


def measure(workspace: Workspace, runs: int) -> list[Row]:
    figure, edit_figure = "Search, 250 meetings p99", "Index update per edit (p50)"
    try:
        return _measure(workspace, runs)
    except Exception as error:  # a broken measurement is a row, not the end of the run
        return [failed(figure, "≤ 50 ms", error), failed(edit_figure, "≤ 2 ms", error)]


def _measure(workspace: Workspace, runs: int) -> list[Row]:
    from kkr_desk.store import Store

    store = Store(workspace.path("search.db"))
    try:
        for index in range(250):  # ten years, five KKR, five meetings a year each
            meeting = big_meeting(12, seed=index)
            meeting.committee = COMMITTEES[index % 5]
            meeting.date = dt.date(2021 + index // 25, 1 + (index // 5) % 5 * 2, 10)
            store.meetings.add(meeting)
        times = []
        for _ in range(runs * 4):
            for query in QUERIES:
                started = time.perf_counter()
                store.search.find(query)
                times.append(time.perf_counter() - started)
        section_id = store.meetings.load(1).groups[0].items[0].sections[3].id
        body = "Beslutning: " + "kommunerne tiltræder indstillingen. " * 40
        with_index = _edit_times(store, section_id, body, runs * 10)
        store.db.execute("DROP TRIGGER section_search_update")
        store.db.conn.commit()
        without_index = _edit_times(store, section_id, body, runs * 10)
    finally:
        store.close()
    p99 = percentile(times, 99)
    extra = percentile(with_index, 50) - percentile(without_index, 50)
    return [
        Row(f"Search, 250 meetings p99 ({len(times)} searches)", millis(p99),
            f"p50 {millis(percentile(times, 50))}", "", "≤ 50 ms", verdict(p99 <= SEARCH_TARGET)),
        Row("Index update per edit (p50)", f"{extra * 1000:+.2f} ms",
            f"edit without it {millis(percentile(without_index, 50))}", "", "≤ 2 ms",
            verdict(extra <= EDIT_TARGET),
            f"set_section_body of a {len(body)}-character Beslutning, with and without the trigger"),
    ]


def _edit_times(store, section_id: int, body: str, count: int) -> list[float]:
    times = []
    for index in range(count):
        started = time.perf_counter()
        store.agenda.set_section_body(section_id, f"{body} {index}")
        times.append(time.perf_counter() - started)
    return times

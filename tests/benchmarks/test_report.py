"""The benchmark table and its statistics."""

from __future__ import annotations

from benchmarks.report import MISSED, Row, format_table, not_built, verdict
from benchmarks.stats import median, percentile


def test_nearest_rank_percentiles_are_measured_values():
    samples = [float(n) for n in range(1, 101)]

    assert percentile(samples, 50) == 50.0
    assert percentile(samples, 99) == 99.0
    assert percentile([3.0, 1.0, 2.0], 99) == 3.0
    assert median([1.0, 5.0, 2.0]) == 2.0


def test_table_lines_up_and_lists_notes_for_missing_figures():
    rows = [
        Row("Start-up", "300 ms", "200 ms", "1.50×", "≤ 1.50× bare", verdict(True)),
        Row("Export", "2 s", status=verdict(False), note="writer is slow"),
        not_built("Import", "≤ 0.5 s", "the importer"),
    ]

    text = format_table(rows)

    table = text.split("\n\n")[0].splitlines()
    assert len({len(line) for line in table}) == 1
    assert MISSED in table[3]
    assert "- Export: writer is slow" in text
    assert "- Import: the importer not built yet" in text

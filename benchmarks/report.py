"""The table the benchmark prints: one row per figure, measured beside baseline and target."""

from __future__ import annotations

from dataclasses import dataclass

OK = "ok"
MISSED = "MISSED"
NOT_AVAILABLE = "n/a"


@dataclass
class Row:
    """One figure. ``status`` is ok, MISSED or n/a; ``note`` says why when it is not ok."""

    figure: str
    measured: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    status: str = NOT_AVAILABLE
    note: str = ""


def not_built(figure: str, target: str, what: str) -> Row:
    """The row for a figure whose code is not in this checkout yet."""
    return Row(figure, "n/a", target=target, status=NOT_AVAILABLE, note=f"{what} not built yet")


def failed(figure: str, target: str, error: BaseException | str) -> Row:
    """The row for a measurement that broke; the run goes on with the other figures."""
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return Row(figure, "error", target=target, status=NOT_AVAILABLE, note=text.splitlines()[0])


def verdict(passed: bool) -> str:
    return OK if passed else MISSED


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def millis(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def ratio(value: float) -> str:
    return f"{value:.2f}×"


HEADERS = ("Figure", "Measured", "Baseline", "Ratio", "Target", "Result")


def format_table(rows: list[Row]) -> str:
    """A plain-text table (also valid Markdown), notes listed below it."""
    cells = [HEADERS] + [
        (row.figure, row.measured, row.baseline, row.ratio, row.target, row.status) for row in rows
    ]
    widths = [max(len(line[column]) for line in cells) for column in range(len(HEADERS))]

    def line(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(values) for values in cells[1:]]
    notes = [f"- {row.figure}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)

"""Start-up and memory: the real window against a bare PySide6 window, each in a new process.

Each run spawns ``python -m benchmarks.child_window``; the time runs from just before the
spawn to the first paint of the first window, so interpreter start, imports, opening the
database and building the window all count. Runs alternate app / bare / app-with-100-items
so that a slow moment of the machine hits all three alike; one warm-up round is thrown away.
A fourth kind, for information, is the floor: the bare window after touching every Qt
class the app had touched by its first paint (the warm-up round's list), which is what
those classes alone cost.
"""

from __future__ import annotations

from .children import ChildResult, run_child
from .report import Row, failed, ratio, seconds, verdict
from .stats import median
from .workspace import Workspace

STARTUP_TARGET = 1.5
MEMORY_TARGET_MB = 250


def measure(workspace: Workspace, runs: int) -> list[Row]:
    runs += 2  # start-up is the noisiest figure and each run is short
    startup_figure = "Start-up to window shown (sample meeting)"
    big_figure = "Start-up to window shown (100 items)"
    memory_figure = "Peak RSS, 100-item meeting open, every item visited"
    bare: list[ChildResult] = []
    app: list[ChildResult] = []
    big: list[ChildResult] = []
    floor: list[ChildResult] = []
    try:
        classes = run_child("child_window", "app", "--db",
                            str(workspace.fresh_copy(workspace.sample_db))).report["qt_classes"]
        workspace.path("qt-classes.txt").write_text("\n".join(classes), encoding="utf-8")
        for round_number in range(runs + 1):
            kinds = [("bare", bare), ("app", app), ("big", big), ("floor", floor)]
            rotation = round_number % len(kinds)  # no kind always runs first or last
            for kind, into in kinds[rotation:] + kinds[:rotation]:
                result = _run(workspace, kind)
                if round_number > 0:  # round 0 warms the disk cache and .pyc files
                    into.append(result)
    except Exception as error:  # noqa: BLE001 - one broken figure must not stop the others
        return [
            failed(startup_figure, f"≤ {STARTUP_TARGET:.2f}× bare", error),
            failed(memory_figure, f"≤ {MEMORY_TARGET_MB} MB", error),
        ]
    bare_time = median([_shown_after(r) for r in bare])
    app_time = median([_shown_after(r) for r in app])
    big_time = median([_shown_after(r) for r in big])
    startup_ratio = app_time / bare_time
    rows = [
        Row(
            startup_figure,
            seconds(app_time),
            seconds(bare_time),
            ratio(startup_ratio),
            f"≤ {STARTUP_TARGET:.2f}× bare",
            verdict(startup_ratio <= STARTUP_TARGET),
        ),
        Row(
            big_figure,
            seconds(big_time),
            seconds(bare_time),
            ratio(big_time / bare_time),
            "(for information)",
            "",
        ),
        Row(
            f"Bare window + the app's {len(classes)} Qt classes (floor)",
            seconds(median([_shown_after(r) for r in floor])),
            seconds(bare_time),
            ratio(median([_shown_after(r) for r in floor]) / bare_time),
            "(for information)",
            "",
            "the bare window after touching each Qt class the app had made by its first paint",
        ),
    ]
    peaks = [r.report["peak_rss"] for r in big]
    bare_peaks = [r.report["peak_rss"] for r in bare]
    if None in peaks or None in bare_peaks:
        rows.append(
            Row(memory_figure, "n/a", target=f"≤ {MEMORY_TARGET_MB} MB", note="install psutil")
        )
    else:
        peak_mb = median(peaks) / 2**20
        bare_mb = median(bare_peaks) / 2**20
        visited = min(r.report.get("visited") or 0 for r in big)
        rows.append(
            Row(
                memory_figure,
                f"{peak_mb:.0f} MB",
                f"{bare_mb:.0f} MB",
                ratio(peak_mb / bare_mb),
                f"≤ {MEMORY_TARGET_MB} MB",
                verdict(peak_mb <= MEMORY_TARGET_MB),
                "" if visited else "no agenda rows were found to visit",
            )
        )
    return rows


def _run(workspace: Workspace, kind: str) -> ChildResult:
    if kind == "bare":
        return run_child("child_window", "bare")
    if kind == "floor":
        return run_child("child_window", "bare", "--touch", str(workspace.path("qt-classes.txt")))
    if kind == "app":
        database = workspace.fresh_copy(workspace.sample_db)
        return run_child("child_window", "app", "--db", str(database))
    return run_child(
        "child_window", "--visit", "app", "--db", str(workspace.fresh_copy(workspace.db_100))
    )


def _shown_after(result: ChildResult) -> float:
    """Seconds from spawn to the first paint (or to show() where no paint came)."""
    moment = result.report.get("painted") or result.report.get("shown")
    if moment is None:
        raise RuntimeError("the window was never shown")
    return moment - result.spawned_at

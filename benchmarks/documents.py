"""Export and import: the referat writer against plain python-docx, and the importer's speed.

Every export runs in its own child process (so a slow writer meets a time-out instead of
stalling the run); the generated meeting is built before the clock starts. The import
figures read the writer's own 100-item .docx and the 100-item meeting in the seed's
text-extraction form.
"""

from __future__ import annotations

import importlib.util

from .children import ChildFailed, run_child
from .generate import seed_form_text
from .report import Row, failed, not_built, ratio, seconds, verdict
from .stats import median
from .workspace import LARGE_ITEMS, NORMAL_ITEMS, Workspace

EXPORT_TARGET = 1.0
LINEAR_TARGET = 11.0
IMPORT_TARGET = 0.5
LARGE_EXPORT_TIMEOUT = 90.0


def measure(workspace: Workspace, runs: int) -> list[Row]:
    rows = _export_rows(workspace, runs)
    rows += _import_rows(workspace, runs)
    return rows


def _export_rows(workspace: Workspace, runs: int) -> list[Row]:
    figure = f"Export {NORMAL_ITEMS} items to .docx"
    large_figure = f"Export {LARGE_ITEMS} items / {NORMAL_ITEMS} items (CPU time)"
    target = f"≤ {EXPORT_TARGET:.2f}× python-docx"
    large_target = f"≤ {LINEAR_TARGET:.0f}×"
    if not _has("kkr_desk.writer"):
        return [
            not_built(figure, target, "the referat writer (kkr_desk.writer)"),
            not_built(large_figure, large_target, "the referat writer (kkr_desk.writer)"),
        ]
    folder = str(workspace.folder)
    normal = str(NORMAL_ITEMS)
    try:
        naive = run_child("child_export", "naive", normal, str(runs), folder)
        writer = run_child("child_export", "writer", normal, str(runs), folder)
    except ChildFailed as error:
        return [failed(figure, target, error), failed(large_figure, large_target, error)]
    workspace.exported_100 = writer.report["paths"][normal]
    naive_time = median(naive.report["times"][normal])
    writer_time = median(writer.report["times"][normal])
    rows = [
        Row(
            f"{figure} ({writer.report['paragraphs'][normal]} paragraphs)",
            seconds(writer_time),
            seconds(naive_time),
            ratio(writer_time / naive_time),
            target,
            verdict(writer_time <= EXPORT_TARGET * naive_time),
        )
    ]
    large_runs = 1 if runs <= 3 else 2  # each takes seconds; --quick does one
    large = str(LARGE_ITEMS)
    try:
        both = run_child(
            "child_export",
            "writer",
            f"{normal},{large}",
            str(large_runs),
            folder,
            timeout=LARGE_EXPORT_TIMEOUT * large_runs,
        )
    except ChildFailed as error:
        rows.append(failed(large_figure, large_target, error))
        return rows
    # CPU time: growth is about the algorithm, and other work on the machine disturbs the
    # wall clock of a seconds-long run far more than the process's own CPU time.
    small_time = median(both.report["cpu_times"][normal])
    large_time = median(both.report["cpu_times"][large])
    growth = large_time / small_time
    rows.append(
        Row(
            large_figure,
            seconds(large_time),
            seconds(small_time),
            ratio(growth),
            large_target,
            verdict(growth <= LINEAR_TARGET),
        )
    )
    return rows


def _import_rows(workspace: Workspace, runs: int) -> list[Row]:
    docx_figure = f"Import own {NORMAL_ITEMS}-item .docx"
    text_figure = f"Import {NORMAL_ITEMS}-item text in the seed's form"
    target = f"≤ {IMPORT_TARGET:.1f} s"
    if not _has("kkr_desk.importer"):
        what = "the importer (kkr_desk.importer)"
        return [not_built(docx_figure, target, what), not_built(text_figure, target, what)]
    text_path = workspace.path(f"seed-form-{NORMAL_ITEMS}.txt")
    text_path.write_text(seed_form_text(workspace.meeting_100), encoding="utf-8")
    sources = [(text_figure, str(text_path))]
    exported = getattr(workspace, "exported_100", None)
    rows = []
    if exported is None:
        rows.append(not_built(docx_figure, target, "the referat writer's .docx"))
    else:
        sources.insert(0, (docx_figure, exported))
    for figure, path in sources:
        try:
            result = run_child("child_import", path, str(runs))
        except ChildFailed as error:
            rows.append(failed(figure, target, error))
            continue
        took = median(result.report["times"])
        found = result.report["items"]
        row = Row(figure, seconds(took), target=target, status=verdict(took <= IMPORT_TARGET))
        if found != NORMAL_ITEMS:
            row.note = f"found {found} of {NORMAL_ITEMS} items"
        rows.append(row)
    return rows


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None

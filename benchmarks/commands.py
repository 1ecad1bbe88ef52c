"""Whole commands as the secretary runs them, each a new process timed from outside.

``kkr-desk export ID -o out.docx`` of the 100-item meeting against the plain python-docx
script writing the same paragraphs (benchmarks/naive_script.py, also a process), and
``kkr-desk import`` of a ~25-page referat PDF (the writer's PDF of ``big_meeting(10)``,
made with LibreOffice; n/a without it) against the import of the same meeting as text in
the seed's form. Interpreter start, imports, the backup before every export and the
database all count, as they do for the user. Runs alternate the two of a pair. Then the
same PDF read inside this process (``read_pdf``, issue 16's target 2), beside the same
meeting read as a text file.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
from pathlib import Path

from .children import ROOT, offscreen_environment
from .generate import big_meeting, meeting_blocks, seed_form_text
from .report import Row, failed, ratio, seconds, verdict
from .stats import median
from .workspace import Workspace

EXPORT_TARGET = 1.0
IMPORT_TARGET = 1.3
READ_TARGET = 0.25  # seconds: issue 16's "a 25-page KL PDF read in a fifth of today's time"
PDF_ITEMS = 10  # ~27 pages in the KL layout, like a real referat


def measure(workspace: Workspace, runs: int) -> list[Row]:
    rows = []
    try:
        rows.append(_export_row(workspace, runs))
    except Exception as error:  # noqa: BLE001 - a broken figure must not stop the others
        rows.append(failed("kkr-desk export 100 items (process)", f"≤ {EXPORT_TARGET:.2f}×", error))
    try:
        rows.extend(_import_rows(workspace, runs))
    except Exception as error:  # noqa: BLE001
        rows.append(failed("kkr-desk import PDF / text (process)", f"≤ {IMPORT_TARGET:.2f}×", error))
    return rows


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, env=offscreen_environment(),
                              capture_output=True, text=True, timeout=300)
    took = time.perf_counter() - started
    if finished.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:4])}: {finished.stderr.strip()[-200:]}")
    return took


def _kkr_desk(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "kkr_desk", *arguments]


def _export_row(workspace: Workspace, runs: int) -> Row:
    database = workspace.fresh_copy(workspace.db_100)
    from kkr_desk.store import open_store

    with open_store(database) as store:
        meeting_id = max(summary.id for summary in store.meetings.summaries())
    blocks = workspace.path("blocks-100.json")
    blocks.write_text(json.dumps([dataclasses.asdict(b) for b in meeting_blocks(workspace.meeting_100)]),
                      encoding="utf-8")
    ours, plain = [], []
    for run in range(runs + 1):
        pair = [
            ("ours", _kkr_desk("export", str(meeting_id), "-o", str(workspace.path("cmd.docx")),
                               "--db", str(database))),
            ("plain", [sys.executable, str(Path(__file__).with_name("naive_script.py")),
                       str(blocks), str(workspace.path("plain.docx"))]),
        ]
        for kind, command in pair if run % 2 else reversed(pair):
            took = _timed(command)
            if run:  # the first round warms the disk cache and the .pyc files
                (ours if kind == "ours" else plain).append(took)
    mine, base = median(ours), median(plain)
    return Row("kkr-desk export 100 items (process)", seconds(mine), f"script {seconds(base)}",
               ratio(mine / base), f"≤ {EXPORT_TARGET:.2f}× script", verdict(mine / base <= EXPORT_TARGET),
               "both as new processes; ours includes the backup taken before every export")


def _import_rows(workspace: Workspace, runs: int) -> list[Row]:
    figure = "kkr-desk import ~25-page PDF / same as text (process)"
    target = f"≤ {IMPORT_TARGET:.2f}× text"
    from kkr_desk.writer.pdf import find_soffice

    meeting = big_meeting(PDF_ITEMS)
    pdf = workspace.path(f"referat-{PDF_ITEMS}.pdf")
    if find_soffice() is None:
        return [Row(figure, "n/a", target=target, note="LibreOffice is not installed")]
    from kkr_desk.writer import export_meeting

    export_meeting(meeting, pdf)
    text = workspace.path(f"referat-{PDF_ITEMS}.txt")
    text.write_text(seed_form_text(meeting), encoding="utf-8")
    times: dict[Path, list[float]] = {pdf: [], text: []}
    for run in range(runs + 1):
        for source in (pdf, text) if run % 2 else (text, pdf):
            database = workspace.path(f"import-{run}-{source.suffix[1:]}.db")
            took = _timed(_kkr_desk("import", str(source), "--db", str(database)))
            if run:
                times[source].append(took)
    from pypdfium2 import PdfDocument

    pages = len(PdfDocument(str(pdf)))
    mine, base = median(times[pdf]), median(times[text])
    return [
        Row(f"kkr-desk import {pages}-page PDF / same as text (process)", seconds(mine),
            f"text {seconds(base)}", ratio(mine / base), target, verdict(mine / base <= IMPORT_TARGET)),
        _read_row(pdf, text, pages, runs),
    ]


def _read_row(pdf: Path, text: Path, pages: int, runs: int) -> Row:
    """Target 2: reading the PDF's text in this process (``read_pdf``, after one first call
    that loads PDFium), beside reading the same meeting as a text file."""
    from kkr_desk.importer.readers import read_pdf, read_text_file

    def took(read, path: Path) -> float:
        started = time.perf_counter()
        read(path)
        return time.perf_counter() - started

    first = took(read_pdf, pdf)
    warm = [took(read_pdf, pdf) for _ in range(max(runs, 3))]
    plain = [took(read_text_file, text) for _ in range(max(runs, 3))]
    mine = median(warm)
    return Row(f"Read {pages}-page PDF in the process (read_pdf, warm)", seconds(mine),
               f"text {seconds(median(plain))}", "", f"≤ {seconds(READ_TARGET)}",
               verdict(mine <= READ_TARGET), f"first call (loads PDFium) {seconds(first)}")

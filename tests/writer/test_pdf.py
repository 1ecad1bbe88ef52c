"""PDF through LibreOffice where it is installed (CI installs it), a clear message where not;
LibreOffice ends on cancel and with a killed export, and leaves no work folder behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from kkr_desk.domain import MeetingKind
from kkr_desk.writer import ReferatError, document_bytes, export_meeting, pdf

needs_soffice = pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice not installed")


@needs_soffice
def test_sample_referat_as_pdf(tmp_path, sample):
    out = tmp_path / "referat.pdf"
    export_meeting(sample, out)
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 8
    first = reader.pages[0].extract_text()
    assert "KKR Midtjylland | 05-09-2024" not in first  # no running header on the front page
    second = reader.pages[1].extract_text()
    assert "KKR Midtjylland | 05-09-2024" in second and "Deltagerfortegnelse" in second
    assert "Side 2" in second
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "3.2. Fordeling af lærepladser" in text.replace("\t", " ")


def test_no_libreoffice_gives_a_message_and_leaves_the_old_file(tmp_path, meeting, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    import kkr_desk.writer as referat

    monkeypatch.setattr(referat, "find_soffice", lambda: None)
    out = tmp_path / "referat.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ReferatError, match="PDF kræver LibreOffice"):
        export_meeting(meeting, out)
    assert out.read_bytes() == b"old"


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_a_hanging_libreoffice_is_stopped(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake)
    with pytest.raises(pdf.PdfError, match="inden for 1 sekunder"):
        pdf.docx_to_pdf(b"PK", time_limit=1)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_libreoffice_that_makes_nothing(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake)
    with pytest.raises(pdf.PdfError, match="ingen PDF"):
        pdf.docx_to_pdf(b"PK")
    assert os.path.exists(fake)


@needs_soffice
def test_pdf_table_of_contents_has_the_printed_page_numbers(tmp_path, sample):
    out = tmp_path / "referat.pdf"
    export_meeting(sample, out, table_of_contents=True)
    reader = PdfReader(str(out))
    contents = reader.pages[1].extract_text()
    assert "Indholdsfortegnelse" in contents
    # The front page, the contents and the participants come first: group 1 is on page 4.
    heading_page = {}
    for number, page in enumerate(reader.pages, 1):
        for line in page.extract_text().splitlines():
            if line.strip() in ("5. KKR", "7. Eventuelt") and number > 2:
                heading_page[line.strip()] = number
    lines = [" ".join(line.split()) for line in contents.splitlines()]
    for title, page in heading_page.items():
        assert any(line.startswith(title) and line.endswith(str(page)) for line in lines), title
    assert pdf.heading_pages(out.read_bytes())[0] == 4


def test_heading_pages_of_something_that_is_not_a_pdf():
    assert pdf.heading_pages(b"not a pdf") == []


# Ending LibreOffice: cancel, and a kill of our own process --------------------------------

ROOT = Path(__file__).resolve().parents[2]
has_proc = pytest.mark.skipif(
    not Path("/proc/self/cmdline").exists(), reason="finds LibreOffice's processes in /proc (Linux)"
)
posix_fake = pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains ``text`` (zombies are dead)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if text.encode() in command and state != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The temporary directory pdf.py uses, private to the test; nothing may outlive it."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    yield temp
    if Path("/proc").is_dir():
        for pid in processes_mentioning(str(temp)):
            os.kill(pid, signal.SIGKILL)


def work_folders(temp: Path) -> list[Path]:
    return sorted(temp.glob(f"{pdf.WORK_PREFIX}*"))


def libreoffice_is_working(temp: Path) -> bool:
    return any(
        b"soffice.bin" in Path(f"/proc/{pid}/cmdline").read_bytes()
        for pid in processes_mentioning(str(temp))
    )


@needs_soffice
@has_proc
def test_cancel_ends_libreoffice_and_all_it_started_at_once(private_temp, sample):
    data = document_bytes(sample, MeetingKind.REFERAT)
    cancel = threading.Event()
    outcome = {}

    def convert():
        try:
            pdf.docx_to_pdf(data, cancel=cancel)
        except pdf.PdfError as error:
            outcome["error"], outcome["at"] = error, time.monotonic()

    worker = threading.Thread(target=convert)
    worker.start()
    assert wait_until(lambda: libreoffice_is_working(private_temp), 30)
    time.sleep(0.3)
    cancelled_at = time.monotonic()
    cancel.set()
    worker.join(10)
    assert isinstance(outcome.get("error"), pdf.PdfCancelled)
    assert outcome["at"] - cancelled_at < 0.5
    assert wait_until(lambda: not processes_mentioning(str(private_temp)), 0.5)
    assert work_folders(private_temp) == []


KILLED_EXPORT = """
import sys
from pathlib import Path
from kkr_desk.writer import pdf
if len(sys.argv) > 2:
    pdf.find_soffice = lambda: Path(sys.argv[2])
print("start", flush=True)
pdf.docx_to_pdf(Path(sys.argv[1]).read_bytes())
"""


def start_export_child(temp: Path, docx: Path, fake: Path | None = None) -> subprocess.Popen:
    if not docx.exists():
        docx.write_bytes(b"PK")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(docx), *([str(fake)] if fake else [])],
        cwd=ROOT,
        env={**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "start"
    return child


def hard_kill(child: subprocess.Popen) -> None:
    child.kill()
    child.wait(timeout=10)
    child.stdout.close()


@needs_soffice
@has_proc
def test_libreoffice_dies_with_a_killed_export_and_the_next_removes_its_folder(
    private_temp, tmp_path, sample, monkeypatch
):
    docx = tmp_path / "referat.docx"
    docx.write_bytes(document_bytes(sample, MeetingKind.REFERAT))
    child = start_export_child(private_temp, docx)
    assert wait_until(lambda: libreoffice_is_working(private_temp), 30)
    hard_kill(child)
    assert wait_until(lambda: not processes_mentioning(str(private_temp)), 2)
    [left] = work_folders(private_temp)
    assert (left / "dokument.docx").read_bytes() == docx.read_bytes()  # the whole referat

    nothing = tmp_path / "soffice"
    nothing.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    nothing.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: nothing)
    with pytest.raises(pdf.PdfError, match="ingen PDF"):
        pdf.docx_to_pdf(b"PK")  # the next PDF export
    assert work_folders(private_temp) == []


def fake_with_a_child(tmp_path: Path) -> Path:
    """A LibreOffice stand-in that starts a process of its own and waits: both write pids."""
    fake = tmp_path / "soffice"
    fake.write_text(
        f"#!/bin/sh\necho $$ > {tmp_path}/soffice.pid\nsleep 60 &\n"
        f"echo $! > {tmp_path}/child.pid\nwait\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    return fake


def pids_of_fake(tmp_path: Path) -> list[int]:
    files = [tmp_path / "soffice.pid", tmp_path / "child.pid"]
    assert wait_until(lambda: all(f.exists() and f.read_text().strip() for f in files), 10)
    return [int(f.read_text()) for f in files]


@posix_fake
def test_cancel_ends_what_libreoffice_started_too(private_temp, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake_with_a_child(tmp_path))
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(pdf.PdfCancelled):
        pdf.docx_to_pdf(b"PK", cancel=cancel)
    assert time.monotonic() - started < 1.0
    assert not any(alive(pid) for pid in pids_of_fake(tmp_path))
    assert work_folders(private_temp) == []


@posix_fake
def test_a_killed_export_takes_libreoffice_s_children_with_it(private_temp, tmp_path):
    child = start_export_child(private_temp, tmp_path / "x.docx", fake_with_a_child(tmp_path))
    pids = pids_of_fake(tmp_path)
    assert all(alive(pid) for pid in pids)
    hard_kill(child)
    assert wait_until(lambda: not any(alive(pid) for pid in pids), 2)


@posix_fake
def test_a_work_folder_in_use_is_left_alone(private_temp, tmp_path, monkeypatch):
    busy = start_export_child(private_temp, tmp_path / "x.docx", fake_with_a_child(tmp_path))
    pids_of_fake(tmp_path)
    old_unmarked = private_temp / f"{pdf.WORK_PREFIX}from-an-older-version"
    old_unmarked.mkdir()
    (old_unmarked / "dokument.docx").write_bytes(b"PK")
    os.utime(old_unmarked, (time.time() - 7200, time.time() - 7200))
    new_unmarked = private_temp / f"{pdf.WORK_PREFIX}just-made"
    new_unmarked.mkdir()
    try:
        [in_use] = [f for f in work_folders(private_temp) if f not in (old_unmarked, new_unmarked)]
        pdf.remove_abandoned_work()
        assert work_folders(private_temp) == sorted([in_use, new_unmarked])
    finally:
        hard_kill(busy)
    pdf.remove_abandoned_work()
    assert work_folders(private_temp) == [new_unmarked]


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_export_meeting_cancelled_from_another_thread_writes_nothing(tmp_path, meeting, monkeypatch):
    """The window's Annullér sets the event from the UI thread while the export runs."""
    import kkr_desk.writer as referat

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake)
    monkeypatch.setattr(referat, "find_soffice", lambda: fake)
    out = tmp_path / "referat.pdf"
    out.write_bytes(b"old")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(referat.ExportCancelled, match="annulleret"):
        export_meeting(meeting, out, cancel=cancel)
    assert time.monotonic() - started < 5
    assert out.read_bytes() == b"old"

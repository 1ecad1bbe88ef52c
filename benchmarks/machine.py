"""What the figures were measured on: the machine and the versions of everything that matters."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DISTRIBUTIONS = ("PySide6-Essentials", "python-docx", "sqlite-utils", "markdown-it-py", "lxml")


def machine_lines() -> list[str]:
    """Lines for the head of the report."""
    lines = [
        f"Machine:  {platform.platform()} · {_cpu_model()} · {os.cpu_count()} cores · "
        f"{_memory_text()}",
        f"Python:   {platform.python_implementation()} {platform.python_version()}",
        f"Qt:       {_qt_version()} · SQLite {sqlite3.sqlite_version}",
        "Packages: " + " · ".join(f"{name} {_version(name)}" for name in DISTRIBUTIONS),
        f"Code:     {_commit()}",
    ]
    return lines


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory_text() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        try:
            import psutil  # optional: the "bench" extra

            total = psutil.virtual_memory().total
        except ImportError:
            return "RAM unknown"
    return f"{total / 2**30:.1f} GiB RAM"


def _qt_version() -> str:
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError:
        return "PySide6 missing"
    return f"PySide6 {PySide6.__version__} / Qt {QtCore.qVersion()}"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def _commit() -> str:
    try:
        result = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    return result.stdout.strip()


if __name__ == "__main__":
    print("\n".join(machine_lines()), file=sys.stdout)

"""Build KKR Desk's one-folder bundle, dist/KKR Desk/: ``python packaging/build.py``.

The same command on Windows, macOS and Linux (PyInstaller builds for the platform it runs
on). Needs the package extra: ``pip install -e ".[package]"``. Prints the bundle's size,
which docs/packaging.md keeps. What goes in and why: packaging/kkr-desk.spec.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kkr-desk.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "KKR Desk"
WORK = ROOT / "build" / "pyinstaller"


def folder_size(folder: Path) -> int:
    """Bytes on disk; a symbolic link (PyInstaller links libraries on Linux) counts once."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def finish_windows(bundle: Path) -> None:
    """The console twin answers `kkr-desk` typed in a terminal (.com runs before .exe)."""
    console = bundle / "kkr-desk-console.exe"
    console.replace(bundle / "kkr-desk.com")


def finish_linux(bundle: Path) -> None:
    """The menu entry and its icon beside the program (docs/packaging.md installs them)."""
    shutil.copy2(ROOT / "packaging" / "linux" / "kkr-desk.desktop", bundle)
    shutil.copy2(ROOT / "resources" / "icon.png", bundle / "kkr-desk.png")


def main() -> int:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('build.py: PyInstaller is missing: pip install -e ".[package]"', file=sys.stderr)
        return 2
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
            "--log-level", os.environ.get("KKR_DESK_BUILD_LOG", "WARN"),
            "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    if sys.platform == "win32":
        finish_windows(BUNDLE)
    elif sys.platform != "darwin":
        finish_linux(BUNDLE)
    size = folder_size(BUNDLE)
    print(f"{BUNDLE}: {size / 1_000_000:.0f} MB, built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

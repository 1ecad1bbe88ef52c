"""Smoke test of the frozen bundle: ``python packaging/smoke_test.py [--skip-pdf]``.

Runs dist/KKR Desk/'s executable as a user would, from a new folder outside the checkout,
offscreen, with no Python path into the checkout: ``--version`` against pyproject.toml,
``list`` on a new database (the sample meeting), ``export`` to .docx and PDF, ``import`` of
that PDF, and the window opening and closing through its ordinary close
($KKR_DESK_CLOSE_AFTER_MS, kkr_desk/ui/app.py). Then it looks into the bundle: Qt's Danish
translation, and no QtWebEngine or numpy. A PDF needs LibreOffice; --skip-pdf leaves the
PDF and its import out on a machine without it.

Exit 0 when every check passed; the last line counts them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "KKR Desk"
TIME_LIMIT = 180  # seconds for one command; a PDF takes a few


def executable(bundle: Path) -> Path:
    """The one a terminal runs: on Windows the console twin kkr-desk.com (build.py)."""
    return bundle / ("kkr-desk.com" if sys.platform == "win32" else "kkr-desk")


def clean_environment(home: Path) -> dict[str, str]:
    """The user's environment without a way into the checkout, with its own log and settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KKR_DESK_LOG_DIR=str(home / "log"),
        XDG_CONFIG_HOME=str(home / "config"),  # the window's QSettings (Linux)
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


class Smoke:
    def __init__(self, program: Path, folder: Path):
        self.program, self.folder = program, folder
        self.env = clean_environment(folder)
        self.passed, self.failed = 0, 0

    def run(self, *arguments: str, env: dict[str, str] | None = None):
        return subprocess.run(
            [str(self.program), *arguments], cwd=self.folder, env=env or self.env,
            capture_output=True, text=True, encoding="utf-8", timeout=TIME_LIMIT,
        )

    def check(self, name: str, test) -> None:
        started = time.monotonic()
        try:
            problem = test()
        except Exception as error:  # a crash or time-out is a failed check, reported
            problem = f"{type(error).__name__}: {error}"
        seconds = time.monotonic() - started
        if problem:
            self.failed += 1
            print(f"FAIL {name} ({seconds:.1f} s): {problem}", flush=True)
        else:
            self.passed += 1
            print(f"ok   {name} ({seconds:.1f} s)", flush=True)


def expect(result: subprocess.CompletedProcess, *texts: str) -> str | None:
    """None when the command succeeded and printed every text, else what went wrong."""
    if result.returncode != 0:
        return f"exit code {result.returncode}: {result.stderr.strip() or result.stdout.strip()}"
    missing = [text for text in texts if text not in result.stdout]
    return f"missing {missing} in {result.stdout!r}" if missing else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUNDLE)
    parser.add_argument("--skip-pdf", action="store_true", help="no LibreOffice here")
    options = parser.parse_args(argv)
    program = executable(options.bundle)
    if not program.is_file():
        print(f"smoke_test.py: {program} is missing: run packaging/build.py", file=sys.stderr)
        return 2
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = pyproject["project"]["version"]
    with tempfile.TemporaryDirectory(prefix="kkr-desk-smoke-") as work:
        folder = Path(work)
        smoke = Smoke(program, folder)
        db = "smoke.db"
        smoke.check("--version matches pyproject", lambda: expect(
            smoke.run("--version"), f"kkr-desk {version}\n"))
        smoke.check("list on a new database shows the sample", lambda: expect(
            smoke.run("--db", db, "list"), "1\tKKR Midtjylland\t05-09-2024\tafholdt\t10 punkter"))

        def docx() -> str | None:
            problem = expect(smoke.run("--db", db, "export", "1", "-o", "referat.docx"))
            if problem:
                return problem
            with zipfile.ZipFile(folder / "referat.docx") as package:
                document = package.read("word/document.xml").decode("utf-8")
            return None if "Deltagerfortegnelse" in document else "no Deltagerfortegnelse"

        smoke.check("export to .docx", docx)
        if not options.skip_pdf:
            def pdf() -> str | None:
                problem = expect(smoke.run("--db", db, "export", "1", "-o", "referat.pdf"))
                head = (folder / "referat.pdf").read_bytes()[:5] if not problem else b""
                return problem or (None if head == b"%PDF-" else f"not a PDF: {head!r}")

            smoke.check("export to PDF (LibreOffice)", pdf)
            smoke.check("import of that PDF", lambda: expect(
                smoke.run("--db", db, "import", "referat.pdf"),
                "KKR Midtjylland 05-09-2024 (referat): 7 grupper, 10 punkter", "\n2\n"))

        def window() -> str | None:
            env = {**smoke.env, "KKR_DESK_CLOSE_AFTER_MS": "1500"}
            return expect(smoke.run("--db", db, env=env),
                          "vinduet er åbent: KKR Desk – KKR Midtjylland 05-09-2024")

        smoke.check("the window opens and closes", window)
        smoke.check("no program error was logged", lambda: "; ".join(
            f"{log.name}: {log.read_text(encoding='utf-8')[:500]}"
            for log in (folder / "log").glob("*.log*")) or None)
        smoke.check("bundle: Qt's Danish translation, no other", lambda: check_translations(
            options.bundle))
        smoke.check("bundle: no QtWebEngine, no numpy", lambda: ", ".join(
            str(path.relative_to(options.bundle)) for path in options.bundle.rglob("*")
            if "WebEngine" in path.name or path.name == "numpy") or None)
    print(f"smoke: {smoke.passed} passed, {smoke.failed} failed")
    return 1 if smoke.failed else 0


def check_translations(bundle: Path) -> str | None:
    names = sorted(path.name for path in bundle.rglob("*.qm"))
    return None if names == ["qtbase_da.qm"] else f"translations: {names}"


if __name__ == "__main__":
    sys.exit(main())

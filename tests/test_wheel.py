"""Installed from a wheel, not from the checkout, the program starts and writes a referat.

The wheel is built from a copy of the project, installed (not editable) into a fresh virtual
environment, and run from another folder, so nothing can come from the checkout by accident.
The environment sees the machine's packages (PySide6, python-docx…) to stay fast, so the
test checks that kkr_desk itself is the wheel's copy inside the environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import docx
import pytest

from kkr_desk.logs import LOG_DIR_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
TEST_VERSION = "0.1.0+wheeltest"
"""The copy's version: --version must print it, read from the installed metadata."""


def run(*command, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the environment's folder, its scripts folder, the wheel, an environment for commands)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    for name in ("kkr_desk", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    pyproject = source / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace(
            f'version = "{project_version()}"', f'version = "{TEST_VERSION}"', 1
        ),
        encoding="utf-8",
    )
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env[LOG_DIR_VARIABLE] = str(base / "logs")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", base / "dist", source,
        cwd=base, env=env)
    (wheel,) = (base / "dist").glob("*.whl")
    environment = base / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(environment)
    scripts = environment / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel,
        cwd=base, env=env)
    return environment, scripts, wheel, env


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_wheel_carries_every_module_and_resource(installed):
    _, _, wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "kkr_desk").rglob("*.py")}
    resources = {
        "kkr_desk/resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert "kkr_desk/resources/sample-meeting.json" in resources
    assert modules | resources <= names


def test_the_installed_program_lists_a_new_database_and_exports_the_sample(installed, tmp_path):
    environment, scripts, _, env = installed
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    program = scripts / ("kkr-desk.exe" if os.name == "nt" else "kkr-desk")

    where = run(python, "-c", "import kkr_desk; print(kkr_desk.__file__)", cwd=tmp_path, env=env)
    module_file = Path(where.stdout.strip()).resolve()
    assert module_file.is_relative_to(environment.resolve()), module_file
    assert not module_file.is_relative_to(ROOT)

    assert run(program, "--version", cwd=tmp_path, env=env).stdout == f"kkr-desk {TEST_VERSION}\n"
    listing = run(program, "list", "--db", "new.db", cwd=tmp_path, env=env)
    assert listing.stdout.splitlines() == ["1\tKKR Midtjylland\t05-09-2024\tafholdt\t10 punkter"]
    run(program, "export", "1", "-o", "referat.docx", "--db", "new.db", cwd=tmp_path, env=env)
    text = "\n".join(paragraph.text for paragraph in docx.Document(tmp_path / "referat.docx").paragraphs)
    assert "Godkendelse af referat fra mødet den 18. juni 2024" in text
